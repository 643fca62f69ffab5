//! Updates led by a status word and a stamp in brackets: `**Update [12/10/2025
//! 18:40] — Reason For Outage**`, `## Resolved [13/10/2025 09:15]`.

use crate::parse::markdown::{Block, collapse, with_date};
use crate::span::Span;

use super::{STATUS_WORDS, Update, lead_ordered};

/// A section headed `Update [12/10/2025 18:40] — Reason For Outage` or
/// `Resolved [13/10/2025 09:15]` (a status word, the date and clock in brackets,
/// maybe a short title): an update dated by its heading, its text the section's.
pub(super) fn bracketed_section(
    text: &str,
    heading: Span,
    title: &str,
    blocks: &[Block],
    index: usize,
    order: &dyn Fn() -> Option<bool>,
) -> Option<Update> {
    if !title.contains('[') {
        return None;
    }
    // The heading as written may be set in bold (`**Resolved [...]**`).
    let heading = Span::new(
        heading.start + heading.slice(text).find(title)?,
        heading.end,
    );
    let l = lead_ordered(title, order)?;
    let status = l.status.clone()?;
    let rest = title.get(l.body..).unwrap_or("").trim();
    if !STATUS_WORDS.contains(&status.to_ascii_lowercase().as_str())
        || status.to_ascii_lowercase().starts_with("post")
        || rest.contains('.')
        || rest.split_whitespace().count() > 6
    {
        return None;
    }
    let (start, end) = (blocks.iter().find_map(Block::range)?.start, {
        let last = blocks.iter().rev().find_map(Block::range)?;
        text[..last.end].trim_end().len()
    });
    let body = collapse(text.get(start..end).unwrap_or("").trim());
    let clock = &title[l.clock.clone()];
    Some(Update {
        text: Span::new(heading.start, end.max(heading.end)),
        value: match rest.trim_start_matches(['*', '_']) {
            "" => format!("{status} - {body}"),
            title => format!("{status} - {}: {body}", title.trim_end_matches(['*', '_'])),
        },
        time: Span::new(heading.start + l.clock.start, heading.start + l.clock.end),
        time_value: with_date(clock, l.dateless, Some(l.date)),
        at: (l.date, l.time),
        block: index,
    })
}

/// `**Update [12/10/2025 18:40] — Reason For Outage**`: a line set in bold whose
/// words after the lead (from `body`) are a short title, not the update's text.
pub(super) fn bold_title(line: &str, body: usize) -> bool {
    let title = line.get(body..).unwrap_or("").trim();
    line.starts_with("**")
        && title.ends_with("**")
        && !title.trim_end_matches('*').contains(['.', '*'])
        && title.split_whitespace().count() <= 6
}

/// `12/10/2025` in the order `month_first` says.
pub(super) fn ordered(date: &str, month_first: bool) -> Option<jiff::civil::Date> {
    let mut parts = date.split('/').map(|p| p.parse::<i16>().ok());
    let (a, b, y) = (parts.next()??, parts.next()??, parts.next()??);
    let (month, day) = if month_first { (a, b) } else { (b, a) };
    let year = if y < 100 { 2000 + y } else { y };
    jiff::civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}
