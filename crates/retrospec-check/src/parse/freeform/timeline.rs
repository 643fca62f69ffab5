//! Timelines as people write them, read into `timeline` entries whose `time` and
//! `text` spans point at the original text:
//!
//! - list items starting with a time, bold, as code or plain (`- **10:05 UTC** Deploy`,
//!   ``1. `08:12` Rollout``);
//! - lines of a paragraph starting with a time, and the lines after one that do
//!   not (a wrapped or multi-paragraph entry);
//! - headings that are a time (`### 10:05 UTC`), with the paragraphs and bullets
//!   under them as the entry's text;
//! - date lines and date headings (`June 10th, 2024:`, `### 2024-06-10`) giving
//!   the date of the times after them;
//! - tables with the time in any column (found by its header or by its cells) and
//!   optionally the date in another.
//!
//! Times are read with [`time::scan_leading_time`] and [`time::parse_time`], so the
//! time grammar is the one of the rest of retrospec.

use std::ops::Range;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::parse::markdown::{
    Block, collapse, first_line, item_content, normalise_heading, separator_len, seq,
    split_milestone, with_date,
};
use crate::span::Span;
use crate::time;
use crate::tree::{Entry, Node, Value};

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
}

/// Reads the blocks of a timeline section.
pub(crate) fn read(
    text: &str,
    blocks: &[Block],
    heading: Span,
    diags: &mut Vec<Diagnostic>,
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
                        let s = ["**", "`"]
                            .into_iter()
                            .find_map(|m| s.strip_prefix(m))
                            .unwrap_or(s);
                        super::blocks::starts_with_time(s) || time::parse_date_line(s).is_some()
                    });
                for content in contents {
                    r.line(content, false);
                }
            }
            Block::Table { rows } => r.table(rows),
            Block::Comment | Block::Other { .. } => {}
        }
    }
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
    fn lines(&mut self, range: Range<usize>) {
        let mut pos = range.start;
        for line in self.text[range.clone()].split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let span = Span::new(pos + lead, pos + content.trim_end().len().max(lead));
            pos += line.len();
            if !span.is_empty() {
                self.line(span, true);
            }
        }
    }

    /// One line or list item: a date line, an entry starting with a time, or more
    /// text for the entry above when it is open. `open`: whether lines after this
    /// entry continue it (paragraph lines and headings, not list items).
    fn line(&mut self, span: Span, open: bool) {
        let source = span.slice(self.text);
        // A time set off by emphasis or as code: `**10:05**`, `` `10:05` ``.
        let (marker, inner) = ["**", "`"]
            .into_iter()
            .find_map(|m| source.strip_prefix(m).map(|rest| (m, rest)))
            .unwrap_or(("", source));
        let bold = marker.len();
        let scanned = match time::scan_leading_time(inner) {
            Ok(Some((parsed, end))) => Ok(Some((parsed, end, inner[..end].to_string()))),
            Ok(None) => Ok(None),
            Err(error) if error.kind == time::TimeErrorKind::AmbiguousDate => {
                match self.disambiguated(inner, &error) {
                    Some(found) => Ok(Some(found)),
                    None if bold == 0 && self.dated_entry(span, open) => return,
                    None => Err(error),
                }
            }
            Err(error) => Err(error),
        };
        match scanned {
            Ok(Some((parsed, end, written))) => {
                let time = Span::new(span.start + bold, span.start + bold + end);
                let mut rest_start = time.end;
                let mut rest = &self.text[rest_start..span.end];
                if bold > 0 {
                    // `**10:05 UTC:**` or `**10:05** UTC`: the text starts after the bold.
                    if let Some(close) = rest.find(marker).filter(|c| rest[..*c].trim().len() <= 1)
                    {
                        rest_start += close + marker.len();
                        rest = &self.text[rest_start..span.end];
                    }
                }
                let text_start = rest_start + separator_len(rest);
                if parsed.date.is_none() {
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
                if bold == 0 && self.dated_entry(span, open) {
                    return;
                }
                if let Some(d) = self.date_line(span) {
                    self.date = Some(d);
                    self.close();
                } else if let Some(last) = self.entries.last_mut().filter(|l| l.open) {
                    last.text.push(span);
                } else if !open && self.timed_list {
                    // A list item of its own with no time: say so, as for retrospec's Markdown.
                    self.diags.push(
                        Diagnostic::new(&codes::MARKDOWN_ITEM, first_line(self.text, span), "this timeline item does not start with a time")
                            .with_help("start the item with a time and zone, for example `- 16:05 CEST Deploy starts`, or move the text out of the timeline"),
                    );
                }
            }
            Err(error) => {
                let at = Span::new(
                    span.start + bold + error.range.start,
                    span.start + bold + error.range.end,
                );
                let mut d = Diagnostic::new(error.code(), at, error.message);
                if let Some(help) = error.help {
                    d = d.with_help(help);
                }
                self.diags.push(d);
                self.close();
            }
        }
    }

    /// A slashed date with two readings (`01/07/2023 10:50`) at the start of `line`,
    /// read as the report itself dates the incident ([`Reader::reading`]). The time
    /// as it goes into the tree has the date as `YYYY-MM-DD`; `end` is where the time
    /// ends in `line` as written.
    fn disambiguated(
        &self,
        line: &str,
        error: &time::TimeError,
    ) -> Option<(time::ParsedTime, usize, String)> {
        let written = line.get(error.range.clone())?;
        let date = self.reading(written)?;
        let iso = date.to_string();
        let fixed = format!(
            "{}{iso}{}",
            &line[..error.range.start],
            &line[error.range.end..]
        );
        let (parsed, end) = time::scan_leading_time(&fixed).ok()??;
        let end_in_line = (end + written.len()).checked_sub(iso.len())?;
        Some((parsed, end_in_line, fixed[..end].to_string()))
    }

    /// The day a slashed date (`01/07/2023`) stands for: its one valid reading, or,
    /// when day-first and month-first are both dates, the one within a week of the
    /// first date the report states (its front matter's `date`, a date in its
    /// prose) when the other is not: the author's own dating, not a guess. `None`
    /// when that does not decide it (the ambiguity is then reported, RS214).
    fn reading(&self, written: &str) -> Option<Date> {
        let mut parts = written.split('/');
        let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || first.len() > 2 || second.len() > 2 {
            return None;
        }
        let (first, second, year) = (
            first.parse::<i8>().ok()?,
            second.parse::<i8>().ok()?,
            year.parse::<i16>().ok()?,
        );
        let day_first = Date::new(year, second, first).ok();
        let month_first = Date::new(year, first, second).ok();
        match (day_first, month_first) {
            (Some(a), Some(b)) if a != b => {
                let (stated, _) = super::date::first_date(self.text)?;
                let near = |d: Date| (d - stated).get_days().abs() <= 7;
                match (near(a), near(b)) {
                    (true, false) => Some(a),
                    (false, true) => Some(b),
                    _ => None,
                }
            }
            (Some(a), _) | (None, Some(a)) => Some(a),
            (None, None) => None,
        }
    }

    /// `01/07/2023 - 10:50 - Maintenance starts`: a slashed date, a separator, then
    /// an entry with its time. The date becomes the date line of the entries below
    /// and the rest of the line is read as an entry. `false` when the line is not of
    /// that shape or the date cannot be decided (then it is read as before).
    fn dated_entry(&mut self, span: Span, open: bool) -> bool {
        let s = span.slice(self.text);
        let end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '/'))
            .unwrap_or(s.len());
        if s[..end].matches('/').count() != 2 {
            return false;
        }
        let rest = &s[end..];
        let sep = rest.len()
            - rest
                .trim_start_matches([' ', '\t', '-', '\u{2013}', '\u{2014}', ',', ':'])
                .len();
        if sep == 0 || !matches!(time::scan_leading_time(&rest[sep..]), Ok(Some(_))) {
            return false;
        }
        let Some(date) = self.reading(&s[..end]) else {
            return false;
        };
        self.date = Some(date);
        self.previous = None;
        self.line(Span::new(span.start + end + sep, span.end), open);
        true
    }

    fn table(&mut self, rows: &[Vec<Range<usize>>]) {
        let Some((header, body)) = rows.split_first() else {
            return;
        };
        let names: Vec<String> = header
            .iter()
            .map(|r| normalise_heading(&self.text[r.clone()]))
            .collect();
        let cell = |row: &[Range<usize>], i: usize| {
            row.get(i)
                .map(|r| Span::new(r.start, r.end))
                .filter(|s| !s.slice(self.text).trim().is_empty())
        };
        let is_time = |s: &str| time::parse_time(s.trim()).is_ok();
        let columns = names.len();
        // The time column: named so, or the first whose cells are mostly times.
        let named_time = names.iter().position(|n| {
            n.contains("time") || n.contains("when") || n.contains("timestamp") || n == "utc"
        });
        let time_col = named_time.or_else(|| {
            (0..columns).find(|&c| {
                let times = body
                    .iter()
                    .filter(|row| cell(row, c).is_some_and(|s| is_time(s.slice(self.text))))
                    .count();
                times * 2 > body.len()
            })
        });
        let Some(time_col) = time_col else {
            return;
        };
        let section_zone = self.zone;
        if let Some(zone) = header
            .get(time_col)
            .and_then(|r| zone_in(&self.text[r.clone()]))
        {
            self.zone = Some(zone);
        }
        let date_col = names
            .iter()
            .enumerate()
            .position(|(i, n)| i != time_col && (n == "date" || n == "day"));
        let milestone_col = names.iter().position(|n| n.contains("milestone"));
        let text_col = names
            .iter()
            .enumerate()
            .position(|(i, n)| {
                i != time_col
                    && Some(i) != date_col
                    && [
                        "event",
                        "what",
                        "description",
                        "text",
                        "details",
                        "action",
                        "update",
                    ]
                    .iter()
                    .any(|w| n.contains(w))
            })
            .or_else(|| {
                // The widest other column.
                (0..columns)
                    .filter(|&i| i != time_col && Some(i) != date_col && Some(i) != milestone_col)
                    .max_by_key(|&i| {
                        body.iter()
                            .filter_map(|row| cell(row, i))
                            .map(|s| s.len())
                            .sum::<usize>()
                    })
            });
        for row in body {
            if let Some(d) = date_col
                .and_then(|c| cell(row, c))
                .and_then(|s| time::parse_date_line(s.slice(self.text).trim()))
            {
                self.date = Some(d);
            }
            let Some(time) = cell(row, time_col) else {
                continue;
            };
            let written = time.slice(self.text).trim();
            if let Some(d) = time::parse_date_line(written) {
                self.date = Some(d);
                continue;
            }
            match time::parse_time(written) {
                Ok(parsed) => {
                    let text = text_col
                        .and_then(|c| cell(row, c))
                        .unwrap_or(Span::empty(time.end));
                    let value = self.with_zone(
                        with_date(written, parsed.date.is_none(), self.date),
                        parsed.zone.is_none(),
                    );
                    // Only the five milestone names count, as in a trailing marker.
                    let milestone = milestone_col.and_then(|c| cell(row, c)).and_then(|m| {
                        let name = m.slice(self.text).trim().to_ascii_lowercase();
                        MILESTONES.contains(&name.as_str()).then_some((name, m))
                    });
                    self.entries.push(Building {
                        time,
                        value,
                        text: vec![text],
                        open: false,
                        milestone,
                    });
                }
                Err(error) => {
                    let mut d = Diagnostic::new(&codes::INVALID_TIME, time, error.message);
                    if let Some(help) = error.help {
                        d = d.with_help(help);
                    }
                    self.diags.push(d);
                }
            }
        }
        self.zone = section_zone;
    }

    /// A date line (`June 10th, 2024:`, `### Monday 3 March 2026`): its date, and a
    /// finding for an ambiguous slashed date or a weekday the date does not fall on,
    /// read as in retrospec's own Markdown (`time::scan_date_line`).
    fn date_line(&mut self, span: Span) -> Option<Date> {
        let text = span.slice(self.text);
        let hint = self
            .date
            .map(|d| d.year())
            .or_else(|| time::first_year(self.text));
        let report = |error: time::TimeError| {
            let at = Span::new(span.start + error.range.start, span.start + error.range.end);
            let mut d = Diagnostic::new(error.code(), at, error.message);
            if let Some(help) = error.help {
                d = d.with_help(help);
            }
            d
        };
        let found = match time::scan_date_line(text, hint)? {
            Ok(line) => {
                if let Some(error) = line.weekday_mismatch {
                    self.diags.push(report(error));
                }
                Some(line.date)
            }
            Err(error) => {
                self.diags.push(report(error));
                None
            }
        };
        self.previous = None;
        found
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
                    &crate::rules::midnight_rollover::MidnightRollover::INFO,
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
    fn with_zone(&self, value: String, zoneless: bool) -> String {
        match (zoneless, self.zone) {
            (true, Some(zone)) => format!("{value} {zone}"),
            _ => value,
        }
    }
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
    let joined = b
        .text
        .iter()
        .map(|s| collapse(s.slice(text).trim()))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
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

#[cfg(test)]
mod tests {
    use crate::{Format, check};

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

    #[test]
    fn a_slashed_date_nothing_decides_is_still_ambiguous() {
        let text = "# Cloud outage\n\n## Timeline\n\n- 01/07/2023 - 10:50 - Maintenance starts\n";
        let (times, codes) = times_and_codes(text);
        assert!(times.is_empty(), "{times:?}");
        assert!(codes.contains(&"RS214"), "{codes:?}");
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
}
