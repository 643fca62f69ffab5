//! Per-code fixtures, checked in process: `tests/fixtures/<CODE>/fires*.*` must
//! report `<CODE>`, `passes*.*` must report nothing. The findings of each `fires`
//! fixture are a snapshot (`tests/snapshots/`, in the compact rendering of
//! `support::render`). A `.toml` fixture is a `retrospec.toml`: it is read as
//! `retrospec check --config FILE` reads it, and a report that is clean under the
//! defaults ([`CONFIG_REPORT`]) is checked under it.
//!
//! The command line's own output of a few of these fixtures is tested end to end in
//! `crates/retrospec-cli/tests/human_output.rs`.

mod support;

use retrospec_check::{codes, registry};
use support::{check_file, relative, root};

/// The report the `.toml` fixtures are checked with: clean under the defaults.
const CONFIG_REPORT: &str = "examples/minimal.yaml";

/// What checking a fixture finds: a report as it is, a clean report under a configuration.
fn check_fixture(file: &str) -> Vec<support::FileFindings> {
    if file.ends_with(".toml") {
        check_file(CONFIG_REPORT, Some(file))
    } else {
        check_file(file, None)
    }
}

#[test]
fn fixtures() {
    let mut checked = 0;
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
        let files = check_fixture(&file);
        let found = support::codes(&files);
        if stem.starts_with("fires") {
            assert!(
                found.contains(&code),
                "{file} should report {code}, reported {found:?}"
            );
            insta::assert_snapshot!(support::render(&files));
        } else if stem.starts_with("passes") {
            assert!(
                found.is_empty(),
                "{file} should report nothing, reported {found:?}"
            );
        } else {
            panic!("{file}: fixtures are named fires.* or passes.*");
        }
        checked += 1;
    });
    // `INSTA_GLOB_FILTER` (insta's) may narrow the run to a few fixtures on purpose.
    if std::env::var_os("INSTA_GLOB_FILTER").is_none() {
        assert!(checked >= 150, "only {checked} fixtures found");
    }
}

#[test]
fn every_code_has_fixtures() {
    let dir = root().join("tests/fixtures");
    for info in registry::ALL {
        if info.code == codes::UNREADABLE.code {
            continue; // a file that cannot be read: the CLI's end-to-end tests (invalid UTF-8)
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

/// No snapshot outlives its input: a renamed or deleted fixture or free-form report
/// must take its snapshot with it (what `cargo insta test --unreferenced reject`
/// checks), and a `passes` fixture has none (it reports nothing).
#[test]
fn no_orphaned_snapshots() {
    let root = root();
    let dir = root.join("crates/retrospec-check/tests/snapshots");
    // None yet: the first run of `fixtures` makes the directory.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((test, input)) = name.strip_suffix(".snap").and_then(|n| n.split_once('@')) else {
            continue; // a snapshot of a single test, named after it
        };
        let input = match test {
            "fixtures__fixtures" => {
                let input = input.replacen("__", "/", 1);
                assert!(
                    input
                        .split('/')
                        .nth(1)
                        .is_some_and(|f| f.starts_with("fires")),
                    "{name}: only `fires` fixtures have snapshots; delete it"
                );
                root.join("tests/fixtures").join(input)
            }
            "freeform__freeform_findings" => root.join("tests/freeform").join(input),
            "seeds__seed_snapshots" => root.join("tests/seeds").join(input),
            other => panic!("{name}: unknown glob snapshot family {other}"),
        };
        assert!(
            input.exists(),
            "{name} has no input {}; delete the snapshot",
            input.display()
        );
    }
}
