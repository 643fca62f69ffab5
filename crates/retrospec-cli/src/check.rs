//! `retrospec check`: read and check files in parallel, render in order.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;
use retrospec_check::config::PolicyMode;
use retrospec_check::metrics::Metric;
use retrospec_check::{Analysis, Config, Diagnostic, Format, Severity, Span, codes};

use crate::files::{self, Configs, LoadedConfig, Target};
use crate::render;
use crate::{CheckArgs, Color, OutputFormat, SchemaArgs};

/// One checked file, or a configuration file with mistakes.
pub struct FileResult {
    pub path: PathBuf,
    /// The report's form; `None` for a `retrospec.toml`.
    pub format: Option<Format>,
    /// The configuration the report was checked under.
    pub config: Option<Arc<LoadedConfig>>,
    /// The text, when it could be read as UTF-8 and has findings (kept for snippets and fixes).
    pub text: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// The metrics derived from the milestones (empty when none can be computed).
    pub metrics: Vec<Metric>,
    /// The durations the report states and how each was compared (`--format json`).
    pub claims: Vec<retrospec_check::claims::Claim>,
    /// Whether reading the file failed (an I/O error, exit code 2).
    pub io_error: bool,
    /// How a report without retrospec front matter was read (free-form).
    pub reading: Option<retrospec_check::parse::freeform::Reading>,
}

impl FileResult {
    /// The findings of a `retrospec.toml`, shown like a report's.
    fn of_config(loaded: &LoadedConfig) -> FileResult {
        FileResult {
            path: loaded.path.clone(),
            format: None,
            config: None,
            metrics: Vec::new(),
            claims: Vec::new(),
            text: Some(loaded.text.clone()),
            diagnostics: loaded.diagnostics.clone(),
            io_error: false,
            reading: None,
        }
    }
}

/// Which findings fail the check (exit 1).
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Warnings fail like errors.
    pub deny_warnings: bool,
    /// More warnings than this fail the check.
    pub max_warnings: Option<usize>,
}

impl Policy {
    /// Whether this one finding fails the check by itself.
    pub fn fails(self, d: &Diagnostic) -> bool {
        d.severity == Severity::Error || (self.deny_warnings && d.severity == Severity::Warning)
    }

    /// Whether the findings as a whole fail the check.
    pub fn failed(self, results: &[FileResult]) -> bool {
        let all = || results.iter().flat_map(|r| &r.diagnostics);
        let warnings = all().filter(|d| d.severity == Severity::Warning).count();
        all().any(|d| self.fails(d)) || self.max_warnings.is_some_and(|max| warnings > max)
    }
}

/// Exit codes: 0 nothing fails, 1 findings that fail (see [`Policy`]), 2 usage or
/// I/O error, or a `retrospec.toml` with mistakes (reported like report diagnostics).
pub fn run(args: &CheckArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let (configs, targets) =
        match files::gather(&args.paths, args.no_config, args.config.as_deref()) {
            Ok(gathered) => gathered,
            Err(code) => return Ok(code),
        };
    let mut io_error = false;
    let bar = crate::progress::for_files(targets.len());
    // Files a directory walk found that do not look like postmortems (named once
    // on stderr at the end, so a report written in an unusual shape is not
    // skipped silently).
    let skipped = std::sync::Mutex::new(Vec::<PathBuf>::new());
    let one = |target: &Target| {
        let Some(file) = files::select(&configs, target)? else {
            return Ok(None);
        };
        let result = check_file(
            file.path,
            file.format,
            file.explicit && !args.require_front_matter,
            file.config,
            policy_mode(args),
        );
        if result.is_none() && !file.explicit {
            skipped
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(file.path.to_path_buf());
        }
        Ok(result)
    };
    if streams(args) {
        let code = stream(args, &configs, &targets, &one, &bar, out);
        bar.finish_and_clear();
        note_skipped(args, skipped);
        return code;
    }
    let results: Vec<Result<Option<FileResult>, (PathBuf, String)>> = if targets.len() == 1 {
        // One file (the pre-commit case): no thread pool, whose idle workers only
        // spin (8.9 -> 7.2 ms median for one YAML report). Compiling the rules'
        // patterns on a second thread meanwhile was tried and was slower (9.0 ms):
        // its page faults and malloc arena cost more than the overlap saved.
        targets.iter().map(one).collect()
    } else {
        targets
            .par_iter()
            .map(one)
            .inspect(|_| bar.inc(1))
            .collect()
    };
    bar.finish_and_clear();
    io_error |= report_problems(&targets);
    let (mut results, problem) = Gather::new(&configs).batch(results);
    io_error |= problem;
    if args.fix || args.diff {
        io_error |= apply_fixes(&mut results, args, out)?;
    }
    io_error |= results.iter().any(|r| r.io_error);
    let warnings = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| d.severity == Severity::Warning)
        .count();
    // Past --max-warnings every warning fails: --quiet then shows them and
    // JUnit marks them as failures, so the output explains the exit code.
    let exceeded = args.max_warnings.is_some_and(|max| warnings > max);
    if let (true, Some(max)) = (exceeded, args.max_warnings) {
        let noun = if warnings == 1 { "warning" } else { "warnings" };
        eprintln!("retrospec: {warnings} {noun}, more than --max-warnings {max}");
    }
    let policy = Policy {
        deny_warnings: args.deny_warnings || exceeded,
        max_warnings: args.max_warnings,
    };
    let failed = policy.failed(&results);
    if args.quiet {
        for result in &mut results {
            result.diagnostics.retain(|d| policy.fails(d));
        }
    }
    match args.format {
        OutputFormat::Human => {
            let color = color(args);
            if args.quiet {
                render::findings(out, &results, color)?;
            } else {
                render::human(out, &results, color)?;
            }
        }
        OutputFormat::Json => render::json(out, &results)?,
        OutputFormat::Sarif => {
            let cwd = std::env::current_dir()?;
            render::sarif(out, &results, &cwd)?;
        }
        OutputFormat::Github => render::github(out, &results)?,
        OutputFormat::Junit => render::junit(out, &results, policy)?,
    }
    note_skipped(args, skipped);
    Ok(exit_code(io_error, failed))
}

/// Says once on stderr, in the human format (not with `--quiet`), which files a
/// directory walk left out because they do not look like postmortems.
fn note_skipped(args: &CheckArgs, skipped: std::sync::Mutex<Vec<PathBuf>>) {
    let mut paths = skipped
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if args.format != OutputFormat::Human || args.quiet {
        return;
    }
    if let Some(line) = files::skipped_note(&mut paths) {
        eprintln!("retrospec: {line}");
    }
}

/// Whether to render a chunk of files at a time and drop it (see [`stream`]):
/// human and GitHub output, which need nothing of other files but the counts,
/// unless `--fix`/`--diff` (rewrites after all checks) or `--max-warnings` (whether
/// warnings fail is known only after the last file). JSON, SARIF and JUnit are one
/// document each and collect everything first.
fn streams(args: &CheckArgs) -> bool {
    matches!(args.format, OutputFormat::Human | OutputFormat::Github)
        && !args.fix
        && !args.diff
        && args.max_warnings.is_none()
}

/// Files checked and rendered in chunks, in order.
const CHUNK: usize = 1024;

/// `check` for [`streams`]: each chunk of files is checked in parallel, rendered in
/// order and dropped, so memory follows the chunk and the largest file, not every
/// file with findings (100,000 small reports, each with a missing section, held
/// 414 MiB when all were kept for the end). A configuration with mistakes is shown
/// once, before the first report checked under it.
fn stream(
    args: &CheckArgs,
    configs: &Configs,
    targets: &[Target],
    one: &(impl Fn(&Target) -> Result<Option<FileResult>, (PathBuf, String)> + Sync),
    bar: &indicatif::ProgressBar,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let policy = Policy {
        deny_warnings: args.deny_warnings,
        max_warnings: None,
    };
    let color = color(args);
    let mut totals = render::Totals::default();
    let (mut failed, mut io_error) = (false, false);
    let mut gather = Gather::new(configs);
    let check = |chunk: &[Target]| -> Vec<Result<Option<FileResult>, (PathBuf, String)>> {
        if targets.len() == 1 {
            chunk.iter().map(one).collect()
        } else {
            chunk.par_iter().map(one).inspect(|_| bar.inc(1)).collect()
        }
    };
    // While one chunk is rendered (into a buffer, on one core), the next is checked.
    let render = |batch: Vec<FileResult>| -> io::Result<Vec<u8>> {
        let mut buffer = Vec::new();
        match args.format {
            OutputFormat::Github => render::github(&mut buffer, &batch)?,
            _ => render::findings(&mut buffer, &batch, color)?,
        }
        Ok(buffer)
    };
    let mut chunks = targets.chunks(CHUNK);
    let mut next = chunks.next().map(check);
    let mut rendering: Option<Vec<FileResult>> = None;
    loop {
        let Some(results) = next.take() else { break };
        // Only when there is both something to render and more to check: a single
        // chunk (one file, the pre-commit case) never starts the thread pool.
        let (rendered, following) = if rendering.is_some() && chunks.len() > 0 {
            rayon::join(
                || rendering.take().map(render).transpose(),
                || chunks.next().map(check),
            )
        } else {
            (
                rendering.take().map(render).transpose(),
                chunks.next().map(check),
            )
        };
        if let Some(bytes) = rendered? {
            bar.suspend(|| out.write_all(&bytes))?;
        }
        next = following;
        let (mut batch, problem) = gather.batch(results);
        io_error |= problem;
        io_error |= batch.iter().any(|r| r.io_error);
        failed |= batch
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| policy.fails(d));
        totals.add(&batch);
        if args.quiet {
            for result in &mut batch {
                result.diagnostics.retain(|d| policy.fails(d));
            }
        }
        rendering = Some(batch);
    }
    if let Some(batch) = rendering {
        let bytes = render(batch)?;
        bar.suspend(|| out.write_all(&bytes))?;
    }
    io_error |= report_problems(targets);
    if args.format == OutputFormat::Human && !args.quiet {
        writeln!(out, "{}", totals.line())?;
    }
    Ok(exit_code(io_error, failed))
}

/// Turns per-file outcomes into results to render: an unreadable configuration is
/// reported on stderr once, and each configuration with mistakes is shown once, as
/// a file of its own, before the first report checked under it.
struct Gather {
    forced: Option<Arc<LoadedConfig>>,
    shown: Vec<PathBuf>,
    unreadable: Vec<(PathBuf, String)>,
}

impl Gather {
    fn new(configs: &Configs) -> Self {
        Gather {
            forced: configs.forced().cloned(),
            shown: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// The results of `outcomes` (in order, configurations first), and whether a
    /// configuration could not be read or has mistakes (exit code 2).
    fn batch(
        &mut self,
        outcomes: Vec<Result<Option<FileResult>, (PathBuf, String)>>,
    ) -> (Vec<FileResult>, bool) {
        let mut problem = false;
        let mut checked = Vec::new();
        for outcome in outcomes {
            match outcome {
                Ok(r) => checked.extend(r),
                Err(unreadable) => {
                    if !self.unreadable.contains(&unreadable) {
                        eprintln!(
                            "retrospec: {}: cannot read the configuration: {}",
                            crate::escape::path(&unreadable.0),
                            unreadable.1
                        );
                        self.unreadable.push(unreadable);
                        problem = true;
                    }
                }
            }
        }
        let mut batch = Vec::new();
        for loaded in self
            .forced
            .iter()
            .chain(checked.iter().filter_map(|r| r.config.as_ref()))
        {
            if loaded.diagnostics.is_empty() || self.shown.contains(&loaded.path) {
                continue;
            }
            problem = true;
            self.shown.push(loaded.path.clone());
            batch.push(FileResult::of_config(loaded));
        }
        batch.extend(checked);
        (batch, problem)
    }
}

/// Paths that could not be walked, on stderr; whether there were any.
fn report_problems(targets: &[Target]) -> bool {
    let mut any = false;
    for target in targets {
        if let Target::Problem { path, message } = target {
            eprintln!("retrospec: {}: {message}", crate::escape::path(path));
            any = true;
        }
    }
    any
}

/// 2 for a usage, I/O or configuration error, 1 for findings that fail, else 0.
fn exit_code(io_error: bool, failed: bool) -> ExitCode {
    if io_error {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether human output is coloured.
fn color(args: &CheckArgs) -> bool {
    match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn check_file(
    path: &std::path::Path,
    format: Format,
    explicit: bool,
    config: Option<Arc<LoadedConfig>>,
    policy: Option<PolicyMode>,
) -> Option<FileResult> {
    let limits = config
        .as_deref()
        .map_or_else(retrospec_check::Limits::default, |c| c.config.limits);
    let bytes = match crate::read::read_capped(path, &limits) {
        Ok(Ok(b)) => b,
        Ok(Err(too_large)) => {
            return Some(FileResult {
                path: path.to_path_buf(),
                format: Some(format),
                config,
                text: None,
                diagnostics: vec![too_large],
                metrics: Vec::new(),
                claims: Vec::new(),
                io_error: false,
                reading: None,
            });
        }
        Err(e) => {
            return Some(FileResult {
                path: path.to_path_buf(),
                format: Some(format),
                config,
                text: None,
                diagnostics: vec![Diagnostic::new(
                    &codes::UNREADABLE,
                    Span::empty(0),
                    format!("cannot read the file: {e}"),
                )],
                metrics: Vec::new(),
                claims: Vec::new(),
                io_error: true,
                reading: None,
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
                format: Some(format),
                config,
                text: None,
                diagnostics: vec![
                    Diagnostic::new(
                        &codes::UNREADABLE,
                        Span::new(at, at + 1),
                        format!(
                            "the file is not valid UTF-8 (byte {at}, line {line}, column {column})"
                        ),
                    )
                    .with_help("save the file as UTF-8"),
                ],
                metrics: Vec::new(),
                claims: Vec::new(),
                io_error: false,
                reading: None,
            });
        }
    };
    if !files::is_report(format, &text, explicit) {
        return None;
    }
    let checked = check_text(&text, format, config.as_deref(), policy);
    // Only a file with findings needs its text again (snippets, --fix): dropping the
    // others keeps memory in proportion to the findings, not to every file read.
    let text = (!checked.diagnostics.is_empty() || !checked.claims.is_empty()).then_some(text);
    Some(FileResult {
        path: path.to_path_buf(),
        format: Some(format),
        config,
        text,
        diagnostics: checked.diagnostics,
        metrics: checked.metrics,
        claims: checked.claims,
        io_error: false,
        reading: checked.parsed.and_then(|p| p.freeform),
    })
}

/// `--policy`, when given.
fn policy_mode(args: &CheckArgs) -> Option<PolicyMode> {
    args.policy.map(|p| match p {
        crate::PolicyArg::Summary => PolicyMode::Summary,
        crate::PolicyArg::Full => PolicyMode::Full,
    })
}

/// Checks a report's text under its configuration (the defaults without one);
/// `policy` (`--policy`) replaces the configured policy mode.
pub fn check_text(
    text: &str,
    format: Format,
    config: Option<&LoadedConfig>,
    policy: Option<PolicyMode>,
) -> retrospec_check::Checked {
    if let Some(mode) = policy {
        let mut config = config.map(|c| c.config.clone()).unwrap_or_default();
        config.policy = mode;
        return Analysis::new(text, format, &config).into_checked();
    }
    let analysis = match config {
        Some(loaded) => Analysis::new(text, format, &loaded.config),
        None => Analysis::new(text, format, &Config::default()),
    };
    analysis.into_checked()
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
        let (Some(text), Some(format)) = (&result.text, result.format) else {
            continue;
        };
        let Some(fixed) = retrospec_check::fix::apply_safe(text, &result.diagnostics) else {
            continue;
        };
        let after = check_text(&fixed, format, result.config.as_deref(), policy_mode(args));
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
                        crate::escape::path(&result.path)
                    );
                    result.diagnostics = after.diagnostics;
                    result.metrics = after.metrics;
                    result.claims = after.claims;
                    result.text = Some(fixed);
                }
                Err(e) => {
                    eprintln!("retrospec: {}: {e}", crate::escape::path(&result.path));
                    failed = true;
                }
            }
        }
    }
    Ok(failed)
}

/// `retrospec schema`: the published schema, the schema specialised to a
/// configuration's severity scale (`--config [PATH]`), or the configuration's
/// own schema (`--config-schema`). A configuration with mistakes is reported on
/// stderr's behalf like `check` does, and exits 2.
pub fn schema(args: &SchemaArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    if args.config_schema {
        write!(out, "{}", retrospec_check::config::config_schema_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(config) = &args.config else {
        write!(
            out,
            "{}",
            retrospec_model::schema::postmortem_schema_string()
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    let found = match config {
        Some(path) => Configs::fixed(path).map(|c| c.forced().cloned()),
        // A file in the current directory: discovery starts in its directory.
        None => Configs::discover().for_file(&PathBuf::from(files::CONFIG_FILE)),
    };
    let loaded = match found {
        Ok(Some(loaded)) => loaded,
        Ok(None) => {
            eprintln!(
                "retrospec: no {} in the current directory or above it",
                files::CONFIG_FILE
            );
            return Ok(ExitCode::from(2));
        }
        Err((path, e)) => {
            eprintln!(
                "retrospec: {}: cannot read the configuration: {e}",
                crate::escape::path(&path)
            );
            return Ok(ExitCode::from(2));
        }
    };
    if !loaded.diagnostics.is_empty() {
        let result = FileResult::of_config(&loaded);
        let mut rendered = Vec::new();
        render::human(&mut rendered, &[result], false)?;
        io::stderr().write_all(&rendered)?;
        return Ok(ExitCode::from(2));
    }
    let schema = retrospec_check::validate::schema_for(&loaded.config.severity);
    let mut text = serde_json::to_string_pretty(&schema).map_err(io::Error::other)?;
    text.push('\n');
    write!(out, "{text}")?;
    Ok(ExitCode::SUCCESS)
}
