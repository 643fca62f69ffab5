//! The automata of a word list ([`super::WordList`]) and what decides, before
//! they are built, whether a report may hold one of its entries: split from
//! `words.rs` (perf8), which had grown past the 800 lines a file may have before
//! its tests.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::word_char;

/// An entry's words (lowercase) and what must stand around them for the entry to
/// match in a text that [`find_with`](super::find_with) reads from the report: a word boundary
/// before the first when it starts with a word character (`\n`, JSON's line break, also
/// counts: [`soft_breaks`](super::soft_breaks) reads it as spaces), each next word after
/// white space (or an escape such as JSON's `\n`), and a word boundary after the last
/// when the entry ends with a word character.
///
/// The whole entry, not its first word alone (perf13): `user` followed by a space
/// is in most generated reports, and standing for `user error` it had a clean
/// one-file check build RS403's automata (1.0 M of its 6.2 M instructions).
#[derive(Debug)]
pub(super) struct Head {
    pub(super) word: String,
    /// The words after the first.
    rest: Box<[String]>,
    start: bool,
    end: bool,
}

impl Head {
    pub(super) fn of(entry: &str) -> Self {
        let mut words = entry.split(' ');
        let word = words.next().unwrap_or(entry);
        Head {
            word: word.to_string(),
            rest: words.map(str::to_string).collect(),
            start: word_char(word.chars().next()),
            end: word_char(entry.chars().next_back()),
        }
    }

    pub(super) fn key(&self) -> (&[String], bool, bool) {
        (&self.rest, self.start, self.end)
    }

    /// Whether the entry stands at byte `i` of `lower` (a report's text, ASCII
    /// letters lowercased) as it needs to: a necessary condition for a match
    /// there, which may hold where none is (a hard line break between two words,
    /// an escape other than JSON's `\n`).
    pub(super) fn stands_at(&self, lower: &str, i: usize) -> bool {
        if !lower.is_char_boundary(i) || !lower[i..].starts_with(self.word.as_str()) {
            return false;
        }
        let before = &lower[..i];
        let escaped_break = before.ends_with("\\n");
        if self.start && word_char(before.chars().next_back()) && !escaped_break {
            return false;
        }
        self.rest_stands(lower, i + self.word.len(), 0)
    }

    /// Whether the words after the first, from the `k`th, stand in `lower` from
    /// byte `at`: each after a run of white space and escapes (JSON's `\n`), the
    /// word tried at every place of the run (a word of a configured entry may
    /// itself start with `\`), then the boundary after the last.
    fn rest_stands(&self, lower: &str, mut at: usize, k: usize) -> bool {
        let Some(word) = self.rest.get(k) else {
            return !(self.end && word_char(lower[at..].chars().next()));
        };
        let from = at;
        loop {
            if at > from
                && lower[at..].starts_with(word.as_str())
                && self.rest_stands(lower, at + word.len(), k + 1)
            {
                return true;
            }
            let mut chars = lower[at..].chars();
            at += match chars.next() {
                Some('\\') => 1 + chars.next().map_or(0, char::len_utf8),
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => return false,
            };
        }
    }

    /// Whether the entry stands anywhere in `lower` as it needs (for tests:
    /// [`WordList::may_match`](super::WordList::may_match) asks [`Head::stands_at`] where its literals start).
    #[cfg(test)]
    pub(super) fn stands_in(&self, lower: &str) -> bool {
        lower
            .match_indices(self.word.as_str())
            .any(|(i, _)| self.stands_at(lower, i))
    }
}

/// The automata of an ASCII list.
#[derive(Debug)]
pub(super) struct Automata {
    /// Leftmost-first, entries longest first: the regex's own choice while
    /// every candidate has its word boundaries.
    pub(super) first: AhoCorasick,
    /// Every candidate, for a text where one lacks a boundary.
    pub(super) automaton: AhoCorasick,
}

impl Automata {
    /// The leftmost-first automaton runs on every text: a DFA, the fastest to
    /// search. The overlapping one runs only after a candidate without its
    /// boundaries: a contiguous NFA, several times cheaper to build.
    pub(super) fn build(lower: &[String]) -> Option<Self> {
        let build = |kind, engine| {
            AhoCorasick::builder()
                .kind(Some(engine))
                .match_kind(kind)
                .build(lower)
        };
        Some(Automata {
            first: build(MatchKind::LeftmostFirst, AhoCorasickKind::DFA).ok()?,
            automaton: build(MatchKind::Standard, AhoCorasickKind::ContiguousNFA).ok()?,
        })
    }
}

/// A set of literal strings to look for in long texts (a whole report): the SIMD
/// searcher (Teddy) where the machine has it, an automaton otherwise. The
/// automaton alone, case-sensitive or not, searched at 16 instructions a byte.
#[derive(Debug)]
pub struct Literals {
    packed: Option<aho_corasick::packed::Searcher>,
    /// Built only without `packed` (it was built beside it and never searched).
    automaton: Option<Result<AhoCorasick, aho_corasick::BuildError>>,
}

impl Literals {
    /// The searcher for `literals`.
    pub fn new<S: AsRef<[u8]>>(literals: &[S]) -> Self {
        let packed = aho_corasick::packed::Searcher::new(literals.iter());
        let automaton = packed.is_none().then(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(literals)
        });
        Literals { packed, automaton }
    }

    /// Whether `at` holds at some place where a literal starts in `text` (every
    /// such place is tried: the search restarts one byte after each match, so a
    /// literal starting inside another is not skipped). True when no searcher
    /// could be built (maybe).
    pub(super) fn any_start(&self, text: &str, mut at: impl FnMut(usize) -> bool) -> bool {
        let mut from = 0;
        while from < text.len() {
            let span = aho_corasick::Span::from(from..text.len());
            let start = match (&self.packed, &self.automaton) {
                (Some(packed), _) => packed.find_in(text, span).map(|m| m.start()),
                (None, Some(Ok(automaton))) => automaton
                    .find(aho_corasick::Input::new(text).span(span))
                    .map(|m| m.start()),
                (None, _) => return true,
            };
            let Some(start) = start else {
                return false;
            };
            if at(start) {
                return true;
            }
            from = start + 1;
        }
        false
    }

    /// Whether any of the literals is in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        match (&self.packed, &self.automaton) {
            (Some(packed), _) => packed.find(text).is_some(),
            (None, Some(Ok(automaton))) => automaton.is_match(text),
            // Not buildable: say maybe, so nothing is skipped.
            (None, _) => true,
        }
    }
}
