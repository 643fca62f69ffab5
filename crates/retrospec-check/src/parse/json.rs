//! JSON to the spanned tree: strict RFC 8259, by hand.
//!
//! Every value and every key keeps its byte range, and every property of an
//! object is kept in order (so duplicate keys can be diagnosed), which serde_json
//! does not do. jsonc-parser did, but building its AST and then this tree cost
//! half of a whole JSON check (55 instructions a byte); this parser builds the
//! tree directly in one pass over the bytes. Strict means strict: no comments,
//! trailing commas, single quotes, hexadecimal or non-finite numbers, and no raw
//! control characters in strings; a `.json` report must be plain JSON that every
//! tool reads.

use serde_json::Number;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::limits::{self, Limits};
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

/// Parses `text` (the whole file) into a tree; `None` when it is not JSON, or
/// when lists and objects nest deeper than `limits` allow (the limit's
/// diagnostic at the first bracket too deep). A UTF-8 byte order mark is
/// skipped; spans stay offsets into `text`.
pub fn parse(text: &str, limits: &Limits, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_new = diags.len();
    let node = parse_at(&text[base..], limits, diags);
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

fn parse_at(text: &str, limits: &Limits, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        max_depth: limits.depth(),
        diags,
    };
    parser.skip_space();
    if parser.at == parser.bytes.len() {
        parser.diags.push(
            Diagnostic::new(
                &codes::SYNTAX,
                Span::empty(0),
                "the file holds no JSON value",
            )
            .with_help("a JSON report is one object: `{\"title\": ..., \"status\": \"draft\"}`"),
        );
        return None;
    }
    let result = parser.value().and_then(|node| {
        parser.skip_space();
        if parser.at < parser.bytes.len() {
            Err(parser.error("unexpected text after the JSON value"))
        } else {
            Ok(node)
        }
    });
    match result {
        Ok(node) => Some(node),
        Err(error) if error.too_deep => {
            parser.diags.push(limits::too_deep(error.span, limits));
            None
        }
        Err(error) => {
            parser.diags.push(
                Diagnostic::new(
                    &codes::SYNTAX,
                    error.span,
                    format!("invalid JSON: {}", error.message),
                )
                .with_help(
                    error.help.unwrap_or(
                        "fix the JSON syntax here; nothing after this point was checked",
                    ),
                ),
            );
            None
        }
    }
}

/// A syntax error: where, what, and a help text when the default one does not
/// fit; or, when `too_deep`, the bracket that opens a level over the limit.
#[derive(Default)]
struct Error {
    span: Span,
    message: String,
    help: Option<&'static str>,
    too_deep: bool,
}

struct Parser<'t, 'd> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// Lists and objects open around `at`, at most `max_depth`: the recursion
    /// is bounded by the limit, counted as the parser goes (a pass of its own
    /// over the bytes before parsing cost a fifth of the parse).
    depth: usize,
    max_depth: usize,
    diags: &'d mut Vec<Diagnostic>,
}

impl Parser<'_, '_> {
    /// An error at the current byte (the character there), or at the end.
    fn error(&self, message: impl Into<String>) -> Error {
        let len = self.text[self.at..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Error {
            span: Span::new(self.at, self.at + len),
            message: message.into(),
            ..Error::default()
        }
    }

    /// Enters the list or object whose bracket is at `at`, unless that is one
    /// level more than the limit.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Error {
                span: Span::new(self.at, self.at + 1),
                too_deep: true,
                ..Error::default()
            });
        }
        Ok(())
    }

    /// What stands at the current byte, for messages.
    fn found(&self) -> String {
        match self.text[self.at..].chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() => format!("U+{:04X}", u32::from(c)),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// One value; the caller has skipped the whitespace before it. Nesting is
    /// bounded by the limit (`enter`), so the recursion is too.
    fn value(&mut self) -> Result<Node, Error> {
        let start = self.at;
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node::new(Span::new(start, self.at), Value::String(s)))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            _ => Err(self.error(format!("expected a value, found {}", self.found()))),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Node, Error> {
        if !self.bytes[self.at..].starts_with(word.as_bytes()) {
            return Err(self.error(format!("expected a value, found {}", self.found())));
        }
        let start = self.at;
        self.at += word.len();
        Ok(Node::new(Span::new(start, self.at), value))
    }

    fn number(&mut self) -> Result<Node, Error> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at - from
        };
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error(format!("expected a digit, found {}", self.found()))),
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.error(format!(
                    "expected a digit after `.`, found {}",
                    self.found()
                )));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error(format!(
                    "expected a digit in the exponent, found {}",
                    self.found()
                )));
            }
        }
        let raw = &self.text[start..self.at];
        let number = raw
            .parse::<u64>()
            .map(Number::from)
            .or_else(|_| raw.parse::<i64>().map(Number::from))
            .ok()
            .or_else(|| raw.parse::<f64>().ok().and_then(Number::from_f64));
        // Too large for a float (`1e999`): kept as written, the schema reports it.
        let value = number.map_or_else(|| Value::String(raw.to_string()), Value::Number);
        Ok(Node::new(Span::new(start, self.at), value))
    }

    /// A string from its opening quote; leaves `at` after the closing one.
    fn string(&mut self) -> Result<String, Error> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        let mut from = self.at;
        loop {
            // Plain bytes are copied in runs; only quotes, escapes and control
            // characters stop the scan.
            self.at = plain_run_end(self.bytes, self.at);
            out.push_str(&self.text[from..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.escape(&mut out)?;
                    from = self.at;
                }
                Some(&b) => {
                    return Err(Error {
                        span: Span::new(self.at, self.at + 1),
                        message: format!(
                            "the control character U+{b:04X} must be escaped in a string"
                        ),
                        help: Some("write it as an escape (`\\n`, `\\t`, `\\u0000`) or remove it"),
                        too_deep: false,
                    });
                }
                None => {
                    return Err(Error {
                        span: Span::new(open, open + 1),
                        message: "this string is never closed".to_string(),
                        help: Some("end the string with `\"` on the same line"),
                        too_deep: false,
                    });
                }
            }
        }
    }

    /// One escape, from its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let start = self.at;
        self.at += 1;
        let simple = match self.bytes.get(self.at) {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            Some(b'u') => None,
            _ => {
                let len = self.text[self.at..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                return Err(Error {
                    span: Span::new(start, self.at + len),
                    message: "this is not a JSON escape".to_string(),
                    help: Some(
                        "JSON knows `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
                    ),
                    too_deep: false,
                });
            }
        };
        if let Some(c) = simple {
            self.at += 1;
            out.push(c);
            return Ok(());
        }
        let first = self.hex4(start)?;
        let c = match first {
            0xD800..=0xDBFF => {
                // A high surrogate must be followed by `\u` and a low one.
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(self.lone_surrogate(start));
                }
                let second_start = self.at;
                self.at += 1;
                let second = self.hex4(second_start)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.lone_surrogate(start));
                }
                char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            0xDC00..=0xDFFF => None,
            _ => char::from_u32(first),
        };
        match c {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(self.lone_surrogate(start)),
        }
    }

    /// Four hex digits after `\u` (`at` is on the `u`).
    fn hex4(&mut self, start: usize) -> Result<u32, Error> {
        let digits = self.bytes.get(self.at + 1..self.at + 5);
        let value = digits
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok());
        match value {
            Some(v) => {
                self.at += 5;
                Ok(v)
            }
            None => Err(Error {
                span: Span::new(start, (self.at + 1).min(self.bytes.len())),
                message: "`\\u` must be followed by four hexadecimal digits".to_string(),
                ..Error::default()
            }),
        }
    }

    fn lone_surrogate(&self, start: usize) -> Error {
        Error {
            span: Span::new(start, self.at.max(start + 1).min(self.bytes.len())),
            message: "this `\\u` escape is half of a UTF-16 surrogate pair".to_string(),
            help: Some("write the character itself, or both halves of the pair (`\\ud83d\\ude00`)"),
            too_deep: false,
        }
    }

    fn array(&mut self) -> Result<Node, Error> {
        let start = self.at;
        self.enter()?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Node::new(Span::new(start, self.at), Value::Seq(items)));
        }
        loop {
            items.push(self.value()?);
            if self.after_item(b']', "a list")? {
                self.depth -= 1;
                return Ok(Node::new(Span::new(start, self.at), Value::Seq(items)));
            }
        }
    }

    fn object(&mut self) -> Result<Node, Error> {
        let start = self.at;
        self.enter()?;
        self.at += 1;
        let mut entries: Vec<Entry> = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Node::new(Span::new(start, self.at), Value::Map(entries)));
        }
        loop {
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error(format!(
                    "expected a key in double quotes, found {}",
                    self.found()
                )));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.at);
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error(format!(
                    "expected `:` after the key, found {}",
                    self.found()
                )));
            }
            self.at += 1;
            self.skip_space();
            if let Some(first) = entries.iter().find(|e| e.key == key) {
                let first = first.key_span;
                self.diags.push(
                    Diagnostic::new(
                        &codes::DUPLICATE_KEY,
                        key_span,
                        format!("`{key}` is given twice in the same object"),
                    )
                    .with_label(first, "first given here")
                    .with_help("keep one of them; retrospec reads the first"),
                );
            }
            let value = self.value()?;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            if self.after_item(b'}', "an object")? {
                self.depth -= 1;
                return Ok(Node::new(Span::new(start, self.at), Value::Map(entries)));
            }
        }
    }

    /// After an item of a list or object closed by `close`: `,` and another item
    /// (false), or the closing bracket, consumed (true).
    fn after_item(&mut self, close: u8, what: &str) -> Result<bool, Error> {
        self.skip_space();
        match self.bytes.get(self.at) {
            Some(b',') => {
                let comma = self.at;
                self.at += 1;
                self.skip_space();
                if self.bytes.get(self.at) == Some(&close) {
                    return Err(trailing_comma(comma));
                }
                Ok(false)
            }
            Some(&b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.error(format!(
                "expected `,` or `{}` in {what}, found {}",
                char::from(close),
                self.found()
            ))),
        }
    }
}

/// The first byte at or after `at` that ends a run of a string's plain bytes:
/// `"`, `\\`, a control character, or the end.
///
/// Eight bytes at a time, each word tested for the three at once (the classic
/// "has a zero byte" and "has a byte less than n" tests): a report is mostly
/// strings, and a byte at a time was a tenth of a JSON check. By hand because
/// memchr looks for at most three given bytes and the control characters are
/// 32. The tests flag a byte only at or above the first true one (a borrow
/// runs upwards), so the lowest flag is exact.
fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let quote = word ^ (ONES * u64::from(b'"'));
        let escape = word ^ (ONES * u64::from(b'\\'));
        let flags = (quote.wrapping_sub(ONES) & !quote
            | escape.wrapping_sub(ONES) & !escape
            | word.wrapping_sub(ONES * 0x20) & !word)
            & HIGH;
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        at += 1;
    }
    at
}

fn trailing_comma(at: usize) -> Error {
    Error {
        span: Span::new(at, at + 1),
        message: "a trailing comma is not allowed".to_string(),
        help: Some("remove the comma after the last item"),
        too_deep: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_byte_spans_and_reports_duplicates() {
        let text = "{\"title\": \"Ünïcode\", \"severity\": \"SEV9\", \"title\": \"again\"}";
        let mut diags = Vec::new();
        let node = parse(text, &Limits::default(), &mut diags).expect("parses");
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
            assert!(
                parse(text, &Limits::default(), &mut diags).is_none(),
                "{text}"
            );
            assert_eq!(diags[0].code, codes::SYNTAX.code);
        }
    }

    #[test]
    fn plain_runs_end_where_a_byte_at_a_time_ends_them() {
        fn slow(bytes: &[u8], mut at: usize) -> usize {
            while bytes
                .get(at)
                .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                at += 1;
            }
            at
        }
        // Every stopping byte and its neighbours (borrows, 0x1f/0x20, 0x7f,
        // 0x80 and above) at every place of two words, after every start.
        let fillers = [
            b'a', b' ', 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xff, 0x00, 0x01,
        ];
        let stops = [b'"', b'\\', 0x00, 0x01, 0x1f, b'a'];
        for filler in fillers {
            for stop in stops {
                for place in 0..20 {
                    let mut bytes = vec![filler; 20];
                    bytes[place] = stop;
                    if place + 1 < 20 {
                        bytes[place + 1] = b'"';
                    }
                    for at in 0..=bytes.len() {
                        assert_eq!(
                            plain_run_end(&bytes, at),
                            slow(&bytes, at),
                            "{bytes:?} from {at}"
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_runs_end_as_a_byte_scan_on_any_bytes(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            at in 0usize..64,
        ) {
            let at = at.min(bytes.len());
            let mut slow = at;
            while bytes.get(slow).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                slow += 1;
            }
            proptest::prop_assert_eq!(plain_run_end(&bytes, at), slow);
        }
    }

    #[test]
    fn depth_counts_brackets_outside_strings() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let mut diags = Vec::new();
        assert!(parse(r#"{"a": [[1]]}"#, &limits, &mut diags).is_some());
        assert!(parse(r#"{"a": "[[[[[\"[[[["}"#, &limits, &mut diags).is_some());
        assert!(parse(r#"[{}, [], {"a": [1]}, [[]]]"#, &limits, &mut diags).is_some());
        assert!(diags.is_empty(), "{diags:?}");
        assert!(parse(r#"{"a": [[[1]]]}"#, &limits, &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::LIMIT.code);
        assert_eq!(diags[0].span, Span::new(8, 9));
        // After a byte order mark the span is still the file's.
        let mut diags = Vec::new();
        assert!(parse("\u{feff}[[[[1]]]]", &limits, &mut diags).is_none());
        assert_eq!(diags[0].span, Span::new(6, 7));
    }

    #[test]
    fn depth_built_in_code_is_capped_where_enforced() {
        let limits = Limits {
            max_depth: usize::MAX,
            ..Limits::default()
        };
        let max = limits::MAX_DEPTH;
        let deep = format!("{}{}", "[".repeat(max + 1), "]".repeat(max + 1));
        let mut diags = Vec::new();
        assert!(parse(&deep, &limits, &mut diags).is_none());
        assert_eq!(diags[0].code, codes::LIMIT.code);
        assert_eq!(diags[0].span, Span::new(max, max + 1));
        let fits = format!("{}{}", "[".repeat(max), "]".repeat(max));
        assert!(parse(&fits, &limits, &mut Vec::new()).is_some());
    }

    fn error_of(text: &str) -> (String, &str) {
        let mut diags = Vec::new();
        assert!(
            parse(text, &Limits::default(), &mut diags).is_none(),
            "{text}"
        );
        let d = &diags[0];
        (d.message.clone(), d.span.slice(text))
    }

    #[test]
    fn reads_escapes_numbers_and_literals() {
        let text = r#"{"s": "a\"b\\c\/\n\t\u00e9\ud83d\ude00", "n": [0, -0, 12, -7, 1.5e3, 2E-2, 18446744073709551615, 1e999], "l": [true, false, null]}"#;
        let node = parse(text, &Limits::default(), &mut Vec::new()).expect("parses");
        assert_eq!(
            node.to_json(),
            serde_json::json!({
                "s": "a\"b\\c/\n\t\u{e9}\u{1f600}",
                "n": [0, 0, 12, -7, 1500.0, 0.02, 18446744073709551615u64, "1e999"],
                "l": [true, false, null]
            })
        );
        let (n, _) = node.pointer("/n/4").expect("number");
        assert_eq!(n.span.slice(text), "1.5e3");
    }

    #[test]
    fn errors_point_at_the_mistake() {
        assert_eq!(
            error_of("{\"a\": [1, 2,]}"),
            ("invalid JSON: a trailing comma is not allowed".into(), ",")
        );
        assert_eq!(
            error_of("{\"a\": \"open"),
            ("invalid JSON: this string is never closed".into(), "\"")
        );
        assert_eq!(
            error_of("{\"a\" 1}"),
            (
                "invalid JSON: expected `:` after the key, found `1`".into(),
                "1"
            )
        );
        assert_eq!(
            error_of("{\"a\": 1} x"),
            (
                "invalid JSON: unexpected text after the JSON value".into(),
                "x"
            )
        );
        assert_eq!(
            error_of("{\"a\": \"\\ud800x\"}"),
            (
                "invalid JSON: this `\\u` escape is half of a UTF-16 surrogate pair".into(),
                "\\ud800"
            )
        );
        assert_eq!(
            error_of("{\"a\": \"\\q\"}"),
            ("invalid JSON: this is not a JSON escape".into(), "\\q")
        );
        assert_eq!(
            error_of("{\"a\": 01}"),
            (
                "invalid JSON: expected `,` or `}` in an object, found `1`".into(),
                "1"
            )
        );
        assert_eq!(
            error_of("{\"a\": -}"),
            ("invalid JSON: expected a digit, found `}`".into(), "}")
        );
        assert_eq!(
            error_of("[1 2]"),
            (
                "invalid JSON: expected `,` or `]` in a list, found `2`".into(),
                "2"
            )
        );
        assert_eq!(error_of("  "), ("the file holds no JSON value".into(), ""));
        assert_eq!(
            error_of("{\"é\": NaN}"),
            ("invalid JSON: expected a value, found `N`".into(), "N")
        );
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            (-1e300f64..1e300).prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                proptest::collection::vec((any::<String>(), inner), 0..8)
                    .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// What serde_json writes, compact or pretty, reads back as the same value,
        /// and every span holds exactly the value's text.
        #[test]
        fn reads_what_serde_json_writes(value in any_json(), pretty in proptest::bool::ANY) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).expect("serialises")
            } else {
                serde_json::to_string(&value).expect("serialises")
            };
            let mut diags = Vec::new();
            let node = parse(&text, &Limits::default(), &mut diags).expect("parses");
            proptest::prop_assert!(diags.is_empty());
            proptest::prop_assert_eq!(node.to_json(), value.clone());
            fn spans_hold_values(node: &Node, text: &str) -> bool {
                let slice = node.span.slice(text);
                serde_json::from_str::<serde_json::Value>(slice).ok() == Some(node.to_json())
                    && match &node.value {
                        Value::Seq(items) => items.iter().all(|n| spans_hold_values(n, text)),
                        Value::Map(entries) => entries.iter().all(|e| {
                            serde_json::from_str::<String>(e.key_span.slice(text)).ok().as_deref() == Some(e.key.as_str())
                                && spans_hold_values(&e.value, text)
                        }),
                        _ => true,
                    }
            }
            proptest::prop_assert!(spans_hold_values(&node, &text));
        }
    }
}
