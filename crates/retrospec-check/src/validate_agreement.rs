//! The validator generated at build time from `schema/postmortem.schema.json`
//! (`Published` in validate.rs) is held to jsonschema's run-time validator of
//! the same schema, the reference: on every document of the corpus
//! (examples, fixtures, the realistic reports, the seeds, the schema's invalid
//! cases), on those documents mutated byte by byte, and on their trees mutated
//! value by value, both must give the same errors at the same instance and
//! schema locations, and so the same diagnostics (codes, spans, messages, help).
//! The quick yes on the tree (`fast::surely_valid`) is held to them too: every
//! tree it accepts, both validators accept.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jsonschema::ValidationError;
use proptest::prelude::*;
use serde_json::{Value as Json, json};

use super::{Published, VALIDATOR, fast, violations};
use crate::Limits;
use crate::parse::{self, Format, Parsed};

/// Which validator of the published schema runs.
#[derive(Debug, Clone, Copy)]
enum Engine {
    Generated,
    Runtime,
}

/// Where the published schema rejects `json`, one line per error (instance
/// location, schema location, keyword), sorted. The errors nested in an `anyOf`
/// or `oneOf` are not compared one by one: the generated validator leaves out a
/// branch's `type` error when its `const` already fails (and the keyword's
/// absolute URI); what they become is compared as diagnostics.
fn error_locations(json: &Json, engine: Engine) -> Vec<String> {
    let show = |e: ValidationError<'_>| {
        let kind = format!("{:?}", e.kind());
        let keyword = kind.split([' ', '(', '{']).next().unwrap_or_default();
        format!(
            "{} {} {keyword}",
            e.instance_path().as_str(),
            e.schema_path().as_str(),
        )
    };
    let mut out: Vec<String> = match engine {
        Engine::Generated => Published::iter_errors(json).map(show).collect(),
        Engine::Runtime => VALIDATOR.iter_errors(json).map(show).collect(),
    };
    out.sort();
    out
}

/// The diagnostics of the published schema under `engine`, as text.
fn diagnostics(text: &str, parsed: &Parsed, json: &Json, engine: Engine) -> Vec<String> {
    let found = match engine {
        Engine::Generated => violations(text, parsed, Published::iter_errors(json)),
        Engine::Runtime => violations(text, parsed, VALIDATOR.iter_errors(json)),
    };
    found
        .iter()
        .map(|v| format!("{} {} {:?}", v.pointer, v.prune, v.diagnostic))
        .collect()
}

/// Every report-shaped file of the repository with its form, and those under
/// `RETROSPEC_EXTRA_CORPUS` when it names a folder (a `bench/gen.py` corpus, say).
pub(crate) static CORPUS: LazyLock<Vec<(String, Format)>> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "examples",
        "tests/fixtures",
        "tests/realistic/reports",
        "tests/seeds",
        "tests/schema/invalid",
    ] {
        collect(&root.join(dir), &mut files);
    }
    if let Some(extra) = std::env::var_os("RETROSPEC_EXTRA_CORPUS") {
        collect(Path::new(&extra), &mut files);
    }
    files.sort();
    let corpus: Vec<_> = files
        .iter()
        .filter_map(|p| Some((std::fs::read_to_string(p).ok()?, Format::from_path(p)?)))
        .collect();
    assert!(corpus.len() > 100, "corpus found: {}", corpus.len());
    corpus
});

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

pub(crate) fn parsed(text: &str, format: Format) -> Option<Parsed> {
    parse::parse_limited(text, format, &Limits::default(), &mut Vec::new())
}

/// Both validators on one document: the same error locations, the same diagnostics.
/// Returns whether the document is valid.
fn agree(text: &str, format: Format) -> Result<bool, TestCaseError> {
    let Some(parsed) = parsed(text, format) else {
        return Ok(true);
    };
    let json = parsed.tree.to_json();
    let generated = error_locations(&json, Engine::Generated);
    let reference = error_locations(&json, Engine::Runtime);
    prop_assert_eq!(
        &generated,
        &reference,
        "error locations differ on\n{}",
        text
    );
    prop_assert_eq!(
        Published::is_valid(&json),
        VALIDATOR.is_valid(&json),
        "validity differs on\n{}",
        text
    );
    prop_assert_eq!(
        diagnostics(text, &parsed, &json, Engine::Generated),
        diagnostics(text, &parsed, &json, Engine::Runtime),
        "diagnostics differ on\n{}",
        text
    );
    let quick = fast::surely_valid(&parsed.tree);
    prop_assert!(
        !quick || reference.is_empty(),
        "the tree check accepts what the schema rejects:\n{}",
        text
    );
    if quick {
        SURE.with(|n| n.set(n.get() + 1));
    }
    Ok(reference.is_empty())
}

thread_local! {
    /// How many documents the quick yes accepted.
    static SURE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[test]
fn the_generated_validator_agrees_on_every_document_of_the_corpus() {
    SURE.with(|n| n.set(0));
    let mut invalid = 0;
    for (text, format) in CORPUS.iter() {
        if !agree(text, *format).expect("the validators agree") {
            invalid += 1;
        }
    }
    // The comparison covers both outcomes: the schema's invalid cases and the
    // fixtures that fire schema codes are rejected, the examples pass.
    assert!(invalid >= 40, "only {invalid} invalid documents");
    assert!(
        CORPUS.len() - invalid >= 40,
        "only {} valid documents",
        CORPUS.len() - invalid
    );
    // The quick yes takes most valid documents, so the comparison above means something.
    let sure = SURE.with(std::cell::Cell::get);
    assert!(
        sure * 2 >= CORPUS.len() - invalid,
        "the tree check accepted only {sure} of {} valid documents",
        CORPUS.len() - invalid
    );
}

/// One edit of a text: at a position (a fraction of its length), delete up to
/// `len` bytes and insert `insert`.
pub(crate) fn byte_mutation() -> impl Strategy<Value = (f64, usize, String)> {
    let pieces = prop_oneof![
        Just(String::new()),
        Just("x".to_string()),
        Just("\n".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("\"".to_string()),
        Just("25:61".to_string()),
        Just("2024-02-30".to_string()),
        Just("SEV9".to_string()),
        Just("http://".to_string()),
        Just("-1".to_string()),
    ];
    (0.0..=1.0f64, 0usize..12, pieces)
}

pub(crate) fn mutate_bytes(text: &str, mutations: &[(f64, usize, String)]) -> String {
    let mut text = text.to_string();
    for (at, len, insert) in mutations {
        let mut at = (text.len() as f64 * at) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(at..end, insert);
    }
    text
}

/// Values a mutated field may take: every JSON type, and strings that sit on
/// either side of each format, pattern, enum and length the schema has.
fn replacement() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        Just(json!(true)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(2.5)),
        Just(json!(101)),
        Just(json!(1e30)),
        Just(json!(18446744073709551615u64)),
        Just(json!("")),
        Just(json!("x")),
        Just(json!("SEV1")),
        Just(json!("SEV9")),
        Just(json!("draft")),
        Just(json!("published")),
        Just(json!("2024-06-12")),
        Just(json!("2024-02-30")),
        Just(json!("2024-06-10 16:05 CEST")),
        Just(json!("2024-06-10T16:05:00+02:00")),
        Just(json!("16:05")),
        Just(json!("25:61 maybe")),
        Just(json!("https://tracker.example.com/OPS-123")),
        Just(json!("not a uri")),
        Just(json!("mailto:a@example.com")),
        Just(json!([])),
        Just(json!(["x"])),
        Just(json!({})),
        Just(json!({"time": "10:00 UTC", "text": "x"})),
        Just(json!({"unknown": 1})),
    ]
}

/// Every location in `json`, as paths of keys and indices.
fn locations(json: &Json, at: &mut Vec<Json>, out: &mut Vec<Vec<Json>>) {
    out.push(at.clone());
    match json {
        Json::Object(map) => {
            for (k, v) in map {
                at.push(Json::String(k.clone()));
                locations(v, at, out);
                at.pop();
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(json!(i));
                locations(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'a>(mut json: &'a mut Json, path: &[Json]) -> Option<&'a mut Json> {
    for step in path {
        json = match step {
            Json::String(k) => json.get_mut(k.as_str())?,
            Json::Number(i) => json.get_mut(i.as_u64()? as usize)?,
            _ => return None,
        };
    }
    Some(json)
}

/// One change of a tree: at a location (a fraction of all locations) replace the
/// value, remove it, or add a key next to it.
#[derive(Debug, Clone)]
pub(crate) enum Change {
    Replace(f64, Json),
    Remove(f64),
    AddKey(f64, &'static str, Json),
}

pub(crate) fn change() -> impl Strategy<Value = Change> {
    let key = prop_oneof![
        Just("title"),
        Just("severity"),
        Just("sevrity"),
        Just("x-team"),
        Just("unknown"),
        Just("time"),
        Just("url"),
        Just("status"),
    ];
    prop_oneof![
        (0.0..1.0f64, replacement()).prop_map(|(at, v)| Change::Replace(at, v)),
        (0.0..1.0f64).prop_map(Change::Remove),
        (0.0..1.0f64, key, replacement()).prop_map(|(at, k, v)| Change::AddKey(at, k, v)),
    ]
}

pub(crate) fn apply(json: &mut Json, change: &Change) {
    let mut all = Vec::new();
    locations(json, &mut Vec::new(), &mut all);
    let pick = |f: &f64| all[((all.len() as f64 * f) as usize).min(all.len() - 1)].clone();
    match change {
        Change::Replace(at, value) => {
            if let Some(slot) = at_mut(json, &pick(at)) {
                *slot = value.clone();
            }
        }
        Change::Remove(at) => {
            let path = pick(at);
            if let Some((last, parent)) = path.split_last()
                && let Some(parent) = at_mut(json, parent)
            {
                match (parent, last) {
                    (Json::Object(map), Json::String(k)) => {
                        map.remove(k);
                    }
                    (Json::Array(items), Json::Number(i)) => {
                        items.remove(i.as_u64().unwrap_or(0) as usize);
                    }
                    _ => {}
                }
            }
        }
        Change::AddKey(at, key, value) => {
            let path = pick(at);
            let target = at_mut(json, &path).filter(|j| j.is_object()).is_some();
            let path = if target {
                &path[..]
            } else {
                &path[..path.len().saturating_sub(1)]
            };
            if let Some(Json::Object(map)) = at_mut(json, path) {
                map.insert((*key).to_string(), value.clone());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_generated_validator_agrees_on_byte_mutated_documents(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(byte_mutation(), 1..4),
    ) {
        let (text, format) = index.get(&CORPUS);
        agree(&mutate_bytes(text, &mutations), *format)?;
    }

    #[test]
    fn the_generated_validator_agrees_on_value_mutated_documents(
        index in any::<prop::sample::Index>(),
        changes in prop::collection::vec(change(), 1..4),
    ) {
        let (text, format) = index.get(&CORPUS);
        let Some(parsed) = parsed(text, *format) else { return Ok(()); };
        let mut json = parsed.tree.to_json();
        for change in &changes {
            apply(&mut json, change);
        }
        let text = serde_json::to_string_pretty(&json).expect("JSON values serialise");
        agree(&text, Format::Json)?;
    }
}
