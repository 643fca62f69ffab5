//! Another tool's front matter: Jekyll or Hugo YAML (`---`), Hugo TOML (`+++`),
//! status-page fields. Keys whose meaning is clear are mapped to the model; every
//! other key is kept as an `x-` field, so nothing is lost and nothing is invented.
//!
//! | written | read as |
//! |---|---|
//! | `title` | `title` |
//! | `date`, `published`, `pubDate` (starting `YYYY-MM-DD`) | `date` (the day only) |
//! | `severity`, `sev` (`SEV1`..`SEV5`, `sev2`, `1`..`5`) | `severity` |
//! | `resolvedWhen`, `resolved_at`, `resolvedAt`, `resolved` (a date and time) | `milestones.resolved` |
//! | `startedWhen`, `started_at`, `startedAt` (a date and time) | `milestones.started` |
//! | `tags` (a list of strings) | `tags` |
//! | anything else (`layout`, `permalink`, `categories`, `resolved: true`) | `x-<key>` |

use toml::de::{DeTable, DeValue};

use crate::span::Span;
use crate::time;
use crate::tree::{Entry, Node, Value};

use super::Reading;

/// Maps the entries of a foreign front matter to the model's keys.
pub fn map(text: &str, entries: Vec<Entry>, _reading: &mut Reading) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut milestones: Vec<Entry> = Vec::new();
    for entry in entries {
        let key = entry.key.as_str();
        let string = entry.value.as_str();
        let mapped: Option<(&'static str, Node)> = match key {
            "title" if string.is_some() => Some(("title", entry.value.clone())),
            "date" | "published" | "pubDate" | "pubdate" => string
                .and_then(|s| day_of(text, s, entry.value.span))
                .map(|n| ("date", n)),
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
            "resolvedWhen" | "resolved_at" | "resolvedAt" | "resolved" | "startedWhen"
            | "started_at" | "startedAt" => {
                if let Some(s) = string.filter(|s| is_instant(s)) {
                    let name = if key.starts_with("resolved") {
                        "resolved"
                    } else {
                        "started"
                    };
                    milestones.push(Entry {
                        key: name.into(),
                        key_span: entry.key_span,
                        value: Node::new(entry.value.span, Value::String(s.to_string())),
                    });
                    continue;
                }
                None
            }
            _ => None,
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
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        parsed
            .tree
            .as_map()
            .expect("map")
            .iter()
            // Every report read as written gets a `status` (tested in `status.rs`).
            .filter(|e| e.key != "status")
            .map(|e| e.key.clone())
            .collect()
    }

    #[test]
    fn jekyll_front_matter_is_mapped_or_kept_as_x_fields() {
        let text = "---\ntitle: Proxy outage\ndate: 2023-07-03 00:00:00 Z\nlayout: incidents\nseverity: sev2\n---\nText.\n";
        assert_eq!(
            keys(text),
            ["title", "date", "x-layout", "severity", "summary"]
        );
    }

    #[test]
    fn status_page_fields_become_milestones() {
        let text = "---\ntitle: Queue stalled\nresolved: true\nresolvedWhen: 2024-02-01 11:20 UTC\nseverity: major\n---\n";
        assert_eq!(
            keys(text),
            ["title", "x-resolved", "x-severity", "milestones"]
        );
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

    #[test]
    fn toml_front_matter_is_read() {
        let text = "+++\ntitle = \"Disk full\"\ndate = 2024-03-02\ndraft = false\n+++\n\nThe disk filled up.\n";
        assert_eq!(keys(text), ["title", "date", "x-draft", "summary"]);
    }
}
