//! Timelines as people write them, read into `timeline` entries whose `time` and
//! `text` spans point at the original text:
//!
//! - list items starting with a time, bold, italic, as code or plain (`- **10:05 UTC**
//!   Deploy`, `- *09:03* Deploy`, `- _09:03_ — Deploy`, ``1. `08:12` Rollout``);
//! - lines of a paragraph starting with a time, and the lines after one that do
//!   not (a wrapped or multi-paragraph entry);
//! - headings that are a time (`### 10:05 UTC`), with the paragraphs and bullets
//!   under them as the entry's text;
//! - date lines and date headings (`June 10th, 2024:`, `### 2024-06-10`) giving
//!   the date of the times after them;
//! - tables with the time in any column (found by its header or by its cells) and
//!   optionally the date in another.
//! - a chat pasted as a quote, and in a report with no other timeline a log
//!   pasted in a fenced block (`[13:12] <maintainer> ...`), one entry per line
//!   led by a time.
//!
//! Times are read with [`time::scan_leading_time`] and [`time::parse_time`], so the
//! time grammar is the one of the rest of retrospec.

use std::ops::Range;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::parse::markdown::{
    Block, collapse, date_line, item_content, separator_len, seq, split_milestone, with_date,
};
use crate::span::Span;
use crate::time;
use crate::time_diag::TimeErrorExt;
use crate::tree::{Entry, Node, Value};

mod began;
mod dated;
mod dotted;
pub(crate) mod leads;
pub(crate) mod phases;
pub(crate) mod prose;
mod table;
pub(crate) use table::SecondClock;

pub(crate) use began::began_and_ended;

const MILESTONES: &[&str] = &[
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
];

/// One entry being read: its time and the pieces of its text.
struct Building {
    time: Span,
    value: String,
    text: Vec<Span>,
    /// Later paragraphs and bullets may add to the text (a time heading or line).
    open: bool,
    /// A milestone named in a table's milestone column.
    milestone: Option<(String, Span)>,
}

struct Reader<'t, 'd> {
    text: &'t str,
    diags: &'d mut Vec<Diagnostic>,
    date: Option<Date>,
    entries: Vec<Building>,
    /// The list being read has a time or date in at least one item.
    timed_list: bool,
    /// The clock of the entry above, under the same date line (for the rollover).
    previous: Option<jiff::civil::Time>,
    /// A zone named in the section heading (`Timeline (UTC)`) or a table's time
    /// column (`Time (CEST)`), for the times written without one.
    zone: Option<&'t str>,
    /// The clock (and its zone as written) that `T+15m` offsets count from, when
    /// the report states one (`T0: 13:40 UTC`, "relative to the release at 13:40 UTC").
    t0: Option<(jiff::civil::Time, String)>,
    /// The day that `D0 22:30` and `D+1 01:15` count from, when the report names one
    /// (`Incident day (D0): 9 October 2025`).
    d0: Option<Date>,
    /// An entry was read from a sentence led by its time: later sentences so led
    /// start entries too, wherever they stand in a line.
    sentences: bool,
    /// The section's lines lead with clocks written with a dot (`14.05`), and
    /// nothing in it says the dots are numbering, versions or dates.
    dotted: bool,
    /// The report's date and publication, for dates written without a year.
    dating: std::cell::OnceCell<super::date::Dating>,
    /// A weekday-led entry was left unread for want of a date to count from
    /// (reported once, at the first).
    unplaced_weekday: bool,
    /// Whether the report writes its slashed dates month first (`Some(true)`), day
    /// first (`Some(false)`), or does not say ([`super::date::report_slashed_order`]).
    slashed: std::cell::OnceCell<Option<bool>>,
    /// The other clock of a table with two side by side, per row read: see
    /// [`SecondClock`].
    second_clocks: Vec<SecondClock>,
}

/// Reads the blocks of a timeline section.
pub(crate) fn read(
    text: &str,
    blocks: &[Block],
    heading: Span,
    diags: &mut Vec<Diagnostic>,
    second_clocks: &mut Vec<SecondClock>,
) -> Node {
    let mut r = Reader {
        text,
        diags,
        date: None,
        entries: Vec::new(),
        timed_list: false,
        previous: None,
        // A zone stated in prose for the whole report ("All times in PST") is read by
        // the time grammar's report-wide zone, applied when times are resolved.
        zone: zone_in(heading.slice(text)),
        t0: super::offset::stated_t0(text),
        d0: super::offset::stated_d0(text),
        sentences: false,
        dotted: dotted::section_reads(&section_lines(text, blocks)),
        dating: std::cell::OnceCell::new(),
        unplaced_weekday: false,
        slashed: std::cell::OnceCell::new(),
        second_clocks: Vec::new(),
    };
    for block in blocks {
        match block {
            Block::Heading { range, .. } => r.heading(range.clone()),
            Block::Paragraph { range } => r.lines(range.clone()),
            Block::List { items } => {
                // Under a timeline written without a heading (an empty heading span),
                // a list with no time at all is not entries (a checklist after the
                // timeline): left out quietly.
                let contents: Vec<Span> = items
                    .iter()
                    .map(|i| item_content(text, i.range.clone()).1)
                    .collect();
                r.timed_list = !heading.is_empty()
                    || contents.iter().any(|c| {
                        let s = c.slice(text);
                        let s = leads::time_mark(s).1;
                        super::blocks::starts_with_time(s) || time::parse_date_line(s).is_some()
                    });
                for content in contents {
                    r.line(content, false);
                }
            }
            Block::Table { rows } => r.table(rows),
            // A chat pasted as a quote: each line led by a time is an entry, the
            // lines after it its text.
            // A log pasted in a fenced block is read so only as a timeline of
            // its own (no other in the report): elsewhere it is quoted evidence.
            Block::Other { range } => {
                let lines = super::blocks::quote_lines(text, range.clone()).or_else(|| {
                    heading
                        .is_empty()
                        .then(|| super::blocks::fenced_log_lines(text, range.clone()))
                        .flatten()
                });
                for line in lines.unwrap_or_default() {
                    // A list in the quote (`> - 3:04 PM: alert fires`): the item's text.
                    let line = super::blocks::without_bullet(text, line);
                    r.line(Span::new(line.start, line.end), true);
                }
                r.close();
            }
            Block::Comment => {}
        }
    }
    // A timeline section whose only timed lines are in code (fenced or indented):
    // those lines are its entries. Beside entries of its own, code is evidence.
    if r.entries.is_empty() && !heading.is_empty() {
        for line in super::blocks::code_log_lines(text, blocks) {
            r.line(Span::new(line.start, line.end), true);
        }
    }
    second_clocks.append(&mut r.second_clocks);
    let items = r.entries.into_iter().map(|b| build(text, b)).collect();
    seq(items, heading)
}

impl Reader<'_, '_> {
    fn heading(&mut self, range: Range<usize>) {
        let raw = &self.text[range.clone()];
        let first = raw.lines().next().unwrap_or("");
        let words = first.trim_start().trim_start_matches('#').trim();
        let start = range.start + raw.find(words).unwrap_or(0);
        let span = Span::new(start, start + words.trim_end_matches('#').trim_end().len());
        if let Some(d) = self.date_line(span) {
            self.date = Some(d);
            self.close();
            return;
        }
        self.close();
        self.line(span, true);
    }

    fn close(&mut self) {
        if let Some(last) = self.entries.last_mut() {
            last.open = false;
        }
    }

    /// Each line of a paragraph: a date, a new entry, or more text for the open one.
    ///
    /// A MkDocs admonition (`!!! quote "Gateway log"`, `??? note`) is read as
    /// Markdown as a paragraph with its indented body. Its header is no entry, and
    /// code in its body, fenced (`` ``` ``) or indented a further four spaces, is
    /// quoted evidence (a log's own timestamps), never entries. A fence that
    /// Markdown left in a paragraph is skipped so too.
    fn lines(&mut self, range: Range<usize>) {
        let mut pos = range.start;
        // Whether the line above ended its sentence.
        let mut ended = true;
        // The indent of the admonition header above, and whether a fence is open.
        let mut admonition: Option<usize> = None;
        let mut fence: Option<&str> = None;
        for line in self.text[range.clone()].split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let span = Span::new(pos + lead, pos + content.trim_end().len().max(lead));
            pos += line.len();
            if span.is_empty() {
                continue;
            }
            let trimmed = content.trim_start();
            if let Some(open) = fence {
                if trimmed.starts_with(open) {
                    fence = None;
                }
                continue;
            }
            if let Some(mark) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
                fence = Some(mark);
                self.close();
                continue;
            }
            if is_admonition(trimmed) {
                admonition = Some(lead);
                self.close();
                continue;
            }
            match admonition {
                Some(at) if lead >= at + 8 => continue,
                Some(at) if lead <= at => admonition = None,
                _ => {}
            }
            let above_ended = ended;
            ended = span
                .slice(self.text)
                .ends_with(['.', '!', '?', ':', ';', ')']);
            // In a timeline written as sentences, a wrapped line that starts with a
            // time (`... from the\n6:00 a.m. snapshot.`) goes on with the sentence.
            if self.sentences
                && !above_ended
                && prose::anchored(span.slice(self.text)).is_none()
                && let Some(last) = self.entries.last_mut().filter(|l| l.open)
            {
                // A sentence led by its time may start inside the wrapped line
                // (`normal. At 10:07 PM we declared ...`): the entry above ends
                // before it, and it starts the next.
                let cuts = prose::sentence_starts(span.slice(self.text));
                let Some(&first) = cuts.first() else {
                    last.text.push(span);
                    continue;
                };
                let before = span.slice(self.text)[..first].trim_end().len();
                last.text.push(Span::new(span.start, span.start + before));
                let mut from = span.start + first;
                for cut in cuts.into_iter().skip(1) {
                    self.line(Span::new(from, span.start + cut), true);
                    from = span.start + cut;
                }
                self.line(Span::new(from, span.end), true);
                continue;
            }
            // In a timeline written as sentences, a sentence led by its time in the
            // middle of a line (`... recovered at 06:45. At 07:08 a second ...`)
            // starts the next entry.
            let mut from = span.start;
            if self.sentences || prose::anchored(span.slice(self.text)).is_some() {
                for cut in prose::sentence_starts(span.slice(self.text)) {
                    self.line(Span::new(from, span.start + cut), true);
                    from = span.start + cut;
                }
            }
            self.line(Span::new(from, span.end), true);
        }
    }

    /// One line or list item: a date line, an entry starting with a time, or more
    /// text for the entry above when it is open. `open`: whether lines after this
    /// entry continue it (paragraph lines and headings, not list items).
    fn line(&mut self, span: Span, open: bool) {
        let source = span.slice(self.text);
        // A row of a reStructuredText `list-table` (`* - 08:40` over `  - text`):
        // the time is the first cell's, the text the next one's.
        if let Some(rest) = source
            .strip_prefix(['-', '*'])
            .filter(|r| r.starts_with(' '))
            && super::blocks::starts_with_time(rest.trim_start())
        {
            let skip = source.len() - rest.trim_start().len();
            self.line(Span::new(span.start + skip, span.end), open);
            return;
        }
        // `Start: 2025/03/06 07:25 - Monitoring began alerting`: a start or end
        // label before an entry's time; the entry is read after it, and the label
        // names its milestone (`milestones::infer`).
        if let Some(skip) = super::milestones::label_before_entry(source) {
            self.line(Span::new(span.start + skip, span.end), open);
            return;
        }
        // A time set off by emphasis or as code: `**10:05**`, `` `10:05` ``.
        // Italic times too: `*09:03* text`, `_09:03_ — text`.
        let (marker, inner) = leads::time_mark(source);
        // `[10:05] deploy`, `(13:15EST) deploy`: a time alone in brackets leads
        // the entry as a bold one does.
        let (marker, closer, inner) = match super::blocks::bracketed_time(source) {
            Some((open, close)) if marker.is_empty() => (open, close, &source[1..]),
            _ => (marker, marker, inner),
        };
        let bold = marker.len();
        // `**10:05**`, `**10:05 CET**`: the time is read inside the marker.
        let scan_in = match inner.find(closer) {
            Some(close) if bold > 0 => &inner[..close],
            _ => inner,
        };
        // `14.05  Alert fires` in a section of such lines: read as `14:05`, at
        // the same positions.
        let colons = (self.dotted && bold == 0)
            .then(|| dotted::leading(scan_in).map(|dot| dotted::as_colons(scan_in, dot)))
            .flatten();
        let scan_in = colons.as_deref().unwrap_or(scan_in);
        // `**Tues, 5:00pm:**`, `Wed 02:43 -`: a weekday before the clock names
        // the entry's day ([`Reader::weekday_day`]); the clock is read after it.
        let (scan_in, weekday_skip) = match leads::weekday_before_time(scan_in) {
            Some((skip, day)) if self.weekday_day(day) => (&scan_in[skip..], skip),
            Some((skip, _)) => {
                self.unplaced(Span::new(span.start + bold, span.start + bold + skip));
                (scan_in, 0)
            }
            None => (scan_in, 0),
        };
        let offset = self
            .t0
            .as_ref()
            .and_then(|t0| super::offset::offset_time(t0, scan_in))
            .or_else(|| self.d0.and_then(|d0| super::offset::d0_time(d0, scan_in)));
        let leading = match offset {
            Some(_) => Ok(None),
            None => time::scan_leading_time(scan_in),
        };
        let scanned = match leading {
            _ if offset.is_some() => Ok(offset),
            Ok(Some((parsed, end))) => Ok(Some((parsed, end, scan_in[..end].to_string()))),
            Ok(None) => Ok(None),
            Err(error) if error.kind == time::TimeErrorKind::AmbiguousDate => {
                match self.disambiguated(inner, &error) {
                    Some(found) => Ok(Some(found)),
                    None if bold == 0 && self.dated_entry(span, open) => return,
                    None if self.date_line_decided(span) => return,
                    None => Err(error),
                }
            }
            Err(error) => Err(error),
        };
        if bold == 0
            && matches!(scanned, Ok(None))
            && let Some(a) = prose::anchored(source)
        {
            self.sentence(span, a, open);
            return;
        }
        match scanned {
            Ok(Some((parsed, end, written))) => {
                let at = span.start + bold + weekday_skip;
                let time = Span::new(at, at + end);
                let mut rest_start = time.end;
                let mut rest = &self.text[rest_start..span.end];
                if bold > 0 {
                    // `**10:05 UTC:**` or `**10:05** UTC`: the text starts after the bold.
                    if let Some(close) = rest.find(closer).filter(|c| rest[..*c].trim().len() <= 1)
                    {
                        rest_start += close + closer.len();
                        rest = &self.text[rest_start..span.end];
                    }
                }
                // `22:10 (Mar 3) – ...`: the entry's date in parentheses after its
                // time, as reports write a timeline that crosses midnight. It is
                // the entry's date (and the date of those below), so no rollover
                // is inferred.
                let dated = if parsed.date.is_none() {
                    let hint = self
                        .date
                        .map(|d| d.year())
                        .or_else(|| time::first_year(self.text));
                    super::offset::parenthesised_date(rest_start, rest, hint, self.diags)
                } else {
                    None
                };
                if let Some((date, end)) = dated {
                    self.date = Some(date);
                    rest_start = end;
                    rest = &self.text[rest_start..span.end];
                }
                let text_start = rest_start + separator_len(rest);
                if parsed.date.is_none() && dated.is_none() {
                    self.roll_over(parsed.time, time);
                }
                self.previous = Some(parsed.time);
                let value = self.with_zone(
                    with_date(&written, parsed.date.is_none(), self.date),
                    parsed.zone.is_none(),
                );
                self.close();
                self.entries.push(Building {
                    time,
                    value,
                    text: vec![Span::new(text_start.min(span.end), span.end)],
                    open,
                    milestone: None,
                });
            }
            Ok(None) => {
                // A date line has no time, so it is looked for only here: one time
                // scan per entry, as in retrospec's own Markdown.
                if bold == 0 && (self.dated_entry(span, open) || !open && self.labelled_time(span))
                {
                    return;
                }
                // `**3 March 2025, 02:00 (UTC) – Outage begins**`: a whole lead in
                // bold, a date in words before its time.
                let whole_lead_bold = marker == "**"
                    && source
                        .lines()
                        .next()
                        .is_some_and(|l| l.trim_end().ends_with("**"));
                if whole_lead_bold && self.dated_entry(Span::new(span.start + bold, span.end), open)
                {
                    // The entry's text stops at the bold's close and goes on
                    // after it (the item's further lines).
                    if let Some(last) = self.entries.last_mut()
                        && let Some(first) = last.text.first().copied()
                    {
                        let written = first.slice(self.text);
                        let line_end = written.find('\n').unwrap_or(written.len());
                        if let Some(close) = written[..line_end].trim_end().strip_suffix("**") {
                            let close = first.start + close.len();
                            last.text[0] = Span::new(first.start, close);
                            if close + 2 < first.end {
                                last.text.insert(1, Span::new(close + 2, first.end));
                            }
                        }
                    }
                    return;
                }
                if let Some(d) = self.date_line(span) {
                    self.date = Some(d);
                    self.close();
                } else if let Some(last) = {
                    let length = super::blocks::length_note(span.slice(self.text));
                    self.entries.last_mut().filter(|l| l.open || length)
                } {
                    last.text.push(span);
                }
                // A list item with no time in a timeline as written is a note on the
                // entries (a continuation, a remark): not an entry, and not a finding
                // either (RS009 is for retrospec's own form). A note that states the
                // incident's length (`- Length of the disruption: 5 hours`) is kept
                // with the entry before it, so the length is read as a claim.
            }
            // A placeholder where the time belongs (`??:??`, `[time TBD]`) keeps its
            // entry with the placeholder as its time, as in retrospec's own form:
            // RS213 comes from the time value, and `import` writes the entry.
            Err(error)
                if error.kind == time::TimeErrorKind::Placeholder
                    && error.range.start == 0
                    && weekday_skip == 0 =>
            {
                let at = span.start + bold;
                let time = Span::new(at, at + error.range.end);
                let rest = &self.text[time.end..span.end];
                let text_start = time.end + separator_len(rest);
                self.close();
                self.entries.push(Building {
                    time,
                    value: time.slice(self.text).to_string(),
                    text: vec![Span::new(text_start.min(span.end), span.end)],
                    open,
                    milestone: None,
                });
            }
            Err(error) => {
                self.diags.push(error.diagnostic(span.start + bold));
                self.close();
            }
        }
    }

    /// `START TIME: 2025-02-11 14:00 UTC`, `Detected: 10:05`: a short label, a colon,
    /// and a time that is all the rest of the line: an entry whose text is the label.
    fn labelled_time(&mut self, span: Span) -> bool {
        let s = span.slice(self.text);
        let Some(colon) = s.find(':') else {
            return false;
        };
        let label = s[..colon].trim();
        // When the report was updated or posted is about the document, not an event.
        let about_document = ["updated", "posted", "published", "edited"]
            .iter()
            .any(|w| label.to_ascii_lowercase().contains(w));
        if label.is_empty()
            || about_document
            || label.split_whitespace().count() > 4
            || !label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        {
            return false;
        }
        let rest = &s[colon + 1..];
        let lead = rest.len() - rest.trim_start().len();
        let Ok(Some((parsed, end))) = time::scan_leading_time(&rest[lead..]) else {
            return false;
        };
        let tail = rest[lead + end..].trim();
        if !tail.is_empty() && tail != "." {
            return false;
        }
        let start = span.start + colon + 1 + lead;
        let time = Span::new(start, start + end);
        let written = time.slice(self.text);
        if parsed.date.is_none() {
            self.roll_over(parsed.time, time);
        }
        self.previous = Some(parsed.time);
        let value = self.with_zone(
            with_date(written, parsed.date.is_none(), self.date),
            parsed.zone.is_none(),
        );
        self.close();
        self.entries.push(Building {
            time,
            value,
            text: vec![Span::new(
                span.start,
                span.start + s[..colon].trim_end().len(),
            )],
            open: false,
            milestone: None,
        });
        true
    }

    /// A date line (`June 10th, 2024:`, `### Monday 3 March 2026`): its date, and a
    /// finding for an ambiguous slashed date or a weekday the date does not fall on,
    /// read as in retrospec's own Markdown (`time::scan_date_line`).
    fn date_line(&mut self, span: Span) -> Option<Date> {
        let text = span.slice(self.text);
        // `### 03-10-2021 (All times CEST)`: a remark in brackets after the date
        // (the zone, read with the heading's zone) is no part of it.
        if let Some(open) = text.rfind(" (")
            && text.ends_with(')')
            && !text[open + 2..text.len() - 1].contains(['(', ')'])
            && time::parse_date_line(text).is_none()
            && let Some(d) = self.date_line(Span::new(span.start, span.start + open))
        {
            return Some(d);
        }
        let hint = self.year_hint(text);
        // `10/3/2025` alone on its line, in a report that also writes "Friday,
        // October 3" or day-first `23/10/2025`: read as the report dates it
        // ([`Reader::reading`]), not reported as ambiguous.
        if let Some(date) = self.decided_date_line(text, hint) {
            self.previous = None;
            return Some(date);
        }
        // Not a date line: the entry above stays the one to compare with.
        let found = date_line(text, span.start, hint, self.diags)?;
        self.previous = None;
        found
    }

    /// Moves the reader's date to the day a weekday before an entry's clock names:
    /// the next such day after the date above (no rollover is then inferred),
    /// or, for the first entry, the one within three days of the report's date
    /// ("the outage on Wednesday, September 4": `Tues` is September 3). `false`
    /// when the report states no date to count from: the weekday is then not
    /// read, and neither is the entry, since a day it cannot place would make
    /// every length across it wrong.
    fn weekday_day(&mut self, day: jiff::civil::Weekday) -> bool {
        // The day with `day`'s weekday `days` from `from`, the nearest first.
        let find = |from: Date, days: std::ops::RangeInclusive<i64>| {
            days.filter_map(|n| from.checked_add(jiff::Span::new().days(n)).ok())
                .find(|d| d.weekday() == day)
        };
        let found = match self.date {
            Some(d) if d.weekday() == day => return true,
            Some(d) => find(d, 1..=6),
            None => self
                .dating
                .get_or_init(|| super::date::Dating::of(self.text))
                .first
                .and_then(|(base, _)| find(base, -3..=3)),
        };
        let Some(found) = found else {
            return false;
        };
        self.date = Some(found);
        self.previous = None;
        true
    }

    /// The first entry led by a weekday that no date in the report places (at
    /// `weekday`): one finding, since the entries are left out and every length
    /// across them would be unknown; the writer is asked for the date.
    fn unplaced(&mut self, weekday: Span) {
        if std::mem::replace(&mut self.unplaced_weekday, true) {
            return;
        }
        let written = weekday.slice(self.text).trim_end_matches([',', ' ']);
        self.diags.push(
            Diagnostic::new(
                &crate::codes::INVALID_TIME,
                Span::new(weekday.start, weekday.start + written.len()),
                format!(
                    "timeline entries are led by a weekday (`{written}`), but the report gives no date to count the days from: they are not read"
                ),
            )
            .with_help("write the incident's date once (in the title, a `Date:` line, or a date line above the timeline)"),
        );
    }

    /// The year for a date written without one in `line`: the date line's above,
    /// else the report's (`Thursday 17 July 2025` in the overview dates `### Friday
    /// 18 July`), never after the report's publication.
    fn year_hint(&self, line: &str) -> Option<i16> {
        self.dating
            .get_or_init(|| super::date::Dating::of(self.text))
            .year_for(self.text, line, self.date.map(|d| d.year()))
    }

    /// A clock more than twelve hours before the entry above it under the same date
    /// line is the next day: the date moves on, and the inference is said (RS215),
    /// as in retrospec's own Markdown.
    fn roll_over(&mut self, now: jiff::civil::Time, at: Span) {
        if let (Some(day), Some(before)) = (self.date, self.previous)
            && before.duration_until(now).as_secs() < -12 * 3600
            && let Ok(next) = day.tomorrow()
        {
            self.date = Some(next);
            self.diags.push(
                Diagnostic::new(
                    &crate::codes::MIDNIGHT_ROLLOVER,
                    at,
                    format!(
                        "{} comes before the entry above it, so it is read as the next day, {next}",
                        now.strftime("%H:%M")
                    ),
                )
                .with_help(format!(
                    "write a date line (`### {next}`) above the entry to confirm the day"
                )),
            );
        }
    }

    /// A time written without a zone gets the zone of its heading or column.
    /// A sentence led by its time (`At 9:47 a.m., latency began to climb`): an
    /// entry whose time is the clock and whose text is the sentence after it.
    fn sentence(&mut self, span: Span, a: prose::Anchored, open: bool) {
        self.sentences = true;
        let time = Span::new(span.start + a.clock.start, span.start + a.clock.end);
        // A date written after the clock (`At 02:10 UTC 2025-06-14 ...`) is the
        // entry's and the next ones', as a date line's: no rollover is inferred,
        // so an entry dated out of order is reported.
        if let Some(date) = a.date {
            self.date = Some(date);
        } else if a.parsed.date.is_none() {
            self.roll_over(a.parsed.time, time);
        }
        self.previous = Some(a.parsed.time);
        let value = self.with_zone(
            with_date(&a.written, a.parsed.date.is_none(), self.date),
            a.parsed.zone.is_none(),
        );
        self.close();
        self.entries.push(Building {
            time,
            value,
            text: vec![Span::new((span.start + a.text_at).min(span.end), span.end)],
            open,
            milestone: None,
        });
    }

    fn with_zone(&self, value: String, zoneless: bool) -> String {
        match (zoneless, self.zone) {
            (true, Some(zone)) => format!("{value} {zone}"),
            _ => value,
        }
    }
}

/// The lines of a section's paragraphs and list items, for
/// [`dotted::section_reads`].
fn section_lines<'t>(text: &'t str, blocks: &[Block]) -> Vec<&'t str> {
    let mut lines = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { range } => lines.extend(text[range.clone()].lines()),
            Block::List { items } => lines.extend(items.iter().filter_map(|i| {
                item_content(text, i.range.clone())
                    .1
                    .slice(text)
                    .lines()
                    .next()
            })),
            _ => {}
        }
    }
    lines
}

/// A zone named in parentheses in a heading: `Timeline (UTC)`, `Time (CEST)`,
/// `Timeline (PT)`.
fn zone_in(heading: &str) -> Option<&str> {
    let open = heading.rfind('(')?;
    let inner = heading[open + 1..].split(')').next()?.trim();
    time::names_zone(inner).then_some(inner)
}

/// The entry's node: `time`, `text` (its pieces joined), and a trailing `[milestone]`.
fn build(text: &str, b: Building) -> Node {
    let mut fields = vec![Entry {
        key: "time".into(),
        key_span: b.time,
        value: Node::new(b.time, Value::String(b.value)),
    }];
    let first = b.text[0];
    let whole = b.text.iter().fold(first, |acc, s| acc.cover(*s));
    // A note that states the incident's length is a paragraph of its own (as a
    // second paragraph of an entry in retrospec's Markdown), so `import` writes it
    // apart and its label still reads as one.
    let mut joined = String::new();
    for piece in b.text.iter().map(|s| collapse(s.slice(text).trim())) {
        if piece.is_empty() {
            continue;
        }
        if !joined.is_empty() {
            let note = super::blocks::length_note(&piece);
            joined.push_str(if note { "\n\n" } else { " " });
        }
        joined.push_str(&piece);
    }
    // A trailing `[detected]` marker, as in retrospec's own Markdown.
    let (text_value, text_span, milestone) = match b.milestone {
        Some(m) => (joined, whole, Some(m)),
        None if b.text.len() == 1 => {
            let ((span, value), m) = split_milestone(first.slice(text), first);
            (value, span, m)
        }
        None => (joined, whole, None),
    };
    fields.push(Entry {
        key: "text".into(),
        key_span: text_span,
        value: Node::new(text_span, Value::String(text_value)),
    });
    if let Some((name, span)) = milestone {
        fields.push(Entry {
            key: "milestone".into(),
            key_span: span,
            value: Node::new(span, Value::String(name)),
        });
    }
    Node::new(b.time.cover(whole), Value::Map(fields))
}

/// A MkDocs (Python-Markdown) admonition header: `!!! note`, `!!! quote "Title"`,
/// a collapsible `??? warning` or `???+ info`.
fn is_admonition(line: &str) -> bool {
    let Some(rest) = ["!!!", "???+", "???"]
        .into_iter()
        .find_map(|m| line.strip_prefix(m))
    else {
        return false;
    };
    rest.starts_with(' ')
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '"')
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    /// A log quoted in an admonition under the timeline is evidence: its own
    /// timestamps are not entries. Text after the admonition still is.
    #[test]
    fn code_in_an_admonition_is_not_timeline_entries() {
        let text = "# Label outage\n\nOn 2025-03-04 labels stopped printing.\n\n## Timeline\n\n- 09:10 UTC - Labels stop printing\n- 09:40 UTC - Gateway fixed\n\n!!! quote \"Gateway log\"\n    ```\n    07:02:11 handshake failed\n    ```\n\n!!! note\n        07:03:00 retry aborted\n\n10:05 UTC - Queue drained\n";
        let (times, _) = times_and_codes(text);
        assert_eq!(
            times,
            ["2025-03-04 09:10 UTC", "09:40 UTC", "10:05 UTC"],
            "{text}"
        );
    }

    fn times_and_codes(text: &str) -> (Vec<String>, Vec<&'static str>) {
        let checked = check(text, Format::Markdown);
        let times = checked
            .model
            .map(|m| m.timeline.into_iter().map(|e| e.time).collect())
            .unwrap_or_default();
        (times, checked.diagnostics.iter().map(|d| d.code).collect())
    }

    #[test]
    fn a_slashed_date_is_read_as_the_report_dates_the_incident() {
        // The report says when it happened, so `01/07/2023` is 1 July, not 7 January.
        let text = "# Cloud outage\n\nOn 2023-07-01 the proxies broke.\n\n## Timeline\n\n- 01/07/2023 - 10:50 - Maintenance starts\n- 01/07/2023 - 12:26 - The outage ends\n- 01/07/2023 11:00 Rollback fails\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(
            times,
            ["2023-07-01 10:50", "2023-07-01 12:26", "2023-07-01 11:00"]
        );
        assert!(!codes.contains(&"RS214"), "{codes:?}");
    }

    /// Entries led by a dotted day-first date written with spaces (`14. 11.
    /// 16:40`), under a heading that names the times (`Overview of times`, `Course
    /// of events`), are dated entries of the timeline.
    #[test]
    fn spaced_dotted_dates_lead_entries_under_a_times_heading() {
        for heading in [
            "Overview of times",
            "Course of events",
            "Chronology of events",
        ] {
            let text = format!(
                "# Power cut of 14. November 2025\n\nThe hall lost power.\n\n## {heading}\n\n- 14. 11. 16:40 - power cut in hall B\n- 15. 11. 2025 02:30 - last servers back\n"
            );
            let (times, _) = times_and_codes(&text);
            assert_eq!(times, ["2025-11-14 16:40", "2025-11-15 02:30"], "{heading}");
        }
        // One digit without a year, or no closing dot: not a date, no dated entry.
        for lead in ["3. 2. 16:40", "14. 11 16:40"] {
            let text = format!(
                "# Power cut of 14. November 2025\n\n## Course of events\n\n- {lead} - power cut\n"
            );
            let (times, _) = times_and_codes(&text);
            assert!(
                times.iter().all(|t| !t.starts_with("2025-")),
                "{lead}: {times:?}"
            );
        }
    }

    #[test]
    fn a_slashed_date_nothing_decides_is_still_ambiguous() {
        let text = "# Cloud outage\n\n## Timeline\n\n- 01/07/2023 - 10:50 - Maintenance starts\n";
        let (times, codes) = times_and_codes(text);
        assert!(times.is_empty(), "{times:?}");
        assert!(codes.contains(&"RS214"), "{codes:?}");
    }

    #[test]
    fn the_reports_other_slashed_dates_settle_its_order() {
        let report = |lead: &str, other: &str| {
            format!(
                "# Records outage\n\nThe standby stopped on {other} when its disk filled.\n\n\
                 ## Timeline\n\n{lead}22:00 | Patching starts (UTC) |\n{lead2}01:40 | Database fails (UTC) |\n",
                lead2 = lead.replace("02/11", "03/11").replace("11/02", "11/03"),
            )
        };
        let table = |day: &str| format!("| Date / Time | Event |\n|---|---|\n| {day} ");
        // A first number above 12 elsewhere: day first everywhere.
        let (times, codes) = times_and_codes(&report(&table("02/11/2025"), "23/10/2025"));
        assert_eq!(times[0], "2025-11-02 22:00", "{times:?}");
        assert!(!codes.contains(&"RS214"), "{codes:?}");
        // A second number above 12: month first.
        let (times, codes) = times_and_codes(&report(&table("11/02/2025"), "10/23/2025"));
        assert_eq!(times[0], "2025-11-02 22:00", "{times:?}");
        assert!(!codes.contains(&"RS214"), "{codes:?}");
        // Nothing decides, or the report writes both orders, or a slash that is no
        // date (`24/7`, a path): still ambiguous (RS206 in a table's time cell).
        for other in [
            "the 5th",
            "23/10/2025 (and 10/24/2025)",
            "24/7 at /srv/13/02",
        ] {
            let (times, codes) = times_and_codes(&report(&table("02/11/2025"), other));
            assert!(times.is_empty(), "{other}: {times:?}");
            assert!(codes.contains(&"RS206"), "{other}: {codes:?}");
        }
    }

    /// Dashed day-first date headings with a remark in brackets (`### 29-09-2021
    /// (All times CEST)`) date the entries under them, and a dashed date with two
    /// readings is settled as the report's other dates are written; nothing
    /// settling it, it is ambiguous as a slashed one is.
    #[test]
    fn dashed_date_headings_with_a_remark_date_their_entries() {
        let report = |first: &str| {
            format!(
                "# Preprod down at Quarry Lane\n\n**Date**: 03/10/2021\n\n## Timeline\n\n\
                 ### {first} (All times CEST)\n\n- 15:46 Storage driver switched on every container.\n\n\
                 ### 03-10-2021 (All times CEST)\n\n- 02:17 Probe times out.\n- 19:16 A contributor reports timeouts.\n\n\
                 ### 06-10-2021 (All times CEST)\n\n- 14:36 Preprod redeployed on a new machine.\n"
            )
        };
        let (times, codes) = times_and_codes(&report("29-09-2021"));
        assert_eq!(
            times,
            [
                "2021-09-29 15:46 CEST",
                "2021-10-03 02:17 CEST",
                "2021-10-03 19:16 CEST",
                "2021-10-06 14:36 CEST"
            ]
        );
        assert!(!codes.contains(&"RS214"), "{codes:?}");
        // With no date that settles the order, `03-10-2021` is ambiguous.
        let (_, codes) = times_and_codes(&report("28-09-2021").replace("28-09-2021", "09-09-2021"));
        assert!(codes.contains(&"RS214"), "{codes:?}");
    }

    /// A day without its year leading an entry, its time set in bold or code
    /// (`Feb 28th **01:52**`), dates the entry; a post dated on its author's clock
    /// the day before (`date: 2023-02-27`) does not push the year back, though a
    /// day weeks after the post does.
    #[test]
    fn a_yearless_day_before_a_bold_time_leads_an_entry() {
        let report = |published: &str| {
            format!(
                "---\ndate: {published}\ntitle: Media certificate expired at Pellet Social\n---\n\n\
                 Images stopped loading at about 01:55 UTC.\n\n### Timeline\n\n\
                 - Feb 28th **01:52** First report of broken media\n\
                 - Feb 28th `01:57` Certificate found expired\n\
                 - Feb 28th **02:30** Renewal started\n"
            )
        };
        let (times, _) = times_and_codes(&report("2023-02-27"));
        assert_eq!(
            times,
            ["2023-02-28 01:52", "2023-02-28 01:57", "2023-02-28 02:30"]
        );
        let (times, _) = times_and_codes(&report("2023-02-01"));
        assert_eq!(
            times,
            ["2022-02-28 01:52", "2022-02-28 01:57", "2022-02-28 02:30"]
        );
    }

    #[test]
    fn a_worded_date_settles_slashed_date_lines() {
        // Generated: date-line form x the words that settle it (or not).
        for (prose, settled) in [
            (
                "On the evening of Friday, October 3, 2025 the relay stalled.",
                true,
            ),
            (
                "By Ana Ruiz · October 8, 2025\n\nOn Friday, October 3 the relay stalled.",
                true,
            ),
            ("The relay stalled on 3 October 2025.", true),
            ("The relay stalled on 23/10/2025 once before.", false),
            ("The relay stalled in the evening.", false),
        ] {
            for (first, second) in [
                ("10/3/2025", "10/4/2025"),
                ("**10/3/2025**", "**10/4/2025**"),
            ] {
                let text = format!(
                    "# Relay outage\n\n{prose}\n\n## Timeline (UTC)\n\n{first}\n\n21:30 Handshakes hang\n\n{second}\n\n01:18 First customer report\n07:30 Queue back to normal\n"
                );
                let (times, codes) = times_and_codes(&text);
                if settled {
                    assert!(!codes.contains(&"RS214"), "{text}: {codes:?}");
                    assert!(!codes.contains(&"RS215"), "{text}: {codes:?}");
                    assert_eq!(times[0], "2025-10-03 21:30 UTC", "{text}: {times:?}");
                    assert_eq!(times[1], "2025-10-04 01:18 UTC", "{text}: {times:?}");
                } else if prose.contains("23/10") {
                    // Day first elsewhere: 10 March and 10 April, no finding.
                    assert!(!codes.contains(&"RS214"), "{text}: {codes:?}");
                    assert_eq!(times[1], "2025-04-10 01:18 UTC", "{text}: {times:?}");
                } else {
                    assert!(codes.contains(&"RS214"), "{text}: {codes:?}");
                }
            }
        }
    }

    #[test]
    fn a_date_column_dates_each_row() {
        for (a, b, c) in [
            ("Mon 10 Mar", "Tue 11 Mar", "Wed 12 Mar"),
            ("2025-03-10", "2025-03-11", "2025-03-12"),
            ("10/03", "11/03", "12/03"),
            ("10 March", "11 March", "12 March"),
        ] {
            let text = format!(
                "# Storage outage of 10 March 2025\n\nThe review was approved on 18/03/2025.\n\n\
                 ## Timeline\n\n| Date | Time (UTC) | Event |\n|---|---|---|\n\
                 | {a} | 06:40 | Volume offline |\n| {a} | 18:00 | Rollback starts |\n\
                 | {b} | 02:20 | Rollback complete |\n| {b} | 21:15 | Drives back |\n\
                 | {c} | 19:30 | Share writable |\n"
            );
            let (times, codes) = times_and_codes(&text);
            assert!(
                times.iter().any(|t| t.starts_with("2025-03-12 19:30")),
                "{a}: {times:?}"
            );
            assert!(!codes.contains(&"RS201"), "{a}: {codes:?}");
            // A row out of order within its own day is still found.
            let swapped = text.replace("| 21:15 |", "| 01:15 |");
            let (_, codes) = times_and_codes(&swapped);
            assert!(codes.contains(&"RS201"), "{a}: {codes:?}");
        }
    }

    #[test]
    fn a_zone_in_a_column_header_applies_to_the_column() {
        let text = "# Queue stall\n\nOn 2025-02-03 the queue stalled.\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 08:00 | Queue stalls |\n| 08:30 | Queue drains |\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-02-03 08:00 UTC", "08:30 UTC"]);
        assert!(!codes.contains(&"RS202"), "{codes:?}");
        // Without it, the times have no zone.
        let (_, codes) = times_and_codes(&text.replace("Time (UTC)", "Time"));
        assert!(codes.contains(&"RS202"), "{codes:?}");
    }

    #[test]
    fn two_clocks_side_by_side_read_the_utc_one_and_check_the_other() {
        // Berlin is on CEST in July: the local column's CET is the wrong season.
        let text = "# Cache flush\n\nOn 9 July 2025 the cache was flushed.\n\n## Timeline\n\n| Berlin (CET) | UTC | What |\n|---|---|---|\n| 14:00 | 12:00 | Flush starts |\n| 14:40 | 12:40 | Hit rate back |\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-07-09 12:00 UTC", "12:40 UTC"]);
        assert_eq!(
            codes.iter().filter(|c| **c == "RS203").count(),
            1,
            "{codes:?}"
        );
        let checked = check(text, Format::Markdown);
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "RS203")
            .expect("RS203");
        assert_eq!(d.span.slice(text), "CET");
        assert!(
            d.message.contains("as the times beside it show"),
            "{}",
            d.message
        );
        // The abbreviation of the season: nothing to say.
        let (_, codes) = times_and_codes(&text.replace("(CET)", "(CEST)"));
        assert!(!codes.contains(&"RS203"), "{codes:?}");
    }

    #[test]
    fn a_date_in_parentheses_after_the_time_dates_the_entry() {
        // A night that crosses midnight, each entry dated after its time; an entry
        // listed out of order stays out of order (no rollover hides it).
        let md = "# Backup overran\n\nDate: 2025-06-09. All times UTC.\n\n## Timeline\n\n- 23:20 (Jun 9) - backup starts late\n\
                  - 02:05 (Jun 10) - backup still running, disk at 90%\n- 00:40 (Jun 10) - first slow-query alert\n";
        let (times, codes) = times_and_codes(md);
        assert_eq!(
            times,
            [
                "2025-06-09 23:20 UTC",
                "2025-06-10 02:05 UTC",
                "2025-06-10 00:40 UTC"
            ]
        );
        assert!(!codes.contains(&"RS215"), "{codes:?}");
        assert!(codes.contains(&"RS201"), "{codes:?}");
        // Other words in parentheses after a time are the entry's text.
        let md = "# Backup overran\n\n## Timeline\n\n- 2025-06-09 23:20 backup starts\n- 23:40 (approx.) disk at 90%\n";
        let (times, _) = times_and_codes(md);
        assert_eq!(times, ["2025-06-09 23:20", "23:40"]);
    }

    #[test]
    fn start_and_end_labels_lead_dated_entries() {
        let milestones = |md: &str| {
            let checked = check(md, Format::Markdown);
            let Some(m) = checked.model else {
                return Vec::new();
            };
            let named: Vec<(String, String)> = m
                .timeline
                .iter()
                .map(|e| {
                    (
                        e.time.clone(),
                        e.milestone
                            .map(|m| m.as_str().to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            named
        };
        for (start, end) in [("Start:", "End:"), ("START:", "END:"), ("start:", "end:")] {
            let md = format!(
                "# Portal down\n\n## Timeline\n\nAll times UTC.\n\n{start} 2025/03/06 07:25 - alerts fire\n2025/03/06 07:50 - support told\n{end} 2025-03-06 08:30 - portal works again\n"
            );
            assert_eq!(
                milestones(&md),
                [
                    ("2025/03/06 07:25 UTC".to_string(), "started".to_string()),
                    ("2025/03/06 07:50 UTC".to_string(), String::new()),
                    ("2025-03-06 08:30 UTC".to_string(), "resolved".to_string()),
                ],
                "{md}"
            );
        }
        // Near misses: a label before no time, and a word that only starts like one.
        for line in [
            "Start: when the alerts fired",
            "Startup: 2025/03/06 07:25 - alerts fire",
        ] {
            let md = format!(
                "# Portal down\n\n## Timeline\n\nAll times UTC.\n\n2025/03/06 07:20 - deploy\n{line}\n2025/03/06 07:50 - support told\n"
            );
            assert!(
                milestones(&md).iter().all(|(_, m)| m != "started"),
                "{line}"
            );
        }
    }

    #[test]
    fn rows_of_a_restructuredtext_list_table_are_entries() {
        let rst = "Outage\n======\n\n:Date: 16 July 2025\n\nTimeline\n========\n\n.. list-table::\n   :header-rows: 1\n\n   * - Time (CEST)\n     - Event\n   * - 08:40\n     - Compaction starts.\n   * - 08:47\n     - Replication lag passes 300 s.\n";
        let (times, _) = times_and_codes(rst);
        assert_eq!(times, ["2025-07-16 08:40", "08:47"]);
    }

    #[test]
    fn offsets_from_a_stated_t0_are_times() {
        let md = "# Login errors\n\nDate: 2025-02-11\n\n## Timeline\n\nAll entries are relative to the deploy at 09:50 UTC.\n\n\
                  - T+0: deploy of build 4411\n- T+12m: login error rate at 7%\n- T + 1h5m: rollback finished\n";
        let (times, codes) = times_and_codes(md);
        assert_eq!(
            times,
            // The first entry takes the report's date; the next follow it.
            ["2025-02-11 09:50 UTC", "10:02 UTC", "10:55 UTC"]
        );
        assert!(!codes.contains(&"RS009"), "{codes:?}");
        // With no T0 stated, `T+` lines are not times (nothing to count from).
        let md = md.replace(
            "All entries are relative to the deploy at 09:50 UTC.",
            "Times below.",
        );
        let (times, _) = times_and_codes(&md);
        assert!(times.is_empty(), "{times:?}");
    }

    #[test]
    fn day_offsets_count_from_a_stated_d0() {
        let table = "# Export late\n\nIncident day (D0): Tuesday, 3 June 2025\nTimes are UTC, written as D0 / D+1.\n\n## Timeline\n\n\
                     | When | What |\n|---|---|\n| D0 23:10 | Export starts. |\n| D+1 02:40 | Export fails. |\n| D+1 01:05 | Small files uploaded. |\n";
        let (times, codes) = times_and_codes(table);
        assert_eq!(
            times,
            [
                "2025-06-03 23:10 UTC",
                "2025-06-04 02:40 UTC",
                "2025-06-04 01:05 UTC"
            ]
        );
        assert!(!codes.contains(&"RS206"), "{codes:?}");
        // The entry out of order is found now that it has its day.
        assert!(codes.contains(&"RS201"), "{codes:?}");
        let list = "# Export late\n\nIncident day (D0): 2025-06-03\n\n## Timeline\n\n- D0 23:10 export starts\n- D+1 00:20 export fails\n- D-1 18:00 a change lands\n";
        let (times, _) = times_and_codes(list);
        assert_eq!(
            times,
            ["2025-06-03 23:10", "2025-06-04 00:20", "2025-06-02 18:00"]
        );
        // No D0 named with a date: the offsets are not read as days.
        let (times, _) =
            times_and_codes(&list.replace("Incident day (D0): 2025-06-03", "Day one."));
        assert!(times.iter().all(|t| !t.starts_with("2025")), "{times:?}");
    }

    #[test]
    fn dotted_day_headings_take_the_year_of_a_dotted_title_date() {
        let text = "# Review: billing backlog, 14.03.2025 – 15.03.2025\n\n## Timeline\n\n### Fri 14.03.\n\n- 16:05 File rejected\n\n### Sat 15.03.\n\n- 07:45 Missing invoices noticed\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-03-14 16:05", "2025-03-15 07:45"]);
        assert!(!codes.contains(&"RS206"), "{codes:?}");
        // Without its closing dot, `15.03` may be a clock or a version: no day.
        let (times, _) = times_and_codes(&text.replace("### Sat 15.03.", "### Sat 15.03"));
        assert!(!times[1].starts_with("2025-03-15"), "{times:?}");
    }

    #[test]
    fn a_date_heading_without_its_year_takes_the_year_the_report_states() {
        // The year is only in a worded date of the overview, not an ISO one.
        let text = "# Slow graphs\n\nFrom Thursday 17 July 2025 the graphs lagged.\n\n## Timeline\n\n### Thursday 17 July\n\n- 14:30 Workaround applied\n\n### Friday 18 July\n\n- 07:00 Consumers added\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-07-17 14:30", "2025-07-18 07:00"]);
        assert!(!codes.contains(&"RS201"), "{codes:?}");
    }

    #[test]
    fn bold_times_start_entries() {
        let text = "# Login errors\n\nAll times UTC, 2025-03-04.\n\n## Timeline\n\n**09:40** Keys rotated.  \n**09:55** Errors begin.\n\n## Root cause\n\nA key.\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times.len(), 2, "{times:?}");
        assert!(times[0].starts_with("2025-03-04 09:40"), "{times:?}");
        assert!(!codes.contains(&"RS009"), "{codes:?}");
        let (times, _) = times_and_codes(&text.replace("**09:55**", "- **09:55 UTC** -"));
        assert_eq!(times.len(), 2, "{times:?}");
    }

    #[test]
    fn labelled_times_and_dates_in_words_are_entries() {
        let text = "# Payouts held\n\n## Timeline\n\n- Began: 2025-02-11 14:00 UTC\n- Ended: 2025-02-11 15:10 UTC\n- Last updated: 2025-02-12 09:00 UTC\n- Length: about an hour\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-02-11 14:00 UTC", "2025-02-11 15:10 UTC"]);
        // A note under a timeline as written is not an entry, and not a finding.
        assert!(!codes.contains(&"RS009"), "{codes:?}");
        let text = "# Dashboards empty\n\nOn 2 May 2025 the warehouse was upgraded.\n\n## Timeline\n\n- 4 May 09:10 UTC: upgrade starts\n- 09:20 UTC: charts empty\n";
        let (times, _) = times_and_codes(text);
        assert_eq!(times, ["2025-05-04 09:10 UTC", "2025-05-04 09:20 UTC"]);
    }

    #[test]
    fn a_time_left_to_be_decided_is_a_placeholder() {
        let text = "# Scanners offline\n\nAll times UTC, 2025-03-04.\n\n## Timeline\n\n- 06:05 first scanner offline\n- [time TBD] firmware pushed\n- 10:45 all scanners back\n";
        let (times, codes) = times_and_codes(text);
        // The entry is kept with its placeholder as its time (RS213 comes from
        // the time value), as in retrospec's own form.
        assert_eq!(times, ["2025-03-04 06:05 UTC", "[time TBD]", "10:45 UTC"]);
        assert!(codes.contains(&"RS213"), "{codes:?}");
    }

    #[test]
    fn code_times_and_a_zone_qualified_heading_are_a_timeline() {
        // A numbered list of times set as code under `Timeline (PT)`: the heading
        // names the section and its zone, the US generic zone resolves by date.
        let text = "# Upload failures\n\nDate: 2025-12-04\n\n## Timeline (PT)\n\n1. `08:12` Rollout reaches half the users\n2. **08:19** Error alert fires\n3. `not a time` note\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-12-04 08:12 PT", "08:19 PT"]);
        assert!(
            !codes.contains(&"RS202") && !codes.contains(&"RS204"),
            "{codes:?}"
        );
    }

    #[test]
    fn clocks_written_with_a_dot_lead_a_timeline_of_them() {
        let text = "# Top-ups failing\n\nDate: 9 October 2025. Times are UK time (BST).\n\n## Timeline\n\n\
                    14.05  Provider rotates its signing key.\n\
                    14.07  Failure alert fires; on-call\n       acknowledges.\n\
                    15.40  Queue replayed, failure rate back to normal.\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-10-09 14:05 BST", "14:07 BST", "15:40 BST"]);
        assert!(!codes.contains(&"RS202"), "{codes:?}");
    }

    #[test]
    fn dotted_numbers_that_are_not_clocks_lead_no_entry() {
        for lines in [
            // Section numbering, versions, dates, quantities.
            "2.1 Scope of the change.\n2.10 Background.\n2.11 Impact.\n",
            "1.14.05 rolled out.\n14.05 later the agents updated.\n14.07 and again.\n",
            "14.05.2025 deploy.\n15.05.2025 rollback.\n",
            "14.05% of requests failed.\n15.40 ms at the 99th percentile.\n",
            // One dotted number alone says nothing of the section.
            "14.05 Provider rotates its key.\nLater the alert fired.\n",
        ] {
            let text =
                format!("# Top-ups failing\n\nDate: 9 October 2025.\n\n## Timeline\n\n{lines}");
            let (times, _) = times_and_codes(&text);
            assert!(times.is_empty(), "{lines}: {times:?}");
        }
    }

    #[test]
    fn a_chat_pasted_as_a_quote_is_the_timeline_of_a_report_without_one() {
        let chat = "> **10:02** dana: starting the cleanup\n> **10:04** bot: check FAILED\n\
                    > **10:31** bot: check OK\n";
        let text = format!(
            "# Site blank\n\nDate: 21 August 2025, times in BST.\n\n## What we saw (from #web)\n\n{chat}\n## Why\n\nA profile default.\n"
        );
        let (times, _) = times_and_codes(&text);
        assert_eq!(times, ["2025-08-21 10:02 BST", "10:04 BST", "10:31 BST"]);
        // A quote with one time in it is a quote, not a timeline.
        let one = text
            .replace("> **10:04** bot", "> then bot")
            .replace("> **10:31** bot", "> and bot");
        assert!(times_and_codes(&one).0.is_empty());
        // A report with its own timeline keeps it; the quote is evidence.
        let own =
            format!("{text}\n## Timeline\n\n- 09:00 BST cleanup planned\n- 11:00 BST review\n");
        assert_eq!(
            times_and_codes(&own).0,
            ["2025-08-21 09:00 BST", "11:00 BST"]
        );
    }

    #[test]
    fn a_time_alone_in_brackets_leads_its_entry() {
        let text = "# Snapshots late\n\nOn 12 August 2025 snapshots ran late.\n\n## Timeline\n\n\
                    - (13:15EST) scheduler loses its lease\n- [14:55 EST] scheduler restarted\n\
                    - [time TBD] queue drained\n- (see the runbook) nothing else\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-08-12 13:15EST", "14:55 EST", "[time TBD]"]);
        // The placeholder is still one; a note in brackets is no time.
        assert!(codes.contains(&"RS213"), "{codes:?}");
        assert!(codes.contains(&"RS203"), "{codes:?}");
    }

    #[test]
    fn an_incident_that_began_and_ended_in_one_sentence_is_its_timeline() {
        let text = "Example Cloud Status\n\nIncident began at 2025-10-07 09:12 and ended at 2025-10-07 11:58 (all times are US/Pacific).\n\n\
                    ISSUE SUMMARY\n\nThe outage lasted 2 hours 16 minutes.\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(
            times,
            ["2025-10-07 09:12 US/Pacific", "2025-10-07 11:58 US/Pacific"]
        );
        assert!(codes.contains(&"RS208"), "{codes:?}");
        // Other subjects, or a time with more after it, are not the incident's window.
        for other in [
            text.replace("Incident began", "The backup began"),
            text.replace("at 2025-10-07 09:12 and", "at 2025-10-07 09:12 sharp and"),
        ] {
            assert!(times_and_codes(&other).0.is_empty(), "{other}");
        }
        // A report with a timeline keeps its own.
        let own = format!("{text}\n## Timeline\n\n- 09:00 deploy\n- 09:20 errors\n");
        assert_eq!(times_and_codes(&own).0.len(), 2);
        assert!(times_and_codes(&own).0[0].contains("09:00"));
    }

    /// A weekday before an entry's clock (`**Tues, 5:00pm:**`, `- Wed 02:43 -`,
    /// `**Weds, noon:**`) names its day: counted from the report's date for the
    /// first, then forward, so a day passes even where the clock does not go
    /// back. With no date in the report the weekday cannot be placed, and the
    /// entries are not read rather than read on the wrong days.
    #[test]
    fn a_weekday_before_the_clock_names_the_entrys_day() {
        let text = "# Storage outage on Wednesday, September 3, 2025\n\n## Timeline\n\nAll times are UTC.\n\n**Tues, 5:00pm:** Last good backup.\n\n**Weds, 2:43am:** The storage controller failed.\n\n**Weds, noon:** Systems back up.\n\n**Thurs, 1:00pm:** Email caught up.\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(
            times,
            [
                "2025-09-02 5:00pm UTC",
                "2025-09-03 2:43am UTC",
                "2025-09-03 noon UTC",
                "2025-09-04 1:00pm UTC"
            ],
            "{text}"
        );
        // Days named, so no rollover is inferred.
        assert!(!codes.contains(&"RS215"), "{codes:?}");
        let text = "# Queue outage, Monday 2 June 2025\n\n## Timeline\n\n- Mon 09:00 UTC - Queue stalls\n- Tue 10:30 UTC - Queue drained\n";
        let (times, _) = times_and_codes(text);
        assert_eq!(times, ["2025-06-02 09:00 UTC", "2025-06-03 10:30 UTC"]);
        // No date to count from: not read, and said once.
        let text = "# Queue outage\n\n## Timeline\n\n- Mon 09:00 UTC - Queue stalls\n- Tue 10:30 UTC - Queue drained\n";
        let (times, codes) = times_and_codes(text);
        assert!(times.is_empty(), "{times:?}");
        assert_eq!(
            codes.iter().filter(|c| **c == "RS206").count(),
            1,
            "{codes:?}"
        );
        let checked = check(text, Format::Markdown);
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "RS206")
            .expect("RS206");
        assert_eq!(d.span.slice(text), "Mon");
    }

    /// Wiki markup (held-out set 305-316): Confluence's `h2.` headings, its
    /// `||Time||Event||` table and `{code}` log; DokuWiki's `^ Date ^ Time ^`
    /// table with `:::` for the date above; an HTML table; and a document
    /// editor's escaped bullets under a bold heading.
    #[test]
    fn wiki_html_and_escaped_timelines_are_read() {
        let confluence = "h1. Stale positions\n\nOn 27 March 2025 the map froze.\n\nh2. Timeline\n\nAll times CET.\n\n||Time||Event||Who||\n|10:31|Deploy completes|CI|\n|10:42|Lag starts to grow|—|\n\n{code:title=consumer.log}\n2025-03-27 10:42:13 WARN rebalance\n\n2025-03-27 10:42:11 INFO commit\n{code}\n\nh2. Root cause\n\nA timeout.\n";
        let (times, codes) = times_and_codes(confluence);
        assert_eq!(times, ["2025-03-27 10:31 CET", "10:42 CET"], "{codes:?}");
        assert!(!codes.contains(&"RS201"), "{codes:?}");
        let doku = "====== NFS hang ======\n\nAll times CET.\n\n===== Timeline =====\n\n^ Date ^ Time ^ Event ^\n| Tue 2025-12-02 | 22:45 | Report starts |\n| ::: | 22:52 | Clients hang |\n| Wed 2025-12-03 | 01:05 | Rebooted |\n";
        let (times, _) = times_and_codes(doku);
        assert_eq!(times.len(), 3, "{times:?}");
        assert!(times[1].starts_with("2025-12-02 22:52"), "{times:?}");
        let html = "# Top-ups\n\nOn 2025-06-03 top-ups failed.\n\n## Timeline (HKT)\n\n<table>\n<thead><tr><th>Time</th><th>What happened</th></tr></thead>\n<tbody>\n<tr><td>09:02</td><td>Rotation runs.</td></tr>\n<tr><td>10:05</td><td>Key restored.</td></tr>\n<tr><td>09:57</td><td>Bank confirms.</td></tr>\n</tbody>\n</table>\n";
        let (times, codes) = times_and_codes(html);
        assert_eq!(times.len(), 3, "{times:?}");
        assert!(codes.contains(&"RS201"), "{codes:?}");
        let gdocs = "# **Widget outage**\n\nOn 2025-06-14 bookings failed.\n\n## **Timeline (all times EDT)**\n\n\\- 5:48 PM: Rollout starts.\n\n\\- 6:10 PM: Rollout reaches 100%.\n";
        let (times, _) = times_and_codes(gdocs);
        assert_eq!(times, ["2025-06-14 5:48 PM EDT", "6:10 PM EDT"]);
    }

    /// Sections numbered as a word processor's export lays them out, each item's
    /// text indented under its heading (`2. INCIDENT DETAILS`, `3. CHRONOLOGY`).
    #[test]
    fn numbered_sections_with_their_text_under_them() {
        let text = "MAJOR INCIDENT REPORT\n\nReport on 17 August 2025. All times BST.\n\n2. INCIDENT DETAILS\n\n   Start of incident: 16:20\n\n3. CHRONOLOGY\n\n   16:20   IVR stops answering.\n   16:47   Duty manager informs the control centre.\n\n4. ACTIONS\n\n   Alarm on zero calls.\n";
        let (times, _) = times_and_codes(text);
        assert_eq!(times, ["2025-08-17 16:20 BST", "16:47 BST"]);
    }

    /// `03/08/2025` under a subject that spells "March 8" is month first, and
    /// a row of a date alone (`03/12/2025   Permanent repair.`) is read so too.
    #[test]
    fn a_date_spelled_out_settles_slashed_rows() {
        let text = "Outage report\n\nSubject: loss of service, Saturday night March 8 into Sunday March 9, 2025\n\nTIMELINE\n\n   03/08/2025 23:40 CST   Fibers lost.\n   03/09/2025 04:55 CDT   Restored.\n   03/12/2025             Permanent repair.\n";
        let (times, codes) = times_and_codes(text);
        assert_eq!(times, ["2025-03-08 23:40 CST", "2025-03-09 04:55 CDT"]);
        assert!(!codes.contains(&"RS214"), "{codes:?}");
    }
}
