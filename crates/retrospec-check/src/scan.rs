//! Byte scans over whole reports and their values, in blocks, and a search for
//! words in any case ([`Caseless`]).
//!
//! A report is read by many readers, each looking for a kind of byte (a digit,
//! a capital) before anything dearer; a test a byte at a time with an early
//! exit is not vectorised and was a measurable part of a check (perf19 in
//! bench/README.md). These read sixteen bytes at a time without a branch
//! inside the block, a loop the compiler turns into vector compares, then the
//! block that holds the byte a byte at a time.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// Whether `text` has an ASCII digit: sixteen bytes at a time without an early
/// exit inside them, a loop the compiler turns into vector compares (a byte at a
/// time with `any` was 8 M of the JSON batch's 393 M, over every prose string).
pub(crate) fn has_ascii_digit(text: &str) -> bool {
    let mut blocks = text.as_bytes().chunks_exact(16);
    for block in &mut blocks {
        if block
            .iter()
            .fold(false, |seen, b| seen | b.is_ascii_digit())
        {
            return true;
        }
    }
    blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// The first ASCII capital at or after `i` (or the end): sixteen bytes at a
/// time, a loop the compiler turns into vector compares; most of a report is not
/// capitals, and a byte at a time was most of this reader's cost.
pub(crate) fn next_capital(b: &[u8], mut i: usize) -> usize {
    while let Some(block) = b.get(i..i + 16) {
        if block
            .iter()
            .fold(false, |seen, c| seen | c.is_ascii_uppercase())
        {
            break;
        }
        i += 16;
    }
    while b.get(i).is_some_and(|c| !c.is_ascii_uppercase()) {
        i += 1;
    }
    i
}

/// Whether `text` has `word` where `fits` holds for the bytes around it
/// (`fits(text, at)`, `at` where the word starts): one search for the part
/// several literals share (`day` of `day ` and `day,`), where a `contains` per
/// literal read a whole report once for each (a few per report and rule, 3-8 M
/// of 275 M for 200 JSON reports; perf20 in bench/README.md).
pub(crate) fn has_word_where(text: &str, word: &str, fits: impl Fn(&[u8], usize) -> bool) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, word.as_bytes()).any(|at| fits(b, at))
}

/// Whether `text` has a doubled `#`, `*` or `_` (`##`, `**`, `__`): one scan for
/// the three marks instead of a search per pair.
pub(crate) fn has_doubled_mark(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'#', b'*', b'_', b).any(|i| b.get(i + 1) == Some(&b[i]))
}

/// ASCII words looked for in any ASCII case, anywhere (also inside a longer
/// word), in short texts read one by one (every prose value of a report).
///
/// An Aho-Corasick automaton with ASCII case folding searched at about 16
/// instructions a byte (the duration screen was 16 M of 426 M for 200 JSON
/// reports). Here the text is lowercased into a buffer kept per thread (a
/// loop the compiler vectorises) and the SIMD searcher (Teddy) looks for the
/// lowercase words in it. (Teddy over every case variant of the words' first
/// letters had too many needles for its fast form: 150 M.) Where no such
/// searcher can be built (no SIMD), the automaton is used as before.
#[derive(Debug)]
pub(crate) struct Caseless {
    packed: Option<aho_corasick::packed::Searcher>,
    automaton: Option<AhoCorasick>,
}

/// The largest lowercase copy a thread keeps between searches, in bytes.
const KEPT: usize = 64 * 1024;

impl Caseless {
    /// A searcher for `words` (ASCII), and for `on_sight` (non-ASCII
    /// characters: any text holding one of them matches).
    pub(crate) fn new(words: &[&str], on_sight: &[&str]) -> Self {
        let needles: Vec<String> = words
            .iter()
            .map(|w| w.to_ascii_lowercase())
            .chain(on_sight.iter().map(|s| (*s).to_string()))
            .collect();
        let packed = aho_corasick::packed::Searcher::new(needles.iter());
        let automaton = packed
            .is_none()
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&needles)
                    .ok()
            })
            .flatten();
        Caseless { packed, automaton }
    }

    /// Whether one of the words (or a needle passing on sight) is in `text`.
    /// True when no searcher could be built (maybe).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        thread_local! {
            static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let Some(packed) = &self.packed else {
            return self.automaton.as_ref().is_none_or(|a| a.is_match(text));
        };
        LOWER.with_borrow_mut(|lower| {
            // A copy, then lowercased in place: loops the compiler vectorises
            // (a lowercasing `extend` went a byte at a time).
            lower.clear();
            lower.extend_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            let found = packed.find(&lower[..]).is_some();
            // A long value's copy is not kept for the life of the thread (the
            // language server's threads live as long as the editor).
            if lower.capacity() > KEPT {
                *lower = Vec::new();
            }
            found
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_doubled_mark_is_found_as_three_searches_find_it(
            text in "[a#*_ \\n]{0,40}",
        ) {
            prop_assert_eq!(
                has_doubled_mark(&text),
                text.contains("##") || text.contains("**") || text.contains("__")
            );
        }

        #[test]
        fn a_word_with_its_neighbours_is_found_as_a_search_for_each_finds_it(
            text in "(ab|a|b|[ ,]){0,20}",
        ) {
            // Every place the word stands is tried, also after one that fails.
            prop_assert_eq!(
                has_word_where(&text, "ab", |b, at| matches!(b.get(at + 2), Some(b' ' | b','))),
                text.contains("ab ") || text.contains("ab,")
            );
        }
    }

    proptest! {
        #[test]
        fn digits_found_as_a_byte_scan_finds_them(
            text in "[a-z0-9 \\n٣é]{0,80}",
        ) {
            prop_assert_eq!(
                has_ascii_digit(&text),
                text.bytes().any(|b| b.is_ascii_digit())
            );
        }
    }

    #[test]
    fn a_digit_is_found_at_every_place_of_a_block() {
        for len in 0..40 {
            for at in 0..len {
                let mut text = "x".repeat(len);
                text.replace_range(at..=at, "7");
                assert!(has_ascii_digit(&text), "{text}");
            }
            assert!(!has_ascii_digit(&"x".repeat(len)));
        }
    }

    #[test]
    fn the_next_capital_is_the_first_from_any_start() {
        let text =
            b"a quiet run of small words, then CET, then 10:00 PDT and more small ones at the end";
        for start in 0..=text.len() {
            let slow = (start..text.len())
                .find(|&i| text[i].is_ascii_uppercase())
                .unwrap_or(text.len());
            assert_eq!(next_capital(text, start), slow, "from {start}");
        }
    }

    static WORDS: [&str; 6] = ["week", "day", "hour", "hrs", "min", "sec"];
    static SHORT: [&str; 3] = ["h", "am", "to"];
    static ON_SIGHT: [&str; 2] = ["\u{212A}", "\u{17F}"];

    fn slow(words: &[&str], text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        words.iter().any(|w| lower.contains(w)) || ON_SIGHT.iter().any(|c| text.contains(c))
    }

    proptest! {
        /// Found where a search of the lowercased text finds a word, or a
        /// character passing on sight stands: texts of the words' letters in
        /// both cases, short and long (the SIMD searcher reads long texts in
        /// blocks, short ones another way).
        #[test]
        fn finds_what_a_lowercased_search_finds(
            text in "[wWeEkKdDaAyYhHoOuUrRsSmMiInNcC \u{212A}\u{17F}é]{0,120}",
        ) {
            let searcher = Caseless::new(&WORDS, &ON_SIGHT);
            prop_assert_eq!(searcher.is_match(&text), slow(&WORDS, &text));
            let short = Caseless::new(&SHORT, &ON_SIGHT);
            prop_assert_eq!(short.is_match(&text), slow(&SHORT, &text));
        }
    }

    #[test]
    fn a_word_at_every_place_of_a_long_text_in_any_case() {
        let searcher = Caseless::new(&WORDS, &ON_SIGHT);
        for word in ["HoUr", "sEC", "Week", "DAY"] {
            for at in 0..70 {
                let text = format!("{}{word}{}", "x".repeat(at), "y".repeat(70 - at));
                assert!(searcher.is_match(&text), "{text}");
            }
        }
        // A prefix alone is no word.
        assert!(!searcher.is_match(&format!("{}hou{}", "x".repeat(40), "x".repeat(40))));
        assert!(!searcher.is_match("The cache kept stale tokens after a deploy."));
    }
}
