//! The prose of a report as the claims read it: which string values are prose,
//! where each one stands, and its text with code, quotes, comments and URLs
//! blanked (same length, so offsets hold).

use std::sync::LazyLock;

use regex::Regex;
use retrospec_model::Postmortem;

use super::subject::Place;
use crate::span::Span;
use crate::tree::{Node, Value};

/// Fields that hold no prose: times, identifiers, names, enumerations, URLs.
pub(crate) fn is_prose(pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    !matches!(
        segments.as_slice(),
        [
            "$schema" | "id" | "date" | "status" | "owner" | "severity" | "timezone",
            ..
        ] | ["authors" | "services" | "tags" | "milestones", ..]
            | ["timeline", _, "time" | "milestone"]
            | [
                "action_items",
                _,
                "owner" | "due" | "priority" | "type" | "status" | "link"
            ]
            | ["links", _, "url"]
            | ["detection", "method"]
            | ["sections", _, "title"]
    )
}

pub(super) fn place(model: &Postmortem, pointer: &str) -> Place {
    match pointer {
        "/title" | "/summary" | "/impact/description" => Place::Summary,
        _ => {
            // A free section that tells the story in brief ("What happened",
            // "Overview", "Incident summary"), and the opening text of a report
            // that also has a summary heading (its "Preamble": a blog post's
            // first paragraph), are read as the summary is.
            let section = pointer
                .strip_prefix("/sections/")
                .and_then(|r| r.strip_suffix("/body"))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| model.sections.get(i));
            match section {
                Some(s) if SUMMARY_TITLE.is_match(s.title.trim()) => Place::Summary,
                _ => Place::Prose,
            }
        }
    }
}

/// Titles of free sections that summarise the incident.
static SUMMARY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[#*_\s0-9.]*(?:what\s+happened\??|overview|preamble|(?:incident\s+|issue\s+|problem\s+|outage\s+|event\s+|executive\s+)?summary|tl;?\s*dr|in\s+brief|description|incident\s+description)[*_:\s]*(?:\[edit[^\]\n]*\]\s*)?$")
        .expect("the pattern is valid")
});

/// Every string value of the tree with its pointer and the key it is under.
pub(crate) fn strings<'a>(node: &'a Node, pointer: &mut String, out: &mut Vec<(String, &'a Node)>) {
    match &node.value {
        Value::String(_) => out.push((pointer.clone(), node)),
        Value::Map(entries) => {
            for e in entries {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&e.key.replace('~', "~0").replace('/', "~1"));
                strings(&e.value, pointer, out);
                pointer.truncate(len);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                strings(item, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--.*?-->|`[^`\n]*`|\b(?:https?|ftp)://\S+|\bwww\.\S+")
        .expect("the masked-text pattern is valid")
});

/// `source` with code blocks, inline code, quoted lines, HTML comments and URLs
/// blanked (same length, so offsets hold): they are evidence, not claims.
pub(crate) fn mask(source: &str) -> String {
    let mut bytes = source.as_bytes().to_vec();
    let mut blank = |range: std::ops::Range<usize>| {
        for b in &mut bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut fence: Option<&str> = None;
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => {
                fence = Some(m);
                blank(at..at + line.len());
            }
            (Some(open), Some(m)) if open == m => {
                fence = None;
                blank(at..at + line.len());
            }
            (Some(_), _) => blank(at..at + line.len()),
            (None, None) if trimmed.starts_with('>') => blank(at..at + line.len()),
            _ => {}
        }
        at += line.len();
    }
    for m in INLINE.find_iter(source) {
        blank(m.range());
    }
    // Blanking ASCII bytes only (delimiters and their contents byte by byte) could
    // split a multi-byte character; blank those whole.
    String::from_utf8(bytes).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes())
            .chars()
            .map(|c| if c == '\u{FFFD}' { ' ' } else { c })
            .collect()
    })
}

/// The text of a string value to read, with code and quotes masked, and how to
/// place a range of it in the file. Where the file holds the value as written
/// (Markdown, plain YAML) it is read there, so spans are exact; where the file
/// escapes it (a JSON or quoted YAML string with `\n`), the value is read and a
/// range is placed by finding the same words in the file.
#[derive(Debug)]
pub(crate) struct Prose<'a> {
    /// The masked text to search.
    pub(crate) masked: String,
    /// The value's span in the file.
    span: Span,
    /// The file's text of the value, when the value itself was read.
    source: Option<&'a str>,
}

impl<'a> Prose<'a> {
    /// The prose of `node` in `text`.
    pub(crate) fn of(text: &'a str, node: &Node) -> Prose<'a> {
        let source = node.span.slice(text);
        let value = node.as_str().unwrap_or("");
        let escaped = value.contains('\n') && !source.contains('\n');
        if escaped {
            Prose {
                masked: mask(value),
                span: node.span,
                source: Some(source),
            }
        } else {
            Prose {
                masked: mask(source),
                span: node.span,
                source: None,
            }
        }
    }

    /// The file span of `range` of [`Prose::masked`].
    pub(crate) fn span(&self, range: std::ops::Range<usize>) -> Span {
        let Some(source) = self.source else {
            return Span::new(self.span.start + range.start, self.span.start + range.end);
        };
        let Some(needle) = self
            .masked
            .get(range.clone())
            .filter(|n| !n.trim().is_empty())
        else {
            return self.span;
        };
        let nth = self.masked[..range.start].matches(needle).count();
        match source.match_indices(needle).nth(nth) {
            Some((i, _)) => Span::new(self.span.start + i, self.span.start + i + needle.len()),
            None => self.span,
        }
    }
}
