//! Schema validation, and the translation of its errors into diagnostics that
//! point at the exact key or value.
//!
//! Reports under the published severity scale (nearly all) are validated by
//! `Published`, a validator generated at build time from
//! `schema/postmortem.schema.json` by jsonschema's `#[jsonschema::validator]`
//! macro: nothing is compiled at run time (compiling the schema was 9.8 M
//! instructions, the largest start-up cost). The macro reads the committed schema
//! file, which retrospec-model's staleness test holds to the model, and recompiles
//! when it changes, so a new field needs no change here. A configured severity
//! scale changes the schema, so it is compiled at run time, once per scale, with
//! jsonschema's run-time validator, which is also the reference the generated one
//! is held to (validate_agreement.rs). Both run with format validation on;
//! jsonschema is built without its HTTP resolver: the schema has no remote
//! references and a check never touches the network.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, ValidationError, Validator};
use serde_json::Value as Json;

use crate::codes;
use crate::config::SeverityScale;
use crate::diagnostic::Diagnostic;
use crate::parse::Parsed;
use crate::span::Span;
use crate::suggest::{closest, display_path};
use crate::tree::{Node, parse_pointer};

/// The postmortem schema as a JSON value.
pub static SCHEMA: LazyLock<Json> = LazyLock::new(retrospec_model::schema::postmortem_schema);

/// jsonschema's run-time validator of the published schema: the reference the
/// generated [`Published`] is held to (validate_agreement.rs).
#[cfg(test)]
static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| compile(&SCHEMA));

/// The validator of the published schema, generated at build time (see the module docs).
#[jsonschema::validator(
    path = "../../schema/postmortem.schema.json",
    validate_formats = true,
    methods = { is_valid = true, validate = false, iter_errors = true }
)]
struct Published;

/// Compiles `schema` (format validation on); public so that the benchmarks can time it.
pub fn compile(schema: &Json) -> Validator {
    build(schema).expect("the generated schema is a valid draft 2020-12 schema (tested)")
}

fn build(schema: &Json) -> Result<Validator, jsonschema::ValidationError<'static>> {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
}

/// Validators for configured severity scales, compiled once per scale.
static SPECIALISED: LazyLock<Mutex<HashMap<SeverityScale, Cached>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The postmortem schema with `severity` limited to the levels of `scale`, each
/// with its description (the schema itself, unchanged, for the default scale).
pub fn schema_for(scale: &SeverityScale) -> Json {
    let mut schema = SCHEMA.clone();
    if *scale == SeverityScale::default() {
        return schema;
    }
    let levels: Vec<Json> = scale
        .levels
        .iter()
        .map(|level| {
            let mut branch = serde_json::Map::new();
            branch.insert("type".into(), Json::String("string".into()));
            branch.insert("const".into(), Json::String(level.name.clone()));
            if !level.description.is_empty() {
                branch.insert(
                    "description".into(),
                    Json::String(level.description.clone()),
                );
            }
            Json::Object(branch)
        })
        .collect();
    let names: Vec<&str> = scale.levels.iter().map(|l| l.name.as_str()).collect();
    if let Some(root) = schema.as_object_mut() {
        // The published example uses SEV2, which this scale may not have.
        root.remove("examples");
    }
    if let Some(defs) = schema.get_mut("$defs").and_then(Json::as_object_mut) {
        defs.insert(
            "Severity".into(),
            serde_json::json!({
                "oneOf": levels,
                "description": format!(
                    "A severity level on the organisation's scale (retrospec.toml), worst first: {}.",
                    names.join(", ")
                ),
            }),
        );
    }
    schema
}

/// The compiled validator for a configured scale, `None` for the published schema
/// (the default scale, or an empty one, which falls back to it).
fn validator(scale: &SeverityScale) -> Option<Arc<Validator>> {
    // An empty scale specialises to `oneOf: []`, which is not a valid schema. A
    // retrospec.toml with one is reported (RS502) and falls back to the default
    // scale; a `Config` built in code can still hold one (found by fuzzing): it
    // gets the published schema, like any scale whose schema does not compile.
    if *scale == SeverityScale::default() || scale.levels.is_empty() {
        return None;
    }
    let mut cache = SPECIALISED.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .entry(scale.clone())
        .or_insert_with(|| build(&schema_for(scale)).ok().map(Arc::new))
        .clone()
}

/// Specialised validators are cached per scale; `None` when the scale's schema
/// does not compile (the published one applies).
type Cached = Option<Arc<Validator>>;

/// One schema violation, located.
#[derive(Debug)]
pub struct Violation {
    /// The JSON pointer of the offending value.
    pub pointer: String,
    /// The diagnostic for it.
    pub diagnostic: Diagnostic,
    /// Whether the value must be left out of the model (false for a missing field:
    /// the model has a default, and the rest of the object is still worth checking).
    pub prune: bool,
}

/// Validates the tree of `parsed` against the schema for the severity `scale` and
/// returns one diagnostic per problem. A tree `fast::surely_valid` accepts under
/// the published scale is not turned into JSON at all.
pub fn validate_tree(text: &str, parsed: &Parsed, scale: &SeverityScale) -> Vec<Violation> {
    if validator(scale).is_none() && fast::surely_valid(&parsed.tree) {
        return Vec::new();
    }
    validate(text, parsed, &parsed.tree.to_json(), scale)
}

/// Validates `json` (the tree as JSON) against the schema for the severity
/// `scale` and returns one diagnostic per problem.
pub fn validate(text: &str, parsed: &Parsed, json: &Json, scale: &SeverityScale) -> Vec<Violation> {
    // Most reports are valid: `is_valid` stops at nothing to collect and allocates
    // no error paths, several times cheaper than walking `iter_errors` to its end.
    match validator(scale) {
        None if Published::is_valid(json) => Vec::new(),
        None => violations(text, parsed, Published::iter_errors(json)),
        Some(v) if v.is_valid(json) => Vec::new(),
        Some(v) => violations(text, parsed, v.iter_errors(json)),
    }
}

fn violations<'a>(
    text: &str,
    parsed: &Parsed,
    errors: impl Iterator<Item = ValidationError<'a>>,
) -> Vec<Violation> {
    let mut out = Vec::new();
    for error in errors {
        translate(text, parsed, &error, &mut out);
    }
    // anyOf branches can repeat each other: one copy of each diagnostic.
    out.sort_by(|a, b| {
        let key = |v: &Violation| {
            (
                v.diagnostic.span,
                v.diagnostic.code,
                v.diagnostic.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    out.dedup_by(|a, b| a.diagnostic == b.diagnostic);
    out
}

/// The schema fragment at a JSON pointer into [`SCHEMA`], following `$ref`s.
fn schema_at(pointer: &str) -> Option<&'static Json> {
    SCHEMA.pointer(pointer)
}

/// The object schema that applies at an instance location, following `$ref`,
/// `anyOf` and `items` along the path.
pub(crate) fn object_schema_at(instance_pointer: &str) -> Option<&'static Json> {
    let mut schema = &*SCHEMA;
    for segment in parse_pointer(instance_pointer) {
        schema = resolve(schema);
        let next = if segment.parse::<usize>().is_ok() && schema.get("items").is_some() {
            schema.get("items")
        } else {
            schema.get("properties").and_then(|p| p.get(&segment))
        };
        schema = next?;
    }
    Some(resolve(schema))
}

/// The property names a schema object allows at the instance location, for suggestions.
fn known_properties(instance_pointer: &str) -> Vec<String> {
    object_schema_at(instance_pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The required property names at the instance location.
fn required_properties(instance_pointer: &str) -> Vec<String> {
    object_schema_at(instance_pointer)
        .and_then(|s| s.get("required"))
        .and_then(Json::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Follows `$ref` and the non-null branch of `anyOf` until an object schema.
fn resolve(mut schema: &'static Json) -> &'static Json {
    for _ in 0..8 {
        if let Some(r) = schema.get("$ref").and_then(Json::as_str) {
            match r.strip_prefix('#').and_then(schema_at) {
                Some(s) => schema = s,
                None => return schema,
            }
        } else if let Some(branches) = schema.get("anyOf").and_then(Json::as_array) {
            match branches
                .iter()
                .find(|b| b.get("type") != Some(&Json::String("null".into())))
            {
                Some(b) => schema = b,
                None => return schema,
            }
        } else {
            return schema;
        }
    }
    schema
}

fn translate(text: &str, parsed: &Parsed, error: &ValidationError<'_>, out: &mut Vec<Violation>) {
    let pointer = error.instance_path().as_str().to_string();
    let tree = &parsed.tree;
    let located = tree.pointer(&pointer);
    let value_span = located.map_or(parsed.anchor, |(node, _)| node.span);
    let diagnostic = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                let child = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                let key_span = tree
                    .pointer(&child)
                    .and_then(|(_, entry)| entry.map(|e| e.key_span))
                    .unwrap_or(value_span);
                let known = known_properties(&pointer);
                let mut d = Diagnostic::new(
                    &codes::UNKNOWN_FIELD,
                    key_span,
                    format!("unknown field `{key}`{}", where_(&display_path(&pointer))),
                );
                d = match closest(key, known.iter().map(String::as_str)) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")).with_fix(crate::diagnostic::Fix {
                        message: format!("rename to `{best}`"),
                        edits: vec![crate::diagnostic::Edit { span: key_span, replacement: rename_in_place(key_span.slice(text), &best) }],
                        safe: true,
                    }),
                    None if pointer.is_empty() => d.with_help(format!(
                        "known fields: {}; keep organisation-specific data under a key starting with `x-`",
                        known.iter().filter(|k| !k.starts_with('$')).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    )),
                    None => d.with_help(format!(
                        "known fields here: {}",
                        known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    )),
                };
                out.push(Violation {
                    pointer: child,
                    diagnostic: d,
                    prune: true,
                });
            }
            return;
        }
        ValidationErrorKind::Required { property } => {
            // jsonschema may stop at the first missing property; report every one.
            let present = |name: &str| located.is_some_and(|(n, _)| n.entry(name).is_some());
            let mut missing: Vec<String> = required_properties(&pointer)
                .into_iter()
                .filter(|p| !present(p))
                .collect();
            if let Some(name) = property
                .as_str()
                .filter(|n| !missing.iter().any(|m| m == n))
            {
                missing.push(name.to_string());
            }
            let span = missing_anchor(parsed, &pointer);
            let owner = if pointer.is_empty() {
                "the report".to_string()
            } else {
                format!("`{}`", display_path(&pointer))
            };
            for name in missing {
                out.push(Violation {
                    prune: false,
                    pointer: pointer.clone(),
                    diagnostic: Diagnostic::new(
                        &codes::MISSING_FIELD,
                        span,
                        format!("{owner} has no `{name}`"),
                    )
                    .with_help(required_help(&pointer, &name)),
                });
            }
            return;
        }
        ValidationErrorKind::Type { kind } => {
            let expected = type_names(kind);
            let found = located.map_or("nothing", |(n, _)| n.type_name());
            Diagnostic::new(
                &codes::WRONG_TYPE,
                value_span,
                format!(
                    "`{}` must be {expected}, not {found}",
                    display_path(&pointer)
                ),
            )
            .with_help(schema_description(error))
        }
        ValidationErrorKind::Enum { options } => invalid_value(
            &pointer,
            value_span,
            located.map(|l| l.0),
            options_list(options),
        ),
        ValidationErrorKind::Constant { expected_value } => invalid_value(
            &pointer,
            value_span,
            located.map(|l| l.0),
            vec![expected_value.to_string()],
        ),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Flatten: a null branch never explains anything, and a choice of constants
            // is one list of allowed values.
            let consts: Vec<String> = context
                .iter()
                .flatten()
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Constant { expected_value } => {
                        expected_value.as_str().map(str::to_string)
                    }
                    ValidationErrorKind::Enum { options } => Some(options_list(options).join("|")),
                    _ => None,
                })
                .collect();
            let all_consts = !consts.is_empty()
                && context.iter().all(|branch| {
                    branch.iter().all(|e| {
                        matches!(
                            e.kind(),
                            ValidationErrorKind::Constant { .. }
                                | ValidationErrorKind::Enum { .. }
                                | ValidationErrorKind::Type { .. }
                        )
                    })
                });
            if all_consts {
                let options: Vec<String> = consts
                    .iter()
                    .flat_map(|c| c.split('|').map(str::to_string))
                    .collect();
                invalid_value(&pointer, value_span, located.map(|l| l.0), options)
            } else {
                // Report the errors of the branch that got furthest (the non-null one).
                let best = context
                    .iter()
                    .filter(|b| !b.iter().all(is_null_type))
                    .min_by_key(|b| b.len());
                if let Some(branch) = best {
                    for e in branch {
                        translate(text, parsed, e, out);
                    }
                    return;
                }
                Diagnostic::new(
                    &codes::SCHEMA,
                    value_span,
                    format!("`{}` is not valid here", display_path(&pointer)),
                )
            }
        }
        ValidationErrorKind::Format { format } => {
            let (what, example) = match format.as_str() {
                "date" => ("a date", "`2024-06-12`"),
                "uri" => ("an absolute URI", "`https://tracker.example.com/OPS-123`"),
                "date-time" => ("an RFC 3339 timestamp", "`2024-06-10T16:05:00+02:00`"),
                _ => ("valid", "the documented format"),
            };
            Diagnostic::new(
                &codes::INVALID_FORMAT,
                value_span,
                format!("`{}` must be {what}", display_path(&pointer)),
            )
            .with_help(format!("write it as {example}"))
        }
        ValidationErrorKind::Pattern { .. } => {
            let found = located.and_then(|(n, _)| n.as_str()).unwrap_or_default();
            // The schema's pattern is the canonical spelling; the time grammar reads
            // more (`~10:50`, `4pm`, `02:00-04:30`, `31/01/2024 10:50`). A value it
            // reads, or reports under its own code (a placeholder, an ambiguous
            // date), is kept for the times pass.
            // A milestone still needs its date (it has no entry before it to take one from).
            let needs_date = pointer.starts_with("/milestones/");
            match crate::time::parse_time(found) {
                Ok(p) if p.date.is_some() || !needs_date => return,
                Err(e) if e.kind != crate::time::TimeErrorKind::Invalid => return,
                Ok(_) | Err(_) => {}
            }
            Diagnostic::new(
                &codes::INVALID_FORMAT,
                value_span,
                format!("`{found}` is not a time retrospec can read"),
            )
            .with_help("write `YYYY-MM-DD HH:MM ZONE` (for example `2024-06-10 16:05 CEST`), RFC 3339 (`2024-06-10T16:05:00+02:00`), or in a timeline `HH:MM ZONE`")
        }
        ValidationErrorKind::MinLength { .. } => Diagnostic::new(
            &codes::SCHEMA,
            value_span,
            format!("`{}` is empty", display_path(&pointer)),
        )
        .with_help(schema_description(error)),
        ValidationErrorKind::Minimum { limit } | ValidationErrorKind::Maximum { limit } => {
            Diagnostic::new(
                &codes::SCHEMA,
                value_span,
                format!(
                    "`{}` is out of range (limit {limit})",
                    display_path(&pointer)
                ),
            )
            .with_help(schema_description(error))
        }
        _ => Diagnostic::new(
            &codes::SCHEMA,
            value_span,
            format!("`{}`: {error}", display_path(&pointer)),
        ),
    };
    out.push(Violation {
        pointer,
        diagnostic,
        prune: true,
    });
}

fn is_null_type(e: &ValidationError<'_>) -> bool {
    matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null")
}

fn invalid_value(
    pointer: &str,
    span: Span,
    node: Option<&Node>,
    options: Vec<String>,
) -> Diagnostic {
    let found = node.map(|n| match n.as_str() {
        Some(s) => format!("`{s}`"),
        None => n.type_name().to_string(),
    });
    let listed = options
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut d = Diagnostic::new(
        &codes::INVALID_VALUE,
        span,
        format!(
            "{} is not a valid `{}`",
            found.unwrap_or_else(|| "this".into()),
            field_name(pointer)
        ),
    );
    let suggestion = node
        .and_then(|n| n.as_str())
        .and_then(|s| closest(s, options.iter().map(String::as_str)));
    d = match suggestion {
        Some(best) => d.with_help(format!("did you mean `{best}`? allowed: {listed}")),
        None => d.with_help(format!("allowed: {listed}")),
    };
    d
}

fn options_list(options: &Json) -> Vec<String> {
    options
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn type_names(kind: &TypeKind) -> String {
    let name = |t: String| match t.as_str() {
        "object" => "a mapping".to_string(),
        "array" => "a list".to_string(),
        "string" => "text".to_string(),
        "integer" => "a whole number".to_string(),
        "number" => "a number".to_string(),
        "boolean" => "true or false".to_string(),
        other => other.to_string(),
    };
    match kind {
        TypeKind::Single(t) => name(t.to_string()),
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set
                .iter()
                .map(|t| t.to_string())
                .filter(|t| t != "null")
                .map(name)
                .collect();
            names.join(" or ")
        }
    }
}

/// The description of the schema that rejected the value, as help.
fn schema_description(error: &ValidationError<'_>) -> String {
    let path = error.schema_path().as_str();
    // The schema path ends in the failing keyword; its parent is the subschema.
    let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
    SCHEMA
        .pointer(parent)
        .and_then(|s| s.get("description"))
        .and_then(Json::as_str)
        .map_or_else(
            || "see the schema for this field".to_string(),
            |d| d.replace('\n', " "),
        )
}

/// The last key of a pointer, for messages.
fn field_name(pointer: &str) -> String {
    parse_pointer(pointer)
        .into_iter()
        .rev()
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or_else(|| "report".into())
}

fn where_(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" in `{path}`")
    }
}

/// Where a "missing field" diagnostic points: the key that holds the object, or
/// the first line of a list item, or the report's anchor.
fn missing_anchor(parsed: &Parsed, pointer: &str) -> Span {
    if pointer.is_empty() {
        return parsed.anchor;
    }
    match parsed.tree.pointer(pointer) {
        Some((_, Some(entry))) => entry.key_span,
        Some((node, None)) => {
            // A list item: the whole item.
            node.span
        }
        None => parsed.anchor,
    }
}

fn required_help(pointer: &str, name: &str) -> String {
    match (pointer, name) {
        ("", "status") => {
            "add `status: draft` (or `in-review`, `published`) to the front matter or top level"
                .into()
        }
        ("", "title") => {
            "add `title: ...` (in Markdown, front matter or a `# Title` heading)".into()
        }
        (_, "time") => {
            "every timeline entry needs a `time`, for example `2024-06-10 16:05 CEST`".into()
        }
        (_, "text") => "say what happened at this time".into(),
        (_, "url") => "give the link's `url`".into(),
        _ => format!("add `{name}`"),
    }
}

/// The replacement text for a key, keeping its quotes.
fn rename_in_place(written: &str, new: &str) -> String {
    match written.chars().next() {
        Some(q @ ('"' | '\'')) => format!("{q}{new}{q}"),
        _ => new.to_string(),
    }
}

/// The schema's description of the field at an instance pointer
/// (`/milestones/started`, `/timeline/3/time`), for hover text.
pub fn field_description(pointer: &str) -> Option<String> {
    let segments = parse_pointer(pointer);
    let (last, parents) = segments.split_last()?;
    let parent = parents
        .iter()
        .fold(String::new(), |acc, s| format!("{acc}/{s}"));
    let object = object_schema_at(&parent)?;
    let property = if last.parse::<usize>().is_ok() {
        object.get("items").map(|s| resolve(s))?
    } else {
        object.get("properties")?.get(last)?
    };
    let own = property.get("description").and_then(Json::as_str);
    own.or_else(|| resolve(property).get("description").and_then(Json::as_str))
        .map(str::to_string)
}

/// The description of one value of an enumerated field (a severity level, a status).
pub fn value_description(pointer: &str, value: &str) -> Option<String> {
    let segments = parse_pointer(pointer);
    let (last, parents) = segments.split_last()?;
    let parent = parents
        .iter()
        .fold(String::new(), |acc, s| format!("{acc}/{s}"));
    let property = object_schema_at(&parent)?.get("properties")?.get(last)?;
    let schema = resolve(property);
    schema
        .get("oneOf")?
        .as_array()?
        .iter()
        .find(|branch| branch.get("const").and_then(Json::as_str) == Some(value))?
        .get("description")
        .and_then(Json::as_str)
        .map(str::to_string)
}

mod fast;

#[cfg(test)]
#[path = "validate_agreement.rs"]
pub(crate) mod agreement;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SeverityLevel;

    #[test]
    fn a_scale_is_compiled_once_and_the_default_uses_the_published_schema() {
        let default = SeverityScale::default();
        assert!(validator(&default).is_none());
        assert_eq!(schema_for(&default), *SCHEMA);
        let scale = SeverityScale {
            levels: vec![SeverityLevel {
                name: "only-level-of-this-test".into(),
                description: String::new(),
                require_prevent_item: false,
                require_quantified_impact: false,
            }],
        };
        let compiled = validator(&scale).expect("a one-level scale compiles");
        let again = validator(&scale.clone()).expect("cached");
        assert!(Arc::ptr_eq(&compiled, &again));
        let schema = schema_for(&scale);
        assert_eq!(
            schema["$defs"]["Severity"]["oneOf"][0]["const"],
            "only-level-of-this-test"
        );
        assert!(schema.get("examples").is_none());
    }
}
