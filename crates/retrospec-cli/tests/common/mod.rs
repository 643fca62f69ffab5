//! Running the real `retrospec` binary from tests.

#![allow(dead_code)]

pub mod lsp;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// Runs `retrospec ARGS` in `dir` with colour off.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_retrospec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the retrospec binary runs")
}

/// Runs `retrospec ARGS` at the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// `retrospec check --format json PATH` parsed.
pub fn json_report(path: &str) -> serde_json::Value {
    let output = run(&["check", "--format", "json", path]);
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// The codes reported for `path`.
pub fn codes(path: &str) -> Vec<String> {
    json_report(path)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A path relative to the repository root, with forward slashes.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
