//! Every time in a report, parsed and resolved once, for the rules to share.
//!
//! Milestones must carry their date. A timeline time without a date takes it from
//! the entry before it (or, for the first entry, from `milestones.started`); when
//! that would put it more than twelve hours before the previous entry, it is read
//! as the next day (a timeline that runs past midnight), and
//! [`TimeValue::rolled_over`] says so (RS215 asks for the date). A time without
//! a zone takes the report's `timezone`; without one, a zone the report states
//! in prose ("All times in PST", `## Timeline (CET)`, found by
//! [`time::scan_report_zone`]), with the season check still applied to it; in a
//! report read as written that states none, the one region's zone the text names
//! anywhere ([`Times::with_named_zones`]); and without any, the configuration's
//! `timezone`.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use retrospec_model::{Milestone, Postmortem};

use crate::ptr::Ptr;
use crate::span::Span;
use crate::time::{self, ParsedTime, ResolveError, Resolved, TimeError, Zone};

/// One time value of the report.
#[derive(Debug)]
pub struct TimeValue {
    /// The JSON pointer of the value (`/milestones/started`, `/timeline/3/time`).
    pub pointer: String,
    /// The value as written (for Markdown, with a date line's date prefixed).
    pub text: String,
    /// The parse, or why it failed.
    pub parsed: Result<ParsedTime, TimeError>,
    /// The resolution; `None` when parsing failed.
    pub resolved: Option<Result<Resolved, ResolveError>>,
    /// Where the zone came from when the time has none and the report states one
    /// in prose: the span of that statement's zone.
    pub report_zone: Option<Span>,
    /// The time had no date and went backwards from the entry before it, so it was
    /// read as the next day.
    pub rolled_over: bool,
}

impl TimeValue {
    /// The resolved instant, when there is one.
    pub fn instant(&self) -> Option<&Resolved> {
        self.resolved.as_ref()?.as_ref().ok()
    }

    /// The time on the wall clock of its own written date, in seconds from
    /// 1970-01-01 (`None` without a written date): a milestone with no zone.
    pub fn wall_on_own_date(&self) -> Option<i64> {
        let parsed = self.parsed.as_ref().ok()?;
        let day = parsed
            .date?
            .since(jiff::civil::date(1970, 1, 1))
            .ok()
            .map(|s| i64::from(s.get_days()))?;
        Some(wall_seconds(day, parsed.time))
    }

    /// Whether the time was written as approximate (`~10:50`, `about 10:50`):
    /// comparisons with it allow [`time::APPROXIMATE_TOLERANCE_SECONDS`].
    pub fn is_approximate(&self) -> bool {
        self.parsed.as_ref().is_ok_and(ParsedTime::is_approximate)
    }
}

/// The times of a report.
#[derive(Debug, Default)]
pub struct Times {
    /// Milestones that are given, in milestone order.
    pub milestones: Vec<(Milestone, TimeValue)>,
    /// Timeline times, aligned with `model.timeline` (`None` for an empty time).
    pub timeline: Vec<Option<TimeValue>>,
    /// The report's default zone, when `timezone` names a known zone.
    pub default_zone: Option<TimeZone>,
    /// The zone the report states in prose, applied to times without one when the
    /// report has no `timezone`.
    pub report_zone: Option<(Span, Zone)>,
    /// The zones a free-form report names anywhere, one per region, when it
    /// states none for the report and some times have none ([`Times::with_named_zones`]).
    pub named: NamedZones,
}

/// The zones a report names when it states none for its times: the fallback a
/// reviewer uses ("if the text names a zone, the author meant it").
#[derive(Debug, Default, Clone)]
pub struct NamedZones {
    /// The first name of each region the text names, in order (`PST` and
    /// "Pacific" are one region; `CET` and `UTC` two).
    pub regions: Vec<Span>,
    /// The name whose zone the times without one took: the only region named,
    /// or the one tied to the timeline by a heading.
    pub adopted: Option<Span>,
    /// Whether the adopted zone is tied to the timeline by a heading (several
    /// regions are named).
    pub by_heading: bool,
    /// Where the adopted zone came from, in words: "zone taken from `PST` on
    /// line 3, the only zone the report names".
    pub note: Option<String>,
    /// The adopted zone itself, as the times without one took it.
    pub zone: Option<Zone>,
}

/// The zones `text` names outside code, logs and links (where `masked` is
/// false; [`time::named_zones`]), one per region (the first name of each), and
/// the one a heading or a label ties to the timeline (`## Timeline (UTC, from
/// the vendor's notes)`, `**Times:** CET, UTC in brackets`), if exactly one is.
/// An offset (`+02:00`) is the region of the one named zone whose clock shows
/// it in some season (`CEST`), when there is exactly one such.
pub fn named_regions(
    text: &str,
    masked: &dyn Fn(usize) -> bool,
) -> (Vec<(Span, Zone)>, Option<usize>) {
    // A pasted mail's headers are the sender's: the `+0100` of its `Date:` is
    // the clock the mail was sent by, not a zone the report's times are in.
    let headers = crate::parse::freeform::mail_headers_end(text);
    let named: Vec<time::NamedZone> = time::named_zones(text)
        .into_iter()
        .filter(|n| !masked(n.range.start) && n.range.start >= headers)
        .collect();
    let keys: Vec<Option<(i32, i32)>> = named.iter().map(time::NamedZone::region).collect();
    let mut regions: Vec<((i32, i32), Span, Zone)> = Vec::new();
    let mut tied: Vec<usize> = Vec::new();
    for (n, key) in named.iter().zip(&keys) {
        let Some(mut key) = *key else { continue };
        if matches!(n.zone, Zone::Offset(_)) {
            let mut owners: Vec<(i32, i32)> = keys
                .iter()
                .flatten()
                .filter(|k| k.0 != k.1 && (k.0 == key.0 || k.1 == key.0))
                .copied()
                .collect();
            owners.dedup();
            if let [owner] = owners[..] {
                key = owner;
            }
        }
        let i = match regions.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                regions.push((key, Span::new(n.range.start, n.range.end), n.zone.clone()));
                regions.len() - 1
            }
        };
        let line_start = text[..n.range.start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[n.range.end..]
            .find('\n')
            .map_or(text.len(), |p| n.range.end + p);
        let line = text[line_start..line_end].trim_start().to_ascii_lowercase();
        // A plain-text heading: a line over a dashed or doubled underline.
        let underlined = text[line_end..]
            .strip_prefix('\n')
            .and_then(|rest| rest.lines().next())
            .map(str::trim)
            .is_some_and(|under| {
                under.len() >= 3
                    && (under.bytes().all(|b| b == b'-') || under.bytes().all(|b| b == b'='))
            });
        let heading = (line.starts_with('#') || line.starts_with("**") || underlined)
            && (line.contains("timeline") || line.contains("times"));
        let label = line
            .trim_start_matches(['*', '_', '|', '-', ' '])
            .strip_prefix("time")
            .and_then(|rest| rest.split_once([':', '|']))
            .is_some_and(|(name, _)| {
                matches!(
                    name.trim_end_matches(['*', '_', ' ']),
                    "s" | " zone" | "zone" | "stamps"
                )
            });
        if (heading || label || states_below(text, n.range.clone())) && !tied.contains(&i) {
            tied.push(i);
        }
    }
    let tied = if tied.len() == 1 {
        tied.first().copied()
    } else {
        None
    };
    (regions.into_iter().map(|(_, s, z)| (s, z)).collect(), tied)
}

/// Whether the sentence around the zone at `at` states it for what follows: "I
/// put everything in Pacific below", "the times below are in UTC", "All entries
/// below use CET". The sentence points below (`below`, `following`), speaks of
/// the times as a whole (`everything`, `times`, `timeline`, `entries`),
/// and the zone follows `in`, `use(s)`, `are` or `is`. "The graph below shows
/// PST traffic" is no such statement.
fn states_below(text: &str, at: std::ops::Range<usize>) -> bool {
    let stop = |t: &str| t.rfind(['.', '!', '?', '\n', ';']).map_or(0, |p| p + 1);
    let start = stop(&text[..at.start]);
    // A sentence may wrap onto the next line: read back to the blank line too.
    let start = if start > 1 && text[..start].ends_with('\n') && !text[..start - 1].ends_with('\n')
    {
        stop(&text[..start - 1])
    } else {
        start
    };
    let end = text[at.end..]
        .find(['.', '!', '?', '\n', ';'])
        .map_or(text.len(), |p| at.end + p);
    // A sentence may wrap onto the next line: read up to the blank line.
    let end = if text[end..].starts_with('\n') && !text[end + 1..].starts_with('\n') {
        text[end + 1..]
            .find(['.', '!', '?', '\n', ';'])
            .map_or(text.len(), |p| end + 1 + p)
    } else {
        end
    };
    let sentence = text[start..end].to_ascii_lowercase();
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let before = text[start..at.start].to_ascii_lowercase();
    let last = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    has(&["below", "following"])
        && has(&["everything", "times", "timeline", "entries", "timestamps"])
        && matches!(last, "in" | "use" | "uses" | "are" | "is")
}

impl Times {
    /// Parses and resolves every time in `model`.
    pub fn new(model: &Postmortem) -> Self {
        Times::with_fallback(model, None)
    }

    /// Like [`Times::new`], with `fallback` (the configuration's `timezone`) as the
    /// zone of times without one when the report has no `timezone` of its own.
    pub fn with_fallback(model: &Postmortem, fallback: Option<&str>) -> Self {
        Times::build(model, fallback, None, "")
    }

    /// Like [`Times::with_fallback`], and a zone the report's `text` states in
    /// prose ([`time::scan_report_zone`]) is the zone of times without one when the
    /// report has no `timezone`; it comes before the configuration's.
    pub fn for_report(model: &Postmortem, text: &str, fallback: Option<&str>) -> Self {
        let stated = if model.timezone.is_some() {
            None
        } else {
            time::scan_report_zone(text).map(|(r, zone)| (Span::new(r.start, r.end), zone))
        };
        Times::build(model, fallback, stated, text)
    }

    /// `text`: the report as written, where it may say which region a summer
    /// `MST` is ([`time::names_seasonal_region`]); empty when only the model is known.
    fn build(
        model: &Postmortem,
        fallback: Option<&str>,
        stated: Option<(Span, Zone)>,
        text: &str,
    ) -> Self {
        let default_zone = model
            .timezone
            .as_deref()
            .or(if stated.is_some() { None } else { fallback })
            .and_then(|name| TimeZone::get(name).ok());
        let zone = default_zone.as_ref();
        let stated = stated.as_ref();
        let year_round = YearRound {
            text,
            timezone: model.timezone.as_deref().unwrap_or(""),
        };
        let read = |pointer, text: &str, date, zone, stated| {
            year_round.read(
                value(pointer, text, date, zone, stated, year_round.text),
                stated,
            )
        };
        let mut milestones = Vec::new();
        if let Some(m) = &model.milestones {
            for milestone in Milestone::ALL {
                if let Some(text) = m.get(milestone).filter(|t| !t.trim().is_empty()) {
                    let pointer = Ptr::milestone(milestone).into();
                    milestones.push((milestone, read(pointer, text, None, zone, stated)));
                }
            }
        }
        let started_date = milestones
            .iter()
            .find(|(m, _)| *m == Milestone::Started)
            .and_then(|(_, v)| v.instant())
            .map(|r| r.date);
        let mut timeline = Vec::with_capacity(model.timeline.len());
        let mut previous: Option<Resolved> = None;
        let mut last_date: Option<Date> = None;
        for (i, entry) in model.timeline.iter().enumerate() {
            if entry.time.trim().is_empty() {
                timeline.push(None);
                continue;
            }
            let context = last_date.or(started_date);
            let pointer = Ptr::timeline_entry(i).time().into();
            let mut v = read(pointer, &entry.time, context, zone, stated);
            if let Some(rolled) = roll_over(previous.as_ref(), &v, zone, stated) {
                v.resolved = Some(Ok(rolled));
                v.rolled_over = true;
                v = year_round.read(v, stated);
            }
            if let Some(r) = v.instant() {
                previous = Some(r.clone());
                last_date = Some(r.date);
            } else if let Some(date) = v.parsed.as_ref().ok().and_then(|p| p.date) {
                // A written date carries on even when the time itself could not be placed.
                last_date = Some(date);
            }
            timeline.push(Some(v));
        }
        Times {
            milestones,
            timeline,
            default_zone,
            report_zone: stated.cloned(),
            named: NamedZones::default(),
        }
    }

    /// The fallback when a free-form report states no zone for its times and some
    /// have none: the zones the text names anywhere ([`named_regions`]). Exactly
    /// one region named, or one tied to the timeline by a heading: the times
    /// without a zone take it (the season check still applies to the name as
    /// written). Several: the times stay without one and [`Times::named`] lists
    /// them for RS202 to ask which.
    pub fn with_named_zones(
        self,
        model: &Postmortem,
        text: &str,
        masked: &dyn Fn(usize) -> bool,
        fallback: Option<&str>,
    ) -> Self {
        if model.timezone.is_some()
            || self.report_zone.is_some()
            || !self
                .all()
                .any(|v| matches!(&v.resolved, Some(Err(ResolveError::NoZone))))
        {
            return self;
        }
        let (regions, tied) = named_regions(text, masked);
        let adopted = match regions.len() {
            1 => Some(0),
            _ => tied,
        };
        let by_heading = regions.len() > 1 && adopted.is_some();
        let note = adopted.map(|i| {
            let at = regions[i].0;
            let line = text[..at.start].matches('\n').count() + 1;
            let why = if by_heading {
                "the zone the timeline's heading names"
            } else {
                "the only zone the report names"
            };
            format!("zone taken from `{}` on line {line}, {why}", at.slice(text))
        });
        let named = NamedZones {
            regions: regions.iter().map(|(s, _)| *s).collect(),
            adopted: adopted.map(|i| regions[i].0),
            zone: adopted.map(|i| regions[i].1.clone()),
            by_heading,
            note,
        };
        let mut times = match adopted {
            Some(i) => Times::build(model, fallback, Some(regions[i].clone()), text),
            None => self,
        };
        times.named = named;
        times
    }

    /// The resolved time of a milestone.
    pub fn milestone(&self, m: Milestone) -> Option<&TimeValue> {
        self.milestones
            .iter()
            .find(|(k, _)| *k == m)
            .map(|(_, v)| v)
    }

    /// Every time value: milestones first, then the timeline.
    pub fn all(&self) -> impl Iterator<Item = &TimeValue> {
        self.milestones
            .iter()
            .map(|(_, v)| v)
            .chain(self.timeline.iter().flatten())
    }

    /// Each timeline entry's time on the wall clock, in seconds from 1970-01-01
    /// or, in a report that writes no date at all, from one nameless day: on its
    /// own written date, else the last date written before it, else that day,
    /// and a time written without a date more than twelve hours before the entry
    /// above it on the next day (as `roll_over` reads instants; a few minutes
    /// back is an entry out of order). `None` for an entry with no time, or with
    /// no day to put it on. For times that resolve to no instant (no zone, no
    /// date): the claims' lengths and RS201's order on the clock.
    pub fn wall_clock(&self) -> Vec<Option<i64>> {
        let dateless = self
            .all()
            .all(|v| v.parsed.as_ref().is_ok_and(|p| p.date.is_none()));
        let mut day = dateless.then_some(0);
        let mut previous: Option<i64> = None;
        self.timeline
            .iter()
            .map(|v| {
                let parsed = v.as_ref()?.parsed.as_ref().ok()?;
                if let Some(d) = parsed.date {
                    day = d
                        .since(jiff::civil::date(1970, 1, 1))
                        .ok()
                        .map(|s| i64::from(s.get_days()));
                }
                let mut t = wall_seconds(day?, parsed.time);
                if parsed.date.is_none() && previous.is_some_and(|p| p - t > 12 * 3600) {
                    t += 86_400;
                    day = day.map(|d| d + 1);
                }
                previous = Some(t);
                Some(t)
            })
            .collect()
    }
}

/// What a report says of its region, for an abbreviation a second region keeps
/// all year (`MST`: America/Phoenix).
struct YearRound<'t> {
    text: &'t str,
    timezone: &'t str,
}

impl YearRound<'_> {
    /// `v` read at its abbreviation's own offset, as the region that keeps it all
    /// year shows it (a summer `MST` as Arizona's clock), when it is out of season
    /// in its table region (Denver is on MDT) and the report does not say it
    /// means that region ([`time::names_seasonal_region`]): a plausible clock is
    /// no wrong-season finding, and read so it agrees with a UTC time beside it.
    fn read(&self, mut v: TimeValue, stated: Option<&(Span, Zone)>) -> TimeValue {
        let Some(Ok(r)) = &v.resolved else {
            return v;
        };
        let Some(m) = &r.season_mismatch else {
            return v;
        };
        let Some(region) = time::kept_all_year_in(m.written, r.date) else {
            return v;
        };
        if time::names_seasonal_region(m.written, self.text)
            || time::names_seasonal_region(m.written, self.timezone)
        {
            return v;
        }
        let (Ok(p), Ok(tz)) = (&v.parsed, TimeZone::get(region)) else {
            return v;
        };
        let mut p = with_stated(p, stated);
        p.zone = Some(Zone::Iana(tz, region.to_string()));
        if let Ok(literal) = time::resolve(&p, Some(r.date), None) {
            v.resolved = Some(Ok(literal));
        }
        v
    }
}

/// `clock` on `day` (days from 1970-01-01, or from a nameless first day), in seconds.
fn wall_seconds(day: i64, clock: jiff::civil::Time) -> i64 {
    day * 86_400
        + i64::from(clock.hour()) * 3600
        + i64::from(clock.minute()) * 60
        + i64::from(clock.second())
}

/// The time on the next day, when a date-less time would otherwise fall more than
/// twelve hours before the previous entry.
fn roll_over(
    previous: Option<&Resolved>,
    v: &TimeValue,
    zone: Option<&TimeZone>,
    stated: Option<&(Span, Zone)>,
) -> Option<Resolved> {
    let previous = previous?;
    let parsed = v.parsed.as_ref().ok().filter(|p| p.date.is_none())?;
    let now = v.instant()?;
    let back = now.timestamp.until(previous.timestamp).ok()?.get_seconds();
    if back <= 12 * 3600 {
        return None;
    }
    let next_day = now.date.tomorrow().ok()?;
    time::resolve(&with_stated(parsed, stated), Some(next_day), zone).ok()
}

/// `p` with the report's stated zone when it has none of its own.
fn with_stated(p: &ParsedTime, stated: Option<&(Span, Zone)>) -> ParsedTime {
    let mut p = p.clone();
    if p.zone.is_none()
        && let Some((_, z)) = stated
    {
        p.zone = Some(z.clone());
    }
    p
}

/// An ambiguous abbreviation (`CST`, `IST`) is read in the report's `timezone` when
/// that zone uses the abbreviation at that time (`CST` with `America/Chicago` in January).
fn by_report_zone(
    p: &ParsedTime,
    date: Option<Date>,
    zone: &TimeZone,
    text: &str,
) -> Option<Resolved> {
    let mut local = p.clone();
    local.zone = None;
    let resolved = time::resolve(&local, date, Some(zone)).ok()?;
    let info = zone.to_offset_info(resolved.timestamp);
    (info.abbreviation() == text).then_some(resolved)
}

fn value(
    pointer: String,
    text: &str,
    date: Option<Date>,
    zone: Option<&TimeZone>,
    stated: Option<&(Span, Zone)>,
    report: &str,
) -> TimeValue {
    let mut parsed = time::parse_time(text);
    // `CST` in a report that also writes `CDT` is US Central's
    // ([`time::settled_abbreviation`]).
    if let Ok(p) = &mut parsed
        && let Some(Zone::Ambiguous { text: name, .. }) = &p.zone
        && let Some(settled) = time::settled_abbreviation(name, report)
    {
        p.zone = Some(Zone::Abbrev(settled));
    }
    let report_zone = match (&parsed, stated) {
        (Ok(p), Some((span, _))) if p.zone.is_none() => Some(*span),
        _ => None,
    };
    let resolved = parsed.as_ref().ok().map(|p| {
        match (time::resolve(&with_stated(p, stated), date, zone), zone) {
            (Err(ResolveError::Ambiguous { text, meanings }), Some(zone)) => {
                by_report_zone(p, date, zone, &text)
                    .ok_or(ResolveError::Ambiguous { text, meanings })
            }
            (result, _) => result,
        }
    });
    TimeValue {
        pointer,
        text: text.to_string(),
        parsed,
        resolved,
        report_zone,
        rolled_over: false,
    }
}

#[cfg(test)]
mod named_tests {
    use super::named_regions;

    fn read(text: &str) -> (Vec<&str>, Option<&str>) {
        let (regions, tied) = named_regions(text, &|_| false);
        let names: Vec<&str> = regions.iter().map(|(s, _)| s.slice(text)).collect();
        (names.clone(), tied.map(|i| names[i]))
    }

    #[test]
    fn names_of_one_clock_are_one_region() {
        assert_eq!(
            read("at 10:05 PST, later PDT, all Pacific."),
            (vec!["PST"], None)
        );
        // An offset joins the one region whose clock shows it.
        assert_eq!(
            read("at 10:05 CEST, the log says 10:05 +02:00"),
            (vec!["CEST"], None)
        );
        assert_eq!(
            read("at 10:05 UTC, later CEST"),
            (vec!["UTC", "CEST"], None)
        );
    }

    #[test]
    fn a_heading_or_a_label_ties_a_zone_to_the_timeline() {
        let text = "Berlin office, CET.\n\n## Timeline (UTC, from the pager)\n";
        assert_eq!(read(text).1, Some("UTC"));
        let text = "Berlin office, CET.\n\n**Times:** UTC, from the pager\n";
        assert_eq!(read(text).1, Some("UTC"));
        let text = "Berlin office, CET.\n\nThe pager reports UTC.\n";
        assert_eq!(read(text).1, None);
    }

    /// A plain-text heading over a dashed or doubled underline ties its zone as a
    /// `##` heading does; a line over no underline does not.
    #[test]
    fn an_underlined_plain_heading_ties_a_zone() {
        for under in ["-----------", "===========", "---"] {
            let text = format!(
                "Notice sent 10:00 +0200.\n\nTimeline (UTC, for the record)\n{under}\n\n21:30 start\n"
            );
            assert_eq!(read(&text).1, Some("UTC"), "{under}");
        }
        for text in [
            "Notice sent 10:00 +0200.\n\nTimeline (UTC, for the record)\n\n21:30 start\n",
            "Notice sent 10:00 +0200.\n\nTimeline (UTC, for the record)\n--\n21:30 start\n",
            "Notice sent 10:00 +0200.\n\nThe vendor logs UTC\n-----------\n21:30 start\n",
        ] {
            assert_eq!(read(text).1, None, "{text}");
        }
    }

    /// A sentence that puts the times below in a zone ties that zone; one that
    /// only mentions a zone near the word below does not.
    #[test]
    fn a_sentence_stating_the_zone_below_ties_it() {
        for said in [
            "Reports came from three zones, so I put everything in Pacific below.",
            "The times below are in UTC, not local.",
            "All entries below use\nCET as the office does.",
        ] {
            let text =
                format!("Seen at 11:34 EDT in Ohio, 09:00 CEST in Oslo. {said}\n\n- 8:30 start\n");
            let (_, tied) = read(&text);
            assert!(tied.is_some(), "{said}");
        }
        for said in [
            "The graph below shows PST traffic.",
            "Everything above is in Pacific.",
            "The times below are rough; the vendor works in Pacific.",
            "The dashboards below show all errors in Pacific.",
        ] {
            let text = format!("Seen at 11:34 EDT in Ohio. {said}\n\n- 8:30 start\n");
            assert_eq!(read(&text).1, None, "{said}");
        }
    }
}
