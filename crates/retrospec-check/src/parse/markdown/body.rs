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
    /// The other clocks of the timeline tables read ([`freeform::timeline::SecondClock`]).
    pub(super) second_clocks: Vec<freeform::timeline::SecondClock>,
}

/// A `##` section: its heading and the blocks under it.
pub(super) struct SectionRef<'b> {
    pub(super) title: String,
    pub(super) heading: Span,
    pub(super) blocks: &'b [Block],
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
        // Or status-page updates as sections of their own (`## Resolved`).
        if self.freeform
            && updates.is_none()
            && !sections
                .iter()
                .any(|s| field_for(&s.title, self.extra) == Some(Field::Timeline))
        {
            let heads: Vec<_> = sections
                .iter()
                .map(|s| (s.heading, s.title.as_str(), s.blocks))
                .collect();
            if let Some((range, node)) = freeform::updates::sections(self.text, &heads) {
                sections.drain(range);
                updates = Some(node);
            }
            // Or the updates closing a section (a bold `**Post-incident summary**`
            // over the report's text, then the updates).
            if updates.is_none() {
                for section in &mut sections {
                    if let Some((first, node)) =
                        freeform::updates::read(self.text, section.blocks, section.heading, true)
                        && first > 0
                    {
                        section.blocks = &section.blocks[..first];
                        updates = Some(node);
                        break;
                    }
                }
            }
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
        // Opening text that is only a header block of fields (`**Incident ref:**
        // DO-INC-0917`, `**Date of event:** 18 SEP 2025`) is no story: a section
        // that names the summary in weaker words ("Problem statement", "What
        // happened") is the summary then, and the fields stay a section of their own.
        let has_summary = sections.iter().any(|s| {
            let heading = normalise_heading(&s.title);
            STRONG_SUMMARY.contains(&heading.as_str())
                || (self.freeform
                    && field_for(&s.title, self.extra) == Some(Field::Summary)
                    && self.only_fields(preamble_blocks))
        });
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
        // A labelled checklist in the text before any section (an issue's comment
        // thread): the follow-ups, when no section gave them.
        self.labelled_action_items(preamble_blocks);
    }

    /// The follow-ups of a report read as written that has none yet, from a
    /// labelled checklist among `blocks` ([`labelled_follow_ups`]).
    fn labelled_action_items(&mut self, blocks: &[Block]) {
        if !self.freeform
            || self
                .fields
                .iter()
                .any(|e| e.key == field_key(Field::ActionItems))
        {
            return;
        }
        let Some((label, list)) = labelled_follow_ups(self.text, blocks) else {
            return;
        };
        let sub = SectionRef {
            title: label.slice(self.text).to_string(),
            heading: label,
            blocks: list,
        };
        let value = self.action_items(&sub);
        self.fields.push(Entry {
            key: field_key(Field::ActionItems).into(),
            key_span: label,
            value,
        });
    }

    fn is_title(&self, block: &Block) -> bool {
        matches!(block, Block::Heading { level: 1, .. })
    }

    /// The text of a heading without its `#` marks, and the span of that text.
    pub(super) fn heading_text(&self, range: Range<usize>) -> (String, Span) {
        let raw = &self.text[range.clone()];
        let first_line = heading_line(raw);
        let without_marks = first_line.trim_start().trim_start_matches('#');
        let content = without_marks.trim_end().trim_end_matches('#').trim();
        let offset = raw.find(content).unwrap_or(0);
        let start = range.start + offset;
        (content.to_string(), Span::new(start, start + content.len()))
    }

    fn section(&mut self, section: SectionRef<'_>) {
        let already = |key: &str, fields: &[Entry]| fields.iter().any(|e| e.key == key);
        // A report read as written whose section of its own name (`**What we
        // do**`) is nothing but a task list, or a list most of whose items end in
        // an owner (`(Owner: M. Lindqvist)`, `(@okoye)`): its follow-ups.
        let named = field_for(&section.title, self.extra);
        let unclaimed = named.is_none()
            && self.freeform
            && !already(field_key(Field::ActionItems), &self.fields);
        let owned = unclaimed
            && !names_people(&section.title)
            && !opens_with_a_task_list(section.blocks)
            && opens_with_owned_items(self.text, section.blocks);
        if owned {
            // What follows the list (`In hindsight we should have ...`) is still
            // the section's text.
            let after: Vec<&Block> = section
                .blocks
                .iter()
                .skip_while(|b| !matches!(b, Block::List { .. }))
                .skip(1)
                .collect();
            let start = section.blocks.len() - after.len();
            if let Some(node) = self.narrative(&section.blocks[start..]) {
                self.sections.push(self.free_section(
                    section.title.clone(),
                    section.heading,
                    Some(node),
                ));
            }
        }
        let field = named.or_else(|| {
            (unclaimed && (owned || opens_with_a_task_list(section.blocks)))
                .then_some(Field::ActionItems)
        });
        let key = field.map(field_key);
        if field.is_none() || key.is_some_and(|k| already(k, &self.fields)) {
            // A labelled checklist inside it (`Todo:` over `- [ ] ...`, or a list
            // most of whose items end in an owner): the follow-ups.
            if field.is_none() {
                self.labelled_action_items(section.blocks);
            }
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
                    &mut self.second_clocks,
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
            Field::ActionItems => {
                let items = self.action_items(&section);
                self.text_after_actions(&section);
                items
            }
            Field::Links => self.links(&section),
        };
        self.fields.push(Entry {
            key: field_key(field).into(),
            key_span: section.heading,
            value,
        });
    }

    /// In a report read as written, the text before an action list or table in its
    /// section (an introduction: "In hindsight, we should have ...") and after it
    /// (a quoted earlier notice, a closing paragraph, a signature) is the
    /// section's text too: each kept as a free section of the same title, so its
    /// words are checked and `import` carries it (written right after the action
    /// items) and nothing is lost.
    fn text_after_actions(&mut self, section: &SectionRef<'_>) {
        if !self.freeform {
            return;
        }
        let is_list = |b: &Block| matches!(b, Block::List { .. } | Block::Table { .. });
        let (Some(first), Some(last)) = (
            section.blocks.iter().position(is_list),
            section.blocks.iter().rposition(is_list),
        ) else {
            return;
        };
        if let Some(node) = self.narrative(&section.blocks[..first]) {
            let heading = section.heading;
            self.sections
                .push(self.free_section(section.title.clone(), heading, Some(node)));
        }
        if let Some(node) = self.narrative(&section.blocks[last + 1..]) {
            let heading = section.heading;
            self.sections
                .push(self.free_section(section.title.clone(), heading, Some(node)));
        }
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
                // An indented code block keeps its first line's indentation, or
                // written back (`retrospec import`) its first line would join the
                // paragraph above and its log lines would read as prose.
                let indented = if let Block::Other { .. } = block {
                    let line = self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let indent = self.text[line..range.start]
                        .bytes()
                        .all(|b| b == b' ' || b == b'\t');
                    if indent {
                        range.start = line;
                    }
                    indent
                } else {
                    false
                };
                let raw = &self.text[range.clone()];
                let first = raw.len() - raw.trim_start().len();
                let lead = if indented {
                    raw[..first].rfind('\n').map_or(0, |i| i + 1)
                } else {
                    first
                };
                let s = Span::new(
                    range.start + lead,
                    range.start + raw.trim_end().len().max(lead),
                );
                // A thematic break between two blocks is kept: a ticket thread
                // parts its messages with a line of dashes, which the word rules
                // read (an earlier message is evidence), and `import` writes it.
                if let Some(before) = span
                    && before.end <= s.start
                {
                    parts.extend(
                        self.text[before.end..s.start]
                            .lines()
                            .map(str::trim)
                            .filter(|l| is_thematic_break(l)),
                    );
                }
                parts.push(s.slice(self.text));
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

    /// Whether `blocks` are paragraphs of field lines alone, two or more
    /// (`**Organisation:** Tidewater`, `Date: 18 September`): a report's header
    /// block, not its opening story.
    fn only_fields(&self, blocks: &[Block]) -> bool {
        let mut lines = 0;
        for block in blocks {
            match block {
                Block::Comment => {}
                Block::Paragraph { range } => {
                    for line in self.text[range.clone()].lines() {
                        if !is_field_line(line.trim()) {
                            return false;
                        }
                        lines += 1;
                    }
                }
                _ => return false,
            }
        }
        lines >= 2
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
                    None => {
                        let found = links_in_sentence(&text);
                        if found.is_empty() {
                            self.diags.push(
                                Diagnostic::new(
                                    &codes::MARKDOWN_ITEM,
                                    span,
                                    "this item in the links section is not a link",
                                )
                                .with_help(
                                    "write `- [Title](https://...)` or a bare `<https://...>`",
                                ),
                            );
                        }
                        for (title, url) in found {
                            items.push(Node::new(
                                span,
                                Value::Map(vec![
                                    Entry {
                                        key: "title".into(),
                                        key_span: span,
                                        value: Node::new(span, Value::String(title)),
                                    },
                                    Entry {
                                        key: "url".into(),
                                        key_span: span,
                                        value: Node::new(span, Value::String(url)),
                                    },
                                ]),
                            ));
                        }
                    }
                }
            }
        }
        seq(items, section.heading)
    }
}

pub(crate) fn seq(items: Vec<Node>, heading: Span) -> Node {
    let span = items.iter().fold(None::<Span>, |acc, n| {
        Some(acc.map_or(n.span, |a| a.cover(n.span)))
    });
    Node::new(span.unwrap_or(Span::empty(heading.end)), Value::Seq(items))
}

/// A short label paragraph ending in a colon (`Todo:`, `Follow-ups:`, `**Next
/// steps:**`) over a task list or a list most of whose items end in an owner: the
/// label's span and the list.
fn labelled_follow_ups<'b>(text: &str, blocks: &'b [Block]) -> Option<(Span, &'b [Block])> {
    blocks.windows(2).enumerate().find_map(|(i, pair)| {
        let [Block::Paragraph { range }, Block::List { items }] = pair else {
            return None;
        };
        let label = text.get(range.clone())?.trim();
        let bare = label.trim_matches(['*', '_']).trim();
        let short =
            bare.ends_with(':') && bare.split_whitespace().count() <= 3 && !bare.contains('\n');
        let tasks = items.len() >= 2 && items.iter().all(|i| i.checked.is_some());
        // A plain list under a label is follow-ups only when the label says so
        // (`Thanks to:` over `- Ana (@ana)` is not).
        let lower = bare.to_lowercase();
        let says_follow_ups = FOLLOW_UP_WORDS.iter().any(|w| lower.contains(w));
        let owned = says_follow_ups && opens_with_owned_items(text, &blocks[i + 1..i + 2]);
        (short && (tasks || owned)).then(|| {
            let start = range.start + text[range.clone()].find(label).unwrap_or(0);
            (Span::new(start, start + label.len()), &blocks[i + 1..i + 2])
        })
    })
}

/// Words of a label that names follow-ups (`Todo:`, `Next steps:`, `Fixes:`).
const FOLLOW_UP_WORDS: &[&str] = &[
    "todo",
    "to do",
    "to-do",
    "follow",
    "next",
    "action",
    "fix",
    "change",
    "task",
    "plan",
    "improve",
    "prevent",
    "work item",
];

/// Words of a section title that names people, not work (`Responders`, `Thanks`,
/// `People involved`): a list of them with handles is no follow-up list.
const PEOPLE_TITLE_WORDS: &[&str] = &[
    "respond",
    "people",
    "team",
    "contributor",
    "thank",
    "participant",
    "attendee",
    "role",
    "contact",
    "credit",
    "acknowledg",
    "who ",
    "involved",
    "staff",
    "on-call",
    "oncall",
    "escalation",
    "author",
    "reviewer",
];

/// Whether `line` (trimmed) is a thematic break: three or more of one of `-`,
/// `*`, `_`, spaces between them allowed.
fn is_thematic_break(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

/// Whether a section title names people rather than work ([`PEOPLE_TITLE_WORDS`]).
fn names_people(title: &str) -> bool {
    let lower = format!("{} ", title.to_lowercase());
    PEOPLE_TITLE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a section opens with a list of three or more items, most of which end
/// in an owner ([`ends_with_owner`]) and read as work (five words or more: `- Ana
/// (@ana)` in a list of people is not); a closing line may follow.
fn opens_with_owned_items(text: &str, blocks: &[Block]) -> bool {
    let mut opened = false;
    for block in blocks {
        match block {
            Block::Comment => {}
            Block::List { items } if !opened => {
                let owned = items
                    .iter()
                    .filter(|i| text.get(i.range.clone()).is_some_and(ends_with_owner))
                    .count();
                let work = items
                    .iter()
                    .filter(|i| {
                        text.get(i.range.clone())
                            .is_some_and(|t| t.split_whitespace().count() >= 6)
                    })
                    .count();
                if items.len() < 3 || owned * 2 <= items.len() || work * 2 <= items.len() {
                    return false;
                }
                opened = true;
            }
            Block::Paragraph { .. } if opened => {}
            _ => return false,
        }
    }
    opened
}

/// Whether a list item ends in its owner: a parenthesis that opens with a mention
/// or an owner word (`(@okoye)`, `(Owner: M. Lindqvist)`, `(@jonas-kr, needs
/// budget)`), a mention as its last word (`... @brandt`), or an owner label in its
/// last few words (`— owner: storage`).
fn ends_with_owner(item: &str) -> bool {
    let t = item.trim_end().trim_end_matches(['.', ' ']);
    let owner_word = |s: &str| {
        let lower = s.trim_start().to_ascii_lowercase();
        ["owner", "owners", "assignee", "dri"].iter().any(|w| {
            lower.strip_prefix(w).is_some_and(|r| {
                r.trim_start_matches(['*', '_'])
                    .trim_start()
                    .starts_with([':', '-', '–', '—'])
            })
        })
    };
    if let Some(inner) = t
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|o| &t[o + 1..]))
    {
        return inner.trim_start().starts_with('@') || owner_word(inner);
    }
    if t.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.len() > 1 && w.starts_with('@'))
    {
        return true;
    }
    let tail_from = t.len().saturating_sub(40);
    let tail_from = (tail_from..t.len())
        .find(|i| t.is_char_boundary(*i))
        .unwrap_or(t.len());
    let tail = &t[tail_from..];
    tail.to_ascii_lowercase()
        .rfind("owner")
        .is_some_and(|i| owner_word(&tail[i..]) && tail[i..].split_whitespace().count() <= 5)
}

/// Whether a section opens with a task list: two or more items, every one with a
/// checkbox (`- [ ]`, `- [x]`); a closing line may follow (`Sorry for the trouble.`).
fn opens_with_a_task_list(blocks: &[Block]) -> bool {
    let mut opened = false;
    for block in blocks {
        match block {
            Block::Comment => {}
            Block::List { items } if !opened => {
                if items.len() < 2 || items.iter().any(|i| i.checked.is_none()) {
                    return false;
                }
                opened = true;
            }
            Block::Paragraph { .. } if opened => {}
            _ => return false,
        }
    }
    opened
}

/// A header block's field line: a short label in bold with its colon (`**Date of
/// event:** 18 SEP 2025`, `**Status**: Final`), or a short capitalised label and a
/// colon (`Date: 18 September 2025`), then a value on the same line.
fn is_field_line(line: &str) -> bool {
    let (label, value) = if let Some(rest) = line.strip_prefix("**") {
        match rest.split_once("**") {
            Some((label, value)) if label.ends_with(':') => (label.trim_end_matches(':'), value),
            Some((label, value)) if value.starts_with(':') => (label, &value[1..]),
            _ => return false,
        }
    } else {
        match line.split_once(": ") {
            Some((label, value)) => (label, value),
            None => return false,
        }
    };
    let words = label.split_whitespace().count();
    (1..=4).contains(&words)
        && label.starts_with(|c: char| c.is_uppercase())
        && !label.contains(['.', ','])
        && !value.trim().is_empty()
}
