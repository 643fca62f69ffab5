use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// An action item has no owner.
    ///
    /// ## Why
    /// Work that belongs to everyone is done by no one. Every action item names
    /// the one person or team who will see it through.
    ///
    /// In a report read as written (no retrospec front matter) an owner written in
    /// a shape the reader does not take apart (`Rotate the logs (@bob)`, `Rotate the
    /// keys — owner: ops`, a tag such as `[ops]` or a short tail after a dash,
    /// `— Jane Doe`, at the end) counts as one. Such a
    /// report's missing owners are gathered into RS407, except where other items
    /// name an owner: then the item without one is reported where it is.
    ///
    /// ## Example
    /// ```markdown
    /// ## Action items
    /// - [ ] Alert when the event rate flatlines (due: 2024-07-01)
    /// ```
    /// Use instead: `- [ ] Alert when the event rate flatlines (owner: @sre, due: 2024-07-01)`.
    pub struct ActionItemOwner = "RS301", "action-item-owner", Error;
}

/// Whether the title of an action item of a report read as written names an owner
/// in a shape the reader does not take apart: a mention (`(@bob)`, `, @carol`),
/// the word owner or assignee (`— owner: ops`, `Owner: Alice`), or a short
/// bracketed tag at the end (`[ops]`). Such an item is not reported: a finding
/// there would be wrong more often than right.
pub(crate) fn names_an_owner(title: &str) -> bool {
    let lower = title.to_lowercase();
    if ["owner", "assignee", "assigned to", "responsible"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return true;
    }
    let mention = title.match_indices('@').any(|(i, _)| {
        let before = title[..i].chars().next_back();
        let after = title[i + 1..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
    });
    let trimmed = title.trim_end_matches(['.', ' ']);
    let tag = trimmed.ends_with([']', ')'])
        && trimmed
            .rfind(['[', '('])
            .is_some_and(|open| trimmed[open..].split_whitespace().count() <= 2);
    // `Document the failover — Jane Doe`: a short tail after a dash.
    let dashed = [" — ", " – ", " - ", "—", "–"].iter().any(|dash| {
        trimmed.rsplit_once(dash).is_some_and(|(head, tail)| {
            !head.trim().is_empty() && (1..=3).contains(&tail.split_whitespace().count())
        })
    });
    mention || tag || dashed
}

impl Rule for ActionItemOwner {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let as_written = cx.parsed.freeform.is_some();
        for (i, item) in cx.model.action_items.iter().enumerate() {
            if item.owner.as_deref().is_some_and(|o| !o.trim().is_empty()) {
                continue;
            }
            if as_written && names_an_owner(&item.title) {
                continue;
            }
            let pointer = Ptr::action_item(i).title();
            let span = match cx.node(&Ptr::action_item(i).owner()) {
                Some(node) => node.span,
                None => cx.span(&pointer),
            };
            let example = match cx.format {
                crate::parse::Format::Markdown => {
                    "add `owner: @team` to the `(key: value, ...)` group at the end of the item, or end the item with `(owner: @team)`"
                }
                _ => "add `owner: team-name`",
            };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!("{} has no owner", cx.action_item_name(i)),
                )
                .with_help(example),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    #[test]
    fn owners_written_in_other_shapes_are_not_reported_as_missing() {
        let text = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC disk full\n\n## Action items\n\n\
                    - Add a disk alert (owner: @storage)\n- Rotate the logs (@bob)\n- Rotate the keys — owner: ops\n\
                    - Rotate the certs. Owner: Alice\n- Page on queue depth, @carol\n- Shard the queue [ops]\n\
                    - Document the failover — Jane Doe\n- Split the queue - storage team\n\
                    - Mail ops@example.com when the disk fills\n- Rotate the audit logs too\n";
        let missing: Vec<&str> = check(text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS301")
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(
            missing,
            [
                "Mail ops@example.com when the disk fills",
                "Rotate the audit logs too"
            ]
        );
    }
}
