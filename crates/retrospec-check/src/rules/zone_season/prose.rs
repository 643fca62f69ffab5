//! Abbreviations written after clocks in a report's prose (`10:52 AM CET`),
//! with the date each is on, for RS203 to judge beside the times it resolved.

use jiff::civil::Date;

use super::clock::{hour_minute, timeline_date};
use super::{RECENT_YEARS, in_use};
use crate::rules::Context;
use crate::span::Span;
use crate::time::{self, Abbreviation};

/// What [`prose_zones`] finds: where the abbreviation is, the abbreviation, the
/// date, whether the date is the time's own, whether its year was left out, and
/// the clock (hour, minute) written before it.
pub(super) type ProseZone = (
    Span,
    &'static Abbreviation,
    Date,
    bool,
    bool,
    Option<(i8, i8)>,
);

/// Abbreviations written right after a clock in the text (`10:52 AM CET`,
/// `12:20:00 CET`, `12.26 PM CET`), outside code, with the date they are on: an
/// ISO date just before the clock, else the date its sentence or its paragraph's
/// bold run-in writes ([`run_in_date`]), else the date of the report's first time, else
/// the first date it states. Only
/// abbreviations that name one season of a region (`CET`, `PDT`) are looked at.
pub(super) fn prose_zones(cx: &Context<'_>) -> Vec<ProseZone> {
    let text = cx.text;
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut report_date: Option<Option<Date>> = None;
    let mut unread = false;
    let mut i = 0;
    while i < b.len() {
        // Words of 3-5 capitals standing alone, or glued to the clock before them
        // (`06:00EST`, `1:30pmPST`).
        if !b[i].is_ascii_uppercase() {
            i = crate::scan::next_capital(b, i);
            continue;
        }
        if i > 0 && glued_to_word(b, i) {
            i += 1;
            continue;
        }
        let len = b[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        let end = i + len;
        let word_at = i;
        i = end;
        if !(3..=5).contains(&len) || b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        // Neither has a season, and they are most zone words a report writes (a
        // long timeline has one per line): not looked up in the table.
        if matches!(&text[word_at..end], "UTC" | "GMT") {
            continue;
        }
        let Some(abbr) = time::abbreviation(&text[word_at..end])
            .or_else(|| time::settled_abbreviation(&text[word_at..end], text))
        else {
            continue;
        };
        if abbr.counterpart.is_none() || cx.masks().covers(word_at) {
            continue;
        }
        let Some(clock) = clock_before(text, word_at) else {
            // Not after an `H:MM` clock: perhaps a dated time in a sentence
            // (`4pm PST on July 14, 2025`), read below.
            unread = true;
            continue;
        };
        let report = *report_date.get_or_insert_with(|| {
            // The day the report's own times are on, else the first it states.
            cx.times
                .all()
                .find_map(|v| v.instant().map(|r| r.date))
                .or_else(|| crate::parse::freeform::date::first_date(text).map(|(d, _)| d))
        });
        let own = iso_date_before(text, clock)
            .or_else(|| sentence_date(text, clock, report.map(|d| d.year())));
        // An entry's run-in date dates its clocks as a date line would: the zone
        // stated for the report still applies to them.
        let entry = own
            .is_none()
            .then(|| run_in_date(text, clock, report.map(|d| d.year())))
            .flatten()
            .or_else(|| {
                own.is_none()
                    .then(|| timeline_date(cx, &text[clock..word_at]))
                    .flatten()
            });
        match own.or(entry).or(report) {
            Some(date) => found.push((
                Span::new(word_at, end),
                abbr,
                date,
                own.is_some(),
                false,
                hour_minute(&text[clock..word_at]),
            )),
            None => match out_of_season_every_year(text, clock, abbr) {
                Some(date) => found.push((Span::new(word_at, end), abbr, date, true, true, None)),
                None => unread = true,
            },
        }
    }
    // Dated times in sentences (`4pm PST on July 14`, `October 14, 1605 Pacific
    // Standard Time`) carry their own date: read when an abbreviation was left
    // unread above or a zone is spelled out.
    if spells_a_zone(text) || unread {
        for p in time::scan_prose_times(text, time::heading_year(text)) {
            let Some((time::Zone::Abbrev(abbr), r)) = &p.zone else {
                continue;
            };
            if abbr.counterpart.is_none() || cx.masks().covers(r.start) {
                continue;
            }
            // What the scan above read keeps its reading; a year taken from the
            // heading is a guess, not a date to judge a season on.
            let at = Span::new(r.start, r.end);
            if !p.year_inferred
                && !found
                    .iter()
                    .any(|(s, _, _, _, _, _)| s.start < at.end && at.start < s.end)
            {
                found.push((at, abbr, p.date, true, false, None));
            }
        }
        found.sort_by_key(|(s, _, _, _, _, _)| s.start);
    }
    found
}

/// For a clock whose sentence or run-in writes a day and month but no year, and
/// a report that gives none (`26 August, 17:33 CET`, `Monday, March 31 at 2:17 PM
/// EST`): that date in the last of [`RECENT_YEARS`] its weekday allows, when
/// `abbr` is out of season on it in every one of them, the same way. A reviewer
/// needs no year to see CET in late August; a date near a change, where some
/// year fits, is left alone.
fn out_of_season_every_year(text: &str, clock: usize, abbr: &Abbreviation) -> Option<Date> {
    let mut last = None;
    let mut in_use_then: Option<String> = None;
    for year in RECENT_YEARS {
        let Some(date) =
            sentence_date(text, clock, Some(year)).or_else(|| run_in_date(text, clock, Some(year)))
        else {
            continue;
        };
        if date.year() != year {
            continue;
        }
        let (name, _) = in_use(abbr, date)?;
        if in_use_then.get_or_insert_with(|| name.clone()) != &name {
            return None;
        }
        last = Some(date);
    }
    last
}

/// How far around a clock its sentence is read for a date, in bytes.
const SENTENCE_REACH: usize = 100;

/// The date written in the sentence of the clock at `clock` (`shipped on Tuesday 28
/// October at 09:00 BST`, `at 09:00 BST on 28 October`), read with the year of the
/// report's own date (`year`). A weekday the date does not fall on, or a year taken
/// from nothing but the heading, is no date to judge a season on.
fn sentence_date(text: &str, clock: usize, year: Option<i16>) -> Option<Date> {
    let mut from = clock.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (clock + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // The sentence's bounds: a paragraph break or a full stop before a space.
    let before = &text[from..clock];
    let start = ["\n\n", ". ", ".\n", "! ", "? ", "\n- ", "\n* ", "|"]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .map_or(from, |i| from + i);
    let after = &text[clock..to];
    let end = ["\n\n", ". ", ".\n", "! ", "? ", "|"]
        .iter()
        .filter_map(|b| after.find(b))
        .min()
        .map_or(to, |i| clock + i + 1);
    let sentence = &text[start..end.min(text.len())];
    // A JSON string's escaped line break (`28\nOctober`) is a space between
    // words, two bytes for two: the offsets stay those of `text`.
    let sentence = sentence.replace("\\n", "  ");
    let hint = year.or_else(|| time::heading_year(text));
    time::scan_prose_times(&sentence, hint)
        .into_iter()
        .find(|p| start + p.clock.start == clock)
        .filter(|p| p.weekday_mismatch.is_none() && (!p.year_inferred || year.is_some()))
        .map(|p| p.date)
}

/// The date a paragraph's bold run-in leads with (`**March 6: Registry pulls
/// slow (04:15 EST).** ...`, `**2025-03-06 - Title.**`), for a clock in that
/// paragraph: an entry of a log that dates each entry itself is on its own day,
/// not the day its page's title names ("week of March 17"). Read with the year of
/// the report's own date (`year`); no year, no date.
fn run_in_date(text: &str, clock: usize, year: Option<i16>) -> Option<Date> {
    let start = text[..clock].rfind("\n\n").map_or(0, |i| i + 2);
    let para = text[start..clock].trim_start();
    let rest = para
        .strip_prefix("**")
        .or_else(|| para.strip_prefix("__"))?;
    // The date ends at the run-in's first separator: `:`, ` - `, ` – `, ` — `.
    let end = [": ", " - ", " \u{2013} ", " \u{2014} ", ":**", ".**"]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()?;
    let head = &rest[..end];
    if head.len() > 40 || head.contains('\n') {
        return None;
    }
    match time::scan_date_line(head, year)? {
        Ok(line) if line.weekday_mismatch.is_none() => Some(line.date),
        _ => None,
    }
}

/// Whether the capital at `i` goes on a word rather than starting one: a letter
/// or digit before it, except a digit (`06:00EST`) or an `am`/`pm` after a digit
/// (`1:30pmPST`), where a clock ends.
fn glued_to_word(b: &[u8], i: usize) -> bool {
    let prev = b[i - 1];
    if prev.is_ascii_digit() {
        return false;
    }
    let meridiem = i >= 3
        && matches!(&b[i - 2..i], b"am" | b"pm" | b"AM" | b"PM")
        && b[i - 3].is_ascii_digit();
    prev.is_ascii_alphabetic() && !meridiem
}

/// Where the clock written just before `at` starts (`10:52 AM `, `10:52 a.m. `,
/// `12:20:00 `, `12.26 PM `), when there is one.
fn clock_before(text: &str, at: usize) -> Option<usize> {
    // `13:15EST`: the abbreviation may be glued to the clock.
    let before = text[..at].strip_suffix(' ').unwrap_or(&text[..at]);
    // `10:52 AM`, `10:52am`, and the dotted `10:52 a.m.` a style guide asks for.
    let before = ["AM", "PM", "am", "pm", "a.m.", "p.m.", "A.M.", "P.M."]
        .iter()
        .find_map(|m| before.strip_suffix(m))
        .map_or(before, |b| b.strip_suffix(' ').unwrap_or(b));
    let b = before.as_bytes();
    let digits_and_seps = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b':' | b'.'))
        .count();
    let start = before.len() - digits_and_seps;
    let clock = &before[start..];
    let parts: Vec<&str> = clock.split([':', '.']).collect();
    let ok = (2..=3).contains(&parts.len())
        && (1..=2).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        && (start == 0 || !b[start - 1].is_ascii_alphanumeric());
    ok.then_some(start)
}

/// An ISO date (`2023-07-03`) ending just before the clock at `clock` (a blank or
/// `T` between).
fn iso_date_before(text: &str, clock: usize) -> Option<Date> {
    let before = text[..clock].strip_suffix([' ', 'T'])?;
    let start = before.len().checked_sub(10)?;
    time::parse_iso_date(before.get(start..)?)
}

/// Whether `text` spells a zone out (`Standard Time`, `Daylight Time`, `Summer
/// Time`), in one search for ` Time`.
fn spells_a_zone(text: &str) -> bool {
    crate::scan::has_word_where(text, " Time", |b, at| {
        let before = &b[..at];
        before.ends_with(b"Standard")
            || before.ends_with(b"Daylight")
            || before.ends_with(b"Summer")
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_zone_is_spelled_where_one_of_the_three_stands(
            text in "(Standard|Daylight|Summer|Time|[ a]){0,16}",
        ) {
            prop_assert_eq!(
                super::spells_a_zone(&text),
                ["Standard Time", "Daylight Time", "Summer Time"]
                    .iter()
                    .any(|w| text.contains(w))
            );
        }
    }
}
