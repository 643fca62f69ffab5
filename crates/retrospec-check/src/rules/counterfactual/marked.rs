//! Where a sentence starts, and whether it says it looks back: what RS404's
//! verdicts read before a modal phrase.

use super::{CLAUSE_LOOKBACK, lowercase_is, raw_words};

/// The last sentence of `text`: after the last `.`, `!`, `?` or `;` that ends
/// one, not the dot of a version or a number (`the reviewer of the 2.14 change`).
pub(super) fn last_sentence(text: &str) -> &str {
    let b = text.as_bytes();
    let start = (0..b.len())
        .rev()
        .find(|&i| match b[i] {
            b'!' | b'?' | b';' => true,
            b'.' => !b.get(i + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        })
        .map_or(0, |i| i + 1);
    &text[start..]
}

/// Whether the sentence before a match says it looks back ("in retrospect", "in
/// hindsight", "with the benefit of hindsight", "looking back"): what a modal
/// phrase then says should or could have been is judged with hindsight.
pub(super) fn hindsight_marked(before: &str) -> bool {
    let mut from = before.len().saturating_sub(CLAUSE_LOOKBACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let sentence = last_sentence(&before[from..]);
    let mut looking = false;
    for word in raw_words(sentence) {
        if ["retrospect", "hindsight", "retrospectively"]
            .iter()
            .any(|marker| lowercase_is(word, marker))
            || (looking && lowercase_is(word, "back"))
        {
            return true;
        }
        looking = lowercase_is(word, "looking");
    }
    false
}
