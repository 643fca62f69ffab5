use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::time;

declare_rule! {
    /// The summary states a start or end time that contradicts the milestones.
    ///
    /// ## Why
    /// Most readers stop at the summary. When it says "between 4:00 PM and 5:15 PM
    /// UTC" while the timeline says 16:05 to 17:20 CEST (14:05 to 15:20 UTC), one
    /// of them is wrong and readers cannot tell which.
    ///
    /// Read in the title, the summary and `impact.description`, and in a free
    /// section that retells the story in brief ("What happened" under a mail's
    /// greeting, "Overview"; one that ends its window at the timeline's last
    /// entry ends it where the timeline does), and in the opening paragraph of a
    /// status page's "Postmortem" (past its dateline; the rest is its story) (code, quoted
    /// lines and URLs left out), with the zone written after either time of a
    /// window, bare or in parentheses (`10:14 (CEST)`), or the report's
    /// `timezone`, on the date of `milestones.started`:
    ///
    /// | written | compared with |
    /// |---|---|
    /// | "between A and B", "from A to/until/till/through B" | A with `started`, B with `resolved` or `mitigated` |
    /// | "A-B" with both times written with a colon (`10:51-12:26 CEST`) | the same |
    /// | "started/began (at) A", ", starting at A", a sentence opening "Starting at A, (the impact)" | `started` |
    /// | "resolved/fixed/restored/recovered/mitigated/ended (at) B", "back up/online at B", "lasted/continued/persisted until B" | `resolved` or `mitigated` (either agreeing is enough) |
    ///
    /// When the timeline entry at `resolved` ends the impact in so many words ("last blank pages gone; impact ends", `**OUTAGE ENDS**`), an end
    /// is compared with `resolved` alone: a mitigation before it (an alias pointed
    /// back to a cold index, a rollback behind a cache) is not where the impact ended.
    ///
    /// Outside a window a time needs a colon or AM/PM (`10:52 AM`, `12.26 PM`), so
    /// "started at 10 servers" is not a time. In a window a bare number is a
    /// clock only beside a zone or a clock at the other end ("between 14 and 15
    /// UTC", "from 9 to 11:30"), so a range of counts ("between 14 and 41 minutes
    /// late", "from 3 to 20 seconds") is never a window. An a.m./p.m. written at one
    /// end only is read for both (`3:05 - 4:20 PM` is 3:05 PM to 4:20 PM; the
    /// start takes the other when the shared one would put it after the end, as in
    /// `11:30 - 1:15 PM`); an end written `09:40` is a 24-hour clock. Five minutes of rounding are
    /// allowed, fifteen after "about", "around", "approximately" or `~`. Without
    /// the milestone, the first (for a start) or last (for an end) timeline entry
    /// is the reference, with thirty minutes allowed (a timeline may open before
    /// the impact or close after it), and the message says so. A clock without a
    /// date is compared on the reference's own date, so "between 02:10 and 03:05"
    /// meets a timeline that opened at 23:50 the evening before.
    ///
    /// A start that is the time of a timeline entry (not its last, and not a
    /// response: an entry marked `acknowledged`, `mitigated` or `resolved`, such as
    /// "Incident declared") before the impact ended is
    /// the author's reading of the timeline and is not reported: the first user
    /// report after an earlier cause (credentials that expired at 09:00, read as
    /// `started` from "starts failing"), the first failure after a maintenance
    /// step, the change that set it off. Only a `started` the author wrote
    /// (front matter, a marked entry) outranks such an entry. An end has no such
    /// leeway: a window that stops at "rollout paused" while uploads worked again
    /// only 45 minutes later understates the impact. Unless the window states its
    /// own length, which agrees with its ends ("For 29 minutes, from 18:17 to
    /// 18:46 UTC"), and its end is an entry whose own words say the impact ended
    /// ("Postgres accepts writes again"): an end milestone read from a later
    /// entry's words (a clean-up, "queues drained, everything back to normal")
    /// does not overrule it. An entry that ends the impact in so many words
    /// ("The purge completes. Impact ends.", "service restored", "outage over")
    /// is such an end even when the window states no length: a later entry (the
    /// incident closed after manual checks, a queue drained) and the timeline's
    /// last entry come after the impact, and only an end milestone the author
    /// wrote outranks it. So is an entry whose words say the impact recovered
    /// ("502 rate back to normal") when every later entry is an action after the
    /// recovery (a cache purge, a cleanup, a verification, monitoring, the status
    /// page closed, a postmortem meeting, a backfill, customer emails): none of
    /// those is the impact's end. Milestones the author wrote are outranked only
    /// by a window that states its own length and lies inside them, each of them
    /// at an entry of the timeline, with its start at an entry or its end at one
    /// that says the impact ended: a narrower impact than the incident's (the
    /// same 29 minutes with `resolved` written at the 19:02 entry, as `retrospec
    /// import` writes it); a milestone no entry backs may be the wrong one, and
    /// stays compared. When both ends of one window
    /// are wrong (a window in the wrong zone), one finding covers the window.
    ///
    /// A timeline that is a status page's updates (`Investigating`, `Update`,
    /// `Monitoring`, `Resolved`, each posted at its time) bounds the window
    /// otherwise: the first update is posted after the impact began, so a start
    /// before it is no contradiction, and the `Resolved` post comes after the
    /// recovery, so an end before it is none either (also when `resolved` was
    /// read from that post). An update posted after the
    /// stated end whose words say the impact goes on ("Error rates are still
    /// around 30%") contradicts the end; a hedge ("may still fail"), a cleanup or
    /// a `Resolved` update does not. A `Monitoring` or `Resolved` update at the
    /// summary's end agrees with it, as the timeline's last entry would.
    ///
    /// When the milestone has no timeline entry of its own (RS210) and the
    /// timeline's first or last entry agrees with the summary, the milestone is
    /// the odd one out: the finding is on the milestone, with the summary and the
    /// entry as labels (a tracker's `resolved_at` an hour before the timeline's
    /// end).
    ///
    /// In the report's other prose (the resolution, the detection, the lessons,
    /// sections of its own words; not the cause fields, which tell of what came
    /// before), an end ("Service was restored at 09:10 UTC") or a notice about the
    /// incident ("We emailed affected merchants at 09:15 UTC to say payments were
    /// restored") at a clock before the incident began is a contradiction: the
    /// timeline starts at 10:00 the same day. Read only in a report whose times
    /// all fall on one day, so a clock without a date has one reading; a sentence
    /// that names another day, a backup or snapshot, a plan, a routine or another
    /// incident is left alone.
    ///
    /// When no time in the report has a date, instants cannot be compared, but one
    /// mistake still shows: the summary gives the impact's clock in one zone
    /// (`starting at 10:14 (CEST)`) and the timeline, all in another fixed zone
    /// (`## Timeline (times in UTC)`), has an entry at the same clock and none at
    /// the converted one (08:14). The same event cannot be at 10:14 in both; one of
    /// the zone statements is wrong. Both zones must have a fixed offset (UTC, an
    /// offset, an abbreviation; not `Pacific`), and a summary time that is the
    /// right conversion of an entry keeps the field quiet.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 17:20 CEST
    /// ---
    /// ## Summary
    /// Users saw errors between 4:00 PM and 5:15 PM UTC.
    /// ```
    /// Use instead: "between 14:05 and 15:20 UTC".
    pub struct SummaryTimes = "RS207", "summary-times", Error;
}

mod before_start;
mod entries;
mod fields;
use fields::stated_fields;
mod length;
use length::states_its_length;
mod meridiem;
use meridiem::normalise;
mod opening;
mod same_clock;
pub(crate) mod updates;

use entries::{end_at_an_ending_entry, inside, start_at_an_entry};

/// A time: `14:05`, `2 PM`, `9.30 a.m.`, or a military `1405Z`.
const TIME: &str = r"((?:[01][0-9]|2[0-3])[0-5][0-9]Z\b|[0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*(?i:[ap]\.?m\.?))?)(?:\s+\(?([A-Z]{2,5}|[+-][0-9]{2}:?[0-9]{2})\b\)?)?";
/// A time that cannot be a count: a colon or a dot with minutes, or AM/PM.
const CLOCK: &str = r"((?:[0-9]{1,2}[:.][0-9]{2}(?:\s*(?i:[ap]\.?m\.?))?|[0-9]{1,2}\s*(?i:[ap]\.?m\.?)))(?:\s+\(?([A-Z]{2,5}|[+-][0-9]{2}:?[0-9]{2})\b\)?)?";
const APPROX: &str = r"(?i:(about|around|approximately|approx\.|roughly|circa|~)\s*)?";

static RANGE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i:\bbetween|\bfrom)\s+{APPROX}{TIME}\s+(?i:and|to|until|till|through)\s+{TIME}"
    ))
    .expect("the range pattern is valid")
});
static DASH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\b([0-9]{1,2}:[0-9]{2}(?:\s*(?i:[ap]\.?m\.?))?)(?:\s+\(?([A-Z]{2,5})\b\)?)?\s*[-–—]\s*([0-9]{1,2}:[0-9]{2}(?:\s*(?i:[ap]\.?m\.?))?)(?:\s+\(?([A-Z]{2,5}|[+-][0-9]{2}:?[0-9]{2})\b\)?)?")
        .expect("the dash pattern is valid")
});
/// The incident's start: "the incident started at A", "errors began at A",
/// "sign-in began failing at A"; not "we began restarting nodes at A".
static START: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i:\b(?:(?:incident|outage|errors?|failures?|problems?|issues?|impact|disruption|degradation|downtime|it|this)\s+(?:first\s+)?(?:started|began|begun)\s+(?:at\s+|on\s+)?|\b(?:started|began)\s+(?:to\s+)?(?:fail|error|return|time|drop|reject|degrad|break|crash)[a-z]*(?:\s+[a-z]+)?\s+(?:at|from)\s+|,\s+starting\s+(?:at|from)\s+)){APPROX}{CLOCK}"
    ))
    .expect("the start pattern is valid")
});
/// The incident's end: "resolved at B", "back to normal at B", "lasted until B".
static END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i:\b(?:resolved|fixed|restored|recovered|mitigated|ended|back\s+(?:up|online|to\s+normal)|(?:lasted|continued|persisted|lasting)\s+until))\s+(?i:at\s+|by\s+)?{APPROX}{CLOCK}"
    ))
    .expect("the end pattern is valid")
});

/// A sentence about a routine, not the incident: "the job runs 02:00-04:30 every night".
static ROUTINE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:every|each|nightly|daily|weekly|hourly|scheduled?|usually|normally|typically|maintenance\s+window)\b")
        .expect("the routine pattern is valid")
});

/// Where sentences break in a text: the offset of every `. `, `.\n`, `\n\n` and
/// `; ` (overlapping ones too), found once per field. Each stated time asks for
/// its sentence; searching the text for the four breaks each time made a long
/// line cost its length once per stated time (bench/long_line.py).
struct Breaks(Vec<usize>);

impl Breaks {
    fn of(text: &str) -> Self {
        Self::with(text, true)
    }

    /// As [`Breaks::of`], with `; ` a break only when `semicolon` is set.
    fn with(text: &str, semicolon: bool) -> Self {
        let b = text.as_bytes();
        Breaks(
            (0..b.len().saturating_sub(1))
                .filter(|&i| {
                    matches!((b[i], b[i + 1]), (b'.', b' ' | b'\n') | (b'\n', b'\n'))
                        || semicolon && (b[i], b[i + 1]) == (b';', b' ')
                })
                .collect(),
        )
    }

    /// Where the sentence around `range` is in `text`: from just after the last
    /// break that ends at or before `range.start` to the first break at or after
    /// `range.end`.
    fn sentence(&self, text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let before = self.0.partition_point(|&i| i + 2 <= range.start);
        let start = before.checked_sub(1).map_or(0, |k| self.0[k] + 2);
        let after = self.0.partition_point(|&i| i < range.end);
        let end = self.0.get(after).copied().unwrap_or(text.len());
        start..end
    }
}

/// A sentence of a field and the lengths it states, in seconds (low, high).
type SentenceLengths = (std::ops::Range<usize>, Vec<(i64, i64)>);

/// Allowed difference, for times rounded in prose.
const TOLERANCE_SECONDS: i64 = 5 * 60;
/// After "about", "around", "~".
const APPROX_SECONDS: i64 = 15 * 60;
/// Against a timeline end, which may lie before the impact or after it.
const TIMELINE_SECONDS: i64 = 30 * 60;

/// Which end of the incident a stated time is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

/// One time stated in a field: its range in the field's source, its own zone,
/// the zone written after the window's other end, which end, whether approximate.
struct Stated {
    time: std::ops::Range<usize>,
    zone: Option<std::ops::Range<usize>>,
    shared_zone: Option<std::ops::Range<usize>>,
    end: End,
    approximate: bool,
    /// The index of the window's other end, for a window.
    pair: Option<usize>,
    /// The a.m./p.m. this end borrows from the window's other end when it has
    /// none of its own: `3:05 - 4:20 PM` reads `3:05` as `3:05 PM`.
    meridiem: Option<&'static str>,
}

/// A unit after a range of numbers: "between 14 and 41 minutes late" is a
/// range of delays, "from 2 to 5 percent" a range of rates; neither is a window.
static UNIT_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^\s*(?i:%|percent|per\s+cent|(?:milli)?seconds?\b|secs?\b|minutes?\b|mins?\b|m\b|hours?\b|hrs?\b|h\b|days?\b|weeks?\b|months?\b|years?\b|ms\b|s\b|times\b|x\b|of\b|out\s+of\b|[a-z]+s\b)")
        .expect("the unit pattern is valid")
});

/// Whether a "between A and B" match is a window of clock times. A range of
/// minutes, hours or anything counted ("between 14 and 41 minutes late") is
/// never one, and a bare number is a clock only beside a zone, AM/PM or a
/// clock at the other end ("between 14 and 15 UTC", "from 9 to 11:30").
fn clock_window(masked: &str, caps: &crate::lean::Captures<'_>) -> bool {
    let is_clock = |m: Option<crate::lean::Match<'_>>| {
        m.is_some_and(|m| {
            m.as_str().contains([':', '.', 'Z']) || m.as_str().to_ascii_lowercase().contains('m')
        })
    };
    if is_clock(caps.get(2)) || is_clock(caps.get(4)) {
        return true;
    }
    let after_b = caps.get(4).map_or(masked.len(), |m| m.end());
    (caps.get(3).is_some() || caps.get(5).is_some()) && !UNIT_AFTER.is_match(&masked[after_b..])
}

/// Every pattern of `stated_unscreened` needs a time in digits: a text without an
/// ASCII digit (most titles and many summaries) compiles none of them.
fn stated(masked: &str) -> Vec<Stated> {
    if !masked.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    stated_unscreened(masked)
}

fn stated_unscreened(masked: &str) -> Vec<Stated> {
    let mut out: Vec<Stated> = Vec::new();
    let range = |m: Option<crate::lean::Match<'_>>| m.map(|m| m.range());
    for caps in RANGE.captures_iter(masked).take(50) {
        let (Some(a), Some(b)) = (caps.get(2), caps.get(4)) else {
            continue;
        };
        if !clock_window(masked, &caps) {
            continue;
        }
        let approximate = caps.get(1).is_some();
        let at = out.len();
        out.push(Stated {
            time: a.range(),
            zone: range(caps.get(3)),
            shared_zone: range(caps.get(5)),
            end: End::Start,
            approximate,
            pair: Some(at + 1),
            meridiem: None,
        });
        out.push(Stated {
            time: b.range(),
            zone: range(caps.get(5)),
            shared_zone: range(caps.get(3)),
            end: End::Finish,
            approximate,
            pair: Some(at),
            meridiem: None,
        });
    }
    for caps in DASH.captures_iter(masked).take(50) {
        let (Some(a), Some(b)) = (caps.get(1), caps.get(3)) else {
            continue;
        };
        if out
            .iter()
            .any(|s| s.time.start <= a.start() && a.start() < s.time.end)
        {
            continue;
        }
        let at = out.len();
        out.push(Stated {
            time: a.range(),
            zone: range(caps.get(2)),
            shared_zone: range(caps.get(4)),
            end: End::Start,
            approximate: false,
            pair: Some(at + 1),
            meridiem: None,
        });
        out.push(Stated {
            time: b.range(),
            zone: range(caps.get(4)),
            shared_zone: range(caps.get(2)),
            end: End::Finish,
            approximate: false,
            pair: Some(at),
            meridiem: None,
        });
    }
    let opening = {
        let lower = masked.to_ascii_lowercase();
        lower.contains("starting") || lower.contains("beginning")
    };
    let openings = opening.then_some(&*opening::OPENING_START);
    for (regex, end) in [
        (Some(&*START), End::Start),
        (openings, End::Start),
        (Some(&*END), End::Finish),
    ] {
        let Some(regex) = regex else { continue };
        let is_opening = std::ptr::eq(regex, &*opening::OPENING_START);
        for caps in regex.captures_iter(masked).take(50) {
            let Some(t) = caps.get(2) else { continue };
            if out
                .iter()
                .any(|s| s.time.start <= t.start() && t.start() < s.time.end)
            {
                continue;
            }
            let whole_end = caps.get(0).map_or(t.end(), |m| m.end());
            if is_opening && !opening::tells_the_impact(masked, whole_end) {
                continue;
            }
            out.push(Stated {
                time: t.range(),
                zone: range(caps.get(3)),
                shared_zone: None,
                end,
                approximate: caps.get(1).is_some(),
                pair: None,
                meridiem: None,
            });
        }
    }
    meridiem::share_meridiem(masked, &mut out);
    out
}

/// What one stated time came to.
enum Verdict {
    /// It agrees with the report, or cannot be compared.
    Quiet,
    /// The milestone is the odd one out (reported at once).
    Reported,
    /// The summary contradicts `reference`: its text, span, the time it says,
    /// the reference's name, value and instant.
    Wrong {
        text: String,
        span: crate::span::Span,
        said: jiff::Timestamp,
        name: String,
        value_text: String,
        pointer: String,
        expected: jiff::Timestamp,
    },
}

fn utc(t: jiff::Timestamp) -> String {
    t.strftime("%H:%M UTC").to_string()
}

impl Rule for SummaryTimes {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        before_start::ends_before_the_start(cx, out);
        let timeline: Vec<&crate::times::TimeValue> = cx
            .times
            .timeline
            .iter()
            .flatten()
            .filter(|v| v.instant().is_some())
            .collect();
        let date = cx
            .times
            .milestone(Milestone::Started)
            .and_then(|v| v.instant())
            .or_else(|| timeline.first().and_then(|v| v.instant()))
            .map(|r| r.date);
        let Some(date) = date else {
            // Nothing can be placed in time: a clock the summary gives in one zone
            // that the timeline gives in another can still be seen.
            same_clock::same_clock_other_zone(cx, out);
            return;
        };
        for (field, prose, all) in stated_fields(cx) {
            let masked = prose.masked.as_str();
            let breaks = Breaks::of(masked);
            // The lengths stated in each sentence (`. `, `.\n`, `\n\n`), read once
            // per sentence for `states_its_length`, not once per stated time.
            let stops = Breaks::with(masked, false);
            let mut lengths: Vec<SentenceLengths> = Vec::new();
            // Stated times share sentences: each sentence is searched once.
            let mut seen: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
            let mut routine = |s: &Stated| {
                let sentence = breaks.sentence(masked, s.time.clone());
                match seen.iter().find(|(r, _)| *r == sentence) {
                    Some((_, yes)) => *yes,
                    None => {
                        let yes = ROUTINE.is_match(&masked[sentence.clone()]);
                        seen.push((sentence, yes));
                        yes
                    }
                }
            };
            let verdicts: Vec<Verdict> = all
                .iter()
                .map(|s| {
                    if routine(s) {
                        Verdict::Quiet
                    } else {
                        let own_length = states_its_length(masked, &all, s, &stops, &mut lengths);
                        judge(cx, &timeline, date, &prose, s, own_length, &field, out)
                    }
                })
                .collect();
            let mut done = vec![false; all.len()];
            for i in 0..all.len() {
                if done[i] {
                    continue;
                }
                done[i] = true;
                // Both ends of one window wrong: one finding for the window.
                let other = all[i].pair.filter(|&j| j < all.len() && !done[j]);
                if let (Some(j), Verdict::Wrong { .. }) = (other, &verdicts[i])
                    && let Verdict::Wrong { .. } = &verdicts[j]
                {
                    done[j] = true;
                    out.push(window_finding(cx, &field, &verdicts[i], &verdicts[j]));
                    continue;
                }
                if let Verdict::Wrong {
                    text,
                    span,
                    said,
                    name,
                    value_text,
                    pointer,
                    expected,
                } = &verdicts[i]
                {
                    out.push(
                        Diagnostic::new(
                            &SummaryTimes::INFO,
                            *span,
                            format!(
                                "{field} says `{text}` ({}), but {name} is `{value_text}` ({})",
                                utc(*said),
                                utc(*expected),
                            ),
                        )
                        .with_label(cx.span(pointer), format!("{name} is here"))
                        .with_help(
                            "correct whichever is wrong; write times in the summary with their zone",
                        ),
                    );
                }
            }
        }
    }
}

/// One finding for a window whose two ends both contradict the report.
fn window_finding(cx: &Context<'_>, field: &str, a: &Verdict, b: &Verdict) -> Diagnostic {
    let (
        Verdict::Wrong {
            text: ta,
            span: sa,
            said: da,
            name: na,
            value_text: va,
            pointer: pa,
            expected: ea,
        },
        Verdict::Wrong {
            text: tb,
            span: sb,
            said: db,
            name: nb,
            value_text: vb,
            pointer: pb,
            expected: eb,
        },
    ) = (a, b)
    else {
        unreachable!("both ends are wrong")
    };
    let mut d = Diagnostic::new(
        &SummaryTimes::INFO,
        sa.cover(*sb),
        format!(
            "{field} gives the window `{ta}` to `{tb}` ({} to {}), but {na} is `{va}` ({}) and {nb} is `{vb}` ({})",
            utc(*da),
            utc(*db),
            utc(*ea),
            utc(*eb),
        ),
    )
    .with_label(cx.span(pa), format!("{na} is here"));
    if pa != pb {
        d = d.with_label(cx.span(pb), format!("{nb} is here"));
    }
    d.with_help("correct whichever is wrong; write times in the summary with their zone")
}

/// Whether `milestone` was read from the words of a timeline entry (a report read
/// free-form), not written by the author as a milestone.
fn read_from_words(cx: &Context<'_>, milestone: Milestone) -> bool {
    cx.parsed.freeform.as_ref().is_some_and(|r| {
        r.milestones
            .iter()
            .any(|m| m.milestone == milestone.as_str())
    })
}

/// Whether the timeline entry at `resolved` ends the impact in so many words
/// ("last blank pages gone; impact ends", `**OUTAGE ENDS**`): a summary window
/// ends there, not at a mitigation before it (an alias pointed back to a cold
/// index, a rollback whose cached pages stayed). Read from the entry, so a
/// report and its imported form agree.
fn impact_ends_in_words(cx: &Context<'_>) -> bool {
    let Some(resolved) = cx
        .times
        .milestone(Milestone::Resolved)
        .and_then(|v| v.instant())
        .map(|r| r.timestamp)
    else {
        return false;
    };
    cx.times.timeline.iter().enumerate().any(|(i, v)| {
        v.as_ref()
            .and_then(|v| v.instant())
            .is_some_and(|r| r.timestamp == resolved)
            && cx
                .model
                .timeline
                .get(i)
                .is_some_and(|e| crate::claims::says_impact_ended_explicitly(&e.text))
    })
}

#[allow(clippy::too_many_arguments)]
fn judge(
    cx: &Context<'_>,
    timeline: &[&crate::times::TimeValue],
    date: jiff::civil::Date,
    prose: &crate::claims::Prose,
    s: &Stated,
    own_length: bool,
    field: &str,
    out: &mut Vec<Diagnostic>,
) -> Verdict {
    let masked = prose.masked.as_str();
    let zone = s.zone.clone().or(s.shared_zone.clone());
    let written = format!(
        "{}{} {}",
        normalise(&masked[s.time.clone()]),
        s.meridiem.map_or(String::new(), |m| format!(" {m}")),
        zone.map_or("", |z| &masked[z])
    );
    let Ok(parsed) = time::parse_time(written.trim()) else {
        return Verdict::Quiet;
    };
    let Ok(said) = time::resolve(&parsed, Some(date), cx.times.default_zone.as_ref()) else {
        return Verdict::Quiet;
    };
    // A clock without a date is compared on the reference's own date, so a
    // window after midnight meets an overnight timeline's last entry.
    let gap = |r: &time::Resolved| {
        let on = time::resolve(&parsed, Some(r.date), cx.times.default_zone.as_ref())
            .map_or(said.timestamp, |t| t.timestamp);
        (on.as_second() - r.timestamp.as_second()).abs()
    };
    let allowed = if s.approximate {
        APPROX_SECONDS
    } else {
        TOLERANCE_SECONDS
    };
    // The milestones for this end (any one agreeing is enough), else the timeline's end.
    let milestones: &[Milestone] = match s.end {
        End::Start => &[Milestone::Started],
        // A mitigation before an entry that ends the impact in so many words is
        // not where the impact ended.
        End::Finish if impact_ends_in_words(cx) => &[Milestone::Resolved],
        End::Finish => &[Milestone::Resolved, Milestone::Mitigated],
    };
    let given: Vec<(Milestone, &crate::times::TimeValue)> = milestones
        .iter()
        .filter_map(|m| {
            cx.times
                .milestone(*m)
                .filter(|v| v.instant().is_some())
                .map(|v| (*m, v))
        })
        .collect();
    let mut references: Vec<(&crate::times::TimeValue, String, i64)> = given
        .iter()
        .map(|(_, v)| {
            let name = format!("`{}`", crate::suggest::display_path(&v.pointer));
            (*v, name, allowed)
        })
        .collect();
    // A timeline of status-page updates: the first update is posted after the
    // impact began, and the last (`Resolved`) after it ended, so neither bounds
    // the window; an update after the stated end that still reports the impact
    // does. A `resolved` read from the `Resolved` update is that post: a stated
    // end before it is no contradiction either.
    if s.end == End::Finish
        && !references.is_empty()
        && updates::is_update_stream(cx)
        && references.iter().all(|(v, _, _)| {
            v.instant().is_some_and(|r| {
                let on = time::resolve(&parsed, Some(r.date), cx.times.default_zone.as_ref())
                    .map_or(said.timestamp, |t| t.timestamp);
                on < r.timestamp && updates::at_an_update(cx, v)
            })
        })
    {
        references.clear();
    }
    if references.is_empty() && updates::is_update_stream(cx) {
        if s.end == End::Start {
            return Verdict::Quiet;
        }
        let still = updates::still_reporting(cx, |r| {
            let on = time::resolve(&parsed, Some(r.date), cx.times.default_zone.as_ref())
                .map_or(said.timestamp, |t| t.timestamp);
            gap(r) > allowed && r.timestamp > on
        });
        let Some(v) = still else {
            return Verdict::Quiet;
        };
        references.push((
            v,
            "a later update that still reports the impact".into(),
            allowed,
        ));
    }
    if references.is_empty() {
        let (entry, which) = match s.end {
            End::Start => (timeline.first(), "the first timeline entry"),
            End::Finish => (timeline.last(), "the last timeline entry"),
        };
        if let Some(v) = entry.filter(|_| timeline.len() >= 2) {
            references.push((v, which.to_string(), TIMELINE_SECONDS));
        }
    }
    let Some(first) = references.first() else {
        return Verdict::Quiet;
    };
    let agrees = references
        .iter()
        .any(|(v, _, allowed)| v.instant().is_some_and(|r| gap(r) <= *allowed));
    if agrees {
        return Verdict::Quiet;
    }
    // A bound at an event of the timeline is the author's reading of it, as good
    // as a milestone read from an entry's words or the timeline's first or last
    // entry (an earlier cause, a later clean-up); a milestone the author wrote
    // is not overruled that way, except by a window that states its own length
    // and lies inside the written milestones: a narrower impact than the
    // incident's ("For 29 minutes, from 18:17 to 18:46 UTC, nothing new could be
    // stored" where 18:46 says posting works again and `resolved` is the queues
    // drained at 19:02).
    let written_milestone = given.iter().any(|(m, _)| !read_from_words(cx, *m));
    let at_an_event = || match s.end {
        End::Start => start_at_an_entry(cx, timeline, &parsed, allowed),
        End::Finish => end_at_an_ending_entry(cx, &parsed, allowed, own_length),
    };
    if (!written_milestone
        || own_length && inside(cx, timeline, &given, &parsed, s.end == End::Start))
        && at_an_event()
    {
        return Verdict::Quiet;
    }
    // A section that retells the story ("What happened" under a summary of its
    // own) that ends its window at the timeline's last entry ends it where the
    // timeline does: a milestone read from an earlier entry's words does not
    // overrule it.
    let retold = field.starts_with("section ");
    if retold
        && s.end == End::Finish
        && timeline.last().and_then(|v| v.instant()).is_some_and(|r| {
            time::resolve(&parsed, Some(r.date), cx.times.default_zone.as_ref())
                .is_ok_and(|t| (t.timestamp.as_second() - r.timestamp.as_second()).abs() <= allowed)
        })
    {
        return Verdict::Quiet;
    }
    let (value, name, _) = first;
    let Some(expected) = value.instant() else {
        return Verdict::Quiet;
    };
    let end = s.zone.as_ref().map_or(s.time.end, |z| z.end);
    let text = masked[s.time.start..end].to_string();
    let span = prose.span(s.time.start..end);
    // When no timeline entry backs the milestone (RS210) and the
    // timeline's own end agrees with the summary, the milestone is
    // the odd one out: the finding goes on it, not on the two that
    // agree. A milestone an entry backs is a reading of the
    // timeline as good as its end, so the summary keeps it.
    let (entry, which) = match s.end {
        End::Start => (timeline.first(), "the first timeline entry"),
        End::Finish => (timeline.last(), "the last timeline entry"),
    };
    let backed = timeline
        .iter()
        .any(|v| v.instant().map(|r| r.timestamp) == Some(expected.timestamp));
    let mut which = which.to_string();
    let mut timeline_agrees = entry
        .copied()
        .filter(|_| timeline.len() >= 2 && !backed)
        .filter(|v| v.pointer != value.pointer)
        .filter(|v| v.instant().is_some_and(|r| gap(r) <= allowed));
    // Among a status page's updates, the one saying the impact is over
    // (`Monitoring`, `Resolved`) is the end the summary may agree with.
    if timeline_agrees.is_none()
        && !backed
        && s.end == End::Finish
        && let Some((v, status)) = updates::ending_update(cx, |r| gap(r) <= allowed)
    {
        timeline_agrees = Some(v);
        which = format!("the `{status}` update");
    }
    if let Some(agreeing) = timeline_agrees {
        out.push(
            Diagnostic::new(
                &SummaryTimes::INFO,
                cx.span(&value.pointer),
                format!(
                    "{name} is `{}` ({}), but {field} says `{text}` ({}) and {which} agrees with it",
                    value.text.trim(),
                    utc(expected.timestamp),
                    utc(said.timestamp),
                ),
            )
            .with_label(span, format!("{field} says this"))
            .with_label(cx.span(&agreeing.pointer), format!("{which} is here"))
            .with_help("correct the milestone, or the summary and the timeline if it is right"),
        );
        return Verdict::Reported;
    }
    Verdict::Wrong {
        text,
        span,
        said: said.timestamp,
        name: name.clone(),
        value_text: value.text.trim().to_string(),
        pointer: value.pointer.clone(),
        expected: expected.timestamp,
    }
}

#[cfg(test)]
mod tests {
    use super::{Breaks, Context, stated_fields};
    use crate::Format;
    use crate::rules::spans_of;
    use proptest::prelude::*;

    #[test]
    fn a_window_that_ends_where_a_rate_is_back_above_its_target() {
        let report = |last: &str| {
            format!(
                "# Ingest failures\n\n## Summary\n\nOn 12 August 2025, between 12:52 and 14:16 PDT, broadcasters could not connect.\n\n\
                 ## Timeline\n\n- 12:52 PDT First failed connections; error rate rises to 31%\n- 13:40 PDT Health-check path reverted\n\
                 - 14:16 PDT Connection success rate back above 99.5%\n- 15:02 PDT {last}\n"
            )
        };
        // The last entry is an action after the recovery: the window ends at it.
        let quiet = report("Resolved after 46 minutes of stable metrics");
        assert!(spans_of("RS207", &quiet, Format::Markdown).is_empty());
        // An entry after it that says the impact went on makes the end early.
        let early = report("Connection failures continue in one zone");
        assert_eq!(spans_of("RS207", &early, Format::Markdown), ["14:16 PDT"]);
    }

    /// A window that ends at a mitigation agrees with it, unless a later entry
    /// ends the impact in so many words.
    #[test]
    fn a_window_ending_at_a_mitigation_before_the_impact_ends_in_words() {
        let report = |last: &str| {
            format!(
                "# Search empty\n\n## Summary\n\nBetween 09:12 and 10:05 UTC on 2025-03-06, searches failed.\n\n\
                 ## Engineering timeline (UTC)\n\n- 2025-03-06 09:12 Alias switched to an empty index; searches empty\n\
                 - 10:05 Alias pointed back to the previous index\n- 10:37 {last}\n"
            )
        };
        let ends = report("Caches warm; results normal again. Outage ends");
        assert_eq!(spans_of("RS207", &ends, Format::Markdown), ["10:05 UTC"]);
        let warm = report("Caches warm");
        assert!(spans_of("RS207", &warm, Format::Markdown).is_empty());
    }

    #[test]
    fn the_review_meeting_s_time_is_not_the_incident_s_window() {
        let minutes = "# Minutes: review of INC-318\n\n**Meeting:** Thursday 20 February 2025, 13:00–13:45 EET\n\
                       **Incident:** Wednesday 19 February 2025; all times below are EET\n\n\
                       ## Timeline\n\n- 06:14 Renderer pods start failing\n- 09:20 All invoices sent; impact ends\n";
        assert!(spans_of("RS207", minutes, Format::Markdown).is_empty());
        let incident = minutes.replace("**Meeting:**", "**Outage:**");
        assert_eq!(
            spans_of("RS207", &incident, Format::Markdown),
            ["13:00–13:45 EET"]
        );
    }

    /// The sentence as it was found before `Breaks`: each break searched for
    /// in the whole text, for every stated time.
    fn sentence_by_search(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = [". ", ".\n", "\n\n", "; "]
            .iter()
            .filter_map(|b| text[..range.start].rfind(b).map(|i| i + b.len()))
            .max()
            .unwrap_or(0);
        let end = [". ", ".\n", "\n\n", "; "]
            .iter()
            .filter_map(|b| text[range.end..].find(b).map(|i| range.end + i))
            .min()
            .unwrap_or(text.len());
        start..end
    }

    #[test]
    fn breaks_find_the_sentence_the_search_found() {
        for (text, range) in [
            ("", 0..0),
            ("at 10:00", 3..8),
            ("Down. It began at 10:00; fixed.\n\n\nNext", 17..22),
            ("a.\n\n\nb", 5..6),
            ("café. naïve 10:00 ok; then", 14..19),
            ("10:00. ", 0..5),
        ] {
            assert_eq!(
                Breaks::of(text).sentence(text, range.clone()),
                sentence_by_search(text, range)
            );
        }
    }

    proptest! {
        #[test]
        fn breaks_agree_with_the_search(text in r"([a.;é ]|\n){0,40}", a in 0usize..41, b in 0usize..41) {
            let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            prop_assume!(text.is_char_boundary(a) && text.is_char_boundary(b));
            prop_assert_eq!(Breaks::of(&text).sentence(&text, a..b), sentence_by_search(&text, a..b));
        }
    }

    #[test]
    fn a_text_without_a_digit_states_no_time() {
        // The digit screen of `stated` turns away no line or paragraph of the
        // corpus that states a time, nor a time written with AM/PM, a zone or words.
        let mut with = 0;
        for (_, text) in crate::gated::corpus() {
            for part in text.lines().chain(text.split("\n\n")) {
                if !super::stated_unscreened(part).is_empty() {
                    with += 1;
                    assert!(part.bytes().any(|b| b.is_ascii_digit()), "{part}");
                }
            }
        }
        assert!(with > 100, "{with} texts state a time");
        for text in [
            "Errors between noon and one PM UTC.",
            "It began at ten past four. Resolved at half past five.",
            "Errors from \u{FF11}\u{FF10}:00 to \u{FF11}\u{FF11}:00 UTC.",
        ] {
            assert!(super::stated_unscreened(text).is_empty(), "{text}");
            assert!(super::stated(text).is_empty(), "{text}");
        }
    }

    fn report(summary: &str) -> String {
        format!(
            "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  mitigated: 2024-06-10 17:00 CEST\n  resolved: 2024-06-10 17:20 CEST\n---\n## Summary\n{summary}\n"
        )
    }

    #[test]
    fn windows_and_instants_in_every_shape() {
        for (summary, found) in [
            // Both ends of a window wrong: one finding on the window.
            (
                "Errors from 4:00 PM to 5:15 PM UTC.",
                vec!["4:00 PM to 5:15 PM UTC"],
            ),
            (
                "Errors between 16:05 and 17:20 UTC.",
                vec!["16:05 and 17:20 UTC"],
            ),
            ("Errors 15:05-17:20 CEST.", vec!["15:05"]),
            ("Errors between 12 and 13 UTC.", vec!["12 and 13 UTC"]),
            // Military times, in UTC: 1405Z is 16:05 CEST, 1450Z 16:50 CEST.
            ("Errors between 1405Z and 1450Z.", vec!["1450Z"]),
            (
                "The incident started at 3:05 PM and was fixed at 17:20.",
                vec!["3:05 PM"],
            ),
            ("Errors lasted until 18:30 CEST.", vec!["18:30 CEST"]),
            ("Sign-in began failing at 15:30 CEST.", vec!["15:30 CEST"]),
            // A sentence that opens with the impact's start.
            (
                "Starting at 15:40 CEST, checkout failed for card payments.",
                vec!["15:40 CEST"],
            ),
            (
                "It was a bad day. Beginning around 15:20 CEST uploads were rejected.",
                vec!["15:20 CEST"],
            ),
            // A step of the team, and an impact start that agrees: quiet.
            ("Starting at 15:40 CEST, we drained the nodes.", vec![]),
            ("Starting at 16:06 CEST, checkout failed.", vec![]),
            // Not opening its sentence.
            ("Checkout kept starting at 15:40 CEST and failing.", vec![]),
        ] {
            assert_eq!(
                spans_of("RS207", &report(summary), Format::Markdown),
                found,
                "{summary}"
            );
        }
    }

    #[test]
    fn agreeing_and_unclear_times_are_quiet() {
        for summary in [
            "Errors from 4:05 PM to 5:20 PM CEST.",
            "Errors 16:05-17:20 CEST.",
            "Errors between 1405Z and 1520Z.",
            "Between 1405 and 1520 orders were counted twice.",
            "The incident started around 16:15 and service was back up at 17:00.",
            "It started at 10 servers and ended at 12 regions.",
            "Replies reached customers between 9 and 52 minutes late.",
            "Retries took from 3 to 20 seconds each.",
            "The backup job runs 02:00-04:30 CEST every night.",
            "We began restarting nodes at 16:30 and all was back to normal at 17:20.",
            "```\nstarted at 09:00\n```",
        ] {
            assert_eq!(
                spans_of("RS207", &report(summary), Format::Markdown),
                Vec::<&str>::new(),
                "{summary}"
            );
        }
    }

    #[test]
    fn a_milestone_the_summary_and_the_timeline_both_contradict_gets_the_finding() {
        let text = "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  resolved: 2024-06-10 16:20 CEST\n---\n## Summary\nErrors from 16:05 to 17:20 CEST.\n\n## Timeline\n- 2024-06-10 16:05 CEST Errors\n- 2024-06-10 17:20 CEST Fixed\n";
        assert_eq!(
            spans_of("RS207", text, Format::Markdown),
            ["2024-06-10 16:20 CEST"]
        );
        // A milestone an entry backs is a reading as good as the timeline's end.
        let backed = text.replace(
            "- 2024-06-10 17:20 CEST Fixed",
            "- 2024-06-10 16:20 CEST Fix deployed\n- 2024-06-10 17:20 CEST All clear",
        );
        assert_eq!(spans_of("RS207", &backed, Format::Markdown), ["17:20 CEST"]);
        // With a timeline that agrees with neither, the summary keeps it.
        let text = text.replace("17:20 CEST Fixed", "17:50 CEST Fixed");
        assert_eq!(spans_of("RS207", &text, Format::Markdown), ["17:20 CEST"]);
    }

    #[test]
    fn a_window_with_its_own_length_inside_the_written_milestones_is_a_narrower_impact() {
        let text = "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2025-01-12 18:00 UTC\n  resolved: 2025-01-12 19:02 UTC\n---\n## Summary\nFor 29 minutes, from 18:17 to 18:46 UTC, nothing new could be stored.\n\n## Timeline\n- 2025-01-12 18:00 UTC Archive job starts\n- 2025-01-12 18:17 UTC Disk full, writes rejected\n- 2025-01-12 18:46 UTC Space freed; posting works again\n- 2025-01-12 19:02 UTC Queues drained, all clear\n";
        assert!(spans_of("RS207", text, Format::Markdown).is_empty());
        // Without its length, a bound that misses the written milestones is one.
        let bare = text.replace("For 29 minutes, from", "From");
        assert_eq!(
            spans_of("RS207", &bare, Format::Markdown),
            ["18:17 to 18:46 UTC"]
        );
        // Nor is it narrower when its end is not at an entry that says the
        // impact ended, or lies outside the milestones.
        let paused = text.replace("Space freed; posting works again", "Rollout paused");
        assert_eq!(spans_of("RS207", &paused, Format::Markdown), ["18:46 UTC"]);
        let after = text.replace("resolved: 2025-01-12 19:02", "resolved: 2025-01-12 18:40");
        assert_eq!(spans_of("RS207", &after, Format::Markdown), ["18:46 UTC"]);
        // A milestone no entry backs may be the wrong one: the window inside it
        // does not settle that.
        let unbacked = text.replace("resolved: 2025-01-12 19:02", "resolved: 2025-01-12 19:30");
        assert!(!spans_of("RS207", &unbacked, Format::Markdown).is_empty());
    }

    #[test]
    fn without_milestones_the_timeline_ends_are_the_reference() {
        let text = "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\n---\n## Summary\nErrors from 4:00 PM to 5:15 PM UTC.\n\n## Timeline\n- 2024-06-10 16:05 CEST Errors\n- 2024-06-10 17:20 CEST Fixed\n";
        let checked = crate::check(text, Format::Markdown);
        let messages: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS207")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("the first timeline entry")
                && messages[0].contains("the last timeline entry"),
            "{}",
            messages[0]
        );
    }

    /// A report read as written: milestones only from the timeline's words.
    fn freeform(summary: &str, timeline: &str) -> String {
        format!(
            "# Mirror served a stale index\n\n## Summary\n\n{summary}\n\n## Timeline (UTC)\n\n{timeline}\n"
        )
    }

    /// A window whose a.m./p.m. is written once, at one end, reads both ends with
    /// it (the start takes the other unless that puts it after the end); a window
    /// that disagrees with the timeline still fires.
    #[test]
    fn a_window_shares_its_one_meridiem() {
        let rs207 = |summary: &str, first: &str, last: &str| -> usize {
            let text = format!(
                "# Hub outage\n\n## Summary\n\n{summary}\n\n## Timeline\n\n\
                 - 2025-03-11 {first} PST logins slow\n- 2025-03-11 {last} PST logins back\n"
            );
            crate::check(&text, Format::Markdown)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS207")
                .count()
        };
        for (summary, first, last) in [
            (
                "We were down (3:05 - 4:20 PM PST) today.",
                "3:05 PM",
                "4:20 PM",
            ),
            ("Logins failed 11:30-1:15 PM PST.", "11:30 AM", "1:15 PM"),
            (
                "Logins failed from 9:10 to 10:40 am PST.",
                "9:10 AM",
                "10:40 AM",
            ),
            ("Logins failed 3:05 PM - 4:20 PST.", "3:05 PM", "4:20 PM"),
        ] {
            assert_eq!(rs207(summary, first, last), 0, "{summary}");
        }
        for (summary, first, last) in [
            // Each end is wrong by hours with the shared a.m./p.m.
            (
                "We were down (3:05 - 4:20 PM PST) today.",
                "3:05 AM",
                "4:20 AM",
            ),
            ("Logins failed 9:10-10:40 am PST.", "9:10 PM", "10:40 PM"),
            (
                "Logins failed from 1:05 to 2:20 PM PST.",
                "5:05 PM",
                "6:20 PM",
            ),
        ] {
            assert!(rs207(summary, first, last) > 0, "{summary}");
        }
    }

    /// Without a date, the impact's clock in one zone that the timeline gives in
    /// another (the same clock, a fixed offset apart) is reported; a summary time
    /// that is the right conversion, the same zone, or a zone whose offset
    /// depends on the date is not.
    #[test]
    fn both_readings_walk_the_title_the_summary_and_the_impact() {
        let text = "title: Queue down from 10:14 to 10:36 UTC\nstatus: draft\nsummary: Queues stalled from 10:14 to 10:36 UTC; `09:00` is code.\n\
                    impact:\n  description: Nothing was delivered between 10:20 and 10:30 UTC.\nroot_cause: A bad deploy at 09:50 UTC.\n";
        let config = crate::Config::default();
        let mut diagnostics = Vec::new();
        let parsed = crate::parse::parse_with(
            text,
            Format::Yaml,
            &config.limits,
            &config.section_aliases(),
            &mut diagnostics,
        )
        .expect("parsed");
        let model = crate::model::from_tree(&parsed.tree, &[]);
        let times = crate::times::Times::for_report(&model, text, None);
        let lowercase = text.to_ascii_lowercase();
        let cx = Context {
            text,
            lowercase: &lowercase,
            format: Format::Yaml,
            parsed: &parsed,
            model: &model,
            times: &times,
            config: &config,
            claims: std::sync::OnceLock::new(),
            masks: Default::default(),
            strings: Default::default(),
        };
        let fields = stated_fields(&cx);
        let read: Vec<(&str, Vec<String>)> = fields
            .iter()
            .map(|(field, prose, all)| {
                let times = all.iter().map(|s| prose.masked[s.time.clone()].to_string());
                (field.as_str(), times.collect())
            })
            .collect();
        // The root cause is not read; code is masked.
        assert_eq!(
            read,
            [
                ("the title", vec!["10:14".to_string(), "10:36".to_string()]),
                (
                    "the summary",
                    vec!["10:14".to_string(), "10:36".to_string()]
                ),
                ("the impact", vec!["10:20".to_string(), "10:30".to_string()]),
            ]
        );
    }

    #[test]
    fn the_same_clock_in_two_zones_without_a_date() {
        let report = |impact: &str, heading: &str| {
            format!(
                "# API down after a deploy\n\n## Impact\n\nThe API was offline for 22 minutes,\n{impact}\n\n\
                 ## Timeline ({heading})\n\n- 10:12 Deployment starts.\n- 10:14 API returns the maintenance page.\n\
                 - 10:36 API back to normal.\n"
            )
        };
        let rs207 = |text: &str| -> Vec<String> {
            crate::check(text, Format::Markdown)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "RS207")
                .map(|d| d.span.slice(text).to_string())
                .collect()
        };
        for (impact, heading, want) in [
            ("starting at 10:14 (CEST).", "times in UTC", "10:14 (CEST)"),
            (
                "between 10:14 and 10:36 CEST.",
                "times in UTC",
                "10:14 and 10:36 CEST",
            ),
            ("starting at 10:14 UTC.", "times in CEST", "10:14 UTC"),
            ("from 10:14 to 10:36 (BST).", "UTC", "10:14 to 10:36 (BST)"),
        ] {
            let text = report(impact, heading);
            let found = rs207(&text);
            assert_eq!(found.len(), 1, "{impact} / {heading}: {found:?}");
            assert!(want.starts_with(&found[0][..5]), "{impact}: {found:?}");
        }
        for (impact, heading) in [
            // The right conversion: 08:14 UTC is 10:14 CEST.
            ("starting at 10:14 (CEST).", "times in CEST"),
            ("starting at 12:14 (CEST).", "times in UTC"),
            // No zone in the summary, or a region whose offset needs a date.
            ("starting at 10:14.", "times in UTC"),
            ("starting at 10:14 Pacific time.", "times in UTC"),
            // A clock no entry has.
            ("starting at 09:50 (CEST).", "times in UTC"),
        ] {
            let text = report(impact, heading);
            assert!(rs207(&text).is_empty(), "{impact} / {heading}");
        }
    }

    #[test]
    fn a_window_may_start_at_any_event_before_the_impact_ended() {
        let quiet = [
            // An earlier cause (a milestone read from "starts failing"), then
            // the first user report, where the window starts.
            (
                "From 09:18 to 10:05 UTC users could not install new releases.",
                "- 2025-11-04 09:00 Old credentials expire; sync job starts failing.\n- 09:18 First user report.\n- 09:41 Cause found.\n- 10:05 Cache purged; installs work.\n- 10:20 Ticket closed.",
            ),
            // A maintenance step before midnight, the window after it, and a
            // clean-up the summary places outside the window.
            (
                "Between 02:10 and 03:05 UTC the consumers were disconnected.",
                "- 2025-01-14 23:50 Maintenance window opens.\n- 00:18 Window closed.\n- 02:10 Queue moved; consumers lose their connections.\n- 02:41 Firewall rule found.\n- 03:05 All consumers reconnected.\n- 03:30 Backlog cleared.",
            ),
            // The change that set it off, minutes before the first failure.
            (
                "Between 09:30 and 11:40 UTC lookups failed intermittently.",
                "- 2025-05-02 09:30 New signing key published.\n- 09:41 Synthetic checks start failing.\n- 10:35 Signature mismatch found.\n- 11:40 Failure rate back to zero.",
            ),
            // "started at" an event, with "about".
            (
                "The outage started at about 14:20 and was resolved at 15:00.",
                "- 2025-03-02 13:30 Certificate renewal job runs.\n- 14:22 Users report sign-in errors.\n- 14:40 Old certificate restored.\n- 15:00 Sign-in back to normal.",
            ),
        ];
        for (summary, timeline) in quiet {
            assert_eq!(
                spans_of("RS207", &freeform(summary, timeline), Format::Markdown),
                Vec::<&str>::new(),
                "{summary}"
            );
        }
        // A response is no start: the incident declared five minutes before the
        // window's start, eighteen after the errors began.
        let declared = "- 2025-03-12 13:58 Certificate expires.\n- 14:02 Error rate begins to rise.\n- 14:09 Alert fires and pages on-call.\n- 14:15 Incident declared; Priya takes command.\n- 15:12 Error rate back to baseline.\n- 15:30 Incident closed.";
        assert_eq!(
            spans_of(
                "RS207",
                &freeform(
                    "Between 14:20 and 15:12 UTC, token checks failed.",
                    declared
                ),
                Format::Markdown
            ),
            ["14:20"]
        );
    }

    #[test]
    fn a_window_may_end_at_an_entry_that_says_the_impact_ended() {
        // "For 29 minutes, from A to B": B is an entry that says the impact
        // ended; a later clean-up entry, read as `resolved`, does not overrule it.
        for (summary, timeline) in [
            (
                "For 29 minutes, from 18:17 to 18:46 UTC, nothing new could be stored.",
                "- 2025-01-12 18:17 Disk on db-01 reaches 100%; writes rejected.\n- 18:31 Full disk found.\n- 18:46 Space freed. Postgres accepts writes again; posting works.\n- 19:02 Federation queues drained and everything back to normal.",
            ),
            (
                "- Users could not upload between 08:12 and 09:50 UTC (98 minutes).",
                "- 2025-12-04 08:12 Upload errors begin.\n- 09:50 Uploads succeeding again.\n- 10:30 Backlog cleared; incident resolved.",
            ),
            (
                "Search was stale for 48 minutes, from 10:14\nto 11:02 UTC.",
                "- 2025-06-01 10:14 Indexer stops; search results go stale.\n- 11:02 Index current again.\n- 12:05 Reindex verified, all clear.",
            ),
        ] {
            assert_eq!(
                spans_of("RS207", &freeform(summary, timeline), Format::Markdown),
                Vec::<&str>::new(),
                "{summary}"
            );
        }
        // Near misses: an entry that does not say the impact ended, one that
        // says it ended only in part, no entry at all at the stated end.
        for (summary, timeline, found) in [
            (
                "For 53 minutes, from 08:12 to 09:05 UTC, uploads failed.",
                "- 2025-12-04 08:12 Upload errors begin.\n- 09:05 Rollout paused.\n- 09:50 Uploads succeeding again.",
                vec!["09:05 UTC"],
            ),
            (
                "For 29 minutes, writes failed from 18:17 to 18:46 UTC.",
                "- 2025-01-12 18:17 Disk full; writes rejected.\n- 18:46 Postgres accepts writes again for some tenants.\n- 19:02 All tenants writing; back to normal.",
                vec!["18:46 UTC"],
            ),
            // No length of its own: the ending entry alone does not decide.
            (
                "Writes failed from 18:17 to 18:46 UTC.",
                "- 2025-01-12 18:17 Disk full; writes rejected.\n- 18:46 Postgres accepts writes again.\n- 19:02 Queues drained; back to normal.",
                vec!["18:46 UTC"],
            ),
            // A length that does not agree with the window.
            (
                "For about an hour, writes failed from 18:17 to 18:46 UTC.",
                "- 2025-01-12 18:17 Disk full; writes rejected.\n- 18:46 Postgres accepts writes again.\n- 19:02 Queues drained; back to normal.",
                vec!["18:46 UTC"],
            ),
            (
                "For 23 minutes, writes failed from 18:17 to 18:40 UTC.",
                "- 2025-01-12 18:17 Disk full; writes rejected.\n- 18:46 Postgres accepts writes again.\n- 19:02 Queues drained; back to normal.",
                vec!["18:40 UTC"],
            ),
        ] {
            assert_eq!(
                spans_of("RS207", &freeform(summary, timeline), Format::Markdown),
                found,
                "{summary}"
            );
        }
    }

    #[test]
    fn a_window_that_contradicts_the_impact_still_fires() {
        let fires = [
            // The end stops at an event before the impact's end.
            (
                "Uploads failed from 08:12 to 09:05 UTC.",
                "- 2025-12-04 08:12 Release reaches half of users.\n- 08:19 Upload error alert fires.\n- 09:05 Rollout paused.\n- 09:50 Uploads succeeding again.",
                vec!["09:05 UTC"],
            ),
            // A start at an event after the impact was over.
            (
                "Users saw errors from 10:40 to 11:30 UTC.",
                "- 2025-03-02 10:00 Errors begin for some users.\n- 10:30 Errors back to zero.\n- 10:40 Postmortem scheduled.\n- 11:30 Ticket closed.",
                vec!["10:40 to 11:30 UTC"],
            ),
            // A start at the timeline's last entry, with no milestone to end it.
            (
                "The outage started at 11:30 UTC.",
                "- 2025-03-02 10:00 Disk fills on the primary.\n- 10:20 Writes rejected.\n- 11:30 Writes accepted after cleanup.",
                vec!["11:30 UTC"],
            ),
            // A start at no event of the timeline, hours away (a zone slip).
            (
                "Dashboards were empty from 13:10 to 15:40 UTC.",
                "- 2025-06-17 09:00 Upgrade starts.\n- 09:10 Dashboards start showing empty charts.\n- 11:40 Dashboards show data again.",
                vec!["13:10 to 15:40 UTC"],
            ),
        ];
        for (summary, timeline, found) in fires {
            assert_eq!(
                spans_of("RS207", &freeform(summary, timeline), Format::Markdown),
                found,
                "{summary}"
            );
        }
    }

    #[test]
    fn a_start_milestone_the_author_wrote_is_not_overruled_by_an_entry() {
        let text = "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  resolved: 2024-06-10 17:20 CEST\n---\n## Summary\nErrors from 16:40 to 17:20 CEST.\n\n## Timeline\n- 2024-06-10 16:05 CEST Errors begin\n- 2024-06-10 16:40 CEST Alert fires\n- 2024-06-10 17:20 CEST Fixed\n";
        assert_eq!(spans_of("RS207", text, Format::Markdown), ["16:40"]);
    }

    /// An entry that ends the impact in so many words is the window's end, with
    /// or without a stated length: a later closing entry is after the impact.
    #[test]
    fn an_impact_end_in_words_beats_a_later_closing_entry() {
        let stale = "- 2025-04-01 14:30 Catalogue published; purge job starts.\n- 14:48 Stale pages served.\n- 15:20 Cause found.\n- 15:36 Purge completes; spot checks pass. Impact ends.\n- 16:10 Incident closed after checks by hand.";
        let quiet = [
            ("From 14:48 to 15:36 UTC some pages showed old photos.", stale.to_string()),
            ("Between 14:48 and 15:36 UTC some pages showed old photos.", stale.replace("Impact ends.", "Impact\n  ends.")),
            (
                "Checkout failed from 09:02 to 09:40 UTC.",
                "- 2025-02-03 09:02 Checkout errors begin.\n- 09:20 Deploy reverted.\n- 09:40 Service fully restored.\n- 10:30 Ticket closed; post-mortem scheduled.".to_string(),
            ),
        ];
        for (summary, timeline) in quiet {
            assert_eq!(
                spans_of("RS207", &freeform(summary, &timeline), Format::Markdown),
                Vec::<&str>::new(),
                "{summary}"
            );
        }
        // Near misses: the impact ended only in part there; a stated end at no
        // such entry; an end the author wrote as a milestone.
        for (summary, timeline, found) in [
            (
                "From 14:48 to 15:36 UTC some pages showed old photos.",
                stale.replace("Impact ends.", "Impact ends for some regions."),
                "15:36 UTC",
            ),
            (
                "From 14:48 to 15:20 UTC some pages showed old photos.",
                stale.to_string(),
                "15:20 UTC",
            ),
        ] {
            assert_eq!(
                spans_of("RS207", &freeform(summary, &timeline), Format::Markdown),
                vec![found],
                "{summary}"
            );
        }
        let written = "---\nmilestones:\n  started: 2025-04-01 14:48 UTC\n  resolved: 2025-04-01 16:10 UTC\n---\n";
        assert_eq!(
            spans_of(
                "RS207",
                &format!(
                    "{written}{}",
                    freeform(
                        "From 14:48 to 15:36 UTC some pages showed old photos.",
                        stale
                    )
                ),
                Format::Markdown
            ),
            vec!["15:36 UTC"],
        );
    }
}
