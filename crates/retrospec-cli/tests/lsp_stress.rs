//! The language server under stress, driven over stdio like an editor (and like
//! a broken editor): thousands of rapid edits, cancelled and out-of-order requests,
//! malformed JSON-RPC, unknown documents and methods, positions past the end, a
//! 50 MB document, a panic inside a request and a client that disappears. After
//! each, the server must answer a valid request correctly; its memory (VmRSS and
//! VmHWM from /proc, printed) must stay under a generous bound; it must exit
//! cleanly on shutdown and exit. Figures in docs/reliability.md.

mod common;

use std::time::Duration;

use serde_json::{Value, json};

use common::lsp::{Client, wait_with_timeout};

/// Resident memory the server may reach in these tests (bytes): a 50 MB document is
/// held as text plus a copy per pending check.
const RSS_BOUND: u64 = 1024 * 1024 * 1024;

/// Prints the server's memory and fails when its peak passed [`RSS_BOUND`].
fn assert_memory_bounded(client: &Client, when: &str) {
    if let Some((rss, hwm)) = client.memory() {
        eprintln!(
            "lsp memory {when}: VmRSS {} MiB, VmHWM {} MiB",
            rss >> 20,
            hwm >> 20
        );
        assert!(hwm < RSS_BOUND, "{when}: peak RSS {hwm} bytes");
    }
}

const URI: &str = "file:///tmp/postmortems/stress.yaml";
const REPORT: &str =
    "title: Stress\nstatus: draft\ntimezone: UTC\nmilestones:\n  started: 2024-03-01 10:00 CET\n";

fn open(client: &mut Client, uri: &str, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
}

/// The hover on the milestone time shows its UTC value: the server still answers
/// correctly.
fn assert_still_correct(client: &mut Client, id: i64, uri: &str) {
    let hover = client.hover(id, uri, 4, 14);
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.contains("09:00 UTC"), "{hover}");
}

#[test]
fn thousands_of_rapid_edits_then_the_right_diagnostics() {
    let mut client = Client::initialized(&[]);
    open(&mut client, URI, REPORT);
    // 3,000 edits without waiting: type a title one character at a time, then
    // replace the zone (RS203 disappears only in the final text).
    let mut version = 1;
    for i in 0..3_000 {
        version += 1;
        let c = char::from(b'a' + (i % 26) as u8).to_string();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version},
                   "contentChanges": [{"range": {"start": {"line": 0, "character": 13}, "end": {"line": 0, "character": 13}}, "text": c}]}),
        );
    }
    version += 1;
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version},
               "contentChanges": [{"range": {"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 31}}, "text": "UTC"}]}),
    );
    let published = client.diagnostics_at(URI, version);
    assert_eq!(published["diagnostics"], json!([]), "{published}");
    let hover = client.hover(1, URI, 4, 14);
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .contains("10:00 UTC"),
        "{hover}"
    );
    assert_memory_bounded(&client, "after 3,000 edits");
    client.shutdown_and_exit();
}

#[test]
fn hostile_requests_are_answered_and_the_server_keeps_serving() {
    let mut client = Client::initialized(&[]);
    open(&mut client, URI, REPORT);
    client.diagnostics_at(URI, 1);

    // Unknown method: MethodNotFound.
    let unknown = client.request(10, "retrospec/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // Unknown document: no hover, no symbols, no error.
    let none = client.hover(11, "file:///tmp/never-opened.yaml", 0, 0);
    assert_eq!(none["result"], Value::Null, "{none}");
    // Positions past the end of a line and of the document.
    for (id, line, character) in [(12, 0, 10_000), (13, 10_000, 0), (14, u32::MAX, u32::MAX)] {
        let past = client.hover(id, URI, line, character);
        assert!(past.get("error").is_none(), "{past}");
    }
    // Edits with ranges past the end are clamped, not a panic.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 500, "character": 3}, "end": {"line": 900, "character": 0}}, "text": "\n"}]}),
    );
    client.diagnostics_at(URI, 2);
    // Out of order and cancelled: every request still gets exactly one answer.
    for id in [25, 21, 24, 22, 23] {
        client.send_request(
            id,
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        );
    }
    client.notify("$/cancelRequest", json!({"id": 23}));
    client.notify("$/cancelRequest", json!({"id": 424_242}));
    let mut answered = Vec::new();
    while answered.len() < 5 {
        let message = client.next();
        if let Some(id) = message["id"].as_i64()
            && message.get("method").is_none()
        {
            // A cancelled request answers RequestCancelled (-32800) or its result.
            if message.get("error").is_some() {
                assert_eq!(message["error"]["code"], -32800, "{message}");
            }
            answered.push(id);
        }
    }
    answered.sort_unstable();
    assert_eq!(answered, [21, 22, 23, 24, 25]);
    // Wrong parameter types: InvalidParams. (Malformed messages:
    // `malformed_messages_do_not_end_the_session`.)
    client.send(json!({"jsonrpc": "2.0", "id": 30, "method": "textDocument/hover", "params": {"nonsense": true}}));
    let bad_params = client.response(30);
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    assert_still_correct(&mut client, 31, URI);
    assert_memory_bounded(&client, "after hostile requests");
    client.shutdown_and_exit();
}

/// Malformed messages (found by this test to end tower-lsp-server's loop) are
/// filtered out before the server sees them (`retrospec-lsp/src/stdio.rs`); the
/// server keeps answering.
#[test]
fn malformed_messages_do_not_end_the_session() {
    let mut client = Client::initialized(&[]);
    open(&mut client, URI, REPORT);
    client.diagnostics_at(URI, 1);
    client.raw(b"Content-Length: 11\r\n\r\n{not json!}");
    client.raw(b"Content-Length: 2\r\n\r\n[]");
    client.send(json!({"jsonrpc": "1.0", "method": 7}));
    client.raw(b"Garbage without a header\r\n\r\n");
    assert_still_correct(&mut client, 1, URI);
    // A wrong Content-Length (shorter than the body): the rest is skipped up to the
    // next header.
    client.raw(b"Content-Length: 5\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"x\"}\r\n");
    assert_still_correct(&mut client, 2, URI);
    // A Content-Length past the cap is read and dropped, not allocated.
    let huge = 300 * 1024 * 1024;
    let mut frame = format!("Content-Length: {huge}\r\n\r\n").into_bytes();
    frame.resize(frame.len() + huge, b' ');
    client.raw(&frame);
    drop(frame);
    assert_still_correct(&mut client, 3, URI);
    assert_memory_bounded(&client, "after malformed messages");
    client.shutdown_and_exit();
}

#[test]
fn a_panic_in_one_request_is_an_error_response() {
    let mut client = Client::initialized(&[("RETROSPEC_TEST_PANIC", "PANIC-HERE")]);
    let bad = "file:///tmp/postmortems/panics.yaml";
    open(&mut client, bad, "title: PANIC-HERE\nstatus: draft\n");
    open(&mut client, URI, REPORT);
    let response = client.hover(1, bad, 0, 9);
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("internal error"),
        "{response}"
    );
    // The same server goes on answering, also for the document that panicked.
    assert_still_correct(&mut client, 2, URI);
    let again = client.hover(3, bad, 0, 9);
    assert_eq!(again["error"]["code"], -32603, "{again}");
    client.shutdown_and_exit();
}

#[test]
fn a_50_mb_document() {
    let mut client = Client::initialized(&[]);
    let big_uri = "file:///tmp/postmortems/big.yaml";
    let mut text = String::from(REPORT);
    text.push_str("x-notes:\n");
    let line = "  - a line of notes that makes the document large, repeated\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    open(&mut client, big_uri, &text);
    let published = client.diagnostics_at(big_uri, 1);
    assert_eq!(published["diagnostics"][0]["code"], "RS010", "{published}");
    // Hover, symbols and an edit on it are answered, not parsed without bound.
    let hover = client.hover(1, big_uri, 4, 14);
    assert!(hover.get("error").is_none(), "{hover}");
    let symbols = client.request(
        2,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": big_uri}}),
    );
    assert!(symbols.get("error").is_none(), "{symbols}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": big_uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 13}}, "text": "Big"}]}),
    );
    client.diagnostics_at(big_uri, 2);
    assert_memory_bounded(&client, "with a 50 MB document");
    // Closing it frees it; a small document is still answered correctly.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": big_uri}}),
    );
    open(&mut client, URI, REPORT);
    assert_still_correct(&mut client, 3, URI);
    client.shutdown_and_exit();
}

#[test]
fn a_client_that_disappears() {
    let mut client = Client::initialized(&[]);
    open(&mut client, URI, REPORT);
    client.diagnostics_at(URI, 1);
    // Half a message, then the editor is gone.
    client.raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"");
    client.close_input();
    let status = wait_with_timeout(&mut client.child, Duration::from_secs(30));
    // Without `shutdown` first the protocol says exit code 1; what matters is
    // that it exits and does not spin.
    assert!(status.code().is_some(), "ended by a signal: {status:?}");
}
