//! The committed configuration schema must be exactly what `Config` generates.
//! Refresh it with `UPDATE_SCHEMA=1 cargo test -p retrospec-check --test config_schema_is_current`.

use std::path::PathBuf;

use retrospec_check::config::{CONFIG_SCHEMA_ID, config_schema, config_schema_string};

#[test]
fn committed_config_schema_is_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/retrospec-config.schema.json");
    let generated = config_schema_string();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema/retrospec-config.schema.json");
        return;
    }
    let committed =
        std::fs::read_to_string(&path).expect("schema/retrospec-config.schema.json is committed");
    assert!(
        committed == generated,
        "schema/retrospec-config.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p retrospec-check --test config_schema_is_current` and commit it"
    );
}

#[test]
fn config_schema_has_a_versioned_id_and_rejects_unknown_keys() {
    let schema = config_schema();
    assert_eq!(schema["$id"], CONFIG_SCHEMA_ID);
    assert!(CONFIG_SCHEMA_ID.contains("/v1/"));
    assert_eq!(schema["additionalProperties"], false);
    assert!(
        schema["properties"]["rules"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("zone-season"))
    );
}

/// The schema accepts the documented example and rejects what `Config::parse` rejects.
#[test]
fn config_schema_agrees_with_the_parser() {
    let validator = jsonschema::validator_for(&config_schema()).expect("a valid schema");
    let example = r#"
timezone = "Europe/Paris"
files = ["postmortems/**/*.md"]
[rules]
RS203 = "off"
[[severity.levels]]
name = "critical"
description = "Customers cannot work."
require-prevent-item = true
[duration-tolerance]
minutes = 5
percent = 10
"#;
    let value: serde_json::Value = toml::from_str(example).expect("TOML");
    assert!(validator.is_valid(&value), "{value}");
    let (_, diagnostics) = retrospec_check::Config::parse(example);
    assert_eq!(diagnostics, []);
    for bad in [
        "timezon = \"UTC\"",
        "[rules]\nRS203 = \"warn\"",
        "files = \"*.md\"",
    ] {
        let value: serde_json::Value = toml::from_str(bad).expect("TOML");
        assert!(!validator.is_valid(&value), "{bad}");
        assert!(!retrospec_check::Config::parse(bad).1.is_empty(), "{bad}");
    }
}

/// The example of every key in docs/configuration.md is a valid configuration
/// that changes what it says it changes.
#[test]
fn the_documented_example_is_valid() {
    let doc = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/configuration.md"),
    )
    .expect("docs/configuration.md");
    let start = doc.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let end = start + doc[start..].find("```").expect("closed");
    let (config, diagnostics) = retrospec_check::Config::parse(&doc[start..end]);
    assert_eq!(diagnostics, []);
    assert_eq!(config.timezone.as_deref(), Some("Europe/Paris"));
    assert_eq!(config.severity.rank("minor"), Some(2));
    assert_eq!(
        config.rule_level("RS505"),
        Some(retrospec_check::config::RuleLevel::Off)
    );
    assert_eq!(config.words.placeholders, ["FIXME"]);
}
