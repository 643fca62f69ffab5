//! The project configuration, `retrospec.toml`: an organisation's severity scale,
//! required sections, rule selection and severities, word lists and defaults.
//!
//! This module holds the data, its defaults, its JSON Schema and [`Config::parse`]
//! (text in, data and located diagnostics out); the rules read it through
//! [`crate::rules::Context::config`]. Every field has a default, so an empty file
//! (or no file) means the documented defaults. Finding the file is I/O and belongs
//! to the CLI and the language server.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

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
    /// Resource limits: file size, line length, nesting depth, items per list.
    pub limits: crate::limits::Limits,
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
                "negligence",
                "negligent",
                "fault of",
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

/// The top-level keys, read from the generated schema so they never drift from the type.
static TOP_LEVEL_KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    config_schema()
        .get("properties")
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
});

type Spanned<T> = toml::Spanned<T>;
type DeTable<'i> = toml::de::DeTable<'i>;
type DeValue<'i> = toml::de::DeValue<'i>;

impl Config {
    /// Reads the text of a `retrospec.toml`. Never fails: every mistake is a
    /// diagnostic located in `text` (RS501 syntax, RS502 an unknown key or a wrong
    /// value, RS503 an unknown rule in `[rules]`), and what is wrong is replaced by
    /// its default, so the rest of the file still applies.
    pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
        let mut out = Vec::new();
        let (doc, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            for e in errors {
                let span = error_span(text, e.span());
                out.push(
                    Diagnostic::new(
                        &codes::CONFIG_SYNTAX,
                        span,
                        format!("retrospec.toml is not valid TOML: {}", e.message().trim()),
                    )
                    .with_help(
                        "see https://toml.io for the syntax; docs/configuration.md for the keys",
                    ),
                );
            }
            return (Config::default(), out);
        }
        let whole = doc.span();
        let root = doc.into_inner();
        // Deserialise one top-level key at a time, so that one mistake costs only
        // its own key and every key's first mistake is reported.
        let mut good = DeTable::new();
        let mut rules = BTreeMap::new();
        for (key, value) in root.iter() {
            let name = key.get_ref().as_ref();
            if !TOP_LEVEL_KEYS.iter().any(|k| k == name) {
                out.push(unknown_key(
                    text,
                    key.span(),
                    name,
                    TOP_LEVEL_KEYS.iter().map(String::as_str),
                    "retrospec.toml",
                ));
                continue;
            }
            if name == "rules"
                && let Some(table) = value.get_ref().as_table()
            {
                // One entry at a time: a bad level costs only its own rule.
                for (rule, level) in table.iter() {
                    match RuleLevel::deserialize(toml::de::ValueDeserializer::from(level.clone())) {
                        Ok(level) => {
                            rules.insert(rule.get_ref().to_string(), level);
                        }
                        Err(e) => out.push(value_error(text, &e, level.span())),
                    }
                }
                continue;
            }
            let mut single = DeTable::new();
            single.insert(key.clone(), value.clone());
            match Config::deserialize(toml::de::Deserializer::from(Spanned::new(
                whole.clone(),
                single,
            ))) {
                Ok(_) => {
                    good.insert(key.clone(), value.clone());
                }
                Err(e) => out.push(value_error(text, &e, value.span())),
            }
        }
        let mut config =
            Config::deserialize(toml::de::Deserializer::from(Spanned::new(whole, good)))
                .unwrap_or_default();
        config.rules = rules;
        check_timezone(text, &root, &mut config, &mut out);
        check_files(&root, &mut config, &mut out);
        check_sections(&root, &mut config, &mut out);
        check_scale(&root, &mut config, &mut out);
        check_rules(&root, &mut config, &mut out);
        out.sort_by_key(|d| (d.span.start, d.span.end));
        (config, out)
    }
}

fn error_span(text: &str, range: Option<std::ops::Range<usize>>) -> Span {
    match range {
        Some(r) => Span::new(r.start.min(text.len()), r.end.min(text.len())),
        None => Span::empty(0),
    }
}

fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

fn unknown_key<'a>(
    text: &str,
    range: std::ops::Range<usize>,
    name: &str,
    known: impl Iterator<Item = &'a str> + Clone,
    place: &str,
) -> Diagnostic {
    let listed = known
        .clone()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let d = Diagnostic::new(
        &codes::CONFIG_VALUE,
        error_span(text, Some(range)),
        format!("unknown key `{name}` in {place}"),
    );
    match crate::suggest::closest(name, known) {
        Some(best) => d.with_help(format!("did you mean `{best}`? known keys: {listed}")),
        None => d.with_help(format!("known keys: {listed}")),
    }
}

/// A serde error from one key's value, made readable: an unknown field or
/// variant gets the closest known name.
fn value_error(text: &str, e: &toml::de::Error, fallback: std::ops::Range<usize>) -> Diagnostic {
    let message = e.message().trim();
    let span = error_span(text, e.span().or(Some(fallback)));
    let listed = |rest: &str| -> Vec<String> {
        rest.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    for (prefix, what) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once('`')
        {
            let options = listed(expected);
            let all = options
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let d = Diagnostic::new(
                &codes::CONFIG_VALUE,
                span,
                format!("unknown {what} `{found}` in retrospec.toml"),
            );
            return match crate::suggest::closest(found, options.iter().map(String::as_str)) {
                Some(best) => d.with_help(format!("did you mean `{best}`? allowed: {all}")),
                None => d.with_help(format!("allowed: {all}")),
            };
        }
    }
    Diagnostic::new(
        &codes::CONFIG_VALUE,
        span,
        format!("invalid value in retrospec.toml: {message}"),
    )
    .with_help("docs/configuration.md lists every key with its type")
}

fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

fn check_timezone(text: &str, root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let Some(name) = config.timezone.clone() else {
        return;
    };
    if jiff::tz::TimeZone::get(&name).is_ok() {
        return;
    }
    let span = get(root, "timezone").map_or(Span::empty(0), |v| error_span(text, Some(v.span())));
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_string())
        .collect();
    let d = Diagnostic::new(
        &codes::CONFIG_VALUE,
        span,
        format!("`{name}` is not a known IANA time zone"),
    );
    out.push(
        match crate::suggest::closest(&name, names.iter().map(String::as_str)) {
            Some(best) => d.with_help(format!("did you mean `{best}`?")),
            None => d.with_help("use an IANA name such as `Europe/Paris` or `UTC`"),
        },
    );
    config.timezone = None;
}

fn check_files(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let spans: Vec<Span> = get(root, "files")
        .and_then(|f| f.get_ref().as_array())
        .map(|a| a.iter().map(|v| span_of(v.span())).collect())
        .unwrap_or_default();
    let mut bad = false;
    for (i, pattern) in config.files.iter().enumerate() {
        if let Err(e) = globset::Glob::new(pattern) {
            out.push(
                Diagnostic::new(
                    &codes::CONFIG_VALUE,
                    spans.get(i).copied().unwrap_or(Span::empty(0)),
                    format!("`{pattern}` is not a valid glob: {}", e.kind()),
                )
                .with_help("globs are relative to the directory of retrospec.toml, for example `postmortems/**/*.md`"),
            );
            bad = true;
        }
    }
    if bad {
        config.files.clear();
    }
}

/// `required.sections` must name fields of the model.
fn check_sections(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let spans: Vec<Span> = get(root, "required")
        .and_then(|r| r.get_ref().as_table())
        .and_then(|t| get(t, "sections"))
        .and_then(|s| s.get_ref().as_array())
        .map(|a| a.iter().map(|v| span_of(v.span())).collect())
        .unwrap_or_default();
    let fields: Vec<&str> = crate::validate::SCHEMA
        .get("properties")
        .and_then(Json::as_object)
        .map(|p| {
            p.keys()
                .map(String::as_str)
                .filter(|k| !k.starts_with('$'))
                .collect()
        })
        .unwrap_or_default();
    let mut known = Vec::new();
    for (i, section) in config.required.sections.iter().enumerate() {
        if fields.contains(&section.as_str()) {
            known.push(section.clone());
            continue;
        }
        let d = Diagnostic::new(
            &codes::CONFIG_VALUE,
            spans.get(i).copied().unwrap_or(Span::empty(0)),
            format!("`{section}` is not a field of a report"),
        );
        out.push(
            match crate::suggest::closest(section, fields.iter().copied()) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("fields: {}", fields.join(", "))),
            },
        );
    }
    config.required.sections = known;
}

fn check_scale(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let levels = get(root, "severity")
        .and_then(|s| s.get_ref().as_table())
        .and_then(|t| get(t, "levels"));
    let Some(levels) = levels else { return };
    if config.severity.levels.is_empty() {
        out.push(
            Diagnostic::new(
                &codes::CONFIG_VALUE,
                span_of(levels.span()),
                "the severity scale has no levels",
            )
            .with_help("list the levels worst first, or remove `severity` for SEV1..SEV5"),
        );
        config.severity = SeverityScale::default();
        return;
    }
    let spans: Vec<Span> = levels
        .get_ref()
        .as_array()
        .map(|a| {
            a.iter()
                .map(|l| {
                    l.get_ref()
                        .as_table()
                        .and_then(|t| get(t, "name"))
                        .map_or(span_of(l.span()), |n| span_of(n.span()))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut duplicate = false;
    for (i, level) in config.severity.levels.iter().enumerate() {
        let here = spans.get(i).copied().unwrap_or(Span::empty(0));
        if level.name.trim().is_empty() {
            out.push(
                Diagnostic::new(&codes::CONFIG_VALUE, here, "a severity level has no name")
                    .with_help("name it as reports write it, for example `SEV1` or `critical`"),
            );
            duplicate = true;
        } else if let Some(first) = config.severity.levels[..i]
            .iter()
            .position(|l| l.name == level.name)
        {
            let mut d = Diagnostic::new(
                &codes::CONFIG_VALUE,
                here,
                format!("severity level `{}` is listed twice", level.name),
            )
            .with_help("each level of the scale needs its own name");
            if let Some(first) = spans.get(first) {
                d = d.with_label(*first, "first listed here");
            }
            out.push(d);
            duplicate = true;
        }
    }
    if duplicate {
        config.severity = SeverityScale::default();
    }
}

fn check_rules(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let Some(rules) = get(root, "rules").and_then(|r| r.get_ref().as_table()) else {
        return;
    };
    let candidates: Vec<&str> = codes::ALL.iter().flat_map(|c| [c.code, c.name]).collect();
    for (key, _) in rules.iter() {
        let name = key.get_ref().as_ref();
        let span = span_of(key.span());
        match codes::lookup(name) {
            Some(info) if !codes::configurable(info.code) => {
                out.push(
                    Diagnostic::new(
                        &codes::CONFIG_UNKNOWN_RULE,
                        span,
                        format!("{} ({}) cannot be configured", info.code, info.name),
                    )
                    .with_help("mistakes in retrospec.toml itself are always errors"),
                );
                config.rules.remove(name);
            }
            Some(_) => {}
            None => {
                let d = Diagnostic::new(
                    &codes::CONFIG_UNKNOWN_RULE,
                    span,
                    format!("no rule has the code or name `{name}`"),
                );
                out.push(
                    match crate::suggest::closest(name, candidates.iter().copied()) {
                        Some(best) => d.with_help(format!(
                            "did you mean `{best}`? `retrospec rules` lists every code"
                        )),
                        None => d.with_help("`retrospec rules` lists every code and name"),
                    },
                );
                config.rules.remove(name);
            }
        }
    }
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

    /// The configured level of `code` (set by its code or its name), if any.
    pub fn rule_level(&self, code: &str) -> Option<RuleLevel> {
        let info = codes::lookup(code)?;
        self.rules
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(info.code) || k.as_str() == info.name)
            .map(|(_, level)| *level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(text: &str) -> Vec<(&'static str, String)> {
        let (_, diagnostics) = Config::parse(text);
        diagnostics
            .into_iter()
            .map(|d| (d.code, d.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn an_empty_file_is_the_default() {
        assert_eq!(Config::parse(""), (Config::default(), Vec::new()));
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"
timezone = "Europe/Paris"
files = ["reports/**/*.md"]
duration-tolerance = { minutes = 5, percent = 10 }

[rules]
RS203 = "off"
placeholder = "error"

[[severity.levels]]
name = "critical"
description = "Customers cannot work."
require-prevent-item = true

[[severity.levels]]
name = "minor"

[required]
sections = ["summary"]

[action-items]
require = ["due", "type"]

[words]
placeholders = ["FIXME"]
"#;
        let (config, diagnostics) = Config::parse(text);
        assert_eq!(diagnostics, Vec::new());
        assert_eq!(config.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(config.severity.rank("minor"), Some(1));
        assert_eq!(config.rule_level("RS203"), Some(RuleLevel::Off));
        assert_eq!(config.rule_level("RS401"), Some(RuleLevel::Error));
        assert_eq!(config.duration_tolerance.minutes, 5);
        assert_eq!(
            config.action_items.require,
            [ActionItemField::Due, ActionItemField::Type]
        );
        assert_eq!(config.words.placeholders, ["FIXME"]);
    }

    #[test]
    fn mistakes_are_located_and_the_rest_still_applies() {
        let text = "timezone = \"Europe/Pariss\"\nfiels = []\nduration-tolerance = { minutes = \"5\" }\n\n[rules]\nRS299 = \"off\"\nzone-season = \"warn\"\nplaceholder = \"off\"\n";
        let found = codes_of(text);
        assert_eq!(
            found,
            [
                ("RS502", "\"Europe/Pariss\"".to_string()),
                ("RS502", "fiels".to_string()),
                ("RS502", "\"5\"".to_string()),
                ("RS503", "RS299".to_string()),
                ("RS502", "\"warn\"".to_string()),
            ]
        );
        let (config, diagnostics) = Config::parse(text);
        assert_eq!(config.timezone, None);
        assert!(
            diagnostics[1]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("`files`")
        );
        assert!(
            diagnostics[4]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("`warning`")
        );
        // The bad level costs only its rule; a bad key only itself.
        assert_eq!(config.rule_level("placeholder"), Some(RuleLevel::Off));
        assert_eq!(config.rule_level("zone-season"), None);
        assert_eq!(config.duration_tolerance, DurationTolerance::default());
    }

    #[test]
    fn required_sections_are_model_fields() {
        let text = "[required]\nsections = [\"summary\", \"root_casue\"]\n";
        assert_eq!(codes_of(text), [("RS502", "\"root_casue\"".to_string())]);
        let (config, diagnostics) = Config::parse(text);
        assert_eq!(config.required.sections, ["summary"]);
        assert_eq!(
            diagnostics[0].help.as_deref(),
            Some("did you mean `root_cause`?")
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let found = codes_of("timezone = \"UTC\"\n[rules\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "RS501");
    }

    #[test]
    fn duplicate_and_nested_unknown_keys() {
        let text =
            "[[severity.levels]]\nname = \"critical\"\n[[severity.levels]]\nname = \"critical\"\n";
        let (config, diagnostics) = Config::parse(text);
        assert_eq!(config.severity, SeverityScale::default());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].span.slice(text), "\"critical\"");
        assert_eq!(
            diagnostics[0].span.start,
            text.rfind("\"critical\"").unwrap_or(0)
        );
        assert_eq!(diagnostics[0].labels.len(), 1);
        let text = "[[severity.levels]]\nnmae = \"critical\"\n";
        let found = codes_of(text);
        assert_eq!(found, [("RS502", "nmae".to_string())]);
    }

    #[test]
    fn the_schema_lists_every_key() {
        // Fields may be added; these must stay (other rules and users rely on them).
        for key in [
            "timezone",
            "files",
            "severity",
            "required",
            "rules",
            "action-items",
            "words",
            "duration-tolerance",
        ] {
            assert!(TOP_LEVEL_KEYS.iter().any(|k| k == key), "{key}");
        }
    }
}
