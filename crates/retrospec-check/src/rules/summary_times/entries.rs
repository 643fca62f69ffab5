//! A window's bound at a timeline entry: the author's reading of the timeline,
//! as good as a milestone read from an entry's words.

use retrospec_model::Milestone;

use crate::rules::Context;
use crate::time;

/// Whether a stated start is the time of a timeline entry (on that entry's own
/// date, so a window after midnight meets an overnight timeline) before the
/// impact ended: the first user report after an earlier cause (expiring
/// credentials), the change that set it off, the first failure after a
/// maintenance step. Any of them is a fair start for a window; a response is
/// not (an entry marked `acknowledged`, `mitigated` or `resolved`: "Incident
/// declared" at 14:15 is no start for "between 14:20 and 15:12" when the errors
/// began at 14:02). An end has no
/// such leeway: a window that stops at "rollout paused" while the timeline says
/// uploads worked again 45 minutes later understates the impact.
pub(super) fn start_at_an_entry(
    cx: &Context<'_>,
    timeline: &[&crate::times::TimeValue],
    parsed: &time::ParsedTime,
    allowed: i64,
) -> bool {
    let over = [Milestone::Resolved, Milestone::Mitigated]
        .iter()
        .filter_map(|m| cx.times.milestone(*m).and_then(|v| v.instant()))
        .map(|r| r.timestamp.as_second())
        .min();
    // A response to the impact, by its entry's milestone.
    let response = |v: &crate::times::TimeValue| {
        v.pointer
            .strip_prefix("/timeline/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| cx.model.timeline.get(i))
            .is_some_and(|e| {
                matches!(
                    e.milestone,
                    Some(Milestone::Acknowledged | Milestone::Mitigated | Milestone::Resolved)
                )
            })
    };
    // The last entry closes the timeline: no window starts there.
    let before_last = &timeline[..timeline.len().saturating_sub(1)];
    before_last
        .iter()
        .filter(|v| !response(v))
        .filter_map(|v| v.instant())
        .any(|r| {
            let Ok(said) = time::resolve(parsed, Some(r.date), cx.times.default_zone.as_ref())
            else {
                return false;
            };
            let at = r.timestamp.as_second();
            (said.timestamp.as_second() - at).abs() <= allowed && over.is_none_or(|o| at < o)
        })
}

/// Whether a stated end is the time of a timeline entry whose own words say the
/// impact ended ("Postgres accepts writes again; posting works"): the author's
/// window ends there, and an end milestone read from a later entry's words (a
/// clean-up: "queues drained, everything back to normal") does not overrule it.
/// An entry that does not say so ("rollout paused") is no such end.
pub(super) fn end_at_an_ending_entry(
    cx: &Context<'_>,
    parsed: &time::ParsedTime,
    allowed: i64,
    own_length: bool,
) -> bool {
    let at = |i: usize| {
        cx.times
            .timeline
            .get(i)
            .and_then(|v| v.as_ref())
            .and_then(|v| v.instant())
            .map(|r| r.timestamp.as_second())
    };
    cx.model.timeline.iter().enumerate().any(|(i, entry)| {
        let Some(Some(v)) = cx.times.timeline.get(i) else {
            return false;
        };
        let Some(r) = v.instant() else {
            return false;
        };
        let Ok(said) = time::resolve(parsed, Some(r.date), cx.times.default_zone.as_ref()) else {
            return false;
        };
        let here = r.timestamp.as_second();
        // After it, only actions once the impact was over (a purge, a cleanup,
        // monitoring, the status page closed): none of them is its end.
        let only_actions_after = || {
            cx.model.timeline.iter().enumerate().all(|(j, later)| {
                at(j).is_none_or(|t| t <= here) || crate::claims::is_after_recovery(&later.text)
            })
        };
        (said.timestamp.as_second() - here).abs() <= allowed
            && ((own_length && crate::claims::says_impact_ended(&entry.text))
                || crate::claims::says_impact_ended_explicitly(&entry.text)
                || (crate::claims::says_impact_ended(&entry.text) && only_actions_after()))
    })
}

/// Whether a stated bound (`parsed`, a start when `start`) lies inside every
/// milestone in `given` (after each start, or before each end, on the
/// milestone's own date), each at an entry of `timeline`: a milestone no entry
/// backs may be the wrong one (`resolved_at` 11:30 where the updates say 11:12
/// and 12:05), and a window inside it proves nothing.
pub(super) fn inside(
    cx: &Context<'_>,
    timeline: &[&crate::times::TimeValue],
    given: &[(Milestone, &crate::times::TimeValue)],
    parsed: &time::ParsedTime,
    start: bool,
) -> bool {
    given.iter().all(|(_, v)| {
        v.instant().is_some_and(|r| {
            let backed = timeline
                .iter()
                .any(|e| e.instant().is_some_and(|t| t.timestamp == r.timestamp));
            backed
                && time::resolve(parsed, Some(r.date), cx.times.default_zone.as_ref()).is_ok_and(
                    |on| {
                        if start {
                            on.timestamp > r.timestamp
                        } else {
                            on.timestamp < r.timestamp
                        }
                    },
                )
        })
    })
}
