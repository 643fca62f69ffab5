//! The report's own times as a claim is compared with them: a milestone's time
//! (its own, or that of the entry marked with it), the timeline's entries in time
//! order on their wall clock when no zone is stated, the plausible starts and ends
//! of the impact read from an entry's words, and a window the report states in
//! fields, line labels or a sentence.

use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Milestone;

mod fields;
mod labelled;
pub(super) use fields::start_end_fields;
use fields::{field_time, starts_as_a_date, yearless};
use labelled::labelled_window;

use super::{
    Compared, IMPACT_BEGAN, IMPACT_ENDED, Inputs, NOTICED, PARTIAL, REPORTS, mask, subject, window,
};

/// The incident's length from a start and an end the report states as fields or
/// line labels ([`start_end_fields`]), each with a date; the first of each is read.
pub(super) fn stated_window(inputs: &Inputs<'_>) -> Vec<Compared> {
    let lower_has = |w: &str| {
        inputs
            .text
            .as_bytes()
            .windows(w.len())
            .any(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    };
    if !((lower_has("start") || lower_has("began")) && (lower_has("end") || lower_has("resolved")))
    {
        return labelled_window(inputs.text).into_iter().collect();
    }
    let masked = mask(inputs.text);
    if let Some(window) = window::sentence(&masked, inputs.times.default_zone.as_ref()) {
        return vec![window];
    }
    let mut start: Option<(String, i64)> = None;
    let mut end: Option<(String, i64)> = None;
    for field in start_end_fields(&masked).take(100) {
        if !starts_as_a_date(field.value) {
            continue;
        }
        let slot = if field.start { &mut start } else { &mut end };
        if slot.is_some() {
            continue;
        }
        let zone = inputs.times.default_zone.as_ref();
        let Some(r) =
            field_time(field.value, zone).or_else(|| yearless(inputs.text, field.value, zone))
        else {
            continue;
        };
        // `| **Start** | 2025-03-04 21:13 UTC |` is quoted `Start | 2025-03-04 21:13 UTC`.
        let label = field
            .line
            .trim()
            .trim_start_matches(['-', '*', '+', '|', ' ']);
        let label = label.trim_end_matches(['|', ' ']).replace("**", "");
        *slot = Some((format!("`{}`", label.trim()), r.timestamp.as_second()));
    }
    let (Some((from, at)), Some((to, bt))) = (start, end) else {
        return labelled_window(inputs.text).into_iter().collect();
    };
    if bt <= at {
        return Vec::new();
    }
    vec![Compared {
        source: "stated",
        from,
        to,
        from_pointer: String::new(),
        to_pointer: String::new(),
        seconds: bt - at,
        rank: Default::default(),
    }]
}

/// A milestone's time in seconds: the milestone's own, or that of the first
/// timeline entry marked with it (read from words on a timeline whose times carry
/// no date of their own, the date coming from the report).
pub(super) fn milestone_at<'a>(
    inputs: &Inputs<'a>,
    m: Milestone,
) -> Option<(&'a crate::times::TimeValue, i64)> {
    let times = inputs.times;
    let wall = Wall::of(inputs);
    if let Some(v) = times.milestone(m).filter(|_| !out_of_order(inputs, m))
        && let Some(t) = v
            .instant()
            .map(|r| r.timestamp.as_second())
            .or_else(|| wall.zoneless.then(|| v.wall_on_own_date()).flatten())
    {
        return Some((v, t));
    }
    marked_entry(inputs, &wall, m)
}

/// Whether the milestone field `m` is the one out of the milestones' order: it
/// is before a milestone it follows, or after one it precedes (RS205 reports
/// that), more often than any other field is (`detected` after both `mitigated`
/// and `resolved`), or as often, when two are out of order only with each
/// other. A claim is then not measured with that field, which the report's own
/// order disowns, but with the timeline entry marked so (a record's `detected:
/// 15:20` beside a page at 13:20 does not make "paged eight minutes after the
/// first failures" wrong).
fn out_of_order(inputs: &Inputs<'_>, m: Milestone) -> bool {
    const ORDER: [Milestone; 5] = [
        Milestone::Started,
        Milestone::Detected,
        Milestone::Acknowledged,
        Milestone::Mitigated,
        Milestone::Resolved,
    ];
    let at: Vec<Option<i64>> = ORDER
        .iter()
        .map(|&k| {
            inputs
                .times
                .milestone(k)
                .and_then(|v| v.instant())
                .map(|r| r.timestamp.as_second())
        })
        .collect();
    let mut count = [0usize; 5];
    for i in 0..5 {
        for j in i + 1..5 {
            if let (Some(a), Some(b)) = (at[i], at[j])
                && a > b
            {
                count[i] += 1;
                count[j] += 1;
            }
        }
    }
    let most = count.iter().copied().max().unwrap_or(0);
    let k = ORDER.iter().position(|&x| x == m).unwrap_or(0);
    most > 0 && count[k] == most
}

/// The time of the first timeline entry marked with `m` (by its marker or its
/// words).
fn marked_entry<'a>(
    inputs: &Inputs<'a>,
    wall: &Wall,
    m: Milestone,
) -> Option<(&'a crate::times::TimeValue, i64)> {
    let i = inputs
        .model
        .timeline
        .iter()
        .position(|e| e.milestone == Some(m))?;
    let v = inputs.times.timeline.get(i)?.as_ref()?;
    wall.entry(i, v).map(|t| (v, t))
}

/// An entry that names the incident's end in so many words: "incident resolved",
/// "outage mitigated".
static NAMES_END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:incident|outage|issue)\s+(?:is\s+|was\s+|marked\s+(?:as\s+)?)?(?P<m>resolved|mitigated)\b")
        .expect("the pattern is valid")
});

/// The times a milestone has: its own, that of the timeline entry marked with it,
/// and for `resolved` and `mitigated` that of an entry naming it in words when
/// those differ (a tracker's `resolved_at` field and the entry "decline rate back
/// to baseline; incident resolved" an hour later are two readings of one end).
pub(super) fn milestone_readings<'a>(
    inputs: &Inputs<'a>,
    m: Milestone,
) -> Vec<(&'a crate::times::TimeValue, i64)> {
    let mut out: Vec<_> = milestone_at(inputs, m).into_iter().collect();
    let mut push = |v, t| {
        if out.iter().all(|(_, u)| *u != t) {
            out.push((v, t));
        }
    };
    if let Some((v, t)) = marked_entry(inputs, &Wall::of(inputs), m) {
        push(v, t);
    }
    if matches!(m, Milestone::Resolved | Milestone::Mitigated) {
        for (_, v, t, text) in sorted_entries(inputs) {
            if NAMES_END
                .captures(text)
                .and_then(|c| c.name("m"))
                .is_some_and(|w| w.as_str().eq_ignore_ascii_case(m.as_str()))
                && !PARTIAL.is_match(text)
            {
                push(v, t);
            }
        }
    }
    out
}

/// When the impact was noticed: `detected`, or the first entry (in time order)
/// whose words say it was noticed ("probe alerts", "customers report"), or in
/// which someone reports what the impact words name ("an analyst reports empty
/// charts").
pub(super) fn detected_at<'a>(inputs: &Inputs<'a>) -> Option<(&'a crate::times::TimeValue, i64)> {
    milestone_at(inputs, Milestone::Detected)
        .or_else(|| noticed_by_words(inputs).map(|(_, v, t, _)| (v, t)))
}

/// The first entry (in time order) whose words say the impact was noticed.
pub(super) fn noticed_by_words<'a>(
    inputs: &Inputs<'a>,
) -> Option<(usize, &'a crate::times::TimeValue, i64, &'a str)> {
    sorted_entries(inputs).into_iter().find(|(_, _, _, t)| {
        NOTICED.is_match(t) || (REPORTS.is_match(t) && subject::IMPACT_WORDS.is_match(t))
    })
}

/// The timeline's times in seconds when the report states no zone at all: the
/// durations between them are still the report's own (RS202 reports the zone).
/// Each is its wall-clock time on the last date written before it, a day later
/// when a time-only entry goes back.
pub(super) struct Wall {
    zoneless: bool,
    timeline: Vec<Option<i64>>,
}

impl Wall {
    fn of(inputs: &Inputs<'_>) -> Wall {
        let times = inputs.times;
        let zoneless = times.all().all(|v| v.instant().is_none());
        // A report with no date anywhere ("last Tuesday evening"; RS206 reports
        // it): its times are read on one nameless day ([`crate::times::Times::wall_clock`]),
        // so the durations between them are still its own.
        let timeline = if zoneless {
            times.wall_clock()
        } else {
            Vec::new()
        };
        Wall { zoneless, timeline }
    }

    /// Entry `i`'s time: its instant, or its wall-clock time.
    fn entry(&self, i: usize, v: &crate::times::TimeValue) -> Option<i64> {
        v.instant()
            .map(|r| r.timestamp.as_second())
            .or_else(|| self.timeline.get(i).copied().flatten())
    }
}

/// The timeline entries with a time, in the order of their times (a timeline
/// listed out of order, which RS201 reports, is read in time order).
pub(super) fn sorted_entries<'a>(
    inputs: &Inputs<'a>,
) -> Vec<(usize, &'a crate::times::TimeValue, i64, &'a str)> {
    let wall = Wall::of(inputs);
    let mut entries: Vec<(usize, &crate::times::TimeValue, i64, &str)> = inputs
        .times
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let v = v.as_ref()?;
            let text = inputs.model.timeline.get(i).map_or("", |e| e.text.as_str());
            wall.entry(i, v).map(|t| (i, v, t, text))
        })
        .collect();
    // An entry just after midnight still written with the day before ("2025-02-11
    // 23:59", "2025-02-11 00:25", "2025-02-12 06:40"; RS201 reports it) is read a
    // day later when that puts it between its neighbours in the list.
    for k in 1..entries.len() {
        let (previous, t) = (entries[k - 1].2, entries[k].2);
        let next = entries.get(k + 1).map(|e| e.2);
        if t < previous && t + 86_400 >= previous && next.is_none_or(|n| t + 86_400 <= n) {
            entries[k].2 = t + 86_400;
        }
    }
    entries.sort_by_key(|e| e.2);
    entries
}

/// Whether an entry's words name the impact: not a failover alone ("the array
/// failed over to its secondary controller, as designed" is redundancy at work,
/// often the trigger, not a failure anyone saw).
fn begins_impact(text: &str) -> bool {
    IMPACT_BEGAN.is_match(text)
        || subject::IMPACT_WORDS
            .find_iter(text)
            .any(|m| !FAILS_OVER.is_match(&text[m.start()..]))
}

/// `failed over`, `fails over` at the start of the text.
static FAILS_OVER: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)^fail(?:ed|s|ing)?\s+over\b").expect("the pattern is valid"));

/// Where the impact may have started: `started`, or any entry (before `before`,
/// when given) up to the first whose words name the impact or its detection, or
/// with no such words the first or second entry.
pub(super) fn start_candidates<'a>(
    inputs: &Inputs<'a>,
    before: Option<i64>,
) -> Vec<(&'a crate::times::TimeValue, i64, String)> {
    ranked_starts(inputs, before)
        .into_iter()
        .map(|(v, t, name, _)| (v, t, name))
        .collect()
}

/// [`start_candidates`] with each start's rank (see [`super::Rank`]): 0
/// `started`, 1 an entry whose words begin the impact, 2 any other.
fn ranked_starts<'a>(
    inputs: &Inputs<'a>,
    before: Option<i64>,
) -> Vec<(&'a crate::times::TimeValue, i64, String, u8)> {
    if let Some((v, t)) = milestone_at(inputs, Milestone::Started) {
        return vec![(v, t, "started".to_string(), 0)];
    }
    // A status page's updates are posted after the impact began: with the
    // impact's window stated in the report's summary, none is its start.
    if crate::parse::freeform::updates::is_stream(
        inputs.model.timeline.iter().map(|e| e.text.as_str()),
    ) && report_window(inputs).is_some()
    {
        return Vec::new();
    }
    let mut entries = sorted_entries(inputs);
    if let Some(end) = before {
        entries.retain(|e| e.2 < end);
    }
    if entries.is_empty() {
        return Vec::new();
    }
    let detected = milestone_at(inputs, Milestone::Detected).map(|(v, _)| v.pointer.as_str());
    let cut = entries
        .iter()
        .position(|(_, v, _, t)| {
            begins_impact(t) || NOTICED.is_match(t) || Some(v.pointer.as_str()) == detected
        })
        // No words say when: the first entry, or the second after a trigger.
        .unwrap_or(1);
    entries
        .iter()
        .take(cut + 1)
        .enumerate()
        .map(|(k, (i, v, t, text))| {
            let (named, rank) = if begins_impact(text) {
                (
                    format!("entry where the impact begins (entry {})", i + 1),
                    1,
                )
            } else if k == 0 {
                ("first entry".to_string(), 2)
            } else {
                (format!("entry {}", i + 1), 2)
            };
            (*v, *t, named, rank)
        })
        .collect()
}

/// How sure a timeline entry's words make it the impact's end, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum EndRank {
    /// Marked with `resolved` or `mitigated`.
    Marked,
    /// Says so in so many words: "impact ends", "outage over", "service restored";
    /// or at the time of day the report's prose states as the end ("everything
    /// was back at 23:20", [`stated_end`]).
    Explicit,
    /// Says a measure or a function recovered: "error rate back to baseline",
    /// "customers could log in again", "errors stopped", "queue drained".
    Recovery,
    /// The last entry, with no words that end the impact.
    Last,
    /// After the impact: the incident closed, the report written, monitoring
    /// over, a cleanup, a backfill, a follow-up deploy.
    PostIncident,
}

/// Words that end the impact in so many words.
static EXPLICIT_END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?:impact|outage|downtime|disruption|degradation|incident)\s+(?:is\s+|was\s+|has\s+|had\s+)?(?:over|ends|ended|stops|stopped)|(?:service|services|access|functionality|availability)\s+(?:(?:is|was|were|are|has\s+been|have\s+been|fully)\s+){0,2}restored|fully\s+(?:restored|recovered)|(?:incident|outage|issue)\s+(?:is\s+|was\s+|marked\s+(?:as\s+)?)?resolved|all[\s-]+clear)\b")
        .expect("the pattern is valid")
});

/// Recovery words that the shared impact-end words do not hold: "errors stopped",
/// "customers could log in again".
static MORE_RECOVERY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?:errors?|failures?|timeouts?|5xx|crashes|rejections?|alerts?)\s+(?:(?:have|had|has)\s+)?(?:stop(?:s|ped)?|ceased?|cleared?|subsided?|disappear(?:s|ed)?)|(?:could|can|were\s+able\s+to|are\s+able\s+to)\s+(?:[a-z-]+\s+){1,3}again)\b")
        .expect("the pattern is valid")
});

/// Words of an entry about what came after the impact.
static POST_INCIDENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?:incident|ticket|bridge|war\s*room|channel)\s+(?:(?:is|was|formally|officially)\s+)?(?:closed|closes|archived)|clos(?:e|ed|es|ing)\s+(?:the|our)\s+incident|(?:post-?\s?mortems?|postmortems?|retrospectives?|retro|rca|root\s+cause\s+analysis|incident\s+(?:report|review)|write-?ups?)\s+(?:(?:is|was|has\s+been|meeting|document|doc)\s+)?(?:scheduled|booked|planned|held|written|drafted|published|shared|started|opened|created|sent|done|complete[d]?|filed|posted|submitted)|\bthis\s+(?:report|bug|write-?up)\s+(?:(?:is|was)\s+)?(?:filed|posted|submitted|opened)|(?:wrote|held|(?:schedul|book|plann?|hold|writ|draft|publish|shar|open|creat|start)(?:e|es|ed|ing|s)?)\s+(?:the|a|an|our)\s+(?:post-?\s?mortem|postmortem|retrospective|retro|rca|incident\s+(?:report|review)|write-?up)|monitoring\s+(?:period\s+)?(?:ends?|ended|complete[d]?|finished|over|concluded)|(?:ended|end|stopped|concluded)\s+(?:the\s+)?(?:monitoring|watch)|clean-?ups?\s+(?:(?:is|was)\s+)?(?:done|complete[d]?|finished)|backfill(?:s|ed|ing)?\s+(?:(?:is|was|were)\s+)?(?:done|complete[d]?|finished)|follow-?up\s+(?:deploy|deployment|fix|change|patch|release|pr)|(?:customers?|users?)\s+(?:were\s+)?(?:notified|emailed)\s+(?:of|about)\s+the\s+(?:resolution|fix))")
        .expect("the pattern is valid")
});

/// Words of an action after the impact was over: a purge or cleanup, a
/// verification, monitoring or watching, the status page or the incident
/// closed, a postmortem or review, a backfill or reprocessing, customers
/// emailed or informed, a follow-up change.
static AFTER_RECOVERY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:purg[a-z]*|clean-?ups?|clean(?:ed|ing)[ \t\r\n]+up|verif[a-z]*|confirm[a-z]*|double-?check[a-z]*|monitor[a-z]*|watch[a-z]*|status[ \t\r\n]*page|clos(?:e|ed|es|ing)|post-?[ \t\r\n]?mortems?|retro[a-z]*|rca|(?:incident[ \t\r\n]+)?review[a-z]*|backfill[a-z]*|reprocess[a-z]*|replay[a-z]*|re-?run[a-z]*|e-?mail[a-z]*|notif[a-z]*|inform[a-z]*|follow-?up|write-?up|written|apolog[a-z]*|refund[a-z]*|credits?|hand-?over|stood[ \t\r\n]+down|stand[ \t\r\n]+down|of[ \t\r\n]+stable|stable[ \t\r\n]+for)\b")
        .expect("the pattern is valid")
});

/// Whether an entry's words tell of an action after the impact was over (a cache
/// purge, a cleanup, a verification, monitoring, the status page closed, a
/// postmortem meeting, a backfill, customer emails), and not of the impact
/// itself going on or coming back ("errors again", "failures start").
pub(super) fn after_recovery(text: &str) -> bool {
    AFTER_RECOVERY.is_match(text) && !IMPACT_BEGAN.is_match(text) && !AGAIN_FAILING.is_match(text)
}

/// Words that say the impact came back.
static AGAIN_FAILING: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:errors?|failures?|timeouts?|5xx|outage|impact)[ \t\r\n]+(?:[a-z]+[ \t\r\n]+)?(?:again|return(?:s|ed)?|recur[a-z]*|resum[a-z]*)\b|\bagain[ \t\r\n]+(?:failing|down|erroring)\b")
        .expect("the pattern is valid")
});

/// How sure `text`'s words make its entry the impact's end; `None` when they
/// do not end it (the last entry is ranked by its caller).
pub(super) fn end_rank(text: &str) -> Option<EndRank> {
    if PARTIAL.is_match(text) {
        return POST_INCIDENT
            .is_match(text)
            .then_some(EndRank::PostIncident);
    }
    if EXPLICIT_END.is_match(text) {
        Some(EndRank::Explicit)
    } else if POST_INCIDENT.is_match(text) {
        Some(EndRank::PostIncident)
    } else if IMPACT_ENDED.is_match(text) || MORE_RECOVERY.is_match(text) {
        Some(EndRank::Recovery)
    } else {
        None
    }
}

/// Whether an entry's words name the impact as going on.
fn names_impact(text: &str) -> bool {
    IMPACT_BEGAN.is_match(text) || subject::IMPACT_WORDS.is_match(text)
}

/// "Everything was back at 23:20", "service was restored at 10:05", "all systems
/// were fully recovered by 9:40 pm": the impact's end as the report states it in
/// prose, with a time of day.
static BACK_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:everything|all\s+(?:services|systems|sites)|(?:the\s+)?(?:service|services|site|website|platform)|access|functionality)\s+(?:was|were|is|are|came|had\s+been|has\s+been|have\s+been)\s+(?:fully\s+)?(?:back(?:\s+(?:up|online|to\s+normal))?|restored|recovered|up\s+again|online\s+again)\s+(?:at|by)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?(?P<b>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?)\b")
        .expect("the pattern is valid")
});

/// The impact's end as the report states it in a sentence of `masked` (the
/// report's text with code and quotes masked): "everything was back at 23:20",
/// "service was restored at 10:05" ([`BACK_AT`]), or the end of a "began at ...
/// and ended at ..." sentence, with its time of day. `None` when none is stated,
/// when its sentence says the end was partial ("restored at 10:05 for some
/// users"), or when two sentences state different ends.
pub(super) fn stated_end(masked: &str) -> Option<(String, jiff::civil::Time)> {
    let mut ends = window::BEGAN_ENDED
        .captures_iter(masked)
        .chain(BACK_AT.captures_iter(masked))
        .filter(|caps| {
            let at = caps.get(0).map_or(0, |m| m.start());
            let to = masked[at..].find(". ").map_or(masked.len(), |i| at + i);
            !PARTIAL.is_match(&masked[at..to])
        })
        .filter_map(|caps| {
            let written = caps.name("b")?.as_str().to_string();
            let time = crate::time::parse_time(written.trim()).ok()?.time;
            Some((written, time))
        });
    let first = ends.next()?;
    ends.all(|(_, time)| time == first.1).then_some(first)
}

/// The impact's plausible ends, ranked: the marked milestones, then every entry
/// whose words end it (explicitly first, then by recovery words), then the last
/// entry. An entry at the end the report states in prose ([`stated_end`]) ends it
/// in so many words, whatever its own words say (unless they say it was partial). An entry about what came after the impact (closing the incident, the
/// report, the end of monitoring, a cleanup, a backfill, a follow-up deploy) is an
/// end only when nothing else is; and once an entry says in so many words that the
/// impact ended, a later entry is not its end.
pub(super) fn end_candidates<'a>(
    inputs: &Inputs<'a>,
) -> Vec<(&'a crate::times::TimeValue, i64, String, EndRank)> {
    let entries = sorted_entries(inputs);
    let mut ends: Vec<(&crate::times::TimeValue, i64, String, EndRank)> = Vec::new();
    for m in [Milestone::Resolved, Milestone::Mitigated] {
        if let Some((v, t)) = milestone_at(inputs, m) {
            ends.push((v, t, m.as_str().to_string(), EndRank::Marked));
        }
    }
    let last = entries.len().checked_sub(1);
    // An end the report states in prose ("everything was back at 23:20") makes
    // the entry at that time of day an end in so many words.
    let stated = if entries.len() >= 2 {
        stated_end(&mask(inputs.text))
    } else {
        None
    };
    for (k, (i, v, t, text)) in entries.iter().enumerate() {
        if ends.iter().any(|e| e.0.pointer == v.pointer) {
            continue;
        }
        let at_stated = stated.as_ref().filter(|(_, time)| {
            v.parsed
                .as_ref()
                .is_ok_and(|p| p.time.hour() == time.hour() && p.time.minute() == time.minute())
        });
        let words = end_rank(text);
        let promoted = at_stated.filter(|_| !PARTIAL.is_match(text));
        let rank = match (words, promoted) {
            (Some(r), Some(_)) => r.min(EndRank::Explicit),
            (None, Some(_)) => EndRank::Explicit,
            (Some(r), None) => r,
            (None, None) if Some(k) == last => EndRank::Last,
            (None, None) => continue,
        };
        let name = match (rank, promoted) {
            (EndRank::Explicit, Some((written, _))) if words != Some(EndRank::Explicit) => format!(
                "entry at the end the report states, `{}` (entry {})",
                written.trim(),
                i + 1
            ),
            (EndRank::Explicit, _) => {
                format!("entry that says the impact ended (entry {})", i + 1)
            }
            (EndRank::Recovery, _) => format!("entry where the impact ends (entry {})", i + 1),
            (EndRank::PostIncident, _) => format!("post-incident entry (entry {})", i + 1),
            _ => format!("last entry (entry {})", i + 1),
        };
        ends.push((v, *t, name, rank));
    }
    // An entry that says the impact ended bounds the rest: later recovery words
    // or a later last entry are after it ended.
    if let Some(cut) = ends
        .iter()
        .filter(|e| e.3 == EndRank::Explicit)
        .map(|e| e.1)
        .max()
    {
        ends.retain(|e| e.3 <= EndRank::Explicit || e.1 <= cut);
    }
    // Once words end the impact, a last entry without such words is after it
    // ended, unless its own words still name the impact ("errors again").
    if ends
        .iter()
        .any(|e| matches!(e.3, EndRank::Explicit | EndRank::Recovery))
    {
        ends.retain(|e| {
            e.3 != EndRank::Last
                || entries.iter().any(|(_, v, _, text)| {
                    v.pointer == e.0.pointer && names_impact(text) && !after_recovery(text)
                })
        });
    }
    if ends.iter().any(|e| e.3 < EndRank::PostIncident) {
        ends.retain(|e| e.3 < EndRank::PostIncident);
    }
    ends.sort_by_key(|e| e.3);
    ends
}

/// The incident's length read from the timeline when the milestones do not give it.
/// A timeline may open with the trigger and close after the end (a late alert, a
/// follow-up), so every plausible reading is returned, best-ranked first, and a
/// claim contradicts only when none agrees: the impact starts at `started`, or at
/// any entry up to the first whose words name the impact (errors, failing, stale,
/// delayed, ...) or say it was noticed (none later: the impact cannot begin after
/// it was detected), or with no such words at the first or second entry; it ends
/// where [`end_candidates`] says. A timeline listed out of order is read in the
/// order of its times.
pub(super) fn timeline_readings(inputs: &Inputs<'_>) -> Vec<Compared> {
    if sorted_entries(inputs).len() < 2 {
        return Vec::new();
    }
    let starts = ranked_starts(inputs, None);
    let ends = end_candidates(inputs);
    let mut out = Vec::new();
    for (b, bt, to, end) in &ends {
        for (a, at, from, start) in &starts {
            let seconds = bt - at;
            if seconds > 0 {
                out.push(Compared {
                    source: "timeline",
                    from: from.clone(),
                    to: to.clone(),
                    from_pointer: a.pointer.clone(),
                    to_pointer: b.pointer.clone(),
                    seconds,
                    rank: super::Rank {
                        end: *end as u8,
                        start: *start,
                    },
                });
            }
        }
    }
    out
}

/// The incident's length from the events the report's sentences put at dated
/// times ("The problem began at approximately 8:45 p.m. on Tuesday 10/7/25", "The
/// system was restored at 6:45 a.m. on Thursday 10/9/25"), for a report whose
/// timeline gives no time: every start to every later end, the first start to the
/// last end first (see [`crate::parse::freeform::events`]). In a report of
/// several incidents, only the events of the incident the claim (at offset
/// `at`) is in.
pub(super) fn prose_windows(inputs: &Inputs<'_>, at: usize) -> Vec<Compared> {
    use crate::parse::freeform::events;
    if !sorted_entries(inputs).is_empty() {
        return Vec::new();
    }
    let masked = mask(inputs.text);
    let read = events::read(
        &masked,
        crate::time::report_year(inputs.text),
        inputs.times.default_zone.as_ref(),
    );
    let own = inputs.scopes.of(at);
    events::windows(&read)
        .into_iter()
        .filter(|(a, b)| {
            own.is_none()
                || (inputs.scopes.of(a.range.start) == own
                    && inputs.scopes.of(b.range.start) == own)
        })
        .map(|(a, b)| Compared {
            source: "stated",
            from: format!("start `{}` (read from prose)", a.written),
            to: format!("end `{}` (read from prose)", b.written),
            from_pointer: String::new(),
            to_pointer: String::new(),
            seconds: b.at - a.at,
            rank: Default::default(),
        })
        .collect()
}

/// The one window the report states for the impact in its summary-like prose
/// (summary, impact, a "What happened" or "Overview" section): "Finance
/// dashboards stale from Friday 18:00 to Sunday 09:30". `None` when it states
/// none, or several that differ.
pub(super) fn report_window(inputs: &Inputs<'_>) -> Option<Compared> {
    let mut found = Vec::new();
    let mut pointer = String::new();
    super::strings(inputs.tree, &mut pointer, &mut found);
    let mut windows: Vec<Compared> = Vec::new();
    for (pointer, node) in found {
        let summary_like = pointer.starts_with("/impact/")
            || super::place(inputs.model, &pointer) == subject::Place::Summary;
        let section = super::prose::section_at(inputs.model, &pointer)
            .filter(|s| !summary_like && super::is_postmortem_title(&s.title));
        if !(summary_like || section.is_some()) || !super::is_prose(&pointer) {
            continue;
        }
        let source = node.span.slice(inputs.text);
        if source.len() > 100_000 || !source.contains(':') {
            continue;
        }
        let prose = super::Prose::of(inputs.text, node);
        // A status page's "Postmortem" opens with the incident in brief: its
        // first paragraph states the window as a summary would.
        let masked = match section {
            Some(s) => match super::postmortem_opening(&s.title, &prose.masked) {
                Some(opening) => &prose.masked[opening],
                None => continue,
            },
            None => &prose.masked[..],
        };
        windows.extend(window::impact_windows(masked));
    }
    let first = windows.first()?.clone();
    windows
        .iter()
        .all(|w| w.seconds == first.seconds)
        .then_some(first)
}

/// The incident's length read from the clock times the summary-like prose and the
/// claim's own string (at `claimed`) state, for a report whose timeline gives no
/// time (see [`window::narrative`]). In a report of several incidents, only the
/// text of the incident the claim (at offset `at`) is in.
pub(super) fn narrative_readings(inputs: &Inputs<'_>, claimed: &str, at: usize) -> Vec<Compared> {
    if !sorted_entries(inputs).is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut pointer = String::new();
    super::strings(inputs.tree, &mut pointer, &mut found);
    // In the order the report tells them.
    found.sort_by_key(|(_, node)| node.span.start);
    let mut text = String::new();
    for (pointer, node) in found {
        let summary_like = pointer == claimed
            || pointer.starts_with("/impact/")
            || super::place(inputs.model, &pointer) == subject::Place::Summary;
        if !summary_like || !super::is_prose(&pointer) {
            continue;
        }
        let source = node.span.slice(inputs.text);
        if source.len() > 100_000 {
            continue;
        }
        let masked = super::Prose::of(inputs.text, node).masked;
        match inputs.scopes.of(at) {
            // Another incident's text is blanked (offsets kept).
            Some(own) if masked.len() == source.len() => {
                let mut kept = String::with_capacity(masked.len());
                for (i, c) in masked.char_indices() {
                    if inputs.scopes.of(node.span.start + i) == Some(own) {
                        kept.push(c);
                    } else {
                        kept.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    }
                }
                text.push_str(&kept);
            }
            Some(_) => continue,
            None => text.push_str(&masked),
        }
        text.push_str("\n\n");
    }
    window::narrative(&text)
}

#[cfg(test)]
mod stated_fields {
    use crate::Format;
    use crate::claims::Verdict;

    use crate::claims::verdict_of as verdict;

    #[test]
    fn a_failover_as_designed_is_not_where_the_impact_begins() {
        let report = |claim: &str| {
            format!(
                "# Logins failing\n\n## Timeline\n\nAll times BST, 22 September 2025.\n\n\
                 - 09:58 The storage array failed over to its secondary controller, as designed.\n\
                 - 10:04 First customer calls about login failures.\n\
                 - 10:19 Monitoring alerted and paged the on-call engineer.\n\
                 - 11:36 Logins succeeding normally; held mail delivered.\n\
                 - 12:20 Queue empty.\n\n## Impact\n\nLogins were unavailable for {claim}.\n"
            )
        };
        assert_eq!(
            verdict(
                &report("one hour and 32 minutes"),
                "one hour and 32 minutes"
            )
            .0,
            Verdict::Agrees
        );
        assert_eq!(
            verdict(&report("50 minutes"), "50 minutes").0,
            Verdict::Contradicts
        );
    }

    const TITLE: &str = "# Postmortem: catalog API outage\n\n";

    #[test]
    fn a_length_and_the_reports_own_start_and_end() {
        for (body, text) in [
            (
                "## Issue Summary\n\n- **Duration:**\n  - Start Time: 3 June 2025, 09:10 WAT (UTC+1)\n  - End Time: 3 June 2025, 10:25 WAT (UTC+1)\n\nIn short: a 45-minute outage of the catalog API.",
                "45-minute",
            ),
            (
                "## Problem summary\n\n- Start: June 3, 2025, 09:10 UTC\n- End: June 3, 2025, 10:25 UTC\n\nThe catalog API had a 45 minute outage.",
                "45 minute",
            ),
            (
                "| Field | Value |\n|---|---|\n| Start time | 3 June 2025 09:10 UTC |\n| End time | 3 June 2025 10:25 UTC |\n\n## Summary\n\nThe outage lasted 45 minutes.",
                "45 minutes",
            ),
            (
                "**Outage start:** Tuesday, 3 June 2025 at 09:10 UTC\n**Outage end:** Tuesday, 3 June 2025 at 10:25 UTC\n\n## Summary\n\nCatalog pages were down for 45 minutes.",
                "45 minutes",
            ),
            (
                "## Outage summary\n\nIn short: a 45-minute outage of the catalog API.\n\n## Timeline\n\nAll times are UTC, 3 June 2025.\n\n- 09:05 - Configuration change rolled out.\n- 09:10 - First 502 responses. Outage begins.\n- 09:40 - Alert acknowledged.\n- 10:25 - Error rate back to normal. Outage ends.",
                "45-minute",
            ),
        ] {
            assert_eq!(
                verdict(&format!("{TITLE}{body}\n"), text),
                (Verdict::Contradicts, Some(75)),
                "{body}"
            );
        }
        assert_eq!(
            verdict(
                &format!(
                    "{TITLE}## Issue Summary\n\n- Start Time: 3 June 2025, 09:10 UTC\n- End Time: 3 June 2025, 10:25 UTC\n\nIn short: a 75-minute outage of the catalog API.\n"
                ),
                "75-minute"
            ),
            (Verdict::Agrees, Some(75))
        );
    }

    /// A header that labels the window as the duration, and a timeline whose
    /// last entry comes long after the impact ended.
    fn with_header(header: &str, claim: &str) -> String {
        format!(
            "{TITLE}{header}\n\n## Executive Summary\n\n{claim}\n\n## Timeline\n\n- 2025-09-23 2:10 PM PDT Certificate rotated\n- 2025-09-23 2:14 PM PDT First rejected pushes\n- 2025-09-23 3:31 PM PDT Production certificate restored\n- 2025-09-23 4:05 PM PDT Queued notifications replayed; incident closed\n"
        )
    }

    #[test]
    fn a_header_that_labels_the_window_as_the_duration() {
        let claim = "For an hour and seventeen minutes, push notifications were not delivered.";
        for header in [
            "> **Date:** 2025-09-23\n> **Duration:** 2:14 PM – 3:31 PM PDT",
            "- **Duration:** 2:14 PM - 3:31 PM",
            "| Field | Value |\n|---|---|\n| Impact window | 2:14 PM – 3:31 PM PDT |",
            "**Outage duration:** 2:14 pm to 3:31 pm",
            "Customer impact period: 2:14 PM until 3:31 PM PDT",
            // The window as the time of the incident, its date before it.
            "- **Date/Time:** Sep 23, 2025 2:14 PM - 3:31 PM Pacific",
            "**When:** 2025-09-23 2:14 pm till 3:31 pm (UTC-7)",
            "| Date & time | Tuesday 23 September 2025, 2:14 PM – 3:31 PM PDT |",
            "Time window: 23.09.2025 2:14 PM to 3:31 PM Pacific time",
        ] {
            assert_eq!(
                verdict(&with_header(header, claim), "an hour and seventeen minutes"),
                (Verdict::Agrees, Some(77)),
                "{header}"
            );
        }
        // The header's window, not the timeline's 1h55m, is the one compared.
        for header in [
            "- **Date/Time:** Sep 23, 2025 2:14 PM - 3:31 PM Pacific",
            "**When:** 2025-09-23 2:14 pm till 3:31 pm (UTC-7)",
            "| Date & time | Tuesday 23 September 2025, 2:14 PM – 3:31 PM PDT |",
        ] {
            assert_eq!(
                verdict(
                    &with_header(header, "- **Duration:** 40 minutes"),
                    "40 minutes"
                ),
                (Verdict::Contradicts, Some(77)),
                "{header}"
            );
        }
        assert_eq!(
            verdict(
                &with_header(
                    "> **Duration:** 2:14 PM – 3:31 PM PDT",
                    "For about 40 minutes, push notifications were not delivered."
                ),
                "about 40 minutes"
            ),
            (Verdict::Contradicts, Some(77))
        );
        for header in [
            // A maintenance window is not the incident's.
            "> **Maintenance window:** 2:14 PM – 3:31 PM PDT",
            // Two windows: which one is not clear.
            "> **Duration:** 2:14 PM – 3:31 PM PDT\n> **Duration:** 2:20 PM – 2:50 PM PDT",
            // A duration, not a window.
            "> **Duration:** 77 minutes",
            // Times in running text after the label.
            "> **Duration:** from about 2:14 PM, with retries until 3:31 PM PDT and later",
            // No label at all.
            "> 2:14 PM – 3:31 PM PDT",
            // The time of something else, or a date with no window.
            "- **Maintenance time:** Sep 23, 2025 2:14 PM - 3:31 PM Pacific",
            "- **Date/Time:** Sep 23, 2025 2:14 PM Pacific",
            "**When:** after the 2:14 PM release, 3 hosts - 3:31 PM",
        ] {
            let report = with_header(
                header,
                "For about 40 minutes, push notifications were not delivered.",
            );
            let claims = crate::check(&report, Format::Markdown).claims;
            let from = claims
                .iter()
                .find(|c| c.text == "about 40 minutes")
                .and_then(|c| c.compared_with.as_ref())
                .map(|c| c.from.clone())
                .unwrap_or_default();
            assert!(!from.starts_with("window start"), "{header}: {from}");
        }
    }

    /// A status post: updates newest first, a total in the resolved update, and
    /// a summary after them.
    fn status_post(resolved: &str, summary: &str) -> String {
        format!(
            "# [Resolved] Mail storage disruption\n\nAll times are CET.\n\n{resolved}\n\n**Update 2025-11-04 11:30 CET**\n\nParts installed; the pool is importing.\n\n**Update 2025-11-04 10:15 CET**\n\nMailboxes on this unit are unavailable.\n\n---\n\n### Summary\n\n{summary}\n"
        )
    }

    #[test]
    fn a_total_in_a_status_update_against_the_summarys_window() {
        let summary =
            "Affected customers could not log in from 10:15 until 12:20, and mail was held.";
        for resolved in [
            "**Update 2025-11-04 13:05 CET**\n\nResolved. Total interruption for the affected\naccounts: about 1 hour.",
            "**Update 2025-11-04 13:05 CET**\n\n- Resolved; all mailboxes are back.\n- Total interruption: about 1 hour.",
            "Update 2025-11-04 13:05 CET\nResolved. Overall downtime: about 1 hour.",
        ] {
            assert_eq!(
                verdict(&status_post(resolved, summary), "about 1 hour"),
                (Verdict::Contradicts, Some(125)),
                "{resolved}"
            );
        }
        assert_eq!(
            verdict(
                &status_post(
                    "**Update 2025-11-04 13:05 CET**\n\nResolved. Total interruption: about 2 hours.",
                    summary
                ),
                "about 2 hours"
            ),
            (Verdict::Agrees, Some(125))
        );
        let resolved =
            "**Update 2025-11-04 13:05 CET**\n\nResolved. Total interruption: about 1 hour.";
        for summary in [
            // No window stated.
            "Affected customers could not log in, and mail was held.",
            // The team's work, not the impact.
            "We replaced the controllers from 10:15 until 12:20.",
            // Two windows that differ.
            "Logins failed from 10:15 until 12:20; mail was delayed from 10:15 until 13:05.",
        ] {
            assert_eq!(
                verdict(&status_post(resolved, summary), "about 1 hour").0,
                Verdict::NotCompared,
                "{summary}"
            );
        }
    }

    #[test]
    fn start_and_end_fields_that_give_no_window() {
        for (body, text) in [
            // A start and no end.
            (
                "## Issue Summary\n\n- Start Time: 3 June 2025, 09:10 UTC\n\nIn short: a 45-minute outage of the catalog API.",
                "45-minute",
            ),
            // Another window's fields.
            (
                "## Issue Summary\n\n- Maintenance start: 3 June 2025, 09:10 UTC\n- Maintenance end: 3 June 2025, 10:25 UTC\n\nIn short: a 45-minute outage of the catalog API.",
                "45-minute",
            ),
            // An end before the start.
            (
                "## Issue Summary\n\n- Start Time: 3 June 2025, 10:25 UTC\n- End Time: 3 June 2025, 09:10 UTC\n\nIn short: a 45-minute outage of the catalog API.",
                "45-minute",
            ),
            // Dates without a year.
            (
                "## Issue Summary\n\n- Start Time: 3 June, 09:10\n- End Time: 3 June, 10:25\n\nIn short: a 45-minute outage of the catalog API.",
                "45-minute",
            ),
            // A length of something else in the summary.
            (
                "## Issue Summary\n\n- Start Time: 3 June 2025, 09:10 UTC\n- End Time: 3 June 2025, 10:25 UTC\n\nA 45-minute maintenance window had been planned for the week after.",
                "45-minute",
            ),
        ] {
            assert_eq!(
                verdict(&format!("{TITLE}{body}\n"), text).0,
                Verdict::NotCompared,
                "{body}"
            );
        }
    }
}

#[cfg(test)]
mod impact_end {
    use super::{EndRank, end_rank};

    /// An end stated in words in prose, its time of day; none when the sentence
    /// says the end was partial or two sentences state different ends.
    #[test]
    fn an_end_stated_in_prose() {
        for (text, want) in [
            (
                "Everything was back at 23:20, so we were down for an hour.",
                Some("23:20"),
            ),
            (
                "Service was restored at 10:05 after the rollback.",
                Some("10:05"),
            ),
            (
                "All systems were fully recovered by 9:40 pm.",
                Some("9:40 pm"),
            ),
            ("Service was restored at 10:05 for some users.", None),
            (
                "Everything was back at 23:20. The site was back at 23:50.",
                None,
            ),
            ("The queue was back at 23:20 levels by morning.", None),
            ("We were back at the office at 09:00.", None),
        ] {
            let got = super::stated_end(text).map(|(w, _)| w);
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    use crate::claims::{Claim, Verdict};

    #[test]
    fn each_kind_of_end() {
        for text in [
            "disk cleared; impact ends",
            "the outage is over",
            "service restored for all regions",
            "exports fully recovered",
            "incident resolved",
            "all clear given",
        ] {
            assert_eq!(end_rank(text), Some(EndRank::Explicit), "{text}");
        }
        for text in [
            // A mitigation may come before the impact ends.
            "incident mitigated",
            "error rate back to baseline",
            "customers could log in again",
            "errors stopped after the restart",
            "backlog drained",
            "exports succeed again",
        ] {
            assert_eq!(end_rank(text), Some(EndRank::Recovery), "{text}");
        }
        for text in [
            "incident closed",
            "monitoring period ended",
            "post-mortem scheduled for Friday",
            "we wrote the incident report",
            "backfill complete",
            "cleanup done, ticket closed",
            "follow-up deploy of the retry fix",
            "This report filed.",
            "incident report posted to the bug",
        ] {
            assert_eq!(end_rank(text), Some(EndRank::PostIncident), "{text}");
        }
        for text in [
            "on-call paged",
            "a full write-up is below",
            "still partially degraded",
        ] {
            assert_eq!(end_rank(text), None, "{text}");
        }
        // Words that end it in part only are no end.
        assert_eq!(end_rank("errors stopped for some users"), None);
    }

    fn claim(timeline: &str, summary: &str, text: &str) -> Claim {
        let report = format!(
            "# Export outage\n\nDate: 2025-07-15\nAll times are UTC.\n\n## Summary\n\n{summary}\n\n## Timeline\n\n{timeline}"
        );
        crate::check(&report, crate::Format::Markdown)
            .claims
            .into_iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim `{text}`"))
    }

    const TIMELINE: &str = "- 14:05 first exports fail\n- 14:12 alert pages on-call\n- 15:20 disk cleared; impact ends\n- 16:10 backlog drained\n- 17:05 incident closed; post-mortem scheduled\n";

    #[test]
    fn an_explicit_end_bounds_the_later_entries() {
        let c = claim(TIMELINE, "Exports failed for 75 minutes.", "75 minutes");
        assert_eq!(c.verdict, Verdict::Agrees);
        assert!(c.note.is_none(), "{:?}", c.note);
        // To the backlog drained, or to the incident closed: after the end.
        for (summary, text) in [
            ("Exports failed for two hours.", "two hours"),
            ("Exports failed for three hours.", "three hours"),
        ] {
            let c = claim(TIMELINE, summary, text);
            assert_eq!(c.verdict, Verdict::Contradicts, "{summary}");
            // "impact ends" marks the entry `resolved` (free-form milestones).
            assert_eq!(c.compared_with.map(|c| c.to), Some("resolved".to_string()));
        }
    }

    #[test]
    fn recovery_words_keep_each_plausible_end_and_name_a_lower_one() {
        let timeline = "- 14:05 first exports fail\n- 14:12 alert pages on-call\n- 15:20 error rate back to baseline\n- 15:50 backlog drained\n- 17:05 incident closed\n";
        // The backlog drained is a plausible end too: it agrees, named as lower-ranked.
        let c = claim(timeline, "Exports failed for 105 minutes.", "105 minutes");
        assert_eq!(c.verdict, Verdict::Agrees);
        assert!(
            c.note
                .as_deref()
                .is_some_and(|n| n.starts_with("agrees with")),
            "{:?}",
            c.note
        );
        // The incident closed is not, with other ends stated.
        let c = claim(timeline, "Exports failed for three hours.", "three hours");
        assert_eq!(c.verdict, Verdict::Contradicts);
        // Nothing else ends it: the post-incident entry is the end.
        let only =
            "- 14:05 first exports fail\n- 14:12 alert pages on-call\n- 17:05 incident closed\n";
        let c = claim(only, "Exports failed for three hours.", "three hours");
        assert_eq!(c.verdict, Verdict::Agrees);
        // A last entry without end words after a recovery is after the end, unless
        // it names the impact again.
        let last = "- 14:05 first exports fail\n- 14:12 alert pages on-call\n- 15:20 exports succeed again\n- 17:05 deadline for the reports moved by a day\n";
        let c = claim(last, "Exports failed for three hours.", "three hours");
        assert_eq!(c.verdict, Verdict::Contradicts);
        let again = last.replace(
            "deadline for the reports moved by a day",
            "exports failing again",
        );
        let c = claim(&again, "Exports failed for three hours.", "three hours");
        assert_eq!(c.verdict, Verdict::Agrees);
    }

    #[test]
    fn a_length_that_agrees_with_the_mitigation() {
        let timeline = "- 14:05 first exports fail\n- 14:12 alert pages on-call\n- 14:45 traffic failed over; exports succeed again\n- 17:05 root cause fixed; incident resolved\n";
        let c = claim(
            timeline,
            "Exports failed for 40 minutes, until traffic was failed over; the root cause took longer.",
            "40 minutes",
        );
        assert_eq!(c.verdict, Verdict::Agrees, "{c:?}");
        assert_eq!(c.compared_with.map(|c| c.seconds / 60), Some(40));
    }
}
