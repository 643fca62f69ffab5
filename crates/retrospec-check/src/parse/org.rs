//! A report written in Org mode (Emacs), read as the Markdown it corresponds to.
//!
//! Org's marks are rewritten byte for byte into Markdown's, each into one of the
//! same length, so every offset, line and column of the rewritten text is the
//! file's and every finding points into what the user wrote; the Markdown reader
//! then reads it as any report written as it is:
//!
//! | Org | read as |
//! |---|---|
//! | `#+TITLE: ...` | `# ...` (the title) |
//! | `#+AUTHOR: ...`, `#+DATE: ...` | `Author: ...`, `Date: ...` lines |
//! | other `#+KEY:` lines, `# ` comments | nothing (blank) |
//! | `* Headline`, `** Headline` | `# Headline`, `## Headline` |
//! | `** TODO Item`, `** DONE Item` (also `NEXT`, `WAITING`, `CANCELLED`) | `- [ ] Item`, `- [x] Item` |
//! | `<2025-02-04 Tue 04:00>`, `[2025-10-07 Tue 21:58]` | the time stamp without its brackets |
//! | `:PROPERTIES:` drawer lines `:OWNER: Femke` | `Owner: Femke` (the drawer's marks blank) |
//! | `:LOGBOOK:` drawers (clock records) | nothing (blank) |
//! | `SCHEDULED:`, `DEADLINE:` | `Due:` |
//! | `#+BEGIN_SRC lang` ... `#+END_SRC`, `#+BEGIN_EXAMPLE` ... | a fenced code block |
//! | `=verbatim=`, `~code~` | `` `code` `` |
//!
//! Written by hand: the Org parsers on crates.io build their own tree (orgize)
//! without the byte-for-byte correspondence the findings need, and the marks a
//! postmortem uses are few. What the rewrite blanks is still in the file: `import`
//! keeps those lines under its last section, as written.

/// The text of an Org report rewritten as Markdown of the same length, or `None`
/// when `text` is not Org: its first line that says something is an `#+KEY:` line
/// or the `-*- mode: org -*-` line.
pub fn as_markdown(text: &str) -> Option<String> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty())?;
    let keyword = first.starts_with("#+") && first.contains(':');
    if !keyword && !first.to_ascii_lowercase().contains("-*- mode: org") {
        return None;
    }
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let mut pos = 0;
    let mut drawer: Option<Drawer> = None;
    let mut block = false;
    for line in text.split_inclusive('\n') {
        let bytes = &mut out[pos..pos + line.len()];
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        let upper = trimmed.to_ascii_uppercase();
        pos += line.len();
        if block {
            if upper.starts_with("#+END_") {
                fence(bytes, indent, content.len());
                block = false;
            }
            continue;
        }
        if let Some(kind) = drawer {
            if upper == ":END:" {
                blank(bytes, 0, content.len());
                drawer = None;
            } else if kind == Drawer::Logbook {
                blank(bytes, 0, content.len());
            } else {
                property(bytes, indent, trimmed);
                timestamps(bytes, content);
            }
            continue;
        }
        if upper.starts_with("#+BEGIN_") {
            fence(
                bytes,
                indent,
                indent + "#+BEGIN_".len() + word_len(&trimmed[8..]),
            );
            block = true;
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("#+") {
            keyword_line(bytes, indent, rest, content.len());
            timestamps(bytes, content);
            continue;
        }
        if trimmed == "#" || trimmed.starts_with("# ") {
            blank(bytes, 0, content.len());
            continue;
        }
        if upper == ":PROPERTIES:" || upper == ":LOGBOOK:" {
            drawer = Some(match upper.as_str() {
                ":LOGBOOK:" => Drawer::Logbook,
                _ => Drawer::Properties,
            });
            blank(bytes, 0, content.len());
            continue;
        }
        if indent == 0 && headline(bytes, content) {
            timestamps(bytes, content);
            verbatim(bytes, content);
            continue;
        }
        planning(bytes, indent, &upper);
        timestamps(bytes, content);
        verbatim(bytes, content);
    }
    // Only ASCII bytes were replaced, by ASCII bytes: still UTF-8.
    String::from_utf8(out).ok()
}

#[derive(Clone, Copy, PartialEq)]
enum Drawer {
    Properties,
    Logbook,
}

fn blank(bytes: &mut [u8], from: usize, to: usize) {
    for b in &mut bytes[from..to] {
        *b = b' ';
    }
}

fn word_len(s: &str) -> usize {
    s.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count()
}

/// `#+BEGIN_SRC` (up to `end`) or `#+END_SRC` as a fence: three backticks, then
/// blanks; a language after `#+BEGIN_SRC` stays as the fence's info string.
fn fence(bytes: &mut [u8], indent: usize, end: usize) {
    blank(bytes, indent, end);
    bytes[indent..indent + 3].copy_from_slice(b"```");
}

/// `#+TITLE: X` as a `#` heading; `#+AUTHOR:` and `#+DATE:` as `Author:` and
/// `Date:` lines; any other keyword line blank.
fn keyword_line(bytes: &mut [u8], indent: usize, rest: &str, end: usize) {
    let key_len = word_len(rest);
    let key = rest[..key_len].to_ascii_uppercase();
    let colon = indent + 2 + key_len;
    if bytes.get(colon) != Some(&b':') {
        blank(bytes, indent, end);
        return;
    }
    match key.as_str() {
        "TITLE" => {
            blank(bytes, indent, colon + 1);
            bytes[indent] = b'#';
        }
        "AUTHOR" | "DATE" | "EMAIL" => {
            // `#+AUTHOR:` to `Author:  `: the key moved two bytes left.
            let word = [key[..1].to_string(), key[1..].to_ascii_lowercase()].concat();
            blank(bytes, indent, colon + 1);
            bytes[indent..indent + word.len()].copy_from_slice(word.as_bytes());
            bytes[indent + word.len()] = b':';
        }
        _ => blank(bytes, indent, end),
    }
}

/// A headline at the start of a line: `*` marks as `#` marks, or a headline with
/// a to-do keyword as a task list item. Whether the line was one.
fn headline(bytes: &mut [u8], content: &str) -> bool {
    let stars = content.bytes().take_while(|b| *b == b'*').count();
    if stars == 0 || content.as_bytes().get(stars) != Some(&b' ') {
        return false;
    }
    let after = &content[stars + 1..];
    let keyword = ["TODO", "NEXT", "WAITING", "DONE", "CANCELLED", "CANCELED"]
        .into_iter()
        .find(|k| {
            after.starts_with(k) && matches!(after.as_bytes().get(k.len()), Some(b' ') | None)
        });
    match keyword {
        Some(k) => {
            // `** TODO ` (at least seven bytes) to `- [ ]` and blanks.
            let end = (stars + 1 + k.len()).min(content.len());
            blank(bytes, 0, end);
            let done = matches!(k, "DONE" | "CANCELLED" | "CANCELED");
            bytes[..5].copy_from_slice(if done { b"- [x]" } else { b"- [ ]" });
        }
        None => {
            for b in &mut bytes[..stars] {
                *b = b'#';
            }
        }
    }
    true
}

/// `SCHEDULED:` and `DEADLINE:` under a headline as `Due:`.
fn planning(bytes: &mut [u8], indent: usize, upper: &str) {
    for key in ["SCHEDULED:", "DEADLINE:"] {
        if upper.starts_with(key) {
            blank(bytes, indent, indent + key.len());
            bytes[indent..indent + 4].copy_from_slice(b"Due:");
        }
    }
}

/// A property line `:OWNER:   Femke` as `Owner:    Femke`.
fn property(bytes: &mut [u8], indent: usize, trimmed: &str) {
    let Some(rest) = trimmed.strip_prefix(':') else {
        return;
    };
    let key_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    if key_len == 0 || rest.as_bytes().get(key_len) != Some(&b':') {
        return;
    }
    let key = &rest[..key_len];
    let word = [
        key[..1].to_ascii_uppercase(),
        key[1..].to_ascii_lowercase().replace('_', " "),
    ]
    .concat();
    let at = indent;
    bytes[at..at + word.len()].copy_from_slice(word.as_bytes());
    bytes[at + word.len()] = b':';
    bytes[at + word.len() + 1] = b' ';
}

/// Org time stamps without their brackets: `<2025-02-04 Tue 04:00>` and
/// `[2025-10-07 Tue 21:58]` (a day, a weekday, a time or a range of times).
fn timestamps(bytes: &mut [u8], content: &str) {
    let b = content.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let close = match b[i] {
            b'<' => b'>',
            b'[' => b']',
            _ => {
                i += 1;
                continue;
            }
        };
        let date = b.get(i + 1..i + 11).is_some_and(|d| {
            d.iter().enumerate().all(|(k, c)| {
                if k == 4 || k == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
        });
        let end = date
            .then(|| b[i + 11..].iter().take(40).position(|c| *c == close))
            .flatten()
            .map(|p| i + 11 + p);
        match end {
            Some(end)
                if b[i + 11..end]
                    .iter()
                    .all(|c| *c != b'\n' && *c != b'<' && *c != b'[') =>
            {
                bytes[i] = b' ';
                bytes[end] = b' ';
                i = end + 1;
            }
            _ => i += 1,
        }
    }
}

/// Org's `=verbatim=` and `~code~` as Markdown code spans.
fn verbatim(bytes: &mut [u8], content: &str) {
    let b = content.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mark = b[i];
        let opens = matches!(mark, b'=' | b'~')
            && (i == 0 || matches!(b[i - 1], b' ' | b'(' | b'"' | b'\'' | b'{'))
            && b.get(i + 1)
                .is_some_and(|c| !c.is_ascii_whitespace() && *c != mark);
        if !opens {
            i += 1;
            continue;
        }
        let close = b[i + 1..]
            .iter()
            .position(|c| *c == mark)
            .map(|p| i + 1 + p);
        match close {
            Some(j)
                if !b[j - 1].is_ascii_whitespace()
                    && b.get(j + 1)
                        .is_none_or(|c| c.is_ascii_whitespace() || b".,;:!?)'\"-".contains(c)) =>
            {
                bytes[i] = b'`';
                bytes[j] = b'`';
                i = j + 1;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::as_markdown;

    #[test]
    fn org_marks_are_read_as_markdown_of_the_same_length() {
        let org = "#+TITLE: Exports stuck\n#+AUTHOR: Femke de Wit\n#+DATE: <2025-10-08 Wed>\n#+STARTUP: overview\n\
                   # a comment\n\n* Timeline\n:LOGBOOK:\nCLOCK: [2025-10-07 Tue 22:14]--[2025-10-08 Wed 00:51] =>  2:37\n:END:\n\
                   - [2025-10-07 Tue 21:58] image rolled out to =export-workers=\n\
                   ** <2025-02-04 Tue 07:55> Alias swapped\n\n* Follow-ups\n** TODO Pin the font\n   SCHEDULED: <2025-10-20 Mon>\n\
                   \x20  :PROPERTIES:\n   :OWNER:    Joost\n   :END:\n** DONE Sandbox the renderer\n\
                   #+BEGIN_SRC text\n[06:40:02] rebuild: waiting\n#+END_SRC\n";
        let md = as_markdown(org).expect("an Org report");
        assert_eq!(md.len(), org.len());
        assert_eq!(md.lines().count(), org.lines().count());
        let lines: Vec<&str> = md.lines().map(str::trim_end).collect();
        assert_eq!(
            lines,
            [
                "#        Exports stuck",
                "Author:   Femke de Wit",
                "Date:    2025-10-08 Wed",
                "",
                "",
                "",
                "# Timeline",
                "",
                "",
                "",
                "-  2025-10-07 Tue 21:58  image rolled out to `export-workers`",
                "##  2025-02-04 Tue 07:55  Alias swapped",
                "",
                "# Follow-ups",
                "- [ ]   Pin the font",
                "   Due:        2025-10-20 Mon",
                "",
                "   Owner:     Joost",
                "",
                "- [x]   Sandbox the renderer",
                "```         text",
                "[06:40:02] rebuild: waiting",
                "```",
            ]
        );
    }

    #[test]
    fn other_text_is_not_org() {
        for text in [
            "# Title\n\n#+ not a keyword\n",
            "Summary\n\n#+TITLE: later\n",
            "",
            "   \n\n",
        ] {
            assert!(as_markdown(text).is_none(), "{text:?}");
        }
        assert!(as_markdown("# -*- mode: org -*-\n* Summary\n").is_some());
    }
}
