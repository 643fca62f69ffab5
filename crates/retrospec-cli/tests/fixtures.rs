//! Per-code fixtures: `tests/fixtures/<CODE>/fires.*` must report `<CODE>`,
//! `passes.*` must report nothing; the rendered diagnostics are snapshots.

mod common;

use common::{codes, relative, run, stdout};

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
        let found = codes(&file);
        if stem.starts_with("fires") {
            assert!(
                found.iter().any(|c| c == code),
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
        let output = run(&["check", "--color", "never", &file]);
        insta::assert_snapshot!(stdout(&output));
    });
}

#[test]
fn every_code_has_fixtures() {
    let dir = common::root().join("tests/fixtures");
    for info in retrospec_check::codes::ALL {
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
