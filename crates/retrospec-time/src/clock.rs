//! Clocks: `H[H]:MM[:SS[.f]]`, `09h15`, `0915` (with a zone only), an hour with
//! AM/PM, `8.45pm` (a dot only with AM/PM), `noon`, and the checks of hour, minute and second (`24:00`, leap seconds).

use std::ops::Range;

use jiff::civil::Time;

use crate::TimeError;
use crate::lex::{byte, count_digits, digits_value, is_word_byte, small};

/// A clock read at some position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clock {
    pub(crate) time: Time,
    pub(crate) range: Range<usize>,
    /// `24:00`: `time` is 00:00 of the next day.
    pub(crate) end_of_day: bool,
    /// `:60`: `time` holds second 59.
    pub(crate) leap_second: bool,
    /// Four digits (`0915`): a time only when a zone follows.
    pub(crate) compact: bool,
    /// An AM/PM marker was written.
    pub(crate) meridiem: bool,
}

impl Clock {
    pub(crate) fn at(time: Time, range: Range<usize>) -> Self {
        Clock {
            time,
            range,
            end_of_day: false,
            leap_second: false,
            compact: false,
            meridiem: false,
        }
    }
}

/// Checks hour, minute and second, and builds the clock: `24:00` is the end of
/// the day, second 60 a leap second (only in the last minute of an hour).
fn make_clock(
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    range: Range<usize>,
) -> Result<Clock, TimeError> {
    if hour == 24 && minute == 0 && second == 0 && nanos == 0 {
        let mut c = Clock::at(Time::midnight(), range);
        c.end_of_day = true;
        return Ok(c);
    }
    if hour > 23 {
        let err = TimeError::new(
            format!(
                "invalid time: hour {hour:02} does not exist (hours are 00-23, and 24:00 for the end of a day)"
            ),
            range,
        );
        return Err(err);
    }
    if minute > 59 {
        return Err(TimeError::new(
            format!("invalid time: minute {minute:02} does not exist (minutes are 00-59)"),
            range,
        ));
    }
    let leap_second = second == 60 && minute == 59;
    if second > 59 && !leap_second {
        return Err(TimeError::new(
            format!(
                "invalid time: second {second:02} does not exist (seconds are 00-59; 60 only as a leap second at :59:60)"
            ),
            range,
        ));
    }
    let second = second.min(59);
    let nanos = i32::try_from(nanos).unwrap_or(0);
    match Time::new(small(hour), small(minute), small(second), nanos) {
        Ok(t) => {
            let mut c = Clock::at(t, range);
            c.leap_second = leap_second;
            Ok(c)
        }
        Err(e) => Err(TimeError::new(format!("invalid time: {e}"), range)),
    }
}

/// `H[H]:MM[:SS[.f]]` at `pos`. `Ok(None)` when it is not shaped like a time;
/// `Err` when it is shaped like one but out of range (`25:00`).
fn scan_clock(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    let nh = count_digits(b, pos);
    if !(1..=2).contains(&nh) || byte(b, pos + nh) != Some(b':') {
        return Ok(None);
    }
    let pm = pos + nh + 1;
    if count_digits(b, pm) != 2 {
        return Ok(None);
    }
    let hour = digits_value(b, pos..pos + nh);
    let minute = digits_value(b, pm..pm + 2);
    let mut end = pm + 2;
    let mut second = 0;
    let mut nanos = 0;
    if byte(b, end) == Some(b':') {
        match count_digits(b, end + 1) {
            2 => {
                second = digits_value(b, end + 1..end + 3);
                end += 3;
                if byte(b, end) == Some(b'.') {
                    let nf = count_digits(b, end + 1);
                    if nf > 9 {
                        return Err(TimeError::new(
                            "too many fractional digits (at most 9, nanoseconds)",
                            pos..end + 1 + nf,
                        ));
                    }
                    if nf > 0 {
                        let frac = digits_value(b, end + 1..end + 1 + nf);
                        let scale = 10u32.pow(u32::try_from(9 - nf).unwrap_or(0));
                        nanos = frac.saturating_mul(scale);
                        end += 1 + nf;
                    }
                }
            }
            0 | 1 => {}
            _ => return Ok(None),
        }
    }
    make_clock(hour, minute, second, nanos, pos..end).map(Some)
}

/// The clocks without a colon: `09h15` (`H[H]hMM`), `0915` (four digits, a
/// time only with a zone: the caller checks [`Clock::compact`]) and `4` (one
/// or two digits, a time only with AM/PM: the caller checks).
fn scan_clock_without_colon(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    let n = count_digits(b, pos);
    let after = byte(b, pos + n);
    if (1..=2).contains(&n)
        && matches!(after, Some(b'h' | b'H'))
        && count_digits(b, pos + n + 1) == 2
        && !is_word_byte(byte(b, pos + n + 3))
        && byte(b, pos + n + 3) != Some(b':')
    {
        let hour = digits_value(b, pos..pos + n);
        let minute = digits_value(b, pos + n + 1..pos + n + 3);
        return make_clock(hour, minute, 0, 0, pos..pos + n + 3).map(Some);
    }
    if n == 4 && (!is_word_byte(after) || matches!(after, Some(b'Z' | b'z'))) {
        let hour = digits_value(b, pos..pos + 2);
        let minute = digits_value(b, pos + 2..pos + 4);
        if hour > 23 || minute > 59 {
            return Ok(None);
        }
        return Ok(make_clock(hour, minute, 0, 0, pos..pos + 4)
            .ok()
            .map(|mut c| {
                c.compact = true;
                c
            }));
    }
    // `8.45pm`, `8.45 p.m.`: a dotted clock only with its AM/PM (`8.45` alone is a
    // number; dotted timelines are read by the free-form reader).
    if (1..=2).contains(&n)
        && after == Some(b'.')
        && count_digits(b, pos + n + 1) == 2
        && scan_meridiem(b, pos + n + 3).is_some()
    {
        let hour = digits_value(b, pos..pos + n);
        let minute = digits_value(b, pos + n + 1..pos + n + 3);
        return make_clock(hour, minute, 0, 0, pos..pos + n + 3).map(Some);
    }
    if (1..=2).contains(&n) && !matches!(after, Some(b':' | b'.')) {
        // An hour alone: a time only with AM/PM (`4pm`, `4 p.m.`).
        let hour = digits_value(b, pos..pos + n);
        if scan_meridiem(b, pos + n).is_some() {
            if hour > 23 {
                return Ok(None);
            }
            return make_clock(hour, 0, 0, 0, pos..pos + n).map(Some);
        }
    }
    Ok(None)
}

/// An optional AM/PM marker after a clock: (is_pm, end).
fn scan_meridiem(b: &[u8], pos: usize) -> Option<(bool, usize)> {
    let mut p = pos;
    if byte(b, p) == Some(b' ') {
        p += 1;
    }
    let pm = match byte(b, p)?.to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    p += 1;
    let dotted = byte(b, p) == Some(b'.');
    if dotted {
        p += 1;
    }
    if !byte(b, p)?.eq_ignore_ascii_case(&b'm') {
        return None;
    }
    p += 1;
    if dotted {
        if byte(b, p) != Some(b'.') {
            return None;
        }
        p += 1;
    }
    // `1:30pmPST`: a zone in capitals may be glued to a lowercase `am`/`pm` (the
    // zone scanner then decides; letters that are no zone make it no time).
    let glued_zone = !dotted
        && b.get(p - 2..p).is_some_and(|m| m == b"am" || m == b"pm")
        && byte(b, p).is_some_and(|c| c.is_ascii_uppercase());
    if is_word_byte(byte(b, p)) && !glued_zone {
        return None;
    }
    Some((pm, p))
}

/// `12:48p`, `9:05a`: the ticket-system shorthand, a lowercase `a` or `p` glued to
/// a clock written with its colon and ending the word (`10:00am` is read above;
/// `10:00 a` or `4p` are not times with a meridiem).
fn bare_meridiem(b: &[u8], clock: &Clock) -> Option<(bool, usize)> {
    let end = clock.range.end;
    if clock.compact || !b.get(clock.range.clone())?.contains(&b':') {
        return None;
    }
    let pm = match byte(b, end)? {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    (!is_word_byte(byte(b, end + 1))).then_some((pm, end + 1))
}

/// Clock plus optional AM/PM.
pub(crate) fn scan_time_of_day(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    // `noon`: 12:00 (`midnight` is left out: the start of a day to some, its end
    // to others).
    if b.get(pos..pos + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"noon"))
        && !is_word_byte(byte(b, pos + 4))
    {
        let mut clock = Clock::at(Time::constant(12, 0, 0, 0), pos..pos + 4);
        clock.meridiem = true;
        return Ok(Some(clock));
    }
    let clock = match scan_clock(b, pos)? {
        Some(c) => c,
        None => match scan_clock_without_colon(b, pos)? {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    // (A bare hour is only returned when AM/PM follows.)
    let Some((pm, mend)) = scan_meridiem(b, clock.range.end).or_else(|| bare_meridiem(b, &clock))
    else {
        // `09:14 Uhr`: German for o'clock, part of the time as written (a zone
        // may follow it: `10:20 Uhr MEZ`).
        let mut clock = clock;
        if !clock.compact
            && b.get(clock.range.end..clock.range.end + 4) == Some(b" Uhr")
            && !is_word_byte(byte(b, clock.range.end + 4))
        {
            clock.range.end += 4;
        }
        return Ok(Some(clock));
    };
    if clock.compact {
        return Ok(None);
    }
    let hour = clock.time.hour();
    let range = clock.range.start..mend;
    if !(1..=12).contains(&hour) || clock.end_of_day {
        return Err(TimeError::new(
            format!(
                "invalid time: hour {:02} cannot be used with AM/PM (hours are 1-12)",
                if clock.end_of_day { 24 } else { hour }
            ),
            range,
        )
        .with_help("use the 24-hour clock, e.g. 14:05"));
    }
    let hour24 = hour % 12 + if pm { 12 } else { 0 };
    match clock.time.with().hour(hour24).build() {
        Ok(t) => Ok(Some(Clock {
            time: t,
            range,
            meridiem: true,
            ..clock
        })),
        Err(e) => Err(TimeError::new(format!("invalid time: {e}"), range)),
    }
}
