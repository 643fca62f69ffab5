use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
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
    /// out). The end: "impact over", "impact ended", "resolved", "all clear",
    /// "fully restored", "fully recovered", "back to normal", "back to the normal
    /// ... level", "incident closed" (not when the entry also says "partial",
    /// "still", "some" or "but"). After it: "alert fired/noticed/triggered",
    /// "noticed", "detected", "incident declared/opened", "escalated", "paged"
    /// (not when the entry says "again", "recurr", "second", "another",
    /// "follow-up", "postmortem", "retro" or "review").
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
    pub struct MilestoneWords = "RS218", "milestone-words-order", Warning;
}

static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:impact\s+(?:is\s+|was\s+)?(?:over|ended)|resolved|all[\s-]+clear|fully\s+(?:restored|recovered)|back\s+to\s+(?:normal|the\s+normal)|incident\s+closed)\b")
        .expect("the pattern is valid")
});
static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:partial|partially|still|some|but|except|not\s+yet)\b")
        .expect("the pattern is valid")
});
static DURING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:alerts?\s+(?:fired|fires|noticed|triggered)|noticed|detected|incident\s+(?:declared|opened)|escalated|paged)\b")
        .expect("the pattern is valid")
});
static LATER_ON_PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:again|recurr|second|another|follow-?up|post-?mortem|retro|review|resolved)",
    )
    .expect("the pattern is valid")
});

impl Rule for MilestoneWords {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut ended: Option<(usize, String, jiff::Timestamp)> = None;
        let mut previous: Option<jiff::Timestamp> = None;
        for i in 0..cx.model.timeline.len() {
            let Some(at) = cx
                .times
                .timeline
                .get(i)
                .and_then(|v| v.as_ref())
                .and_then(|v| v.instant())
                .map(|r| r.timestamp)
            else {
                continue;
            };
            // Words are compared in time order only: a timeline out of order is RS201's.
            if previous.is_some_and(|p| at < p) {
                return;
            }
            previous = Some(at);
            let pointer = format!("/timeline/{i}/text");
            let Some(node) = cx.node(&pointer) else {
                continue;
            };
            let prose = crate::claims::Prose::of(cx.text, node);
            let text = prose.masked.as_str();
            if let Some((first, ref end_words, end_at)) = ended
                && at > end_at
                && !LATER_ON_PURPOSE.is_match(text)
                && let Some(m) = DURING.find(text)
            {
                let utc = |t: jiff::Timestamp| t.strftime("%H:%M UTC").to_string();
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        prose.span(m.range()),
                        format!(
                            "timeline entry {} says `{}` at {}, after entry {} says `{end_words}` at {}",
                            i + 1,
                            m.as_str(),
                            utc(at),
                            first + 1,
                            utc(end_at),
                        ),
                    )
                    .with_label(cx.span(&format!("/timeline/{first}/text")), "the impact ended here")
                    .with_help("correct the time of one of the entries, or say in words that the incident was only noticed after it had ended"),
                );
                return;
            }
            if ended.is_none()
                && !PARTIAL.is_match(text)
                && let Some(m) = ENDED.find(text)
            {
                ended = Some((i, m.as_str().to_string(), at));
            }
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
}
