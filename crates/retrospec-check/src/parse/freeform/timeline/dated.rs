//! Entries led by a date: a slashed date read as the report itself dates the
//! incident, `01/07/2023 - 10:50 - text`, and `17 June 11:00 CEST: text`.

use jiff::civil::Date;

use crate::span::Span;
use crate::time;
use crate::time_diag::TimeErrorExt;

use super::Reader;
use super::leads::{approximate, time_mark};

impl Reader<'_, '_> {
    /// A slashed date with two readings (`01/07/2023 10:50`) at the start of `line`,
    /// read as the report itself dates the incident ([`Reader::reading`]). The time
    /// as it goes into the tree has the date as `YYYY-MM-DD`; `end` is where the time
    /// ends in `line` as written.
    pub(super) fn disambiguated(
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

    /// The day a slashed date (`01/07/2023`, year first `2025/03/06`) stands for: its one valid reading, or,
    /// when day-first and month-first are both dates, the one within a week of the
    /// first date the report states (its front matter's `date`, a date in its
    /// prose) when the other is not, or the one the report's other slashed dates
    /// settle (a first number above 12 says day first): the author's own dating, not a guess. `None`
    /// when that does not decide it (the ambiguity is then reported, RS214).
    pub(super) fn reading(&self, written: &str) -> Option<Date> {
        // `03-10-2021`: dashed, day and month in the order the slashed ones have.
        let dashed = !written.contains('/');
        let mut parts = written.split(if dashed { '-' } else { '/' });
        let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
        // `2025/03/06`: year first, then month and day, as ISO orders them.
        if !dashed
            && first.len() == 4
            && (1..=2).contains(&second.len())
            && (1..=2).contains(&year.len())
        {
            return Date::new(
                first.parse().ok()?,
                second.parse().ok()?,
                year.parse().ok()?,
            )
            .ok();
        }
        if parts.next().is_some()
            || !matches!(year.len(), 2 | 4)
            || first.len() > 2
            || second.len() > 2
        {
            return None;
        }
        // `6/4/25`: a two-digit year is this century's.
        let century = if year.len() == 2 { 2000 } else { 0 };
        let (first, second, year) = (
            first.parse::<i8>().ok()?,
            second.parse::<i8>().ok()?,
            century + year.parse::<i16>().ok()?,
        );
        let day_first = Date::new(year, second, first).ok();
        let month_first = Date::new(year, first, second).ok();
        match (day_first, month_first) {
            (Some(a), Some(b)) if a != b => {
                // The report's other slashed dates settle its order (`23/10/2025`
                // elsewhere: day first everywhere).
                let order = *self
                    .slashed
                    .get_or_init(|| super::super::date::report_slashed_order(self.text));
                if let Some(month_first) = order {
                    return Some(if month_first { b } else { a });
                }
                let (stated, _) = super::super::date::first_date(self.text)?;
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
    pub(super) fn dated_entry(&mut self, span: Span, open: bool) -> bool {
        let s = span.slice(self.text);
        let end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '/'))
            .unwrap_or(s.len());
        if s[..end].matches('/').count() != 2 {
            return self.worded_date_entry(span, open);
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

    /// `17 June 11:00 CEST: upgrade starts`, `Jun 17, 11:00 - ...`: a date in words,
    /// then an entry with its time. The date becomes the date line of the entries
    /// below. Only the first few words are tried as the date, at blanks.
    fn worded_date_entry(&mut self, span: Span, open: bool) -> bool {
        let s = span.slice(self.text);
        if !s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
            return false;
        }
        for (split, _) in s.match_indices(' ').take(4) {
            let rest = &s[split..];
            let sep = rest.len()
                - rest
                    .trim_start_matches([' ', '\t', '-', '\u{2013}', '\u{2014}', ',', ':'])
                    .len();
            let rest = &rest[sep..];
            // `Thursday 14 Aug, around 08:15: ...`: a word that makes the time
            // approximate stands between the date and the time.
            let approx = approximate(rest);
            let (sep, rest) = (sep + approx, &rest[approx..]);
            // `Feb 28th **01:52** ...`: the time set in bold or code after the day.
            let (_, timed) = time_mark(rest);
            if !timed.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || !matches!(time::scan_leading_time(timed), Ok(Some((p, _))) if p.date.is_none())
            {
                continue;
            }
            let prefix = s[..split].trim_end_matches([',', ':']);
            if let Some(date) = self.yearless_slashed(prefix) {
                self.date = Some(date);
                self.previous = None;
                self.line(Span::new(span.start + split + sep, span.end), open);
                return true;
            }
            if let Some(Ok(line)) = time::scan_date_line(prefix, self.year_hint(prefix)) {
                // A weekday the date does not fall on (RS216), when the year is
                // written: a year taken from the report could be the wrong one.
                if let Some(error) = line.weekday_mismatch.filter(|_| !line.year_inferred) {
                    self.diags.push(error.diagnostic(span.start));
                }
                self.date = Some(line.date);
                self.previous = None;
                self.line(Span::new(span.start + split + sep, span.end), open);
                return true;
            }
        }
        false
    }

    /// `Saturday 13/09`: a weekday and a day and month without a year, as a
    /// weekend's entries lead (`- Saturday 13/09, 21h10 : ...`). The year is the
    /// report's ([`Reader::year_hint`]); of the two orders, the one the weekday
    /// falls on, else the one the report's other slashed dates settle, else the one
    /// a number above 12 leaves. `None` when nothing decides.
    fn yearless_slashed(&self, prefix: &str) -> Option<Date> {
        let (weekday, numbers) = match prefix.split_once(' ') {
            Some((word, rest)) => (
                Some(time::weekday_from_name(word.trim_end_matches(','))?),
                rest.trim(),
            ),
            None => (None, prefix),
        };
        let (a, b) = numbers.split_once('/')?;
        if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
            return None;
        }
        let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
        let year = self.year_hint(prefix)?;
        let day_first = Date::new(year, b, a).ok();
        let month_first = Date::new(year, a, b).ok();
        let fits = |d: Option<Date>| d.filter(|d| weekday.is_none_or(|w| d.weekday() == w));
        match (fits(day_first), fits(month_first)) {
            (Some(x), Some(y)) if x != y => {
                let order = *self
                    .slashed
                    .get_or_init(|| super::super::date::report_slashed_order(self.text));
                order.map(|month_first| if month_first { y } else { x })
            }
            (Some(x), _) | (None, Some(x)) => Some(x),
            (None, None) => None,
        }
    }

    /// A date line that is a slashed date with two readings (`10/3/2025` alone on
    /// its line) in a report that also writes "Friday, October 3", or day-first
    /// `23/10/2025` elsewhere: its date as the report settles it
    /// ([`Reader::reading`]). `None` when it is no such line or nothing decides.
    pub(super) fn decided_date_line(&self, line: &str, hint: Option<i16>) -> Option<Date> {
        if !line.contains('/') && !line.contains('-') {
            return None;
        }
        let Some(Err(error)) = time::scan_date_line(line, hint) else {
            return self.leading_slashed_date(line);
        };
        if error.kind != time::TimeErrorKind::AmbiguousDate {
            return None;
        }
        self.reading(line.get(error.range.clone())?)
    }

    /// `03/12/2025   Permanent repair.`: a row that opens with a slashed date of
    /// two readings and has no time (the timeline's other rows have one), in a
    /// report that settles the order ([`Reader::reading`]): the date, read as
    /// the report dates it, not reported as ambiguous.
    fn leading_slashed_date(&self, line: &str) -> Option<Date> {
        let token = line.split_whitespace().next()?;
        let [Ok(a), Ok(b), Ok(_)] = token.split('/').map(str::parse::<u16>).collect::<Vec<_>>()[..]
        else {
            return None;
        };
        if a == b || !(1..=12).contains(&a) || !(1..=12).contains(&b) {
            return None;
        }
        self.reading(token)
    }

    /// [`Reader::decided_date_line`] at `span`: when it decides, the date dates the
    /// entries below, and `true`.
    pub(super) fn date_line_decided(&mut self, span: Span) -> bool {
        let text = span.slice(self.text);
        let Some(date) = self.decided_date_line(text, self.year_hint(text)) else {
            return false;
        };
        self.date = Some(date);
        self.previous = None;
        self.close();
        true
    }
}
