//! The message stream between the editor and tower-lsp-server, made robust.
//!
//! tower-lsp-server answers a body that is not a JSON-RPC message with a Parse
//! error and then stops reading, which ends the server: one malformed message from
//! a buggy editor or extension would take the language server down (found by
//! `tests/lsp_stress.rs`). This filter sits in front of it and passes on only
//! well-formed messages: each frame is read by its `Content-Length`, and a body
//! that is not a JSON object with `"jsonrpc": "2.0"`, or is larger than
//! [`MAX_BODY`], is replaced by a notification the server ignores (`$/` methods
//! are optional). Lines that are not headers are skipped, so a wrong
//! `Content-Length` costs at most the messages it overlaps, not the session.
//! The filter is written by hand because tower-lsp-server has no hook for it.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};

/// The largest message accepted (a 50 MB document sent whole is well inside).
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// What replaces a malformed message.
const DROPPED: &str = r#"{"jsonrpc":"2.0","method":"$/retrospec/droppedMalformedMessage"}"#;

/// Copies framed messages from `input` to the returned reader, replacing
/// malformed ones, until `input` ends.
pub fn filtered(input: impl AsyncRead + Unpin + Send + 'static) -> impl AsyncRead + Unpin {
    let (reader, mut writer) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let mut input = BufReader::new(input);
        while let Some(body) = next_body(&mut input).await {
            let body = if well_formed(&body) {
                body
            } else {
                DROPPED.as_bytes().to_vec()
            };
            let header = format!("Content-Length: {}\r\n\r\n", body.len());
            if writer.write_all(header.as_bytes()).await.is_err()
                || writer.write_all(&body).await.is_err()
            {
                break;
            }
        }
        let _ = writer.shutdown().await;
    });
    reader
}

/// The next message body, skipping anything that is not a header; `None` at the
/// end of the input. An oversized body is read and discarded (returned empty,
/// which is not well formed).
async fn next_body(input: &mut BufReader<impl AsyncRead + Unpin>) -> Option<Vec<u8>> {
    let mut length: Option<usize> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).await.ok()? == 0 {
            return None;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some(at) = text.find("Content-Length:") {
            length = text[at + "Content-Length:".len()..].trim().parse().ok();
        }
    }
    let length = length?;
    if length > MAX_BODY {
        let mut rest = input.take(length as u64);
        tokio::io::copy(&mut rest, &mut tokio::io::sink())
            .await
            .ok()?;
        return Some(Vec::new());
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body).await.ok()?;
    Some(body)
}

/// A JSON object with `"jsonrpc": "2.0"` and, when it has one, a string method.
fn well_formed(body: &[u8]) -> bool {
    let Ok(serde_json::Value::Object(message)) = serde_json::from_slice(body) else {
        return false;
    };
    message.get("jsonrpc").and_then(|v| v.as_str()) == Some("2.0")
        && message
            .get("method")
            .is_none_or(serde_json::Value::is_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_rpc_objects_pass() {
        assert!(well_formed(br#"{"jsonrpc":"2.0","method":"x"}"#));
        assert!(well_formed(br#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        for bad in [
            &b"{not json}"[..],
            b"[]",
            b"[{}]",
            br#"{"jsonrpc":"1.0"}"#,
            br#"{"jsonrpc":"2.0","method":7}"#,
            b"",
        ] {
            assert!(!well_formed(bad), "{}", String::from_utf8_lossy(bad));
        }
    }
}
