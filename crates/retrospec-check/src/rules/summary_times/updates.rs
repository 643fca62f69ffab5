//! The summary's window against a status page's updates: the first update is
//! posted after the impact began and the last (`Resolved`) after it ended, so
//! neither bounds the window; an update after the stated end that still reports
//! the impact does, and a `Monitoring` or `Resolved` update may agree with it.

use crate::rules::Context;
use crate::time::Resolved;
use crate::times::TimeValue;

use crate::parse::freeform::updates::{is_stream, status_of};

/// Whether the timeline is a status page's updates (two or more, every entry
/// led by its status word: `Monitoring - ...`), as the free-form reader gives them
/// and `import` writes them.
pub(crate) fn is_update_stream(cx: &Context<'_>) -> bool {
    is_stream(cx.model.timeline.iter().map(|e| e.text.as_str()))
}

/// Whether an update's words say the impact goes on: `Error rates are still
/// around 30%`, `deliveries are still behind`. Not a `Resolved` update, nor one
/// after the recovery, nor a hedge (`large uploads may still fail`).
fn still_reports_impact(text: &str) -> bool {
    const IMPACT: &[&str] = &[
        "error",
        "fail",
        "delay",
        "behind",
        "elevated",
        "degraded",
        "unavailable",
        "slow",
        "timeout",
        "timing out",
        "down",
        "backlog",
        "queued",
        "late",
    ];
    let Some(status) = status_of(text) else {
        return false;
    };
    let status = status.to_ascii_lowercase();
    if [
        "resolved",
        "completed",
        "postmortem",
        "post-mortem",
        "scheduled",
        "in progress",
    ]
    .contains(&status.as_str())
        || crate::claims::is_after_recovery(text.split_once(" - ").map_or("", |(_, body)| body))
    {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    lower.split(['.', ';', '!']).any(|sentence| {
        sentence.contains(" still ")
            && ![
                "may still",
                "might still",
                "could still",
                "still monitoring",
                "still investigating",
            ]
            .iter()
            .any(|h| sentence.contains(h))
            && IMPACT.iter().any(|w| sentence.contains(w))
    })
}

/// The last update that still reports the impact (see [`still_reports_impact`])
/// among those `after` accepts (posted after the stated end).
pub(crate) fn still_reporting<'a>(
    cx: &'a Context<'_>,
    after: impl Fn(&Resolved) -> bool,
) -> Option<&'a TimeValue> {
    cx.model
        .timeline
        .iter()
        .zip(&cx.times.timeline)
        .filter(|(e, _)| still_reports_impact(&e.text))
        .filter_map(|(_, v)| v.as_ref())
        .filter(|v| v.instant().is_some_and(&after))
        .last()
}

/// The first `Resolved` update, or `Monitoring`/`Mitigated` one whose words end
/// the impact ("error rates are back to normal"), whose time `agrees` accepts,
/// with its status word as written.
pub(crate) fn ending_update<'a>(
    cx: &'a Context<'_>,
    agrees: impl Fn(&Resolved) -> bool,
) -> Option<(&'a TimeValue, &'a str)> {
    if !is_update_stream(cx) {
        return None;
    }
    cx.model
        .timeline
        .iter()
        .zip(&cx.times.timeline)
        .filter_map(|(e, v)| {
            let status = status_of(&e.text)?;
            let body = e.text.split_once(" - ").map_or("", |(_, b)| b);
            // `Resolved`, or a `Monitoring` update whose words end the impact
            // (not "the queue is draining").
            let ends = match status.to_ascii_lowercase().as_str() {
                "resolved" => true,
                "monitoring" | "mitigated" => {
                    crate::claims::says_impact_ended(body) && !still_reports_impact(&e.text)
                }
                _ => false,
            };
            ends.then_some((v.as_ref()?, status))
        })
        .find(|(v, _)| v.instant().is_some_and(&agrees))
}

/// Whether `v` (a milestone's time) is the time of one of the stream's updates:
/// the milestone was read from that post, which came after what it reports.
pub(crate) fn at_an_update(cx: &Context<'_>, v: &TimeValue) -> bool {
    let Some(t) = v.instant() else {
        return false;
    };
    cx.model
        .timeline
        .iter()
        .zip(&cx.times.timeline)
        .any(|(e, w)| {
            status_of(&e.text).is_some()
                && w.as_ref()
                    .and_then(|w| w.instant())
                    .is_some_and(|r| r.timestamp == t.timestamp)
        })
}
