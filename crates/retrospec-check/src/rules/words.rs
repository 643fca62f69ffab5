//! Matching the configured word lists (`[words]` in `retrospec.toml`) in report
//! text, with spans on the words as they are written in the file.
//!
//! Matching runs on the source text of a value, not on the parsed string, so a
//! span is exact in all three forms: inside a Markdown paragraph, a quoted or
//! folded YAML scalar, or a JSON string. Words of a phrase may be separated by any
//! whitespace (a YAML or Markdown line break included). HTML comments and inline
//! code are skipped: report text is Markdown in every form, and a comment is a note
//! to the editor while code (`` `@Cacheable` ``) is not prose.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use regex::Regex;

use crate::rules::Context;
use crate::span::Span;
use crate::tree::{Node, Value};

/// A compiled word list: case-insensitive, whole words.
#[derive(Debug)]
pub struct WordList {
    regex: Option<Regex>,
}

impl WordList {
    /// Compiles `words`. Longer entries are tried first, so `carelessness` wins over
    /// `careless`. Empty entries are ignored.
    pub fn new(words: &[String]) -> Self {
        let mut words: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        if words.is_empty() {
            return WordList { regex: None };
        }
        let alternatives: Vec<String> = words.iter().map(|w| phrase_pattern(w)).collect();
        let pattern = format!("(?i)(?:{})", alternatives.join("|"));
        // Every part is escaped, so the pattern always compiles; a list too large
        // for the regex engine's limits disables the rule rather than panicking.
        WordList {
            regex: Regex::new(&pattern).ok(),
        }
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

    /// Every match in `text`, as byte ranges.
    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
        self.regex.iter().flat_map(move |r| r.find_iter(text))
    }

    /// Every match in the source text of `node`: its span in the file and the words
    /// as written (whitespace runs collapsed to one space).
    pub fn find_in(&self, cx: &Context<'_>, node: &Node) -> Vec<(Span, String)> {
        match &self.regex {
            Some(regex) => find_in(cx, node, regex),
            None => Vec::new(),
        }
    }
}

/// Every match of `regex` in the source text of `node`, outside HTML comments and
/// inline code (report text is Markdown in every form): its span in the file and
/// the match as written, whitespace runs collapsed to one space.
pub fn find_in(cx: &Context<'_>, node: &Node, regex: &Regex) -> Vec<(Span, String)> {
    find_with(cx, node, |source| {
        regex.find_iter(source).map(|m| m.range()).collect()
    })
}

/// [`find_in`] for any matcher: `find` returns the byte ranges of its matches in
/// the source text it is given, in order and not overlapping.
pub fn find_with(
    cx: &Context<'_>,
    node: &Node,
    find: impl FnOnce(&str) -> Vec<Range<usize>>,
) -> Vec<(Span, String)> {
    let source = node.span.slice(cx.text);
    let skipped: Vec<(usize, usize)> = SKIPPED
        .find_iter(source)
        .map(|m| (m.start(), m.end()))
        .collect();
    find(source)
        .into_iter()
        .filter(|m| {
            // `skipped` is sorted and non-overlapping (one `find_iter`): the only range
            // that can hold the match is the last one starting at or before it. A scan
            // of every range per match was quadratic on long texts full of code spans.
            let i = skipped.partition_point(|(s, _)| *s <= m.start);
            !(i > 0 && m.start < skipped[i - 1].1)
        })
        .map(|m| {
            let span = Span::new(node.span.start + m.start, node.span.start + m.end);
            (
                span,
                source[m].split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

/// HTML comments and inline code spans.
static SKIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--.*?-->|`[^`\n]*`").expect("the skipped-text pattern is valid")
});

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
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
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

    #[test]
    fn matches_whole_words_case_insensitively_across_line_breaks() {
        let words = list(&["human error", "careless", "carelessness", "???"]);
        let found: Vec<&str> = words
            .find_iter("Human\n  error, carelessness and ??? but not humane errors or carelessly")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["Human\n  error", "carelessness", "???"]);
        assert_eq!(list(&[]).find_iter("anything").count(), 0);
        assert_eq!(list(&["  "]).find_iter("anything").count(), 0);
    }
}
