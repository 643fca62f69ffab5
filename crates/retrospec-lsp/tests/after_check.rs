//! The hook a binary sets to run after every check (`retrospec lsp` gives its
//! allocator's free memory back there); in its own test binary, since the hook is
//! set once per process.

// This test needs only the client, not the helpers `common` re-exports.
#[allow(unused_imports)]
mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;

use common::Client;

static CHECKS: AtomicUsize = AtomicUsize::new(0);
/// How many of them were of a document just opened.
static OPENED: AtomicUsize = AtomicUsize::new(0);

fn count(opened: bool) {
    OPENED.fetch_add(usize::from(opened), Ordering::SeqCst);
    CHECKS.fetch_add(1, Ordering::SeqCst);
}

/// Waits (at most 10 s) until `n` checks have run the hook: it runs while the
/// result is published, so it may end after the diagnostics arrive.
fn checks_reach(n: usize) -> usize {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while CHECKS.load(Ordering::SeqCst) < n && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    CHECKS.load(Ordering::SeqCst)
}

#[test]
fn the_hook_runs_after_every_check() {
    retrospec_lsp::after_check(count);
    let mut client = Client::initialized();
    let uri = "file:///tmp/report.yaml";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": "title: t\nstatus: draft\n"}}),
    );
    client.diagnostics(uri);
    assert_eq!(checks_reach(1), 1);
    assert_eq!(OPENED.load(Ordering::SeqCst), 1, "an open releases all");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": "title: t2\nstatus: draft\n"}]}),
    );
    client.diagnostics(uri);
    assert_eq!(checks_reach(2), 2);
    assert_eq!(OPENED.load(Ordering::SeqCst), 1, "an edit keeps its pages");
    client.shutdown_and_exit();
}
