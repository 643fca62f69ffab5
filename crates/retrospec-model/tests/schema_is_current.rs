//! The committed schema must be exactly what the model generates.
//! Refresh it with `UPDATE_SCHEMA=1 cargo test -p retrospec-model`.

use std::path::PathBuf;

#[test]
fn committed_schema_is_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/postmortem.schema.json");
    let generated = retrospec_model::schema::postmortem_schema_string();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema/postmortem.schema.json");
        return;
    }
    let committed =
        std::fs::read_to_string(&path).expect("schema/postmortem.schema.json is committed");
    assert!(
        committed == generated,
        "schema/postmortem.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p retrospec-model` and commit it"
    );
}

#[test]
fn schema_declares_draft_and_versioned_id() {
    let schema = retrospec_model::schema::postmortem_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["$id"].as_str().is_some_and(|id| id.contains("/v1/")));
    assert_eq!(schema["required"], serde_json::json!(["title", "status"]));
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn the_schema_example_is_a_valid_model() {
    let example = retrospec_model::schema::example_postmortem();
    let model: retrospec_model::Postmortem =
        serde_json::from_value(example).expect("example deserialises");
    assert_eq!(model.extensions.len(), 1);
}
