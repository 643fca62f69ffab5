use crate::config::ActionItemField;
use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// An action item in a report that is in review or published lacks a tracking
    /// field the configuration requires (by default a due date, a priority and a link).
    ///
    /// ## Why
    /// Follow-up work without a date is never late, without a priority is never
    /// first, and without a ticket is forgotten once the report is filed. Drafts may
    /// leave these out while the team is still deciding.
    ///
    /// The fields come from `require` in the `[action-items]` table of
    /// `retrospec.toml`: any of `due`, `priority`, `link`, `type` and `status`
    /// (default: `due`, `priority`, `link`). A tracker's key (`ticket: OPS-1234`)
    /// tracks the item as a link does. In Markdown a checkbox gives the item
    /// its `status`. The owner is required in every status, by RS301.
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
    pub struct ActionItemTracking = "RS302", "action-item-tracking", Warning, from: InReview;
}

/// How messages and help name a field.
fn describe(field: ActionItemField) -> (&'static str, &'static str) {
    match field {
        ActionItemField::Due => ("due date (`due`)", "a due date"),
        ActionItemField::Priority => ("priority (`priority`)", "a priority (P0-P3)"),
        ActionItemField::Link => ("tracking link (`link`)", "the ticket that tracks it"),
        ActionItemField::Type => (
            "type (`type`)",
            "a type (prevent, mitigate, detect, process, investigate)",
        ),
        ActionItemField::Status => (
            "status (`status`)",
            "a status (open, in-progress, done, wont-do)",
        ),
    }
}

impl Rule for ActionItemTracking {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
        let mut required = cx.config.action_items.require.clone();
        required.dedup();
        let as_written = cx.parsed.freeform.is_some();
        for (i, item) in cx.model.action_items.iter().enumerate() {
            // Advice to the reader under next steps is no work to track (RS301).
            if as_written && super::action_item_owner::addresses_the_reader(&item.title) {
                continue;
            }
            let missing: Vec<ActionItemField> = required
                .iter()
                .copied()
                .filter(|field| match field {
                    ActionItemField::Due => blank(item.due.as_deref()),
                    ActionItemField::Priority => item.priority.is_none(),
                    ActionItemField::Link => {
                        blank(item.link.as_deref()) && blank(item.ticket.as_deref())
                    }
                    ActionItemField::Type => item.kind.is_none(),
                    ActionItemField::Status => item.status.is_none(),
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let names: Vec<&str> = missing.iter().map(|f| describe(*f).0).collect();
            let wanted: Vec<&str> = missing.iter().map(|f| describe(*f).1).collect();
            let wanted = match wanted.split_last() {
                Some((last, [])) => (*last).to_string(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    cx.span(&Ptr::action_item(i).title()),
                    format!("{} has no {}", cx.action_item_name(i), names.join(", no ")),
                )
                .with_help(format!(
                    "a report in status `{}` tracks every action item: give it {wanted}",
                    cx.model.status.as_str()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{ActionItemField, Config};
    use crate::{Format, check_with};

    const REPORT: &str = "title: t\nstatus: in-review\naction_items:\n  - title: Alert on errors\n    owner: sre\n    due: 2024-07-01\n    priority: P1\n    link: https://tracker.example.com/1\n";

    fn messages(config: &Config) -> Vec<String> {
        check_with(REPORT, Format::Yaml, config)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS302")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn required_fields_come_from_the_configuration() {
        assert!(messages(&Config::default()).is_empty());
        let mut config = Config::default();
        config.action_items.require = vec![ActionItemField::Type, ActionItemField::Status];
        assert_eq!(
            messages(&config),
            ["action item \"Alert on errors\" has no type (`type`), no status (`status`)"]
        );
        config.action_items.require.clear();
        assert!(messages(&config).is_empty());
    }

    #[test]
    fn a_ticket_key_tracks_the_item_as_a_link_does() {
        let keyed = REPORT.replace("link: https://tracker.example.com/1", "ticket: OPS-1");
        let found = |text: &str| -> Vec<String> {
            check_with(text, Format::Yaml, &Config::default())
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "RS302" || d.code.starts_with("RS1"))
                .map(|d| d.message)
                .collect()
        };
        assert!(found(&keyed).is_empty(), "{:?}", found(&keyed));
        let untracked = REPORT.replace("    link: https://tracker.example.com/1\n", "");
        assert_eq!(found(&untracked).len(), 1);
    }
}
