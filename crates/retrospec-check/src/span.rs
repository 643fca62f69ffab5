//! Byte spans and the conversion from byte offsets to lines and columns.
//!
//! Inside the core every position is a byte offset into the text of the file as
//! the user wrote it. Lines and columns are computed only at the edges (terminal,
//! JSON output, editor) with a [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`.
    pub const fn empty(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// The number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span moved right by `delta` bytes.
    pub const fn shift(self, delta: usize) -> Self {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Self {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text the span covers, or "" when it does not lie inside `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Byte offsets of line starts, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Characters and UTF-16 code units before every multiple of [`BLOCK`] bytes, so
    /// a column costs at most one block of counting. Counting from the line start
    /// instead made k findings on one long line cost k times its length.
    samples: Vec<(usize, usize)>,
}

/// The distance between two samples of [`LineIndex::samples`], in bytes.
const BLOCK: usize = 256;

/// The largest char boundary of `text` at or below `i` (at most `text.len()`).
/// `str::floor_char_boundary` is newer than the crate's minimum Rust (1.88).
pub(crate) fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or above `i` (at most `text.len()`).
pub(crate) fn ceil_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// UTF-16 code units of the character that lead byte `b` starts (two for a
/// four-byte character, one otherwise).
fn utf16_units(b: u8) -> usize {
    if b >= 0xF0 { 2 } else { 1 }
}

/// A position for people: 1-based line, 1-based column counted in characters
/// (Unicode scalar values), as editors and compilers print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`. `\n`, `\r\n` and a lone `\r` end a line.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // Line ends found by memchr, and each block's characters counted in a
        // loop the compiler vectorises: a byte at a time for both was most of
        // what the human output paid per file.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        let mut samples = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let (mut chars, mut units) = (0, 0);
        for block in bytes.chunks(BLOCK) {
            samples.push((chars, units));
            let leads = block.iter().filter(|&&b| starts_char(b)).count();
            let fours = block.iter().filter(|&&b| b >= 0xF0).count();
            chars += leads;
            units += leads + fours;
        }
        if bytes.len().is_multiple_of(BLOCK) {
            samples.push((chars, units));
        }
        LineIndex {
            starts,
            len: text.len(),
            samples,
        }
    }

    /// Characters and UTF-16 code units that start before byte `offset` of `text`.
    fn before(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let block = offset / BLOCK;
        let (mut chars, mut units) = self.samples.get(block).copied().unwrap_or_default();
        for &b in &text.as_bytes()[block * BLOCK..offset] {
            if starts_char(b) {
                chars += 1;
                units += utf16_units(b);
            }
        }
        (chars, units)
    }

    /// The UTF-16 code units between the start of the line holding byte `offset`
    /// and `offset` (a character boundary of `text`).
    pub fn utf16_column(&self, text: &str, offset: usize) -> usize {
        let start = self.starts[self.line_of(offset)];
        self.before(text, offset).1 - self.before(text, start).1
    }

    /// The 0-based line containing byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte offset where 0-based `line` starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line and character column of byte `offset` in `text` (the text this index was built from).
    /// An offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = self.before(text, offset).0 - self.before(text, start).0;
        // A byte order mark is invisible in editors: it takes no column.
        let bom = usize::from(line == 0 && text.starts_with('\u{feff}') && offset >= 3);
        LineCol {
            line: line + 1,
            column: column + 1 - bom,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Lines and columns as a reading from the start of the text finds
        /// them, on texts of mixed line endings and one- to four-byte
        /// characters long enough to cross several blocks.
        #[test]
        fn positions_agree_with_counting_from_the_start(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "\n", "\r", "\r\n", "é", "€", "😀", " "]),
                0..700,
            ),
        ) {
            let text: String = pieces.concat();
            let index = LineIndex::new(&text);
            let (mut line, mut start) = (0, 0);
            let bytes = text.as_bytes();
            for offset in 0..=text.len() {
                if offset > 0 {
                    let prev = bytes[offset - 1];
                    if prev == b'\n' || (prev == b'\r' && bytes.get(offset) != Some(&b'\n')) {
                        line += 1;
                        start = offset;
                    }
                }
                if !text.is_char_boundary(offset) {
                    continue;
                }
                proptest::prop_assert_eq!(index.line_of(offset), line, "at {}", offset);
                let column = text[start..offset].chars().count() + 1;
                proptest::prop_assert_eq!(
                    index.line_col(&text, offset),
                    LineCol { line: line + 1, column },
                    "at {}", offset
                );
                proptest::prop_assert_eq!(
                    index.utf16_column(&text, offset),
                    text[start..offset].encode_utf16().count(),
                    "at {}", offset
                );
            }
            proptest::prop_assert_eq!(index.line_count(), line + 1);
        }
    }

    #[test]
    fn line_col_counts_characters_and_all_line_endings() {
        let text = "a\r\nbé c\rd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        // 'c' is after the two-byte 'é'
        let c = text.find('c').unwrap_or(0);
        assert_eq!(index.line_col(text, c), LineCol { line: 2, column: 4 });
        let d = text.find('d').unwrap_or(0);
        assert_eq!(index.line_col(text, d), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(text, 999), LineCol { line: 4, column: 1 });
    }

    #[test]
    fn columns_past_many_blocks_match_counting_from_the_line_start() {
        let text = format!("x\n{}\n", "aé😀b".repeat(300));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let start = index.line_start(index.line_of(offset)).unwrap_or(0);
            let chars = text[start..offset].chars().count();
            let units = text[start..offset].encode_utf16().count();
            assert_eq!(
                index.line_col(&text, offset).column,
                chars + 1,
                "at {offset}"
            );
            assert_eq!(index.utf16_column(&text, offset), units, "at {offset}");
        }
        // Inside a character counts that character, as before.
        let inside = text.find('é').unwrap_or(0) + 1;
        assert_eq!(index.line_col(&text, inside).column, 3);
    }
}
