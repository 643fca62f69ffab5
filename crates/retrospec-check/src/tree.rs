//! The spanned tree: the parsed document with a byte span on every key and value.
//!
//! All three input forms are parsed into this one shape. It is what schema
//! validation runs on (a quick yes on the tree itself, else the generated validator
//! on [`Node::to_json`]), what the model is read from (`model::from_tree`), and what
//! diagnostics look up spans in (through [`Node::lookup`] with the JSON pointer of
//! the model field).

use serde_json::{Map, Number, Value as Json};

use crate::span::Span;

/// A value with the span of the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is written. For a value derived from Markdown, the text it came from.
    pub span: Span,
    /// The value.
    pub value: Value,
}

/// The value of a [`Node`], shaped like JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `~` or an empty YAML value.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in the order written.
    Map(Vec<Entry>),
}

/// One key and value of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// Where the key is written (for Markdown sections: the heading).
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

/// One step of a path into the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A mapping key.
    Key(&'a str),
    /// A sequence index.
    Index(usize),
}

impl Node {
    /// A node.
    pub fn new(span: Span, value: Value) -> Self {
        Node { span, value }
    }

    /// The entries when this is a mapping.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The string when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The entry for `key` when this is a mapping.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?.iter().find(|e| e.key == key)
    }

    /// The node at the end of `path`, with the entry that holds it when its parent is a mapping.
    pub fn lookup<'n>(&'n self, path: &[Segment<'_>]) -> Option<(&'n Node, Option<&'n Entry>)> {
        self.walk(path.iter().copied())
    }

    fn walk<'n, 's>(
        &'n self,
        path: impl Iterator<Item = Segment<'s>>,
    ) -> Option<(&'n Node, Option<&'n Entry>)> {
        let mut node = self;
        let mut holder = None;
        for segment in path {
            match (segment, &node.value) {
                (Segment::Key(key), Value::Map(entries)) => {
                    let entry = entries.iter().find(|e| e.key == key)?;
                    holder = Some(entry);
                    node = &entry.value;
                }
                (Segment::Index(i), Value::Seq(items)) => {
                    holder = None;
                    node = items.get(i)?;
                }
                _ => return None,
            }
        }
        Some((node, holder))
    }

    /// The node at a JSON pointer (`/timeline/3/time`); `""` is the root.
    ///
    /// Rules look spans up by pointer many times per report, so a pointer without
    /// escapes is walked in place, without allocating.
    pub fn pointer(&self, pointer: &str) -> Option<(&Node, Option<&Entry>)> {
        // Bytes, not `str::split` and `contains`: their searchers cost a language
        // server's edit of a 5,000-line report 12 M instructions for 12,500
        // lookups of pointers a few bytes long (perf13).
        if pointer.as_bytes().contains(&b'~') {
            let segments = parse_pointer(pointer);
            return self.pointer_segments(segments.iter().map(String::as_str));
        }
        self.pointer_segments(Segments(Some(pointer)).skip(1))
    }

    fn pointer_segments<'s>(
        &self,
        segments: impl Iterator<Item = &'s str> + Clone,
    ) -> Option<(&Node, Option<&Entry>)> {
        let path = segments.clone().map(|s| match index(s) {
            Some(i) => Segment::Index(i),
            None => Segment::Key(s),
        });
        // A numeric segment may also be a mapping key; try the literal reading on failure.
        self.walk(path)
            .or_else(|| self.walk(segments.map(Segment::Key)))
    }

    /// The value as JSON, for the schema validator (of a report not surely valid) and the writers.
    pub fn to_json(&self) -> Json {
        match &self.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(s.clone()),
            Value::Seq(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => {
                let mut map = Map::with_capacity(entries.len());
                for entry in entries {
                    // Duplicate keys were diagnosed by the parser; the first one wins.
                    // One lookup per key: `entry`, not `contains_key` then `insert`.
                    if let serde_json::map::Entry::Vacant(slot) = map.entry(entry.key.clone()) {
                        slot.insert(entry.value.to_json());
                    }
                }
                Json::Object(map)
            }
        }
    }

    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// The `/`-separated parts of a pointer, as `str::split('/')` gives them.
#[derive(Clone)]
struct Segments<'s>(Option<&'s str>);

impl<'s> Iterator for Segments<'s> {
    type Item = &'s str;

    fn next(&mut self) -> Option<&'s str> {
        let rest = self.0?;
        match rest.bytes().position(|b| b == b'/') {
            Some(i) => {
                self.0 = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// A segment read as a sequence index, as `str::parse::<usize>` reads it less
/// its leading `+`: ASCII digits only, within `usize`.
fn index(segment: &str) -> Option<usize> {
    if segment.is_empty() {
        return None;
    }
    segment.bytes().try_fold(0usize, |n, b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(usize::from(b - b'0'))
        } else {
            None
        }
    })
}

/// Splits a JSON pointer into unescaped segments.
pub fn parse_pointer(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| {
            if s.contains('~') {
                s.replace("~1", "/").replace("~0", "~")
            } else {
                s.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte splitter and the index reader say what `str::split('/')` and
    /// `str::parse::<usize>` (less a leading `+`) said before them.
    #[test]
    fn pointers_split_and_read_as_before() {
        let pieces = [
            "",
            "/",
            "0",
            "12",
            "+3",
            "-1",
            "x",
            "~1",
            "é",
            "99999999999999999999999",
        ];
        let mut pointers = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = pointers
                .iter()
                .flat_map(|p| pieces.iter().map(move |s| format!("{p}{s}")))
                .collect();
            pointers.extend(longer);
        }
        for p in &pointers {
            let by_split: Vec<&str> = p.split('/').collect();
            assert_eq!(Segments(Some(p)).collect::<Vec<_>>(), by_split, "{p:?}");
            for s in by_split {
                let before = match s.parse::<usize>() {
                    Ok(i) if !s.starts_with('+') => Some(i),
                    _ => None,
                };
                assert_eq!(index(s), before, "{s:?}");
            }
        }
        let tree =
            crate::parse::yaml::parse("a:\n  - x: 1\n  - y: [2, 3]\n'7': z\n", 0, &mut Vec::new())
                .expect("parses");
        let at = |p: &str| tree.pointer(p).map(|(n, _)| n.span);
        assert!(at("/a/1/y/1").is_some());
        assert!(at("/a/2").is_none());
        assert!(at("/7").is_some(), "a numeric key of a mapping");
        assert_eq!(at(""), Some(tree.span));
    }
}
