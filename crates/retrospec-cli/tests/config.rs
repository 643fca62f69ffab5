//! End-to-end tests of `retrospec.toml`: discovery, `--config`/`--no-config`,
//! rule levels, the severity scale, the default zone, a bad configuration,
//! inline suppressions and `retrospec schema --config`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{run_in, stdout};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("retrospec-config-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("directory");
    }
    fs::write(path, text).expect("write");
}

/// (exit code, codes reported) for `retrospec check --format json ARGS` in `dir`.
fn check(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<String>) {
    let output = run_in(dir, &[&["check", "--format", "json"], args].concat());
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    let codes = report["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    (output.status.code(), codes)
}

/// CET in July (RS203, an error).
const WRONG_SEASON: &str = "title: Sync stalled\nstatus: draft\ntimezone: Europe/Paris\nmilestones:\n  started: 2024-07-02 09:15 CET\n  resolved: 2024-07-02 11:40 CEST\n";

/// A Markdown timeline item without a time (RS009, a warning).
const WARNING_ONLY: &str = "---\ntitle: Invoices sent twice\nstatus: draft\ntimezone: Europe/Berlin\n---\n\n## Timeline\n\n### 2024-01-16\n\n- 07:02 The worker restarts.\n- Duplicate sends start.\n";

#[test]
fn a_rule_turned_off_by_code_or_name() {
    let dir = temp_dir("off");
    write(&dir, "report.yaml", WRONG_SEASON);
    assert_eq!(
        check(&dir, &["report.yaml"]),
        (Some(1), vec!["RS203".into()])
    );
    write(&dir, "retrospec.toml", "[rules]\nzone-season = \"off\"\n");
    assert_eq!(check(&dir, &["report.yaml"]), (Some(0), vec![]));
    write(&dir, "retrospec.toml", "[rules]\nRS203 = \"off\"\n");
    assert_eq!(check(&dir, &["report.yaml"]), (Some(0), vec![]));
    // --no-config ignores it.
    assert_eq!(
        check(&dir, &["--no-config", "report.yaml"]),
        (Some(1), vec!["RS203".into()])
    );
}

#[test]
fn a_warning_raised_to_error_changes_the_exit_code() {
    let dir = temp_dir("raise");
    write(&dir, "report.md", WARNING_ONLY);
    assert_eq!(check(&dir, &["report.md"]), (Some(0), vec!["RS009".into()]));
    write(
        &dir,
        "retrospec.toml",
        "[rules]\nmarkdown-item = \"error\"\n",
    );
    assert_eq!(check(&dir, &["report.md"]), (Some(1), vec!["RS009".into()]));
    let output = run_in(&dir, &["check", "report.md"]);
    assert!(
        stdout(&output).contains("checked 1 file: 1 error, 0 warnings"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_custom_severity_scale() {
    let dir = temp_dir("scale");
    write(
        &dir,
        "retrospec.toml",
        "[[severity.levels]]\nname = \"critical\"\ndescription = \"Customers cannot work.\"\n\n[[severity.levels]]\nname = \"major\"\n\n[[severity.levels]]\nname = \"minor\"\n",
    );
    write(
        &dir,
        "ok.yaml",
        "title: t\nstatus: draft\nseverity: major\n",
    );
    write(
        &dir,
        "old.yaml",
        "title: t\nstatus: draft\nseverity: SEV2\n",
    );
    assert_eq!(check(&dir, &["ok.yaml"]), (Some(0), vec![]));
    let output = run_in(&dir, &["check", "old.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    assert!(
        shown.contains("`SEV2` is not a valid `severity`")
            && shown.contains("allowed: `critical`, `major`, `minor`"),
        "{shown}"
    );
    // The default scale without the configuration.
    assert_eq!(check(&dir, &["--no-config", "old.yaml"]), (Some(0), vec![]));
}

#[test]
fn a_default_timezone_removes_missing_zone() {
    let dir = temp_dir("zone");
    let report = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05\n";
    write(&dir, "report.yaml", report);
    assert_eq!(
        check(&dir, &["report.yaml"]),
        (Some(1), vec!["RS202".into()])
    );
    write(&dir, "retrospec.toml", "timezone = \"Europe/Paris\"\n");
    assert_eq!(check(&dir, &["report.yaml"]), (Some(0), vec![]));
}

#[test]
fn a_bad_configuration_is_located_and_exits_2() {
    let dir = temp_dir("bad");
    write(&dir, "report.yaml", WRONG_SEASON);
    write(
        &dir,
        "retrospec.toml",
        "timezone = \"Europe/Pariss\"\n\n[rules]\nRS230 = \"off\"\n",
    );
    let output = run_in(&dir, &["check", "--color", "never", "report.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stdout(&output));
    let output = run_in(&dir, &["check", "--format", "json", "report.yaml"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let first = &report["diagnostics"][0];
    assert_eq!(first["file"], "retrospec.toml");
    assert_eq!(first["format"], "toml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(12))
    );
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn the_nearest_configuration_applies_and_config_forces_one() {
    let dir = temp_dir("nearest");
    write(&dir, "retrospec.toml", "[rules]\nRS203 = \"off\"\n");
    write(
        &dir,
        "team/retrospec.toml",
        "[rules]\nRS203 = \"warning\"\n",
    );
    write(&dir, "a.yaml", WRONG_SEASON);
    write(&dir, "team/deep/b.yaml", WRONG_SEASON);
    let output = run_in(&dir, &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(output.status.code(), Some(0));
    let found: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default(),
                d["severity"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(found, [("./team/deep/b.yaml", "warning")]);
    // --config: one configuration for every file.
    write(&dir, "strict.toml", "[rules]\nzone-season = \"error\"\n");
    assert_eq!(
        check(&dir, &["--config", "strict.toml", "."]),
        (Some(1), vec!["RS203".into(), "RS203".into()])
    );
    // `..` in a path is resolved: the working directory's configuration does not
    // apply to a report outside it.
    write(
        &dir,
        "elsewhere/retrospec.toml",
        "[rules]\nRS203 = \"off\"\n",
    );
    write(&dir, "reports/c.yaml", WRONG_SEASON);
    assert_eq!(
        check(&dir.join("elsewhere"), &["../reports/c.yaml"]),
        (Some(0), vec![])
    );
    fs::remove_file(dir.join("retrospec.toml")).expect("remove");
    assert_eq!(
        check(&dir.join("elsewhere"), &["../reports/c.yaml"]),
        (Some(1), vec!["RS203".into()])
    );
    // A --config that cannot be read is a usage error.
    assert_eq!(check(&dir, &["--config", "missing.toml", "."]).0, Some(2));
}

#[test]
fn files_globs_select_what_a_directory_walk_checks() {
    let dir = temp_dir("globs");
    write(
        &dir,
        "retrospec.toml",
        "files = [\"postmortems/**/*.yaml\"]\n",
    );
    write(&dir, "postmortems/2024/a.yaml", WRONG_SEASON);
    write(&dir, "other/b.yaml", WRONG_SEASON);
    let output = run_in(&dir, &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert_eq!(
        report["diagnostics"][0]["file"],
        "./postmortems/2024/a.yaml"
    );
    // A file named on the command line is always checked.
    assert_eq!(
        check(&dir, &["other/b.yaml"]),
        (Some(1), vec!["RS203".into()])
    );
}

#[test]
fn inline_suppressions() {
    let dir = temp_dir("suppress");
    let with_reason = WRONG_SEASON.replace(
        "  started:",
        "  # retrospec-ignore RS203: CET is what the status page showed\n  started:",
    );
    write(&dir, "reason.yaml", &with_reason);
    assert_eq!(check(&dir, &["reason.yaml"]), (Some(0), vec![]));
    let without = WRONG_SEASON.replace("  started:", "  # retrospec-ignore RS203\n  started:");
    write(&dir, "without.yaml", &without);
    assert_eq!(
        check(&dir, &["without.yaml"]),
        (Some(1), vec!["RS504".into(), "RS203".into()])
    );
    let unused = with_reason.replace("09:15 CET", "09:15 CEST");
    write(&dir, "unused.yaml", &unused);
    assert_eq!(
        check(&dir, &["unused.yaml"]),
        (Some(0), vec!["RS505".into()])
    );
    // [rules] applies to the suppression codes too.
    write(
        &dir,
        "retrospec.toml",
        "[rules]\nunused-suppression = \"error\"\n",
    );
    assert_eq!(
        check(&dir, &["unused.yaml"]),
        (Some(1), vec!["RS505".into()])
    );
}

#[test]
fn schema_for_the_configured_scale() {
    let dir = temp_dir("schema");
    write(
        &dir,
        "retrospec.toml",
        "[[severity.levels]]\nname = \"critical\"\ndescription = \"Customers cannot work.\"\n\n[[severity.levels]]\nname = \"major\"\ndescription = \"A core function is degraded.\"\n\n[[severity.levels]]\nname = \"minor\"\n",
    );
    fs::create_dir_all(dir.join("sub")).expect("sub");
    // Found from a subdirectory, or named.
    let found = run_in(&dir.join("sub"), &["schema", "--config"]);
    let named = run_in(&dir, &["schema", "--config", "retrospec.toml"]);
    assert_eq!(found.status.code(), Some(0));
    assert_eq!(stdout(&found), stdout(&named));
    let schema: serde_json::Value = serde_json::from_slice(&found.stdout).expect("JSON");
    insta::assert_json_snapshot!(schema["$defs"]["Severity"]);
    // The configuration schema, and no configuration at all.
    let config_schema = run_in(&dir, &["schema", "--config-schema"]);
    assert!(stdout(&config_schema).contains("retrospec-config.schema.json"));
    let none = run_in(
        &std::env::temp_dir(),
        &["schema", "--config", "/nonexistent/retrospec.toml"],
    );
    assert_eq!(none.status.code(), Some(2));
}
