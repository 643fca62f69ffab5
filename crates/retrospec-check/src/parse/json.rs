//! JSON to the spanned tree, with jsonc-parser in strict mode.
//!
//! jsonc-parser keeps a byte range on every value and property, and every
//! property of an object (so duplicate keys can be diagnosed), which serde_json
//! does not. Comments, trailing commas and the other JSON5 extensions are
//! switched off: a `.json` report must be plain JSON that every tool reads.

use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};
use serde_json::Number;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

const STRICT: ParseOptions = ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
    allow_missing_commas: false,
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

/// Parses `text` (the whole file) into a tree; `None` when it is not JSON.
/// A UTF-8 byte order mark is skipped; spans stay offsets into `text`.
pub fn parse(text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_new = diags.len();
    let node = parse_at(&text[base..], diags);
    if base == 0 {
        return node;
    }
    for d in &mut diags[first_new..] {
        d.span = d.span.shift(base);
        d.labels
            .iter_mut()
            .for_each(|l| l.span = l.span.shift(base));
    }
    let mut node = node?;
    shift(&mut node, base);
    Some(node)
}

fn shift(node: &mut Node, by: usize) {
    node.span = node.span.shift(by);
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Value::Map(entries) => entries.iter_mut().for_each(|e| {
            e.key_span = e.key_span.shift(by);
            shift(&mut e.value, by);
        }),
        _ => {}
    }
}

/// The first raw control character (U+0000 to U+001F) inside a string.
///
/// JSON (RFC 8259, section 7) requires them escaped; jsonc-parser accepts them,
/// so a NUL byte or a raw tab would reach the model. Found by the hostile-input
/// tests; checked by hand because the parser has no option for it.
fn raw_control_in_string(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !in_string {
            in_string = b == b'"';
            continue;
        }
        match (escaped, b) {
            (_, 0..=0x1f) => return Some(i),
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b'"') => in_string = false,
            _ => {}
        }
    }
    None
}

fn parse_at(text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    if let Some(at) = raw_control_in_string(text) {
        diags.push(
            Diagnostic::new(
                codes::SYNTAX.code,
                Span::new(at, at + 1),
                format!(
                    "invalid JSON: the control character U+{:04X} must be escaped in a string",
                    text.as_bytes()[at]
                ),
            )
            .with_help("write it as an escape (`\\n`, `\\t`, `\\u0000`) or remove it"),
        );
        return None;
    }
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    match parse_to_ast(text, &collect, &STRICT) {
        Ok(result) => {
            match result.value {
                Some(value) => Some(convert(value, diags)),
                None => {
                    diags.push(
                    Diagnostic::new(codes::SYNTAX.code, Span::empty(0), "the file holds no JSON value")
                        .with_help("a JSON report is one object: `{\"title\": ..., \"status\": \"draft\"}`"),
                );
                    None
                }
            }
        }
        Err(error) => {
            let range = error.range();
            let start = range.start.min(text.len());
            let end = range.end.clamp(start, text.len());
            diags.push(
                Diagnostic::new(
                    codes::SYNTAX.code,
                    Span::new(start, end),
                    format!("invalid JSON: {}", error.kind()),
                )
                .with_help("fix the JSON syntax here; nothing after this point was checked"),
            );
            None
        }
    }
}

fn span(range: jsonc_parser::common::Range) -> Span {
    Span::new(range.start, range.end)
}

fn convert(value: ast::Value<'_>, diags: &mut Vec<Diagnostic>) -> Node {
    match value {
        ast::Value::StringLit(s) => Node::new(span(s.range), Value::String(s.value.into_owned())),
        ast::Value::NumberLit(n) => {
            let parsed = n
                .value
                .parse::<u64>()
                .map(Number::from)
                .or_else(|_| n.value.parse::<i64>().map(Number::from))
                .ok()
                .or_else(|| n.value.parse::<f64>().ok().and_then(Number::from_f64));
            let value = parsed.map_or_else(|| Value::String(n.value.to_string()), Value::Number);
            Node::new(span(n.range), value)
        }
        ast::Value::BooleanLit(b) => Node::new(span(b.range), Value::Bool(b.value)),
        ast::Value::NullKeyword(n) => Node::new(span(n.range), Value::Null),
        ast::Value::Array(a) => {
            let items = a.elements.into_iter().map(|v| convert(v, diags)).collect();
            Node::new(span(a.range), Value::Seq(items))
        }
        ast::Value::Object(o) => {
            let mut entries: Vec<Entry> = Vec::with_capacity(o.properties.len());
            for prop in o.properties {
                let (key, key_span) = match prop.name {
                    ObjectPropName::String(s) => (s.value.into_owned(), span(s.range)),
                    ObjectPropName::Word(w) => (w.value.to_string(), span(w.range)),
                };
                if let Some(first) = entries.iter().find(|e| e.key == key) {
                    diags.push(
                        Diagnostic::new(
                            codes::DUPLICATE_KEY.code,
                            key_span,
                            format!("`{key}` is given twice in the same object"),
                        )
                        .with_label(first.key_span, "first given here")
                        .with_help("keep one of them; retrospec reads the first"),
                    );
                }
                let value = convert(prop.value, diags);
                entries.push(Entry {
                    key,
                    key_span,
                    value,
                });
            }
            Node::new(span(o.range), Value::Map(entries))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_byte_spans_and_reports_duplicates() {
        let text = "{\"title\": \"Ünïcode\", \"severity\": \"SEV9\", \"title\": \"again\"}";
        let mut diags = Vec::new();
        let node = parse(text, &mut diags).expect("parses");
        let (sev, entry) = node.pointer("/severity").expect("severity");
        assert_eq!(sev.span.slice(text), "\"SEV9\"");
        assert_eq!(entry.map(|e| e.key_span.slice(text)), Some("\"severity\""));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::DUPLICATE_KEY.code);
        assert_eq!(diags[0].span.slice(text), "\"title\"");
    }

    #[test]
    fn strict_mode_rejects_json5() {
        for text in [
            "{\"a\": 1,}",
            "{// c\n}",
            "{a: 1}",
            "{\"a\": 'x'}",
            "{\"a\": 0x1}",
            "{\"a\": \"nul\0\"}",
            "{\"a\": \"tab\t\"}",
            "{\"a\": \"\\\"line\nbreak\"}",
        ] {
            let mut diags = Vec::new();
            assert!(parse(text, &mut diags).is_none(), "{text}");
            assert_eq!(diags[0].code, codes::SYNTAX.code);
        }
    }
}
