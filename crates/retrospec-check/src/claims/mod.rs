//! Time claims: the durations a report states in its prose, read like a reviewer
//! reads them, and compared with the report's own times.
//!
//! One pass over every prose string of the report (summary, impact, cause,
//! resolution, lessons, timeline entry texts, action items, free sections with
//! their tables, `x-` fields) finds each duration ([`duration`]: numbers in
//! digits or words, every common unit spelling, compounds, qualifiers, ranges),
//! decides what it measures from the words around it ([`subject`]), and compares
//! it with the milestones, or with the timeline's plausible readings when the
//! milestones are missing; a length stated beside its window is compared with the
//! window (`window`), and the time between two events ("updated 25 minutes after
//! the first alert") with the two events they name (`relative`: timeline
//! entries, sentences with a time, status posts, front matter, fields; each
//! claim says where its events were stated, [`Provenance`]). Text
//! inside code blocks, inline code, quoted lines (`>`), HTML comments and URLs is
//! evidence, never a claim. Every duration read
//! is returned as a [`Claim`] (in `--format json` and on hover), compared or not,
//! so a reader sees why a finding fired or did not; RS208 reports the
//! contradictions.

mod anchor;
mod backlog;
pub mod duration;
mod events;
mod key_events;
mod local;
pub mod number;
mod prose;
mod relative;
pub mod subject;
mod timeline;
mod window;
#[cfg(test)]
mod wrapped_tests;

use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::{Milestone, Postmortem};
use serde::Serialize;

pub use duration::Qualifier;
pub use prose::Strings;
use prose::place;
pub(crate) use prose::{
    Prose, is_postmortem_title, is_prose, is_summary_title, mask, postmortem_opening, strings,
};
use subject::Subject;
use timeline::{
    detected_at, milestone_at, milestone_readings, narrative_readings, noticed_by_words,
    prose_windows, report_window, sorted_entries, start_candidates, stated_window,
    timeline_readings,
};

use crate::config::Config;
use crate::parse::freeform::scope::{self, Scopes};
use crate::span::Span;
use crate::times::Times;
use crate::tree::Node;

/// One duration stated in the report, how it was read and what it was compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The JSON pointer of the string it is in.
    pub pointer: String,
    /// Where it is written in the file.
    pub span: Span,
    /// The words as written (whitespace runs collapsed).
    pub text: String,
    /// What it measures: `incident` (the incident's length), a metric key
    /// (`time_to_detect`, `time_to_acknowledge`, `time_to_first_action`,
    /// `time_to_mitigate`, `time_to_restore`, `time_to_resolve`), `window` (the
    /// window stated beside it), `between_events`, `sub_event` (a component or an
    /// action inside the incident: "the rollback took about 10 minutes", compared
    /// only with its own window), or `unknown`.
    pub measures: &'static str,
    /// How its words bound it.
    pub qualifier: Qualifier,
    /// The value as stated, in seconds: the lowest and highest it allows (equal when exact).
    pub stated: [i64; 2],
    /// The band a measured value may fall in and still agree (seconds; `None`: unbounded).
    pub accepted: Option<[Option<i64>; 2]>,
    /// What it was compared with, when it was.
    pub compared_with: Option<Compared>,
    /// `agrees`, `contradicts` or `not_compared`.
    pub verdict: Verdict,
    /// For a contradiction: which bound the report's own times break.
    pub broken: Option<Bound>,
    /// For a relative claim ("updated 25 minutes after the first alert") not
    /// compared: why; for a claim that agrees with a lower-ranked reading of the
    /// timeline than its best: "agrees with `<start>` to `<end>`".
    pub note: Option<String>,
    /// For a claim compared with two events: which kind of place stated each.
    pub provenance: Option<Provenance>,
}

/// Where the two events a claim was compared with were stated: `timeline_entry`,
/// `milestone`, `prose_clause`, `status_post`, `front_matter`, `field`,
/// `key_event` or `written` (with the claim itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub from: &'static str,
    pub to: &'static str,
}

/// The report's own duration a claim was compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// `milestones`, `timeline` (the closest of its readings, when milestones are
    /// missing), `stated` (times the report states as fields, or the window the
    /// duration is the length of) or `events` (the two entries a relative claim names).
    pub source: &'static str,
    /// The milestone names (`started`, `resolved`), or `first entry` / `last entry`.
    pub from: String,
    pub to: String,
    /// The JSON pointers of the two times.
    pub from_pointer: String,
    pub to_pointer: String,
    /// Seconds between them.
    pub seconds: i64,
    /// How firm this reading of the window is, set where the reading is made
    /// (see [`Rank`]).
    #[serde(skip)]
    pub rank: Rank,
}

/// How firm a reading of the timeline is, best first (lowest): by its end's rank,
/// then its start's. The end: 0 a marked milestone, 1 an entry that ends the
/// impact in so many words, 2 one whose words say it recovered, 3 the last entry
/// with no such words, 4 a post-incident entry. The start: 0 `started`, 1 an
/// entry whose words begin the impact, 2 any other entry. Readings not made from
/// the timeline (milestones, stated windows, events) rank (0, 0).
///
/// How firm each reading is, measured (round fourteen) on the RS207 and RS208
/// findings of the realistic reports 01-176 and the seeds, by the reading of the
/// window each finding rested on:
///
/// | reading | RS208 right | RS208 false | RS207 right | RS207 debatable |
/// |---|---|---|---|---|
/// | marked (milestones, given or read from words) | 27 | 0 | 4 | 0 |
/// | an end in so many words ("impact ends") | 1 | 0 | 0 | 0 |
/// | an end in recovery words ("back to normal") | 12 | 0 | 0 | 0 |
/// | the last entry, the start in words | 8 | 0 | 0 | 0 |
/// | the first and last entries, no words | 2 | 0 | 5 | 1 |
/// | a window stated in a sentence or fields | 21 | 2 | 0 | 0 |
/// | the window stated beside it | 8 | 0 | 0 | 0 |
/// | two events a relative claim names | 22 | 0 | 0 | 0 |
/// | a metric from the timeline's starts (time to detect) | 14 | 0 | 0 | 0 |
///
/// The lowest-ranked reading (first and last entries, no words) gave 8
/// findings, 7 of them planted and one debatable (a window ending where the
/// frontend was restarted, before "CI queue drained"), so its findings stay
/// warnings (RS208) and errors (RS207). The two false alarms rest on a window
/// read from another incident's part of a report of several (scopes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank {
    pub end: u8,
    pub start: u8,
}

/// A claim's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agrees,
    Contradicts,
    NotCompared,
}

/// Which bound of a claim the report's times break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The times give less than the claim allows.
    Lower,
    /// The times give more than the claim allows.
    Upper,
}

/// Words of a timeline entry that say the impact began ("errors start", "first
/// failures", "workers crash-loop", "requests start timing out", "the queue
/// starts to grow", "replication started lagging"; not "starts to grow the
/// cluster").
static IMPACT_BEGAN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?:start(?:s|ed)?|began|begins)\s+(?:to\s+)?(?:fail|error|time|crash|return|drop|reject|queue|pile|back\s+up|climb|rise|spike|grow(?:s|ing)?(?:[.;,:!)]|\s*$|\s+(?:quickly|fast|steadily|rapidly|again|and|by|past|beyond|to\s+\d))|lag|slow(?:s|ing)?\s+down|stall|degrad|fill(?:s|ing)?\s+up)|first\s+(?:errors?|failures?|failed|reports?|tickets?|complaints?|alerts?|signs?|servfails?|timeouts?|(?:http\s+)?5\d\d(?:s|\s+(?:errors?|responses?))?\b)|crash-?loop|errors?\s+(?:start|begin|began|rise|spike)|outage\s+(?:starts|begins|began)|impact\s+(?:starts|begins|began)|(?:went|goes)\s+down|(?:went|goes|turned|turns|switched|switches)\s+(?:to\s+)?read[\s-]?only|unavailable|failing)")
        .expect("the pattern is valid")
});
/// Words of a timeline entry that say the impact ended: a state word ("restored",
/// "back to zero/normal/baseline"), a measure that recovered ("error rate
/// recovered", "latency returned to baseline"), a queue drained as its own sentence
/// ("while the queue drained" is not its end), "all green".
static IMPACT_ENDED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:impact\s+(?:is\s+|was\s+)?(?:over|ended)|resolved|all[\s-]+clear|restored|recovered|back\s+to\s+(?:normal|the\s+normal)|back\s+(?:up|online)|resum(?:es|ed)|(?:loads?|loading|works?|working|appl(?:y|ies)|succeed(?:s|ing)?|healthy|flowing|up|live|current|available|reachable|normal)\s+again|(?:install|load|work|succeed|complete)(?:s|ing)?\s+(?:[\w-]+\s+){1,4}?again\b|[\w-]+s\s+recover|[\w-]+\s+recovers|(?:accepts?|accepting|serves?|serving|respond(?:s|ing)?)\s+(?:[a-z-]+\s+){0,2}again|back\s+(?:to|at)\s+(?:baseline|zero|0|green|healthy|nominal|expected|usual|pre-incident)|(?:errors?|error\s+rates?|failures?|failure\s+rates?|rejections?|rejection\s+rates?|5xx|timeouts?|alerts?)\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:down|dropp?(?:s|ed)?|f[ae]ll(?:s|en)?|went)\s+(?:back\s+)?to\s+(?:zero|0|baseline|normal)|(?:errors?|error\s+rates?|failures?|failure\s+rates?|rejections?|rejection\s+rates?|5xx|latency|latencies|p99|response\s+times?|throughput|traffic|success\s+rates?)\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:recover(?:s|ed)?|normali[sz](?:es|ed)|subsid(?:es|ed))|(?:error\s+rates?|latency|latencies|p9[059]|response\s+times?|throughput|success\s+rates?|results)\s+(?:(?:is|are|now|back)\s+)?normal|(?:(?:success|error|failure|rejection|availability)\s+rates?|lag|latency|latencies|p9[059]|response\s+times?)\s+(?:(?:is|was|now)\s+)?back\s+(?:above|below|under|within)\b|(?:error|failure|rejection|5xx)\s+rates?\s+(?:drops?|dropped|falls?|fell)\s+(?:back\s+)?(?:below|under)\b|(?:loads?|loading|works?|working|succeed(?:s|ing)?|running|respond(?:s|ing)?)\s+normally|(?:^|[.;]\s+)(?:the\s+)?(?:[\w-]+\s+){0,2}(?:queue|backlog)s?\s+(?:(?:is|are|was|were|fully|now)\s+){0,2}(?:drained|cleared|empty|emptied|processed)|all\s+(?:checks\s+|dashboards\s+|systems\s+|services\s+)?green|green\s+again|mitigated|incident\s+closed|(?:is|are|were|was)\s+back\b|return(?:s|ed)?\s+to\s+(?:normal|baseline|pre-incident\s+levels?)|resolved\s+for\s+(?:users|customers|everyone))\b")
        .expect("the pattern is valid")
});
/// Whether a timeline entry's words say the impact ended, and not only in part.
pub(crate) fn says_impact_ended(text: &str) -> bool {
    IMPACT_ENDED.is_match(text) && !PARTIAL.is_match(text)
}

/// Whether a timeline entry's words end the impact in so many words ("Impact
/// ends.", "service restored", "outage over"): a later entry (the incident
/// closed, a backlog drained) is after the impact, not its end.
pub(crate) fn says_impact_ended_explicitly(text: &str) -> bool {
    timeline::end_rank(text) == Some(timeline::EndRank::Explicit)
}

/// Whether a timeline entry's words tell of an action after the impact was
/// over (a purge, a cleanup, a verification, monitoring, the status page closed,
/// a postmortem, a backfill, customer emails): never the impact's end once an
/// earlier entry says it ended.
pub(crate) fn is_after_recovery(text: &str) -> bool {
    timeline::after_recovery(text)
}

static PARTIAL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:partial|partially|still|some|but|except|not\s+yet)\b")
        .expect("the pattern is valid")
});

/// Words of a timeline entry that say the impact was noticed: it began no later.
/// Someone who "reports" what the impact words name ("an analyst reports empty
/// charts") noticed it too ([`REPORTS`]).
static REPORTS: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)\breports?\b").expect("the pattern is valid"));
static NOTICED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:alerts?\s+(?:fires?|fired|triggered|trips?|tripped|pages?\b|paged)|(?:probe|monitor|monitoring|check|checker|canary|alarm|synthetic)s?\s+(?:alerts?|alarms?|fire|fires|fired|trips|tripped)\b|paged|pag(?:es|ing)\s+(?:the\s+|an?\s+|our\s+)?(?:on-?call|oncall|sre|responders?|engineers?|admins?)\b|\bpages\s+(?:the\s+|our\s+)?(?:on-?call|primary|secondary|engineers?|sre|team|us)\b|noticed|detected|(?:customers?|users?|clients?|students?|members?)\s+(?:(?:in|on|from|of|at)\s+(?:[\w-]+\s+){1,3}?)?(?:(?:start|begin|began)\w*\s+to\s+)?report(?:s|ed)?\b|reported\s+by|first\s+(?:customer|user)\s+(?:report|complaint|ticket|post)|\btickets?\s+(?:from|raised\s+by|opened\s+by|filed\s+by)\b|\b(?:customer|user|client)\s+(?:tickets?|complaints?)\b)")
        .expect("the pattern is valid")
});

/// Everything the comparison needs.
#[derive(Debug)]
pub(crate) struct Inputs<'a> {
    pub(crate) text: &'a str,
    pub(crate) tree: &'a Node,
    pub(crate) model: &'a Postmortem,
    pub(crate) times: &'a Times,
    pub(crate) config: &'a Config,
    /// The events of status posts, front matter and labelled fields, read once
    /// when a claim first needs them ([`events::list`]).
    pub(crate) events: std::cell::OnceCell<Vec<events::Event>>,
    /// What every relative claim reads the same way, read once ([`relative::Shared`]).
    pub(crate) relative: relative::Shared<'a>,
    /// The report's incident scopes ([`scope`]).
    pub(crate) scopes: Scopes,
    /// Every string of `tree`, its pointer and whether it is prose ([`Strings`]).
    pub(crate) strings: &'a [(String, &'a Node, bool)],
}

/// Every claim of the report, in file order.
pub(crate) fn read(inputs: &Inputs<'_>) -> Vec<Claim> {
    let mut claims = Vec::new();
    let scopes = &inputs.scopes;
    for (pointer, node, prose) in inputs.strings {
        let title = !prose;
        if title && !heads_an_incident(inputs, pointer, node) {
            continue;
        }
        let pointer = pointer.as_str();
        let source = node.span.slice(inputs.text);
        if source.len() > 100_000
            || !source
                .bytes()
                .any(|b| b.is_ascii_digit() || b == b'a' || b == b'e')
        {
            continue;
        }
        // Every reading below needs a text the duration screen lets through
        // (a digit, a unit's word) or a table's `|`: a value with neither is
        // turned away before its mask is built (`Prose::read`).
        let (read, _) = Prose::read(inputs.text, node);
        if !duration::may_hold(read) && !read.contains('|') {
            continue;
        }
        let prose = Prose::of(inputs.text, node);
        let masked = prose.masked.as_str();
        let label_key = x_label(pointer);
        let mut own = Vec::new();
        for d in duration::find(masked) {
            let subject = match label_key {
                // A digest incident's heading ([`heads_an_incident`]).
                _ if title => subject::phrasings::heading_length(masked, d.range.start),
                Some(s) => masked[..d.range.start]
                    .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
                    .is_empty()
                    .then_some(s),
                None => subject::classify(
                    masked,
                    &d,
                    prose::place_at(inputs.model, pointer, masked, d.range.start),
                ),
            };
            // A length about a component or an action inside the incident ("the
            // rollback took about 10 minutes"): its own window only (`sub_event`).
            let part = match subject {
                Some(s) if s.labelled => None,
                _ => subject::sub_event(masked, d.range.clone()),
            };
            let mut c = claim(
                inputs,
                pointer,
                &prose,
                &d,
                subject.filter(|_| part.is_none()),
            );
            if part.is_some() {
                c.measures = "sub_event";
            }
            reread(inputs, &mut c, masked, &d);
            if let Some(part) = part {
                sub_event(inputs, &mut c, &d, &part);
            }
            confine(inputs, scopes, &mut c, &d);
            // "Customer notices within 30 minutes of an outage": an action item
            // states a target for next time, not what happened this time.
            if pointer.starts_with("/action_items/") && c.verdict != Verdict::NotCompared {
                c.verdict = Verdict::NotCompared;
                c.compared_with = None;
                c.accepted = None;
                c.broken = None;
                c.note =
                    Some("not compared: an action item states a target, not what happened".into());
            }
            own.push((claims.len(), d.range.clone()));
            claims.push(c);
        }
        parts_of_a_list(&mut claims, masked, &own);
        // Both readings below need a number in digits (`clock_at_start`'s clock,
        // `unit_labelled`'s bare number): a text without one compiles neither's
        // patterns (`duration::tests` hold both to it over the corpus).
        let digits = crate::scan::has_ascii_digit(masked);
        // "Time to resolution: 1:35": a clock form is a duration only after a label.
        if label_key.is_none() && digits && masked.contains(':') {
            for label in subject::LABEL.captures_iter(masked) {
                let (Some(whole), Some(what)) = (
                    label.get(0),
                    label
                        .name("what")
                        .or(label.name("what2"))
                        .or(label.name("abbr")),
                ) else {
                    continue;
                };
                let rest = &masked[whole.end()..];
                let glue = rest.len()
                    - rest
                        .trim_start_matches([')', ' ', '*', '_', ':', '|', '='])
                        .len();
                if !rest[..glue].contains([':', '|', '=']) {
                    continue;
                }
                if let Some((range, seconds)) = duration::clock_at_start(&rest[glue..]) {
                    let at = whole.end() + glue;
                    let d = duration::Duration {
                        range: at + range.start..at + range.end,
                        low: seconds,
                        high: seconds,
                        qualifier: Qualifier::Exact,
                        unit: 60,
                    };
                    let mut c = claim(
                        inputs,
                        pointer,
                        &prose,
                        &d,
                        Some(subject::for_label(what.as_str())),
                    );
                    confine(inputs, scopes, &mut c, &d);
                    claims.push(c);
                }
            }
        }
        // `| TTD (min) | TTR (min) |` over `| 4 | 70 |`: the header carries the
        // metric and the unit of each bare number.
        if label_key.is_none() && masked.contains('|') {
            for (d, subject) in subject::header_unit_cells(masked) {
                let mut c = claim(inputs, pointer, &prose, &d, Some(subject));
                confine(inputs, scopes, &mut c, &d);
                claims.push(c);
            }
        }
        // "Minutes downtime or degradation: 50", "Duration (h): 2.5": the label
        // carries the unit of a bare number.
        if label_key.is_none() && digits && masked.contains([':', '|']) {
            for (d, label) in duration::unit_labelled(masked) {
                let words = &masked[label];
                let subject = match subject::LABEL.captures(words) {
                    Some(l) => l
                        .name("what")
                        .or(l.name("what2"))
                        .or(l.name("abbr"))
                        .map(|w| subject::for_label(w.as_str())),
                    None => Some(INCIDENT_LABEL),
                };
                let mut c = claim(inputs, pointer, &prose, &d, subject);
                confine(inputs, scopes, &mut c, &d);
                claims.push(c);
            }
        }
    }
    for c in &mut claims {
        if c.verdict == Verdict::NotCompared && c.note.is_none() {
            c.note = Some(subject::not_compared(c.measures));
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims.dedup_by_key(|c| c.span);
    claims
}

/// The incident's length, as a label names it.
const INCIDENT_LABEL: Subject = Subject {
    measures: "incident",
    pairs: &[
        (Milestone::Started, Milestone::Resolved),
        (Milestone::Started, Milestone::Mitigated),
    ],
    labelled: true,
};

/// An `x-` field named as a metric (`x-time-to-resolution`) or as the incident's
/// length (`x-duration`, `x-downtime`): its value is the claim.
fn x_label(pointer: &str) -> Option<Subject> {
    let key = pointer.strip_prefix("/x-").filter(|k| !k.contains('/'))?;
    let words = key.replace(['-', '_'], " ");
    if let Some(label) = subject::LABEL.captures(&words) {
        return label
            .name("what")
            .or(label.name("what2"))
            .or(label.name("abbr"))
            .map(|w| subject::for_label(w.as_str()));
    }
    matches!(
        words.as_str(),
        "duration" | "downtime" | "outage duration" | "incident duration" | "total downtime"
    )
    .then_some(Subject {
        measures: "incident",
        pairs: &[
            (Milestone::Started, Milestone::Resolved),
            (Milestone::Started, Milestone::Mitigated),
        ],
        labelled: true,
    })
}

fn claim(
    inputs: &Inputs<'_>,
    pointer: &str,
    prose: &Prose<'_>,
    d: &duration::Duration,
    subject: Option<Subject>,
) -> Claim {
    let written = prose.masked[d.range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let span = prose.span(d.range.clone());
    let stated = [d.low.round() as i64, d.high.round() as i64];
    let mut claim = Claim {
        pointer: pointer.to_string(),
        span,
        text: written,
        measures: subject.map_or("unknown", |s| s.measures),
        qualifier: d.qualifier,
        stated,
        accepted: None,
        compared_with: None,
        verdict: Verdict::NotCompared,
        broken: None,
        note: None,
        provenance: None,
    };
    let Some(subject) = subject else {
        return claim;
    };
    let mut candidates = references(
        inputs,
        &subject,
        ended_with(&prose.masked, d.range.start),
        span.start,
    );
    // The timeline read in every plausible way, and the report stating in its
    // summary or impact which of those readings the impact was ("balances were
    // stale from 09:14 until the lag cleared at 11:19"): that reading alone.
    if subject.measures == "incident"
        && !candidates.is_empty()
        && candidates.iter().all(|c| c.source == "timeline")
        && let Some(stated) = report_window(inputs)
        && candidates
            .iter()
            .any(|c| (c.seconds - stated.seconds).abs() <= 120)
    {
        candidates = vec![stated];
    }
    let mut first: Option<(Compared, [Option<i64>; 2])> = None;
    // A reading of the timeline that agrees but ranks below the best one
    // (`timeline::reading_rank`) is named as such.
    let top = candidates
        .iter()
        .filter(|c| c.source == "timeline" && subject.measures == "incident")
        .min_by_key(|c| c.rank)
        .map(|c| (c.rank, c.from.clone(), c.to.clone(), c.seconds));
    for compared in candidates {
        let band = accepted(inputs.config, d, compared.seconds);
        let inside = band[0].is_none_or(|lo| compared.seconds >= lo)
            && band[1].is_none_or(|hi| compared.seconds <= hi);
        if inside {
            if compared.source == "timeline"
                && let Some((rank, from, to, seconds)) = top
                && compared.rank > rank
            {
                claim.note = Some(format!(
                    "agrees with {} to {}, a lower-ranked reading (the best-ranked, {} to {}, gives {} min)",
                    compared.from,
                    compared.to,
                    from,
                    to,
                    seconds / 60
                ));
            }
            claim.accepted = Some(band);
            claim.compared_with = Some(compared);
            claim.verdict = Verdict::Agrees;
            return claim;
        }
        let off = |c: &Compared, band: [Option<i64>; 2]| outside(band, c.seconds);
        // Of the timeline's readings, the closest is named; of milestone pairs, the first.
        let closer = first.as_ref().is_some_and(|(f, fb)| {
            compared.source == "timeline" && off(&compared, band) < off(f, *fb)
        });
        if first.is_none() || closer {
            first = Some((compared, band));
        }
    }
    if let Some((compared, band)) = first {
        claim.broken = Some(if band[0].is_some_and(|lo| compared.seconds < lo) {
            Bound::Lower
        } else {
            Bound::Upper
        });
        claim.accepted = Some(band);
        claim.compared_with = Some(compared);
        claim.verdict = Verdict::Contradicts;
    }
    claim
}

/// Two readings closer to the claim than its subject's: the window it is the
/// stated length of ("14:02-14:47 UTC (35 minutes)"), first; then, for a claim not
/// otherwise compared, the two events it names ("updated 25 minutes after the
/// first alert").
fn reread(inputs: &Inputs<'_>, claim: &mut Claim, masked: &str, d: &duration::Duration) {
    // `**Time to repair**: 1h 18m` under a list of labelled key events
    // (`First detected: 2025-03-27 09:40`, `Repaired: 2025-03-27 11:58`).
    if let Some((measures, readings)) = key_events::read(masked, d.range.clone()) {
        claim.measures = measures;
        settle_any(inputs.config, claim, d, readings);
        return;
    }
    if let Some(compared) = window::read(masked, d.range.clone()) {
        claim.measures = "window";
        settle(inputs.config, claim, d, compared);
        return;
    }
    // `**Start:** 16:07 · **End:** 16:58 · **Duration:** 41 minutes`: the
    // window its own line of fields states.
    if claim.measures == "incident"
        && let Some(compared) = local::line_fields(masked, d.range.clone())
    {
        claim.note = None;
        claim.provenance = None;
        settle(inputs.config, claim, d, compared);
        return;
    }
    // "At 1342 EST the UPS failed and the racks were without power for about 20
    // minutes, until ... at 1419 EST": the window its own sentence states.
    if matches!(claim.measures, "unknown" | "incident" | "sub_event")
        && let Some(compared) = local::at_until(masked, d.range.clone())
    {
        claim.measures = "window";
        claim.note = None;
        claim.provenance = None;
        settle(inputs.config, claim, d, compared);
        return;
    }
    // "Between 02:10 and 03:05 the consumers were disconnected (roughly 40
    // minutes of backlog)": the length in parentheses is its sentence's window.
    // "... between 21:40 and 23:05 UTC. Roughly 90 minutes all told.": a
    // sentence that states only a length is the window's before it.
    // A sub-event's length is its own sentence's window's, never the one before.
    if matches!(claim.measures, "unknown" | "incident" | "sub_event")
        && let Some(compared) = window::in_sentence(masked, d.range.clone())
            // Or two clocks with their dates joined by "until" or a dash, with or
            // without "from": "25 June 2026 21:33 until 26 June 2026 13:22 (16 hours)".
            .or_else(|| {
                window::paren_sentence(masked, d.range.clone()).and_then(local::bare_window)
            })
            .or_else(|| {
                (claim.measures != "sub_event")
                    .then(|| window::before_sentence(masked, d.range.clone()))
                    .flatten()
            })
    {
        claim.measures = "window";
        settle(inputs.config, claim, d, compared);
        return;
    }
    // "the roughly N between the first notice (around 16:00) and the start of the
    // investigation (around 22:40)": the window its own words state after it.
    if matches!(claim.measures, "unknown" | "incident")
        && let Some(compared) = local::between_after(masked, d.range.clone())
    {
        claim.measures = "window";
        claim.note = None;
        settle(inputs.config, claim, d, compared);
        return;
    }
    // Both ends named in the claim's own sentence: closer than its subject.
    match relative::explicit(inputs, &claim.pointer.clone(), masked, d.range.clone()) {
        Some(relative::Reading::Measured(compared, from)) => {
            claim.measures = "between_events";
            claim.note = None;
            settle(inputs.config, claim, d, compared);
            claim.provenance = Some(from);
            return;
        }
        Some(relative::Reading::Several(all, from)) => {
            claim.measures = "between_events";
            claim.note = None;
            settle_any(inputs.config, claim, d, all.clone());
            claim.provenance = sourced(claim, &all, &from);
            return;
        }
        // "later (T)" after two times: a time between events all the same.
        Some(relative::Reading::NotCompared(why)) => {
            claim.measures = "between_events";
            claim.verdict = Verdict::NotCompared;
            claim.compared_with = None;
            claim.accepted = None;
            claim.broken = None;
            claim.note = Some(why);
            return;
        }
        None => {}
    }
    // "A power cut hit the rack from 14:30 to 14:50. It lasted 20 minutes": the
    // length of the thing its paragraph states the window of, not the incident's.
    if matches!(claim.measures, "unknown" | "incident" | "sub_event")
        && let Some(compared) = window::sub_window(masked, d.range.clone())
    {
        claim.measures = "window";
        claim.note = None;
        settle(inputs.config, claim, d, compared);
        return;
    }
    // "Once the service was fixed on Tuesday morning, it took about a day to work
    // through the backlog": from the fix to the backlog gone, not the incident.
    if matches!(claim.measures, "unknown" | "incident")
        && let Some(compared) = backlog::read(inputs, masked, d.range.clone())
    {
        claim.measures = "between_events";
        claim.note = None;
        settle(inputs.config, claim, d, compared);
        return;
    }
    // "complete outage of 8 hours until the read-only site was enabled": from
    // the impact's start to the entry the event's words name
    // ([`local::until_event`]), not to the incident's end.
    if matches!(claim.measures, "unknown" | "incident") && claim.verdict != Verdict::Agrees {
        let entries = sorted_entries(inputs);
        // The last entry is where the whole incident's reading ends already.
        if let Some(i) =
            local::until_event(masked, d.range.clone(), &entries).filter(|&i| i + 1 < entries.len())
        {
            let (k, value, end, _) = entries[i];
            let all: Vec<Compared> = start_candidates(inputs, Some(end))
                .into_iter()
                .map(|(from, t, name)| Compared {
                    source: "events",
                    from: name,
                    to: format!("entry its words name (entry {})", k + 1),
                    from_pointer: from.pointer.clone(),
                    to_pointer: value.pointer.clone(),
                    seconds: end - t,
                    rank: Default::default(),
                })
                .collect();
            if !all.is_empty() {
                claim.measures = "between_events";
                claim.note = None;
                claim.provenance = None;
                settle_any(inputs.config, claim, d, all);
                return;
            }
        } else if let Some(fields) = local::until_field(masked, d.range.clone()) {
            claim.measures = "between_events";
            claim.note = None;
            claim.provenance = None;
            settle(inputs.config, claim, d, fields);
            return;
        }
    }
    // A start stated in its own sentence ("At 14:10 UTC, the service went offline
    // for a period of 84 minutes"): from there to the next recovery, not the
    // whole incident ([`local::own_start`]).
    if claim.measures == "incident"
        && claim.verdict != Verdict::Agrees
        && let Some(own) = local::own_start(masked, d.range.clone(), &sorted_entries(inputs))
    {
        claim.note = None;
        claim.provenance = None;
        settle(inputs.config, claim, d, own);
        return;
    }
    // The window stated beside it ([`local`]) first: it settles a claim not yet
    // compared, and turns a contradiction it agrees with, or one it also breaks.
    if claim.measures == "incident"
        && claim.verdict != Verdict::Agrees
        && let Some(beside) = local::window(masked, d.range.clone())
    {
        claim.note = None;
        claim.provenance = None;
        settle(inputs.config, claim, d, beside);
        if claim.verdict == Verdict::Contradicts
            && let Some(exact) = exactly_from_first_entry(inputs, d)
        {
            settle(inputs.config, claim, d, exact);
        }
        return;
    }
    if claim.verdict != Verdict::NotCompared {
        return;
    }
    // The incident's length with nothing else to compare it with: the window its
    // paragraph states ("sat in the queue from 13:15 until 14:55").
    if claim.measures == "incident"
        && claim.compared_with.is_none()
        && let Some(compared) = window::paragraph(masked, d.range.clone())
    {
        settle(inputs.config, claim, d, compared);
        return;
    }
    // Nor in its paragraph: the one window the report states for the impact in
    // its summary or impact ("dashboards stale from Friday 18:00 to Sunday 09:30").
    if claim.measures == "incident"
        && claim.compared_with.is_none()
        && let Some(compared) = report_window(inputs)
    {
        settle(inputs.config, claim, d, compared);
        return;
    }
    // No timeline: the clock times the summary's narrative states, in every
    // reading of its start and end; it contradicts only when none agrees.
    let off = |c: &Compared| outside(accepted(inputs.config, d, c.seconds), c.seconds);
    if claim.measures == "incident" && claim.compared_with.is_none() {
        let readings = narrative_readings(inputs, &claim.pointer, claim.span.start);
        if let Some(closest) = readings.into_iter().min_by_key(off) {
            settle(inputs.config, claim, d, closest);
            return;
        }
        // Nor there: the events the report's sentences state ([`anchor::impact_readings`]).
        let events = anchor::impact_readings(inputs, masked, d.range.clone(), claim.span.start);
        if let Some((closest, from)) = events.into_iter().min_by_key(|(c, _)| off(c)) {
            settle(inputs.config, claim, d, closest);
            claim.provenance = Some(from);
            return;
        }
        // Nor there: a block of `Start:` and `End:` fields ([`local::field_window`]).
        if let Some(fields) = local::field_window(inputs.text) {
            settle(inputs.config, claim, d, fields);
            return;
        }
    }
    match relative::read(inputs, &claim.pointer.clone(), masked, d.range.clone()) {
        Some(relative::Reading::Measured(compared, from)) => {
            claim.measures = "between_events";
            settle(inputs.config, claim, d, compared);
            claim.provenance = Some(from);
        }
        Some(relative::Reading::Several(all, from)) => {
            claim.measures = "between_events";
            settle_any(inputs.config, claim, d, all.clone());
            claim.provenance = sourced(claim, &all, &from);
        }
        Some(relative::Reading::NotCompared(why)) => {
            if claim.measures == "unknown" {
                claim.measures = "between_events";
            }
            claim.note = Some(why);
        }
        None => {}
    }
}

/// A length about a component or an action inside the incident
/// ([`subject::sub_event`]) not read beside a window of its own: compared with
/// the sub-event's window in the timeline (an entry naming it starting, a later
/// one naming it done) when the report gives one, and otherwise with nothing.
fn sub_event(inputs: &Inputs<'_>, claim: &mut Claim, d: &duration::Duration, part: &str) {
    if claim.measures != "sub_event" || claim.compared_with.is_some() {
        return;
    }
    match window::sub_event(part, &sorted_entries(inputs)) {
        Some(compared) => {
            claim.note = None;
            settle(inputs.config, claim, d, compared);
            claim.provenance = Some(Provenance {
                from: "timeline_entry",
                to: "timeline_entry",
            });
        }
        None => claim.note = Some(format!("not compared: about {part}, no window for it")),
    }
}

/// Lengths a sentence gives to several parts in clauses of their own ("server was
/// unreachable about 5 min in total, wiki/mirror were down 17 min"): two different
/// lengths cannot both be the incident's, so each is its part's, and compared with
/// nothing. `own` holds the indices in `claims` of `masked`'s claims and their ranges.
fn parts_of_a_list(claims: &mut [Claim], masked: &str, own: &[(usize, std::ops::Range<usize>)]) {
    let incident: Vec<_> = own
        .iter()
        .filter(|(i, _)| claims[*i].measures == "incident")
        .map(|(i, r)| (*i, subject::sentence_start(masked, r.start), r.clone()))
        .collect();
    for (i, sentence, range) in &incident {
        let others = incident
            .iter()
            .filter(|(j, s, _)| j != i && s == sentence && claims[*j].stated != claims[*i].stated)
            .count();
        if others == 0 {
            continue;
        }
        let Some(who) = subject::state_subject(masked, range.clone()) else {
            continue;
        };
        let c = &mut claims[*i];
        c.measures = "sub_event";
        c.verdict = Verdict::NotCompared;
        c.compared_with = None;
        c.accepted = None;
        c.broken = None;
        c.provenance = None;
        c.note = Some(format!("not compared: about {who}, no window for it"));
    }
}

/// Whether `node` is the title of a section that heads one incident of a
/// digest and states its length (`### March 11 08:40 UTC (lasting 45
/// minutes)`): read for claims like prose, as the same words on a bold line are.
fn heads_an_incident(inputs: &Inputs<'_>, pointer: &str, node: &Node) -> bool {
    if inputs.scopes.is_empty()
        || !pointer.starts_with("/sections/")
        || !pointer.ends_with("/title")
        || inputs.scopes.of(node.span.start).is_none()
    {
        return false;
    }
    crate::parse::freeform::scope::states_a_length(node.span.slice(inputs.text))
}

/// A claim in a report of several incidents ([`scope`]) compared only with times
/// of its own incident: a reading from another incident's times (in a digest,
/// from times outside every incident's part) is dropped, and
/// a claim of its incident's length left without one (not in the rest of a
/// report around a related incident) is compared with the timed lines of its own part (first to the line where the impact ends, or to the
/// last), when it has two or more.
fn confine(inputs: &Inputs<'_>, scopes: &Scopes, claim: &mut Claim, d: &duration::Duration) {
    if scopes.is_empty() {
        return;
    }
    let Some(own) = scopes.of(claim.span.start) else {
        return;
    };
    let elsewhere = |p: &str| {
        !p.is_empty()
            && p != claim.pointer
            && inputs
                .tree
                .pointer(p)
                .is_some_and(|(n, _)| match scopes.of(n.span.start) {
                    Some(s) => s != own,
                    // In a digest, times above the first incident (a timeline
                    // or milestones moved there) are none of its incidents'.
                    None => scopes.is_digest(),
                })
    };
    if let Some(c) = &claim.compared_with
        && (elsewhere(&c.from_pointer) || elsewhere(&c.to_pointer))
    {
        claim.verdict = Verdict::NotCompared;
        claim.compared_with = None;
        claim.accepted = None;
        claim.broken = None;
        claim.provenance = None;
        claim.note = Some(
            "not compared with another incident's times: the report tells of several".to_string(),
        );
    }
    // The rest of a report around a related incident is read as today.
    if own == 0 || claim.measures != "incident" || claim.compared_with.is_some() {
        return;
    }
    let Some(lines) = scopes
        .part(claim.span.start)
        .and_then(|part| scope::timed_lines(inputs.text, part))
    else {
        return;
    };
    let [(_, first, _), .., (_, last, _)] = lines.as_slice() else {
        // No timed lines: the start its heading states, the ends its prose does.
        if let Some(part) = scopes.part(claim.span.start) {
            let readings = local::part_window(inputs.text, part);
            if !readings.is_empty() {
                claim.note = None;
                settle_any(inputs.config, claim, d, readings);
            }
        }
        return;
    };
    let length = |to: i64| (to - first).rem_euclid(24 * 60) * 60;
    let clock = |m: i64| format!("`{:02}:{:02}`", m / 60, m % 60);
    let reading = |to: i64, what: &str| Compared {
        source: "stated",
        from: format!("{} (its incident's first timed line)", clock(*first)),
        to: format!("{} ({what})", clock(to)),
        from_pointer: String::new(),
        to_pointer: String::new(),
        seconds: length(to),
        rank: Default::default(),
    };
    let mut readings = vec![reading(*last, "its last")];
    if let Some((_, end, _)) = lines[1..].iter().find(|(_, _, t)| says_impact_ended(t)) {
        readings.insert(0, reading(*end, "where its impact ends"));
    }
    claim.note = None;
    settle_any(inputs.config, claim, d, readings);
}

/// Where the reading `claim` was settled with was stated, among `all`.
fn sourced(claim: &Claim, all: &[Compared], from: &[Provenance]) -> Option<Provenance> {
    let c = claim.compared_with.as_ref()?;
    all.iter()
        .position(|a| a == c)
        .and_then(|i| from.get(i).copied())
}

/// `claim` compared with several readings: it agrees when one does; otherwise it
/// contradicts the closest.
fn settle_any(config: &Config, claim: &mut Claim, d: &duration::Duration, all: Vec<Compared>) {
    let off = |c: &Compared| outside(accepted(config, d, c.seconds), c.seconds);
    if let Some(best) = all.into_iter().min_by_key(off) {
        settle(config, claim, d, best);
    }
}

/// How many seconds `seconds` lies outside `band` (0 inside it): how far a
/// reading is from agreeing, to choose the closest of several.
fn outside(band: [Option<i64>; 2], seconds: i64) -> i64 {
    band[0].map_or(0, |lo| (lo - seconds).max(0)) + band[1].map_or(0, |hi| (seconds - hi).max(0))
}

/// A length written to the minute and not round (`3 hours 19 minutes`) that is
/// exactly, to the minute, the time from the timeline's first entry to another
/// entry (07:15 to 10:34): the author measured it on the timeline. When the
/// window stated beside it disagrees ("from 07:15 to 09:34"), that window is the
/// slip, which RS207 reports against the timeline, and the length is not a
/// second finding of the same mistake.
fn exactly_from_first_entry(inputs: &Inputs<'_>, d: &duration::Duration) -> Option<Compared> {
    let exact = d.low.round() as i64;
    if d.high.round() as i64 != exact || d.unit > 60 || exact % 1800 == 0 || exact <= 0 {
        return None;
    }
    let entries = sorted_entries(inputs);
    let (first, rest) = entries.split_first()?;
    let (_, v, t, _) = rest.iter().find(|e| (e.2 - first.2 - exact).abs() < 60)?;
    Some(Compared {
        source: "timeline",
        from: format!("first entry `{}`", first.1.text.trim()),
        to: format!("entry `{}`", v.text.trim()),
        from_pointer: first.1.pointer.clone(),
        to_pointer: v.pointer.clone(),
        seconds: t - first.2,
        rank: Rank { end: 1, start: 0 },
    })
}

/// `claim` compared with `compared` alone.
fn settle(config: &Config, claim: &mut Claim, d: &duration::Duration, compared: Compared) {
    let band = accepted(config, d, compared.seconds);
    let low = band[0].is_some_and(|lo| compared.seconds < lo);
    let high = band[1].is_some_and(|hi| compared.seconds > hi);
    claim.verdict = if low || high {
        Verdict::Contradicts
    } else {
        Verdict::Agrees
    };
    claim.broken = low.then_some(Bound::Lower).or(high.then_some(Bound::Upper));
    claim.accepted = Some(band);
    claim.compared_with = Some(compared);
}

/// The report's own durations for `subject`: the milestone pairs that are given and
/// in order; for the incident's length without them, the timeline's readings.
/// The step the impact stopped with, as the claim's sentence names it before the
/// duration: "the duplicates stopped once the run was paused, 2h40m after they
/// began" gives (`run`, `paus`). Read only for a restore claim; the step is then
/// the end when the report marks no end milestone, on the entry whose words name
/// both ("08:10 billing run paused").
static ENDED_WITH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:stopped|ended|ceased|recovered|cleared)\s+(?:once|when|as\s+soon\s+as|after)\s+(?:the\s+|our\s+)?(?:[a-z-]+\s+)?(?P<noun>[a-z-]{3,})\s+(?:was|were|had\s+been|got)\s+(?P<verb>[a-z]{3,}?)e?d\b")
        .expect("the pattern is valid")
});

fn ended_with(masked: &str, at: usize) -> Option<(String, String)> {
    let head = &masked[..at];
    let start = [". ", ".\n", "\n\n"]
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let caps = ENDED_WITH.captures_iter(&head[start..]).last()?;
    Some((
        caps.name("noun")?.as_str().to_ascii_lowercase(),
        caps.name("verb")?.as_str().to_ascii_lowercase(),
    ))
}

/// The readings a claim of `subject` at offset `at` is compared with.
fn references(
    inputs: &Inputs<'_>,
    subject: &Subject,
    ended_with: Option<(String, String)>,
    at: usize,
) -> Vec<Compared> {
    let instant = |m: Milestone| milestone_at(inputs, m);
    // Each milestone in every reading it has (its field, and the entry marked
    // with it when that differs); the first pair is the one a contradiction names.
    let mut out: Vec<Compared> = Vec::new();
    for &(from, to) in subject.pairs {
        for (a, at) in milestone_readings(inputs, from) {
            for (b, bt) in milestone_readings(inputs, to) {
                let seconds = bt - at;
                if seconds >= 0 {
                    out.push(Compared {
                        source: "milestones",
                        from: from.as_str().to_string(),
                        to: to.as_str().to_string(),
                        from_pointer: a.pointer.clone(),
                        to_pointer: b.pointer.clone(),
                        seconds,
                        rank: Default::default(),
                    });
                }
            }
        }
    }
    // A time to restore is counted from the start or from the detection: without a
    // `started` milestone the start is read from the timeline, as for the incident's
    // length ("it took 75 minutes to restore exports" from the first failure, when
    // only the detection and the resolution are marked).
    if subject.measures == "time_to_restore" && instant(Milestone::Started).is_none() {
        for end in [Milestone::Mitigated, Milestone::Resolved] {
            for (b, bt) in milestone_readings(inputs, end) {
                for (a, at, name) in start_candidates(inputs, Some(bt)) {
                    out.push(Compared {
                        source: "timeline",
                        from: name,
                        to: end.as_str().to_string(),
                        from_pointer: a.pointer.clone(),
                        to_pointer: b.pointer.clone(),
                        seconds: bt - at,
                        rank: Default::default(),
                    });
                }
            }
        }
    }
    // The impact may end before the milestone that closes the incident: an entry
    // saying it was over for users ("results are back", "returned to normal")
    // before a later cleanup or full fix is one more end of its length.
    if !out.is_empty()
        && subject.measures == "incident"
        && let Some((a, at)) = instant(Milestone::Started)
    {
        for (i, b, bt, _) in sorted_entries(inputs)
            .into_iter()
            .filter(|(_, _, t, text)| {
                *t > at && IMPACT_ENDED.is_match(text) && !PARTIAL.is_match(text)
            })
        {
            out.push(Compared {
                source: "timeline",
                from: "started".to_string(),
                to: format!("entry where the impact ends (entry {})", i + 1),
                from_pointer: a.pointer.clone(),
                to_pointer: b.pointer.clone(),
                seconds: bt - at,
                rank: Rank { end: 2, start: 0 },
            });
        }
    }
    let has_end = instant(Milestone::Resolved).is_some() || instant(Milestone::Mitigated).is_some();
    if out.is_empty()
        && subject.measures == "incident"
        && !(instant(Milestone::Started).is_some() && has_end)
    {
        out = stated_window(inputs);
        out.extend(timeline_readings(inputs));
        out.extend(prose_windows(inputs, at));
    }
    if out.is_empty()
        && !has_end
        && subject.measures == "time_to_restore"
        && let Some((noun, verb)) = ended_with
        && let Some((_, b, bt, _)) = sorted_entries(inputs).into_iter().find(|(_, _, _, t)| {
            let t = t.to_ascii_lowercase();
            t.contains(noun.as_str()) && t.contains(verb.as_str())
        })
    {
        let starts = match instant(Milestone::Started) {
            Some((a, at)) => vec![(a, at, "started".to_string())],
            None => start_candidates(inputs, Some(bt)),
        };
        for (a, at, name) in starts {
            out.push(Compared {
                source: "timeline",
                from: name,
                to: format!("entry where the {noun} was {verb}ed"),
                from_pointer: a.pointer.clone(),
                to_pointer: b.pointer.clone(),
                seconds: bt - at,
                rank: Default::default(),
            });
        }
        return out;
    }
    if out.is_empty() && subject.measures != "incident" && instant(Milestone::Started).is_none() {
        // A metric from the start without `started`: the start is read from the
        // timeline as for the incident's length, from entries before the metric's end.
        for &(from, to) in subject.pairs {
            if from != Milestone::Started {
                continue;
            }
            let mut ends: Vec<(&crate::times::TimeValue, i64, String)> = Vec::new();
            if to == Milestone::Detected {
                ends.extend(detected_at(inputs).map(|(v, t)| (v, t, to.as_str().to_string())));
                // An entry that says someone noticed before the one marked
                // `detected` ("an agent reports missing emails" before "incident
                // opened, on-call paged") is a reading too.
                if let Some((i, v, t, _)) = noticed_by_words(inputs)
                    && ends.iter().all(|e| e.1 > t)
                {
                    ends.push((
                        v,
                        t,
                        format!("entry where it was noticed (entry {})", i + 1),
                    ));
                }
            } else if let Some((v, t)) = milestone_at(inputs, to) {
                ends.push((v, t, to.as_str().to_string()));
            }
            for (b, bt, to_name) in ends {
                for (a, at, name) in start_candidates(inputs, Some(bt)) {
                    out.push(Compared {
                        source: "timeline",
                        from: name,
                        to: to_name.clone(),
                        from_pointer: a.pointer.clone(),
                        to_pointer: b.pointer.clone(),
                        seconds: bt - at,
                        rank: Default::default(),
                    });
                }
            }
        }
    }
    out
}

/// The band of measured values that agree with `d`, for a measured value of `actual` seconds.
fn accepted(config: &Config, d: &duration::Duration, actual: i64) -> [Option<i64>; 2] {
    let tolerance = config.duration_tolerance;
    let base = (i64::from(tolerance.minutes) * 60).max(actual * i64::from(tolerance.percent) / 100);
    // A value written in whole hours or days is rounded to that unit: half of
    // it either side ("8 hours" for 7 h 38 m, as real reports write), capped
    // at an eighth of the value so "2 hours" stays within 15 minutes.
    let rounding = if d.unit >= 1800 {
        ((d.unit / 2) as f64).min(d.high * 0.125) as i64
    } else {
        0
    };
    let (low, high) = (d.low.round() as i64, d.high.round() as i64);
    // "3 hours and 31 minutes": hours with minutes that are not a round five
    // are stated to the minute, and a reviewer checks them to the minute (the
    // tolerance's minutes, not its percentage of a long value).
    let to_the_minute = d.unit == 60 && low == high && low >= 3600 && low % 300 != 0;
    let base = if to_the_minute {
        i64::from(tolerance.minutes) * 60
    } else {
        base
    };
    // Saturating: a stated length of 10^18 minutes is read, not overflowed.
    let slack = base.max(rounding);
    match d.qualifier {
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague => [
            Some(low.saturating_sub(slack)),
            Some(high.saturating_add(slack)),
        ],
        Qualifier::Approximate => {
            let relative = config.claims.tolerance.clamp(0.0, 1.0);
            let approx =
                ((d.high * relative) as i64).max(i64::from(config.claims.floor_minutes) * 60);
            let slack = slack.max(approx);
            [
                Some(low.saturating_sub(slack)),
                Some(high.saturating_add(slack)),
            ]
        }
        Qualifier::JustOver | Qualifier::JustUnder => {
            let relative = config.claims.tolerance.clamp(0.0, 1.0);
            let approx =
                ((d.high * relative) as i64).max(i64::from(config.claims.floor_minutes) * 60);
            let slack = slack.max(approx);
            if d.qualifier == Qualifier::JustOver {
                [
                    Some(low.saturating_sub(slack)),
                    Some(high.saturating_add(high / 4).saturating_add(slack)),
                ]
            } else {
                [
                    Some(low.saturating_sub(low / 4).saturating_sub(slack)),
                    Some(high.saturating_add(slack)),
                ]
            }
        }
        Qualifier::AtLeast => [Some(low.saturating_sub(slack)), None],
        Qualifier::AtMost => [None, Some(high.saturating_add(slack))],
    }
}

/// The verdict of the claim `text` in a Markdown `report`, and the minutes it was
/// compared with (the claims' tests in several modules ask this).
#[cfg(test)]
pub(crate) fn verdict_of(report: &str, text: &str) -> (Verdict, Option<i64>) {
    let claims = crate::check(report, crate::Format::Markdown).claims;
    let c = claims
        .iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("no claim `{text}` in {claims:?}"));
    (c.verdict, c.compared_with.as_ref().map(|c| c.seconds / 60))
}

#[cfg(test)]
mod tests {
    use super::{Verdict, mask};
    use crate::Format;

    #[test]
    fn impact_end_words_are_broad_and_an_impact_start_is_not_one() {
        use super::IMPACT_ENDED;
        for end in [
            "Rejection rate back to zero. Replay starts.",
            "Error rate recovered",
            "p99 latency returned to baseline",
            "5xx errors dropped to zero after the rollback",
            "Queue drained; all workers idle",
            "The backlog is fully processed",
            "All checks green",
            "Retry queue drained.",
            "Dashboards green again",
            "Failures back to baseline",
            "Response times normalised",
            "190 GB free. Postgres accepts writes again; posting works.",
            "Gateway serving requests again",
            "Purge complete. New releases install from the EU mirror again.",
            "**Sign-ins recover**",
            "Uploads work for every region again",
            "Restore finished and caught up; search latency and results normal.",
            "Error rate back normal",
            "Connection success rate back above 99.5%",
            "Checkout error rate drops below 1%",
            "Logins succeeding normally; we started delivering the held mail.",
        ] {
            assert!(IMPACT_ENDED.is_match(end), "{end}");
        }
        for not_end in [
            "Traffic dropped to zero",
            "API returned 500 errors to clients",
            "Error rate climbs to 40%",
            "Queue depth alert fires",
            "Backlog grows past 10,000 jobs",
            "Incident moved to monitoring while the retry queue drained",
            "Team starts to recover the database from backup",
            "Builds fail again after the retry",
            "Error rate climbs above 20%",
            "Success rate drops below 90%",
        ] {
            assert!(!IMPACT_ENDED.is_match(not_end), "{not_end}");
        }
        // An end in part only is no end.
        assert!(super::says_impact_ended("Postgres accepts writes again"));
        assert!(!super::says_impact_ended(
            "Postgres accepts writes again for some tenants"
        ));
    }

    #[test]
    fn code_quotes_and_urls_are_masked() {
        let text = "Down for 2 hours.\n```\nretry in 5 minutes\n```\n> took 3 hours\nsee `sleep 10s` and https://x.io/5m\n";
        let masked = mask(text);
        assert_eq!(masked.len(), text.len());
        assert!(masked.contains("2 hours"));
        assert!(!masked.contains("5 minutes") && !masked.contains("3 hours"));
        assert!(!masked.contains("10s") && !masked.contains("5m"));
    }

    fn verdicts(summary: &str) -> Vec<(String, &'static str, Verdict)> {
        let text = format!(
            "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:00 UTC\n  resolved: 2024-06-10 12:00 UTC\n---\n## Summary\n{summary}\n"
        );
        crate::check(&text, Format::Markdown)
            .claims
            .into_iter()
            .map(|c| (c.text, c.measures, c.verdict))
            .collect()
    }

    #[test]
    fn impact_start_and_end_lines_are_a_reading() {
        let text = "# Registry pushes failing\n\n## Summary\n\n- **Impact start:** 2024-06-10 09:00 UTC\n- **Impact end:** 2024-06-10 11:00 UTC\n- **Total duration of impact:** 2 hours\n\n## Timeline\n\n- 2024-06-10 10:00 UTC Push error alert fires\n- 2024-06-10 10:30 UTC Rule reverted; pushes succeed again\n";
        let claims = crate::check(text, Format::Markdown).claims;
        let claim = claims.iter().find(|c| c.text == "2 hours").expect("claim");
        assert_eq!(claim.verdict, Verdict::Agrees);
        assert_eq!(
            claim.compared_with.as_ref().map(|c| c.source),
            Some("stated")
        );
    }

    /// The verdict of the claim written `text` in `report`.
    fn verdict_of(report: &str, text: &str) -> Verdict {
        super::verdict_of(report, text).0
    }

    /// "paged N after the first errors" counts from the start, never from the
    /// detection to the acknowledgement, whatever milestones the words give.
    #[test]
    fn a_detection_after_a_beginning_counts_from_the_start() {
        let report = "# Checkout errors\n\nAll times PDT, 19 August 2025.\n\n## What happened\n\n\
                      Our alerting paged the on-call engineer 12 minutes after the first errors.\n\n\
                      ## Timeline\n\n- 1:58 PM Deploy begins.\n- 2:07 PM First 502 errors on checkout.\n\
                      - 2:19 PM Error-rate alert fires; the on-call engineer is paged.\n\
                      - 2:34 PM Incident declared.\n- 3:22 PM Checkout recovered.\n";
        assert_eq!(
            super::verdict_of(report, "12 minutes"),
            (Verdict::Agrees, Some(12))
        );
        let wrong = report.replace("12 minutes after", "4 minutes after");
        assert_eq!(verdict_of(&wrong, "4 minutes"), Verdict::Contradicts);
    }

    /// "N after the first failures" against an entry that names the first
    /// failures by their code (`First SERVFAIL answers`, `First 502s`), not the
    /// deploy entry before it.
    #[test]
    fn first_failures_named_by_their_code_start_the_impact() {
        for first in [
            "First SERVFAIL answers on ns3",
            "First 502s at the edge",
            "First HTTP 503 responses",
            "First timeouts on the API",
        ] {
            let report = format!(
                "# Resolver failures\n\n## Summary\n\nThe alert paged us six minutes after the first failures.\n\n## Timeline\n\n- 2025-03-04 14:01 UTC Canary healthy; deploy continues\n- 2025-03-04 14:05 UTC {first}\n- 2025-03-04 14:11 UTC Alert pages the on-call engineer\n- 2025-03-04 15:50 UTC Impact ends\n"
            );
            assert_ne!(
                verdict_of(&report, "six minutes"),
                Verdict::Contradicts,
                "{first}"
            );
        }
        assert!(!super::IMPACT_BEGAN.is_match("first failover drill"));
    }

    /// Hours with minutes that are not a round five are stated to the minute (an
    /// ISP's mail: "8:15am - 11:41am (3hours and 31 minutes)" is 3 h 26 m).
    #[test]
    fn hours_and_minutes_are_checked_to_the_minute() {
        let report = |claim: &str| {
            format!(
                "# Link down\n\n## Summary\n\nThe link was down. {claim}\n\n## Timeline\n\n- 2025-05-04 08:15 UTC Link goes down\n- 2025-05-04 11:41 UTC Link restored\n"
            )
        };
        for (claim, verdict) in [
            (
                "It was down for 3 hours and 31 minutes.",
                Verdict::Contradicts,
            ),
            ("It was down for 3 hours and 27 minutes.", Verdict::Agrees),
            ("It was down for 3 hours and 26 minutes.", Verdict::Agrees),
            // A round figure keeps the usual band.
            ("It was down for 3 hours and 30 minutes.", Verdict::Agrees),
        ] {
            let text = claim
                .trim_start_matches("It was down for ")
                .trim_end_matches('.');
            assert_eq!(verdict_of(&report(claim), text), verdict, "{claim}");
        }
    }

    #[test]
    fn a_timeline_without_any_date_is_read_on_one_day() {
        let report = |claim: &str| {
            format!(
                "# Checkout errors during the launch\n\n## Summary\n\nCheckout failed for most buyers. {claim}\n\n## Timeline (all times ET)\n\n- 6:50pm: Cache config change deployed.\n- 7:02pm: Checkout starts returning errors to most buyers.\n- 7:40pm: A partner emails us a screenshot of the error page. This is when we noticed.\n- 7:55pm: Config change rolled back; checkout working again.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("It took us 15 minutes to notice."), "15 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&report("It took us 38 minutes to notice."), "38 minutes"),
            Verdict::Agrees
        );
    }

    #[test]
    fn a_check_that_pages_someone_is_the_detection() {
        let report = |entry: &str| {
            format!(
                "# Portal logins failing\n\n## Summary\n\nLogins failed. Time to detect: 4 minutes.\n\n## Timeline\n\n- 2025-08-12 08:23 UTC Routine deployment starts; pods restart\n- 2025-08-12 08:25 UTC First failed logins\n- 2025-08-12 08:36 UTC {entry}\n- 2025-08-12 09:10 UTC Logins succeed again; incident resolved\n"
            )
        };
        for entry in [
            "Synthetic login check fails twice and pages the on-call engineer",
            "Login probe pages the primary",
            "Canary fails and pages our SRE",
            "The uptime check pages the team",
            "Error budget monitor pages us",
        ] {
            assert_eq!(
                verdict_of(&report(entry), "4 minutes"),
                Verdict::Contradicts,
                "{entry}"
            );
        }
        for entry in [
            "On-call pages through the logs",
            "Status page updated",
            "Engineer reads the runbook pages",
            "Deployment pages of the wiki checked",
            "Support team reviews the pages of tickets",
        ] {
            assert_eq!(
                verdict_of(&report(entry), "4 minutes"),
                Verdict::NotCompared,
                "{entry}"
            );
        }
    }

    #[test]
    fn an_earlier_entry_that_noticed_is_a_detection_reading() {
        let report = |claim: &str| {
            format!(
                "# Notification emails delayed\n\n## Detection\n\nA support agent noticed that no emails arrived, {claim} after the queue stopped.\n\n## Timeline\n\n- 2025-03-04 09:00 UTC Disk on mailer-1 full; the email queue stops moving.\n- 2025-03-04 09:20 UTC Support agent reports missing notifications in the team channel.\n- 2025-03-04 09:45 UTC Incident opened, on-call paged.\n- 2025-03-04 10:30 UTC Disk cleared; every delayed email sent.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("20 minutes"), "20 minutes"),
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&report("5 minutes"), "5 minutes"),
            Verdict::Contradicts
        );
    }

    /// A team that starts to grow (or fill, slow) something is no impact: the
    /// impact's start is still read up to the entry that names it.
    #[test]
    fn a_team_that_grows_something_is_no_impacts_start() {
        for words in [
            "Team starts to grow the cluster to 12 nodes",
            "We started filling the capacity form",
            "Ops begin to slow the rollout cadence",
            "Growth team starts a pricing test",
            "Support starts to fill in the on-call sheet",
        ] {
            let report = format!(
                "# Checkout errors\n\n## Summary\n\nCheckout failed for about 40 minutes.\n\n## Timeline\n\n- 2025-03-04 10:00 UTC: {words}\n- 2025-03-04 10:20 UTC: Checkout starts failing for most buyers\n- 2025-03-04 11:00 UTC: Checkout working again\n"
            );
            assert_eq!(
                verdict_of(&report, "about 40 minutes"),
                Verdict::Agrees,
                "{words}"
            );
        }
    }

    /// A check that "pages the on-call" is the detection, read the same with the
    /// metric's label in every container and the timeline in every shape (quoted
    /// `>` lines are no claims: they may be someone else's words).
    #[test]
    fn a_check_that_pages_the_on_call_is_the_detection_in_every_container() {
        let timelines = [
            "Timeline (UTC):\n\t10:00\tNightly config push to the billing API starts\n\t10:03\tFirst failed invoice requests; API logs show\n\t\tcertificate errors\n\t10:17\tProbe fails three times and pages the on-call engineer\n\t10:40\tPush reverted; invoices succeed again\n",
            "## Timeline\n\n- 10:00 UTC: Nightly config push to the billing API starts\n- 10:03 UTC: First failed invoice requests\n- 10:17 UTC: Uptime monitor pages the oncall\n- 10:40 UTC: Push reverted; invoices succeed again\n",
            "## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 10:00 | Nightly config push to the billing API starts |\n| 10:03 | First failed invoice requests |\n| 10:17 | Synthetic check paging the SRE rotation |\n| 10:40 | Push reverted; invoices succeed again |\n",
            "Timeline (UTC):\n• 10:00 Nightly config push to the billing API starts\n• 10:03 First failed invoice requests\n• 10:17 Merchants in the partner forum report empty invoices\n• 10:40 Push reverted; invoices succeed again\n",
        ];
        let labels = [
            "Key figures:\n\t•\tTime to detect: {d}\n\t•\tSeverity: 2\n",
            "## Key figures\n\n- Time to detect: {d}\n- Severity: 2\n",
            "## Key figures\n\n| Figure | Value |\n|---|---|\n| Time to detect | {d} |\n",
            "## Key figures\n\n**Time to detect:** {d}\n",
            "Key figures:\n* TTD: {d}\n* Severity: 2\n",
        ];
        for timeline in timelines {
            for label in labels {
                let report = |d: &str| {
                    format!(
                        "Billing API incident - 2025-03-04\n\nSummary:\nInvoices failed on 4 March 2025.\n\n{}\n{timeline}",
                        label.replace("{d}", d)
                    )
                };
                assert_eq!(
                    verdict_of(&report("3 minutes"), "3 minutes"),
                    Verdict::Contradicts,
                    "{}",
                    report("3 minutes")
                );
                assert_eq!(
                    verdict_of(&report("14 minutes"), "14 minutes"),
                    Verdict::Agrees,
                    "{}",
                    report("14 minutes")
                );
            }
        }
    }

    /// A page of a status page, a pager test or someone who reports a change is
    /// no detection: the claim is compared with no earlier time.
    #[test]
    fn pages_and_reports_that_are_no_detection_stay_silent() {
        for entry in [
            "Status page updated with a notice",
            "Team lead reports to the board on the upgrade plan",
            "Pages of the runbook reviewed by the on-call",
            "Customers receive a weekly usage report",
            "Nightly usage report sent to customers",
        ] {
            let report = format!(
                "Billing API incident - 2025-03-04\n\nKey figures:\n- Time to detect: 3 minutes\n\n## Timeline\n\n- 10:00 UTC: Nightly config push to the billing API starts\n- 10:17 UTC: {entry}\n- 10:40 UTC: Push reverted\n"
            );
            assert_ne!(
                verdict_of(&report, "3 minutes"),
                Verdict::Contradicts,
                "{report}"
            );
        }
    }

    /// A backlog that "starts to grow" (or lag, stall, fill) is the impact's start.
    #[test]
    fn a_queue_that_starts_to_grow_is_the_impacts_start() {
        for words in [
            "Ingest queue starts to grow",
            "Replication started lagging behind the primary",
            "Export workers begin to stall",
            "The spool disk started filling up",
            "Search results started to degrade",
        ] {
            let report = |claim: &str| {
                format!(
                    "# Ingest backlog\n\n## Summary\n\nIngest was degraded for {claim}.\n\n## Timeline\n\n### Monday 3 March 2025\n\n- 18:00 UTC - Bulk import of a large tenant begins.\n- 18:10 UTC - {words}.\n- 23:00 UTC - We pause for the night.\n\n### Tuesday 4 March 2025\n\n- 09:00 UTC - Debugging continues; the lock is found.\n- 12:10 UTC - Fix deployed; backlog back to normal.\n"
                )
            };
            assert_eq!(
                verdict_of(&report("about 14 hours"), "about 14 hours"),
                Verdict::Contradicts,
                "{words}"
            );
            assert_eq!(
                verdict_of(&report("about 18 hours"), "about 18 hours"),
                Verdict::Agrees,
                "{words}"
            );
        }
    }

    #[test]
    fn a_window_stated_as_a_sentence_is_the_reports_window() {
        let report = |claim: &str| {
            format!(
                "Northwind Queue incident\n\nIncident began at 2025-04-08 09:12 and ended at 2025-04-08 11:58 (all times are US/Pacific).\n\nOn Tuesday the queue in region west returned errors for publish requests for a duration of {claim}.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("2 hours 16 minutes"), "2 hours 16 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&report("2 hours 46 minutes"), "2 hours 46 minutes"),
            Verdict::Agrees
        );
    }

    #[test]
    fn a_window_in_the_claims_paragraph_is_its_window() {
        let report = |paragraph: &str| {
            format!(
                "# Ops log: week of 3 March\n\n## Incidents\n\n**3 March: Backups stuck in AMS:** {paragraph}\n\n**5 March: Slow logins:** Logins were slow for about 10 minutes after a cache flush.\n"
            )
        };
        let stuck = |n: &str, window: &str| {
            report(&format!(
                "The backup scheduler lost its lease. Backups sat in the queue {window}, when a restart drained them; in all, backups were stuck for {n}."
            ))
        };
        assert_eq!(
            verdict_of(
                &stuck("about 20 minutes", "from 13:15 until 14:55"),
                "about 20 minutes"
            ),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(
                &stuck("about 100 minutes", "from 13:15 until 14:55"),
                "about 100 minutes"
            ),
            Verdict::Agrees
        );
        // A window of the team's own work is not the impact's.
        assert_eq!(
            verdict_of(
                &report(
                    "Between 09:00 and 09:30 we moved the backups to another node. The backups were stuck for 2 hours."
                ),
                "2 hours"
            ),
            Verdict::NotCompared
        );
        // Two windows in the paragraph: which one is meant is not clear.
        assert_eq!(
            verdict_of(
                &stuck(
                    "about 20 minutes",
                    "from 13:15 until 14:55 (retried from 14:00 to 14:20)"
                ),
                "about 20 minutes"
            ),
            Verdict::NotCompared
        );
    }

    #[test]
    fn a_relative_claim_beside_its_own_clock_time() {
        // The anchor from the timeline.
        let timeline = |claim: &str| {
            format!(
                "# Search latency\n\n## Summary\n\nSearch on example.com was slow. The latency alert fired at 10:20, {claim} after the first errors.\n\n## Timeline\n\n- 2025-02-03 10:00 UTC Index rebuild starts\n- 2025-02-03 10:02 UTC First errors from the search API\n- 2025-02-03 10:20 UTC Latency alert fires\n- 2025-02-03 11:00 UTC Rebuild stopped; search healthy again\n"
            )
        };
        assert_eq!(
            verdict_of(&timeline("8 minutes"), "8 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&timeline("18 minutes"), "18 minutes"),
            Verdict::Agrees
        );
        // The anchor from the start stated in prose, no timeline.
        let prose = |claim: &str| {
            format!(
                "# Elevated ingest errors\n\n## Postmortem\n\nOn March 2 starting at approximately 01:30am PDT, Example began returning errors for some telemetry.\n\nOur burn-rate alert triggered at 02:10am PDT, {claim} after errors began. We moved traffic away.\n"
            )
        };
        assert_eq!(
            verdict_of(&prose("8 minutes"), "8 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&prose("40 minutes"), "40 minutes"),
            Verdict::Agrees
        );
        // "within N of", the anchor from a stated window.
        let within = |at: &str| {
            format!(
                "Queue incident\n\nIncident began at 2025-04-08 09:12 and ended at 2025-04-08 11:58 (all times are US/Pacific).\n\nOur engineers were engaged at {at}, within five minutes of the first errors, by an alert.\n"
            )
        };
        assert_eq!(
            verdict_of(&within("09:31"), "within five minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&within("09:15"), "within five minutes"),
            Verdict::Agrees
        );
        // Zones that differ, or an anchor nothing gives: not compared.
        assert_eq!(
            verdict_of(
                &timeline("8 minutes").replace("fired at 10:20,", "fired at 10:20 CET,"),
                "8 minutes"
            ),
            Verdict::NotCompared
        );
        assert_eq!(
            verdict_of(
                &prose("8 minutes").replace("after errors began", "after the deploy"),
                "8 minutes"
            ),
            Verdict::NotCompared
        );
    }

    #[test]
    fn an_entry_after_midnight_with_the_days_date_is_read_a_day_later() {
        let report = |claim: &str| {
            format!(
                "# Federation outage on chat.example.org\n\nFederation was down for {claim} before a volunteer renewed the certificate by hand. Times are UTC:\n\n- 2025-02-11 23:59 - The certificate expires; federation starts failing.\n- 2025-02-11 00:25 - The health bot posts that federation is failing.\n- 2025-02-12 03:40 - A volunteer renews the certificate by hand.\n- 2025-02-12 03:50 - Federation resumes.\n- 2025-02-12 05:00 - Backlog of outbound events delivered.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("nearly four hours"), "nearly four hours"),
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&report("nearly two hours"), "nearly two hours"),
            Verdict::Contradicts
        );
    }

    #[test]
    fn read_only_is_the_impact_and_checks_that_alert_noticed_it() {
        let report = |claim: &str| {
            format!(
                "# File share outage\n\n## Timeline\n\n- 2025-06-03 09:05 UTC Storage volume on share-2 goes read-only after a controller fault\n- 2025-06-03 09:20 UTC HTTP checks alert the on-call admin\n- 2025-06-03 10:40 UTC share-2 back with a new controller; uploads work again\n\n## What happened\n\nWe only noticed {claim} after the first errors, because the checks retry three times.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("about 40 minutes"), "about 40 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&report("about 15 minutes"), "about 15 minutes"),
            Verdict::Agrees
        );
    }

    #[test]
    fn a_wiki_summary_answers_with_an_outage_state_label() {
        let report = |claim: &str| {
            format!(
                "# Incidents/2025-03-18-PageSave\n\n## Summary[edit | edit source]\n\n- How long was there a visible outage?\n  - Saves failing: {claim}. All wikis working again at 10:05.\n\n## Timeline[edit | edit source]\n\n- 2025-03-18 09:14 UTC: Weekly extension upgrade starts.\n- 2025-03-18 09:23 UTC: Saves start failing on all wikis.\n- 2025-03-18 10:05 UTC: Extension restored; saves work again on all wikis.\n"
            )
        };
        assert_eq!(
            verdict_of(&report("25 minutes"), "25 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&report("42 minutes"), "42 minutes"),
            Verdict::Agrees
        );
    }

    #[test]
    fn qualifiers_set_the_band() {
        use Verdict::{Agrees, Contradicts, NotCompared};
        let one = |s: &str| verdicts(s).first().map(|c| c.2);
        assert_eq!(one("The outage lasted about 1h45m."), Some(Agrees));
        assert_eq!(one("The outage lasted about 1h30m."), Some(Contradicts));
        assert_eq!(
            one("The outage lasted at least 3 hours."),
            Some(Contradicts)
        );
        assert_eq!(one("The outage lasted more than an hour."), Some(Agrees));
        assert_eq!(
            one("The outage lasted less than an hour."),
            Some(Contradicts)
        );
        assert_eq!(one("The outage lasted 1-2 hours."), Some(Agrees));
        assert_eq!(one("The outage lasted 3 to 4 hours."), Some(Contradicts));
        assert_eq!(one("The outage lasted two hours."), Some(Agrees));
        assert_eq!(one("The outage lasted a couple of hours."), Some(Agrees));
        assert_eq!(one("The outage lasted a few minutes."), Some(Contradicts));
        assert_eq!(
            one("The release took 2 weeks to prepare."),
            Some(NotCompared)
        );
    }

    #[test]
    fn a_time_to_restore_without_a_start_milestone_counts_from_the_timeline_s_start() {
        // Detection (14:12) and resolution (15:20) are read from the entries' words;
        // the first failure (14:05) is the start a restore is also counted from.
        let report = "# Export queue\n\nDate: 2025-07-15\nAll times are UTC.\n\n## Summary\n\nIt took 75 minutes to restore exports.\n\n## Timeline\n\n- 14:05 first export batch fails\n- 14:12 the queue-depth alert pages the on-call engineer\n- 15:20 disk cleared, exports succeed again, resolved\n";
        assert_eq!(verdict_of(report, "75 minutes"), Verdict::Agrees);
        // Neither from the start nor from the detection: still a contradiction.
        let wrong = report.replace("75 minutes", "25 minutes");
        assert_eq!(verdict_of(&wrong, "25 minutes"), Verdict::Contradicts);
    }

    /// Readings added for held-out set 305-316, each both ways.
    #[test]
    fn claims_of_held_out_set_305_316() {
        // A length in a block of fields beside its own `Start` and `End`.
        let fields = |length: &str| {
            format!(
                "# IVR outage\n\nOn 17 August 2025 the line failed.\n\n## Incident details\n\n   Start of incident:   16:20\n   End of incident:     18:50\n   Duration:            {length}\n\n## Timeline\n\n- 16:20 BST IVR stops.\n- 18:50 BST Normal.\n- 21:10 BST Call-backs done.\n"
            )
        };
        assert_eq!(
            verdict_of(&fields("2 hours 30 minutes"), "2 hours 30 minutes"),
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&fields("1 hour 30 minutes"), "1 hour 30 minutes"),
            Verdict::Contradicts
        );
        // Both ends named before the length: "From X to Y, it took us N".
        let from_to = |length: &str| {
            format!(
                "# Matchmaking\n\nOn 2025-11-08 matches failed.\n\n## Timeline\n\n- 18:04 UTC First matches fail to form.\n- 19:15 UTC Decision to roll back.\n- 19:31 UTC Rollback finished; matches forming again.\n\n## Response\n\nFrom the first failed match to the rollback finishing, it took us {length}.\n"
            )
        };
        assert_eq!(
            verdict_of(&from_to("nearly three hours"), "nearly three hours"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&from_to("about 90 minutes"), "about 90 minutes"),
            Verdict::Agrees
        );
        // Someone made aware of the failure within N: from the impact's start.
        let aware = |length: &str| {
            format!(
                "# IVR outage\n\nOn 17 August 2025 the line failed. The control centre was made aware of the failure within {length}.\n\n## Timeline\n\n- 16:20 BST The IVR goes down; callers cannot get through.\n- 16:47 BST Duty manager informs the control centre.\n- 18:50 BST Normal.\n"
            )
        };
        assert_eq!(
            verdict_of(&aware("10 minutes"), "within 10 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&aware("30 minutes"), "within 30 minutes"),
            Verdict::Agrees
        );
        // The paging entry is not also the impact's start: with the start's
        // words not read ("stops answering"), no reading measures 0 s there.
        let stops = aware("10 minutes").replace(
            "The IVR goes down; callers cannot get through.",
            "IVR stops answering.",
        );
        assert_eq!(
            verdict_of(&stops, "within 10 minutes"),
            Verdict::Contradicts
        );
        // An entry's time in a second zone opens its words: the words after it
        // still name the anchor.
        let paired = |length: &str| {
            format!(
                "# Lockers\n\nOn 2025-09-02 lockers went offline.\n\n## Timeline\n\n- 07:05 UTC (09:05 SAST) — Lockers start dropping off the broker.\n- 07:19 UTC (09:19 SAST) — Alert fires and pages the on-call engineer.\n- 09:20 UTC (11:20 SAST) — All lockers back.\n\n## Detection\n\nOur alerting caught it within {length} of the first lockers dropping off.\n"
            )
        };
        assert_eq!(
            verdict_of(&paired("five minutes"), "within five minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&paired("fifteen minutes"), "within fifteen minutes"),
            Verdict::Agrees
        );
        // "after the rollout completed": the entry where it reached 100%, not
        // the one where it started.
        let completed = |length: &str| {
            format!(
                "# Widget\n\nOn 2025-06-14 bookings failed.\n\n## Timeline\n\n- 17:48 EDT Release 2.14.1 starts rolling out (10% canary).\n- 18:10 EDT Rollout reaches 100% of traffic.\n- 18:52 EDT The booking-rate alert fires.\n- 19:49 EDT Rollback complete.\n\n## Detection\n\nOur alerting only caught the problem about {length} after the rollout completed.\n"
            )
        };
        assert_eq!(
            verdict_of(&completed("15 minutes"), "about 15 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&completed("40 minutes"), "about 40 minutes"),
            Verdict::Agrees
        );
        // A customer's ticket is when the impact was noticed.
        let ticket = |length: &str| {
            format!(
                "# Map froze\n\nOn 2025-03-27 positions went stale.\n\n## Timeline\n\n- 10:42 UTC First stale positions served.\n- 11:09 UTC Ticket from Hollis Haulage: trucks frozen on the map.\n- 11:16 UTC Support pages the on-call.\n- 12:18 UTC Positions current.\n\n## Detection\n\nSupport noticed {length} after the first stale positions were served.\n"
            )
        };
        assert_eq!(
            verdict_of(&ticket("27 minutes"), "27 minutes"),
            Verdict::Agrees
        );
    }

    /// Readings added for held-out set 329-340, each both ways.
    #[test]
    fn claims_of_held_out_set_329_340() {
        // A digest's incident heading states its length: compared with its own
        // part, to where the prose says the incident was resolved (not a step
        // before it, not the log quoted in it, not another incident's times).
        let digest = |length: &str| {
            format!(
                "# March report\n\n### March 3 16:15 UTC (lasting 1 hour 2 minutes)\n\nAt 16:15 UTC pushes failed. We marked the incident resolved at 17:17 UTC.\n\n\
                 ### March 11 08:40 UTC (lasting {length})\n\nStarting at 08:40 UTC, jobs stalled. Engineers restarted the pool at 09:22 UTC.\n\n```\n09:23:04Z worker reconnect\n```\n\n\
                 All deliveries were sent by 09:55 UTC, when we declared the incident resolved.\n"
            )
        };
        assert_eq!(
            verdict_of(&digest("45 minutes"), "45 minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&digest("75 minutes"), "75 minutes"),
            Verdict::Agrees
        );
        assert_eq!(
            verdict_of(&digest("45 minutes"), "1 hour 2 minutes"),
            Verdict::Agrees
        );
        // Its own event named by a noun that came; the anchor in the phase its
        // words name, where two entries name the deploy.
        let deploy = |length: &str| {
            format!(
                "# Live streams\n\nOn 2025-03-04 segments went missing. The first viewer-facing errors came {length} after the autoscaler deploy finished.\n\n## Timeline (UTC)\n\n\
                 - 09:12 Autoscaler deploy started\n- 09:15 Autoscaler deploy finished\n- 09:49 First viewer-facing errors on segments\n- 11:00 Impact ends\n"
            )
        };
        assert_eq!(
            verdict_of(&deploy("about ten minutes"), "about ten minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&deploy("about 34 minutes"), "about 34 minutes"),
            Verdict::Agrees
        );
        // An alert told as what monitoring did, in a narrative with no timeline.
        let alerted = |length: &str| {
            format!(
                "# Queue\n\n## How did we respond?\n\nImpact began at 13:20 UTC on 2 March 2025. Our monitoring detected the rise in failures and alerted at 13:27 UTC. Engineers were engaged within {length} of the first alert, at 13:52 UTC.\n"
            )
        };
        assert_eq!(
            verdict_of(&alerted("five minutes"), "within five minutes"),
            Verdict::Contradicts
        );
        assert_eq!(
            verdict_of(&alerted("30 minutes"), "within 30 minutes"),
            Verdict::Agrees
        );
    }
}
