//! Relative claims: the time between two events, each named by its words.
//!
//! "Our status page was updated 25 minutes after the first alert", "the incident
//! was declared half an hour after the alert", "the on-call engineer was paged
//! about ten minutes after latency began to climb": the event before the
//! duration and the anchor after "after" are each found in the timeline by their
//! words (or by the milestone that names them), and the time between the two
//! entries is compared with the stated one. A claim is compared only when both
//! events are read and each has one clear entry; otherwise it is listed as not
//! compared, with why.

use std::sync::LazyLock;

use regex::Regex;
use retrospec_model::Milestone;

use super::{Compared, Inputs, milestone_at, sorted_entries};

/// An event a relative claim names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    /// The impact began: the first errors, failures, latency climbing.
    Impact,
    /// An alert fired.
    Alert,
    /// The problem was noticed: an alert, a page, someone noticing or reporting it.
    Noticed,
    /// Someone was paged.
    Paged,
    /// The incident was declared.
    Declared,
    /// The status page was updated.
    StatusPage,
    /// A deploy, release or rollout.
    Deploy,
    /// A rollback or revert.
    Rollback,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Impact => "the impact began",
            Event::Alert => "the alert fired",
            Event::Noticed => "the problem was noticed",
            Event::Paged => "the page went out",
            Event::Declared => "the incident was declared",
            Event::StatusPage => "the status page was updated",
            Event::Deploy => "a deploy went out",
            Event::Rollback => "the change was rolled back",
        }
    }

    /// Whether the words of a timeline entry name this event.
    fn named_in(self, text: &str) -> bool {
        let words: &Regex = match self {
            Event::Impact => {
                return super::IMPACT_BEGAN.is_match(text) || FIRST_IMPACT.is_match(text);
            }
            Event::Alert => &ALERT_ENTRY,
            Event::Noticed => &NOTICED_ENTRY,
            Event::Paged => &PAGED_ENTRY,
            Event::Declared => &DECLARED_ENTRY,
            Event::StatusPage => &STATUS_PAGE,
            Event::Deploy => &DEPLOY_ENTRY,
            Event::Rollback => &ROLLBACK,
        };
        words.is_match(text)
    }

    /// The milestone that marks this event, when one does.
    fn milestone(self) -> Option<Milestone> {
        match self {
            Event::Impact => Some(Milestone::Started),
            Event::Alert | Event::Noticed => Some(Milestone::Detected),
            _ => None,
        }
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the pattern is valid")
}

/// "N later": the anchor is in the words before.
static LATER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*later\b"));
/// What follows the duration: "after the first alert", "after latency began to climb".
static AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*after\s+(?P<anchor>[^.;:,()|]{3,80})"));

/// "First login failures", "the first 502s".
static FIRST_IMPACT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bfirst\s+(?:[a-z0-9-]+\s+)?(?:errors?|failures?|failed|timeouts?|5\d\ds?)\b")
});
static STATUS_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bstatus[\s-]*page\b|\bstatuspage\b|\bstatus\s+(?:update|notice|post)\b")
});
static ALERT_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:alerts?|alarms?)\b[^.;]*?\b(?:fire|fired|fires|trigger|triggered|triggers|trips|tripped|pages|paged|alerts?\s+the)\b|\balerts?\s+the\b",
    )
});
static NOTICED_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:alerts?|alarms?)\b[^.;]*?\b(?:fire|fired|fires|trigger|triggered|triggers|trips|tripped|pages|paged)\b|\balerts?\s+the\b|\bpaged\b|\bnotic(?:e|es|ed)\b|\bdetect(?:s|ed)\b|\bspott(?:s|ed)\b|\b(?:customers?|users?)\s+report",
    )
});
/// A page, not a status page: "paged", "pages the on-call", "the first page".
static PAGED_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bpag(?:es|ed|ing)\b|\b(?:a|the|first|second)\s+page\b|\bpage\s+sent\b")
});
static DECLARED_ENTRY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bdeclar(?:e|es|ed|ing)\b"));
/// A deploy ("released" alone is too often a lock or a hold).
static DEPLOY_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:deploy(?:s|ed|ment)?|release|rolled\s+out|rollout|roll-out|shipped)\b")
});
static ROLLBACK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:roll(?:ing)?[\s-]?back|rolled\s+back|revert(?:s|ed|ing)?)\b"));

/// The anchor's words, in the order they are tried.
static ANCHOR_IMPACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+)?(?:first\s+(?:[a-z0-9-]+\s+)?(?:errors?|failures?|failed|timeouts?|5\d\d)|(?:[a-z0-9-]+\s+){0,3}?(?:errors?|latency|failures?|timeouts?|error\s+rate)\s+(?:began|started)\b|(?:the\s+)?(?:impact|outage|incident|errors?|failures?)\s+(?:began|started)\b|(?:the\s+)?(?:start|onset|beginning)\s+of\s+(?:the\s+)?(?:impact|outage|errors?|failures?))",
    )
});
static ANCHOR_ALERT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?P<first>first\s+|initial\s+)?(?:[a-z-]+\s+){0,2}?(?:alert|alarm)s?\b(?:\s+(?:fired|triggered|went\s+off))?\s*$",
    )
});
static ANCHOR_PAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:the\s+)?(?P<first>first\s+)?page\s*$"));
static ANCHOR_DEPLOY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?:[a-z0-9.-]+\s+)?(?:deploy(?:ment)?|release|rollout|roll-out)\s*$",
    )
});
static ANCHOR_ROLLBACK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?:rollback|roll-back|revert)(?:\s+(?:started|began|finished|completed))?\s*$",
    )
});

/// The event of the clause before the duration, by its verb: "was updated" with a
/// status page, "declared", "paged", "noticed", "rolled back".
static EVENT_STATUS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bstatus[\s-]*page\b[^.;]*?\b(?:was|were|got|is)\s+(?:first\s+)?(?:updated|posted|changed)\s*$|\b(?:updated|posted\s+to)\s+(?:the|our)\s+status[\s-]*page\s*$",
    )
});
static EVENT_DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:incident|outage|it)\s+(?:was|got)\s+(?:formally\s+|only\s+)?declared(?:\s+as\s+(?:an?\s+)?[a-z0-9-]+)?\s*$|\bdeclared\s+(?:an?|the)\s+incident\s*$",
    )
});
static EVENT_PAGED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:was|were|got)\s+(?:first\s+|only\s+)?paged\s*$"));
static EVENT_ROLLBACK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were)\s+(?:rolled\s+back|reverted)\s*$|\b(?:rolled\s+(?:it\s+)?back|reverted\s+(?:it|the\s+[a-z-]+))\s*$",
    )
});

static EVENT_NOTICED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:noticed|detected|spotted|alerted)(?:\s+(?:it|us|the\s+(?:problem|issue|outage|errors?|failures?)))?\s*(?:only\s+)?$",
    )
});

/// The two events of the claim at `range` of `masked`: the event before the
/// duration, and its anchor after "after", or for "N later" the one event the
/// words before it name (the sentence before, or the head of the same
/// sentence: "The first alert fired at 13:26. Our status page was updated 55
/// minutes later."). `None` when the claim is not relative.
fn events(masked: &str, range: std::ops::Range<usize>) -> Option<(Event, Option<Event>, String)> {
    let after = &masked[range.end..];
    let later = LATER.is_match(after);
    let clause = super::subject::clause_start(masked, range.start);
    let before = masked[clause..range.start].trim_end_matches([' ', '\t', '\n', ',']);
    let (event, at) = [
        (&EVENT_STATUS, Event::StatusPage),
        (&EVENT_DECLARED, Event::Declared),
        (&EVENT_PAGED, Event::Paged),
        (&EVENT_ROLLBACK, Event::Rollback),
        (&EVENT_NOTICED, Event::Noticed),
    ]
    .into_iter()
    .find_map(|(words, event)| words.find(before).map(|m| (event, m.start())))?;
    if later {
        // The head of this sentence up to the event's words; when it names none,
        // the sentence before in the same paragraph.
        let join = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let own = join(&masked[clause..clause + at]);
        let mut named = named_events(&own, event);
        let mut context = own;
        let gap = &masked[..clause];
        let gap = gap.trim_end_matches(|c: char| c.is_whitespace());
        if named.is_empty() && !masked[gap.len()..clause].contains("\n\n") && !gap.is_empty() {
            let head = super::subject::clause_start(masked, floor(masked, gap.len() - 1));
            context = join(&masked[head..clause + at]);
            named = named_events(&context, event);
        }
        return Some(match named.as_slice() {
            [one] => (event, Some(*one), context),
            _ => (event, None, context),
        });
    }
    let caps = AFTER.captures(after)?;
    // One paragraph, whitespace runs collapsed.
    let anchor_text = caps.name("anchor")?.as_str();
    let anchor_text = anchor_text[..anchor_text.find("\n\n").unwrap_or(anchor_text.len())]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The anchor ends at a clause word: "after the alert because ...".
    let anchor_text = anchor_text
        .split(" because ")
        .next()
        .unwrap_or(&anchor_text)
        .split(" when ")
        .next()
        .unwrap_or(&anchor_text)
        .trim();
    Some((event, anchor_event(anchor_text), anchor_text.to_string()))
}

/// The one paragraph of an anchor's words, whitespace runs collapsed, cut at a
/// clause word ("after the alert because ...").
fn anchor_words(raw: &str) -> String {
    let text = raw[..raw.find("\n\n").unwrap_or(raw.len())]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split(" because ").next().unwrap_or(&text);
    let text = text.split(" when ").next().unwrap_or(text);
    text.split(" by ").next().unwrap_or(text).trim().to_string()
}

/// The event an anchor's words name.
fn anchor_event(anchor_text: &str) -> Option<Event> {
    if ANCHOR_IMPACT.is_match(anchor_text) {
        Some(Event::Impact)
    } else if ANCHOR_ALERT.is_match(anchor_text) {
        Some(Event::Alert)
    } else if ANCHOR_PAGE.is_match(anchor_text) {
        Some(Event::Paged)
    } else if ANCHOR_ROLLBACK.is_match(anchor_text) {
        Some(Event::Rollback)
    } else if ANCHOR_DEPLOY.is_match(anchor_text) {
        Some(Event::Deploy)
    } else {
        None
    }
}

/// The clock time a clause states for its own event, right before the
/// duration: "engaged at 09:31, within five minutes of ...", "the alert
/// triggered at 02:10am PDT, 8 minutes after ...".
static AT_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bat\s+(?P<t>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)\s*,\s*$")
});
/// "within N of the first errors".
static OF: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*of\s+(?P<anchor>[^.;:,()|]{3,80})"));

/// A relative claim whose own event has its clock time in the same clause:
/// the time between that clock time and the anchor's entry (or, for the
/// impact's start with no entry for it, the start the report states in a
/// sentence), on the wall clock. `None` when the claim is not of this shape.
fn at_clock(inputs: &Inputs<'_>, masked: &str, range: std::ops::Range<usize>) -> Option<Reading> {
    let clause = super::subject::clause_start(masked, range.start);
    let caps = AT_CLOCK.captures(&masked[clause..range.start])?;
    let written = caps.name("t")?.as_str();
    let after = &masked[range.end..];
    let within = masked[range.clone()]
        .to_ascii_lowercase()
        .starts_with("within");
    let raw = match (
        AFTER.captures(after),
        within.then(|| OF.captures(after)).flatten(),
    ) {
        (Some(c), _) | (None, Some(c)) => c.name("anchor")?.as_str(),
        _ => return None,
    };
    let anchor_text = anchor_words(raw);
    let Some(anchor) = anchor_event(&anchor_text) else {
        return Some(Reading::NotCompared(format!(
            "relative claim: \"{anchor_text}\" names no one event the timeline can be searched for"
        )));
    };
    let event_at = crate::time::parse_time(written).ok()?;
    let entries = sorted_entries(inputs);
    let first = anchor_text.to_ascii_lowercase().contains("first");
    let (anchor_at, anchor_name) = match find(inputs, &entries, anchor, None, first) {
        Ok((pointer, _, name)) => {
            let v = inputs.times.all().find(|v| v.pointer == pointer)?;
            let parsed = v.parsed.as_ref().ok()?;
            // Two written zones that differ: the wall clocks are not comparable.
            let zone = |p: &retrospec_time::ParsedTime, text: &str| {
                p.zone_range
                    .clone()
                    .and_then(|r| text.get(r))
                    .map(str::to_ascii_lowercase)
            };
            if let (Some(a), Some(b)) = (zone(parsed, &v.text), zone(&event_at, written))
                && a != b
            {
                return Some(Reading::NotCompared(format!(
                    "relative claim: `{written}` and the entry where {} are in different zones",
                    anchor.name()
                )));
            }
            (parsed.time, format!("the {name} `{}`", v.text.trim()))
        }
        Err(why) => {
            let stated = (anchor == Event::Impact)
                .then(|| super::window::stated_start(&super::mask(inputs.text)))
                .flatten();
            match stated {
                Some((text, time)) => (time, format!("the stated start `{text}`")),
                None => return Some(Reading::NotCompared(why)),
            }
        }
    };
    let clock = |t: jiff::civil::Time| {
        i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
    };
    let seconds = (clock(event_at.time) - clock(anchor_at)).rem_euclid(86_400);
    if seconds > 12 * 3600 {
        return Some(Reading::NotCompared(format!(
            "relative claim: `{written}` is before the time {} is read at",
            anchor.name()
        )));
    }
    Some(Reading::Measured(Compared {
        source: "events",
        from: anchor_name,
        to: format!("`{written}` written with the claim"),
        from_pointer: String::new(),
        to_pointer: String::new(),
        seconds,
    }))
}

/// The events other than `event` that `context` names by their words.
fn named_events(context: &str, event: Event) -> Vec<Event> {
    let mut named: Vec<Event> = [
        Event::Impact,
        Event::Alert,
        Event::Paged,
        Event::Declared,
        Event::StatusPage,
        Event::Deploy,
        Event::Rollback,
    ]
    .into_iter()
    .filter(|e| *e != event && e.named_in(context))
    .collect();
    // "The first alert fired": the impact words' "first alert" is the alert.
    if named.contains(&Event::Alert) {
        named.retain(|e| *e != Event::Impact);
    }
    named
}

/// The largest char boundary at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A relative claim read: what it was measured with, or why it was not.
pub(super) enum Reading {
    Measured(Compared),
    NotCompared(String),
}

/// The relative claim at `range` of `masked`, when it is one.
pub(super) fn read(
    inputs: &Inputs<'_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    if let Some(reading) = at_clock(inputs, masked, range.clone()) {
        return Some(reading);
    }
    // Cheap gate: every relative claim has "after" or "later" right behind the duration.
    let next = masked[range.end..].trim_start();
    if !next
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("later"))
    {
        return None;
    }
    let (event, anchor, anchor_text) = events(masked, range)?;
    let Some(anchor) = anchor else {
        return Some(Reading::NotCompared(format!(
            "relative claim: \"{anchor_text}\" names no one event the timeline can be searched for"
        )));
    };
    if anchor == event {
        return None;
    }
    let first_anchor = anchor_text.to_ascii_lowercase().contains("first");
    let entries = sorted_entries(inputs);
    if entries.len() < 2 {
        return Some(Reading::NotCompared(
            "relative claim: the timeline has no two entries with times to compare".to_string(),
        ));
    }
    let (a_pointer, a_at, a_name) = match find(inputs, &entries, anchor, None, first_anchor) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    let after = Some((a_at, a_pointer.as_str()));
    let (b_pointer, b_at, b_name) = match find(inputs, &entries, event, after, true) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    Some(Reading::Measured(Compared {
        source: "events",
        from: a_name,
        to: b_name,
        from_pointer: a_pointer,
        to_pointer: b_pointer,
        seconds: b_at - a_at,
    }))
}

/// The entry of `event`: its milestone, or the entries whose words name it (at or
/// after `after`, for the later event). With several, the first is taken only
/// when `first` (the claim says "the first alert", or the event is the first
/// after its anchor); otherwise the claim is ambiguous.
fn find(
    inputs: &Inputs<'_>,
    entries: &[(usize, &crate::times::TimeValue, i64, &str)],
    event: Event,
    after: Option<(i64, &str)>,
    first: bool,
) -> Result<(String, i64, String), String> {
    let milestone = || {
        let m = event.milestone()?;
        let (v, t) = milestone_at(inputs, m)?;
        after
            .is_none_or(|(a, p)| t >= a && v.pointer != p)
            .then(|| (v.pointer.clone(), t, m.as_str().to_string()))
    };
    // The impact's start is `started` when the report marks it; an alert is
    // found by its words first (`detected` may be a customer's report).
    if event == Event::Impact
        && let Some(found) = milestone()
    {
        return Ok(found);
    }
    let matching: Vec<_> = entries
        .iter()
        .filter(|(_, v, t, text)| {
            after.is_none_or(|(a, p)| *t >= a && v.pointer != p) && event.named_in(text)
        })
        .collect();
    match matching.as_slice() {
        [] => milestone()
            .ok_or_else(|| format!("relative claim: no timeline entry says {}", event.name())),
        [one, ..] if first || matching.len() == 1 => Ok((
            one.1.pointer.clone(),
            one.2,
            format!("entry where {} (entry {})", event.name(), one.0 + 1),
        )),
        _ => Err(format!(
            "relative claim: {} timeline entries say {}; which one is meant is not clear",
            matching.len(),
            event.name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{Event, events};
    use crate::claims::duration;

    fn read(text: &str) -> Option<(Event, Option<Event>)> {
        let d = duration::find(text).into_iter().next()?;
        events(text, d.range).map(|(e, a, _)| (e, a))
    }

    #[test]
    fn events_are_read_from_their_words() {
        assert_eq!(
            read("Our status page was updated 25 minutes after the first alert."),
            Some((Event::StatusPage, Some(Event::Alert)))
        );
        assert_eq!(
            read("The incident was declared half an hour after the alert: the responder was busy."),
            Some((Event::Declared, Some(Event::Alert)))
        );
        assert_eq!(
            read("The on-call engineer was paged about ten minutes after latency began to climb."),
            Some((Event::Paged, Some(Event::Impact)))
        );
        assert_eq!(
            read("The change was rolled back 40 minutes after the deploy."),
            Some((Event::Rollback, Some(Event::Deploy)))
        );
        assert_eq!(
            read("The incident was declared 20 minutes after the customer called."),
            Some((Event::Declared, None))
        );
        assert_eq!(
            read("The first alert fired at 13:26. Our status page was updated 55 minutes later."),
            Some((Event::StatusPage, Some(Event::Alert)))
        );
        assert_eq!(
            read("Errors began at 09:05, and the on-call engineer was paged 15 minutes later."),
            Some((Event::Paged, Some(Event::Impact)))
        );
        assert_eq!(
            read("We looked at the dashboards. The incident was declared 20 minutes later."),
            Some((Event::Declared, None))
        );
        // The status page is not a page.
        assert_eq!(
            read("The status page went up at 10:00. The incident was declared 5 minutes later."),
            Some((Event::Declared, Some(Event::StatusPage)))
        );
    }

    #[test]
    fn other_durations_are_not_relative() {
        for text in [
            "The deploy went out 3 hours after the freeze.",
            "We retried 10 minutes after the timeout.",
            "The status page was updated every 15 minutes.",
            "Backups run 2 hours after midnight.",
            "Logins failed at 10:00. We retried 10 minutes later.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
