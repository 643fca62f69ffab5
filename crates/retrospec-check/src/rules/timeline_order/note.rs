//! A note right above or below the timeline that explains its order: "Rows are
//! grouped by system, not in time order", "The 09:10 row was added later from the
//! logs". Read only when an entry is out of order (the note is a few lines around
//! the timeline, never the whole text).

use std::sync::LazyLock;

use crate::lean::Lean;

use crate::rules::Context;
use crate::span::floor_char as floor;

/// What a note beside the timeline says of its order.
#[derive(Debug, PartialEq)]
pub(super) enum OrderNote {
    /// The entries are not meant to be in time order ("grouped by system",
    /// "not in chronological order", "in no particular order").
    NotChronological,
    /// An entry was put where it is knowingly ("the 09:10 row was added later
    /// from the logs"): the clocks the note names (all entries out of order when
    /// it names none).
    Explains(Vec<String>),
}

/// A note that the entries are not in time order.
static NOT_CHRONOLOGICAL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\bnot|n't)\s+(?:(?:listed|sorted|ordered|written|kept|shown)\s+)?(?:in\s+)?(?:strict(?:ly)?\s+)?(?:chronological(?:ly)?(?:\s+order)?|(?:time|date)\s+order)\b|\b(?:grouped|sorted|ordered|arranged|listed|organi[sz]ed)\s+by\s+(?:the\s+)?(?:system|service|team|component|region|area|workstream|stream|theme|topic|host|cluster|site|product|source|owner)s?\b|\bin\s+no\s+particular\s+order\b")
        .expect("the pattern is valid")
});

/// A note that an entry was placed where it is knowingly: added later, or out of
/// order on purpose.
static EXPLAINS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:row|entry|entries|rows|line|lines|item|items)\b[^.\n]{0,60}\b(?:added|appended|inserted|filled\s+in|reconstructed)\b[^.\n]{0,30}\b(?:later|afterwards|after|from|retroactively)\b|\bout\s+of\s+(?:chronological\s+|time\s+)?order\b[^.\n]{0,60}\b(?:because|since|as|added|from)\b")
        .expect("the pattern is valid")
});

/// A clock a note names (`09:10`, `9:10`).
static CLOCK: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"\b[0-2]?[0-9]:[0-5][0-9]\b").expect("the pattern is valid"));

/// The note about the timeline's order in the lines between its heading and its
/// first entry, and after its last entry up to the next heading (at most a few
/// hundred bytes each).
pub(super) fn order_note(cx: &Context<'_>) -> Option<OrderNote> {
    let spans: Vec<crate::span::Span> = cx
        .times
        .timeline
        .iter()
        .flatten()
        .map(|v| cx.span(&v.pointer))
        .collect();
    let first = spans.iter().map(|s| s.start).min()?;
    let last = spans.iter().map(|s| s.end).max()?;
    let text = cx.text;
    let heading = cx.key_span("/timeline").start.min(first);
    let above_start = floor(text, heading.max(first.saturating_sub(600)));
    let above = &text[above_start..first];
    // Below: from the end of the last entry's line to the next heading.
    let below_start = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let below_end = floor(text, (below_start + 600).min(text.len()));
    let below = &text[below_start..below_end];
    let below = below.find("\n#").map_or(below, |i| &below[..i]);
    let mut explained: Option<Vec<String>> = None;
    for part in [above, below] {
        // The note's own lines: not a table row or list entry of the timeline.
        for line in part.lines().map(str::trim).filter(|l| {
            !l.is_empty()
                && !l.starts_with('|')
                && !l.starts_with(['-', '+'])
                && !l.starts_with('#')
        }) {
            if NOT_CHRONOLOGICAL.is_match(line) {
                return Some(OrderNote::NotChronological);
            }
            if EXPLAINS.is_match(line) {
                let clocks = explained.get_or_insert_with(Vec::new);
                clocks.extend(CLOCK.find_iter(line).map(|m| normal(m.as_str())));
            }
        }
    }
    explained.map(OrderNote::Explains)
}

/// Whether the entry written `written` is one the note names (any entry when
/// it names none).
pub(super) fn names_entry(clocks: &[String], written: &str) -> bool {
    clocks.is_empty()
        || CLOCK
            .find_iter(written)
            .any(|m| clocks.contains(&normal(m.as_str())))
}

/// `9:10` as `09:10`.
fn normal(clock: &str) -> String {
    if clock.len() == 4 {
        format!("0{clock}")
    } else {
        clock.to_string()
    }
}
