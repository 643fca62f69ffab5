//! [`from_tree`] (the model read straight from the spanned tree) is held to
//! [`lenient`] (the model read from the tree turned into JSON), the reference: on
//! every document of the corpus (the one validate_agreement.rs walks: examples,
//! fixtures, the realistic reports, the seeds, the schema's invalid cases, and a
//! `bench/gen.py` corpus when `RETROSPEC_EXTRA_CORPUS` names one), on those
//! documents mutated byte by byte and value by value, each with the values its
//! schema check rejects left out, with nothing left out (so serde's own errors
//! drive the retry), and with arbitrary values of the tree left out.

use std::cell::Cell;

use proptest::prelude::*;
use retrospec_model::Postmortem;
use serde::Deserialize;

use super::{from_tree, lenient};
use crate::config::SeverityScale;
use crate::parse::Format;
use crate::tree::{Node, Value};
use crate::validate::agreement::{
    CORPUS, apply, byte_mutation, change, mutate_bytes, parsed as parse,
};

thread_local! {
    /// How many comparisons had something rejected, and how many the
    /// reference could not read without serde's retry.
    static SEEN: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Every JSON pointer of the tree, as `to_json` would have it.
fn pointers(node: &Node, at: &mut String, out: &mut Vec<String>) {
    out.push(at.clone());
    let len = at.len();
    match &node.value {
        Value::Map(entries) => {
            for entry in entries {
                at.push('/');
                at.push_str(&entry.key.replace('~', "~0").replace('/', "~1"));
                pointers(&entry.value, at, out);
                at.truncate(len);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                // Every index of an arbitrary tree, not a model path `Ptr` could name.
                at.push_str(&format!("/{i}"));
                pointers(item, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// Both readings of one tree with `rejected` left out.
fn same(node: &Node, rejected: &[String], text: &str) -> Result<(), TestCaseError> {
    let json = node.to_json();
    let retried = needs_retry(&json, rejected);
    SEEN.with(|s| {
        let (n, r) = s.get();
        s.set((
            n + usize::from(!rejected.is_empty()),
            r + usize::from(retried),
        ));
    });
    prop_assert_eq!(
        from_tree(node, rejected),
        lenient(json, rejected),
        "the models differ with {:?} rejected on\n{}",
        rejected,
        text
    );
    Ok(())
}

/// The two readings agree on `text`: with what the schema rejects left out, and
/// with nothing left out.
fn agree(text: &str, format: Format) -> Result<(), TestCaseError> {
    let Some(parsed) = parse(text, format) else {
        return Ok(());
    };
    let json = parsed.tree.to_json();
    let rejected: Vec<String> =
        crate::validate::validate(text, &parsed, &json, &SeverityScale::default())
            .into_iter()
            .filter(|v| v.prune)
            .map(|v| v.pointer)
            .collect();
    same(&parsed.tree, &rejected, text)?;
    same(&parsed.tree, &[], text)
}

/// Whether the reference needs serde's retry: the JSON with `rejected` pruned
/// still does not deserialise.
fn needs_retry(json: &serde_json::Value, rejected: &[String]) -> bool {
    let mut json = json.clone();
    for pointer in rejected {
        super::prune(&mut json, pointer);
    }
    Postmortem::deserialize(&json).is_err()
}

#[test]
fn the_tree_reader_agrees_on_every_document_of_the_corpus() {
    SEEN.with(|s| s.set((0, 0)));
    for (text, format) in CORPUS.iter() {
        agree(text, *format).expect("the readings agree");
    }
    // The comparison covers pruning and serde's retry, not only clean reports.
    let (pruned, retried) = SEEN.with(Cell::get);
    assert!(pruned >= 40, "only {pruned} documents with rejected values");
    assert!(retried >= 1, "no document needed the retry");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_tree_reader_agrees_on_byte_mutated_documents(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(byte_mutation(), 1..4),
    ) {
        let (text, format) = index.get(&CORPUS);
        agree(&mutate_bytes(text, &mutations), *format)?;
    }

    #[test]
    fn the_tree_reader_agrees_on_value_mutated_documents(
        index in any::<prop::sample::Index>(),
        changes in prop::collection::vec(change(), 1..4),
        format in prop_oneof![Just(Format::Json), Just(Format::Yaml)],
    ) {
        let (text, from) = index.get(&CORPUS);
        let Some(parsed) = parse(text, *from) else { return Ok(()); };
        let mut json = parsed.tree.to_json();
        for change in &changes {
            apply(&mut json, change);
        }
        let text = match format {
            Format::Yaml => crate::emit::write(&json, Format::Yaml),
            _ => serde_json::to_string_pretty(&json).expect("JSON values serialise"),
        };
        agree(&text, format)?;
    }

    /// Any values left out, in any order, repeated, through each other: the
    /// overlay replays the JSON pruning exactly.
    #[test]
    fn the_tree_reader_agrees_with_any_values_left_out(
        index in any::<prop::sample::Index>(),
        picks in prop::collection::vec((0.0..1.0f64, 0usize..4), 1..6),
    ) {
        let (text, format) = index.get(&CORPUS);
        let Some(parsed) = parse(text, *format) else { return Ok(()); };
        let mut all = Vec::new();
        pointers(&parsed.tree, &mut String::new(), &mut all);
        let rejected: Vec<String> = picks
            .iter()
            .map(|(at, trim)| {
                let pointer = &all[((all.len() as f64 * at) as usize).min(all.len() - 1)];
                // Sometimes a parent of the picked value, sometimes a path that is not there.
                match trim {
                    0 => pointer.rsplit_once('/').map_or("", |(p, _)| p).to_string(),
                    1 => format!("{pointer}/0"),
                    _ => pointer.clone(),
                }
            })
            .collect();
        same(&parsed.tree, &rejected, text)?;
    }
}
