//! A language-server client for tests: `retrospec lsp` driven over stdio as an
//! editor would, one JSON-RPC message at a time (used by `lsp.rs` and `lsp_stress.rs`).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A running `retrospec lsp` and the messages it sent, read on a thread.
pub struct Client {
    /// `None` once the test closed it (a client that disappears).
    pub stdin: Option<ChildStdin>,
    messages: mpsc::Receiver<Value>,
    /// Messages that arrived while waiting for a response, in order: a notification
    /// published before the response must still be seen by the next wait.
    pending: VecDeque<Value>,
    pub child: Child,
}

fn read_message(reader: &mut BufReader<ChildStdout>) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
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
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts the server, not yet initialized.
    pub fn start() -> Self {
        Self::start_with_env(&[])
    }

    /// Starts the server with extra environment variables, not yet initialized.
    pub fn start_with_env(env: &[(&str, &str)]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_retrospec"))
            .arg("lsp")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("retrospec lsp starts");
        let stdin = child.stdin.take();
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin,
            messages,
            pending: VecDeque::new(),
            child,
        }
    }

    /// Starts the server and initializes it with no client capabilities.
    pub fn initialized(env: &[(&str, &str)]) -> Self {
        let mut client = Self::start_with_env(env);
        let init = client.request(0, "initialize", json!({"capabilities": {}}));
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        client.notify("initialized", json!({}));
        client
    }

    /// Writes bytes as they are (malformed frames included).
    pub fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
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

    /// VmRSS and VmHWM of the server, in bytes (Linux; `None` elsewhere).
    pub fn memory(&self) -> Option<(u64, u64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
                .map(|kb| kb * 1024)
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }

    /// `shutdown` answered without error, then `exit` ends the server successfully.
    pub fn shutdown_and_exit(mut self) {
        let shutdown = self.request(999_999, "shutdown", Value::Null);
        assert!(shutdown.get("error").is_none(), "{shutdown}");
        self.notify("exit", Value::Null);
        let status = wait_with_timeout(&mut self.child, Duration::from_secs(30));
        assert!(status.success(), "exit status {status:?}");
    }
}

fn is_response(message: &Value, id: i64) -> bool {
    message["id"] == id && message.get("method").is_none()
}

/// Waits for the server to end, killing it (and failing) after `timeout`.
pub fn wait_with_timeout(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            panic!("the server did not exit within {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
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
