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
    /// reading and says so. A self-hosted status page's issue (cState's front
    /// matter: `date` beside `resolvedWhen`) dates itself by when the issue began:
    /// that `date` is read as the incident's start, and is not checked here.
    ///
    /// A report without milestones is held to its timeline: dated days before the
    /// first event it dates with a year (`2023-07-09 19:16`), it tells of things
    /// that had not happened yet.
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
        // A status page's issue dates itself by when it began (cState's `date`):
        // the same value is the start, and the report gives no day of its own.
        let date_span = cx.span(&Ptr::date());
        let start_span = cx.span(&Ptr::milestone(Milestone::Started));
        if cx.times.milestone(Milestone::Started).is_some()
            && start_span.start <= date_span.start
            && date_span.end <= start_span.end
        {
            return;
        }
        let started = day(Milestone::Started);
        let Some((value, limit)) = day(Milestone::Resolved).or(started) else {
            // No milestone: a report dated days before the first event its
            // timeline dates (with the year written) tells of things after it.
            if let Some((i, first)) = first_dated_entry(cx)
                && date < first - jiff::ToSpan::days(1)
            {
                let pointer = Ptr::timeline_entry(i).time();
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span(&Ptr::date()),
                        format!(
                            "the report is dated {date}, before the first event of its timeline ({first})"
                        ),
                    )
                    .with_label(cx.span(&pointer), "the first event is here")
                    .with_help("write the day the report was written or last revised, or correct the entry's date"),
                );
            }
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

/// The earliest day the timeline writes with its year (`2023-07-09 19:16`, a
/// `### 9 July 2023` heading over the entry), and the entry's index. A day without
/// its year took one from the report and proves nothing about it.
fn first_dated_entry(cx: &Context<'_>) -> Option<(usize, jiff::civil::Date)> {
    cx.times
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let v = v.as_ref()?;
            let parsed = v.parsed.as_ref().ok()?;
            let day = parsed.date?;
            let written = v.text.get(parsed.date_range.clone()?)?;
            written
                .contains(&day.year().to_string())
                .then_some((i, day))
        })
        .min_by_key(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use crate::Format;

    fn report(date: &str, timeline: &str) -> String {
        format!(
            "---\ntitle: Queue exposed at Tansy Books\ndate: {date}\nlayout: post\n---\n\nThe job queue answered the internet for a week.\n\n## Timeline\n\n{timeline}\n"
        )
    }

    /// Without milestones, a report dated days before the first event its timeline
    /// dates with a year is reported; one dated after it, on its day, or beside
    /// days written without their year is not.
    #[test]
    fn a_report_dated_before_its_timeline_is_reported() {
        let dated = "- 2023-07-09 19:16 UTC Host rebooted; its firewall stayed off.\n- 2023-07-16 11:17 UTC Firewall re-enabled.";
        assert_eq!(
            crate::rules::spans_of("RS211", &report("2023-05-16", dated), Format::Markdown),
            ["2023-05-16"]
        );
        for date in ["2023-07-18", "2023-07-09", "2023-07-08"] {
            assert!(
                crate::rules::spans_of("RS211", &report(date, dated), Format::Markdown).is_empty(),
                "{date}"
            );
        }
        let yearless = "### Sunday 9 July\n\n- 19:16 UTC Host rebooted; its firewall stayed off.\n\n### Sunday 16 July\n\n- 11:17 UTC Firewall re-enabled.";
        assert!(
            crate::rules::spans_of("RS211", &report("2023-05-16", yearless), Format::Markdown)
                .is_empty()
        );
    }
}
