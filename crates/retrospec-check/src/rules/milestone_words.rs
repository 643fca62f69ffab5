use std::sync::LazyLock;

use crate::lean::Lean;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::words::Hits;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A timeline entry whose words say the incident was detected, declared or
    /// escalated comes after an entry whose words say its impact was over.
    ///
    /// ## Why
    /// Detection, declaration and escalation happen while the incident is under
    /// way. Recorded after the impact ended, they mean a wrong time on one of the
    /// entries, or an incident noticed only after it had resolved itself, which a
    /// reader needs to be told in words. Either way the time to detect computed
    /// from this timeline is wrong.
    ///
    /// Read in the timeline's entry texts, in time order (code and quotes left
    /// out); in a report that states no zone at all, in the order of the entries'
    /// wall-clock times. The end: "impact over", "impact ended", "resolved", "all clear",
    /// "fully restored", "fully recovered", "back to normal", "back to the normal
    /// ... level", "incident closed" (not when the entry also says "partial",
    /// "still", "some" or "but"). After it: "alert fired/noticed/triggered",
    /// "noticed", "detected", "incident declared/opened", "declared/opened an
    /// incident" (`declared a SEV-2 incident`), "declared SEV-1", "escalated",
    /// "paged" (not when the entry says "again", "recurr", "second", "another",
    /// "follow-up", "postmortem", "retro" or "review", nor with "resolved" in the
    /// same clause: "alert fired and resolved itself"). A timeline written as
    /// sentences is read one sentence led by its time to an entry, also when the
    /// sentence starts inside a line ("... back to normal. At 10:07 PM we declared
    /// ...").
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: File previews broken
    /// status: draft
    /// timezone: Europe/Paris
    /// ---
    /// ## Timeline
    /// - 2025-10-29 12:30 CET Preview failures back to normal
    /// - 2025-10-29 13:15 CET Incident declared and escalated to the team lead
    /// ```
    /// Use instead: the time the incident was really declared, or say that it was
    /// declared after the impact had ended.
    ///
    /// Also: `milestones.resolved` given as a field (a status page's
    /// `resolvedWhen`, `milestones.resolved`) with no timeline entry at its time,
    /// earlier than the first entry whose words say the impact ended (more than
    /// five minutes), while no entry up to it says so: the report says both
    /// "resolved at 12:00" and "back to normal at 13:40". Words in a forecast or
    /// a condition ("will be delivered once the issue is resolved", a status
    /// page's first update) do not end the impact. In a timeline of status-page
    /// updates, a `Monitoring` or `Resolved` update by the milestone's time is an
    /// end it may mean (nothing is reported); with none and no words that end the
    /// impact, a later update whose words say the impact goes on ("Deliveries are
    /// still running behind"; not a hedge nor a cleanup) contradicts it.
    ///
    /// And the same at the start: `milestones.started` given as a field (another
    /// tool's `started_at` or `startedWhen`, `milestones.started`) with no timeline
    /// entry at its time, more than five minutes from the first entry whose words
    /// say the impact began (`card payments start failing`, `outage begins`): the
    /// report gives two start times. An entry at the field's time (the change that
    /// set it off) is the author's reading and keeps it quiet, as does a timeline
    /// of status-page updates, which are posted after the impact began.
    pub struct MilestoneWords = "RS218", "milestone-words-order", Warning;
}

static ENDED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:impact\s+(?:is\s+|was\s+)?(?:over|ended)|resolved|all[\s-]+clear|fully\s+(?:restored|recovered)|back\s+to\s+(?:normal|the\s+normal)|incident\s+closed)\b")
        .expect("the pattern is valid")
});
static PARTIAL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:partial|partially|still|some|but|except|not\s+yet)\b")
        .expect("the pattern is valid")
});
static DURING: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:alerts?\s+(?:fired|fires|noticed|triggered)|noticed|detected|incident\s+(?:declared|opened)|(?:declared|opened)\s+(?:an?|the)\s+(?:[a-z0-9-]+\s+)?incident|declared\s+(?:an?\s+)?sev[\s-]?[0-9]|escalated|paged)\b")
        .expect("the pattern is valid")
});
static LATER_ON_PURPOSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:again|recurr|second|another|follow-?up|post-?mortem|retro|review)")
        .expect("the pattern is valid")
});

/// "resolved" beside the detection words ("alert fired and resolved itself",
/// "incident declared resolved"): read in the clause of the match only, so "we
/// declared an incident ..., and at 10:40 PM we marked it resolved" is still a
/// declaration.
fn resolved_beside(text: &str, m: &crate::lean::Match<'_>) -> bool {
    let clause_start = CLAUSE
        .find_iter(&text[..m.start()])
        .last()
        .map_or(0, |b| b.end());
    let clause_end = CLAUSE
        .find(&text[m.end()..])
        .map_or(text.len(), |b| m.end() + b.start());
    text[clause_start..clause_end]
        .to_ascii_lowercase()
        .contains("resolved")
}

/// Where a clause ends: a sentence's end, a semicolon, or ", and", ", then", ", but".
static CLAUSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)[.;](?:\s|$)|,\s+(?:and|then|but)\s").expect("the pattern is valid")
});

/// Words quoted in a message on one line: "back to\nnormal" as "back to normal".
fn one_line(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words every match of [`ENDED`] has, in any case: each of its shapes ends on
/// one of them (`impact ... over` and `... ended` both have `impact`).
const ENDED_WORDS: &[&str] = &[
    "impact",
    "resolved",
    "clear",
    "restored",
    "recovered",
    "normal",
    "closed",
];

/// Whether `text` may hold a match of [`ENDED`]: it has one of [`ENDED_WORDS`]. A
/// text with a character outside ASCII passes too, since `(?i)` also matches `ſ`
/// (LONG S) for `s`. Most entries say none of them, and a check then compiles
/// neither [`ENDED`] nor [`PARTIAL`] (bench/README.md, perf8).
fn may_say_ended(text: &str) -> bool {
    if !text.is_ascii() {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    ENDED_WORDS.iter().any(|w| lower.contains(w))
}

/// The first words in `text` that say the impact ended, not in a forecast or a
/// condition ("will be delivered once the issue is resolved").
fn ended_words(text: &str) -> Option<crate::lean::Match<'_>> {
    if !may_say_ended(text) {
        return None;
    }
    ENDED
        .find_iter(text)
        .find(|m| !crate::parse::freeform::milestones::forecast(&text[..m.start()]))
}

impl Rule for MilestoneWords {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        resolved_before_the_end(cx, out);
        started_apart_from_the_start(cx, out);
        let mut ended: Option<(usize, String, (i64, Shown))> = None;
        let mut previous: Option<i64> = None;
        // Without any zone in the report the entries' wall-clock times still order
        // them (RS202 reports the missing zone).
        let zoneless = cx
            .times
            .timeline
            .iter()
            .flatten()
            .all(|v| v.instant().is_none());
        let mut day = 0;
        // Until an entry says the impact ended, only entries with its words are read.
        let hits = Hits::new(cx.lowercase, ENDED_WORDS);
        for i in 0..cx.model.timeline.len() {
            let Some((key, shown)) = cx
                .times
                .timeline
                .get(i)
                .and_then(|v| v.as_ref())
                .and_then(|v| when(v, zoneless, &mut day))
            else {
                continue;
            };
            let at = key;
            // Words are compared in time order only: a timeline out of order is RS201's.
            if previous.is_some_and(|p| at < p) {
                return;
            }
            previous = Some(at);
            let Some(node) = cx.entry_text(i) else {
                continue;
            };
            if ended.is_none() && !hits.may(cx.text, node) {
                continue;
            }
            let prose = crate::claims::Prose::of(cx.text, node);
            let text = prose.masked.as_str();
            if let Some((first, ref end_words, (end_at, end_shown))) = ended
                && at > end_at
                && !LATER_ON_PURPOSE.is_match(text)
                && let Some(m) = DURING.find(text).filter(|m| !resolved_beside(text, m))
            {
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        prose.span(m.range()),
                        format!(
                            "timeline entry {} says `{}` at {}, after entry {} says `{end_words}` at {}",
                            i + 1,
                            one_line(m.as_str()),
                            shown,
                            first + 1,
                            end_shown,
                        ),
                    )
                    .with_label(cx.span(&Ptr::timeline_entry(first).text()), "the impact ended here")
                    .with_help("correct the time of one of the entries, or say in words that the incident was only noticed after it had ended"),
                );
                return;
            }
            // `ENDED` first: it is gated ([`may_say_ended`]), `PARTIAL` is not.
            if ended.is_none()
                && let Some(m) = ended_words(text)
                && !PARTIAL.is_match(text)
            {
                ended = Some((i, one_line(m.as_str()), (at, shown)));
            }
        }
    }
}

/// The timeline's placed entries (index, instant), in time order.
type Entries = Vec<(usize, jiff::Timestamp)>;

/// A milestone, its instant and the timeline's placed entries in time order, when
/// the milestone is given without an entry at its time and there are two entries
/// or more to compare it with: what both milestone checks below start from.
fn apart_from_the_entries<'c>(
    cx: &'c Context<'_>,
    milestone: retrospec_model::Milestone,
) -> Option<(&'c crate::times::TimeValue, jiff::Timestamp, Entries)> {
    let value = cx.times.milestone(milestone)?;
    let at = value.instant()?.timestamp;
    let mut entries: Entries = cx
        .times
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, v.as_ref()?.instant()?.timestamp)))
        .collect();
    entries.sort_by_key(|e| e.1);
    (entries.len() >= 2 && !entries.iter().any(|(_, t)| t.as_second() == at.as_second()))
        .then_some((value, at, entries))
}

/// `milestones.resolved`, given without a timeline entry at its time, is earlier
/// than the first entry whose words say the impact ended.
fn resolved_before_the_end(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((resolved, at, entries)) =
        apart_from_the_entries(cx, retrospec_model::Milestone::Resolved)
    else {
        return;
    };
    // Among a status page's updates, a `Monitoring` (or `Resolved`) update by
    // the milestone's time is an end it may mean: the `Resolved` post comes later.
    let stream = crate::rules::summary_times::updates::is_update_stream(cx);
    if stream
        && crate::rules::summary_times::updates::ending_update(cx, |r| {
            r.timestamp.as_second() <= at.as_second() + 5 * 60
        })
        .is_some()
    {
        return;
    }
    for (i, t) in entries {
        let Some(node) = cx.entry_text(i) else {
            continue;
        };
        let prose = crate::claims::Prose::of(cx.text, node);
        let text = prose.masked.as_str();
        let Some(m) = ended_words(text).filter(|_| !PARTIAL.is_match(text)) else {
            continue;
        };
        if t.as_second() - at.as_second() <= 5 * 60 {
            return; // the first end the words give agrees, or comes before
        }
        let utc = |t: jiff::Timestamp| t.strftime("%H:%M UTC").to_string();
        out.push(
            Diagnostic::new(
                &MilestoneWords::INFO,
                cx.span(&resolved.pointer),
                format!(
                    "`{}` says resolved at {}, but timeline entry {} says `{}` only at {}",
                    crate::suggest::display_path(&resolved.pointer),
                    utc(at),
                    i + 1,
                    one_line(m.as_str()),
                    utc(t),
                ),
            )
            .with_label(prose.span(m.range()), "the impact ended here")
            .with_help("correct the resolution time or the entry's time, or say in words what was resolved earlier"),
        );
        return;
    }
    // No entry's words end the impact: among a status page's updates, a later
    // one that still reports the impact contradicts the milestone.
    if stream {
        still_after(cx, resolved, at, out);
    }
}

/// `milestones.started`, given without a timeline entry at its time, more than
/// five minutes from the first entry whose words say the impact began.
fn started_apart_from_the_start(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((started, at, entries)) =
        apart_from_the_entries(cx, retrospec_model::Milestone::Started)
    else {
        return;
    };
    if crate::rules::summary_times::updates::is_update_stream(cx) {
        return;
    }
    for (i, t) in entries {
        let Some(node) = cx.entry_text(i) else {
            continue;
        };
        let prose = crate::claims::Prose::of(cx.text, node);
        let lower = prose.masked.to_ascii_lowercase();
        let Some((from, to)) = crate::parse::freeform::milestones::says_started(&lower)
            .filter(|(from, _)| !crate::parse::freeform::milestones::forecast(&lower[..*from]))
        else {
            continue;
        };
        if (t.as_second() - at.as_second()).abs() <= 5 * 60 {
            return; // the first start the words give agrees
        }
        let utc = |t: jiff::Timestamp| t.strftime("%H:%M UTC").to_string();
        let words = &prose.masked[from..to];
        out.push(
            Diagnostic::new(
                &MilestoneWords::INFO,
                cx.span(&started.pointer),
                format!(
                    "`{}` says the incident started at {}, but timeline entry {} says `{}` at {}",
                    crate::suggest::display_path(&started.pointer),
                    utc(at),
                    i + 1,
                    one_line(words),
                    utc(t),
                ),
            )
            .with_label(prose.span(from..to), "the impact began here")
            .with_help("correct the start time or the entry's time, or add the entry that started it at the start time"),
        );
        return;
    }
}

/// `milestones.resolved` before an update (more than five minutes later) whose
/// words say the impact goes on ("Deliveries are still running behind").
fn still_after(
    cx: &Context<'_>,
    resolved: &crate::times::TimeValue,
    at: jiff::Timestamp,
    out: &mut Vec<Diagnostic>,
) {
    let Some(v) = crate::rules::summary_times::updates::still_reporting(cx, |r| {
        r.timestamp.as_second() - at.as_second() > 5 * 60
    }) else {
        return;
    };
    let Some(later) = v.instant().map(|r| r.timestamp) else {
        return;
    };
    let entry = v.pointer.strip_suffix("/time").unwrap_or(&v.pointer);
    let utc = |t: jiff::Timestamp| t.strftime("%H:%M UTC").to_string();
    out.push(
        Diagnostic::new(
            &MilestoneWords::INFO,
            cx.span(&resolved.pointer),
            format!(
                "`{}` says resolved at {}, but the update at {} still reports the impact",
                crate::suggest::display_path(&resolved.pointer),
                utc(at),
                utc(later),
            ),
        )
        .with_label(cx.span(entry), "this update still reports the impact")
        .with_help("correct the resolution time, or the update's time"),
    );
}

/// An entry's time for ordering, and how the message shows it: its instant, or,
/// in a report with no zone at all, its wall-clock time on the last date written
/// before it (`day`, in days since 1970).
fn when(v: &crate::times::TimeValue, zoneless: bool, day: &mut i64) -> Option<(i64, Shown)> {
    if let Some(r) = v.instant() {
        return Some((r.timestamp.as_second(), Shown::Utc(r.timestamp)));
    }
    let parsed = v.parsed.as_ref().ok().filter(|_| zoneless)?;
    if let Some(d) = parsed.date {
        *day = i64::from(
            d.since(jiff::civil::date(1970, 1, 1))
                .map_or(0, |s| s.get_days()),
        );
    }
    let day = *day;
    let t = parsed.time;
    let seconds = i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second());
    Some((day * 86_400 + seconds, Shown::Wall(t)))
}

/// An entry's time as a finding shows it (`14:05 UTC`, or `14:05` on a report
/// without zones), written only for a finding: formatting it for every entry was
/// 3.7 M instructions of a language server's edit of a 2,500-entry timeline
/// (perf13).
#[derive(Debug, Clone, Copy)]
enum Shown {
    Utc(jiff::Timestamp),
    Wall(jiff::civil::Time),
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Utc(t) => write!(f, "{}", t.strftime("%H:%M UTC")),
            Shown::Wall(t) => write!(f, "{}", t.strftime("%H:%M")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::rules::spans_of;

    fn report(entries: &[&str]) -> String {
        let lines: Vec<String> = entries
            .iter()
            .map(|e| format!("- 2025-10-29 {e}"))
            .collect();
        format!(
            "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\n---\n## Timeline\n{}\n",
            lines.join("\n")
        )
    }

    #[test]
    fn detection_after_the_end() {
        let text = report(&[
            "10:40 CET First support tickets",
            "12:30 CET Preview failures back to the normal background level",
            "13:15 CET Incident declared and escalated to the team lead",
        ]);
        assert_eq!(
            spans_of("RS218", &text, Format::Markdown),
            ["Incident declared"]
        );
        let text = report(&[
            "06:41 CET Workers crash-loop",
            "08:51 CET Backlog regenerated, impact over",
            "09:05 CET Crash-loop alert noticed on the dashboard",
        ]);
        assert_eq!(
            spans_of("RS218", &text, Format::Markdown),
            ["alert noticed"]
        );
    }

    #[test]
    fn a_report_without_any_zone_is_ordered_by_its_wall_clock() {
        let text = "# Exports broken\n\nDate: 2025-03-04\n\n## Timeline\n\n- 09:00 exporter 2.1 rolled out\n- 10:20 export errors back to normal\n- 10:50 incident opened and escalated to the data team\n";
        assert_eq!(
            spans_of("RS218", text, Format::Markdown),
            ["incident opened"]
        );
        // Declared before the end: in order, nothing to say.
        let in_order = text.replace("10:50", "10:10");
        assert_eq!(
            spans_of("RS218", &in_order.replace("- 10:20 export errors back to normal\n- 10:10 incident opened and escalated to the data team\n", "- 10:10 incident opened and escalated to the data team\n- 10:20 export errors back to normal\n"), Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_resolution_field_before_the_words_that_end_the_impact() {
        let text = "---\ntitle: Search slow\ndate: 2025-06-03T08:00:00Z\nresolvedWhen: 2025-06-03T09:00:00Z\n---\n\nSearch was slow.\n\n## Timeline (UTC)\n\n- 08:00 index node loses a disk\n- 08:30 replica rebuilt, but still warming\n- 10:15 search latency back to normal\n";
        assert_eq!(
            spans_of("RS218", text, Format::Markdown),
            ["2025-06-03T09:00:00Z"]
        );
        // Resolved when the words say so, or later: nothing to say.
        for at in ["10:15", "11:00"] {
            let right = text.replace("09:00:00Z", &format!("{at}:00Z"));
            assert_eq!(
                spans_of("RS218", &right, Format::Markdown),
                Vec::<&str>::new(),
                "{at}"
            );
        }
    }

    /// Another tool's start time and the entry whose words say the impact began
    /// are two start times; an entry at the field's time (the change that set it
    /// off) or a start that agrees keeps it quiet.
    #[test]
    fn a_start_field_apart_from_the_words_that_start_the_impact() {
        let text = "---\ntitle: Checkout errors\ndate: 2025-03-04\nstarted_at: 2025-03-04 09:40 UTC\n---\n\nCheckout failed.\n\n## Timeline (UTC)\n\n- 10:00 card payments start failing\n- 10:07 alert fires, on-call paged\n- 10:41 payments succeed again\n";
        assert_eq!(
            spans_of("RS218", text, Format::Markdown),
            ["2025-03-04 09:40 UTC"]
        );
        let later = text.replace("09:40", "10:20");
        assert_eq!(
            spans_of("RS218", &later, Format::Markdown),
            ["2025-03-04 10:20 UTC"]
        );
        for quiet in [
            text.replace("09:40", "10:03"),
            text.replace(
                "- 10:00 card",
                "- 09:40 config change deployed\n- 10:00 card",
            ),
            text.replace("card payments start failing", "card payments slow down"),
        ] {
            assert!(
                spans_of("RS218", &quiet, Format::Markdown).is_empty(),
                "{quiet}"
            );
        }
    }

    #[test]
    fn a_status_page_resolved_before_its_resolved_update() {
        // cState front matter, updates dated by `track` shortcodes, newest first;
        // the first update's "once the issue is resolved" is a forecast.
        let text = "---\ntitle: Exports delayed\ndate: 2025-05-06T11:12:00+02:00\nresolved: true\nresolvedWhen: 2025-05-06T11:30:00+02:00\nsection: issue\n---\n\n*Resolved* - Exports are back to normal. {{< track \"2025-05-06 12:40:00\" >}}\n\n*Monitoring* - A fix is out. {{< track \"2025-05-06 12:05:00\" >}}\n\n*Investigating* - Exports are slow and will finish once the issue is resolved.\n{{< track \"2025-05-06 11:12:00\" >}}\n\nTimes on this page are CEST.\n";
        assert_eq!(
            spans_of("RS218", text, Format::Markdown),
            ["2025-05-06T11:30:00+02:00"]
        );
        let right = text.replace("11:30:00+02:00", "12:40:00+02:00");
        assert_eq!(
            spans_of("RS218", &right, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_declaration_after_the_end_in_a_timeline_of_sentences() {
        let text = |declared: &str| {
            format!(
                "# Checkout errors\n\nTimes in this post are Pacific (PT). On March 3, 2026:\n\n## What happened\n\nAt 7:40 PM, checkout began to time out for some shoppers.\n\nAt 7:52 PM, the on-call engineer was paged.\n\nBy 8:30 PM, the cache had been rebuilt and checkout was back to\nnormal. At 8:41 PM {declared},\nand at 9:10 PM we marked it resolved.\n"
            )
        };
        for (declared, found) in [
            ("we declared a SEV-2 incident", "declared a SEV-2 incident"),
            ("we declared an incident", "declared an incident"),
            ("we opened a sev-3 incident", "opened a sev-3 incident"),
            ("we declared SEV-2", "declared SEV-2"),
        ] {
            assert_eq!(
                spans_of("RS218", &text(declared), Format::Markdown),
                [found],
                "{declared}"
            );
        }
        // "resolved" in the same clause: an alert that cleared itself.
        assert_eq!(
            spans_of(
                "RS218",
                &text("the alert fired and resolved itself"),
                Format::Markdown
            ),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn quiet_in_order_or_on_purpose() {
        for entries in [
            &[
                "10:40 CET Alert fired",
                "10:45 CET On-call paged",
                "12:30 CET All clear",
                "14:00 CET Postmortem review scheduled",
            ][..],
            &[
                "10:40 CET Errors start",
                "11:00 CET Service partially restored, but uploads still failing",
                "11:10 CET Storage team paged",
                "11:30 CET Fully restored",
            ],
            &[
                "10:40 CET Errors start",
                "11:30 CET Fully restored",
                "12:10 CET Alert fired again; a second wave of errors",
            ],
        ] {
            assert_eq!(
                spans_of("RS218", &report(entries), Format::Markdown),
                Vec::<&str>::new(),
                "{entries:?}"
            );
        }
    }

    #[test]
    fn the_ended_gate_passes_every_match() {
        let mut texts: Vec<String> = Vec::new();
        for (_, text) in crate::gated::corpus() {
            texts.extend(text.lines().map(str::to_string));
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        for shape in [
            "Impact was over",
            "IMPACT\tENDED",
            "impact is ended",
            "Resolved",
            "re\u{17f}olved",
            "ALL-CLEAR given",
            "all \n clear",
            "fully restored",
            "Fully  Recovered",
            "back to the normal",
            "BACK TO NORMAL",
            "incident closed",
            "incident clo\u{17f}ed",
        ] {
            texts.push(format!("10:40 {shape}."));
        }
        let mut matched = 0;
        for t in &texts {
            if super::ENDED.is_match(t) {
                matched += 1;
                assert!(super::may_say_ended(t), "{t:?}");
            }
        }
        assert!(matched > 50, "{matched}");
        assert!(!super::may_say_ended(
            "Cluster read load upstream connection shard queue error."
        ));
    }
}
