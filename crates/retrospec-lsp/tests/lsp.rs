//! The language server driven as an editor would (initialize, didOpen, didChange
//! incremental, hover, completion, code actions, didClose, shutdown, exit), in this
//! process over in-memory pipes (`common/mod.rs`). The tests of the `retrospec lsp`
//! binary itself are in the CLI crate (`crates/retrospec-cli/tests/lsp.rs`).

mod common;

use serde_json::{Value, json};

use common::{Client, codes_and_lines};

#[test]
fn diagnostics_follow_the_document_as_it_is_edited() {
    let mut client = Client::start();
    let init = client.request(1, "initialize", json!({"capabilities": {}}));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    client.notify("initialized", json!({}));

    let uri = "file:///tmp/report.md";
    // `é` before the zone: UTF-16 columns differ from byte columns.
    let text = "---\ntitle: Café outage\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n---\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(uri);
    assert_eq!(published["version"], 1);
    assert_eq!(codes_and_lines(&published), [("RS203".to_string(), 4, 28)]);

    // Hover on the time: its UTC value.
    let hover = client.request(
        5,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 20}}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        shown.contains("08:51 UTC") && shown.contains("When impact began"),
        "{hover}"
    );

    // The quick fix offers CEST for the wrong-season CET.
    let actions = client.request(
        6,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 28}},
               "context": {"diagnostics": []}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["title"], "replace `CET` with `CEST`", "{actions}");
    let edit = &action["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "CEST");
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": 28}));

    // Replace CET with CEST (line 4, characters 28..31): the finding disappears.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 31}}, "text": "CEST"}]}),
    );
    let published = client.diagnostics(uri);
    assert_eq!(published["version"], 2);
    assert_eq!(codes_and_lines(&published), []);

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(uri)["diagnostics"], json!([]));

    let shutdown = client.request(2, "shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    client.notify("exit", Value::Null);
    client.wait_exit();
}

#[test]
fn negotiates_utf8_and_ignores_other_files() {
    let mut client = Client::start();
    let init = client.request(
        1,
        "initialize",
        json!({"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.notify("initialized", json!({}));
    // A README without front matter is not a report.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "file:///tmp/README.md", "languageId": "markdown", "version": 1, "text": "# Hello\n"}}),
    );
    assert_eq!(
        client.diagnostics("file:///tmp/README.md")["diagnostics"],
        json!([])
    );
    let uri = "file:///tmp/r.yaml";
    let text = "# yaml-language-server: $schema=https://retrospec.dev/schema/v1/postmortem.schema.json\ntitle: Café\nstatus: draft\nseverity: SEV9\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 7, "text": text}}),
    );
    let published = client.diagnostics(uri);
    assert_eq!(codes_and_lines(&published), [("RS104".to_string(), 3, 10)]);
    // Completion of enum values after `severity:` (line 3, after "severity: ").
    let completion = client.request(
        3,
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 10}}),
    );
    let labels: Vec<&str> = completion["result"].as_array().map_or(Vec::new(), |items| {
        items.iter().filter_map(|i| i["label"].as_str()).collect()
    });
    assert_eq!(
        labels,
        ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"],
        "{completion}"
    );

    // Outline and T+ hints on a report with a timeline.
    let uri = "file:///tmp/t.yaml";
    let text = "$schema: https://retrospec.dev/schema/v1/postmortem.schema.json\ntitle: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\ntimeline:\n  - time: 2024-06-10 16:19 CEST\n    text: Alert\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let symbols = client.request(
        4,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = symbols["result"].as_array().map_or(Vec::new(), |s| {
        s.iter().filter_map(|x| x["name"].as_str()).collect()
    });
    assert_eq!(
        names,
        ["$schema", "title", "status", "milestones", "timeline"],
        "{symbols}"
    );
    let hints = client.request(
        5,
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
    );
    assert_eq!(hints["result"][0]["label"], "T+14m", "{hints}");
    assert_eq!(
        hints["result"][0]["position"],
        json!({"line": 6, "character": 31})
    );

    // A YAML file outside the known names is checked once the `files` setting covers it,
    // without restarting the server.
    let uri = "file:///tmp/incidents/checkout.yaml";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": "title: t\nstatus: done\n"}}),
    );
    assert_eq!(client.diagnostics(uri)["diagnostics"], json!([]));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"retrospec": {"files": ["**/incidents/*.yaml"]}}}),
    );
    loop {
        let published = client.diagnostics(uri);
        if !published["diagnostics"]
            .as_array()
            .is_none_or(Vec::is_empty)
        {
            assert_eq!(codes_and_lines(&published), [("RS104".to_string(), 1, 8)]);
            break;
        }
    }

    let _ = client.request(9, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    client.wait_exit();
}

#[test]
fn fast_typing_never_shows_diagnostics_for_old_text() {
    let mut client = Client::start();
    let _ = client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    let uri = "file:///tmp/typing.md";
    let text = "---\ntitle: t\nstatus: draft\nseverity: SEV\n---\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    // Type "1" then delete it, 100 times: odd versions are broken, even ones are fine.
    for version in 2..=201 {
        let change = if version % 2 == 0 {
            json!({"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 13}}, "text": "1"})
        } else {
            json!({"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 14}}, "text": ""})
        };
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
    }
    // Versions published only ever increase, and the last is for version 201 (broken: "SEV").
    let mut last = 0;
    loop {
        let published = client.diagnostics(uri);
        let version = published["version"].as_i64().unwrap_or(0);
        assert!(version > last, "version {version} published after {last}");
        last = version;
        let broken = version % 2 == 1;
        assert_eq!(
            !published["diagnostics"]
                .as_array()
                .is_none_or(Vec::is_empty),
            broken,
            "{published}"
        );
        if version == 201 {
            break;
        }
    }
    let _ = client.request(2, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    client.wait_exit();
}

#[test]
fn milestone_hovers_show_metrics_and_the_timeline_sort_is_a_quick_fix() {
    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    let uri = "file:///tmp/incident.postmortem.yaml";
    let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  resolved: 2024-06-10 17:20 CEST\ntimeline:\n  - time: 2024-06-10 17:20 CEST\n    text: Back to normal\n  - time: 2024-06-10 16:05 CEST\n    text: Errors begin\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(uri);
    assert_eq!(codes_and_lines(&published), [("RS201".to_string(), 8, 10)]);

    // Hover on the `resolved` key: its metric.
    let hover = client.request(
        2,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 4}}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        shown.contains("Time to resolve: **1h 15m** (started to resolved)"),
        "{hover}"
    );

    // The sort is offered on the finding, as two whole-entry edits.
    let actions = client.request(
        3,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 8, "character": 12}, "end": {"line": 8, "character": 12}},
               "context": {"diagnostics": []}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["title"], "sort the timeline by time", "{actions}");
    assert_eq!(action["isPreferred"], true, "{actions}");
    let edits = action["edit"]["changes"][uri].as_array().expect("edits");
    assert_eq!(edits.len(), 2, "{actions}");
    assert_eq!(
        edits[0]["newText"],
        "time: 2024-06-10 16:05 CEST\n    text: Errors begin"
    );

    client.request(4, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    client.wait_exit();
}

/// A `retrospec.toml` next to the document changes its diagnostics; saving a
/// changed one re-checks the open documents; an open `retrospec.toml` gets its own.
#[test]
fn the_nearest_retrospec_toml_applies_and_is_reread_on_save() {
    let dir = std::env::temp_dir().join(format!("retrospec-lsp-config-{}", std::process::id()));
    let nested = dir.join("incidents");
    std::fs::create_dir_all(&nested).expect("temporary directory");
    let config = dir.join("retrospec.toml");
    std::fs::write(&config, "[rules]\nRS203 = \"off\"\nRS202 = \"warning\"\n").expect("config");
    let report = nested.join("report.md");
    let text = "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n  resolved: 2023-07-01 11:51\n---\n";
    std::fs::write(&report, text).expect("report");
    let uri = format!("file://{}", report.display());
    let config_uri = format!("file://{}", config.display());

    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(&uri);
    // RS203 (CET in July) is off; RS202 (no zone) is only a warning.
    assert_eq!(codes_and_lines(&published), [("RS202".to_string(), 5, 12)]);
    assert_eq!(published["diagnostics"][0]["severity"], 2);

    // The configuration changes and is saved: the open report is checked again.
    std::fs::write(&config, "timezone = \"Europe/Paris\"\n").expect("config");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(codes_and_lines(&published), [("RS203".to_string(), 4, 28)]);

    // Changed on disk outside the editor: the file watcher's notification re-checks.
    std::fs::write(
        &config,
        "timezone = \"Europe/Paris\"\n[rules]\nRS203 = \"off\"\n",
    )
    .expect("config");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(codes_and_lines(&published), []);

    // The configuration opened in the editor shows its own mistakes.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": config_uri, "languageId": "toml", "version": 1, "text": "timezon = \"UTC\"\n"}}),
    );
    let published = client.diagnostics(&config_uri);
    assert_eq!(codes_and_lines(&published), [("RS502".to_string(), 0, 0)]);

    let shutdown = client.request(2, "shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    client.notify("exit", Value::Null);
    client.wait_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Code actions reuse the last check only while it is of the current text: a
/// request right after an edit must never offer a fix for the text before it.
#[test]
fn code_actions_after_an_edit_describe_the_new_text() {
    let mut client = Client::initialized();
    let uri = "file:///tmp/cached.md";
    let text =
        "---\ntitle: Outage\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n---\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    // Published: the check of version 1 is done and kept.
    assert_eq!(
        codes_and_lines(&client.diagnostics_at(uri, 1)),
        [("RS203".to_string(), 4, 28)]
    );
    let range = json!({"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 28}});
    let params =
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}});
    let before = client.request(2, "textDocument/codeAction", params.clone());
    assert_eq!(
        before["result"][0]["title"], "replace `CET` with `CEST`",
        "{before}"
    );

    // The fix applied by hand; asked at once, without waiting for the new diagnostics.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 31}}, "text": "CEST"}]}),
    );
    let after = client.request(3, "textDocument/codeAction", params.clone());
    assert_eq!(after["result"], json!([]), "{after}");

    // Undone under a version number the client reuses: the fix is offered again, for
    // the text as it is now, and not the cached answer for "version 2".
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 4, "character": 28}, "end": {"line": 4, "character": 32}}, "text": "CET"}]}),
    );
    let undone = client.request(4, "textDocument/codeAction", params);
    assert_eq!(
        undone["result"][0]["title"], "replace `CET` with `CEST`",
        "{undone}"
    );
    client.shutdown_and_exit();
}

/// Hover, inlay hints and the outline reuse the check of the current text; right
/// after an edit, and right after the configuration changes, they describe the new
/// state and never the cached one.
#[test]
fn requests_right_after_a_change_never_see_the_previous_check() {
    let dir = std::env::temp_dir().join(format!("retrospec-lsp-cache-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let config = dir.join("retrospec.toml");
    std::fs::write(&config, "[[severity.levels]]\nname = \"major\"\ndescription = \"Customers cannot work.\"\n\n[[severity.levels]]\nname = \"minor\"\n").expect("config");
    let report = dir.join("cache.postmortem.yaml");
    let text = "title: t\nstatus: draft\nseverity: major\nmilestones:\n  started: 2024-06-10 16:05 UTC\ntimeline:\n  - time: 2024-06-10 16:05 UTC\n    text: Errors begin\n  - time: 2024-06-10 16:19 UTC\n    text: Alert\n";
    std::fs::write(&report, text).expect("report");
    let uri = format!("file://{}", report.display());
    let config_uri = format!("file://{}", config.display());

    let mut client = Client::initialized();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
    );
    assert_eq!(codes_and_lines(&client.diagnostics_at(&uri, 1)), []);
    let hover_text = |client: &mut Client, id: i64| {
        client.hover(id, &uri, 2, 12)["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let hints = |client: &mut Client, id: i64| {
        client.request(
            id,
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 10, "character": 0}}}),
        )["result"][1]["label"]
            .clone()
    };
    let names = |client: &mut Client, id: i64| -> Vec<String> {
        let symbols = client.request(
            id,
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        );
        symbols["result"].as_array().map_or(Vec::new(), |s| {
            s.iter()
                .filter_map(|x| x["name"].as_str().map(str::to_string))
                .collect()
        })
    };
    assert!(
        hover_text(&mut client, 2)
            .contains("**major** (level 1 of 2, worst first): Customers cannot work."),
        "hover on the cached check"
    );
    assert_eq!(hints(&mut client, 3), "T+14m");
    assert_eq!(
        names(&mut client, 4),
        ["title", "status", "severity", "milestones", "timeline"]
    );

    // `major` -> `minor`, 16:19 -> 16:29, `title` -> `headline`, in one notification;
    // every request is sent before the new diagnostics arrive.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 15}}, "text": "minor"},
            {"range": {"start": {"line": 8, "character": 24}, "end": {"line": 8, "character": 25}}, "text": "2"},
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 5}}, "text": "headline"},
        ]}),
    );
    let shown = hover_text(&mut client, 5);
    assert!(shown.contains("**minor** (level 2 of 2"), "{shown}");
    assert_eq!(hints(&mut client, 6), "T+24m");
    assert_eq!(names(&mut client, 7)[0], "headline");

    // Wait for version 2's check (now kept: `headline` is unknown, `title` missing),
    // then change the configuration only.
    let published = client.diagnostics_at(&uri, 2);
    assert_eq!(
        codes_and_lines(&published),
        [("RS101".to_string(), 0, 0), ("RS102".to_string(), 0, 0)],
        "{published}"
    );
    assert!(hover_text(&mut client, 8).contains("**minor** (level 2 of 2"));
    std::fs::write(
        &config,
        "[[severity.levels]]\nname = \"minor\"\ndescription = \"Nobody noticed.\"\n",
    )
    .expect("config");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let shown = hover_text(&mut client, 9);
    assert!(
        shown.contains("**minor** (level 1 of 1, worst first): Nobody noticed."),
        "{shown}"
    );
    client.shutdown_and_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// One document never ends the server: with `max-depth` raised to a million and
/// `files = ["*.json"]`, a JSON report nested 3,000 deep used to overflow the
/// stack of the thread checking it and abort the server. The setting is capped
/// (RS502 in the configuration), so the report gets RS010 and the server answers on.
#[test]
fn a_deep_document_under_a_raised_max_depth_does_not_end_the_server() {
    let dir = std::env::temp_dir().join(format!("retrospec-lsp-deep-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    std::fs::write(
        dir.join("retrospec.toml"),
        "files = [\"*.json\"]\n[limits]\nmax-depth = 1000000\n",
    )
    .expect("config");
    let report = dir.join("deep.json");
    let text = format!(
        "{{\"title\": \"t\", \"status\": \"draft\", \"x\": {}{}}}",
        "[".repeat(3_000),
        "]".repeat(3_000)
    );
    std::fs::write(&report, &text).expect("report");
    let uri = format!("file://{}", report.display());

    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(&uri);
    let found: Vec<String> = codes_and_lines(&published)
        .into_iter()
        .map(|(c, _, _)| c)
        .collect();
    assert_eq!(found, ["RS010"], "{published}");
    let hover = client.hover(2, &uri, 0, 5);
    assert!(hover.get("error").is_none(), "{hover}");
    client.shutdown_and_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A report written free-form gets the same diagnostics as from `retrospec check`,
/// hover says how a milestone was read, and a code action converts it.
#[test]
fn a_free_form_report_is_checked_explained_and_converted() {
    let mut client = Client::start();
    client.request(1, "initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    let uri = "file:///tmp/notes/outage.md";
    let text = "# Queue outage\n\n## Timeline\n\n- 2024-07-02 10:00 CET Queue errors began\n- 2024-07-02 10:40 CET Queue back to normal\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics(uri);
    let codes: Vec<String> = codes_and_lines(&published)
        .into_iter()
        .map(|(code, _, _)| code)
        .collect();
    assert!(codes.contains(&"RS203".to_string()), "{published}");
    assert!(codes.contains(&"RS407".to_string()), "{published}");

    let hover = client.request(
        2,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 14}}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        shown.contains("milestone **started**, read from timeline text 'Queue errors began'"),
        "{hover}"
    );

    let actions = client.request(
        3,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    let convert = actions["result"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Convert to retrospec form")
        .unwrap_or_else(|| panic!("{actions}"));
    let new_text = convert["edit"]["changes"][uri][0]["newText"]
        .as_str()
        .unwrap_or_default();
    assert!(
        new_text.starts_with("---\ntitle: Queue outage\n"),
        "{new_text}"
    );
    assert!(new_text.contains("status: in-review"), "{new_text}");

    client.request(4, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    client.wait_exit();
}

/// Many open reports: those not used lately let go of their checks, and a request
/// on one of them answers as before (checked again) and keeps answering.
#[test]
fn a_report_not_used_lately_answers_requests_as_before() {
    let mut client = Client::initialized();
    let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  resolved: 2024-06-10 17:20 CEST\ntimeline:\n  - time: 2024-06-10 17:20 CEST\n    text: Back to normal\n  - time: 2024-06-10 16:05 CEST\n    text: Errors begin\n";
    let uri = |i: usize| format!("file:///tmp/open/{i:02}.postmortem.yaml");
    let hovered = |client: &mut Client, id: i64| {
        let hover = client.hover(id, &uri(0), 4, 4);
        hover["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(0), "languageId": "yaml", "version": 1, "text": text}}),
    );
    client.diagnostics(&uri(0));
    let first = hovered(&mut client, 2);
    assert!(first.contains("Time to resolve: **1h 15m**"), "{first}");
    // Twenty more reports: more than the server keeps checks for.
    for i in 1..=20 {
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(i), "languageId": "yaml", "version": 1, "text": text}}),
        );
        let published = client.diagnostics(&uri(i));
        assert_eq!(codes_and_lines(&published), [("RS201".to_string(), 8, 10)]);
    }
    assert_eq!(hovered(&mut client, 3), first, "checked again");
    assert_eq!(hovered(&mut client, 4), first, "kept");
    let actions = client.request(
        5,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(0)},
               "range": {"start": {"line": 8, "character": 12}, "end": {"line": 8, "character": 12}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(
        actions["result"][0]["title"], "sort the timeline by time",
        "{actions}"
    );
    client.shutdown_and_exit();
}
