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
    /// The deepest nesting of lists and mappings (default 64; a report needs 4; at
    /// most 256, the depth proven safe on the smallest stack a check runs on).
    pub max_depth: usize,
    /// The most items in one list or entries in one mapping (default 10,000).
    pub max_items: usize,
}

/// The largest `max-depth` that takes effect (see `docs/reliability.md`): parsing
/// and every later step (tree to JSON, schema validation, drop) recurse once per
/// level, and this depth is proven to fit half of the smallest stack a check runs
/// on (2 MiB, a spawned thread's) in a debug build. A configuration asking for
/// more gets RS502 and this value.
pub const MAX_DEPTH: usize = 256;

impl Limits {
    /// The nesting limit in effect: `max_depth`, at most [`MAX_DEPTH`].
    pub fn depth(&self) -> usize {
        self.max_depth.min(MAX_DEPTH)
    }
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
    // No line is longer than the text: a report (a few kilobytes) is not read
    // line by line at all (a `split` per line was 3% of a batch's check).
    if text.len() <= limits.max_line_length {
        return None;
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

/// The diagnostic for a list or mapping nested deeper than the limit, at `span`.
pub fn too_deep(span: Span, limits: &Limits) -> Diagnostic {
    diagnostic(
        span,
        format!(
            "lists and mappings nested more than {} levels deep; the file was not checked",
            limits.depth()
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
    fn long_line_points_at_its_start() {
        let limits = Limits {
            max_line_length: 4,
            ..Limits::default()
        };
        let d = text("ok\nééééé\n", &limits).expect("too long");
        assert_eq!(d.span, Span::empty(3));
        assert!(text("ok\nabcd\n", &limits).is_none());
        // A text no longer than the limit, and one line exactly at it.
        assert!(text("abcd", &limits).is_none());
        assert!(text("abcde", &limits).is_some());
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

    /// The deepest nesting a configuration can ask for, proven safe on a stack of
    /// half the smallest one a check runs on (2 MiB: Rust's spawned threads, rayon's
    /// workers, tokio's blocking threads in the language server), in a debug build
    /// (larger frames than release): the deepest accepted document of every shape,
    /// checked under `max-depth = 1000000`. A setting above [`MAX_DEPTH`] gets RS502
    /// in the configuration and is used as [`MAX_DEPTH`]; a `Config` built in code is
    /// capped the same way. It used to abort the process with a stack overflow.
    #[test]
    fn the_deepest_accepted_documents_fit_half_the_smallest_stack() {
        let config = crate::Config {
            limits: Limits {
                max_depth: 1_000_000,
                ..Limits::default()
            },
            ..crate::Config::default()
        };
        let n = MAX_DEPTH;
        let head = "title: t\nstatus: draft\n";
        // The root mapping is one level: n - 1 below it.
        let block_list: String = (0..n - 1)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        let block_map: String = (0..n - 1)
            .map(|i| format!("{}a:\n", "  ".repeat(i)))
            .collect();
        let cases = [
            (
                crate::Format::Json,
                format!(
                    r#"{{"title": "t", "status": "draft", "x": {}{}}}"#,
                    "[".repeat(n - 1),
                    "]".repeat(n - 1)
                ),
            ),
            (
                crate::Format::Json,
                format!(
                    r#"{{"title": "t", "status": "draft", "x": {}1{}}}"#,
                    r#"{"a": "#.repeat(n - 1),
                    "}".repeat(n - 1)
                ),
            ),
            (crate::Format::Yaml, format!("{head}x:\n{block_list}")),
            (crate::Format::Yaml, format!("{head}x:\n{block_map}")),
            (
                crate::Format::Yaml,
                format!("{head}x: {}{}\n", "[".repeat(n - 1), "]".repeat(n - 1)),
            ),
            (
                crate::Format::Markdown,
                format!("---\n{head}x:\n{block_list}---\n\n## Summary\n\nText.\n"),
            ),
        ];
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                for (format, text) in &cases {
                    let checked = crate::check_with(text, *format, &config);
                    // Accepted at the cap (parsed, not RS010) and checked in full.
                    assert!(
                        checked
                            .diagnostics
                            .iter()
                            .all(|d| d.code != codes::LIMIT.code),
                        "{format:?}: {:?}",
                        checked
                            .diagnostics
                            .iter()
                            .map(|d| d.code)
                            .collect::<Vec<_>>()
                    );
                    let deeper = text
                        .replacen("x:", "x: [", 1)
                        .replacen("\"x\": ", "\"x\": [", 1);
                    let _ = crate::check_with(&deeper, *format, &config);
                }
            })
            .expect("a thread")
            .join()
            .expect("no panic");
    }

    #[test]
    fn a_depth_over_the_maximum_is_capped_and_reported() {
        let (config, diags) = crate::Config::parse("[limits]\nmax-depth = 1000000\n");
        assert_eq!(config.limits.max_depth, MAX_DEPTH);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, codes::CONFIG_VALUE.code);
        assert_eq!(diags[0].span, Span::new(21, 28));
        assert!(diags[0].message.contains("256"), "{}", diags[0].message);
        let (config, diags) = crate::Config::parse("[limits]\nmax-depth = 256\n");
        assert_eq!((config.limits.max_depth, diags.len()), (MAX_DEPTH, 0));
    }
}
