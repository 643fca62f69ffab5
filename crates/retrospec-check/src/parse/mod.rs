//! Text to the spanned tree, for each input form.

pub mod freeform;
pub mod json;
pub mod markdown;
pub mod org;
pub mod yaml;

use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::limits::Limits;
use crate::span::Span;
use crate::suppress::{self, Suppression};
use crate::tree::Node;

/// The form a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown with YAML front matter.
    Markdown,
    /// YAML in the canonical shape.
    Yaml,
    /// JSON in the canonical shape.
    Json,
}

impl Format {
    /// The form of a file, by its extension (`.md`, `.markdown`, `.yaml`, `.yml`,
    /// `.json`; plain text `.txt` and Org mode `.org` are read as Markdown, free-form).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "txt" | "org" => Some(Format::Markdown),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A parsed report: its tree, where report-wide diagnostics point, and its
/// inline suppressions.
#[derive(Debug)]
pub struct Parsed {
    /// The spanned tree.
    pub tree: Node,
    /// Where a diagnostic about the report as a whole points (a missing `title`):
    /// the opening `---` of Markdown front matter, or the first line of YAML or JSON.
    pub anchor: Span,
    /// The `retrospec-ignore` comments, with their target lines (none for JSON).
    pub suppressions: Vec<Suppression>,
    /// Set when the report has no retrospec front matter and was read as written
    /// (free-form, `docs/import.md`): how it was read.
    pub freeform: Option<freeform::Reading>,
}

/// Parses `text` as `format`. `None` when it cannot be parsed; the reason is in `diags`.
/// Bounded by the default [`Limits`].
pub fn parse(text: &str, format: Format, diags: &mut Vec<Diagnostic>) -> Option<Parsed> {
    parse_limited(text, format, &Limits::default(), diags)
}

/// [`parse`] under `limits`: a text over the size or line-length limit is not
/// parsed, and nesting is bounded while parsing (items are counted by
/// [`crate::check_with`] on the tree). Hover, completion and formatting go through
/// here too, so no entry point parses an unbounded text.
pub fn parse_limited(
    text: &str,
    format: Format,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Parsed> {
    parse_with(text, format, limits, &[], diags)
}

/// [`parse_limited`] with section headings added to the alias table
/// (`[sections]` of `retrospec.toml`, heading to model field).
pub fn parse_with(
    text: &str,
    format: Format,
    limits: &Limits,
    sections: &[(String, String)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Parsed> {
    if let Some(d) = crate::limits::text(text, limits) {
        diags.push(d);
        return None;
    }
    let mut suppressions = Vec::new();
    let mut reading = None;
    let (tree, anchor) = match format {
        Format::Markdown => {
            let p = markdown::parse_with(text, limits, sections, diags)?;
            reading = p.freeform;
            match markdown::split_front_matter(text) {
                Some(fm) if reading.is_none() => {
                    suppress::collect_yaml(text, fm.yaml, &p.tree, &mut suppressions);
                    suppress::collect_markdown(text, fm.body_start, &mut suppressions);
                }
                Some(fm) => suppress::collect_markdown(text, fm.body_start, &mut suppressions),
                None => suppress::collect_markdown(text, 0, &mut suppressions),
            }
            (p.tree, p.anchor)
        }
        Format::Yaml => {
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let tree = yaml::parse_limited(&text[start..], start, limits, diags)?;
            suppress::collect_yaml(text, Span::new(start, text.len()), &tree, &mut suppressions);
            let anchor = first_line(text, tree.span.start);
            (tree, anchor)
        }
        Format::Json => {
            let tree = json::parse(text, limits, diags)?;
            let anchor = first_line(text, tree.span.start);
            (tree, anchor)
        }
    };
    suppressions.sort_by_key(|s| s.comment.start);
    suppress::resolve_targets(text, &mut suppressions);
    Some(Parsed {
        tree,
        anchor,
        suppressions,
        freeform: reading,
    })
}

/// The line containing `offset`, from `offset` to its end.
fn first_line(text: &str, offset: usize) -> Span {
    let rest = text.get(offset..).unwrap_or("");
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    Span::new(offset, offset + len)
}
