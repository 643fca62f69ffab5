use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;
use crate::time::{self, Abbreviation, Resolved, SeasonMismatch, format_offset};
use crate::times::TimeValue;
use jiff::civil::Date;

mod clock;
mod gloss;
mod prose;
use clock::in_use_at;
use prose::prose_zones;

declare_rule! {
    /// A zone abbreviation does not fit the date: `CET` in July, when Central
    /// Europe is on summer time (`CEST`).
    ///
    /// ## Why
    /// The abbreviation states an offset one hour away from the clocks of the
    /// time. Whoever wrote it read a wall clock, so retrospec takes the time as
    /// wall-clock time in the abbreviation's region, but readers converting
    /// `CET` to UTC get an answer one hour off, and durations against times
    /// written in UTC disagree.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2023-07-01 10:51 CET
    /// ```
    /// Use instead: `2023-07-01 10:51 CEST` (the fix writes the abbreviation in use).
    ///
    /// One cause, one finding: every time read with the same abbreviation out of
    /// season is one finding, with the others as labels. A zone stated once for
    /// the whole report ("All times are in CET", `## Timeline (CET)`, a table
    /// column headed `Time (CET)`) is checked against the times it applies to and
    /// reported at the statement, where the fix goes.
    ///
    /// Also checked: an abbreviation written right after a clock in prose ("it
    /// began at 10:52 AM CET", "until 11:32 a.m. PST", "Last updated: 2023-07-03 12:20 CET", glued as in
    /// `(06:00EST)`), reported at the report's statement of that zone when it has
    /// one ("Times are EST", even with no timeline), on the ISO date
    /// before the clock, the date its entry's bold run-in leads with (`**March 6:
    /// Registry slow (04:15 EST).**` in a log whose title names another week), or
    /// the day of the report's own times; and the local column
    /// of a table that gives UTC beside it (`| UTC | Sydney (AEST) |` in January),
    /// where the rows themselves show the offset in use. A dated time in a
    /// sentence (`4pm PST on July 14, 2025`, `on July 14, 2025 at 1605 Pacific
    /// Standard Time`) is judged on its own date (not on a year taken from the
    /// heading), and so is a clock whose sentence writes its date in words
    /// (`shipped on Tuesday 28 October at 09:00 BST`, after the clocks went back),
    /// reported there, not at the report's statement of the zone, which may be
    /// right for the rest. On a day the clocks change, both names are accepted.
    ///
    /// A date written without a year, in a report that gives none (`26 August,
    /// 17:33 CET`), is judged when the abbreviation is out of season on that day
    /// in every year since 2007 (when the US last changed its rules) that its
    /// weekday allows: no year is needed to see CET in late August, while a day
    /// near a change that some year fits is left alone.
    ///
    /// `MST` in summer is not reported unless the report says it means a region
    /// that changes its clocks: Denver is on MDT then, but Arizona
    /// (America/Phoenix) keeps MST all year, and the time is read at MST's own
    /// offset, as Arizona's clocks show it. A report that writes `MDT` elsewhere,
    /// spells Mountain Daylight Time, or names Denver's zone or a place on it
    /// (`America/Denver`, Denver, Colorado, Utah, Calgary) means Denver's clock,
    /// and its summer `MST` is reported as before.
    ///
    /// A region's time glossed with an abbreviation in prose ("Care in Boston
    /// writes Eastern time (EST)", `Central European Time (CET)`) is judged on the
    /// report's date too, also where the times carry a neutral name (`10:05 ET`).
    ///
    /// A zone a report states for clocks told only in its prose
    /// ("all times PST below" over "At 9:12 a.m. the job ..."), with no timeline to
    /// date them, is judged on the report's date (its first date, else the day it
    /// was published), and not when it was published on a day the zone was in use:
    /// the story may be either side of the change.
    pub struct ZoneSeason = "RS203", "zone-season", Error, fix: Always;
}

impl Rule for ZoneSeason {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // One cause, one finding: every time read with the same abbreviation out
        // of season (`PST` in July) is one finding, not one per line.
        let mut causes: Vec<Vec<(&TimeValue, &Resolved, &SeasonMismatch)>> = Vec::new();
        // A milestone read from the words of a timeline entry stands on that
        // entry's time: one written time, counted and labelled once.
        // Kept sorted and searched by halves: a 2,500-entry timeline searched the
        // list from the start once per time (20% of its check, the language
        // server's long report; perf12). Not a hashed or tree set: a report of
        // twenty times paid more for those than for the list. Times come in file
        // order, so an insert is nearly always at the end.
        // Only times out of season are looked up at all: a clean report of
        // thousands of times pays nothing here.
        let mut seen: Vec<Span> = Vec::new();
        for value in cx.times.all() {
            let Some(resolved) = value.instant() else {
                continue;
            };
            let Some(mismatch) = &resolved.season_mismatch else {
                continue;
            };
            let at = cx.span(&value.pointer);
            match seen.binary_search(&at) {
                Ok(_) => continue,
                Err(i) => seen.insert(i, at),
            }
            let same = |c: &&mut Vec<(&TimeValue, &Resolved, &SeasonMismatch)>| {
                c.first().is_some_and(|(_, _, m)| {
                    m.written.name == mismatch.written.name && m.in_use == mismatch.in_use
                })
            };
            match causes.iter_mut().find(same) {
                Some(cause) => cause.push((value, resolved, mismatch)),
                None => causes.push(vec![(value, resolved, mismatch)]),
            }
        }
        // A report read as written that states its zone but has no timeline for
        // it to apply to ("Times are EST" over a digest of incidents) still
        // states it: the times in its prose are judged against the statement.
        let stated = cx.parsed.freeform.as_ref().and_then(|r| {
            r.stated_zone
                .or_else(|| crate::parse::freeform::zone::stated_zone(cx.text).map(|(_, at)| at))
        });
        // Each finding with its cause: the abbreviation and what was in use.
        let mut findings: Vec<(&str, String, Diagnostic)> = causes
            .iter()
            .map(|cause| {
                let (_, _, m) = cause[0];
                (m.written.name, m.in_use.clone(), finding(cx, cause, stated))
            })
            .collect();
        let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        // Times in prose with an abbreviation beside them ("started at 10:52 AM CET",
        // "Last updated: 2023-07-03 12:20 CET"), which are not timeline entries:
        // the same cause when the abbreviation is, else a finding of their own.
        let values: std::cell::OnceCell<Vec<Span>> = std::cell::OnceCell::new();
        for (at, abbr, mut date, own_date, yearless, clock) in prose_zones(cx) {
            // A time of the timeline or milestones is judged above, with its own date.
            let values =
                values.get_or_init(|| cx.times.all().map(|v| cx.span(&v.pointer)).collect());
            if values.iter().any(|v| overlaps(*v, at)) {
                continue;
            }
            if findings.iter().any(|(_, _, d)| {
                overlaps(d.span, at) || d.labels.iter().any(|l| overlaps(l.span, at))
            }) {
                continue;
            }
            // A clock beside a timeline entry's own time is on the day its
            // clock shows, and the entry's instant says which offset it had.
            let beside = clock
                .filter(|_| !own_date)
                .and_then(|(h, m)| clock::beside_entry(cx, at.start, (h, m)));
            if let Some((day, _)) = beside {
                date = day;
            }
            let Some((in_use, offset)) = in_use_at(abbr, date, clock) else {
                continue;
            };
            if kept_all_year(cx, abbr, date) {
                continue;
            }
            // A date written without a year is named as written: which year it
            // was does not matter, the abbreviation is wrong in all of them.
            let day = if yearless {
                format!(
                    "{} {} (no year given; in no year since {})",
                    date.day(),
                    time::MONTH_NAMES[usize::try_from(date.month() - 1).unwrap_or(0)],
                    RECENT_YEARS.start()
                )
            } else {
                match clock.filter(|_| self::in_use(abbr, date).is_none()) {
                    // The day the clocks changed: out of season at its clock only.
                    Some((h, m)) => format!("{date} at {h:02}:{m:02}"),
                    None => date.to_string(),
                }
            };
            let message = format!("read as {}, not in use on {day}", abbr.name);
            if let Some((_, _, d)) = findings
                .iter_mut()
                .find(|(name, used, _)| *name == abbr.name && *used == in_use)
            {
                d.labels
                    .push(crate::diagnostic::Label { span: at, message });
                if let Some(fix) = d.fix.as_mut() {
                    let replacement = fix.edits.first().map(|e| e.replacement.clone());
                    if let Some(replacement) = replacement {
                        fix.edits.push(Edit {
                            span: at,
                            replacement,
                        });
                    }
                }
                continue;
            }
            // The zone stated for the whole report ("Times are EST") is where the
            // cause is: the finding goes there, the time as a label.
            // A time dated in its own sentence ("on Tuesday 28 October at 09:00
            // BST") is its own cause: the statement may be right for the rest.
            let statement = stated
                .filter(|s| s.slice(cx.text) == abbr.name && *s != at)
                .filter(|_| !own_date);
            let mut d = Diagnostic::new(
                &Self::INFO,
                statement.unwrap_or(at),
                format!(
                    "{} (UTC{}) is not in use on {day} in {}: clocks there showed {in_use} (UTC{}){}",
                    abbr.name,
                    format_offset(abbr.offset()),
                    abbr.region,
                    format_offset(offset),
                    if beside.is_some_and(|(_, shown)| shown == offset) {
                        AS_SHOWN
                    } else {
                        ""
                    },
                ),
            )
            .with_help(format!(
                "write `{in_use}`, the abbreviation in use on that day"
            ))
            .with_fix(Fix {
                message: format!("replace `{}` with `{in_use}`", abbr.name),
                edits: statement
                    .into_iter()
                    .chain([at])
                    .map(|span| Edit {
                        span,
                        replacement: in_use.clone(),
                    })
                    .collect(),
                safe: true,
            });
            if statement.is_some() {
                d = d.with_label(at, message);
            }
            findings.push((abbr.name, in_use.clone(), d));
        }
        // In retrospec's own form the statement is read only when no time is dated
        // (most reports have a timeline, and the whole text is not read again).
        let stated = stated.or_else(|| {
            (cx.parsed.freeform.is_none() && cx.times.all().all(|v| v.instant().is_none()))
                .then(|| crate::parse::freeform::zone::stated_zone(cx.text).map(|(_, at)| at))
                .flatten()
        });
        // One cause, one finding: an abbreviation already reported out of season
        // is not reported again at its statement.
        if let Some(at) = stated
            && !findings.iter().any(|(name, _, d)| {
                *name == at.slice(cx.text)
                    || overlaps(d.span, at)
                    || d.labels.iter().any(|l| overlaps(l.span, at))
            })
            && let Some(d) = statement_on_the_report_s_date(cx, at)
        {
            findings.push(("", String::new(), d));
        }
        // A region's time glossed with an abbreviation in prose ("Customer Care
        // in Boston writes Eastern time (EST)"): the gloss says which offset the
        // clocks showed, judged on the report's date.
        for at in gloss::glosses(cx.text) {
            if cx.masks().covers(at.start)
                || findings.iter().any(|(name, _, d)| {
                    *name == at.slice(cx.text)
                        || overlaps(d.span, at)
                        || d.labels.iter().any(|l| overlaps(l.span, at))
                })
            {
                continue;
            }
            // Times written with it, or that took it from a statement, are judged
            // above on their own dates.
            if let Some(abbr) = time::abbreviation(at.slice(cx.text))
                && abbr.counterpart.is_some()
                && !cx.times.all().any(|v| {
                    v.instant().is_some() && (v.report_zone.is_some() || v.text.contains(abbr.name))
                })
                && let Some(d) = on_the_report_s_date(cx, at, abbr)
            {
                findings.push((abbr.name, String::new(), d));
            }
        }
        out.extend(findings.into_iter().map(|(_, _, d)| d));
    }
}

/// The zone a report states for its times in prose (`all times PST
/// below`, `All times in this report are in CET.`) when the times it applies to
/// are clocks in its prose (`At 9:12 a.m. the job ...`), not a timeline's or a
/// status update's that took it: judged
/// on the report's date, and on the day it was published when it says, so a
/// report written across the change of season is left alone.
fn statement_on_the_report_s_date(cx: &Context<'_>, at: Span) -> Option<Diagnostic> {
    if cx.masks().covers(at.start) {
        return None;
    }
    let abbr = time::abbreviation(at.slice(cx.text))?;
    abbr.counterpart?;
    // Times that took the zone (from the statement or written on them) are judged
    // above, each on its own date; in retrospec's own form, any time the report
    // dates is (the statement is prose beside its fields).
    let free = cx.parsed.freeform.is_some();
    if cx.times.all().any(|v| {
        v.instant().is_some() && (!free || v.report_zone.is_some() || v.text.contains(abbr.name))
    }) {
        return None;
    }
    if !clock_after(&cx.text[at.end..]) {
        return None;
    }
    on_the_report_s_date(cx, at, abbr)
}

/// The finding for the abbreviation at `at`, judged on the report's date (its
/// first date, else its first slashed one), unless it was in use then, is kept
/// all year there, or was not in use on the day the report was published either.
fn on_the_report_s_date(cx: &Context<'_>, at: Span, abbr: &Abbreviation) -> Option<Diagnostic> {
    let dating = crate::parse::freeform::date::Dating::of(cx.text);
    let date = dating
        .first
        .map(|(d, _)| d)
        .or_else(|| first_slashed_date(cx.text))?;
    let (in_use, offset) = in_use(abbr, date)?;
    if kept_all_year(cx, abbr, date) {
        return None;
    }
    if dating
        .published
        .is_some_and(|p| self::in_use(abbr, p).is_none())
    {
        return None;
    }
    Some(
        Diagnostic::new(
            &ZoneSeason::INFO,
            at,
            format!(
                "{} (UTC{}) is not in use on {date} in {}, the report's date: clocks there showed {in_use} (UTC{})",
                abbr.name,
                format_offset(abbr.offset()),
                abbr.region,
                format_offset(offset),
            ),
        )
        .with_help(format!(
            "write `{in_use}`, the abbreviation in use on that day"
        ))
        .with_fix(Fix {
            message: format!("replace `{}` with `{in_use}`", abbr.name),
            edits: vec![Edit {
                span: at,
                replacement: in_use.clone(),
            }],
            safe: true,
        }),
    )
}

/// A slashed date with its year (`13/10/2025`, `[10/13/2025 09:15]`).
static SLASHED: std::sync::LazyLock<crate::lean::Lean> = std::sync::LazyLock::new(|| {
    crate::lean::Lean::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
        .expect("the slashed-date pattern is valid")
});

/// The first slashed date with its year in `text`, read in the order the
/// report's slashed dates settle (`13/10/2025` is day first); none when they do
/// not settle it.
fn first_slashed_date(text: &str) -> Option<Date> {
    if !text.contains('/') {
        return None;
    }
    let month_first = crate::parse::freeform::date::report_slashed_order(text)?;
    SLASHED.captures_iter(text).find_map(|c| {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i16>().ok());
        let (a, b, year) = (n(1)?, n(2)?, n(3)?);
        let (month, day) = if month_first { (a, b) } else { (b, a) };
        Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
    })
}

/// Whether `text` has a clock (`9:12`, `09.50`) the statement before it applies to.
fn clock_after(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        let meridiem = || {
            let rest = text[i + 4..].trim_start_matches(' ').as_bytes();
            rest.len() > 1
                && matches!(rest[0], b'a' | b'p' | b'A' | b'P')
                && matches!(rest[1], b'm' | b'M' | b'.')
        };
        w[0].is_ascii_digit()
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && (w[1] == b':' || w[1] == b'.' && meridiem())
    })
}

/// The finding for one cause: at the statement of the zone when the times took it
/// from one ("All times in PST", a heading, a column), else at the first time
/// that carries it; the other times as labels.
fn finding(
    cx: &Context<'_>,
    cause: &[(&TimeValue, &Resolved, &SeasonMismatch)],
    stated: Option<Span>,
) -> Diagnostic {
    let (first, resolved, mismatch) = cause[0];
    let written = mismatch.written;
    let name = written.name;
    // Where each time's abbreviation is written, when it is written on the time.
    let own = |v: &TimeValue| {
        let at = cx.span_within(&v.pointer, name);
        (at.slice(cx.text) == name).then_some(at)
    };
    let carried: Vec<Span> = cause.iter().filter_map(|(v, _, _)| own(v)).collect();
    // The statement names the zone as written or spelt out, in any case
    // ("Pacific Daylight Time", "pacific daylight time").
    let names = |s: &Span| {
        s.slice(cx.text) == name
            || matches!(crate::time::scan_spelled_zone_any_case(cx.text, s.start),
                Some((crate::time::Zone::Abbrev(a), r)) if a.name == name && r.end == s.end)
    };
    let statement = first.report_zone.or(stated.filter(names)).or_else(|| {
        carried
            .is_empty()
            .then(|| first_word(cx.text, name))
            .flatten()
    });
    let (span, edits) = match statement {
        Some(at) if carried.is_empty() => (at, vec![at]),
        _ => (
            carried
                .first()
                .copied()
                .unwrap_or_else(|| cx.span(&first.pointer)),
            carried.clone(),
        ),
    };
    let in_use_is_name = mismatch.in_use.chars().all(|c| c.is_ascii_alphabetic());
    let replacement = if in_use_is_name {
        mismatch.in_use.clone()
    } else {
        format_offset(mismatch.in_use_offset)
    };
    let more = if cause.len() > 1 {
        format!(" ({} times read with it)", cause.len())
    } else {
        String::new()
    };
    let mut d = Diagnostic::new(
        &ZoneSeason::INFO,
        span,
        format!(
            "{name} (UTC{}) is not in use on {} in {}: clocks there showed {} (UTC{}){more}",
            format_offset(written.offset()),
            resolved.date,
            written.region,
            mismatch.in_use,
            format_offset(mismatch.in_use_offset),
        ),
    )
    .with_help(format!(
        "write `{replacement}`; retrospec reads this time as {} wall-clock time, {} UTC",
        written.region,
        resolved.timestamp.strftime("%H:%M"),
    ));
    for (v, r, _) in cause {
        let at = own(v).unwrap_or_else(|| cx.span(&v.pointer));
        if at != span {
            d = d.with_label(
                at,
                format!("read as {name}, {} UTC", r.timestamp.strftime("%H:%M")),
            );
        }
    }
    if !edits.is_empty() {
        d = d.with_fix(Fix {
            // `Pacific Daylight Time` spelt out in the statement, else `PDT`.
            message: format!(
                "replace `{}` with `{replacement}`",
                edits.first().map_or(name, |e| e.slice(cx.text))
            ),
            edits: edits
                .into_iter()
                .map(|span| Edit {
                    span,
                    replacement: replacement.clone(),
                })
                .collect(),
            safe: true,
        });
    }
    d
}

/// The first place `word` stands as a whole word in `text`.
fn first_word(text: &str, word: &str) -> Option<Span> {
    let b = text.as_bytes();
    text.match_indices(word).map(|(i, _)| i).find_map(|i| {
        let end = i + word.len();
        let edge = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        (edge(i.checked_sub(1).and_then(|j| b.get(j))) && edge(b.get(end)))
            .then(|| Span::new(i, end))
    })
}

/// What `abbr`'s region used on `date` (at noon), when it is not `abbr` itself.
/// Whether `abbr` on `date` is right in a region that keeps it all year (a summer
/// `MST` in Arizona) and the report does not say it means the region that
/// changes its clocks (it writes `MDT`, names Denver): no finding, as times
/// read so are not ([`crate::times`]).
fn kept_all_year(cx: &Context<'_>, abbr: &Abbreviation, date: Date) -> bool {
    time::kept_all_year_in(abbr, date).is_some() && !time::names_seasonal_region(abbr, cx.text)
}

fn in_use(abbr: &Abbreviation, date: Date) -> Option<(String, jiff::tz::Offset)> {
    let tz = jiff::tz::TimeZone::get(abbr.region).ok()?;
    // On the day clocks change, both names were in use.
    for (hour, minute) in [(0, 0), (23, 59)] {
        let at = date.at(hour, minute, 0, 0).to_zoned(tz.clone()).ok()?;
        if tz.to_offset_info(at.timestamp()).offset() == abbr.offset() {
            return None;
        }
    }
    let noon = date.at(12, 0, 0, 0).to_zoned(tz.clone()).ok()?;
    let info = tz.to_offset_info(noon.timestamp());
    let offset = info.offset();
    let name = info.abbreviation();
    let name = if name.chars().all(|c| c.is_ascii_alphabetic()) {
        name.to_string()
    } else {
        format_offset(offset)
    };
    Some((name, offset))
}

/// What an RS203 message adds when the times beside the abbreviation (a table's
/// UTC column, an entry's own time) show the offset that was in use.
pub(crate) const AS_SHOWN: &str = ", as the times beside it show";

/// The years a date written without one is judged in: since 2007, when the US
/// last changed its rules (Europe's date from 1996), to next year.
const RECENT_YEARS: std::ops::RangeInclusive<i16> = 2007..=2027;

#[cfg(test)]
mod tests {
    /// A zone stated for the clocks in a report's prose, with no timeline, is
    /// judged on the report's date; in season, or published after the clocks
    /// changed, it is not reported.
    #[test]
    fn a_stated_zone_over_prose_clocks_is_judged_on_the_report_s_date() {
        let report = |statement: &str, date: &str| {
            format!(
                "# Logins failed on {date}\n\nOn {date} many of you could not sign in ({statement}).\n\nAt 9:12 a.m. the job swapped the certificate, and at 10:18 a.m.\nthe fixed bundle went out.\n"
            )
        };
        for (statement, date, found) in [
            ("all times PST below", "March 20, 2025", true),
            ("all times PDT below", "March 20, 2025", false),
            ("all times PST below", "March 3, 2025", false),
            (
                "all times in this report are in CET",
                "October 10, 2025",
                true,
            ),
            (
                "all times in this report are in CET",
                "October 30, 2025",
                false,
            ),
            ("times are in CEST", "October 10, 2025", false),
        ] {
            let text = report(statement, date);
            let spans = crate::rules::spans_of("RS203", &text, crate::Format::Markdown);
            assert_eq!(
                spans.len(),
                usize::from(found),
                "{statement} / {date}: {spans:?}"
            );
        }
        // The report's date written day first with slashes, settled by a day above 12.
        for (statement, found) in [
            ("All times are in CET.", true),
            ("All times are in CEST.", false),
        ] {
            let text = format!(
                "# Storage outage\n\n**Resolved [13/10/2025 09:15]**\n\nWhat happened on Friday. {statement}\n\nAt 09:50 on Friday the controller lost power.\n"
            );
            let spans = crate::rules::spans_of("RS203", &text, crate::Format::Markdown);
            assert_eq!(spans.len(), usize::from(found), "{statement}: {spans:?}");
        }
        // Retrospec's own form, as `retrospec import` writes such a report: the
        // same finding; with a dated timeline the statement is left to its times.
        let own = format!(
            "---\ntitle: Logins failed\nstatus: in-review\n---\n\n## Summary\n\n{}",
            report("all times PST below", "March 20, 2025")
        );
        assert_eq!(
            crate::rules::spans_of("RS203", &own, crate::Format::Markdown),
            ["PST"]
        );
        let timed = format!(
            "{own}\n## Timeline\n\n- 2025-03-20 09:12 UTC the job swapped the certificate\n"
        );
        assert!(crate::rules::spans_of("RS203", &timed, crate::Format::Markdown).is_empty());
        // Published after the clocks changed: the incident may be either side.
        let text = report("all times PDT below", "March 8, 2025");
        assert_eq!(
            crate::rules::spans_of("RS203", &text, crate::Format::Markdown),
            ["PDT"]
        );
        let text = text.replacen("\n\n", "\n\n*Posted on March 12, 2025 by Dana Kim*\n\n", 1);
        assert!(crate::rules::spans_of("RS203", &text, crate::Format::Markdown).is_empty());
    }

    use crate::{Format, check};

    /// `MST` in June is Arizona's clock, unless the report says it means Denver's
    /// (it writes MDT, names Denver or its zone): then it is reported as before.
    /// Read as Arizona's, it agrees with the UTC time beside it.
    #[test]
    fn summer_mst_is_arizona_s_unless_the_report_says_denver() {
        let report = |extra: &str| {
            format!(
                "# Checkout errors\n\nOn June 10, 2025 checkout failed at 10:00 MST (17:00 UTC).{extra}\n\n## Timeline\n\n- 2025-06-10 10:00 MST errors start\n- 2025-06-10 10:40 MST fixed\n"
            )
        };
        assert!(rs203(&report("")).is_empty(), "{:?}", rs203(&report("")));
        assert!(rs203(&report(" Our Phoenix office saw it first.")).is_empty());
        for extra in [
            " Our Denver office saw it first.",
            " The follow-up ran at 14:00 MDT.",
            " All times Mountain Daylight Time where noted.",
        ] {
            assert!(!rs203(&report(extra)).is_empty(), "{extra}");
        }
        // In winter MST is right everywhere; MDT in winter is still wrong.
        let winter = report("")
            .replace("June 10", "January 10")
            .replace("2025-06-10", "2025-01-10");
        assert!(rs203(&winter).is_empty());
        let mdt = winter.replace("MST", "MDT");
        assert!(!rs203(&mdt).is_empty());
        // A report in retrospec's form whose zone is Denver's means Denver.
        let yaml = "title: t\nstatus: draft\ntimezone: America/Denver\ntimeline:\n  - time: 2025-06-10 10:00 MST\n    text: errors start\n";
        assert_eq!(crate::rules::spans_of("RS203", yaml, Format::Yaml).len(), 1);
        let yaml = yaml.replace("America/Denver", "America/Phoenix");
        assert!(crate::rules::spans_of("RS203", &yaml, Format::Yaml).is_empty());
        // Read at MST's own offset: 10:00 MST is 17:00 UTC.
        let text = report("");
        let checked = check(&text, Format::Markdown);
        let model = checked.model.expect("model");
        let times = crate::times::Times::for_report(&model, &text, None);
        let first = times.timeline[0]
            .as_ref()
            .and_then(|v| v.instant())
            .expect("read");
        assert_eq!(first.timestamp.to_string(), "2025-06-10T17:00:00Z");
    }

    fn rs203(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        check(text, Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS203")
            .collect()
    }

    /// A clock in another zone beside an entry's own time (as `import` writes a
    /// table's second clock column) is on the day it shows, the day after the
    /// entry's UTC date here, and the entry's instant shows the offset in use.
    #[test]
    fn a_clock_beside_an_entry_s_time_is_judged_on_its_own_day() {
        let report = |abbr: &str| {
            format!(
                "---\ntitle: Push delays\nstatus: draft\n---\n\n## Timeline\n\n\
                 - 2025-01-13 19:00 UTC Gateway scaled down (06:00 {abbr})\n\
                 - 2025-01-13 20:45 UTC Delay alert fires (07:45 {abbr}) [detected]\n"
            )
        };
        let wrong = rs203(&report("AEST"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert_eq!(
            wrong[0].message,
            "AEST (UTC+10:00) is not in use on 2025-01-14 in Australia/Sydney: clocks there showed AEDT (UTC+11:00), as the times beside it show"
        );
        assert_eq!(
            wrong[0].labels.len(),
            1,
            "the second clock is the same cause"
        );
        assert!(rs203(&report("AEDT")).is_empty());
        // A clock the entry's time does not match is still judged, without the claim.
        let off = report("AEST").replace("(06:00 AEST)", "(09:00 AEST)");
        let found = rs203(&off);
        assert!(
            !found[0].message.ends_with(super::AS_SHOWN),
            "{}",
            found[0].message
        );
    }

    /// A region's time glossed with an abbreviation is judged on the report's
    /// date, beside times that carry a neutral name; the right one is not.
    #[test]
    fn a_region_s_time_glossed_out_of_season() {
        let report = |gloss: &str| {
            format!(
                "# Prices showed as zero\n\nOn 18 June 2025 every price showed as zero.\n\n\
                 > Care in Boston writes Eastern time ({gloss}).\n\n## Timeline\n\n- 10:05 ET First chat.\n- 10:20 ET Escalated.\n"
            )
        };
        let wrong = rs203(&report("EST"));
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(
            wrong[0].message.contains("clocks there showed EDT"),
            "{}",
            wrong[0].message
        );
        assert!(rs203(&report("EDT")).is_empty());
    }

    #[test]
    fn a_zone_stated_once_is_one_finding_at_the_statement() {
        let text = "# Sync stopped\n\nWritten on 2025-07-24. All times in PST.\n\n## Timeline\n\n- 2:15 PM sync fails\n- 3:10 PM secret found\n- 4:05 PM sync back\n";
        let found = rs203(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "PST");
        assert_eq!(found[0].labels.len(), 3, "{found:?}");
        // The fix edits the statement only: the entries have no zone of their own.
        let fix = found[0].fix.as_ref().expect("fix");
        assert_eq!(fix.edits.len(), 1);
        // In winter the statement is right.
        assert!(rs203(&text.replace("2025-07-24", "2025-01-24")).is_empty());
    }

    #[test]
    fn a_zone_on_every_line_is_one_finding_per_cause() {
        let text = "# Sync stopped\n\n## Timeline\n\n- 2025-07-24 14:15 CET sync fails\n- 2025-07-24 15:10 CET secret found\n- 2025-07-24 16:05 CET sync back\n";
        let found = rs203(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "CET");
        assert_eq!(found[0].labels.len(), 2);
        assert_eq!(found[0].fix.as_ref().expect("fix").edits.len(), 3);
    }

    #[test]
    fn zones_of_dated_times_in_sentences_are_checked() {
        // The time's own date, in a form the raw scan does not read, and a
        // spelled-out name.
        let d = rs203("# Outage\n\nIt began at 4pm PST on July 14, 2025 and ended soon.\n");
        assert_eq!(d.len(), 1, "{d:?}");
        let d = rs203(
            "# Outage\n\nIt began on July 14, 2025 at 1605 Pacific Standard Time for most users.\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        // In season: nothing.
        let d = rs203(
            "# Outage\n\nIt began on January 14, 2025 at 1605 Pacific Standard Time for most users.\n",
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_date_without_a_year_is_judged_when_no_year_fits() {
        // CET in late August, EST on 31 March: wrong in every year since 2007.
        for text in [
            "# Wiki status\n\n26 August, 17:33 CET: the wiki is back.\n\n26 August, 17:03 CET: DNS switched back.\n",
            "# Network summary\n\nOn Monday, March 31 at 2:17 PM EST the core switch failed.\n",
        ] {
            let found = rs203(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert!(found[0].message.contains("no year given"), "{found:?}");
        }
        // The right season, and a date near a change that some year fits (CEST
        // began on 30 March 2025, on 25 March 2018), are left alone.
        for text in [
            "# Wiki status\n\n26 August, 17:33 CEST: the wiki is back.\n",
            "# Wiki status\n\n27 March, 17:33 CEST: the wiki is back.\n",
        ] {
            assert!(rs203(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn zones_beside_times_in_prose_are_checked() {
        // Not timeline entries: a time in a sentence, and when the page was updated.
        let text = "# Proxy outage\n\nOn 3 August 2024 the proxies broke.\n\nIt began at 9:40 AM CET and ended at 11:05 AM CET.\n\nPage updated 2024-08-05 10:00 CET.\n";
        let found = rs203(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "CET");
        assert_eq!(
            &text[..found[0].span.start].lines().last().expect("a line")[..8],
            "It began"
        );
        assert_eq!(found[0].labels.len(), 2, "{found:?}");
        // The same words in December are right; a CET that is not beside a clock is
        // not a time.
        assert!(rs203(&text.replace("August", "December").replace("08-05", "12-05")).is_empty());
        assert!(rs203("# X\n\nOn 3 August 2024 the CET team met at 9:40 AM.\n").is_empty());
    }

    /// A clock written `a.m.`/`p.m.` (a newsroom style) before the abbreviation is
    /// a clock too, its year from the byline when the date has none.
    #[test]
    fn zones_after_a_dotted_meridiem_are_checked() {
        let text = "# Search down\n\n*By Jo Park · June 19, 2025*\n\nOn Tuesday, June 17, between 10:42 a.m. and 11:32 a.m. PST, search failed.\n";
        let found = rs203(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "PST");
        assert!(rs203(&text.replace("a.m. PST", "a.m. PDT")).is_empty());
        assert!(rs203(&text.replace("June", "January")).is_empty());
    }

    #[test]
    fn zones_glued_to_a_clock_are_checked_and_found_at_the_statement() {
        // A digest of incidents with no timeline: each headed by its glued time.
        let text = "# Ops log: week of 11 August 2025\n\nTimes are EST, as always.\n\n\
                    **August 11: API errors (06:00EST):** pool too small.\n\n\
                    **August 12: Snapshots late (1:15pmEST):** scheduler lease lost.\n";
        let found = rs203(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].span.slice(text) == "EST" && found[0].span.start < 50);
        assert_eq!(found[0].labels.len(), 2, "{found:?}");
        assert_eq!(found[0].fix.as_ref().expect("fix").edits.len(), 3);
        // Without a statement, at the first glued time.
        let bare = text.replace("Times are EST, as always.", "A quiet week.");
        let found = rs203(&bare);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(bare[..found[0].span.start].ends_with("06:00"));
        // In winter it is right; a word glued to a letter or a version is no zone.
        assert!(rs203(&text.replace("August", "January")).is_empty());
        let words = "# X\n\nOn 3 August 2024 we shipped v1.20EST and build 12:30aEST.\n";
        assert!(rs203(words).is_empty());
    }

    #[test]
    fn a_run_in_entry_is_judged_on_its_own_date() {
        let log = |first: &str, second: &str| {
            format!(
                "# Ops log: week of March 17, 2025\n\n*Times are US Eastern.*\n\n\
                 **{first}: Queue stalled (04:15 EST).** Workers stopped; they \
                 recovered by 04:50 EST.\n\n**{second}: API errors (14:10 EDT).** \
                 Errors stopped at 14:55 EDT.\n"
            )
        };
        // Each entry's own date decides: EST before 9 March, EDT after.
        assert!(rs203(&log("March 6", "March 18")).is_empty());
        assert!(rs203(&log("2025-03-06", "Tue 18 March")).is_empty());
        // EST on an entry dated after the change is still found.
        assert_eq!(rs203(&log("March 12", "March 18")).len(), 1);
        // Without a date leading the entry, the page's date decides (as before).
        assert_eq!(rs203(&log("Registry", "March 18")).len(), 1);
    }

    #[test]
    fn the_day_clocks_change_has_both_names() {
        let text = "# X\n\nOn 27 October 2024 the job ran.\n\nIt ran at 01:50 CEST and again at 02:40 CET.\n";
        assert!(rs203(text).is_empty());
    }

    /// `CST` in a report that also writes `CDT` is US Central's, and on the
    /// morning the clocks moved, a prose time after the change is out of season
    /// at its clock, on its timeline entry's day.
    #[test]
    fn cst_beside_cdt_is_judged_at_its_clock_on_the_day_clocks_change() {
        let report = |clock: &str, entry: &str| {
            format!(
                "# Fibre cut, March 8-9, 2025\n\nOur technician reached the hut at {clock} CST.\n\n## Timeline\n\n- 2025-03-08 23:40 CST Fibers lost.\n- 2025-03-09 {clock} {entry} Technician at the hut.\n- 2025-03-09 04:55 CDT Restored.\n"
            )
        };
        let text = report("03:20", "CDT");
        let found: Vec<_> = crate::check(&text, crate::Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS203")
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("2025-03-09 at 03:20"),
            "{}",
            found[0].message
        );
        // Before 02:00 CST was still in use, and the ambiguity is settled.
        let text = report("01:20", "CST");
        assert!(crate::rules::spans_of("RS203", &text, crate::Format::Markdown).is_empty());
        assert!(crate::rules::spans_of("RS204", &text, crate::Format::Markdown).is_empty());
    }
}
