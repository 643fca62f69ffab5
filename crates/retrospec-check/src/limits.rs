//! Resource limits: how large, how long, how deep and how wide a report may be.
//!
//! retrospec reads files written by anyone (a stranger's pull request goes through
//! the pre-commit hook and CI) and the language server lives for hours, so every
//! input is bounded before the expensive steps run. A report past a limit gets one
//! [`codes::LIMIT`] diagnostic (RS010) and is not checked further: the answer is
//! a finding, never a stack overflow, a hang or unbounded memory.
//!
//! The limits are configurable (`[limits]` in `retrospec.toml`); the defaults are
//! far above any real postmortem (the largest seed report is under 20 KB).
//! `docs/reliability.md` lists each hostile input and the limit that covers it.
//!
//! - Size and line length are checked on the text before parsing.
//! - Depth is guarded *during* parsing: JSON by a pre-scan of brackets (the JSON parser
//!   is recursive, so the pre-scan bounds it before it starts), YAML
//!   and front matter by the tree builder, which stops at the first collection that
//!   is too deep. Every later step (JSON conversion, schema validation, drop) is
//!   recursive, so depth must be bounded before the tree exists.
//! - Items are counted on the parsed tree, before validation and rules.

use serde::{Deserialize, Serialize};

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::tree::{Node, Value};

/// The `[limits]` table of `retrospec.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    /// The largest file, in bytes (default 10 MiB). A larger file is not read past
    /// this size by the command line, and not parsed.
    pub max_file_size: usize,
    /// The longest line, in bytes (default 1 MiB). Minified JSON is one line, so
    /// this is well above a minified report of `max-items` timeline entries.
    pub max_line_length: usize,
    /// The deepest nesting of lists and mappings (default 64; a report needs 4).
    pub max_depth: usize,
    /// The most items in one list or entries in one mapping (default 10,000).
    pub max_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 10 * 1024 * 1024,
            max_line_length: 1024 * 1024,
            max_depth: 64,
            max_items: 10_000,
        }
    }
}

fn diagnostic(span: Span, message: String, setting: &str) -> Diagnostic {
    Diagnostic::new(&codes::LIMIT, span, message).with_help(format!(
        "a postmortem is far smaller than this; if this file really is a report, raise \
         `{setting}` in the `[limits]` table of retrospec.toml"
    ))
}

/// The diagnostic for a file of `size` bytes, over the size limit.
pub fn too_large(size: u64, limits: &Limits) -> Diagnostic {
    diagnostic(
        Span::empty(0),
        format!(
            "the file is {size} bytes, over the limit of {} bytes; it was not checked",
            limits.max_file_size
        ),
        "max-file-size",
    )
}

/// Size and line length of the whole text, checked before parsing.
pub fn text(text: &str, limits: &Limits) -> Option<Diagnostic> {
    if text.len() > limits.max_file_size {
        return Some(too_large(text.len() as u64, limits));
    }
    let mut start = 0;
    // `split` on a byte is memchr-fast; a 10 MB text takes a few milliseconds.
    for line in text.split('\n') {
        if line.len() > limits.max_line_length {
            // Point at the start of the line, not its whole length: a
            // multi-megabyte span would be the next resource problem.
            return Some(diagnostic(
                Span::empty(start),
                format!(
                    "a line of {} bytes, over the limit of {} bytes; the file was not checked",
                    line.len(),
                    limits.max_line_length
                ),
                "max-line-length",
            ));
        }
        start += line.len() + 1;
    }
    None
}

/// The first bracket of JSON `text` that opens a level deeper than the limit.
///
/// A byte scan that skips strings (with their escapes); it does not validate, so
/// on malformed JSON it may stop early or late, which only decides whether the
/// parser or this scan reports first.
pub fn json_depth(text: &str, limits: &Limits) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limits.max_depth {
                    return Some(too_deep(Span::new(i, i + 1), limits));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The diagnostic for a list or mapping nested deeper than the limit, at `span`.
pub fn too_deep(span: Span, limits: &Limits) -> Diagnostic {
    diagnostic(
        span,
        format!(
            "lists and mappings nested more than {} levels deep; the file was not checked",
            limits.max_depth
        ),
        "max-depth",
    )
}

/// The first list or mapping in `node` with more items than the limit.
///
/// Recursive: called only on a tree whose depth the parser has already bounded.
pub fn items(node: &Node, limits: &Limits) -> Option<Diagnostic> {
    let (count, what) = match &node.value {
        Value::Seq(items) => (items.len(), "items"),
        Value::Map(entries) => (entries.len(), "entries"),
        _ => return None,
    };
    if count > limits.max_items {
        let span = Span::new(node.span.start, node.span.start);
        return Some(diagnostic(
            span,
            format!(
                "a list or mapping of {count} {what}, over the limit of {}; the file was not checked",
                limits.max_items
            ),
            "max-items",
        ));
    }
    match &node.value {
        Value::Seq(items) => items.iter().find_map(|n| self::items(n, limits)),
        Value::Map(entries) => entries.iter().find_map(|e| self::items(&e.value, limits)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_depth_counts_brackets_outside_strings() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        assert!(json_depth(r#"{"a": [[1]]}"#, &limits).is_none());
        assert!(json_depth(r#"{"a": "[[[[[\"[[[["}"#, &limits).is_none());
        let d = json_depth(r#"{"a": [[[1]]]}"#, &limits).expect("too deep");
        assert_eq!(d.code, codes::LIMIT.code);
        assert_eq!(d.span, Span::new(8, 9));
    }

    #[test]
    fn long_line_points_at_its_start() {
        let limits = Limits {
            max_line_length: 4,
            ..Limits::default()
        };
        let d = text("ok\nééééé\n", &limits).expect("too long");
        assert_eq!(d.span, Span::empty(3));
        assert!(text("ok\nabcd\n", &limits).is_none());
    }

    #[test]
    fn size_limit() {
        let limits = Limits {
            max_file_size: 3,
            ..Limits::default()
        };
        assert!(text("abc", &limits).is_none());
        assert_eq!(
            text("abcd", &limits).map(|d| d.code),
            Some(codes::LIMIT.code)
        );
    }

    #[test]
    fn configurable_under_limits_with_defaults() {
        let config: crate::Config =
            serde_json::from_str(r#"{"limits": {"max-depth": 3, "max-items": 2}}"#)
                .expect("a limits table");
        assert_eq!(config.limits.max_depth, 3);
        assert_eq!(config.limits.max_items, 2);
        assert_eq!(config.limits.max_file_size, Limits::default().max_file_size);
        let checked = crate::check_with(
            "title: t\nstatus: draft\ntags: [a, b, c]\n",
            crate::Format::Yaml,
            &config,
        );
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [codes::LIMIT.code]);
        assert!(serde_json::from_str::<Limits>(r#"{"max-deep": 3}"#).is_err());
    }
}
