//! From the tree to the model, leniently.
//!
//! The rules look at a typed [`Postmortem`], also when the report has schema
//! errors. Values the schema rejected are taken out first (a key removed, a list
//! item emptied in place so indices still match the tree), so one bad value does
//! not hide every other finding.
//!
//! A check reads the model straight from the spanned tree ([`from_tree`], a serde
//! deserializer over the tree). [`lenient`] reads it from the tree turned into a
//! `serde_json::Value`, the way it was first done: it is the reference
//! [`from_tree`] is held to (`model/agreement.rs`) and what the stage benchmarks
//! time it against.

use retrospec_model::Postmortem;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

use crate::tree::parse_pointer;

#[cfg(test)]
mod agreement;
mod from_tree;

pub use from_tree::from_tree;

/// Deserialises `json` into the model after removing the values at `rejected`
/// (JSON pointers). Falls back to an empty model only if that still fails.
pub fn lenient(mut json: Json, rejected: &[String]) -> Postmortem {
    for pointer in rejected {
        prune(&mut json, pointer);
    }
    // Read from a borrow: `from_value` takes the value, and cloning it first cost
    // as much as the deserialising itself.
    let mut model = match Postmortem::deserialize(&json) {
        Ok(model) => model,
        Err(_) => retry(json),
    };
    // Unknown root keys land in the flattened map; only `x-` keys are extensions.
    model
        .extensions
        .retain(|k, _| k.starts_with(retrospec_model::schema::EXTENSION_PREFIX));
    model
}

/// Removes what serde reports, one path at a time, for the rare value the schema
/// accepted and serde did not.
fn retry(mut json: Json) -> Postmortem {
    for _ in 0..32 {
        match serde_path_to_error::deserialize::<_, Postmortem>(&json) {
            Ok(model) => return model,
            Err(error) => {
                let path = error.path().to_string();
                let pointer = path_to_pointer(&path);
                if pointer.is_empty() || !prune(&mut json, &pointer) {
                    break;
                }
            }
        }
    }
    Postmortem::default()
}

/// `timeline[3].time` as `/timeline/3/time`.
fn path_to_pointer(path: &str) -> String {
    if path == "." {
        return String::new();
    }
    let mut out = String::new();
    for part in path.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            out.push('/');
            out.push_str(name);
        }
        for index in rest.split('[') {
            let index = index.trim_end_matches(']');
            if !index.is_empty() {
                out.push('/');
                out.push_str(index);
            }
        }
    }
    out
}

/// Takes the value at `pointer` out: removes a mapping key, or replaces a list
/// item with an empty value of its kind. Returns whether anything changed.
fn prune(json: &mut Json, pointer: &str) -> bool {
    let segments = parse_pointer(pointer);
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut node = json;
    for segment in parents {
        node = match node {
            Json::Object(map) => match map.get_mut(segment) {
                Some(n) => n,
                None => return false,
            },
            Json::Array(items) => {
                match segment.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    Some(n) => n,
                    None => return false,
                }
            }
            _ => return false,
        };
    }
    match node {
        Json::Object(map) => map.remove(last).is_some(),
        Json::Array(items) => match last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
            Some(item) => {
                let empty = match item {
                    Json::Object(_) => Json::String(String::new()),
                    _ => Json::Object(Map::new()),
                };
                // An object that failed becomes a string and vice versa; either way
                // the next attempt sees an empty value.
                if *item == empty {
                    return false;
                }
                *item = empty;
                true
            }
            None => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_bad_value_does_not_hide_the_rest() {
        let json = json!({
            "title": "t", "status": "published", "severity": "SEV9",
            "timeline": [{"time": "10:00 UTC", "text": "a"}, {"time": 5, "text": "b"}],
            "typo_key": 1, "x-team": "sre"
        });
        let model = lenient(json, &["/severity".into(), "/timeline/1/time".into()]);
        assert_eq!(model.title, "t");
        assert_eq!(model.severity, None);
        assert_eq!(model.timeline.len(), 2);
        assert_eq!(model.timeline[1].time, "");
        assert_eq!(model.timeline[1].text, "b");
        assert_eq!(model.extensions.keys().collect::<Vec<_>>(), ["x-team"]);
    }

    #[test]
    fn falls_back_to_serde_paths() {
        let json = json!({"title": "t", "status": "draft", "timeline": ["not an object"]});
        let model = lenient(json, &[]);
        assert_eq!(model.timeline.len(), 1);
        assert_eq!(path_to_pointer("timeline[0].time"), "/timeline/0/time");
    }
}
