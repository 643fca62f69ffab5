//! `retrospec check`: read and check files in parallel, render in order.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use retrospec_check::metrics::Metric;
use retrospec_check::{Diagnostic, Format, Severity, Span, codes};

use crate::files::{self, Target};
use crate::render;
use crate::{CheckArgs, Color, OutputFormat};

/// One checked file.
pub struct FileResult {
    pub path: PathBuf,
    pub format: Format,
    /// The text, when it could be read as UTF-8.
    pub text: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// The metrics derived from the milestones (empty when none can be computed).
    pub metrics: Vec<Metric>,
    /// Whether reading the file failed (an I/O error, exit code 2).
    pub io_error: bool,
}

/// Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
pub fn run(args: &CheckArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let targets = files::collect(&paths);
    let mut io_error = false;
    let bar = crate::progress::for_files(targets.len());
    let results: Vec<Option<FileResult>> = targets
        .par_iter()
        .map(|target| match target {
            Target::File {
                path,
                format,
                explicit,
            } => check_file(path, *format, *explicit),
            Target::Problem { .. } => None,
        })
        .inspect(|_| bar.inc(1))
        .collect();
    bar.finish_and_clear();
    for target in &targets {
        if let Target::Problem { path, message } = target {
            eprintln!("retrospec: {}: {message}", path.display());
            io_error = true;
        }
    }
    let mut results: Vec<FileResult> = results.into_iter().flatten().collect();
    if args.fix || args.diff {
        io_error |= apply_fixes(&mut results, args, out)?;
    }
    io_error |= results.iter().any(|r| r.io_error);
    match args.format {
        OutputFormat::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            render::human(out, &results, color)?;
        }
        OutputFormat::Json => render::json(out, &results)?,
    }
    let errors = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Error);
    Ok(if io_error {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_file(path: &std::path::Path, format: Format, explicit: bool) -> Option<FileResult> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Some(FileResult {
                path: path.to_path_buf(),
                format,
                text: None,
                diagnostics: vec![Diagnostic::new(
                    codes::UNREADABLE.code,
                    Span::empty(0),
                    format!("cannot read the file: {e}"),
                )],
                metrics: Vec::new(),
                io_error: true,
            });
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Some(FileResult {
                path: path.to_path_buf(),
                format,
                text: None,
                diagnostics: vec![
                    Diagnostic::new(
                        codes::UNREADABLE.code,
                        Span::new(at, at + 1),
                        format!(
                            "the file is not valid UTF-8 (byte {at}, line {line}, column {column})"
                        ),
                    )
                    .with_help("save the file as UTF-8"),
                ],
                metrics: Vec::new(),
                io_error: false,
            });
        }
    };
    if !files::is_report(format, &text, explicit) {
        return None;
    }
    let checked = retrospec_check::check(&text, format);
    Some(FileResult {
        path: path.to_path_buf(),
        format,
        text: Some(text),
        diagnostics: checked.diagnostics,
        metrics: checked.metrics,
        io_error: false,
    })
}

/// Applies or shows the safe fixes; the results then describe the fixed text.
/// Returns whether writing any file failed.
fn apply_fixes(
    results: &mut [FileResult],
    args: &CheckArgs,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut failed = false;
    for result in results.iter_mut() {
        let Some(text) = &result.text else { continue };
        let Some(fixed) = retrospec_check::fix::apply_safe(text, &result.diagnostics) else {
            continue;
        };
        let after = retrospec_check::check(&fixed, result.format);
        if after.parsed.is_none() {
            continue; // never write a file that would no longer parse
        }
        if args.diff {
            write!(
                out,
                "{}",
                crate::fix::unified_diff(&result.path, text, &fixed)
            )?;
        }
        if args.fix {
            match crate::fix::write_atomically(&result.path, text, &fixed) {
                Ok(()) => {
                    let count = result.diagnostics.len()
                        - after.diagnostics.len().min(result.diagnostics.len());
                    eprintln!(
                        "retrospec: fixed {count} problem(s) in {}",
                        result.path.display()
                    );
                    result.diagnostics = after.diagnostics;
                    result.metrics = after.metrics;
                    result.text = Some(fixed);
                }
                Err(e) => {
                    eprintln!("retrospec: {}: {e}", result.path.display());
                    failed = true;
                }
            }
        }
    }
    Ok(failed)
}
