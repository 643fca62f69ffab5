//! `--format json`: the JSON report, version 1 (docs/json-output.md); fields are
//! only ever added. `locate` (line and column of a span) serves GitHub and JUnit too.

use std::io::{self, Write};

use retrospec_check::registry;
use retrospec_check::{LineIndex, Severity, Span};
use serde::Serialize;

use crate::check::FileResult;

/// The JSON report (version 1). Documented in docs/json-output.md; fields are only ever added.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    files: Vec<JsonFile<'a>>,
    summary: JsonSummary,
}

/// What is known about one file beside its findings.
#[derive(Serialize)]
struct JsonFile<'a> {
    file: String,
    format: retrospec_check::Format,
    /// Metric key (`time_to_detect`) to its value, in the documented order.
    metrics: serde_json::Map<String, serde_json::Value>,
    /// Every duration the report states, how it was read and compared.
    claims: Vec<JsonClaim<'a>>,
    /// How a report without retrospec front matter was read (docs/import.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<JsonRead>,
}

/// One time claim (docs/json-output.md).
#[derive(Serialize)]
struct JsonClaim<'a> {
    text: &'a str,
    pointer: &'a str,
    #[serde(flatten)]
    location: JsonLocation,
    measures: &'a str,
    qualifier: retrospec_check::claims::Qualifier,
    stated_seconds: [i64; 2],
    accepted_seconds: Option<[Option<i64>; 2]>,
    compared_with: Option<&'a retrospec_check::claims::Compared>,
    verdict: retrospec_check::claims::Verdict,
    broken: Option<retrospec_check::claims::Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    /// For a claim compared with two events: where each was stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<retrospec_check::claims::Provenance>,
}

/// How a free-form report was read.
#[derive(Serialize)]
struct JsonRead {
    freeform: bool,
    foreign_front_matter: bool,
    milestones: Vec<JsonReadMilestone>,
    /// Where the times' zone was taken from when the report names one zone but
    /// states none for its times.
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<String>,
}

#[derive(Serialize)]
struct JsonReadMilestone {
    milestone: &'static str,
    entry: String,
    read_from: String,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
pub(super) struct JsonLocation {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) end_line: usize,
    pub(super) end_column: usize,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    /// `markdown`, `yaml`, `json`, or `toml` for a `retrospec.toml`.
    format: &'static str,
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: JsonLocation,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    #[serde(flatten)]
    location: JsonLocation,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    safe: bool,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    replacement: &'a str,
    #[serde(flatten)]
    location: JsonLocation,
}

pub(super) fn locate(index: Option<&LineIndex>, text: &str, span: Span) -> JsonLocation {
    let (start, end) = match index {
        Some(index) => (
            index.line_col(text, span.start),
            index.line_col(text, span.end),
        ),
        None => {
            let zero = retrospec_check::LineCol { line: 1, column: 1 };
            (zero, zero)
        }
    };
    JsonLocation {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        start_offset: span.start,
        end_offset: span.end,
    }
}

/// JSON output: one document with every finding and a summary.
pub fn json(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    for result in results {
        let text = result.text.as_deref().unwrap_or("");
        let index = result.text.as_deref().map(LineIndex::new);
        let file = result.path.display().to_string();
        // `files` lists reports; a retrospec.toml with mistakes only has diagnostics.
        if let Some(format) = result.format {
            files.push(JsonFile {
                file: file.clone(),
                format,
                metrics: result
                    .metrics
                    .iter()
                    .filter_map(|m| {
                        Some((m.definition.key.to_string(), serde_json::to_value(m).ok()?))
                    })
                    .collect(),
                claims: result
                    .claims
                    .iter()
                    .map(|c| JsonClaim {
                        text: &c.text,
                        pointer: &c.pointer,
                        location: locate(index.as_ref(), text, c.span),
                        measures: c.measures,
                        qualifier: c.qualifier,
                        stated_seconds: c.stated,
                        accepted_seconds: c.accepted,
                        compared_with: c.compared_with.as_ref(),
                        verdict: c.verdict,
                        broken: c.broken,
                        note: c.note.as_deref(),
                        provenance: c.provenance,
                    })
                    .collect(),
                read: result.reading.as_ref().map(|r| JsonRead {
                    freeform: true,
                    foreign_front_matter: r.foreign_front_matter.is_some(),
                    milestones: r
                        .milestones
                        .iter()
                        .map(|m| JsonReadMilestone {
                            milestone: m.milestone,
                            entry: m.entry.clone(),
                            read_from: m.read_from.clone(),
                            start_offset: m.span.start,
                            end_offset: m.span.end,
                        })
                        .collect(),
                    zone: r.named_zone.clone(),
                }),
            });
        }
        for d in &result.diagnostics {
            let info = registry::lookup(d.code);
            diagnostics.push(JsonDiagnostic {
                file: file.clone(),
                format: match result.format {
                    Some(retrospec_check::Format::Markdown) => "markdown",
                    Some(retrospec_check::Format::Yaml) => "yaml",
                    Some(retrospec_check::Format::Json) => "json",
                    None => "toml",
                },
                code: d.code,
                name: info.map_or("", |i| i.name),
                severity: d.severity,
                message: &d.message,
                location: locate(index.as_ref(), text, d.span),
                help: d.help.as_deref(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        message: &l.message,
                        location: locate(index.as_ref(), text, l.span),
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    message: &f.message,
                    safe: f.safe,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| JsonEdit {
                            replacement: &e.replacement,
                            location: locate(index.as_ref(), text, e.span),
                        })
                        .collect(),
                }),
            });
        }
    }
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let summary = JsonSummary {
        files: results.iter().filter(|r| r.format.is_some()).count(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
    };
    let report = JsonReport {
        version: 1,
        diagnostics,
        files,
        summary,
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
    writeln!(out)
}
