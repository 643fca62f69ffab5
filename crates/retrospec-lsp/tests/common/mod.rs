//! A language-server client for this crate's tests: the server runs in this
//! process ([`retrospec_lsp::serve`] on in-memory pipes, on its own runtime) and is
//! driven one JSON-RPC message at a time, as an editor would ([`Protocol`]). The
//! same framing and filter as `retrospec lsp` on standard input and output; the
//! tests that need the real binary (its process, environment, memory) stay in the
//! CLI crate.

#![allow(dead_code)]

mod protocol;

use std::ops::{Deref, DerefMut};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

pub use protocol::{Protocol, codes_and_lines};

/// A running server: the protocol, and the signal that it ended.
pub struct Client {
    protocol: Protocol,
    /// Signalled when `serve` returns (the client sent `exit`, or closed its side).
    ended: mpsc::Receiver<()>,
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

/// The client's writes, handed to the runtime that feeds the server's input.
struct Pipe(tokio::sync::mpsc::UnboundedSender<Vec<u8>>);

impl std::io::Write for Pipe {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .send(bytes.to_vec())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
            protocol: Protocol::new(Box::new(Pipe(input)), messages),
            ended,
        }
    }

    /// Starts the server and initializes it with no client capabilities.
    pub fn initialized() -> Self {
        let mut client = Self::start();
        client.initialize();
        client
    }

    /// `shutdown` answered without error, then `exit` ends the server.
    pub fn shutdown_and_exit(mut self) {
        self.shutdown_then_exit();
        self.wait_exit();
    }

    /// Waits for the server to end (after `exit`); fails after 60 s.
    pub fn wait_exit(self) {
        self.ended
            .recv_timeout(Duration::from_secs(60))
            .expect("the server ends within 60 s of exit");
    }
}
