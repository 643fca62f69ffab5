//! The vendored saphyr-parser's fast path for plain scalars
//! (vendor/saphyr-parser/PATCHED.md) is held to the parser's own behaviour: for
//! every YAML text here, parsing from a `&str` (`StrInput`, which scans a plain
//! scalar's bytes) gives the same events, with the same spans, and the same
//! error as parsing from a character iterator (`BufferedInput`, which keeps the
//! unpatched character-at-a-time loop, the trait's default). And the marks agree
//! with the text (which the comparison alone would not see, the scanner's mark
//! keeping being shared): a plain scalar on one line is the text its span covers.
//!
//! The texts: every YAML and JSON file under tests/ and examples/, every Markdown
//! file there whole and its front matter, and synthetic texts built here (plain
//! scalars around the characters that end one, non-ASCII, flow collections,
//! comments, document markers, byte order marks, tabs, CRLF, NUL), each prefix of
//! a few of them, and seeded random strings over the same characters.

use std::path::{Path, PathBuf};

use saphyr_parser::{BufferedInput, Event, Input, Parser, ScalarStyle, ScanError, Span};

/// What one parser made of a text: its events up to the end or the first error.
#[derive(Debug, PartialEq)]
struct Outcome<'a> {
    events: Vec<(Event<'a>, Span)>,
    error: Option<ScanError>,
}

fn run<'a, T: Input>(mut parser: Parser<'a, T>) -> Outcome<'a> {
    let mut events = Vec::new();
    while let Some(next) = parser.next_event() {
        match next {
            Ok(event) => events.push(event),
            Err(error) => {
                return Outcome {
                    events,
                    error: Some(error),
                };
            }
        }
    }
    Outcome {
        events,
        error: None,
    }
}

/// Every plain scalar on one line (without anchor or tag, which its span covers
/// too) is the text its span covers, and the span's columns advance with its
/// character index.
fn check_marks(name: &str, chars: &[char], outcome: &Outcome<'_>) {
    for (event, span) in &outcome.events {
        let Event::Scalar(value, ScalarStyle::Plain, 0, None) = event else {
            continue;
        };
        let (start, end) = (&span.start, &span.end);
        if value.is_empty() || start.line() != end.line() {
            continue;
        }
        assert!(
            start.index() <= end.index() && end.index() <= chars.len(),
            "{name}: {event:?} at {span:?}"
        );
        let covered: String = chars[start.index()..end.index()].iter().collect();
        assert_eq!(*value, covered, "{name}: {event:?} at {span:?}");
        assert_eq!(
            end.col() - start.col(),
            end.index() - start.index(),
            "{name}: {event:?} at {span:?}"
        );
    }
}

/// Parses `text` both ways and fails, naming `name`, on any difference.
fn same(name: &str, text: &str) {
    let fast = run(Parser::new_from_str(text));
    let slow = run(Parser::new(BufferedInput::new(text.chars())));
    if fast != slow {
        let at = fast
            .events
            .iter()
            .zip(&slow.events)
            .position(|(a, b)| a != b)
            .unwrap_or(fast.events.len().min(slow.events.len()));
        panic!(
            "{name}: {text:?}\nfirst difference at event {at}:\n  str:      {:?}\n  buffered: {:?}\n\
             errors:\n  str:      {:?}\n  buffered: {:?}",
            fast.events.get(at),
            slow.events.get(at),
            fast.error,
            slow.error
        );
    }
    let chars: Vec<char> = text.chars().collect();
    check_marks(name, &chars, &fast);
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The text between a leading `---` line and the next `---` line.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "---" {
            return Some(&rest[..at]);
        }
        at += line.len();
    }
    None
}

#[test]
fn the_repository_texts_parse_the_same_both_ways() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    files(&root.join("tests"), &mut paths);
    files(&root.join("examples"), &mut paths);
    paths.sort();
    let (mut yaml, mut markdown, mut fronts) = (0, 0, 0);
    for path in &paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "yaml" | "yml" | "json" | "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        same(&name, &text);
        if ext == "md" {
            markdown += 1;
            if let Some(front) = front_matter(&text) {
                same(&format!("{name} (front matter)"), front);
                fronts += 1;
            }
        } else {
            yaml += 1;
        }
    }
    // The corpus is there (a moved directory would make this test vacuous).
    assert!(yaml > 80, "{yaml} YAML and JSON files");
    assert!(markdown > 400, "{markdown} Markdown files");
    assert!(fronts > 100, "{fronts} front matters");
}

/// Plain scalars and what may surround or end them.
const SCALARS: &[&str] = &[
    "a",
    "plain",
    "two words",
    "é",
    "café au lait",
    "日本",
    "日本語のテキスト",
    "emoji 😀 here",
    "😀😀",
    "ümlaut:ä",
    "a:b",
    "a:",
    ":a",
    "a: b",
    "a:b:c",
    "http://x:80/a",
    "https://example.com/path?q=1&r=2#frag",
    "10:50",
    "a,b",
    "a[b]",
    "a{b}",
    "a, b",
    "a #b",
    "a#b",
    "a # comment",
    "a\tb",
    "a\t#b",
    "trailing ",
    "trailing\t",
    "-a",
    "-",
    "- a",
    "--a",
    "---a",
    "...a",
    "?a",
    "a?",
    "a\u{FEFF}b",
    "\u{FEFF}a",
    "a:\u{FEFF}",
    "a\0b",
    "a:\0",
    "x\u{85}y",
    "nbsp\u{a0}here",
    "'quoted'",
    "\"double\"",
    "a'b\"c",
    "!tag a",
    "&anchor a",
    "*alias",
    "a|b>c",
    "%not directive",
    "@at",
    "`tick",
    "a:,b",
    "a:[b",
    "a:]",
    "a:{",
    "a:}",
    "::",
    "a::b",
    "ends with:",
    "€:€",
    "é:é",
    "a: é",
    // A space between words, read by the fast path outside flow context: before
    // a `-` (an error before a flow indicator inside one), `:`, `?`, a second
    // space, a tab, a comment, a byte order mark, a flow indicator, the end.
    "one two three four",
    "a -",
    "a -,b",
    "a -b",
    "a :b",
    "a : b",
    "a :",
    "a ?b",
    "a  b",
    "a \tb",
    "a  #b",
    "a \u{FEFF}b",
    "a ,b",
    "a [b",
    "a {b",
    "a é",
    "a 日本 b",
];

/// Templates with `{}` standing for a scalar.
const SHAPES: &[&str] = &[
    "{}",
    "{}\n",
    "key: {}\n",
    "key: {}",
    "key: {} # comment\n",
    "key: {}\nnext: value\n",
    "- {}\n- {}\n",
    "[{}]",
    "[{}, {}]\n",
    "{k: {}}\n",
    "{{}: v}\n",
    "[a, {}, {d: e}]\n",
    "{k: [{}], l: {m: {}}}\n",
    "? {}\n: {}\n",
    "key: {}\n  continued {}\n  and more\n",
    "key:\n  {}\n\n  {}\n",
    "key: {}\r\nnext: {}\r\n",
    "key: {}\rnext: x\r",
    "---\n{}\n...\n",
    "--- {}\n--- {}\n",
    "key: {}\n---\nother: {}\n",
    "key: {}\n...\n",
    "text {}\n---\n",
    "text {}\n--- x\n",
    "text {}\n...x\n",
    "\u{FEFF}key: {}\n",
    "key: {}\u{FEFF}\n",
    "\tkey: {}\n",
    "key:\t{}\n",
    "key: {}\t\n\tmore\n",
    "key: &a {}\nref: *a\n",
    "key: !t {}\n",
    "a:\n  - {}\n  - [{}, x]\n",
    "{}: {}\n",
    "  {}\n {}\n",
    "key: |\n  {}\n",
    "key: '{}'\n",
    "key: \"{}\"\n",
    "# {}\nkey: v\n",
    "key: v #{}\n",
    "[{}\n, {}]\n",
    "{k: {}\n  , l: m}\n",
    "key: x\n  # {}\n  y\n",
];

/// Every shape with every scalar (and a second one from the other end of the list).
fn synthetic() -> Vec<String> {
    let mut texts = vec![String::new()];
    for (i, scalar) in SCALARS.iter().enumerate() {
        let other = SCALARS[SCALARS.len() - 1 - i];
        for shape in SHAPES {
            let mut text = String::new();
            for (n, piece) in shape.split("{}").enumerate() {
                if n > 0 {
                    text.push_str(if n % 2 == 1 { scalar } else { other });
                }
                text.push_str(piece);
            }
            texts.push(text);
        }
    }
    texts
}

#[test]
fn synthetic_texts_parse_the_same_both_ways() {
    let texts = synthetic();
    assert!(texts.len() > 2000, "{} texts", texts.len());
    for (n, text) in texts.iter().enumerate() {
        same(&format!("synthetic {n}"), text);
    }
}

/// Documents cut at every character: a scalar that ends at the end of the input.
#[test]
fn every_prefix_parses_the_same_both_ways() {
    let documents = [
        "title: Café outage: the 日本 region 😀\nsummary: a:b, http://x:80/a #not a comment\n  \
         continued on a second line # a comment\n",
        "---\nlist: [a, b:c, {d: e}, 'f', é:ü]\nmap: {k: v, é: 😀, u: http://x:80/a}\n...\n",
        "\u{FEFF}- a\tb\r\n- é: x\r\n- [a:, b]\r\n--- \r\nplain text\r\n  more: text\r\n",
        "key: x\0y\nnext: z\u{FEFF}w\n? complex key\n: value\n",
    ];
    for (d, document) in documents.iter().enumerate() {
        for (at, _) in document.char_indices().chain([(document.len(), ' ')]) {
            same(&format!("document {d} cut at byte {at}"), &document[..at]);
        }
    }
}

/// Seeded random strings over the characters that matter to a plain scalar.
///
/// No `%`: 0.3.4's `StrInput` counts a directive's name and parameters in bytes
/// where `BufferedInput` counts characters (`fetch_while_is_yaml_non_space`), so
/// the two disagree on the marks after `%日` at the start of a line, with or
/// without the fast path (PATCHED.md).
#[test]
fn random_texts_parse_the_same_both_ways() {
    const PIECES: &[&str] = &[
        "a",
        "b",
        "é",
        "日",
        "😀",
        ":",
        ": ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        " #",
        ",",
        "[",
        "]",
        "{",
        "}",
        "-",
        "- ",
        "---",
        "...",
        "?",
        "\u{FEFF}",
        "\0",
        "'",
        "\"",
        "!",
        "&",
        "*",
        "|",
        ">",
        "@",
        "key: ",
        "\n  ",
        "http://x:80/a",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        // xorshift64: a fixed sequence, so a failure reproduces.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for n in 0..4000 {
        let len = next() % 24;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        same(&format!("random {n}"), &text);
    }
}
