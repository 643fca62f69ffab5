//! Entry times written relative to something else: offsets from a stated T0
//! (`T0: 13:40 UTC`, then `- T+22m: alert pages`), each read as T0 plus the offset
//! in T0's zone; days counted from a stated D0 (`Incident day (D0): 9 October
//! 2025`, then `D0 22:30`, `D+1 01:15`), each read as D0 plus the days; and a
//! clock dated in parentheses after it (`22:10 (Mar 3)`).

use std::sync::LazyLock;

use crate::lean::Lean;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::parse::markdown::date_line;
use crate::time;

/// A stated T0: `T0: 13:40 UTC`, `**T0:** 13:40 UTC`, `T0 = 13:40 UTC`, `Offsets are
/// from T0 (13:40 UTC)`, "all times relative to the release at 13:40 UTC",
/// "Offsets are relative to T+0:00 = 09:14 UTC" (an incident tool's export).
/// ASCII digits only: the clock grammar reads no others, and a Unicode `\d` in
/// the negated gaps made this one pattern cost 31 M instructions to compile
/// (4.7 M now; bench/README.md).
static T0: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\bT0\b[^\n0-9]{0,12}|relative to [^\n0-9]{0,60}?\bat |\bT\s?\+\s?0(?::00)?\s*(?:=|is\s)\s*)([0-9]{1,2}:[0-9]{2})(?:\s*(UTC|GMT|[A-Z]{2,5})\b)?")
        .expect("the T0 pattern is valid")
});

/// An offset from T0 opening an entry: `T+0`, `T+6m`, `T+1h25m`, `T + 2h`, and
/// as hours and minutes, `T+0:06`, `T+1:07`.
static OFFSET: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^T\s?\+\s?(?:(\d+)\s?h(?:rs?)?)?\s?(?:(\d+)\s?m(?:in)?)?\b")
        .expect("the offset pattern is valid")
});
static OFFSET_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^T\s?\+\s?([0-9]{1,2}):([0-5][0-9])\b").expect("the offset pattern is valid")
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

/// Whether `line` opens with an offset from T0 (`T+0:06`, `T+12m`, `T + 1h`),
/// stated or not: a timeline's entry all the same.
pub(crate) fn leads_with_offset(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('T') else {
        return false;
    };
    let Some(rest) = rest.trim_start_matches(' ').strip_prefix('+') else {
        return false;
    };
    rest.trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit())
}

/// `T+1h25m` at the start of `line`, when the report states its T0: the time
/// it stands for (T0 plus the offset, in T0's zone), where the offset ends in
/// `line`, and the time as it goes into the tree (`14:05 UTC`).
pub(crate) fn offset_time(
    (t0, zone): &(jiff::civil::Time, String),
    line: &str,
) -> Option<(time::ParsedTime, usize, String)> {
    let c = OFFSET_CLOCK
        .captures(line)
        .or_else(|| OFFSET.captures(line))?;
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

/// The day a report names D0 (`Incident day (D0): Thursday, October 9, 2025`,
/// `D0 = 2025-10-09`): the first line that writes `D0` with a date after it, when
/// the report writes `D+N` day offsets at all.
pub(crate) fn stated_d0(text: &str) -> Option<Date> {
    if !text.contains("D+") {
        return None;
    }
    text.lines().find_map(|line| {
        let at = d0_word(line)?;
        super::date::first_date(&line[at..]).map(|(d, _)| d)
    })
}

/// Where the word `D0` ends in `line`.
fn d0_word(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    line.match_indices("D0").find_map(|(i, _)| {
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(i + 2).copied();
        let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_');
        (!word(before) && !word(after)).then_some(i + 2)
    })
}

/// A day offset opening a time (`D0 22:30`, `D+1 01:15`, `D-1 18:00`): the days
/// and where the clock after it starts. Only with a clock after it.
pub(crate) fn day_offset(written: &str) -> Option<(i64, usize)> {
    let rest = written.strip_prefix('D')?;
    let (sign, digits_at) = match rest.as_bytes().first()? {
        b'+' => (1, 1),
        b'-' => (-1, 1),
        b'0' => (1, 0),
        _ => return None,
    };
    let digits = &rest[digits_at..];
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 || (digits_at == 0 && n != 1) {
        return None;
    }
    let days: i64 = digits[..n].parse().ok()?;
    let after = &digits[n..];
    let blank = after.len() - after.trim_start().len();
    let clock = &after[blank..];
    if blank == 0 || !clock.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((sign * days, written.len() - clock.len()))
}

/// `D+1 01:15` read against `d0`: the time as it goes into the tree
/// (`2025-10-10 01:15`), when the offset leads `written`.
pub(crate) fn dated_by_d0(d0: Date, written: &str) -> Option<String> {
    let (days, clock) = day_offset(written)?;
    let day = d0.checked_add(jiff::Span::new().days(days)).ok()?;
    let out = format!("{day} {}", written[clock..].trim());
    time::parse_time(&out).ok().map(|_| out)
}

/// `D+1 01:15` at the start of `line`, read against `d0`: the time it stands
/// for, where it ends in `line`, and the time as it goes into the tree.
pub(crate) fn d0_time(d0: Date, line: &str) -> Option<(time::ParsedTime, usize, String)> {
    let (days, clock) = day_offset(line)?;
    let (_, end) = time::scan_leading_time(&line[clock..]).ok()??;
    let day = d0.checked_add(jiff::Span::new().days(days)).ok()?;
    let written = format!("{day} {}", line[clock..clock + end].trim());
    let parsed = time::parse_time(&written).ok()?;
    Some((parsed, clock + end, written))
}

#[cfg(test)]
mod tests {
    use super::{d0_word, day_offset};

    #[test]
    fn a_line_led_by_an_offset() {
        for yes in ["T+0:06 alert", "T + 1h rollback", "T+12m paged"] {
            assert!(super::leads_with_offset(yes), "{yes}");
        }
        for no in ["Tuesday", "T+ later", "TTL+5", " T+1"] {
            assert!(!super::leads_with_offset(no), "{no}");
        }
    }

    #[test]
    fn offsets_written_as_hours_and_minutes_from_t_plus_zero() {
        let text = "Offsets are relative to T+0:00 = 09:14 UTC.\n\n- **T+0:06** alert fires\n";
        let t0 = super::stated_t0(text).expect("T0");
        assert_eq!(t0.0.strftime("%H:%M").to_string(), "09:14");
        assert_eq!(t0.1, "UTC");
        let at = |line: &str| super::offset_time(&t0, line).map(|(_, end, written)| (end, written));
        assert_eq!(at("T+0:06 alert fires"), Some((6, "09:20 UTC".to_string())));
        assert_eq!(at("T+1:07 resolved"), Some((6, "10:21 UTC".to_string())));
        assert_eq!(at("T+12m alert"), Some((5, "09:26 UTC".to_string())));
    }

    #[test]
    fn day_offsets_need_a_clock_after_them() {
        assert_eq!(day_offset("D0 22:30"), Some((0, 3)));
        assert_eq!(day_offset("D+1 01:15"), Some((1, 4)));
        assert_eq!(day_offset("D-2  18:00"), Some((-2, 5)));
        // A word, a D-day with nothing after it, a version: not offsets.
        for s in [
            "D0",
            "D+1",
            "D+1: started",
            "D01 22:30",
            "DNS 22:30",
            "D0x 22:30",
            "D+123 01:00",
        ] {
            assert_eq!(day_offset(s), None, "{s}");
        }
        assert_eq!(d0_word("Incident day (D0): 9 June"), Some(16));
        assert_eq!(d0_word("build AD0 and D0x"), None);
    }
}
