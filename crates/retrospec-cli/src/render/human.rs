//! People's output: one miette report per finding (source lines, labels, help),
//! plain lines past the snippet limit or on very long lines, and the summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceSpan, SpanContents,
};
use retrospec_check::{Diagnostic, LineIndex, Severity, Span};

use super::label_for;
use crate::check::FileResult;
use crate::escape::visible;

/// A retrospec diagnostic seen through miette's trait, borrowing the file's source
/// as shown (hidden characters named, [`crate::escape`]) and the map to it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Shown<'a>,
    shown: &'a crate::escape::Source,
}

/// A file's text as shown, read by miette one window of lines at a time. miette's
/// own `read_span` walks the text from its first byte for every finding (about
/// 640,000 instructions a finding on a 10 KB report, bench/README.md perf17);
/// this one finds the lines around a span from their starts and hands miette
/// only those, then moves what it read back to the file's offsets and lines.
struct Shown<'a> {
    name: &'a str,
    text: &'a str,
    /// Where each line starts (the first at 0): the shown text has no lone `\r`
    /// ([`crate::escape`] names it), so a line ends at `\n` as miette counts.
    starts: Vec<usize>,
}

impl<'a> Shown<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Shown { name, text, starts }
    }

    /// The line holding byte `at`, from 0.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

impl miette::SourceCode for Shown<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // Every line miette would read: `before` lines above the span's first,
        // `after` below its last, and one more each side (it stops on the line
        // break after them; an empty span that opens the text it reads is read
        // differently), each from a line start so columns stay the same.
        let first = self.line_of(span.offset()).saturating_sub(before + 1);
        let last = self.line_of(span.offset() + span.len().saturating_sub(1)) + after + 2;
        let from = self.starts[first];
        let to = self.starts.get(last).copied().unwrap_or(self.text.len());
        let window = &self.text.as_bytes()[from..to];
        let inner = SourceSpan::new((span.offset().saturating_sub(from)).into(), span.len());
        let read = window.read_span(&inner, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            read.data(),
            SourceSpan::new((read.span().offset() + from).into(), read.span().len()),
            first + read.line(),
            read.column(),
            first + read.line_count(),
        )))
    }
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
                let source = Shown::new(&name, &shown.text);
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

#[cfg(test)]
mod tests {
    use miette::{SourceCode, SourceSpan};

    use super::Shown;

    /// The window read gives miette what reading the whole text gives it: the
    /// same lines, offsets, line, column and line count, for every span of a text
    /// with blank lines, CRLF endings, a last line without a break and non-ASCII
    /// text, and every amount of context the handler asks for.
    #[test]
    fn a_window_reads_as_the_whole_text() {
        let text = "# Title\n\nfirst line\r\nsecond – line\n\n\nthird\nlast";
        let shown = Shown::new("r.md", text);
        let starts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &starts {
            for &end in starts.iter().filter(|&&e| e >= start) {
                let span = SourceSpan::new(start.into(), end - start);
                for before in 0..3 {
                    for after in 0..3 {
                        let whole = text.as_bytes().read_span(&span, before, after);
                        let window = shown.read_span(&span, before, after);
                        match (whole, window) {
                            (Ok(w), Ok(v)) => {
                                let at = (start, end, before, after);
                                assert_eq!(w.data(), v.data(), "{at:?}");
                                assert_eq!(w.span(), v.span(), "{at:?}");
                                assert_eq!(w.line(), v.line(), "{at:?}");
                                assert_eq!(w.column(), v.column(), "{at:?}");
                                assert_eq!(w.line_count(), v.line_count(), "{at:?}");
                                assert_eq!(v.name(), Some("r.md"));
                            }
                            (Err(_), Err(_)) => {}
                            (w, v) => panic!("{start}..{end}: {:?} vs {:?}", w.is_ok(), v.is_ok()),
                        }
                    }
                }
            }
        }
    }
}
