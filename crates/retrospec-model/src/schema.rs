//! The JSON Schema generated from the model.
//!
//! The schema is draft 2020-12, has a stable versioned `$id` ([`SCHEMA_ID`]) and is
//! committed as `schema/postmortem.schema.json`; a test in the CLI crate fails
//! when the committed file differs from [`postmortem_schema`].

use schemars::{Schema, generate::SchemaSettings};
use serde_json::{Map, Value, json};

use crate::Postmortem;

/// The stable identifier of version 1 of the postmortem schema.
pub const SCHEMA_ID: &str = "https://retrospec.dev/schema/v1/postmortem.schema.json";

/// The JSON Schema draft the schema is written in.
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The timestamp forms a milestone accepts (anchored, ECMA-262 compatible).
///
/// Digits are `[0-9]`, not `\d`: ECMA-262's `\d` is ASCII but Rust's regex (and
/// so the jsonschema crate) reads it as every Unicode digit, which accepted `٢٠٢٤`
/// and made the pattern several times costlier to compile at start-up.
pub const TIMESTAMP_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( ?(Z|[+-][0-9]{2}(:?[0-9]{2})?|[A-Za-z][A-Za-z0-9_+/-]*))?$";

/// The forms a timeline time accepts: a timestamp, or a time of day with an optional zone.
pub const TIMELINE_TIME_PATTERN: &str = r"^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ])?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( ?(Z|[+-][0-9]{2}(:?[0-9]{2})?|[A-Za-z][A-Za-z0-9_+/-]*))?$";

/// The prefix of organisation-specific extension keys.
pub const EXTENSION_PREFIX: &str = "x-";

/// Generates the postmortem JSON Schema (draft 2020-12) from the model.
pub fn postmortem_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let root = generator.into_root_schema_for::<Postmortem>();
    let Value::Object(generated) = root.to_value() else {
        unreachable!("schemars always generates an object schema for a struct")
    };
    // Put the identifying keywords first so the file reads well.
    let mut ordered = Map::new();
    ordered.insert("$schema".into(), Value::String(SCHEMA_DIALECT.into()));
    ordered.insert("$id".into(), Value::String(SCHEMA_ID.into()));
    for (key, value) in generated {
        if key != "$schema" {
            ordered.insert(key, value);
        }
    }
    Value::Object(ordered)
}

/// The schema as pretty-printed JSON with a trailing newline, as committed under `schema/`.
pub fn postmortem_schema_string() -> String {
    let mut text =
        serde_json::to_string_pretty(&postmortem_schema()).expect("a JSON value always serialises");
    text.push('\n');
    text
}

/// schemars transform for the root: unknown keys are rejected, except `x-` extensions.
///
/// This is done here rather than with `#[serde(deny_unknown_fields)]`, because serde's
/// `flatten` (which holds the extensions) combined with `deny_unknown_fields` yields a
/// schema that rejects every document.
pub fn allow_extension_fields(schema: &mut Schema) {
    schema.insert("additionalProperties".into(), Value::Bool(false));
    schema.insert(
        "patternProperties".into(),
        json!({ format!("^{EXTENSION_PREFIX}"): {
            "description": "Organisation-specific data; retrospec keeps it and does not check it."
        }}),
    );
}

/// A complete example report, shown in the schema's `examples`.
pub fn example_postmortem() -> Value {
    json!({
        "$schema": SCHEMA_ID,
        "id": "INC-2024-0610",
        "title": "Cloud degradation after a release with an aggressive scaling policy",
        "date": "2024-06-12",
        "status": "published",
        "owner": "sre-team",
        "authors": ["Jane Doe"],
        "severity": "SEV2",
        "services": ["cloud"],
        "timezone": "Europe/Paris",
        "milestones": {
            "started": "2024-06-10 16:05 CEST",
            "detected": "2024-06-10 16:10 CEST",
            "acknowledged": "2024-06-10 16:20 CEST",
            "mitigated": "2024-06-10 16:45 CEST",
            "resolved": "2024-06-10 17:20 CEST"
        },
        "summary": "Between 14:05 and 15:20 UTC some users saw 404 errors and could not reach their workspace.",
        "impact": { "description": "404 errors and no access to workspaces.", "percentage": 30 },
        "root_cause": "A release changed resource usage while the scaling policy deallocated too aggressively.",
        "trigger": "Release deployed at 15:30 CEST.",
        "detection": { "method": "alert", "description": "Monitoring and customers reported errors at 16:10." },
        "resolution": "The release was rolled back and the services restarted.",
        "timeline": [
            { "time": "2024-06-10 16:05 CEST", "text": "Service degradation begins", "milestone": "started" },
            { "time": "16:10 CEST", "text": "Monitoring alerts", "milestone": "detected" }
        ],
        "action_items": [{
            "title": "Limit scale-down to 10% of capacity per 5 minutes",
            "owner": "platform-team",
            "due": "2024-07-01",
            "priority": "P1",
            "type": "prevent",
            "status": "open",
            "link": "https://tracker.example.com/OPS-123"
        }],
        "x-team-channel": "#inc-2024-0610"
    })
}

/// schemars transform: marks `fields` as required.
///
/// The model gives every field a serde default so that a report with mistakes still
/// deserialises for the rules; schemars would then call every field optional, so what
/// the schema requires is stated here instead.
pub fn require(fields: &'static [&'static str]) -> impl Fn(&mut Schema) {
    move |schema: &mut Schema| {
        let list = fields.iter().map(|f| Value::String((*f).into())).collect();
        schema.insert("required".into(), Value::Array(list));
    }
}
