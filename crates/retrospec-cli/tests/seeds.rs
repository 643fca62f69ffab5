//! The transcribed seed reports keep their real mistakes; their key findings are
//! asserted here, through the command line's JSON output. Snapshots of all their
//! findings are checked in process in the core crate
//! (`crates/retrospec-check/tests/seeds.rs`).

mod common;

use common::{codes, json_report};

/// (line, column, code) of each finding.
fn positions(path: &str) -> Vec<(u64, u64, String)> {
    json_report(path)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn seed_000_cet_in_july() {
    let found = positions("tests/seeds/000-passbolt-2023-07-01.md");
    assert!(found.iter().any(|(_, _, c)| c == "RS203"), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(_, _, c)| ["RS203", "RS208", "RS404", "RS405"].contains(&c.as_str())),
        "{found:?}"
    );
    // "our engineering teams failed to see" in the root cause; "a change that should
    // have triggered a different deployment process" tells what the process required.
    let counterfactual: Vec<u64> = found
        .iter()
        .filter(|(_, _, c)| c == "RS404")
        .map(|(line, _, _)| *line)
        .collect();
    assert_eq!(counterfactual, [40], "{found:?}");
    // No impact, resolution or action items section.
    assert_eq!(
        found.iter().filter(|(_, _, c)| c == "RS405").count(),
        3,
        "{found:?}"
    );
    // "a 1h30m downtime" against 10:51 to 12:26.
    assert!(found.iter().any(|(_, _, c)| c == "RS208"), "{found:?}");
}

#[test]
fn seed_001_summary_contradicts_the_timeline() {
    assert!(codes("tests/seeds/001-passbolt-2024-06-10.md").contains(&"RS207".to_string()));
}

#[test]
fn seed_002_is_one_narrative_without_sections() {
    let found = codes("tests/seeds/002-proton-2018-03-15.md");
    // Impact, root cause, resolution, timeline and action items are all prose in the summary.
    assert_eq!(
        found.iter().filter(|c| *c == "RS405").count(),
        5,
        "{found:?}"
    );
}

#[test]
fn seed_003_nzt_is_ambiguous() {
    assert!(codes("tests/seeds/003-cloudcannon-2022-05-18.md").contains(&"RS204".to_string()));
}

#[test]
fn seed_003_mixes_nzt_and_utc_and_its_newest_first_timeline_has_a_safe_sort() {
    let report = json_report("tests/seeds/003-cloudcannon-2022-05-18.md");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    let mixed: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "RS209")
        .collect();
    assert_eq!(mixed.len(), 1, "{mixed:?}");
    assert!(
        mixed[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("`UTC`") && m.contains("`NZT`")),
        "{mixed:?}"
    );
    let order = diagnostics
        .iter()
        .find(|d| d["code"] == "RS201")
        .expect("RS201");
    assert_eq!(order["fix"]["safe"], true, "{order}");
    assert_eq!(order["fix"]["edits"].as_array().map(Vec::len), Some(2));
}
