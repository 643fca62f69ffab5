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

mod actions;
mod blocks;
mod body;
mod items;
mod sections;
mod table;
mod timeline;
mod view;

pub(crate) use blocks::*;
pub(crate) use body::*;
pub(crate) use items::*;
pub use sections::*;
pub(crate) use table::*;
pub(crate) use view::{View, is_commit_header, is_commit_line};

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
    let mut commit_message = false;
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
            // Another tool's front matter its own tool reads more loosely
            // (`title: Post-Mortem: Network outage`) is reported (RS001), and the
            // write-up under it is still read as written, so its findings are not
            // hidden behind one colon. Retrospec's own (a `status:`, a key only
            // the model has) stops here: fix it first.
            // Input past the limits (RS010) stops here too.
            let before = diags.len();
            let (node, unreadable) =
                match yaml::parse_limited(yaml_text, fm.yaml.start, limits, diags) {
                    Some(node) => (node, false),
                    None if freeform::looks_retrospec(yaml_text)
                        || diags[before..].iter().any(|d| d.code == codes::LIMIT.code) =>
                    {
                        return None;
                    }
                    None => (Node::new(fm.yaml, Value::Null), true),
                };
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
            let entries = if unreadable
                || freeform::is_foreign(&entries)
                || freeform::is_post(&entries, &text[fm.body_start..])
            {
                // The whole front matter, delimiters included: what lies in it
                // is the other tool's record.
                let end = fm.close.map_or(fm.yaml.end, |c| c.end);
                let mut r = Reading::new(Some(Span::new(fm.open.start, end)));
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
            if let Some((header, entries, message)) = freeform::commit::header(text, start) {
                reading = Some(Reading::new(Some(header)));
                commit_message = true;
                (entries, first_line, message)
            } else if let Some((toml, body)) = freeform::front::toml(text, start) {
                let mut r = Reading::new(Some(toml));
                let entries = freeform::front::toml_entries(text, toml, &mut r);
                reading = Some(r);
                (entries, toml, body)
            } else if let Some((record, entries)) =
                freeform::front::fenced_record(text, start, limits)
            {
                let mut r = Reading::new(Some(record));
                let entries = freeform::front::map(text, entries, &mut r);
                reading = Some(r);
                (entries, first_line, start)
            } else {
                reading = Some(Reading::new(None));
                (Vec::new(), first_line, start)
            }
        }
    };

    let body = &text[body_start..];
    let mut blocks = if commit_message {
        collect_view(body, body_start, &View::message(body))
    } else {
        collect_blocks(body, body_start)
    };
    let mut extra: Vec<(String, Field)> = aliases
        .iter()
        .filter_map(|(heading, field)| Some((normalise_heading(heading), field_named(field)?)))
        .collect();
    if let Some(r) = reading.as_mut() {
        r.scopes = freeform::scope::Scopes::read(text);
        let (normalised, implicit_timeline) = freeform::blocks::normalise(
            text,
            blocks,
            &extra,
            entries.iter().any(|e| e.key == "title"),
            &r.scopes,
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
        second_clocks: Vec::new(),
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
        r.evidence_entries = freeform::evidence_entries(text, &timeline.value);
        r.second_clocks = freeform::second_clocks(&timeline.value, &builder.second_clocks);
        r.first_date = freeform::date::date_first_entry(
            text,
            &mut timeline.value,
            &mut r.ambiguous_date,
            builder.diags,
        );
        r.kept_date_lines =
            freeform::date::kept_lines(text, &timeline.value, r.ambiguous_date, builder.diags);
        if let Some((zone, at)) = freeform::zone::stated_zone(text)
            .or_else(|| freeform::zone::window_zone(text, &timeline.value))
            .or_else(|| freeform::zone::first_entry_zone(text, &timeline.value))
            .or_else(|| freeform::zone::settled_zone(text))
        {
            freeform::zone::apply(&mut timeline.value, &zone);
            // Another tool's front matter (`resolvedWhen: 2025-11-04 15:10:00`) is
            // on the page's clock too.
            if let Some(milestones) = entries.iter_mut().find(|e| e.key == "milestones") {
                freeform::zone::apply_to_milestones(&mut milestones.value, &zone);
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ptr::Ptr;

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
            ("What we do now", Some(Field::ActionItems)),
            ("What we do", None),
            ("Quick facts[edit | edit source]", None),
            ("How to edit [edit]", None),
        ] {
            assert_eq!(field_for(heading, &[]), field, "{heading}");
        }
    }

    /// A numbered template's section numbers do not hide the heading's name; a
    /// number that is part of the name, or a heading that is only a number, does
    /// not name a field.
    #[test]
    fn numbered_headings_name_their_fields() {
        for (heading, field) in [
            ("1. Incident Summary", Some(Field::Summary)),
            ("2) Timeline of events", Some(Field::Timeline)),
            ("6.1 Action Items", Some(Field::ActionItems)),
            ("3 - Root cause", Some(Field::RootCause)),
            ("4: Impact", Some(Field::Impact)),
            ("10. Lessons learned", Some(Field::Lessons)),
            // Near-misses: the number belongs to the words, or nothing follows it.
            ("5 whys", None),
            ("2025 outage", None),
            ("1.", None),
            ("3.Timeline", None),
            ("100. Timeline", None),
        ] {
            assert_eq!(field_for(heading, &[]), field, "{heading}");
        }
    }

    /// A form's question headings name what they ask for; a question about
    /// something more specific does not.
    #[test]
    fn question_headings_name_what_they_ask_for() {
        for (heading, field) in [
            ("What was the impact?", Some(Field::Impact)),
            (
                "What was the timeline of the incident?",
                Some(Field::Timeline),
            ),
            (
                "What was the root cause of the incident?",
                Some(Field::RootCause),
            ),
            (
                "What were the root causes of this outage?",
                Some(Field::RootCause),
            ),
            (
                "What were the contributing factors?",
                Some(Field::ContributingFactors),
            ),
            ("What were the lessons learned?", Some(Field::Lessons)),
            // Near-misses: more specific questions, or not a question of the form.
            ("What was the impact on billing?", None),
            ("What is the timeline for the fix?", None),
            ("What was the incident?", None),
            ("Who was affected?", None),
            ("What was the", None),
        ] {
            assert_eq!(field_for(heading, &[]), field, "{heading}");
        }
    }

    /// A section without a field keeps a table whole: its rows' pipes, the empty
    /// last cell included.
    #[test]
    fn a_free_section_keeps_its_table_whole() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Budget\n\n| Item | Cost |\n|---|---|\n| Disks | 40 |\n| Spare | |\n\nThat was all.\n";
        let (tree, _) = parse_ok(text);
        let body = tree
            .pointer("/sections/0/body")
            .and_then(|(n, _)| n.as_str())
            .map(str::to_string);
        assert_eq!(
            body.as_deref(),
            Some("| Item | Cost |\n|---|---|\n| Disks | 40 |\n| Spare | |\n\nThat was all.")
        );
        // Headings with the words for follow-up work name the action items.
        for heading in ["Follow-up", "Follow up", "Follow-up tasks", "Followup"] {
            assert_eq!(
                field_for(heading, &[]),
                Some(Field::ActionItems),
                "{heading}"
            );
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

    /// In a report read as written, the text after an action list (a quoted earlier
    /// notice, a signature) is kept as a section of the same title, so `import`
    /// writes it; in retrospec's own Markdown the section is the list alone.
    #[test]
    fn a_thematic_break_between_blocks_is_kept_in_a_section() {
        let text = "# Booking widget\n\n## Ticket\n\nKind regards,\nEllie\n\n----------------\n\nTomasz Wrobel\n\nJul 16, 2025, 09:12 BST\n";
        let mut diags = Vec::new();
        let parsed =
            crate::parse::parse(text, crate::parse::Format::Markdown, &mut diags).expect("parses");
        let json = parsed.tree.to_json();
        let body = json["sections"][0]["body"].as_str().unwrap_or_default();
        assert_eq!(
            body,
            "Kind regards,\nEllie\n\n----------------\n\nTomasz Wrobel\n\nJul 16, 2025, 09:12 BST",
            "{json}"
        );
    }

    #[test]
    fn text_after_an_action_list_is_kept_in_a_report_read_as_written() {
        let section = "## What are we changing?\n\n- Keep 30 days of backups.\n- Add a second site.\n\nOur earlier notice:\n\n> We are looking into it.\n\n-- \nThe ops team\n";
        let free = format!("# Mail outage\n\nMail was down.\n\n{section}");
        let mut diags = Vec::new();
        let parsed =
            crate::parse::parse(&free, crate::parse::Format::Markdown, &mut diags).expect("parses");
        let json = parsed.tree.to_json();
        assert_eq!(
            json["action_items"].as_array().map(Vec::len),
            Some(2),
            "{json}"
        );
        let body = json["sections"][0]["body"].as_str().unwrap_or_default();
        assert_eq!(
            json["sections"][0]["title"], "What are we changing?",
            "{json}"
        );
        assert!(body.starts_with("Our earlier notice:"), "{json}");
        assert!(
            body.contains("We are looking into it.") && body.contains("The ops team"),
            "{json}"
        );
        let written =
            crate::emit::imported(&parsed, &free, crate::parse::Format::Markdown).expect("written");
        assert!(written.contains("We are looking into it."), "{written}");
        // Nothing after the list: no section.
        let bare = "# Mail outage\n\nMail was down.\n\n## Action items\n\n- Keep backups.\n";
        let parsed =
            crate::parse::parse(bare, crate::parse::Format::Markdown, &mut diags).expect("parses");
        assert!(parsed.tree.to_json().get("sections").is_none());
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
        let item = Ptr::action_item;
        for absent in [
            item(0).link(),
            item(1).link(),
            item(2).ticket(),
            item(3).ticket(),
        ] {
            assert_eq!(at(&tree, text, &absent), "<missing>");
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
                crate::codes::AMBIGUOUS_DATE.code,
                crate::codes::INVALID_TIME.code,
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
