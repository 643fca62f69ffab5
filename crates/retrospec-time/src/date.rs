//! Dates: `YYYY-MM-DD`, slashed dates read only when one reading is a date, and
//! date lines (a heading or a line of its own: `June 10th, 2024`, `Tuesday 3
//! March`), with the year hint and the weekday check; a slashed date line with two
//! readings is read when the weekday written before it falls on only one
//! (`Tuesday 10/7/25`).

use std::ops::Range;

use jiff::civil::Date;

use crate::lex::{byte, count_digits, digits_value, is_word_byte, small};
use crate::{TimeError, TimeErrorKind};

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date from numbers when it exists, as [`make_date`] decides it, without
/// writing the reason it does not (for readers that try many tokens).
pub(crate) fn date_of(year: u32, month: u32, day: u32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Date::new(year, small(month), small(day)).ok()
}

/// Builds a date from numbers, explaining what is wrong when it is invalid.
pub(crate) fn make_date(year: u32, month: u32, day: u32) -> Result<Date, String> {
    let Ok(y) = i16::try_from(year) else {
        return Err(format!("year {year} is out of range"));
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "month {month:02} does not exist (months are 01-12)"
        ));
    }
    let first = Date::new(y, small(month), 1).map_err(|e| format!("invalid date: {e}"))?;
    let days = u32::try_from(first.days_in_month()).unwrap_or(31);
    if day == 0 || day > days {
        let name = MONTH_NAMES.get(month as usize - 1).copied().unwrap_or("");
        return Err(format!(
            "day {day:02} does not exist: {name} {year} has {days} days"
        ));
    }
    Date::new(y, small(month), small(day)).map_err(|e| format!("invalid date: {e}"))
}

/// `YYYY-MM-DD` at `pos`, not followed by a digit: (year, month, day, end).
pub(crate) fn scan_iso_date_raw(b: &[u8], pos: usize) -> Option<(u32, u32, u32, usize)> {
    if count_digits(b, pos) != 4
        || byte(b, pos + 4) != Some(b'-')
        || count_digits(b, pos + 5) != 2
        || byte(b, pos + 7) != Some(b'-')
        || count_digits(b, pos + 8) != 2
    {
        return None;
    }
    Some((
        digits_value(b, pos..pos + 4),
        digits_value(b, pos + 5..pos + 7),
        digits_value(b, pos + 8..pos + 10),
        pos + 10,
    ))
}

/// `YYYY/MM/DD` (`2025/03/06`, `2025/3/6`) at `pos`, not followed by `/` or a word
/// character: (year, month, day, end). Year first has one reading.
pub(crate) fn scan_year_first_slashed(b: &[u8], pos: usize) -> Option<(u32, u32, u32, usize)> {
    if count_digits(b, pos) != 4 || byte(b, pos + 4) != Some(b'/') {
        return None;
    }
    let p2 = pos + 5;
    let n2 = count_digits(b, p2);
    if !(1..=2).contains(&n2) || byte(b, p2 + n2) != Some(b'/') {
        return None;
    }
    let p3 = p2 + n2 + 1;
    let n3 = count_digits(b, p3);
    let end = p3 + n3;
    if !(1..=2).contains(&n3) || byte(b, end) == Some(b'/') || is_word_byte(byte(b, end)) {
        return None;
    }
    Some((
        digits_value(b, pos..pos + 4),
        digits_value(b, p2..p2 + n2),
        digits_value(b, p3..end),
        end,
    ))
}

/// Parses `YYYY-MM-DD` exactly (no surrounding whitespace).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let (y, m, d, end) = scan_iso_date_raw(b, 0)?;
    if end != b.len() {
        return None;
    }
    make_date(y, m, d).ok()
}

/// `N/N/YY` or `N/N/YYYY` at `pos`: (first, second, year, end).
pub(crate) fn scan_slashed_date(b: &[u8], pos: usize) -> Option<(u32, u32, u32, usize)> {
    let n1 = count_digits(b, pos);
    if !(1..=2).contains(&n1) || byte(b, pos + n1) != Some(b'/') {
        return None;
    }
    let p2 = pos + n1 + 1;
    let n2 = count_digits(b, p2);
    if !(1..=2).contains(&n2) || byte(b, p2 + n2) != Some(b'/') {
        return None;
    }
    let p3 = p2 + n2 + 1;
    let n3 = count_digits(b, p3);
    if n3 != 2 && n3 != 4 {
        return None;
    }
    let end = p3 + n3;
    if byte(b, end) == Some(b'/') || is_word_byte(byte(b, end)) {
        return None;
    }
    let mut year = digits_value(b, p3..end);
    if n3 == 2 {
        year += 2000;
    }
    Some((
        digits_value(b, pos..pos + n1),
        digits_value(b, p2..p2 + n2),
        year,
        end,
    ))
}

/// `N-N-YYYY` as a whole token (`29-09-2021`, `03-10-2021`), read as a date line
/// reads `N/N/YYYY`: (first, second, year, end). The year is four digits, so a
/// range of numbers (`3-5`) or a version is never one.
fn dashed_date(tok: &str) -> Option<(u32, u32, u32, usize)> {
    let mut parts = tok.split('-');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(a, 1..=2) || !digits(b, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?, tok.len()))
}

fn describe_date(d: Date) -> String {
    let name = MONTH_NAMES
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", d.day(), name, d.year())
}

/// Reads a slashed date (`31/01/2024`, `01/31/2024`). It is a date only when
/// one reading is valid, or both readings are the same day (`05/05/2024`);
/// two different valid readings are an [`TimeErrorKind::AmbiguousDate`]
/// error naming both, never a guess.
pub(crate) fn slashed_date(
    s: &str,
    first: u32,
    second: u32,
    year: u32,
    range: Range<usize>,
) -> Result<Date, TimeError> {
    let text = s.get(range.clone()).unwrap_or("");
    let day_first = make_date(year, second, first).ok();
    let month_first = make_date(year, first, second).ok();
    match (day_first, month_first) {
        (Some(a), Some(b)) if a != b => Err(TimeError::new(
            format!(
                "ambiguous date `{text}`: it could be {} (day first) or {} (month first)",
                describe_date(a),
                describe_date(b)
            ),
            range,
        )
        .with_help(format!(
            "write the date as YYYY-MM-DD: {a} for {}, {b} for {}",
            describe_date(a),
            describe_date(b)
        ))
        .of_kind(TimeErrorKind::AmbiguousDate)),
        (Some(a), _) | (None, Some(a)) => Ok(a),
        (None, None) => Err(TimeError::new(
            format!("invalid date `{text}`: neither day/month/year nor month/day/year is a date"),
            range,
        )
        .with_help("write the date as YYYY-MM-DD")),
    }
}

/// The month a name (`March`, `Mar`, `Mar.`, `Sept`) stands for, 1-12, in any case.
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word).as_bytes();
    // A month's name is 3 to 9 ASCII letters whose first is one of `jfmasond`:
    // most words of a sentence end here, without a pass over the table.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    if w.eq_ignore_ascii_case(b"sept") {
        return Some(9);
    }
    MONTH_NAMES.iter().zip(1..).find_map(|(name, n)| {
        let name = name.as_bytes();
        (w.eq_ignore_ascii_case(name) || (w.len() == 3 && w.eq_ignore_ascii_case(&name[..3])))
            .then_some(n)
    })
}

/// The weekday a name (`Tuesday`, `Tue`, `Tues.`) stands for.
pub fn weekday_from_name(word: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday;
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    const SHORT: [(&str, Weekday); 5] = [
        ("tues", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thur", Weekday::Thursday),
        ("thurs", Weekday::Thursday),
        ("weds", Weekday::Wednesday),
    ];
    let w = word.strip_suffix('.').unwrap_or(word).as_bytes();
    // A weekday's name is 3 to 9 ASCII letters whose first is one of `mtwfs`.
    if !(3..=9).contains(&w.len())
        || !matches!(w[0].to_ascii_lowercase(), b'm' | b't' | b'w' | b'f' | b's')
    {
        return None;
    }
    DAYS.iter()
        .find(|(d, _)| {
            w.eq_ignore_ascii_case(d.as_bytes())
                || (w.len() == 3 && w.eq_ignore_ascii_case(&d.as_bytes()[..3]))
        })
        .or_else(|| {
            SHORT
                .iter()
                .find(|(d, _)| w.eq_ignore_ascii_case(d.as_bytes()))
        })
        .map(|(_, day)| *day)
}

/// The month and the day of a date written with the month's name, in either
/// order: `July 20`, `20th July`, `Sept 3` (a token and the token after it).
/// The one reader of these forms: date lines ([`scan_date_line`]) and dates in
/// sentences (`prose.rs`) both use it.
pub(crate) fn month_and_day(a: &str, b: &str) -> Option<(u32, u32)> {
    match (month_from_name(a), month_from_name(b)) {
        (Some(month), None) => Some((month, day_from_token(b)?)),
        (None, Some(month)) => Some((month, day_from_token(a)?)),
        _ => None,
    }
}

/// `10`, `10th`, `1st`: the day number.
pub(crate) fn day_from_token(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    let n = count_digits(b, 0);
    if !(1..=2).contains(&n) {
        return None;
    }
    let suffix = tok.get(n..)?.as_bytes();
    if !(suffix.is_empty()
        || [b"st", b"nd", b"rd", b"th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(*s)))
    {
        return None;
    }
    Some(digits_value(b, 0..n))
}

/// `2025`: a year of four digits.
pub(crate) fn year_from_token(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    (b.len() == 4 && count_digits(b, 0) == 4).then(|| digits_value(b, 0..4))
}

fn strip_date_line_decoration(s: &str) -> &str {
    let mut t = s.trim();
    t = t.strip_suffix(':').unwrap_or(t).trim_end();
    for w in ["**", "__", "*", "_"] {
        if t.len() >= 2 * w.len()
            && let Some(inner) = t.strip_prefix(w).and_then(|x| x.strip_suffix(w))
        {
            t = inner.trim();
            t = t.strip_suffix(':').unwrap_or(t).trim_end();
            break;
        }
    }
    t
}

/// A date line read by [`scan_date_line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The date.
    pub date: Date,
    /// The year was not written and came from the hint (`31 Jan`, `Tuesday 3 March`).
    pub year_inferred: bool,
    /// A weekday was written that the date does not fall on (`Monday 3 March 2026`,
    /// a Tuesday): the error (kind [`TimeErrorKind::WeekdayMismatch`]) has its range
    /// on the weekday and names both days. The date is kept.
    pub weekday_mismatch: Option<TimeError>,
}

/// Parses a date written as a heading or a line of its own in a timeline, with
/// what [`parse_date_line`] accepts and more: a date without its year (`31 Jan`,
/// `Jan 31`, `Tuesday 3 March`) takes `year_hint` (the year of the report's other
/// dates; without a hint it is not a date line), a slashed date with one reading
/// (`31/01/2024`, or dashed `29-09-2021`) is read, and a written weekday is checked
/// against the date.
///
/// `None` when the line is not a date. `Some(Err)` for a slashed date with two
/// readings ([`TimeErrorKind::AmbiguousDate`]) or an impossible one.
/// Ranges are byte offsets into `s`.
pub fn scan_date_line(s: &str, year_hint: Option<i16>) -> Option<Result<DateLine, TimeError>> {
    let t = strip_date_line_decoration(s);
    // `t` is a subslice of `s`: its offset places ranges.
    let base = (t.as_ptr() as usize).saturating_sub(s.as_ptr() as usize);
    let line = |date: Date, year_inferred: bool| DateLine {
        date,
        year_inferred,
        weekday_mismatch: None,
    };
    if let Some(d) = parse_iso_date(t) {
        return Some(Ok(line(d, false)));
    }
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        let sep = c.is_whitespace() || c == ',';
        match (sep, start) {
            (true, Some(st)) => {
                toks.push((st, &t[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        toks.push((st, &t[st..]));
    }
    let mut weekday = match toks.first().copied() {
        Some((at, w)) => weekday_from_name(w).map(|day| (day, base + at..base + at + w.len(), w)),
        None => None,
    };
    if weekday.is_some() {
        toks.remove(0);
    } else if let Some(&(at, last)) = toks.last()
        && toks.len() >= 2
        && let Some(inner) = last.strip_prefix('(').and_then(|w| w.strip_suffix(')'))
        && let Some(day) = weekday_from_name(inner)
    {
        // `2025/08/12 (Tue)`, `12.03.2025 (Wednesday)`: the weekday in brackets
        // after the date.
        weekday = Some((day, base + at + 1..base + at + 1 + inner.len(), inner));
        toks.pop();
    }
    // `14. 11.`, `15. 11. 2025`: a dotted day-first date written with a space
    // after each dot, as much of Europe writes it.
    let day_dot = |t: &str| {
        t.strip_suffix('.')
            .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let (date, year_inferred) = match toks.as_slice() {
        [(_, a), (_, b)] if day_dot(a) && day_dot(b) => dotted_date(&format!("{a}{b}"), year_hint)?,
        [(_, a), (_, b), (_, y)]
            if day_dot(a)
                && day_dot(b)
                && y.len() == 4
                && y.bytes().all(|c| c.is_ascii_digit()) =>
        {
            dotted_date(&format!("{a}{b}{y}"), None)?
        }
        [(at, one)] => {
            let b = one.as_bytes();
            if let Some(d) = parse_iso_date(one) {
                (d, false)
            } else if let Some((year, month, day, end)) = scan_year_first_slashed(b, 0)
                && end == b.len()
            {
                // `2025/08/12`: year first, one reading.
                (make_date(year, month, day).ok()?, false)
            } else if let Some((first, second, year, end)) =
                scan_slashed_date(b, 0).or_else(|| dashed_date(one))
                && end == b.len()
            {
                let range = base + at..base + at + one.len();
                match slashed_date(one, first, second, year, 0..one.len()) {
                    Ok(d) => (d, false),
                    // `Tuesday 10/7/25`: of 7 October and 10 July, only one is
                    // a Tuesday.
                    Err(e)
                        if e.kind == TimeErrorKind::AmbiguousDate
                            && let Some(d) = weekday
                                .as_ref()
                                .and_then(|(day, _, _)| one_on(*day, first, second, year)) =>
                    {
                        (d, false)
                    }
                    Err(mut e) => {
                        e.range = range;
                        return Some(Err(e));
                    }
                }
            } else if let Some((d, year_inferred)) = dotted_date(one, year_hint) {
                (d, year_inferred)
            } else {
                return None;
            }
        }
        [(_, a), (_, b)] => {
            let year = u32::try_from(year_hint?).ok()?;
            let (month, day) = month_and_day(a, b)?;
            (make_date(year, month, day).ok()?, true)
        }
        [(_, a), (_, b), (_, y)] => {
            let year = year_from_token(y)?;
            let (month, day) = month_and_day(a, b)?;
            (make_date(year, month, day).ok()?, false)
        }
        _ => return None,
    };
    let mut out = line(date, year_inferred);
    if let Some((day, range, written)) = weekday
        && date.weekday() != day
    {
        out.weekday_mismatch = Some(
            TimeError::new(
                format!(
                    "`{written}` does not match the date: {} is a {:?}",
                    describe_date(date),
                    date.weekday()
                ),
                range,
            )
            .with_help(format!(
                "check the date; if it is right, write `{:?}`",
                date.weekday()
            ))
            .of_kind(TimeErrorKind::WeekdayMismatch),
        );
    }
    Some(Ok(out))
}

/// Of the two readings of a slashed date, the one that falls on `day`, when only
/// one does.
fn one_on(day: jiff::civil::Weekday, first: u32, second: u32, year: u32) -> Option<Date> {
    let month_first = make_date(year, first, second).ok()?;
    let day_first = make_date(year, second, first).ok()?;
    match (month_first.weekday() == day, day_first.weekday() == day) {
        (true, false) => Some(month_first),
        (false, true) => Some(day_first),
        _ => None,
    }
}

/// A dotted day-first date as a date line writes it (`14.03.2025`, `4.3.2025`, and
/// `14.03.` taking `year_hint`): day, then month, as in German and much of Europe.
/// Without a year both parts are two digits and the closing dot is written, so a
/// version (`3.2`) or a dotted clock (`14.03`) is never one.
pub(crate) fn dotted_date(tok: &str, year_hint: Option<i16>) -> Option<(Date, bool)> {
    let mut parts = tok.split('.');
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if year.is_empty() {
        if !digits(day, 2..=2) || !digits(month, 2..=2) {
            return None;
        }
        let year = u32::try_from(year_hint?).ok()?;
        let d = make_date(year, month.parse().ok()?, day.parse().ok()?).ok()?;
        return Some((d, true));
    }
    if !digits(day, 1..=2) || !digits(month, 1..=2) || !digits(year, 4..=4) {
        return None;
    }
    let d = make_date(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()?;
    Some((d, false))
}

/// Parses a date written as a heading or a line of its own in a timeline.
///
/// Accepted: `2024-06-10`, `June 10th, 2024`, `June 10, 2024`,
/// `10 June 2024`, `Monday, 10 June 2024`, `Jun 10 2024`,
/// `Mon 2024-06-10`, `31/01/2024` (a slashed date with one reading), each
/// optionally followed by `:` and optionally wrapped in
/// `**`/`__`/`*`/`_`. Month and weekday names are English, full or
/// three-letter (`Sept` too), any case, optionally with a trailing `.`. The
/// weekday is not checked here ([`scan_date_line`] checks it). Returns `None`
/// for anything else, including dates without a year and slashed dates with
/// two readings (`01/07/2023`).
pub fn parse_date_line(s: &str) -> Option<Date> {
    match scan_date_line(s, None)? {
        Ok(line) => Some(line.date),
        Err(_) => None,
    }
}

/// The year of the first `YYYY-MM-DD` date in `text` (a hint for dates written
/// without their year). One pass.
pub fn first_year(text: &str) -> Option<i16> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !is_word_byte(byte(b, i - 1)))
            && let Some((y, m, d, end)) = scan_iso_date_raw(b, i)
        {
            if let Ok(date) = make_date(y, m, d) {
                return Some(date.year());
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}
/// Whether `text` names a weekday, a day and a month in words, without a year
/// next to them (`Saturday Nov 15`, `Saturday (15 November)`): a day that only
/// one year in several falls on, dated for a reader who knows when the text was
/// posted. One pass over its words.
pub fn states_weekday_and_day(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len().saturating_sub(2)).any(|i| {
        weekday_from_name(words[i]).is_some()
            && month_and_day(words[i + 1], words[i + 2]).is_some()
            && words
                .get(i + 3)
                .is_none_or(|next| year_from_token(next).is_none())
    })
}

#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::testing::*;

    #[test]
    fn a_weekday_with_a_day_and_month_is_a_date_without_its_year() {
        assert!(states_weekday_and_day(
            "All times are Pacific (PST), Saturday Nov 15:"
        ));
        assert!(states_weekday_and_day("outage on Saturday (15 November)"));
        assert!(!states_weekday_and_day("Billing delays on March 3"));
        assert!(!states_weekday_and_day("Saturday Nov 15 2025"));
        assert!(!states_weekday_and_day("on Monday 15 minutes later"));
    }

    #[test]
    fn slashed_dates_with_one_reading_are_dates() {
        let p = parse_time("31/01/2024 10:50 UTC").unwrap();
        assert_eq!(p.date, Some(date(2024, 1, 31)));
        let p = parse_time("01/31/2024 10:50 UTC").unwrap();
        assert_eq!(p.date, Some(date(2024, 1, 31)));
        let p = parse_time("05/05/2024 10:50").unwrap();
        assert_eq!(p.date, Some(date(2024, 5, 5)));
        let (p, end) = scan("13/07/2023 10:50 UTC deploy");
        assert_eq!((p.date, end), (Some(date(2023, 7, 13)), 20));
        let e = parse_time("01/07/2023 10:50").unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);
        assert!(
            e.message
                .contains("1 July 2023 (day first) or 7 January 2023 (month first)"),
            "{}",
            e.message
        );
        assert_eq!(scan_leading_time("13/07/2023: deploy"), Ok(None));
    }

    /// A dashed date with its four-digit year last is a date line as a slashed one
    /// is: one reading, read; two, ambiguous; a weekday decides between them.
    #[test]
    fn dashed_date_lines_are_read_as_slashed_ones() {
        let line = |s: &str| scan_date_line(s, None);
        assert_eq!(line("29-09-2021").unwrap().unwrap().date, date(2021, 9, 29));
        assert_eq!(
            line("**09-29-2021**").unwrap().unwrap().date,
            date(2021, 9, 29)
        );
        let e = line("03-10-2021").unwrap().unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);
        assert_eq!(
            line("Sunday 03-10-2021").unwrap().unwrap().date,
            date(2021, 10, 3)
        );
        for not in ["3-5", "1-2-3", "2021-9", "12-2021"] {
            assert!(line(not).is_none(), "{not}");
        }
    }

    #[test]
    fn date_lines_with_the_weekday_in_brackets_after() {
        let ok = |s: &str, hint: Option<i16>| scan_date_line(s, hint).unwrap().unwrap();
        for (s, d) in [
            ("2025/08/12 (Tue)", date(2025, 8, 12)),
            ("2025/8/12 (Tuesday)", date(2025, 8, 12)),
            ("**2025/08/12 (Tue)**", date(2025, 8, 12)),
            ("12.08.2025 (Tue)", date(2025, 8, 12)),
            ("12 August 2025 (Tue)", date(2025, 8, 12)),
            ("2025/08/12", date(2025, 8, 12)),
        ] {
            let line = ok(s, None);
            assert_eq!((line.date, line.weekday_mismatch), (d, None), "{s}");
        }
        let s = "2025/08/13 (Thu)";
        let e = ok(s, None).weekday_mismatch.unwrap();
        assert_eq!(&s[e.range.clone()], "Thu");
        assert!(e.message.contains("is a Wednesday"), "{}", e.message);
        // Not a weekday in brackets, not a date line.
        assert_eq!(scan_date_line("2025/08/12 (JST)", None), None);
        assert_eq!(scan_date_line("(Tue)", None), None);
    }

    #[test]
    fn date_lines_without_a_year_slashes_and_weekdays() {
        let ok = |s: &str, hint: Option<i16>| scan_date_line(s, hint).unwrap().unwrap();
        for s in ["31 Jan", "Jan 31", "**31 January:**", "Wednesday 31 Jan"] {
            let line = ok(s, Some(2024));
            assert_eq!(line.date, date(2024, 1, 31), "{s}");
            assert!(line.year_inferred, "{s}");
            assert_eq!(line.weekday_mismatch, None, "{s}");
            assert_eq!(scan_date_line(s, None), None, "{s}: no year, no hint");
        }
        let line = ok("Tuesday 3 March", Some(2026));
        assert_eq!((line.date, line.weekday_mismatch), (date(2026, 3, 3), None));
        let s = "### Monday 3 March 2026";
        let line = ok(
            s.trim_start_matches("# ").trim_start_matches('#').trim(),
            None,
        );
        let e = line.weekday_mismatch.unwrap();
        assert_eq!(e.kind, TimeErrorKind::WeekdayMismatch);
        assert!(
            e.message.contains("3 March 2026 is a Tuesday"),
            "{}",
            e.message
        );
        let s = "  Monday, 3 March 2026:";
        let e = ok(s, None).weekday_mismatch.unwrap();
        assert_eq!(&s[e.range], "Monday");
        assert_eq!(ok("31/01/2024", None).date, date(2024, 1, 31));
        assert_eq!(ok("01/31/2024", None).date, date(2024, 1, 31));
        let s = "Tue 01/07/2023";
        let e = scan_date_line(s, None).unwrap().unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);
        assert_eq!(&s[e.range], "01/07/2023");
        assert_eq!(parse_date_line("31/01/2024"), Some(date(2024, 1, 31)));
        assert_eq!(scan_date_line("Jan 99", Some(2024)), None);
        assert_eq!(scan_date_line("Deploy 31", Some(2024)), None);
        assert_eq!(
            first_year("x 12024-01-01 then 2023-06-10 and 2022-01-01"),
            Some(2023)
        );
        assert_eq!(first_year("no dates 2024-13-01"), None);
    }

    #[test]
    fn a_weekday_decides_a_slashed_date_line() {
        let ok = |s: &str| scan_date_line(s, None).unwrap().unwrap();
        // 10/7/25: 7 October 2025 (a Tuesday) or 10 July 2025 (a Thursday).
        assert_eq!(ok("Tuesday 10/7/25").date, date(2025, 10, 7));
        assert_eq!(ok("**Tue, 10/07/2025:**").date, date(2025, 10, 7));
        assert_eq!(ok("Thursday 10/7/25").date, date(2025, 7, 10));
        assert_eq!(ok("Thurs. 10/07/2025").date, date(2025, 7, 10));
        assert_eq!(ok("Tuesday 10/7/25").weekday_mismatch, None);
        // Near misses: no weekday, a weekday neither reading falls on, both
        // readings on the weekday (1 July and 7 January 2023 are Saturdays).
        for s in [
            "10/7/25",
            "Monday 10/7/25",
            "Sat 01/07/2023",
            "Sunday 10/07/2025",
        ] {
            let e = scan_date_line(s, None).unwrap().unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::AmbiguousDate, "{s}");
        }
    }

    #[test]
    fn dotted_day_first_date_lines() {
        let ok = |s: &str, hint: Option<i16>| scan_date_line(s, hint).unwrap().unwrap();
        assert_eq!(ok("14.03.2025", None).date, date(2025, 3, 14));
        assert_eq!(ok("4.3.2025", None).date, date(2025, 3, 4));
        let line = ok("Fri 14.03.", Some(2025));
        assert_eq!((line.date, line.year_inferred), (date(2025, 3, 14), true));
        assert_eq!(line.weekday_mismatch, None);
        assert!(ok("Sat 14.03.", Some(2025)).weekday_mismatch.is_some());
        // Without a year: nothing to take it from, and never a clock or a version.
        for s in ["14.03.", "14.03", "3.2.", "3.2", "1.2.3", "14.13.", "2.1.0"] {
            let hint = if s == "14.03." { None } else { Some(2025) };
            assert_eq!(scan_date_line(s, hint), None, "{s}");
        }
        assert_eq!(scan_date_line("31.02.2025", None), None);
    }

    /// The same dates written with a space after each dot (`14. 11.`, `15. 11.
    /// 2025`, `Sat 15. 11.`); a yearless one still needs two digits in each part
    /// and its closing dot, and a list number or a version is not one.
    #[test]
    fn spaced_dotted_day_first_date_lines() {
        let ok = |s: &str, hint: Option<i16>| scan_date_line(s, hint).unwrap().unwrap();
        assert_eq!(ok("14. 11.", Some(2025)).date, date(2025, 11, 14));
        assert_eq!(ok("15. 11. 2025", None).date, date(2025, 11, 15));
        assert_eq!(ok("5. 3. 2025", None).date, date(2025, 3, 5));
        let line = ok("Sunday, 15. 11.", Some(2025));
        assert!(line.weekday_mismatch.is_some());
        assert!(ok("Saturday 15. 11. 2025", None).weekday_mismatch.is_none());
        for s in [
            "14. 11",
            "3. 2.",
            "14. 13.",
            "1. 2. 3.",
            "14. 11. 25",
            "31. 02. 2025",
        ] {
            assert_eq!(scan_date_line(s, Some(2025)), None, "{s}");
        }
    }

    #[test]
    fn date_lines() {
        let d = Some(date(2024, 6, 10));
        for s in [
            "2024-06-10",
            "2024-06-10:",
            "June 10th, 2024",
            "June 10, 2024",
            "June 10 2024",
            "10 June 2024",
            "10th June 2024",
            "Monday, 10 June 2024",
            "Monday, June 10, 2024",
            "Mon 10 Jun 2024",
            "Jun 10 2024",
            "Jun. 10, 2024:",
            "june 10TH, 2024",
            "  June 10th, 2024:  ",
            "**June 10, 2024**",
            "**June 10, 2024:**",
            "Mon 2024-06-10",
        ] {
            assert_eq!(parse_date_line(s), d, "{s:?}");
        }
        assert_eq!(parse_date_line("Sept 1, 2023"), Some(date(2023, 9, 1)));
        assert_eq!(parse_date_line("1st March 2023"), Some(date(2023, 3, 1)));
        for s in [
            "",
            "01/07/2023",
            "7/1/2023",
            "June 2024",
            "June 10",
            "June 31, 2024",
            "Foo 10, 2024",
            "10 11 2024",
            "2024-06-10 16:05",
            "June 10th, 2024 deploy",
            "Monday",
            "June 10x, 2024",
            "June 123, 2024",
            "June 10, 24",
        ] {
            assert_eq!(parse_date_line(s), None, "{s:?}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(parse_iso_date("0000-01-01"), Some(date(0, 1, 1)));
        assert_eq!(parse_iso_date("9999-12-31"), Some(date(9999, 12, 31)));
        for s in [
            "2023-02-29",
            "2024-02-30",
            "2024-00-10",
            "2024-13-10",
            "2024-06-00",
            "2024-6-10",
            "99999-01-01",
            " 2024-06-10",
            "2024-06-10 ",
            "2024-06-100",
            "",
        ] {
            assert_eq!(parse_iso_date(s), None, "{s:?}");
        }
    }
}
