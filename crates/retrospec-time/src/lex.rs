//! Byte-level helpers shared by the scanners: every scan is one pass over bytes.

use std::ops::Range;

pub(crate) fn byte(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).copied()
}

pub(crate) fn is_word_byte(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
}

pub(crate) fn count_while(b: &[u8], pos: usize, f: impl Fn(u8) -> bool) -> usize {
    b.get(pos..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| f(c)).count())
}

pub(crate) fn count_digits(b: &[u8], pos: usize) -> usize {
    count_while(b, pos, |c| c.is_ascii_digit())
}

pub(crate) fn skip_blanks(b: &[u8], pos: usize) -> usize {
    pos + count_while(b, pos, |c| c == b' ' || c == b'\t')
}

/// Value of the ASCII digits in `b[range]`; callers pass at most 9 digits.
pub(crate) fn digits_value(b: &[u8], range: Range<usize>) -> u32 {
    b.get(range).map_or(0, |ds| {
        ds.iter().fold(0u32, |acc, &d| {
            acc.saturating_mul(10)
                .saturating_add(u32::from(d.wrapping_sub(b'0')))
        })
    })
}

pub(crate) fn small(v: u32) -> i8 {
    i8::try_from(v).unwrap_or(i8::MAX)
}

/// Whether `s` starts with `word` (ASCII, any case) followed by a blank.
pub(crate) fn starts_with_word(s: &str, word: &str) -> bool {
    s.len() > word.len()
        && s.get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && matches!(s.as_bytes().get(word.len()), Some(b' ' | b'\t'))
}

pub(crate) fn count_while_rev_ws(b: &[u8]) -> usize {
    b.iter()
        .rev()
        .take_while(|c| c.is_ascii_whitespace())
        .count()
}
