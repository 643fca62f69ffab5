//! A report as YAML, read back identically under the project's YAML 1.2 typing.
//!
//! Written by hand, on purpose: serde_yaml is deprecated, and the emitters that are
//! maintained (saphyr's `YamlEmitter`, yaml-rust2's, which shares its code) decide
//! quoting by YAML 1.1 rules that disagree with the reader in `parse/yaml.rs`: they
//! leave `0o17` and `+.inf` plain (YAML 1.2 reads a number and a float), and they quote
//! every string with a `:` in it, so every timestamp (`2024-06-10 16:05 CEST`) would be
//! written `"2024-06-10 16:05 CEST"`. Here a string is written plain exactly when
//! `parse::yaml::plain_scalar` (the reader) keeps it a string and the YAML
//! syntax cannot read it differently; multi-line text becomes a literal block; anything
//! else is double-quoted with escapes. Tests read every output back and compare.

use serde_json::Value as Json;

use crate::parse::yaml::plain_scalar;

/// The value as a YAML document (block style, two-space indentation, one trailing newline).
pub fn to_yaml(value: &Json) -> String {
    let mut out = String::new();
    match value {
        Json::Object(map) if !map.is_empty() => write_map(&mut out, map, 0, false),
        Json::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0, false),
        scalar => {
            write_inline(&mut out, scalar, 0);
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// A mapping at indentation `n`; when `inline`, the first key continues the current line.
fn write_map(out: &mut String, map: &serde_json::Map<String, Json>, n: usize, inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline {
            indent(out, n);
        }
        out.push_str(&scalar_string(key));
        out.push(':');
        write_value(out, value, n);
    }
}

/// A sequence at indentation `n`; when `inline`, the first item continues the current line.
fn write_seq(out: &mut String, items: &[Json], n: usize, inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            indent(out, n);
        }
        out.push('-');
        match item {
            Json::Object(map) if !map.is_empty() => {
                out.push(' ');
                write_map(out, map, n + 2, true);
            }
            Json::Array(inner) if !inner.is_empty() => {
                out.push(' ');
                write_seq(out, inner, n + 2, true);
            }
            _ => write_value(out, item, n),
        }
    }
}

/// The value after `key:` or `-` of a node at indentation `n`, with its line break.
fn write_value(out: &mut String, value: &Json, n: usize) {
    match value {
        Json::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_map(out, map, n + 2, false);
        }
        Json::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_seq(out, items, n + 2, false);
        }
        Json::String(s) if literal_block_fits(s) => {
            out.push_str(" |");
            out.push_str(chomping(s));
            out.push('\n');
            let body = s.strip_suffix('\n').unwrap_or(s);
            for line in body.split('\n') {
                if !line.is_empty() {
                    indent(out, n + 2);
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        Json::String(s) if folded_block_fits(s, column(out)) => {
            out.push_str(" >-\n");
            for line in fold(s, WIDTH.saturating_sub(n + 2).max(40)) {
                indent(out, n + 2);
                out.push_str(&line);
                out.push('\n');
            }
        }
        other => {
            out.push(' ');
            write_inline(out, other, n);
            out.push('\n');
        }
    }
}

/// The column the next character of `out` is written at.
fn column(out: &str) -> usize {
    out.rsplit('\n').next().map_or(0, |l| l.chars().count())
}

/// Lines longer than this are folded (`>-`), as people write long prose in YAML.
const WIDTH: usize = 80;

/// Whether `s` is long one-line prose that a folded block scalar (`>-`) reads back
/// exactly: single spaces between words (a fold turns one line break into one space),
/// nothing that needs escaping, no space at either end.
fn folded_block_fits(s: &str, column: usize) -> bool {
    // A headline a little over the width reads better on its line than folded.
    column + 1 + s.chars().count() > WIDTH + 20
        && s.contains(' ')
        && !s.contains("  ")
        && !s.starts_with([' ', '\t'])
        && !s.ends_with(' ')
        && !s.chars().any(|c| c == '\n' || c == '\t' || needs_escape(c))
}

/// The words of `s` in lines of at most `width` characters (a longer word stands alone).
fn fold(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

fn write_inline(out: &mut String, value: &Json, _n: usize) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => out.push_str(&scalar_string(s)),
        Json::Array(_) => out.push_str("[]"),
        Json::Object(_) => out.push_str("{}"),
    }
}

/// `-` strips the final line break, nothing keeps one, `+` keeps them all.
fn chomping(s: &str) -> &'static str {
    if !s.ends_with('\n') {
        "-"
    } else if s.ends_with("\n\n") {
        "+"
    } else {
        ""
    }
}

/// Whether `s` can be a literal block scalar (`|`) and read back unchanged.
fn literal_block_fits(s: &str) -> bool {
    let body = s.trim_end_matches('\n');
    s.contains('\n')
        && !body.is_empty()
        // The first line with text fixes the indentation: it must not start with a space.
        && !body.trim_start_matches('\n').starts_with([' ', '\t'])
        && !s.contains('\r')
        && s.chars().all(|c| c == '\n' || c == '\t' || !needs_escape(c))
        // A line of only spaces cannot be told apart from indentation.
        && body.split('\n').all(|l| l.is_empty() || !l.trim().is_empty())
}

/// A string as a plain scalar when that reads back as the same string, else double-quoted.
pub fn scalar_string(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether `s` written plain is read as the string `s`, in block context.
fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Typed as null, a boolean or a number by the YAML 1.2 core schema.
    if plain_scalar(s).is_some() || others_would_type(s) {
        return false;
    }
    // Indicators that start something other than a plain scalar. `-`, `?` and `:`
    // followed by a non-space could stay plain; quoting them is simpler and still exact.
    if matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
            | ' '
            | '\t'
    ) {
        return false;
    }
    !(s.ends_with([' ', '\t', ':'])
        || s.contains(": ")
        || s.contains(":\t")
        || s.contains(" #")
        || s.contains("\t#")
        || s.chars().any(|c| needs_escape(c) || c == '\n'))
}

/// Strings other readers would type although retrospec reads them as text: a YAML 1.1
/// reader (many editors and older tools) reads booleans and sexagesimal numbers, and
/// any YAML 1.2 reader reads `.inf` and `.nan` as floats. Quoted too, so the file
/// means the same to them. Dates stay plain, as every example in `docs/format.md`
/// writes them.
fn others_would_type(s: &str) -> bool {
    let bool_word = matches!(
        s.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off"
    );
    let sexagesimal = s.contains(':')
        && s.split(':')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        || s.split_once(':').is_some_and(|(h, rest)| {
            !h.is_empty()
                && h.bytes().all(|b| b.is_ascii_digit())
                && rest
                    .split(':')
                    .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        });
    // YAML 1.2 floats that retrospec keeps as text (JSON has no infinity or NaN) but
    // every other YAML 1.2 reader reads as numbers.
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let special_float =
        matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN");
    bool_word || sexagesimal || special_float
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml;
    use serde_json::json;

    fn read_back(text: &str) -> Json {
        let mut diags = Vec::new();
        let node = yaml::parse(text, 0, &mut diags).expect("parses");
        assert!(diags.is_empty(), "{text}\n{diags:?}");
        node.to_json()
    }

    #[test]
    fn strings_that_yaml_would_type_are_quoted_and_read_back() {
        let tricky = [
            "no",
            "yes",
            "on",
            "off",
            "y",
            "n",
            "true",
            "True",
            "null",
            "~",
            "",
            "10:50",
            "650",
            "0o17",
            "0x1F",
            "+12",
            "-7",
            "1e3",
            ".5",
            "+.inf",
            ".inf",
            ".nan",
            "2024-06-10",
            "2024-06-10 16:05 CEST",
            "16:05 CEST",
            "@platform",
            "#1",
            "*star",
            "&a",
            "!tag",
            "- dash",
            "? q",
            ": colon",
            "key: value",
            "trailing:",
            "a # b",
            "a#b",
            " lead",
            "trail ",
            "[x]",
            "{y}",
            "'single'",
            "\"double\"",
            "%",
            "`tick`",
            "|",
            ">",
            "tab\there",
            "bell\u{7}",
            "nel\u{85}",
            "ls\u{2028}",
            "bom\u{feff}",
            "back\\slash",
            "ünïcødé",
            "https://example.com/a?b=c#d",
            "P1",
            "SEV2",
            "1.0",
            "-",
            "---",
            "...",
        ];
        for s in tricky {
            let doc = json!({ "k": s, "list": [s] });
            let text = to_yaml(&doc);
            assert_eq!(read_back(&text), doc, "{s:?} written as\n{text}");
        }
        assert_eq!(
            to_yaml(&json!({"k": "2024-06-10 16:05 CEST"})),
            "k: 2024-06-10 16:05 CEST\n"
        );
        assert_eq!(to_yaml(&json!({"k": "no"})), "k: \"no\"\n");
        assert_eq!(to_yaml(&json!({"k": "-.inf"})), "k: \"-.inf\"\n");
        assert_eq!(to_yaml(&json!({"k": ".NaN"})), "k: \".NaN\"\n");
    }

    #[test]
    fn multi_line_text_is_a_literal_block_and_reads_back() {
        for s in [
            "one\ntwo",
            "one\n\ntwo\n",
            "one\ntwo\n\n\n",
            "para one\n\n- item: x\n- # not a comment\n",
            "  indented first line\nsecond",
            "trailing spaces  \nhard break",
            "spaces\n   \nonly line",
            "\nleading break",
            "crlf\r\nline",
        ] {
            let doc = json!({ "summary": s, "items": [s, {"body": s}] });
            let text = to_yaml(&doc);
            assert_eq!(read_back(&text), doc, "{s:?} written as\n{text}");
        }
        assert_eq!(
            to_yaml(&json!({"summary": "a\n\nb"})),
            "summary: |-\n  a\n\n  b\n"
        );
    }

    /// Thousands of strings built from the pieces YAML treats specially, as values and
    /// as keys, at several depths: every one reads back as written.
    #[test]
    fn generated_strings_read_back() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "0",
            "1",
            "9",
            ":",
            " ",
            "#",
            "-",
            "?",
            "'",
            "\"",
            "\\",
            "\n",
            "\t",
            "@",
            "*",
            "&",
            "!",
            "|",
            ">",
            "%",
            "[",
            "]",
            "{",
            "}",
            ",",
            "yes",
            "no",
            "~",
            "null",
            ".",
            "e",
            "+",
            "0o",
            "0x",
            "\u{85}",
            "é",
            "\r",
            "  ",
            "---",
            "...",
            "inf",
            "true",
            "`",
            "\u{2028}",
            "\u{feff}",
            "\u{7}",
            ": ",
            " #",
            "16:05",
            "2024-06-10",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let len = (next() % 10) as usize;
            let s: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut key_map = serde_json::Map::new();
            key_map.insert(s.clone(), json!(1));
            let doc =
                json!({ "k": s, "l": [s, [s]], "m": [{"k": s, "n": {"k": s}}], "keys": key_map });
            let text = to_yaml(&doc);
            assert_eq!(read_back(&text), doc, "{s:?} written as\n{text}");
        }
    }

    #[test]
    fn long_prose_is_folded_and_reads_back() {
        let long = "The rotation job removes the old public key from the published key set as soon as it has written the new key: #1 - a: b [x] 'q' \"d\" ünïcødé and more words to wrap.";
        let doc = json!({"root_cause": long, "items": [{"text": long}], "x": "a  b ".repeat(30)});
        let text = to_yaml(&doc);
        assert!(text.starts_with("root_cause: >-\n  The rotation"), "{text}");
        assert!(
            text.lines()
                .filter(|l| !l.starts_with("x:"))
                .all(|l| l.len() <= WIDTH + 10),
            "{text}"
        );
        assert_eq!(read_back(&text), doc, "{text}");
    }

    #[test]
    fn nesting_numbers_and_empty_collections_read_back() {
        let doc = json!({
            "$schema": "https://retrospec.dev/schema/v1/postmortem.schema.json",
            "impact": {"users_affected": 48200, "percentage": 38.5, "regions": ["eu"], "x": 1.0},
            "timeline": [{"time": "09:19 CEST", "text": "The alert fires.", "milestone": "detected"}],
            "nested": [[1, 2], [], {}, [{"a": [true, false, null]}]],
            "x-big": 1e300,
            "x-empty": {},
            "x-list": [],
        });
        assert_eq!(read_back(&to_yaml(&doc)), doc, "{}", to_yaml(&doc));
    }
}
