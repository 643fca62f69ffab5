use retrospec_model::Status;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// An action item in a report that is in review or published lacks a due date,
    /// a priority or a tracking link.
    ///
    /// ## Why
    /// Follow-up work without a date is never late, without a priority is never
    /// first, and without a ticket is forgotten once the report is filed. Drafts may
    /// leave these out while the team is still deciding.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Login errors
    /// status: published
    /// ---
    /// ## Action items
    /// - [ ] Alert on login error rate (owner: @sre)
    /// ```
    /// Use instead: `(owner: @sre, due: 2024-07-01, priority: P1, link: https://tracker.example.com/OPS-1)`.
    pub struct ActionItemTracking = "RS302", "action-item-tracking", Warning;
}

impl Rule for ActionItemTracking {
    fn info(&self) -> &'static crate::codes::CodeInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.model.status == Status::Draft {
            return;
        }
        for (i, item) in cx.model.action_items.iter().enumerate() {
            let mut missing = Vec::new();
            if item.due.as_deref().is_none_or(|d| d.trim().is_empty()) {
                missing.push("due date (`due`)");
            }
            if item.priority.is_none() {
                missing.push("priority (`priority`)");
            }
            if item.link.as_deref().is_none_or(|l| l.trim().is_empty()) {
                missing.push("tracking link (`link`)");
            }
            if missing.is_empty() {
                continue;
            }
            let name = cx.action_item_name(i);
            out.push(
                Diagnostic::new(
                    Self::INFO.code,
                    cx.span(&format!("/action_items/{i}/title")),
                    format!("{name} has no {}", missing.join(", no ")),
                )
                .with_help(format!(
                    "a report in status `{}` tracks every action item: give it a due date, a priority (P0-P3) and the ticket that tracks it",
                    cx.model.status.as_str()
                )),
            );
        }
    }
}
