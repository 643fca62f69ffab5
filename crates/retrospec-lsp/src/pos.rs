//! Position conversion, the one place that knows LSP counts columns in UTF-16
//! code units (or UTF-8 bytes, when the client negotiates it). Everything else
//! works in byte offsets.

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
    lines: LineIndex,
    encoding: Encoding,
}

impl<'t> Converter<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        Converter {
            text,
            lines: LineIndex::new(text),
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
        let prefix = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
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
        let content = self.text[start..end].trim_end_matches(['\n', '\r']);
        let want = position.character as usize;
        let mut units = 0;
        for (i, c) in content.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + content.len()
    }
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
}
