//! Pieces shared by retrospec's own Markdown and reports read as written:
//! date lines, list item content, timeline separators and milestone markers,
//! action-item attributes, links and tracker keys.

use super::*;

/// A list item's text after its marker and task box: (text with line breaks folded, span).
/// A date line (`June 10th, 2024:`, `### Monday 3 March 2026`, `31/01/2024`) at
/// byte `at`, read by [`time::scan_date_line`] with `hint` as the year of a date
/// written without one: its date, and a finding pushed for a slashed date with two
/// readings (RS214), an impossible one, or a weekday the date does not fall on (the
/// date is kept then). `None` when the line is not a date line, `Some(None)` when
/// it is one without one date. Shared by retrospec's own Markdown and timelines
/// as written.
pub(crate) fn date_line(
    line: &str,
    at: usize,
    hint: Option<i16>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<jiff::civil::Date>> {
    let (line, at) = match day_label(line) {
        Some(len) => (&line[len..], at + len),
        None => (line, at),
    };
    Some(match time::scan_date_line(line, hint)? {
        Ok(read) => {
            if let Some(error) = read.weekday_mismatch {
                diags.push(error.diagnostic(at));
            }
            Some(read.date)
        }
        Err(error) => {
            diags.push(error.diagnostic(at));
            None
        }
    })
}

/// The length of a day label before a date line (`Day 2 — Tuesday 10 June`,
/// `Day 3: 11 June`), as a timeline that runs over several days numbers them.
pub(super) fn day_label(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let word = t.get(..3).filter(|w| w.eq_ignore_ascii_case("day"))?;
    let rest = t[word.len()..].trim_start_matches(' ');
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let after = &rest[digits..];
    let sep = after.trim_start_matches(' ');
    let sep = ["—", "–", "-", ":", ","]
        .iter()
        .find_map(|d| sep.strip_prefix(d))?;
    let date = sep.trim_start_matches(' ');
    (!date.is_empty()).then(|| line.len() - date.len())
}

pub(crate) fn item_content(text: &str, range: Range<usize>) -> (String, Span) {
    let raw = &text[range.clone()];
    let mut offset = raw.len() - raw.trim_start().len();
    let rest = &raw[offset..];
    // A bullet is followed by a blank: `**10:05**` (a line made an item by the
    // free-form reader) starts with emphasis, not a bullet.
    let bullet = rest.chars().next().filter(|c| {
        is_bullet(*c)
            && rest[c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    });
    let marker_len = if let Some(c) = bullet {
        c.len_utf8()
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            0
        }
    };
    offset += marker_len;
    let after = &raw[offset..];
    offset += after.len() - after.trim_start().len();
    let after = &raw[offset..];
    for task in ["[ ]", "[x]", "[X]"] {
        if after.starts_with(task) {
            offset += task.len();
            let t = &raw[offset..];
            offset += t.len() - t.trim_start().len();
            break;
        }
    }
    let content = raw[offset..].trim_end();
    let span = Span::new(range.start + offset, range.start + offset + content.len());
    (collapse(content), span)
}

/// A list marker: Markdown's `-`, `*`, `+`, and the bullets of plain text.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '•' | '·' | '◦' | '‣' | '▪' | '–')
}

/// Folds line breaks and the indentation after them into single spaces.
/// Line ends found with memchr: a `char` array pattern tests each character in
/// turn (14.7 M of 200 Markdown reports' 420 M).
pub(crate) fn collapse(text: &str) -> String {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\n', b'\r', bytes).is_none() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain([bytes.len()]) {
        let line = text[start..end].trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
        start = end + 1;
    }
    out
}

/// The span of the first line of `span`.
pub(crate) fn first_line(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let len = s.find(['\n', '\r']).unwrap_or(s.len());
    Span::new(span.start, span.start + len)
}

/// The length of the separator between a timeline time and its text.
pub(crate) fn separator_len(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    let mut len = rest.len() - trimmed.len();
    for sep in ["-", "–", "—", ":", "|"] {
        if let Some(after) = trimmed.strip_prefix(sep)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            len += sep.len();
            len += after.len() - after.trim_start().len();
            return len;
        }
    }
    len
}

/// Takes a trailing `[milestone]` marker off a timeline text.
pub(crate) fn split_milestone(text: &str, span: Span) -> ((Span, String), Option<(String, Span)>) {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed.rfind('[') {
        let inner = &trimmed[open + 1..];
        if let Some(name) = inner.strip_suffix(']') {
            let lower = name.trim().to_lowercase();
            if [
                "started",
                "detected",
                "acknowledged",
                "mitigated",
                "resolved",
            ]
            .contains(&lower.as_str())
            {
                let before = trimmed[..open].trim_end();
                let marker = Span::new(span.start + open, span.start + trimmed.len());
                let text_span = Span::new(span.start, span.start + before.len());
                return ((text_span, paragraphs(before)), Some((lower, marker)));
            }
        }
    }
    let text_span = Span::new(span.start, span.start + trimmed.len());
    ((text_span, paragraphs(trimmed)), None)
}

/// An entry's text with each paragraph's line breaks folded ([`collapse`]) and
/// the paragraphs kept apart by a blank line, as YAML and JSON hold them: a
/// second paragraph under a timeline bullet is the text's second paragraph.
fn paragraphs(text: &str) -> String {
    if !text.contains("\n\n") && !text.contains("\r\n\r\n") {
        return collapse(text);
    }
    let mut out: Vec<String> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain([""]) {
        if !line.is_empty() {
            lines.push(line);
        } else if !lines.is_empty() {
            out.push(lines.join(" "));
            lines.clear();
        }
    }
    out.join("\n\n")
}

/// Prefixes a date-less time with the date of the nearest date line.
pub(crate) fn with_date(
    time_text: &str,
    dateless: bool,
    date: Option<jiff::civil::Date>,
) -> String {
    match (dateless, date) {
        (true, Some(d)) => format!("{d} {}", time_text.trim()),
        _ => time_text.trim().to_string(),
    }
}

/// Attributes in a trailing `(key: value, key: value)` group of an action item.
/// Returns where the group opens and each (key, key range, value, value range).
pub(crate) type Attribute = (String, Range<usize>, String, Range<usize>);
pub(crate) fn trailing_attributes(content: &str) -> Option<(usize, Vec<Attribute>)> {
    let trimmed = content.trim_end();
    if !trimmed.ends_with(')') {
        return None;
    }
    let close = trimmed.len() - 1;
    // The group opens at the last '(' that is followed by `word:`, and is not a
    // Markdown link's target (`[ticket](https://x/y)`) or a URL (`(https://x/y)`).
    let open = trimmed[..close]
        .rmatch_indices('(')
        .map(|(i, _)| i)
        .find(|&i| {
            let inner = &trimmed[i + 1..close];
            let key_len = inner
                .trim_start()
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
                .count();
            let after_key = inner.trim_start()[key_len..].trim_start();
            key_len > 0
                && after_key.starts_with(':')
                && !after_key.starts_with("://")
                && !trimmed[..i].ends_with(']')
        })?;
    let mut attrs = Vec::new();
    let mut pos = open + 1;
    for part in trimmed[open + 1..close].split(',') {
        let part_start = pos;
        pos += part.len() + 1;
        let Some((key, value)) = part.split_once(':') else {
            // A comma inside a value: add it to the previous value.
            if let Some(last) = attrs.last_mut() {
                let (_, _, v, r): &mut Attribute = last;
                v.push(',');
                v.push_str(part);
                *v = v.trim().to_string();
                r.end = part_start + part.trim_end().len();
            }
            continue;
        };
        let key_start = part_start + (key.len() - key.trim_start().len());
        let key_t = key.trim();
        let value_offset = part_start + key.len() + 1;
        let value_start = value_offset + (value.len() - value.trim_start().len());
        let value_t = value.trim();
        attrs.push((
            key_t.to_lowercase(),
            key_start..key_start + key_t.len(),
            value_t.to_string(),
            value_start..value_start + value_t.len(),
        ));
    }
    // `link: https://x` splits at the first ':' only, so URLs survive.
    Some((open, attrs))
}

/// `[title](url)`, `<url>` or a bare URL.
pub(super) fn parse_link(text: &str) -> Option<(Option<String>, String)> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('[') {
        let (title, after) = rest.split_once("](")?;
        let url = after.strip_suffix(')')?;
        return Some((Some(title.to_string()), url.trim().to_string()));
    }
    link_target(t).map(|url| (None, url))
}

/// Whether `text` is one or more tracker keys, separated by commas: a project key
/// and a number (`OPS-1234`, `GH-12`, `INFRA2-7`) or a number after `#` (`#123`).
pub(super) fn ticket_keys(text: &str) -> bool {
    let key = |k: &str| {
        let k = k.trim();
        if let Some(n) = k.strip_prefix('#') {
            return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        }
        let Some((project, n)) = k.rsplit_once('-') else {
            return false;
        };
        project.len() >= 2
            && project.starts_with(|c: char| c.is_ascii_uppercase())
            && project
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
    };
    !text.trim().is_empty() && text.split(',').all(key)
}

/// The links inside a sentence of a links section (`- The bad deploy is in
/// [commit abc123](https://...)`, `- Upstream bug: https://...`), as (title, url):
/// written-up references are sentences as often as bare links. One link is titled
/// by its whole sentence with the link's markup taken off (`The bad deploy is in
/// commit abc123`), so the canonical `- [title](url)` reads the same; several are
/// each titled by their own text (or their sentence when bare), so no link is lost.
pub(super) fn links_in_sentence(text: &str) -> Vec<(String, String)> {
    let mut links = Vec::new();
    let mut plain = String::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(open) = rest.find('[')
            && let Some(close) = rest[open..].find("](").map(|i| open + i)
            && let Some(end) = rest[close + 2..].find(')').map(|i| close + 2 + i)
            && rest[close + 2..end].contains("://")
            && !rest[close + 2..end].contains(char::is_whitespace)
        {
            let before = &rest[..open];
            if let Some(url) = bare_url(before) {
                links.push((None, url));
            }
            plain.push_str(before);
            let label = &rest[open + 1..close];
            plain.push_str(label);
            links.push((Some(label.to_string()), rest[close + 2..end].to_string()));
            rest = &rest[end + 1..];
        } else {
            if let Some(url) = bare_url(rest) {
                links.push((None, url));
            }
            plain.push_str(rest);
            break;
        }
    }
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if links.len() == 1 {
        return vec![(plain, links.remove(0).1)];
    }
    links
        .into_iter()
        .map(|(label, url)| (label.unwrap_or_else(|| plain.clone()), url))
        .collect()
}

/// The first bare `http(s)://` URL in a run of text, without the punctuation that
/// closes the sentence after it.
fn bare_url(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let url = text[start..]
        .split(char::is_whitespace)
        .next()?
        .trim_end_matches(['.', ',', ';', ':', ')', '>']);
    (url.len() > "https://".len()).then(|| url.to_string())
}

pub(super) fn link_target(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        return Some(inner.to_string());
    }
    if let Some(rest) = t.strip_prefix('[') {
        let (_, after) = rest.split_once("](")?;
        return after.strip_suffix(')').map(|u| u.trim().to_string());
    }
    (t.contains("://") && !t.contains(char::is_whitespace)).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::links_in_sentence;

    proptest::proptest! {
        /// A text without a line break as it is; else the same as splitting at
        /// every `\n` and `\r`, trimming each line and joining the lines that
        /// are left with spaces.
        #[test]
        fn collapse_joins_trimmed_lines(
            text in "[a é\t\n\r\u{a0}\u{2003}-]{0,40}",
        ) {
            let slow = if !text.contains(['\n', '\r']) {
                text.clone()
            } else {
                text.split(['\n', '\r'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
            };
            proptest::prop_assert_eq!(super::collapse(&text), slow);
        }
    }

    #[test]
    fn links_inside_sentences_are_read_and_plain_sentences_are_not() {
        assert_eq!(
            links_in_sentence("The bad deploy is in [commit abc123](https://example.org/c/abc123)"),
            [(
                "The bad deploy is in commit abc123".to_string(),
                "https://example.org/c/abc123".to_string()
            )]
        );
        assert_eq!(
            links_in_sentence("Upstream bug: https://example.org/b/1."),
            [(
                "Upstream bug: https://example.org/b/1.".to_string(),
                "https://example.org/b/1".to_string()
            )]
        );
        assert_eq!(
            links_in_sentence("See [a](https://example.org/a) and [b](https://example.org/b)"),
            [
                ("a".to_string(), "https://example.org/a".to_string()),
                ("b".to_string(), "https://example.org/b".to_string())
            ]
        );
        for text in ["no link here", "a [label](not a url) here", "[x](#anchor)"] {
            assert!(links_in_sentence(text).is_empty(), "{text}");
        }
    }
}
