//! The block reader against saphyr-parser: whenever it reads a text, its
//! events and spans are saphyr's, and saphyr finds no error in it.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use saphyr_parser::{Event, Parser};

use super::events;
use crate::span::Span;

/// saphyr's events for `text`, spans in bytes; `None` at an error.
fn saphyr(text: &str) -> Option<Vec<(Event<'_>, Span)>> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.ok()?;
        let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len());
        out.push((
            event,
            Span::new(at(span.start.index()), at(span.end.index())),
        ));
    }
    Some(out)
}

/// Whether the block reader took `text`; panics when it read it otherwise
/// than saphyr.
fn agrees(name: &str, text: &str) -> bool {
    let Some(fast) = events(text) else {
        return false;
    };
    let Some(reference) = saphyr(text) else {
        panic!("{name}: read by the block reader, but saphyr finds an error:\n{text}");
    };
    if fast != reference {
        for (i, (a, b)) in fast.iter().zip(&reference).enumerate() {
            assert_eq!(a, b, "{name}: event {i} differs in\n{text}");
        }
        panic!(
            "{name}: {} events against saphyr's {} in\n{text}",
            fast.len(),
            reference.len()
        );
    }
    true
}

#[test]
fn every_yaml_text_of_the_repository_it_reads_it_reads_as_saphyr() {
    // The reports gates are held sound over (the held-out realistic reports
    // excepted), in YAML or as Markdown front matter.
    let (mut yaml, mut read) = (0, 0);
    for (path, text) in crate::gated::corpus() {
        if !path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml" || e == "md")
        {
            continue;
        }
        let name = path.display().to_string();
        let text = if name.ends_with(".md") {
            // The front matter, as the Markdown reader hands it over.
            let Some(rest) = text.strip_prefix("---\n") else {
                continue;
            };
            let Some(end) = rest.find("\n---") else {
                continue;
            };
            rest[..end + 1].to_string()
        } else {
            text
        };
        yaml += 1;
        if agrees(&name, &text) {
            read += 1;
        }
        // Every prefix that ends a line: texts cut where a value, block or
        // collection ends or has not started.
        for (i, _) in text.match_indices('\n').step_by(3) {
            agrees(&name, &text[..i + 1]);
            agrees(&name, &text[..i]);
        }
    }
    // Not a vacuous pass: most of the repository's YAML is in the subset.
    assert!(yaml > 200, "only {yaml} YAML texts found");
    assert!(
        read * 2 > yaml,
        "the block reader read {read} of {yaml} YAML texts"
    );
}

#[test]
fn known_shapes_are_read_as_saphyr_reads_them() {
    let texts = [
        "a: b\n",
        "a: b",
        "a:\n",
        "a:",
        "a:   \nb: c\n",
        "a:  # note\nb: c\n",
        "# head\n\na: 1\n\n# tail\n",
        "a: b  # c\n",
        "a: b#c\n",
        "a: 'it''s'\n",
        "a: \"x\"  \n",
        "a: \"\"\n",
        "a: ''\n",
        "a:\n  - x\n  - 'y'\n  - \"z\"\n",
        "a:\n- x\n- y\nb: c\n",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "t:\n  - time: \"10:50 UTC\"\n    text: x\n  - time: 2\n",
        "t:\n- time: x\n  text: y\n- time: z\nn: 1\n",
        "l: |\n  one\n    two\n\n  three\nn: 1\n",
        "l: |-\n  one\n  two\n\n\nn: 1\n",
        "f: >\n  one\n  two\n\n  three\n\n\nn: 1\n",
        "f: >-\n  one\n  two\n",
        "l: |\n  one\n# c\nn: 1\n",
        "l: |  # c\n  one\n",
        "s:\n  - |\n    one\n    two\n  - x\n",
        "k: v\n  # indented comment\nn: 1\n",
        "é: ü\nname: Zoë Müller\n",
        "a: 10:50\nb: null\nc: ~\nd: -5\ne: 1e3\n",
        "a: x: y\n",
        "a: [1, 2]\n",
        "a: {b: c}\n",
        "a: &x b\nc: *x\n",
        "a: !t b\n",
        "a: b\n  c\n",
        "a: \"b\n  c\"\n",
        "a: \"b\\\"c\"\n",
        "---\na: b\n",
        "a: b\n...\n",
        "a: b\n---\nc: d\n",
        "\u{feff}a: b\n",
        "a: b\r\n",
        "a:\tb\n",
        "\ta: b\n",
        "a: |+\n  x\n",
        "a: |2\n   x\n",
        "? a\n: b\n",
        "\"a\": b\n",
        "a: b\n a: c\n",
        "- a\n- b\n",
        "a:\n  -\n  - b\n",
        "a:\n  - - b\n",
        "a: -\n",
        "a: - b\n",
        "a: @b\n",
        "a: %b\n",
        "a: `b\n",
        "a: b\na: c\n",
        "a:\n  b: c\n d: e\n",
        "a: b\0c\n",
        "a: b\u{1}c\n",
        "a: b\u{7f}c\n",
        "a: b\u{85}c\n",
        "a: b\u{2028}c\n",
        "a: b\u{feff}c\n",
        "a: b\u{fffe}c\n",
        "a: 'b\u{1b}c'\n",
        "a: |\n  b\u{0}c\n",
    ];
    let mut read = 0;
    for (i, text) in texts.iter().enumerate() {
        if agrees(&format!("text {i}"), text) {
            read += 1;
        }
    }
    assert!(read >= 25, "read {read} of {} texts", texts.len());
}

/// The pieces generated texts are made of: keys, values of every style, and the
/// characters that end or change one.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a",
        "key",
        "b c",
        "a  b  ",
        "x # c",
        "x#y",
        "a: b",
        "a:b",
        "10:50",
        "null",
        "~",
        "-5",
        "'x''y'",
        "'q'",
        "\"q\"",
        "\"a\\\"b\"",
        "\"open",
        "'open",
        "|",
        "|-",
        ">",
        ">-",
        "|+",
        "- x",
        "-",
        "[a]",
        "{a: 1}",
        "&a x",
        "*a",
        "!t x",
        "?x",
        ":x",
        "%x",
        "é ü",
        "x\t",
        "",
        "#",
        " ",
        "a:",
        "b: |",
        "a\0b",
        "\u{85}",
        "\u{2028}",
        "\u{feff}x",
        "\u{7}",
    ])
    .prop_map(str::to_string)
}

/// A generated line: an indentation and what follows it.
fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![0usize, 0, 1, 2, 2, 4, 6]),
        prop_oneof![
            (piece(), piece()).prop_map(|(k, v)| format!("{k}: {v}")),
            piece().prop_map(|k| format!("{k}:")),
            piece().prop_map(|v| format!("- {v}")),
            (piece(), piece()).prop_map(|(k, v)| format!("- {k}: {v}")),
            piece(),
            Just(String::new()),
        ],
    )
        .prop_map(|(indent, rest)| format!("{}{rest}", " ".repeat(indent)))
}

/// A generated document: what a report's front matter is made of.
#[derive(Clone, Debug)]
enum Doc {
    Plain(String),
    Block(&'static str, Vec<String>),
    Map(Vec<(String, Doc)>),
    Seq(Vec<Doc>, bool),
}

fn doc() -> impl Strategy<Value = Doc> {
    let leaf = prop_oneof![
        3 => prop::sample::select(vec![
            "a", "b c", "x # c", "x#y", "a:b", "10:50", "null", "~", "-5", "'x''y'", "'q'",
            "\"q\"", "\"\"", "é ü", "https://x.io/a?b=c#d", "50%", "a - b", "2024-03-13 00:37 UTC",
        ])
        .prop_map(|v| Doc::Plain(v.to_string())),
        1 => piece().prop_map(Doc::Plain),
        1 => (
            prop::sample::select(vec!["|", "|-", ">", ">-", "|  # c"]),
            prop::collection::vec(
                prop::sample::select(vec!["one", "two words", "", "  more", "# not a comment", "é"]),
                1..5,
            ),
        )
            .prop_map(|(h, lines)| Doc::Block(h, lines.into_iter().map(str::to_string).collect())),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(
                (
                    prop::sample::select(vec!["a", "key", "b c", "é", "x-y", "10"]),
                    inner.clone()
                ),
                1..4
            )
            .prop_map(|entries| Doc::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            )),
            (prop::collection::vec(inner, 1..4), any::<bool>())
                .prop_map(|(items, flat)| Doc::Seq(items, flat)),
        ]
    })
}

/// Writes `doc` as the value after a key or an entry's `- ` at `indent`.
fn render(doc: &Doc, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match doc {
        Doc::Plain(v) => {
            out.push(' ');
            out.push_str(v);
            out.push('\n');
        }
        Doc::Block(header, lines) => {
            out.push(' ');
            out.push_str(header);
            out.push('\n');
            for line in lines {
                if !line.is_empty() {
                    out.push_str(&pad(indent + 2));
                }
                out.push_str(line);
                out.push('\n');
            }
        }
        Doc::Map(entries) => {
            out.push('\n');
            for (k, v) in entries {
                out.push_str(&pad(indent + 2));
                out.push_str(k);
                out.push(':');
                render(v, indent + 2, out);
            }
        }
        Doc::Seq(items, flat) => {
            out.push('\n');
            let at = if *flat { indent } else { indent + 2 };
            for item in items {
                out.push_str(&pad(at));
                out.push('-');
                match item {
                    Doc::Map(entries) => {
                        for (i, (k, v)) in entries.iter().enumerate() {
                            if i == 0 {
                                out.push(' ');
                            } else {
                                out.push_str(&pad(at + 2));
                            }
                            out.push_str(k);
                            out.push(':');
                            render(v, at + 2, out);
                        }
                    }
                    other => render(other, at, out),
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn generated_texts_it_reads_it_reads_as_saphyr(
        lines in prop::collection::vec(line(), 0..10),
        end in prop::sample::select(vec!["\n", "", "\n\n"]),
    ) {
        let text = format!("{}{end}", lines.join("\n"));
        agrees("generated", &text);
    }

    #[test]
    fn generated_documents_and_their_mutations_it_reads_it_reads_as_saphyr(
        entries in prop::collection::vec((prop::sample::select(vec!["title", "a b", "é"]), doc()), 1..4),
        mutation in (0usize..40, 0usize..5, piece()),
    ) {
        let mut text = String::new();
        for (k, v) in &entries {
            text.push_str(k);
            text.push(':');
            render(v, 0, &mut text);
        }
        agrees("generated document", &text);
        // One line changed: indented, outdented, commented, or a piece added.
        let (line, how, piece) = mutation;
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let i = line % lines.len();
        match how {
            0 => lines[i].insert(0, ' '),
            1 => {
                if lines[i].starts_with(' ') {
                    lines[i].remove(0);
                }
            }
            2 => lines[i].push_str(" # c"),
            3 => lines[i].push_str(&piece),
            _ => lines.insert(i, piece),
        }
        agrees("mutated document", &(lines.join("\n") + "\n"));
    }
}

/// The generated documents are mostly read (else the property above would
/// hold of a reader that reads nothing).
#[test]
fn generated_documents_are_mostly_read() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec((prop::sample::select(vec!["title", "a b"]), doc()), 1..4);
    let (mut read, mut all) = (0, 0);
    for _ in 0..300 {
        let entries = strategy
            .new_tree(&mut runner)
            .expect("a document")
            .current();
        let mut text = String::new();
        for (k, v) in &entries {
            text.push_str(k);
            text.push(':');
            render(v, 0, &mut text);
        }
        all += 1;
        if agrees("generated document", &text) {
            read += 1;
        }
    }
    assert!(read * 4 > all, "read {read} of {all} generated documents");
}
