//! End-to-end tests of the binary: exit codes, output formats, file discovery.

mod common;

use std::fs;

use common::{json_report, root, run, run_in, stdout};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("retrospec-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn examples_pass() {
    let output = run(&["check", "examples"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("checked 7 files: no problems"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn errors_exit_1_and_usage_errors_exit_2() {
    let dir = temp_dir("exit");
    fs::write(dir.join("bad.yaml"), "title: t\nstatus: done\n").expect("write");
    assert_eq!(run_in(&dir, &["check", "bad.yaml"]).status.code(), Some(1));
    assert_eq!(
        run_in(&dir, &["check", "missing.yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run_in(&dir, &["check", "--format", "xml", "bad.yaml"])
            .status
            .code(),
        Some(2)
    );
    fs::write(dir.join("notes.rtf"), "hello").expect("write");
    assert_eq!(run_in(&dir, &["check", "notes.rtf"]).status.code(), Some(2));
}

#[test]
fn json_output_is_stable_and_located() {
    let dir = temp_dir("json");
    fs::write(
        dir.join("r.yaml"),
        "title: Outage\nstatus: draft\nseverity: SEV9\n",
    )
    .expect("write");
    let output = run_in(&dir, &["check", "--format", "json", "r.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    insta::assert_json_snapshot!(report);
}

#[test]
fn the_same_mistake_is_located_in_all_three_forms() {
    let dir = temp_dir("forms");
    let md = "---\ntitle: Outage\nstatus: draft\nseverity: SEV9\n---\n\n## Summary\n\nDown.\n";
    let yaml = "title: Outage\nstatus: draft\nseverity: SEV9\nsummary: Down.\n";
    let json = "{\n  \"title\": \"Outage\",\n  \"status\": \"draft\",\n  \"severity\": \"SEV9\",\n  \"summary\": \"Down.\"\n}\n";
    for (name, text, line, column) in [
        ("r.md", md, 4, 11),
        ("r.yaml", yaml, 3, 11),
        ("r.json", json, 4, 15),
    ] {
        fs::write(dir.join(name), text).expect("write");
        let output = run_in(&dir, &["check", "--format", "json", name]);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "RS104", "{name}: {report}");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(line), Some(column)),
            "{name}: {report}"
        );
    }
}

#[test]
fn directories_honour_gitignore_and_skip_markdown_without_front_matter() {
    let dir = temp_dir("walk");
    fs::create_dir_all(dir.join(".git")).expect("git dir");
    fs::write(dir.join(".gitignore"), "ignored/\n").expect("write");
    fs::create_dir_all(dir.join("ignored")).expect("dir");
    fs::write(dir.join("ignored/bad.yaml"), "status: nope\n").expect("write");
    fs::write(dir.join("README.md"), "# Not a report\n").expect("write");
    fs::write(dir.join("ok.yaml"), "title: t\nstatus: draft\n").expect("write");
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("checked 1 file: no problems"),
        "{}",
        stdout(&output)
    );
}

/// A file named on the command line is checked even where a .gitignore excludes
/// it: explicit paths win, and only a directory walk reads the ignore files.
#[test]
fn a_named_file_is_checked_though_gitignore_excludes_it() {
    let dir = temp_dir("named-ignored");
    fs::create_dir_all(dir.join(".git")).expect("git dir");
    fs::write(dir.join(".gitignore"), "ignored/\n*.json\n").expect("write");
    fs::create_dir_all(dir.join("ignored")).expect("dir");
    fs::write(dir.join("ignored/bad.yaml"), "status: nope\n").expect("write");
    fs::write(dir.join("bad.json"), "{\"status\": \"nope\"}\n").expect("write");
    fs::write(dir.join("ok.yaml"), "title: t\nstatus: draft\n").expect("write");
    for named in ["ignored/bad.yaml", "bad.json"] {
        let output = run_in(&dir, &["check", named]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{named}: {}",
            stdout(&output)
        );
        assert!(
            stdout(&output).contains("checked 1 file"),
            "{}",
            stdout(&output)
        );
    }
    // The same files are skipped by the walk of their directory.
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("checked 1 file: no problems"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_directory_walk_names_the_files_it_skipped_once_on_stderr() {
    let dir = temp_dir("skipped");
    fs::create_dir_all(dir.join(".git")).expect("git dir");
    fs::write(dir.join("README.md"), "# A project\n\nInstall it.\n").expect("write");
    fs::write(dir.join("NOTES.md"), "Some notes.\n").expect("write");
    fs::write(dir.join("ok.yaml"), "title: t\nstatus: draft\n").expect("write");
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("skipped").count(),
        1,
        "the note is said once: {stderr}"
    );
    assert!(
        stderr.contains(
            "skipped 2 files that do not look like postmortems: ./NOTES.md, ./README.md (name one to check it anyway)"
        ),
        "{stderr}"
    );
    // Not in machine-readable output, and not for files named on the command line.
    for format in ["json", "sarif"] {
        let output = run_in(&dir, &["check", "--format", format, "."]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("skipped"), "{format}: {stderr}");
    }
    let output = run_in(&dir, &["check", "README.md", "ok.yaml"]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("skipped"));
    // One file: said in the singular.
    fs::remove_file(dir.join("NOTES.md")).expect("remove");
    let output = run_in(&dir, &["check", "."]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "skipped 1 file that does not look like a postmortem: ./README.md (name it to check it anyway)"
        ),
        "{stderr}"
    );
}

/// `report` walks directories as `check` does, and says the same once.
#[test]
fn a_report_walk_names_the_files_it_skipped_once_on_stderr() {
    let dir = temp_dir("report-skipped");
    fs::create_dir_all(dir.join(".git")).expect("git dir");
    fs::write(dir.join("README.md"), "# A project\n\nInstall it.\n").expect("write");
    fs::write(dir.join("ok.yaml"), "title: t\nstatus: draft\n").expect("write");
    let output = run_in(&dir, &["report", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end(),
        "retrospec: skipped 1 file that does not look like a postmortem: ./README.md (name it to check it anyway)"
    );
    // A file named on the command line is read, not skipped.
    let output = run_in(
        &dir,
        &["report", "--format", "json", "README.md", "ok.yaml"],
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("skipped"));
}

#[test]
fn invalid_utf8_is_a_diagnostic_not_a_panic() {
    let dir = temp_dir("utf8");
    fs::write(dir.join("r.yaml"), b"title: caf\xe9\nstatus: draft\n").expect("write");
    let output = run_in(&dir, &["check", "r.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("RS002")
            && text.contains("not valid UTF-8")
            && text.contains("line 1, column 11"),
        "{text}"
    );
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let output = run(&["schema"]);
    let committed =
        fs::read_to_string(root().join("schema/postmortem.schema.json")).expect("schema");
    assert_eq!(stdout(&output), committed);
}

#[test]
fn explain_prints_rule_documentation() {
    let output = run(&["explain", "RS203"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("CET"), "{}", stdout(&output));
    assert_eq!(run(&["explain", "RS999"]).status.code(), Some(2));
    let rules = stdout(&run(&["rules"]));
    assert!(rules.lines().count() >= retrospec_check::registry::ALL.len());
    // Each rule's fix kind and status gate, from its declaration.
    let line = |code: &str| rules.lines().find(|l| l.starts_with(code)).unwrap_or("");
    assert!(line("RS203").contains("fix: always"), "{}", line("RS203"));
    assert!(
        line("RS302").contains("from in-review"),
        "{}",
        line("RS302")
    );
    assert!(!line("RS301").contains("fix:") && !line("RS301").contains("from "));
}

#[test]
fn json_report_counts_match() {
    let report = json_report("tests/seeds");
    let n = report["diagnostics"].as_array().map_or(0, Vec::len) as u64;
    let s = &report["summary"];
    assert_eq!(
        s["errors"].as_u64().unwrap_or(0)
            + s["warnings"].as_u64().unwrap_or(0)
            + s["infos"].as_u64().unwrap_or(0),
        n
    );
    assert_eq!(s["files"], 5);
}

#[test]
fn fix_writes_safe_fixes_atomically_and_leaves_other_files_alone() {
    let dir = temp_dir("fix");
    let fixable = "title: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n";
    let blocked = "title: t\nstatus: done\nmilestones:\n  started: 2023-07-01 10:51 CET\n";
    fs::write(dir.join("fixable.yaml"), fixable).expect("write");
    fs::write(dir.join("blocked.yaml"), blocked).expect("write");

    // --diff shows the change and writes nothing.
    let diff = run_in(&dir, &["check", "--diff", "."]);
    assert!(
        stdout(&diff).contains("+  started: 2023-07-01 10:51 CEST"),
        "{}",
        stdout(&diff)
    );
    assert_eq!(
        fs::read_to_string(dir.join("fixable.yaml")).expect("read"),
        fixable
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.join("fixable.yaml"), fs::Permissions::from_mode(0o640))
            .expect("chmod");
    }
    let fix = run_in(&dir, &["check", "--fix", "."]);
    assert_eq!(
        fix.status.code(),
        Some(1),
        "blocked.yaml still has an error"
    );
    assert_eq!(
        fs::read_to_string(dir.join("fixable.yaml")).expect("read"),
        fixable.replace("CET", "CEST")
    );
    assert_eq!(
        fs::read_to_string(dir.join("blocked.yaml")).expect("read"),
        blocked,
        "byte for byte unchanged"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.join("fixable.yaml"))
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn fix_sorts_a_fully_dated_timeline_and_the_report_then_passes() {
    let dir = temp_dir("sort");
    let report = "---\ntitle: Syncing downtime\nstatus: draft\nmilestones:\n  started: 2022-05-18 17:30 UTC\n  resolved: 2022-05-18 20:40 UTC\n---\n\n## Timeline\n\n- 2022-05-19 02:13 UTC — Incident report posted\n- 2022-05-18 20:40 UTC — Syncing restored after the migration [resolved]\n- 2022-05-18 17:30 UTC — Posted: Syncing not working [started]\n";
    let path = dir.join("report.md");
    fs::write(&path, report).expect("write");
    assert_eq!(run_in(&dir, &["check", "report.md"]).status.code(), Some(1));

    let fix = run_in(&dir, &["check", "--fix", "report.md"]);
    assert_eq!(fix.status.code(), Some(0), "{}", stdout(&fix));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        report.replace(
            "- 2022-05-19 02:13 UTC — Incident report posted\n- 2022-05-18 20:40 UTC — Syncing restored after the migration [resolved]\n- 2022-05-18 17:30 UTC — Posted: Syncing not working [started]\n",
            "- 2022-05-18 17:30 UTC — Posted: Syncing not working [started]\n- 2022-05-18 20:40 UTC — Syncing restored after the migration [resolved]\n- 2022-05-19 02:13 UTC — Incident report posted\n",
        )
    );
    let after = run_in(&dir, &["check", "report.md"]);
    assert_eq!(after.status.code(), Some(0));
    assert!(stdout(&after).contains("no problems"), "{}", stdout(&after));
}

#[test]
fn json_output_gives_each_files_metrics() {
    let report = json_report("tests/seeds/001-passbolt-2024-06-10.md");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["file"], "tests/seeds/001-passbolt-2024-06-10.md");
    let metrics = &files[0]["metrics"];
    let keys: Vec<&str> = metrics
        .as_object()
        .expect("metrics object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "time_to_detect",
            "time_to_acknowledge",
            "time_to_mitigate",
            "time_to_resolve"
        ]
    );
    assert_eq!(
        metrics["time_to_detect"],
        serde_json::json!({"seconds": 300, "human": "5m", "from": "started", "to": "detected"})
    );
    assert_eq!(metrics["time_to_mitigate"]["seconds"], 2400);
    assert_eq!(metrics["time_to_resolve"]["human"], "1h 15m");
    // A report without milestones has an empty metrics object, not a missing one.
    let none = json_report("tests/seeds/002-proton-2018-03-15.md");
    assert_eq!(none["files"][0]["metrics"], serde_json::json!({}));
}

#[test]
fn json_lists_every_time_claim_with_its_reading() {
    let report = json_report("tests/fixtures/RS208/fires-words.md");
    let claims = report["files"][0]["claims"].as_array().expect("claims");
    let read: Vec<(&str, &str, &str, &str)> = claims
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap_or_default(),
                c["measures"].as_str().unwrap_or_default(),
                c["qualifier"].as_str().unwrap_or_default(),
                c["verdict"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "about forty minutes",
                "incident",
                "approximate",
                "contradicts"
            ),
            (
                "at least two and a half hours",
                "incident",
                "at_least",
                "contradicts"
            ),
            ("3 minutes", "time_to_detect", "exact", "contradicts"),
        ]
    );
    let first = &claims[0];
    assert_eq!(first["line"], 13);
    assert_eq!(first["stated_seconds"], serde_json::json!([2400, 2400]));
    assert_eq!(first["broken"], "upper");
    assert_eq!(first["compared_with"]["from"], "started");
    assert_eq!(first["compared_with"]["to"], "resolved");
    assert_eq!(first["compared_with"]["seconds"], 5400);
    // One finding per contradicting claim.
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .filter(|c| *c == "RS208")
        .collect();
    assert_eq!(codes.len(), 3);
}

#[test]
fn json_says_why_a_relative_claim_was_not_compared() {
    let report = json_report("tests/fixtures/RS208/passes-relative.md");
    let claims = report["files"][0]["claims"].as_array().expect("claims");
    let status = claims
        .iter()
        .find(|c| c["text"] == "about 35 minutes")
        .expect("status page claim");
    assert_eq!(status["measures"], "between_events");
    assert_eq!(status["verdict"], "agrees");
    assert_eq!(status["compared_with"]["source"], "events");
    // Where each of its two events was stated.
    assert_eq!(status["provenance"]["from"], "timeline_entry");
    assert_eq!(status["provenance"]["to"], "timeline_entry");
    assert!(status.get("note").is_none());
    let rollback = claims
        .iter()
        .find(|c| c["text"] == "an hour")
        .expect("rollback claim");
    assert_eq!(rollback["verdict"], "not_compared");
    assert_eq!(
        rollback["note"],
        "relative claim: 2 timeline entries say a deploy went out; which one is meant is not clear"
    );
}

/// Copies fixture files into a fresh directory, under new names.
fn fixture_dir(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = temp_dir(name);
    for (from, to) in files {
        fs::copy(root().join(from), dir.join(to)).expect("copy fixture");
    }
    dir
}

#[test]
fn warnings_fail_only_when_asked() {
    // One warning (RS302), no error.
    let dir = fixture_dir(
        "warnings",
        &[("tests/fixtures/RS302/fires.md", "report.md")],
    );
    let code = |args: &[&str]| run_in(&dir, args).status.code();
    assert_eq!(code(&["check", "report.md"]), Some(0));
    assert_eq!(code(&["check", "--deny-warnings", "report.md"]), Some(1));
    assert_eq!(
        code(&["check", "--max-warnings", "0", "report.md"]),
        Some(1)
    );
    assert_eq!(
        code(&["check", "--max-warnings", "1", "report.md"]),
        Some(0)
    );
    assert_eq!(
        code(&["check", "--max-warnings", "-1", "report.md"]),
        Some(2)
    );
    // Usage errors win over findings.
    assert_eq!(
        code(&["check", "--deny-warnings", "report.md", "gone.md"]),
        Some(2)
    );
}

#[test]
fn quiet_prints_only_failing_findings_and_no_summary() {
    let dir = fixture_dir(
        "quiet",
        &[
            ("tests/fixtures/RS302/fires.md", "warn.md"),
            ("tests/fixtures/RS203/fires.md", "error.md"),
        ],
    );
    let output = run_in(&dir, &["check", "--quiet", "warn.md", "error.md"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("RS203"), "{text}");
    assert!(!text.contains("RS302"), "{text}");
    assert!(!text.contains("checked "), "{text}");
    // A clean quiet run prints nothing at all.
    let output = run_in(&dir, &["check", "-q", "warn.md"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    // With --deny-warnings the warning fails, so it is shown.
    let output = run_in(&dir, &["check", "-q", "--deny-warnings", "warn.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("RS302"));
    // Past --max-warnings the warnings fail, so they are shown, and stderr says why.
    let output = run_in(&dir, &["check", "-q", "--max-warnings", "0", "warn.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("RS302"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 warning, more than --max-warnings 0"),
        "{stderr}"
    );
}

#[test]
fn check_help_documents_the_exit_codes() {
    let text = stdout(&run(&["check", "--help"]));
    assert!(text.contains("Exit codes:"), "{text}");
    for line in ["  0  ", "  1  ", "  2  usage, I/O or configuration error"] {
        assert!(text.contains(line), "{line:?} missing from {text}");
    }
}

#[test]
fn require_front_matter_skips_plain_markdown_named_explicitly() {
    let dir = temp_dir("plain-md");
    fs::write(dir.join("README.md"), "# A project\n\nNot a report.\n").expect("write");
    fs::copy(
        root().join("tests/fixtures/RS203/fires.md"),
        dir.join("pm.md"),
    )
    .expect("copy");
    // Named explicitly, it is read as written: its missing `status` is policy,
    // gathered into one RS407 (information), so the check passes.
    let output = run_in(&dir, &["check", "README.md"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("RS407"), "{}", stdout(&output));
    let output = run_in(&dir, &["check", "--require-front-matter", "README.md"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("checked 0 files"),
        "{}",
        stdout(&output)
    );
    let output = run_in(
        &dir,
        &["check", "--require-front-matter", "README.md", "pm.md"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("RS203"));
}

#[test]
fn sarif_output_is_stable() {
    let dir = fixture_dir(
        "sarif",
        &[
            ("tests/fixtures/RS203/fires.md", "zone report.md"),
            ("tests/fixtures/RS101/fires.md", "unknown.md"),
        ],
    );
    let output = run_in(&dir, &["check", "--format", "sarif", "."]);
    assert_eq!(output.status.code(), Some(1));
    let mut log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let run = &mut log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), retrospec_check::registry::ALL.len());
    assert_eq!(
        rules[0]["helpUri"],
        "https://github.com/retrospec/retrospec/blob/main/docs/rules/RS001.md"
    );
    // GitHub code scanning shows a rule's `help` in the alert.
    assert!(
        rules.iter().all(|r| r["help"]["markdown"]
            .as_str()
            .is_some_and(|h| !h.is_empty())),
        "every rule has help"
    );
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    // The rules are the code table (snapshotted by the docs); the results are the subject here.
    run["tool"]["driver"]["rules"] = serde_json::json!("<every code>");
    run["tool"]["driver"]["version"] = serde_json::json!("<version>");
    insta::assert_json_snapshot!(log);
}

/// Reads one workflow command back with GitHub's rules (the runner's
/// `ActionCommand.TryParseV2`): `::name k=v,k=v::message`, properties split on
/// `,` and the first `=`, then `%0D`, `%0A`, `%3A`, `%2C` and last `%25` undone.
fn parse_workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    fn unescape(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("has ::");
    let (name, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (name.to_string(), props, unescape(message))
}

#[test]
fn github_annotations_round_trip() {
    // A file name with every character the property rules escape.
    let dir = fixture_dir(
        "github",
        &[
            ("tests/fixtures/RS203/fires.md", "a,b:c%20.md"),
            ("tests/fixtures/RS302/fires.md", "warn.md"),
        ],
    );
    let output = run_in(&dir, &["check", "--format", "github", "."]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    insta::assert_snapshot!(text);
    let json = run_in(&dir, &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let findings = json["diagnostics"].as_array().expect("diagnostics");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, want) in lines.iter().zip(findings) {
        let (name, props, message) = parse_workflow_command(line);
        let level = match want["severity"].as_str() {
            Some("info") => "notice",
            other => other.expect("severity"),
        };
        assert_eq!(name, level);
        let prop = |k: &str| {
            props
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("no {k} in {line}"))
        };
        assert_eq!(
            prop("file"),
            want["file"]
                .as_str()
                .expect("file")
                .trim_start_matches("./")
        );
        assert_eq!(prop("line"), want["line"].to_string());
        assert_eq!(prop("col"), want["column"].to_string());
        assert_eq!(prop("endLine"), want["end_line"].to_string());
        assert_eq!(prop("endColumn"), want["end_column"].to_string());
        assert_eq!(
            prop("title"),
            format!(
                "{} {}",
                want["code"].as_str().unwrap_or(""),
                want["name"].as_str().unwrap_or("")
            )
        );
        let mut expected = want["message"].as_str().expect("message").to_string();
        if let Some(help) = want["help"].as_str() {
            expected = format!("{expected}\nhelp: {help}");
        }
        assert_eq!(message, expected);
    }
}

#[test]
fn junit_output_is_stable() {
    let dir = fixture_dir(
        "junit",
        &[
            ("tests/fixtures/RS203/fires.md", "error.md"),
            ("tests/fixtures/RS302/fires.md", "warn.md"),
            ("examples/minimal.yaml", "clean.yaml"),
        ],
    );
    let output = run_in(&dir, &["check", "--format", "junit", "."]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

/// The schema corpus, without the external validators (tests/external/conformance.sh
/// adds check-jsonschema and ajv): every valid file has no syntax or schema code,
/// every invalid one has one.
#[test]
fn schema_corpus_verdicts() {
    for (folder, want_reject) in [
        ("tests/schema/valid", false),
        ("tests/schema/invalid", true),
    ] {
        for entry in fs::read_dir(root().join(folder)).expect("corpus folder") {
            let path = entry.expect("entry").path();
            let name = common::relative(&path);
            let report = json_report(&name);
            let schema_codes: Vec<&str> = report["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .filter_map(|d| d["code"].as_str())
                .filter(|c| c.starts_with("RS0") || c.starts_with("RS1"))
                .collect();
            assert_eq!(
                !schema_codes.is_empty(),
                want_reject,
                "{name}: schema codes {schema_codes:?}"
            );
        }
    }
}

#[test]
fn schemastore_catalog_points_at_the_schema_id() {
    let catalog: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("schema/catalog.json")).expect("catalog"),
    )
    .expect("catalog is JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("schema/postmortem.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let entry = &catalog["schemas"][0];
    assert_eq!(entry["url"], schema["$id"]);
    let globs = entry["fileMatch"].as_array().expect("fileMatch");
    assert!(globs.iter().any(|g| g == "*.postmortem.yaml"));
    assert!(globs.iter().any(|g| g == "**/postmortems/*.yaml"));
}
