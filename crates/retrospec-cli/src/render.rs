//! Rendering at the edge: miette reports for people; JSON, SARIF, GitHub
//! workflow commands and JUnit XML for tools. Byte spans become lines and
//! columns only here.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use retrospec_check::codes::CodeInfo;
use retrospec_check::registry;
use retrospec_check::{Diagnostic, LineIndex, Severity, Span};
use serde::Serialize;

use crate::check::{FileResult, Policy};
use crate::escape::visible;

/// A retrospec diagnostic seen through miette's trait, borrowing the file's source
/// as shown (hidden characters named, [`crate::escape`]) and the map to it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<String>,
    shown: &'a crate::escape::Source,
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
        f.write_str(&visible(&self.diagnostic.message))
    }
}

impl std::error::Error for Report<'_> {}

/// The span in the shown source.
fn source_span(shown: &crate::escape::Source, span: Span) -> SourceSpan {
    let start = shown.offset(span.start);
    SourceSpan::new(start.into(), shown.offset(span.end) - start)
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
            (Some(help), _) => Some(Box::new(visible(help))),
            (None, Some(fix)) => Some(Box::new(visible(&fix.message))),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary =
            LabeledSpan::new_primary_with_span(Some(label_for(d)), source_span(self.shown, d.span));
        let others = d.labels.iter().map(|l| {
            LabeledSpan::new_with_span(
                Some(visible(&l.message).into_owned()),
                source_span(self.shown, l.span),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// The short text under the primary span.
fn label_for(d: &Diagnostic) -> String {
    registry::lookup(d.code).map_or_else(|| d.code.to_string(), |c| c.name.to_string())
}

/// Human output: one miette report per finding, then a summary line.
pub fn human(out: &mut impl Write, results: &[FileResult], color: bool) -> io::Result<()> {
    findings(out, results, color)?;
    writeln!(out, "{}", summary(results))
}

/// One miette report per finding, no summary (`check --quiet`).
pub fn findings(out: &mut impl Write, results: &[FileResult], color: bool) -> io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    for result in results {
        let name = crate::escape::path(&result.path);
        match &result.text {
            Some(text) => {
                let shown = crate::escape::Source::new(text);
                let source = NamedSource::new(name.clone(), shown.text.clone());
                let index = LineIndex::new(text);
                for (n, diagnostic) in result.diagnostics.iter().enumerate() {
                    if n >= MAX_SNIPPETS || on_long_line(&index, text, diagnostic) {
                        let at = index.line_col(text, diagnostic.span.start);
                        plain(
                            out,
                            &format!("{name}:{}:{}", at.line, at.column),
                            diagnostic,
                        )?;
                        continue;
                    }
                    let mut rendered = String::new();
                    handler
                        .render_report(
                            &mut rendered,
                            &Report {
                                diagnostic,
                                source: &source,
                                shown: &shown,
                            },
                        )
                        .map_err(io::Error::other)?;
                    writeln!(out, "{rendered}")?;
                }
            }
            None => {
                for d in &result.diagnostics {
                    plain(out, &name, d)?;
                }
            }
        }
    }
    Ok(())
}

/// Source snippets per file; past this, findings are printed as one line each with
/// their location (miette reads the source from its start for every snippet).
const MAX_SNIPPETS: usize = 200;

/// Lines longer than this many bytes get no snippet: it would not be readable, and
/// miette panics when a highlight's column passes 65,535.
const LONG_LINE: usize = 1_000;

/// Whether any span of `d` lies on a line longer than [`LONG_LINE`].
fn on_long_line(index: &LineIndex, text: &str, d: &Diagnostic) -> bool {
    std::iter::once(d.span)
        .chain(d.labels.iter().map(|l| l.span))
        .any(|span| {
            let line = index.line_of(span.start);
            let start = index.line_start(line).unwrap_or(0);
            let end = index.line_start(line + 1).unwrap_or(text.len());
            end - start > LONG_LINE
        })
}

/// A finding without a snippet: `severity[code]: location: message`, then its help.
fn plain(out: &mut impl Write, location: &str, d: &Diagnostic) -> io::Result<()> {
    writeln!(
        out,
        "{}[{}]: {location}: {}",
        d.severity.as_str(),
        d.code,
        visible(&d.message)
    )?;
    if let Some(help) = &d.help {
        writeln!(out, "  help: {}", visible(help))?;
    }
    writeln!(out)
}

fn summary(results: &[FileResult]) -> String {
    let mut totals = Totals::default();
    totals.add(results);
    totals.line()
}

/// What the summary line counts, added up file by file (the streamed human output
/// renders and drops results as it goes).
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Totals {
    /// Counts `results` in.
    pub fn add(&mut self, results: &[FileResult]) {
        self.files += results.iter().filter(|r| r.format.is_some()).count();
        for d in results.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// `checked 3 files: 1 error, 0 warnings`.
    pub fn line(&self) -> String {
        let Totals {
            files,
            errors,
            warnings,
            infos,
        } = *self;
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
}

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
}

/// How a free-form report was read.
#[derive(Serialize)]
struct JsonRead {
    freeform: bool,
    foreign_front_matter: bool,
    milestones: Vec<JsonReadMilestone>,
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

/// `retrospec rules`: one line per code, with its default severity, whether its
/// findings come with a fix, and the first status it checks (blank: always / never / every status).
pub fn rules(out: &mut impl Write) -> io::Result<()> {
    for info in registry::ALL {
        let fix = match info.fix {
            retrospec_check::codes::FixKind::None => String::new(),
            kind => format!("fix: {}", kind.as_str()),
        };
        let from = info
            .from
            .map_or_else(String::new, |s| format!("from {}", s.as_str()));
        writeln!(
            out,
            "{}  {:<20} {:<8} {:<14} {:<14} {}",
            info.code,
            info.name,
            info.severity.as_str(),
            fix,
            from,
            info.summary()
        )?;
    }
    Ok(())
}

/// A code's documentation as Markdown (doc comments keep the space after `///`).
fn doc_text(info: &CodeInfo) -> String {
    info.doc
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
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

/// A path for CI tools: forward slashes, no leading `./` (as GitHub and JUnit
/// viewers match paths against the repository's).
fn tool_path(path: &std::path::Path) -> String {
    let path = path.strip_prefix(".").unwrap_or(path);
    path.display().to_string().replace('\\', "/")
}

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

/// Escapes a workflow command's message: `%`, CR and LF (GitHub's rules, as in
/// the `@actions/core` toolkit's `escapeData`).
pub fn github_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: the message rules plus `:` and
/// `,`, which separate the command from its properties (`escapeProperty`).
pub fn github_escape_property(s: &str) -> String {
    github_escape_data(s)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// GitHub Actions workflow commands, one annotation per finding:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RS203 zone-season::message`.
/// Columns are 1-based characters, as in the human and JSON output.
pub fn github(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    for result in results {
        let text = result.text.as_deref().unwrap_or("");
        let index = result.text.as_deref().map(LineIndex::new);
        let file = visible(&tool_path(&result.path)).into_owned();
        for d in &result.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let at = locate(index.as_ref(), text, d.span);
            let title = format!("{} {}", d.code, label_for(d));
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                github_escape_property(&file),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                github_escape_property(&title),
                github_escape_data(&visible(&message)),
            )?;
        }
    }
    Ok(())
}

/// Text safe inside XML 1.0: markup characters escaped, and the control
/// characters XML 1.0 cannot carry at all (not even escaped) replaced by U+FFFD.
fn xml(s: &str) -> String {
    let allowed: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

/// JUnit XML: one `testsuite` per file; a file without findings is one passing
/// test case, otherwise each finding is a test case that fails when the policy
/// says the finding fails the check (errors; warnings with `--deny-warnings`).
pub fn junit(out: &mut impl Write, results: &[FileResult], policy: Policy) -> io::Result<()> {
    let tests: usize = results.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| policy.fails(d))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="retrospec" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    for result in results {
        let file = xml(&tool_path(&result.path));
        let text = result.text.as_deref().unwrap_or("");
        let index = result.text.as_deref().map(LineIndex::new);
        let suite_failures = result
            .diagnostics
            .iter()
            .filter(|d| policy.fails(d))
            .count();
        writeln!(
            out,
            r#"  <testsuite name="{file}" tests="{}" failures="{suite_failures}" errors="0" skipped="0">"#,
            result.diagnostics.len().max(1)
        )?;
        if result.diagnostics.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="{file}" name="retrospec check" file="{file}"/>"#
            )?;
        }
        for d in &result.diagnostics {
            let at = locate(index.as_ref(), text, d.span);
            let name = xml(&format!(
                "{} {} at {}:{}",
                d.code,
                label_for(d),
                at.line,
                at.column
            ));
            writeln!(
                out,
                r#"    <testcase classname="{file}" name="{name}" file="{file}" line="{}">"#,
                at.line
            )?;
            let mut body = format!(
                "{}:{}:{}: {}[{}]: {}",
                result.path.display(),
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            );
            if let Some(help) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(help);
            }
            if policy.fails(d) {
                writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    xml(&d.message),
                    d.code,
                    xml(&body)
                )?;
            } else {
                writeln!(out, "      <system-out>{}</system-out>", xml(&body))?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
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
    fn workflow_command_escaping() {
        assert_eq!(github_escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(
            github_escape_property("50% a:b,c\r\nd"),
            "50%25 a%3Ab%2Cc%0D%0Ad"
        );
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

    #[test]
    fn xml_text_drops_characters_xml_cannot_carry() {
        assert_eq!(xml("a<b&\"c\u{1}\td"), "a&lt;b&amp;&quot;c\u{fffd}\td");
    }
}
