//! An end, or a notice about the incident, stated in the report's other prose at
//! a clock before the incident began: "Service was restored at 09:10" under a
//! timeline that starts at 10:00 the same day, "We emailed affected merchants at
//! 09:15 UTC to say payments were restored". Neither can come before the impact
//! it ends or tells of; one of the two times is wrong.
//!
//! Read in the sections that tell what was done and learnt (the resolution, the
//! lessons, sections of the report's own words), not in the title, the summary
//! or the impact (the rest of RS207 compares those with the milestones), nor in
//! the cause fields, which tell of what came before the incident. Only a report
//! whose times all fall on one day is read, so a clock without a date has one
//! reading; and a sentence that names another day, a backup or snapshot, a plan
//! or a routine, or another incident, is left alone.

use std::sync::LazyLock;

use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::lean::Lean;
use crate::rules::Context;
use crate::time;

use super::{APPROX, APPROX_SECONDS, CLOCK, END, SummaryTimes, TOLERANCE_SECONDS, normalise};

/// A notice about the incident sent at a clock: "emailed affected merchants at
/// 09:15", "posted an update on the status page at 9:20 AM", "notified customers
/// by 09:30".
static NOTICE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i:\b(?:e-?mailed|mailed|notified|informed|wrote\s+to|messaged|sent\s+(?:an?\s+|the\s+)?(?:first\s+)?(?:e-?mails?|notices?|notifications?|updates?|messages?|mail)|posted\s+(?:an?\s+|the\s+)?(?:first\s+)?(?:updates?|notices?|status)|published\s+(?:an?\s+|the\s+)?(?:first\s+)?(?:updates?|notices?))\b[^.;\n]{{0,80}}?\b(?:at|by)\s+){APPROX}{CLOCK}"
    ))
    .expect("the notice pattern is valid")
});

/// What a notice must tell of to be about this incident: its impact or its end.
static ABOUT_THE_INCIDENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:affected|outage|incident|disruption|degradation|impact|restored|resolved|recovered|errors?|failures?|failing|failed|down|unavailable|delay(?:s|ed)?)\b")
        .expect("the about pattern is valid")
});

/// A sentence about another time or thing: another day, a backup or a snapshot
/// restored, a plan, a routine, another incident.
static ELSEWHERE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:yesterday|tomorrow|overnight|the\s+(?:day|night|evening|morning)\s+(?:before|after)|(?:next|following|previous|prior)\s+(?:day|morning|evening|night|week)|last\s+(?:week|month|year|time)|earlier\s+(?:incident|outage)|previous|prior|another|unrelated|backups?|snapshots?|maintenance|planned|scheduled|in\s+advance|ahead\s+of|every|each|nightly|daily|weekly|usually|normally|typically|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|\d{4}-\d{2}-\d{2})\b")
        .expect("the elsewhere pattern is valid")
});

/// The fields read here, with how messages name them.
const FIELDS: &[&str] = &[
    "/resolution",
    "/detection/description",
    "/lessons/went_well/*",
    "/lessons/went_wrong/*",
    "/lessons/got_lucky/*",
    "/lessons/other/*",
    crate::rules::words::SECTIONS,
];

/// The finding for every end or notice stated before the incident began.
pub(super) fn ends_before_the_start(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let timeline: Vec<&crate::times::TimeValue> = cx
        .times
        .timeline
        .iter()
        .flatten()
        .filter(|v| v.instant().is_some())
        .collect();
    let started = cx
        .times
        .milestone(Milestone::Started)
        .filter(|v| v.instant().is_some());
    let Some(start) = started.or_else(|| {
        timeline
            .iter()
            .copied()
            .min_by_key(|v| v.instant().map(|r| r.timestamp))
    }) else {
        return;
    };
    let Some(begun) = start.instant() else {
        return;
    };
    // One day: a clock without a date has one reading.
    if timeline.len() < 2
        || cx
            .times
            .all()
            .filter_map(|v| v.instant())
            .any(|r| r.date != begun.date)
    {
        return;
    }
    let zone = cx
        .times
        .default_zone
        .clone()
        .or_else(|| cx.times.named.zone.clone().and_then(|z| tz_of(&z)));
    // A clock in prose without a zone is on the report's stated zone, else on
    // the one zone every timeline time is written in (`## Timeline (UTC)`).
    let timeline_zone = || {
        let mut zones = timeline
            .iter()
            .map(|v| v.parsed.as_ref().ok().and_then(|p| p.zone.clone()));
        let first = zones.next().flatten()?;
        zones.all(|z| z.as_ref() == Some(&first)).then_some(first)
    };
    let stated = cx
        .times
        .report_zone
        .as_ref()
        .map(|(_, z)| z.clone())
        .or_else(timeline_zone);
    for pattern in FIELDS {
        for (pointer, node) in crate::rules::words::texts(cx, pattern) {
            if node
                .as_str()
                .is_none_or(|s| !s.bytes().any(|b| b.is_ascii_digit()))
            {
                continue;
            }
            let prose = crate::claims::Prose::of(cx.text, node);
            let masked = prose.masked.as_str();
            for (regex, notice) in [(&*END, false), (&*NOTICE, true)] {
                for caps in regex.captures_iter(masked).take(20) {
                    let (Some(whole), Some(t)) = (caps.get(0), caps.get(2)) else {
                        continue;
                    };
                    let sentence = sentence(masked, whole.start(), whole.end());
                    if ELSEWHERE.is_match(sentence)
                        || (notice && !ABOUT_THE_INCIDENT.is_match(sentence))
                    {
                        continue;
                    }
                    let written = format!(
                        "{} {}",
                        normalise(t.as_str()),
                        caps.get(3).map_or("", |z| z.as_str())
                    );
                    let Ok(mut parsed) = time::parse_time(written.trim()) else {
                        continue;
                    };
                    if parsed.zone.is_none() {
                        parsed.zone.clone_from(&stated);
                    }
                    let Ok(said) = time::resolve(&parsed, Some(begun.date), zone.as_ref()) else {
                        continue;
                    };
                    let allowed = if caps.get(1).is_some() {
                        APPROX_SECONDS
                    } else {
                        TOLERANCE_SECONDS
                    };
                    if begun.timestamp.as_second() - said.timestamp.as_second() <= allowed {
                        continue;
                    }
                    let what = if notice {
                        "a notice about the incident"
                    } else {
                        "an end"
                    };
                    let name = crate::suggest::display_path(&start.pointer);
                    out.push(
                        Diagnostic::new(
                            &SummaryTimes::INFO,
                            prose.span(whole.range()),
                            format!(
                                "{} says `{}` ({}), {what} before the incident began: `{name}` is `{}` ({})",
                                crate::rules::words::place_in(cx, &pointer),
                                one_line(whole.as_str()),
                                super::utc(said.timestamp),
                                start.text,
                                super::utc(begun.timestamp),
                            ),
                        )
                        .with_label(cx.span(&start.pointer), "the incident began here")
                        .with_help("correct the time, or the timeline's start; if it is another day's, say which"),
                    );
                }
            }
        }
    }
}

/// The IANA zone of a zone the report names, when it has one.
fn tz_of(zone: &time::Zone) -> Option<jiff::tz::TimeZone> {
    match zone {
        time::Zone::Iana(tz, _) => Some(tz.clone()),
        time::Zone::Utc => Some(jiff::tz::TimeZone::UTC),
        time::Zone::Offset(o) => Some(jiff::tz::TimeZone::fixed(*o)),
        time::Zone::Abbrev(a) => jiff::tz::TimeZone::get(a.region).ok(),
        _ => None,
    }
}

/// The sentence of `masked` around `start..end`.
fn sentence(masked: &str, start: usize, end: usize) -> &str {
    let stops = [". ", ".\n", "\n\n", "; ", "! ", "? "];
    &masked[crate::sentence::around(masked, start..end, &stops, &stops)]
}

/// `text` on one line, its runs of white space one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::Format;

    /// The spans of this check's findings (the rest of RS207 reads the summary).
    fn spans_of(_code: &str, text: &str, format: Format) -> Vec<String> {
        crate::check(text, format)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS207" && d.message.contains("before the incident began"))
            .map(|d| d.span.slice(text).to_string())
            .collect()
    }

    fn report(section: &str) -> String {
        format!(
            "# Checkout errors on 2025-03-04\n\n## Summary\n\nCard payments failed from 10:00 to 10:41 UTC.\n\n## Timeline (UTC)\n\n- 10:00 card payments start failing\n- 10:07 alert fires, on-call paged\n- 10:30 gateway config rolled back\n- 10:41 payments succeed again\n\n{section}\n"
        )
    }

    #[test]
    fn an_end_or_a_notice_before_the_start() {
        for (section, found) in [
            (
                "## Resolution\n\nService was restored at 09:10 UTC after the rollback.",
                "restored at 09:10 UTC",
            ),
            (
                "## Communication\n\nWe emailed affected merchants at 09:15 UTC to tell them card payments were restored.",
                "emailed affected merchants at 09:15 UTC",
            ),
            (
                "## What went well\n\n- Payments were back to normal by 9:20 AM, before most shops opened.",
                "back to normal by 9:20 AM",
            ),
            // Without a zone: the timeline's.
            (
                "## Resolution\n\nThe incident was resolved at 09:10.",
                "resolved at 09:10",
            ),
        ] {
            let text = report(section);
            assert_eq!(
                spans_of("RS207", &text, Format::Markdown),
                [found],
                "{section}"
            );
        }
    }

    #[test]
    fn other_days_things_and_right_times_are_quiet() {
        for section in [
            "## Resolution\n\nService was restored at 10:41 UTC after the rollback.",
            "## Resolution\n\nService was restored at about 09:50 UTC.",
            "## Communication\n\nWe emailed affected merchants at 10:50 UTC.",
            // Another day, a backup, a plan, another incident.
            "## Background\n\nThe previous outage was resolved at 09:10 UTC.",
            "## Background\n\nThe nightly backup was restored at 03:00 UTC for a test.",
            "## Communication\n\nWe emailed merchants at 09:00 UTC about the planned maintenance.",
            "## Communication\n\nWe emailed merchants at 09:00 UTC about the new fee schedule.",
            "## Follow-up\n\nThe fix was deployed the next day; service was fully restored at 09:10 UTC.",
            // Code is not prose.
            "## Resolution\n\n`restored at 09:10 UTC` is what the log said.",
        ] {
            let text = report(section);
            assert!(
                spans_of("RS207", &text, Format::Markdown).is_empty(),
                "{section}: {:?}",
                spans_of("RS207", &text, Format::Markdown)
            );
        }
        // A timeline over two days: a clock without a date has two readings.
        let text = report("## Resolution\n\nService was restored at 09:10 UTC.")
            .replace("- 10:41 payments", "- 2025-03-05 09:10 payments");
        assert!(spans_of("RS207", &text, Format::Markdown).is_empty());
    }
}
