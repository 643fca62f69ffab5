//! A regular expression compiled without a literal prefilter.
//!
//! `regex::Regex::new` extracts literals from a pattern to build a prefilter (a
//! fast search for what every match starts with, ends with or contains). For a
//! case-insensitive alternation of words that extraction is most of the compile:
//! `(?i)\b(?:notic(?:ed|ing)|detect(?:ed|ing)|...)\b` costs 4.2 M instructions with
//! it and 0.85 M without (callgrind, bench/README.md), and compiling the rules'
//! patterns is about half of a check of the realistic reports. The rules that use
//! [`Lean`] search short texts (a clause, a summary, a cause), where a prefilter
//! saves little.
//!
//! [`Lean`] is the engine `regex::Regex` wraps (regex-automata's meta regex), with
//! the configuration `regex::Regex::new` gives it (leftmost-first, UTF-8 only, the
//! same size limits) and only `auto_prefilter` turned off. A prefilter only skips
//! ahead to where a match may start, so every match, capture group and iteration is
//! the same; `tests::agrees_with_regex` holds that over texts built from the
//! patterns' own words.

use regex_automata::{
    Input, MatchKind,
    meta::{self, BuildError},
    util::{captures, syntax},
};

/// A regex with the semantics of `regex::Regex` and no literal prefilter.
#[derive(Debug, Clone)]
pub(crate) struct Lean {
    meta: meta::Regex,
}

/// A match in a haystack, like `regex::Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub(crate) fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
    fn of(haystack: &'h str, span: regex_automata::Span) -> Self {
        Match {
            haystack,
            start: span.start,
            end: span.end,
        }
    }
}

/// The groups of one match, like `regex::Captures`.
#[derive(Debug, Clone)]
pub(crate) struct Captures<'h> {
    haystack: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match).
    pub(crate) fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps
            .get_group(i)
            .map(|span| Match::of(self.haystack, span))
    }
    /// The named group `name`.
    pub(crate) fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|span| Match::of(self.haystack, span))
    }
}

impl Lean {
    /// Compiles `pattern` as `regex::Regex::new` would, less the prefilter.
    pub(crate) fn new(pattern: &str) -> Result<Self, Box<BuildError>> {
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .auto_prefilter(false);
        let meta = meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::default().utf8(true))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Lean { meta })
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.meta.is_match(Input::new(haystack).earliest(true))
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.meta
            .find(haystack)
            .map(|m| Match::of(haystack, m.span()))
    }

    pub(crate) fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.meta
            .find_iter(haystack)
            .map(move |m| Match::of(haystack, m.span()))
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.meta.create_captures();
        self.meta.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.meta
            .captures_iter(haystack)
            .map(move |caps| Captures { haystack, caps })
    }
}

#[cfg(test)]
mod tests {
    use super::Lean;
    use proptest::prelude::*;

    const PATTERNS: &[&str] = &[
        r"(?i)\b(?:took|takes|needed)(?:\s+(?:us|the\s+team))?\s*$",
        r"(?i)^\s*(?:(?P<later>later)\b|after\s+(?:the\s+)?(?:start|onset)\b|of\s+[a-z]+)",
        r"(?i)\b(?:noticed|detected|paged|k|s)\b",
        r"(?m)(?:^|[.!?]\s+)([A-Z][a-z]+) [a-z][^.!?\n]{0,20}?\b(?:[Ss]he|[Hh]e)\b",
        r"\b([0-9]{1,2}:[0-9]{2})\s*[-–]\s*([0-9]{1,2}:[0-9]{2})",
        r"x*",
    ];

    fn agree(pattern: &str, text: &str) -> Result<(), TestCaseError> {
        let lean = Lean::new(pattern).expect("valid");
        let regex = regex::Regex::new(pattern).expect("valid");
        prop_assert_eq!(lean.is_match(text), regex.is_match(text));
        prop_assert_eq!(
            lean.find(text).map(|m| m.range()),
            regex.find(text).map(|m| m.range())
        );
        let ours: Vec<_> = lean.find_iter(text).map(|m| m.range()).collect();
        let theirs: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
        prop_assert_eq!(ours, theirs);
        let groups = regex.captures_len();
        let ours: Vec<Vec<_>> = lean
            .captures_iter(text)
            .map(|c| (0..groups).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect();
        let theirs: Vec<Vec<_>> = regex
            .captures_iter(text)
            .map(|c| (0..groups).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect();
        prop_assert_eq!(ours, theirs);
        let first = lean.captures(text).map(|c| {
            (
                c.get(0).map(|m| m.as_str()),
                c.name("later").map(|m| m.as_str()),
            )
        });
        let want = regex.captures(text).map(|c| {
            (
                c.get(0).map(|m| m.as_str()),
                c.name("later").map(|m| m.as_str()),
            )
        });
        prop_assert_eq!(first, want);
        Ok(())
    }

    #[test]
    fn agrees_with_regex_on_edges() {
        for text in [
            "",
            "It took us",
            "TOOK ",
            "later, after the ONSET",
            "naïve noticed café",
            "\u{212A} \u{17F}",
            "Ana said she. Bob ran, he",
            "10:00 – 11:30 and 9:05-9:10",
            "xx\u{e9}x",
        ] {
            for p in PATTERNS {
                if let Err(e) = agree(p, text) {
                    panic!("{p} on {text:?}: {e}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_regex(
            text in r"((took|Takes|needed|us|the|team|later|after|start|onset|of|noticed|DETECTED|paged|k|s|\u{212A}|\u{17F}|she|He|Ana|10:00|9:5|café|naïve|x)[ .,!?\n–-]{0,2}){0,12}"
        ) {
            for p in PATTERNS {
                agree(p, &text)?;
            }
        }
    }
}
