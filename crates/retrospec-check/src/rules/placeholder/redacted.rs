//! What looks like a placeholder but is data: redacted values (`10.0.xxx.yyy`,
//! `<redacted ip>`), HTML tags, emphasis (`down???`), a letter's mail-merge field,
//! and a bracketed link text.

use super::{HTML_TAGS, phase_marker};

/// Words in an angle-bracket slot that say data was removed on purpose
/// (`<redacted>`, `<customer-id-masked>`), not left to fill in.
const REDACTION: &[&str] = &[
    "redact", "mask", "hidden", "remov", "omit", "elid", "snip", "private", "anonymi", "obfusc",
    "scrub", "censor",
];

/// Whether the placeholder found at `range` of `text` is redacted data rather
/// than a gap: a word (`TODO`, `TBD`, `XXX`) that is part of a longer token
/// (`10.0.xxx.yyy`, `xxx-xxx-1234`, `todo-service`), or a slot that names a
/// redaction (`<redacted ip>`), or `???` right after a word (`down???`: emphasis).
/// A word standing alone, with only punctuation or emphasis around it (`TODO:`,
/// `(TBD)`, `**XXX**`), is a placeholder, and so is `???` standing alone.
pub(super) fn redacted(text: &str, range: std::ops::Range<usize>) -> bool {
    let found = &text[range.clone()];
    if found.starts_with('[') {
        // `[insert a graph]` and a bare `[link]` are gaps; `[Insert rows in
        // batches](https://...)` and `[link][1]` are a link's text.
        return text[range.end..].starts_with(['(', '[', ':']);
    }
    if found.starts_with('<') {
        let lower = found.to_ascii_lowercase();
        // `<details open>`, `<img src>`: an HTML tag with attributes, not a slot.
        let first = lower[1..].split([' ', '>']).next().unwrap_or("");
        return HTML_TAGS.contains(&first)
            || REDACTION.iter().any(|w| lower.contains(w))
            || phase_marker(&lower[1..lower.len() - 1])
            || merge_field(text, range.start);
    }
    if found.starts_with('?') {
        // `???` after a word is emphasis ("is the site down???"), not a gap.
        return text[..range.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    }
    if !found.starts_with(|c: char| c.is_ascii_alphabetic()) || found.contains(' ') {
        return false; // `lorem ipsum` and `<...>` slots
    }
    // After the last whitespace character before it (which may be wider than a byte).
    let start = text[..range.start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let token = text[start..end].trim_matches(|c: char| "()[]{}\"'*_,;:.!?".contains(c));
    !token.eq_ignore_ascii_case(found)
}

/// Whether a slot at `at` opens a quoted letter after its salutation (`Dear
/// <Customer Name>,`, `Hi <First Name>`): the mail-merge field of the notice the
/// team sent, which every copy filled in, not a gap the author left.
fn merge_field(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..at]
        .trim_start_matches(|c: char| c == '>' || c.is_whitespace())
        .trim_end();
    ["dear", "hi", "hello", "hey", "greetings"]
        .iter()
        .any(|w| before.eq_ignore_ascii_case(w))
}
