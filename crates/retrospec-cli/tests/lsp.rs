//! The `retrospec lsp` binary over stdio: the command line and the server find and
//! read configurations alike. The server's behaviour (documents, hover, completion,
//! code actions, configurations) is tested in its own crate,
//! `crates/retrospec-lsp/tests/lsp.rs`; `lsp_stress.rs` holds the process to its limits.

mod common;

use serde_json::{Value, json};

use common::lsp::{Client, codes_and_lines};

/// `retrospec check` and the language server resolve configurations with the same
/// resolver, so they agree on the same cases: a link to a report is checked under
/// the configuration beside its target, and a `retrospec.toml` that cannot be read
/// (a directory, a dangling link, a FIFO) is reported by both (the command line on
/// stderr with exit code 2, the server as an error message), never skipped. The
/// server used to drop an unreadable configuration silently.
#[cfg(unix)]
#[test]
fn check_and_the_server_resolve_configurations_alike() {
    let root = std::env::temp_dir().join(format!("retrospec-resolve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let text = "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n---\n";
    let case = |name: &str| {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).expect("case directory");
        let report = dir.join("report.md");
        std::fs::write(&report, text).expect("report");
        (dir, report)
    };
    // A link from a directory without a configuration to a report beside one.
    let (real, target) = case("linked");
    std::fs::write(real.join("retrospec.toml"), "[rules]\nRS203 = \"off\"\n").expect("config");
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("directory");
    let link = elsewhere.join("report.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    // Configurations that exist and cannot be read.
    let (dir, in_directory) = case("directory");
    std::fs::create_dir(dir.join("retrospec.toml")).expect("a directory as configuration");
    let (dir, dangling) = case("dangling");
    std::os::unix::fs::symlink(dir.join("gone.toml"), dir.join("retrospec.toml"))
        .expect("dangling link");
    let (dir, fifo) = case("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("retrospec.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());

    // (report, codes expected, what an unreadable configuration's message says)
    let cases: [(&std::path::Path, &[&str], Option<&str>); 4] = [
        (&link, &[], None),
        (
            &in_directory,
            &["RS203"],
            Some("not a regular file (a directory)"),
        ),
        (&dangling, &["RS203"], Some("No such file or directory")),
        (&fifo, &["RS203"], Some("not a regular file (a FIFO)")),
    ];

    for (report, codes, unreadable) in cases {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_retrospec"))
            .args(["check", "--format", "json"])
            .arg(report)
            .output()
            .expect("the retrospec binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
        let found: Vec<&str> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        // The command line does not check a report whose configuration it cannot
        // read (exit 2); the server checks it with the defaults and says so.
        let expected = if unreadable.is_some() { &[][..] } else { codes };
        assert_eq!(found, expected, "check {}: {stderr}", report.display());
        match unreadable {
            Some(why) => {
                assert_eq!(output.status.code(), Some(2), "{stderr}");
                assert!(
                    stderr.contains("cannot read the configuration") && stderr.contains(why),
                    "check {}: {stderr}",
                    report.display()
                );
            }
            None => assert_eq!(output.status.code(), Some(0), "{stderr}"),
        }
    }

    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    for (n, (report, codes, unreadable)) in cases.into_iter().enumerate() {
        let uri = format!("file://{}", report.display());
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        let mut messages = Vec::new();
        let published = loop {
            let message = client.next();
            if message["method"] == "window/showMessage" {
                messages.push(message["params"].clone());
            }
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri.as_str()
            {
                break message["params"].clone();
            }
        };
        let found: Vec<String> = codes_and_lines(&published)
            .into_iter()
            .map(|(c, _, _)| c)
            .collect();
        assert_eq!(found, codes, "server, case {n}: {}", report.display());
        match unreadable {
            Some(why) => assert!(
                messages.len() == 1
                    && messages[0]["type"] == 1
                    && messages[0]["message"].as_str().is_some_and(|m| m
                        .contains("cannot read the configuration")
                        && m.contains(why)),
                "server, case {n}: {messages:?}"
            ),
            None => assert!(messages.is_empty(), "server, case {n}: {messages:?}"),
        }
    }
    client.shutdown_and_exit();
    let _ = std::fs::remove_dir_all(&root);
}
