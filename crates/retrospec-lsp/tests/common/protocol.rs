//! The editor's side of the protocol, whatever carries it: framing, requests and
//! their responses, notifications, and waiting for published diagnostics. Shared by
//! this crate's in-process client (`mod.rs`) and the CLI crate's client of the
//! `retrospec lsp` binary (`crates/retrospec-cli/tests/common/lsp.rs`).

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

/// What a test sends and the messages the server sent.
pub struct Protocol {
    /// Where the client writes; `None` once the test closed it (a client that disappears).
    input: Option<Box<dyn Write + Send>>,
    messages: mpsc::Receiver<Value>,
    /// Messages that arrived while waiting for a response, in order: a notification
    /// published before the response must still be seen by the next wait.
    pending: VecDeque<Value>,
}

impl Protocol {
    pub fn new(input: Box<dyn Write + Send>, messages: mpsc::Receiver<Value>) -> Self {
        Protocol {
            input: Some(input),
            messages,
            pending: VecDeque::new(),
        }
    }

    /// Closes the client's side: the server reads the end of its input.
    pub fn close_input(&mut self) {
        self.input = None;
    }

    /// Writes bytes as they are (malformed frames included).
    pub fn raw(&mut self, bytes: &[u8]) {
        let input = self.input.as_mut().expect("input open");
        input.write_all(bytes).expect("write");
        input.flush().expect("flush");
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn send_request(&mut self, id: i64, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    /// Sends a request and waits for its response.
    pub fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send_request(id, method, params);
        self.response(id)
    }

    /// The response to request `id` (a server request with the same id is not it).
    /// Other messages received meanwhile are kept for [`Protocol::next`].
    pub fn response(&mut self, id: i64) -> Value {
        if let Some(at) = self.pending.iter().position(|m| is_response(m, id)) {
            return self.pending.remove(at).expect("found");
        }
        loop {
            let message = self.receive();
            if is_response(&message, id) {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message from the server (first those kept while waiting for a response).
    pub fn next(&mut self) -> Value {
        match self.pending.pop_front() {
            Some(message) => message,
            None => self.receive(),
        }
    }

    fn receive(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within 60 s")
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let message = self.next();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"].clone();
            }
        }
    }

    /// Diagnostics published for `uri` at `version` (earlier versions are skipped:
    /// the server may drop a stale check).
    pub fn diagnostics_at(&mut self, uri: &str, version: i64) -> Value {
        loop {
            let message = self.next();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == version
            {
                return message["params"].clone();
            }
        }
    }

    /// A hover on `line:character` of `uri`.
    pub fn hover(&mut self, id: i64, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
    }

    /// Initializes the server with no client capabilities.
    pub fn initialize(&mut self) {
        let init = self.request(0, "initialize", json!({"capabilities": {}}));
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        self.notify("initialized", json!({}));
    }

    /// `shutdown` answered without error, then `exit` sent.
    pub fn shutdown_then_exit(&mut self) {
        let shutdown = self.request(999_999, "shutdown", Value::Null);
        assert!(shutdown.get("error").is_none(), "{shutdown}");
        self.notify("exit", Value::Null);
    }
}

fn is_response(message: &Value, id: i64) -> bool {
    message["id"] == id && message.get("method").is_none()
}

/// (code, line, character) of each published diagnostic.
pub fn codes_and_lines(published: &Value) -> Vec<(String, u64, u64)> {
    published["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap_or(99),
                d["range"]["start"]["character"].as_u64().unwrap_or(99),
            )
        })
        .collect()
}
