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
//! (Unicode off in the translation; a pattern that reading refuses, with a non-ASCII character,
//! is narrowed instead: every class intersected with `[\x00-\x7F]`, every Unicode
//! word assertion made its ASCII twin, [`ascii_hir`]), searches a text that is all
//! ASCII with it, and compiles the pattern as written only the first time a text
//! is not all ASCII. `tests::agrees_with_regex` holds both
//! engines to `regex::Regex` over ASCII texts and texts with non-ASCII letters,
//! spaces, digits and case folds.
//!
//! Nothing is compiled before a text may match (issue 15, perf12): a [`Lean`] is
//! made from the pattern's syntax tree alone, and reads off it [`Needles`],
//! literals one of which every match holds (`took` for `\btook\b`, one of the
//! words of an alternation); a text with none of them in any case is answered
//! "no match" without building anything. One free-form report met 55 patterns
//! and compiled each of them (63 M of its 89 M instructions), most for texts
//! where they found nothing. Once built, an engine is searched without the gate;
//! a batch stops consulting a gate after [`GATE_BUDGET`] bytes. The needles are
//! held to `regex::Regex` by `tests::the_needles_are_necessary`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use regex_automata::{
    Input, MatchKind,
    meta::{self, BuildError},
    util::{captures, syntax},
};
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, translate};

/// A regex with the semantics of `regex::Regex` and no literal prefilter.
///
/// Made from the pattern's syntax tree alone (read once, about a sixth of a
/// compile); the automata are built on the first text that may match: one that
/// holds one of the pattern's [`Needles`] (a literal every match contains).
pub(crate) struct Lean {
    /// The pattern read for ASCII texts: the engine for texts that are all ASCII,
    /// built on the first such text past the gate.
    ascii: OnceLock<meta::Regex>,
    /// The pattern as written, compiled the first time a text is not all ASCII
    /// (and passes the gate).
    unicode: OnceLock<meta::Regex>,
    /// The syntax tree, kept until the first engine is built (then dropped; the
    /// other engine, if ever needed, reads the pattern again).
    ast: Mutex<Option<Ast>>,
    /// What every match holds, read off the syntax tree.
    needles: Option<Needles>,
    /// Bytes the gate has read so far ([`GATE_BUDGET`]).
    gated: AtomicUsize,
    pattern: Box<str>,
}

impl std::fmt::Debug for Lean {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lean")
            .field("pattern", &self.pattern)
            .field("needles", &self.needles)
            .field("built", &self.ascii.get().is_some())
            .finish()
    }
}

/// How many bytes a pattern's gate reads before the pattern is compiled anyway.
/// The gate costs a few instructions a byte and a compile about a million, so a
/// batch whose texts keep missing a pattern that some later text matches pays at
/// most a small part of one compile for the gate; a single report (a few KB)
/// never reaches it, and a text longer than this compiles at once (as before).
const GATE_BUDGET: usize = 16 * 1024;
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
    /// Reads `pattern` as `regex::Regex::new` would (its syntax errors are the
    /// same), to be compiled, less the prefilter, on the first text that may match.
    ///
    /// A pattern that parses but that the translation or the build refuses (an
    /// unknown Unicode class, past the size limits) panics on first use instead:
    /// every pattern of the crate is written once, in a `LazyLock`, and read by
    /// its tests.
    pub(crate) fn new(pattern: &str) -> Result<Self, Box<BuildError>> {
        let ast = match ast::parse::ParserBuilder::new().build().parse(pattern) {
            Ok(ast) => ast,
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
        };
        Ok(Lean {
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
            needles: Needles::of(&ast),
            ast: Mutex::new(Some(ast)),
            gated: AtomicUsize::new(0),
            pattern: pattern.into(),
        })
    }

    /// The syntax tree, taken (the first engine) or read again (the second).
    fn take_ast(&self) -> Ast {
        let kept = self.ast.lock().map(|mut a| a.take()).unwrap_or(None);
        kept.unwrap_or_else(|| {
            ast::parse::ParserBuilder::new()
                .build()
                .parse(&self.pattern)
                .expect("the pattern parsed when it was made")
        })
    }

    /// The engine for `haystack` (the ASCII one when it is all ASCII), or `None`
    /// when the haystack cannot hold a match: it lacks every needle and the
    /// engine it needs is not built yet. The gate is not consulted once that
    /// engine is built (its search is then the cheaper test).
    fn engine(&self, haystack: &str) -> Option<&meta::Regex> {
        let ascii = haystack.is_ascii();
        let built = if ascii {
            self.ascii.get()
        } else {
            self.unicode.get()
        };
        if let Some(engine) = built {
            return Some(engine);
        }
        if let Some(needles) = &self.needles {
            let read = self.gated.fetch_add(haystack.len(), Ordering::Relaxed);
            if read.saturating_add(haystack.len()) <= GATE_BUDGET && !needles.found_in(haystack) {
                return None;
            }
        }
        Some(if ascii {
            self.ascii.get_or_init(|| {
                let ast = self.take_ast();
                // The pattern read for texts that are all ASCII: without Unicode, so `\w`, `\s`,
                // `\d` and `\b` are ASCII's, a case-insensitive letter folds to its ASCII
                // twin, and `.` or a negated class is a set of bytes (it may match a byte past
                // ASCII, which such a text does not have; so the tree may match invalid UTF-8).
                // Every character a match consumes in such a text is ASCII, and on ASCII
                // characters each of these agrees with its Unicode reading, so it matches
                // exactly where the pattern as written does, with the same groups; the
                // Unicode tables and UTF-8 automata are what most of a compile costs.
                let hir = translate::TranslatorBuilder::new()
                    .unicode(false)
                    .utf8(false)
                    .build()
                    .translate(&self.pattern, &ast)
                    // A non-ASCII character in a class, which the ASCII reading
                    // refuses: the classes narrowed on the tree ([`ascii_ast`]);
                    // with a `\p{..}`, the pattern as written narrowed
                    // ([`ascii_hir`], which reads the Unicode tables).
                    .or_else(|_| {
                        let narrowed = ascii_ast(&ast).ok_or(())?;
                        translate::TranslatorBuilder::new()
                            .unicode(false)
                            .utf8(false)
                            .build()
                            .translate(&self.pattern, &narrowed)
                            .map_err(|_| ())
                    })
                    .unwrap_or_else(|()| ascii_hir(&unicode_hir(&self.pattern, &ast)));
                build(&hir).expect("the pattern builds within the limits")
            })
        } else {
            self.unicode.get_or_init(|| {
                let ast = self.take_ast();
                build(&unicode_hir(&self.pattern, &ast))
                    .expect("the pattern builds within the limits")
            })
        })
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.engine(haystack)
            .is_some_and(|e| e.is_match(Input::new(haystack).earliest(true)))
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.engine(haystack)?
            .find(haystack)
            .map(|m| Match::of(haystack, m.span()))
    }

    pub(crate) fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.engine(haystack).into_iter().flat_map(move |e| {
            e.find_iter(haystack)
                .map(move |m| Match::of(haystack, m.span()))
        })
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let engine = self.engine(haystack)?;
        let mut caps = engine.create_captures();
        engine.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.engine(haystack).into_iter().flat_map(move |e| {
            e.captures_iter(haystack)
                .map(move |caps| Captures { haystack, caps })
        })
    }
}

/// The pattern's tree read as `regex::Regex::new` reads it (Unicode on).
fn unicode_hir(pattern: &str, ast: &Ast) -> Hir {
    translate::TranslatorBuilder::new()
        .build()
        .translate(pattern, ast)
        .expect("the pattern translates as written")
}

/// Literals every match of a pattern contains, as ASCII in any case (lowercased
/// here): groups of words, every match holding a word of each group (`took` and
/// one of `minutes`, `hours` for `\btook\s+\d+\s+(?:minutes|hours)`). The gate
/// before a compile, read off the syntax tree ([`need`]); a text that lacks
/// every word of a group, and holds neither `K` (KELVIN SIGN) nor `ſ` (LONG S),
/// which case folding maps onto `k` and `s`, has no match.
///
/// Why that holds: an ASCII character of a pattern's literal matches only
/// itself, under `(?i)` also its other case and those two folds (Unicode's
/// simple case folding maps no other character onto ASCII), so a match holds
/// the literal as written up to ASCII case or holds one of the folds. The
/// literal is compared in any case even where the pattern is case-sensitive
/// (a weaker test, still necessary). A non-ASCII literal breaks a run (it may
/// fold onto ASCII).
#[derive(Debug)]
struct Needles {
    /// The groups, the most telling first.
    groups: Box<[Group]>,
}

/// Words one of which a match holds.
#[derive(Debug)]
struct Group {
    /// Each word, lowercased, none empty.
    words: Box<[Box<[u8]>]>,
    /// For each byte, whether a word starts with it (both cases).
    first: [bool; 256],
}

/// At most this many words in a group (an alternation of more is no gate).
const MAX_WORDS: usize = 48;
/// At most this many groups are tested (each is one pass over a text).
const MAX_GROUPS: usize = 3;

/// Words one of which a sub-pattern's match holds (lowercased).
type Words = Vec<Vec<u8>>;

impl Needles {
    fn of(ast: &Ast) -> Option<Needles> {
        let mut groups = need(ast);
        groups.sort_by_key(|g| std::cmp::Reverse(score(g)));
        groups.dedup();
        groups.truncate(MAX_GROUPS);
        if groups.is_empty() {
            return None;
        }
        let groups = groups
            .into_iter()
            .map(|words| {
                let mut first = [false; 256];
                for w in &words {
                    first[usize::from(w[0])] = true;
                    first[usize::from(w[0].to_ascii_uppercase())] = true;
                }
                Group {
                    words: words.into_iter().map(Vec::into_boxed_slice).collect(),
                    first,
                }
            })
            .collect();
        Some(Needles { groups })
    }

    /// Whether `haystack` may hold a match: it holds a word of every group in
    /// any case, or a character that folds onto ASCII.
    fn found_in(&self, haystack: &str) -> bool {
        self.groups.iter().all(|g| g.found_in(haystack.as_bytes()))
            || (!haystack.is_ascii() && haystack.contains(['\u{212A}', '\u{17F}']))
    }
}

impl Group {
    fn found_in(&self, h: &[u8]) -> bool {
        h.iter().enumerate().any(|(i, &b)| {
            self.first[usize::from(b)]
                && self
                    .words
                    .iter()
                    .any(|w| h.len() - i >= w.len() && h[i..i + w.len()].eq_ignore_ascii_case(w))
        })
    }
}

/// How telling a group is: the longer its shortest word, then the fewer words.
fn score(words: &Words) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(words.len()))
}

/// The groups of words every match of `ast` holds a word of (see [`Needles`]);
/// none when nothing is known.
fn need(ast: &Ast) -> Vec<Words> {
    match ast {
        Ast::Literal(lit) if lit.c.is_ascii() => {
            vec![vec![vec![(lit.c as u8).to_ascii_lowercase()]]]
        }
        Ast::Group(group) => need(&group.ast),
        Ast::Repetition(rep) => {
            let min = match &rep.op.kind {
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => 0,
                RepetitionKind::OneOrMore => 1,
                RepetitionKind::Range(
                    RepetitionRange::Exactly(m)
                    | RepetitionRange::AtLeast(m)
                    | RepetitionRange::Bounded(m, _),
                ) => *m,
            };
            if min == 0 { Vec::new() } else { need(&rep.ast) }
        }
        Ast::Alternation(alt) => {
            // Each branch's most telling group; a branch with none: nothing known.
            let mut all: Words = Vec::new();
            for branch in &alt.asts {
                let Some(best) = need(branch).into_iter().max_by_key(score) else {
                    return Vec::new();
                };
                all.extend(best);
                if all.len() > MAX_WORDS {
                    return Vec::new();
                }
            }
            all.sort();
            all.dedup();
            vec![all]
        }
        Ast::Concat(concat) => {
            // Each run of ASCII literals side by side (one word), and what each
            // other part needs.
            let mut groups = Vec::new();
            let mut run: Vec<u8> = Vec::new();
            for part in &concat.asts {
                match part {
                    Ast::Literal(lit) if lit.c.is_ascii() => {
                        run.push((lit.c as u8).to_ascii_lowercase());
                    }
                    _ => {
                        if !run.is_empty() {
                            groups.push(vec![std::mem::take(&mut run)]);
                        }
                        groups.extend(need(part));
                    }
                }
            }
            if !run.is_empty() {
                groups.push(vec![run]);
            }
            groups
        }
        // Classes, `.`, assertions, flags, the empty pattern, a non-ASCII
        // literal: nothing known.
        _ => Vec::new(),
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

fn build(hir: &Hir) -> Result<meta::Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(config())
        .build_from_hir(hir)
        .map_err(Box::new)
}

/// `ast` with every bracketed class narrowed to its ASCII members (a non-ASCII
/// character dropped, a range ending past ASCII cut at `\x7F`), or `None` when
/// it holds a Unicode class (`\p{..}`), which only the tables can narrow. On a
/// text that is all ASCII every character a match consumes is ASCII, so a class
/// matches there exactly its ASCII members; narrowing each operand of a class's
/// set operations is narrowing their result (intersecting with ASCII
/// distributes over union, intersection and differences), and a negated class
/// read as bytes keeps every ASCII byte the original keeps. Cheaper than
/// [`ascii_hir`], which needs the pattern read with Unicode first (case folding
/// and classes from the tables).
fn ascii_ast(ast: &Ast) -> Option<Ast> {
    fn narrow(ast: &mut Ast) -> bool {
        match ast {
            Ast::ClassBracketed(class) => narrow_set(&mut class.kind),
            Ast::ClassUnicode(_) => false,
            Ast::Repetition(rep) => narrow(&mut rep.ast),
            Ast::Group(group) => narrow(&mut group.ast),
            Ast::Alternation(alt) => alt.asts.iter_mut().all(narrow),
            Ast::Concat(concat) => concat.asts.iter_mut().all(narrow),
            _ => true,
        }
    }
    fn narrow_set(set: &mut ClassSet) -> bool {
        match set {
            ClassSet::Item(item) => narrow_item(item),
            ClassSet::BinaryOp(op) => narrow_set(&mut op.lhs) && narrow_set(&mut op.rhs),
        }
    }
    fn narrow_item(item: &mut ClassSetItem) -> bool {
        match item {
            ClassSetItem::Literal(lit) if !lit.c.is_ascii() => {
                *item = ClassSetItem::Empty(lit.span);
            }
            ClassSetItem::Range(range) if !range.end.c.is_ascii() => {
                if range.start.c.is_ascii() {
                    range.end.c = '\x7F';
                    range.end.kind = ast::LiteralKind::Verbatim;
                } else {
                    *item = ClassSetItem::Empty(range.span);
                }
            }
            ClassSetItem::Unicode(_) => return false,
            ClassSetItem::Bracketed(class) => return narrow_set(&mut class.kind),
            ClassSetItem::Union(union) => return union.items.iter_mut().all(narrow_item),
            _ => {}
        }
        true
    }
    let mut narrowed = ast.clone();
    narrow(&mut narrowed).then_some(narrowed)
}

/// `hir` narrowed to ASCII, for a pattern the ASCII reading refuses: on a text
/// that is all ASCII it matches exactly where
/// `hir` does, with the same groups. Every character a match consumes is then
/// ASCII, so each class keeps only its ASCII members (a transition on any other
/// never fires), and the characters on either side of a word assertion are ASCII
/// or nothing, where Unicode's word characters are ASCII's (`[0-9A-Za-z_]`).
/// Literals are kept: a non-ASCII one cannot match such a text either way.
fn ascii_hir(hir: &Hir) -> Hir {
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
            rep.sub = Box::new(ascii_hir(&rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(cap) => {
            let mut cap = cap.clone();
            cap.sub = Box::new(ascii_hir(&cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_hir).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_hir).collect()),
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
        // Needles: runs, alternations, repetitions, flags, escapes, folds.
        r"(?i)\b(?:it\s+)?took\s+(?:us\s+)?about|needed\.{1,2}k",
        r"(?-i:Took)\s+(?i:US)+|(?:noticed|later)?x?min",
        r"\x41na\b|\u{212A}\s*s|(?i:she\b){2}",
        r"[Tt]ook (?:the team|us)\b",
        // Non-ASCII in classes, narrowed on the tree for ASCII texts.
        r"(?i)[^–\s]+\s*[a-zé’]+[–-]|[\x{e0}-\x{ff}k]+|[a-\x{17F}&&[^s]]\d",
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

    #[test]
    fn the_needles_are_read_off_the_tree() {
        let needles = |p: &str| -> Vec<Vec<String>> {
            Lean::new(p)
                .expect("valid")
                .needles
                .map_or_else(Vec::new, |n| {
                    n.groups
                        .iter()
                        .map(|g| {
                            let mut w: Vec<String> = g
                                .words
                                .iter()
                                .map(|w| String::from_utf8(w.to_vec()).expect("ascii"))
                                .collect();
                            w.sort();
                            w
                        })
                        .collect()
                })
        };
        assert_eq!(needles(r"(?i)\bTook\s+us"), [["took"], ["us"]]);
        assert_eq!(
            needles(r"(?i)\b(?:noticed|detected|k)\b"),
            [["detected", "k", "noticed"]]
        );
        // Every group a match needs, the most telling first (at most three).
        assert_eq!(
            needles(r"a\s+(?:minutes|hours)\b\s*x\s*yz"),
            [vec!["hours", "minutes"], vec!["yz"], vec!["a"]]
        );
        // Optional parts and classes need nothing; a non-ASCII literal breaks a run.
        assert!(needles(r"(?:took)?\d+").is_empty());
        assert_eq!(needles(r"(?i)x(?:a|)"), [["x"]]);
        assert_eq!(needles(r"\u{212A}elvin"), [["elvin"]]);
        // A branch's most telling group stands for it.
        assert_eq!(needles(r"(?:ab){2,}|c+|d\s+ee"), [["ab", "c", "ee"]]);
        assert!(needles(r"\w+|took").is_empty());
    }

    /// The gate's ground: no character past ASCII but KELVIN SIGN and LONG S
    /// matches an ASCII character under Unicode case folding.
    #[test]
    fn only_two_characters_fold_onto_ascii() {
        let ascii = regex::Regex::new(r"(?i)^[\x00-\x7F]$").expect("valid");
        let folding: Vec<char> = (0x80..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|c| ascii.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['\u{17F}', '\u{212A}']);
    }

    #[test]
    fn a_text_without_a_needle_builds_nothing() {
        let lean = Lean::new(r"(?i)\b\w+\s+took\b").expect("valid");
        assert!(!lean.is_match("it was slow"));
        assert_eq!(lean.find_iter("it was slow").count(), 0);
        assert!(lean.captures("caf\u{e9} slow").is_none());
        assert!(lean.ascii.get().is_none() && lean.unicode.get().is_none());
        // LONG S folds onto `s`, KELVIN SIGN onto `k`: such a text passes.
        assert!(
            Lean::new(r"(?i)\bsk\b")
                .expect("valid")
                .is_match("\u{17F}\u{212A}")
        );
        assert!(lean.is_match("It TOOK"));
        assert!(lean.ascii.get().is_some() && lean.ast.lock().expect("lock").is_none());
        // Past the budget the gate is no longer read: the text is searched.
        let lean = Lean::new(r"took").expect("valid");
        let long = "x".repeat(super::GATE_BUDGET + 1);
        assert!(!lean.is_match(&long));
        assert!(lean.ascii.get().is_some());
    }

    proptest! {
        /// Every text `regex::Regex` finds a match in passes the gate.
        #[test]
        fn the_needles_are_necessary(
            text in r"((took|Takes|needed|us|the|team|later|x|min|Ana|\u{212A}|\u{17F}|she|k|s|noticed|TOOK|\.|A|na)[ .,!?\n\u{a0}-]{0,2}){0,10}"
        ) {
            for p in PATTERNS {
                let lean = Lean::new(p).expect("valid");
                if regex::Regex::new(p).expect("valid").is_match(&text) {
                    prop_assert!(
                        lean.needles.as_ref().is_none_or(|n| n.found_in(&text)),
                        "{} on {:?}", p, text
                    );
                }
            }
        }

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
