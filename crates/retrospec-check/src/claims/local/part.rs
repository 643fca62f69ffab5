//! An incident's length in a digest part that states its start in its heading
//! and its end in prose (`**April 24 09:31 UTC (lasting 48 minutes)**`, then
//! "... all sites were serving current content at 10:37 UTC"): a monthly
//! availability report tells each incident so, with no timeline.

use std::ops::Range;
use std::sync::LazyLock;

use super::super::Compared;
use crate::lean::Lean;

/// A sentence about a schedule, a plan or a habit, not the incident: "the
/// sync job runs every night at 02:00", "we will publish at 16:00".
static SCHEDULE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:every|each|daily|nightly|weekly|hourly|will|would|should|usually|typically|planned|scheduled|tomorrow|next\s+(?:week|month))\b")
        .expect("the pattern is valid")
});

/// Every reading of the length of the incident whose part is `part` of `text`:
/// from the clock its heading line states to each later clock its prose
/// states (in the heading's zone, or none; not in a sentence about a schedule
/// or a plan). Any one agreeing is enough: the author's end is one of them.
/// Empty when the heading states no clock, or more than one.
pub(in crate::claims) fn part_window(text: &str, part: Range<usize>) -> Vec<Compared> {
    let body = &text[part];
    let head_end = body.find('\n').unwrap_or(body.len());
    let head = &body[..head_end];
    let starts = super::clocks(head);
    let [start] = starts.as_slice() else {
        return Vec::new();
    };
    let rest = &body[head_end..];
    let mut out = Vec::new();
    let ends: Vec<_> = super::clocks(rest)
        .into_iter()
        .filter(|end| !SCHEDULE.is_match(sentence_around(rest, end.range.clone())))
        .collect();
    // Where the prose says the impact ended ("when we declared the incident
    // resolved", "mitigated at"), those clocks are the ends; a step before them
    // ("restarted the worker pool at 09:22") is not.
    let ended = |end: &super::Clock| {
        super::super::says_impact_ended(sentence_around(rest, end.range.clone()))
    };
    let said = ends.iter().any(ended);
    for end in ends {
        if said && !ended(&end) {
            continue;
        }
        if end.zone.is_some() && start.zone.is_some() && end.zone != start.zone {
            continue;
        }
        let Some(minutes) = super::span(start, &end) else {
            continue;
        };
        // The start restated in the prose ("On April 24 at 09:31 UTC"): no end.
        if minutes == 0 {
            continue;
        }
        out.push(super::super::window::stated(
            format!(
                "start `{}` (its incident's heading)",
                head[start.range.clone()].trim()
            ),
            format!(
                "`{}` (stated in its incident's part)",
                rest[end.range.clone()].trim()
            ),
            minutes * 60,
        ));
    }
    out
}

/// The sentence of `text` around `range`.
fn sentence_around(text: &str, range: Range<usize>) -> &str {
    let ends = [". ", ".\n", "\n\n"];
    &text[crate::sentence::around(text, range, &ends, &ends)]
}

#[cfg(test)]
mod tests {
    use super::part_window;

    fn minutes(text: &str) -> Vec<i64> {
        part_window(text, 0..text.len())
            .iter()
            .map(|c| c.seconds / 60)
            .collect()
    }

    /// From the heading's clock to each later clock of the part, past midnight
    /// and across a date; the start restated, a schedule, another zone and a
    /// heading without one clock give none.
    #[test]
    fn a_heading_start_to_each_later_clock() {
        assert_eq!(
            minutes(
                "**April 24 09:31 UTC (lasting 48 minutes)**\n\nOn April 24 at 09:31 UTC, sites served stale pages. We were alerted at 09:54 UTC. We rolled back at 10:12 UTC; all sites were current at 10:37 UTC.\n"
            ),
            [23, 41, 66]
        );
        assert_eq!(
            minutes(
                "**April 16 22:40 UTC (lasting 3 hours and 5 minutes)**\n\nJobs failed. Runners were assigned normally again by 01:45 UTC on April 17.\n"
            ),
            [185]
        );
        assert_eq!(
            minutes(
                "**May 2 10:00 UTC (lasting 1 hour)**\n\nThe sync job runs every night at 02:00 UTC. Errors stopped at 11:00 CET, 10:00 UTC... fixed at 11:05 UTC.\n"
            ),
            [65]
        );
        // Where the prose says when the impact ended, that is the end; a step
        // before it is not.
        assert_eq!(
            minutes(
                "### March 11 08:40 UTC (lasting 45 minutes)\n\nStarting at 08:40 UTC, jobs stalled. Engineers restarted the pool at 09:22 UTC. All deliveries were sent by 09:55 UTC, when we declared the incident resolved.\n"
            ),
            [75]
        );
        assert!(minutes("**May 2 (lasting 1 hour)**\n\nFixed at 11:05 UTC.\n").is_empty());
        assert!(
            minutes("**May 2 10:00 to 11:00 UTC (lasting 1 hour)**\n\nFixed at 11:05 UTC.\n")
                .is_empty()
        );
    }
}
