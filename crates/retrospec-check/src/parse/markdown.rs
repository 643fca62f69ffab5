//! Markdown with YAML front matter to the spanned tree.
//!
//! The front matter is split off by hand ([`split_front_matter`]): pulldown-cmark's
//! metadata option would take any `---` block anywhere for metadata, and the
//! split must handle a BOM and CRLF. The front matter is parsed by the YAML
//! parser at its offset in the file; the body is parsed by pulldown-cmark's
//! offset iterator into top-level blocks, which are mapped to model fields by
//! their `##` section headings (see `docs/format.md`).
//!
//! Values derived from Markdown carry the span of the text they came from, so a
//! diagnostic about `/timeline/3/time` underlines the time in the list item.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::limits::Limits;
use crate::parse::freeform::{self, Reading};
use crate::parse::yaml;
use crate::span::Span;
use crate::time;
use crate::time_diag::TimeErrorExt;
use crate::tree::{Entry, Node, Value};

/// Where the front matter and body of a Markdown report are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// The opening `---` line (without its line break).
    pub open: Span,
    /// The YAML between the delimiters.
    pub yaml: Span,
    /// The closing line, when there is one.
    pub close: Option<Span>,
    /// Where the Markdown body starts.
    pub body_start: usize,
}

/// Finds the front matter at the start of `text` (after an optional BOM).
/// Returns `None` when the file does not start with a `---` line.
pub fn split_front_matter(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { text, pos: start };
    let (first, first_end) = lines.next()?;
    if first.content(text).trim_end() != "---" {
        return None;
    }
    let yaml_start = first_end;
    for (line, line_end) in lines.by_ref() {
        let content = line.content(text).trim_end();
        if content == "---" || content == "..." {
            return Some(FrontMatter {
                open: first.span,
                yaml: Span::new(yaml_start, line.span.start),
                close: Some(line.span),
                body_start: line_end,
            });
        }
    }
    Some(FrontMatter {
        open: first.span,
        yaml: Span::new(yaml_start, text.len()),
        close: None,
        body_start: text.len(),
    })
}

/// Whether `text` is a Markdown report, that is, starts with front matter.
pub fn has_front_matter(text: &str) -> bool {
    split_front_matter(text).is_some()
}

struct Line {
    span: Span,
}

impl Line {
    fn content<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Lines with their spans (without the line break) and the offset after the break.
struct LineIter<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for LineIter<'_> {
    type Item = (Line, usize);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (len, brk) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let span = Span::new(self.pos, self.pos + len);
        self.pos += len + brk;
        Some((Line { span }, self.pos))
    }
}

/// The result of parsing a Markdown report.
#[derive(Debug)]
pub struct ParsedMarkdown {
    /// The tree: front matter keys and fields derived from sections.
    pub tree: Node,
    /// Where diagnostics about the report as a whole point (the opening `---`).
    pub anchor: Span,
    /// How the report was read when it has no retrospec front matter (read free-form).
    pub freeform: Option<Reading>,
}

/// Parses a Markdown report. Returns `None` when the front matter cannot be parsed.
pub fn parse(text: &str, diags: &mut Vec<Diagnostic>) -> Option<ParsedMarkdown> {
    parse_limited(text, &Limits::default(), diags)
}

/// [`parse`] with the front matter's nesting bounded by `limits`.
pub fn parse_limited(
    text: &str,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<ParsedMarkdown> {
    parse_with(text, limits, &[], diags)
}

/// [`parse_limited`] with section headings added to the alias table
/// (`[sections]` of `retrospec.toml`: heading to field name).
pub fn parse_with(
    text: &str,
    limits: &Limits,
    aliases: &[(String, String)],
    diags: &mut Vec<Diagnostic>,
) -> Option<ParsedMarkdown> {
    let front = split_front_matter(text);
    let mut reading = None;
    let (mut entries, anchor, body_start) = match &front {
        Some(fm) => {
            if fm.close.is_none() {
                diags.push(
                    Diagnostic::new(
                        &codes::FRONT_MATTER,
                        fm.open,
                        "the front matter is never closed",
                    )
                    .with_help("end the front matter with a line that is just `---`"),
                );
                return None;
            }
            let yaml_text = fm.yaml.slice(text);
            let node = yaml::parse_limited(yaml_text, fm.yaml.start, limits, diags)?;
            let entries = match node.value {
                Value::Map(entries) => entries,
                Value::Null => Vec::new(),
                _ => {
                    diags.push(
                        Diagnostic::new(
                            &codes::FRONT_MATTER,
                            node.span,
                            format!("the front matter must be a mapping of keys to values, not {}", node.type_name()),
                        )
                        .with_help("write `key: value` lines, for example `title: ...` and `status: draft`"),
                    );
                    Vec::new()
                }
            };
            let entries = if freeform::is_foreign(&entries) {
                let mut r = Reading::new(Some(fm.open));
                let mapped = freeform::front::map(text, entries, &mut r);
                reading = Some(r);
                mapped
            } else {
                entries
            };
            (entries, fm.open, fm.body_start)
        }
        None => {
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let first_line = LineIter { text, pos: start }
                .next()
                .map_or(Span::empty(start), |(l, _)| l.span);
            if let Some((toml, body)) = freeform::front::toml(text, start) {
                let mut r = Reading::new(Some(toml));
                let entries = freeform::front::toml_entries(text, toml, &mut r);
                reading = Some(r);
                (entries, toml, body)
            } else {
                reading = Some(Reading::new(None));
                (Vec::new(), first_line, start)
            }
        }
    };

    let body = &text[body_start..];
    let mut blocks = collect_blocks(body, body_start);
    let mut extra: Vec<(String, Field)> = aliases
        .iter()
        .filter_map(|(heading, field)| Some((normalise_heading(heading), field_named(field)?)))
        .collect();
    if reading.is_some() {
        let (normalised, implicit_timeline) = freeform::blocks::normalise(
            text,
            blocks,
            &extra,
            entries.iter().any(|e| e.key == "title"),
        );
        blocks = normalised;
        if implicit_timeline {
            // The empty heading `normalise` put before a timeline written without one.
            extra.push((String::new(), Field::Timeline));
        }
    }
    let mut builder = BodyBuilder {
        text,
        diags,
        fields: Vec::new(),
        sections: Vec::new(),
        extra: &extra,
        freeform: reading.is_some(),
    };
    builder.build(&blocks);
    if reading.is_some()
        && !builder.fields.iter().any(|e| e.key == "timeline")
        && let Some(timeline) = freeform::timeline::began_and_ended(text)
    {
        builder.fields.push(Entry {
            key: "timeline".into(),
            key_span: timeline.span,
            value: timeline,
        });
    }
    if let Some(r) = reading.as_mut()
        && let Some(timeline) = builder.fields.iter_mut().find(|e| e.key == "timeline")
    {
        r.first_date = freeform::date::date_first_entry(
            text,
            &mut timeline.value,
            &mut r.ambiguous_date,
            builder.diags,
        );
        if let Some((zone, at)) = freeform::zone::stated_zone(text)
            .or_else(|| freeform::zone::window_zone(text, &timeline.value))
        {
            freeform::zone::apply(&mut timeline.value, &zone);
            r.stated_zone = Some(at);
        } else {
            r.ambiguous_zone = freeform::zone::ambiguous_zone(text);
        }
    }
    if let Some(r) = reading.as_mut()
        && !entries.iter().any(|e| e.key == "milestones")
        && let Some(timeline) = builder.fields.iter_mut().find(|e| e.key == "timeline")
        && let Some(milestones) = freeform::milestones::infer(text, &mut timeline.value, r)
    {
        entries.push(Entry {
            key: "milestones".into(),
            key_span: milestones.span,
            value: milestones,
        });
    }
    if reading.is_some()
        && let Some(items) = builder.fields.iter_mut().find(|e| e.key == "action_items")
    {
        let date = entries.iter().find(|e| e.key == "date");
        freeform::actions::read_cells(text, &mut items.value, date.and_then(|e| e.value.as_str()));
    }
    merge(&mut entries, builder.fields, builder.diags);
    if let Some(r) = reading.as_mut()
        && let Some((status, entry)) = freeform::status::infer(text, &entries, anchor)
    {
        r.status = Some(status);
        entries.push(entry);
    }
    if !builder.sections.is_empty() {
        let span = builder
            .sections
            .first()
            .map_or(Span::empty(body_start), |n| n.span);
        let span = builder
            .sections
            .iter()
            .fold(span, |acc, n| acc.cover(n.span));
        if let Some(existing) = entries.iter().find(|e| e.key == "sections") {
            builder
                .diags
                .push(conflict("sections", span, existing.key_span));
        } else {
            entries.push(Entry {
                key: "sections".into(),
                key_span: span,
                value: Node::new(span, Value::Seq(builder.sections)),
            });
        }
    }
    Some(ParsedMarkdown {
        tree: Node::new(Span::new(0, text.len()), Value::Map(entries)),
        anchor,
        freeform: reading,
    })
}

/// Adds the fields derived from sections to the front matter entries.
/// Objects given in both (impact, detection) are merged key by key; anything
/// given twice is a conflict, and the front matter wins.
fn merge(entries: &mut Vec<Entry>, fields: Vec<Entry>, diags: &mut Vec<Diagnostic>) {
    for field in fields {
        let Some(existing) = entries.iter_mut().find(|e| e.key == field.key) else {
            entries.push(field);
            continue;
        };
        // A `# Title` heading beside a front matter `title` is the usual Jekyll layout.
        if field.key == "title" {
            continue;
        }
        match (&mut existing.value.value, field.value.value) {
            (Value::Map(front), Value::Map(derived)) => {
                for sub in derived {
                    if let Some(first) = front.iter().find(|e| e.key == sub.key) {
                        diags.push(conflict(
                            &format!("{}.{}", field.key, sub.key),
                            sub.key_span,
                            first.key_span,
                        ));
                    } else {
                        front.push(sub);
                    }
                }
            }
            _ => diags.push(conflict(&field.key, field.key_span, existing.key_span)),
        }
    }
}

fn conflict(field: &str, section: Span, front: Span) -> Diagnostic {
    Diagnostic::new(
        &codes::DUPLICATE_FIELD,
        section,
        format!("`{field}` is given both in the front matter and by this section"),
    )
    .with_label(front, "also given here")
    .with_help("keep one of them: retrospec reads the front matter and ignores this section")
}

// ---------------------------------------------------------------------------
// Blocks

#[derive(Debug)]
pub(crate) enum Block {
    Heading { level: u8, range: Range<usize> },
    List { items: Vec<Item> },
    Table { rows: Vec<Vec<Range<usize>>> },
    Paragraph { range: Range<usize> },
    Comment,
    Other { range: Range<usize> },
}

#[derive(Debug)]
pub(crate) struct Item {
    pub(crate) range: Range<usize>,
    pub(crate) checked: Option<bool>,
}

impl Block {
    pub(crate) fn range(&self) -> Option<Range<usize>> {
        match self {
            Block::Heading { range, .. } | Block::Paragraph { range } | Block::Other { range } => {
                Some(range.clone())
            }
            Block::List { items } => Some(items.first()?.range.start..items.last()?.range.end),
            Block::Table { rows } => {
                let first = rows.first()?.first()?;
                let last = rows.last()?.last()?;
                Some(first.start..last.end)
            }
            Block::Comment => None,
        }
    }
}

/// The line of a heading that holds its words: the first, unless it is a
/// reStructuredText overline (`=====` above the title, read by Markdown as part
/// of a setext heading).
pub(crate) fn heading_line(raw: &str) -> &str {
    let adornment = |l: &str| {
        let l = l.trim();
        l.len() >= 3
            && l.chars()
                .all(|c| matches!(c, '=' | '-' | '~' | '*' | '+' | '^'))
    };
    raw.lines()
        .find(|l| !adornment(l))
        .or_else(|| raw.lines().next())
        .unwrap_or("")
}

/// Collects the top-level blocks of `body` with ranges in file coordinates.
pub(crate) fn collect_blocks(body: &str, base: usize) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut list_depth = 0usize;
    let mut current: Option<Block> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + base..range.end + base;
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some(match tag {
                        Tag::Heading { level, .. } => Block::Heading {
                            level: level as u8,
                            range: range.clone(),
                        },
                        Tag::List(_) => Block::List { items: Vec::new() },
                        Tag::Table(_) => Block::Table { rows: Vec::new() },
                        Tag::Paragraph => Block::Paragraph {
                            range: range.clone(),
                        },
                        Tag::HtmlBlock
                            if is_comment(&body[range.start - base..range.end - base]) =>
                        {
                            Block::Comment
                        }
                        _ => Block::Other {
                            range: range.clone(),
                        },
                    });
                }
                match (&tag, current.as_mut()) {
                    (Tag::List(_), _) => list_depth += 1,
                    (Tag::Item, Some(Block::List { items })) if list_depth == 1 => {
                        items.push(Item {
                            range: trim_range(body, base, range.clone()),
                            checked: None,
                        })
                    }
                    (Tag::TableHead | Tag::TableRow, Some(Block::Table { rows })) => {
                        rows.push(Vec::new())
                    }
                    (Tag::TableCell, Some(Block::Table { rows })) => {
                        if let Some(row) = rows.last_mut() {
                            row.push(trim_range(body, base, range.clone()));
                        }
                    }
                    _ => {}
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if matches!(tag, TagEnd::List(_)) {
                    list_depth = list_depth.saturating_sub(1);
                }
                if depth == 0 {
                    blocks.extend(current.take());
                }
            }
            Event::TaskListMarker(checked) if list_depth == 1 => {
                if let Some(Block::List { items }) = current.as_mut()
                    && let Some(item) = items.last_mut()
                {
                    item.checked = Some(checked);
                }
            }
            Event::Html(_) if depth == 0 => {}
            Event::Rule if depth == 0 => {}
            _ => {}
        }
    }
    blocks
}

fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Trims whitespace (and a table cell's pipes) off both ends of a range.
fn trim_range(body: &str, base: usize, range: Range<usize>) -> Range<usize> {
    let local = &body[range.start - base..range.end - base];
    let trimmed_start = local.len()
        - local
            .trim_start_matches(|c: char| c.is_whitespace() || c == '|')
            .len();
    let trimmed = local.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    let end = trimmed.len().max(trimmed_start);
    range.start + trimmed_start..range.start + end
}

// ---------------------------------------------------------------------------
// Sections

/// The model field a `##` heading fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Summary,
    Impact,
    RootCause,
    ContributingFactors,
    Trigger,
    Detection,
    Resolution,
    Timeline,
    Lessons,
    ActionItems,
    Links,
}

/// Section headings, normalised (see [`normalise_heading`]), and the field each fills.
const SECTION_ALIASES: &[(&str, Field)] = &[
    ("summary", Field::Summary),
    ("overview", Field::Summary),
    ("executive summary", Field::Summary),
    ("tldr", Field::Summary),
    ("incident summary", Field::Summary),
    ("what happened", Field::Summary),
    ("incident overview", Field::Summary),
    ("description", Field::Summary),
    ("impact", Field::Impact),
    ("customer impact", Field::Impact),
    ("user impact", Field::Impact),
    ("impact assessment", Field::Impact),
    ("business impact", Field::Impact),
    ("root cause", Field::RootCause),
    ("root causes", Field::RootCause),
    ("root cause analysis", Field::RootCause),
    ("rca", Field::RootCause),
    ("why it happened", Field::RootCause),
    ("cause", Field::RootCause),
    ("causes", Field::RootCause),
    ("contributing factors", Field::ContributingFactors),
    ("trigger", Field::Trigger),
    ("detection", Field::Detection),
    ("resolution", Field::Resolution),
    ("recovery", Field::Resolution),
    ("mitigation", Field::Resolution),
    ("recovery and mitigation", Field::Resolution),
    ("remediation", Field::Resolution),
    ("resolution and recovery", Field::Resolution),
    ("mitigation and resolution", Field::Resolution),
    ("how we fixed it", Field::Resolution),
    ("timeline", Field::Timeline),
    ("event timeline", Field::Timeline),
    ("incident timeline", Field::Timeline),
    ("chronology", Field::Timeline),
    ("timeline of events", Field::Timeline),
    ("detailed timeline", Field::Timeline),
    ("sequence of events", Field::Timeline),
    ("timeline utc", Field::Timeline),
    ("updates", Field::Timeline),
    ("status updates", Field::Timeline),
    ("incident updates", Field::Timeline),
    ("incident history", Field::Timeline),
    ("lessons learned", Field::Lessons),
    ("lesson learned", Field::Lessons),
    ("lessons", Field::Lessons),
    ("learnings", Field::Lessons),
    ("what we learned", Field::Lessons),
    ("lessons learnt", Field::Lessons),
    ("lesson learnt", Field::Lessons),
    ("conclusion", Field::Lessons),
    ("conclusions", Field::Lessons),
    ("action items", Field::ActionItems),
    ("actions", Field::ActionItems),
    ("actionables", Field::ActionItems),
    ("corrective actions", Field::ActionItems),
    ("followups", Field::ActionItems),
    ("followup actions", Field::ActionItems),
    ("next steps", Field::ActionItems),
    ("preventive actions", Field::ActionItems),
    ("preventative actions", Field::ActionItems),
    ("prevention actions", Field::ActionItems),
    ("preventive measures", Field::ActionItems),
    ("remediation actions", Field::ActionItems),
    ("remediation items", Field::ActionItems),
    ("follow up actions", Field::ActionItems),
    ("follow up items", Field::ActionItems),
    ("action plan", Field::ActionItems),
    ("planned actions", Field::ActionItems),
    ("corrective and preventive actions", Field::ActionItems),
    ("what well do", Field::ActionItems),
    ("what we will do", Field::ActionItems),
    ("what were changing", Field::ActionItems),
    ("what we are changing", Field::ActionItems),
    ("links", Field::Links),
    ("references", Field::Links),
];

/// Headings that always name the summary (others, like "What happened", only when
/// there is no opening text before the first section).
const STRONG_SUMMARY: &[&str] = &[
    "summary",
    "overview",
    "executive summary",
    "tldr",
    "incident summary",
];

/// The section headings retrospec recognises, for completion in editors.
pub fn section_headings() -> impl Iterator<Item = &'static str> {
    SECTION_ALIASES.iter().map(|(name, _)| *name)
}

/// Lower case, `&` as "and", letters, digits and single spaces only.
pub(crate) fn normalise_heading(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    for c in heading.replace('&', " and ").chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The field a heading names: the configured headings first, then the built-in table.
pub(crate) fn field_for(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    // A wiki page copied as text keeps its edit links: `Summary[edit | edit source]`.
    let heading = strip_edit_links(heading);
    field_named_by(heading, extra).or_else(|| {
        // A trailing parenthesis qualifies the section, it does not name it:
        // `Timeline (PT)`, `Timeline (all times approximate)`, `Action items (draft)`.
        let bare = heading.trim_end();
        let open = bare.strip_suffix(')').and_then(|b| b.rfind('('))?;
        field_named_by(&bare[..open], extra)
    })
}

/// A heading without the edit links a MediaWiki page shows after it (`[edit]`,
/// `[edit | edit source]`, also without the space: `Timeline[edit]`), which a
/// page copied as text keeps.
fn strip_edit_links(heading: &str) -> &str {
    let bare = heading.trim_end();
    for tail in [
        "[edit | edit source]",
        "[edit|edit source]",
        "[edit source]",
        "[edit]",
    ] {
        if let Some(head) = bare.strip_suffix(tail) {
            return head.trim_end();
        }
    }
    heading
}

fn field_named_by(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    let normal = normalise_heading(heading);
    extra
        .iter()
        .find(|(alias, _)| *alias == normal)
        .map(|(_, f)| *f)
        .or_else(|| {
            SECTION_ALIASES
                .iter()
                .find(|(alias, _)| *alias == normal)
                .map(|(_, f)| *f)
        })
}

/// The model keys a section can fill, for `[sections]` in the configuration.
pub fn section_fields() -> Vec<&'static str> {
    ALL_FIELDS.iter().map(|f| field_key(*f)).collect()
}

/// The field of a model key (`root_cause`), for `[sections]` in the configuration.
pub(crate) fn field_named(key: &str) -> Option<Field> {
    ALL_FIELDS.iter().copied().find(|f| field_key(*f) == key)
}

/// Every field a section can fill.
pub(crate) const ALL_FIELDS: &[Field] = &[
    Field::Summary,
    Field::Impact,
    Field::RootCause,
    Field::ContributingFactors,
    Field::Trigger,
    Field::Detection,
    Field::Resolution,
    Field::Timeline,
    Field::Lessons,
    Field::ActionItems,
    Field::Links,
];

struct BodyBuilder<'t, 'd> {
    text: &'t str,
    diags: &'d mut Vec<Diagnostic>,
    fields: Vec<Entry>,
    sections: Vec<Node>,
    /// Headings added by `[sections]` of the configuration, normalised.
    extra: &'t [(String, Field)],
    /// The report has no retrospec front matter: timelines are read in more shapes.
    freeform: bool,
}

/// A `##` section: its heading and the blocks under it.
struct SectionRef<'b> {
    title: String,
    heading: Span,
    blocks: &'b [Block],
}

impl BodyBuilder<'_, '_> {
    fn build(&mut self, blocks: &[Block]) {
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
                freeform::updates::read(self.text, preamble_blocks, Span::empty(0))
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
                        freeform::updates::read(self.text, section.blocks, section.heading)
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
            if let Some(range) = block.range() {
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
                    | "description" | "followup" | "follow up" => "title",
                    "owner" | "assignee" | "who" => "owner",
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

pub(crate) fn field_key(field: Field) -> &'static str {
    match field {
        Field::Summary => "summary",
        Field::Impact => "impact",
        Field::RootCause => "root_cause",
        Field::ContributingFactors => "contributing_factors",
        Field::Trigger => "trigger",
        Field::Detection => "detection",
        Field::Resolution => "resolution",
        Field::Timeline => "timeline",
        Field::Lessons => "lessons",
        Field::ActionItems => "action_items",
        Field::Links => "links",
    }
}

pub(crate) fn seq(items: Vec<Node>, heading: Span) -> Node {
    let span = items.iter().fold(None::<Span>, |acc, n| {
        Some(acc.map_or(n.span, |a| a.cover(n.span)))
    });
    Node::new(span.unwrap_or(Span::empty(heading.end)), Value::Seq(items))
}

/// A list item's text after its marker and task box: (text with line breaks folded, span).
/// A date line (`June 10th, 2024:`, `### Monday 3 March 2026`, `31/01/2024`) at
/// byte `at`, read by [`time::scan_date_line`] with `hint` as the year of a date
/// written without one: its date, and a finding pushed for a slashed date with two
/// readings (RS214), an impossible one, or a weekday the date does not fall on (the
/// date is kept then). `None` when the line is not a date line, `Some(None)` when
/// it is one without one date. Shared by retrospec's own Markdown and timelines
/// as written.
pub(crate) fn date_line(
    line: &str,
    at: usize,
    hint: Option<i16>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<jiff::civil::Date>> {
    let (line, at) = match day_label(line) {
        Some(len) => (&line[len..], at + len),
        None => (line, at),
    };
    Some(match time::scan_date_line(line, hint)? {
        Ok(read) => {
            if let Some(error) = read.weekday_mismatch {
                diags.push(error.diagnostic(at));
            }
            Some(read.date)
        }
        Err(error) => {
            diags.push(error.diagnostic(at));
            None
        }
    })
}

/// The length of a day label before a date line (`Day 2 — Tuesday 10 June`,
/// `Day 3: 11 June`), as a timeline that runs over several days numbers them.
fn day_label(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let word = t.get(..3).filter(|w| w.eq_ignore_ascii_case("day"))?;
    let rest = t[word.len()..].trim_start_matches(' ');
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let after = &rest[digits..];
    let sep = after.trim_start_matches(' ');
    let sep = ["—", "–", "-", ":", ","]
        .iter()
        .find_map(|d| sep.strip_prefix(d))?;
    let date = sep.trim_start_matches(' ');
    (!date.is_empty()).then(|| line.len() - date.len())
}

pub(crate) fn item_content(text: &str, range: Range<usize>) -> (String, Span) {
    let raw = &text[range.clone()];
    let mut offset = raw.len() - raw.trim_start().len();
    let rest = &raw[offset..];
    // A bullet is followed by a blank: `**10:05**` (a line made an item by the
    // free-form reader) starts with emphasis, not a bullet.
    let bullet = rest.chars().next().filter(|c| {
        is_bullet(*c)
            && rest[c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    });
    let marker_len = if let Some(c) = bullet {
        c.len_utf8()
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            0
        }
    };
    offset += marker_len;
    let after = &raw[offset..];
    offset += after.len() - after.trim_start().len();
    let after = &raw[offset..];
    for task in ["[ ]", "[x]", "[X]"] {
        if after.starts_with(task) {
            offset += task.len();
            let t = &raw[offset..];
            offset += t.len() - t.trim_start().len();
            break;
        }
    }
    let content = raw[offset..].trim_end();
    let span = Span::new(range.start + offset, range.start + offset + content.len());
    (collapse(content), span)
}

/// A list marker: Markdown's `-`, `*`, `+`, and the bullets of plain text.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '•' | '·' | '◦' | '‣' | '▪' | '–')
}

/// Folds line breaks and the indentation after them into single spaces.
pub(crate) fn collapse(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The span of the first line of `span`.
pub(crate) fn first_line(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let len = s.find(['\n', '\r']).unwrap_or(s.len());
    Span::new(span.start, span.start + len)
}

/// The length of the separator between a timeline time and its text.
pub(crate) fn separator_len(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    let mut len = rest.len() - trimmed.len();
    for sep in ["-", "–", "—", ":", "|"] {
        if let Some(after) = trimmed.strip_prefix(sep)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            len += sep.len();
            len += after.len() - after.trim_start().len();
            return len;
        }
    }
    len
}

/// Takes a trailing `[milestone]` marker off a timeline text.
pub(crate) fn split_milestone(text: &str, span: Span) -> ((Span, String), Option<(String, Span)>) {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed.rfind('[') {
        let inner = &trimmed[open + 1..];
        if let Some(name) = inner.strip_suffix(']') {
            let lower = name.trim().to_lowercase();
            if [
                "started",
                "detected",
                "acknowledged",
                "mitigated",
                "resolved",
            ]
            .contains(&lower.as_str())
            {
                let before = trimmed[..open].trim_end();
                let marker = Span::new(span.start + open, span.start + trimmed.len());
                let text_span = Span::new(span.start, span.start + before.len());
                return ((text_span, collapse(before)), Some((lower, marker)));
            }
        }
    }
    let text_span = Span::new(span.start, span.start + trimmed.len());
    ((text_span, collapse(trimmed)), None)
}

/// Prefixes a date-less time with the date of the nearest date line.
pub(crate) fn with_date(
    time_text: &str,
    dateless: bool,
    date: Option<jiff::civil::Date>,
) -> String {
    match (dateless, date) {
        (true, Some(d)) => format!("{d} {}", time_text.trim()),
        _ => time_text.trim().to_string(),
    }
}

/// Attributes in a trailing `(key: value, key: value)` group of an action item.
/// Returns where the group opens and each (key, key range, value, value range).
pub(crate) type Attribute = (String, Range<usize>, String, Range<usize>);
pub(crate) fn trailing_attributes(content: &str) -> Option<(usize, Vec<Attribute>)> {
    let trimmed = content.trim_end();
    if !trimmed.ends_with(')') {
        return None;
    }
    let close = trimmed.len() - 1;
    // The group opens at the last '(' that is followed by `word:`, and is not a
    // Markdown link's target (`[ticket](https://x/y)`) or a URL (`(https://x/y)`).
    let open = trimmed[..close]
        .rmatch_indices('(')
        .map(|(i, _)| i)
        .find(|&i| {
            let inner = &trimmed[i + 1..close];
            let key_len = inner
                .trim_start()
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
                .count();
            let after_key = inner.trim_start()[key_len..].trim_start();
            key_len > 0
                && after_key.starts_with(':')
                && !after_key.starts_with("://")
                && !trimmed[..i].ends_with(']')
        })?;
    let mut attrs = Vec::new();
    let mut pos = open + 1;
    for part in trimmed[open + 1..close].split(',') {
        let part_start = pos;
        pos += part.len() + 1;
        let Some((key, value)) = part.split_once(':') else {
            // A comma inside a value: add it to the previous value.
            if let Some(last) = attrs.last_mut() {
                let (_, _, v, r): &mut Attribute = last;
                v.push(',');
                v.push_str(part);
                *v = v.trim().to_string();
                r.end = part_start + part.trim_end().len();
            }
            continue;
        };
        let key_start = part_start + (key.len() - key.trim_start().len());
        let key_t = key.trim();
        let value_offset = part_start + key.len() + 1;
        let value_start = value_offset + (value.len() - value.trim_start().len());
        let value_t = value.trim();
        attrs.push((
            key_t.to_lowercase(),
            key_start..key_start + key_t.len(),
            value_t.to_string(),
            value_start..value_start + value_t.len(),
        ));
    }
    // `link: https://x` splits at the first ':' only, so URLs survive.
    Some((open, attrs))
}

/// `[title](url)`, `<url>` or a bare URL.
fn parse_link(text: &str) -> Option<(Option<String>, String)> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('[') {
        let (title, after) = rest.split_once("](")?;
        let url = after.strip_suffix(')')?;
        return Some((Some(title.to_string()), url.trim().to_string()));
    }
    link_target(t).map(|url| (None, url))
}

/// Whether `text` is one or more tracker keys, separated by commas: a project key
/// and a number (`OPS-1234`, `GH-12`, `INFRA2-7`) or a number after `#` (`#123`).
fn ticket_keys(text: &str) -> bool {
    let key = |k: &str| {
        let k = k.trim();
        if let Some(n) = k.strip_prefix('#') {
            return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        }
        let Some((project, n)) = k.rsplit_once('-') else {
            return false;
        };
        project.len() >= 2
            && project.starts_with(|c: char| c.is_ascii_uppercase())
            && project
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
    };
    !text.trim().is_empty() && text.split(',').all(key)
}

fn link_target(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        return Some(inner.to_string());
    }
    if let Some(rest) = t.strip_prefix('[') {
        let (_, after) = rest.split_once("](")?;
        return after.strip_suffix(')').map(|u| u.trim().to_string());
    }
    (t.contains("://") && !t.contains(char::is_whitespace)).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Node, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let parsed = parse(text, &mut diags).expect("parses");
        (parsed.tree, diags)
    }

    fn at<'t>(tree: &Node, text: &'t str, pointer: &str) -> &'t str {
        tree.pointer(pointer)
            .map_or("<missing>", |(n, _)| n.span.slice(text))
    }

    /// A wiki page's edit links after a heading do not hide which section it is;
    /// the status-page phrasings of the action items are action items.
    #[test]
    fn headings_with_edit_links_and_plain_action_headings() {
        for (heading, field) in [
            ("Actionables[edit | edit source]", Some(Field::ActionItems)),
            ("Timeline [edit]", Some(Field::Timeline)),
            ("What we'll do", Some(Field::ActionItems)),
            ("What we're changing", Some(Field::ActionItems)),
            ("Quick facts[edit | edit source]", None),
            ("How to edit [edit]", None),
        ] {
            assert_eq!(field_for(heading, &[]), field, "{heading}");
        }
    }

    /// In a report read as written, a key given as an item's link is its ticket;
    /// in retrospec's own form `link:` is what the author wrote, and is judged.
    #[test]
    fn attribute_keys_are_tickets_in_reports_read_as_written() {
        let items = "## Action items\n\n- Alert (owner: @sre, link: OPS-12)\n- Gate (owner: @sre, jira: OPS-13)\n- Page (owner: @sre, issue: https://t.example/9)\n";
        let free = format!("# Outage\n\nThe API was down.\n\n{items}");
        let mut diags = Vec::new();
        let parsed =
            crate::parse::parse(&free, crate::parse::Format::Markdown, &mut diags).expect("parses");
        let tree = &parsed.tree;
        assert_eq!(at(tree, &free, "/action_items/0/ticket"), "OPS-12");
        assert_eq!(at(tree, &free, "/action_items/1/ticket"), "OPS-13");
        assert_eq!(
            at(tree, &free, "/action_items/2/link"),
            "https://t.example/9"
        );
        let own = format!("---\nstatus: draft\n---\n{items}");
        let (tree, _) = parse_ok(&own);
        assert_eq!(at(&tree, &own, "/action_items/0/link"), "OPS-12");
        assert_eq!(at(&tree, &own, "/action_items/1/jira"), "OPS-13");
    }

    /// A tracker's key in an Issue column is the item's `ticket`; an address, a
    /// Markdown link or anything else stays its `link`.
    #[test]
    fn action_table_keys_are_tickets_and_addresses_links() {
        let text = "---\nstatus: draft\n---\n## Action items\n\n| Action | Issue |\n|---|---|\n| Alert | OPS-1234 |\n| Gate | #12, GH-7 |\n| Test | [OPS-9](https://t.example/OPS-9) |\n| Page | see the doc |\n";
        let (tree, _) = parse_ok(text);
        assert_eq!(at(&tree, text, "/action_items/0/ticket"), "OPS-1234");
        assert_eq!(at(&tree, text, "/action_items/1/ticket"), "#12, GH-7");
        assert_eq!(
            at(&tree, text, "/action_items/2/link"),
            "[OPS-9](https://t.example/OPS-9)"
        );
        assert_eq!(at(&tree, text, "/action_items/3/link"), "see the doc");
        for (i, k) in [(0, "link"), (1, "link"), (2, "ticket"), (3, "ticket")] {
            assert_eq!(
                at(&tree, text, &format!("/action_items/{i}/{k}")),
                "<missing>"
            );
        }
        for not_key in ["ops-1", "O-1", "OPS-", "#", "OPS-1 x", ""] {
            assert!(!ticket_keys(not_key), "{not_key}");
        }
    }

    #[test]
    fn splits_front_matter_with_bom_and_crlf() {
        let text = "\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n";
        let fm = split_front_matter(text).expect("front matter");
        assert_eq!(fm.open, Span::new(3, 6));
        assert_eq!(fm.yaml.slice(text), "title: x\r\n");
        assert_eq!(&text[fm.body_start..], "body\r\n");
        assert!(split_front_matter("# no front matter\n---\n").is_none());
        assert!(split_front_matter("---\nnever closed\n").is_some_and(|f| f.close.is_none()));
    }

    #[test]
    fn timeline_items_keep_spans_dates_and_markers() {
        let text = "---\nstatus: draft\n---\n## Timeline\n\n### 2024-06-10\n\n- 16:05 CEST: Degradation begins [started]\n- 2024-06-11 09:00 UTC — Report published\n";
        let (tree, diags) = parse_ok(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(at(&tree, text, "/timeline/0/time"), "16:05 CEST");
        let (time, _) = tree.pointer("/timeline/0/time").expect("time");
        assert_eq!(time.as_str(), Some("2024-06-10 16:05 CEST"));
        assert_eq!(at(&tree, text, "/timeline/0/text"), "Degradation begins");
        assert_eq!(at(&tree, text, "/timeline/0/milestone"), "[started]");
        assert_eq!(at(&tree, text, "/timeline/1/text"), "Report published");
    }

    #[test]
    fn links_in_action_items_are_not_attribute_groups() {
        for content in [
            "Add a retry budget [ticket](https://tracker.example/OPS-1)",
            "Add a retry budget (https://tracker.example/OPS-1)",
            "Add a retry budget [ticket](https://tracker.example/OPS-1) (see: the RFC)",
        ] {
            let found = trailing_attributes(content)
                .map(|(open, attrs)| (open, attrs.into_iter().map(|a| a.0).collect::<Vec<_>>()));
            let want = content.ends_with("(see: the RFC)").then(|| {
                (
                    content.len() - "(see: the RFC)".len(),
                    vec!["see".to_string()],
                )
            });
            assert_eq!(found, want, "{content}");
        }
        let (_, attrs) =
            trailing_attributes("Fix it (owner: @a, link: https://x.example/1)").expect("group");
        assert_eq!(attrs[1].2, "https://x.example/1");
    }

    #[test]
    fn action_items_read_attributes_and_checkboxes() {
        let text = "---\nstatus: draft\n---\n## Action items\n\n- [x] Rotate keys (owner: @sre, due: 2024-07-01, link: https://t.example/1)\n- Plain item\n";
        let (tree, diags) = parse_ok(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(at(&tree, text, "/action_items/0/title"), "Rotate keys");
        assert_eq!(at(&tree, text, "/action_items/0/owner"), "@sre");
        assert_eq!(
            at(&tree, text, "/action_items/0/link"),
            "https://t.example/1"
        );
        let (status, _) = tree.pointer("/action_items/0/status").expect("status");
        assert_eq!(status.as_str(), Some("done"));
        assert!(tree.pointer("/action_items/1/status").is_none());
    }

    #[test]
    fn sections_map_to_fields_and_conflicts_are_reported() {
        let text = "---\nsummary: short\nimpact:\n  percentage: 5\n---\n# Title\n\n## Summary\n\nlong\n\n## Customer impact\n\nErrors.\n\n## Lessons learned\n\n### What went well\n\n- Rollback was fast\n\n## Notes\n\nFree text.\n";
        let (tree, diags) = parse_ok(text);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::DUPLICATE_FIELD.code);
        assert_eq!(diags[0].span.slice(text), "Summary");
        assert_eq!(at(&tree, text, "/impact/description"), "Errors.");
        assert_eq!(at(&tree, text, "/lessons/went_well/0"), "Rollback was fast");
        assert_eq!(at(&tree, text, "/sections/0/body"), "Free text.");
        assert_eq!(at(&tree, text, "/title"), "Title");
    }

    #[test]
    fn unreadable_items_are_diagnosed_not_dropped_silently() {
        let text = "---\nstatus: draft\n---\n## Timeline\n\n- Deploy starts\n- 01/07/2023 - 10:50 - Maintenance\n- 25:10 Rollback\n- ??:?? A customer reports errors\n";
        let (tree, diags) = parse_ok(text);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                codes::MARKDOWN_ITEM.code,
                crate::rules::ambiguous_date::AmbiguousDate::INFO.code,
                crate::rules::invalid_time::InvalidTime::INFO.code,
            ]
        );
        assert_eq!(diags[1].span.slice(text), "01/07/2023");
        // A placeholder time keeps its entry (RS213 comes from the value later), so
        // converting the report does not lose it.
        assert_eq!(at(&tree, text, "/timeline/0/time"), "??:??");
        assert_eq!(
            at(&tree, text, "/timeline/0/text"),
            "A customer reports errors"
        );
    }
}
