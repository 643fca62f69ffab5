//! Claim anchors: where the events a relative claim names happened, by the
//! report's own times.
//!
//! An event is found in a timeline entry whose words name it, or, when no entry
//! does (a narrative report, a report without a timeline), in a clause of the
//! prose that states one clock time ("At 3:12 PM we deployed a change", "nobody
//! noticed until 08:55 UTC"). An anchor named by its own words ("the first bad
//! response", "the first growth of the lag") is matched on the stems of its
//! words ([`Words`]): its head noun must be in the entry, and at least half of
//! its other words. A clause with two times, or a date other than one written
//! plainly (`3/4`, "yesterday", two dates), is not read (which time or which
//! day is meant is not clear); a clause with one plain date ("On March 3 at
//! 10:00") is read on that day. Two clock times in different written zones are
//! not compared. When neither names the event, the other places of
//! [`super::events`] (status posts, front matter, labelled fields) are looked in.
//! A report with no timeline entry is searched in a timeline written in
//! plain-text columns ([`columns`]), and a mail's "yesterday" counts from its
//! `Date:` header ([`mail`]).

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;

use super::{Compared, Inputs, is_prose, sorted_entries, strings};

mod columns;
mod impact;
mod mail;
mod noun;
mod stem;
mod words;

use columns::column_lines;
pub(super) use impact::{not_an_event, readings as impact_readings};
pub(super) use mail::{mail_day, relative_day};
pub(in crate::claims) use words::Words;

/// Where one event is in the report's times.
#[derive(Debug, Clone)]
pub(super) struct Stamp {
    /// How the event was found, for the claim's `compared_with`.
    pub(super) label: String,
    /// The JSON pointer of the time (an entry's) or of the prose that states it.
    pub(super) pointer: String,
    /// The time on the timeline's scale (entries only).
    pub(super) instant: Option<i64>,
    /// Seconds since midnight on the wall clock.
    pub(super) clock: Option<i64>,
    /// The zone as written, lowercased.
    pub(super) zone: Option<String>,
    /// Where it is written: the pointer and the byte range in its prose (clauses only).
    pub(super) place: Option<(String, Range<usize>)>,
    /// The day it is on, when the place states one: (year if written, month, day).
    pub(super) day: Option<(Option<i16>, i8, i8)>,
    /// Which kind of place states it (its provenance, in the claim's JSON):
    /// `timeline_entry`, `milestone`, `prose_clause`, `status_post`,
    /// `front_matter`, `field`, `written` (with the claim itself).
    pub(super) source: &'static str,
}

impl Stamp {
    /// A clock time written with the claim itself.
    pub(super) fn written(text: &str, parsed: &crate::time::ParsedTime) -> Stamp {
        Stamp {
            label: format!("`{}` written with the claim", text.trim()),
            pointer: String::new(),
            instant: None,
            clock: Some(clock(parsed.time)),
            zone: zone_of(parsed, text),
            place: None,
            day: parsed.date.map(|d| (Some(d.year()), d.month(), d.day())),
            source: "written",
        }
    }
}

/// Seconds from `a` to `b`: on the timeline's scale when both are entries,
/// otherwise on the wall clock (within twelve hours, forward). `None` when the
/// two are in different written zones or `b` is not after `a` on the wall clock.
pub(super) fn between(a: &Stamp, b: &Stamp) -> Option<i64> {
    if let (Some(x), Some(y)) = (a.instant, b.instant) {
        return Some(y - x);
    }
    if let (Some(x), Some(y)) = (&a.zone, &b.zone)
        && x != y
    {
        return None;
    }
    // Both on a stated day: the days count, forward only.
    if let (Some(x), Some(y)) = (a.day, b.day) {
        let year = x.0.or(y.0).unwrap_or(2000);
        let date =
            |(y, m, d): (Option<i16>, i8, i8)| jiff::civil::Date::new(y.unwrap_or(year), m, d).ok();
        let days = i64::from(date(x)?.until(date(y)?).ok()?.get_days());
        let d = days * 86_400 + b.clock? - a.clock?;
        return (d >= 0).then_some(d);
    }
    // One day stated, the other not: the wall clock, forward within twelve
    // hours, as for two places without days.
    let d = (b.clock? - a.clock?).rem_euclid(86_400);
    (d <= 12 * 3600).then_some(d)
}

/// The time from each of `from` to each of `to` that [`between`] gives, with
/// where each pair of events was stated.
pub(super) fn readings(from: &[Stamp], to: &[Stamp]) -> Vec<(Compared, super::Provenance)> {
    let mut all = Vec::new();
    for a in from {
        for b in to {
            // One place for both ends (the anchor's event was not found apart
            // from the claim's own, "paged" and "the impact" on the paging
            // entry): no time between two events was read.
            if !a.pointer.is_empty() && a.pointer == b.pointer && a.place == b.place {
                continue;
            }
            if let Some(seconds) = between(a, b) {
                all.push((
                    Compared {
                        source: "events",
                        from: a.label.clone(),
                        to: b.label.clone(),
                        from_pointer: a.pointer.clone(),
                        to_pointer: b.pointer.clone(),
                        seconds,
                        rank: Default::default(),
                    },
                    super::Provenance {
                        from: a.source,
                        to: b.source,
                    },
                ));
            }
        }
    }
    all
}

/// A clock time as written in prose; "noon" and "midday" are 12:00.
fn parse_clock(written: &str) -> Option<crate::time::ParsedTime> {
    let w = written.trim();
    let lower = w.to_ascii_lowercase();
    for word in ["noon", "midday"] {
        if let Some(rest) = lower.strip_prefix(word) {
            return crate::time::parse_time(&format!("12:00{}", &w[w.len() - rest.len()..])).ok();
        }
    }
    crate::time::parse_time(w).ok()
}

fn clock(t: jiff::civil::Time) -> i64 {
    i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
}

fn zone_of(p: &crate::time::ParsedTime, text: &str) -> Option<String> {
    p.zone_range
        .clone()
        .and_then(|r| text.get(r))
        .map(str::to_ascii_lowercase)
}

/// A clock time in prose: "3:12 PM", "08:55 UTC", "4:20 p.m.", "noon", "14h30"
/// (two hour digits: `2h30` is a length), "1342 EST" (four digits with a zone
/// only: a bare `1342` is a number).
static CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:noon|midday)\b(?-i:\s+[A-Z]{2,5}\b)?|\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.m\.|[ap]\.?m\b))?(?-i:\s+[A-Z]{2,5}\b)?|\b(?:[01]\d|2[0-3])h[0-5]\d\b(?-i:\s+[A-Z]{2,5}\b)?|\b(?:1[0-2]|0?[1-9])\s*(?:[ap]\.m\.|[ap]m\b)(?-i:\s+[A-Z]{2,5}\b)?|\b(?:[01]\d|2[0-3])[0-5]\d(?-i:\s+(?:UTC|GMT|[ECMP][SD]T|CES?T|BST)\b)")
        .expect("the pattern is valid")
});
/// Where a clause ends; "and" before a new subject ends one too ("raised an
/// alarm at 8:52 p.m. and the on-call administrator started at 9:10 p.m." is two
/// clauses with a time each, the subject's article left to the second).
static CLAUSE_END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"[.!?;:](?:\s+and\s+(?:the|we|our|they|their|he|she|someone)\s+|\s+|$)|\n\s*\n|\n\s*[-*+|]\s|\|\s|,\s+|\s+(?:when|while|because|until\s+(?:we|it|the))\s+|\s+and\s+(?:the|we|our|they|their|he|she|someone)\s+")
        .expect("the pattern is valid")
});
/// A date in a clause: which day its time is on is not the claim's day for sure.
static DATED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:yesterday|tomorrow|next\s+day|following\s+day|overnight)\b")
        .expect("the pattern is valid")
});
/// A date written plainly: `2025-03-03`, `March 3`, `3 March 2025`, `Mar. 3rd`.
static PLAIN_DATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b|\b(?P<mon>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{4})\b)?|\b(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[a-z]{3,9})\b\.?(?:,?\s+(?P<y3>\d{4})\b)?")
        .expect("the pattern is valid")
});

/// The month a word names in full or by its first three letters ("Sept" too).
fn month(word: &str) -> Option<i8> {
    retrospec_time::month_from_name(word).and_then(|m| i8::try_from(m).ok())
}

/// The one date `clause` writes plainly, when it writes exactly one date and no
/// other sign of a day ("yesterday", `3/4`).
pub(super) fn one_date(clause: &str) -> Option<(Option<i16>, i8, i8)> {
    let mut found = PLAIN_DATE.captures_iter(clause).filter_map(|c| {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<i16>().ok());
        let (y, m, d) = if let (Some(m), Some(d)) = (num("m"), num("d")) {
            (num("y"), i8::try_from(m).ok()?, i8::try_from(d).ok()?)
        } else if let (Some(mon), Some(d)) = (c.name("mon"), num("d2")) {
            (num("y2"), month(mon.as_str())?, i8::try_from(d).ok()?)
        } else {
            let (mon, d) = (c.name("mon2")?, num("d3")?);
            (num("y3"), month(mon.as_str())?, i8::try_from(d).ok()?)
        };
        jiff::civil::Date::new(y.unwrap_or(2000), m, d).ok()?;
        Some((y, m, d))
    });
    let date = found.next()?;
    if found.next().is_some() {
        return None;
    }
    // Any other sign of a day (a relative day, a numeric day-month) leaves it unclear.
    let others = DATED.find_iter(clause).count();
    (others <= 1).then_some(date)
}

/// The words a time alone is written with: "At 9:15 PM," is the next clause's
/// time (and the words that make it approximate, `retrospec_time`'s one list).
const TIME_ONLY: &[&str] = &["at", "by", "shortly", "just", "on", "utc"];

fn time_only(word: &str) -> bool {
    TIME_ONLY.contains(&word) || retrospec_time::is_approximate_join(word)
}

/// One clause of prose with one clock time.
#[derive(Debug, Clone)]
pub(super) struct Clause {
    pub(super) text: String,
    pub(super) stamp: Stamp,
}

/// One prose string of the report (timeline entries aside) that states a clock
/// time, masked ([`super::Prose`]): walked and masked once, then read for its
/// clauses ([`clauses`]) and its lines in columns ([`column_lines`]).
#[derive(Debug)]
pub(super) struct Source {
    pub(super) pointer: String,
    pub(super) masked: String,
    /// The unmasked text has two blanks in a row (columns may be written).
    pub(super) spaced: bool,
}

/// The report's prose strings with a colon in them ([`Source`]), in the order of
/// the tree.
pub(super) fn sources(inputs: &Inputs<'_>) -> Vec<Source> {
    let mut found = Vec::new();
    let mut pointer = String::new();
    strings(inputs.tree, &mut pointer, &mut found);
    let mut out = Vec::new();
    for (pointer, node) in found {
        if !is_prose(&pointer) || pointer.starts_with("/timeline/") {
            continue;
        }
        let source = node.span.slice(inputs.text);
        if source.len() > 100_000 || !(source.contains(':') || colonless_clock(source)) {
            continue;
        }
        out.push(Source {
            spaced: source.contains("  "),
            masked: super::Prose::of(inputs.text, node).masked,
            pointer,
        });
    }
    out
}

/// Whether `text` may write a clock without a colon ([`CLOCK`]): `14h30`, four
/// digits, a blank and a capital (`1342 EST`), or an hour with AM/PM (`10AM`,
/// `9 p.m.`).
fn colonless_clock(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(6).any(|w| {
        let d = |i: usize| w[i].is_ascii_digit();
        (d(0) && d(1) && w[2] == b'h' && d(3) && d(4))
            || (d(0) && d(1) && d(2) && d(3) && w[4] == b' ' && w[5].is_ascii_uppercase())
    }) || b.windows(4).any(|w| {
        let ap = |c: u8| matches!(c.to_ascii_lowercase(), b'a' | b'p');
        w[0].is_ascii_digit()
            && ((ap(w[1]) && (w[2] == b'.' || w[2].eq_ignore_ascii_case(&b'm')))
                || (w[1] == b' ' && ap(w[2]) && (w[3] == b'.' || w[3].eq_ignore_ascii_case(&b'm'))))
    })
}

/// The clauses of the report's prose [`sources`] (read into `prose` once) that
/// state one clock time, in file order.
pub(super) fn clauses(inputs: &Inputs<'_>, prose: &OnceCell<Vec<Source>>) -> Vec<Clause> {
    let sent = mail_day(inputs.text);
    let mut out = Vec::new();
    for s in prose.get_or_init(|| sources(inputs)) {
        clauses_of(&s.masked, &s.pointer, sent, &mut out);
    }
    out
}

/// The clauses of `masked` (the prose at `pointer`) with one clock time; a
/// relative day ("yesterday at 20:10") is read from the day the mail was `sent`.
fn clauses_of(masked: &str, pointer: &str, sent: Option<jiff::civil::Date>, out: &mut Vec<Clause>) {
    let mut bounds = vec![0];
    // The clock times, found once: searched again for every clause end, a long
    // line without a full stop was read once per clause (quadratic).
    let clocks: Vec<Range<usize>> = CLOCK.find_iter(masked).map(|c| c.range()).collect();
    for m in CLAUSE_END.find_iter(masked) {
        // A clause end inside a clock time ("4:20 p.m. we"): the time's own dot,
        // unless a new clause follows it ("8:52 p.m. The on-call ...", "8:52
        // p.m. and the on-call ...").
        let before = clocks.partition_point(|c| c.start < m.start());
        if before > 0 && m.start() < clocks[before - 1].end {
            let next = masked[m.end()..].chars().next();
            let new_clause = m.as_str().trim_end().ends_with(|c: char| c.is_alphabetic())
                || (masked[m.start()..].starts_with(". ") && next.is_some_and(char::is_uppercase));
            if !new_clause {
                continue;
            }
        }
        bounds.push(m.end());
    }
    bounds.push(masked.len());
    let pieces: Vec<Range<usize>> = bounds
        .windows(2)
        .map(|w| w[0]..w[1])
        .filter(|r| r.start < r.end)
        .collect();
    let mut k = 0;
    while k < pieces.len() {
        let mut range = pieces[k].clone();
        let text = &masked[range.clone()];
        let times: Vec<_> = CLOCK.find_iter(text).collect();
        k += 1;
        // Two times, or a date: the clause still names its events, at no one
        // clock time this reader can give (a match there makes the others unsure).
        let blurred = |range: Range<usize>| Clause {
            text: masked[range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            stamp: Stamp {
                label: String::new(),
                pointer: String::new(),
                instant: None,
                clock: None,
                zone: None,
                place: Some((pointer.to_string(), range)),
                day: None,
                source: "prose_clause",
            },
        };
        let [time] = times.as_slice() else {
            if times.len() > 1 {
                out.push(blurred(range));
            }
            continue;
        };
        // "At 9:15 PM, that alert fired": the time alone is the next clause's.
        let rest = format!("{} {}", &text[..time.start()], &text[time.end()..]);
        let alone = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| time_only(&w.to_ascii_lowercase()));
        if alone && let Some(next) = pieces.get(k) {
            if CLOCK.is_match(&masked[next.clone()]) {
                continue;
            }
            range = range.start..next.end;
            k += 1;
            // "The first failures, at 2:20 AM, came from ...": a time set off by
            // commas inside its sentence is the subject's before it too.
            if let Some(prev) = (k >= 3).then(|| &pieces[k - 3])
                && masked[prev.clone()].trim_end().ends_with(',')
                && !CLOCK.is_match(&masked[prev.clone()])
            {
                range = prev.start..range.end;
            }
        }
        let whole = &masked[range.clone()];
        // One date written plainly ("On March 3 at 10:00", "2025-03-03 10:00")
        // is the clause's day; a relative day, a numeric day-month, or two
        // dates leave which day unclear.
        // Prose wrapped inside the time (`By 18:40` / `UTC everyone ...`): one
        // space where the line broke.
        let written = time
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let written = written.as_str();
        let Some(parsed) = parse_clock(written) else {
            continue;
        };
        let day = one_date(whole)
            .or_else(|| sent.and_then(|d| relative_day(whole, d, clock(parsed.time))));
        if day.is_none() && DATED.is_match(whole) {
            out.push(blurred(range));
            continue;
        }
        let words = whole.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = words.trim_end_matches([',', ';', '.', ':']);
        // The "and the" that ended the clause is the next clause's.
        let words = ["the", "we", "our", "they", "their", "he", "she", "someone"]
            .iter()
            .find_map(|w| words.strip_suffix(&format!(" and {w}")))
            .unwrap_or(words)
            .to_string();
        out.push(Clause {
            stamp: Stamp {
                label: format!("`{}` in \"{words}\"", written.trim()),
                // A time in prose has no pointer of its own: it is named by its words.
                pointer: String::new(),
                instant: None,
                clock: Some(clock(parsed.time)),
                zone: zone_of(&parsed, written),
                place: Some((pointer.to_string(), range)),
                day,
                source: "prose_clause",
            },
            text: words,
        });
    }
}

/// The timeline entries with a time, as stamps with their words; for a report
/// whose timeline has none, the lines of a timeline written in plain-text
/// columns ([`column_lines`]) of its prose [`sources`] (read into `prose` once).
pub(super) fn entries(inputs: &Inputs<'_>, prose: &OnceCell<Vec<Source>>) -> Vec<(String, Stamp)> {
    let sorted = sorted_entries(inputs);
    if sorted.is_empty() {
        return column_lines(prose.get_or_init(|| sources(inputs)));
    }
    sorted
        .into_iter()
        .map(|(i, v, t, text)| {
            let parsed = v.parsed.as_ref().ok();
            (
                text.to_string(),
                Stamp {
                    label: format!("entry {}", i + 1),
                    pointer: v.pointer.clone(),
                    instant: Some(t),
                    clock: parsed.map(|p| clock(p.time)),
                    zone: parsed.and_then(|p| zone_of(p, &v.text)),
                    place: None,
                    day: parsed
                        .and_then(|p| p.date)
                        .map(|d| (Some(d.year()), d.month(), d.day())),
                    source: "timeline_entry",
                },
            )
        })
        .collect()
}

/// Where a clock in parentheses that opens an entry's words ends (`(09:05 SAST)`
/// in "(09:05 SAST) — Lockers start dropping off"): the entry's own time in a
/// second zone, which RS219 compares with it.
fn paired_clock_end(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    if !text[lead..].starts_with('(') {
        return None;
    }
    let close = lead + text[lead..].find(')')?;
    (close - lead <= 24 && CLOCK.is_match(&text[lead..close])).then_some(close + 1)
}

/// What the report's times say about one named event.
#[derive(Debug)]
pub(super) enum Found {
    /// Nothing names it.
    None,
    /// One place, or the first of several when the claim says "first".
    One(Stamp),
    /// Several places name it equally.
    Several(Vec<Stamp>),
}

/// The places `score` names (the best score wins; 0 is no match): the
/// timeline's entries, else the prose's clauses with a time, leaving out the
/// claim's own sentence (`own`: its pointer and range). Only places at or after
/// `after` count. With several, the earliest is taken when `first`.
pub(super) fn find(
    entries: &[(String, Stamp)],
    clauses: &[Clause],
    score: &dyn Fn(&str) -> usize,
    after: Option<&Stamp>,
    first: bool,
    own: Option<(&str, Range<usize>)>,
) -> Found {
    let later = |s: &Stamp| match after {
        None => Some(0),
        Some(a) if a.pointer == s.pointer && a.place == s.place => None,
        Some(a) => between(a, s).filter(|d| *d >= 0),
    };
    let pick = |places: Vec<(usize, i64, &Stamp)>| -> Found {
        let Some(best) = places.iter().map(|p| p.0).max() else {
            return Found::None;
        };
        let mut best: Vec<_> = places.into_iter().filter(|p| p.0 == best).collect();
        best.sort_by_key(|p| (p.1, p.2.clock));
        match best.as_slice() {
            [] => Found::None,
            [one] => Found::One(one.2.clone()),
            [one, ..] if first => Found::One(one.2.clone()),
            _ => Found::Several(best.iter().map(|p| p.2.clone()).collect()),
        }
    };
    let in_entries: Vec<_> = entries
        .iter()
        .filter_map(|(text, s)| {
            // An entry that writes another time in its words ("... at 00:09,
            // the certificate was restored"): which time the words after it are
            // at is not the entry's for sure; the words before it are the
            // entry's own ("Vantor confirm that the certificate expired at 12:55").
            // `(09:05 SAST) — Lockers start ...`: the entry's own time in a
            // second zone opens its words, which are after it.
            let words = paired_clock_end(text).map_or(text.as_str(), |end| &text[end..]);
            let own = CLOCK.find(words).map_or(words, |m| &words[..m.start()]);
            let n = score(own);
            let d = later(s)?;
            (n > 0).then(|| (n, s.instant.unwrap_or(d), s))
        })
        .collect();
    if !in_entries.is_empty() {
        return pick(in_entries);
    }
    let others = || {
        clauses.iter().filter(|c| {
            let (Some((p, r)), Some((op, or))) = (&c.stamp.place, own.as_ref()) else {
                return true;
            };
            !(p == op && r.start < or.end && or.start < r.end)
        })
    };
    if others().any(|c| c.stamp.clock.is_none() && score(&c.text) > 0) {
        return Found::Several(Vec::new());
    }
    let in_clauses: Vec<_> = others()
        .filter_map(|c| {
            let n = score(&c.text);
            let d = later(&c.stamp)?;
            (n > 0).then(|| {
                (
                    n,
                    if after.is_some() {
                        d
                    } else {
                        c.stamp.clock.unwrap_or(0)
                    },
                    &c.stamp,
                )
            })
        })
        .collect();
    pick(in_clauses)
}

/// A clock time in prose.
static PROSE_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)\b[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?:\s*[ap]\.?m\b\.?)?(?-i:\s+[A-Z]{2,5}\b)?",
    )
    .expect("the pattern is valid")
});

/// The sentence right before the one holding byte `at`, in the same paragraph,
/// when it states a failure (its words name the impact, no action of the team)
/// at one clock time: that time, as a stamp.
pub(super) fn failure_before(masked: &str, at: usize) -> Option<Stamp> {
    let ends = [". ", ".\n", "! ", "? "];
    let head = &masked[..at];
    let own = ends
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| i + 1))
        .max()?;
    let gap = &masked[own..at];
    if gap.contains("\n\n") {
        return None;
    }
    let before = &masked[..own];
    let from = ends
        .iter()
        .chain(["\n\n", "\n- ", "\n* ", "|"].iter())
        .filter_map(|b| before[..before.len() - 1].rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let sentence = &masked[from..own];
    if sentence.contains("\n\n") {
        return None;
    }
    let mut times = PROSE_CLOCK.find_iter(sentence);
    let time = times.next()?;
    if times.next().is_some()
        || !super::subject::IMPACT_WORDS.is_match(sentence)
        || super::subject::TEAM_SUBJECT.is_match(sentence)
    {
        return None;
    }
    let written = time.as_str().trim();
    let parsed = crate::time::parse_time(written).ok()?;
    let mut stamp = Stamp::written(written, &parsed);
    stamp.source = "prose_clause";
    let words = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    // A bold lead-in ("**CP-322.** The host ...") is not the sentence's words.
    let words = match words.strip_prefix("**").and_then(|w| w.split_once("** ")) {
        Some((_, rest)) => rest.to_string(),
        None => words,
    };
    stamp.label = format!(
        "`{written}` in \"{}\"",
        words.trim_end_matches(['.', '!', '?'])
    );
    Some(stamp)
}

#[cfg(test)]
mod tests {
    use super::stem::stem;
    use super::{Words, clauses_of, mail_day, relative_day};

    #[test]
    fn stems_join_the_forms_of_a_word() {
        for (a, b) in [
            ("deployed", "deployment"),
            ("deploys", "deploy"),
            ("growth", "grow"),
            ("responses", "response"),
            ("noticed", "notice"),
            ("tickets", "ticket"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("responder"), stem("response"));
        // A doubled last letter before "-ed"/"-ing", and "-ied"/"-ies".
        for (a, b) in [
            ("flipped", "flip"),
            ("swapping", "swap"),
            ("replied", "reply"),
            ("replies", "reply"),
            ("filled", "fill"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
    }

    /// A one-word anchor that names an event by a phrasal verb's noun ("the
    /// failover", "the cutover") is found where the entry uses the verb.
    #[test]
    fn a_phrasal_verb_is_its_noun() {
        for (anchor, entry) in [
            (
                "the failover",
                "The array failed over to its secondary controller",
            ),
            ("the cutover", "Traffic cut over to the new region"),
            ("the rollout", "Version 4.2 rolled out to every node"),
            ("the shutdown", "Operators shut down the old cluster"),
        ] {
            let w = Words::parse(anchor).expect("words");
            assert!(w.score(entry) > 0, "{anchor}: {entry}");
        }
        let w = Words::parse("the failover").expect("words");
        assert_eq!(w.score("Failing requests piled over the limit"), 0);
    }

    /// A first-person report names its events with "my": "within 10 minutes of
    /// my ticket"; a support desk's reply is what it says.
    #[test]
    fn my_ticket_and_what_support_says() {
        let w = Words::parse("my ticket").expect("words");
        assert!(w.score("hard reboot fails. I open a support ticket with the host") > 0);
        let w = Words::loose("Support replied").expect("words");
        assert!(w.score("Support says it is a router problem on their side") > 0);
        assert_eq!(w.score("The status page says investigating"), 0);
    }

    #[test]
    fn loose_words_need_the_verb_and_half_the_rest() {
        let w = Words::loose("Vantor Telecom confirmed the cause").expect("words");
        assert!(w.score("Vantor confirm that the certificate expired") > 0);
        // The verb alone, or the names alone, are not the event.
        assert_eq!(w.score("Engineers confirm registrations are refused"), 0);
        assert_eq!(w.score("Ticket raised with Vantor Telecom"), 0);
        // A synonym of the verb is the verb.
        let w = Words::loose("support replied").expect("words");
        assert!(w.score("Support answers the ticket") > 0);
        assert!(Words::loose("").is_none());
        assert!(Words::loose("we had it").is_none());
        // A thing that went out or live is named by its noun.
        let w = Words::loose("The revert went out").expect("words");
        assert!(w.score("Config change reverted.") > 0);
        assert!(w.score("Revert live on all CDN edges") > 0);
        assert_eq!(w.score("Purge completed"), 0);
    }

    #[test]
    fn anchor_words_need_their_head() {
        let w = Words::parse("the first growth of the lag").expect("words");
        assert!(w.first);
        assert!(w.score("Ledger sync lag begins to grow") > 0);
        assert_eq!(w.score("The lag alert fires"), 0);
        let w = Words::parse("the first ticket arrived").expect("words");
        assert!(w.score("First support ticket: search is broken") > 0);
        let w = Words::parse("the first bad response").expect("words");
        assert!(w.score("First responses signed with the old key are served") > 0);
        assert_eq!(w.score("Responder certificate expires"), 0);
        assert!(Words::parse("we called the vendor").is_none());
        // An owner's possessive leads the phrase as an article would.
        let w = Words::parse("Corvid's change went live").expect("words");
        assert!(
            w.score("Corvid Pay moves top-ups to the new endpoint (per their change notice)") > 0
        );
        assert_eq!(w.score("Corvid Pay support answers"), 0);
        // A noun's change of state: the noun is the head, hyphenated words split
        // as the entries' are.
        let w = Words::parse("the array going read-only").expect("words");
        assert!(w.score("Healthy disk removed; metadata array degrades to read-only.") > 0);
        assert_eq!(w.score("Home mounted read-only for verification"), 0);
        assert_eq!(w.score("Array rebuild starts"), 0);
        let w = Words::parse("the array went read-only").expect("words");
        assert!(w.score("Healthy disk removed; metadata array degrades to read-only.") > 0);
        assert_eq!(w.score("Array rebuild starts"), 0);
        let w = Words::parse("the disk became full").expect("words");
        assert!(w.score("Disk on ci-03 is full, jobs start to fail") > 0);
        assert_eq!(w.score("Disk replaced"), 0);
        let w = Words::parse("the primary becoming unreachable").expect("words");
        assert!(w.score("Primary unreachable from the app hosts") > 0);
        assert_eq!(w.score("Replica unreachable"), 0);
    }

    #[test]
    fn a_day_named_relative_to_the_mails_date() {
        let mail = "From: Ops <ops@example.org>\nSubject: [outage] mirrors down\nDate: Tue, 8 Jul 2025 00:40:11 +0200\n\nHello,\n";
        let sent = mail_day(mail).expect("a Date header");
        assert_eq!(sent, jiff::civil::date(2025, 7, 8));
        // A report's own `Date:` line is no mail header block.
        assert_eq!(mail_day("# Outage\n\nDate: 2025-07-08\n"), None);
        let day = |clause: &str, hour: i64| relative_day(clause, sent, hour * 3600);
        assert_eq!(
            day("yesterday at 20:10 the cache failed", 20),
            Some((Some(2025), 7, 7))
        );
        assert_eq!(
            day("last night at 23:40 the cache failed", 23),
            Some((Some(2025), 7, 7))
        );
        assert_eq!(
            day("last night at 01:30 the cache failed", 1),
            Some((Some(2025), 7, 8))
        );
        assert_eq!(
            day("this morning at 06:10 it was back", 6),
            Some((Some(2025), 7, 8))
        );
        // Another sign of a day, or two: not clear.
        for clause in [
            "yesterday or today at 10:00",
            "yesterday, 7 July, at 20:10",
            "overnight, at 03:00 this morning",
            "at 20:10",
        ] {
            assert_eq!(day(clause, 10), None, "{clause}");
        }
    }

    #[test]
    fn clauses_with_one_time_are_read() {
        let mut out = Vec::new();
        clauses_of(
            "At 9:15 PM, that alert fired and paged our on-call engineer. We declared an incident at 4:02 PM. Tom chased it, from 3:21 PM to 3:52 PM. On March 3 at 10:00 we deployed. On 3/4 at 11:00 we checked. On March 2 or March 3 at 10:00 we looked.",
            "/summary",
            None,
            &mut out,
        );
        let texts: Vec<_> = out
            .iter()
            .filter(|c| c.stamp.clock.is_some())
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "At 9:15 PM, that alert fired and paged our on-call engineer",
                "We declared an incident at 4:02 PM",
                "On March 3 at 10:00 we deployed"
            ]
        );
        // The plain date is the clause's day; a numeric day-month or a second
        // sign of a day leaves it blurred.
        let days: Vec<_> = out.iter().filter_map(|c| c.stamp.day).collect();
        assert_eq!(days, [(None, 3, 3)]);
        // `14h30` and a four-digit clock with its zone are clocks; `2h30` and a
        // bare `1342` are not.
        let mut out = Vec::new();
        clauses_of(
            "The 502s started at 14h30. At 1342 EST the queue drained. It took 2h30 to fix. We paid 1342 dollars.",
            "/summary",
            None,
            &mut out,
        );
        let clocks: Vec<_> = out.iter().filter_map(|c| c.stamp.clock).collect();
        assert_eq!(clocks, [14 * 3600 + 30 * 60, 13 * 3600 + 42 * 60]);
    }

    /// Prose wrapped between a time and its zone is one time.
    #[test]
    fn a_time_wrapped_before_its_zone_is_read() {
        let mut out = Vec::new();
        clauses_of(
            "Then Asia-Pacific at 18:25 UTC. By 18:40\nUTC everyone could log in again.",
            "/summary",
            None,
            &mut out,
        );
        let read: Vec<_> = out
            .iter()
            .filter_map(|c| Some((c.text.as_str(), c.stamp.clock?, c.stamp.zone.clone()?)))
            .collect();
        assert_eq!(
            read,
            [
                ("Then Asia-Pacific at 18:25 UTC", 66_300, "utc".to_string()),
                (
                    "By 18:40 UTC everyone could log in again",
                    67_200,
                    "utc".to_string()
                ),
            ]
        );
    }

    #[test]
    fn stamps_on_stated_days_count_the_days() {
        use super::{Stamp, between};
        let at = |day: Option<(Option<i16>, i8, i8)>, clock: i64, source: &'static str| Stamp {
            label: String::new(),
            pointer: String::new(),
            instant: None,
            clock: Some(clock),
            zone: None,
            place: None,
            day,
            source,
        };
        let a = at(Some((None, 3, 1)), 36_000, "prose_clause");
        let b = at(Some((Some(2025), 3, 3)), 37_800, "front_matter");
        assert_eq!(between(&a, &b), Some(2 * 86_400 + 1800));
        assert_eq!(between(&b, &a), None);
        // A place without a day: the wall clock, forward within twelve hours.
        let c = at(None, 37_800, "written");
        assert_eq!(between(&a, &c), Some(1800));
        let d = at(None, 36_000, "timeline_entry");
        assert_eq!(between(&d, &c), Some(1800));
        assert_eq!(between(&c, &d), None);
    }
}
