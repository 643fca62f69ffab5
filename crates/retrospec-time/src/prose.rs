//! Dated times in running prose: "began at approximately 8:45 p.m. on Tuesday
//! 10/7/25", "At 06:25 on Saturday 22 February", "by 3 p.m. on Sunday, July 20",
//! "on Friday, July 18 at 10 a.m.".
//!
//! A time is read only with a date beside it (`on DATE` after the clock, `DATE
//! [JOIN] CLOCK` with a join such as `at`, `@`, `,`, `-`, `around`, `~`, `by`,
//! `until`, `from`, `between`, or a date-time in one expression, `2025-10-14
//! 16:05 UTC`); a weekday alone dates nothing. Precision first: a form with two
//! readings is left out, never guessed.
//!
//! - The clock is read by the line grammar first ([`scan_leading_time`]), so it
//!   may carry a zone (`16:05 UTC`, `1605 UTC`, `0915Z`, `4pm Pacific time`,
//!   `UTC-05:00`, `Central European Summer Time`); [`ProseTime::resolve`] places
//!   it in that zone, else the report's. `16h05` and `1605hrs` are clocks, `2h30`
//!   is a duration. A second zoned clock right after (`1342 EST / 1842 UTC`,
//!   `09:00 CET (08:00 UTC)`) is the same instant written again and is skipped.
//!
//! - Clocks: `8:45 p.m.`, `6:45 a.m.`, `8:45pm`, `8.45pm` (a dot only with a.m. or
//!   p.m.), `10 a.m.`, `10pm`, `20:45`, `noon`. `midnight` is read as a clock but
//!   never dated (midnight "on Friday" is the start of Friday to some and its end
//!   to others).
//! - An approximation before the clock is kept: `approximately`, `about`,
//!   `around`, `roughly`, `circa`, `~`, `shortly before`/`after`, `just
//!   before`/`after`.
//! - Dates: `Tuesday 10/7/25`, `10/07/2025`, `2025/03/06`, `2025-03-06`, `22
//!   February [2025]`, `July 20[, 2025]`, `22-Feb-2025`, `14.10.2025`, each with
//!   an optional weekday before it or in brackets after it (`(Tue)`). A year is
//!   1970 to 2100 (`October 14, 1605 UTC` is a clock). A date without its year takes `year_hint` (see
//!   [`heading_year`]), except in January and December (a report may tell of
//!   the year before or after); without one it dates nothing.
//! - A slashed date whose two readings are both dates (`10/7/25`: 7 October or
//!   10 July) is decided by the weekday written beside it when only one reading
//!   falls on it, else by the report's other slashed dates (one that only reads
//!   month first, `10/13/25`, a weekday that decided another, or the convention
//!   stated: `(dates are MM/DD/YYYY)`), else it is left out. Year first
//!   (`2025/03/06`) has one reading.
//! - A weekday that the date (decided without it) does not fall on is kept in
//!   [`ProseTime::weekday_mismatch`]; the date is kept.

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

use crate::date::{
    date_of, day_from_token, dotted_date, month_and_day, month_from_name, weekday_from_name,
    year_from_token,
};
use crate::{ParsedTime, ResolveError, Resolved, Zone, resolve};

#[path = "prose_clock.rs"]
mod read_clock;
#[path = "prose_year.rs"]
mod year;

pub use read_clock::{APPROXIMATE_JOIN_WORDS, is_approximate_join};
use read_clock::{clock_read, is_join, paired};
pub use year::{heading_year, report_year};

/// A clock time with a date, read from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseTime {
    /// Byte range of the clock and its date together (`8:45 p.m. on Tuesday 10/7/25`).
    pub range: Range<usize>,
    /// Byte range of the clock as written (`8:45 p.m.`, `noon`).
    pub clock: Range<usize>,
    /// The date.
    pub date: Date,
    /// Minutes after midnight.
    pub minutes: u32,
    /// An approximation was written before the clock.
    pub approximate: bool,
    /// The year came from the hint.
    pub year_inferred: bool,
    /// The byte range of a weekday the date does not fall on.
    pub weekday_mismatch: Option<Range<usize>>,
    /// Seconds past the minute, when written (`16:05:30`).
    pub second: u32,
    /// The zone written after the clock (`UTC`, `Pacific Standard Time`,
    /// `UTC-05:00`, `Paris time`), and where.
    pub zone: Option<(Zone, Range<usize>)>,
}

impl ProseTime {
    /// The instant: the date and clock in the written zone, else in
    /// `default_zone` (the report's). An ambiguous or unknown zone, a time in a
    /// DST gap or fold, is refused with its reason.
    pub fn resolve(&self, default_zone: Option<&TimeZone>) -> Result<Resolved, ResolveError> {
        let hour = i8::try_from(self.minutes / 60).unwrap_or(0);
        let minute = i8::try_from(self.minutes % 60).unwrap_or(0);
        let second = i8::try_from(self.second).unwrap_or(0);
        let time = Time::new(hour, minute, second, 0)
            .map_err(|e| ResolveError::Nonexistent(e.to_string()))?;
        let parsed = ParsedTime {
            date: Some(self.date),
            time,
            zone: self.zone.as_ref().map(|(z, _)| z.clone()),
            date_range: None,
            time_range: self.clock.clone(),
            zone_range: self.zone.as_ref().map(|(_, r)| r.clone()),
            approximate: None,
            until: None,
            end_of_day: false,
            leap_second: false,
        };
        resolve(&parsed, None, default_zone)
    }
}

/// Which way a report writes slashed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    MonthFirst,
    DayFirst,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    /// From the word's first character (after an opening `(`, `~`, `*`) to the
    /// end of the run of non-blanks.
    range: Range<usize>,
    /// Where the word ends without a `,`, `;`, `)` or emphasis after it.
    word_end: usize,
    /// The token without the punctuation that may follow a word (`,`, `;`, `)`, a
    /// sentence's `.`), lowercased (borrowed when it has no capital).
    core: Cow<'a, str>,
    raw: &'a str,
}

const TRAILING: [char; 9] = [',', ';', ':', ')', '"', '*', '_', '!', '?'];

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let raw = &text[s..i];
                let lead = raw.len() - raw.trim_start_matches(['(', '~', '"', '*', '_']).len();
                let inner = &raw[lead..];
                let word = inner.trim_end_matches(TRAILING);
                let core = if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(word)
                };
                out.push(Token {
                    range: s + lead..i,
                    word_end: s + lead + word.len(),
                    core,
                    raw,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// `am`, `pm`, `a.m.`, `p.m.` (any case): whether it is p.m.
fn meridiem(s: &str) -> Option<bool> {
    match s {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

fn twelve(h: u32, m: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&h) || m > 59 {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(h * 60 + m)
}

/// Digits `H[H]` then `sep` and `MM`, with the rest after them.
fn hour_minute(s: &str, sep: char) -> Option<(u32, u32, &str)> {
    let h_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&h_len) || !s[h_len..].starts_with(sep) {
        return None;
    }
    let rest = &s[h_len + 1..];
    let m_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if m_len != 2 {
        return None;
    }
    let mut rest = &rest[2..];
    // Seconds (`20:45:10`) after a colon.
    if sep == ':'
        && let Some(r) = rest.strip_prefix(':')
        && r.bytes().take_while(u8::is_ascii_digit).count() == 2
    {
        rest = &r[2..];
    }
    Some((
        s[..h_len].parse().ok()?,
        s[h_len + 1..h_len + 3].parse().ok()?,
        rest,
    ))
}

/// A clock at token `i`: (minutes, tokens used, is midnight).
fn clock(toks: &[Token<'_>], i: usize) -> Option<(u32, usize, bool)> {
    let t = &toks[i];
    let core = t.core.trim_end_matches('.');
    match core {
        "noon" | "midday" => return Some((12 * 60, 1, false)),
        "midnight" => return Some((0, 1, true)),
        _ => {}
    }
    // The meridiem as the next token, when the clock has none attached.
    let next_meridiem = || {
        toks.get(i + 1)
            .and_then(|n| meridiem(&n.core).or_else(|| meridiem(n.core.trim_end_matches('.'))))
    };
    let word = &*t.core;
    let attached = |rest: &str| -> Option<Option<bool>> {
        if rest.is_empty() {
            return Some(None);
        }
        meridiem(rest)
            .or_else(|| meridiem(rest.trim_end_matches('.')))
            .map(Some)
    };
    if let Some((h, m, rest)) = hour_minute(word, ':') {
        let pm = attached(rest)?;
        return match pm
            .map(|p| (p, 1))
            .or_else(|| next_meridiem().map(|p| (p, 2)))
        {
            Some((pm, used)) => Some((twelve(h, m, pm)?, used, false)),
            None => (h <= 23 && m <= 59 && word.len() >= 4).then_some((h * 60 + m, 1, false)),
        };
    }
    // `16h05` (two hour digits: `2h30` is a duration).
    if let Some((h, m, "")) = hour_minute(word, 'h')
        && word.find('h') == Some(2)
    {
        return (h <= 23 && m <= 59).then_some((h * 60 + m, 1, false));
    }
    if let Some((h, m, rest)) = hour_minute(word, '.') {
        // `8.45` is a clock only with its a.m. or p.m.
        let (pm, used) = match attached(rest)? {
            Some(pm) => (pm, 1),
            None => (next_meridiem()?, 2),
        };
        return Some((twelve(h, m, pm)?, used, false));
    }
    let h_len = word.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&h_len) {
        let h: u32 = word[..h_len].parse().ok()?;
        let (pm, used) = match attached(&word[h_len..])? {
            Some(pm) => (pm, 1),
            None => (next_meridiem()?, 2),
        };
        return Some((twelve(h, 0, pm)?, used, false));
    }
    None
}

fn approximate_before(toks: &[Token<'_>], i: usize) -> bool {
    let word = |k: usize| i.checked_sub(k).map(|j| &*toks[j].core);
    if toks[i].raw.starts_with('~') {
        return true;
    }
    word(1).is_some_and(is_approximate_join)
        || (matches!(word(1), Some("before" | "after"))
            && matches!(word(2), Some("shortly" | "just" | "soon")))
}

/// A year written in a sentence: four digits from 1970 to 2100 (`October 14,
/// 1605 UTC` is a clock, not the year 1605).
fn year_of(tok: &str) -> Option<i32> {
    year_from_token(tok)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1970..=2100).contains(y))
}

/// A slashed date's numbers: `(a, b, year)` of `a/b/yy[yy]`, or a year-first date
/// (`2025/03/06`) as its one reading.
enum Slashed {
    Two(u32, u32, i32),
    One(Date),
}

fn slashed(tok: &str) -> Option<Slashed> {
    let mut parts = tok.split('/');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        let date = date_of(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)?;
        return Some(Slashed::One(date));
    }
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let year: i32 = match c.len() {
        2 => 2000 + c.parse::<i32>().ok()?,
        4 => c.parse().ok()?,
        _ => return None,
    };
    Some(Slashed::Two(a.parse().ok()?, b.parse().ok()?, year))
}

/// `N-N-YYYY` (`29-09-2021`): two readings, as [`slashed`] has them; evidence of the
/// order a report writes its dates in, not a date read from prose.
fn dashed(tok: &str) -> Option<Slashed> {
    let mut parts = tok.split('-');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|x| x.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(a, 1..=2) || !digits(b, 1..=2) || !digits(c, 4..=4) {
        return None;
    }
    Some(Slashed::Two(
        a.parse().ok()?,
        b.parse().ok()?,
        c.parse().ok()?,
    ))
}

fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    date_of(u32::try_from(year).ok()?, month, day)
}

/// The readings of `a/b/year`: month first, day first.
fn readings(a: u32, b: u32, year: i32) -> (Option<Date>, Option<Date>) {
    (ymd(year, a, b), ymd(year, b, a))
}

/// A date read at a token: the date, the tokens used, the year came from the
/// hint, the weekday's range when the date does not fall on it.
struct DateRead {
    date: Date,
    used: usize,
    year_inferred: bool,
    weekday_mismatch: Option<Range<usize>>,
}

/// A date at token `i`, with an optional weekday before it.
fn date_at(
    toks: &[Token<'_>],
    i: usize,
    year_hint: Option<i16>,
    order: Option<Order>,
) -> Option<DateRead> {
    let mut j = i;
    let mut weekday: Option<(Weekday, Range<usize>)> = None;
    if let Some(t) = toks.get(j)
        && let Some(w) = weekday_from_name(t.core.trim_end_matches('.'))
    {
        weekday = Some((w, t.range.start..t.word_end));
        j += 1;
    }
    let tok = toks.get(j)?;
    let core = tok.core.trim_end_matches('.');
    let mut year_inferred = false;
    let (date, used) = if let Some(s) = slashed(core) {
        match s {
            Slashed::One(d) => (d, 1),
            Slashed::Two(a, b, year) => {
                let (md, dm) = readings(a, b, year);
                let date = match (md, dm) {
                    (Some(x), Some(y)) if x == y => x,
                    (Some(x), None) => x,
                    (None, Some(y)) => y,
                    (Some(x), Some(y)) => {
                        // The weekday before the date or in brackets after it.
                        let after = bracketed_weekday(toks, j + 1);
                        let by_weekday = weekday
                            .as_ref()
                            .or(after.as_ref())
                            .map(|(w, _)| (x.weekday() == *w, y.weekday() == *w));
                        match (by_weekday, order) {
                            (Some((true, false)), _) => x,
                            (Some((false, true)), _) => y,
                            (Some((true, true)) | None, Some(Order::MonthFirst)) => x,
                            (Some((true, true)) | None, Some(Order::DayFirst)) => y,
                            _ => return None,
                        }
                    }
                    (None, None) => return None,
                };
                (date, 1)
            }
        }
    } else if let Some(d) = iso_or_dashed(core) {
        (d, 1)
    } else if let Some((d, inferred)) = dotted_date(core_dotted(tok), year_hint) {
        year_inferred = inferred;
        (d, 1)
    } else if let Some((month, day)) = month_name_date(core, toks.get(j + 1)) {
        // `July 20[, 2025]`, `22 February [2025]`: the year, when written, follows.
        let year_tok = toks
            .get(j + 2)
            .and_then(|t| year_of(t.core.trim_end_matches('.')));
        let year = match year_tok {
            Some(y) => y,
            None => {
                year_inferred = true;
                match hinted(year_hint, month) {
                    Some(year) => year,
                    None => year_by_weekday(year_hint?, month, day, weekday.as_ref()?.0)?,
                }
            }
        };
        (
            ymd(year, month, day)?,
            if year_tok.is_some() { 3 } else { 2 },
        )
    } else {
        return None;
    };
    // A weekday in brackets after the date: `2025/10/14 (Tue)`.
    let mut used = used;
    if weekday.is_none()
        && let Some(w) = bracketed_weekday(toks, j + used)
    {
        weekday = Some(w);
        used += 1;
    }
    let weekday_mismatch = weekday
        .as_ref()
        .filter(|(w, _)| date.weekday() != *w)
        .map(|(_, r)| r.clone());
    Some(DateRead {
        date,
        used: used + (j - i),
        year_inferred,
        weekday_mismatch,
    })
}

/// A weekday in brackets at token `k`: `(Tue)`.
fn bracketed_weekday(toks: &[Token<'_>], k: usize) -> Option<(Weekday, Range<usize>)> {
    let t = toks.get(k)?;
    if !t.raw.starts_with('(') {
        return None;
    }
    let w = weekday_from_name(t.core.trim_end_matches('.'))?;
    Some((w, t.range.start..t.word_end))
}

/// A dotted date's token as written, a sentence's closing `.` kept only where
/// the date needs it (`14.03.` takes the year hint).
fn core_dotted<'a>(tok: &'a Token<'_>) -> &'a str {
    let core = &*tok.core;
    if core.matches('.').count() == 3 {
        core.strip_suffix('.').unwrap_or(core)
    } else {
        core
    }
}

/// The month and the day of a date written with the month's name, in either
/// order: `July 20` or `22 February` (`first` and the token after it), read as
/// a date line reads them ([`month_and_day`]).
fn month_name_date(first: &str, next: Option<&Token<'_>>) -> Option<(u32, u32)> {
    month_and_day(first, next?.core.trim_end_matches('.'))
}

/// The year of a date written without one, from the heading's year; not for
/// January or December, where a report may tell of the year before or after.
fn hinted(year_hint: Option<i16>, month: u32) -> Option<i32> {
    (2..=11).contains(&month).then_some(i32::from(year_hint?))
}

/// The year of a January or December date written without one, which [`hinted`]
/// leaves (a report of January may tell of December), when its weekday settles
/// it: the one year beside `hint` (one before, `hint`, one after) in which `day`
/// of `month` falls on `weekday` (`Thursday 23 January` in a report of 2025).
fn year_by_weekday(hint: i16, month: u32, day: u32, weekday: Weekday) -> Option<i32> {
    let hint = i32::from(hint);
    let mut fits = (hint - 1..=hint + 1)
        .filter(|&y| ymd(y, month, day).is_some_and(|d| d.weekday() == weekday));
    let year = fits.next()?;
    fits.next().is_none().then_some(year)
}

/// `2025-03-06` or `22-Feb-2025`.
fn iso_or_dashed(core: &str) -> Option<Date> {
    let mut parts = core.split('-');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if a.len() == 4 {
        return ymd(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    }
    let month = month_from_name(b)?;
    ymd(
        c.parse().ok().filter(|_| c.len() == 4)?,
        month,
        day_from_token(a)?,
    )
}

/// Which way the text writes its slashed dates: a date with only one reading
/// (`10/13/25`), a weekday that decides one (`Tuesday 10/7/25`), or the
/// convention stated (`dates are MM/DD/YYYY`, `DD/MM/YY`) says so;
/// `None` when nothing says or two say differently.
fn order_of(toks: &[Token<'_>]) -> Option<Order> {
    let mut month_first = false;
    let mut day_first = false;
    // Dates written with their month's name (`March 8`, `9 March 2025`), as
    // (month, day): a slashed date of two readings that is one of them in one
    // reading only is written in that order (`03/08/2025` under a subject
    // "Saturday night March 8 into Sunday March 9, 2025").
    let named: Vec<(u32, u32)> = toks
        .windows(2)
        .filter_map(|w| month_name_date(&w[0].core, Some(&w[1])))
        .collect();
    for (i, t) in toks.iter().enumerate() {
        // `(23/10/2025)`, `23/10/2025.`: the punctuation around it is no part of it.
        let core = t.core.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        // A dashed date with its four-digit year last (`29-09-2021`) is written in
        // the same order as the report's slashed ones.
        let Some(Slashed::Two(a, b, year)) = slashed(core).or_else(|| dashed(core)) else {
            continue;
        };
        let (md, dm) = readings(a, b, year);
        let weekday = i
            .checked_sub(1)
            .and_then(|p| weekday_from_name(&toks[p].core));
        match (md, dm) {
            (Some(x), Some(y)) if x != y => match weekday {
                Some(w) if x.weekday() == w && y.weekday() != w => month_first = true,
                Some(w) if y.weekday() == w && x.weekday() != w => day_first = true,
                _ => {
                    let is_named = |d: Date| {
                        named.contains(&(
                            u32::from(d.month().unsigned_abs()),
                            u32::from(d.day().unsigned_abs()),
                        ))
                    };
                    match (is_named(x), is_named(y)) {
                        (true, false) => month_first = true,
                        (false, true) => day_first = true,
                        _ => {}
                    }
                }
            },
            (Some(_), None) => month_first = true,
            (None, Some(_)) => day_first = true,
            _ => {}
        }
    }
    // A stated convention: `(dates are MM/DD/YYYY)`, `DD/MM/YY`.
    for t in toks {
        let core = t.core.trim_matches(|c: char| !c.is_ascii_alphabetic());
        if core.starts_with("mm/dd/yy") {
            month_first = true;
        } else if core.starts_with("dd/mm/yy") {
            day_first = true;
        }
    }
    match (month_first, day_first) {
        (true, false) => Some(Order::MonthFirst),
        (false, true) => Some(Order::DayFirst),
        _ => None,
    }
}

/// Whether `text` writes its slashed dates month first (`Some(true)`) or day first
/// (`Some(false)`), as [`scan_prose_times`] decides it: a date with only one reading
/// (`23/10/2025`, or dashed `29-09-2021`), a weekday that decides one, or a stated
/// convention (`dates are DD/MM/YYYY`). `None` when nothing says or two say
/// differently.
pub fn slashed_order(text: &str) -> Option<bool> {
    order_of(&tokens(text)).map(|o| matches!(o, Order::MonthFirst))
}

/// Every clock time with a date beside it in `text`, in text order (see the
/// module documentation for the forms). `year_hint` dates a date written without
/// its year.
pub fn scan_prose_times(text: &str, year_hint: Option<i16>) -> Vec<ProseTime> {
    let toks = tokens(text);
    let order = order_of(&toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // The clock at this token, read once for the two places that ask for it.
        let here = clock_read(text, &toks, i);
        // A date-time in one expression: `2025-10-14 16:05 UTC`, `2025-10-14T16:05Z`.
        if let Some(c) = &here
            && let Some((date, date_start)) = c.date
        {
            out.push(ProseTime {
                range: date_start..c.end,
                clock: c.clock_start..c.clock_end,
                date,
                minutes: c.minutes,
                approximate: approximate_before(&toks, i),
                year_inferred: false,
                weekday_mismatch: None,
                second: c.second,
                zone: c.zone.clone(),
            });
            i = paired(text, &toks, c);
            continue;
        }
        // `on Friday, July 18 at 10 a.m.`, `October 14 16:05`, `14.10.2025, 16:05`.
        if let Some(d) = date_at(&toks, i, year_hint, order) {
            let mut j = i + d.used;
            let mut approximate = false;
            let mut joins = 0;
            while joins < 2
                && let Some(t) = toks.get(j)
                && is_join(&t.core)
            {
                approximate |= t.core == "~" || is_approximate_join(&t.core);
                j += 1;
                joins += 1;
            }
            let sentence_end = toks[i + d.used - 1].raw.ends_with('.');
            if !sentence_end
                && j < toks.len()
                && let Some(c) = clock_read(text, &toks, j)
                && c.date.is_none()
            {
                if !c.midnight {
                    out.push(ProseTime {
                        range: toks[i].range.start..c.end,
                        clock: c.clock_start..c.clock_end,
                        date: d.date,
                        minutes: c.minutes,
                        approximate: approximate || approximate_before(&toks, j),
                        year_inferred: d.year_inferred,
                        weekday_mismatch: d.weekday_mismatch,
                        second: c.second,
                        zone: c.zone.clone(),
                    });
                }
                i = paired(text, &toks, &c);
                continue;
            }
        }
        if let Some(c) = here {
            let on = paired(text, &toks, &c);
            // "... at 8:45. On Tuesday ..." is two sentences.
            let last = &toks[on - 1];
            let sentence_end = last.raw.ends_with('.') && meridiem(&last.core).is_none();
            if !sentence_end
                && toks.get(on).is_some_and(|t| t.core == "on")
                && let Some(d) = date_at(&toks, on + 1, year_hint, order)
            {
                if !c.midnight {
                    let last = &toks[on + d.used];
                    out.push(ProseTime {
                        range: toks[i].range.start..date_end(last),
                        clock: c.clock_start..c.clock_end,
                        date: d.date,
                        minutes: c.minutes,
                        approximate: approximate_before(&toks, i),
                        year_inferred: d.year_inferred,
                        weekday_mismatch: d.weekday_mismatch,
                        second: c.second,
                        zone: c.zone.clone(),
                    });
                }
                i = on + 1 + d.used;
                continue;
            }
            i = c.next.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Where a date's last token ends, without a sentence's `.` after it.
fn date_end(t: &Token<'_>) -> usize {
    let word = &t.raw[t.raw.len() - (t.range.end - t.range.start)..];
    let word = &word[..t.word_end - t.range.start];
    t.range.start + word.trim_end_matches('.').len()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use jiff::civil::date;

    fn read(text: &str, hint: Option<i16>) -> Vec<(String, Date, u32, bool)> {
        scan_prose_times(text, hint)
            .into_iter()
            .map(|p| {
                (
                    text[p.clock.clone()].to_string(),
                    p.date,
                    p.minutes,
                    p.approximate,
                )
            })
            .collect()
    }

    fn one(text: &str, hint: Option<i16>) -> (Date, u32) {
        let all = scan_prose_times(text, hint);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].date, all[0].minutes)
    }

    #[test]
    fn a_weekday_settles_the_year_of_a_january_date() {
        // January and December take no year from the report's (a January report
        // may tell of December), unless the weekday fits one year only.
        let text = "At 10:10pm AEST on Thursday 23 January, a contractor cut it.";
        assert_eq!(one(text, Some(2025)), (date(2025, 1, 23), 22 * 60 + 10));
        assert_eq!(
            one("It failed at 09:00 on Tuesday 30 December.", Some(2026)).0,
            date(2025, 12, 30)
        );
        assert!(
            read(
                "At 10:10pm AEST on 23 January, a contractor cut it.",
                Some(2025)
            )
            .is_empty()
        );
        assert!(read(text, None).is_empty());
    }

    #[test]
    fn twelve_hour_clocks_in_sentences() {
        let d = date(2025, 10, 7);
        for (text, minutes) in [
            ("It began at 8:45 p.m. on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at 8:45 P.M. on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at 8:45pm on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at 8.45pm on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at 8.45 p.m. on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at 6:45 a.m. on Tuesday 10/7/25.", 6 * 60 + 45),
            ("It began at 12:10 a.m. on Tuesday 10/7/25.", 10),
            ("It began at 10 a.m. on Tuesday 10/7/25.", 10 * 60),
            ("It began at 10pm on Tuesday, 10/7/25.", 22 * 60),
            ("It began at 20:45 on Tuesday 10/7/25.", 20 * 60 + 45),
            ("It began at noon on Tuesday 10/7/25.", 12 * 60),
        ] {
            assert_eq!(one(text, None), (d, minutes), "{text}");
        }
    }

    #[test]
    fn clock_near_misses_are_not_times() {
        for text in [
            // A dot without a.m./p.m. is a number.
            "Version 8.45 on Tuesday 10/7/25 shipped.",
            // A bare hour is a count.
            "We lost 8 on Tuesday 10/7/25.",
            // Midnight on a day is read two ways.
            "It began at midnight on Tuesday 10/7/25.",
            // No date beside it: a weekday alone dates nothing.
            "It began at 8:45 p.m. on Tuesday.",
            // Invalid clocks.
            "It began at 13 p.m. on Tuesday 10/7/25.",
            "It began at 8:75 p.m. on Tuesday 10/7/25.",
        ] {
            assert_eq!(read(text, Some(2025)), vec![], "{text}");
        }
    }

    #[test]
    fn approximations_are_kept() {
        for text in [
            "It began at approximately 8:45 p.m. on Tuesday 10/7/25.",
            "It began around 8:45 p.m. on Tuesday 10/7/25.",
            "It failed shortly before noon on Tuesday 10/7/25.",
            "It failed just after 9 a.m. on Tuesday 10/7/25.",
            "It began ~8:45pm on Tuesday 10/7/25.",
        ] {
            let all = scan_prose_times(text, None);
            assert!(all.len() == 1 && all[0].approximate, "{text}: {all:?}");
        }
        let all = scan_prose_times("It began at 8:45 p.m. on Tuesday 10/7/25.", None);
        assert!(!all[0].approximate);
    }

    #[test]
    fn a_weekday_decides_a_slashed_date() {
        // 10/7/25 is 7 October (a Tuesday) or 10 July (a Thursday).
        assert_eq!(
            one("down at 9 a.m. on Tuesday 10/7/25", None).0,
            date(2025, 10, 7)
        );
        assert_eq!(
            one("down at 9 a.m. on Thursday 10/7/25", None).0,
            date(2025, 7, 10)
        );
        assert_eq!(
            one("down at 9 a.m. on Tue 10/07/2025", None).0,
            date(2025, 10, 7)
        );
        assert_eq!(
            one("down at 9 a.m. on Thurs. 10/07/2025", None).0,
            date(2025, 7, 10)
        );
        // The report's other dates decide one without a weekday.
        assert_eq!(
            one("Filed 10/13/25. Back at 9 a.m. on 10/7/25.", None).0,
            date(2025, 10, 7)
        );
        assert_eq!(
            one("Filed 13/10/25. Back at 9 a.m. on 10/7/25.", None).0,
            date(2025, 7, 10)
        );
        assert_eq!(
            one(
                "Down since Tuesday 10/7/25. Back at 9 a.m. on 10/9/25.",
                None
            )
            .0,
            date(2025, 10, 9)
        );
        // A stated convention decides too.
        assert_eq!(
            one("All dates are MM/DD/YY. Back at 9 a.m. on 10/7/25.", None).0,
            date(2025, 10, 7)
        );
        assert_eq!(
            one("Dates (dd/mm/yyyy): back at 9 a.m. on 10/7/25.", None).0,
            date(2025, 7, 10)
        );
        // Year first has one reading.
        assert_eq!(
            one("back at 9 a.m. on 2025/03/06", None).0,
            date(2025, 3, 6)
        );
        assert_eq!(
            one("back at 9 a.m. on 2025-03-06", None).0,
            date(2025, 3, 6)
        );
    }

    #[test]
    fn undecided_slashed_dates_are_left_out() {
        for text in [
            // Nothing decides.
            "Back at 9 a.m. on 10/7/25.",
            "Back at 9 a.m. on 10/07/2025.",
            // A weekday neither reading falls on.
            "Back at 9 a.m. on Monday 10/7/25.",
            // The report's dates disagree.
            "Filed 13/10/25 and 10/13/25. Back at 9 a.m. on 10/7/25.",
            // The stated convention and a date disagree.
            "Dates are DD/MM/YYYY. Filed 10/13/25. Back at 9 a.m. on 10/7/25.",
        ] {
            assert_eq!(read(text, None), vec![], "{text}");
        }
    }

    #[test]
    fn written_dates_and_the_year_hint() {
        let d = date(2025, 7, 20);
        assert_eq!(
            one("restored by 3 p.m. on Sunday, July 20.", Some(2025)),
            (d, 15 * 60)
        );
        assert_eq!(
            one("restored by 3 p.m. on Sunday,\nJuly 20.", Some(2025)),
            (d, 15 * 60)
        );
        assert_eq!(
            one("restored by 3 p.m. on July 20, 2025.", None),
            (d, 15 * 60)
        );
        assert_eq!(
            one("restored at 15:00 on 20 July 2025.", None),
            (d, 15 * 60)
        );
        assert_eq!(
            one("At 06:25 on Saturday 22 February a fault", Some(2025)).0,
            date(2025, 2, 22)
        );
        assert_eq!(
            one(
                "On Friday, July 18 at 10 a.m. the firewall failed",
                Some(2025)
            ),
            (date(2025, 7, 18), 600)
        );
        assert_eq!(one("at 10:00 on 22-Feb-2025", None).0, date(2025, 2, 22));
        // Without a year or a hint, nothing.
        assert_eq!(read("restored by 3 p.m. on Sunday, July 20.", None), vec![]);
        // In December or January the hint may be a year off, unless a weekday
        // fits one year only (21 December was a Saturday in 2024, a Monday in 2026).
        assert_eq!(
            one("restored by 3 p.m. on Sunday, December 21.", Some(2025)).0,
            date(2025, 12, 21)
        );
        assert_eq!(
            read("restored by 3 p.m. on December 21.", Some(2025)),
            vec![]
        );
        assert_eq!(read("restored by 3 p.m. on 4 January.", Some(2025)), vec![]);
        assert_eq!(
            one("restored by 3 p.m. on 4 January 2026.", Some(2025)).0,
            date(2026, 1, 4)
        );
    }

    #[test]
    fn sentences_and_date_lines_read_month_names_alike() {
        // One reader of the month-name forms: what a date line reads, a sentence
        // with a time on that date reads as the same date, and the reverse.
        for (written, hint) in [
            ("July 20", Some(2025)),
            ("20 July", Some(2025)),
            ("20th July", Some(2025)),
            ("20TH July", Some(2025)),
            ("Sept 3", Some(2025)),
            ("3 Sept", Some(2025)),
            ("January 31, 2017", None),
            ("31 January 2017", None),
            ("July 32", Some(2025)),
            ("July July", Some(2025)),
            ("20 21", Some(2025)),
        ] {
            let line = crate::date::scan_date_line(written, hint)
                .and_then(Result::ok)
                .map(|l| l.date);
            let sentence = scan_prose_times(&format!("at 10:00 on {written}, it failed"), hint)
                .first()
                .map(|p| p.date);
            assert_eq!(line, sentence, "{written}");
        }
        assert_eq!(
            one("at 10:00 on 20TH July, it failed", Some(2025)).0,
            date(2025, 7, 20)
        );
    }

    #[test]
    fn a_weekday_the_date_does_not_fall_on_is_kept() {
        let text = "At 5 p.m. on Saturday, July 20, the network was back.";
        let all = scan_prose_times(text, Some(2025));
        let r = all[0].weekday_mismatch.clone().unwrap();
        assert_eq!(&text[r], "Saturday");
        assert!(all[0].year_inferred);
        let all = scan_prose_times("At 5 p.m. on Sunday, July 20, it was back.", Some(2025));
        assert_eq!(all[0].weekday_mismatch, None);
    }

    #[test]
    fn spans_cover_what_was_written() {
        let text = "It began at approximately 8:45 p.m. on Tuesday 10/7/25. Then";
        let p = &scan_prose_times(text, None)[0];
        assert_eq!(&text[p.clock.clone()], "8:45 p.m.");
        assert_eq!(&text[p.range.clone()], "8:45 p.m. on Tuesday 10/7/25");
        let text = "by 3 p.m. on Sunday,\nJuly 20, after";
        let p = &scan_prose_times(text, Some(2025))[0];
        assert_eq!(&text[p.range.clone()], "3 p.m. on Sunday,\nJuly 20");
    }

    #[test]
    fn dotted_twelve_hour_clocks_and_noon_lead_entries() {
        use crate::{parse_time, scan_leading_time};
        let at = |line: &str| {
            scan_leading_time(line)
                .unwrap()
                .map(|(p, end)| (p.time.to_string(), line[..end].trim().to_string()))
        };
        assert_eq!(
            at("8.45pm Alert fires"),
            Some(("20:45:00".into(), "8.45pm".into()))
        );
        assert_eq!(
            at("8.45 p.m. Alert fires"),
            Some(("20:45:00".into(), "8.45 p.m.".into()))
        );
        assert_eq!(
            at("12.05am: Paged"),
            Some(("00:05:00".into(), "12.05am".into()))
        );
        assert_eq!(
            at("Noon: status call"),
            Some(("12:00:00".into(), "Noon".into()))
        );
        assert_eq!(
            at("noon UTC status call"),
            Some(("12:00:00".into(), "noon UTC".into()))
        );
        assert_eq!(
            parse_time("8.45 p.m.").unwrap().time.to_string(),
            "20:45:00"
        );
        assert_eq!(parse_time("noon").unwrap().time.to_string(), "12:00:00");
        // Near misses: a dotted number without AM/PM, words that start with
        // `noon`, midnight (two readings), an impossible hour.
        assert_eq!(at("8.45 users were affected"), None);
        assert_eq!(at("Noonan called the desk"), None);
        assert_eq!(at("Midnight: batch starts"), None);
        assert!(parse_time("8.45").is_err());
        assert!(scan_leading_time("13.15pm Paged").is_err());
    }

    #[test]
    fn year_first_slashed_dates_lead_entries() {
        use crate::{parse_time, scan_leading_time};
        let p = parse_time("2025/03/06 07:25").unwrap();
        assert_eq!(p.date, Some(date(2025, 3, 6)));
        let p = parse_time("2025/3/6 07:25 MST").unwrap();
        assert_eq!(p.date, Some(date(2025, 3, 6)));
        let (p, end) = scan_leading_time("2025/03/06 07:25 - Alerts fire")
            .unwrap()
            .unwrap();
        assert_eq!((p.date, end), (Some(date(2025, 3, 6)), 16));
        // Near misses: an impossible date, a path, a fraction of years.
        assert!(parse_time("2025/02/30 07:25").is_err());
        assert_eq!(scan_leading_time("2025/03/06/logs 07:25").unwrap(), None);
        assert_eq!(scan_leading_time("2025/2026 07:25 budget").unwrap(), None);
    }

    #[test]
    fn a_texts_slashed_order_reads_dates_in_brackets_and_cells() {
        assert_eq!(slashed_order("logged (13/08/2025)."), Some(false));
        assert_eq!(slashed_order("| 08/13/25 |"), Some(true));
        assert_eq!(slashed_order("24/7 at /srv/13/02"), None);
        assert_eq!(slashed_order("13/08/2025 and 08/13/2025"), None);
        // A dashed date with its year last is written in the same order.
        assert_eq!(
            slashed_order("### 29-09-2021 (all times CEST)"),
            Some(false)
        );
        assert_eq!(slashed_order("shipped 09-29-2021"), Some(true));
        assert_eq!(slashed_order("pages 3-5-2021x, steps 1-2-3"), None);
    }
}
