//! Reports read as written (`tests/freeform/`: Markdown and plain text without
//! retrospec front matter, in the shapes of `docs/import.md`), checked in process:
//! their findings are snapshots (`tests/snapshots/`, in the rendering of
//! `support::render`). What `retrospec import` makes of them is tested with the
//! command line (`crates/retrospec-cli/tests/freeform.rs`).

mod support;

use support::{check_file, relative};

#[test]
fn freeform_findings() {
    let mut checked = 0;
    insta::glob!("../../../tests/freeform", "*.*", |path| {
        let file = relative(path);
        insta::assert_snapshot!(support::render(&check_file(&file, None)));
        checked += 1;
    });
    if std::env::var_os("INSTA_GLOB_FILTER").is_none() {
        assert!(checked >= 8, "only {checked} free-form reports found");
    }
}
