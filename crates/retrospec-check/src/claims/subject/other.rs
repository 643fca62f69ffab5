//! Lengths in a sentence about something else than the incident's length, read
//! from the words around the duration: another incident ("The previous incident
//! of this kind lasted 3 hours", "a second, unrelated outage of the image service
//! lasted 20 minutes"), another time ("Last week, search was down for 3 hours"), a
//! trend before it ("errors had been rising slowly for 3 days"), a part of it
//! ("affected for 40 minutes of it", "failed for 15 minutes at the peak", "slow
//! for a few minutes during the rollback"), an increment ("stale for 10 minutes
//! longer"), what might have been ("would have lasted 4 hours"), what is usual
//! ("normally runs for 45 minutes"), what came after ("for 3 days afterwards") or
//! what is foretold ("Expect about 15 minutes of downtime" for a planned upgrade,
//! "the restore will take 30 minutes") or what a level of service allows ("99.9%
//! annual uptime corresponds to approx. 8 hours of downtime") or an alert waits for
//! ("our alert (p95 above 3 seconds for 5 minutes) fired"). Each pattern is behind a cheap literal
//! gate: most claims pass none.

use std::sync::LazyLock;

use crate::lean::Lean;

/// A percentage of uptime or availability, or a service level, before the
/// length: the length is what that percentage allows, not this incident's.
static BUDGET: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\d(?:[.,]\d+)?\s*%\s*(?:(?:annual|yearly|monthly|of)\s+)?(?:uptime|availability|sla|slo)\b|\b(?:sla|slo|uptime|availability)\s+(?:target\s+)?(?:of\s+)?\d+(?:[.,]\d+)?\s*%")
        .expect("the pattern is valid")
});

/// A threshold right before the length's "for": a measure above or below a value
/// (`p95 above 3 seconds for`, `error rate > 5% for`, `CPU over 90 percent for`),
/// the condition of an alert, not the incident's length.
static CONDITION: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:above|below|over|under|exceeds|exceeded)|[<>]=?)\s*\d+(?:[.,]\d+)?\s*(?:%|percent\b|ms\b|s\b|sec(?:ond)?s?\b|min(?:ute)?s?\b|[a-z]{1,12}\b)?\s+for\s+(?:(?:at\s+least|more\s+than|over)\s+)?$")
        .expect("the pattern is valid")
});

/// Words of a sentence about an alert and its rule.
static ALERTING: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:alert|alerts|alerting|alarm|alarms|fires|fired|pages|paged|triggers|triggered|rule|threshold|monitor)\b")
        .expect("the pattern is valid")
});

/// An availability budget: "99.9% annual uptime corresponds to approx. 8 hours
/// of downtime", "an SLO of 99.95% allows 21 minutes a month", "the roughly 44
/// minutes of downtime that our 99.9% monthly SLA allows" (the budget after the
/// length, in its clause): what an agreement allows, not what happened, even in
/// words that otherwise state the incident's length ("N of downtime").
pub(crate) fn is_budget(before: &str, after: &str) -> bool {
    if before.contains('%') && BUDGET.is_match(before) {
        return true;
    }
    // To the clause's end: not the point of `99.9%`.
    let b = after.as_bytes();
    let mut cut = (0..b.len())
        .find(|&i| {
            matches!(b[i], b'.' | b';' | b'!' | b'?')
                && b.get(i + 1).is_none_or(u8::is_ascii_whitespace)
        })
        .unwrap_or(after.len())
        .min(80);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let clause = &after[..cut];
    clause.contains('%') && BUDGET.is_match(clause)
}

/// Whether the duration between `before` (its clause up to it) and `after` (the
/// text after it) measures something else than the incident.
pub(crate) fn about_something_else(before: &str, after: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    let this = || THIS_INCIDENT.is_match(before);
    if OTHER_WORDS.iter().any(|w| lower.contains(w))
        && (OTHER_INCIDENT.is_match(before) || OTHER_TIME.is_match(before))
        && !this()
    {
        return true;
    }
    if lower.contains("had been") && TREND.is_match(before) {
        return true;
    }
    if lower.contains(" have ") && HYPOTHETICAL.is_match(before) {
        return true;
    }
    if HABIT_WORDS.iter().any(|w| lower.contains(w)) && HABIT.is_match(before) {
        return true;
    }
    if FORECAST_WORDS.iter().any(|w| lower.contains(w))
        && FORECAST
            .find_iter(before)
            .any(|m| !names_a_kind(&before[..m.start()]))
        && !AS_AGAINST_A_PLAN.is_match(before)
    {
        return true;
    }
    if is_budget(before, after) {
        return true;
    }
    // An alert's condition: "p95 above 3 seconds for 5 minutes", "error rate >
    // 5% for 10 minutes": how long a measure must hold before it fires, in a
    // sentence about the alert ("latency stayed above 3 seconds for 40 minutes"
    // is the impact).
    if [
        "above", "below", "over", "under", "exceeds", "exceeded", ">", "<",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && CONDITION.is_match(before)
        && {
            let mut cut = after.len().min(60);
            while !after.is_char_boundary(cut) {
                cut -= 1;
            }
            ALERTING.is_match(before) || ALERTING.is_match(&after[..cut])
        }
    {
        return true;
    }
    let head = after.trim_start();
    let mut cut = head.len().min(80);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &head[..cut];
    let head_lower = head.to_ascii_lowercase();
    if head_lower.starts_with("after") && AFTERWARDS.is_match(head) {
        return true;
    }
    if [
        "of ", "at ", "around ", "near ", "during ", "longer", "more ",
    ]
    .iter()
    .any(|w| head_lower.starts_with(w))
        && PART_AFTER.is_match(head)
        && !WHOLE_AFTER.is_match(head)
    {
        return true;
    }
    head_lower.contains("unrelated") && UNRELATED_AFTER.is_match(head)
}

/// The gate of `OTHER_INCIDENT` and `OTHER_TIME`.
const OTHER_WORDS: &[&str] = &[
    "previous",
    "last",
    "prior",
    "earlier",
    "older",
    "similar",
    "other",
    "former",
    "unrelated",
    "separate",
    "second",
    "another",
    "different",
    " ago",
    "before",
];

/// A clause about another incident than the report's: "The previous incident of
/// this kind, on 2 May, lasted 3 hours", "last year's outage took a day", "In 2024
/// a similar outage lasted four hours", "A second, unrelated outage ... lasted".
static OTHER_INCIDENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:in|during|like|as\s+in)\s+)?(?:the|our|an?|that|one)?\s*(?:(?:previous|last|prior|earlier|older|former)\s+(?:[a-z-]+\s+){0,2}?|(?:last|previous)\s+(?:year|month|week)'s\s+(?:[a-z-]+\s+)?)(?:incidents?|outages?|disruptions?|failures?)\b|\b(?:similar|unrelated|separate|second|another|different)\b,?\s+(?:[a-z-]+,?\s+){0,2}?(?:incidents?|outages?|disruptions?|failures?)\b")
        .expect("the pattern is valid")
});

/// A clause set at another time than the incident: "Last week, search was down
/// for 3 hours", "Two months ago the API was down for a day".
static OTHER_TIME: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:last|the\s+previous|the\s+prior)\s+(?:week|month|year|weekend|quarter|spring|summer|autumn|fall|winter)\b|(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|before)\b)")
        .expect("the pattern is valid")
});

/// ...unless the clause names this incident after it, or a subject of its own
/// after a comma ("As in the last outage, the incident lasted ...").
static THIS_INCIDENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:this|today's|the\s+current)\s+(?:one|time|incident|outage|disruption|failure)\b|,\s+(?:the|it|its|our|we)\b")
        .expect("the pattern is valid")
});

/// A trend before the incident: "errors had been rising slowly for 3 days", "disk
/// use had been growing for weeks".
static TREND: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\bhad\s+been\s+(?:[a-z]+ly\s+)?(?:rising|growing|climbing|increasing|creeping|building|trending|accumulating|filling|shrinking|declining|dropping)\b[^.;]{0,40}\bfor\s*$")
        .expect("the pattern is valid")
});

/// What might have been: "the outage would have lasted 4 hours without the
/// runbook", "could have been down for a day". Not "could not load for N".
static HYPOTHETICAL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:would|could|might|should)\s+have\s+(?:been\s+)?(?:[a-z]+\s+){0,2}$")
        .expect("the pattern is valid")
});

/// The gate of `HABIT`.
const HABIT_WORDS: &[&str] = &[
    "normally",
    "usually",
    "typically",
    "ordinarily",
    "on average",
];

/// What is usual, not what happened: "the batch job normally runs for 45
/// minutes", "a rebuild usually takes 20 minutes". Not when the clause turns to
/// the incident ("Normally search is fast, but it was down for ...").
static HABIT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:normally|usually|typically|ordinarily|on\s+average)\b(?:[^,]|,\s+(?:[a-z]+\s+){0,3}?(?:normally|usually|typically))*$")
        .expect("the pattern is valid")
});

/// The gate of `FORECAST`.
const FORECAST_WORDS: &[&str] = &[
    "expect", "will", "estimat", "schedul", "planned", "postpone",
];

/// A length foretold, not measured: "Expect about 15 minutes of downtime" (a
/// planned upgrade announced in the report), "the restore will take about 30
/// minutes", "the maintenance is scheduled for 2 hours", "we estimate 4 hours".
static FORECAST: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)\b(?:expect(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|will|scheduled|planned|postponed)\b",
    )
    .expect("the pattern is valid")
});

/// Whether a forecast's word after `head` describes a kind of work, not a
/// length foretold: `During planned maintenance, the responders failed for 40
/// minutes`, `after a scheduled deploy`.
fn names_a_kind(head: &str) -> bool {
    head.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "during" | "a" | "an" | "the" | "our" | "its" | "their" | "of" | "after" | "before"
        )
    })
}

/// ...but a length measured against a plan is measured: "it took longer than
/// expected: 3 hours", "an hour more than planned".
static AS_AGAINST_A_PLAN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\bthan\s+(?:we\s+)?(?:expected|estimated|planned|scheduled)\b")
        .expect("the pattern is valid")
});

/// After the incident: "the error showed on a dashboard for 3 days afterwards",
/// "for 2 days after the incident".
static AFTERWARDS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^after(?:wards?\b|\s+(?:the\s+)?(?:incident|outage|recovery|resolution)\b|\s+it\s+(?:ended|was\s+(?:over|resolved)))")
        .expect("the pattern is valid")
});

/// A part of the incident or an increment after the length: "of it", "of the
/// outage", "at the peak", "during the rollback", "longer", "more". Not "while
/// ...": "down for 2 hours while we restored the database" is the incident.
static PART_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:of\s+(?:it|that|this|them|the\s+(?:outage|incident|window|time|period|disruption|impact))\b|(?:at|around|near)\s+(?:the|its)\s+(?:peak|worst|height|start|beginning|end)\b|during\s+\S|longer\b|more\b)")
        .expect("the pattern is valid")
});

/// ...but "during the incident" (or the outage, the window) is the whole of it.
static WHOLE_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^during\s+(?:the|this|that|our)\s+(?:incident|outage|disruption|event|window|impact)\b")
        .expect("the pattern is valid")
});

/// "..., for an unrelated reason": another cause, another event.
static UNRELATED_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[^.;]{0,60}?\b(?:unrelated|separate)\s+(?:reason|cause|incident|outage|issue|problem)")
        .expect("the pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::about_something_else;

    /// `text` split at `[N]`, the duration.
    fn reads(text: &str) -> bool {
        let (before, rest) = text.split_once('[').expect("a [duration]");
        let (_, after) = rest.split_once(']').expect("a [duration]");
        about_something_else(before, after)
    }

    #[test]
    fn a_budget_stated_after_the_length() {
        assert!(reads(
            "Because the outage exceeded the roughly [44 minutes] of downtime that our 99.9% monthly SLA allows in August, customers get a credit."
        ));
        assert!(reads(
            "We have [21 minutes] a month: an SLO of 99.95% availability."
        ));
        // A share of users in the sentence is no budget.
        assert!(!reads("Checkout failed for [44 minutes] for 12% of users."));
    }

    #[test]
    fn lengths_of_something_else() {
        for text in [
            "The previous incident of this kind, on 2025-05-02, lasted [3 hours].",
            "Last year's outage lasted [6 hours].",
            "In 2024 a similar outage lasted [four hours].",
            "A second, unrelated outage of the image service lasted [20 minutes].",
            "Last week, search was down for [3 hours] for planned maintenance.",
            "Two months ago the API was down for [a day].",
            "Errors had been rising slowly for [3 days].",
            "Customers in Europe were affected for [40 minutes] of it.",
            "About 1,200 searches per minute failed for [15 minutes] at the peak.",
            "The indexer was down for [5 minutes] during the rollback.",
            "A smaller group of pages was stale for [10 minutes] longer.",
            "The image service was also down for [20 minutes], for an unrelated reason.",
            "The outage would have lasted [4 hours] without the runbook.",
            "The batch job that failed normally runs for [45 minutes].",
            "A dashboard showed the error for [3 days] afterwards.",
            "Writes were throttled for [2 days] after the incident.",
            "The upgrade is postponed to Sunday. Expect about [15 minutes] of downtime.",
            "The restore will take about [30 minutes].",
            "The maintenance is scheduled for [2 hours] on Sunday.",
            "We expected the failover to take [5 minutes].",
            "99.9% annual uptime corresponds to approx. [8 hours] of downtime",
            "An SLO of 99.95% allows about [21 minutes] of errors a month.",
            "Our join-latency alert (p95 above 3 seconds for [5 minutes]) fired at 12:58.",
            "The alert pages when the error rate is > 5% for [10 minutes].",
            "It fires when CPU stays over 90 percent for at least [15 minutes].",
        ] {
            assert!(reads(text), "{text}");
        }
    }

    #[test]
    fn lengths_of_the_incident() {
        for text in [
            "The incident lasted [90 minutes].",
            "The restore took longer than expected: [3 hours].",
            "Like the previous incident, this outage lasted [2 hours].",
            "As in the last outage, the incident lasted [2 hours].",
            "Search was down for [90 minutes] during the incident.",
            "Search was down for [90 minutes] before a rollback fixed it.",
            "The job had been failing for [3 hours] before anyone noticed.",
            "Unlike the previous outage, search was down for only [20 minutes].",
            "Pages could not load for [90 minutes].",
            "Normally search is fast, but it was down for [90 minutes].",
            "Search was down for [90 minutes] after the deploy.",
            "During planned maintenance, the responders failed every request for [40 minutes].",
            "Search results were stale for [about 90 minutes] while the index was rebuilt",
            "Error rates reached 40% and checkout failed for [90 minutes].",
            "Latency stayed above 3 seconds for [40 minutes] until the rollback.",
        ] {
            assert!(!reads(text), "{text}");
        }
    }
}
