//! The transcribed seed reports (`tests/seeds/`) keep their real mistakes; their
//! findings are snapshots (`tests/snapshots/`, in the rendering of
//! `support::render`), checked in process. Their key findings are asserted with
//! the command line (`crates/retrospec-cli/tests/seeds.rs`).

mod support;

use support::{check_file, relative};

#[test]
fn seed_snapshots() {
    insta::glob!("../../../tests/seeds", "*.md", |path| {
        let file = relative(path);
        insta::assert_snapshot!(support::render(&check_file(&file, None)));
    });
}
