//! Entry times written relative to something else: offsets from a stated T0
//! (`T0: 13:40 UTC`, then `- T+22m: alert pages`), each read as T0 plus the offset
//! in T0's zone; and a clock dated in parentheses after it (`22:10 (Mar 3)`).

use std::sync::LazyLock;

use regex::Regex;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::parse::markdown::date_line;
use crate::time;

/// A stated T0: `T0: 13:40 UTC`, `**T0:** 13:40 UTC`, `T0 = 13:40 UTC`, `Offsets are
/// from T0 (13:40 UTC)`, "all times relative to the release at 13:40 UTC".
/// ASCII digits only: the clock grammar reads no others, and a Unicode `\d` in
/// the negated gaps made this one pattern cost 31 M instructions to compile
/// (4.7 M now; bench/README.md).
static T0: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bT0\b[^\n0-9]{0,12}|relative to [^\n0-9]{0,60}?\bat )([0-9]{1,2}:[0-9]{2})(?:\s*(UTC|GMT|[A-Z]{2,5})\b)?")
        .expect("the T0 pattern is valid")
});

/// An offset from T0 opening an entry: `T+0`, `T+6m`, `T+1h25m`, `T + 2h`.
static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^T\s?\+\s?(?:(\d+)\s?h(?:rs?)?)?\s?(?:(\d+)\s?m(?:in)?)?\b")
        .expect("the offset pattern is valid")
});

/// The T0 a report states, if it writes `T+` offsets at all.
pub(crate) fn stated_t0(text: &str) -> Option<(jiff::civil::Time, String)> {
    if !text.contains("T+") && !text.contains("T +") {
        return None;
    }
    let c = T0.captures(text)?;
    let clock = c.get(1)?.as_str();
    let parsed = time::parse_time(clock).ok()?;
    let zone = c
        .get(2)
        .map(|z| z.as_str())
        .filter(|z| z.chars().all(|ch| ch.is_ascii_uppercase()))
        .filter(|z| matches!(*z, "UTC" | "GMT") || time::abbreviation(z).is_some());
    Some((parsed.time, zone.unwrap_or_default().to_string()))
}

/// `T+1h25m` at the start of `line`, when the report states its T0: the time
/// it stands for (T0 plus the offset, in T0's zone), where the offset ends in
/// `line`, and the time as it goes into the tree (`14:05 UTC`).
pub(crate) fn offset_time(
    (t0, zone): &(jiff::civil::Time, String),
    line: &str,
) -> Option<(time::ParsedTime, usize, String)> {
    let c = OFFSET.captures(line)?;
    let hours: i64 = c.get(1).map_or(Ok(0), |m| m.as_str().parse()).ok()?;
    let minutes: i64 = c.get(2).map_or(Ok(0), |m| m.as_str().parse()).ok()?;
    let whole = c.get(0)?;
    // `T+0` has neither part; `T+` alone is not an offset.
    if c.get(1).is_none() && c.get(2).is_none() && !line[whole.end()..].starts_with('0') {
        return None;
    }
    let end = if c.get(1).is_none() && c.get(2).is_none() {
        whole.end() + 1
    } else {
        whole.end()
    };
    let clock = t0
        .wrapping_add(jiff::SignedDuration::from_mins(hours * 60 + minutes))
        .strftime("%H:%M")
        .to_string();
    let written = if zone.is_empty() {
        clock
    } else {
        format!("{clock} {zone}")
    };
    let parsed = time::parse_time(&written).ok()?;
    Some((parsed, end, written))
}

/// A date in parentheses at the start of `rest` (which stands at byte `at`):
/// `(Mar 3)`, `(3 March 2025)`, `(2025-03-04)`, a date without its year taking
/// `hint`; the date and where the text after the closing parenthesis starts.
/// `None` for anything else in parentheses (`(approx.)`, `(EU only)`).
pub(crate) fn parenthesised_date(
    at: usize,
    rest: &str,
    hint: Option<i16>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Date, usize)> {
    let blank = rest.len() - rest.trim_start().len();
    let inner = rest[blank..].strip_prefix('(')?;
    let close = inner.find(')').filter(|&c| c <= 24)?;
    let written = &inner[..close];
    if !written.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut found = Vec::new();
    let date = date_line(written, at + blank + 1, hint, &mut found)??;
    diags.extend(found);
    Some((date, at + blank + 1 + close + 1))
}
