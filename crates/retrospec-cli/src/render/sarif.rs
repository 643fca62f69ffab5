//! `--format sarif`: SARIF 2.1.0 for code scanning, columns in UTF-16 code units.

use std::io::{self, Write};

use retrospec_check::registry;
use retrospec_check::{LineIndex, Severity, Span};

use super::explain::doc_text;
use crate::check::FileResult;

/// The rule's documentation page in the repository (`docs/rules/RSxxx.md`).
fn help_uri(code: &str) -> String {
    format!(
        "{}/blob/main/docs/rules/{code}.md",
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// 1-based line and 1-based column counted in UTF-16 code units (SARIF's
/// `utf16CodeUnits` column kind, which GitHub code scanning expects). An offset
/// inside a character counts as that character; a byte order mark takes no column.
fn line_col_utf16(index: &LineIndex, text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = index.line_of(offset);
    let mut column = index.utf16_column(text, offset);
    if line == 0 && text.starts_with('\u{feff}') && offset >= 3 {
        column -= 1;
    }
    (line + 1, column + 1)
}

/// Characters kept as they are in a URI path segment: RFC 3986 unreserved.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The file as a URI reference: relative to `cwd` when it is under it (the
/// form GitHub code scanning maps to the repository), else an absolute `file:` URI.
fn artifact_uri(path: &std::path::Path, cwd: &std::path::Path) -> String {
    use std::path::Component;
    let relative = if path.is_absolute() {
        path.strip_prefix(cwd).ok()
    } else {
        Some(path)
    };
    let encode = |p: &std::path::Path| {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(
                    percent_encoding::utf8_percent_encode(&s.to_string_lossy(), SEGMENT)
                        .to_string(),
                ),
                Component::ParentDir => Some("..".to_string()),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    match relative {
        Some(r) => encode(r),
        None => format!("file:///{}", encode(path)),
    }
}

/// A SARIF region for `span` (columns in UTF-16 code units, end exclusive).
fn sarif_region(index: &LineIndex, text: &str, span: Span) -> serde_json::Value {
    let (start_line, start_column) = line_col_utf16(index, text, span.start);
    let (end_line, end_column) = line_col_utf16(index, text, span.end);
    serde_json::json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// The text of `span` (`region.snippet`) and the whole lines around it
/// (`contextRegion`), so a viewer without the file can still show the finding.
fn sarif_snippets(index: &LineIndex, text: &str, span: Span) -> (String, serde_json::Value) {
    let snippet = text.get(span.start..span.end).unwrap_or("").to_string();
    let first = index.line_of(span.start);
    let last = index.line_of(span.end);
    let start = index.line_start(first).unwrap_or(0);
    let end = index.line_start(last + 1).unwrap_or(text.len());
    let lines = text.get(start..end).unwrap_or("");
    let context = serde_json::json!({
        "startLine": first + 1,
        "endLine": last + 1,
        "snippet": { "text": lines },
    });
    (snippet, context)
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0 output: one run, every code as a rule, one result per finding.
pub fn sarif(
    out: &mut impl Write,
    results: &[FileResult],
    cwd: &std::path::Path,
) -> io::Result<()> {
    use serde_json::{Value, json};
    let rules: Vec<Value> = registry::ALL
        .iter()
        .map(|info| {
            json!({
                "id": info.code,
                "name": info.name,
                "shortDescription": { "text": info.summary() },
                "fullDescription": { "text": doc_text(info), "markdown": doc_text(info) },
                // GitHub code scanning shows `help` in the alert (its validator rule GH2012).
                "help": { "text": doc_text(info), "markdown": doc_text(info) },
                "helpUri": help_uri(info.code),
                "defaultConfiguration": { "level": sarif_level(info.severity) },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    for result in results {
        let uri = artifact_uri(&result.path, cwd);
        let text = result.text.as_deref();
        let index = text.map(LineIndex::new);
        let location = |span: Span| {
            let mut physical = json!({ "artifactLocation": { "uri": uri } });
            if let (Some(text), Some(index)) = (text, &index) {
                physical["region"] = sarif_region(index, text, span);
            }
            physical
        };
        for d in &result.diagnostics {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut physical = location(d.span);
            if let (Some(text), Some(index)) = (text, &index) {
                let (snippet, context) = sarif_snippets(index, text, d.span);
                physical["region"]["snippet"] = json!({ "text": snippet });
                physical["contextRegion"] = context;
            }
            let mut value = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": { "text": message },
                "locations": [{ "physicalLocation": physical }],
            });
            if let Some(i) = registry::ALL.iter().position(|c| c.code == d.code) {
                value["ruleIndex"] = json!(i);
            }
            if !d.labels.is_empty() {
                value["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(id, l)| {
                        json!({
                            "id": id,
                            "physicalLocation": location(l.span),
                            "message": { "text": l.message },
                        })
                    })
                    .collect();
            }
            if let (Some(fix), Some(_)) = (&d.fix, text) {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": location(e.span)["region"],
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                value["fixes"] = json!([{
                    "description": { "text": fix.message },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": replacements,
                    }],
                }]);
            }
            sarif_results.push(value);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "retrospec",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": sarif_results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_columns_count_utf16_code_units() {
        // `😀` is one character but two UTF-16 code units; `é` is one of each.
        let text = "a: é😀x\nb";
        let index = LineIndex::new(text);
        let x = text.find('x').expect("x");
        assert_eq!(line_col_utf16(&index, text, x), (1, 7));
        assert_eq!(index.line_col(text, x).column, 6);
        // Inside a multi-byte character: that character's column.
        assert_eq!(line_col_utf16(&index, text, x - 1), (1, 5));
        assert_eq!(line_col_utf16(&index, text, text.len()), (2, 2));
        // A byte order mark takes no column.
        let bom = "\u{feff}ab";
        assert_eq!(line_col_utf16(&LineIndex::new(bom), bom, 4), (1, 2));
    }

    #[test]
    fn artifact_uris_are_relative_and_percent_encoded() {
        let cwd = std::path::Path::new("/repo");
        let uri = |p: &str| artifact_uri(std::path::Path::new(p), cwd);
        assert_eq!(uri("./docs/pm 1#.md"), "docs/pm%201%23.md");
        assert_eq!(uri("/repo/pm.md"), "pm.md");
        assert_eq!(uri("../other/pm.md"), "../other/pm.md");
        assert_eq!(uri("/elsewhere/pm.md"), "file:///elsewhere/pm.md");
    }
}
