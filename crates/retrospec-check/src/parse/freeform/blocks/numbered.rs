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

/// A numbered section: its heading's words and the text under it, if any.
pub(super) type NumberedSection = (Range<usize>, Option<Range<usize>>);

/// A list of numbered items that are a report's sections, each item a heading on
/// its first line with the section's text indented under it (`2. INCIDENT
/// DETAILS` over `   Start of incident: 16:20`, then `3. CHRONOLOGY`, as a
/// report exported from a word processor or a PDF is laid out): every item's
/// first line is short, ends no sentence, and names a section (`named`) or is
/// written in capitals; one at least names a section, and one at least has text
/// under it (a numbered list of actions stays a list). For each item, the range of
/// its heading's words and of the text under it (when there is any).
pub(super) fn numbered_sections(
    text: &str,
    items: &[Item],
    named: impl Fn(&str) -> bool,
) -> Option<Vec<NumberedSection>> {
    let mut out = Vec::with_capacity(items.len());
    let mut names = 0;
    for item in items {
        if !is_numbered(text, item) {
            return None;
        }
        let words = numbered_text(text, item);
        let line_end = text[words.clone()]
            .find(['\n', '\r'])
            .map_or(words.end, |i| words.start + i);
        let head = text[words.start..line_end].trim_end();
        let head_range = words.start..words.start + head.trim_end_matches(':').trim_end().len();
        let head = &text[head_range.clone()];
        let capitals =
            head.chars().any(char::is_alphabetic) && !head.chars().any(char::is_lowercase);
        let is_named = named(head);
        if head.is_empty()
            || head.len() > 60
            || head.ends_with(['.', '?', '!'])
            || !(is_named || capitals)
        {
            return None;
        }
        names += usize::from(is_named);
        let rest = &text[line_end..item.range.end];
        let lead = rest.len() - rest.trim_start().len();
        let under = (!rest.trim().is_empty()).then(|| line_end + lead..item.range.end);
        out.push((head_range, under));
    }
    (names > 0 && out.iter().any(|(_, under)| under.is_some())).then_some(out)
}
