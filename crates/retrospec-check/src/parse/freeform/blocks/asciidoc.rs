//! AsciiDoc, which Markdown reads as paragraphs and thematic breaks: a document
//! that opens with its title as `= Title` and has `== Section` headings or a
//! `|===` table. Read here: headings of every level (`==` is level 2), the
//! attribute lines under the title and before a block (`:toc:`, `[cols="1,4"]`)
//! left out, `|===` tables as tables (the first row the header), and delimited
//! listing and literal blocks (`----`, `....`) as code, which the word rules do
//! not read either ([`code_blocks`]).
//!
//! Written by hand: no AsciiDoc parser for Rust keeps byte offsets, and these are
//! the few block forms a postmortem uses.

use std::ops::Range;

use crate::parse::markdown::Block;

use super::line_ranges;

/// Whether `text` is an AsciiDoc document: its first line `= Title`, and a
/// `== Section` line or a `|===` table under it.
pub(crate) fn is_asciidoc(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    heading_level(first).is_some_and(|l| l == 1)
        && text
            .lines()
            .any(|l| l.trim_end() == "|===" || heading_level(l).is_some_and(|l| l > 1))
}

/// The level of an AsciiDoc heading line (`== Root cause` is 2), at most 6; not
/// a MediaWiki heading, closed by its marks (`== Root cause ==`).
fn heading_level(line: &str) -> Option<u8> {
    let marks = line.bytes().take_while(|&b| b == b'=').count();
    let rest = &line[marks..];
    ((1..=6).contains(&marks)
        && rest.starts_with(' ')
        && !rest.trim().is_empty()
        && !rest.trim_end().ends_with('='))
    .then(|| u8::try_from(marks).unwrap_or(6))
}

/// The delimited listing and literal blocks of an AsciiDoc `text` (`----` or
/// `....` alone on a line, to the same line again, or to the end of the text),
/// each from its opening line to the end of its closing one. None in any other
/// text: a Markdown report's `----` is a thematic break.
pub(crate) fn code_blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !text.contains("\n----") && !text.contains("\n....") || !is_asciidoc(text) {
        return out;
    }
    let mut open: Option<(usize, &str)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let delimiter = content.len() >= 4
            && (content.bytes().all(|b| b == b'-') || content.bytes().all(|b| b == b'.'));
        match open {
            Some((start, mark)) if content == mark => {
                out.push(start..at + content.len());
                open = None;
            }
            None if delimiter => open = Some((at, content)),
            _ => {}
        }
        at += line.len();
    }
    if let Some((start, _)) = open {
        out.push(start..text.len());
    }
    out
}

/// The blocks of an AsciiDoc `text` read as its markup says (see the module
/// documentation); `blocks` unchanged in any other text.
pub(super) fn asciidoc_blocks(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    if !is_asciidoc(text) {
        return blocks;
    }
    let code = code_blocks(text);
    let mut out = Vec::with_capacity(blocks.len());
    let mut emitted = vec![false; code.len()];
    for block in blocks {
        let start = block.range().map(|r| r.start);
        if let Some(k) = start.and_then(|s| code.iter().position(|c| c.contains(&s))) {
            if !emitted[k] {
                emitted[k] = true;
                out.push(Block::Other {
                    range: code[k].clone(),
                });
            }
            continue;
        }
        let Block::Paragraph { range } = block else {
            out.push(block);
            continue;
        };
        paragraph(text, range, &mut out);
    }
    out
}

/// One paragraph's lines: headings, tables and text, attribute lines left out.
fn paragraph(text: &str, range: Range<usize>, out: &mut Vec<Block>) {
    let lines = line_ranges(text, range);
    let mut pending: Option<Range<usize>> = None;
    let flush = |pending: &mut Option<Range<usize>>, out: &mut Vec<Block>| {
        if let Some(p) = pending.take() {
            out.push(Block::Paragraph { range: p });
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].clone();
        let t = &text[line.clone()];
        if let Some(level) = heading_level(t) {
            flush(&mut pending, out);
            let words = t[usize::from(level)..].trim();
            let start = line.start + t.len() - t[usize::from(level)..].trim_start().len();
            out.push(Block::Heading {
                level,
                range: start..start + words.len(),
            });
            i += 1;
            continue;
        }
        if t.trim_end() == "|===" {
            let close = lines[i + 1..]
                .iter()
                .position(|l| text[l.clone()].trim_end() == "|===");
            if let Some(close) = close {
                flush(&mut pending, out);
                let rows: Vec<Vec<Range<usize>>> = lines[i + 1..i + 1 + close]
                    .iter()
                    .filter_map(|l| row(text, l.clone()))
                    .collect();
                if !rows.is_empty() {
                    out.push(Block::Table { rows });
                }
                i += close + 2;
                continue;
            }
        }
        if attribute(t) {
            flush(&mut pending, out);
        } else {
            pending = Some(pending.map_or(line.clone(), |p| p.start..line.end));
        }
        i += 1;
    }
    flush(&mut pending, out);
}

/// Whether a line is an attribute entry (`:toc:`, `:revremark: Final`) or a
/// block's attribute list (`[cols="1,4",options="header"]`, `[source,yaml]`,
/// `[NOTE]`); not a bracketed word of the text (`[link]`, a placeholder).
fn attribute(t: &str) -> bool {
    let entry = t
        .strip_prefix(':')
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(name, _)| !name.is_empty() && !name.contains(' '));
    let list = t.strip_prefix('[').and_then(|r| r.strip_suffix(']'));
    let block = list.is_some_and(|l| {
        l.contains('=')
            || l.contains(',')
            || ["source", "quote", "listing", "literal", "verse"].contains(&l)
            || ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"].contains(&l)
    });
    entry || block
}

/// The cells of a table row `| 09:42 | Relay rolled out` (each trimmed), or
/// `None` for a line that is not one.
fn row(text: &str, line: Range<usize>) -> Option<Vec<Range<usize>>> {
    let t = &text[line.clone()];
    let lead = t.len() - t.trim_start().len();
    let body = t.trim_start().strip_prefix('|')?;
    let mut cells = Vec::new();
    let mut at = line.start + lead + 1;
    for cell in body.split('|') {
        let start = at + (cell.len() - cell.trim_start().len());
        cells.push(start..start + cell.trim().len());
        at += cell.len() + 1;
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::{asciidoc_blocks, attribute, code_blocks, is_asciidoc};
    use crate::parse::markdown::{Block, collect_blocks};

    const DOC: &str = "= Postmortem: relay\nSRE <sre@example.org>\nv1.0, 2025-07-18\n:toc:\n\n== Timeline\n\n[cols=\"1,4\",options=\"header\"]\n|===\n| Time | Event\n| 09:42 | Relay rolled out\n|===\n\n----\n09:53:07 WARN should have\n\nmore\n----\n\n=== Notes\nDone.\n";

    fn shown(text: &str, blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, range } => format!("h{level} {}", &text[range.clone()]),
                Block::Paragraph { range } => format!("p {}", &text[range.clone()]),
                Block::Table { rows } => format!(
                    "table {}",
                    rows.iter()
                        .map(|r| r
                            .iter()
                            .map(|c| &text[c.clone()])
                            .collect::<Vec<_>>()
                            .join("/"))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Block::Other { range } => format!("code {}", text[range.clone()].len()),
                _ => "other".into(),
            })
            .collect()
    }

    #[test]
    fn headings_tables_and_listings_are_read() {
        assert!(is_asciidoc(DOC));
        let blocks = collect_blocks(DOC, 0);
        let read = asciidoc_blocks(DOC, blocks);
        let code = code_blocks(DOC);
        assert_eq!(code.len(), 1);
        assert!(DOC[code[0].clone()].ends_with("more\n----"));
        assert_eq!(
            shown(DOC, &read),
            [
                "h1 Postmortem: relay",
                "p SRE <sre@example.org>\nv1.0, 2025-07-18",
                "h2 Timeline",
                "table Time/Event; 09:42/Relay rolled out",
                &format!("code {}", code[0].len()),
                "h3 Notes",
                "p Done.",
            ]
        );
    }

    #[test]
    fn attribute_lines_are_not_text() {
        for line in [
            ":toc:",
            ":revremark: Final, reviewed",
            "[cols=\"1,4\"]",
            "[source,yaml]",
            "[NOTE]",
        ] {
            assert!(attribute(line), "{line}");
        }
        for line in ["[link]", "[TBD]", "The relay log showed:", ": x", "[a](b)"] {
            assert!(!attribute(line), "{line}");
        }
    }

    #[test]
    fn markdown_is_not_asciidoc() {
        let md = "# Title\n\n----\n\ntext\n\n----\n";
        assert!(!is_asciidoc(md));
        assert!(code_blocks(md).is_empty());
        // MediaWiki closes its headings with their marks.
        assert!(!is_asciidoc("= Major incident =\n\n== Timeline ==\n"));
        // A line of `=` under a title is a setext heading, not AsciiDoc.
        assert!(!is_asciidoc("Title\n=====\n\n== not a heading here\n"));
    }
}
