//! The `## Timeline` section of retrospec's own Markdown: list items with a time
//! (date lines and headings giving the day) and timeline tables.

use super::*;

impl BodyBuilder<'_, '_> {
    pub(super) fn timeline(&mut self, section: &SectionRef<'_>) -> Node {
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
                    &codes::MIDNIGHT_ROLLOVER,
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
        let Some(table) = Table::read(self.text, rows) else {
            return;
        };
        let time_col = table.column(|_, n| {
            n.contains("time") || n.contains("when") || n == "date" || n.contains("timestamp")
        });
        let text_col =
            table.column(|_, n| EVENT_WORDS.iter().any(|w| n.contains(w)) && !n.contains("time"));
        let milestone_col = table.column(|_, n| n.contains("milestone"));
        let (Some(time_col), Some(text_col)) = (time_col, text_col) else {
            self.diags.push(
                Diagnostic::new(
                    &codes::MARKDOWN_ITEM,
                    table.header_span(),
                    "this timeline table has no Time and Event columns",
                )
                .with_help("name the columns `Time` and `Event` (and optionally `Milestone`)"),
            );
            return;
        };
        for row in table.body {
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
            let row_span = row_span(row).unwrap_or(time_span);
            out.push(Node::new(row_span, Value::Map(fields)));
        }
    }
}
