use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::{Context, Rule, declare_rule};
use crate::time::format_offset;

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
    /// A zone stated once for the whole report ("All times are in CET", `## Timeline
    /// (CET)`) is checked the same way against the times it applies to, and reported
    /// once, at the statement.
    pub struct ZoneSeason = "RS203", "zone-season", Error, fix: Always;
}

impl Rule for ZoneSeason {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A zone stated once for the report ("All times in CET") is one cause: one
        // finding, at the statement, for the first time it does not fit.
        let mut stated_reported = false;
        for value in cx.times.all() {
            let Some(resolved) = value.instant() else {
                continue;
            };
            let Some(mismatch) = &resolved.season_mismatch else {
                continue;
            };
            if value.report_zone.is_some() && std::mem::replace(&mut stated_reported, true) {
                continue;
            }
            let written = mismatch.written;
            let span = value
                .report_zone
                .unwrap_or_else(|| cx.span_within(&value.pointer, written.name));
            let in_use_is_name = mismatch.in_use.chars().all(|c| c.is_ascii_alphabetic());
            let replacement = if in_use_is_name {
                mismatch.in_use.clone()
            } else {
                format_offset(mismatch.in_use_offset)
            };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!(
                        "{} (UTC{}) is not in use on {} in {}: clocks there showed {} (UTC{})",
                        written.name,
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
                ))
                .with_fix(Fix {
                    message: format!("replace `{}` with `{replacement}`", written.name),
                    edits: vec![Edit { span, replacement }],
                    safe: true,
                }),
            );
        }
    }
}
