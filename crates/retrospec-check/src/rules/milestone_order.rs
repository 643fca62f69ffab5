use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// Milestones out of order: they must satisfy started <= detected <=
    /// acknowledged <= mitigated <= resolved.
    ///
    /// ## Why
    /// Time to detect, acknowledge, mitigate and resolve are computed from these
    /// pairs; a milestone out of order makes one of them negative and usually
    /// means a wrong date, zone or label.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 15:20 CEST
    /// ```
    pub struct MilestoneOrder = "RS205", "milestone-order", Error;
}

impl Rule for MilestoneOrder {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let resolved: Vec<(Milestone, &str, jiff::Timestamp)> = cx
            .times
            .milestones
            .iter()
            .filter_map(|(m, v)| v.instant().map(|r| (*m, v.pointer.as_str(), r.timestamp)))
            .collect();
        // Compare each milestone with the latest earlier-ordered one before it.
        let mut latest: Option<(Milestone, &str, jiff::Timestamp)> = None;
        for (m, pointer, at) in resolved {
            if let Some((earlier, earlier_pointer, earlier_at)) = latest
                && at < earlier_at
            {
                out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            cx.span(pointer),
                            format!("`{}` is before `{}`", m.as_str(), earlier.as_str()),
                        )
                        .with_label(cx.span(earlier_pointer), format!("`{}` is here", earlier.as_str()))
                        .with_help("milestones happen in the order started, detected, acknowledged, mitigated, resolved; check the dates and zones"),
                    );
                continue;
            }
            latest = Some((m, pointer, at));
        }
    }
}
