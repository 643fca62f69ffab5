//! Reading `retrospec.toml` ([`Config::parse`]) and what needs the table of every
//! code ([`Config::rule_level`]): it imports the [`crate::registry`], the schema's
//! field names and the Markdown section names, so it sits above the rules, apart
//! from the data they read (`config/mod.rs`).

use std::sync::LazyLock;

use serde_json::Value as Json;

use super::*;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::registry;
use crate::span::Span;

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
        check_section_aliases(&root, &mut config, &mut out);
        check_scale(&root, &mut config, &mut out);
        check_rules(&root, &mut config, &mut out);
        check_limits(&root, &mut config, &mut out);
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

/// `limits.max-depth` above the depth proven safe is capped to it, with RS502.
fn check_limits(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    use crate::limits::MAX_DEPTH;
    if config.limits.max_depth <= MAX_DEPTH {
        return;
    }
    let span = get(root, "limits")
        .and_then(|l| l.get_ref().as_table())
        .and_then(|t| get(t, "max-depth"))
        .map_or(Span::empty(0), |v| span_of(v.span()));
    out.push(
        Diagnostic::new(
            &codes::CONFIG_VALUE,
            span,
            format!(
                "`max-depth = {}` is over the maximum of {MAX_DEPTH}; {MAX_DEPTH} is used",
                config.limits.max_depth
            ),
        )
        .with_help(format!(
            "every step of a check recurses once per level, and {MAX_DEPTH} is the depth proven \
             to fit the smallest stack it runs on; a report needs 4 (docs/reliability.md)"
        )),
    );
    config.limits.max_depth = MAX_DEPTH;
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

/// `[sections]` must map headings to fields a section can fill.
fn check_section_aliases(root: &DeTable<'_>, config: &mut Config, out: &mut Vec<Diagnostic>) {
    let spans: Vec<(String, Span)> = get(root, "sections")
        .and_then(|s| s.get_ref().as_table())
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), span_of(v.span())))
                .collect()
        })
        .unwrap_or_default();
    let fields = crate::parse::markdown::section_fields();
    config.sections.retain(|heading, field| {
        if fields.contains(&field.as_str()) {
            return true;
        }
        let span = spans
            .iter()
            .find(|(k, _)| k == heading)
            .map_or(Span::empty(0), |(_, s)| *s);
        let d = Diagnostic::new(
            &codes::CONFIG_VALUE,
            span,
            format!("`{field}` is not a field a section can fill"),
        );
        out.push(
            match crate::suggest::closest(field, fields.iter().copied()) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("fields: {}", fields.join(", "))),
            },
        );
        false
    });
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
    let candidates: Vec<&str> = registry::ALL
        .iter()
        .flat_map(|c| [c.code, c.name])
        .collect();
    for (key, _) in rules.iter() {
        let name = key.get_ref().as_ref();
        let span = span_of(key.span());
        match registry::lookup(name) {
            Some(info) if !registry::configurable(info.code) => {
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
    /// The configured level of `code` (set by its code or its name), if any.
    pub fn rule_level(&self, code: &str) -> Option<RuleLevel> {
        let info = registry::lookup(code)?;
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
