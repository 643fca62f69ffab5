//! Timelines in tables: the time in any column (found by its header or by its
//! cells), an optional date column, a zone or date named in a column's header,
//! two clocks side by side (the UTC one read, the other's abbreviation checked
//! against the season), and a milestone column.

use std::ops::Range;

use jiff::civil::Date;

use super::{Building, MILESTONES, Reader};
use crate::diagnostic::Diagnostic;
use crate::parse::markdown::{EVENT_WORDS, Table, with_date};
use crate::span::Span;
use crate::time;

/// The other clock of a row of a table with two clocks side by side (`| UTC |
/// Sydney (AEST) |`): the span of the row's time cell (the entry's time), the
/// span of the local cell, and that clock with its header's abbreviation
/// (`06:00 AEST`). `retrospec import` writes it beside the entry's text, so the
/// canonical report keeps what the season check judged (RS203).
pub(crate) type SecondClock = (Span, Span, String);

impl Reader<'_, '_> {
    pub(super) fn table(&mut self, rows: &[Vec<Range<usize>>]) {
        let Some(table) = Table::read(self.text, rows) else {
            return;
        };
        let (header, body) = (table.header, table.body);
        let cell = |row: &[Range<usize>], i: usize| {
            row.get(i)
                .map(|r| Span::new(r.start, r.end))
                .filter(|s| !s.slice(self.text).trim().is_empty())
        };
        let is_time = |s: &str| time::parse_time(dated_cell(unmarked(s.trim())).1).is_ok();
        let columns = table.names.len();
        let mostly_times = |c: usize| {
            let times = body
                .iter()
                .filter(|row| cell(row, c).is_some_and(|s| is_time(s.slice(self.text))))
                .count();
            times * 2 > body.len()
        };
        let header_zones: Vec<Option<(&str, Span)>> = header
            .iter()
            .map(|r| header_zone(self.text, Span::new(r.start, r.end)))
            .collect();
        // The time column: with two clocks side by side (`| UTC | Sydney (AEST) |`),
        // the one in UTC, whose reading does not depend on a season; else one named
        // so, or the first whose cells are mostly times.
        let utc_col = (0..columns).find(|&c| {
            header_zones
                .get(c)
                .copied()
                .flatten()
                .is_some_and(|(z, _)| matches!(z, "UTC" | "GMT"))
                && mostly_times(c)
        });
        let named_time = table.column(|_, n| {
            n.contains("time") || n.contains("when") || n.contains("timestamp") || n == "utc"
        });
        let time_col = utc_col
            .or(named_time)
            .or_else(|| (0..columns).find(|&c| mostly_times(c)));
        let Some(time_col) = time_col else {
            return;
        };
        let section_zone = self.zone;
        if let Some((zone, _)) = header_zones.get(time_col).copied().flatten() {
            self.zone = Some(zone);
        }
        // A date in the time column's header (`UTC (13 Jan)`) dates its times.
        if let Some(d) = header
            .get(time_col)
            .and_then(|r| header_date(&self.text[r.clone()], self.date, self.text))
        {
            self.date = Some(d);
        }
        // The other clock: an abbreviation that does not fit the season (RS203).
        let local = (0..columns).find(|&c| {
            c != time_col
                && mostly_times(c)
                && header_zones
                    .get(c)
                    .copied()
                    .flatten()
                    .is_some_and(|(z, _)| time::abbreviation(z).is_some())
        });
        // Its date: the table's, else the first the report states (a season check).
        let date = self
            .date
            .or_else(|| super::super::date::first_date(self.text).map(|(d, _)| d));
        if let (Some(local), Some(utc), Some(date)) = (local, utc_col, date)
            && utc == time_col
            && let Some((name, at)) = header_zones.get(local).copied().flatten()
        {
            self.local_column_season(body, (time_col, local), (name, at), date);
        }
        let date_col = table.column(|i, n| i != time_col && (n == "date" || n == "day"));
        let milestone_col = table.column(|_, n| n.contains("milestone"));
        let text_col = table
            .column(|i, n| {
                i != time_col
                    && Some(i) != date_col
                    && (EVENT_WORDS.iter().any(|w| n.contains(w)) || n.contains("update"))
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
        // `13.50`: a time column of dotted clocks, as much of Europe writes them
        // ([`super::dotted`]).
        let dotted = super::dotted::column_reads(
            body.iter()
                .filter_map(|row| cell(row, time_col))
                .map(|s| unmarked(s.slice(self.text).trim())),
        );
        for row in body {
            if let Some(d) = date_col
                .and_then(|c| cell(row, c))
                .and_then(|s| self.date_cell(s.slice(self.text).trim()))
            {
                self.date = Some(d);
            }
            let Some(time) = cell(row, time_col) else {
                continue;
            };
            let written = unmarked(time.slice(self.text).trim());
            let colons = dotted.then(|| super::dotted::cell(written)).flatten();
            let written = colons.as_deref().unwrap_or(written);
            // `Apr 25, 00:09:32Z`: a day without its year before the clock dates it
            // and the rows below, as a Date column would.
            let (day, clock) = dated_cell(written);
            let written = match day.and_then(|d| self.date_cell(d)) {
                Some(d) => {
                    self.date = Some(d);
                    clock
                }
                None => written,
            };
            // `D+1 01:15`: the day counted from the stated D0.
            let by_d0 = self
                .d0
                .and_then(|d0| super::super::offset::dated_by_d0(d0, written));
            let written = by_d0.as_deref().unwrap_or(written);
            // `14:05 (UTC)`: a zone in parentheses after the time is its zone.
            let bare = zone_in_parens(written);
            let written = bare.as_deref().unwrap_or(written);
            if let Some(d) = time::parse_date_line(written) {
                self.date = Some(d);
                continue;
            }
            // `Between 2023-07-10 to 2023-07-16`: a span of days whose moment is not
            // known is no time to check, nor a day the rows below are on.
            if day_span(written) {
                continue;
            }
            // `02/11/2025 22:00`: a slashed date the report's dating settles is
            // read as that day ([`Reader::reading`]).
            let settled = match time::parse_time(written) {
                Err(e) if e.kind == time::TimeErrorKind::AmbiguousDate => written
                    .get(e.range.clone())
                    .and_then(|w| self.reading(w))
                    .map(|d| {
                        format!(
                            "{}{d}{}",
                            &written[..e.range.start],
                            &written[e.range.end..]
                        )
                    }),
                _ => None,
            };
            let written = settled.as_deref().unwrap_or(written);
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
                    if let Some(second) =
                        local.and_then(|c| self.second_clock(row, c, &header_zones))
                    {
                        self.second_clocks.push((time, second.0, second.1));
                    }
                    self.entries.push(Building {
                        time,
                        value,
                        text: vec![text],
                        open: false,
                        milestone,
                    });
                }
                Err(error) => {
                    let mut d = Diagnostic::new(&crate::codes::INVALID_TIME, time, error.message);
                    if let Some(help) = error.help {
                        d = d.with_help(help);
                    }
                    self.diags.push(d);
                }
            }
        }
        self.zone = section_zone;
    }

    /// The day a Date column's cell names: `2025-03-10`, `10 March 2025`, and
    /// written without its year (`Mon 10 Mar`, `10/03`) the year of the row above or
    /// of the report's date; a yearless slashed day in the order the report's
    /// slashed dates settle, and left unread when nothing settles it.
    fn date_cell(&self, written: &str) -> Option<Date> {
        if written.is_empty() {
            return None;
        }
        if let Some(d) = time::parse_date_line(written) {
            return Some(d);
        }
        let hint = self.year_hint(written);
        if let Some(Ok(line)) = time::scan_date_line(written, hint) {
            return Some(line.date);
        }
        let (a, b) = written.split_once('/')?;
        let number = |s: &str| {
            (matches!(s.len(), 1 | 2) && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<i8>().ok())
                .flatten()
        };
        let (a, b) = (number(a)?, number(b)?);
        let year = hint?;
        let month_first = *self
            .slashed
            .get_or_init(|| super::super::date::report_slashed_order(self.text));
        let (month, day) = match month_first {
            Some(true) => (a, b),
            Some(false) => (b, a),
            None if a > 12 => (b, a),
            None if b > 12 => (a, b),
            None => return None,
        };
        Date::new(year, month, day).ok()
    }

    /// The local clock of `row` in the column `local` with its header's
    /// abbreviation (`06:00 AEST`), for [`SecondClock`]: an abbreviation of
    /// one season (the ones RS203 judges) and a clock without date or zone.
    fn second_clock(
        &self,
        row: &[Range<usize>],
        local: usize,
        header_zones: &[Option<(&str, Span)>],
    ) -> Option<(Span, String)> {
        let (zone, _) = header_zones.get(local).copied().flatten()?;
        time::abbreviation(zone).filter(|a| a.counterpart.is_some())?;
        let range = row.get(local)?;
        let clock = self.text[range.clone()].trim();
        time::parse_time(clock)
            .ok()
            .filter(|p| p.date.is_none() && p.zone.is_none())?;
        let start = range.start + self.text[range.clone()].find(clock)?;
        Some((
            Span::new(start, start + clock.len()),
            format!("{clock} {zone}"),
        ))
    }

    /// A table with a UTC column beside a local one (`| UTC | Sydney (AEST) |`): when
    /// the local column's abbreviation is not the one its region used on the table's
    /// first row, one RS203 at the header, with the offset the rows themselves show.
    fn local_column_season(
        &mut self,
        body: &[Vec<Range<usize>>],
        (utc, local): (usize, usize),
        (name, at): (&str, Span),
        date: Date,
    ) {
        let Some(abbr) = time::abbreviation(name) else {
            return;
        };
        let Some(row) = body
            .iter()
            .find(|row| row.get(utc).is_some() && row.get(local).is_some())
        else {
            return;
        };
        let clock = |r: &Range<usize>| {
            time::parse_time(self.text[r.clone()].trim())
                .ok()
                .filter(|p| p.date.is_none() && p.zone.is_none())
                .map(|p| p.time)
        };
        let (Some(utc_clock), Some(local_clock)) = (clock(&row[utc]), clock(&row[local])) else {
            return;
        };
        let Ok(tz) = jiff::tz::TimeZone::get(abbr.region) else {
            return;
        };
        let Ok(instant) = date
            .to_datetime(utc_clock)
            .to_zoned(jiff::tz::TimeZone::UTC)
        else {
            return;
        };
        let info = tz.to_offset_info(instant.timestamp());
        // The day on the local clocks, which the message names.
        let date = instant.timestamp().to_zoned(tz.clone()).date();
        let in_use = info.offset();
        if in_use == abbr.offset() {
            return;
        }
        // What the rows say: the local clock minus the UTC one, within a day.
        let shown = utc_clock
            .duration_until(local_clock)
            .as_secs()
            .rem_euclid(86_400);
        // UTC offsets run from -12:00 to +14:00.
        let shown = if shown > 14 * 3600 {
            shown - 86_400
        } else {
            shown
        };
        let rows_agree = i64::from(in_use.seconds()) == shown;
        let in_use_name = info.abbreviation().to_string();
        let mut message = format!(
            "{name} (UTC{}) is not in use on {date} in {}: clocks there showed {in_use_name} (UTC{})",
            time::format_offset(abbr.offset()),
            abbr.region,
            time::format_offset(in_use),
        );
        if rows_agree {
            message.push_str(crate::rules::zone_season::AS_SHOWN);
        }
        let replacement = if in_use_name.chars().all(|c| c.is_ascii_alphabetic()) {
            in_use_name
        } else {
            time::format_offset(in_use)
        };
        self.diags.push(
            Diagnostic::new(&crate::rules::zone_season::ZoneSeason::INFO, at, message)
                .with_help(format!("write `{replacement}` in the column's header"))
                .with_fix(crate::diagnostic::Fix {
                    message: format!("replace `{name}` with `{replacement}`"),
                    edits: vec![crate::diagnostic::Edit {
                        span: at,
                        replacement,
                    }],
                    safe: true,
                }),
        );
    }
}

/// The zone a table column's header names: `UTC`, `Time (UTC)`, `UTC (13 Jan)`,
/// `Sydney (AEST)`, `Time (PT)`: the first word in capitals that is `UTC`, `GMT`, a
/// US generic name or a known abbreviation, with where it is.
/// A cell's words without the emphasis or code marks around them (`**00:37Z**`,
/// `` `08:12` ``, `*09:03*`): a time set in bold is the same time.
fn unmarked(written: &str) -> &str {
    for mark in ["**", "__", "`", "*", "_"] {
        if let Some(inner) = written
            .strip_prefix(mark)
            .and_then(|w| w.strip_suffix(mark))
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            return inner;
        }
    }
    written
}

/// Whether a time cell names a span of days and no clock (`Between 2023-07-10 to
/// 2023-07-16`, `2023-07-10 – 2023-07-16`, `from 10 July 2023 until 16 July 2023`):
/// when within it something happened is not known.
fn day_span(written: &str) -> bool {
    let lower = written.to_ascii_lowercase();
    let mut rest = lower.trim();
    for lead in ["sometime ", "some time ", "between ", "from "] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r.trim_start();
        }
    }
    [
        " to ",
        " and ",
        " until ",
        " through ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        "\u{2013}",
    ]
    .iter()
    .find_map(|sep| rest.split_once(sep))
    .is_some_and(|(from, to)| {
        time::parse_date_line(from.trim()).is_some() && time::parse_date_line(to.trim()).is_some()
    })
}

/// A cell written `<day>, <clock>` (`Apr 25, 00:09:32Z`, `Mon 3 Mar, 22:10`):
/// the day's words and the clock. Any other cell is all clock.
fn dated_cell(written: &str) -> (Option<&str>, &str) {
    match written.rsplit_once(", ") {
        Some((day, clock))
            if day.bytes().any(|b| b.is_ascii_alphabetic())
                && clock.bytes().next().is_some_and(|b| b.is_ascii_digit()) =>
        {
            (Some(day.trim()), clock.trim())
        }
        _ => (None, written),
    }
}

fn header_zone(text: &str, cell: Span) -> Option<(&str, Span)> {
    let s = cell.slice(text);
    let mut pos = 0;
    for word in s.split_inclusive(|c: char| !c.is_ascii_alphanumeric()) {
        let w = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        let at = cell.start + pos;
        pos += word.len();
        if w.is_empty() || w.len() > 5 || !w.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Both names of a region (`Time (CET/CEST)`): its clock, either season.
        if let Some(abbr) = time::abbreviation(w)
            && let Some(other) = abbr.counterpart
            && text[at + w.len()..].starts_with('/')
            && text[at + w.len() + 1..].starts_with(other)
        {
            return Some((abbr.region, Span::new(at, at + w.len() + 1 + other.len())));
        }
        // The US generic names (`Time (PT)`) name their region's clock in either season.
        if matches!(w, "UTC" | "GMT" | "ET" | "CT" | "MT" | "PT") || time::abbreviation(w).is_some()
        {
            return Some((&text[at..at + w.len()], Span::new(at, at + w.len())));
        }
    }
    // A zone in parentheses written otherwise: `Time (utc)`, `Time (US/Pacific)`,
    // `Time (Paris time)`, `Time (local time in Singapore)`; the words before the
    // zone ("local time in") are dropped one by one until what is left reads as
    // one zone.
    let open = s.find('(')?;
    let close = open + s[open..].find(')')?;
    let inner = &s[open + 1..close];
    let zone = super::super::zone::zone_words(inner)?;
    let at = cell.start + open + 1 + inner.rfind(zone)?;
    Some((&text[at..at + zone.len()], Span::new(at, at + zone.len())))
}

/// A time cell with its zone in parentheses (`14:05 (UTC)`, `2:05 PM (PDT)`)
/// written as the time grammar reads it (`14:05 UTC`), when only that way it
/// reads as a time with a zone.
fn zone_in_parens(written: &str) -> Option<String> {
    let head = written.strip_suffix(')')?;
    let (time, zone) = head.rsplit_once('(')?;
    if time::parse_time(written).is_ok() {
        return None;
    }
    let zone = super::super::zone::zone_words(zone)?;
    let bare = format!("{} {zone}", time.trim_end());
    time::parse_time(&bare)
        .is_ok_and(|p| p.zone.is_some())
        .then_some(bare)
}

/// A date in parentheses in a time column's header: `UTC (13 Jan)`, `Time (2025-01-13)`.
fn header_date(header: &str, current: Option<Date>, text: &str) -> Option<Date> {
    let open = header.find('(')?;
    let inner = header[open + 1..].split(')').next()?.trim();
    if !inner.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let hint =
        super::super::date::Dating::of(text).year_for(text, inner, current.map(|d| d.year()));
    time::scan_date_line(inner, hint)?
        .ok()
        .map(|line| line.date)
}

#[cfg(test)]
mod tests {
    fn zone_codes(text: &str) -> Vec<&'static str> {
        crate::check(text, crate::Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| *c == "RS202")
            .collect()
    }

    /// A US generic name in the time column's header (`Time (PT)`) gives the
    /// column its zone, as an abbreviation there does; a header that names none
    /// leaves the times without one.
    #[test]
    fn a_us_generic_name_in_the_header_zones_the_column() {
        for header in [
            "Time (PT)",
            "PT",
            "Time (ET)",
            "When (CT)",
            "Time (MT)",
            "Time (PST)",
        ] {
            let text = format!(
                "# Outage\n\n- **Date:** Mar 18, 2025\n\n## Timeline\n\n| {header} | Event |\n|---|---|\n\
                 | 9:02 PM | Rollout completes. |\n| 10:14 PM | Rollback complete. |\n"
            );
            assert!(zone_codes(&text).is_empty(), "{header}");
        }
        for header in ["Time", "Time (local)", "Time (Pt)"] {
            let text = format!(
                "# Outage\n\n- **Date:** Mar 18, 2025\n\n## Timeline\n\n| {header} | Event |\n|---|---|\n\
                 | 9:02 PM | Rollout completes. |\n| 10:14 PM | Rollback complete. |\n"
            );
            assert_eq!(zone_codes(&text), ["RS202"], "{header}");
        }
    }

    /// A row whose time cell is a span of days (`Between 2023-07-10 to
    /// 2023-07-16`) says the moment is not known: no time to read, no error; a cell
    /// that is neither a time nor such a span still is one.
    #[test]
    fn a_span_of_days_in_the_time_column_is_no_time_error() {
        let table = |cell: &str| {
            format!(
                "# Cache open to the internet at Brindle Post\n\n## Timeline\n\n\
                 | Date/Time (UTC) | Event |\n|---|---|\n\
                 | 2023-07-09 19:16 | Host updated; its firewall did not come back. |\n\
                 | {cell} | An outside host became the cache's primary. |\n\
                 | 2023-07-16 10:45 | Engineer sees read-only errors. |\n\
                 | 2023-07-16 11:17 | Firewall re-enabled. |\n"
            )
        };
        for cell in [
            "Between 2023-07-10 to 2023-07-16",
            "2023-07-10 \u{2013} 2023-07-16",
            "from 10 July 2023 until 16 July 2023",
        ] {
            let checked = crate::check(&table(cell), crate::Format::Markdown);
            let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
            assert!(!codes.contains(&"RS206"), "{cell}: {codes:?}");
            assert_eq!(checked.model.expect("a model").timeline.len(), 3, "{cell}");
        }
        let checked = crate::check(&table("Between deploys"), crate::Format::Markdown);
        assert!(checked.diagnostics.iter().any(|d| d.code == "RS206"));
    }

    /// Bold or code time cells, and cells that carry a day without its year before
    /// the clock (`Apr 25, 00:09:32Z`), are the table's times; the day dates the
    /// rows below it.
    #[test]
    fn marked_and_dated_time_cells_are_times() {
        let text = "# Endpoints failing\n\nOn 24 April 2025 every list call failed.\n\n## Timeline\n\n\
                    | Time (UTC) | Event |\n|---|---|\n\
                    | **Apr 24, 23:50:25Z** | **New image rolled out; every call fails** |\n\
                    | 23:55Z | Second tag rolled; same errors |\n\
                    | Apr 25, 00:09:32Z | Patch pushed; errors continue |\n\
                    | **00:37Z** | **Alert fires** |\n\
                    | `00:48Z` | Rollback; errors clear |\n";
        let checked = crate::check(text, crate::Format::Markdown);
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            !codes.contains(&"RS206") && !codes.contains(&"RS201"),
            "{codes:?}"
        );
        let model = checked.model.expect("a model");
        assert_eq!(model.timeline.len(), 5, "{:?}", model.timeline);
        let days: Vec<String> = model
            .timeline
            .iter()
            .map(|e| e.time.to_string()[..10].to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2025-04-24",
                "2025-04-24",
                "2025-04-25",
                "2025-04-25",
                "2025-04-25"
            ]
        );
    }
}
