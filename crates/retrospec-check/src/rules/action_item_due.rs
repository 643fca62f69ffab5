use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::time::parse_iso_date;

declare_rule! {
    /// An action item is due before the incident started.
    ///
    /// ## Why
    /// Follow-up work cannot be due before the incident that caused it; the date
    /// is almost always a typo in the year or month.
    ///
    /// ## Example
    /// ```yaml
    /// title: Login errors
    /// status: draft
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    /// action_items:
    ///   - title: Alert on login error rate
    ///     owner: sre
    ///     due: 2023-07-01
    /// ```
    pub struct ActionItemDue = "RS303", "action-item-due", Error;
}

impl Rule for ActionItemDue {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(started) = cx.times.milestone(Milestone::Started) else {
            return;
        };
        let Some(start) = started.instant() else {
            return;
        };
        for (i, item) in cx.model.action_items.iter().enumerate() {
            let Some(due) = item.due.as_deref().and_then(parse_iso_date) else {
                continue;
            };
            if due < start.date {
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span(&Ptr::action_item(i).due()),
                        format!("due {due}, before the incident started on {}", start.date),
                    )
                    .with_label(cx.span(&started.pointer), "the incident started here")
                    .with_help("check the year and month of the due date"),
                );
            }
        }
    }
}
