//! Editor assistance computed in the core, so that every front end offers the
//! same: completion, an outline of the report, and T+ offsets for timeline times.

use retrospec_model::Milestone;
use serde_json::Value as Json;

use crate::config::Config;
use crate::parse::{Format, Parsed, markdown};
use crate::ptr::Ptr;
use crate::span::Span;
use crate::times::{TimeValue, Times};
use crate::tree::Value;
use crate::validate::{self, SCHEMA};

/// What a completion inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    /// A field name.
    Field,
    /// A value from a fixed list.
    Value,
    /// A section heading.
    Section,
    /// A time zone name.
    Zone,
}

/// One completion proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text to insert.
    pub label: String,
    /// A short description.
    pub detail: Option<String>,
    /// What it is.
    pub kind: CompletionKind,
}

/// Completions at byte `offset`: field names at the start of a YAML line, allowed
/// values after `key:`, section headings after `## ` in a Markdown body; `severity:`
/// offers the configured scale. Reads only the text around the cursor.
pub(crate) fn complete(
    text: &str,
    format: Format,
    offset: usize,
    config: &Config,
) -> Vec<Completion> {
    let offset = crate::span::floor_char(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let in_body = format == Format::Markdown
        && markdown::split_front_matter(text).is_none_or(|fm| offset >= fm.body_start);
    if format == Format::Json {
        return Vec::new();
    }
    if in_body {
        if line.starts_with("## ") {
            return markdown::section_headings()
                .map(|h| Completion {
                    label: title_case(h),
                    detail: None,
                    kind: CompletionKind::Section,
                })
                .collect();
        }
        return Vec::new();
    }
    let trimmed = line.trim_start().trim_start_matches("- ");
    if let Some((key, _)) = trimmed.split_once(':') {
        return values_for(key.trim(), config);
    }
    if trimmed
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        let indent = line.len() - line.trim_start().len();
        let parent = if indent == 0 {
            String::new()
        } else {
            parent_pointer(&text[..line_start], indent)
        };
        return fields_of(&parent);
    }
    Vec::new()
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The pointer of the object a line indented by `indent` belongs to, from the
/// nearest less-indented `key:` line above it (`/milestones`, `/timeline/0`).
fn parent_pointer(before: &str, indent: usize) -> String {
    for line in before.lines().rev() {
        let own = line.len() - line.trim_start().len();
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if own < indent || (own == indent.saturating_sub(2) && content.starts_with("- ")) {
            if content.starts_with("- ") && own + 2 == indent {
                // An item of a list whose key is further up.
                return format!("{}/0", parent_pointer_of_list(before, own));
            }
            if let Some((key, _)) = content.split_once(':') {
                return Ptr::field(key.trim()).into();
            }
            return String::new();
        }
    }
    String::new()
}

fn parent_pointer_of_list(before: &str, list_indent: usize) -> String {
    for line in before.lines().rev() {
        let own = line.len() - line.trim_start().len();
        let content = line.trim_start();
        if !content.is_empty()
            && !content.starts_with("- ")
            && own <= list_indent
            && let Some((key, _)) = content.split_once(':')
        {
            return Ptr::field(key.trim()).into();
        }
    }
    String::new()
}

fn fields_of(pointer: &str) -> Vec<Completion> {
    let Some(object) = validate::object_schema_at(pointer) else {
        return Vec::new();
    };
    let Some(properties) = object.get("properties").and_then(Json::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .filter(|(k, _)| !k.starts_with('$'))
        .map(|(k, v)| Completion {
            label: k.clone(),
            detail: v
                .get("description")
                .and_then(Json::as_str)
                .map(|d| d.lines().next().unwrap_or(d).to_string()),
            kind: CompletionKind::Field,
        })
        .collect()
}

fn values_for(key: &str, config: &Config) -> Vec<Completion> {
    if key == "severity" {
        return config
            .severity
            .levels
            .iter()
            .map(|level| Completion {
                label: level.name.clone(),
                detail: (!level.description.is_empty()).then(|| level.description.clone()),
                kind: CompletionKind::Value,
            })
            .collect();
    }
    if key == "timezone" {
        return crate::time::known_zone_names()
            .filter(|z| z.contains('/') || *z == "UTC")
            .map(|z| Completion {
                label: z.to_string(),
                detail: None,
                kind: CompletionKind::Zone,
            })
            .collect();
    }
    let definition = match key {
        "status" => "Status",
        "priority" => "Priority",
        "type" => "ActionType",
        "method" => "DetectionMethod",
        "milestone" => "Milestone",
        _ => return Vec::new(),
    };
    // A pointer into the schema's `$defs`, not into a report: `Ptr` does not name it.
    let Some(schema) = SCHEMA.pointer(&format!("/$defs/{definition}")) else {
        return Vec::new();
    };
    let branches = schema
        .get("oneOf")
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    branches
        .iter()
        .filter_map(|b| {
            Some(Completion {
                label: b.get("const")?.as_str()?.to_string(),
                detail: b
                    .get("description")
                    .and_then(Json::as_str)
                    .map(str::to_string),
                kind: CompletionKind::Value,
            })
        })
        .collect()
}

/// One entry of a report's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// What to show.
    pub name: String,
    /// The whole entry.
    pub span: Span,
    /// The part to select (the key or heading).
    pub selection: Span,
    /// Milestones, timeline entries and action items inside.
    pub children: Vec<Symbol>,
}

/// The outline: top-level fields (sections in Markdown), with the entries of the
/// milestones, timeline and action items as children.
pub(crate) fn outline(parsed: &Parsed) -> Vec<Symbol> {
    let Some(entries) = parsed.tree.as_map() else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            let children = match (&e.key[..], &e.value.value) {
                ("timeline", Value::Seq(items)) | ("action_items", Value::Seq(items)) => items
                    .iter()
                    .map(|item| {
                        let label = ["time", "title"]
                            .iter()
                            .find_map(|k| item.entry(k).and_then(|x| x.value.as_str()))
                            .unwrap_or("(entry)");
                        let text = item
                            .entry("text")
                            .and_then(|x| x.value.as_str())
                            .unwrap_or("");
                        let name = if text.is_empty() {
                            label.to_string()
                        } else {
                            format!("{label} {text}")
                        };
                        Symbol {
                            name: shorten(&name),
                            span: item.span,
                            selection: item.span,
                            children: Vec::new(),
                        }
                    })
                    .collect(),
                ("milestones", Value::Map(ms)) => ms
                    .iter()
                    .map(|m| Symbol {
                        name: format!("{}: {}", m.key, m.value.as_str().unwrap_or("")),
                        span: m.key_span.cover(m.value.span),
                        selection: m.key_span,
                        children: Vec::new(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Symbol {
                name: e.key.clone(),
                span: e.key_span.cover(e.value.span),
                selection: e.key_span,
                children,
            }
        })
        .collect()
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        s.chars().take(59).collect::<String>() + "…"
    }
}

/// A `T+` label after a timeline time: its offset from the start of impact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetHint {
    /// Where to show it (the end of the time).
    pub offset: usize,
    /// For example `T+14m` or `T-5m`.
    pub label: String,
}

/// `T+` hints for every timeline time, when `milestones.started` is known.
pub(crate) fn offset_hints(parsed: &Parsed, times: &Times) -> Vec<OffsetHint> {
    let Some(start) = times
        .milestone(Milestone::Started)
        .and_then(TimeValue::instant)
    else {
        return Vec::new();
    };
    times
        .timeline
        .iter()
        .flatten()
        .filter_map(|v| {
            let at = v.instant()?;
            let node = parsed.tree.pointer(&v.pointer)?.0;
            let minutes = (at.timestamp.as_second() - start.timestamp.as_second()) / 60;
            Some(OffsetHint {
                offset: node.span.end,
                label: format!("T{}", format_minutes(minutes)),
            })
        })
        .collect()
}

/// `+14m`, `+1h05m`, `-5m`.
pub fn format_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "+" };
    let m = minutes.abs();
    if m >= 60 {
        format!("{sign}{}h{:02}m", m / 60, m % 60)
    } else {
        format!("{sign}{m}m")
    }
}

#[cfg(test)]
mod tests {
    use super::{Completion, OffsetHint, Symbol};
    use crate::{Analysis, Config, Format};

    fn complete(text: &str, format: Format, offset: usize) -> Vec<Completion> {
        complete_with(text, format, offset, &Config::default())
    }

    fn complete_with(
        text: &str,
        format: Format,
        offset: usize,
        config: &Config,
    ) -> Vec<Completion> {
        Analysis::new(text, format, config).completions(offset)
    }

    fn outline(text: &str, format: Format) -> Vec<Symbol> {
        Analysis::new(text, format, &Config::default()).outline()
    }

    fn offset_hints(text: &str, format: Format) -> Vec<OffsetHint> {
        Analysis::new(text, format, &Config::default()).inlay_hints(0..text.len())
    }

    fn labels(items: &[Completion]) -> Vec<&str> {
        items.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn severity_completion_offers_the_configured_scale() {
        let (config, _) = Config::parse(
            "[[severity.levels]]\nname = \"critical\"\ndescription = \"Down.\"\n[[severity.levels]]\nname = \"minor\"\n",
        );
        let text = "title: t\nseverity: ";
        let items = complete_with(text, Format::Yaml, text.len(), &config);
        assert_eq!(labels(&items), ["critical", "minor"]);
        assert_eq!(items[0].detail.as_deref(), Some("Down."));
        let items = complete(text, Format::Yaml, text.len());
        assert_eq!(labels(&items), ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]);
    }

    #[test]
    fn completes_fields_values_and_sections() {
        let yaml = "title: t\nstat";
        assert!(labels(&complete(yaml, Format::Yaml, yaml.len())).contains(&"status"));
        let value = "title: t\nseverity: S";
        assert_eq!(
            labels(&complete(value, Format::Yaml, value.len())),
            ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]
        );
        let nested = "milestones:\n  det";
        assert!(labels(&complete(nested, Format::Yaml, nested.len())).contains(&"detected"));
        let item = "action_items:\n  - title: x\n    pri";
        assert!(labels(&complete(item, Format::Yaml, item.len())).contains(&"priority"));
        let md = "---\nstatus: draft\n---\n## ";
        assert!(labels(&complete(md, Format::Markdown, md.len())).contains(&"Root cause"));
        let tz = "timezone: Eu";
        assert!(labels(&complete(tz, Format::Yaml, tz.len())).contains(&"Europe/Paris"));
    }

    #[test]
    fn outline_and_offset_hints() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\ntimeline:\n  - time: 2024-06-10 16:05 CEST\n    text: a\n  - time: 17:10 CEST\n    text: b\n";
        let symbols = outline(text, Format::Yaml);
        let timeline = symbols
            .iter()
            .find(|s| s.name == "timeline")
            .expect("timeline");
        assert_eq!(timeline.children.len(), 2);
        let hints = offset_hints(text, Format::Yaml);
        let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["T+0m", "T+1h05m"]);
        assert_eq!(&text[hints[1].offset - 10..hints[1].offset], "17:10 CEST");
    }
}
