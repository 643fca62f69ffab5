//! `retrospec report`: figures across many reports (counts, durations, follow-ups,
//! findings) as a self-contained HTML page, JSON or CSV.
//!
//! This is the I/O half: discovery, configurations and reading as `check` does
//! them, then a chunk of files at a time checked in parallel and reduced to
//! `retrospec_check::insights` entries, so no parsed tree outlives its chunk. The
//! figures come from the core; rendering is here (`report_html/` for the page).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;
use rayon::prelude::*;
use retrospec_check::insights::{self, Entry, Figures, GroupBy, Insights, Options};
use retrospec_check::{Config, Format, time};

use crate::files::{self, Configs, LoadedConfig, Target};

/// Arguments of `retrospec report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Files and directories of reports (default: the current directory).
    paths: Vec<PathBuf>,
    /// What to write: a self-contained HTML page, JSON (docs/report.md) or CSV
    /// (one row per report).
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Write to FILE (replaced atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only incidents on or after DATE (YYYY-MM-DD); undated reports are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<Date>,
    /// Only incidents on or before DATE (YYYY-MM-DD); undated reports are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<Date>,
    /// How to group the duration distributions.
    #[arg(long, value_enum, default_value_t = By::Severity)]
    by: By,
    /// The day follow-ups are measured at (overdue items, ages); default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<Date>,
    /// Use this configuration for every file instead of the nearest `retrospec.toml`.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every `retrospec.toml`.
    #[arg(long)]
    no_config: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// One self-contained HTML page with charts (no scripts needed, no external resources).
    Html,
    /// The figures as one JSON document (versioned; docs/report.md).
    Json,
    /// One row per report, for spreadsheets.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum By {
    Severity,
    Service,
    Month,
    Quarter,
}

fn parse_date(s: &str) -> Result<Date, String> {
    time::parse_iso_date(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// Files checked and reduced at a time: memory follows the chunk, not the corpus.
const CHUNK: usize = 1024;

/// How many reports keep their timeline for the page.
pub const TIMELINES: usize = 50;

/// Exit codes: 0 written, 2 a usage, I/O or configuration error (a named path that
/// is missing, an unreadable configuration, the output not writable). Reports with
/// findings or that cannot be read are counted and listed, not a failure.
pub fn run(args: &ReportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let (configs, targets) =
        match files::gather(&args.paths, args.no_config, args.config.as_deref()) {
            Ok(gathered) => gathered,
            Err(code) => return Ok(code),
        };
    let mut failed = false;
    for target in &targets {
        if let Target::Problem { path, message } = target {
            eprintln!("retrospec: {}: {message}", path.display());
            failed = true;
        }
    }
    // The severity order of the figures: the scale of the first report's configuration.
    let scale = targets
        .iter()
        .find_map(|t| match t {
            Target::File { path, .. } => Some(configs.for_file(path)),
            Target::Problem { .. } => None,
        })
        .and_then(Result::ok)
        .flatten()
        .map_or_else(|| Config::default().severity, |c| c.config.severity.clone());
    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let mut insights = Insights::new(Options {
        today,
        since: args.since,
        until: args.until,
        by: match args.by {
            By::Severity => GroupBy::Severity,
            By::Service => GroupBy::Service,
            By::Month => GroupBy::Month,
            By::Quarter => GroupBy::Quarter,
        },
        scale: scale.levels.iter().map(|l| l.name.clone()).collect(),
        timelines: if args.format == ReportFormat::Html {
            TIMELINES
        } else {
            0
        },
    });
    let mut unreadable_configs: Vec<PathBuf> = Vec::new();
    // Files a directory walk found that do not look like postmortems: named once
    // on stderr, as `check` does.
    let mut skipped: Vec<PathBuf> = Vec::new();
    let mut added = 0;
    for chunk in targets.chunks(CHUNK) {
        let entries: Vec<Option<Read>> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, target)| read(target, &configs, today, insights.wants_timeline(added + i)))
            .collect();
        for outcome in entries.into_iter().flatten() {
            match outcome {
                Read::Entry(entry) => insights.add(*entry),
                Read::Skipped(path) => skipped.push(path),
                Read::Config(path, message) => {
                    if !unreadable_configs.contains(&path) {
                        eprintln!(
                            "retrospec: {}: cannot read the configuration: {message}",
                            path.display()
                        );
                        unreadable_configs.push(path);
                    }
                    failed = true;
                }
            }
        }
        added += chunk.len();
    }
    if let Some(line) = files::skipped_note(&mut skipped) {
        eprintln!("retrospec: {line}");
    }
    let figures = insights.finish();
    let base = link_base(args.output.as_deref());
    let render = |w: &mut dyn Write| -> io::Result<()> {
        match args.format {
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut *w, &figures).map_err(io::Error::other)?;
                w.write_all(b"\n")
            }
            ReportFormat::Csv => csv(&figures, w),
            ReportFormat::Html => {
                let page = crate::report_html::page(&figures, &|p: &str| relative_link(&base, p));
                w.write_all(page.as_bytes())
            }
        }
    };
    // Streamed: the JSON and CSV of 100,000 reports are never held whole.
    match &args.output {
        Some(path) => {
            if let Err(e) = crate::write::replace_atomically_with(path, render) {
                eprintln!("retrospec: {}: cannot write: {e}", path.display());
                return Ok(ExitCode::from(2));
            }
        }
        None => {
            let mut buffered = io::BufWriter::new(out);
            render(&mut buffered)?;
            buffered.flush()?;
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// What reading one target gave.
enum Read {
    /// A report's figures (boxed: they are many times the size of a path).
    Entry(Box<Entry>),
    /// A file a directory walk found that does not look like a postmortem.
    Skipped(PathBuf),
    /// A configuration that cannot be read: its path and why.
    Config(PathBuf, String),
}

/// One target's entry: `None` for a file the configuration's `files` leaves out.
fn read(target: &Target, configs: &Configs, today: Date, timeline: bool) -> Option<Read> {
    let file = match files::select(configs, target) {
        Ok(Some(file)) => file,
        Ok(None) => return None,
        Err((path, message)) => return Some(Read::Config(path, message)),
    };
    let name = file.path.display().to_string();
    Some(
        match entry_of(
            file.path,
            name,
            file.format,
            file.explicit,
            file.config.as_deref(),
            today,
            timeline,
        ) {
            Some(entry) => Read::Entry(Box::new(entry)),
            None => Read::Skipped(file.path.to_path_buf()),
        },
    )
}

/// The figures of the report at `path`: `None` for a file a directory walk found
/// that is not a report (Markdown without front matter that does not look like a
/// postmortem).
fn entry_of(
    path: &Path,
    name: String,
    format: Format,
    explicit: bool,
    config: Option<&LoadedConfig>,
    today: Date,
    timeline: bool,
) -> Option<Entry> {
    let limits = config.map_or_else(retrospec_check::Limits::default, |c| c.config.limits);
    let bytes = match crate::read::read_capped(path, &limits) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(too_large)) => {
            return Some(insights::unreadable(
                name,
                format!("{}: {}", too_large.code, too_large.message),
            ));
        }
        Err(e) => {
            return Some(insights::unreadable(
                name,
                format!("cannot read the file: {e}"),
            ));
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Some(insights::unreadable(
            name,
            "the file is not valid UTF-8".to_string(),
        ));
    };
    if !files::is_report(format, &text, explicit) {
        return None;
    }
    let checked = crate::check::check_text(&text, format, config, None);
    let default = Config::default();
    let config = config.map_or(&default, |c| &c.config);
    Some(insights::entry(name, &checked, config, today, timeline))
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 26] = [
    "path",
    "id",
    "title",
    "status",
    "severity",
    "services",
    "tags",
    "detection",
    "trigger",
    "date",
    "month",
    "quarter",
    "time_to_detect_seconds",
    "time_to_acknowledge_seconds",
    "time_to_mitigate_seconds",
    "time_to_resolve_seconds",
    "action_items",
    "done",
    "open",
    "overdue",
    "errors",
    "warnings",
    "infos",
    "problem",
    "today",
    "version",
];

/// One row per report (problems included), RFC 4180 quoting, `;` between the
/// services or tags of one report, empty cells for missing values.
fn csv(figures: &Figures, w: &mut dyn Write) -> io::Result<()> {
    let mut out = String::new();
    push_record(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_string()));
    w.write_all(out.as_bytes())?;
    let opt = |v: Option<i64>| v.map_or_else(String::new, |v| v.to_string());
    for r in &figures.reports {
        out.clear();
        push_record(
            &mut out,
            [
                r.path.clone(),
                r.id.clone().unwrap_or_default(),
                r.title.clone(),
                r.status.unwrap_or_default().to_string(),
                r.severity.clone().unwrap_or_default(),
                r.services.join(";"),
                r.tags.join(";"),
                r.detection.unwrap_or_default().to_string(),
                r.trigger.clone().unwrap_or_default(),
                r.date.clone().unwrap_or_default(),
                r.month().unwrap_or_default(),
                r.quarter().unwrap_or_default(),
                opt(r.time_to_detect),
                opt(r.time_to_acknowledge),
                opt(r.time_to_mitigate),
                opt(r.time_to_resolve),
                r.action_items.to_string(),
                r.done.to_string(),
                r.open.to_string(),
                r.overdue.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
                r.problem.clone().unwrap_or_default(),
                figures.today.clone(),
                figures.version.to_string(),
            ]
            .into_iter(),
        );
        w.write_all(out.as_bytes())?;
    }
    Ok(())
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A leading =, +, - or @ is left as written: the cells are data, and
        // changing them would change the data (spreadsheets may warn on open).
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// The directory links in the page are relative to: the output file's, or the
/// current directory's.
fn link_base(output: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let dir = output
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| cwd.clone(), |p| cwd.join(p));
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// `path` (as given, relative to the current directory) as a relative URL from
/// `base`, with `/` separators and each segment percent-encoded.
fn relative_link(base: &Path, path: &str) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = cwd.join(path);
    let target = absolute
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .and_then(|p| absolute.file_name().map(|n| p.join(n)))
        .unwrap_or(absolute);
    let from: Vec<_> = base.components().collect();
    let to: Vec<_> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut segments: Vec<String> = vec!["..".to_string(); from.len() - common];
    segments.extend(to[common..].iter().map(|c| {
        percent_encoding::utf8_percent_encode(
            &c.as_os_str().to_string_lossy(),
            percent_encoding::NON_ALPHANUMERIC,
        )
        .to_string()
        .replace("%2E", ".")
        .replace("%2D", "-")
        .replace("%5F", "_")
    }));
    segments.join("/")
}
