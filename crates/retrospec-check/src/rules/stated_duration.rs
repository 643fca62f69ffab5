use std::sync::LazyLock;

use regex::{Captures, Regex};
use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::metrics;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;

declare_rule! {
    /// A duration the report states ("a 1h30m downtime", "Time to resolution:
    /// ~2h30", "Time to identification: 15 min") disagrees with the milestones.
    ///
    /// ## Why
    /// The stated durations are the numbers readers quote. When one disagrees with
    /// the milestones, one of them is wrong.
    ///
    /// Where durations are read, and what they are compared with:
    ///
    /// | stated as | compared with |
    /// |---|---|
    /// | "time to detect", "detection", "identification", "TTD" | `detected` - `started` |
    /// | "time to acknowledge", "acknowledgement", "TTA" | `acknowledged` - `detected` |
    /// | "time to first (corrective) action", "first response" | `acknowledged` or `mitigated` - `started`, or `acknowledged` - `detected` (any one may agree) |
    /// | "time to mitigate", "mitigation", "TTM" | `mitigated` - `started` |
    /// | "time to resolve", "resolution", "recovery", "restore", "TTR" | `resolved` - `started` |
    /// | the incident's length (below) | `resolved` - `started` |
    ///
    /// A labelled metric is read as a label ("Time to X", `**Time to X:**`) followed
    /// by the duration, in the summary, `impact.description`, `resolution`,
    /// `detection.description`, free sections and lessons, and as an `x-` field
    /// whose name is such a label and whose value is a duration
    /// (`x-time-to-resolution: ~2h30`). The incident's length is read in the
    /// summary after "for", "lasted", "took", "duration" or before "downtime",
    /// "outage", "degradation", "disruption"; elsewhere only after "the
    /// outage/downtime/incident lasted/took/of" or "total downtime", since "took
    /// 10 minutes" there is usually one step, not the incident.
    ///
    /// "MTTR" is a mean over many incidents, not this one's duration, and is not
    /// read. A bound is not a statement: "within 15 minutes", "under an hour" are left
    /// alone. Rounding is allowed: a difference is reported when it exceeds both
    /// `duration-tolerance.minutes` (2) and `duration-tolerance.percent` (3) of the
    /// milestones' duration (`retrospec.toml`).
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Cloud outage
    /// status: draft
    /// milestones:
    ///   started: 2023-07-01 10:51 CEST
    ///   resolved: 2023-07-01 12:26 CEST
    /// ---
    /// ## Summary
    /// A 1h30m downtime of the cloud service on Saturday morning.
    /// ```
    /// Use instead: "A 1h35m downtime", or correct the milestones.
    pub struct StatedDuration = "RS208", "stated-duration", Warning;
}

/// A duration in prose: `1h30m`, `2h30`, `1 hour 30 minutes`, `66 minutes`, `2 hours`, `an hour`.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?P<h1>[0-9]+)\s*h(?:ours?|rs?)?\s*(?:and\s*)?(?P<m1>[0-9]{1,2})\s*m(?:in(?:ute)?s?)?\b
        | \b(?P<h2>[0-9]+)h(?P<m2>[0-9]{2})\b
        | \b(?P<h3>[0-9]+)\s*(?:hours?|hrs?|h)\b
        | \b(?P<m4>[0-9]+)\s*(?:minutes?|mins?|m)\b
        | \b(?P<one>an)\s+hour\b",
    )
    .expect("the duration pattern is valid")
});

/// What introduces the incident's length in the summary.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bfor|\blasted|\btook|\bduration:?)\s*(?:about|around|roughly|~)?\s*(?:a\s+|an\s+)?$")
        .expect("the context pattern is valid")
});

/// What introduces the incident's length in other prose: the incident itself is named.
static BEFORE_STRICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:downtime|outage|incident|disruption|degradation)\s+(?:lasted|took|of)|\btotal\s+(?:downtime|duration)(?:\s+(?:was|of))?\s*:?)\s*(?:about|around|roughly|~)?\s*(?:a\s+|an\s+)?$",
    )
    .expect("the context pattern is valid")
});

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:-\s*)?(?:long\s+)?(?:of\s+)?(?:downtime|outage|degradation|disruption)")
        .expect("the context pattern is valid")
});

/// A metric's label: "time to detect", "Time to first corrective action", "TTR".
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \btime[\s_-]+to[\s_-]+(?:the[\s_-]+)?(?P<what>
            detect(?:ion)? | identif(?:y|ication)
          | acknowledge?(?:ment)?
          | first[\s_-]+(?:corrective[\s_-]+)?(?:action|response) | respon(?:d|se)
          | mitigat(?:e|ion)
          | resol(?:ve|ution) | recover(?:y)? | restor(?:e|ation)
        )\b
        | \bTT(?P<abbr>[DAMR])\b",
    )
    .expect("the label pattern is valid")
});

/// What may sit between a label and its duration (`:** ~`, ` was about `); a bound
/// ("within", "under") is not in it, so "Time to detect: within 15 minutes" is quiet.
static GLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_:=\-–—]*(?:(?:was|is|of|were)\s+)?(?:about|around|roughly|approximately|approx\.?|~|≈)?\s*$")
        .expect("the glue pattern is valid")
});

/// A value that is one duration (`~2h30`, `about 15 min`), for `x-` fields.
static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:about|around|roughly|approximately|approx\.?|~|≈)?\s*$")
        .expect("the whole-value pattern is valid")
});

/// The milestone pairs a stated duration may be compared with; any one agreeing is enough.
type Pairs = &'static [(Milestone, Milestone)];

const RESOLVE: Pairs = &[(Milestone::Started, Milestone::Resolved)];

/// The pairs for a label's `what` (or abbreviation letter).
fn pairs_for(what: &str) -> Pairs {
    use Milestone::{Acknowledged, Detected, Mitigated, Started};
    let w = what.to_ascii_lowercase();
    if w == "d" || w.starts_with("detect") || w.starts_with("identif") {
        &[(Started, Detected)]
    } else if w == "a" || w.starts_with("acknowledge") {
        &[(Detected, Acknowledged)]
    } else if w.starts_with("first") || w.starts_with("respon") {
        &[
            (Started, Acknowledged),
            (Detected, Acknowledged),
            (Started, Mitigated),
        ]
    } else if w == "m" || w.starts_with("mitigat") {
        &[(Started, Mitigated)]
    } else {
        RESOLVE
    }
}

fn minutes(caps: &Captures<'_>) -> Option<i64> {
    let n = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    if let (Some(h), Some(m)) = (n("h1"), n("m1")) {
        return Some(h * 60 + m);
    }
    if let (Some(h), Some(m)) = (n("h2"), n("m2")) {
        return Some(h * 60 + m);
    }
    if let Some(h) = n("h3") {
        return Some(h * 60);
    }
    if let Some(m) = n("m4") {
        return Some(m);
    }
    caps.name("one").map(|_| 60)
}

/// A duration found in a field: where, how many minutes, and what to compare it with.
struct Stated {
    range: std::ops::Range<usize>,
    minutes: i64,
    pairs: Pairs,
    /// Whether a metric label named it (the message then names the metric).
    labelled: bool,
}

/// The most durations and metric labels read in one value.
const MAX_STATED: usize = 100;

/// Every stated duration in `text`. `summary` allows the looser introducers.
fn stated(text: &str, summary_like: bool, loose: bool) -> Vec<Stated> {
    let mut found: Vec<Stated> = Vec::new();
    // A report states a handful of durations; past MAX_STATED in one value the text
    // is not prose (generated or hostile), and pairing labels with durations and
    // locating each in the file would cost the square of their number.
    let durations: Vec<Captures<'_>> = DURATION.captures_iter(text).take(MAX_STATED).collect();
    for label in LABEL.captures_iter(text).take(MAX_STATED) {
        let (Some(whole), Some(what)) = (label.get(0), label.name("what").or(label.name("abbr")))
        else {
            continue;
        };
        let next = durations
            .iter()
            .filter_map(|c| c.get(0).map(|m| (m, c)))
            .find(|(m, _)| m.start() >= whole.end());
        let Some((m, caps)) = next else { continue };
        if !GLUE.is_match(&text[whole.end()..m.start()]) {
            continue;
        }
        if let Some(minutes) = minutes(caps) {
            found.push(Stated {
                range: m.range(),
                minutes,
                pairs: pairs_for(what.as_str()),
                labelled: true,
            });
        }
    }
    for caps in &durations {
        let Some(m) = caps.get(0) else { continue };
        if found.iter().any(|s| s.range == m.range()) {
            continue; // a labelled metric already took it
        }
        let before = &text[..m.start()];
        let introduced = (loose && BEFORE.is_match(before))
            || BEFORE_STRICT.is_match(before)
            || (summary_like && AFTER.is_match(&text[m.end()..]));
        if let (true, Some(minutes)) = (introduced, minutes(caps)) {
            found.push(Stated {
                range: m.range(),
                minutes,
                pairs: RESOLVE,
                labelled: false,
            });
        }
    }
    found.sort_by_key(|s| s.range.start);
    found
}

impl Rule for StatedDuration {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let instant = |m| {
            cx.times
                .milestone(m)
                .and_then(|v| v.instant().map(|r| (v, r.timestamp)))
        };
        // The prose fields: (pointer, how a message names it, text, summary-like, loose).
        let m = cx.model;
        let impact = m.impact.as_ref().and_then(|i| i.description.as_deref());
        let detection = m.detection.as_ref().and_then(|d| d.description.as_deref());
        let mut fields: Vec<(String, String, Option<&str>, bool, bool)> = vec![
            (
                "/summary".into(),
                "the summary".into(),
                m.summary.as_deref(),
                true,
                true,
            ),
            (
                "/impact/description".into(),
                "`impact.description`".into(),
                impact,
                true,
                false,
            ),
            (
                "/resolution".into(),
                "`resolution`".into(),
                m.resolution.as_deref(),
                false,
                false,
            ),
            (
                "/detection/description".into(),
                "`detection.description`".into(),
                detection,
                false,
                false,
            ),
        ];
        for (i, section) in m.sections.iter().enumerate() {
            let name = format!("section \"{}\"", section.title.trim());
            fields.push((
                Ptr::section_body(i).into(),
                name,
                Some(&section.body),
                false,
                false,
            ));
        }
        if let Some(lessons) = &m.lessons {
            for (group, items) in [
                ("went_well", &lessons.went_well),
                ("went_wrong", &lessons.went_wrong),
                ("got_lucky", &lessons.got_lucky),
                ("other", &lessons.other),
            ] {
                for (i, text) in items.iter().enumerate() {
                    let pointer = String::from(Ptr::lesson(group, i));
                    let name = format!("`{}`", display_path(&pointer));
                    fields.push((pointer, name, Some(text), false, false));
                }
            }
        }
        let mut found: Vec<(String, String, String, Stated)> = Vec::new();
        for (pointer, name, text, summary_like, loose) in fields {
            let Some(text) = text else { continue };
            for s in stated(text, summary_like, loose) {
                found.push((pointer.clone(), name.clone(), text.to_string(), s));
            }
        }
        for (key, value) in &m.extensions {
            let Some(text) = value.as_str() else { continue };
            let label_text = key.trim_start_matches("x-").replace(['-', '_'], " ");
            let Some(label) = LABEL.captures(&label_text) else {
                continue;
            };
            let Some(what) = label.name("what").or(label.name("abbr")) else {
                continue;
            };
            let Some(caps) = DURATION.captures(text) else {
                continue;
            };
            let Some(whole) = caps.get(0) else { continue };
            if !WHOLE.is_match(&text[..whole.start()]) || !text[whole.end()..].trim().is_empty() {
                continue;
            }
            let Some(minutes) = minutes(&caps) else {
                continue;
            };
            let pointer = String::from(Ptr::field(key));
            let stated = Stated {
                range: whole.range(),
                minutes,
                pairs: pairs_for(what.as_str()),
                labelled: true,
            };
            found.push((pointer, format!("`{key}`"), text.to_string(), stated));
        }

        let tolerance = cx.config.duration_tolerance;
        for (pointer, name, text, s) in found {
            // Every pair the statement may mean, with the milestones' duration in minutes.
            let actual: Vec<((Milestone, Milestone), i64)> = s
                .pairs
                .iter()
                .filter_map(|&(from, to)| {
                    let (_, a) = instant(from)?;
                    let (_, b) = instant(to)?;
                    let seconds = b.as_second() - a.as_second();
                    (seconds >= 0).then_some(((from, to), seconds / 60))
                })
                .collect();
            if actual.is_empty() {
                continue;
            }
            let agrees = actual.iter().any(|(_, minutes)| {
                let allowed =
                    i64::from(tolerance.minutes).max(minutes * i64::from(tolerance.percent) / 100);
                (s.minutes - minutes).abs() <= allowed
            });
            if agrees {
                continue;
            }
            let written = &text[s.range.clone()];
            let span = cx.span_of_match(&pointer, &text, s.range.clone());
            let human = |m: i64| metrics::human(m * 60);
            let ((from, to), minutes) = actual[0];
            let message = if !s.labelled {
                format!(
                    "{name} says `{written}` ({} min), but the milestones give {} ({minutes} min)",
                    s.minutes,
                    human(minutes),
                )
            } else if actual.len() == 1 {
                let metric = metrics::DEFINITIONS
                    .iter()
                    .find(|d| d.from == from && d.to == to)
                    .map_or_else(
                        || format!("{} to {}", from.as_str(), to.as_str()),
                        |d| d.name.to_lowercase(),
                    );
                format!(
                    "{name} says `{written}` ({} min) for the {metric}, but the milestones give {} ({minutes} min, {} to {})",
                    s.minutes,
                    human(minutes),
                    from.as_str(),
                    to.as_str(),
                )
            } else {
                let options: Vec<String> = actual
                    .iter()
                    .map(|((f, t), m)| format!("{} to {} is {}", f.as_str(), t.as_str(), human(*m)))
                    .collect();
                format!(
                    "{name} says `{written}` ({} min), but no milestone pair agrees: {}",
                    s.minutes,
                    options.join(", ")
                )
            };
            let mut diagnostic = Diagnostic::new(&Self::INFO, span, message);
            for milestone in [from, to] {
                if let Some((value, _)) = instant(milestone) {
                    diagnostic = diagnostic.with_label(cx.span(&value.pointer), milestone.as_str());
                }
            }
            out.push(diagnostic.with_help("correct the stated duration or the milestones"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stated;

    fn minutes(text: &str) -> Vec<i64> {
        stated(text, false, false)
            .iter()
            .map(|s| s.minutes)
            .collect()
    }

    #[test]
    fn labelled_metrics_are_read_in_any_prose() {
        assert_eq!(minutes("**Time to identification:** 6 minutes"), [6]);
        assert_eq!(minutes("**Time to resolution:** ~2h30"), [150]);
        assert_eq!(minutes("Time to first corrective action: 7 minutes"), [7]);
        assert_eq!(minutes("TTR was about 2 hours"), [120]);
        assert_eq!(minutes("the outage lasted 66 minutes"), [66]);
    }

    #[test]
    fn bounds_and_steps_are_quiet() {
        assert!(minutes("Time to detect: within 15 minutes").is_empty());
        assert!(minutes("Alerts fire within 15 minutes of a failure.").is_empty());
        assert!(minutes("The rollback took 10 minutes.").is_empty());
        assert!(minutes("We waited for 10 minutes for DNS to propagate.").is_empty());
        assert!(minutes("Time to detect: under 5 minutes").is_empty());
        assert!(minutes("Our MTTR is 45 minutes.").is_empty());
        assert!(minutes("Time to detect target: 5 minutes").is_empty());
    }

    #[test]
    fn the_tolerance_comes_from_the_configuration() {
        use crate::config::{Config, DurationTolerance};
        use crate::{Format, check_with};
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CEST\n  resolved: 2023-07-01 12:26 CEST\nsummary: A 1h30m downtime.\n";
        let count = |config: &Config| {
            check_with(text, Format::Yaml, config)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS208")
                .count()
        };
        assert_eq!(count(&Config::default()), 1);
        let loose = Config {
            duration_tolerance: DurationTolerance {
                minutes: 5,
                percent: 3,
            },
            ..Config::default()
        };
        assert_eq!(count(&loose), 0);
    }
}
