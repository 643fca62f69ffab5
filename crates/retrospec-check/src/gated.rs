//! Regular expressions compiled only once a text may match them.
//!
//! Compiling the rules' patterns is most of the cost of checking one clean report
//! (41.6 M of its 54.8 M instructions, bench/README.md), and a clean report matches
//! few of them. A [`Gated`] regex holds a [`Gate`], a cheap condition every match
//! needs (an ASCII digit, one of a few words), and compiles its pattern the first
//! time a text passes the gate; a text that does not pass has no match and costs
//! no compile. Once compiled, the gate is no longer looked at: the regex's own
//! prefilter is faster, so a batch of reports pays for the gate only until the
//! first text that passes.
//!
//! A gate must be a necessary condition of a match, or a match is missed: the
//! soundness is the user's to test, over the corpus and the rule's fixtures, with
//! [`Gated::misses`].
//!
//! RS408's role pattern uses it. A [`Screen`] is a gate alone, for an entry point
//! that reads a whole family of patterns: the duration reader (`claims::duration`)
//! and the backlog reader (`claims::backlog`) return early on a text that does not
//! pass theirs (bench/README.md, perf7).

// Some helpers (`is_match`) have no rule using them yet.
#![cfg_attr(not(test), allow(dead_code))]

use std::sync::{LazyLock, OnceLock};

use crate::lean::{Captures, Lean};
use crate::scan::Caseless;

/// A cheap condition that every match of a pattern meets.
#[derive(Debug)]
pub(crate) enum Gate {
    /// The text has an ASCII digit (`[0-9]`; not `\d`, which is all of Unicode).
    Digit,
    /// The text has one of these ASCII words, in any case, anywhere (also inside
    /// a longer word). A pattern under `(?i)` also matches `K` (KELVIN SIGN) for
    /// `k` and `ſ` (LONG S) for `s`: a text with either passes too.
    AnyOf(&'static [&'static str]),
    /// Both gates hold.
    Both(&'static Gate, &'static Gate),
    /// Either gate holds.
    Either(&'static Gate, &'static Gate),
}

/// The characters Unicode case folding maps onto ASCII letters.
static FOLDS_TO_ASCII: [&str; 2] = ["\u{212A}", "\u{17F}"];

/// The searchers of a gate's word lists, built once: each list with its searcher.
type Searchers = Vec<(&'static [&'static str], Caseless)>;

impl Gate {
    /// Whether `text` passes, with the searchers of its word lists.
    fn passes(&self, text: &str, searchers: &Searchers) -> bool {
        match self {
            Gate::Digit => crate::scan::has_ascii_digit(text),
            Gate::AnyOf(list) => searchers
                .iter()
                .find(|(l, _)| std::ptr::eq(*l, *list))
                .is_none_or(|(_, searcher)| searcher.is_match(text)),
            Gate::Both(a, b) => a.passes(text, searchers) && b.passes(text, searchers),
            Gate::Either(a, b) => a.passes(text, searchers) || b.passes(text, searchers),
        }
    }

    /// The word lists of the gate.
    fn lists(&self, out: &mut Vec<&'static [&'static str]>) {
        match self {
            Gate::Digit => {}
            Gate::AnyOf(list) => out.push(list),
            Gate::Both(a, b) | Gate::Either(a, b) => {
                a.lists(out);
                b.lists(out);
            }
        }
    }
}

/// A [`Gate`] alone, for a family of patterns read by one entry point (the
/// duration reader, the window reader): the entry point returns early when a text
/// does not pass, so none of the family's patterns is compiled for it. Unlike a
/// [`Gated`] regex it is consulted on every text, so it stays cheap: a digit test,
/// then one SIMD search of the lowercased text, its searcher built on first use.
pub(crate) struct Screen {
    gate: Gate,
    searchers: OnceLock<Searchers>,
}

impl std::fmt::Debug for Screen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Screen").field("gate", &self.gate).finish()
    }
}

impl Screen {
    /// A screen that lets through the texts passing `gate`.
    pub(crate) const fn new(gate: Gate) -> Self {
        Screen {
            gate,
            searchers: OnceLock::new(),
        }
    }

    /// Whether `text` passes the gate (may hold a match of the family).
    pub(crate) fn passes(&self, text: &str) -> bool {
        // Read on every text, so the SIMD searcher of each list's words in any
        // case (`Caseless`): the automaton with ASCII case folding searched at
        // 16 instructions a byte (16 M of the JSON batch's 426 M, perf19).
        let searchers = self.searchers.get_or_init(|| build_searchers(&self.gate));
        self.gate.passes(text, searchers)
    }
}

/// The searchers of `gate`'s word lists.
fn build_searchers(gate: &Gate) -> Searchers {
    let mut lists = Vec::new();
    gate.lists(&mut lists);
    lists
        .into_iter()
        .map(|list| (list, Caseless::new(list, &FOLDS_TO_ASCII)))
        .collect()
}

/// Whether `text` opens with `word` (ASCII letters none of which a non-ASCII
/// letter folds onto), in any case, after white space and a comma.
pub(crate) fn opens_with(text: &str, word: &str) -> bool {
    let head = text.trim_start();
    let head = head.strip_prefix(',').map_or(head, str::trim_start);
    head.get(..word.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(word))
}

/// The captures of `pattern` (anchored at the start of `text`, after white space
/// and a comma, on `word`) in `text`; the pattern is compiled only when `text`
/// opens with `word` (relative claims: "later at", "from the ... to the ...",
/// "to identify ... once").
pub(crate) fn captures_opening<'t>(
    text: &'t str,
    word: &str,
    pattern: &LazyLock<Lean>,
) -> Option<Captures<'t>> {
    opens_with(text, word)
        .then(|| pattern.captures(text))
        .flatten()
}

/// A regex compiled the first time a text passes its [`Gate`].
pub(crate) struct Gated {
    gate: Gate,
    pattern: fn() -> Lean,
    searchers: OnceLock<Searchers>,
    regex: OnceLock<Lean>,
}

impl std::fmt::Debug for Gated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gated")
            .field("gate", &self.gate)
            .field("compiled", &self.regex.get().is_some())
            .finish()
    }
}

impl Gated {
    /// `pattern` (a function that compiles the regex, as for a `LazyLock`) behind `gate`.
    pub(crate) const fn new(gate: Gate, pattern: fn() -> Lean) -> Self {
        Gated {
            gate,
            pattern,
            searchers: OnceLock::new(),
            regex: OnceLock::new(),
        }
    }

    /// The regex, when `text` may match it; `None` when it cannot (nothing is compiled).
    pub(crate) fn get(&self, text: &str) -> Option<&Lean> {
        if let Some(regex) = self.regex.get() {
            return Some(regex);
        }
        self.may_match(text)
            .then(|| self.regex.get_or_init(self.pattern))
    }

    /// Whether `text` passes the gate.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        let searchers = self.searchers.get_or_init(|| build_searchers(&self.gate));
        self.gate.passes(text, searchers)
    }

    /// Whether the regex matches `text` although the gate turns it away (a wrong
    /// gate); for tests. Compiles the regex.
    #[cfg(test)]
    pub(crate) fn misses(&self, text: &str) -> bool {
        (self.pattern)().is_match(text) && !self.may_match(text)
    }

    /// Whether the regex has been compiled; for tests.
    #[cfg(test)]
    pub(crate) fn compiled(&self) -> bool {
        self.regex.get().is_some()
    }

    /// Whether the regex matches `text` (compiled only when the gate lets it through).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.get(text).is_some_and(|r| r.is_match(text))
    }
}

/// Every report of the repository (`tests/`, `examples/`; the realistic reports
/// held out from tuning, numbered 65 and above, excepted) with its text: the
/// corpus a gate is held sound over.
#[cfg(test)]
pub(crate) fn corpus() -> Vec<(std::path::PathBuf, String)> {
    use std::path::{Path, PathBuf};
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if crate::Format::from_path(&path).is_some() {
                out.push(path);
            }
        }
    }
    let held_out = |path: &Path| {
        path.to_string_lossy().contains("realistic/reports")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n >= 65)
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    for dir in ["tests", "examples"] {
        files(&root.join(dir), &mut paths);
    }
    paths.retain(|p| !held_out(p));
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static DIGITS: Gate = Gate::Digit;
    static STARTS: Gate = Gate::AnyOf(&["started", "began", "begun"]);

    /// A start time, as RS207 reads one: a start word and a clock time.
    static START: Gated = Gated::new(Gate::Both(&STARTS, &DIGITS), || {
        Lean::new(r"(?i)\b(?:started|began|begun)\s+(?:at\s+)?[0-9]{1,2}:[0-9]{2}\b")
            .expect("valid")
    });

    static ROLE: Gated = Gated::new(Gate::AnyOf(&["engineer", "operator", "sre"]), || {
        Lean::new(r"(?i)\bthe\s+(?:engineer|operator|sre)s?\b").expect("valid")
    });

    #[test]
    fn a_text_that_fails_the_gate_compiles_nothing() {
        let gated = Gated::new(Gate::AnyOf(&["resolved"]), || {
            Lean::new(r"(?i)\bresolved\s+at\s+[0-9]").expect("valid")
        });
        assert!(gated.get("Users saw errors on checkout.").is_none());
        assert!(!gated.compiled());
        assert!(!gated.is_match("no words here"));
        assert!(!gated.compiled());
        assert!(gated.is_match("It was RESOLVED at 10:20."));
        assert!(gated.compiled());
        // Once compiled, the regex answers alone.
        assert!(gated.get("anything").is_some());
    }

    #[test]
    fn both_and_either_combine_gates() {
        assert!(!START.may_match("it started late"));
        assert!(!START.may_match("at 10:05"));
        assert!(START.may_match("it Started at 10:05"));
        static EITHER: Gated = Gated::new(Gate::Either(&STARTS, &DIGITS), || {
            Lean::new("x").expect("valid")
        });
        assert!(EITHER.may_match("began"));
        assert!(EITHER.may_match("7"));
        assert!(!EITHER.may_match("nothing"));
    }

    #[test]
    fn case_folding_onto_ascii_passes_the_gate() {
        // `(?i)` matches KELVIN SIGN for `k` and LONG S for `s`: the gate must let
        // such a text through, or the match is missed.
        let long_s = "the \u{17F}re broke it";
        assert!(ROLE.get(long_s).is_some_and(|r| r.is_match(long_s)));
        assert!(!ROLE.misses(long_s));
        assert!(!ROLE.misses("The Operator"));
    }

    proptest! {
        #[test]
        fn a_gate_turns_away_no_match(
            text in r"(?i)((the|it|an?) |(started|began|begun|engineer|operator|sre)s? |(at )?[0-9]{1,2}:[0-9]{2} |[\u{17F}\u{212A}kKsS] |[a-z]{1,6} )*"
        ) {
            prop_assert!(!START.misses(&text), "{}", text);
            prop_assert!(!ROLE.misses(&text), "{}", text);
        }
    }
}
