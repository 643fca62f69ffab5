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

fn count() {
    CHECKS.fetch_add(1, Ordering::SeqCst);
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
    assert_eq!(CHECKS.load(Ordering::SeqCst), 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": "title: t2\nstatus: draft\n"}]}),
    );
    client.diagnostics(uri);
    assert_eq!(CHECKS.load(Ordering::SeqCst), 2);
    client.shutdown_and_exit();
}
