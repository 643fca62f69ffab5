//! The `## Action items` section of retrospec's own Markdown: list items with
//! trailing attributes, and action-item tables.

use super::*;

impl BodyBuilder<'_, '_> {
    pub(super) fn action_items(&mut self, section: &SectionRef<'_>) -> Node {
        let mut items = Vec::new();
        for block in section.blocks {
            match block {
                Block::List { items: list } => {
                    for item in list {
                        items.push(self.action_item(item));
                    }
                }
                Block::Table { rows } => self.action_table(rows, &mut items),
                _ => {}
            }
        }
        seq(items, section.heading)
    }

    fn action_item(&mut self, item: &Item) -> Node {
        let (_, content_span) = item_content(self.text, item.range.clone());
        let content = content_span.slice(self.text);
        let mut fields = Vec::new();
        let (title_end, attrs) = match trailing_attributes(content) {
            Some((open, attrs)) => (open, attrs),
            None => (content.len(), Vec::new()),
        };
        let title = content[..title_end].trim_end();
        let title_span = Span::new(content_span.start, content_span.start + title.len());
        fields.push(Entry {
            key: "title".into(),
            key_span: title_span,
            value: Node::new(title_span, Value::String(collapse(title))),
        });
        let mut has_status = false;
        for (key, key_range, value, value_range) in attrs {
            let key_span = Span::new(
                content_span.start + key_range.start,
                content_span.start + key_range.end,
            );
            let value_span = Span::new(
                content_span.start + value_range.start,
                content_span.start + value_range.end,
            );
            // In a report read as written, a tracker's key given as the link
            // (`link: OPS-12`, `jira: OPS-12`) is the item's ticket, as in a table.
            let key = match key.as_str() {
                "link" | "ticket" | "issue" | "jira" | "bug" | "tracking"
                    if self.freeform && ticket_keys(&value) =>
                {
                    "ticket".to_string()
                }
                "issue" | "jira" | "bug" | "tracking" if self.freeform => "link".to_string(),
                // `(Owners: Ana & Bo)`: two names are the item's owner as one is.
                "owners" | "assignee" | "assignees" if self.freeform => "owner".to_string(),
                _ => key,
            };
            has_status |= key == "status";
            let value = Value::String(value);
            fields.push(Entry {
                key,
                key_span,
                value: Node::new(value_span, value),
            });
        }
        if let (Some(checked), false) = (item.checked, has_status) {
            let marker = Span::new(item.range.start, content_span.start);
            let status = if checked { "done" } else { "open" };
            fields.push(Entry {
                key: "status".into(),
                key_span: marker,
                value: Node::new(marker, Value::String(status.into())),
            });
        }
        Node::new(content_span, Value::Map(fields))
    }

    fn action_table(&mut self, rows: &[Vec<Range<usize>>], out: &mut Vec<Node>) {
        let Some(table) = Table::read(self.text, rows) else {
            return;
        };
        let columns: Vec<Option<&'static str>> = table
            .names
            .iter()
            .map(|n| {
                Some(match n.as_str() {
                    "action item" | "action items" | "action" | "item" | "title" | "task"
                    | "description" | "followup" | "follow up" | "task description"
                    | "action description" | "tasks" | "actions" => "title",
                    "owner" | "owners" | "assignee" | "assigned to" | "responsible" | "dri"
                    | "who" => "owner",
                    "due" | "due date" | "deadline" => "due",
                    "priority" => "priority",
                    "type" | "kind" => "type",
                    "status" | "state" => "status",
                    "link" | "ticket" | "bug" | "tracking" | "issue" | "tracking link" | "jira"
                    | "jira ticket" | "ticket id" | "issue key" => "link",
                    _ => return None,
                })
            })
            .collect();
        for row in table.body {
            let mut fields = Vec::new();
            for (i, range) in row.iter().enumerate() {
                let Some(Some(key)) = columns.get(i) else {
                    continue;
                };
                let span = Span::new(range.start, range.end);
                let text = span.slice(self.text).trim();
                if text.is_empty() {
                    continue;
                }
                // A tracker's key (`OPS-1234`, `#123`) names the ticket without an
                // address: it is the item's `ticket`, not a link to judge as a URI.
                let key = if *key == "link" && link_target(text).is_none() && ticket_keys(text) {
                    &"ticket"
                } else {
                    key
                };
                let value = if *key == "link" {
                    link_target(text).unwrap_or_else(|| text.to_string())
                } else if *key == "status" && self.freeform {
                    crate::parse::freeform::status::item_status(text)
                        .map_or_else(|| text.to_string(), str::to_string)
                } else {
                    text.to_string()
                };
                fields.push(Entry {
                    key: (*key).into(),
                    key_span: span,
                    value: Node::new(span, Value::String(value)),
                });
            }
            let row_span = row_span(row).unwrap_or(Span::empty(0));
            out.push(Node::new(row_span, Value::Map(fields)));
        }
    }
}
