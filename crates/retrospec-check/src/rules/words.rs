//! Matching the configured word lists (`[words]` in `retrospec.toml`) in report
//! text, with spans on the words as they are written in the file.
//!
//! Matching runs on the source text of a value, not on the parsed string, so a
//! span is exact in all three forms: inside a Markdown paragraph, a quoted or
//! folded YAML scalar, or a JSON string. Words of a phrase may be separated by any
//! whitespace (a YAML or Markdown line break included). HTML comments in Markdown
//! are skipped: they are notes to the editor, not report text.

use std::sync::LazyLock;

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

    /// Every match in `text`, as byte ranges.
    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
        self.regex.iter().flat_map(move |r| r.find_iter(text))
    }

    /// Every match in the source text of `node`: its span in the file and the words
    /// as written (whitespace runs collapsed to one space).
    pub fn find_in(&self, cx: &Context<'_>, node: &Node) -> Vec<(Span, String)> {
        let source = node.span.slice(cx.text);
        let comments: Vec<(usize, usize)> = if cx.format == crate::parse::Format::Markdown {
            COMMENT
                .find_iter(source)
                .map(|m| (m.start(), m.end()))
                .collect()
        } else {
            Vec::new()
        };
        self.find_iter(source)
            .filter(|m| {
                !comments
                    .iter()
                    .any(|(s, e)| m.start() >= *s && m.start() < *e)
            })
            .map(|m| {
                let span = Span::new(node.span.start + m.start(), node.span.start + m.end());
                (
                    span,
                    m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect()
    }
}

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("the comment pattern is valid"));

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
    walk(&cx.parsed.tree, &segments, String::new(), &mut found);
    found
}

fn walk<'a>(node: &'a Node, rest: &[&str], pointer: String, out: &mut Vec<(String, &'a Node)>) {
    let Some((first, rest)) = rest.split_first() else {
        if let Value::String(_) = node.value {
            out.push((pointer, node));
        }
        return;
    };
    match (&node.value, *first) {
        (Value::Seq(items), "*") => {
            for (i, item) in items.iter().enumerate() {
                walk(item, rest, format!("{pointer}/{i}"), out);
            }
        }
        (Value::Map(entries), key) => {
            if let Some(entry) = entries.iter().find(|e| e.key == key) {
                walk(&entry.value, rest, format!("{pointer}/{key}"), out);
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
