//! What the core's snapshot tests share: a report checked in process as
//! `retrospec check [--config TOML] FILE` checks it ([`check_file`]), and the one
//! compact rendering of diagnostics their snapshots hold ([`render`]).
//!
//! The rendering is for reviewing a snapshot's diff, not for users (the command
//! line's miette output is theirs, and one end-to-end test in the CLI crate keeps a
//! few of its snapshots): one line per finding with its code, severity, place
//! (`line:column-line:column`, columns in characters, computed from the byte span)
//! and message, then the text it covers, its labels, help and fix edits, indented.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use retrospec_check::resolve::{FileSystem, Resolver, Strategy};
use retrospec_check::{Analysis, Config, Diagnostic, Format, LineIndex, Span};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// `path` relative to the repository root, with forward slashes.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every `.rs` file under `dir`, recursively, sorted.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a directory").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// The workspace's sources, as the source-reading tests (`rooms.rs`,
/// `typed_pointers.rs`) read them: every `.rs` file under `crates/*/src`, as (its
/// path relative to the repository root, its text), sorted by path.
pub fn workspace_sources() -> Vec<(String, String)> {
    let root = root();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join("crates"))
        .expect("crates")
        .flatten()
    {
        let src = entry.path().join("src");
        if src.is_dir() {
            files.extend(rust_files(&src));
        }
    }
    files.sort();
    assert!(files.len() > 50, "{} source files", files.len());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file");
            (relative(&path), text)
        })
        .collect()
}

/// The text a build without tests compiles: no comments, no `#[cfg(test)]` items.
pub fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            // Skip the item: one line, or up to its closing brace in column 0 (or the
            // indentation it started at).
            let Some(item) = lines.next() else { break };
            let indent = item.len() - item.trim_start().len();
            if item.trim_end().ends_with('{') {
                let close = format!("{}}}", &item[..indent]);
                for l in lines.by_ref() {
                    if l.trim_end() == close {
                        break;
                    }
                }
            }
            continue;
        }
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The disk, for the resolver (the CLI reads through `retrospec-fs::OsFs`, which
/// adds the bounds and the regular-file check these test inputs do not need).
struct Disk;

impl FileSystem for Disk {
    fn canonicalize(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }
    fn exists(&self, path: &Path) -> bool {
        path.symlink_metadata().is_ok()
    }
    fn read_text(&self, path: &Path, _cap: u64) -> io::Result<String> {
        std::fs::read_to_string(path)
    }
}

/// One file of a check's output: its path as given, its text and its findings.
pub struct FileFindings {
    /// Relative to the repository root.
    pub path: String,
    /// The text the spans point into.
    pub text: String,
    /// The findings, in the check's order.
    pub diagnostics: Vec<Diagnostic>,
}

/// What `retrospec check [--config CONFIG] REPORT` finds, in process (both paths
/// relative to the repository root): with a configuration, its mistakes first as a
/// file of their own (when it has any, as the command line shows them), then the
/// report checked under it. The configuration is read by the resolver the command
/// line's `--config` uses (`Strategy::Fixed`).
pub fn check_file(report: &str, config: Option<&str>) -> Vec<FileFindings> {
    let root = root();
    let mut out = Vec::new();
    let mut under = Config::default();
    if let Some(config) = config {
        let path = root.join(config);
        let resolver = Resolver::new(Disk, Strategy::Fixed(path.clone()), Some(root.clone()));
        let loaded = resolver
            .for_file(&root.join(report))
            .unwrap_or_else(|e| panic!("{config}: {}", e.message))
            .expect("a fixed configuration");
        if !loaded.diagnostics.is_empty() {
            out.push(FileFindings {
                path: config.to_string(),
                text: loaded.text.clone(),
                diagnostics: loaded.diagnostics.clone(),
            });
        }
        under = loaded.config.clone();
    }
    let path = root.join(report);
    let format = Format::from_path(&path).unwrap_or_else(|| panic!("{report}: no known form"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{report}: {e}"));
    let analysis = Analysis::new(text, format, &under);
    out.push(FileFindings {
        path: report.to_string(),
        diagnostics: analysis.diagnostics().to_vec(),
        text: analysis.text().to_string(),
    });
    out
}

/// The codes found in every file, in order.
pub fn codes(files: &[FileFindings]) -> Vec<&'static str> {
    files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(|d| d.code))
        .collect()
}

/// The findings of every file with findings, each file under its path.
pub fn render(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for file in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        let _ = writeln!(out, "{}:", file.path);
        out.push_str(&render_diagnostics(&file.text, &file.diagnostics));
    }
    if out.is_empty() {
        out.push_str("no findings\n");
    }
    out
}

/// The compact rendering of `diagnostics`, whose spans are byte offsets into `text`.
pub fn render_diagnostics(text: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let place = |span: Span| {
        let (start, end) = (
            index.line_col(text, span.start),
            index.line_col(text, span.end),
        );
        format!(
            "{}:{}-{}:{}",
            start.line, start.column, end.line, end.column
        )
    };
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(
            out,
            "{} {} {} {}",
            d.code,
            d.severity.as_str(),
            place(d.span),
            d.message
        );
        let _ = writeln!(out, "    text: {}", excerpt(d.span.slice(text)));
        for label in &d.labels {
            let _ = writeln!(
                out,
                "    label {} {}: {}",
                place(label.span),
                excerpt(label.span.slice(text)),
                label.message
            );
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
        if let Some(fix) = &d.fix {
            let safety = if fix.safe { "safe" } else { "unsafe" };
            let _ = writeln!(out, "    fix ({safety}): {}", fix.message);
            for edit in &fix.edits {
                let _ = writeln!(
                    out,
                    "      {} {} -> {:?}",
                    place(edit.span),
                    excerpt(edit.span.slice(text)),
                    edit.replacement
                );
            }
        }
    }
    out
}

/// The text a span covers, quoted on one line, its middle left out past 60 characters.
fn excerpt(covered: &str) -> String {
    const KEEP: usize = 30;
    let count = covered.chars().count();
    if count <= 2 * KEEP {
        return format!("{covered:?}");
    }
    let head: String = covered.chars().take(KEEP).collect();
    let tail: String = covered.chars().skip(count - KEEP).collect();
    format!("{head:?}…{tail:?} ({count} characters)")
}

// ---- What the generated-variant tests share (variants.rs, span_variants.rs, ...) ----

/// One finding of a free-form Markdown report checked with the default
/// configuration: its code, message and the text its span covers.
#[derive(Debug, Clone)]
pub struct Found {
    pub code: &'static str,
    pub message: String,
    pub covered: String,
}

impl Found {
    /// `CODE message`.
    pub fn line(&self) -> String {
        format!("{} {}", self.code, self.message)
    }

    /// `CODE message [covered text]`.
    pub fn line_covering(&self) -> String {
        format!("{} {} [{}]", self.code, self.message, self.covered)
    }
}

/// The findings of `text`, read as a free-form Markdown report.
pub fn found(text: &str) -> Vec<Found> {
    let analysis = Analysis::new(text.to_string(), Format::Markdown, &Config::default());
    analysis
        .diagnostics()
        .iter()
        .map(|d| Found {
            code: d.code,
            message: d.message.to_string(),
            covered: text
                .get(d.span.start..d.span.end)
                .unwrap_or_default()
                .to_string(),
        })
        .collect()
}

/// The findings of `text` with one of `codes`, as `CODE message`.
pub fn lines(text: &str, codes: &[&str]) -> Vec<String> {
    found(text)
        .iter()
        .filter(|f| codes.contains(&f.code))
        .map(Found::line)
        .collect()
}

/// The findings of `text` with one of `codes`, as `CODE message [covered text]`.
pub fn lines_covering(text: &str, codes: &[&str]) -> Vec<String> {
    found(text)
        .iter()
        .filter(|f| codes.contains(&f.code))
        .map(Found::line_covering)
        .collect()
}

/// The texts the findings of `text` with `code` cover.
pub fn covered(text: &str, code: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| f.covered)
        .collect()
}

/// Whether `text` is reported with `code`.
pub fn has(text: &str, code: &str) -> bool {
    found(text).iter().any(|f| f.code == code)
}

/// Whether `text` is reported with `code` on text containing `what`.
pub fn covers(text: &str, code: &str, what: &str) -> bool {
    found(text)
        .iter()
        .any(|f| f.code == code && f.covered.contains(what))
}

/// The timeline entries `text` is read with, as (time, text).
pub fn timeline(text: &str) -> Vec<(String, String)> {
    let checked = retrospec_check::check_with(text, Format::Markdown, &Config::default());
    checked
        .model
        .expect("a model")
        .timeline
        .iter()
        .map(|e| (e.time.clone(), e.text.clone()))
        .collect()
}

/// `s` with its first letter upper-cased.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// One family of generated variants: how many were checked, the correct ones that
/// fired and the planted ones that were not found. [`Tally::check`] fails with the
/// first few of each, text included; with `VARIANTS_DUMP=DIR` it also writes them
/// all to `DIR/<family>`.
#[derive(Default)]
pub struct Tally {
    pub family: String,
    pub correct: usize,
    pub planted: usize,
    pub false_alarms: Vec<String>,
    pub missed: Vec<String>,
}

impl Tally {
    pub fn new(family: &str) -> Self {
        Tally {
            family: family.to_string(),
            ..Tally::default()
        }
    }

    /// A correct variant: no finding with one of `codes`.
    pub fn silent(&mut self, label: &str, text: &str, codes: &[&str]) {
        self.correct += 1;
        let hits = lines_covering(text, codes);
        if !hits.is_empty() {
            self.false_alarms
                .push(format!("{label}: {}\n{text}", hits.join(" | ")));
        }
    }

    /// A planted variant: some finding with one of `codes`.
    pub fn fires(&mut self, label: &str, text: &str, codes: &[&str]) {
        self.planted += 1;
        if !found(text).iter().any(|f| codes.contains(&f.code)) {
            self.missed.push(format!("{label}\n{text}"));
        }
    }

    /// A planted variant: a finding with one of `codes` whose `CODE message` names
    /// `bound` (the length or time the report's own text gives).
    pub fn naming(&mut self, label: &str, text: &str, codes: &[&str], bound: &str) {
        self.planted += 1;
        let all = found(text);
        if !all
            .iter()
            .any(|f| codes.contains(&f.code) && f.line().contains(bound))
        {
            let lines: Vec<String> = all.iter().map(Found::line_covering).collect();
            self.missed.push(format!(
                "{label} (want `{bound}`): {}\n{text}",
                lines.join(" | ")
            ));
        }
    }

    /// A planted variant that must be exactly one finding with one of `codes`.
    pub fn once(&mut self, label: &str, text: &str, codes: &[&str]) {
        self.planted += 1;
        let hits = lines_covering(text, codes);
        if hits.len() != 1 {
            self.missed.push(format!(
                "{label} ({} findings: {})\n{text}",
                hits.len(),
                hits.join(" | ")
            ));
        }
    }

    /// Fails when a correct variant fired, a planted one was missed, or the family
    /// has no correct variants.
    pub fn check(self) {
        self.report();
        assert!(self.correct > 0, "{}: no variants", self.family);
    }

    /// [`Tally::check`], and the family must have planted variants too.
    pub fn check_both(self) {
        self.report();
        assert!(
            self.correct > 0 && self.planted > 0,
            "{}: no variants",
            self.family
        );
    }

    fn report(&self) {
        eprintln!(
            "{}: {} correct variants ({} fired), {} planted ({} missed)",
            self.family,
            self.correct,
            self.false_alarms.len(),
            self.planted,
            self.missed.len()
        );
        if let Some(dir) = std::env::var_os("VARIANTS_DUMP") {
            let all = format!(
                "{}\n=== missed\n{}",
                self.false_alarms.join("\n=====\n"),
                self.missed.join("\n=====\n")
            );
            let _ = std::fs::write(Path::new(&dir).join(self.family.replace(' ', "-")), all);
        }
        let mut message = String::new();
        for f in self.false_alarms.iter().take(6) {
            message.push_str(&format!("\n--- false alarm: {f}\n"));
        }
        for m in self.missed.iter().take(4) {
            message.push_str(&format!("\n--- planted, not found: {m}\n"));
        }
        assert!(
            self.false_alarms.is_empty() && self.missed.is_empty(),
            "{}: {} of {} correct variants fired, {} of {} planted missed{message}",
            self.family,
            self.false_alarms.len(),
            self.correct,
            self.missed.len(),
            self.planted
        );
    }
}
