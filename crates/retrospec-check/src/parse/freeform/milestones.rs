//! Milestones read from the words of timeline entries, when a report marks none.
//!
//! Conservative on purpose: a wrong milestone is worse than none, since the
//! metrics and the order rules build on it. A milestone is read only
//!
//! - when no timeline entry has a milestone and the report has no `milestones`;
//! - from the first entry whose words name it (phrases below), one milestone per entry;
//! - never from words in a forecast or a condition ("will be delivered once the
//!   issue is resolved", "until service is back to normal": `is`, `are`, `be`
//!   right before the words, after `once`, `until`, `when`, `if`, `will`, ...
//!   in the same clause);
//! - never from an entry that negates or tries (`not`, `failed to`, `attempt`,
//!   `tried`, `partially`, `nobody`, `never`, `without`, `starts rolling back`), nor from one that names another
//!   time (`all clear at 09:40`: the milestone may not be at the entry's time).
//!
//! | milestone | words (any case) |
//! |---|---|
//! | started | an outage, degradation, downtime, impact, incident, disruption, errors, failures, delays, latency or timeouts that `began`, `begin(s)`, `started` or `start(s)`; something that `starts failing` |
//! | detected | `detected`, `alerted`, `alert(s) fired`, `alert fires`, `alerts fire`, `alert pages`, `alerts page`, `alert triggered`, `reported by customers`, `customers reported`, `paged`, `noticed` |
//! | acknowledged | `acknowledged`, `mobilized`, `mobilised`, `incident declared`, `declared an incident`, `began investigating`, `started investigating` |
//! | mitigated | `mitigated`, `mitigation applied`, `rolled back`, a `rollback` then `completed`/`complete`/`finished`/`done`, `failed over` |
//! | resolved | `resolved`, `back to normal`, `back to nominal`, `all clear`, `fully recovered`, `fully restored`, `outage ends`, `outage ended`, `impact ended`, `back to baseline`, `working again`, `succeeding again`, `healthy again`, `returned to normal`, `returned to (its) usual`, `back to (its) usual`, an error or failure rate (or errors, failures) `back to zero` or `returned to zero` |
//!
//! The reading is recorded ([`ReadMilestone`]) and shown in hover and in
//! `--format json`, so a reviewer sees why a milestone is there.

use crate::ptr::Ptr;
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

use super::{ReadMilestone, Reading};

const ORDER: [&str; 5] = [
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
];

/// Words that make an entry unusable for a milestone: it negates or only tries.
const GUARDS: &[&str] = &[
    "not ",
    "n't",
    "failed to",
    " fails",
    "attempt",
    "tried",
    "unsuccessful",
    "partially",
    "rolling back",
    "no longer",
    "nobody",
    "no one",
    "never",
    "without",
];

const STARTED_SUBJECTS: &[&str] = &[
    "outage",
    "degradation",
    "downtime",
    "impact",
    "incident",
    "disruption",
    "errors",
    "failures",
    "delays",
    "latency",
    "failing",
    "timeouts",
];
const STARTED_VERBS: &[&str] = &["began", "begins", "begin", "started", "starts", "start"];

fn phrases(milestone: &str) -> &'static [&'static str] {
    match milestone {
        "detected" => &[
            "detected",
            "alerted",
            "alert fired",
            "alerts fired",
            "alert fires",
            "alerts fire",
            "alert triggered",
            "alert triggers",
            "alert pages",
            "alerts page",
            "reported by customers",
            "customers reported",
            "paged",
            "noticed",
        ],
        "acknowledged" => &[
            "acknowledged",
            "mobilized",
            "mobilised",
            "incident declared",
            "declared an incident",
            "began investigating",
            "started investigating",
        ],
        "mitigated" => &[
            "mitigated",
            "mitigation applied",
            "rolled back",
            "rollback completed",
            "rollback complete",
            "rollback finished",
            "failed over",
        ],
        "resolved" => &[
            "resolved",
            "back to normal",
            "back to nominal",
            "all clear",
            "fully recovered",
            "fully restored",
            "outage ends",
            "outage ended",
            "impact ended",
            "back to baseline",
            "working again",
            "succeeding again",
            "healthy again",
            "returned to normal",
            "returned to its usual",
            "returned to usual",
            "back to its usual",
            "back to usual",
            "error rate back to zero",
            "failure rate back to zero",
            "errors back to zero",
            "failures back to zero",
            "error rate returned to zero",
            "failure rate returned to zero",
        ],
        _ => &[],
    }
}

/// Adds a `milestone` to the timeline entries whose words name one (see the
/// module documentation), recording each reading in `reading`. Returns the
/// report's `milestones`, from those readings or from the entries' own markers
/// (the first entry of each), so the metrics and the duration rules see them; the
/// time of each is its entry's time, with its span.
pub(crate) fn infer(text: &str, timeline: &mut Node, reading: &mut Reading) -> Option<Node> {
    let Value::Seq(items) = &mut timeline.value else {
        return None;
    };
    let marked = items.iter().any(|i| i.entry("milestone").is_some());
    if !marked {
        read_words(text, items, reading);
    }
    let dated = dated_times(items);
    let mut out: Vec<Entry> = Vec::new();
    for name in ORDER {
        // Only a time with a date makes a milestone (the model requires the date).
        let found = items.iter().zip(&dated).find_map(|(i, dated)| {
            let m = i.entry("milestone")?;
            let time = i.entry("time")?;
            let dated = dated.as_ref()?;
            (m.value.as_str() == Some(name)).then_some((m.value.span, time, dated))
        });
        if let Some((words, time, dated)) = found {
            out.push(Entry {
                key: name.into(),
                key_span: words,
                value: Node::new(time.value.span, Value::String(dated.clone())),
            });
        }
    }
    let first = out.first()?.key_span;
    let span = out.iter().fold(first, |acc, e| acc.cover(e.key_span));
    Some(Node::new(span, Value::Map(out)))
}

/// Each entry's time with its date: as written when it has one; else with the date
/// of the dated entry above it, when every clock from there to this one runs
/// forward (the entries are that day's, as the timeline resolves them); else none,
/// since a clock that went back may be the next day.
fn dated_times(items: &[Node]) -> Vec<Option<String>> {
    let mut day: Option<(jiff::civil::Date, jiff::civil::Time)> = None;
    items
        .iter()
        .map(|i| {
            let written = i.entry("time")?.value.as_str()?;
            let Ok(parsed) = crate::time::parse_time(written) else {
                day = None;
                return None;
            };
            if let Some(date) = parsed.date {
                day = Some((date, parsed.time));
                return Some(written.to_string());
            }
            match day {
                Some((date, previous)) if parsed.time >= previous => {
                    day = Some((date, parsed.time));
                    Some(format!("{date} {}", written.trim()))
                }
                _ => {
                    day = None;
                    None
                }
            }
        })
        .collect()
}

fn read_words(text: &str, items: &mut [Node], reading: &mut Reading) {
    // The words of each entry as written (lowercased, same offsets) and their span.
    let texts: Vec<Option<(Span, String, Vec<usize>)>> = items
        .iter()
        .map(|i| {
            let e = i.entry("text")?;
            // A line break inside a phrase ("returned to\n  its usual level") is one
            // blank like any other: runs of blanks are read as one, and `at` maps
            // each byte read back to the text.
            let (lower, at) = collapse_blanks(&e.value.span.slice(text).to_ascii_lowercase());
            // Another time in the words ("all clear at 09:40"): the entry's own time
            // may not be the milestone's, so none is read.
            let other_time = lower
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
            (!other_time && !GUARDS.iter().any(|g| lower.contains(g))).then_some((
                e.value.span,
                lower,
                at,
            ))
        })
        .collect();
    let mut taken = vec![false; items.len()];
    for milestone in ORDER {
        let found = texts.iter().enumerate().find_map(|(i, t)| {
            let (span, lower, map) = t.as_ref()?;
            if taken[i] {
                return None;
            }
            let (from, to) = find(milestone, lower)?;
            let end = map.get(to.checked_sub(1)?)? + 1;
            Some((i, Span::new(span.start + map.get(from)?, span.start + end)))
        });
        let Some((i, words)) = found else {
            continue;
        };
        taken[i] = true;
        let written = items[i]
            .entry("text")
            .and_then(|e| e.value.as_str())
            .unwrap_or("");
        let shown: String = written.chars().take(80).collect();
        reading.milestones.push(ReadMilestone {
            milestone,
            entry: Ptr::timeline_entry(i).whole().into(),
            span: words,
            read_from: format!("timeline text '{shown}'"),
        });
        if let Value::Map(fields) = &mut items[i].value {
            fields.push(Entry {
                key: "milestone".into(),
                key_span: words,
                value: Node::new(words, Value::String(milestone.into())),
            });
        }
    }
}

/// `s` with each run of blanks (spaces, tabs, line breaks) as one space, and for
/// each byte of the result the byte of `s` it was read from.
fn collapse_blanks(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len());
    let mut blank = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_whitespace() {
            if !blank {
                out.push(' ');
                at.push(i);
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push(c);
        at.extend((0..c.len_utf8()).map(|k| i + k));
    }
    (out, at)
}

/// Where the words naming `milestone` are in `lower`, as a byte range.
fn find(milestone: &str, lower: &str) -> Option<(usize, usize)> {
    if milestone == "started" {
        let (s, subject) = STARTED_SUBJECTS
            .iter()
            .filter_map(|w| word_at(lower, w).map(|i| (i, *w)))
            .min()?;
        let (v, verb) = STARTED_VERBS
            .iter()
            .filter_map(|w| word_at(lower, w).map(|i| (i, *w)))
            .min()?;
        let (start, end) = (s.min(v), (s + subject.len()).max(v + verb.len()));
        // Subject and verb close together: "outage starts", "errors began to rise".
        return (end - start <= subject.len() + verb.len() + 24).then_some((start, end));
    }
    let phrase = phrases(milestone)
        .iter()
        .filter_map(|p| word_at(lower, p).map(|i| (i, i + p.len())))
        .filter(|(i, _)| !forecast(&lower[..*i]))
        .min();
    if phrase.is_none() && milestone == "mitigated" {
        // "Rollback of the release completed".
        let r = word_at(lower, "rollback")?;
        let (c, word) = ["completed", "complete", "finished", "done"]
            .iter()
            .find_map(|w| word_at(lower, w).map(|i| (i, *w)))?;
        return (c > r).then_some((r, c + word.len()));
    }
    phrase
}

/// Whether the words before a milestone's phrase make it a forecast or a
/// condition, not an event: "will be delivered once the issue is resolved",
/// "until service is back to normal", "should be fully restored". A past event
/// ("once the cache warmed, errors were back to normal", "has been resolved")
/// is not one. `before` is the text up to the phrase, any case.
pub(crate) fn forecast(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    // The clause the phrase is in: "Once the cache warms, errors are back to
    // normal" is an event in the present tense, the condition a clause apart.
    let clause = lower
        .rfind(['.', ';', '!', '?', ','])
        .map_or(lower.as_str(), |i| &lower[i + 1..]);
    let tail = clause.trim_end();
    let verb = [" is", " are", " be", " gets", " get"]
        .iter()
        .any(|v| tail.ends_with(v));
    verb && [
        "once",
        "until",
        "till",
        "when",
        "if",
        "as soon as",
        "will",
        "should",
        "expect",
        "expected",
    ]
    .iter()
    .any(|w| word_at(clause, w).is_some())
}

/// The first place `word` stands as whole words in `lower`.
fn word_at(lower: &str, word: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(i) = lower[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return Some(at);
        }
        from = at + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::parse::markdown;

    fn read(timeline: &str) -> Vec<(String, String)> {
        let text = format!("# Outage\n\n## Timeline\n\n{timeline}");
        let mut diags = Vec::new();
        let parsed = markdown::parse(&text, &mut diags).expect("parses");
        parsed
            .freeform
            .expect("free-form")
            .milestones
            .into_iter()
            .map(|m| (m.milestone.to_string(), m.span.slice(&text).to_string()))
            .collect()
    }

    #[test]
    fn milestones_are_read_from_words() {
        let found = read(
            "- 16:05 UTC: Service degradation began.\n- 16:10 UTC: Degradation reported by customers.\n- 16:20 UTC: Response team mobilized\n- 16:30 UTC: Team starts rolling back the release\n- 16:45 UTC: Rollback of the release completed\n- 17:20 UTC: Service is back to normal.\n",
        );
        assert_eq!(
            found,
            [
                ("started".into(), "degradation began".into()),
                ("detected".into(), "reported by customers".into()),
                ("acknowledged".into(), "mobilized".into()),
                (
                    "mitigated".into(),
                    "Rollback of the release completed".into()
                ),
                ("resolved".into(), "back to normal".into()),
            ]
        );
    }

    #[test]
    fn a_forecast_or_a_condition_is_no_milestone() {
        for words in [
            "Events will be delivered once the issue is resolved.",
            "Uploads are queued until service is back to normal.",
            "Search should be fully restored when the index gets back to normal.",
            "We expect the backlog to be resolved by noon.",
        ] {
            assert_eq!(
                read(&format!(
                    "- 14:20 UTC: {words}\n- 15:00 UTC: Work continues\n"
                )),
                [],
                "{words}"
            );
        }
        // Past events after the same words are milestones.
        for (words, found) in [
            (
                "Once the cache warmed, errors were back to normal.",
                "back to normal",
            ),
            ("The incident has been resolved.", "resolved"),
            (
                "Once the cache warms, errors are back to normal.",
                "back to normal",
            ),
            (
                "After the rollback, errors are back to normal.",
                "back to normal",
            ),
            (
                "When the disk was replaced, the incident was resolved.",
                "resolved",
            ),
        ] {
            assert_eq!(
                read(&format!("- 14:20 UTC: {words}\n")),
                [("resolved".to_string(), found.to_string())],
                "{words}"
            );
        }
    }

    #[test]
    fn a_failure_rate_back_to_zero_is_the_end() {
        assert_eq!(
            read(
                "- 09:41 UTC: Checks start failing\n- 11:40 UTC: Failure rate back to zero as caches expire\n"
            ),
            [
                ("started".into(), "start failing".into()),
                ("resolved".into(), "Failure rate back to zero".into()),
            ]
        );
        assert_eq!(
            read(
                "- 09:47 UTC: Latency began to climb\n- 12:00 UTC: Latency returned to\n  its usual level\n"
            ),
            [
                ("started".into(), "Latency began".into()),
                ("resolved".into(), "returned to\n  its usual".into()),
            ]
        );
        // A count back to zero is not the end of the impact.
        assert_eq!(
            read("- 11:40 UTC: Queue depth back to zero\n- 11:50 UTC: Retries back to zero\n"),
            []
        );
    }

    #[test]
    fn negated_or_attempted_words_and_marked_timelines_give_none() {
        assert_eq!(
            read("- 10:00 UTC: Alert was not detected\n- 10:05 UTC: Attempt to roll back fails\n"),
            []
        );
        assert_eq!(
            read("- 10:00 UTC: Outage starts [detected]\n- 11:00 UTC: All clear\n"),
            []
        );
    }
}
