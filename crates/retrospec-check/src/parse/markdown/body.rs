//! The body of a report mapped to model fields, section by section: summary,
//! timeline, action items and the other sections.

use super::*;

pub(super) struct BodyBuilder<'t, 'd> {
    pub(super) text: &'t str,
    pub(super) diags: &'d mut Vec<Diagnostic>,
    pub(super) fields: Vec<Entry>,
    pub(super) sections: Vec<Node>,
    /// Headings added by `[sections]` of the configuration, normalised.
    pub(super) extra: &'t [(String, Field)],
    /// The report has no retrospec front matter: timelines are read in more shapes.
    pub(super) freeform: bool,
}

/// A `##` section: its heading and the blocks under it.
pub(super) struct SectionRef<'b> {
    title: String,
    heading: Span,
    blocks: &'b [Block],
}

impl BodyBuilder<'_, '_> {
    pub(super) fn build(&mut self, blocks: &[Block]) {
        let first_h2 = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }) && !self.is_title(b))
            .unwrap_or(blocks.len());
        let (pre, rest) = blocks.split_at(first_h2);

        // Before the first section: an optional `# Title` and a preamble.
        let mut title = None;
        let mut preamble_blocks: &[Block] = pre;
        // Comments (a note to reviewers, a suppression) may stand before the title.
        let first_content = pre.iter().position(|b| !matches!(b, Block::Comment));
        if let Some(i) = first_content
            && let Block::Heading { level: 1, range } = &pre[i]
        {
            title = Some(self.heading_text(range.clone()));
            preamble_blocks = &pre[i + 1..];
        }

        let mut sections = Vec::new();
        let mut i = 0;
        while i < rest.len() {
            let Block::Heading { range, .. } = &rest[i] else {
                i += 1;
                continue;
            };
            let end = rest[i + 1..]
                .iter()
                .position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }))
                .map_or(rest.len(), |p| i + 1 + p);
            let (text, span) = self.heading_text(range.clone());
            sections.push(SectionRef {
                title: text,
                heading: span,
                blocks: &rest[i + 1..end],
            });
            i = end;
        }

        // Status-page updates before any timeline section are the timeline.
        let mut updates = None;
        if self.freeform
            && !sections
                .iter()
                .any(|s| field_for(&s.title, self.extra) == Some(Field::Timeline))
            && let Some((first, node)) =
                freeform::updates::read(self.text, preamble_blocks, Span::empty(0), true)
        {
            preamble_blocks = &preamble_blocks[..first];
            updates = Some(node);
        }

        if let Some((text, span)) = title {
            self.fields.push(Entry {
                key: "title".into(),
                key_span: span,
                value: Node::new(span, Value::String(text)),
            });
        }
        // "What happened" and "Description" name the summary only when the report has
        // no opening text; a Summary, Overview or TL;DR heading always does.
        let has_summary = sections
            .iter()
            .any(|s| STRONG_SUMMARY.contains(&normalise_heading(&s.title).as_str()));
        if let Some(node) = self.narrative(preamble_blocks) {
            if has_summary {
                self.sections
                    .push(self.free_section("Preamble".into(), node.span, Some(node)));
            } else {
                let span = node.span;
                self.fields.push(Entry {
                    key: "summary".into(),
                    key_span: span,
                    value: node,
                });
            }
        }
        if let Some(node) = updates {
            self.fields.push(Entry {
                key: "timeline".into(),
                key_span: node.span,
                value: node,
            });
        }
        for section in sections {
            self.section(section);
        }
    }

    fn is_title(&self, block: &Block) -> bool {
        matches!(block, Block::Heading { level: 1, .. })
    }

    /// The text of a heading without its `#` marks, and the span of that text.
    fn heading_text(&self, range: Range<usize>) -> (String, Span) {
        let raw = &self.text[range.clone()];
        let first_line = heading_line(raw);
        let without_marks = first_line.trim_start().trim_start_matches('#');
        let content = without_marks.trim_end().trim_end_matches('#').trim();
        let offset = raw.find(content).unwrap_or(0);
        let start = range.start + offset;
        (content.to_string(), Span::new(start, start + content.len()))
    }

    fn section(&mut self, section: SectionRef<'_>) {
        let field = field_for(&section.title, self.extra);
        let already = |key: &str, fields: &[Entry]| fields.iter().any(|e| e.key == key);
        let key = field.map(field_key);
        if field.is_none() || key.is_some_and(|k| already(k, &self.fields)) {
            let node = self.narrative(section.blocks);
            self.sections
                .push(self.free_section(section.title, section.heading, node));
            return;
        }
        let Some(field) = field else { return };
        let value = match field {
            Field::Summary | Field::RootCause | Field::Trigger | Field::Resolution => {
                self.narrative_or_null(&section)
            }
            Field::Impact | Field::Detection => {
                let narrative = self.narrative_or_null(&section);
                let span = narrative.span;
                Node::new(
                    span,
                    Value::Map(vec![Entry {
                        key: "description".into(),
                        key_span: section.heading,
                        value: narrative,
                    }]),
                )
            }
            Field::ContributingFactors => self.string_items(&section, section.blocks),
            Field::Timeline if self.freeform => {
                let read = freeform::timeline::read(
                    self.text,
                    section.blocks,
                    section.heading,
                    self.diags,
                );
                match &read.value {
                    // An `Updates` section of a status page.
                    Value::Seq(items) if items.is_empty() => {
                        freeform::updates::read(self.text, section.blocks, section.heading, false)
                            .map_or(read, |(_, node)| node)
                    }
                    _ => read,
                }
            }
            Field::Timeline => self.timeline(&section),
            Field::Lessons => self.lessons(&section),
            Field::ActionItems => self.action_items(&section),
            Field::Links => self.links(&section),
        };
        self.fields.push(Entry {
            key: field_key(field).into(),
            key_span: section.heading,
            value,
        });
    }

    fn free_section(&self, title: String, heading: Span, body: Option<Node>) -> Node {
        let body_span = body.as_ref().map_or(Span::empty(heading.end), |n| n.span);
        let body = body.unwrap_or_else(|| Node::new(body_span, Value::String(String::new())));
        Node::new(
            heading.cover(body_span),
            Value::Map(vec![
                Entry {
                    key: "title".into(),
                    key_span: heading,
                    value: Node::new(heading, Value::String(title)),
                },
                Entry {
                    key: "body".into(),
                    key_span: heading,
                    value: body,
                },
            ]),
        )
    }

    /// The blocks as one Markdown string, comments left out; `None` when there is no text.
    fn narrative(&self, blocks: &[Block]) -> Option<Node> {
        let mut span: Option<Span> = None;
        let mut parts = Vec::new();
        for block in blocks {
            if let Some(mut range) = block.range() {
                if let Block::Table { .. } = block {
                    // A table's range runs from its first cell to its last: its
                    // rows' opening and closing pipes are part of the text too.
                    range.start = self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    range.end = self.text[range.end..]
                        .find('\n')
                        .map_or(self.text.len(), |i| range.end + i);
                }
                let raw = &self.text[range.clone()];
                let lead = raw.len() - raw.trim_start().len();
                let s = Span::new(
                    range.start + lead,
                    range.start + raw.trim_end().len().max(lead),
                );
                parts.push(s.slice(self.text).trim());
                span = Some(span.map_or(s, |acc| acc.cover(s)));
            }
        }
        let span = span?;
        let text = parts.join("\n\n");
        if text.trim().is_empty() {
            return None;
        }
        Some(Node::new(span, Value::String(text)))
    }

    fn narrative_or_null(&self, section: &SectionRef<'_>) -> Node {
        self.narrative(section.blocks)
            .unwrap_or_else(|| Node::new(Span::empty(section.heading.end), Value::Null))
    }

    /// One string per list item or paragraph.
    fn string_items(&self, section: &SectionRef<'_>, blocks: &[Block]) -> Node {
        let mut items = Vec::new();
        for block in blocks {
            match block {
                Block::List { items: list } => {
                    for item in list {
                        let (text, span) = item_content(self.text, item.range.clone());
                        items.push(Node::new(span, Value::String(text)));
                    }
                }
                Block::Paragraph { range } | Block::Other { range } => {
                    let span = Span::new(range.start, range.end);
                    items.push(Node::new(
                        span,
                        Value::String(span.slice(self.text).trim().to_string()),
                    ));
                }
                _ => {}
            }
        }
        seq(items, section.heading)
    }

    fn lessons(&mut self, section: &SectionRef<'_>) -> Node {
        let mut groups: Vec<(&'static str, Span, Vec<Node>)> = Vec::new();
        let mut current: &'static str = "other";
        let mut current_span = section.heading;
        let mut start = 0;
        let blocks = section.blocks;
        let flush =
            |groups: &mut Vec<(&'static str, Span, Vec<Node>)>, key, span, slice: &[Block]| {
                let Value::Seq(items) = self.string_items(section, slice).value else {
                    return;
                };
                if items.is_empty() {
                    return;
                }
                match groups.iter_mut().find(|g| g.0 == key) {
                    Some(group) => group.2.extend(items),
                    None => groups.push((key, span, items)),
                }
            };
        for (i, block) in blocks.iter().enumerate() {
            if let Block::Heading { range, .. } = block {
                flush(&mut groups, current, current_span, &blocks[start..i]);
                let (text, span) = self.heading_text(range.clone());
                current = match normalise_heading(&text).as_str() {
                    "what went well" => "went_well",
                    "what went wrong" | "what didnt go well" | "what went badly" => "went_wrong",
                    "where we got lucky" | "where we were lucky" => "got_lucky",
                    _ => "other",
                };
                current_span = span;
                start = i + 1;
            }
        }
        flush(&mut groups, current, current_span, &blocks[start..]);
        let entries: Vec<Entry> = groups
            .into_iter()
            .map(|(key, key_span, items)| Entry {
                key: key.into(),
                key_span,
                value: seq(items, key_span),
            })
            .collect();
        let span = entries
            .iter()
            .fold(section.heading, |acc, e| acc.cover(e.value.span));
        Node::new(span, Value::Map(entries))
    }

    fn links(&mut self, section: &SectionRef<'_>) -> Node {
        let mut items = Vec::new();
        for block in section.blocks {
            let Block::List { items: list } = block else {
                continue;
            };
            for item in list {
                let (text, span) = item_content(self.text, item.range.clone());
                match parse_link(&text) {
                    Some((title, url)) => {
                        let mut entries = Vec::new();
                        if let Some(title) = title {
                            entries.push(Entry {
                                key: "title".into(),
                                key_span: span,
                                value: Node::new(span, Value::String(title)),
                            });
                        }
                        entries.push(Entry {
                            key: "url".into(),
                            key_span: span,
                            value: Node::new(span, Value::String(url)),
                        });
                        items.push(Node::new(span, Value::Map(entries)));
                    }
                    None => self.diags.push(
                        Diagnostic::new(
                            &codes::MARKDOWN_ITEM,
                            span,
                            "this item in the links section is not a link",
                        )
                        .with_help("write `- [Title](https://...)` or a bare `<https://...>`"),
                    ),
                }
            }
        }
        seq(items, section.heading)
    }

    fn timeline(&mut self, section: &SectionRef<'_>) -> Node {
        let mut entries = Vec::new();
        let mut date: Option<jiff::civil::Date> = None;
        // A date line without its year (`### Tuesday 3 March`) takes the year of the
        // date line above it, else of the report's first ISO date.
        let mut first_year = None;
        // The clock of the entry above, under the same date line (see `timeline_item`).
        let mut previous: Option<jiff::civil::Time> = None;
        for block in section.blocks {
            match block {
                Block::Heading { range, .. } => {
                    let (text, span) = self.heading_text(range.clone());
                    if let Some(d) = self.date_line(&text, span.start, date, &mut first_year) {
                        date = Some(d);
                        previous = None;
                    }
                }
                Block::Paragraph { range } => {
                    let text = self.text[range.clone()].to_string();
                    if let Some(d) = self.date_line(&text, range.start, date, &mut first_year) {
                        date = Some(d);
                        previous = None;
                    }
                }
                Block::List { items } => {
                    for item in items {
                        if let Some(entry) = self.timeline_item(item, &mut date, &mut previous) {
                            entries.push(entry);
                        }
                    }
                }
                Block::Table { rows } => self.timeline_table(rows, date, &mut entries),
                Block::Comment | Block::Other { .. } => {}
            }
        }
        seq(entries, section.heading)
    }

    /// A date line of the timeline (`text` starts at byte `at`): its date, and a
    /// finding for an ambiguous slashed date or a weekday that does not match.
    fn date_line(
        &mut self,
        text: &str,
        at: usize,
        above: Option<jiff::civil::Date>,
        first_year: &mut Option<Option<i16>>,
    ) -> Option<jiff::civil::Date> {
        let hint = match above {
            Some(d) => Some(d.year()),
            None => *first_year.get_or_insert_with(|| time::first_year(self.text)),
        };
        date_line(text, at, hint, self.diags).flatten()
    }

    /// A list item of the timeline. A time without a date under a date line takes
    /// that line's date, except that a clock more than twelve hours before the
    /// entry above it under the same line is read as the next day (the timeline ran
    /// past midnight): the date moves on for the entries below, and the inference is
    /// reported (RS215) until a date line confirms it.
    fn timeline_item(
        &mut self,
        item: &Item,
        date: &mut Option<jiff::civil::Date>,
        previous: &mut Option<jiff::civil::Time>,
    ) -> Option<Node> {
        let (_, content_span) = item_content(self.text, item.range.clone());
        let source = content_span.slice(self.text);
        let scanned = match time::scan_leading_time(source) {
            Ok(Some((parsed, end))) => (Some(parsed), end),
            Ok(None) => {
                self.diags.push(
                    Diagnostic::new(&codes::MARKDOWN_ITEM, first_line(self.text, content_span), "this timeline item does not start with a time")
                        .with_help("start the item with a time and zone, for example `- 16:05 CEST Deploy starts`, or move the text out of the timeline"),
                );
                return None;
            }
            // A placeholder where the time belongs (`??:??`) keeps its entry, with the
            // placeholder as its time: the entry travels through `convert` and `import`,
            // and RS213 comes from the time value as in YAML and JSON.
            Err(error)
                if error.kind == time::TimeErrorKind::Placeholder && error.range.start == 0 =>
            {
                (None, error.range.end)
            }
            Err(error) => {
                self.diags.push(error.diagnostic(content_span.start));
                return None;
            }
        };
        let (parsed, end) = scanned;
        let time_span = Span::new(content_span.start, content_span.start + end);
        let time_text = time_span.slice(self.text).to_string();
        let rest_start = content_span.start + end;
        let rest = &self.text[rest_start..content_span.end];
        let sep = separator_len(rest);
        let text_start = rest_start + sep;
        let Some(parsed) = parsed else {
            return Some(self.timeline_entry(content_span, time_span, time_text, text_start));
        };
        if parsed.date.is_none()
            && let (Some(day), Some(before)) = (*date, *previous)
            && before.duration_until(parsed.time).as_secs() < -12 * 3600
            && let Ok(next) = day.tomorrow()
        {
            *date = Some(next);
            self.diags.push(
                Diagnostic::new(
                    &crate::rules::midnight_rollover::MidnightRollover::INFO,
                    time_span,
                    format!(
                        "{} comes before the entry above it, so it is read as the next day, {next}",
                        parsed.time.strftime("%H:%M")
                    ),
                )
                .with_help(format!(
                    "write a date line (`### {next}`) above the entry to confirm the day"
                )),
            );
        }
        *previous = Some(parsed.time);
        let value = with_date(&time_text, parsed.date.is_none(), *date);
        Some(self.timeline_entry(content_span, time_span, value, text_start))
    }

    /// The entry `{time, text, milestone?}` of a timeline list item whose time, as it
    /// goes into the tree, is `time`.
    fn timeline_entry(
        &self,
        content_span: Span,
        time_span: Span,
        time: String,
        text_start: usize,
    ) -> Node {
        let mut fields = vec![Entry {
            key: "time".into(),
            key_span: time_span,
            value: Node::new(time_span, Value::String(time)),
        }];
        let text_span = Span::new(text_start, content_span.end);
        let (text, milestone) = split_milestone(text_span.slice(self.text), text_span);
        fields.push(Entry {
            key: "text".into(),
            key_span: text.0,
            value: Node::new(text.0, Value::String(text.1)),
        });
        if let Some((name, span)) = milestone {
            fields.push(Entry {
                key: "milestone".into(),
                key_span: span,
                value: Node::new(span, Value::String(name)),
            });
        }
        Node::new(content_span, Value::Map(fields))
    }

    fn timeline_table(
        &mut self,
        rows: &[Vec<Range<usize>>],
        mut date: Option<jiff::civil::Date>,
        out: &mut Vec<Node>,
    ) {
        let Some((header, body)) = rows.split_first() else {
            return;
        };
        let names: Vec<String> = header
            .iter()
            .map(|r| normalise_heading(&self.text[r.clone()]))
            .collect();
        let find = |pred: &dyn Fn(&str) -> bool| names.iter().position(|n| pred(n));
        let time_col = find(&|n| {
            n.contains("time") || n.contains("when") || n == "date" || n.contains("timestamp")
        });
        let text_col = find(&|n| {
            ["event", "what", "description", "text", "details", "action"]
                .iter()
                .any(|w| n.contains(w))
                && !n.contains("time")
        });
        let milestone_col = find(&|n| n.contains("milestone"));
        let (Some(time_col), Some(text_col)) = (time_col, text_col) else {
            let span = header.first().map_or(Span::empty(0), |r| {
                Span::new(r.start, header.last().map_or(r.end, |l| l.end))
            });
            self.diags.push(
                Diagnostic::new(
                    &codes::MARKDOWN_ITEM,
                    span,
                    "this timeline table has no Time and Event columns",
                )
                .with_help("name the columns `Time` and `Event` (and optionally `Milestone`)"),
            );
            return;
        };
        for row in body {
            let cell = |i: usize| row.get(i).map(|r| Span::new(r.start, r.end));
            let Some(time_span) = cell(time_col) else {
                continue;
            };
            let time_text = time_span.slice(self.text).trim().to_string();
            if let Some(d) = time::parse_date_line(&time_text) {
                date = Some(d);
                continue;
            }
            let parsed = match time::parse_time(&time_text) {
                Ok(p) => p,
                Err(error) => {
                    let mut d = Diagnostic::new(error.code(), time_span, error.message);
                    if let Some(help) = error.help {
                        d = d.with_help(help);
                    }
                    self.diags.push(d);
                    continue;
                }
            };
            let value = with_date(&time_text, parsed.date.is_none(), date);
            let mut fields = vec![Entry {
                key: "time".into(),
                key_span: time_span,
                value: Node::new(time_span, Value::String(value)),
            }];
            if let Some(span) = cell(text_col) {
                fields.push(Entry {
                    key: "text".into(),
                    key_span: span,
                    value: Node::new(span, Value::String(span.slice(self.text).to_string())),
                });
            }
            if let Some(span) = milestone_col.and_then(cell).filter(|s| !s.is_empty()) {
                let name = span.slice(self.text).trim().to_lowercase();
                fields.push(Entry {
                    key: "milestone".into(),
                    key_span: span,
                    value: Node::new(span, Value::String(name)),
                });
            }
            let row_span = row.first().map_or(time_span, |f| {
                Span::new(f.start, row.last().map_or(f.end, |l| l.end))
            });
            out.push(Node::new(row_span, Value::Map(fields)));
        }
    }

    fn action_items(&mut self, section: &SectionRef<'_>) -> Node {
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
        let Some((header, body)) = rows.split_first() else {
            return;
        };
        let columns: Vec<Option<&'static str>> = header
            .iter()
            .map(|r| {
                let n = normalise_heading(&self.text[r.clone()]);
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
        for row in body {
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
            let row_span = row.first().map_or(Span::empty(0), |f| {
                Span::new(f.start, row.last().map_or(f.end, |l| l.end))
            });
            out.push(Node::new(row_span, Value::Map(fields)));
        }
    }
}

pub(crate) fn seq(items: Vec<Node>, heading: Span) -> Node {
    let span = items.iter().fold(None::<Span>, |acc, n| {
        Some(acc.map_or(n.span, |a| a.cover(n.span)))
    });
    Node::new(span.unwrap_or(Span::empty(heading.end)), Value::Seq(items))
}
