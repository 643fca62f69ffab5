//! The binary's human output (miette) end to end, on a few representative reports:
//! an error with a fix, a warning, an info, each form (YAML, Markdown, JSON, a report
//! read as written) and a `retrospec.toml` with mistakes. What each rule finds on
//! every fixture is tested in process in the core
//! (`crates/retrospec-check/tests/fixtures.rs`, `freeform.rs`).

mod common;

use common::{run, stdout};

/// The report a `.toml` fixture is checked with (as in the core's fixture test).
const CONFIG_REPORT: &str = "examples/minimal.yaml";

/// The reports shown, relative to `tests/`.
const REPRESENTATIVE: &[&str] = &[
    // An error with a safe fix, in YAML.
    "fixtures/RS201/fires-fixable.yaml",
    // A warning, in Markdown.
    "fixtures/RS208/fires.md",
    // Infos, in JSON.
    "fixtures/RS404/fires.json",
    // A report read as written (plain text), its policy findings gathered.
    "freeform/blog-post.txt",
    // A `retrospec.toml` with mistakes, shown as a file of its own.
    "fixtures/RS502/fires.toml",
];

/// The snapshot's suffix for a report: its path under `tests/`, `/` as `__`.
fn suffix(report: &str) -> String {
    report.replace('/', "__")
}

#[test]
fn human_output() {
    for report in REPRESENTATIVE {
        let file = format!("tests/{report}");
        let args: Vec<&str> = if file.ends_with(".toml") {
            vec![
                "check",
                "--color",
                "never",
                "--config",
                &file,
                CONFIG_REPORT,
            ]
        } else {
            vec!["check", "--color", "never", &file]
        };
        let output = run(&args);
        assert!(!output.stdout.is_empty(), "{file}: no output");
        insta::with_settings!({snapshot_suffix => suffix(report), input_file => &file}, {
            insta::assert_snapshot!(stdout(&output));
        });
    }
}

/// No snapshot outlives its input: a report no longer shown here, must take its snapshot with it (what `cargo insta test --unreferenced
/// reject` checks).
#[test]
fn no_orphaned_snapshots() {
    let root = common::root();
    let dir = root.join("crates/retrospec-cli/tests/snapshots");
    for entry in std::fs::read_dir(&dir)
        .expect("snapshots directory")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((test, input)) = name.strip_suffix(".snap").and_then(|n| n.split_once('@')) else {
            continue; // a snapshot of a single test, named after it
        };
        match test {
            "human_output__human_output" => assert!(
                REPRESENTATIVE.iter().any(|r| suffix(r) == input),
                "{name} is not a report `human_output` shows; delete the snapshot"
            ),
            "fixtures__fixtures" | "freeform__freeform_findings" | "seeds__seed_snapshots" => {
                panic!(
                    "{name}: rule fixtures, free-form reports and seeds are snapshotted in the core \
                 (crates/retrospec-check/tests/snapshots/); delete this one"
                )
            }
            other => panic!("{name}: unknown glob snapshot family {other}"),
        }
    }
}
