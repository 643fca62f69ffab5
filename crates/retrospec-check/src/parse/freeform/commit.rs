//! A write-up kept in a commit message, as `git log` or `git show` prints it:
//!
//! ```text
//! commit 8c41f0e2b7d95a3c61e0f4d2a9b8c7e6f5a4d3c2
//! Author: Ines Carvalho <ines.carvalho@example.com>
//! Date:   Wed Apr 9 17:42:10 2025 +0000
//!
//!     Revert "rate-limiter: share token buckets across pods via Redis"
//!
//!     Timeline
//!     --------
//!     13:20  3f9c2a1 deployed to api-gateway
//! ```
//!
//! The header lines are read as another tool's front matter: the subject (the
//! message's first line) as `title`, `Author:` as `authors`, the day of `Date:`
//! as `date`, the commit and every other header line as `x-` fields. The message
//! below is read without its four-space indent (`crate::parse::markdown::View`),
//! so its headings, timeline and follow-ups are read as in any report.

use crate::span::Span;
use crate::tree::{Entry, Node, Value};

/// The header of a commit at `start` of `text`: its span (from `commit` to the
/// subject), its entries, and where the message's body starts (the line after
/// the subject).
pub fn header(text: &str, start: usize) -> Option<(Span, Vec<Entry>, usize)> {
    let rest = text.get(start..)?;
    if !rest.starts_with("commit ") {
        return None;
    }
    let mut entries = Vec::new();
    let mut pos = start;
    let mut end = start;
    let mut lines = rest.split_inclusive('\n');
    let first = lines.next()?;
    let line = first.trim_end();
    if !super::super::markdown::is_commit_line(line) {
        return None;
    }
    // The commit and what `--decorate` wrote after it (`(HEAD -> main)`).
    let commit = line["commit ".len()..].trim();
    let commit_start = pos + "commit ".len();
    entries.push(string_entry(
        "x-commit",
        Span::new(pos, pos + "commit".len()),
        Span::new(commit_start, commit_start + commit.len()),
        commit,
    ));
    pos += first.len();
    let message = loop {
        let raw = lines.next()?;
        let line = raw.trim_end();
        if line.is_empty() {
            break pos + raw.len();
        }
        let (key, value) = line.split_once(':')?;
        if !super::super::markdown::is_commit_header(line) {
            return None;
        }
        let value_start = pos + key.len() + 1 + (value.len() - value.trim_start().len());
        let value = value.trim();
        let key_span = Span::new(pos, pos + key.len());
        let value_span = Span::new(value_start, value_start + value.len());
        match key {
            "Author" => {
                // `Name <mail>`: the name is the author; the whole line is kept too.
                let name = value.split(" <").next().unwrap_or(value).trim();
                let name_span = Span::new(value_start, value_start + name.len());
                entries.push(Entry {
                    key: "authors".into(),
                    key_span,
                    value: Node::new(
                        name_span,
                        Value::Seq(vec![Node::new(name_span, Value::String(name.into()))]),
                    ),
                });
                entries.push(string_entry("x-author", key_span, value_span, value));
            }
            "Date" | "AuthorDate" if !entries.iter().any(|e| e.key == "date") => {
                if let Some(day) = day_of(value) {
                    entries.push(string_entry("date", key_span, value_span, &day));
                }
                entries.push(string_entry(
                    &format!("x-{}", key.to_ascii_lowercase()),
                    key_span,
                    value_span,
                    value,
                ));
            }
            _ => entries.push(string_entry(
                &format!("x-{}", key.to_ascii_lowercase()),
                key_span,
                value_span,
                value,
            )),
        }
        end = pos + line.len();
        pos += raw.len();
    };
    // The subject: the message's first line that says something. It is the
    // title, so the body starts after it.
    let mut at = message;
    let mut body = message;
    for raw in text[message..].split_inclusive('\n') {
        let subject = raw.trim();
        if !subject.is_empty() {
            let s = at + (raw.len() - raw.trim_start().len());
            let span = Span::new(s, s + subject.len());
            entries.insert(0, string_entry("title", span, span, subject));
            end = span.end;
            body = at + raw.len();
            break;
        }
        at += raw.len();
    }
    Some((Span::new(start, end), entries, body))
}

fn string_entry(key: &str, key_span: Span, span: Span, value: &str) -> Entry {
    Entry {
        key: key.into(),
        key_span,
        value: Node::new(span, Value::String(value.into())),
    }
}

/// The day of git's default date (`Wed Apr 9 17:42:10 2025 +0000`) as `YYYY-MM-DD`.
fn day_of(value: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let words: Vec<&str> = value.split_whitespace().collect();
    let [_, month, day, _, year, ..] = words[..] else {
        return None;
    };
    let month = MONTHS.iter().position(|m| *m == month)? as i8 + 1;
    let date = jiff::civil::Date::new(year.parse().ok()?, month, day.parse().ok()?).ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_gives_title_author_and_day() {
        let text = "commit 8c41f0e2b7d9\nAuthor: Ines Carvalho <ines@example.com>\n\
                    Date:   Wed Apr 9 17:42:10 2025 +0000\n\n    Revert \"x\"\n\n    Body\n";
        let (span, entries, message) = header(text, 0).expect("a commit header");
        assert_eq!(span.slice(text).lines().count(), 5, "to the subject");
        assert_eq!(&text[message..], "\n    Body\n");
        let get = |key: &str| {
            entries
                .iter()
                .find(|e| e.key == key)
                .map(|e| (e.value.span.slice(text), e.value.clone()))
        };
        assert_eq!(get("title").expect("title").0, "Revert \"x\"");
        assert_eq!(get("x-commit").expect("x-commit").0, "8c41f0e2b7d9");
        assert_eq!(get("authors").expect("authors").0, "Ines Carvalho");
        assert_eq!(
            get("date").expect("date").1.as_str(),
            Some("2025-04-09"),
            "the day of the commit"
        );
        assert_eq!(
            get("x-author").expect("x-author").0,
            "Ines Carvalho <ines@example.com>"
        );
    }

    #[test]
    fn anything_else_is_no_header() {
        for text in [
            "commit to the plan\n\nText\n",
            "commit abcdef1\nnot a header\n\n    Text\n",
            "# commit abcdef1\n",
            "commit abcdef1\nAuthor: A",
        ] {
            assert!(header(text, 0).is_none(), "{text}");
        }
    }
}
