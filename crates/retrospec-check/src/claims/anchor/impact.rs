//! The impact's window from the events the report's sentences state, for a
//! report with no timeline: "At 19:02 the hosts started dropping connections
//! ... the last shard accepted logins again at 20:31" is a window a reviewer
//! builds in their head and checks "the outage lasted 45 minutes" against.
//!
//! The events are the prose's clauses with one clock time ([`super::clauses`]):
//! code blocks and quoted logs are masked, so they are evidence only. A clause
//! that is no event of the incident is left out: a schedule or a plan
//! ("backups run at 02:00 every night", "maintenance window", "will"), a
//! meeting ("the postmortem meeting at 15:00"). The times are placed on one
//! wall clock in the order the report tells them, each on the day that puts it
//! nearest the one before (a story may step back a little; "23:50 ... 00:20" is
//! the next day), or on the day its clause states. Times in two written zones
//! give nothing (one of them is already counted in the other).
//!
//! The impact starts at any event up to the first whose clause names the
//! impact (the first ones may be its trigger), and ends at any later event
//! whose clause says it ended (`restored`, `back online`, `accepting logins
//! again`, not in part); every pair is a reading and a claim contradicts only
//! when none agrees. With no clause naming the impact, or none saying it
//! ended, there is no window.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::super::{Compared, Inputs, Provenance, says_impact_ended, subject};
use super::{Clause, Stamp};

/// Whether a clause (or a sentence) is no event of the incident: a schedule, a
/// plan, a habit, a meeting about it afterwards.
pub(in crate::claims) fn not_an_event(text: &str) -> bool {
    NOT_AN_EVENT.is_match(text)
}

static NOT_AN_EVENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:every|each|daily|nightly|weekly|hourly|planned|will|would|should|usually|normally|typically|meeting|tomorrow|expected|if)\b|\b(?:schedul|plan\s+to|maintenance|post-?mortem|retro|review|next\s+(?:week|month))")
        .expect("the pattern is valid")
});

/// Past forms of a service working again the timeline's end words leave out:
/// "accepted logins again", "answered queries again", "came back up".
static ENDED_AGAIN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:accepted|served|responded|answered|worked|loaded|came\s+back)\s+(?:[a-z-]+\s+){0,2}(?:again|up|online)\b")
        .expect("the pattern is valid")
});

/// Users able to act again: "everyone could log in again", "customers were
/// able to pay again".
static ABLE_AGAIN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:could|can|(?:were|was)\s+able\s+to)\s+(?:[a-z-]+\s+){1,3}again\b")
        .expect("the pattern is valid")
});

/// Users who could not act, or were put out: the impact told by what people
/// could not do ("players were disconnected and could not sign back in",
/// "nobody could post", "customers were unable to pay").
static LOCKED_OUT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:could\s*not|couldn[’']t|cannot|can[’']t|(?:were|was)\s+unable|(?:thrown|kicked|logged|locked)\s+out|disconnected)\b")
        .expect("the pattern is valid")
});

/// Whether a clause says the impact ended, not only in part.
fn ended(text: &str) -> bool {
    says_impact_ended(text)
        || ((ENDED_AGAIN.is_match(text) || ABLE_AGAIN.is_match(text))
            && !says_impact_ended_in_part(text))
}

/// "some shards accepted logins again": only in part.
fn says_impact_ended_in_part(text: &str) -> bool {
    super::super::PARTIAL.is_match(text)
}

/// Words of the claim's sentence that say it is the outage's length: "the
/// outage lasted", "most card payments failed", "was offline".
static OUTAGE_LENGTH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:outage|incident|downtime|offline|down|unavailable|unreachable|disrupt|fail|errors?\b|impact|affected|broken|lasted)")
        .expect("the pattern is valid")
});
/// ...and words that say it is the length of a step inside the incident (a
/// rollback that was stuck, a replay, the time to notice).
static STEP_LENGTH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:roll(?:ed|ing)?[\s-]*back|rollout|deploy|restor|migrat|replay|backfill|rebuil|canary|fix|investigat|notic|detect|took\s+(?:us|them|me)|queue|backlog|retr(?:y|ies|ied))")
        .expect("the pattern is valid")
});

/// The sentence of `masked` around `range`.
fn sentence(masked: &str, range: std::ops::Range<usize>) -> &str {
    let ends = [". ", ".\n", "\n\n", "! ", "? ", "\n- ", "\n* "];
    &masked[crate::sentence::around(masked, range, &ends, &ends)]
}

/// Words of a clause that name the impact beginning or going on.
fn names_impact(text: &str) -> bool {
    super::super::IMPACT_BEGAN.is_match(text)
        || ((subject::IMPACT_WORDS.is_match(text) || LOCKED_OUT.is_match(text)) && !ended(text))
}

/// One event on the report's wall clock: its clause and its seconds from the
/// first event's midnight.
struct Placed<'c> {
    clause: &'c Clause,
    at: i64,
}

/// Places `events` (in file order) on one wall clock: each on the day its
/// clause states, else on the day nearest the event before it.
fn place<'c>(events: &[&'c Clause]) -> Option<Vec<Placed<'c>>> {
    let first_day = events.iter().find_map(|c| c.stamp.day);
    let mut out: Vec<Placed<'c>> = Vec::new();
    for c in events {
        let clock = c.stamp.clock?;
        let at = match (c.stamp.day, first_day) {
            (Some(d), Some(f)) => {
                let year = f.0.or(d.0).unwrap_or(2000);
                let date = |(y, m, dd): (Option<i16>, i8, i8)| {
                    jiff::civil::Date::new(y.unwrap_or(year), m, dd).ok()
                };
                let days = i64::from(date(f)?.until(date(d)?).ok()?.get_days());
                days * 86_400 + clock
            }
            _ => match out.last() {
                None => clock,
                Some(prev) => {
                    let day = prev.at.div_euclid(86_400);
                    (day - 1..=day + 1)
                        .map(|d| d * 86_400 + clock)
                        .min_by_key(|t| (t - prev.at).abs())?
                }
            },
        };
        out.push(Placed { clause: c, at });
    }
    Some(out)
}

/// Every reading of the impact's length the sentences' events give (see the
/// module's documentation), with where each end was stated. Empty for a report
/// with a timeline, several incidents, or times in two written zones, and for a
/// claim (at `range` of `masked`, its prose; at `at` of the file) whose
/// sentence does not say it is the outage's length or says it is a step's.
pub(in crate::claims) fn readings(
    inputs: &Inputs<'_>,
    masked: &str,
    range: std::ops::Range<usize>,
    at: usize,
) -> Vec<(Compared, Provenance)> {
    let own = sentence(masked, range);
    if !(OUTAGE_LENGTH.is_match(own) || LOCKED_OUT.is_match(own))
        || STEP_LENGTH.is_match(own)
        || !super::super::sorted_entries(inputs).is_empty()
        || inputs.scopes.of(at).is_some()
    {
        return Vec::new();
    }
    let prose = std::cell::OnceCell::new();
    if !super::entries(inputs, &prose).is_empty() {
        return Vec::new();
    }
    let clauses = super::clauses(inputs, &prose);
    let events: Vec<&Clause> = clauses
        .iter()
        .filter(|c| c.stamp.clock.is_some() && !not_an_event(&c.text))
        .collect();
    let mut zones = events.iter().filter_map(|c| c.stamp.zone.as_deref());
    if let Some(z) = zones.next()
        && zones.any(|o| o != z)
    {
        return Vec::new();
    }
    let Some(mut placed) = place(&events) else {
        return Vec::new();
    };
    placed.sort_by_key(|p| p.at);
    let Some(cut) = placed.iter().position(|p| names_impact(&p.clause.text)) else {
        return Vec::new();
    };
    let stamp = |s: &Stamp| (s.label.clone(), s.source);
    let mut out = Vec::new();
    for a in &placed[..=cut] {
        for b in &placed[cut + 1..] {
            if b.at <= a.at || !ended(&b.clause.text) || names_impact_only(b) {
                continue;
            }
            let (from, from_source) = stamp(&a.clause.stamp);
            let (to, to_source) = stamp(&b.clause.stamp);
            out.push((
                Compared {
                    source: "events",
                    from,
                    to,
                    from_pointer: String::new(),
                    to_pointer: String::new(),
                    seconds: b.at - a.at,
                    rank: Default::default(),
                },
                Provenance {
                    from: from_source,
                    to: to_source,
                },
            ));
        }
    }
    out
}

/// An end clause that still names the impact going on ("errors were back"):
/// not an end for sure.
fn names_impact_only(p: &Placed<'_>) -> bool {
    super::super::IMPACT_BEGAN.is_match(&p.clause.text)
}

#[cfg(test)]
mod tests {
    use super::{NOT_AN_EVENT, ended, names_impact};

    /// The impact told by what users could not do, and its end by what they
    /// could do again; not in part.
    #[test]
    fn users_locked_out_and_able_again() {
        for text in [
            "At 16:40 UTC some players were disconnected and could not sign back in",
            "At 09:10 customers were unable to pay",
            "nobody couldn't post at 20:14",
        ] {
            assert!(names_impact(text) && !ended(text), "{text}");
        }
        for text in [
            "By 18:40 UTC everyone could log in again",
            "At 21:05 customers were able to pay again",
        ] {
            assert!(ended(text), "{text}");
        }
        for text in [
            "At 18:10 some players could log in again",
            "At 18:10 players in Europe could play but not trade again",
            "At 18:10 we could restart it",
        ] {
            assert!(!ended(text), "{text}");
        }
    }

    #[test]
    fn schedules_and_meetings_are_no_events() {
        for text in [
            "Backups run at 02:00 every night",
            "The maintenance window starts at 06:00",
            "We held the postmortem meeting at 15:00",
            "The fix will ship at 09:00",
            "We expected logins to be restored at 20:31",
        ] {
            assert!(NOT_AN_EVENT.is_match(text), "{text}");
        }
        for text in [
            "At 19:02 the hosts started dropping connections",
            "The last shard accepted logins again at 20:31",
            "At 8:31 p.m. everything was back online",
        ] {
            assert!(!NOT_AN_EVENT.is_match(text), "{text}");
        }
    }
}
