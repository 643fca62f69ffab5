//! Text to the spanned tree, for each input form.

pub mod json;
pub mod markdown;
pub mod yaml;

use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
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
    /// The form of a file, by its extension (`.md`, `.markdown`, `.yaml`, `.yml`, `.json`).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A parsed report: its tree, and where report-wide diagnostics point.
#[derive(Debug)]
pub struct Parsed {
    /// The spanned tree.
    pub tree: Node,
    /// Where a diagnostic about the report as a whole points (a missing `title`):
    /// the opening `---` of Markdown front matter, or the first line of YAML or JSON.
    pub anchor: Span,
}

/// Parses `text` as `format`. `None` when it cannot be parsed; the reason is in `diags`.
pub fn parse(text: &str, format: Format, diags: &mut Vec<Diagnostic>) -> Option<Parsed> {
    match format {
        Format::Markdown => markdown::parse(text, diags).map(|p| Parsed {
            tree: p.tree,
            anchor: p.anchor,
        }),
        Format::Yaml => {
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let tree = yaml::parse(&text[start..], start, diags)?;
            Some(Parsed {
                anchor: first_line(text, tree.span.start),
                tree,
            })
        }
        Format::Json => {
            let tree = json::parse(text, diags)?;
            Some(Parsed {
                anchor: first_line(text, tree.span.start),
                tree,
            })
        }
    }
}

/// The line containing `offset`, from `offset` to its end.
fn first_line(text: &str, offset: usize) -> Span {
    let rest = text.get(offset..).unwrap_or("");
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    Span::new(offset, offset + len)
}
