//! Every time in a report, parsed and resolved once, for the rules to share.
//!
//! Milestones must carry their date. A timeline time without a date takes it from
//! the entry before it (or, for the first entry, from `milestones.started`); when
//! that would put it more than twelve hours before the previous entry, it is read
//! as the next day (a timeline that runs past midnight). A time without a zone
//! takes the report's `timezone`.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use retrospec_model::{Milestone, Postmortem};

use crate::ptr::Ptr;
use crate::time::{self, ParsedTime, ResolveError, Resolved, TimeError};

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
}

impl TimeValue {
    /// The resolved instant, when there is one.
    pub fn instant(&self) -> Option<&Resolved> {
        self.resolved.as_ref()?.as_ref().ok()
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
}

impl Times {
    /// Parses and resolves every time in `model`.
    pub fn new(model: &Postmortem) -> Self {
        Times::with_fallback(model, None)
    }

    /// Like [`Times::new`], with `fallback` (the configuration's `timezone`) as the
    /// zone of times without one when the report has no `timezone` of its own.
    pub fn with_fallback(model: &Postmortem, fallback: Option<&str>) -> Self {
        let default_zone = model
            .timezone
            .as_deref()
            .or(fallback)
            .and_then(|name| TimeZone::get(name).ok());
        let zone = default_zone.as_ref();
        let mut milestones = Vec::new();
        if let Some(m) = &model.milestones {
            for milestone in Milestone::ALL {
                if let Some(text) = m.get(milestone).filter(|t| !t.trim().is_empty()) {
                    let pointer = Ptr::milestone(milestone).into();
                    milestones.push((milestone, value(pointer, text, None, zone)));
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
            let mut v = value(pointer, &entry.time, context, zone);
            if let Some(rolled) = roll_over(previous.as_ref(), &v, zone) {
                v.resolved = Some(Ok(rolled));
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
        }
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
}

/// The time on the next day, when a date-less time would otherwise fall more than
/// twelve hours before the previous entry.
fn roll_over(
    previous: Option<&Resolved>,
    v: &TimeValue,
    zone: Option<&TimeZone>,
) -> Option<Resolved> {
    let previous = previous?;
    let parsed = v.parsed.as_ref().ok().filter(|p| p.date.is_none())?;
    let now = v.instant()?;
    let back = now.timestamp.until(previous.timestamp).ok()?.get_seconds();
    if back <= 12 * 3600 {
        return None;
    }
    let next_day = now.date.tomorrow().ok()?;
    time::resolve(parsed, Some(next_day), zone).ok()
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

fn value(pointer: String, text: &str, date: Option<Date>, zone: Option<&TimeZone>) -> TimeValue {
    let parsed = time::parse_time(text);
    let resolved = parsed
        .as_ref()
        .ok()
        .map(|p| match (time::resolve(p, date, zone), zone) {
            (Err(ResolveError::Ambiguous { text, meanings }), Some(zone)) => {
                by_report_zone(p, date, zone, &text)
                    .ok_or(ResolveError::Ambiguous { text, meanings })
            }
            (result, _) => result,
        });
    TimeValue {
        pointer,
        text: text.to_string(),
        parsed,
        resolved,
    }
}
