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
    /// ## Example
    /// ```markdown
    /// ## Action items
    /// - [ ] Alert when the event rate flatlines (due: 2024-07-01)
    /// ```
    /// Use instead: `- [ ] Alert when the event rate flatlines (owner: @sre, due: 2024-07-01)`.
    pub struct ActionItemOwner = "RS301", "action-item-owner", Error;
}

impl Rule for ActionItemOwner {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (i, item) in cx.model.action_items.iter().enumerate() {
            if item.owner.as_deref().is_some_and(|o| !o.trim().is_empty()) {
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
