use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::time;

declare_rule! {
    /// The report's `date` is before the day the incident was resolved (or, when it
    /// is not resolved, the day it started).
    ///
    /// ## Why
    /// `date` is when the report was written or last revised. A report that gives
    /// the resolution time cannot have been written before it, so one of the two is
    /// wrong (often the year, or a date copied from an older report). The day of a
    /// milestone is read in the zone it is written in and in the report's
    /// `timezone`, and the earlier of the two counts, so a resolution just after
    /// midnight in one zone is never held against the report.
    ///
    /// It is a warning, not an error: some templates (Jekyll posts, the Google SRE
    /// template) use the date for the incident, so a report dated the day an
    /// incident started that was resolved after midnight is a misread field, not a
    /// false report. A `date` before the incident started is wrong under either
    /// reading and says so.
    ///
    /// ## Example
    /// ```yaml
    /// title: Search unavailable
    /// status: draft
    /// date: 2023-06-12
    /// milestones:
    ///   started: 2024-06-10 14:05 CEST
    ///   resolved: 2024-06-10 15:11 CEST
    /// ```
    /// Use instead: `date: 2024-06-12`.
    pub struct ReportDateBeforeResolution = "RS211", "report-date-before-resolution", Warning;
}

impl Rule for ReportDateBeforeResolution {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(date) = cx.model.date.as_deref().and_then(time::parse_iso_date) else {
            return;
        };
        let day = |m: Milestone| {
            let value = cx.times.milestone(m)?;
            let at = value.instant()?;
            let in_zone = cx
                .times
                .default_zone
                .as_ref()
                .map(|tz| at.timestamp.to_zoned(tz.clone()).date());
            Some((value, in_zone.map_or(at.date, |d| d.min(at.date))))
        };
        let started = day(Milestone::Started);
        let Some((value, limit)) = day(Milestone::Resolved).or(started) else {
            return;
        };
        if date >= limit {
            return;
        }
        let message = match started {
            Some((_, start)) if date < start => {
                format!("the report is dated {date}, before the incident started ({start})")
            }
            _ if value.pointer.ends_with("resolved") => {
                format!("the report is dated {date}, before the incident was resolved ({limit})")
            }
            _ => format!("the report is dated {date}, before the incident started ({limit})"),
        };
        out.push(
            Diagnostic::new(&Self::INFO, cx.span(&Ptr::date()), message)
                .with_label(
                    cx.span(&value.pointer),
                    format!("`{}` is here", &value.pointer["/milestones/".len()..]),
                )
                .with_help(
                    "write the day the report was written or last revised, or correct the milestone",
                ),
        );
    }
}
