//! Rendering at the edge: miette reports for people, JSON for tools. Byte spans
//! become lines and columns only here.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use retrospec_check::codes::{self, CodeInfo};
use retrospec_check::{Diagnostic, LineIndex, Severity, Span};
use serde::Serialize;

use crate::check::FileResult;

/// A retrospec diagnostic seen through miette's trait, borrowing the file's source.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("diagnostic", self.diagnostic)
            .finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::new(span.start.into(), span.len())
}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        match (&d.help, &d.fix) {
            (Some(help), _) => Some(Box::new(help.as_str())),
            (None, Some(fix)) => Some(Box::new(fix.message.as_str())),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(Some(label_for(d)), source_span(d.span));
        let others = d
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), source_span(l.span)));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// The short text under the primary span.
fn label_for(d: &Diagnostic) -> String {
    codes::lookup(d.code).map_or_else(|| d.code.to_string(), |c| c.name.to_string())
}

/// Human output: one miette report per finding, then a summary line.
pub fn human(out: &mut impl Write, results: &[FileResult], color: bool) -> io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    for result in results {
        let name = result.path.display().to_string();
        match &result.text {
            Some(text) => {
                let source = NamedSource::new(name, text.clone());
                for diagnostic in &result.diagnostics {
                    let mut rendered = String::new();
                    handler
                        .render_report(
                            &mut rendered,
                            &Report {
                                diagnostic,
                                source: &source,
                            },
                        )
                        .map_err(io::Error::other)?;
                    writeln!(out, "{rendered}")?;
                }
            }
            None => {
                for d in &result.diagnostics {
                    writeln!(
                        out,
                        "{}[{}]: {name}: {}",
                        d.severity.as_str(),
                        d.code,
                        d.message
                    )?;
                    if let Some(help) = &d.help {
                        writeln!(out, "  help: {help}")?;
                    }
                    writeln!(out)?;
                }
            }
        }
    }
    writeln!(out, "{}", summary(results))
}

fn summary(results: &[FileResult]) -> String {
    let count = |s: Severity| {
        results
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let files = results.iter().filter(|r| r.format.is_some()).count();
    let files = format!("{files} {}", if files == 1 { "file" } else { "files" });
    if errors + warnings + infos == 0 {
        return format!("checked {files}: no problems");
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "info"));
    }
    format!("checked {files}: {}", parts.join(", "))
}

/// The JSON report (version 1). Documented in docs/json-output.md; fields are only ever added.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    files: Vec<JsonFile>,
    summary: JsonSummary,
}

/// What is known about one file beside its findings.
#[derive(Serialize)]
struct JsonFile {
    file: String,
    format: retrospec_check::Format,
    /// Metric key (`time_to_detect`) to its value, in the documented order.
    metrics: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonLocation {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
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

fn locate(index: Option<&LineIndex>, text: &str, span: Span) -> JsonLocation {
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
            });
        }
        for d in &result.diagnostics {
            let info = codes::lookup(d.code);
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
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}

/// `retrospec rules`: one line per code.
pub fn rules(out: &mut impl Write) -> io::Result<()> {
    for info in codes::ALL {
        writeln!(
            out,
            "{}  {:<20} {:<8} {}",
            info.code,
            info.name,
            info.severity.as_str(),
            info.summary()
        )?;
    }
    Ok(())
}

/// `retrospec explain CODE`: the code's documentation.
pub fn explain(out: &mut impl Write, info: &CodeInfo) -> io::Result<()> {
    writeln!(
        out,
        "# {} {} ({})\n",
        info.code,
        info.name,
        info.severity.as_str()
    )?;
    for line in info.doc.lines() {
        writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line))?;
    }
    Ok(())
}
