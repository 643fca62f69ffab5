//! A reader for the block YAML reports are written in: mappings and sequences
//! laid out by indentation, keys in plain style, values on one line (plain,
//! single or double quoted without escapes) or in a literal or folded block
//! (`|`, `|-`, `>`, `>-`), and comments. It gives the events saphyr-parser gives
//! for the same text, with the same spans (in bytes here), or `None` for a text
//! that uses anything else (flow collections, anchors, tags, multi-line plain
//! or quoted scalars, escapes, tabs, `\r`, document markers, explicit keys,
//! indentation indicators, ...); the caller then runs saphyr, which also
//! reports every error. Nothing is guessed: a text outside the subset, or
//! anything about it this reader is not sure of, goes to saphyr whole.
//!
//! Written by hand because saphyr's scanner, token queue and event state
//! machine were 130 M of the 388 M instructions a check of 200 YAML reports took
//! (bench/README.md, perf20); reading this subset a line at a time, with memchr
//! for the bytes that matter, takes 29 M. No YAML crate offers a fast path for
//! block style with spans. `tests` holds it to saphyr on the repository's reports
//! (YAML, and Markdown front matter) and on generated ones: every event and span
//! equal whenever it reads a text.

use std::borrow::Cow;

use saphyr_parser::{Event, ScalarStyle};

use crate::span::Span;

/// The deepest nesting read here; deeper texts go to saphyr (and the depth
/// limit), so this reader's recursion stays shallow.
const MAX_DEPTH: usize = 48;

/// saphyr's events for `text` with byte spans, or `None` when `text` is not
/// in the subset this reader knows (see the module documentation).
pub(super) fn events(text: &str) -> Option<Vec<(Event<'_>, Span)>> {
    let mut reader = Reader {
        text,
        b: text.as_bytes(),
        next: None,
        out: Vec::with_capacity(text.len() / 24 + 8),
        depth: 0,
    };
    reader.document()?;
    Some(reader.out)
}

/// What a line's content starts with, as far as a key is concerned.
enum Key {
    /// A plain key ending at this byte (its `:` follows).
    Ends(usize),
    /// No key: a scalar.
    Not,
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The next line with content: its indentation and where its content
    /// starts; `None` at the end of the text.
    next: Option<(usize, usize)>,
    out: Vec<(Event<'a>, Span)>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn push(&mut self, event: Event<'a>, start: usize, end: usize) {
        self.out.push((event, Span::new(start, end)));
    }

    fn scalar(&mut self, value: Cow<'a, str>, style: ScalarStyle, start: usize, end: usize) {
        self.push(Event::Scalar(value, style, 0, None), start, end);
    }

    /// Finds the next line with content from `from` (a line's start), past blank
    /// and comment lines, into `self.next`. `None` (give up) at a document marker or directive.
    fn advance(&mut self, mut from: usize) -> Option<()> {
        let b = self.b;
        loop {
            if from >= b.len() {
                self.next = None;
                return Some(());
            }
            let i = skip_spaces(b, from);
            match b.get(i) {
                None => {
                    self.next = None;
                    return Some(());
                }
                Some(b'\n') => from = i + 1,
                Some(b'#') => from = line_end(b, i).map_or(b.len(), |e| e + 1),
                Some(_) => {
                    if i == from
                        && (b[i..].starts_with(b"---")
                            || b[i..].starts_with(b"...")
                            || b[i] == b'%')
                    {
                        return None;
                    }
                    self.next = Some((i - from, i));
                    return Some(());
                }
            }
        }
    }

    fn document(&mut self) -> Option<()> {
        if !plain_characters(self.b) {
            return None;
        }
        self.advance(0)?;
        let (0, at) = self.next? else {
            return None;
        };
        let Key::Ends(_) = self.key(at)? else {
            return None;
        };
        self.push(Event::StreamStart, 0, 0);
        self.push(Event::DocumentStart(false), at, at);
        self.mapping(0, at)?;
        if self.next.is_some() {
            return None;
        }
        let end = self.b.len();
        self.push(Event::DocumentEnd, end, end);
        self.push(Event::StreamEnd, end, end);
        Some(())
    }

    /// Whether the content at `at` is a block sequence entry (`-` then a space
    /// or the line's end).
    fn is_entry(&self, at: usize) -> bool {
        self.b[at] == b'-' && matches!(self.b.get(at + 1), None | Some(b' ' | b'\n'))
    }

    /// Whether the content at `at` is a plain key and where it ends, or `None`
    /// for a line this reader does not take (an explicit key, a key with a flow
    /// indicator, a key ending in a space, a long key).
    fn key(&self, at: usize) -> Option<Key> {
        let b = self.b;
        match b[at] {
            // Decided by the caller: a quoted or block scalar, or an entry.
            b'\'' | b'"' | b'|' | b'>' => return Some(Key::Not),
            b'-' if self.is_entry(at) => return Some(Key::Not),
            c if !starts_plain(c) => return None,
            _ => {}
        }
        for j in memchr::memchr3_iter(b'\n', b'#', b':', &b[at..]).map(|j| at + j) {
            match b[j] {
                b'\n' => return Some(Key::Not),
                b'#' if b[j - 1] == b' ' => return Some(Key::Not),
                b':' if matches!(b.get(j + 1), None | Some(b' ' | b'\n')) => {
                    let key = &b[at..j];
                    if key.last() == Some(&b' ')
                        || key.len() > 1000
                        || key
                            .iter()
                            .any(|c| matches!(c, b'[' | b']' | b'{' | b'}' | b','))
                    {
                        return None;
                    }
                    return Some(Key::Ends(j));
                }
                _ => {}
            }
        }
        Some(Key::Not)
    }

    /// A block mapping whose lines are indented by `indent`, its first key at `at`.
    fn mapping(&mut self, indent: usize, mut at: usize) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.push(Event::MappingStart(0, None), at, at);
        loop {
            let Key::Ends(colon) = self.key(at)? else {
                return None;
            };
            self.scalar(
                Cow::Borrowed(&self.text[at..colon]),
                ScalarStyle::Plain,
                at,
                colon,
            );
            self.value(indent, colon)?;
            match self.next {
                None => break,
                Some((i, _)) if i < indent => break,
                Some((i, a)) if i == indent && !self.is_entry(a) => at = a,
                Some(_) => return None,
            }
        }
        let end = self.next_at();
        self.push(Event::MappingEnd, end, end);
        self.depth -= 1;
        Some(())
    }

    /// Where the next line's content starts, or the text's end: where saphyr
    /// marks the end of the collections that close before it.
    fn next_at(&self) -> usize {
        self.next.map_or(self.b.len(), |(_, at)| at)
    }

    /// The value of the key whose `:` is at `colon`, in a mapping indented by
    /// `indent`.
    fn value(&mut self, indent: usize, colon: usize) -> Option<()> {
        let b = self.b;
        let q = skip_spaces(b, colon + 1);
        match b.get(q) {
            // (A `#` here follows a space: a key's `:` is followed by one.)
            None | Some(b'\n') | Some(b'#') => {
                self.advance(line_end(b, q).map_or(b.len(), |e| e + 1))?;
                match self.next {
                    Some((m, a)) if m > indent => {
                        if self.is_entry(a) {
                            self.sequence(m, a, false)
                        } else {
                            match self.key(a)? {
                                Key::Ends(_) => self.mapping(m, a),
                                Key::Not => None,
                            }
                        }
                    }
                    Some((m, a)) if m == indent && self.is_entry(a) => self.sequence(m, a, true),
                    _ => {
                        self.scalar(Cow::Borrowed(""), ScalarStyle::Plain, colon, colon);
                        Some(())
                    }
                }
            }
            Some(_) => {
                self.inline(q, indent)?;
                match self.next {
                    Some((m, _)) if m > indent => None,
                    _ => Some(()),
                }
            }
        }
    }

    /// A block sequence of entries indented by `indent`, the first at `at`;
    /// `indentless` when it is a mapping value at the mapping's own indentation.
    fn sequence(&mut self, indent: usize, at: usize, indentless: bool) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut entry = at;
        let start_event = self.out.len();
        self.push(Event::SequenceStart(0, None), at, at);
        loop {
            let content = self.entry(indent, entry)?;
            if indentless && entry == at {
                // saphyr marks an indentless sequence where its first entry's
                // content starts.
                self.out[start_event].1 = Span::new(content, content);
            }
            match self.next {
                None => break,
                Some((i, a)) if i == indent && self.is_entry(a) => entry = a,
                Some((i, _)) if i < indent || (indentless && i == indent) => break,
                Some(_) => return None,
            }
        }
        let end = self.next_at();
        self.push(Event::SequenceEnd, end, end);
        self.depth -= 1;
        Some(())
    }

    /// One entry of a sequence indented by `indent`, its `-` at `dash`; returns
    /// where its content starts.
    fn entry(&mut self, indent: usize, dash: usize) -> Option<usize> {
        let b = self.b;
        let q = skip_spaces(b, dash + 1);
        if q == dash + 1 || matches!(b.get(q), None | Some(b'\n' | b'#')) || self.is_entry(q) {
            return None; // an empty entry, or a block or sequence under it
        }
        match self.key(q)? {
            Key::Ends(_) => self.mapping(indent + (q - dash), q)?,
            Key::Not => {
                self.inline(q, indent)?;
                if matches!(self.next, Some((m, _)) if m > indent) {
                    return None;
                }
            }
        }
        Some(q)
    }

    /// A scalar starting at `q` on a line whose block is indented by `indent`;
    /// leaves `self.next` at the line after it.
    fn inline(&mut self, q: usize, indent: usize) -> Option<()> {
        let b = self.b;
        match b[q] {
            b'"' => {
                let close = q + 1 + memchr::memchr3(b'"', b'\\', b'\n', &b[q + 1..])?;
                if b[close] != b'"' {
                    return None;
                }
                let end = self.quoted_end(close + 1);
                self.scalar(
                    Cow::Borrowed(&self.text[q + 1..close]),
                    ScalarStyle::DoubleQuoted,
                    q,
                    end,
                );
                self.after(close + 1)
            }
            b'\'' => {
                let mut j = q + 1;
                let mut doubled = false;
                loop {
                    match b.get(j)? {
                        b'\'' if b.get(j + 1) == Some(&b'\'') => {
                            doubled = true;
                            j += 2;
                        }
                        b'\'' => break,
                        b'\n' => return None,
                        _ => j += 1,
                    }
                }
                let inner = &self.text[q + 1..j];
                let value = if doubled {
                    Cow::Owned(inner.replace("''", "'"))
                } else {
                    Cow::Borrowed(inner)
                };
                let end = self.quoted_end(j + 1);
                self.scalar(value, ScalarStyle::SingleQuoted, q, end);
                self.after(j + 1)
            }
            b'|' | b'>' => self.block(q, indent),
            c if !starts_plain(c) => None,
            _ => {
                // The scalar ends at the line's end or at a comment (`#` after a
                // space); a `:` before a space or the line's end would make it a
                // key, an error here: saphyr's.
                let eol = line_end(b, q).unwrap_or(b.len());
                let mut stop = eol;
                for j in memchr::memchr2_iter(b'#', b':', &b[q..eol]).map(|j| q + j) {
                    if b[j] == b'#' && b[j - 1] == b' ' {
                        stop = j;
                        break;
                    }
                    if b[j] == b':' && matches!(b.get(j + 1), None | Some(b' ' | b'\n')) {
                        return None;
                    }
                }
                let end = q + b[q..stop]
                    .iter()
                    .rposition(|c| *c != b' ')
                    .map_or(0, |i| i + 1);
                self.scalar(
                    Cow::Borrowed(&self.text[q..end]),
                    ScalarStyle::Plain,
                    q,
                    end,
                );
                self.advance((eol + 1).min(b.len()))
            }
        }
    }

    /// Where saphyr's span of a quoted scalar closed at `at` ends: the line's
    /// end, taking in the spaces and the comment after the quote (only those can
    /// follow it here, or [`Reader::after`] gives up).
    fn quoted_end(&self, at: usize) -> usize {
        line_end(self.b, at).unwrap_or(self.b.len())
    }

    /// After a quoted scalar or a block header ending at `at`: spaces, then the
    /// line's end or a comment; moves to the next line with content.
    fn after(&mut self, at: usize) -> Option<()> {
        let next = self.rest_of_line(at)?;
        self.advance(next)
    }

    /// Where the line after `at` starts, when the rest of its line is blank or a
    /// comment after a space.
    fn rest_of_line(&self, at: usize) -> Option<usize> {
        let b = self.b;
        let i = skip_spaces(b, at);
        match b.get(i) {
            None => Some(b.len()),
            Some(b'\n') => Some(i + 1),
            Some(b'#') if i > at => Some(line_end(b, i).map_or(b.len(), |e| e + 1)),
            _ => None,
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar, its header at `q`, in a
    /// block indented by `indent`: clipped, or stripped with `-`.
    fn block(&mut self, q: usize, indent: usize) -> Option<()> {
        let b = self.b;
        let folded = b[q] == b'>';
        let mut h = q + 1;
        let strip = b.get(h) == Some(&b'-');
        if strip {
            h += 1;
        }
        let first = self.rest_of_line(h)?;
        // The content's indentation is its first line's; a first line that is
        // blank, less indented, or the text's end is left to saphyr.
        let k = b[first..].iter().take_while(|c| **c == b' ').count();
        if k <= indent || matches!(b.get(first + k), None | Some(b'\n')) {
            return None;
        }
        let mut value = String::new();
        let mut blank = 0usize; // blank lines since the last content line
        let mut line = first;
        let mut any = false;
        let stop = loop {
            if line >= b.len() {
                break b.len();
            }
            let c = b[line..].iter().take_while(|c| **c == b' ').count();
            match b.get(line + c) {
                None | Some(b'\n') => {
                    if c > k || b.get(line + c).is_none() {
                        return None;
                    }
                    blank += 1;
                    line += c + 1;
                }
                // saphyr's span ends past the indentation of the line that ends it.
                Some(_) if c < k => break line + c,
                Some(_) => {
                    let end = line_end(b, line)?; // a last line without a line break: saphyr
                    let content = &self.text[line + k..end];
                    if folded && c > k {
                        return None;
                    }
                    if any {
                        if folded {
                            if blank == 0 {
                                value.push(' ');
                            }
                        } else {
                            value.push('\n');
                        }
                    }
                    for _ in 0..blank {
                        value.push('\n');
                    }
                    value.push_str(content);
                    any = true;
                    blank = 0;
                    line = end + 1;
                }
            }
        };
        if !strip {
            value.push('\n');
        }
        let style = if folded {
            ScalarStyle::Folded
        } else {
            ScalarStyle::Literal
        };
        self.scalar(Cow::Owned(value), style, first + k, stop);
        self.advance(line)
    }
}

/// Whether every character of the text is one this reader takes as saphyr does:
/// printable, and no tab, `\r`, byte order mark, C1 control (`\u{85}` breaks a
/// line in YAML 1.1), line or paragraph separator, or noncharacter. Tabs (white
/// space in some places and not in others), `\r` (a line break) and the rest
/// (errors, or rules of their own) are saphyr's. Sixteen bytes at a time: most
/// blocks are plain ASCII.
fn plain_characters(b: &[u8]) -> bool {
    let plain = |c: u8| (0x20..0x7f).contains(&c) || c == b'\n';
    let mut i = 0;
    while i < b.len() {
        if let Some(block) = b.get(i..i + 16)
            && block.iter().fold(true, |all, c| all & plain(*c))
        {
            i += 16;
            continue;
        }
        let c = b[i];
        if c < 0x80 {
            if !plain(c) {
                return false;
            }
        } else {
            let next = b.get(i + 1).copied().unwrap_or(0);
            let third = b.get(i + 2).copied().unwrap_or(0);
            let refused = (c == 0xC2 && next < 0xA0)
                || (c == 0xE2 && next == 0x80 && matches!(third, 0xA8 | 0xA9))
                || (c == 0xEF && next == 0xBB && third == 0xBF)
                || (c == 0xEF && next == 0xBF && matches!(third, 0xBE | 0xBF));
            if refused {
                return false;
            }
        }
        i += 1;
    }
    true
}

/// Whether a plain scalar (a key or a value) may start with `c`: not a YAML
/// indicator. (`-`, `?` and `:` may start one before a non-space; left to saphyr.)
fn starts_plain(c: u8) -> bool {
    !matches!(
        c,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    )
}

/// Past the spaces at `at`.
fn skip_spaces(b: &[u8], at: usize) -> usize {
    at + b[at.min(b.len())..]
        .iter()
        .take_while(|c| **c == b' ')
        .count()
}

/// Where the line holding `i` ends (its `\n`), or `None` at the text's end.
fn line_end(b: &[u8], i: usize) -> Option<usize> {
    memchr::memchr(b'\n', &b[i..]).map(|e| i + e)
}

#[cfg(test)]
mod tests;
