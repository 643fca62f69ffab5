//! A language-server client for tests: `retrospec lsp` driven over stdio as an
//! editor would, one JSON-RPC message at a time (used by `lsp.rs` and
//! `lsp_stress.rs`). The protocol side is the language-server crate's test client's
//! (`crates/retrospec-lsp/tests/common/protocol.rs`); this file adds the process.

use std::io::{BufRead, BufReader, Read};
use std::ops::{Deref, DerefMut};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

#[path = "../../../retrospec-lsp/tests/common/protocol.rs"]
mod protocol;

#[allow(unused_imports)] // Each test binary uses a part of the client.
pub use protocol::{Protocol, codes_and_lines};

/// A running `retrospec lsp`: the protocol over its standard input and output.
pub struct Client {
    protocol: Protocol,
    pub child: Child,
}

impl Deref for Client {
    type Target = Protocol;
    fn deref(&self) -> &Protocol {
        &self.protocol
    }
}

impl DerefMut for Client {
    fn deref_mut(&mut self) -> &mut Protocol {
        &mut self.protocol
    }
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
        let stdin = child.stdin.take().expect("stdin");
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
            protocol: Protocol::new(Box::new(stdin), messages),
            child,
        }
    }

    /// Starts the server and initializes it with no client capabilities.
    pub fn initialized(env: &[(&str, &str)]) -> Self {
        let mut client = Self::start_with_env(env);
        client.initialize();
        client
    }
}

impl Client {
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
        self.shutdown_then_exit();
        let status = wait_with_timeout(&mut self.child, Duration::from_secs(30));
        assert!(status.success(), "exit status {status:?}");
    }
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
