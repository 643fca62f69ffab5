//! A list item written with a number (`2. Timeline`), read as a heading when it
//! stands alone.

use std::ops::Range;

use crate::parse::markdown::Item;

/// Whether a list item is written with a number (`2. Timeline`).
pub(super) fn is_numbered(text: &str, item: &Item) -> bool {
    text[item.range.clone()]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The text of a numbered item after its number.
pub(super) fn numbered_text(text: &str, item: &Item) -> Range<usize> {
    let raw = &text[item.range.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let rest = &raw[lead..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    let after = after.strip_prefix(['.', ')']).unwrap_or(after);
    let skip = after.len() - after.trim_start().len();
    let words = after.trim().trim_end_matches(':').trim_end();
    let start = item.range.start + lead + (rest.len() - after.len()) + skip;
    start..start + words.len()
}

/// Whether a numbered item is one short question on its own line (`5. What went
/// wrong in the response?`), as a report written in questions sets its sections.
pub(super) fn is_question(text: &str, item: &Item) -> bool {
    let words = text[numbered_text(text, item)].trim();
    words.ends_with('?') && words.len() <= 90 && !words.contains('\n')
}
