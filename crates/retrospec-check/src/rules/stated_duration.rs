use std::sync::LazyLock;

use regex::Regex;
use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// The summary states how long the incident lasted ("a 1h30m downtime",
    /// "down for 66 minutes", "Time to resolution: ~2h30"), and the milestones
    /// `started` and `resolved` say otherwise.
    ///
    /// ## Why
    /// The stated duration is the number readers quote. When it disagrees with the
    /// milestones, one of them is wrong. Rounding is allowed: the difference must
    /// exceed both 2 minutes and 3% of the duration the milestones give.
    /// Only durations introduced as such are read: after "for", "lasted", "took",
    /// "resolution:", or before "downtime", "outage", "degradation", "disruption".
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
        \b(?P<h1>\d+)\s*h(?:ours?|rs?)?\s*(?:and\s*)?(?P<m1>\d{1,2})\s*m(?:in(?:ute)?s?)?\b
        | \b(?P<h2>\d+)h(?P<m2>\d{2})\b
        | \b(?P<h3>\d+)\s*(?:hours?|hrs?|h)\b
        | \b(?P<m4>\d+)\s*(?:minutes?|mins?|m)\b
        | \b(?P<one>an)\s+hour\b",
    )
    .expect("the duration pattern is valid")
});
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bfor|\blasted|\btook|resolution:|\bduration:?)\s*(?:about|around|roughly|~)?\s*(?:a\s+|an\s+)?$")
        .expect("the context pattern is valid")
});
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:-\s*)?(?:long\s+)?(?:of\s+)?(?:downtime|outage|degradation|disruption)")
        .expect("the context pattern is valid")
});

fn minutes(caps: &regex::Captures<'_>) -> Option<i64> {
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

impl Rule for StatedDuration {
    fn info(&self) -> &'static crate::codes::CodeInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(summary) = cx.model.summary.as_deref() else {
            return;
        };
        let instant = |m| {
            cx.times
                .milestone(m)
                .and_then(|v| v.instant().map(|r| (v, r.timestamp)))
        };
        let (Some((started, start)), Some((resolved, end))) =
            (instant(Milestone::Started), instant(Milestone::Resolved))
        else {
            return;
        };
        let actual = (end.as_second() - start.as_second()) / 60;
        for caps in DURATION.captures_iter(summary) {
            let Some(whole) = caps.get(0) else { continue };
            let introduced = BEFORE.is_match(&summary[..whole.start()])
                || AFTER.is_match(&summary[whole.end()..]);
            let Some(stated) = minutes(&caps).filter(|_| introduced) else {
                continue;
            };
            let tolerance = (actual * 3 / 100).max(2);
            if (stated - actual).abs() <= tolerance {
                continue;
            }
            let as_text = crate::assist::format_minutes(actual);
            out.push(
                Diagnostic::new(
                    Self::INFO.code,
                    cx.span_within("/summary", whole.as_str()),
                    format!(
                        "the summary says `{}` ({} min), but the milestones give {} ({} min)",
                        whole.as_str(),
                        stated,
                        as_text.trim_start_matches('+'),
                        actual
                    ),
                )
                .with_label(cx.span(&started.pointer), "started")
                .with_label(cx.span(&resolved.pointer), "resolved")
                .with_help("correct the stated duration or the milestones"),
            );
        }
    }
}
