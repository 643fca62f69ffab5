//! A bold label opening its line, which names what follows.

use crate::span::Span;

/// Whether `span` of a Markdown `text` lies in a bold label opening its line (a
/// list item's included): `**What we could have done better:** ...`, `**Could
/// this have been caught?**`. A label names what follows; it says nothing itself.
///
/// In JSON a value's line starts after its opening quote or an escaped line break
/// (`\n`), with `json` set.
pub(crate) fn in_bold_label(text: &str, span: Span, json: bool) -> bool {
    // A label is short: its line is read this far around the match only, so a
    // long line with many matches is not searched whole for each.
    const REACH: usize = 200;
    let from = (span.start.saturating_sub(REACH)..=span.start)
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(span.start);
    let to = (span.end..=(span.end + REACH).min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(span.end);
    let before = &text[from..span.start];
    let escaped = if json {
        [
            before.rfind("\\n").map(|i| i + 2),
            before.rfind('"').map(|i| i + 1),
        ]
        .into_iter()
        .flatten()
        .max()
    } else {
        None
    };
    let line_start = match before.rfind('\n').map(|i| i + 1).max(escaped) {
        Some(i) => from + i,
        None if from == 0 => 0,
        None => return false,
    };
    let line = &text[line_start..to];
    let indent = line.len() - line.trim_start().len();
    let mut rest = &line[indent..];
    let mut offset = line_start + indent;
    for marker in ["- ", "* ", "+ "] {
        if let Some(r) = rest.strip_prefix(marker) {
            offset += marker.len();
            rest = r;
            break;
        }
    }
    let Some(delimiter) = ["**", "__"].into_iter().find(|d| rest.starts_with(d)) else {
        return false;
    };
    let inner = &rest[2..];
    let Some(close) = inner.find(delimiter) else {
        return false;
    };
    let (open, end) = (offset + 2, offset + 2 + close);
    if inner[..close].contains('\n') || span.start < open || span.end > end {
        return false;
    }
    let content = inner[..close].trim_end();
    content.ends_with([':', '?']) || inner[close + 2..].starts_with([':', '?'])
}
