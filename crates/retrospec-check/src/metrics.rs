//! Metrics derived from the milestones: how long the incident took to detect,
//! acknowledge, mitigate and resolve.
//!
//! | metric | from | to |
//! |---|---|---|
//! | `time_to_detect` | `started` | `detected` |
//! | `time_to_acknowledge` | `detected` | `acknowledged` |
//! | `time_to_mitigate` | `started` | `mitigated` |
//! | `time_to_resolve` | `started` | `resolved` |
//!
//! A metric is given only when both of its milestones resolve to instants and are
//! in order (`to` not before `from`; milestones out of order are RS205's finding,
//! and a negative duration is no metric). Durations are whole seconds between the
//! instants, so they hold across zones and daylight-saving changes.
//! `docs/metrics.md` documents them for users; `retrospec check --format json`
//! reports them per file, and the editor shows them on a milestone's hover.

use retrospec_model::Milestone;
use serde::Serialize;

use crate::times::Times;

/// What a metric measures: the time from one milestone to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Definition {
    /// The key in JSON output, for example `time_to_detect`.
    pub key: &'static str,
    /// The name people read, for example `Time to detect`.
    pub name: &'static str,
    /// The milestone it starts at.
    pub from: Milestone,
    /// The milestone it ends at.
    pub to: Milestone,
}

/// Every metric, in the order they are reported.
pub const DEFINITIONS: [Definition; 4] = [
    Definition {
        key: "time_to_detect",
        name: "Time to detect",
        from: Milestone::Started,
        to: Milestone::Detected,
    },
    Definition {
        key: "time_to_acknowledge",
        name: "Time to acknowledge",
        from: Milestone::Detected,
        to: Milestone::Acknowledged,
    },
    Definition {
        key: "time_to_mitigate",
        name: "Time to mitigate",
        from: Milestone::Started,
        to: Milestone::Mitigated,
    },
    Definition {
        key: "time_to_resolve",
        name: "Time to resolve",
        from: Milestone::Started,
        to: Milestone::Resolved,
    },
];

/// One computed metric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metric {
    /// What it measures.
    #[serde(skip)]
    pub definition: Definition,
    /// The duration in seconds.
    pub seconds: i64,
    /// The duration for people, for example `1h 35m`.
    pub human: String,
    /// The milestone it starts at.
    pub from: Milestone,
    /// The milestone it ends at.
    pub to: Milestone,
}

/// The metrics of one report, in [`DEFINITIONS`] order; missing ones are left out.
pub fn compute(times: &Times) -> Vec<Metric> {
    let at = |m| {
        times
            .milestone(m)
            .and_then(|v| v.instant())
            .map(|r| r.timestamp.as_second())
    };
    DEFINITIONS
        .iter()
        .filter_map(|d| {
            let seconds = at(d.to)? - at(d.from)?;
            (seconds >= 0).then(|| Metric {
                definition: *d,
                seconds,
                human: human(seconds),
                from: d.from,
                to: d.to,
            })
        })
        .collect()
}

/// A duration for people: `45s`, `6m`, `1h 35m`, `2d 3h 5m` (seconds are shown
/// only under a minute).
pub fn human(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let sign = if seconds < 0 { "-" } else { "" };
    if s < 60 {
        return format!("{sign}{s}s");
    }
    let (days, hours, minutes) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 || parts.is_empty() {
        parts.push(format!("{minutes}m"));
    }
    format!("{sign}{}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, check};

    #[test]
    fn metrics_come_from_milestone_pairs() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  detected: 2024-06-10T14:10:00Z\n  acknowledged: 2024-06-10 16:20 CEST\n  resolved: 2024-06-10 17:20 CEST\n";
        let metrics = check(text, Format::Yaml).metrics;
        let got: Vec<(&str, i64, &str)> = metrics
            .iter()
            .map(|m| (m.definition.key, m.seconds, m.human.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("time_to_detect", 300, "5m"),
                ("time_to_acknowledge", 600, "10m"),
                ("time_to_resolve", 4500, "1h 15m"),
            ]
        );
    }

    #[test]
    fn out_of_order_or_unresolved_milestones_give_no_metric() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  detected: 2024-06-10 15:10 CEST\n  resolved: 2024-06-10 17:20 NZT\n";
        assert!(check(text, Format::Yaml).metrics.is_empty());
    }

    #[test]
    fn human_durations() {
        assert_eq!(human(0), "0s");
        assert_eq!(human(45), "45s");
        assert_eq!(human(60), "1m");
        assert_eq!(human(3600), "1h");
        assert_eq!(human(5700), "1h 35m");
        assert_eq!(human(2 * 86_400 + 3 * 3600 + 5 * 60 + 7), "2d 3h 5m");
        assert_eq!(human(-90), "-1m");
    }
}
