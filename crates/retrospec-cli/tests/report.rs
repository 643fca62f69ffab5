//! `retrospec report` end to end, on the corpus in `tests/report/corpus/`.
//!
//! The figures asserted one by one below were computed by hand from the corpus
//! (see `tests/report/README.md`); the golden files `tests/report/expected.json`
//! and `expected.csv` pin the whole output (refresh with `UPDATE_GOLDEN=1` and
//! review the diff).

mod common;

use std::fs;

use common::{root, run, run_in, stdout};
use serde_json::{Value, json};

const CORPUS: &str = "tests/report/corpus";
const TODAY: &str = "2024-06-30";

fn report(extra: &[&str]) -> Value {
    report_at(TODAY, extra)
}

fn report_at(today: &str, extra: &[&str]) -> Value {
    let mut args = vec!["report", CORPUS, "--today", today, "--format", "json"];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

fn at<'a>(v: &'a Value, pointer: &str) -> &'a Value {
    v.pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in {v:#}"))
}

/// Compares `actual` with the committed golden file, or rewrites it with UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/report").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = fs::read_to_string(&path).expect("golden file");
    assert!(
        expected == actual,
        "{name} differs from `retrospec report`'s output (UPDATE_GOLDEN=1 rewrites it):\n{actual}"
    );
}

#[test]
fn durations_are_medians_and_p90_with_missing_counted_apart() {
    let r = report(&[]);
    assert_eq!(at(&r, "/version"), 1);
    assert_eq!(
        at(&r, "/totals"),
        &json!({"files": 6, "reports": 5, "problems": 1, "excluded": 0})
    );
    // Time to resolve: 3600, 14400, 5400, 7200; the report with an invalid start has none.
    assert_eq!(
        at(&r, "/durations/all/time_to_resolve"),
        &json!({"count": 4, "missing": 1, "median": 6300, "p90": 12240, "min": 3600, "max": 14400})
    );
    assert_eq!(
        at(&r, "/durations/all/time_to_detect"),
        &json!({"count": 4, "missing": 1, "median": 900, "p90": 1620, "min": 300, "max": 1800})
    );
    assert_eq!(
        at(&r, "/durations/all/time_to_acknowledge"),
        &json!({"count": 2, "missing": 3, "median": 210, "p90": 282, "min": 120, "max": 300})
    );
    assert_eq!(at(&r, "/durations/by"), "severity");
    assert_eq!(at(&r, "/durations/groups/0/key"), "SEV1");
    assert_eq!(
        at(&r, "/durations/groups/0/time_to_resolve"),
        &json!({"count": 2, "missing": 0, "median": 9000, "p90": 13320, "min": 3600, "max": 14400})
    );
    assert_eq!(at(&r, "/durations/groups/1/key"), "SEV2");
    assert_eq!(
        at(&r, "/durations/groups/1/time_to_resolve"),
        &json!({"count": 2, "missing": 1, "median": 6300, "p90": 7020, "min": 5400, "max": 7200})
    );
}

#[test]
fn follow_ups_are_measured_at_today() {
    let r = report(&[]);
    let f = at(&r, "/follow_ups");
    assert_eq!(f["total"], 6);
    assert_eq!(
        f["status"],
        json!([
            {"key": "open", "count": 1},
            {"key": "in-progress", "count": 1},
            {"key": "done", "count": 2},
            {"key": "wont-do", "count": 1},
            {"key": "none", "count": 1},
        ])
    );
    // Two done of the five not decided against.
    assert_eq!(f["done_share"], 0.4);
    assert_eq!(f["open"], 3);
    assert_eq!(f["overdue"], 1);
    assert_eq!(f["without_owner"], 1);
    assert_eq!(f["without_link"], 3);
    // Open items of incidents on 2024-01-10, 2024-02-05 and 2024-04-01, at 2024-06-30.
    assert_eq!(
        f["open_age_days"],
        json!({"count": 3, "missing": 0, "median": 146, "p90": 167, "min": 90, "max": 172})
    );
    assert_eq!(
        f["overdue_items"],
        json!([{
            "path": "tests/report/corpus/2024-01-10-api-errors.yaml",
            "title": "Rotate certificates with the deploy pipeline",
            "owner": "alice",
            "due": "2024-02-01",
            "days_overdue": 150
        }])
    );
    assert_eq!(
        f["owners"][0],
        json!({"owner": "alice", "total": 2, "done": 1, "open": 1, "overdue": 1})
    );
    assert_eq!(
        f["owners"][3],
        json!({"owner": null, "total": 1, "done": 0, "open": 1, "overdue": 0})
    );
    assert_eq!(f["quarters"][0]["quarter"], "2024-Q1");
    assert_eq!(f["quarters"][0]["done"], 1);
    assert_eq!(f["quarters"][0]["total"], 3);
    // A later day makes the in-progress item due 2024-12-01 overdue too.
    let later = report_at("2024-12-02", &[]);
    assert_eq!(at(&later, "/follow_ups/overdue"), 2);
}

#[test]
fn counts_quality_and_bad_input() {
    let r = report(&[]);
    assert_eq!(
        at(&r, "/counts/severity"),
        &json!([{"key": "SEV1", "count": 2}, {"key": "SEV2", "count": 3}])
    );
    assert_eq!(
        at(&r, "/counts/service"),
        &json!([
            {"key": "api", "count": 2},
            {"key": "database", "count": 2},
            {"key": "search", "count": 1},
            {"key": null, "count": 1},
        ])
    );
    assert_eq!(
        at(&r, "/counts/month"),
        &json!([
            {"key": "2024-01", "count": 1},
            {"key": "2024-02", "count": 1},
            {"key": "2024-04", "count": 1},
            {"key": "2024-05", "count": 2},
        ])
    );
    // Triggers as written, whitespace collapsed ("A  deploy" is "A deploy").
    assert_eq!(
        at(&r, "/counts/trigger"),
        &json!([
            {"key": "A deploy", "count": 2},
            {"key": "A certificate rotation", "count": 1},
            {"key": null, "count": 2},
        ])
    );
    // The broken file is counted and listed, never dropped; the Markdown file
    // without front matter is not a report.
    assert_eq!(
        at(&r, "/problems"),
        &json!([{
            "path": "tests/report/corpus/broken.yaml",
            "message": "RS001: invalid YAML: illegal placement of ':' indicator"
        }])
    );
    let errors: Vec<&str> = at(&r, "/quality/with_errors")
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["path"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        errors,
        [
            "tests/report/corpus/2024-02-05-database-failover.yaml",
            "tests/report/corpus/broken.yaml",
            "tests/report/corpus/team-b/2024-05-03-bad-time.yaml",
        ]
    );
    let rules: Vec<(&str, u64)> = at(&r, "/quality/rules")
        .as_array()
        .expect("list")
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap_or_default(),
                c["findings"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(rules, [("RS001", 1), ("RS206", 1), ("RS301", 1)]);
}

#[test]
fn since_until_and_by() {
    let r = report(&["--since", "2024-04-01", "--until", "2024-05-31"]);
    assert_eq!(
        at(&r, "/totals"),
        &json!({"files": 6, "reports": 3, "problems": 1, "excluded": 2})
    );
    assert_eq!(
        at(&r, "/durations/all/time_to_resolve"),
        &json!({"count": 2, "missing": 1, "median": 6300, "p90": 7020, "min": 5400, "max": 7200})
    );
    let by_service = report(&["--by", "service"]);
    assert_eq!(at(&by_service, "/durations/groups/0/key"), "api");
    assert_eq!(
        at(&by_service, "/durations/groups/0/time_to_resolve/median"),
        9000
    );
    let by_quarter = report(&["--by", "quarter"]);
    assert_eq!(at(&by_quarter, "/durations/groups/1/key"), "2024-Q2");
    assert_eq!(at(&by_quarter, "/durations/groups/1/reports"), 3);
    let bad = run(&["report", CORPUS, "--since", "2024-13-01"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn json_and_csv_match_the_golden_files() {
    let json = run(&["report", CORPUS, "--today", TODAY, "--format", "json"]);
    golden("expected.json", &stdout(&json));
    let csv = run(&["report", CORPUS, "--today", TODAY, "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0));
    golden("expected.csv", &stdout(&csv));
}

#[test]
fn html_is_self_contained_with_titled_charts() {
    let dir = std::env::temp_dir().join(format!("retrospec-report-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("page.html");
    let corpus = root().join(CORPUS);
    fs::write(
        dir.join("markup.yaml"),
        "title: Cache <script>alert(1)</script> purge & retry\nstatus: draft\n",
    )
    .expect("write");
    let output = run_in(
        &dir,
        &[
            "report",
            corpus.to_str().expect("path"),
            "markup.yaml",
            "--today",
            TODAY,
            "-o",
            "page.html",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let html = fs::read_to_string(&out).expect("page written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for id in [
        "chart-periods",
        "chart-durations",
        "chart-completion",
        "chart-rules",
    ] {
        assert!(
            html.contains(&format!("<title id=\"{id}-t\">")),
            "{id} has no title"
        );
        assert!(html.contains(&format!("<desc id=\"{id}-d\">")), "{id}");
    }
    // One timeline section per report.
    assert_eq!(html.matches("<section class=\"timeline\"").count(), 6);
    // Nothing is loaded from elsewhere: no src, no stylesheet link, no URL but the
    // SVG namespace and the report links (relative).
    assert!(!html.contains(" src="));
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    let urls = html.matches("http").count();
    assert_eq!(urls, html.matches("http://www.w3.org/2000/svg").count());
    // Links to the reports are relative to the page.
    let corpus_link = format!(
        "href=\"{}",
        pathdiff(&dir.canonicalize().expect("dir"), &corpus)
    );
    assert!(html.contains(&corpus_link), "{corpus_link}");
    // A title with markup is text, not markup.
    assert!(html.contains("Cache &lt;script&gt;alert(1)&lt;/script&gt; purge &amp; retry"));
    assert!(!html.contains("<script>alert"));
}

/// `to` relative to `from`, both absolute.
fn pathdiff(from: &std::path::Path, to: &std::path::Path) -> String {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[test]
fn a_missing_path_exits_2_and_the_rest_is_still_reported() {
    let output = run(&[
        "report",
        CORPUS,
        "no-such-dir",
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let r: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(at(&r, "/totals/reports"), 5);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-dir"));
}

#[test]
fn output_replaces_a_file_atomically_and_an_unwritable_one_exits_2() {
    let dir = std::env::temp_dir().join(format!("retrospec-report-o-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    let corpus = root().join(CORPUS);
    let corpus = corpus.to_str().expect("path");
    fs::write(dir.join("out.csv"), "old").expect("write");
    let output = run_in(
        &dir,
        &[
            "report", corpus, "--format", "csv", "--today", TODAY, "-o", "out.csv",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let written = fs::read_to_string(dir.join("out.csv")).expect("read");
    assert!(written.starts_with("path,id,title,"), "{written}");
    assert_eq!(written.lines().count(), 7);
    let output = run_in(
        &dir,
        &[
            "report",
            corpus,
            "--format",
            "json",
            "-o",
            "missing/out.json",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write"));
    // No temporary file is left behind.
    let left: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("out.csv")]);
}
