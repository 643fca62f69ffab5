//! Per-code fixtures: `tests/fixtures/<CODE>/fires.*` must report `<CODE>`,
//! `passes.*` must report nothing; the rendered diagnostics are snapshots.
//! A `.toml` fixture is a `retrospec.toml`: it is given with `--config` to a check
//! of a report that is clean under the defaults ([`CONFIG_REPORT`]).

mod common;

use common::{relative, run, stdout};

/// The report the `.toml` fixtures are checked with: clean under the defaults.
const CONFIG_REPORT: &str = "examples/minimal.yaml";

/// The arguments that check a fixture: a report as it is, a configuration with a clean report.
fn fixture_args(file: &str) -> Vec<&str> {
    if file.ends_with(".toml") {
        vec!["--config", file, CONFIG_REPORT]
    } else {
        vec![file]
    }
}

#[test]
fn fixtures() {
    insta::glob!("../../../tests/fixtures", "*/*.*", |path| {
        let code = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .expect("fixture directory named by code");
        let file = relative(path);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let args = fixture_args(&file);
        let output = run(&[&["check", "--format", "json"], args.as_slice()].concat());
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("JSON output");
        let found: Vec<&str> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or_default())
            .collect();
        if stem.starts_with("fires") {
            assert!(
                found.contains(&code),
                "{file} should report {code}, reported {found:?}"
            );
        } else if stem.starts_with("passes") {
            assert!(
                found.is_empty(),
                "{file} should report nothing, reported {found:?}"
            );
        } else {
            panic!("{file}: fixtures are named fires.* or passes.*");
        }
        let output = run(&[&["check", "--color", "never"], args.as_slice()].concat());
        insta::assert_snapshot!(stdout(&output));
    });
}

#[test]
fn every_code_has_fixtures() {
    let dir = common::root().join("tests/fixtures");
    for info in retrospec_check::registry::ALL {
        if info.code == retrospec_check::codes::UNREADABLE.code {
            continue; // covered by the end-to-end tests (invalid UTF-8)
        }
        let entries: Vec<String> = std::fs::read_dir(dir.join(info.code))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            entries.iter().any(|e| e.starts_with("fires")),
            "{} has no fires fixture",
            info.code
        );
        assert!(
            entries.iter().any(|e| e.starts_with("passes")),
            "{} has no passes fixture",
            info.code
        );
    }
}

/// No snapshot outlives its input: a renamed or deleted fixture or seed must take
/// its snapshot with it (what `cargo insta test --unreferenced reject` checks).
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
        let input = match test {
            "fixtures__fixtures" => root
                .join("tests/fixtures")
                .join(input.replacen("__", "/", 1)),
            "seeds__seed_snapshots" => root.join("tests/seeds").join(input),
            "freeform__freeform_findings" => root.join("tests/freeform").join(input),
            other => panic!("{name}: unknown glob snapshot family {other}"),
        };
        assert!(
            input.exists(),
            "{name} has no input {}; delete the snapshot",
            input.display()
        );
    }
}
