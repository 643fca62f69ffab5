//! A language-server client for this crate's tests: the server runs in this
//! process ([`retrospec_lsp::serve`] on in-memory pipes, on its own runtime) and is
//! driven one JSON-RPC message at a time, as an editor would. The same framing and
//! filter as `retrospec lsp` on standard input and output; the tests that need the
//! real binary (its process, environment, memory) stay in the CLI crate.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

/// A running server and the messages it sent.
pub struct Client {
    /// What the client writes; `None` once the test closed it.
    input: Option<tokio::sync::mpsc::UnboundedSender<Vec<u8>>>,
    messages: mpsc::Receiver<Value>,
    /// Messages that arrived while waiting for a response, in order.
    pending: VecDeque<Value>,
    /// Signalled when `serve` returns (the client sent `exit`, or closed its side).
    ended: mpsc::Receiver<()>,
}

async fn read_message(reader: &mut BufReader<tokio::io::DuplexStream>) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts the server, not yet initialized.
    pub fn start() -> Self {
        let (to_server, server_in) = tokio::io::duplex(1 << 20);
        let (server_out, from_server) = tokio::io::duplex(1 << 20);
        let (input, mut written) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
        let (tx, messages) = mpsc::channel();
        let (done, ended) = mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                tokio::spawn(async move {
                    let mut to_server = to_server;
                    while let Some(bytes) = written.recv().await {
                        if to_server.write_all(&bytes).await.is_err() {
                            break;
                        }
                    }
                });
                tokio::spawn(async move {
                    let mut reader = BufReader::new(from_server);
                    while let Some(message) = read_message(&mut reader).await {
                        if tx.send(message).is_err() {
                            break;
                        }
                    }
                });
                retrospec_lsp::serve(server_in, server_out).await;
            });
            let _ = done.send(());
            runtime.shutdown_background();
        });
        Client {
            input: Some(input),
            messages,
            pending: VecDeque::new(),
            ended,
        }
    }

    /// Starts the server and initializes it with no client capabilities.
    pub fn initialized() -> Self {
        let mut client = Self::start();
        let init = client.request(0, "initialize", json!({"capabilities": {}}));
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        client.notify("initialized", json!({}));
        client
    }

    /// Writes bytes as they are (malformed frames included).
    pub fn raw(&mut self, bytes: &[u8]) {
        let input = self.input.as_ref().expect("input open");
        input.send(bytes.to_vec()).expect("the server reads");
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
    /// Other messages received meanwhile are kept for [`Client::next`].
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

    /// `shutdown` answered without error, then `exit` ends the server.
    pub fn shutdown_and_exit(mut self) {
        let shutdown = self.request(999_999, "shutdown", Value::Null);
        assert!(shutdown.get("error").is_none(), "{shutdown}");
        self.notify("exit", Value::Null);
        self.wait_exit();
    }

    /// Waits for the server to end (after `exit`); fails after 60 s.
    pub fn wait_exit(self) {
        self.ended
            .recv_timeout(Duration::from_secs(60))
            .expect("the server ends within 60 s of exit");
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
