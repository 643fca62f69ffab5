//! A report as Markdown with YAML front matter, following `docs/format.md`.
//!
//! Structured fields go into the front matter; narrative fields, the timeline, lessons,
//! action items, links and free sections become `##` sections. A field the Markdown
//! grammar cannot carry exactly (a timeline text with a line break, an action item
//! whose title ends in `(key: value)`, a value of the wrong type) is written in the
//! front matter instead, which holds any key of the model: [`to_markdown`] reads its
//! own output back and moves each field that did not survive, so the Markdown always
//! reads back as the report it was given.

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json};

use super::yaml;
use crate::parse::markdown;

/// The report as Markdown with front matter; reads back (through the Markdown parser)
/// as the same JSON.
pub fn to_markdown(report: &Json) -> String {
    let Json::Object(map) = report else {
        return front_matter_only(report);
    };
    let mut body: BTreeSet<&str> = body_fields().filter(|k| map.contains_key(*k)).collect();
    // Each round moves at least one field to the front matter, so this ends.
    loop {
        let text = render(map, &body);
        let mut diags = Vec::new();
        let Some(back) = markdown::parse(&text, &mut diags).map(|p| p.tree.to_json()) else {
            return render(map, &BTreeSet::new());
        };
        if &back == report {
            return text;
        }
        let before = body.len();
        body.retain(|k| back.get(*k) == map.get(*k));
        if body.len() == before {
            return render(map, &BTreeSet::new());
        }
    }
}

fn front_matter_only(report: &Json) -> String {
    format!("---\n{}---\n", yaml::to_yaml(report))
}

/// The document with the fields in `body` as sections and the rest in the front matter.
fn render(map: &Map<String, Json>, body: &BTreeSet<&str>) -> String {
    let mut front = Map::new();
    for (key, value) in map {
        if !body.contains(key.as_str()) {
            front.insert(key.clone(), value.clone());
            continue;
        }
        // Impact and detection: only the description is a section.
        if let ("impact" | "detection", Json::Object(inner)) = (key.as_str(), value) {
            let rest: Map<String, Json> = inner
                .iter()
                .filter(|(k, _)| k.as_str() != "description")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if !rest.is_empty() {
                front.insert(key.clone(), Json::Object(rest));
            }
        }
    }
    let mut out = String::from("---\n");
    if !front.is_empty() {
        out.push_str(&yaml::to_yaml(&Json::Object(front)));
    }
    out.push_str("---\n");
    for key in body_fields() {
        if !body.contains(key) {
            continue;
        }
        let Some(value) = map.get(key) else { continue };
        section(&mut out, key, value);
    }
    out
}

fn heading(out: &mut String, title: &str) {
    out.push_str("\n## ");
    out.push_str(title);
    out.push_str("\n\n");
}

fn text(out: &mut String, s: &str) {
    out.push_str(s);
    if !s.ends_with('\n') {
        out.push('\n');
    }
}

fn str_of(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn bullets(out: &mut String, items: &Json) {
    if let Json::Array(items) = items {
        for item in items {
            out.push_str("- ");
            text(out, &str_of(item));
        }
    }
}

fn section(out: &mut String, key: &str, value: &Json) {
    match key {
        "summary" | "root_cause" | "trigger" | "resolution" => {
            heading(out, heading_for(key));
            text(out, &str_of(value));
        }
        "impact" | "detection" => {
            heading(out, heading_for(key));
            text(
                out,
                &value.get("description").map(str_of).unwrap_or_default(),
            );
        }
        "contributing_factors" => {
            heading(out, heading_for(key));
            bullets(out, value);
        }
        "timeline" => {
            heading(out, heading_for(key));
            for entry in value.as_array().into_iter().flatten() {
                out.push_str("- ");
                out.push_str(&entry.get("time").map(str_of).unwrap_or_default());
                if let Some(t) = entry.get("text").map(str_of).filter(|t| !t.is_empty()) {
                    out.push(' ');
                    // Later paragraphs of an entry are indented under its bullet
                    // (docs/format.md, "multi-paragraph entries").
                    for (i, line) in t.split('\n').enumerate() {
                        if i > 0 {
                            out.push('\n');
                            if !line.is_empty() {
                                out.push_str("  ");
                            }
                        }
                        out.push_str(line);
                    }
                }
                if let Some(m) = entry.get("milestone") {
                    out.push_str(&format!(" [{}]", str_of(m)));
                }
                out.push('\n');
            }
        }
        "lessons" => {
            heading(out, heading_for(key));
            let mut first = true;
            for (group, title) in [
                ("other", None),
                ("went_well", Some("What went well")),
                ("went_wrong", Some("What went wrong")),
                ("got_lucky", Some("Where we got lucky")),
            ] {
                let Some(items) = value.get(group) else {
                    continue;
                };
                if let Some(title) = title {
                    if !first {
                        out.push('\n');
                    }
                    out.push_str("### ");
                    out.push_str(title);
                    out.push_str("\n\n");
                }
                first = false;
                bullets(out, items);
            }
        }
        "action_items" => {
            heading(out, heading_for(key));
            for item in value.as_array().into_iter().flatten() {
                action_item(out, item);
            }
        }
        "links" => {
            heading(out, heading_for(key));
            for link in value.as_array().into_iter().flatten() {
                let url = link.get("url").map(str_of).unwrap_or_default();
                match link.get("title").map(str_of) {
                    Some(title) => out.push_str(&format!("- [{title}]({url})\n")),
                    None => out.push_str(&format!("- <{url}>\n")),
                }
            }
        }
        "sections" => {
            for s in value.as_array().into_iter().flatten() {
                heading(out, &s.get("title").map(str_of).unwrap_or_default());
                let body = s.get("body").map(str_of).unwrap_or_default();
                if !body.is_empty() {
                    text(out, &body);
                }
            }
        }
        _ => {}
    }
}

/// `- [ ] Title (owner: x, due: y, ...)`: `[ ]` for open, `[x]` for done, an explicit
/// `status:` for the others, a plain bullet when there is no status.
fn action_item(out: &mut String, item: &Json) {
    let Json::Object(map) = item else {
        out.push_str("- ");
        text(out, &str_of(item));
        return;
    };
    let status = map.get("status").and_then(Json::as_str);
    out.push_str(match status {
        Some("open") => "- [ ] ",
        Some("done") => "- [x] ",
        Some(_) => "- [ ] ",
        None => "- ",
    });
    out.push_str(&map.get("title").map(str_of).unwrap_or_default());
    let attrs: Vec<String> = map
        .iter()
        .filter(|(k, v)| {
            k.as_str() != "title"
                && !(k.as_str() == "status" && matches!(v.as_str(), Some("open" | "done")))
        })
        .map(|(k, v)| format!("{k}: {}", str_of(v)))
        .collect();
    if !attrs.is_empty() {
        out.push_str(" (");
        out.push_str(&attrs.join(", "));
        out.push(')');
    }
    out.push('\n');
}

/// The heading a field is written under (one of the names in `docs/format.md` 1.4).
pub fn heading_for(key: &str) -> &'static str {
    match key {
        "summary" => "Summary",
        "impact" => "Impact",
        "root_cause" => "Root cause",
        "contributing_factors" => "Contributing factors",
        "trigger" => "Trigger",
        "detection" => "Detection",
        "resolution" => "Resolution",
        "timeline" => "Timeline",
        "lessons" => "Lessons learned",
        "action_items" => "Action items",
        "links" => "Links",
        _ => "Notes",
    }
}

/// Fields that may become sections, in the order they are written: the model's
/// order from `summary` on (everything before it is front matter only).
fn body_fields() -> impl Iterator<Item = &'static str> {
    super::order::POSTMORTEM
        .iter()
        .copied()
        .skip_while(|k| *k != "summary")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_back(text: &str) -> Json {
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        parsed.tree.to_json()
    }

    #[test]
    fn an_entry_of_two_paragraphs_stays_in_the_timeline_section() {
        let report = json!({
            "title": "Payouts paused",
            "status": "draft",
            "timeline": [
                {"time": "2025-02-11 14:00 UTC", "text": "START TIME"},
                {"time": "2025-02-11 17:20 UTC", "text": "END TIME\n\nLENGTH of the disruption: 5 hours"}
            ]
        });
        let md = to_markdown(&report);
        assert!(
            md.contains("- 2025-02-11 17:20 UTC END TIME\n\n  LENGTH of the disruption: 5 hours\n"),
            "{md}"
        );
        assert!(
            !md.starts_with("---\ntitle: Payouts paused\nstatus: draft\ntimeline"),
            "{md}"
        );
        assert_eq!(read_back(&md), report);
    }

    #[test]
    fn sections_and_front_matter_follow_the_format() {
        let report = json!({
            "title": "Cloud degradation",
            "status": "draft",
            "milestones": {"started": "2024-06-10 16:05 CEST"},
            "summary": "Users saw 404 errors.\n\nSecond paragraph.",
            "impact": {"description": "Some users.", "percentage": 10},
            "timeline": [
                {"time": "2024-06-10 16:05 CEST", "text": "Degradation begins", "milestone": "started"},
                {"time": "16:10 CEST", "text": "Alert"}
            ],
            "lessons": {"went_well": ["Rollback was fast"], "other": ["Test scaling"]},
            "action_items": [
                {"title": "Limit scale-down", "owner": "@platform", "due": "2024-07-01", "priority": "P1", "type": "prevent", "status": "open"},
                {"title": "Write runbook", "status": "in-progress"},
                {"title": "Done thing", "status": "done", "link": "https://t.example/1"}
            ],
            "links": [{"title": "Dashboard", "url": "https://d.example"}, {"url": "https://x.example"}],
            "sections": [{"title": "External messaging", "body": "We posted."}],
            "x-team": "sre"
        });
        let md = to_markdown(&report);
        insta::assert_snapshot!(md);
        assert_eq!(read_back(&md), report);
    }

    /// Reports with text built from Markdown's special pieces in every field read back
    /// as written (fields the grammar cannot hold move to the front matter).
    #[test]
    fn generated_reports_read_back() {
        const PIECES: &[&str] = &[
            "a",
            "Word",
            " ",
            "\n",
            "\n\n",
            "## ",
            "# ",
            "### ",
            "- ",
            "* ",
            "1. ",
            "[x] ",
            "[ ]",
            "(owner: x)",
            "(",
            ")",
            ":",
            ", ",
            "[started]",
            "[",
            "]",
            "](",
            "<",
            ">",
            "`",
            "|",
            "<!-- c -->",
            "16:05 CEST",
            "2024-06-10",
            " — ",
            "---",
            "> ",
            "    ",
            "\t",
            "é",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..600 {
            let mut text = || -> String {
                let len = 1 + (next() % 6) as usize;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            };
            let report = json!({
                "title": text(),
                "status": "draft",
                "summary": text(),
                "impact": {"description": text(), "users_affected": 3},
                "contributing_factors": [text(), text()],
                "timeline": [{"time": "2024-06-10 16:05 CEST", "text": text(), "milestone": "started"}],
                "lessons": {"went_well": [text()], "other": [text()]},
                "action_items": [{"title": text(), "owner": text(), "status": "open"}],
                "links": [{"title": text(), "url": "https://example.com/a(b)"}],
                "sections": [{"title": text(), "body": text()}],
            });
            let md = to_markdown(&report);
            assert_eq!(read_back(&md), report, "{md}");
        }
    }

    #[test]
    fn what_markdown_cannot_carry_goes_to_the_front_matter() {
        let report = json!({
            "title": "T",
            "status": "draft",
            "timeline": [{"time": "2024-06-10 16:05 CEST", "text": "two\nlines"}],
            "action_items": [{"title": "Rotate keys (see: runbook)"}],
            "summary": "kept as a section",
            "contributing_factors": ["multi\nline factor"],
            "severity": "high"
        });
        let md = to_markdown(&report);
        assert_eq!(read_back(&md), report, "{md}");
        assert!(md.contains("## Summary"), "{md}");
        assert!(!md.contains("## Timeline"), "{md}");
        assert!(md.contains("timeline:"), "{md}");
    }
}
