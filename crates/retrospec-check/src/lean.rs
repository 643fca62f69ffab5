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
//!
//! Most of what a compile costs is Unicode: `\w`, `\s`, `\d`, `.`, a negated
//! class and a case-insensitive letter each stand for many code points, which the
//! compiler spells out as UTF-8 automata, twice (the forward NFA and the reverse
//! one the lazy DFA needs). Most texts a rule reads are all ASCII, and on those a
//! class matches exactly its ASCII members and a Unicode word boundary is an ASCII
//! one. So a [`Lean`] compiles, first, the pattern read without Unicode
//! ([`ascii_syntax`]; a pattern that reading refuses, with a non-ASCII character,
//! is narrowed instead: every class intersected with `[\x00-\x7F]`, every Unicode
//! word assertion made its ASCII twin, [`ascii`]), searches a text that is all
//! ASCII with it, and compiles the pattern as written only the first time a text
//! is not all ASCII. `tests::agrees_with_regex` holds both
//! engines to `regex::Regex` over ASCII texts and texts with non-ASCII letters,
//! spaces, digits and case folds.

use std::sync::OnceLock;

use regex_automata::{
    Input, MatchKind,
    meta::{self, BuildError},
    util::{captures, syntax},
};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// A regex with the semantics of `regex::Regex` and no literal prefilter.
#[derive(Debug, Clone)]
pub(crate) struct Lean {
    /// The pattern read for ASCII texts: the engine for texts that are all ASCII.
    ascii: meta::Regex,
    /// The pattern as written, compiled the first time a text is not all ASCII.
    unicode: OnceLock<meta::Regex>,
    pattern: Box<str>,
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
        let ascii = match syntax::parse_with(pattern, &ascii_syntax()) {
            Ok(hir) => build(&hir)?,
            // Unicode the ASCII reading refuses (a non-ASCII character, `\p{..}`):
            // the pattern as written, narrowed ([`ascii`]).
            Err(_) => match syntax::parse_with(pattern, &unicode_syntax()) {
                Ok(hir) => build(&ascii(&hir))?,
                // The error `regex::Regex::new` would give.
                Err(_) => {
                    return Err(Box::new(
                        meta::Builder::new()
                            .configure(config())
                            .syntax(unicode_syntax())
                            .build(pattern)
                            .expect_err("a pattern that does not parse does not build"),
                    ));
                }
            },
        };
        Ok(Lean {
            ascii,
            unicode: OnceLock::new(),
            pattern: pattern.into(),
        })
    }

    /// The engine for `haystack`: the ASCII one when it is all ASCII.
    fn engine(&self, haystack: &str) -> &meta::Regex {
        if haystack.is_ascii() {
            return &self.ascii;
        }
        self.unicode.get_or_init(|| {
            meta::Builder::new()
                .configure(config())
                .syntax(unicode_syntax())
                .build(&self.pattern)
                .expect("the pattern compiled for ASCII texts, within the same limits")
        })
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.engine(haystack)
            .is_match(Input::new(haystack).earliest(true))
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.engine(haystack)
            .find(haystack)
            .map(|m| Match::of(haystack, m.span()))
    }

    pub(crate) fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.engine(haystack)
            .find_iter(haystack)
            .map(move |m| Match::of(haystack, m.span()))
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let engine = self.engine(haystack);
        let mut caps = engine.create_captures();
        engine.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.engine(haystack)
            .captures_iter(haystack)
            .map(move |caps| Captures { haystack, caps })
    }
}

/// The configuration `regex::Regex::new` gives the meta regex, less the prefilter.
fn config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .auto_prefilter(false)
}

/// The syntax `regex::Regex::new` reads a pattern with.
fn unicode_syntax() -> syntax::Config {
    syntax::Config::default().utf8(true)
}

/// The pattern read for texts that are all ASCII: without Unicode, so `\w`, `\s`,
/// `\d` and `\b` are ASCII's, a case-insensitive letter folds to its ASCII
/// twin, and `.` or a negated class is a set of bytes (it may match a byte past
/// ASCII, which such a text does not have; so the tree may match invalid UTF-8).
/// Every character a match consumes in such a text is ASCII, and on ASCII
/// characters each of these agrees with its Unicode reading, so it matches
/// exactly where the pattern as written does, with the same groups; the
/// Unicode tables and UTF-8 automata are what most of a compile costs.
fn ascii_syntax() -> syntax::Config {
    syntax::Config::default().unicode(false).utf8(false)
}

fn build(hir: &Hir) -> Result<meta::Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(config())
        .build_from_hir(hir)
        .map_err(Box::new)
}

/// `hir` narrowed to ASCII, for a pattern the ASCII reading refuses: on a text
/// that is all ASCII it matches exactly where
/// `hir` does, with the same groups. Every character a match consumes is then
/// ASCII, so each class keeps only its ASCII members (a transition on any other
/// never fires), and the characters on either side of a word assertion are ASCII
/// or nothing, where Unicode's word characters are ASCII's (`[0-9A-Za-z_]`).
/// Literals are kept: a non-ASCII one cannot match such a text either way.
fn ascii(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Class(Class::Unicode(class)) => {
            let mut narrowed = class.clone();
            narrowed.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
            Hir::class(Class::Unicode(narrowed))
        }
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.sub = Box::new(ascii(&rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(cap) => {
            let mut cap = cap.clone();
            cap.sub = Box::new(ascii(&cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii).collect()),
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
        // Unicode classes and word assertions, narrowed to ASCII for ASCII texts.
        r"(?i)\b(?P<later>\w+)\s+(?:[^.!?\n]{0,12}?)\b(?:noticed|paged)\B",
        r"\d+\s*(?:min|k)\w*|.\b.",
        r"(?i)[^a-z0-9 ]+|\bS\b",
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
            "10 min, \u{e9}noticed k\u{e9} s 7\u{a0}min Took\u{2003}us",
            "\u{663}\u{664} min took \u{b5}s late\u{301}r noticed",
            "ASCII only: Took us 12 minutes; paged!",
        ] {
            for p in PATTERNS {
                if let Err(e) = agree(p, text) {
                    panic!("{p} on {text:?}: {e}");
                }
            }
        }
    }

    #[test]
    fn ascii_texts_do_not_compile_the_pattern_as_written() {
        let lean = Lean::new(r"(?i)\b\w+\s+took\b").expect("valid");
        assert!(lean.is_match("it TOOK"));
        assert!(
            lean.unicode.get().is_none(),
            "an ASCII text uses the narrowed engine"
        );
        assert!(lean.is_match("caf\u{e9}\u{a0}took"));
        assert!(!lean.is_match("caf\u{e9}took"));
        assert!(lean.unicode.get().is_some());
        // A non-ASCII character in the pattern: narrowed, the same matches.
        let dash = Lean::new(r"(?i)\b(\d{1,2}:\d{2})\s*[–-]\s*(\d{1,2}:\d{2})\b").expect("valid");
        let text = "from 9:05 – 9:40";
        assert_eq!(dash.find(text).map(|m| m.range()), Some(5..text.len()));
        assert!(dash.unicode.get().is_some());
        assert!(dash.find("from 9:05 - 9:40").is_some());
        assert!(Lean::new(r"(?i)\p{Greek}+|x").expect("valid").is_match("X"));
        assert!(Lean::new(r"(unclosed").is_err());
    }

    proptest! {
        #[test]
        fn agrees_with_regex(
            text in r"((took|Takes|needed|us|the|team|later|after|start|onset|of|noticed|DETECTED|paged|k|s|\u{212A}|\u{17F}|she|He|Ana|10:00|9:5|café|naïve|x|min|3|\u{663}|\u{e9}|\u{b5})[ .,!?\n–\u{a0}-]{0,2}){0,12}"
        ) {
            for p in PATTERNS {
                agree(p, &text)?;
            }
        }
    }
}
