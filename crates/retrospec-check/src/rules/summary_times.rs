use std::sync::LazyLock;

use regex::Regex;
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
    /// of them is wrong and readers cannot tell which. retrospec reads
    /// "between A and B" and "from A to B" in the summary, with the zone written
    /// after either time (or the report's `timezone`), on the date of
    /// `milestones.started`, and compares A with `started` and B with `resolved`,
    /// allowing five minutes of rounding.
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

const TIME: &str = r"([0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*(?i:[ap]\.?m\.?))?)(?:\s+([A-Z]{2,5}|[+-][0-9]{2}:?[0-9]{2}))?";
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\bbetween|\bfrom)\s+{TIME}\s+(?i:and|to|until)\s+{TIME}"
    ))
    .expect("the range pattern is valid")
});

/// Allowed difference, for times rounded in prose.
const TOLERANCE_SECONDS: i64 = 5 * 60;

impl Rule for SummaryTimes {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(summary) = cx.model.summary.as_deref() else {
            return;
        };
        let Some(started) = cx.times.milestone(Milestone::Started) else {
            return;
        };
        let Some(start) = started.instant() else {
            return;
        };
        for caps in RANGE.captures_iter(summary) {
            let zone = caps.get(4).or(caps.get(2)).map(|m| m.as_str());
            let pairs = [
                (caps.get(1), caps.get(2), Milestone::Started),
                (caps.get(3), caps.get(4), Milestone::Resolved),
            ];
            for (when, own_zone, milestone) in pairs {
                let Some(when) = when else { continue };
                let Some(stated) = cx.times.milestone(milestone) else {
                    continue;
                };
                let Some(expected) = stated.instant() else {
                    continue;
                };
                let written = format!(
                    "{} {}",
                    normalise(when.as_str()),
                    own_zone.map(|z| z.as_str()).or(zone).unwrap_or("")
                );
                let Ok(parsed) = time::parse_time(written.trim()) else {
                    continue;
                };
                let Ok(said) =
                    time::resolve(&parsed, Some(start.date), cx.times.default_zone.as_ref())
                else {
                    continue;
                };
                let diff = said.timestamp.as_second() - expected.timestamp.as_second();
                if diff.abs() <= TOLERANCE_SECONDS {
                    continue;
                }
                let end = own_zone.map_or(when.end(), |z| z.end());
                let text = &summary[when.start()..end];
                let utc = |t: jiff::Timestamp| t.strftime("%H:%M UTC").to_string();
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span_within("/summary", text),
                        format!(
                            "the summary says `{text}` ({}), but `milestones.{}` is `{}` ({})",
                            utc(said.timestamp),
                            milestone.as_str(),
                            stated.text,
                            utc(expected.timestamp),
                        ),
                    )
                    .with_label(
                        cx.span(&stated.pointer),
                        format!("`{}` is here", milestone.as_str()),
                    )
                    .with_help(
                        "correct whichever is wrong; write times in the summary with their zone",
                    ),
                );
            }
        }
    }
}

/// `4 PM` as `4:00 PM`, `12.26` as `12:26`.
fn normalise(time: &str) -> String {
    let t = time.trim().replace('.', ":");
    let t = t
        .replace("a:m:", "AM")
        .replace("p:m:", "PM")
        .replace("a:m", "AM")
        .replace("p:m", "PM");
    let digits_end = t
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(t.len());
    let (clock, rest) = t.split_at(digits_end);
    if clock.contains(':') {
        t.clone()
    } else {
        format!("{clock}:00{rest}")
    }
}
