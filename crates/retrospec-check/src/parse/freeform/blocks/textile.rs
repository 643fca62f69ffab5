//! Textile's and Confluence's wiki markup that Markdown reads as paragraphs:
//! headings (`h2. Root cause`) and code blocks (`{code}` ... `{code}`).

use std::ops::Range;

use crate::parse::markdown::Block;

use super::line_ranges;

/// The blocks with each Textile or Confluence heading line (`h2. Root cause`,
/// `h1. PIR-0193: ...`; Markdown reads it as a paragraph) made a heading of its
/// level, the lines around it paragraphs of their own.
pub(super) fn textile_headings(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    let heading = |line: &Range<usize>| {
        let t = &text[line.clone()];
        let b = t.as_bytes();
        let level = (b.len() > 4
            && b[0] == b'h'
            && (b'1'..=b'6').contains(&b[1])
            && b[2] == b'.'
            && b[3] == b' ')
            .then(|| b[1] - b'0')?;
        let words = t[4..].trim();
        let start = line.start + t.len() - t[4..].trim_start().len();
        (!words.is_empty()).then(|| (level, start..start + words.len()))
    };
    let mut out = Vec::with_capacity(blocks.len());
    // The start of a Confluence code or preformatted block (`{code:title=x.log}`,
    // `{noformat}`) still open: it runs to its closing line across blank lines.
    let mut code: Option<usize> = None;
    for block in blocks {
        if let Some(start) = code {
            if let Some(range) = block.range() {
                let last = text[range.clone()].trim_end().lines().last().unwrap_or("");
                if closes_code(last) {
                    out.push(Block::Other {
                        range: start..range.end,
                    });
                    code = None;
                }
            }
            continue;
        }
        if let Block::Paragraph { range } = &block
            && opens_code(text[range.clone()].trim_start())
        {
            let last = text[range.clone()].trim_end().lines().last().unwrap_or("");
            if text[range.clone()].lines().count() > 1 && closes_code(last) {
                out.push(Block::Other {
                    range: range.clone(),
                });
            } else {
                code = Some(range.start);
            }
            continue;
        }
        let Block::Paragraph { range } = &block else {
            out.push(block);
            continue;
        };
        // No `hN. ` anywhere (nearly every paragraph): not split into lines.
        let marked = text[range.clone()]
            .as_bytes()
            .windows(4)
            .any(|w| w[0] == b'h' && (b'1'..=b'6').contains(&w[1]) && w[2] == b'.' && w[3] == b' ');
        let lines = if marked {
            line_ranges(text, range.clone())
        } else {
            Vec::new()
        };
        if !lines.iter().any(|l| heading(l).is_some()) {
            out.push(block);
            continue;
        }
        let mut pending: Option<Range<usize>> = None;
        for line in lines {
            match heading(&line) {
                Some((level, words)) => {
                    if let Some(p) = pending.take() {
                        out.push(Block::Paragraph { range: p });
                    }
                    out.push(Block::Heading {
                        level,
                        range: words,
                    });
                }
                None => {
                    pending = Some(pending.map_or(line.clone(), |p| p.start..line.end));
                }
            }
        }
        if let Some(p) = pending {
            out.push(Block::Paragraph { range: p });
        }
    }
    // Never closed: what was read as its text stays code, as a fence does.
    if let Some(start) = code {
        out.push(Block::Other {
            range: start..text.len(),
        });
    }
    out
}

/// Whether a line opens a Confluence code or preformatted block: `{code}`,
/// `{code:title=consumer.log}`, `{noformat}`.
fn opens_code(line: &str) -> bool {
    ["{code}", "{code:", "{noformat}", "{noformat:"]
        .iter()
        .any(|m| line.starts_with(m))
}

/// Whether a line closes one: `{code}` or `{noformat}` at its end.
fn closes_code(line: &str) -> bool {
    let t = line.trim();
    t.ends_with("{code}") || t.ends_with("{noformat}")
}

#[cfg(test)]
mod tests {
    use super::textile_headings;
    use crate::parse::markdown::Block;

    #[test]
    fn a_heading_line_splits_its_paragraph() {
        let text = "h1. PIR-7: stale positions\nh2. Summary\nThe API kept answering.\nhigh load.";
        let blocks = textile_headings(
            text,
            vec![Block::Paragraph {
                range: 0..text.len(),
            }],
        );
        let shown: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, range } => format!("h{level} {}", &text[range.clone()]),
                Block::Paragraph { range } => format!("p {}", &text[range.clone()]),
                _ => "other".into(),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "h1 PIR-7: stale positions",
                "h2 Summary",
                "p The API kept answering.\nhigh load."
            ]
        );
    }
}
