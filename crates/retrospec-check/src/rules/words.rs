//! Matching the configured word lists (`[words]` in `retrospec.toml`) in report
//! text, with spans on the words as they are written in the file.
//!
//! Matching runs on the source text of a value, not on the parsed string, so a
//! span is exact in all three forms: inside a Markdown paragraph, a quoted or
//! folded YAML scalar, or a JSON string. Words of a phrase may be separated by any
//! whitespace (a YAML or Markdown line break included).
//!
//! Only prose is matched. What is not prose ([`Masks`]: HTML comments, inline code,
//! code blocks fenced or indented, quoted logs, URLs and Markdown link targets) is
//! skipped: report text is Markdown in every form, a comment is a note to the
//! editor, and code (`` `@Cacheable` ``), a log line (`> 10:04 ERROR retry failed`)
//! or a URL (`https://x.example/todo/simply-fix`) are quoted evidence, not the
//! author's wording. The masks are computed once per report, and only when some
//! rule has a candidate to weigh.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use aho_corasick::AhoCorasick;
use regex::Regex;

mod automata;
mod chat;
mod hits;
mod label;
mod speech;
mod wiki;
pub use automata::Literals;
use automata::{Automata, Head};
pub(crate) use hits::Hits;
pub(crate) use label::in_bold_label;
pub(crate) use speech::in_reported_speech;

use crate::parse::Format;
use crate::rules::Context;
use crate::span::Span;
use crate::tree::{Node, Value};

/// A compiled word list: case-insensitive, whole words, the words of a phrase
/// separated by any run of whitespace.
#[derive(Debug)]
pub struct WordList {
    matcher: Matcher,
}

#[derive(Debug)]
enum Matcher {
    /// No entries, or a list too large for the regex engine's limits (the rule is
    /// then off rather than panicking).
    Nothing,
    /// Every entry is ASCII (the built-in lists, and most configured ones): an
    /// Aho-Corasick automaton over the text with whitespace runs collapsed, word
    /// boundaries checked by hand. Building it costs about a twentieth of the
    /// equivalent regex (case-insensitive alternation with Unicode `\b`), which
    /// dominated the start-up of a one-file check, and it matches faster.
    Ascii {
        /// The entries, lowercased, longest first.
        lower: Vec<String>,
        /// The two automata over `lower`, built the first time a text is searched
        /// (`None` when they cannot be built: the list then matches nothing). Most
        /// reports have none of the entries' first words ([`WordList::may_match`]),
        /// and a one-file check then builds only `firsts` (bench/README.md, perf8).
        built: OnceLock<Option<Automata>>,
        /// The first word of every entry: when none is anywhere in a report, no
        /// entry is in any of its texts.
        firsts: Box<Literals>,
        /// The first word of every entry with what must stand around it, for a
        /// report where `firsts` finds one before the automata are built.
        heads: Vec<Head>,
        /// Per pattern: whether its first and its last character are word characters
        /// (and so need a word boundary there).
        edges: Vec<(bool, bool)>,
    },
    /// Some entry is not ASCII: a regex, whose case folding covers all of Unicode.
    Regex(Regex),
}

/// A word character, as the regex `\b` sees it.
fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

impl WordList {
    /// Compiles `words`. Longer entries are tried first, so `carelessness` wins over
    /// `careless`. Empty entries are ignored. Private: rules take their lists from
    /// [`WordList::cached`], since compiling per file made every check six times
    /// slower.
    fn new(words: &[String]) -> Self {
        let mut words: Vec<String> = words
            .iter()
            .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        let matcher = if words.is_empty() {
            Matcher::Nothing
        } else if words.iter().all(|w| w.is_ascii()) {
            let edges = words
                .iter()
                .map(|w| {
                    (
                        word_char(w.chars().next()),
                        word_char(w.chars().next_back()),
                    )
                })
                .collect();
            // Entries are lowercased and searched for in lowercased text (the same
            // byte offsets): a case-insensitive automaton has no literal prefilter
            // and searched the whole text at 17 instructions a byte.
            let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
            let firsts: Vec<&str> = lower
                .iter()
                .map(|w| w.split(' ').next().unwrap_or(w))
                .collect();
            let firsts = Box::new(Literals::new(&firsts));
            let mut heads: Vec<Head> = lower.iter().map(|w| Head::of(w)).collect();
            heads.sort_by(|a, b| a.word.cmp(&b.word).then(a.key().cmp(&b.key())));
            heads.dedup_by(|a, b| a.word == b.word && a.key() == b.key());
            Matcher::Ascii {
                lower,
                built: OnceLock::new(),
                edges,
                firsts,
                heads,
            }
        } else {
            let alternatives: Vec<String> = words.iter().map(|w| phrase_pattern(w)).collect();
            // Every part is escaped, so the pattern always compiles but for size limits.
            match Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))) {
                Ok(regex) => Matcher::Regex(regex),
                Err(_) => Matcher::Nothing,
            }
        };
        WordList { matcher }
    }

    /// The compiled list for `words`, compiled once per distinct list and shared.
    ///
    /// Compiling a list is a regex build (case-insensitive alternation with word
    /// boundaries): about 60,000 instructions per entry, far more than matching it
    /// against a report. The rules run once per file, with the same configured
    /// lists for a whole run, so they take their lists from here.
    pub fn cached(words: &[String]) -> Arc<WordList> {
        /// Distinct lists kept; a language server whose configuration keeps changing
        /// starts over past this rather than growing without bound.
        const KEPT: usize = 64;
        static CACHE: LazyLock<Mutex<HashMap<Vec<String>, Arc<WordList>>>> =
            LazyLock::new(Mutex::default);
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(list) = cache.get(words) {
            return Arc::clone(list);
        }
        if cache.len() >= KEPT {
            cache.clear();
        }
        let list = Arc::new(WordList::new(words));
        cache.insert(words.to_vec(), Arc::clone(&list));
        list
    }

    /// Every match in `text`, as byte ranges: leftmost first, the longest entry at
    /// a place, not overlapping (what the regex alternation of the entries, longest
    /// first, would find).
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        match &self.matcher {
            Matcher::Nothing => Vec::new(),
            Matcher::Regex(regex) => regex.find_iter(text).map(|m| m.range()).collect(),
            Matcher::Ascii {
                lower,
                built,
                edges,
                ..
            } => match built.get_or_init(|| Automata::build(lower)) {
                Some(a) => find_ascii(&a.first, &a.automaton, edges, &text.to_ascii_lowercase()),
                None => Vec::new(),
            },
        }
    }

    /// Whether an entry may be in the report: false when it surely is not. The
    /// rules match in the source text of a report's values, all slices of the
    /// report, so one search of the whole report (for the entries' first words)
    /// lets a rule skip every walk and search when none is there, as in most
    /// reports. Until the list's automata are built, a first word found counts
    /// only where its entry could match (`Head`): `if` in `certificate`, `try`
    /// in `retry` or `user` in `users_affected` built all three default lists'
    /// automata for a clean report (bench/README.md, perf8). Once they are built
    /// (in a batch, by an earlier report) that finer search is not worth its cost.
    pub fn may_match(&self, cx: &Context<'_>) -> bool {
        match &self.matcher {
            Matcher::Nothing => false,
            Matcher::Regex(_) => true,
            Matcher::Ascii {
                firsts,
                built,
                heads,
                ..
            } => {
                if built.get().is_some() {
                    return firsts.is_match(cx.lowercase);
                }
                let lower = cx.lowercase;
                firsts.any_start(lower, |i| heads.iter().any(|h| h.stands_at(lower, i)))
            }
        }
    }

    /// Every match in the source text of `node`: its span in the file and the words
    /// as written (whitespace runs collapsed to one space).
    pub fn find_in(&self, cx: &Context<'_>, node: &Node) -> Vec<(Span, String)> {
        match &self.matcher {
            Matcher::Nothing => Vec::new(),
            Matcher::Regex(regex) => find_in(cx, node, regex),
            Matcher::Ascii {
                lower,
                built,
                edges,
                ..
            } => {
                let Some(a) = built.get_or_init(|| Automata::build(lower)) else {
                    return Vec::new();
                };
                find_with(cx, node, |_| {
                    // The lowercase text read as `find_with` reads the source.
                    let lower =
                        soft_breaks(node.span.slice(cx.lowercase), cx.format == Format::Json);
                    find_ascii(&a.first, &a.automaton, edges, &lower)
                })
            }
        }
    }
}

/// [`WordList::find`] for ASCII entries, in `text` lowercased (ASCII letters
/// only, so every offset is that of the text as written): the automaton runs over it with every
/// whitespace run collapsed to one space (entries are stored that way), then each
/// candidate is mapped back and kept only with word boundaries where its entry
/// needs them.
fn find_ascii(
    first: &AhoCorasick,
    automaton: &AhoCorasick,
    edges: &[(bool, bool)],
    text: &str,
) -> Vec<Range<usize>> {
    // Most texts have no run to collapse: one line, single ASCII spaces. They are
    // searched as they are; building the collapsed copy cost more than the search.
    let plain = text.is_ascii()
        && !text.contains("  ")
        && !text.bytes().any(|b| ascii_space(b) && b != b' ');
    let (collapsed, at) = if plain {
        (std::borrow::Cow::Borrowed(text.as_bytes()), None)
    } else {
        let (collapsed, at) = collapse(text);
        (std::borrow::Cow::Owned(collapsed), Some(at))
    };
    let map = |i: usize| at.as_ref().map_or(i, |at| at[i]);
    let bounded = |start: usize, end: usize, pattern: usize| {
        let (first, last) = edges[pattern];
        !(first && word_char(text[..start].chars().next_back())
            || last && word_char(text[end..].chars().next()))
    };
    // Leftmost-first matches are the regex's as long as each has its boundaries:
    // then no earlier place matches and the longest entry at this one is taken.
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut exact = true;
    for m in first.find_iter(&collapsed[..]) {
        let (start, end) = (map(m.start()), map(m.end() - 1) + 1);
        if !bounded(start, end, m.pattern().as_usize()) {
            exact = false;
            break;
        }
        out.push(start..end);
    }
    if exact {
        return out;
    }
    // A candidate without its boundaries (`consider` in `considerable`): a shorter
    // entry or a later place may match instead, so every candidate is weighed.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for m in automaton.find_overlapping_iter(&collapsed[..]) {
        // Entries neither start nor end with whitespace, so both ends map to bytes
        // of `text` as written.
        let start = map(m.start());
        let end = map(m.end() - 1) + 1;
        if !bounded(start, end, m.pattern().as_usize()) {
            continue;
        }
        // Patterns are ordered longest first: the lower index wins at one start.
        found.push((start, m.pattern().as_usize(), end));
    }
    found.sort_unstable();
    out.clear();
    for (start, _, end) in found {
        if out.last().is_none_or(|r: &Range<usize>| start >= r.end) {
            out.push(start..end);
        }
    }
    out
}

/// An ASCII byte the regex `\s` matches (`is_ascii_whitespace` leaves out U+000B).
fn ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// `text` with every whitespace run (Unicode `White_Space`, as the regex `\s`)
/// replaced by one space, and where each of its bytes starts in `text`.
fn collapse(text: &str) -> (Vec<u8>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut collapsed: Vec<u8> = Vec::with_capacity(text.len());
    let mut at: Vec<usize> = Vec::with_capacity(text.len());
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let (space, len) = if bytes[i] < 0x80 {
            (ascii_space(bytes[i]), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            if !in_space {
                collapsed.push(b' ');
                at.push(i);
            }
        } else {
            collapsed.extend_from_slice(&bytes[i..i + len]);
            at.extend(i..i + len);
        }
        in_space = space;
        i += len;
    }
    (collapsed, at)
}

/// Every match of `regex` in the source text of `node`, outside what is not prose
/// ([`Masks`]): its span in the file and
/// the match as written, whitespace runs collapsed to one space.
pub fn find_in(cx: &Context<'_>, node: &Node, regex: &Regex) -> Vec<(Span, String)> {
    find_with(cx, node, |source| {
        regex.find_iter(source).map(|m| m.range()).collect()
    })
}

/// [`find_in`] for any matcher: `find` returns the byte ranges of its matches in
/// the source text it is given, in order and not overlapping. Matches that start
/// in a masked region ([`Masks`]) are left out.
///
/// The text `find` is given reads a paragraph's soft line breaks as spaces
/// (`soft_breaks`): a sentence wrapped in the source (`caused by human\nerror`,
/// `Dana restarted it; she\n  did not ...` in a list item) is one sentence to a
/// pattern, whatever it says about spaces, lines and their ends. Offsets are
/// those of the source.
pub fn find_with(
    cx: &Context<'_>,
    node: &Node,
    find: impl FnOnce(&str) -> Vec<Range<usize>>,
) -> Vec<(Span, String)> {
    let source = soft_breaks(node.span.slice(cx.text), cx.format == Format::Json);
    let found = find(&source);
    if found.is_empty() {
        return Vec::new();
    }
    let masks = cx.masks();
    found
        .into_iter()
        .filter(|m| !masks.covers(node.span.start + m.start))
        .map(|m| {
            let span = Span::new(node.span.start + m.start, node.span.start + m.end);
            (
                span,
                source[m].split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

/// `source` with each soft line break (a line break inside a paragraph or a list
/// item: the lines on both sides have words, and the next does not open a list
/// item, a quote, a heading, a table row or a fence) and the `\r` before it
/// written as spaces, so every offset stays that of the source. In JSON (`json`)
/// a line break is the `\n` escape of a string. A blank line, a new list item or
/// a quoted line keeps its line break: those are where a sentence cannot run on.
pub(crate) fn soft_breaks(source: &str, json: bool) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    // The line breaks, as (start, length).
    let breaks: Vec<(usize, usize)> = if json {
        if !source.contains("\\n") {
            return std::borrow::Cow::Borrowed(source);
        }
        let mut found = Vec::new();
        let mut i = 0;
        while i + 1 < bytes.len() {
            if bytes[i] == b'\\' {
                if bytes[i + 1] == b'n' {
                    found.push((i, 2));
                }
                i += 2; // an escape: `\\` is one, so `\\n` is no break
            } else {
                i += 1;
            }
        }
        found
    } else {
        if !source.contains('\n') {
            return std::borrow::Cow::Borrowed(source);
        }
        source.match_indices('\n').map(|(i, _)| (i, 1)).collect()
    };
    let mut soft: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    for (k, &(at, len)) in breaks.iter().enumerate() {
        let before = source[line_start..at].trim();
        line_start = at + len;
        if before.is_empty() {
            continue;
        }
        let next_end = breaks.get(k + 1).map_or(source.len(), |b| b.0);
        let next_line = source[at + len..next_end]
            .trim_start_matches([' ', '\t'])
            .trim_end();
        if next_line.is_empty() || opens_block(next_line) {
            continue;
        }
        soft.push((at, len));
    }
    if soft.is_empty() {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = bytes.to_vec();
    for (at, len) in soft {
        out[at..at + len].fill(b' ');
        if !json && at > 0 && out[at - 1] == b'\r' {
            out[at - 1] = b' ';
        }
    }
    // Only ASCII bytes were replaced, by ASCII spaces.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| source.to_string()))
}

/// Whether a line (without its indentation) opens a block of its own: a list item
/// (`- `, `* `, `+ `, `1. `, `2) `, a plain-text bullet), a quote, a heading, a
/// table row or a fence.
fn opens_block(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next();
    if matches!(first, '>' | '#' | '|') || line.starts_with("```") || line.starts_with("~~~") {
        return true;
    }
    if crate::parse::markdown::is_bullet(first) && second.is_none_or(char::is_whitespace) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with([' ', '\t'])
}

/// The regions of a report's text that are not prose, as sorted, disjoint byte
/// ranges of the file: HTML comments, inline code, fenced and indented code blocks,
/// blockquotes that quote logs, a chat export's messages, a thread's earlier
/// messages, other commenters' comments, URLs and the targets of
/// Markdown links and images.
///
/// Computed once per report ([`Context::masks`]), lazily: most reports have no
/// candidate for any word rule, and then nothing is computed.
#[derive(Debug, Default)]
pub struct Masks {
    ranges: Vec<Range<usize>>,
}

impl Masks {
    /// The masks of `text` in `format`. Every form gets the line-based ones
    /// (report text is Markdown in YAML and JSON strings too); a Markdown report's
    /// body is also read by pulldown-cmark for indented code, code spans of any
    /// length, link targets and autolinks.
    pub fn new(text: &str, format: Format) -> Self {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        ranges.extend(SKIPPED.find_iter(text).map(|m| m.range()));
        ranges.extend(URL.find_iter(text).map(|m| m.range()));
        fenced_and_quoted(text, format == Format::Json, &mut ranges);
        wiki::wiki_code(text, &mut ranges);
        chat::chat_messages(text, &mut ranges);
        chat::earlier_messages(text, &mut ranges);
        chat::others_comments(text, &mut ranges);
        ranges.extend(crate::parse::freeform::blocks::asciidoc::code_blocks(text));
        if !matches!(format, Format::Yaml | Format::Json) {
            markdown_masks(text, &mut ranges);
        }
        ranges.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Masks { ranges: merged }
    }

    /// Whether byte `at` of the file is in a masked region.
    pub fn covers(&self, at: usize) -> bool {
        // Sorted and disjoint: the only range that can hold `at` is the last one
        // starting at or before it.
        let i = self.ranges.partition_point(|r| r.start <= at);
        i > 0 && at < self.ranges[i - 1].end
    }
}

/// HTML comments and inline code spans.
pub(crate) static SKIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--.*?-->|`[^`\n]*`").expect("the skipped-text pattern is valid")
});

/// A URL with a scheme, or starting `www.`, up to whitespace or a closing mark.
pub(crate) static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?-u:\b)(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]"#)
        .expect("the URL pattern is valid")
});

/// A line of a log, a terminal or a chat (kept with the free-form reader, which
/// reads the same quotes as evidence).
pub(crate) use crate::parse::freeform::is_log_line;

/// An open blockquote: where it starts and ends, its non-empty lines, how many
/// of them are log lines, and whether it quotes an earlier mail.
type Quote = (usize, usize, usize, usize, bool);

/// Fenced code blocks (```` ``` ```` or `~~~`, at any indentation, so in YAML
/// block scalars and list items too), blockquotes at least half of whose lines
/// are log lines, and quoted mails (a quote under an `On ..., Name wrote:` line,
/// or one with a quote inside it, `>>`: the earlier messages of a thread are
/// evidence, as a log is), found line by line. In JSON the lines of a string are
/// split by `\n` escapes, and a string starts a line: the same report must give
/// the same findings in every form.
fn fenced_and_quoted(text: &str, json: bool, out: &mut Vec<Range<usize>>) {
    let mut fence: Option<(usize, u8, usize)> = None; // start, marker, length
    let mut quote: Option<Quote> = None;
    let mut attribution = false;
    let flush = |quote: &mut Option<Quote>, out: &mut Vec<Range<usize>>| {
        if let Some((start, end, lines, logs, mail)) = quote.take()
            && (mail || (logs > 0 && logs * 2 >= lines))
        {
            out.push(start..end);
        }
    };
    for (start, pos) in lines(text, json) {
        let mut line = &text[start..pos];
        if json {
            // The string's opening quote and the line's `\n` escape are not content.
            line = line.strip_prefix('"').unwrap_or(line);
            line = line.strip_suffix("\\n").unwrap_or(line);
        }
        let content = line.trim_start();
        let run = |marker: u8| content.bytes().take_while(|b| *b == marker).count();
        if let Some((open, marker, len)) = fence {
            if run(marker) >= len && content[run(marker)..].trim().is_empty() {
                out.push(open..pos);
                fence = None;
            }
            continue;
        }
        let marker = content.bytes().next().unwrap_or(b' ');
        if (marker == b'`' || marker == b'~') && run(marker) >= 3 {
            flush(&mut quote, out);
            fence = Some((start, marker, run(marker)));
            continue;
        }
        if let Some(rest) = content.strip_prefix('>') {
            let nested = rest.trim_start().starts_with('>');
            let rest = rest.trim_start_matches(['>', ' ', '\t']).trim_end();
            let (s, _, lines, logs, mail) = quote.unwrap_or((start, pos, 0, 0, attribution));
            let nonempty = usize::from(!rest.is_empty());
            let log = usize::from(!rest.is_empty() && is_log_line(rest));
            quote = Some((s, pos, lines + nonempty, logs + log, mail || nested));
        } else {
            flush(&mut quote, out);
        }
        let end = content.trim_end().as_bytes();
        attribution = end.len() >= 7 && end[end.len() - 7..].eq_ignore_ascii_case(b" wrote:");
    }
    flush(&mut quote, out);
    if let Some((open, _, _)) = fence {
        out.push(open..text.len());
    }
}

/// The lines of `text` as (start, end) byte offsets, each with its line break. In
/// JSON a `\n` escape also ends a line and an unescaped `"` starts one.
fn lines(text: &str, json: bool) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        let end = loop {
            match bytes.get(i) {
                None => break bytes.len(),
                Some(b'\n') => break i + 1,
                Some(b'\\') if json => {
                    if bytes.get(i + 1) == Some(&b'n') {
                        break i + 2;
                    }
                    i += 2; // an escaped character, `\"` and `\\` included
                }
                Some(b'"') if json && i > start => break i,
                _ => i += 1,
            }
        };
        let end = end.clamp(start + 1, bytes.len());
        let line = (start, end);
        start = end;
        Some(line)
    })
    // Every boundary above is an ASCII byte, so every offset is a char boundary.
    .filter(move |&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e))
}

/// What pulldown-cmark reads as code, a link or image target, or an autolink in
/// a Markdown report's body.
fn markdown_masks(text: &str, out: &mut Vec<Range<usize>>) {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
    let base = crate::parse::markdown::split_front_matter(text).map_or(0, |f| f.body_start);
    let Some(body) = text.get(base..) else {
        return;
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let view = crate::parse::markdown::View::new(body);
    for (event, range) in Parser::new_ext(view.text(), options).into_offset_iter() {
        let range = view.to_body(range.start) + base..view.to_body(range.end) + base;
        match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => out.push(range),
            Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. }) => {
                match link_type {
                    LinkType::Autolink | LinkType::Email => out.push(range),
                    // `[text](target "title")`: the target and title, not the text.
                    LinkType::Inline => {
                        if let Some(at) = text[range.clone()].rfind("](") {
                            out.push(range.start + at..range.end);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// Where the cause of an incident is described: the root cause, the trigger, the
/// contributing factors and what went wrong.
pub const CAUSE: &[&str] = &[
    "/root_cause",
    "/trigger",
    "/contributing_factors/*",
    "/lessons/went_wrong/*",
];

/// The sections that describe what happened.
pub const DESCRIPTIVE: &[&str] = &[
    "/summary",
    "/impact/description",
    "/root_cause",
    "/trigger",
    "/contributing_factors/*",
    "/resolution",
    "/timeline/*/text",
    "/lessons/went_well/*",
    "/lessons/went_wrong/*",
    "/lessons/got_lucky/*",
    "/lessons/other/*",
];

/// The sections of a report that have no field of their own (`## What went wrong
/// and why?`, `## The short version` in a report read as written): prose about the
/// incident like the fields, read by the rules about blame (RS403) and hindsight
/// (RS404), which judge words wherever the story is told.
pub const SECTIONS: &str = "/sections/*/body";

/// How messages name the place a pointer from [`CAUSE`], [`DESCRIPTIVE`] or
/// [`SECTIONS`] is in: a section of its own by its heading (`the section "Background"`).
pub fn place_in(cx: &Context<'_>, pointer: &str) -> String {
    let mut segments = pointer.split('/').skip(1);
    if let (Some("sections"), Some(i)) = (segments.next(), segments.next()) {
        let title = i
            .parse::<usize>()
            .ok()
            .and_then(|i| cx.model.sections.get(i))
            .map(|s| s.title.trim())
            .filter(|t| !t.is_empty());
        return title.map_or_else(
            || "a section of the report".to_string(),
            |t| format!("the section \"{t}\""),
        );
    }
    place(pointer).to_string()
}

/// How messages name the place a pointer from [`CAUSE`] or [`DESCRIPTIVE`] is in.
pub fn place(pointer: &str) -> &'static str {
    let mut segments = pointer.split('/').skip(1);
    match (segments.next(), segments.next()) {
        (Some("summary"), _) => "the summary",
        (Some("impact"), _) => "the impact",
        (Some("root_cause"), _) => "the root cause",
        (Some("trigger"), _) => "the trigger",
        (Some("contributing_factors"), _) => "a contributing factor",
        (Some("resolution"), _) => "the resolution",
        (Some("timeline"), _) => "the timeline",
        (Some("detection"), _) => "the detection",
        (Some("lessons"), Some("went_well")) => "what went well",
        (Some("lessons"), Some("went_wrong")) => "what went wrong",
        (Some("lessons"), Some("got_lucky")) => "where the team got lucky",
        (Some("lessons"), _) => "the lessons",
        _ => "the report",
    }
}

/// One entry as a pattern: its words escaped and joined by `\s+`, with word
/// boundaries where the entry starts or ends with a word character.
fn phrase_pattern(phrase: &str) -> String {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    format!(
        "{}{}{}",
        if word_char(phrase.chars().next()) {
            r"\b"
        } else {
            ""
        },
        words.join(r"\s+"),
        if word_char(phrase.chars().last()) {
            r"\b"
        } else {
            ""
        },
    )
}

/// The string values at `pattern`, a JSON pointer in which `*` stands for every
/// element of a list (`/timeline/*/text`, `/lessons/went_wrong/*`), with their
/// pointers. Values that are not strings are skipped.
pub fn texts<'a>(cx: &Context<'a>, pattern: &str) -> Vec<(String, &'a Node)> {
    let mut found = Vec::new();
    let segments: Vec<&str> = pattern.split('/').skip(1).collect();
    walk(&cx.parsed.tree, &segments, &mut String::new(), &mut found);
    found
}

/// One buffer holds the pointer as the walk descends; a string is allocated only
/// for a value found (these walks run for every text rule over every report).
fn walk<'a>(
    node: &'a Node,
    rest: &[&str],
    pointer: &mut String,
    out: &mut Vec<(String, &'a Node)>,
) {
    let Some((first, rest)) = rest.split_first() else {
        if let Value::String(_) = node.value {
            out.push((pointer.clone(), node));
        }
        return;
    };
    let len = pointer.len();
    match (&node.value, *first) {
        (Value::Seq(items), "*") => {
            for (i, item) in items.iter().enumerate() {
                use std::fmt::Write as _;
                let _ = write!(pointer, "/{i}");
                walk(item, rest, pointer, out);
                pointer.truncate(len);
            }
        }
        (Value::Map(entries), key) => {
            if let Some(entry) = entries.iter().find(|e| e.key == key) {
                pointer.push('/');
                pointer.push_str(key);
                walk(&entry.value, rest, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> WordList {
        WordList::new(&words.iter().map(|w| (*w).to_string()).collect::<Vec<_>>())
    }

    /// Whether an entry of `words` stands in `text` (lowercased), as `may_match`
    /// asks before the automata are built.
    fn heads_stand(words: &WordList, text: &str) -> bool {
        let Matcher::Ascii { heads, firsts, .. } = &words.matcher else {
            return true;
        };
        let lower = text.to_ascii_lowercase();
        let by_word = heads.iter().any(|h| h.stands_in(&lower));
        // `may_match`'s way: at each place a first word starts.
        let by_start = firsts.any_start(&lower, |i| heads.iter().any(|h| h.stands_at(&lower, i)));
        assert_eq!(by_word, by_start, "{text:?}");
        by_start
    }

    #[test]
    fn a_match_has_its_head_standing() {
        let config = crate::config::Config::default();
        let lists = [
            &config.words.vague,
            &config.words.blame,
            &config.words.counterfactual,
        ];
        let mut texts: Vec<String> = Vec::new();
        for (_, text) in crate::gated::corpus() {
            texts.extend(text.lines().map(str::to_string));
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        for entry in lists.iter().flat_map(|l| l.iter()) {
            for (before, between, after) in [
                ("", " ", ""),
                ("\\n", "\\n", "."),
                ("x\\n", " ", ""),
                (" ", "\\n", ""),
                ("(", "\u{a0}", "\u{b2}"),
                ("x\n", "\r\n  ", "'s"),
                ("\"", "\t", "_"),
            ] {
                texts.push(format!("{before}{}{after}", entry.replace(' ', between)));
                texts.push(format!("{before}{}{after}", entry.to_uppercase()));
            }
        }
        let mut matched = 0;
        for list in lists {
            let words = WordList::new(list);
            for t in &texts {
                // As `find_in` reads a JSON string's source, and as written:
                // `may_match` reads the source as written either way.
                for read in [soft_breaks(t, true).into_owned(), t.clone()] {
                    if !words.find(&read).is_empty() {
                        matched += 1;
                        assert!(heads_stand(&words, t), "{t:?}");
                    }
                }
            }
        }
        assert!(matched > 200, "{matched}");
        // What built all three lists' automata for a clean generated report.
        let words = WordList::new(&config.words.counterfactual);
        assert!(!heads_stand(&words, "certificate retry users_affected"));
        assert!(heads_stand(&words, "\\nif only"));
        let words = WordList::new(&config.words.blame);
        assert!(!heads_stand(&words, "users_affected: 3, the users"));
        assert!(heads_stand(&words, "user\u{2003}error"));
        // The whole entry, not its first word: `user` before another word is in
        // most reports (perf13).
        assert!(!heads_stand(
            &words,
            "replica memory user connection health"
        ));
        assert!(!heads_stand(&words, "a user\n\nerrors"));
        assert!(heads_stand(&words, "a user\\n\\nerror."));
        assert!(heads_stand(&words, "the fault \t\n of"));
        assert!(heads_stand(&words, "the fault \\nof"));
        assert!(!heads_stand(&words, "the faultof or the fault off"));
        let words = list(&["x \\y z", "a b"]);
        assert!(heads_stand(&words, "x \\y z"));
        assert!(heads_stand(&words, "x\t\\y\n z"));
        assert!(!heads_stand(&words, "x \\yz"));
        assert!(!heads_stand(&words, "a  bc"));
    }

    #[test]
    fn matches_whole_words_case_insensitively_across_line_breaks() {
        let words = list(&["human error", "careless", "carelessness", "???"]);
        let text = "Human\n  error, carelessness and ??? but not humane errors or carelessly";
        let found: Vec<&str> = words.find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Human\n  error", "carelessness", "???"]);
        assert_eq!(list(&[]).find("anything").len(), 0);
        assert_eq!(list(&["  "]).find("anything").len(), 0);
    }

    /// A paragraph's or a list item's soft line breaks read as spaces, at the
    /// same offsets; a blank line, a new item, a quote or a heading keep theirs.
    #[test]
    fn soft_line_breaks_read_as_spaces() {
        let text = "Dana restarted it; she\r\ndid not check.\n\n- First item wraps\n  here\n- Second\n> quoted\n## Heading\n2. Numbered\nend";
        let read = soft_breaks(text, false);
        assert_eq!(read.len(), text.len());
        assert_eq!(
            read,
            "Dana restarted it; she  did not check.\n\n- First item wraps   here\n- Second\n> quoted\n## Heading\n2. Numbered end"
        );
        assert!(matches!(
            soft_breaks("one line", false),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            soft_breaks("a\n\nb", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// In JSON a line break is a string's `\n` escape; an escaped backslash
    /// before an `n` is none.
    #[test]
    fn soft_line_breaks_in_json_strings() {
        let text = r#""caused by operator\nerror.\n\nNext \\n paragraph\n- item""#;
        assert_eq!(
            soft_breaks(text, true),
            r#""caused by operator  error.\n\nNext \\n paragraph\n- item""#
        );
    }

    #[test]
    fn a_list_is_compiled_once_and_shared() {
        // Compiling the lists per file made every check six times slower; the rules
        // must get them from the cache.
        let words = vec!["only in this test".to_string()];
        assert!(Arc::ptr_eq(
            &WordList::cached(&words),
            &WordList::cached(&words)
        ));
        let other = vec!["another list".to_string()];
        assert!(!Arc::ptr_eq(
            &WordList::cached(&words),
            &WordList::cached(&other)
        ));
    }

    /// What is not prose in each form, and the prose beside it.
    #[test]
    fn masks_cover_code_logs_urls_and_link_targets_only() {
        let md = "---\ntitle: t\n---\n## Summary\n\nProse `code` and ``a ` b`` here.\n\n```\nfenced\n```\n\n    indented code\n\n\
                  > 2024-06-10 10:04:02 ERROR retry failed\n> WARN giving up\n\n> A customer wrote this quote.\n\n\
                  See [the ticket](https://x.example/simply) and <https://y.example/a> or www.z.example/b.\n";
        let masks = Masks::new(md, Format::Markdown);
        let masked = |needle: &str| masks.covers(md.find(needle).expect(needle));
        for needle in [
            "code`",
            "a ` b",
            "fenced",
            "indented",
            "ERROR",
            "WARN",
            "https://x",
            "simply",
            "y.example",
            "z.example",
        ] {
            assert!(masked(needle), "{needle} is not prose");
        }
        for needle in ["Prose", "here", "customer", "the ticket", "See", "or www"] {
            assert!(!masked(needle), "{needle} is prose");
        }
        // YAML: a fence in a block scalar, a URL, a log quote; the prose around them.
        let yaml = "summary: |\n  It broke.\n  ```\n  kubectl delete\n  ```\n  > 10.0.3.4 - - GET /todo 500\n  See https://x.example/todo now.\n";
        let masks = Masks::new(yaml, Format::Yaml);
        let masked = |needle: &str| masks.covers(yaml.find(needle).expect(needle));
        assert!(masked("kubectl") && masked("GET /todo") && masked("x.example/todo"));
        assert!(!masked("It broke") && !masked("See") && !masked("now"));
        // JSON: the same shapes inside one string, its lines split by `\n` escapes.
        let json = r#"{"summary": "It broke.\n```\nkubectl delete \"x\"\n```\n> 10.0.3.4 - - GET /todo 500\nThen TODO."}"#;
        let masks = Masks::new(json, Format::Json);
        let masked = |needle: &str| masks.covers(json.find(needle).expect(needle));
        assert!(masked("kubectl") && masked("GET /todo"));
        assert!(!masked("It broke") && !masked("Then TODO"));
        // A chat transcript pasted as a quote, its lines led by bold times, is
        // evidence too; a quote of a person's words without times is prose.
        let chat = "## Chat\n\n> **10:02** ana: running the cleanup\n> **10:15** ana: TODO check the profile\n\n> We should have asked first.\n";
        let masks = Masks::new(chat, Format::Markdown);
        let masked = |needle: &str| masks.covers(chat.find(needle).expect(needle));
        assert!(masked("TODO check") && masked("running"));
        assert!(!masked("We should"));
        // A thread's earlier messages, quoted under `... wrote:` or nested, are
        // evidence; the reply above them, and a quote with neither, are prose.
        let mail = "It was Gareth's call.\n\nOn Thu, 6 Feb 2025 at 11:02, Owen <o@x.example> wrote:\n> Done. TODO ring the bank.\n\n\
                    > Update 2: found it.\n>> TODO (me): ring them at 09:00.\n\n> We just restarted it.\n";
        let masks = Masks::new(mail, Format::Markdown);
        let masked = |needle: &str| masks.covers(mail.find(needle).expect(needle));
        assert!(masked("Done. TODO") && masked("Update 2") && masked("TODO (me)"));
        assert!(!masked("It was Gareth") && !masked("We just"));
    }

    /// The regex the automaton stands in for: the same entries, longest first.
    fn regex_of(words: &[&str]) -> Regex {
        let mut words: Vec<&str> = words.to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let alternatives: Vec<String> = words.iter().map(|w| phrase_pattern(w)).collect();
        Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))).expect("valid")
    }

    proptest::proptest! {
        #[test]
        fn the_automaton_finds_what_the_regex_finds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "human", "Human", "error", "ERRORS", " ", "\n  ", "\u{a0}", "\t", "\u{b}", "\u{85}", "  ", "care", "Less",
                "ness", "ly", "_", "é", "??", "?", "fault", "of", "Off", ",", "x", "1",
            ]), 0..24)
        ) {
            let entries = ["human error", "careless", "carelessness", "???", "fault of", "fault", "error"];
            let text: String = parts.concat();
            let expected: Vec<Range<usize>> =
                regex_of(&entries).find_iter(&text).map(|m| m.range()).collect();
            let words = list(&entries);
            proptest::prop_assert_eq!(words.find(&text), expected, "{:?}", text);
        }
    }
}
