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
