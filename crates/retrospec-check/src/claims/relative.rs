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

use crate::gated::captures_opening;
use crate::lean::Lean;
use retrospec_model::Milestone;

use super::anchor::{self, Stamp};
use super::{Compared, Inputs};

mod agree;
mod clock;
mod events;
mod loose;
mod notice;
mod own;
mod phase;
mod roles;
mod shapes;
mod shared;
mod sources;
mod trailing;

use crate::span::floor_char as floor;
use clock::{anchor_at, at_clock, clock_clause};
use events::{
    ANCHOR_DECLARED, ANCHOR_REPORTED, EVENT_ALERT, EVENT_DECLARED, EVENT_DEPLOY, EVENT_NOTICED,
    EVENT_PAGED, EVENT_REPORTED, EVENT_ROLLBACK, EVENT_STATUS,
};
use own::own_clause;
use phase::phase_of;
use roles::{
    ALERT_ENTRY, DECLARED_ENTRY, DEPLOY_ENTRY, FIRST_IMPACT, IDENTIFIED_ENTRY, NOTICED_ENTRY,
    PAGED_ENTRY, REPORTED_ENTRY, ROLLBACK, STATUS_PAGE,
};
use shapes::{fronted, own_in_words, within_the_start};
use sources::find;

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
    /// Someone reported the problem to the team: an email, a ticket, a report.
    Reported,
    /// The cause was identified: "identify the bad index", "found the query".
    Identified,
    /// The service was back: "Moodle was back up", "access was restored". Read
    /// only by the loose reader, after the claim's own words ([`loose`]).
    Restored,
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
            Event::Reported => "the problem was reported",
            Event::Identified => "the cause was identified",
            Event::Restored => "the service was back",
        }
    }

    /// Whether the words of a timeline entry name this event.
    fn named_in(self, text: &str) -> bool {
        let words: &Lean = match self {
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
            Event::Reported => &REPORTED_ENTRY,
            Event::Identified => &IDENTIFIED_ENTRY,
            Event::Restored => return roles::restored_entry(text),
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

fn re(pattern: &str) -> Lean {
    Lean::new(pattern).expect("the pattern is valid")
}

/// "N later": the anchor is in the words before.
static LATER: LazyLock<Lean> = LazyLock::new(|| re(r"(?i)^\s*later\b"));
/// What follows the duration: "after the first alert", "after latency began to climb".
static AFTER: LazyLock<Lean> =
    LazyLock::new(|| re(r"(?i)^\s*after\s+(?P<anchor>[^.;:,()|]{3,80})"));

/// The anchor's words, in the order they are tried.
static ANCHOR_IMPACT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+)?(?:first\s+(?:[a-z0-9-]+\s+)?(?:errors?|failures?|failed|timeouts?|5\d\d)|(?:[a-z0-9-]+\s+){0,3}?(?:errors?|latency|failures?|timeouts?|error\s+rate)\s+(?:began|started)\b|(?:the\s+)?(?:impact|outage|incident|errors?|failures?)\s+(?:began|started)\b|(?:the\s+)?(?:[a-z0-9-]+\s+){1,3}?(?:began|started)\s+(?:failing|to\s+fail|erroring|timing\s+out)\b|(?:the\s+)?(?:start|onset|beginning|occurrence)\s+of\s+(?:the\s+)?(?:impact|outage|incident|disruption|errors?|failures?|problem)|(?:the\s+|our\s+)?(?:[a-z0-9.-]+\s+)?(?:server|site|website|service|app|application|platform|system|api|homeserver|forum|portal)\s+(?:went|was\s+taken|came\s+crashing)\s+(?:down|offline|dark)\s*$|(?:the\s+|our\s+)?(?:[a-z0-9-]+\s+){0,2}?[a-z0-9-]+s\s+(?:starting|beginning|started|began)\s+to\s+(?:drop|fall|fail|time\s+out|error|climb|rise|spike)\s*$|(?:the\s+|our\s+)?(?:[a-z0-9.-]+\s+){0,2}?[a-z0-9-]+\s+(?:going|went|started\s+to\s+go|starting\s+to\s+go)\s+wrong\s*$|(?:the\s+)?(?:(?:impact|outage|incident)(?:'s)?\s+)?(?:start|onset|beginning)\s*$)",
    )
});
static ANCHOR_ALERT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?P<first>first\s+|initial\s+)?(?:[a-z-]+\s+){0,2}?(?:alert|alarm)s?\b(?:\s+(?:fired|triggered|went\s+off))?\s*$",
    )
});
/// The detection named as a milestone: "detection", "the first detection", "it
/// was detected", "we noticed the problem".
static ANCHOR_DETECTED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?:first\s+|initial\s+)?detection\s*$|^(?:it|the\s+(?:problem|issue|outage|incident))\s+was\s+(?:first\s+)?(?:detected|noticed|spotted)\s*$|^(?:we|someone)\s+(?:first\s+)?(?:noticed|detected|spotted)(?:\s+(?:it|the\s+(?:problem|issue|outage)))?\s*$",
    )
});
static ANCHOR_PAGE: LazyLock<Lean> =
    LazyLock::new(|| re(r"(?i)^(?:the\s+)?(?P<first>first\s+)?page\s*$"));
static ANCHOR_DEPLOY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?:[a-z0-9.-]+\s+)?(?:deploy(?:ment)?|release|rollout|roll-out)(?:\s+(?:completed|finished|went\s+out|landed))?\s*$",
    )
});
static ANCHOR_ROLLBACK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the\s+|our\s+)?(?:rollback|roll-back|revert)(?:\s+(?:started|began|finished|completed))?\s*$",
    )
});

/// The two events of the claim at `range` of `masked`: the event before the
/// duration, and its anchor after "after", or for "N later" the one event the
/// words before it name (the sentence before, or the head of the same
/// sentence: "The first alert fired at 13:26. Our status page was updated 55
/// minutes later."). `None` when the claim is not relative.
fn events(masked: &str, range: std::ops::Range<usize>) -> Option<(Event, Option<Event>, String)> {
    let clause = super::subject::clause_start(masked, range.start);
    let before = shapes::without_within(
        masked[clause..range.start].trim_end_matches([' ', '\t', '\n', ',']),
    );
    if before.trim().is_empty()
        && let Some(fronted) = fronted(masked, range.clone())
    {
        return Some(fronted);
    }
    let (event, at) = own_event(before)?;
    events_after(masked, range, event, at, clause)
}

/// The event a clause ending at its verb names ("our status page was updated",
/// "the alert fired"), and where its words start.
fn own_event(before: &str) -> Option<(Event, usize)> {
    [
        (&EVENT_STATUS, Event::StatusPage),
        (&EVENT_DECLARED, Event::Declared),
        (&EVENT_PAGED, Event::Paged),
        (&EVENT_ROLLBACK, Event::Rollback),
        (&EVENT_REPORTED, Event::Reported),
        (&EVENT_ALERT, Event::Alert),
        (&EVENT_DEPLOY, Event::Deploy),
        (&EVENT_NOTICED, Event::Noticed),
    ]
    .into_iter()
    .find_map(|(words, event)| words.find(before).map(|m| (event, m.start())))
    .map(|(event, at)| match event {
        Event::Paged | Event::Noticed if events::alerting_subject(before, at) => (Event::Alert, at),
        _ => (event, at),
    })
}

/// The rest of [`events`]: the anchor after "after", "of" or "later" for the
/// event at `at` of the clause starting at `clause`.
fn events_after(
    masked: &str,
    range: std::ops::Range<usize>,
    event: Event,
    at: usize,
    clause: usize,
) -> Option<(Event, Option<Event>, String)> {
    let after = &masked[range.end..];
    let later = LATER.is_match(after);
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
    // "after the first alert", or "within five minutes of the array going read-only".
    let anchor = shapes::anchor_span(masked, range)?;
    // One paragraph, whitespace runs collapsed.
    let anchor_text = &after[anchor];
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
        .unwrap_or(&anchor_text);
    let anchor_text = own::cut_clause(anchor_text).trim();
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
    own::cut_clause(text.split(" by ").next().unwrap_or(text))
        .trim()
        .to_string()
}

/// The event an anchor's words name.
fn anchor_event(anchor_text: &str) -> Option<Event> {
    if ANCHOR_IMPACT.is_match(anchor_text) {
        Some(Event::Impact)
    } else if ANCHOR_ALERT.is_match(anchor_text) {
        Some(Event::Alert)
    } else if ANCHOR_PAGE.is_match(anchor_text) {
        Some(Event::Paged)
    } else if ANCHOR_DETECTED.is_match(anchor_text) {
        Some(Event::Noticed)
    } else if ANCHOR_ROLLBACK.is_match(anchor_text) {
        Some(Event::Rollback)
    } else if ANCHOR_DEPLOY.is_match(anchor_text) {
        Some(Event::Deploy)
    } else if ANCHOR_DECLARED.is_match(anchor_text) {
        Some(Event::Declared)
    } else if ANCHOR_REPORTED.is_match(anchor_text) {
        Some(Event::Reported)
    } else {
        None
    }
}

/// "within N of the first errors".
static OF: LazyLock<Lean> = LazyLock::new(|| re(r"(?i)^\s*of\s+(?P<anchor>[^.;:,()|]{3,80})"));

/// What an anchor's words name: an event the timeline is searched for by its
/// words, or the anchor's own words ("the first bad response").
enum Target {
    Event(Event),
    Words(anchor::Words),
}

impl Target {
    /// The target of `anchor_text`; when it is neither, a reading that says so.
    fn of(anchor_text: &str) -> Option<Target> {
        anchor_event(anchor_text)
            .map(Target::Event)
            .or_else(|| anchor::Words::parse(anchor_text).map(Target::Words))
    }

    fn name(&self) -> String {
        match self {
            Target::Event(e) => e.name().to_string(),
            Target::Words(w) => format!("\"{}\"", w.text),
        }
    }
}

pub(crate) use shared::Shared;

/// What finding an event needs: the report's inputs and what they share
/// ([`Shared`]), and where the claim itself is (its own clause is never its
/// anchor).
struct Ctx<'i, 'a> {
    inputs: &'i Inputs<'a>,
    /// Where the claim's own event is stated (never its anchor); narrowed to
    /// the clause of its clock time when the claim writes one ([`clock::at_clock`]).
    own: (String, std::cell::RefCell<std::ops::Range<usize>>),
}

impl<'i, 'a> Ctx<'i, 'a> {
    fn new(inputs: &'i Inputs<'a>, pointer: &str, own: std::ops::Range<usize>) -> Self {
        Ctx {
            inputs,
            own: (pointer.to_string(), std::cell::RefCell::new(own)),
        }
    }

    /// Where `target` happened (at or after `after`): its entry or milestone,
    /// else a clause of the prose with a time, else a status post, a front
    /// matter time or a labelled field. Several places are returned only when
    /// `several` (the claim is then compared with each); otherwise the claim is
    /// ambiguous.
    fn place(
        &self,
        target: &Target,
        after: Option<&Stamp>,
        first: bool,
        several: bool,
    ) -> Result<Vec<Stamp>, String> {
        let own = Some((self.own.0.as_str(), self.own.1.borrow().clone()));
        let found = match target {
            Target::Event(event) => {
                let on_timeline = after.is_none_or(|a| a.instant.is_some());
                if on_timeline {
                    let after_entry =
                        after.and_then(|a| a.instant.map(|t| (t, a.pointer.as_str())));
                    match find(self.inputs, self.sorted(), *event, after_entry, first) {
                        Ok((pointer, t, name)) => {
                            let mut stamp = self
                                .entries()
                                .iter()
                                .find(|(_, s)| s.pointer == pointer)
                                .map(|(_, s)| s.clone())
                                .or_else(|| self.milestone_stamp(&pointer))
                                .ok_or_else(|| {
                                    format!("relative claim: {} has no time to read", event.name())
                                })?;
                            stamp.instant = Some(t);
                            stamp.label = name;
                            if stamp.source == "written" {
                                stamp.source = "milestone";
                            }
                            return Ok(vec![stamp]);
                        }
                        Err(why) if why.ends_with("is not clear") => {
                            if !several {
                                return Err(why);
                            }
                            let all = anchor::find(
                                self.entries(),
                                &[],
                                &|t| usize::from(event.named_in(t)),
                                after,
                                first,
                                None,
                            );
                            return match all {
                                anchor::Found::One(s) => Ok(vec![s]),
                                anchor::Found::Several(all) if all.len() <= 3 => Ok(all),
                                _ => Err(why),
                            };
                        }
                        Err(_) => {}
                    }
                }
                if *event == Event::Impact
                    && after.is_none()
                    && let Some(stamp) = self.stated_start()
                {
                    return Ok(vec![stamp]);
                }
                // With no timeline entry, [`anchor::entries`] are the lines of a
                // timeline written in plain-text columns.
                let entries: &[(String, Stamp)] = if on_timeline && !self.sorted().is_empty() {
                    &[]
                } else {
                    self.entries()
                };
                anchor::find(
                    entries,
                    self.clauses(),
                    &|t| usize::from(event.named_in(t)),
                    after,
                    first,
                    own,
                )
            }
            Target::Words(words) => anchor::find(
                self.entries(),
                self.clauses(),
                &|t| words.score(t),
                after,
                first || words.first,
                own,
            ),
        };
        let found = match found {
            anchor::Found::None => match target {
                Target::Event(event) => {
                    self.in_others(&|t| usize::from(event.named_in(t)), after, first)
                }
                Target::Words(words) => {
                    self.in_others(&|t| words.score(t), after, first || words.first)
                }
            },
            found => found,
        };
        match found {
            anchor::Found::One(stamp) => Ok(vec![stamp]),
            // Places that agree on the time (a `**Trigger:**` field and the
            // timeline entry it sums up) are one anchor, not an ambiguity.
            anchor::Found::Several(all) if agree::agreeing(&all).is_some() => {
                Ok(agree::agreeing(&all).into_iter().collect())
            }
            // Entries that name the event at different times, and a sentence of
            // the prose (`**Trigger:** ... at 09:14`) that names it at the time of
            // just one of them: that one.
            anchor::Found::Several(all) if self.backed(target, &all, after, first).is_some() => {
                Ok(self
                    .backed(target, &all, after, first)
                    .into_iter()
                    .collect())
            }
            anchor::Found::Several(all) if several && (1..=3).contains(&all.len()) => Ok(all),
            anchor::Found::Several(all)
                if all
                    .iter()
                    .any(|s| matches!(s.source, "status_post" | "front_matter" | "field")) =>
            {
                Err(format!(
                    "relative claim: {} places ({}) say {} at different times (sources disagree)",
                    all.len(),
                    all.iter()
                        .map(|s| s.label.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    target.name()
                ))
            }
            anchor::Found::Several(_) => Err(format!(
                "relative claim: several places say {}; which one is meant is not clear",
                target.name()
            )),
            anchor::Found::None => Err(format!(
                "relative claim: no timeline entry or sentence with a time says {}",
                target.name()
            )),
        }
    }

    /// A milestone's time as a stamp.
    fn milestone_stamp(&self, pointer: &str) -> Option<Stamp> {
        let v = self.inputs.times.all().find(|v| v.pointer == pointer)?;
        let parsed = v.parsed.as_ref().ok()?;
        let mut stamp = Stamp::written(&v.text, parsed);
        stamp.pointer = pointer.to_string();
        stamp.source = "milestone";
        Some(stamp)
    }
}

/// The claim compared with the time from each of `from` to each of `to`.
fn measure(from: &[Stamp], to: &[Stamp]) -> Reading {
    let mut all = anchor::readings(from, to);
    match all.len() {
        0 => Reading::NotCompared(
            "relative claim: the two events are in different zones, or the second is not after the first".to_string(),
        ),
        1 => {
            let (c, p) = all.remove(0);
            Reading::Measured(c, p)
        }
        _ => {
            let (c, p) = all.into_iter().unzip();
            Reading::Several(c, p)
        }
    }
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

/// A relative claim read: what it was measured with, or why it was not.
pub(super) enum Reading {
    Measured(Compared, super::Provenance),
    /// Several readings (the claim's event named by several entries equally): it
    /// agrees when one of them does. Each with where its events were stated.
    Several(Vec<Compared>, Vec<super::Provenance>),
    NotCompared(String),
}

/// "a couple of minutes later (9:17 PM)", "ten minutes later, at 10:05": the
/// later time is written with the claim, the earlier is the last time written
/// before it in the same sentence or the one before.
static LATER_AT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*later\s*(?:\(\s*(?:at\s+)?(?P<t>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)\s*\)|,?\s+at\s+(?P<u>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)\b)",
    )
});
/// A clock time in prose.
static CLOCK_TIME: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\b[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\b\.?)?(?-i:\s+[A-Z]{2,5}\b)?")
});
/// ", from the first growth of the lag to the rollback", "from the declaration to
/// start the rollback": both ends named in words (to start a step is its start).
static FROM_TO: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*,?\s*from\s+(?P<x>(?:the|our|its|their)\s[^.;:,()|]{2,80}?)\s+(?:to|until|till)\s+(?:(?:start|begin)\s+)?(?P<y>(?:the|our|its|their)\s[^.;:,()|]{2,60})",
    )
});
/// "to identify the bad index once the first ticket arrived".
static TO_ONCE: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*to\s+(?P<verb>identify|find|spot|notice|pinpoint|diagnose|locate|roll\s+(?:it\s+)?back|revert|declare|page)\b[^.;:()|]{0,60}?\s+(?:once|after)\s+(?P<x>[^.;:,()|]{3,80})",
    )
});

/// A claim whose two ends the sentence names itself, read before what its
/// subject measures: "later (9:17 PM)" after a time, "from the first growth of
/// the lag to the rollback", "took us 25 minutes to identify the bad index once
/// the first ticket arrived". `None` when the claim is not of these shapes or
/// an end is not found. A shape's pattern is built only for a text that opens with its word.
pub(super) fn explicit(
    inputs: &Inputs<'_>,
    pointer: &str,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let after = &masked[range.end..];
    if let Some(caps) = captures_opening(after, "later", &LATER_AT) {
        let written = caps.name("t").or(caps.name("u"))?.as_str();
        let parsed = crate::time::parse_time(written.trim()).ok()?;
        // The times of its own sentence before it; with none, those of the
        // sentence before in its paragraph. More than one: which is meant is
        // not clear.
        let clause = super::subject::clause_start(masked, range.start);
        let gap = masked[..clause].trim_end();
        let mut times: Vec<_> = CLOCK_TIME.find_iter(&masked[clause..range.start]).collect();
        if times.is_empty() && !gap.is_empty() && !masked[gap.len()..clause].contains("\n\n") {
            let from = super::subject::clause_start(masked, floor(masked, gap.len() - 1));
            times = CLOCK_TIME.find_iter(&masked[from..clause]).collect();
        }
        if times.len() > 1 {
            return Some(Reading::NotCompared(format!(
                "relative claim: {} times are written before `{}`; which one it is later than is not clear",
                times.len(),
                written.trim()
            )));
        }
        let a = match times.first() {
            Some(before) => {
                let earlier = crate::time::parse_time(before.as_str().trim()).ok()?;
                let mut a = Stamp::written(before.as_str(), &earlier);
                a.label = format!("`{}` written before the claim", before.as_str().trim());
                a
            }
            // In a timeline entry's text, the entry's own time.
            None => {
                let i: usize = pointer
                    .strip_prefix("/timeline/")?
                    .strip_suffix("/text")?
                    .parse()
                    .ok()?;
                let v = inputs.times.timeline.get(i)?.as_ref()?;
                let parsed = v.parsed.as_ref().ok()?;
                let mut a = Stamp::written(&v.text, parsed);
                a.label = format!("entry {}", i + 1);
                a.source = "timeline_entry";
                a.pointer.clone_from(&v.pointer);
                a
            }
        };
        let b = Stamp::written(written, &parsed);
        return Some(measure(&[a], &[b]));
    }
    let clause = super::subject::clause_start(masked, range.start);
    let ctx = Ctx::new(inputs, pointer, clause..range.end);
    let (from, to, first) = if let Some(caps) = captures_opening(after, "from", &FROM_TO)
        .or_else(|| shapes::from_to_before(masked, range.start))
    {
        let x = anchor_words(caps.name("x")?.as_str());
        let y = anchor_words(caps.name("y")?.as_str());
        let y = y.split(" and ").next().unwrap_or(&y).to_string();
        let first = x.to_ascii_lowercase().contains("first");
        let (x, y) = (Target::of(&x)?, Target::of(&y)?);
        // One end at least must be an event by its words: "from the on-call
        // engineer to the database team" is a hand-over, not two times.
        if matches!((&x, &y), (Target::Words(_), Target::Words(_))) {
            return None;
        }
        (x, y, first)
    } else if let Some(caps) = captures_opening(after, "to", &TO_ONCE) {
        let verb = caps.name("verb")?.as_str().to_ascii_lowercase();
        let event = match verb.as_str() {
            "revert" => Event::Rollback,
            "declare" => Event::Declared,
            "page" => Event::Paged,
            v if v.starts_with("roll") => Event::Rollback,
            _ => Event::Identified,
        };
        let x = anchor_words(caps.name("x")?.as_str());
        let first = x.to_ascii_lowercase().contains("first");
        (Target::of(&x)?, Target::Event(event), first)
    } else {
        return None;
    };
    let anchors = ctx.locate(&from, None, first, false).ok()?;
    // Every entry of the end's event ("to start the rollback": the decision,
    // its start, its completion): the claim contradicts only when none agrees.
    let ends = ctx.locate(&to, anchors.first(), false, true).ok()?;
    Some(measure(&anchors, &ends))
}

/// The relative claim at `range` of `masked` (in the prose at `pointer`), when it is one.
pub(super) fn read(
    inputs: &Inputs<'_>,
    pointer: &str,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let clause = super::subject::clause_start(masked, range.start);
    // A claim that opens its sentence ("Within ten minutes of the first failure,
    // the alert fired") has its own event after it: the whole sentence is its own.
    let own_end = if masked[clause..range.start].trim().is_empty() {
        let rest = &masked[range.end..];
        [". ", ".\n", "; ", "! ", "? ", "\n\n"]
            .iter()
            .filter_map(|b| rest.find(b))
            .min()
            .map_or(masked.len(), |i| range.end + i)
    } else {
        range.end
    };
    // A clock's own dot ("fired at 2:20 p.m. and the first update went out ...")
    // ends no sentence: its "and the" opens the claim's own clause.
    let own_start = own_clause(masked, clock_clause(masked, range.start), range.start).max(clause);
    let ctx = Ctx::new(inputs, pointer, own_start..own_end);
    match read_in(&ctx, pointer, masked, range.clone(), clause) {
        // Places that disagree, or several that name an event, stay a question:
        // looser words would only pick one of them.
        Some(Reading::NotCompared(why)) if loose::ambiguous(&why) => {
            Some(Reading::NotCompared(why))
        }
        Some(Reading::NotCompared(why)) => {
            Some(loose::read(&ctx, masked, range).unwrap_or(Reading::NotCompared(why)))
        }
        None => loose::read(&ctx, masked, range),
        measured => measured,
    }
}

/// [`read`] by the stricter readers: the events their synonyms name.
fn read_in(
    ctx: &Ctx<'_, '_>,
    pointer: &str,
    masked: &str,
    range: std::ops::Range<usize>,
    clause: usize,
) -> Option<Reading> {
    if let Some(reading) = own::in_entry(ctx, pointer, masked, range.clone())
        .or_else(|| at_clock(ctx, masked, range.clone()))
        .or_else(|| notice::took_to_notice(ctx, masked, range.clone()))
    {
        return Some(reading);
    }
    // Cheap gate: every relative claim has "after" or "later" right behind the
    // duration, or is "within N of" its anchor.
    let next = masked[range.end..].trim_start();
    let within = shapes::within(masked, range.clone());
    // "of" and its anchor, on the same line or the next.
    let within_of = within
        && next.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && next[2..].starts_with(char::is_whitespace);
    if within && !within_of {
        return within_the_start(ctx, masked, range);
    }
    if let Some(reading) = shapes::minutes_in(ctx, masked, range.clone()) {
        return Some(reading);
    }
    if !within_of
        && !next
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("later"))
    {
        return None;
    }
    let written_anchor = anchor_at(&masked[range.end..]);
    let Some((event, anchor, anchor_text)) = events(masked, range.clone()) else {
        return own_in_words(ctx, masked, range);
    };
    if let Some(anchor) = written_anchor {
        let events = match ctx.locate(&Target::Event(event), Some(&anchor), true, false) {
            Ok(found) => found,
            Err(why) => return Some(Reading::NotCompared(why)),
        };
        return Some(measure(&[anchor], &events));
    }
    let later = next
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("later"));
    let target = match anchor {
        Some(anchor) if anchor == event => return None,
        Some(anchor) => Target::Event(anchor),
        None if later && let Some(at) = own_event(&masked[clause..range.start]) => {
            return own::head_clock(ctx, masked, clause, at.1, event);
        }
        None => match anchor::Words::parse(&anchor_text) {
            Some(words) => Target::Words(words),
            None => {
                return Some(Reading::NotCompared(format!(
                    "relative claim: \"{anchor_text}\" names no one event the timeline can be searched for"
                )));
            }
        },
    };
    let first_anchor = anchor_text.to_ascii_lowercase().contains("first");
    let anchors = match ctx.locate(&target, None, first_anchor, false) {
        Ok(found) => found,
        Err(why) => match phase_of(&target, &anchor_text, ctx)
            .or_else(|| phase::before_its_event(&target, event, first_anchor, ctx))
        {
            Some(stamp) => vec![stamp],
            None => return Some(Reading::NotCompared(why)),
        },
    };
    let events = match ctx.locate(&Target::Event(event), anchors.first(), true, false) {
        Ok(found) => found,
        // "We notified the regulator N after ...": the entry naming the regulator.
        Err(why) => match own::party(&masked[clause..range.start]) {
            Some(party) if event == Event::Paged => {
                match ctx.locate(&party, anchors.first(), true, false) {
                    Ok(found) => found,
                    Err(_) => return Some(Reading::NotCompared(why)),
                }
            }
            _ => return Some(Reading::NotCompared(why)),
        },
    };
    Some(measure(&anchors, &events))
}

#[cfg(test)]
mod tests {
    use super::{Event, events};
    use crate::claims::duration;

    #[test]
    fn an_anchor_the_writer_judges_is_found_by_its_words() {
        // "the bad alias swap" is the entry "Job swaps alias": the judgement is
        // the writer's, not a word of the entry.
        let text = "# Search empty\n\nAll times UTC.\n\n## Timeline\n\n### 2025-02-04 07:55 Job swaps alias\n\n\
                    ### 2025-02-04 08:31 First customer ticket\n\nThe first customer report arrived about 15 minutes after the bad alias swap.\n\n\
                    ### 2025-02-04 09:10 Zero-hit rate back to normal\n";
        assert_eq!(
            crate::rules::spans_of("RS208", text, crate::Format::Markdown),
            ["about 15 minutes"]
        );
    }

    /// An anchor two entries name, settled by the claim's own event: only the
    /// one before the page can be what the page came after.
    #[test]
    fn an_anchor_named_twice_is_the_one_before_its_event() {
        let report = |confirm: &str| {
            format!(
                "# Top-ups failing\n\nAll times AEST, 2025-05-27.\n\n## Timeline\n\n\
                 - 13:55 Corvid Pay moves top-ups to a new endpoint (per their change notice)\n\
                 - 14:10 First top-ups fail\n- 14:31 Alert pages Mira\n- {confirm} Corvid Pay support confirms the endpoint change\n\
                 - 16:05 Top-ups back; impact ends\n\n## Notes\n\n\
                 The page came in about five minutes after Corvid's change went live.\n"
            )
        };
        let later = report("15:20");
        assert_eq!(
            crate::rules::spans_of("RS208", &later, crate::Format::Markdown),
            ["about five minutes"]
        );
        // Both before the page: which one is meant is not clear.
        let earlier = report("14:20");
        assert!(crate::rules::spans_of("RS208", &earlier, crate::Format::Markdown).is_empty());
    }

    /// In a report with no date, an entry a few minutes before the one above it
    /// is out of order, not a day later: the length between two others is still
    /// read on one day.
    #[test]
    fn an_entry_a_little_back_in_a_dateless_timeline_is_no_day_later() {
        let text = "Wifi down\n\nAll times Central.\n\n## Timeline\n\n\
                    - 10:30 PM - failover changed\n- 6:45 AM - first carts fail\n\
                    - 7:52 AM - principal texts me\n- 7:40 AM - helpdesk queue fills\n\
                    - 8:30 AM - I am on site\n\n## Notes\n\n\
                    I was on site about 20 minutes after the principal texted me.\n";
        let checked = crate::check(text, crate::Format::Markdown);
        let found: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS208")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("gives 38m (38 min)"), "{}", found[0]);
    }

    /// "The bad swap" of several swaps is the first: the one that did the harm
    /// came before the one that mended it.
    #[test]
    fn the_bad_one_of_several_is_the_first() {
        let report = |which: &str| {
            format!(
                "# Empty search results\n\nAll times UTC, 2025-02-04.\n\n## Timeline\n\n\
                 - 07:55 Job swaps alias to the new index\n- 08:31 First customer ticket about empty results\n\
                 - 11:30 Rebuild finishes; alias swapped to the complete index\n\n## Notes\n\n\
                 The first customer ticket arrived about 15 minutes after the {which} alias swap.\n"
            )
        };
        assert_eq!(
            crate::rules::spans_of("RS208", &report("bad"), crate::Format::Markdown),
            ["about 15 minutes"]
        );
        assert!(
            crate::rules::spans_of("RS208", &report("nightly"), crate::Format::Markdown).is_empty()
        );
    }

    #[test]
    fn the_opening_words_turn_away_no_explicit_reading() {
        // What follows each duration of the corpus, and each shape of the three
        // anchored patterns (white space, a comma, any case): a match of one of
        // them always opens with its word.
        let mut afters: Vec<String> = [
            " later (at 10:05)",
            "\u{2003}LATER, at 9:05 PM UTC",
            " Later at 21:40",
            ", from the first alert to the rollback",
            " From our page until their fix",
            " to identify the bug once the first ticket arrived",
            "\n\tTO roll it back after the alert fired",
            " after the deploy",
            "later",
        ]
        .map(String::from)
        .to_vec();
        for (_, text) in crate::gated::corpus() {
            for d in duration::find(&text) {
                afters.push(text[d.range.end..].chars().take(300).collect());
            }
        }
        let mut matched = 0;
        for after in &afters {
            for (pattern, word) in [
                (&super::LATER_AT, "later"),
                (&super::FROM_TO, "from"),
                (&super::TO_ONCE, "to"),
            ] {
                if pattern.is_match(after) {
                    matched += 1;
                    assert!(crate::gated::opens_with(after, word), "{word}: {after}");
                }
            }
        }
        assert!(matched >= 7, "{matched} readings");
        assert!(!crate::gated::opens_with(" after the deploy", "to"));
        assert!(!crate::gated::opens_with(" tomorrow", "from"));
    }

    fn read(text: &str) -> Option<(Event, Option<Event>)> {
        let d = duration::find(text).into_iter().next()?;
        events(text, d.range).map(|(e, a, _)| (e, a))
    }

    /// A page someone sent, "within N of" an anchor: the page's entry and the
    /// anchor's; no event before the duration, or "within N" with no "of", is
    /// no relative claim.
    #[test]
    fn a_page_sent_within_n_of_an_anchor_is_between_events() {
        for (text, anchor) in [
            (
                "We started paging maintainers within three minutes of the first bad build.",
                None,
            ),
            (
                "We paged the on-call engineer within 5 minutes of the first errors.",
                Some(Event::Impact),
            ),
            (
                "Support paged the database team within ten minutes of the alert.",
                Some(Event::Alert),
            ),
            (
                "The on-call was paged 12 minutes after the deploy.",
                Some(Event::Deploy),
            ),
            (
                "We began paging infra 20 minutes after the first alert.",
                Some(Event::Alert),
            ),
        ] {
            assert_eq!(read(text), Some((Event::Paged, anchor)), "{text}");
        }
        for text in [
            "We restored service within 30 minutes of the first report.",
            "We paged the on-call within 5 minutes.",
            "The two pages arrived within 5 minutes of each other.",
            "We paged the paging vendor within 5 minutes of its outage notice.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
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
            read("Our on-call engineer was paged within 5 minutes of the widget going wrong."),
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
        assert_eq!(
            read("The problem was reported to us 21 hours after the first bad response."),
            Some((Event::Reported, None))
        );
        assert_eq!(
            read("The alert fired seven minutes after the deploy."),
            Some((Event::Alert, Some(Event::Deploy)))
        );
        assert_eq!(
            read("The fix was deployed 2 hours after the first alert."),
            Some((Event::Deploy, Some(Event::Alert)))
        );
        // The status page is not a page.
        assert_eq!(
            read("The status page went up at 10:00. The incident was declared 5 minutes later."),
            Some((Event::Declared, Some(Event::StatusPage)))
        );
        // A page that came in: the page going out, "in" no length's preposition.
        assert_eq!(
            read("The page came in about five minutes after the deploy."),
            Some((Event::Paged, Some(Event::Deploy)))
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

#[cfg(test)]
mod anchored_in_prose {
    use crate::claims::Verdict;

    use crate::claims::verdict_of as verdict;

    fn story(before: &str, claim: &str) -> String {
        format!(
            "# Uploads failed overnight\n\nAll times are Pacific (PST).\n\n## What happened\n\nOur nightly upload job started at 1:00 AM. {before}\n\n{claim}\n"
        )
    }

    #[test]
    fn a_fix_deployed_after_an_alert_named_in_code() {
        let report = |claim: &str| {
            format!(
                "# Exports stuck\n\n## Timeline\n\nAll times UTC, 27 June 2025.\n\n\
                 - 09:04 First host-key mismatch errors.\n\
                 - 09:12 `ach-export failures > 20 in 5 min` fires; pages payments on-call.\n\
                 - 10:31 New fingerprint deployed to export workers.\n\n\
                 ## What happened\n\nExports failed, and we had a fix deployed {claim} after the first alert.\n"
            )
        };
        assert_eq!(
            verdict(&report("less than an hour"), "less than an hour"),
            (Verdict::Contradicts, Some(79))
        );
        assert_eq!(
            verdict(&report("about 80 minutes"), "about 80 minutes"),
            (Verdict::Agrees, Some(79))
        );
    }

    #[test]
    fn a_time_set_off_by_commas_belongs_to_the_words_before_it() {
        let claim = "The on-call engineer was paged at 1:40 AM, about ten minutes after the first failed uploads.";
        for before in [
            "The first failures, at 1:15 AM, came from the storage API.",
            "The first upload failures, at 1:15 AM, were all timeouts.",
            "The first errors, at 1:15 AM, came from the storage API.",
            "The first uploads failed at 1:15 AM.",
            "Later, the first failures, at 1:15 AM, reached the dashboard.",
        ] {
            assert_eq!(
                verdict(&story(before, claim), "about ten minutes"),
                (Verdict::Contradicts, Some(25)),
                "{before}"
            );
        }
        assert_eq!(
            verdict(
                &story(
                    "The first failures, at 1:30 AM, came from the storage API.",
                    claim
                ),
                "about ten minutes"
            ),
            (Verdict::Agrees, Some(10))
        );
        // The first failures after the page: no time between them to compare.
        assert_eq!(
            verdict(
                &story(
                    "The first failures, at 1:50 AM, came from the storage API.",
                    claim
                ),
                "about ten minutes"
            )
            .0,
            Verdict::NotCompared
        );
        // A time after a full stop opens its own sentence: "The job ran. At 1:15
        // AM, retries began." names no failure before the time.
        assert_eq!(
            verdict(
                &story(
                    "The job ran normally, at 1:15 AM, the retries began.",
                    claim
                ),
                "about ten minutes"
            )
            .0,
            Verdict::NotCompared
        );
    }

    fn wrapped(body: &str) -> String {
        format!("# Mail relay outage\n\nAll times are UTC.\n\n## What happened\n\n{body}\n")
    }

    #[test]
    fn a_time_after_the_anchor_is_the_claims_own_when_the_anchor_has_another() {
        // The claim's clause broken over lines in every container, the anchor's
        // time stated in a sentence or paragraph before.
        for (body, claim, minutes) in [
            (
                "The first alert fired at 10:05.\n\nEngineers joined within ten minutes of\nthe first alert, at 10:40.",
                "within ten minutes",
                35,
            ),
            (
                "- The service desk received the first report at 06:50.\n- Network service was restored within an hour of the first\n  report, at 08:55.",
                "within an hour",
                125,
            ),
            (
                "Support received the first ticket at 2:10 p.m. and the on-call\nengineer started at 2:20 p.m.\nA fix was live within 30 minutes of the first\nticket, at 3:25 p.m. Nobody lost mail.",
                "within 30 minutes",
                75,
            ),
            (
                "The monitoring system raised an alarm at 8:52 p.m. and the on-call\nadministrator started at 9:10 p.m.\n\n| Step | Note |\n|---|---|\n| Vendor | Technicians were on site within two hours of the first alarm, at 11:50 p.m. |",
                "within two hours",
                178,
            ),
        ] {
            assert_eq!(
                verdict(&wrapped(body), claim),
                (Verdict::Contradicts, Some(minutes)),
                "{body}"
            );
        }
        assert_eq!(
            verdict(
                &wrapped(
                    "The first alert fired at 10:05.\n\nEngineers joined within an hour of\nthe first alert, at 10:40."
                ),
                "within an hour"
            ),
            (Verdict::Agrees, Some(35))
        );
        for body in [
            // No time for the anchor anywhere.
            "Network service was restored within an hour of the first\nreport, at 08:55.",
            // The time is the anchor's own: the claim's event has none.
            "The first report came in at 06:50.\n\nEngineers were paged within an hour of the first report, at 06:50, by the desk.",
            // Words after the time: which day it is on is not said.
            "The first report came in at 06:50.\n\nService was restored within an hour of the first\nreport, at 08:55 on the next day.",
            // Two reports at two times: which one is meant is not clear.
            "A report came in at 06:50. Another report came in at 07:30.\n\nService was restored within an hour of the report, at 08:55.",
        ] {
            assert_eq!(
                verdict(&wrapped(body), "within an hour").0,
                Verdict::NotCompared,
                "{body}"
            );
        }
    }

    fn storage(claim: &str, extra: &str) -> String {
        format!(
            "# Home filesystem outage\n\n## Summary\n\n{claim}\n\n## Timeline (all times UTC)\n\n- 13:30: Disk replacement starts.\n- 13:38: Healthy disk removed; metadata array degrades to read-only.\n- 13:41: Primary database unreachable from the app hosts.\n{extra}- 13:52: Monitoring alert pages the on-call admin.\n- 17:05: Home mounted read-write; logins work again.\n"
        )
    }

    #[test]
    fn within_n_of_an_anchor_named_in_words() {
        for (claim, text, minutes) in [
            (
                "Monitoring paged the on-call admin within five minutes of the array going read-only.",
                "within five minutes",
                14,
            ),
            (
                "- The on-call engineer was paged within 5 minutes of the primary database\n  becoming unreachable.",
                "within 5 minutes",
                11,
            ),
            (
                "The on-call admin was paged 5 minutes after the array went\nread-only.",
                "5 minutes",
                14,
            ),
            (
                "| Detection | Monitoring paged the on-call admin within five minutes of the array going read-only |\n|---|---|",
                "within five minutes",
                14,
            ),
        ] {
            assert_eq!(
                verdict(&storage(claim, ""), text),
                (Verdict::Contradicts, Some(minutes)),
                "{claim}"
            );
        }
        assert_eq!(
            verdict(
                &storage(
                    "Monitoring paged the on-call admin within 15 minutes of the array going read-only.",
                    ""
                ),
                "within 15 minutes"
            ),
            (Verdict::Agrees, Some(14))
        );
        for (claim, extra) in [
            // No entry names the anchor.
            (
                "Monitoring paged the on-call admin within five minutes of the cooling failing.",
                "",
            ),
            // No event of the claim's own is named.
            (
                "Jobs kept running within five minutes of the array going read-only.",
                "",
            ),
            // Two entries name the anchor: which one is meant is not clear.
            (
                "Monitoring paged the on-call admin within five minutes of the array going read-only.",
                "- 13:45: Second array degrades to read-only as well.\n",
            ),
        ] {
            assert_eq!(
                verdict(&storage(claim, extra), "within five minutes").0,
                Verdict::NotCompared,
                "{claim}"
            );
        }
    }

    fn register(note: &str) -> String {
        format!(
            "# Quarterly incident register\n\nAll times are UTC.\n\n## Notes on individual incidents\n\n{note}\n"
        )
    }

    #[test]
    fn the_failure_the_sentence_before_states_is_the_impacts_start() {
        for note in [
            "**INC-7.** The database host lost its disk at 13:30. The failover started at 13:52, ten minutes after impact began.",
            "The primary went down at 13:30 UTC. Failover completed at 13:52 UTC, ten minutes after the outage started.",
            "- The cache cluster crashed and dropped connections at 13:30. The failover started at 13:52, ten minutes after impact began.",
            "| Ref | Note |\n|---|---|\n| INC-7 | The host lost its disk at 13:30. The failover started at 13:52, ten minutes after impact began. |",
            "Checkout requests were rejected from 13:30 onwards. The failover started at 13:52, ten minutes after the impact began.",
        ] {
            assert_eq!(
                verdict(&register(note), "ten minutes"),
                (Verdict::Contradicts, Some(22)),
                "{note}"
            );
        }
        assert_eq!(
            verdict(
                &register(
                    "The database host lost its disk at 13:42. The failover started at 13:52, ten minutes after impact began."
                ),
                "ten minutes"
            ),
            (Verdict::Agrees, Some(10))
        );
        for note in [
            // Another paragraph.
            "The database host lost its disk at 13:30.\n\nThe failover started at 13:52, ten minutes after impact began.",
            // An action of the team, not a failure.
            "We restarted the database host at 13:30. The failover started at 13:52, ten minutes after impact began.",
            // Two times: which one is the start is not clear.
            "The host lost its disk at 13:30 and again at 13:35. The failover started at 13:52, ten minutes after impact began.",
            // No failure named.
            "The nightly backup started at 13:30. The failover started at 13:52, ten minutes after impact began.",
            // An anchor that is not the impact.
            "The database host lost its disk at 13:30. The failover started at 13:52, ten minutes after the deploy.",
        ] {
            assert_eq!(
                verdict(&register(note), "ten minutes").0,
                Verdict::NotCompared,
                "{note}"
            );
        }
    }

    /// Two entries name the event at different times, and a field or sentence of
    /// the prose names it at the time of one of them: that one is the anchor.
    /// Without such a sentence, or with one that backs neither or both, the claim
    /// stays uncompared.
    #[test]
    fn a_sentence_that_agrees_with_one_entry_picks_it() {
        let report = |field: &str, claim: &str| {
            format!(
                "# Images missing after a purge\n\n## Summary\n\nProduct images failed to load.\n\n\
                 {field}\n\n**Detection:** {claim}\n\n## Timeline (UTC)\n\n\
                 - 2025-06-05 09:14 the purge script runs; the CDN starts purging objects\n\
                 - 2025-06-05 09:31 CDN error-rate alert fires\n\
                 - 2025-06-05 09:38 Ana ties the purge to the alert\n"
            )
        };
        let claim = "The alert fired at 09:31, three minutes after the purge started.";
        for field in [
            "**Trigger:** The purge script ran with an empty prefix at 09:14.",
            "The purge began at 09:14 UTC.",
            "**Trigger**: a purge of every object at 09:14",
        ] {
            let (verdict, minutes) =
                crate::claims::verdict_of(&report(field, claim), "three minutes");
            assert_eq!(verdict, crate::claims::Verdict::Contradicts, "{field}");
            assert_eq!(minutes, Some(17), "{field}");
        }
        for field in [
            // No sentence names it, it names another time, or it backs both entries.
            "**Trigger:** A script with an empty prefix.",
            "**Trigger:** The purge script ran with an empty prefix at 09:20.",
            "The purge ran at 09:14 and was tied to the alert at 09:38.",
        ] {
            let (verdict, _) = crate::claims::verdict_of(&report(field, claim), "three minutes");
            assert_eq!(verdict, crate::claims::Verdict::NotCompared, "{field}");
        }
    }

    /// A notice sent to someone ("the vendor notified IST", "support was alerted
    /// by the vendor") is a page, and monitoring that began alerting is the alert.
    #[test]
    fn a_notice_sent_within_n_of_the_first_alert() {
        let report = |claim: &str, page: &str| {
            format!(
                "# Course site down\n\n## Impact\n\nStudents could not log in. {claim}\n\n## Timeline (MST)\n\n\
                 - 2025-03-06 07:25 Vendor monitoring began alerting on the course site\n\
                 - 2025-03-06 {page}\n\
                 - 2025-03-06 08:30 Site back\n"
            )
        };
        for (claim, page, want) in [
            (
                "The vendor notified IST within 10 minutes of its first alert.",
                "07:50 The help desk was alerted by the vendor",
                25,
            ),
            (
                "The host informed our team within 5 minutes of the first alert.",
                "07:45 The host notifies our team by phone",
                20,
            ),
            (
                "They alerted Ops within two minutes of the first alert.",
                "07:55 Ops was notified by the host",
                30,
            ),
        ] {
            let text = report(claim, page);
            let stated = crate::claims::duration::find(claim)
                .into_iter()
                .next()
                .map(|d| claim[d.range].to_string())
                .expect("a duration");
            let (verdict, minutes) = crate::claims::verdict_of(&text, &stated);
            assert_eq!(verdict, crate::claims::Verdict::Contradicts, "{claim}");
            assert_eq!(minutes, Some(want), "{claim}");
        }
        for (claim, page) in [
            // In time, no notice in the timeline, or no "of" anchor.
            (
                "The vendor notified IST within 30 minutes of its first alert.",
                "07:50 The help desk was alerted by the vendor",
            ),
            (
                "The vendor notified IST within 10 minutes of its first alert.",
                "07:50 The database was restarted",
            ),
            (
                "The vendor notified IST within 10 minutes.",
                "07:50 The help desk was alerted by the vendor",
            ),
        ] {
            let text = report(claim, page);
            let stated = crate::claims::duration::find(claim)
                .into_iter()
                .next()
                .map(|d| claim[d.range].to_string())
                .expect("a duration");
            let (verdict, _) = crate::claims::verdict_of(&text, &stated);
            assert_ne!(verdict, crate::claims::Verdict::Contradicts, "{claim}");
        }
    }

    /// "from the config push until the rollback" against a timeline whose
    /// rollback puts the previous version back in either word order; a backup
    /// restored is no rollback.
    #[test]
    fn the_previous_version_put_back_is_the_rollback() {
        let report = |back: &str| {
            format!(
                "# Redirector errors\n\n## Timeline\n\n- 2025-06-14 02:10 UTC The nightly config push deployed a new GeoIP database\n- 2025-06-14 02:25 UTC First users report errors\n- 2025-06-14 05:45 UTC {back}\n\n## Summary\n\nAbout two and a half hours, from the config push until the rollback.\n"
            )
        };
        for back in [
            "The previous GeoIP database was restored on both hosts",
            "We restored the previous database on both hosts",
            "Reinstated the last known good config",
        ] {
            assert_eq!(
                crate::claims::verdict_of(&report(back), "About two and a half hours").0,
                crate::claims::Verdict::Contradicts,
                "{back}"
            );
        }
        assert_ne!(
            crate::claims::verdict_of(
                &report("We restored the database from last night's backup"),
                "About two and a half hours"
            )
            .0,
            crate::claims::Verdict::Contradicts
        );
    }

    /// An own event known by its verb ("every customer was running again")
    /// whose anchor only its words name ("after power came back"): the clock of
    /// the sentence's head, when its clause names the event too. A clock of
    /// another event in the head ("We restarted the pods at 10:05") is not its
    /// time.
    #[test]
    fn the_heads_clock_when_its_clause_names_the_own_event() {
        use crate::claims::{Verdict, verdict_of};
        let report = |sentence: &str| {
            format!(
                "# Power loss\n\n[resolved] Mains power tripped at 07:52. Once the switch was found, mains power came back at 08:22 and the servers booted. {sentence}\n"
            )
        };
        for (back, want) in [("09:41", Verdict::Contradicts), ("09:10", Verdict::Agrees)] {
            let claim = format!(
                "They were back by {back}, and with them every customer was running again, a little under an hour after power came back."
            );
            assert_eq!(
                verdict_of(&report(&claim), "a little under an hour").0,
                want,
                "{claim}"
            );
        }
        let claim = "We restarted the pods at 09:41, and every customer was running again a little under an hour after power came back.";
        assert_ne!(
            verdict_of(&report(claim), "a little under an hour").0,
            Verdict::Contradicts,
            "{claim}"
        );
    }

    /// "about an hour after losing the primary": a host lost is the entry where
    /// it went down.
    #[test]
    fn losing_a_host_is_the_entry_where_it_went_down() {
        use crate::claims::{Verdict, verdict_of};
        let report = |claim: &str| {
            format!(
                "# Database restore\n\n## Timeline\n\n- 2025-10-14 15:46 UTC `pg-b` (primary) goes down hard\n- 2025-10-14 16:50 UTC Attempts to repair the filesystem\n- 2025-10-14 18:30 UTC Repair abandoned; restore from object storage started\n\n## Lessons\n\n{claim}\n"
            )
        };
        for (claim, length, want) in [
            (
                "We started the restore from object storage about an hour after losing the primary.",
                "about an hour",
                Verdict::Contradicts,
            ),
            (
                "We started the restore from object storage under three hours after losing the primary.",
                "under three hours",
                Verdict::Agrees,
            ),
        ] {
            assert_eq!(verdict_of(&report(claim), length).0, want, "{claim}");
        }
    }
}
