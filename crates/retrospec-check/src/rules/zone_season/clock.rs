//! The clock a time in prose is written at, for the day the clocks change: the
//! day its timeline entry gives it, and whether its abbreviation was in use then.

use jiff::civil::Date;

use super::in_use;
use crate::rules::Context;
use crate::time::Abbreviation;

/// The date of the timeline's entries at the clock `written` (`03:20 ` in
/// "reached the hut at 03:20 CST", beside the entry `03/09/2025 03:20 CDT`),
/// when they are all on one date: a time the prose retells is on its entry's day,
/// not on the report's first.
pub(super) fn timeline_date(cx: &Context<'_>, written: &str) -> Option<Date> {
    let clock = written.trim();
    if clock.len() < 4 || !clock.contains(':') {
        return None;
    }
    let mut dates = cx
        .times
        .timeline
        .iter()
        .flatten()
        .filter(|v| {
            v.text
                .match_indices(clock)
                .any(|(i, _)| !v.text[..i].ends_with(|c: char| c.is_ascii_digit()))
        })
        .filter_map(|v| v.instant().map(|r| r.date));
    let first = dates.next()?;
    dates.all(|d| d == first).then_some(first)
}

/// A clock in another zone written beside a timeline entry's own time (`-
/// 2025-01-13 19:00 UTC Gateway scaled down (06:00 AEST)`, as `retrospec import`
/// writes a table's second clock column): the day on that clock, which may be the
/// day after or before the entry's, and the offset the two clocks show (the clock
/// minus the entry's instant). `None` when the clock at `at` is in no entry with
/// an instant, or the two are more than a UTC offset apart.
pub(super) fn beside_entry(
    cx: &Context<'_>,
    at: usize,
    (hour, minute): (i8, i8),
) -> Option<(Date, jiff::tz::Offset)> {
    let (_, instant) = cx.times.timeline.iter().flatten().find_map(|v| {
        let entry = v.pointer.strip_suffix("/time")?;
        let span = cx.span(entry);
        (span.start <= at && at < span.end)
            .then(|| v.instant().map(|r| (span, r.timestamp)))
            .flatten()
    })?;
    let utc = instant.to_zoned(jiff::tz::TimeZone::UTC).datetime();
    [-1, 0, 1].into_iter().find_map(|days| {
        let day = utc.date().checked_add(jiff::Span::new().days(days)).ok()?;
        let local = day.at(hour, minute, 0, 0);
        let shown = local.duration_since(utc).as_secs();
        // UTC offsets run from -12:00 to +14:00.
        (-12 * 3600..=14 * 3600).contains(&shown).then(|| {
            let offset = jiff::tz::Offset::from_seconds(i32::try_from(shown).ok()?).ok()?;
            Some((day, offset))
        })?
    })
}

/// [`in_use`], and on the day the clocks change, at the clock written (`03:20
/// CST` on the morning the clocks moved to `CDT` at 02:00 is out of season).
pub(super) fn in_use_at(
    abbr: &Abbreviation,
    date: Date,
    clock: Option<(i8, i8)>,
) -> Option<(String, jiff::tz::Offset)> {
    if let Some(found) = in_use(abbr, date) {
        return Some(found);
    }
    let (hour, minute) = clock?;
    let tz = jiff::tz::TimeZone::get(abbr.region).ok()?;
    let at = date
        .at(hour, minute, 0, 0)
        .to_zoned(jiff::tz::TimeZone::fixed(abbr.offset()))
        .ok()?;
    let info = tz.to_offset_info(at.timestamp());
    let name = info.abbreviation();
    (info.offset() != abbr.offset() && name.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| (name.to_string(), info.offset()))
}

/// The hour and minute of a 24-hour clock as written (`03:20 `); `None` for a
/// 12-hour one, whose hour needs its AM or PM.
pub(super) fn hour_minute(written: &str) -> Option<(i8, i8)> {
    let clock = written.trim();
    if clock.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut parts = clock.split([':', '.']);
    let hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some((hour, minute))
}
