use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A milestone has no timeline entry: no entry at its time, and no entry
    /// marked with it.
    ///
    /// ## Why
    /// The milestones are the numbers people quote (time to detect, to resolve);
    /// the timeline is the evidence for them. A milestone the timeline does not
    /// show cannot be checked by a reader, and often means one of the two was
    /// edited and the other was not. Only reports with a timeline are checked; an
    /// entry matches when it is in the same minute as the milestone, and an entry
    /// that cannot be placed in time (no date, an ambiguous zone) matches when its
    /// clock reads the milestone's hour and minute. An entry
    /// marked with the milestone (`[resolved]`, `milestone: resolved`) but at
    /// another time is a contradiction, not an omission, and is reported by
    /// RS212 instead.
    ///
    /// A milestone read from another tool's front matter (a status page's
    /// `resolvedWhen`, an incident tracker's `resolved_at`) is not checked: it is
    /// the tool's own record of when the page or the ticket changed, which no
    /// entry need repeat. Where it contradicts what the report says, RS207 and the
    /// claim rules report that.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Search unavailable
    /// status: draft
    /// milestones:
    ///   started: 2024-06-10 14:05 CEST
    ///   resolved: 2024-06-10 15:11 CEST
    /// ---
    /// ## Timeline
    /// - 2024-06-10 14:05 CEST Index alias switched to an empty index
    /// - 2024-06-10 14:20 CEST Alias switched back
    /// ```
    /// Use instead: add `- 2024-06-10 15:11 CEST Search results complete again [resolved]`.
    pub struct MilestoneWithoutEntry = "RS210", "milestone-without-entry", Warning;
}

/// Whether two instants fall in the same minute.
pub(crate) fn same_minute(a: jiff::Timestamp, b: jiff::Timestamp) -> bool {
    a.as_second().div_euclid(60) == b.as_second().div_euclid(60)
}

impl Rule for MilestoneWithoutEntry {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.model.timeline.is_empty() {
            return;
        }
        let marked = |m: Milestone| cx.model.timeline.iter().any(|e| e.milestone == Some(m));
        let foreign = cx
            .parsed
            .freeform
            .as_ref()
            .and_then(|r| r.foreign_front_matter);
        for (milestone, value) in &cx.times.milestones {
            let Some(at) = value.instant() else { continue };
            let span = cx.span(&value.pointer);
            if foreign.is_some_and(|f| f.start <= span.start && span.end <= f.end) {
                continue;
            }
            let at_time = cx
                .times
                .timeline
                .iter()
                .flatten()
                .filter_map(|v| v.instant())
                .any(|r| same_minute(r.timestamp, at.timestamp));
            // An entry that cannot be placed (no date, an ambiguous zone) is given the
            // benefit of the doubt when its clock reads the milestone's.
            let clock = |p: &crate::time::ParsedTime| (p.time.hour(), p.time.minute());
            let written = value.parsed.as_ref().ok().map(clock);
            let unplaced = cx
                .times
                .timeline
                .iter()
                .flatten()
                .filter(|v| v.instant().is_none())
                .filter_map(|v| v.parsed.as_ref().ok())
                .any(|p| Some(clock(p)) == written);
            if at_time || unplaced || marked(*milestone) {
                continue;
            }
            let name = milestone.as_str();
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!(
                        "`milestones.{name}` ({}) has no timeline entry",
                        value.text.trim()
                    ),
                )
                .with_label(cx.key_span(&Ptr::timeline()), "no entry at that time in the timeline")
                .with_help(format!(
                    "add a timeline entry at {} saying what happened, marked `{name}`, or correct the milestone",
                    value.text.trim()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    fn fires(text: &str) -> bool {
        check(text, Format::Yaml)
            .diagnostics
            .iter()
            .any(|d| d.code == "RS210")
    }

    #[test]
    fn entries_match_by_instant_marker_or_unplaced_clock() {
        let base =
            "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\ntimeline:\n";
        assert!(fires(&format!(
            "{base}  - time: 2024-06-10 16:06 CEST\n    text: x\n"
        )));
        assert!(!fires(&format!(
            "{base}  - time: 2024-06-10T14:05:59Z\n    text: x\n"
        )));
        assert!(!fires(&format!(
            "{base}  - time: 2024-06-10 16:09 CEST\n    text: x\n    milestone: started\n"
        )));
        // 16:05 in an ambiguous zone cannot be placed; its clock matches.
        assert!(!fires(&format!(
            "{base}  - time: 2024-06-10 16:05 IST\n    text: x\n"
        )));
        assert!(fires(&format!(
            "{base}  - time: 2024-06-10 16:30 IST\n    text: x\n"
        )));
    }

    #[test]
    fn another_tools_front_matter_is_its_own_record() {
        let rs210 = |text: &str| {
            check(text, Format::Markdown)
                .diagnostics
                .iter()
                .any(|d| d.code == "RS210")
        };
        let updates = "\n*Resolved* - Payments are taken again. {{< track \"2025-03-04 11:18:00\" >}}\n\n\
                       *Investigating* - Card payments fail. {{< track \"2025-03-04 09:10:00\" >}}\n";
        // A status page (cState, Hugo) marked resolved at 11:20, two minutes
        // after its last update, and a tracker's `resolved_at`: no entry needed.
        for key in ["resolvedWhen", "resolved_at"] {
            let text = format!(
                "---\ntitle: Card payments failing\ndate: 2025-03-04T09:10:00Z\nresolved: true\n\
                 {key}: 2025-03-04T11:20:00Z\nsection: issue\n---\n{updates}"
            );
            assert!(!rs210(&text), "{key}");
        }
        // The same time as the report's own milestone: the timeline must show it.
        let own = "---\ntitle: Card payments failing\nstatus: draft\nmilestones:\n  \
                   resolved: 2025-03-04 11:20 UTC\n---\n## Timeline\n\n\
                   - 2025-03-04 09:10 UTC Card payments fail\n- 2025-03-04 11:18 UTC Payments are taken again\n";
        assert!(rs210(own));
    }
}
