use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::parse::Format;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;

declare_rule! {
    /// A Markdown action item's checkbox contradicts its `status:`: a ticked box
    /// `[x]` with `status: open` or `in-progress`, or an empty box `[ ]` with
    /// `status: done`.
    ///
    /// ## Why
    /// Readers see the box; dashboards and retrospec read `status:`, which wins
    /// when both are given. When they disagree, one of them is out of date and the
    /// report says two things about the same work.
    ///
    /// Only boxes and statuses that contradict each other are reported: `wont-do`
    /// fits either box, and an item without a box or without `status:` takes its
    /// status from the one it has. YAML and JSON have no checkboxes. A `done` item
    /// without a ticket is RS302's business (`link` is required by default).
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Login errors
    /// status: draft
    /// ---
    /// ## Action items
    /// - [x] Alert on the login error rate (owner: @sre, status: in-progress)
    /// ```
    pub struct ActionItemStatus = "RS306", "action-item-status", Warning, fix: Always;
}

/// The list marker and checkbox before an item's text: `- [x] `, `1. [ ] `.
static CHECKBOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:>[ \t]*)*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(\[[ xX]\])[ \t]+$")
        .expect("the checkbox pattern is valid")
});

impl Rule for ActionItemStatus {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.format != Format::Markdown {
            return;
        }
        for (i, item) in cx.model.action_items.iter().enumerate() {
            let Some(status) = item.status else { continue };
            let pointer = Ptr::action_item(i).status();
            // A status the parser derived from the box has the box as its key.
            if !cx
                .key_span(&pointer)
                .slice(cx.text)
                .eq_ignore_ascii_case("status")
            {
                continue;
            }
            let Some(item_node) = cx.node(&Ptr::action_item(i).whole()) else {
                continue;
            };
            let Some(checkbox) = checkbox_before(cx.text, item_node.span.start) else {
                continue;
            };
            let ticked = checkbox.slice(cx.text) != "[ ]";
            let status_name = match status {
                retrospec_model::ActionStatus::Open => "open",
                retrospec_model::ActionStatus::InProgress => "in-progress",
                retrospec_model::ActionStatus::Done => "done",
                retrospec_model::ActionStatus::WontDo => continue,
            };
            let done = status_name == "done";
            if ticked != done {
                let (box_says, wanted) = if ticked {
                    ("the box is ticked", "[ ]")
                } else {
                    ("the box is not ticked", "[x]")
                };
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span(&pointer),
                        format!(
                            "{} has `status: {status_name}`, but {box_says}",
                            cx.action_item_name(i)
                        ),
                    )
                    .with_label(checkbox, box_says)
                    .with_help(format!(
                        "make the box and the status agree: write `{wanted}` if the status is right, or correct the status"
                    ))
                    .with_fix(Fix {
                        message: format!("Change the box to `{wanted}`"),
                        edits: vec![Edit {
                            span: checkbox,
                            replacement: wanted.to_string(),
                        }],
                        safe: false,
                    }),
                );
            }
        }
    }
}

/// The span of the checkbox that stands before `offset` on its line, if any.
fn checkbox_before(text: &str, offset: usize) -> Option<Span> {
    let line_start = text.get(..offset)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let prefix = text.get(line_start..offset)?;
    let found = CHECKBOX.captures(prefix)?.get(1)?;
    Some(Span::new(
        line_start + found.start(),
        line_start + found.end(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    fn found(text: &str) -> Vec<(&str, &str)> {
        check(text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS306")
            .map(|d| (d.span.slice(text), d.labels[0].span.slice(text)))
            .collect()
    }

    #[test]
    fn reports_boxes_that_contradict_the_status() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Action items\n\
            - [x] A (owner: a, status: open)\n\
            - [X] B (owner: a, status: done)\n\
            1. [ ] C (owner: a, status: done)\n\
            - [ ] D (owner: a, status: wont-do)\n\
            - [x] E (owner: a)\n\
            - F (owner: a, status: done)\n\n\
            | Action | Owner | Status |\n|---|---|---|\n| G | a | done |\n";
        assert_eq!(found(text), [("open", "[x]"), ("done", "[ ]")]);
    }

    #[test]
    fn the_fix_changes_the_box_and_is_not_safe() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Action items\n- [x] A (owner: a, status: in-progress)\n";
        let checked = check(text, Format::Markdown);
        let fix = checked
            .diagnostics
            .iter()
            .find_map(|d| d.fix.as_ref())
            .expect("a fix");
        assert!(!fix.safe);
        assert_eq!(fix.edits[0].span.slice(text), "[x]");
        assert_eq!(fix.edits[0].replacement, "[ ]");
    }
}
