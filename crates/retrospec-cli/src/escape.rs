//! Text from a report or a file name made safe for a terminal and for GitHub
//! annotations: control characters (C0 but tab and line feed, DEL, C1), bidi
//! overrides and isolates, and zero-width or invisible formatting characters are
//! named instead of printed (`sta<U+200B>tus`). Raw, an ESC sequence in a value
//! could clear the screen, retitle the window or hide findings, and
//! `sta\u{200b}tus` would look exactly like `status` in "did you mean".
//!
//! JSON, SARIF and JUnit escape by their own rules and keep the text as it is.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Whether `c` is shown by name rather than printed.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{00AD}'                      // soft hyphen
            | '\u{061C}'                    // Arabic letter mark
            | '\u{180E}'                    // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'       // zero-width space, joiners, LRM, RLM
            | '\u{2028}'..='\u{202E}'       // line/paragraph separators, bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
            | '\u{2066}'..='\u{206F}'       // bidi isolates, deprecated format characters
            | '\u{FEFF}'                    // zero-width no-break space (BOM)
            | '\u{FFF9}'..='\u{FFFB}'       // interlinear annotations
        )
}

/// `text` with every hidden character named; borrowed when there is none.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

/// A path for a message, with hidden characters named.
pub fn path(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

fn push(out: &mut String, c: char) {
    if is_hidden(c) {
        let _ = write!(out, "<U+{:04X}>", c as u32);
    } else {
        out.push(c);
    }
}

/// A report's text as shown in source snippets, hidden characters named, with the
/// map from offsets in the original to offsets in it (spans stay on their text).
#[derive(Debug)]
pub struct Source {
    /// The text to show.
    pub text: String,
    /// For each named character: its end in the original, and how many bytes the
    /// shown text has gained up to and including it.
    shifts: Vec<(usize, usize)>,
}

impl Source {
    /// The text with hidden characters named; a CR before a LF is kept (a line
    /// ending), a lone CR is named (it would return the cursor over the line).
    pub fn new(text: &str) -> Source {
        // Most reports have no hidden character: printable ASCII, tabs and line
        // breaks are stepped over in blocks, only the rest is decoded, and
        // the text is copied in runs (a `push` per character cost about 100
        // instructions a byte of every report with a finding).
        let bytes = text.as_bytes();
        let mut shown = String::new();
        let mut shifts = Vec::new();
        let mut gained = 0;
        let mut copied = 0;
        let mut at = 0;
        let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t';
        while let Some(&b) = bytes.get(at) {
            // Sixteen plain bytes at a time, without a branch per byte (a loop
            // the compiler vectorises): 85,000 instructions a rendered file.
            if let Some(block) = bytes.get(at..at + 16)
                && block.iter().fold(true, |all, &b| all & plain(b))
            {
                at += 16;
                continue;
            }
            if plain(b) {
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or('\0');
            let len = c.len_utf8();
            let line_end = c == '\r' && bytes.get(at + 1) == Some(&b'\n');
            if is_hidden(c) && !line_end {
                if shown.is_empty() {
                    shown.reserve(text.len() + 16);
                }
                shown.push_str(&text[copied..at]);
                let before = shown.len();
                push(&mut shown, c);
                gained += shown.len() - before - len;
                shifts.push((at + len, gained));
                copied = at + len;
            }
            at += len;
        }
        if shifts.is_empty() {
            shown = text.to_owned();
        } else {
            shown.push_str(&text[copied..]);
        }
        Source {
            text: shown,
            shifts,
        }
    }

    /// Where `offset` in the original text is in the shown text.
    pub fn offset(&self, offset: usize) -> usize {
        let done = self.shifts.partition_point(|&(end, _)| end <= offset);
        offset + done.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_controls_bidi_and_zero_width_characters() {
        assert_eq!(visible("status"), "status");
        assert_eq!(visible("sta\u{200b}tus"), "sta<U+200B>tus");
        assert_eq!(visible("\u{1b}[2J"), "<U+001B>[2J");
        assert_eq!(
            visible("a\u{202e}b\u{9b}c\u{7f}"),
            "a<U+202E>b<U+009B>c<U+007F>"
        );
        assert_eq!(visible("line\nnext\ttab"), "line\nnext\ttab");
        assert_eq!(visible("\r"), "<U+000D>");
        assert_eq!(visible("café ✓"), "café ✓");
    }

    #[test]
    fn spans_keep_their_text_in_the_shown_source() {
        let text = "a\u{1b}bc\u{200b}d\r\ne\rf";
        let source = Source::new(text);
        assert_eq!(source.text, "a<U+001B>bc<U+200B>d\r\ne<U+000D>f");
        for (start, end) in [
            (0, 1),
            (1, 2),
            (1, 8),
            (2, 4),
            (2, 7),
            (7, 8),
            (10, 11),
            (11, 13),
            (12, 13),
        ] {
            let original = &text[start..end];
            let shown = &source.text[source.offset(start)..source.offset(end)];
            assert_eq!(visible(original), shown, "{start}..{end}");
        }
        assert_eq!(source.offset(text.len()), source.text.len());
    }
    /// The byte-stepping `Source::new` against the plain character loop it
    /// replaced, on every string of up to four pieces from a set that mixes
    /// ASCII, other letters, hidden characters and line endings.
    #[test]
    fn the_fast_source_is_the_character_loop() {
        fn reference(text: &str) -> (String, Vec<(usize, usize)>) {
            let mut shown = String::new();
            let mut shifts = Vec::new();
            let mut gained = 0;
            let mut chars = text.char_indices().peekable();
            while let Some((at, c)) = chars.next() {
                let line_end = c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n');
                if is_hidden(c) && !line_end {
                    let before = shown.len();
                    push(&mut shown, c);
                    gained += shown.len() - before - c.len_utf8();
                    shifts.push((at + c.len_utf8(), gained));
                } else {
                    shown.push(c);
                }
            }
            (shown, shifts)
        }
        let pieces = [
            "", "a", " ", "\n", "\t", "\r", "\r\n", "é", "✓", "\u{1b}", "\u{7f}", "\u{9b}",
            "\u{200b}", "\u{202e}", "\u{feff}", "\u{ad}", "~", "\0",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let mut longer = Vec::new();
            for t in &texts {
                for p in pieces {
                    longer.push(format!("{t}{p}"));
                }
            }
            texts = longer;
        }
        for text in &texts {
            let source = Source::new(text);
            assert_eq!((source.text, source.shifts), reference(text), "{text:?}");
            // Inside and across the sixteen-byte blocks read at once.
            for lead in [5, 13, 16] {
                let long = format!("{}{text}{}{text}", "p".repeat(lead), "q\n".repeat(11));
                let source = Source::new(&long);
                assert_eq!((source.text, source.shifts), reference(&long), "{long:?}");
            }
        }
    }
}
