//! Logs pasted in code blocks, fenced or indented, and the timed lines in them.

use std::ops::Range;

use crate::parse::markdown::Block;

use super::{starts_with_time, without_bullet};

/// The lines of a log pasted in a fenced block (`` ``` `` or `~~~`), each led by
/// its time, plain or in brackets (`[13:12] <maintainer> ...`, `14:02:11 deploy
/// ...`), with the lines after one as its text; `None` when the block is no
/// fence, or fewer than three of its lines (and fewer than half) are led by a
/// time.
pub(crate) fn fenced_log_lines(text: &str, range: Range<usize>) -> Option<Vec<Range<usize>>> {
    let source = text.get(range.clone())?;
    let first = source.lines().find(|l| !l.trim().is_empty())?.trim_start();
    let mark = ["```", "~~~"].into_iter().find(|m| first.starts_with(m))?;
    let mermaid = first[mark.len()..].trim().eq_ignore_ascii_case("mermaid");
    let mut lines = Vec::new();
    let mut pos = range.start;
    let mut opened = false;
    for line in source.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.starts_with(mark) {
            if opened {
                break;
            }
            opened = true;
            continue;
        }
        if !opened || trimmed.is_empty() {
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        // A mermaid sequence diagram: each message or note is an entry, read
        // after its arrow or note (`U->>GW: 09:03 UTC logins hang`); its
        // declarations (`participant`, `autonumber`) are no text.
        if mermaid {
            if let Some(at) = super::mermaid::mermaid_text(trimmed) {
                lines.push(start + lead + at..start + content.trim_end().len());
            }
            continue;
        }
        lines.push(start + lead..start + content.trim_end().len());
    }
    let led = lines
        .iter()
        .filter(|l| {
            let line = &text[(*l).clone()];
            let inner = line.strip_prefix('[').unwrap_or(line);
            starts_with_time(inner)
        })
        .count();
    (led >= 3 && led * 2 >= lines.len()).then_some(lines)
}

/// The lines of an indented code block (every line led by a tab or four spaces)
/// read as a log, under the same conditions as [`fenced_log_lines`].
pub(super) fn indented_log_lines(text: &str, range: Range<usize>) -> Option<Vec<Range<usize>>> {
    // The block may be given from after its first line's indent.
    let from = text.get(..range.start)?.rfind('\n').map_or(0, |n| n + 1);
    let source = text.get(from..range.end)?;
    let mut lines = Vec::new();
    let mut pos = from;
    for line in source.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            continue;
        }
        if !(content.starts_with('\t') || content.starts_with("    ")) {
            return None;
        }
        let lead = content.len() - content.trim_start().len();
        lines.push(start + lead..start + content.trim_end().len());
    }
    let led = lines
        .iter()
        .filter(|l| {
            let l = without_bullet(text, (*l).clone());
            starts_with_time(text[l].trim_start_matches('['))
        })
        .count();
    (led >= 2 && led * 2 >= lines.len()).then_some(lines)
}

/// The timed lines of the logs in code blocks, fenced or indented, among
/// `blocks`, each without a list marker (see [`fenced_log_lines`]).
pub(crate) fn code_log_lines(text: &str, blocks: &[Block]) -> Vec<Range<usize>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Other { range } => fenced_log_lines(text, range.clone())
                .or_else(|| indented_log_lines(text, range.clone())),
            _ => None,
        })
        .flatten()
        .map(|l| without_bullet(text, l))
        .collect()
}
