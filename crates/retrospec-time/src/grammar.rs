//! The time expression: what may come before the clock (`from`, approximation
//! marks), placeholders where a clock belongs, the end of a range, and the entry
//! points [`parse_time`] (a whole value) and [`scan_leading_time`] (the start of a
//! line of prose), which share one grammar (`scan_expression`).

use std::ops::Range;

use crate::clock::{Clock, scan_time_of_day};
use crate::date::{
    make_date, scan_iso_date_raw, scan_slashed_date, scan_year_first_slashed, slashed_date,
};
use crate::lex::{
    byte, count_while, count_while_rev_ws, is_word_byte, skip_blanks, starts_with_word,
};
use crate::zone_scan::{Mode, scan_zone};
use crate::{ParsedTime, RangeEnd, TimeError, TimeErrorKind, Zone};

const FORMS_HELP: &str =
    "write a time such as `14:05 UTC`, `2024-06-10 14:05 CEST` or `2024-06-10T14:05:00Z`";

/// Words and signs that make the following time approximate, lowercase.
/// A word needs a blank after it; a sign may be attached (`~10:50`).
const APPROXIMATE_WORDS: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "around",
    "about",
    "circa",
    "ca.",
    "c.",
];
const APPROXIMATE_SIGNS: &[&str] = &["~", "±", "≈", "+/-"];

/// What may come before the clock: `from` (a range follows) and an
/// approximation marker. Returns the marker's range and where the date or
/// clock starts.
fn scan_prefix(s: &str, pos: usize) -> (Option<Range<usize>>, usize) {
    let b = s.as_bytes();
    let mut p = pos;
    let rest = s.get(p..).unwrap_or("");
    if starts_with_word(rest, "from") {
        p = skip_blanks(b, p + 4);
    }
    let rest = s.get(p..).unwrap_or("");
    for sign in APPROXIMATE_SIGNS {
        if rest.starts_with(sign) {
            let end = p + sign.len();
            return (Some(p..end), skip_blanks(b, end));
        }
    }
    for word in APPROXIMATE_WORDS {
        if starts_with_word(rest, word) {
            let end = p + word.len();
            return (Some(p..end), skip_blanks(b, end));
        }
    }
    (None, p)
}

/// A note in brackets at `pos` that the time is not known yet: `[time TBD]`,
/// `(exact time unknown)`, `[unknown]`: words from a short list only, one of them
/// saying the time is missing.
fn bracketed_unknown(b: &[u8], pos: usize) -> Option<Range<usize>> {
    let close = if byte(b, pos) == Some(b'[') {
        b']'
    } else {
        b')'
    };
    let len = b
        .get(pos + 1..)?
        .iter()
        .take(32)
        .position(|&c| c == close)?;
    let inner = std::str::from_utf8(&b[pos + 1..pos + 1 + len]).ok()?;
    let mut missing = false;
    for word in inner.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "tbd" | "tbc" | "tba" | "unknown" => missing = true,
            "time" | "exact" => {}
            _ => return None,
        }
    }
    let end = pos + len + 2;
    (missing && !is_word_byte(byte(b, end))).then_some(pos..end)
}

/// A placeholder where a time belongs, at `pos`: `??:??`, `XX:XX`, `HH:MM`,
/// `--:--`, `??`, `[???]`, `TBD`, `TBC`, `TBA` (optionally in brackets).
fn scan_placeholder(b: &[u8], pos: usize) -> Option<Range<usize>> {
    let open = matches!(byte(b, pos), Some(b'[' | b'('));
    let mut p = pos + usize::from(open);
    // `[time TBD]`, `(time unknown)`.
    if open
        && b.get(p..p + 5)
            .is_some_and(|x| x.eq_ignore_ascii_case(b"time "))
    {
        p = skip_blanks(b, p + 5);
    }
    let unknown = |c: u8| matches!(c, b'?' | b'X' | b'x' | b'-');
    let mut end = None;
    let n1 = count_while(b, p, unknown);
    if (1..=2).contains(&n1)
        && byte(b, p + n1) == Some(b':')
        && count_while(b, p + n1 + 1, unknown) == 2
    {
        end = Some(p + n1 + 3);
    } else if b
        .get(p..p + 5)
        .is_some_and(|x| x.eq_ignore_ascii_case(b"hh:mm"))
    {
        end = Some(p + 5);
    } else if count_while(b, p, |c| c == b'?') >= 2 {
        end = Some(p + count_while(b, p, |c| c == b'?'));
    } else if matches!(b.get(p..p + 3), Some(b"TBD" | b"TBC" | b"TBA")) {
        end = Some(p + 3);
    } else if open {
        return bracketed_unknown(b, pos);
    }
    let mut end = end?;
    if open {
        let close = if byte(b, pos) == Some(b'[') {
            b']'
        } else {
            b')'
        };
        if byte(b, end) != Some(close) {
            return None;
        }
        end += 1;
    }
    if is_word_byte(byte(b, end)) {
        return None;
    }
    Some(pos..end)
}

fn placeholder_error(s: &str, range: Range<usize>) -> TimeError {
    let text = s.get(range.clone()).unwrap_or("");
    TimeError::new(
        format!("the time is not known: `{text}` is a placeholder"),
        range,
    )
    .with_help("write the time, approximately if need be (`~10:50 UTC`), or say in the text that it is not known and leave the entry out of the timeline")
    .of_kind(TimeErrorKind::Placeholder)
}

/// The end of a range after a clock that ended at `pos`: `-04:30` attached,
/// or ` - `, ` – `, ` to `, ` until ` between blanks, then a clock. An
/// attached `-` after an RFC 3339 time (`T` between date and time) is an
/// offset, and `-05:00` after a blank with no blank behind it is an offset too.
fn scan_range_tail(s: &str, pos: usize, rfc3339: bool) -> Result<Option<Clock>, TimeError> {
    let b = s.as_bytes();
    let p = skip_blanks(b, pos);
    let spaced = p > pos;
    let rest = s.get(p..).unwrap_or("");
    let dash = ["-", "–", "—"].into_iter().find(|d| rest.starts_with(d));
    let q = if let Some(d) = dash {
        let q = p + d.len();
        let q2 = skip_blanks(b, q);
        if spaced && q2 == q {
            return Ok(None);
        }
        if !spaced && rfc3339 {
            return Ok(None);
        }
        q2
    } else if spaced {
        match ["to", "until", "till"]
            .into_iter()
            .find(|w| starts_with_word(rest, w))
        {
            Some(w) => skip_blanks(b, p + w.len()),
            None => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    // Only a clock with a colon or an `h`, or an hour with AM/PM, ends a range.
    match scan_time_of_day(b, q)? {
        Some(c) if !c.compact => Ok(Some(c)),
        _ => Ok(None),
    }
}

/// The shared grammar of [`parse_time`] and [`scan_leading_time`]: an
/// expression at `start`, and where it ends. `Ok(None)` when no clock is
/// there; `Err` for a placeholder, an ambiguous or invalid slashed date, an
/// invalid date followed by a clock, an invalid clock or offset.
/// Past a weekday's name between a date and its clock (`2025-10-07 Tue 21:58`,
/// as Org mode and some loggers write a time stamp; `Tue,` too): where the clock
/// may start. Whether the weekday is the date's is for the check's weekday
/// rule to say; the time is read either way.
fn skip_weekday(b: &[u8], pos: usize) -> usize {
    let letters = count_while(b, pos, |c| c.is_ascii_alphabetic());
    let Some(word) = b
        .get(pos..pos + letters)
        .and_then(|w| std::str::from_utf8(w).ok())
    else {
        return pos;
    };
    if crate::date::weekday_from_name(word).is_none() {
        return pos;
    }
    let after = pos + letters + usize::from(matches!(byte(b, pos + letters), Some(b',' | b'.')));
    let clock = skip_blanks(b, after);
    match byte(b, clock) {
        Some(c) if clock > after && c.is_ascii_digit() => clock,
        _ => pos,
    }
}

fn scan_expression(
    s: &str,
    start: usize,
    mode: Mode,
) -> Result<Option<(ParsedTime, usize)>, TimeError> {
    let b = s.as_bytes();
    let (approximate, mut pos) = scan_prefix(s, start);
    if let Some(r) = scan_placeholder(b, pos) {
        return Err(placeholder_error(s, r));
    }
    let mut date = None;
    let mut rfc3339 = false;
    if let Some((first, second, year, dend)) = scan_slashed_date(b, pos) {
        let range = pos..dend;
        // An ambiguous or impossible slashed date is reported wherever it is.
        let value = slashed_date(s, first, second, year, range.clone())?;
        let after_comma = if byte(b, dend) == Some(b',') {
            dend + 1
        } else {
            dend
        };
        if !matches!(byte(b, after_comma), Some(b' ' | b'\t')) {
            return Ok(None);
        }
        pos = skip_blanks(b, after_comma);
        date = Some((Ok(value), range));
    } else if let Some((y, m, d, dend)) = scan_iso_date_raw(b, pos) {
        let range = pos..dend;
        pos = match byte(b, dend) {
            Some(b'T' | b't') => {
                rfc3339 = true;
                dend + 1
            }
            Some(b' ' | b'\t') => skip_weekday(b, skip_blanks(b, dend)),
            _ => return Ok(None),
        };
        let value = make_date(y, m, d).map_err(|msg| TimeError::new(msg, range.clone()));
        date = Some((value, range));
    } else if let Some((y, m, d, dend)) = scan_year_first_slashed(b, pos) {
        // `2025/03/06 07:25`: year first, one reading.
        let range = pos..dend;
        if !matches!(byte(b, dend), Some(b' ' | b'\t')) {
            return Ok(None);
        }
        pos = skip_blanks(b, dend);
        let value = make_date(y, m, d).map_err(|msg| TimeError::new(msg, range.clone()));
        date = Some((value, range));
    }
    let mut approximate = approximate;
    if date.is_some() {
        // `2024-06-10 ~10:50`: the marker may follow the date.
        // `2024-06-10 from 10:51 to 12:26` too (a date line's date put before it).
        let (marker, p) = scan_prefix(s, pos);
        if approximate.is_none() || marker.is_none() {
            approximate = approximate.or(marker);
            pos = p;
        }
        if let Some(r) = scan_placeholder(b, pos) {
            return Err(placeholder_error(s, r));
        }
    }
    let Some(clock) = scan_time_of_day(b, pos)? else {
        return Ok(None);
    };
    let (date, date_range) = match date {
        Some((value, range)) => (Some(value?), Some(range)),
        None => (None, None),
    };
    // `2024-06-10 16:05:00-04:00` (a date, seconds, then `-HH:MM`) is how many
    // programs print an offset; without seconds `-HH:MM` ends a range.
    let with_seconds = s
        .get(clock.range.clone())
        .is_some_and(|t| t.bytes().filter(|&c| c == b':').count() >= 2);
    let offset_style = rfc3339 || (date.is_some() && with_seconds);
    let mut after = clock.range.end;
    let mut until = None;
    let mut zone = None;
    if !clock.compact {
        until = scan_range_tail(s, after, offset_style)?;
    }
    if let Some(end) = &until {
        after = end.range.end;
        if let Some(z) = scan_zone(s, after, mode, true)? {
            after = z.1.end;
            zone = Some(z);
        }
    } else {
        zone = scan_zone(s, after, mode, date.is_some())?;
        if let Some((z1, r1)) = &zone {
            after = r1.end;
            if !clock.compact
                && let Some(end) = scan_range_tail(s, after, offset_style)?
            {
                after = end.range.end;
                // `10:51 UTC to 12:26 UTC`: the same zone again is part of it.
                if let Some((z2, r2)) = scan_zone(s, after, mode, true)?
                    && z2 == *z1
                {
                    after = r2.end;
                }
                until = Some(end);
            }
        }
    }
    if clock.compact && !matches!(&zone, Some((z, _)) if !matches!(z, Zone::Unknown(_))) {
        // `0915` is a time only with a zone (`0915Z`, `0915 UTC`).
        return Ok(None);
    }
    if mode == Mode::Prose && zone.is_none() && until.is_none() && is_word_byte(byte(b, after)) {
        // `10:13abc`: not a time followed by text.
        return Ok(None);
    }
    let mut time = clock.time;
    if let Some(end) = &until
        && end.meridiem
        && !clock.meridiem
        && (1..12).contains(&time.hour())
        && end.time.hour() >= 12
        && time.hour() + 12 <= end.time.hour()
    {
        // `2:00-4:30 PM`: the AM/PM of the end applies to the start.
        time = time.with().hour(time.hour() + 12).build().unwrap_or(time);
    }
    let (zone, zone_range) = match zone {
        Some((z, r)) => (Some(z), Some(r)),
        None => (None, None),
    };
    let parsed = ParsedTime {
        date,
        time,
        zone,
        date_range,
        time_range: clock.range,
        zone_range,
        approximate,
        until: until.map(|c| RangeEnd {
            time: c.time,
            time_range: c.range,
            end_of_day: c.end_of_day,
        }),
        end_of_day: clock.end_of_day,
        leap_second: clock.leap_second,
    };
    Ok(Some((parsed, after)))
}

/// Parses a whole string (a milestone or timeline value).
///
/// Accepted: `YYYY-MM-DDTHH:MM[:SS[.f]]ZONE` (RFC 3339; seconds optional),
/// `YYYY-MM-DD HH:MM[:SS] [ZONE]`, or `HH:MM[:SS] [ZONE]`, and every other
/// form in the module documentation (AM/PM, `09h15`, `0915Z`, approximate
/// times, ranges, unambiguous slashed dates). Surrounding ASCII whitespace is
/// ignored; everything else must be consumed. Ranges refer to the untrimmed
/// input. Any word after the clock that is not a known zone becomes
/// [`Zone::Unknown`].
pub fn parse_time(s: &str) -> Result<ParsedTime, TimeError> {
    let start = count_while(s.as_bytes(), 0, |c| c.is_ascii_whitespace());
    if start == s.len() {
        return Err(
            TimeError::new("expected a time, found nothing", 0..s.len()).with_help(FORMS_HELP)
        );
    }
    // Scan only up to the trailing whitespace (an ASCII byte, so a char
    // boundary): positions stay relative to the untrimmed input.
    let end = s.len() - count_while_rev_ws(s.as_bytes());
    let s = s.get(..end).unwrap_or(s);
    let b = s.as_bytes();
    let Some((parsed, after)) = scan_expression(s, start, Mode::Value)? else {
        return Err(not_a_time(s, start, end));
    };
    let rest = skip_blanks(b, after);
    if rest < end {
        let message = if parsed.zone.is_some() {
            "unexpected text after the time zone"
        } else {
            "unexpected text after the time"
        };
        return Err(TimeError::new(message, rest..end).with_help(FORMS_HELP));
    }
    Ok(parsed)
}

/// Why `s[start..end]` is not a time expression (for [`parse_time`]).
fn not_a_time(s: &str, start: usize, end: usize) -> TimeError {
    let b = s.as_bytes();
    let token_end =
        |from: usize| (from + count_while(b, from, |c| !c.is_ascii_whitespace())).min(end);
    let (_, mut pos) = scan_prefix(s, start);
    let mut date_range = None;
    if let Some((y, m, d, dend)) = scan_iso_date_raw(b, pos) {
        let range = pos..dend;
        if let Err(msg) = make_date(y, m, d) {
            return TimeError::new(msg, range);
        }
        match byte(b, dend) {
            Some(b'T' | b't') => pos = dend + 1,
            Some(b' ' | b'\t') => pos = skip_blanks(b, dend),
            None => {
                return TimeError::new("expected a time after the date", range)
                    .with_help(FORMS_HELP);
            }
            Some(_) => {
                return TimeError::new(
                    "expected `T` or a space between the date and the time",
                    dend..token_end(dend),
                )
                .with_help(FORMS_HELP);
            }
        }
        date_range = Some(range);
    } else if let Some((.., dend)) = scan_slashed_date(b, pos) {
        date_range = Some(pos..dend);
        pos = skip_blanks(b, dend);
    }
    let what = if date_range.is_some() {
        "expected a time (HH:MM) after the date"
    } else {
        "expected a time (HH:MM) or a date and time"
    };
    let r = if pos >= end {
        date_range.unwrap_or(pos..end)
    } else {
        pos..token_end(pos).max(pos + 1)
    };
    TimeError::new(what, r).with_help(FORMS_HELP)
}

/// Scans a time expression at the start of a line of prose, as in a Markdown
/// timeline item (`16:05 CEST: Service degradation began`,
/// `2024-06-10 16:05 CEST - Deploy`, `10:13 CET The first ...`,
/// `~4pm PST alerts`, `02:00-04:30 UTC maintenance`).
///
/// Leading ASCII whitespace is skipped; Markdown markers (`- `, `**`) are not,
/// so pass the item's text. Returns the parsed time and the byte offset where
/// the expression ends (before any separator such as `:` or ` - `), or
/// `Ok(None)` when the line does not start with a time (a line starting with
/// a date but no time is `Ok(None)` too). Returns `Err` for a placeholder
/// (`??:??`, `TBD`: [`TimeErrorKind::Placeholder`]), a line starting with an
/// ambiguous slashed date (`01/07/2023 - 10:50`:
/// [`TimeErrorKind::AmbiguousDate`]), an invalid time (`25:00`), an invalid
/// date followed by a time, or an out-of-range offset. See the module
/// documentation for which following words count as zones.
pub fn scan_leading_time(line: &str) -> Result<Option<(ParsedTime, usize)>, TimeError> {
    let start = count_while(line.as_bytes(), 0, |c| c.is_ascii_whitespace());
    scan_expression(line, start, Mode::Prose)
}
#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::testing::*;

    /// A weekday between an ISO date and its clock (an Org time stamp) is read
    /// past; whether it is the date's is not the grammar's to say. A weekday
    /// with no clock after it is no time.
    #[test]
    fn a_weekday_between_the_date_and_the_clock() {
        for written in [
            "2025-10-07 Tue 21:58",
            "2025-10-07 Tuesday, 21:58",
            "2025-10-07 Thu 21:58",
        ] {
            let p = parse_time(written).unwrap();
            assert_eq!(p.time, t(21, 58, 0), "{written}");
            assert_eq!(p.date.unwrap().to_string(), "2025-10-07", "{written}");
            assert_eq!(&written[p.time_range.clone()], "21:58", "{written}");
        }
        for written in [
            "2025-10-07 Tue",
            "2025-10-07 Tuesday morning",
            "2025-10-07 Mar 21:58",
        ] {
            assert!(scan_leading_time(written).unwrap().is_none(), "{written}");
        }
    }

    /// `Uhr` (German for o'clock) is part of the time; the German zone names
    /// are the Central European ones.
    #[test]
    fn uhr_and_the_german_zone_names() {
        let p = parse_time("09:14 Uhr").unwrap();
        assert_eq!(p.time, t(9, 14, 0));
        assert_eq!(p.zone, None);
        let p = parse_time("10:20 Uhr MEZ").unwrap();
        assert_eq!(p.time, t(10, 20, 0));
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("MEZ").unwrap())));
        assert_eq!(p.zone_range, Some(10..13));
        let p = parse_time("09:14 MESZ").unwrap();
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("MESZ").unwrap())));
        // Another word is no `Uhr`: an unknown zone, as any word after a clock.
        assert!(matches!(
            parse_time("09:14 Uhrzeit").unwrap().zone,
            Some(Zone::Unknown(_))
        ));
    }

    #[test]
    fn rfc3339_forms() {
        let s = "2024-06-10T16:05:00+02:00";
        let p = parse_time(s).unwrap();
        assert_eq!(p.date, Some(date(2024, 6, 10)));
        assert_eq!(p.time, t(16, 5, 0));
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(p.date_range, Some(0..10));
        assert_eq!(p.time_range, 11..19);
        assert_eq!(p.zone_range, Some(19..25));
        assert_eq!(p.range(), 0..25);

        let p = parse_time("2024-06-10T14:05Z").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        assert_eq!(p.time, t(14, 5, 0));
        assert_eq!(p.zone_range, Some(16..17));

        let p = parse_time("2024-06-10t14:05:07.25z").unwrap();
        assert_eq!(p.time, Time::new(14, 5, 7, 250_000_000).unwrap());
        assert_eq!(p.zone, Some(Zone::Utc));

        let p = parse_time("2024-06-10T14:05:07.123456789-0500").unwrap();
        assert_eq!(p.time, Time::new(14, 5, 7, 123_456_789).unwrap());
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));

        let p = parse_time("2024-06-10T14:05+05").unwrap();
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(5).unwrap())));

        let p = parse_time("2024-06-10T14:05-00:00").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));

        let r = resolve_str("2024-06-10T16:05:00+02:00").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
    }

    #[test]
    fn date_space_time_zone_forms() {
        let s = "2024-06-10 16:05 CEST";
        let p = parse_time(s).unwrap();
        assert_eq!(text(s, &p.date_range), "2024-06-10");
        assert_eq!(&s[p.time_range.clone()], "16:05");
        assert_eq!(text(s, &p.zone_range), "CEST");
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));

        let p = parse_time("2024-06-10   16:05:30").unwrap();
        assert_eq!(p.time, t(16, 5, 30));
        assert_eq!(p.zone, None);

        let p = parse_time("2024-06-10 16:05 UTC").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("2024-06-10 16:05 GMT").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("2024-06-10 16:05 +02").unwrap();
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        let p = parse_time("2024-06-10 16:05 Europe/Paris").unwrap();
        match p.zone {
            Some(Zone::Iana(tz, name)) => {
                assert_eq!(name, "Europe/Paris");
                assert_eq!(tz.iana_name(), Some("Europe/Paris"));
            }
            other => panic!("{other:?}"),
        }
        let p = parse_time("2024-06-10 16:05 America/Argentina/Buenos_Aires").unwrap();
        assert!(matches!(p.zone, Some(Zone::Iana(..))));
    }

    #[test]
    fn time_only_forms() {
        let p = parse_time("16:05").unwrap();
        assert_eq!((p.date, p.time, p.zone), (None, t(16, 5, 0), None));
        assert_eq!(p.time_range, 0..5);
        assert_eq!(p.date_range, None);

        let p = parse_time("9:05 UTC").unwrap();
        assert_eq!(p.time, t(9, 5, 0));
        assert_eq!(p.zone_range, Some(5..8));

        let p = parse_time("16:05:59 -05:00").unwrap();
        assert_eq!(p.time, t(16, 5, 59));
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));

        let p = parse_time("16:05Z").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("00:00").unwrap();
        assert_eq!(p.time, t(0, 0, 0));
        let p = parse_time("23:59:59").unwrap();
        assert_eq!(p.time, t(23, 59, 59));
    }

    #[test]
    fn meridiem() {
        assert_eq!(parse_time("3:05 PM UTC").unwrap().time, t(15, 5, 0));
        assert_eq!(parse_time("3:05pm").unwrap().time, t(15, 5, 0));
        assert_eq!(parse_time("12:30 a.m.").unwrap().time, t(0, 30, 0));
        assert_eq!(parse_time("12:30 PM").unwrap().time, t(12, 30, 0));
        assert_eq!(parse_time("11:59 am").unwrap().time, t(11, 59, 0));
        let s = "3:05 PM EST: paged";
        let (p, end) = scan(s);
        assert_eq!(&s[p.time_range.clone()], "3:05 PM");
        assert_eq!(&s[..end], "3:05 PM EST");
        assert!(parse_time("13:05 PM").is_err());
        assert!(parse_time("0:05 AM").is_err());
        // `Amazon` is not a meridiem marker.
        let (p, end) = scan("10:13 Amazon paged us");
        assert_eq!((p.zone, end), (None, 5));
    }

    #[test]
    fn utc_with_offset_forms() {
        let cases = [
            ("10:00 UTC+2", 2 * 3600),
            ("10:00 UTC+02:00", 2 * 3600),
            ("10:00 UTC+0200", 2 * 3600),
            ("10:00 GMT-5", -5 * 3600),
            ("10:00 UTC+5:30", 5 * 3600 + 1800),
            ("10:00 UTC-03:30", -(3 * 3600 + 1800)),
        ];
        for (s, secs) in cases {
            let p = parse_time(s).unwrap();
            assert_eq!(
                p.zone,
                Some(Zone::Offset(Offset::from_seconds(secs).unwrap())),
                "{s}"
            );
            assert_eq!(p.zone_range, Some(6..s.len()), "{s}");
            let (q, end) = scan(&format!("{s}: text"));
            assert_eq!(q.zone, p.zone, "{s}");
            assert_eq!(end, s.len(), "{s}");
        }
        assert_eq!(parse_time("10:00 UTC+0").unwrap().zone, Some(Zone::Utc));
        assert_eq!(parse_time("10:00 utc").unwrap().zone, Some(Zone::Utc));
        assert!(parse_time("10:00 UTC+99").is_err());
        assert!(scan_leading_time("10:00 UTC+15: x").is_err());
    }

    #[test]
    fn parse_time_trims_and_ranges_refer_to_untrimmed_input() {
        let s = "  \t2024-06-10 16:05 CEST \n";
        let p = parse_time(s).unwrap();
        assert_eq!(p.date_range, Some(3..13));
        assert_eq!(p.time_range, 14..19);
        assert_eq!(p.zone_range, Some(20..24));
    }

    #[test]
    fn parse_time_unknown_words_become_unknown_zones() {
        let p = parse_time("10:00 XYZT").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("XYZT".into())));
        let p = parse_time("10:00 Atlantis").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Atlantis".into())));
        let s = "2024-01-01 10:00 Mars/Olympus";
        let p = parse_time(s).unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Mars/Olympus".into())));
        assert_eq!(text(s, &p.zone_range), "Mars/Olympus");
        let p = parse_time("10:00 EST5EDT").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("EST5EDT".into())));
        // `Etc/Unknown` is jiff's placeholder, not a real zone.
        let p = parse_time("10:00 Etc/Unknown").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Etc/Unknown".into())));
    }

    #[test]
    fn parse_time_errors() {
        let e = parse_time("").unwrap_err();
        assert!(e.message.contains("nothing"));
        let e = parse_time("   ").unwrap_err();
        assert_eq!(e.range, 0..3);
        let e = parse_time("10:00 CEST trailing").unwrap_err();
        assert_eq!(e.range, 11..19);
        let e = parse_time("2024-06-10").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("after the date"));
        let e = parse_time("2024-02-30 10:00").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("29 days"), "{}", e.message);
        let e = parse_time("2024-13-01 10:00").unwrap_err();
        assert!(e.message.contains("month 13"), "{}", e.message);
        let e = parse_time("24:01").unwrap_err();
        assert_eq!(e.range, 0..5);
        assert!(e.message.contains("hour 24"), "{}", e.message);
        let e = parse_time("23:60").unwrap_err();
        assert!(e.message.contains("minute 60"));
        let e = parse_time("23:58:60").unwrap_err();
        assert!(e.message.contains("second 60"));
        let e = parse_time("x 2024-01-01 10:00 UTC").unwrap_err();
        assert_eq!(e.range, 0..1);
        assert!(parse_time("99999-01-01 10:00").is_err());
        assert!(parse_time("2024-06-10X10:00").is_err());
        assert!(parse_time("10:00:00.1234567890").is_err());
        let e = parse_time("01/07/2023 10:50").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("ambiguous"));
    }

    #[test]
    fn scan_time_and_abbreviation() {
        let s = "16:05 CEST: Service degradation began";
        let (p, end) = scan(s);
        assert_eq!(end, 10);
        assert_eq!(&s[end..], ": Service degradation began");
        assert_eq!(p.time, t(16, 5, 0));
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));
        assert_eq!(p.time_range, 0..5);
        assert_eq!(p.zone_range, Some(6..10));
    }

    #[test]
    fn scan_date_time_zone() {
        let s = "2024-06-10 16:05 CEST - Deploy";
        let (p, end) = scan(s);
        assert_eq!(p.date, Some(date(2024, 6, 10)));
        assert_eq!(p.date_range, Some(0..10));
        assert_eq!(p.time_range, 11..16);
        assert_eq!(&s[..end], "2024-06-10 16:05 CEST");

        let s = "2024-06-10T16:05:00Z deploy";
        let (p, end) = scan(s);
        assert_eq!(p.zone, Some(Zone::Utc));
        assert_eq!(end, 20);

        let (p, end) = scan("2024-06-10T16:05-04:00 x");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-4).unwrap())));
        assert_eq!(end, 22);
    }

    #[test]
    fn scan_zone_without_separator() {
        let s = "10:13 CET The first alert fired";
        let (p, end) = scan(s);
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CET").unwrap())));
        assert_eq!(end, 9);
    }

    #[test]
    fn scan_following_word_is_not_a_zone() {
        for s in [
            "10:13 More deployments",
            "10:13 DNS failed",
            "10:13 IT was notified",
            "10:13 GET requests failed",
            "10:13 ALERT fired",
            "10:13 TCP/IP stack",
            "10:13 and/or",
            "10:13 Z-wave",
            "10:13 -15 servers",
            "10:13 +1 more",
            "10:13",
            "10:13 ",
        ] {
            let (p, end) = scan(s);
            assert_eq!(p.time, t(10, 13, 0), "{s}");
            assert_eq!(p.zone, None, "{s}");
            assert_eq!(p.zone_range, None, "{s}");
            assert_eq!(end, 5, "{s}");
        }
    }

    #[test]
    fn scan_time_range_is_not_an_offset() {
        let (p, end) = scan("10:13-10:45 Outage");
        assert_eq!((p.zone, end), (None, 11));
        assert_eq!(p.until.unwrap().time, t(10, 45, 0));
        let (p, end) = scan("10:13+02:00 Outage");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(end, 11);
        let (p, end) = scan("10:13 -05:00 Outage");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));
        assert_eq!(end, 12);
    }

    #[test]
    fn scan_zone_kinds() {
        let (p, end) = scan("10:13 Z: x");
        assert_eq!((p.zone, end), (Some(Zone::Utc), 7));
        let (p, _) = scan("10:13 GMT x");
        assert_eq!(p.zone, Some(Zone::Utc));
        let (p, end) = scan("10:13 +0200 x");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(end, 11);
        let (p, end) = scan("10:13 Europe/Paris: x");
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "Europe/Paris"));
        assert_eq!(end, 18);
        let (p, _) = scan("10:13 Mars/Olympus x");
        assert_eq!(p.zone, Some(Zone::Unknown("Mars/Olympus".into())));
        let (p, _) = scan("10:13 Europe/Atlantis x");
        assert_eq!(p.zone, Some(Zone::Unknown("Europe/Atlantis".into())));
        let (p, end) = scan("10:13 XYZT: x");
        assert_eq!((p.zone, end), (Some(Zone::Unknown("XYZT".into())), 10));
        let (p, _) = scan("10:13 NZT x");
        assert!(matches!(p.zone, Some(Zone::Ambiguous { ref text, .. }) if text == "NZT"));
        let (p, _) = scan("10:13 CST x");
        match p.zone {
            Some(Zone::Ambiguous { text, meanings }) => {
                assert_eq!(text, "CST");
                assert_eq!(meanings.len(), 3);
                assert!(meanings[1].contains("China"));
            }
            other => panic!("{other:?}"),
        }
        let (p, _) = scan("10:13 PT x");
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "PT"));
        let (p, _) = scan("10:13 BST x");
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("BST").unwrap())));
    }

    #[test]
    fn scan_ranges_after_leading_whitespace_and_non_ascii() {
        let s = "   16:05 CEST: Dienst gestört — Überlast";
        let (p, end) = scan(s);
        assert_eq!(p.time_range, 3..8);
        assert_eq!(p.zone_range, Some(9..13));
        assert_eq!(end, 13);
        assert_eq!(&s[end..], ": Dienst gestört — Überlast");

        let s = "\t09:30 Ärger im Betrieb";
        let (p, end) = scan(s);
        assert_eq!(p.time_range, 1..6);
        assert_eq!((p.zone, end), (None, 6));

        let s = "09:30—Überlast";
        let (_, end) = scan(s);
        assert_eq!(end, 5);
    }

    #[test]
    fn scan_not_a_time() {
        for s in [
            "",
            "   ",
            "Deploy started",
            "2024-06-10",
            "2024-06-10: deploy",
            "2024-06-10 deploy",
            "123:45 x",
            "10:1 x",
            "10:135 x",
            "10:13abc",
            "1/2 of the fleet",
            "10.13 x",
            "**16:05 CEST** Deploy",
            "- 16:05 x",
            "99999-01-01 10:00",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s:?}");
        }
    }

    #[test]
    fn scan_errors() {
        let e = scan_leading_time("01/07/2023 - 10:50 Deploy").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("ambiguous"), "{}", e.message);
        assert!(e.message.contains("1 July 2023"), "{}", e.message);
        assert!(e.message.contains("7 January 2023"), "{}", e.message);
        assert!(e.help.as_deref().unwrap().contains("2023-07-01"));

        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);

        let e = scan_leading_time("07/01/23 10:50").unwrap_err();
        assert!(e.help.as_deref().unwrap().contains("2023-01-07"));
        let e = scan_leading_time("13/13/2023 10:50").unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::Invalid);
        assert_eq!(e.range, 0..10);

        let e = scan_leading_time("25:00 CEST: x").unwrap_err();
        assert_eq!(e.range, 0..5);
        let e = scan_leading_time(" 23:60 x").unwrap_err();
        assert_eq!(e.range, 1..6);
        let e = scan_leading_time("2024-02-30 10:00 UTC: x").unwrap_err();
        assert_eq!(e.range, 0..10);
        let e = scan_leading_time("10:00 +20:00 x").unwrap_err();
        assert_eq!(e.range, 6..12);
    }

    #[test]
    fn twelve_hour_forms() {
        for (s, h, m) in [
            ("4:00 PM", 16, 0),
            ("4pm", 16, 0),
            ("4 pm", 16, 0),
            ("4 p.m.", 16, 0),
            ("12 a.m.", 0, 0),
            ("11AM", 11, 0),
            ("9:30am", 9, 30),
        ] {
            assert_eq!(parse_time(s).unwrap().time, t(h, m, 0), "{s}");
        }
        let (p, end) = scan("4pm PST: pages fire");
        assert_eq!(p.time, t(16, 0, 0));
        assert_eq!(end, 7);
        // A zone glued to a lowercase am/pm; other letters glued to it are no time.
        let (p, end) = scan("1:30pmPST: errors begin");
        assert_eq!((p.time, end), (t(13, 30, 0), 9));
        assert!(matches!(p.zone, Some(Zone::Abbrev(a)) if a.name == "PST"));
        let (p, _) = scan("6:50pmET deploy");
        assert_eq!(p.time, t(18, 50, 0));
        assert!(p.zone.is_some());
        assert_eq!(scan_leading_time("1:30pmXYZ deploy"), Ok(None));
        assert_eq!(scan_leading_time("1:30pmish deploy"), Ok(None));
        // An hour alone is not a time.
        assert_eq!(scan_leading_time("4 servers failed"), Ok(None));
        assert_eq!(scan_leading_time("12 amplifiers"), Ok(None));
        assert!(parse_time("13pm").is_err());
        // A ticket system's shorthand: `a`/`p` glued to a clock with its colon.
        assert_eq!(parse_time("12:48p").unwrap().time, t(12, 48, 0));
        assert_eq!(parse_time("1:05p").unwrap().time, t(13, 5, 0));
        assert_eq!(parse_time("9:15a").unwrap().time, t(9, 15, 0));
        let (p, end) = scan("3:04p  Reading scanners syncing");
        assert_eq!((p.time, end), (t(15, 4, 0), 5));
        // Not glued, not alone, not after an hour alone: no meridiem.
        let (p, end) = scan("10:00 a new build");
        assert_eq!((p.time, end), (t(10, 0, 0), 5));
        assert_eq!(scan_leading_time("1:30px wide"), Ok(None));
        assert_eq!(scan_leading_time("4p servers"), Ok(None));
    }

    #[test]
    fn french_and_military_forms() {
        assert_eq!(parse_time("09h15").unwrap().time, t(9, 15, 0));
        assert_eq!(parse_time("9H05 UTC").unwrap().zone, Some(Zone::Utc));
        let s = "0915Z deploy";
        let (p, end) = scan(s);
        assert_eq!(
            (p.time, p.zone.clone(), end),
            (t(9, 15, 0), Some(Zone::Utc), 5)
        );
        let (p, end) = scan("2359 UTC: rollback");
        assert_eq!((p.time, end), (t(23, 59, 0), 8));
        assert_eq!(parse_time("0915 CEST").unwrap().time, t(9, 15, 0));
        // Four digits alone, or with something else than a zone, are not a time.
        for s in [
            "0915 deploy",
            "2024 was a bad year",
            "0915",
            "2399 UTC",
            "1260Z",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
        assert!(parse_time("0915").is_err());
        assert_eq!(scan_leading_time("9h15m later"), Ok(None));
    }

    #[test]
    fn seconds_and_edge_times() {
        assert_eq!(parse_time("10:50:07 UTC").unwrap().time, t(10, 50, 7));
        // 24:00 is the end of the day.
        let p = parse_time("2024-06-10 24:00 UTC").unwrap();
        assert!(p.end_of_day);
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-11T00:00:00Z"));
        assert_eq!(r.date, date(2024, 6, 10));
        assert!(parse_time("24:00 PM").is_err());
        // A leap second reads as second 59.
        let p = parse_time("2016-12-31 23:59:60 UTC").unwrap();
        assert!(p.leap_second);
        assert_eq!(p.time, t(23, 59, 59));
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2016-12-31T23:59:59Z"));
        assert!(parse_time("2016-12-31T23:59:60Z").is_ok());
        // The last minute of year 9999 is past the last instant: an exact reason.
        match resolve_str("9999-12-31 23:59 UTC").unwrap_err() {
            ResolveError::Nonexistent(msg) => {
                assert!(msg.contains("9999-12-30 22:00:00"), "{msg}");
            }
            other => panic!("{other:?}"),
        }
        assert!(resolve_str("9999-12-30 21:59 UTC").is_ok());
        assert!(resolve_str("0000-01-01 00:00 UTC").is_ok());
    }

    #[test]
    fn approximate_times() {
        for (s, marker) in [
            ("~10:50 UTC", "~"),
            ("~ 10:50", "~"),
            ("±10:50", "±"),
            ("about 10:50", "about"),
            ("Around 10:50 CEST", "Around"),
            ("circa 10:50", "circa"),
            ("approx. 10:50", "approx."),
            ("approximately 2024-06-10 10:50 UTC", "approximately"),
        ] {
            let p = parse_time(s).unwrap();
            assert!(p.is_approximate(), "{s}");
            assert_eq!(text(s, &p.approximate), marker, "{s}");
            assert_eq!(p.range().start, 0, "{s}");
        }
        assert!(!parse_time("10:50").unwrap().is_approximate());
        let (p, end) = scan("~10:50 UTC: errors rise");
        assert_eq!((p.is_approximate(), end), (true, 10));
        assert_eq!(scan_leading_time("about the outage"), Ok(None));
        assert_eq!(scan_leading_time("~ fifty minutes"), Ok(None));
    }

    #[test]
    fn unknown_times_are_placeholders() {
        for (s, token) in [
            ("??:?? UTC: someone restarted the pod", "??:??"),
            ("XX:XX - paged", "XX:XX"),
            ("xx:xx paged", "xx:xx"),
            ("HH:MM paged", "HH:MM"),
            ("[???] paged", "[???]"),
            ("TBD: the first report", "TBD"),
            ("(TBC) the first report", "(TBC)"),
            ("2024-06-10 ??:?? first report", "??:??"),
            ("~??:?? first report", "??:??"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
            assert_eq!(
                parse_time(s.split(' ').next().unwrap()).unwrap_err().kind,
                if s.starts_with("2024") {
                    TimeErrorKind::Invalid
                } else {
                    TimeErrorKind::Placeholder
                },
                "{s}"
            );
        }
        assert_eq!(
            parse_time("TBD").unwrap_err().kind,
            TimeErrorKind::Placeholder
        );
        for (s, token) in [
            ("[time TBD] firmware pushed", "[time TBD]"),
            ("(time unknown) shift lead calls", "(time unknown)"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
        }
        // An unknown outside brackets, or a bracketed note, is words.
        for s in ["unknown cause", "(time permitting) a note", "[timeline] x"] {
            assert!(matches!(scan_leading_time(s), Ok(None)), "{s}");
        }
        for s in ["TBDs are open", "? what", "XXL pods", "TBDX"] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
        // A bracketed note that the time is missing, and notes that say something else.
        for (s, token) in [
            ("[time TBD] the firmware is pushed", "[time TBD]"),
            ("(exact time unknown) paged", "(exact time unknown)"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
        }
        for s in [
            "(owner unknown) paged",
            "[time zone] noted",
            "(time) x",
            "[unknownx] y",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
    }

    #[test]
    fn ranges() {
        let s = "02:00-04:30 maintenance";
        let (p, end) = scan(s);
        assert_eq!((p.time, p.zone.clone(), end), (t(2, 0, 0), None, 11));
        let u = p.until.clone().unwrap();
        assert_eq!((&s[u.time_range.clone()], u.time), ("04:30", t(4, 30, 0)));
        assert_eq!(p.range(), 0..11);

        let s = "02:00 - 04:30 UTC: maintenance";
        let (p, end) = scan(s);
        assert_eq!((p.zone.clone(), end), (Some(Zone::Utc), 17));
        assert_eq!(p.until.unwrap().time, t(4, 30, 0));

        let s = "from 10:51 to 12:26 CEST the API failed";
        let (p, end) = scan(s);
        assert_eq!(&s[..end], "from 10:51 to 12:26 CEST");
        assert_eq!(
            (p.time, p.until.clone().unwrap().time),
            (t(10, 51, 0), t(12, 26, 0))
        );
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));

        let (p, end) = scan("10:51 UTC to 12:26 UTC: outage");
        assert_eq!((p.zone.clone(), end), (Some(Zone::Utc), 22));
        let (p, _) = scan("10:51 – 12:26 outage");
        assert!(p.until.is_some());
        let (p, _) = scan("2:00-4:30 PM outage");
        assert_eq!((p.time, p.until.unwrap().time), (t(14, 0, 0), t(16, 30, 0)));

        // Parsed whole too, and `-04:30` is never an offset in a range.
        let p = parse_time("2024-06-10 02:00-04:30 UTC").unwrap();
        assert_eq!(
            (p.zone, p.until.unwrap().time),
            (Some(Zone::Utc), t(4, 30, 0))
        );
        let p = parse_time("02:00-04:30").unwrap();
        assert_eq!(p.zone, None);
        // RFC 3339, and a date with seconds: an offset.
        let p = parse_time("2024-06-10T02:00-04:30").unwrap();
        assert!(p.until.is_none());
        assert!(matches!(p.zone, Some(Zone::Offset(_))));
        let p = parse_time("2024-06-10 02:00:00-04:00").unwrap();
        assert!(p.until.is_none());
        let p = parse_time("10:00 -05:00").unwrap();
        assert!(p.until.is_none());

        // The end resolves on the same day, or the next when it comes first.
        let p = parse_time("2024-06-10 23:00-01:30 UTC").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(
            resolve_until(&p, &r, None),
            Some(ts("2024-06-11T01:30:00Z"))
        );
        let p = parse_time("2024-06-10 from 10:51 to 12:26 CEST").unwrap();
        assert_eq!(p.until.as_ref().unwrap().time, t(12, 26, 0));
        let p = parse_time("2024-06-10 10:51 to 12:26 CEST").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(
            resolve_until(&p, &r, None),
            Some(ts("2024-06-10T10:26:00Z"))
        );
    }

    #[test]
    fn nasty_inputs_never_panic() {
        let nasty = [
            "",
            " ",
            "\n",
            ":",
            "::",
            "1",
            "1:",
            "12:",
            "12:3",
            "99:99",
            "24:00",
            "23:60",
            "23:59:60",
            "00:00:00.",
            "00:00:00.0000000001",
            "2024-02-30",
            "2024-02-30 10:00",
            "99999-01-01",
            "99999-01-01 10:00",
            "9999-99-99T99:99:99Z",
            "2024-06-10T",
            "2024-06-10T10",
            "2024-06-10T10:00+",
            "2024-06-10T10:00+2",
            "2024-06-10T10:00+99:99",
            "2024-06-10T10:00-",
            "10:00 UTC+",
            "10:00 UTC+:",
            "10:00 UTC+99999999999999999999",
            "10:00 +99999999999999999999",
            "10:00 /",
            "10:00 A/",
            "10:00 /B",
            "10:00 Europe//Paris",
            "10:00 Europe/Paris/",
            "10:00 ../../etc/passwd",
            "10:00 Europe/../Paris",
            "10:00 é",
            "10:00é",
            "é10:00",
            "10:00 😀",
            "１０:００",
            "10：00",
            "0/0/0000",
            "00/00/0000 10:00",
            "99/99/9999",
            "1/1/1",
            "12/12/12",
            "99999999999999999999:00",
            "00:99999999999999999999",
            "10:00 a",
            "10:00 a.",
            "10:00 a.m",
            "10:00 p.m.x",
            "0:00 am",
            "13:00 pm",
            "\u{0}",
            "\u{feff}10:00",
            "10:00\u{0}",
            "Monday,",
            ",,,",
            "June",
            "June 0, 2024",
            "June 99, 99999",
            "31 February 2024",
            "**",
            "*",
            "_:",
            "**:**",
            "#",
        ];
        for s in nasty {
            for prefix in ["", "  ", "2024-06-10 ", "2024-06-10T"] {
                let s = format!("{prefix}{s}");
                if let Ok(p) = parse_time(&s) {
                    check_ranges(&s, &p);
                    let _ = resolve(&p, Some(date(2024, 6, 10)), Some(&TimeZone::UTC));
                } else if let Err(e) = parse_time(&s) {
                    assert!(
                        e.range.end <= s.len() && e.range.start <= e.range.end,
                        "{s:?}"
                    );
                    assert!(s.get(e.range.clone()).is_some(), "{s:?}");
                }
                match scan_leading_time(&s) {
                    Ok(Some((p, end))) => {
                        check_ranges(&s, &p);
                        assert!(s.is_char_boundary(end), "{s:?}");
                        let _ = resolve(&p, None, None);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        assert!(s.get(e.range.clone()).is_some(), "{s:?}");
                    }
                }
                let _ = parse_date_line(&s);
                let _ = parse_iso_date(&s);
            }
        }
    }

    #[test]
    fn random_inputs_never_panic() {
        // A small deterministic generator over the characters the scanners
        // care about, plus multi-byte ones.
        const PIECES: &[&str] = &[
            "0", "1", "2", "5", "9", ":", "-", "+", "/", ".", " ", "\t", "T", "Z", "z", "U", "C",
            "E", "S", "pm", "a.m.", "UTC", "CEST", "Europe/", "Paris", "_", ",", "é", "—", "😀",
            "2024-", "10:", "**", "June ", "th",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 10;
            let mut s = String::new();
            for _ in 0..len {
                let i = usize::try_from(next() % PIECES.len() as u64).unwrap();
                s.push_str(PIECES[i]);
            }
            if let Ok(p) = parse_time(&s) {
                check_ranges(&s, &p);
                let _ = resolve(&p, Some(date(2024, 3, 31)), Some(&TimeZone::UTC));
            }
            if let Ok(Some((p, end))) = scan_leading_time(&s) {
                check_ranges(&s, &p);
                assert!(s.is_char_boundary(end));
                let _ = resolve(&p, Some(date(2024, 10, 27)), None);
            }
            let _ = parse_date_line(&s);
        }
    }

    #[test]
    fn iana_names_with_punctuation() {
        let (p, end) = scan("10:13 America/Port-au-Prince: x");
        assert!(matches!(p.zone, Some(Zone::Iana(..))));
        assert_eq!(end, 28);
        let p = parse_time("2024-06-10 10:00 Etc/GMT+5").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T15:00:00Z"));
        let p = parse_time("2024-06-10 10:00 europe/paris").unwrap();
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "europe/paris"));
    }

    fn check_ranges(s: &str, p: &ParsedTime) {
        for r in [
            p.date_range.clone(),
            Some(p.time_range.clone()),
            p.zone_range.clone(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(s.get(r.clone()).is_some(), "{s:?} {r:?}");
            assert!(r.start < r.end, "{s:?} {r:?}");
        }
    }
}
