//! Status-page updates read as a timeline: the shape a hosted status page gives
//! an incident, pasted or exported as a report.
//!
//! ```text
//! Resolved
//! This incident has been resolved.
//! Posted Feb 03, 2025 - 16:40 UTC
//!
//! **Monitoring** - A fix has been deployed.
//! *Feb 03, 2025 - 16:21 UTC*
//! ```
//!
//! An update opens with a status word on a line of its own or before ` - `
//! (`Investigating`, `Identified`, `Monitoring`, `Update`, `Resolved`,
//! `Postmortem`, ..., bold or not) and ends with the line that dates it: a date
//! and a clock, optionally after `Posted` (`Posted Feb 03, 2025 - 16:40 UTC`,
//! `*Mar 19, 2025 - 15:12 UTC*`), or with a Hugo status page's shortcode closing
//! its last line (`... being sent again. {{< track "2025-03-11 16:52:00" >}}`,
//! cState's form; its time takes the zone the page states, "Times on this page
//! are CEST"). Each update becomes one timeline entry whose
//! time points at that clock and whose text is the status word and the body, so
//! the milestone words (`Resolved`) are read as in any timeline. Status pages list
//! the newest update first; the entries are given oldest first, as a timeline is
//! written, because that order is the page's convention and not the writer's
//! mistake. Updates in neither order are put oldest first when most of them are
//! newest first, so the one update out of place is one RS201, and otherwise stay
//! as written (and RS201 says so).
//!
//! A static status page's `::: update Resolved | 2025-02-18T10:05:00.000Z`
//! container, its words, then `:::` is an update too; and so is a section of its
//! own headed by a status word (`## Resolved` over the words and `Posted Oct 08,
//! 2025 - 16:42 CEST`, or `## Update - 2025-01-28 12:05 UTC` over `**Resolved.**
//! The backlog ...`, `sections`): a postmortem written on top of its history.
//!
//! A `Postmortem` update heading the list (newest first) before the report's
//! first section is the report's own write-up, posted after the incident: it is
//! the summary, not an entry.
//!
//! In an updates section, a list whose items are led by their dated time is the
//! other shape status pages and issues write (`- UPDATE @ 8th April 2025, 16:05
//! UTC - text`, `- EDIT 12.03.2025 at 21:20 UTC: text`, `- [resolved] 5 June
//! 2025 11:15 - text`): a status word (or none), a date in any date-line form and
//! a clock, then the update's words. Such a list in neither order is put oldest
//! first when most of it is newest first, so the one update out of place is the
//! timeline-order finding, not every other one.
//!
//! At least two dated updates make the shape; anything less is left to the
//! other readers. Hand-written: no parser reads this shape, and it is a handful of
//! line tests over text pulldown-cmark already split into blocks.

use crate::parse::markdown::{Block, collapse, item_content, seq, with_date};
use crate::span::Span;
use crate::time;
use crate::tree::{Entry, Node, Value};

mod bracketed;
mod pages;
use bracketed::{bold_title, bracketed_section, ordered};
use pages::{container, track};

/// Status words of hosted status pages and incident tools, lowercase.
const STATUS_WORDS: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "update",
    "updated",
    "resolved",
    "postmortem",
    "post-mortem",
    "completed",
    "scheduled",
    "in progress",
    "verifying",
    "mitigated",
];

/// One update: where its status word is, its body, and its dated line.
struct Update {
    /// The status word and body (from the word to the end of the body).
    text: Span,
    /// The text value: `Resolved - This incident has been resolved.`
    value: String,
    /// The clock and zone in the dated line.
    time: Span,
    /// `2025-02-03 16:40 UTC`.
    time_value: String,
    /// For the order: the date and clock as read.
    at: (jiff::civil::Date, jiff::civil::Time),
    /// The block its status word is in.
    block: usize,
}

/// The timeline the updates in `blocks` make, and the index of the block the
/// first update starts in (the blocks before it are the report's own text).
///
/// With `postmortem_is_text`, a `Postmortem` update heading a list of newer-first
/// updates is the report's own write-up, posted after the incident: it stays
/// text (the blocks before the returned index), not a timeline entry.
pub(crate) fn read(
    text: &str,
    blocks: &[Block],
    heading: Span,
    postmortem_is_text: bool,
) -> Option<(usize, Node)> {
    let mut updates: Vec<Update> = Vec::new();
    let mut first_block = None;
    // The update being read: (status word span, status, body start).
    let mut open: Option<(Span, String, usize)> = None;
    let mut opened_in = 0;
    // An open `::: update` container: its time, as written, and as read.
    let mut boxed: Option<(Span, String, (jiff::civil::Date, jiff::civil::Time))> = None;
    // The open update was headed by its dated status line: its paragraph ends it.
    let mut headed = false;
    let slashed = std::cell::OnceCell::new();
    let order = || *slashed.get_or_init(|| super::date::report_slashed_order(text));
    for (index, block) in blocks.iter().enumerate() {
        let Block::Paragraph { range } = block else {
            // A list or a table inside an update is part of its body.
            continue;
        };
        if headed {
            updates.extend(finish(
                text,
                boxed.take(),
                open.take(),
                range.start,
                opened_in,
            ));
            headed = false;
        }
        let mut pos = range.start;
        for line in text[range.clone()].split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            let content = line.trim_end_matches(['\n', '\r']).trim();
            if content.is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let at = start + lead;
            // `::: update Resolved | 2025-02-18T10:05:00.000Z` opens an update
            // that the closing `:::` ends.
            if let Some((word, stamp)) = container(content) {
                let Ok(parsed) = time::parse_time(&content[stamp.clone()]) else {
                    continue;
                };
                let Some(date) = parsed.date else { continue };
                let status = content[word.clone()].to_string();
                open = Some((Span::new(at + word.start, at + word.end), status, pos));
                boxed = Some((
                    Span::new(at + stamp.start, at + stamp.end),
                    content[stamp].to_string(),
                    (date, parsed.time),
                ));
                opened_in = index;
                first_block.get_or_insert(index);
                continue;
            }
            if content == ":::" {
                updates.extend(finish(text, boxed.take(), open.take(), at, opened_in));
                continue;
            }
            // `**Resolved** · 21 Aug 2025, 09:20 CEST` over the update's words:
            // the paragraph's end (or the next such line) ends it.
            if let Some(head) = lead_ordered(content, &order).filter(|l| {
                l.status
                    .as_deref()
                    .is_some_and(|w| STATUS_WORDS.contains(&w.to_ascii_lowercase().as_str()))
                    && (l.body >= content.len() || bold_title(content, l.body))
            }) {
                if headed {
                    updates.extend(finish(text, boxed.take(), open.take(), at, opened_in));
                }
                let word = content
                    .find(head.status.as_deref().unwrap_or(""))
                    .unwrap_or(0);
                let status = head.status.clone().unwrap_or_default();
                open = Some((Span::new(at + word, at + word + status.len()), status, pos));
                let clock = &content[head.clock.clone()];
                boxed = Some((
                    Span::new(at + head.clock.start, at + head.clock.end),
                    with_date(clock, head.dateless, Some(head.date)),
                    (head.date, head.time),
                ));
                headed = true;
                opened_in = index;
                first_block.get_or_insert(index);
                continue;
            }
            if boxed.is_some() {
                continue;
            }
            if let Some((status, word_len, body_at)) = status_line(content) {
                open = Some((Span::new(at, at + word_len), status, at + body_at));
                opened_in = index;
                first_block.get_or_insert(index);
                // `*Investigating* - Exports are slow. {{< track "..." >}}`: the
                // update is one line.
                if track(content).is_none() {
                    continue;
                }
            }
            let Some((status_span, status, body_start)) = open.clone() else {
                continue;
            };
            // A Hugo status page's `{{< track "2025-03-11 16:52:00" >}}` closing
            // the update's last line.
            if let Some((shortcode, inner)) = track(content) {
                let written = &content[inner.clone()];
                let Ok(parsed) = time::parse_time(written) else {
                    continue;
                };
                let Some(date) = parsed.date else { continue };
                let body_end = at + shortcode;
                let body = text.get(body_start.min(body_end)..body_end).unwrap_or("");
                let body = collapse(body.trim());
                let value = if body.is_empty() {
                    status.clone()
                } else {
                    format!("{status} - {body}")
                };
                let end = text[..body_end].trim_end().len().max(status_span.end);
                updates.push(Update {
                    text: Span::new(status_span.start, end),
                    value,
                    time: Span::new(at + inner.start, at + inner.end),
                    time_value: written.to_string(),
                    at: (date, parsed.time),
                    block: opened_in,
                });
                open = None;
                continue;
            }
            if let Some((date, clock)) = dated_line(content) {
                let Ok(Some((parsed, len))) = time::scan_leading_time(&content[clock..]) else {
                    continue;
                };
                let written = &content[clock..clock + len];
                let time = Span::new(at + clock, at + clock + len);
                let body = text.get(body_start.min(at)..at).unwrap_or("").trim();
                let body = collapse(body.trim_end_matches(['\n', '\r']));
                let value = if body.is_empty() {
                    status.clone()
                } else {
                    format!("{status} - {body}")
                };
                let end = text[..at].trim_end().len().max(status_span.end);
                updates.push(Update {
                    text: Span::new(status_span.start, end),
                    value,
                    time,
                    time_value: with_date(written, parsed.date.is_none(), Some(date)),
                    at: (parsed.date.unwrap_or(date), parsed.time),
                    block: opened_in,
                });
                open = None;
            }
        }
    }
    if headed {
        let end = blocks.last().map_or(0, |b| match b {
            Block::Paragraph { range } => range.end,
            _ => 0,
        });
        updates.extend(finish(text, boxed.take(), open.take(), end, opened_in));
    }
    if postmortem_is_text
        && updates.len() >= 3
        && updates[0].value.to_ascii_lowercase().starts_with("post")
        && updates.windows(2).all(|w| w[0].at >= w[1].at)
    {
        updates.remove(0);
        first_block = Some(updates[0].block);
    }
    // An updates section's list of updates led by their dated time.
    let mut mostly = false;
    if updates.len() < 2 && !postmortem_is_text {
        updates = list_leads(text, blocks);
        first_block = updates.first().map(|u| u.block);
        mostly = true;
    }
    if updates.len() < 2 {
        return None;
    }
    let down = updates.windows(2).filter(|w| w[0].at > w[1].at).count();
    let up = updates.windows(2).filter(|w| w[0].at < w[1].at).count();
    // Updates labelled by their status word are a status page's: newest first
    // when most steps are, so the one update out of place is the order finding.
    let newest_first = down > 0 && up == 0 || (mostly && down > up + 1) || (!mostly && down > up);
    if newest_first {
        updates.reverse();
    }
    let items = updates.into_iter().map(entry).collect();
    Some((first_block?, seq(items, heading)))
}

/// A status page's updates written as sections of their own: `## Resolved`
/// ending `Posted Oct 08, 2025 - 16:42 CEST`, or `## Update - 12:05 UTC` whose
/// text opens with its status (`**Resolved.** The backlog ...`). `sections` are
/// the report's sections as (heading span, heading text, blocks); the longest
/// run of two or more consecutive update sections is the timeline, given oldest
/// first (newest first when most of the run is: the page's convention, so the
/// one update out of place stays the order finding). A `Postmortem` section is
/// the report's own write-up and never an update. Returns the run's section
/// range and the timeline.
pub(crate) fn sections(
    text: &str,
    sections: &[(Span, &str, &[Block])],
) -> Option<(std::ops::Range<usize>, Node)> {
    let mut best: Option<(std::ops::Range<usize>, Vec<Update>)> = None;
    let mut run: Vec<Update> = Vec::new();
    let mut run_start = 0;
    let slashed = std::cell::OnceCell::new();
    let order = || *slashed.get_or_init(|| super::date::report_slashed_order(text));
    for (index, (heading, title, blocks)) in sections.iter().enumerate() {
        let update = section_update(text, *heading, title, blocks, index)
            .or_else(|| bracketed_section(text, *heading, title, blocks, index, &order));
        match update {
            Some(u) => {
                if run.is_empty() {
                    run_start = index;
                }
                run.push(u);
            }
            None => {
                if run.len() >= 2 && best.as_ref().is_none_or(|(_, b)| b.len() < run.len()) {
                    best = Some((run_start..index, std::mem::take(&mut run)));
                }
                run.clear();
            }
        }
    }
    if run.len() >= 2 && best.as_ref().is_none_or(|(_, b)| b.len() < run.len()) {
        best = Some((run_start..sections.len(), run));
    }
    let (range, mut updates) = best?;
    let down = updates.windows(2).filter(|w| w[0].at > w[1].at).count();
    let up = updates.windows(2).filter(|w| w[0].at < w[1].at).count();
    if down > up {
        updates.reverse();
    }
    let span = sections[range.start].0;
    let items = updates.into_iter().map(entry).collect();
    Some((range, seq(items, span)))
}

/// One section as an update: its heading is a status word (`Resolved`,
/// `Update - 12:05 UTC`) and it is dated, in the heading or by a dated line
/// (`Posted Oct 08, 2025 - 16:42 CEST`) in its text.
fn section_update(
    text: &str,
    heading: Span,
    title: &str,
    blocks: &[Block],
    index: usize,
) -> Option<Update> {
    let (status, _, body_at) = status_line(title)?;
    if status.to_ascii_lowercase().starts_with("post") {
        return None;
    }
    let written = heading.slice(text);
    if written != title {
        return None;
    }
    let rest = &title[body_at.min(title.len())..];
    // The time in the heading (`Update - 12:05 UTC`, `Update - Oct 8, 14:31`).
    let mut dated: Option<(Span, String, (jiff::civil::Date, jiff::civil::Time))> = None;
    if !rest.trim().is_empty() {
        let clock = clock_start(rest)?;
        let date_part = rest[..clock]
            .trim_end()
            .trim_end_matches(['-', '–', ',', '|'])
            .trim_end();
        let date = if date_part.is_empty() {
            None
        } else {
            Some(time::parse_date_line(date_part)?)
        };
        let (parsed, len) = time::scan_leading_time(&rest[clock..]).ok()??;
        if !rest[clock + len..].trim().is_empty() {
            return None;
        }
        let at = heading.start + body_at + clock;
        let clock_text = &rest[clock..clock + len];
        let value = match date {
            Some(d) if parsed.date.is_none() => with_date(clock_text, true, Some(d)),
            _ => clock_text.to_string(),
        };
        // A heading without a date: the report's day, for the order only.
        let day = parsed
            .date
            .or(date)
            .unwrap_or(jiff::civil::Date::constant(2000, 1, 1));
        dated = Some((Span::new(at, at + len), value, (day, parsed.time)));
    }
    // The body: the section's paragraphs up to its dated line.
    let mut body_end = heading.end;
    let mut body_start = None;
    'blocks: for block in blocks {
        let range = match block {
            Block::Paragraph { range } => range.clone(),
            Block::List { items } if !items.is_empty() => {
                items[0].range.start..items[items.len() - 1].range.end
            }
            _ => continue,
        };
        let mut pos = range.start;
        for line in text[range.clone()].split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            let content = line.trim();
            if content.is_empty() {
                continue;
            }
            let at = start + (line.len() - line.trim_start().len());
            if dated.is_none()
                && let Some((date, clock)) = dated_line(content)
            {
                let (parsed, len) = time::scan_leading_time(&content[clock..]).ok()??;
                let written = &content[clock..clock + len];
                dated = Some((
                    Span::new(at + clock, at + clock + len),
                    with_date(written, parsed.date.is_none(), Some(date)),
                    (parsed.date.unwrap_or(date), parsed.time),
                ));
                break 'blocks;
            }
            body_start.get_or_insert(at);
            body_end = text[..pos].trim_end().len();
        }
    }
    let (time, time_value, when) = dated?;
    let body = body_start.map_or("", |s| text.get(s..body_end).unwrap_or(""));
    let mut status = status;
    let mut body = collapse(body.trim());
    // `## Update` over `**Resolved.** The backlog ...`: the status is in the text.
    if status.eq_ignore_ascii_case("update") || status.eq_ignore_ascii_case("updated") {
        let bare = body.trim_start_matches(['*', '_']);
        let word_len = bare
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(bare.len());
        let word = &bare[..word_len];
        let after = &bare[word_len..];
        let closed = after.trim_start_matches(['.', ':']);
        if STATUS_WORDS.contains(&word.to_ascii_lowercase().as_str())
            && !word.eq_ignore_ascii_case("update")
            && (closed.starts_with("**") || closed.starts_with('_'))
        {
            status = word.to_string();
            body = closed
                .trim_start_matches(['*', '_'])
                .trim_start()
                .to_string();
        }
    }
    let value = if body.is_empty() {
        status
    } else {
        format!("{status} - {body}")
    };
    Some(Update {
        text: Span::new(heading.start, body_end.max(heading.end)),
        value,
        time,
        time_value,
        at: when,
        block: index,
    })
}

/// The updates of the lists in `blocks` whose items are led by a dated time
/// ([`lead`]): every item of such a list, two or more (none when any item of the
/// list is not).
fn list_leads(text: &str, blocks: &[Block]) -> Vec<Update> {
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Block::List { items } = block else {
            continue;
        };
        let mut read = Vec::new();
        for item in items {
            let (_, span) = item_content(text, item.range.clone());
            let written = span.slice(text);
            let Some(l) = lead(written) else {
                return Vec::new();
            };
            let body = &written[l.body..];
            let value = match &l.status {
                Some(status) if !body.trim().is_empty() => {
                    format!("{status} - {}", collapse(body.trim()))
                }
                Some(status) => status.clone(),
                None => collapse(body.trim()),
            };
            let time = Span::new(span.start + l.clock.start, span.start + l.clock.end);
            let body_span = if body.trim().is_empty() {
                time
            } else {
                let lead_ws = body.len() - body.trim_start().len();
                Span::new(
                    span.start + l.body + lead_ws,
                    span.start + l.body + body.trim_end().len(),
                )
            };
            read.push(Update {
                text: body_span,
                value,
                time,
                time_value: with_date(&written[l.clock.clone()], l.dateless, Some(l.date)),
                at: (l.date, l.time),
                block: index,
            });
        }
        if read.len() >= 2 {
            out.extend(read);
        }
    }
    out
}

/// An update led by its dated time, as read by [`lead`].
pub(crate) struct Lead {
    /// The status word as written (`UPDATE`, `EDIT`, `resolved`), if any.
    pub(crate) status: Option<String>,
    pub(crate) date: jiff::civil::Date,
    pub(crate) time: jiff::civil::Time,
    /// The clock (with its zone) in the line.
    pub(crate) clock: std::ops::Range<usize>,
    /// The clock was written without a date of its own.
    dateless: bool,
    /// Where the update's words start in the line.
    body: usize,
}

/// `UPDATE @ 8th April 2025, 16:05 UTC - text`, `EDIT 12.03.2025 at 21:20 UTC:
/// text`, `[resolved] 5 June 2025 11:15 - text`, `**19th May 2025, at 9:02AM**`:
/// a status word or none (bare, bold or in brackets), a date in any date-line form
/// with its year, `,` / `at` / `-`, a clock, then `:` or a dash and the words, or
/// nothing.
pub(crate) fn lead(line: &str) -> Option<Lead> {
    lead_ordered(line, &|| None)
}

/// [`lead`], with a slashed date of two readings (`[12/10/2025 18:40]`) read in
/// the order the report's other slashed dates settle (`month_first`, asked only
/// for such a date): `Update [12/10/2025 18:40] — Reason For Outage`, the date and
/// clock in brackets after the status word, a short title after them.
pub(crate) fn lead_ordered(line: &str, month_first: &dyn Fn() -> Option<bool>) -> Option<Lead> {
    let first = line.split('\n').next().unwrap_or(line);
    let mut at = first.len() - first.trim_start_matches(['*', '_']).len();
    let rest = &first[at..];
    // The status word: bare (`UPDATE`), in brackets (`[resolved]`).
    let mut status = None;
    let (word, skip) = match rest.strip_prefix('[') {
        Some(r) => {
            let close = r.find(']')?;
            (&r[..close], close + 2)
        }
        None => {
            let len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            (&rest[..len], len)
        }
    };
    let lower = word.to_ascii_lowercase();
    if !word.is_empty() && (STATUS_WORDS.contains(&lower.as_str()) || lower == "edit") {
        status = Some(word.to_string());
        at += skip;
    }
    let rest = &first[at..];
    let trimmed = rest.trim_start_matches(['*', '_', ' ', '@', ':', '-', '–', '—', '·', '|']);
    let bracketed = trimmed.starts_with('[');
    let trimmed = if bracketed { &trimmed[1..] } else { trimmed };
    at += rest.len() - trimmed.len();
    let clock = clock_start(trimmed)?;
    let date_part = trimmed[..clock].trim_end();
    let date_part = date_part
        .strip_suffix("at")
        .unwrap_or(date_part)
        .trim_end()
        .trim_end_matches([',', '-', '–', '—', '|', '@'])
        .trim_end();
    let date = match time::scan_date_line(date_part, None)? {
        Ok(line) => line.date,
        Err(e) if e.kind == time::TimeErrorKind::AmbiguousDate => {
            ordered(date_part, month_first()?)?
        }
        Err(_) => return None,
    };
    let clock_text = &trimmed[clock..];
    let (parsed, len) = time::scan_leading_time(clock_text).ok()??;
    let after = &clock_text[len..];
    // `[12/10/2025 18:40]`: the bracket closes after the clock.
    let after = match (bracketed, after.strip_prefix(']')) {
        (true, Some(rest)) => rest,
        _ => after,
    };
    let words = after.trim_start_matches(['*', '_']);
    let words = words.trim_start();
    let body = if words.is_empty() {
        first.len()
    } else if let Some(w) = [":", "-", "–", "—"]
        .iter()
        .find_map(|s| words.strip_prefix(s))
    {
        first.len() - w.len()
    } else {
        return None;
    };
    let clock_at = at + clock;
    Some(Lead {
        status,
        date: parsed.date.unwrap_or(date),
        time: parsed.time,
        clock: clock_at..clock_at + len,
        dateless: parsed.date.is_none(),
        body,
    })
}

/// `Resolved`, `**Resolved** - text`, `Resolved: text`: (status as written, the
/// length of the word with its markers, where the body starts in the line).
fn status_line(line: &str) -> Option<(String, usize, usize)> {
    let bare = line.trim_start_matches(['*', '_']);
    let marks = line.len() - bare.len();
    let lower = bare.to_ascii_lowercase();
    let word = STATUS_WORDS.iter().find(|w| {
        lower.starts_with(*w)
            && !lower[w.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
    })?;
    let written = &bare[..word.len()];
    let after = bare[word.len()..].trim_start_matches(['*', '_']);
    let word_len = marks + bare.len() - after.len();
    let rest = after.trim_start();
    let body_at = if rest.is_empty() {
        line.len()
    } else if let Some(body) = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix(':'))
    {
        line.len() - body.trim_start().len()
    } else {
        // `Update the runbook`: a sentence, not a status.
        return None;
    };
    Some((written.to_string(), word_len, body_at))
}

/// The update `open` (status word span, status, body start) dated by `boxed`
/// (time span, as written, as read), its words running to `end`.
fn finish(
    text: &str,
    boxed: Option<(Span, String, (jiff::civil::Date, jiff::civil::Time))>,
    open: Option<(Span, String, usize)>,
    end: usize,
    block: usize,
) -> Option<Update> {
    let (time, time_value, at) = boxed?;
    let (status_span, status, body_start) = open?;
    let body = collapse(text.get(body_start.min(end)..end).unwrap_or("").trim());
    let value = if body.is_empty() {
        status
    } else {
        format!("{status} - {body}")
    };
    let end = text[..end].trim_end().len().max(status_span.end);
    Some(Update {
        text: Span::new(status_span.start, end),
        value,
        time,
        time_value,
        at,
        block,
    })
}

/// The status word leading an update's text as the update readers write it
/// (`Monitoring - The fix is out.`, `Resolved`), if any.
pub(crate) fn status_of(text: &str) -> Option<&str> {
    let word = text.split_once(" - ").map_or(text, |(w, _)| w);
    STATUS_WORDS
        .contains(&word.to_ascii_lowercase().as_str())
        .then_some(word)
}

/// Whether timeline entries' texts are a status page's updates: two or more,
/// each led by its status word ([`status_of`]).
pub(crate) fn is_stream<'a>(texts: impl ExactSizeIterator<Item = &'a str>) -> bool {
    texts.len() >= 2 && texts.into_iter().all(|t| status_of(t).is_some())
}

/// `Posted Feb 03, 2025 - 16:40 UTC`, `*Mar 19, 2025 - 15:12 UTC*`: the date and
/// where the clock starts in the line.
fn dated_line(line: &str) -> Option<(jiff::civil::Date, usize)> {
    let bare = line.trim_matches(['*', '_']);
    let lead = line.len() - line.trim_start_matches(['*', '_']).len();
    let rest = bare.strip_prefix("Posted").unwrap_or(bare).trim_start();
    let offset = lead + (bare.len() - rest.len());
    let clock = clock_start(rest)?;
    let date_part = rest[..clock]
        .trim_end()
        .trim_end_matches(['-', '–', ',', '|'])
        .trim_end();
    let date_part = date_part.strip_suffix(" at").unwrap_or(date_part);
    let date = time::parse_date_line(date_part)?;
    // The line is the date and the clock only (with its zone), nothing more.
    let clock_text = rest[clock..].trim_end_matches(['*', '_']);
    let (_, len) = time::scan_leading_time(clock_text).ok()??;
    clock_text[len..]
        .trim()
        .is_empty()
        .then_some((date, offset + clock))
}

fn entry(u: Update) -> Node {
    let span = u.text.cover(u.time);
    Node::new(
        span,
        Value::Map(vec![
            Entry {
                key: "time".into(),
                key_span: u.time,
                value: Node::new(u.time, Value::String(u.time_value)),
            },
            Entry {
                key: "text".into(),
                key_span: u.text,
                value: Node::new(u.text, Value::String(u.value)),
            },
        ]),
    )
}

/// Where the first `H:MM` or `HH:MM` of `text` starts (its first digit).
fn clock_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let colon = (1..b.len().saturating_sub(2)).find(|&i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })?;
    Some(if colon >= 2 && b[colon - 2].is_ascii_digit() {
        colon - 2
    } else {
        colon - 1
    })
}

#[cfg(test)]
mod tests {
    use crate::{Config, Format, check_with};

    fn timeline(text: &str) -> Vec<(String, String)> {
        let checked = check_with(text, Format::Markdown, &Config::default());
        let model = checked.model.expect("model");
        model
            .timeline
            .iter()
            .map(|e| (e.time.clone(), e.text.clone()))
            .collect()
    }

    /// Generated: bold leads with the date and clock in brackets, newest first,
    /// with slashed dates that the report settles (a day above 12) or not, and a
    /// short title after the stamp.
    #[test]
    fn bracketed_update_leads_are_a_timeline_oldest_first() {
        for (status, title) in [
            ("Update", ""),
            ("Update", " \u{2014} Reason For Outage"),
            ("Monitoring", ""),
        ] {
            for (last, settled) in [("13/10/2025", true), ("12/10/2025", false)] {
                let text = format!(
                    "# Storage cluster down\n\n**Incident Status:** Resolved\n\n---\n\n\
                     **Resolved [{last} 09:15]**\n\nAll volumes verified.\n\n\
                     **{status} [11/10/2025 03:25]{title}**\n\nAll VMs are running again.\n\n\
                     **Investigating [10/10/2025 10:02]**\n\nVMs in FRA-2 are not reachable. All times CET.\n"
                );
                let times: Vec<String> = timeline(&text).into_iter().map(|(t, _)| t).collect();
                if settled {
                    assert_eq!(
                        times,
                        [
                            "2025-10-10 10:02 CET",
                            "2025-10-11 03:25 CET",
                            "2025-10-13 09:15 CET"
                        ],
                        "{text}"
                    );
                } else {
                    // Nothing says whether 11/10 is 11 October or 10 November.
                    assert!(times.len() < 3, "{text}: {times:?}");
                }
            }
        }
        // The title after the stamp stays in the entry's text.
        let text = "# Down\n\n**Resolved [13/10/2025 09:15]**\n\nDone.\n\n**Update [12/10/2025 18:40] \u{2014} Reason For Outage**\n\nDear customers.\n\n**Investigating [10/10/2025 10:02]**\n\nLooking.\n";
        let entries = timeline(text);
        assert_eq!(
            entries[1].1, "Update - Reason For Outage: Dear customers.",
            "{entries:?}"
        );
    }

    #[test]
    fn plain_text_updates_newest_first_are_a_timeline_oldest_first() {
        let text = "Queue delays for api.example.net\nIncident Report for Example\n\nResolved\nThe queues are empty again.\nPosted Feb 03, 2025 - 16:40 UTC\n\nMonitoring\nA fix is out and we are watching.\nPosted Feb 03, 2025 - 16:21 UTC\n\nInvestigating\nWe are looking into delays.\nPosted Feb 03, 2025 - 15:52 UTC\n";
        assert_eq!(
            timeline(text),
            [
                (
                    "2025-02-03 15:52 UTC".into(),
                    "Investigating - We are looking into delays.".into()
                ),
                (
                    "2025-02-03 16:21 UTC".into(),
                    "Monitoring - A fix is out and we are watching.".into()
                ),
                (
                    "2025-02-03 16:40 UTC".into(),
                    "Resolved - The queues are empty again.".into()
                ),
            ]
        );
    }

    #[test]
    fn markdown_updates_with_bold_status_and_italic_dates() {
        let text = "# Slow webhooks\n\n**Resolved** - Deliveries are back to normal.\n*Mar 19, 2025 - 15:12 UTC*\n\n**Investigating** - Deliveries are delayed.\n*Mar 19, 2025 - 14:31 UTC*\n";
        assert_eq!(
            timeline(text),
            [
                (
                    "2025-03-19 14:31 UTC".into(),
                    "Investigating - Deliveries are delayed.".into()
                ),
                (
                    "2025-03-19 15:12 UTC".into(),
                    "Resolved - Deliveries are back to normal.".into()
                ),
            ]
        );
    }

    #[test]
    fn hugo_status_page_updates_dated_by_track_shortcodes() {
        // cState's form: the shortcode closes the update's last line, or stands
        // on a line of its own; the zone is stated once, at the end.
        let text = "---\ntitle: Slow exports\ndate: 2025-05-06T09:10:00Z\nresolved: true\nsection: issue\n---\n\n*Resolved* -\nExports finish on time again. {{< track \"2025-05-06 10:40:00\" >}}\n\n*Monitoring* - A fix is out.\nWe are watching the queue.\n{{< track \"2025-05-06 10:05:00\" >}}\n\n**Investigating** - Exports are slow. {{% track \"2025-05-06 09:12:00\" %}}\n\nTimes on this page are UTC.\n";
        assert_eq!(
            timeline(text),
            [
                (
                    "2025-05-06 09:12:00 UTC".into(),
                    "Investigating - Exports are slow.".into()
                ),
                (
                    "2025-05-06 10:05:00 UTC".into(),
                    "Monitoring - A fix is out. We are watching the queue.".into()
                ),
                (
                    "2025-05-06 10:40:00 UTC".into(),
                    "Resolved - Exports finish on time again.".into()
                ),
            ]
        );
        // A shortcode that is not `track`, or text after it, dates nothing.
        let other = text
            .replace(
                "{{< track \"2025-05-06 10:40:00\" >}}",
                "{{< figure \"a.png\" >}}",
            )
            .replace(
                "{{% track \"2025-05-06 09:12:00\" %}}",
                "{{% track \"2025-05-06 09:12:00\" %}} (edited)",
            );
        assert!(timeline(&other).is_empty(), "{:?}", timeline(&other));
    }

    #[test]
    fn a_postmortem_heading_the_updates_is_the_write_up_not_an_event() {
        let text = "---\ntitle: Slow exports\ndate: 2025-05-06T09:12:00Z\nresolved: true\nsection: issue\n---\n\n*Postmortem* - Exports were slow for about an hour.\n\nA worker pool was too small. {{< track \"2025-05-07 10:00:00\" >}}\n\n*Resolved* - Exports finish on time again. {{< track \"2025-05-06 10:40:00\" >}}\n\n*Monitoring* - A fix is out. {{< track \"2025-05-06 10:05:00\" >}}\n\n*Investigating* - Exports are slow. {{< track \"2025-05-06 09:12:00\" >}}\n\nTimes on this page are UTC.\n";
        let times: Vec<String> = timeline(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            times,
            [
                "2025-05-06 09:12:00 UTC",
                "2025-05-06 10:05:00 UTC",
                "2025-05-06 10:40:00 UTC"
            ]
        );
        let checked = check_with(text, Format::Markdown, &Config::default());
        let summary = checked.model.expect("model").summary.unwrap_or_default();
        assert!(summary.contains("for about an hour"), "{summary}");
    }

    #[test]
    fn one_update_or_status_words_in_sentences_are_not_a_timeline() {
        // One dated update is not enough to call it a status page.
        let one =
            "# Slow webhooks\n\n**Resolved** - Deliveries are back.\n*Mar 19, 2025 - 15:12 UTC*\n";
        assert!(timeline(one).is_empty());
        // `Update the runbook` is a sentence; a date line alone dates nothing.
        let prose = "# Notes\n\nUpdate the runbook before Friday.\nMar 19, 2025 - 15:12 UTC\n\nIdentified owners later.\nMar 19, 2025 - 16:12 UTC\n";
        assert!(timeline(prose).is_empty());
    }

    #[test]
    fn list_items_led_by_their_dated_time_are_updates() {
        let text = "# Mail outage\n\nMail could not sync.\n\n## Updates\n\n- UPDATE @ 8th April 2025, 12:15 UTC - All mailboxes are back.\n- UPDATE @ 7th April 2025, 19:25 UTC - Half are back.\n- UPDATE @ 8th April 2025, 06:50 UTC - Most are back.\n  Still moving the rest.\n- UPDATE @ 7th April 2025, 10:10 UTC - New nodes in service.\n- UPDATE @ 6th April 2025, 11:50 UTC - Looking into it.\n";
        let read = timeline(text);
        assert_eq!(read.len(), 5);
        assert_eq!(
            read[0],
            (
                "2025-04-06 11:50 UTC".into(),
                "UPDATE - Looking into it.".into()
            )
        );
        assert_eq!(read[2].1, "UPDATE - Most are back. Still moving the rest.");
        // Mostly newest first: put oldest first, the one out of place reported once.
        let checked = check_with(text, Format::Markdown, &Config::default());
        let order: Vec<usize> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS201")
            .map(|d| d.span.start)
            .collect();
        assert_eq!(order.len(), 1, "{:?}", checked.diagnostics);
        assert!(
            text[order[0]..].starts_with("19:25") || text[..order[0]].ends_with("7th April 2025, "),
            "{}",
            &text[order[0]..]
        );
        // A list of other items is no list of updates.
        let text = "# Mail outage\n\n## Updates\n\n- UPDATE @ 8th April 2025, 12:15 UTC - All back.\n- We will post more soon.\n";
        assert!(timeline(text).is_empty());
    }
}
