//! The cross product of the ways authors write a dated time in a sentence: every
//! date form with every clock form, zone and join must resolve to the instant it
//! names (or be left out for a stated reason), and near misses must not read as
//! times at all.

#![allow(clippy::unwrap_used)]

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use retrospec_time::scan_prose_times;

/// Date forms of Tuesday 14 October 2025 (the year hint is 2025).
const DATES: &[&str] = &[
    "2025-10-14",
    "14.10.2025",
    "14/10/2025",
    "10/14/2025",
    "2025/10/14",
    "2025/10/14 (Tue)",
    "October 14",
    "Oct 14th",
    "Oct. 14",
    "14th October 2025",
    "14 Oct 2025",
    "October 14, 2025",
    "Tuesday 14 October",
    "Tuesday, October 14",
    "Tue, 14 Oct 2025",
    "Tuesday 10/14/25",
];

/// Clock forms: the text, hour, minute, second, whether it is 24-hour digits (a
/// `Z` may be attached), whether it needs a zone (`1605 UTC`).
const CLOCKS: &[(&str, i8, i8, i8, bool, bool)] = &[
    ("16:05", 16, 5, 0, true, false),
    ("16:05:30", 16, 5, 30, true, false),
    ("1605", 16, 5, 0, true, true),
    ("16h05", 16, 5, 0, false, false),
    ("4:05 PM", 16, 5, 0, false, false),
    ("4:05pm", 16, 5, 0, false, false),
    ("4:05 p.m.", 16, 5, 0, false, false),
    ("4pm", 16, 0, 0, false, false),
    ("4 p.m.", 16, 0, 0, false, false),
    ("9:15 a.m.", 9, 15, 0, false, false),
    ("noon", 12, 0, 0, false, false),
];

/// Zones, with their offset from UTC in hours on 14 October 2025 (`None`: the
/// report's zone, UTC here). An attached zone (`Z`) only follows 24-hour digits.
const ZONES: &[(&str, Option<i8>, bool)] = &[
    ("", None, false),
    (" UTC", Some(0), false),
    (" GMT", Some(0), false),
    ("Z", Some(0), true),
    (" CEST", Some(2), false),
    (" EDT", Some(-4), false),
    (" PDT", Some(-7), false),
    (" Central European Summer Time", Some(2), false),
    (" Pacific Daylight Time", Some(-7), false),
    (" Eastern Time", Some(-4), false),
    (" UTC+1", Some(1), false),
    (" UTC-05:00", Some(-5), false),
    (" +0200", Some(2), false),
    (" Paris time", Some(2), false),
    (" Europe/Berlin", Some(2), false),
];

/// Sentences: `{d}` is the date, `{t}` the clock with its zone.
const JOINS: &[&str] = &[
    "The outage began at {t} on {d}, and paging followed.",
    "The outage began around {t} on {d}.",
    "The outage began {t} on {d} when the cache filled.",
    "Users were locked out by {t} on\n{d} in every region.",
    "On {d} at {t} the outage began.",
    "On {d}, {t}, the outage began.",
    "{d} @ {t}: the outage began.",
    "Started {d} - {t} after the deploy.",
    "It began {d} around {t} for most users.",
    "It began {d} at about {t} for most users.",
    "It began {d} at approximately {t} for most users.",
    "It began {d} ~{t} for most users.",
    "It was degraded from {d} {t} onwards.",
    "Restored by {d}, {t} for every tenant.",
    "Degraded {d} until {t} for every tenant.",
    "It degraded between {d} {t} and the next morning.",
];

fn expected(h: i8, m: i8, s: i8, offset: Option<i8>) -> Timestamp {
    let civil = date(2025, 10, 14).at(h, m, s, 0);
    let offset = jiff::tz::Offset::from_hours(offset.unwrap_or(0)).unwrap();
    civil.to_zoned(TimeZone::fixed(offset)).unwrap().timestamp()
}

#[test]
fn every_written_form_resolves_to_its_instant() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for d in DATES {
        for &(clock, h, m, s, digits, needs_zone) in CLOCKS {
            for &(zone, offset, attached) in ZONES {
                if attached && !digits || needs_zone && offset.is_none() {
                    continue;
                }
                let t = format!("{clock}{zone}");
                for join in JOINS {
                    let text = join.replace("{d}", d).replace("{t}", &t);
                    checked += 1;
                    let all = scan_prose_times(&text, Some(2025));
                    let got = match all.as_slice() {
                        [one] => one.resolve(Some(&TimeZone::UTC)).map(|r| r.timestamp),
                        _ => {
                            failures.push(format!("{text:?}: {} readings", all.len()));
                            continue;
                        }
                    };
                    let want = expected(h, m, s, offset);
                    match got {
                        Ok(ts) if ts == want => {}
                        other => failures.push(format!("{text:?}: {other:?}, want {want}")),
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(60)].join("\n")
    );
}

fn instants(text: &str) -> Vec<Timestamp> {
    scan_prose_times(text, Some(2025))
        .iter()
        .filter_map(|p| p.resolve(Some(&TimeZone::UTC)).ok())
        .map(|r| r.timestamp)
        .collect()
}

#[test]
fn near_misses_are_not_times() {
    for text in [
        "Version v2.14.10 shipped on 2025-10-14 to every node.",
        "The host 10.0.14.5 failed on 2025-10-14 at random.",
        "We served 1605 requests on 2025-10-14 before the cut.",
        "Then 2/3 of nodes failed on 2025-10-14 overnight.",
        "It took 4-5 hours on 2025-10-14 to recover.",
        "It took 2h30 on 2025-10-14 to recover.",
        "Build 1605 on October 14 was the culprit.",
        "We lost 8 on Tuesday, October 14 to the bug.",
        "It began at midnight on October 14 for most users.",
        "The outage began at 4:05 PM. On October 14 we wrote it up.",
    ] {
        assert_eq!(instants(text), vec![], "{text}");
    }
}

#[test]
fn a_range_is_read_from_its_start_not_as_an_offset() {
    // `09:00-17:00` is a range, never 09:00 at UTC-17:00.
    assert_eq!(
        instants("Degraded on 2025-10-14 from 09:00-17:00 across regions."),
        vec![expected(9, 0, 0, None)]
    );
    assert_eq!(
        instants("Degraded on October 14 between 09:00 and 17:00 UTC."),
        vec![expected(9, 0, 0, None)]
    );
    // `10:50` is never 650.
    assert_eq!(
        instants("On October 14 at 10:50 it began."),
        vec![expected(10, 50, 0, None)]
    );
}

#[test]
fn the_same_instant_in_two_zones_is_one_time() {
    for text in [
        "On October 14 at 1205 EDT / 1605 UTC the outage began.",
        "On October 14 at 18:05 CEST (16:05 UTC) the outage began.",
        "The outage began at 12:05 EDT (16:05 UTC) on October 14.",
        "The outage began at 2025-10-14 16:05 UTC (18:05 CEST) for most users.",
    ] {
        assert_eq!(instants(text), vec![expected(16, 5, 0, Some(0))], "{text}");
    }
}

#[test]
fn ambiguous_dates_and_zones_are_refused() {
    // 10/7/2025 is 7 October or 10 July: a weekday decides, else nothing.
    assert_eq!(
        instants("On Tuesday 10/7/2025 at 16:05 UTC it began."),
        vec![
            date(2025, 10, 7)
                .at(16, 5, 0, 0)
                .to_zoned(TimeZone::UTC)
                .unwrap()
                .timestamp()
        ]
    );
    assert_eq!(instants("On 10/7/2025 at 16:05 UTC it began."), vec![]);
    // A weekday in brackets decides too.
    assert_eq!(
        instants("It began 10/7/2025 (Thu) at 16:05 UTC."),
        vec![
            date(2025, 7, 10)
                .at(16, 5, 0, 0)
                .to_zoned(TimeZone::UTC)
                .unwrap()
                .timestamp()
        ]
    );
    // `CST` is Central (US) or China Standard Time: read, never placed.
    let all = scan_prose_times("On October 14 at 16:05 CST it began.", Some(2025));
    assert_eq!(all.len(), 1);
    assert!(all[0].resolve(Some(&TimeZone::UTC)).is_err());
    // A year-less date in January or December may be a year off: left out.
    assert_eq!(instants("On December 14 at 16:05 UTC it began."), vec![]);
}

#[test]
fn a_wrong_season_abbreviation_is_kept_for_the_season_check() {
    // `Pacific Standard Time` in October: read as the wall clock in Los Angeles
    // (PDT, -7), with the mismatch kept.
    let all = scan_prose_times(
        "On October 14 at 9:05 a.m. Pacific Standard Time it began.",
        Some(2025),
    );
    let r = all[0].resolve(None).unwrap();
    assert_eq!(r.timestamp, expected(16, 5, 0, Some(0)));
    assert!(r.season_mismatch.is_some());
}
