//! Another tool's front matter: Jekyll or Hugo YAML (`---`), Hugo TOML (`+++`),
//! Docusaurus, status-page fields, an incident tracker's export. Whether a front
//! matter is another tool's is decided on evidence ([`super::is_foreign`]). Keys
//! whose meaning is clear are mapped to the model; every other key is kept as an
//! `x-` field, so nothing is lost, nothing is invented and no key of another tool
//! is reported as unknown.
//!
//! | written | read as |
//! |---|---|
//! | `title`, `name` (a string) | `title` |
//! | `date`, `published`, `pubDate` (starting `YYYY-MM-DD`) | `date` (the day only) |
//! | `authors`, `author` (a string or a list of strings) | `authors` |
//! | `severity`, `sev` (`SEV1`..`SEV5`, `sev2`, `1`..`5`) | `severity` |
//! | `startedWhen`, `started_at`, `impact_started_at`, `start_time` (a date and time) | `milestones.started` |
//! | `detected_at`, `reported_at` (a date and time) | `milestones.detected` |
//! | `acknowledged_at`, `mitigated_at` (a date and time) | `milestones.acknowledged`, `.mitigated` |
//! | `resolvedWhen`, `resolved_at`, `resolved`, `end_time` (a date and time) | `milestones.resolved` |
//! | a status page issue's `date` with a time (cState: beside `resolvedWhen`, or `section: issue` with `affected`) | `milestones.started` too |
//! | `tags` (a list of strings) | `tags` |
//! | anything else (`layout`, `slug`, `status: Closed`, `severity: Major`, `resolved: true`) | `x-<key>` |
//!
//! A severity in words (`Major`) is kept as `x-severity` here; when the configured
//! scale has a level of that name, the check reads it as the report's severity.

use toml::de::{DeTable, DeValue};

use crate::span::Span;
use crate::time;
use crate::tree::{Entry, Node, Value};

use super::Reading;

/// Maps the entries of a foreign front matter to the model's keys.
pub fn map(text: &str, entries: Vec<Entry>, _reading: &mut Reading) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut milestones: Vec<Entry> = Vec::new();
    // A scheduled maintenance's `end` is its plan, not the impact's.
    let planned = entries.iter().any(|e| {
        let key = e.key.to_ascii_lowercase();
        let value = e.value.as_str().unwrap_or("").to_ascii_lowercase();
        ["maintenance", "scheduled"]
            .iter()
            .any(|w| key.contains(w) || value.contains(w))
    });
    // A self-hosted status page's issue (cState: `section: issue`, `affected`,
    // `resolvedWhen`) dates itself by when the issue began: its `date` with a
    // time of day is the start, beside `resolvedWhen`, not the day a report was
    // written.
    let status_issue = entries.iter().any(|e| e.key == "resolvedWhen")
        || (entries
            .iter()
            .any(|e| e.key == "section" && e.value.as_str() == Some("issue"))
            && entries.iter().any(|e| e.key == "affected"));
    let mut began: Option<Entry> = None;
    for entry in entries {
        let key = entry.key.as_str();
        let string = entry.value.as_str();
        if status_issue
            && key == "date"
            && began.is_none()
            && let Some(s) = string.filter(|s| is_instant(s))
        {
            began = Some(Entry {
                key: "started".into(),
                key_span: entry.key_span,
                value: Node::new(entry.value.span, Value::String(s.to_string())),
            });
        }
        let mapped: Option<(&'static str, Node)> = match key {
            "title" | "name" if string.is_some() => Some(("title", entry.value.clone())),
            "date" | "published" | "pubDate" | "pubdate" => string
                .and_then(|s| day_of(text, s, entry.value.span))
                .map(|n| ("date", n)),
            "authors" | "author" => authors(&entry.value).map(|n| ("authors", n)),
            "severity" | "sev" => string
                .and_then(sev_level)
                .or_else(|| match &entry.value.value {
                    Value::Number(n) => n.as_u64().and_then(|n| sev_level(&n.to_string())),
                    _ => None,
                })
                .map(|s| ("severity", Node::new(entry.value.span, Value::String(s)))),
            "tags" => match &entry.value.value {
                Value::Seq(items) if items.iter().all(|i| i.as_str().is_some()) => {
                    Some(("tags", entry.value.clone()))
                }
                _ => None,
            },
            _ => {
                if let Some(name) = milestone_of(key)
                    && !(planned && matches!(key, "end" | "end_time" | "endTime"))
                    && let Some(s) = string.filter(|s| is_instant(s))
                    && !milestones.iter().any(|e| e.key == name)
                {
                    milestones.push(Entry {
                        key: name.into(),
                        key_span: entry.key_span,
                        value: Node::new(entry.value.span, Value::String(s.to_string())),
                    });
                    continue;
                }
                None
            }
        };
        match mapped {
            Some((name, value)) if !out.iter().any(|e| e.key == name) => out.push(Entry {
                key: name.into(),
                key_span: entry.key_span,
                value,
            }),
            _ => out.push(Entry {
                key: format!("x-{}", entry.key),
                key_span: entry.key_span,
                value: entry.value,
            }),
        }
    }
    if let Some(began) = began
        && !milestones.iter().any(|e| e.key == "started")
    {
        milestones.insert(0, began);
    }
    if !milestones.is_empty() {
        let span = milestones
            .iter()
            .fold(milestones[0].key_span, |acc, e| acc.cover(e.value.span));
        out.push(Entry {
            key: "milestones".into(),
            key_span: span,
            value: Node::new(span, Value::Map(milestones)),
        });
    }
    out
}

/// Another tool's severity in words (`x-severity: Major`) read as the report's
/// `severity` when the configured scale has a level of that name (any case):
/// `level` gives the scale's spelling of a word. The published scale (`SEV1`..)
/// has no words, so by default the value stays an `x-` field.
pub fn severity_on_scale(tree: &mut Node, level: impl Fn(&str) -> Option<String>) {
    let Value::Map(entries) = &mut tree.value else {
        return;
    };
    if entries.iter().any(|e| e.key == "severity") {
        return;
    }
    if let Some(entry) = entries.iter_mut().find(|e| e.key == "x-severity")
        && let Some(name) = entry.value.as_str().and_then(|w| level(w.trim()))
    {
        entry.key = "severity".into();
        entry.value.value = Value::String(name);
    }
}

/// The milestone a status page's or an incident tracker's time field gives:
/// `resolvedWhen`, `resolved_at`, `impact_started_at`, `reported_at` (how people
/// learned of it: the detection), `end` (not a scheduled maintenance's: its
/// plan is no impact; a bare `start` stays an event of its own, `x-start`).
fn milestone_of(key: &str) -> Option<&'static str> {
    let k: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let k = k
        .strip_suffix("when")
        .or_else(|| k.strip_suffix("at"))
        .unwrap_or(&k);
    Some(match k {
        // An incident record's `start_time`/`end_time` (a collection of
        // postmortems) are its impact's.
        "started" | "impactstarted" | "impactstart" | "starttime" => "started",
        "detected" | "reported" => "detected",
        "acknowledged" => "acknowledged",
        "mitigated" => "mitigated",
        "resolved" | "end" | "ended" | "endtime" => "resolved",
        _ => return None,
    })
}

/// Authors as the model has them (a list of names): a list of strings as it is,
/// one string as a list of one. Docusaurus's author objects are kept as `x-`.
fn authors(value: &Node) -> Option<Node> {
    match &value.value {
        Value::Seq(items) if !items.is_empty() && items.iter().all(|i| i.as_str().is_some()) => {
            Some(value.clone())
        }
        Value::String(s) if !s.trim().is_empty() => {
            Some(Node::new(value.span, Value::Seq(vec![value.clone()])))
        }
        _ => None,
    }
}

/// The day of a publication date (`2023-07-03 00:00:00 Z`), with the span of the day.
fn day_of(text: &str, value: &str, span: Span) -> Option<Node> {
    let day = value.get(..10)?;
    time::parse_iso_date(day)?;
    let written = span.slice(text);
    let start = written.find(day).map_or(span.start, |i| span.start + i);
    Some(Node::new(
        Span::new(start, start + day.len()),
        Value::String(day.to_string()),
    ))
}

/// `SEV2`, `sev2`, `Sev 2` or `2` as the published scale's `SEV2`; anything else
/// (`major`, `critical`) is kept as `x-severity`: its place on a scale is not known.
fn sev_level(s: &str) -> Option<String> {
    let t = s.trim();
    let digits = match (t.get(..3), t.get(3..)) {
        (Some(prefix), Some(rest)) if prefix.eq_ignore_ascii_case("sev") => {
            rest.trim_start_matches([' ', '-'])
        }
        _ => t,
    };
    match digits {
        "1" | "2" | "3" | "4" | "5" => Some(format!("SEV{digits}")),
        _ => None,
    }
}

/// Whether a front-matter value is a date and time (not `true`, not a bare day).
fn is_instant(s: &str) -> bool {
    time::parse_time(s).is_ok_and(|p| p.date.is_some())
}

/// A TOML front matter (`+++` lines) at `start`: its whole span and where the body starts.
pub fn toml(text: &str, start: usize) -> Option<(Span, usize)> {
    let rest = &text[start..];
    let first = rest.split_inclusive('\n').next()?;
    if first.trim_end() != "+++" {
        return None;
    }
    let mut pos = start + first.len();
    for line in text[pos..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let close_end = pos + line.trim_end().len();
            return Some((Span::new(start, close_end), pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// An incident record kept as a fenced YAML block at the top of a report, where
/// another tool (a dashboard, an incident bot) reads it: the first fence, opened
/// with `yaml` or `yml`, before any heading but the title, whose mapping gives two
/// of the milestones (`started`, `detected`, `mitigated`, `resolved`, `*_at`) a
/// date and time each. Its whole span (fences included) and its entries, which
/// are mapped as another tool's front matter is ([`map`]); the block stays in
/// the text as evidence. A block that does not parse is no record (and no finding:
/// it is code).
pub fn fenced_record(
    text: &str,
    start: usize,
    limits: &crate::limits::Limits,
) -> Option<(Span, Vec<Entry>)> {
    let mut pos = start;
    let mut headings = 0;
    for line in text[start..].split_inclusive('\n') {
        let t = line.trim_end();
        if t.starts_with('#') {
            headings += 1;
            if headings > 1 {
                return None;
            }
        }
        let fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        if let Some(fence) = fence {
            let info = t[fence.len()..].trim().to_ascii_lowercase();
            if info != "yaml" && info != "yml" {
                return None;
            }
            let inner_start = pos + line.len();
            let rest = &text[inner_start..];
            let mut at = inner_start;
            for inner in rest.split_inclusive('\n') {
                if inner.trim_end() == fence {
                    let block = Span::new(pos, at + inner.trim_end().len());
                    let mut scratch = Vec::new();
                    let node = crate::parse::yaml::parse_limited(
                        &text[inner_start..at],
                        inner_start,
                        limits,
                        &mut scratch,
                    )?;
                    let Value::Map(entries) = node.value else {
                        return None;
                    };
                    let timed = entries
                        .iter()
                        .filter(|e| {
                            milestone_of(&e.key).is_some()
                                && e.value.as_str().is_some_and(is_instant)
                        })
                        .count();
                    return (timed >= 2).then_some((block, entries));
                }
                at += inner.len();
            }
            return None;
        }
        pos += line.len();
    }
    None
}

/// The top-level keys of a TOML front matter as entries (tables are left out), then
/// mapped like a YAML one. A TOML front matter that does not parse gives no entries.
pub fn toml_entries(text: &str, whole: Span, reading: &mut Reading) -> Vec<Entry> {
    let inner_start = whole.start + text[whole.start..].find('\n').map_or(0, |i| i + 1);
    let inner_end = whole.end.saturating_sub(3).max(inner_start);
    let inner = &text[inner_start..inner_end];
    let Ok(table) = DeTable::parse(inner) else {
        return Vec::new();
    };
    let at = |r: std::ops::Range<usize>| Span::new(inner_start + r.start, inner_start + r.end);
    let mut entries = Vec::new();
    for (key, value) in table.get_ref().iter() {
        let Some(node) = toml_node(value.get_ref(), at(value.span())) else {
            continue;
        };
        entries.push(Entry {
            key: key.get_ref().to_string(),
            key_span: at(key.span()),
            value: node,
        });
    }
    // The table's keys come sorted; keep the order they are written in.
    entries.sort_by_key(|e| e.key_span.start);
    map(text, entries, reading)
}

fn toml_node(value: &DeValue<'_>, span: Span) -> Option<Node> {
    let v = match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => Value::String(i.as_str().to_string()),
        DeValue::Float(f) => Value::String(f.as_str().to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Seq(
            items
                .iter()
                .filter_map(|i| toml_node(i.get_ref(), span))
                .collect(),
        ),
        DeValue::Table(_) => return None,
    };
    Some(Node::new(span, v))
}

#[cfg(test)]
mod tests {
    use crate::parse::markdown;

    fn keys(text: &str) -> Vec<String> {
        super::super::keys_of(text)
    }

    #[test]
    fn jekyll_front_matter_is_mapped_or_kept_as_x_fields() {
        let text = "---\ntitle: Proxy outage\ndate: 2023-07-03 00:00:00 Z\nlayout: incidents\nseverity: sev2\n---\nText.\n";
        assert_eq!(
            keys(text),
            ["title", "date", "x-layout", "severity", "summary"]
        );
    }

    /// A fenced YAML incident record at the top gives the milestones; a config
    /// snippet, a record under a section, or one with a single time does not.
    #[test]
    fn a_fenced_incident_record_gives_the_milestones() {
        let record = |fence_info: &str, at: &str| {
            format!(
                "# INC-77: resolver failing\n\n{at}```{fence_info}\nid: INC-77\nstatus: resolved\nstarted: 2025-09-30T13:12:00Z\ndetected: 2025-09-30T15:20:00Z\nmitigated: 2025-09-30T14:05:00Z\nresolved: 2025-09-30T14:31:00Z\n```\n\n## Timeline (UTC)\n\n- 13:12 First failures.\n- 13:20 Alert pages the on-call engineer.\n- 14:05 Revert live.\n- 14:31 Incident resolved.\n\nWe were paged eight minutes after the first failures.\n"
            )
        };
        let text = record("yaml", "");
        assert_eq!(
            keys(&text),
            [
                "x-id",
                "x-status",
                "milestones",
                "title",
                "summary",
                "timeline",
                "sections"
            ]
        );
        let codes: Vec<&str> = crate::check(&text, crate::Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        // The record's `detected` is out of order; the sentence about the page
        // is measured with the page's entry, not with that field.
        assert!(codes.contains(&"RS205"), "{codes:?}");
        assert!(!codes.contains(&"RS208"), "{codes:?}");
        for text in [record("json", ""), record("yaml", "## Record\n\n")] {
            assert!(!keys(&text).contains(&"x-id".to_string()), "{text}");
        }
        let config = "# Deploy notes\n\n```yaml\nreplicas: 3\nstarted: 2025-09-30T13:12:00Z\n```\n";
        assert!(!keys(config).contains(&"x-replicas".to_string()));
    }

    #[test]
    fn status_page_fields_become_milestones() {
        let text = "---\ntitle: Queue stalled\nresolved: true\nresolvedWhen: 2024-02-01 11:20 UTC\nseverity: major\n---\n";
        assert_eq!(
            keys(text),
            ["title", "x-resolved", "x-severity", "milestones"]
        );
    }

    /// An incident record's `start_time`/`end_time` are its impact's; a scheduled
    /// maintenance's `end_time` is its plan.
    #[test]
    fn an_incident_record_s_start_and_end_times_are_milestones() {
        let text = "---\nuuid: \"5f0c\"\nstart_time: \"2025-01-15T16:20:00Z\"\nend_time: \"2025-01-15T17:25:00Z\"\n---\n\nSearch returned nothing for about 20 minutes.\n";
        assert_eq!(keys(text), ["x-uuid", "milestones", "title"]);
        let planned = text.replace("uuid: \"5f0c\"", "kind: scheduled maintenance");
        assert_eq!(
            keys(&planned),
            ["x-kind", "x-end_time", "milestones", "title"]
        );
    }

    /// A self-hosted status page's issue dates itself by when it began: its `date`
    /// with a time is the start beside `resolvedWhen`, so a resolution days later is
    /// no report dated too early, and a resolution a month before it is out of
    /// order. A blog post's `date` stays the report's day.
    #[test]
    fn a_status_page_issue_s_date_is_when_it_began() {
        let issue = |date: &str, resolved: &str| {
            format!(
                "---\ntitle: Mail relay down\ndate: {date}\nresolved: true\nresolvedWhen: {resolved}\nseverity: down\naffected:\n  - Mail\nsection: issue\n---\n\nMail to the relay at mail.example.com bounced until the disk was grown.\n"
            )
        };
        let text = issue("2024-05-02T06:10:00-04:00", "2024-05-06T21:54:00-04:00");
        let started = crate::check(&text, crate::parse::Format::Markdown);
        assert_eq!(
            started
                .model
                .as_ref()
                .and_then(|p| p.milestones.as_ref())
                .and_then(|m| m.started.as_deref()),
            Some("2024-05-02T06:10:00-04:00")
        );
        let found = codes(&text);
        assert!(!found.contains(&"RS211"), "{found:?}");
        assert!(!found.contains(&"RS205"), "{found:?}");
        // Resolved a month before it began: out of order, even with no zone.
        let found = codes(&issue("2024-06-07 11:45:00", "2024-05-12 12:00:00"));
        assert!(found.contains(&"RS205"), "{found:?}");
        // `section: issue` and `affected` say so without `resolvedWhen` too.
        let text = "---\ntitle: Mail relay down\ndate: 2024-05-02 06:10:00 +0000\nresolved: true\nresolvedAt: 2024-05-03 08:00:00 +0000\naffected:\n  - Mail\nsection: issue\n---\n\nMail bounced.\n";
        assert!(!codes(text).contains(&"RS211"), "{:?}", codes(text));
        // A blog post's date is the day it was written: dated before the
        // resolution it gives, it is reported.
        let text = "---\ntitle: Mail relay down\ndate: 2024-05-02 09:00:00\nresolved_at: 2024-05-06 21:54 UTC\nlayout: post\n---\n\nMail bounced.\n";
        assert!(codes(text).contains(&"RS211"), "{:?}", codes(text));
    }

    #[test]
    fn odd_front_matter_values_do_not_panic() {
        for text in [
            "---\nlayout: x\nseverity: é€x\ndate: 2024-0é\n---\n",
            "---\nlayout: x\nseverity: 7\nresolvedWhen: yes\n---\n",
            "+++\ntitle = [1, 2]\n[table]\nx = 1\n+++\n",
            "+++\n+++\n",
            "+++\nnot toml at all\n+++\nBody\n",
        ] {
            let mut diags = Vec::new();
            let _ = markdown::parse(text, &mut diags);
        }
    }

    fn codes(text: &str) -> Vec<&'static str> {
        crate::check(text, crate::parse::Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn docusaurus_front_matter_is_another_tool_s() {
        let text = "---\nslug: /2025/06/queue\ntitle: Queue stalled\nauthors: [ana, bo]\ntags: [incident]\ndate: 2025-06-16\n---\n\nThe queue stalled.\n";
        assert_eq!(
            keys(text),
            ["x-slug", "title", "authors", "tags", "date", "summary"]
        );
        let found = codes(text);
        assert!(
            !found.contains(&"RS101") && !found.contains(&"RS102"),
            "{found:?}"
        );
    }

    #[test]
    fn an_incident_tracker_export_is_mapped_without_schema_errors() {
        let text = "---\nincident_ref: INC-7\nname: \"Checkout declines\"\nseverity: Major\nstatus: Closed\nincident_lead: Ana\nreported_at: 2025-05-20T07:49:00Z\nimpact_started_at: 2025-05-20T07:42:00Z\nresolved_at: 2025-05-20T09:05:00Z\ncustom_fields:\n  product: Checkout\n---\n\nCards were declined.\n";
        assert_eq!(
            keys(text),
            [
                "x-incident_ref",
                "title",
                "x-severity",
                "x-status",
                "x-incident_lead",
                "x-custom_fields",
                "milestones",
                "summary"
            ]
        );
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let milestones = parsed.tree.entry("milestones").expect("milestones");
        let names: Vec<&str> = milestones
            .value
            .as_map()
            .expect("map")
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        assert_eq!(names, ["detected", "started", "resolved"]);
        let found = codes(text);
        assert!(
            !found.iter().any(|c| c.starts_with("RS10")),
            "no schema errors: {found:?}"
        );
    }

    #[test]
    fn retrospec_s_own_front_matter_keeps_its_mistakes() {
        // Only the model's keys: a wrong status is still reported.
        let own = "---\ntitle: Disk full\nstatus: finished\ndate: 2025-06-16\nowner: sre\n---\n\nThe disk filled.\n";
        assert!(codes(own).contains(&"RS104"));
        // A key only the model has, in its shape, beside an unknown key.
        let own = "---\ntitle: Disk full\nstatus: finished\nslug: disk\nmilestones:\n  started: 2025-06-16 10:00 UTC\n---\n";
        let found = codes(own);
        assert!(
            found.contains(&"RS104") && found.contains(&"RS101"),
            "{found:?}"
        );
        // A status of the model's (misspelt) and a misspelt key are retrospec's.
        let own = "---\ntitle: Disk full\nstatus: publshed\nslug: disk\n---\n";
        assert!(codes(own).contains(&"RS101"));
        let own = "---\ntitle: Disk full\nseverty: SEV2\n---\n";
        assert!(codes(own).contains(&"RS101"));
        // A misspelt structured key beside a key no one knows: a typo in
        // retrospec's own front matter, reported with the suggestion.
        let own =
            "---\ntitle: Disk full\nnotes: x\nilestones:\n  started: 2025-06-16 10:00 UTC\n---\n";
        assert!(codes(own).contains(&"RS101"), "{:?}", codes(own));
        // A misspelt scalar key is no evidence: `notes` and `lyout` stay another tool's.
        let text = "---\ntitle: Disk full\nnotes: x\nlyout: post\n---\n";
        assert!(!codes(text).contains(&"RS101"), "{:?}", codes(text));
        // A marker.
        let own = "---\n$schema: https://retrospec.dev/schema/v1/postmortem.schema.json\ntitle: Disk full\nslug: disk\n---\n";
        assert!(codes(own).contains(&"RS101"));
    }

    #[test]
    fn impact_in_another_tool_s_words_is_not_retrospec_s() {
        let text = "---\ntitle: Disk full\nimpact: high\nlayout: post\n---\n";
        assert_eq!(keys(text), ["title", "x-impact", "x-layout"]);
    }

    #[test]
    fn a_severity_in_words_is_read_on_a_scale_that_has_it() {
        let text = "---\nincident_ref: INC-7\ntitle: Declines\nseverity: Major\n---\n\nCards were declined.\n";
        let (scale, errors) = crate::config::Config::parse(
            "[[severity.levels]]\nname = \"critical\"\n[[severity.levels]]\nname = \"major\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let checked = crate::check_with(text, crate::parse::Format::Markdown, &scale);
        assert_eq!(
            checked.model.as_ref().and_then(|m| m.severity.as_deref()),
            Some("major")
        );
        let checked = crate::check(text, crate::parse::Format::Markdown);
        let tree = &checked.parsed.as_ref().expect("parsed").tree;
        assert!(tree.entry("severity").is_none() && tree.entry("x-severity").is_some());
    }

    #[test]
    fn numbered_day_headings_take_the_year_of_the_front_matter_date() {
        let text = "---\nslug: /queue\ntitle: Queue stalled\ndate: 2025-06-16\n---\n\nThe queue stalled. All times UTC.\n\n## Timeline\n\n### Day 1 — Monday 9 June\n\n- 14:05 Deploy.\n\n### Day 2: Tuesday 10 June\n\n- 09:00 Fixed.\n";
        let checked = crate::check(text, crate::parse::Format::Markdown);
        let times: Vec<&str> = checked
            .model
            .as_ref()
            .expect("model")
            .timeline
            .iter()
            .map(|e| e.time.as_str())
            .collect();
        assert_eq!(times, ["2025-06-09 14:05 UTC", "2025-06-10 09:00 UTC"]);
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            !codes.contains(&"RS206") && !codes.contains(&"RS201"),
            "{codes:?}"
        );
    }

    #[test]
    fn toml_front_matter_is_read() {
        let text = "+++\ntitle = \"Disk full\"\ndate = 2024-03-02\ndraft = false\n+++\n\nThe disk filled up.\n";
        assert_eq!(keys(text), ["title", "date", "x-draft", "summary"]);
    }
}
