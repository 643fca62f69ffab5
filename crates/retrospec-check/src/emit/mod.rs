//! Writing reports: the canonical JSON shape of a report as YAML, JSON or Markdown
//! with front matter, and canonical formatting of a report's text ([`tidy`]).
//!
//! Text out, no I/O. The writers take the report as JSON (the shape of
//! [`crate::tree::Node::to_json`] or of a serialised [`retrospec_model::Postmortem`]),
//! not the typed model, so that nothing is lost on the way: a value the schema rejects
//! (`severity: high`) and an unknown key are written out like any other, and the
//! diagnostics about them stay the same in the new form.
//!
//! Keys are written in the model's field order ([`canonical_order`]); keys the model
//! does not know (`x-` extensions, mistakes) follow in the order they were written.

pub mod markdown;
pub mod tidy;
pub mod yaml;

use serde_json::{Map, Value as Json};

use crate::parse::Format;

/// Field order of each object of the model (the order of the Rust fields, which is
/// the order of the schema's `properties`; a test keeps the two in step).
pub mod order {
    /// The report.
    pub const POSTMORTEM: &[&str] = &[
        "$schema",
        "id",
        "title",
        "date",
        "status",
        "owner",
        "authors",
        "severity",
        "services",
        "tags",
        "timezone",
        "milestones",
        "summary",
        "impact",
        "root_cause",
        "contributing_factors",
        "trigger",
        "detection",
        "resolution",
        "timeline",
        "lessons",
        "action_items",
        "links",
        "sections",
    ];
    /// `milestones`.
    pub const MILESTONES: &[&str] = &[
        "started",
        "detected",
        "acknowledged",
        "mitigated",
        "resolved",
    ];
    /// `impact`.
    pub const IMPACT: &[&str] = &[
        "description",
        "users_affected",
        "customers_affected",
        "percentage",
        "regions",
    ];
    /// `detection`.
    pub const DETECTION: &[&str] = &["method", "description"];
    /// `timeline[]`.
    pub const TIMELINE_ENTRY: &[&str] = &["time", "text", "milestone"];
    /// `lessons`.
    pub const LESSONS: &[&str] = &["went_well", "went_wrong", "got_lucky", "other"];
    /// `action_items[]`.
    pub const ACTION_ITEM: &[&str] = &[
        "title", "owner", "due", "priority", "type", "status", "link",
    ];
    /// `links[]`.
    pub const LINK: &[&str] = &["title", "url"];
    /// `sections[]`.
    pub const SECTION: &[&str] = &["title", "body"];
}

/// The report with every known object's keys in the model's order; unknown keys
/// keep their written order after the known ones. Values are untouched.
pub fn canonical_order(report: &Json) -> Json {
    let Json::Object(map) = report else {
        return report.clone();
    };
    let mut out = reorder(map, order::POSTMORTEM);
    for (key, keys) in [
        ("milestones", order::MILESTONES),
        ("impact", order::IMPACT),
        ("detection", order::DETECTION),
        ("lessons", order::LESSONS),
    ] {
        if let Some(Json::Object(inner)) = out.get(key) {
            let sorted = reorder(inner, keys);
            out.insert(key.into(), Json::Object(sorted));
        }
    }
    for (key, keys) in [
        ("timeline", order::TIMELINE_ENTRY),
        ("action_items", order::ACTION_ITEM),
        ("links", order::LINK),
        ("sections", order::SECTION),
    ] {
        if let Some(Json::Array(items)) = out.get_mut(key) {
            for item in items.iter_mut() {
                if let Json::Object(inner) = item {
                    *inner = reorder(inner, keys);
                }
            }
        }
    }
    Json::Object(out)
}

fn reorder(map: &Map<String, Json>, keys: &[&str]) -> Map<String, Json> {
    let mut out = Map::with_capacity(map.len());
    for key in keys {
        if let Some(v) = map.get(*key) {
            out.insert((*key).to_string(), v.clone());
        }
    }
    for (k, v) in map {
        if !keys.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// The report written in `format`, keys in canonical order.
pub fn write(report: &Json, format: Format) -> String {
    let report = canonical_order(report);
    match format {
        Format::Json => to_json(&report),
        Format::Yaml => yaml::to_yaml(&report),
        Format::Markdown => markdown::to_markdown(&report),
    }
}

/// The typed model written in `format`.
pub fn write_model(model: &retrospec_model::Postmortem, format: Format) -> String {
    // Serialising the model's own types cannot fail (string keys, finite numbers).
    let json = serde_json::to_value(model).unwrap_or(Json::Null);
    write(&json, format)
}

/// Pretty JSON with two-space indentation and a final line break.
pub fn to_json(report: &Json) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key lists follow the schema's property order, so output reads like the model.
    #[test]
    fn key_order_follows_the_schema() {
        let schema = retrospec_model::schema::postmortem_schema();
        let props = |v: &Json| -> Vec<String> {
            v["properties"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        assert_eq!(props(&schema), order::POSTMORTEM);
        let defs = &schema["$defs"];
        for (def, keys) in [
            ("Milestones", order::MILESTONES),
            ("Impact", order::IMPACT),
            ("Detection", order::DETECTION),
            ("TimelineEntry", order::TIMELINE_ENTRY),
            ("Lessons", order::LESSONS),
            ("ActionItem", order::ACTION_ITEM),
            ("Link", order::LINK),
            ("Section", order::SECTION),
        ] {
            assert_eq!(props(&defs[def]), keys, "{def}");
        }
    }
}
