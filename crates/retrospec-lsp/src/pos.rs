//! Position conversion, the one place that knows LSP counts columns in UTF-16
//! code units (or UTF-8 bytes, when the client negotiates it). Everything else
//! works in byte offsets.

use std::sync::Arc;

use retrospec_check::{LineIndex, Span};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units, the protocol's default.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion needed), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The kind to announce in the server capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Converts between byte offsets and LSP positions for one text.
#[derive(Debug)]
pub struct Converter<'t> {
    text: &'t str,
    lines: Arc<LineIndex>,
    encoding: Encoding,
}

impl<'t> Converter<'t> {
    /// A converter for `text`, indexing its lines (one pass over the text).
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        Self::with_lines(text, Arc::new(LineIndex::new(text)), encoding)
    }

    /// A converter for `text` with its line index built before (the language server
    /// keeps one per document version); `lines` must have been built from `text`.
    pub fn with_lines(text: &'t str, lines: Arc<LineIndex>, encoding: Encoding) -> Self {
        Converter {
            text,
            lines,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0);
        let character = match self.encoding {
            Encoding::Utf8 => offset - start,
            // Sampled counts: a finding late on a long line costs one block, not the line.
            Encoding::Utf16 => self.lines.utf16_column(self.text, offset),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    /// The range of a byte span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; a position past the end of its line is the
    /// end of the line, and a line past the end of the text is the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(start) = self.lines.line_start(line) else {
            return self.text.len();
        };
        let end = self.lines.line_start(line + 1).unwrap_or(self.text.len());
        column_offset(self.text, start, end, position.character, self.encoding)
    }
}

/// The byte offset of `position` in `text` without a line index: a scan for line
/// ends up to its line only, for applying an edit to a text whose index is not
/// built (an index costs a pass over the whole text; a document changed by
/// every keystroke gets one per version at most, built for its check).
/// Same answers as [`Converter::offset`].
pub fn offset_in(text: &str, position: Position, encoding: Encoding) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut line = 0;
    // `\n`, `\r\n` and a lone `\r` end a line, as in `LineIndex`.
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    while line < position.line {
        let Some(at) = ends.next() else {
            return text.len();
        };
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            continue; // the `\n` that follows ends the line
        }
        start = at + 1;
        line += 1;
    }
    let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(text.len(), |i| start + i);
    column_offset(text, start, end, position.character, encoding)
}

/// The byte offset of column `character` in the line `start..end` (its end when the
/// line is shorter).
fn column_offset(
    text: &str,
    start: usize,
    end: usize,
    character: u32,
    encoding: Encoding,
) -> usize {
    let content = text[start..end].trim_end_matches(['\n', '\r']);
    let want = character as usize;
    let mut units = 0;
    for (i, c) in content.char_indices() {
        if units >= want {
            return start + i;
        }
        units += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
    }
    start + content.len()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let text = "a: 😀é x\r\nb";
        let x = text.find('x').unwrap_or(0);
        let utf16 = Converter::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(x), Position::new(0, 7));
        assert_eq!(utf16.offset(Position::new(0, 7)), x);
        let utf8 = Converter::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(0, 10));
        assert_eq!(utf8.offset(Position::new(0, 10)), x);
        // Past the end of a line, past the end of the text.
        assert_eq!(
            utf16.offset(Position::new(0, 99)),
            text.find('\r').unwrap_or(0)
        );
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
        assert_eq!(utf16.position(text.len()), Position::new(1, 1));
    }

    /// The scan used to apply edits agrees with the index on every position of a text
    /// with every kind of line end, multi-byte characters, and positions past the ends.
    #[test]
    fn offset_without_an_index_agrees_with_the_index() {
        let text = "a: 😀é x\r\nb\rcé\n\n\r\nlast 😀";
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let conv = Converter::new(text, encoding);
            for line in 0..8 {
                for character in 0..14 {
                    let position = Position::new(line, character);
                    assert_eq!(
                        offset_in(text, position, encoding),
                        conv.offset(position),
                        "{position:?} {encoding:?}"
                    );
                }
            }
        }
        assert_eq!(offset_in("", Position::new(0, 3), Encoding::Utf16), 0);
    }
}
