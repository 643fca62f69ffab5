//! YAML to the spanned tree, from saphyr-parser's event stream.
//!
//! The tree is built straight from parser events (no intermediate YAML DOM), so
//! every key and value keeps its span. saphyr counts positions in characters;
//! they are converted to byte offsets here, once, by `CharToByte`. A text in the
//! block style reports are written in is read by `block` instead, which gives
//! the same events with byte spans at a quarter of saphyr's cost; every other
//! text, and every error, is saphyr's.
//!
//! Scalars are typed by the YAML 1.2 core schema, by hand in `plain_scalar`:
//! saphyr's event API leaves typing to the caller, and the 1.2 core schema is
//! what keeps `10:50` a string (YAML 1.1 tools read it as the number 650) and
//! `no`/`on` strings rather than booleans.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};
use serde_json::Number;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::limits::{self, Limits};
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

mod block;

/// Parses `text` (which starts at byte `base` of the file) into a tree.
/// Returns `None` when the text cannot be parsed at all; the reason is in `diags`.
pub fn parse(text: &str, base: usize, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    parse_limited(text, base, &Limits::default(), diags)
}

/// [`parse`] with nesting bounded by `limits`: the first collection deeper than
/// `max-depth` stops the parse with an RS010 diagnostic, before any recursive step
/// (conversion, validation, drop) sees the tree.
pub fn parse_limited(
    text: &str,
    base: usize,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Node> {
    let mut builder = Builder {
        limits,
        too_deep: false,
        text,
        base,
        positions: CharToByte::new(text),
        stack: Vec::new(),
        root: None,
        documents: 0,
        diags,
    };
    // Most reports are in the block subset `block` reads, which gives saphyr's
    // events; anything else (and every error) is saphyr's.
    if let Some(events) = block::events(text) {
        for (event, span) in events {
            if !builder.on_event(event, span) {
                break;
            }
        }
        return builder.finish();
    }
    let mut parser = Parser::new_from_str(text);
    while let Some(result) = parser.next_event() {
        match result {
            Ok((event, span)) => {
                let span = builder.local(span);
                if !builder.on_event(event, span) {
                    break;
                }
            }
            Err(error) => {
                let at = builder.byte(error.marker().index());
                let span = builder.span_at_char(at);
                builder.diags.push(
                    Diagnostic::new(
                        &codes::SYNTAX,
                        span,
                        format!("invalid YAML: {}", error.info()),
                    )
                    .with_help("fix the YAML syntax here; nothing after this point was checked"),
                );
                return None;
            }
        }
    }
    builder.finish()
}

/// Converts saphyr's character indices to byte offsets.
///
/// Indices arrive almost in order, so a cursor makes the conversion linear; an
/// ASCII text needs no conversion at all.
struct CharToByte<'a> {
    text: &'a str,
    ascii: bool,
    char_pos: usize,
    byte_pos: usize,
}

impl<'a> CharToByte<'a> {
    fn new(text: &'a str) -> Self {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        if char_index < self.char_pos {
            self.char_pos = 0;
            self.byte_pos = 0;
        }
        let rest = &self.text[self.byte_pos..];
        for (i, _) in rest.char_indices() {
            if self.char_pos == char_index {
                self.byte_pos += i;
                return self.byte_pos;
            }
            self.char_pos += 1;
        }
        self.byte_pos = self.text.len();
        self.byte_pos
    }
}

enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        entries: Vec<Entry>,
        pending_key: Option<(String, Span)>,
    },
}

struct Builder<'t, 'd> {
    limits: &'t Limits,
    /// Set when a collection is nested deeper than the limit; the parse stops.
    too_deep: bool,
    text: &'t str,
    base: usize,
    positions: CharToByte<'t>,
    stack: Vec<Frame>,
    root: Option<Node>,
    documents: usize,
    diags: &'d mut Vec<Diagnostic>,
}

impl Builder<'_, '_> {
    fn byte(&mut self, char_index: usize) -> usize {
        self.positions.byte(char_index)
    }

    /// A saphyr span (in characters) in bytes of the text.
    fn local(&mut self, span: YamlSpan) -> Span {
        let start = self.byte(span.start.index());
        let end = self.byte(span.end.index()).max(start);
        Span::new(start, end)
    }

    /// The tree, after the last event.
    fn finish(&mut self) -> Option<Node> {
        if self.too_deep {
            return None;
        }
        self.root.take().or_else(|| {
            // An empty document is an empty mapping at the start of the text.
            Some(Node::new(Span::empty(self.base), Value::Map(Vec::new())))
        })
    }

    /// A one-character span at local byte `at`, for errors.
    fn span_at_char(&self, at: usize) -> Span {
        let width = self.text[at..].chars().next().map_or(0, char::len_utf8);
        Span::new(at, at + width).shift(self.base)
    }

    /// Handles one event, its span in bytes of the text; returns false to stop.
    fn on_event(&mut self, event: Event<'_>, local: Span) -> bool {
        let span = local.shift(self.base);
        if matches!(event, Event::SequenceStart(..) | Event::MappingStart(..))
            && self.stack.len() >= self.limits.depth()
        {
            let at = Span::new(span.start, span.start);
            self.diags.push(limits::too_deep(at, self.limits));
            self.too_deep = true;
            return false;
        }
        match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.diags.push(
                        Diagnostic::new(
                            &codes::MULTIPLE_DOCUMENTS,
                            span.cover(Span::new(span.start, span.start + 3)),
                            "a report is one YAML document, but a second document starts here",
                        )
                        .with_help("remove the `---` line and merge the documents, or split them into separate files"),
                    );
                    return false;
                }
            }
            Event::Alias(_) => {
                self.anchor_or_alias(span, "an alias");
                self.push(Node::new(span, Value::Null));
            }
            Event::Scalar(value, style, anchor, tag) => {
                self.properties(span, anchor, tag.as_deref());
                let node = Node::new(span, scalar_value(value, style));
                self.push(node);
            }
            Event::SequenceStart(anchor, tag) => {
                self.properties(span, anchor, tag.as_deref());
                self.stack.push(Frame::Seq {
                    start: span.start,
                    items: Vec::new(),
                });
            }
            Event::MappingStart(anchor, tag) => {
                self.properties(span, anchor, tag.as_deref());
                self.stack.push(Frame::Map {
                    start: span.start,
                    entries: Vec::new(),
                    pending_key: None,
                });
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq { start, items }) = self.stack.pop() {
                    let end = items.last().map_or(span.end, |n| n.span.end.max(start));
                    let end = if self.closes_flow(span, b']') {
                        span.end
                    } else {
                        end
                    };
                    self.push(Node::new(Span::new(start, end), Value::Seq(items)));
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map { start, entries, .. }) = self.stack.pop() {
                    let end = entries
                        .last()
                        .map_or(span.end, |e| e.value.span.end.max(start));
                    let end = if self.closes_flow(span, b'}') {
                        span.end
                    } else {
                        end
                    };
                    self.push(Node::new(Span::new(start, end), Value::Map(entries)));
                }
            }
        }
        true
    }

    /// Whether the end event's span is a flow collection's closing bracket.
    fn closes_flow(&self, span: Span, bracket: u8) -> bool {
        let local = span.start.saturating_sub(self.base);
        span.end > span.start && self.text.as_bytes().get(local) == Some(&bracket)
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    let key = match &node.value {
                        Value::String(s) => s.clone(),
                        Value::Null => String::new(),
                        Value::Bool(_) | Value::Number(_) => {
                            let local =
                                Span::new(node.span.start - self.base, node.span.end - self.base);
                            local.slice(self.text).to_string()
                        }
                        Value::Seq(_) | Value::Map(_) => {
                            self.diags.push(
                                Diagnostic::new(
                                    &codes::SYNTAX,
                                    node.span,
                                    "a key must be a plain string, not a list or mapping",
                                )
                                .with_help("write the key as text"),
                            );
                            String::new()
                        }
                    };
                    if let Some(first) = entries.iter().find(|e| e.key == key) {
                        self.diags.push(
                            Diagnostic::new(
                                &codes::DUPLICATE_KEY,
                                node.span,
                                format!("`{key}` is given twice in the same mapping"),
                            )
                            .with_label(first.key_span, "first given here")
                            .with_help("keep one of them; retrospec reads the first"),
                        );
                    }
                    *pending_key = Some((key, node.span));
                }
                Some((key, key_span)) => entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
    }

    /// Diagnoses a node's anchor and tag, if it has them.
    fn properties(&mut self, span: Span, anchor: usize, tag: Option<&saphyr_parser::Tag>) {
        if anchor > 0 {
            self.anchor_or_alias(span, "an anchor");
        }
        if let Some(tag) = tag {
            self.tag(span, &written_tag(tag));
        }
    }

    fn anchor_or_alias(&mut self, span: Span, what: &str) {
        self.diags.push(
            Diagnostic::new(
                &codes::YAML_ANCHOR,
                span,
                format!("{what} is not allowed in a report"),
            )
            .with_help("write the value out in full: anchors and aliases hide content from reviewers and can expand without bound"),
        );
    }

    fn tag(&mut self, span: Span, tag: &str) {
        self.diags.push(
            Diagnostic::new(
                &codes::YAML_TAG,
                span,
                format!("the YAML tag `{tag}` is not allowed in a report"),
            )
            .with_help("remove the tag; quote the value if it should be text"),
        );
    }
}

/// A tag as it is usually written (`!!str`, `!local`).
fn written_tag(tag: &saphyr_parser::Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        "!!" => format!("!!{}", tag.suffix),
        handle => format!("{handle}{}", tag.suffix),
    }
}

fn scalar_value(value: Cow<'_, str>, style: ScalarStyle) -> Value {
    match style {
        ScalarStyle::Plain => {
            plain_scalar(&value).unwrap_or_else(|| Value::String(value.into_owned()))
        }
        _ => Value::String(value.into_owned()),
    }
}

/// Types a plain scalar by the YAML 1.2 core schema; `None` means a string.
pub(crate) fn plain_scalar(s: &str) -> Option<Value> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if let Some(octal) = s.strip_prefix("0o") {
        return integer(i64::from_str_radix(octal, 8).ok()?);
    }
    if let Some(hex) = s.strip_prefix("0x") {
        return integer(i64::from_str_radix(hex, 16).ok()?);
    }
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        let negative = s.starts_with('-');
        return match unsigned.parse::<u64>() {
            Ok(n) if !negative => Some(Value::Number(n.into())),
            Ok(n) if n <= i64::MAX as u64 => integer(-(n as i64)),
            _ => float(s.parse::<f64>().ok()?),
        };
    }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(int.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    if mantissa_ok && exponent_ok {
        return float(s.parse::<f64>().ok()?);
    }
    // .inf and .nan have no JSON form; they stay strings (a schema error where a number is expected).
    None
}

fn integer(n: i64) -> Option<Value> {
    Some(Value::Number(n.into()))
}

fn float(f: f64) -> Option<Value> {
    Number::from_f64(f).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Node, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let node = parse(text, 0, &mut diags).expect("parses");
        (node, diags)
    }

    #[test]
    fn yaml_1_2_typing_keeps_times_and_norway_as_strings() {
        for s in [
            "10:50",
            "no",
            "on",
            "yes",
            "off",
            "2024-06-10",
            "1_000",
            ".inf",
            "0b101",
            "12.26 PM",
        ] {
            assert_eq!(plain_scalar(s), None, "{s}");
        }
        assert_eq!(plain_scalar("42"), Some(Value::Number(42.into())));
        assert_eq!(plain_scalar("-7"), Some(Value::Number((-7).into())));
        assert_eq!(plain_scalar("0x1F"), Some(Value::Number(31.into())));
        assert_eq!(plain_scalar("2.5e3"), float(2500.0));
        assert_eq!(plain_scalar("~"), Some(Value::Null));
        assert_eq!(plain_scalar("TRUE"), Some(Value::Bool(true)));
    }

    #[test]
    fn spans_are_bytes_even_after_multibyte_text() {
        let text = "title: Café ☕ outage\nseverity: SEV9\n";
        let (node, diags) = parse_ok(text);
        assert!(diags.is_empty());
        let entry = node.entry("severity").expect("severity");
        assert_eq!(entry.key_span.slice(text), "severity");
        assert_eq!(entry.value.span.slice(text), "SEV9");
        let title = node.entry("title").expect("title");
        assert_eq!(title.value.span.slice(text), "Café ☕ outage");
    }

    #[test]
    fn nested_collections_have_covering_spans() {
        let text = "timeline:\n  - time: 16:05 CEST\n    text: Deploy\n  - {time: '16:10', text: Alert}\nx: [1, 2]\n";
        let (node, diags) = parse_ok(text);
        assert!(diags.is_empty(), "{diags:?}");
        let (first, _) = node.pointer("/timeline/0/time").expect("time");
        assert_eq!(first.span.slice(text), "16:05 CEST");
        let (second, _) = node.pointer("/timeline/1").expect("entry");
        assert_eq!(second.span.slice(text), "{time: '16:10', text: Alert}");
        let (quoted, _) = node.pointer("/timeline/1/time").expect("time");
        assert_eq!(quoted.as_str(), Some("16:10"));
        let (list, _) = node.pointer("/x").expect("x");
        assert_eq!(list.span.slice(text), "[1, 2]");
    }

    #[test]
    fn rejects_anchors_tags_duplicates_and_second_documents() {
        let text = "a: &x 1\nb: *x\nc: !!str 3\na: 2\n---\nd: 4\n";
        let mut diags = Vec::new();
        let _ = parse(text, 0, &mut diags);
        let found: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            found,
            [
                codes::YAML_ANCHOR.code,
                codes::YAML_ANCHOR.code,
                codes::YAML_TAG.code,
                codes::DUPLICATE_KEY.code,
                codes::MULTIPLE_DOCUMENTS.code
            ]
        );
        assert_eq!(diags[3].span.slice(text), "a");
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let text = "title: ok\n  bad: [\n";
        let mut diags = Vec::new();
        assert!(parse(text, 0, &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::SYNTAX.code);
    }
}
