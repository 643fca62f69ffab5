//! The project configuration, `retrospec.toml`: an organisation's severity scale,
//! required sections, rule selection and severities, word lists and defaults.
//!
//! This module holds the data, its defaults and its JSON Schema; `parse` holds
//! [`Config::parse`] (text in, data and located diagnostics out) and what needs the
//! table of every code ([`Config::rule_level`]). The rules read it through
//! [`crate::rules::Context::config`]. Every field has a default, so an empty file
//! (or no file) means the documented defaults. Finding the file is I/O and belongs
//! to the CLI and the language server.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

mod parse;

/// The whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The IANA time zone for times without a zone when a report has no `timezone`.
    pub timezone: Option<String>,
    /// Which files `retrospec check DIR` and the language server treat as reports
    /// (globs relative to the directory of `retrospec.toml`). Empty: every `.md` with
    /// front matter, `.yaml`, `.yml` and `.json`.
    pub files: Vec<String>,
    /// The organisation's severity scale, worst level first.
    pub severity: SeverityScale,
    /// What a report in review or published must contain.
    pub required: Required,
    /// Rule selection and severity overrides: a code (`RS203`) or rule name
    /// (`zone-season`) mapped to `off`, `info`, `warning` or `error`.
    pub rules: BTreeMap<String, RuleLevel>,
    /// What every action item needs.
    pub action_items: ActionItems,
    /// Word lists for the wording rules.
    pub words: Words,
    /// How far a stated duration may be from the milestones before RS208 reports it.
    pub duration_tolerance: DurationTolerance,
    /// How stated durations with a qualifier ("about 2 hours") are compared (RS208).
    pub claims: Claims,
    /// Resource limits: file size, line length, nesting depth, items per list.
    pub limits: crate::limits::Limits,
    /// The services a report may name in `services` (RS410 reports any other);
    /// empty: any name.
    pub services: Vec<String>,
    /// On a report read as written (no retrospec front matter): `summary` (the
    /// default) gathers the policy findings (owners, tracking fields, required
    /// sections and fields) into one RS407 per report; `full` reports each.
    pub policy: PolicyMode,
    /// More section headings for reports read as written: a heading (any case and
    /// punctuation) mapped to the model field it fills, for example
    /// `"What we will do" = "action_items"` (`docs/import.md`).
    pub sections: BTreeMap<String, String>,
}

/// How policy findings on a report read as written are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PolicyMode {
    /// One RS407 per report lists what the canonical form would need.
    #[default]
    Summary,
    /// Every policy finding on its own.
    Full,
}

impl Config {
    /// `[sections]` as (heading, field) pairs, for the parser.
    pub fn section_aliases(&self) -> Vec<(String, String)> {
        self.sections
            .iter()
            .map(|(h, f)| (h.clone(), f.clone()))
            .collect()
    }
}

/// A severity scale: its levels, worst first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SeverityScale {
    /// The levels, worst first.
    pub levels: Vec<SeverityLevel>,
}

impl SeverityScale {
    /// The level named `name`.
    pub fn level(&self, name: &str) -> Option<&SeverityLevel> {
        self.levels.iter().find(|l| l.name == name)
    }

    /// The level's rank: 0 for the worst.
    pub fn rank(&self, name: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.name == name)
    }
}

impl Default for SeverityScale {
    fn default() -> Self {
        let level = |name: &str, description: &str, top: bool| SeverityLevel {
            name: name.to_string(),
            description: description.to_string(),
            require_prevent_item: top,
            require_quantified_impact: top,
        };
        SeverityScale {
            levels: vec![
                level(
                    "SEV1",
                    "Critical: a core service is down or data is lost for many customers.",
                    true,
                ),
                level(
                    "SEV2",
                    "Major: a core function is unavailable or badly degraded for many customers.",
                    true,
                ),
                level(
                    "SEV3",
                    "Moderate: a partial outage or degradation with a workaround, or for few customers.",
                    false,
                ),
                level(
                    "SEV4",
                    "Minor: limited impact on customers, or internal impact only.",
                    false,
                ),
                level(
                    "SEV5",
                    "Low: no customer impact; a near miss worth learning from.",
                    false,
                ),
            ],
        }
    }
}

/// One level of the severity scale and what it requires of a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SeverityLevel {
    /// The name as written in reports, for example `SEV1` or `critical`.
    pub name: String,
    /// What the level means; shown on hover and in the schema.
    #[serde(default)]
    pub description: String,
    /// A report at this level needs at least one action item of type `prevent`.
    #[serde(default)]
    pub require_prevent_item: bool,
    /// A report at this level needs its impact in numbers (users, customers or percentage).
    #[serde(default)]
    pub require_quantified_impact: bool,
}

/// What reports in review or published must contain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Required {
    /// Model fields that must be present and not empty, by their key
    /// (`summary`, `impact`, `root_cause`, `timeline`, `action_items`, ...).
    pub sections: Vec<String>,
}

impl Default for Required {
    fn default() -> Self {
        Required {
            sections: [
                "summary",
                "impact",
                "root_cause",
                "resolution",
                "timeline",
                "action_items",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Reported as information.
    Info,
    /// Reported as a warning.
    Warning,
    /// Reported as an error.
    Error,
}

/// What action items need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActionItems {
    /// Fields every action item of a report in review or published must have
    /// (`owner` is required in every status by RS301).
    pub require: Vec<ActionItemField>,
}

impl Default for ActionItems {
    fn default() -> Self {
        ActionItems {
            require: vec![
                ActionItemField::Due,
                ActionItemField::Priority,
                ActionItemField::Link,
            ],
        }
    }
}

/// A field of an action item that the configuration can require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionItemField {
    /// `due`.
    Due,
    /// `priority`.
    Priority,
    /// `link`.
    Link,
    /// `type`.
    Type,
    /// `status`.
    Status,
}

/// Word lists for the wording rules. Matching is case-insensitive, on whole words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Words {
    /// Action item openings too vague to be done or checked (RS304).
    pub vague: Vec<String>,
    /// Phrases that blame a person instead of a system (RS403).
    pub blame: Vec<String>,
    /// Counterfactual and judging words in descriptive sections (RS404).
    pub counterfactual: Vec<String>,
    /// Extra placeholder words beside the built-in ones (RS401).
    pub placeholders: Vec<String>,
}

impl Default for Words {
    fn default() -> Self {
        let list = |words: &[&str]| words.iter().map(|w| (*w).to_string()).collect();
        Words {
            vague: list(&[
                "improve",
                "investigate more",
                "look into",
                "be more careful",
                "try to",
                "consider",
                "monitor better",
                "better",
            ]),
            blame: list(&[
                "human error",
                "operator error",
                "user error",
                "careless",
                "carelessness",
                "carelessly",
                "negligence",
                "negligent",
                "negligently",
                "fault of",
                "fat-finger",
                "fat-fingered",
                "fat finger",
                "fat fingered",
                "sloppiness",
                "laziness",
                "incompetence",
                "incompetent",
                "recklessness",
                "recklessly",
            ]),
            counterfactual: list(&[
                "should have",
                "could have",
                "would have",
                "should've",
                "could've",
                "would've",
                "ought to have",
                "if only",
                "failed to",
                "obviously",
                "simply",
                "just",
                "clearly",
            ]),
            placeholders: Vec::new(),
        }
    }
}

/// The tolerance for stated durations: a difference is reported when it exceeds
/// both `minutes` and `percent` of the duration the milestones give.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DurationTolerance {
    /// Minutes.
    pub minutes: u32,
    /// Percent of the milestones' duration.
    pub percent: u32,
}

impl Default for DurationTolerance {
    fn default() -> Self {
        DurationTolerance {
            minutes: 2,
            percent: 3,
        }
    }
}

/// How much a duration stated with "about", "around", "roughly", "~", "nearly"
/// or "almost" may differ from the report's own times: `tolerance` of the stated
/// value, and never less than `floor-minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Claims {
    /// Relative tolerance of an approximate duration (0.15: 15 percent of the stated value).
    #[schemars(range(min = 0.0, max = 1.0))]
    pub tolerance: f64,
    /// The least tolerance of an approximate duration, in minutes.
    pub floor_minutes: u32,
}

impl Default for Claims {
    fn default() -> Self {
        Claims {
            tolerance: 0.15,
            floor_minutes: 5,
        }
    }
}

impl RuleLevel {
    /// The severity diagnostics get at this level; `None` for `off`.
    pub fn severity(self) -> Option<crate::diagnostic::Severity> {
        use crate::diagnostic::Severity;
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

/// The stable identifier of version 1 of the configuration schema.
pub const CONFIG_SCHEMA_ID: &str = "https://retrospec.dev/schema/v1/retrospec-config.schema.json";

/// The JSON Schema (draft 2020-12) of `retrospec.toml`, generated from [`Config`];
/// committed as `schema/retrospec-config.schema.json`.
pub fn config_schema() -> Json {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let root = generator.into_root_schema_for::<Config>();
    let Json::Object(generated) = root.to_value() else {
        unreachable!("schemars always generates an object schema for a struct")
    };
    let mut ordered = serde_json::Map::new();
    ordered.insert(
        "$schema".into(),
        Json::String(retrospec_model::schema::SCHEMA_DIALECT.into()),
    );
    ordered.insert("$id".into(), Json::String(CONFIG_SCHEMA_ID.into()));
    for (key, value) in generated {
        if key != "$schema" {
            ordered.insert(key, value);
        }
    }
    Json::Object(ordered)
}

/// [`config_schema`] pretty-printed with a trailing newline, as committed under `schema/`.
pub fn config_schema_string() -> String {
    let mut text =
        serde_json::to_string_pretty(&config_schema()).expect("a JSON value always serialises");
    text.push('\n');
    text
}

impl Config {
    /// The `files` globs as one matcher for paths relative to the configuration's
    /// directory; `None` when `files` is empty (every report file is checked).
    pub fn files_matcher(&self) -> Option<globset::GlobSet> {
        if self.files.is_empty() {
            return None;
        }
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in &self.files {
            if let Ok(glob) = globset::Glob::new(pattern) {
                builder.add(glob);
            }
        }
        builder.build().ok()
    }
}
