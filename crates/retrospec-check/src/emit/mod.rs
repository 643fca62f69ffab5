//! Writing reports: the canonical JSON shape of a report as YAML, JSON or Markdown
//! with front matter, and canonical formatting of a report's text ([`tidy`]).
//!
//! Text out, no I/O. The writers take the report as JSON (the shape of the parsed
//! tree's `Node::to_json` or of a serialised [`retrospec_model::Postmortem`]),
//! not the typed model, so that nothing is lost on the way: a value the schema rejects
//! (`severity: high`) and an unknown key are written out like any other, and the
//! diagnostics about them stay the same in the new form.
//!
//! Keys are written in the model's field order ([`canonical_order`]); keys the model
//! does not know (`x-` extensions, mistakes) follow in the order they were written.

pub mod markdown;
pub mod tidy;
pub mod yaml;

use serde_json::{Map, Value as Json};

use crate::parse::Format;
use crate::span::Span;

/// Field order of each object of the model (`crate::order`, the one list).
pub(crate) use crate::order;

/// The report with every known object's keys in the model's order; unknown keys
/// keep their written order after the known ones. Values are untouched.
pub fn canonical_order(report: &Json) -> Json {
    let Json::Object(map) = report else {
        return report.clone();
    };
    let mut out = reorder(map, order::POSTMORTEM);
    for (key, keys) in [
        ("milestones", order::MILESTONES),
        ("impact", order::IMPACT),
        ("detection", order::DETECTION),
        ("lessons", order::LESSONS),
    ] {
        if let Some(Json::Object(inner)) = out.get(key) {
            let sorted = reorder(inner, keys);
            out.insert(key.into(), Json::Object(sorted));
        }
    }
    for (key, keys) in [
        ("timeline", order::TIMELINE_ENTRY),
        ("action_items", order::ACTION_ITEM),
        ("links", order::LINK),
        ("sections", order::SECTION),
    ] {
        if let Some(Json::Array(items)) = out.get_mut(key) {
            for item in items.iter_mut() {
                if let Json::Object(inner) = item {
                    *inner = reorder(inner, keys);
                }
            }
        }
    }
    Json::Object(out)
}

fn reorder(map: &Map<String, Json>, keys: &[&str]) -> Map<String, Json> {
    let mut out = Map::with_capacity(map.len());
    for key in keys {
        if let Some(v) = map.get(*key) {
            out.insert((*key).to_string(), v.clone());
        }
    }
    for (k, v) in map {
        if !keys.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// The canonical text of a report read as written (`retrospec import`, the editor's
/// "Convert to retrospec form"): its parsed tree (which holds the status read from
/// the text, `parse::freeform::status`; `status: draft` is added to a tree without
/// one), in `format`. `None` when the tree is not a mapping.
pub fn imported(parsed: &crate::parse::Parsed, text: &str, format: Format) -> Option<String> {
    let mut tree = parsed.tree.to_json();
    tree.as_object_mut()?
        .entry("status")
        .or_insert_with(|| Json::String("draft".into()));
    let kept = unplaced(text, parsed);
    if !kept.is_empty() {
        let section =
            serde_json::json!({"title": UNPLACED_TITLE, "body": unplaced_body(text, &kept)});
        match tree.get_mut("sections") {
            Some(Json::Array(sections)) => sections.push(section),
            _ => {
                tree.as_object_mut()?
                    .insert("sections".into(), Json::Array(vec![section]));
            }
        }
    }
    // Entries read from a log pasted in a fenced block: evidence, written as
    // inline code so the word rules skip them as they skipped the fence.
    let evidence = parsed
        .freeform
        .as_ref()
        .map_or(&[][..], |r| &r.evidence_entries[..]);
    // The other clock of a table with two side by side (`| UTC | Sydney (AEST) |`):
    // written beside the entry's text, so its season is still judged.
    let second = parsed
        .freeform
        .as_ref()
        .map_or(&[][..], |r| &r.second_clocks[..]);
    if let Some(Json::Array(entries)) = tree.get_mut("timeline") {
        for &i in evidence {
            if let Some(Json::String(text)) = entries.get_mut(i).and_then(|e| e.get_mut("text")) {
                *text = inline_code(text);
            }
        }
        for (i, _, clock) in second {
            if let Some(Json::String(text)) = entries.get_mut(*i).and_then(|e| e.get_mut("text")) {
                text.push_str(&format!(" ({clock})"));
            }
        }
    }
    // A zone the check adopted from the text's names ("as the pager does, in
    // PST"): written on the times without one, or the canonical report's times
    // would have none and its check would differ from the original's.
    if let Some(zone) = parsed
        .freeform
        .as_ref()
        .and_then(|r| r.adopted_zone.as_deref())
    {
        give_zone(&mut tree, zone);
    }
    // A write-up in a commit message: its words were read where `git log` put
    // them, four spaces in; the report written from them is not indented.
    if crate::parse::freeform::commit::header(text, 0).is_some() {
        without_commit_indent(&mut tree);
    }
    let written = write(&tree, format);
    let kept = parsed
        .freeform
        .as_ref()
        .map_or(&[][..], |r| &r.kept_date_lines[..]);
    Some(match format {
        Format::Markdown if !kept.is_empty() => with_date_lines(written, kept),
        _ => written,
    })
}

/// Every string of `value` with the indent `git log` gives a commit message's
/// lines taken off the lines after its first (the first was read from where its
/// words start).
fn without_commit_indent(value: &mut Json) {
    match value {
        Json::String(s) if s.contains("\n    ") => *s = s.replace("\n    ", "\n"),
        Json::Array(items) => items.iter_mut().for_each(without_commit_indent),
        Json::Object(map) => map.values_mut().for_each(without_commit_indent),
        _ => {}
    }
}

/// The [`unplaced`] lines as one section body: lines that stood together stay
/// together, and a blank line parts lines that had other text between them.
fn unplaced_body(text: &str, kept: &[Span]) -> String {
    let mut body = String::new();
    let mut last_end = None;
    for span in kept {
        if let Some(end) = last_end {
            let between: &str = &text[end..span.start];
            let apart =
                between.chars().any(|c| !c.is_whitespace()) || between.matches('\n').count() > 1;
            body.push_str(if apart { "\n\n" } else { "\n" });
        }
        body.push_str(span.slice(text).trim_end());
        last_end = Some(span.end);
    }
    body
}

/// `markdown` with each kept date line (`(entry index, line)`, see
/// [`crate::parse::freeform::date::kept_lines`]) written as a paragraph above
/// its entry in the `## Timeline` section, where the canonical grammar reads it
/// as a date line and checks it as the original's reading did. YAML and JSON
/// have no date lines; nor has a timeline the Markdown could not hold, written
/// in the front matter. The lines change no entry: if the text with them reads
/// back as another report, it is returned without them.
fn with_date_lines(markdown: String, kept: &[(usize, String)]) -> String {
    let Some(heading) = markdown.find("\n## Timeline\n") else {
        return markdown;
    };
    let body = heading + "\n## Timeline\n".len();
    let section_end = markdown[body..]
        .find("\n## ")
        .map_or(markdown.len(), |n| body + n + 1);
    let mut out = String::with_capacity(markdown.len() + 64);
    out.push_str(&markdown[..body]);
    let mut entry = 0;
    for line in markdown[body..section_end].split_inclusive('\n') {
        if line.starts_with("- ") {
            for (_, date) in kept.iter().filter(|(i, _)| *i == entry) {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(date);
                out.push_str("\n\n");
            }
            entry += 1;
        }
        out.push_str(line);
    }
    out.push_str(&markdown[section_end..]);
    let read =
        |text: &str| crate::parse::markdown::parse(text, &mut Vec::new()).map(|p| p.tree.to_json());
    if read(&out) == read(&markdown) {
        out
    } else {
        markdown
    }
}

/// `zone` spelt so the time grammar reads it back as the same zone: `UTC`, an
/// offset, an abbreviation, an IANA name (a region or a city word, "Pacific
/// time", is written as its zone's IANA name). `None` for an ambiguous or
/// unknown name, which is never adopted.
pub(crate) fn zone_spelling(zone: &crate::time::Zone) -> Option<String> {
    use crate::time::Zone;
    match zone {
        Zone::Utc => Some("UTC".to_string()),
        Zone::Offset(o) => {
            let s = o.seconds();
            let sign = if s < 0 { '-' } else { '+' };
            let s = s.unsigned_abs();
            Some(format!("{sign}{:02}:{:02}", s / 3600, s / 60 % 60))
        }
        Zone::Abbrev(a) => Some(a.name.to_string()),
        Zone::Iana(tz, _) => tz.iana_name().map(str::to_string),
        Zone::Ambiguous { .. } | Zone::Unknown(_) => None,
    }
}

/// Writes `zone` after each timeline time and each dated milestone written
/// without a zone.
fn give_zone(tree: &mut Json, zone: &str) {
    let zoneless = |s: &str, dated: bool| {
        crate::time::parse_time(s).is_ok_and(|p| p.zone.is_none() && (p.date.is_some() || !dated))
    };
    if let Some(Json::Array(entries)) = tree.get_mut("timeline") {
        for entry in entries {
            if let Some(Json::String(time)) = entry.get_mut("time")
                && zoneless(time, false)
            {
                *time = format!("{time} {zone}");
            }
        }
    }
    if let Some(Json::Object(milestones)) = tree.get_mut("milestones") {
        for value in milestones.values_mut() {
            if let Json::String(time) = value
                && zoneless(time, true)
            {
                *time = format!("{time} {zone}");
            }
        }
    }
}

/// `text` as one inline code span: delimited by a run of backticks longer than
/// any in it, padded with a space where it starts or ends with a backtick.
fn inline_code(text: &str) -> String {
    if text.trim().is_empty() {
        return text.to_string();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let ticks = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// The report written in `format`, keys in canonical order.
pub fn write(report: &Json, format: Format) -> String {
    let report = canonical_order(report);
    match format {
        Format::Json => to_json(&report),
        Format::Yaml => yaml::to_yaml(&report),
        Format::Markdown => markdown::to_markdown(&report),
    }
}

/// The typed model written in `format`.
pub fn write_model(model: &retrospec_model::Postmortem, format: Format) -> String {
    // Serialising the model's own types cannot fail (string keys, finite numbers).
    let json = serde_json::to_value(model).unwrap_or(Json::Null);
    write(&json, format)
}

/// Pretty JSON with two-space indentation and a final line break; a list of plain
/// values that fits on its line is written on one line (`["a", "b"]`), as in
/// `examples/complete.json`. serde_json writes the values; only the layout is ours.
pub fn to_json(report: &Json) -> String {
    let mut text = String::new();
    json_value(&mut text, report, 0);
    text.push('\n');
    text
}

/// The column the next character of `out` is written at.
fn column(out: &str) -> usize {
    out.rsplit('\n').next().map_or(0, |l| l.chars().count())
}

fn json_value(out: &mut String, value: &Json, n: usize) {
    let pad = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(' ', n));
    match value {
        Json::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            for (i, (k, v)) in map.iter().enumerate() {
                pad(out, n + 2);
                out.push_str(&Json::String(k.clone()).to_string());
                out.push_str(": ");
                json_value(out, v, n + 2);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            pad(out, n);
            out.push('}');
        }
        Json::Array(items) if !items.is_empty() => {
            let inline = items
                .iter()
                .all(|v| !v.is_object() && !v.is_array())
                .then(|| {
                    let parts: Vec<String> = items.iter().map(Json::to_string).collect();
                    format!("[{}]", parts.join(", "))
                });
            match inline {
                Some(line) if column(out) + line.chars().count() <= 80 => out.push_str(&line),
                _ => {
                    out.push_str("[\n");
                    for (i, v) in items.iter().enumerate() {
                        pad(out, n + 2);
                        json_value(out, v, n + 2);
                        out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                    }
                    pad(out, n);
                    out.push(']');
                }
            }
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The first diagnostic that makes a report unsafe to write again: a syntax error, a
/// duplicate key (the second value is not in the tree), an anchor, a tag, a second
/// document or a broken front matter. `fmt` and `convert` refuse such a report.
pub fn syntax_error(diagnostics: &[crate::Diagnostic]) -> Option<&crate::Diagnostic> {
    use crate::codes;
    let syntax = [
        codes::SYNTAX.code,
        codes::DUPLICATE_KEY.code,
        codes::YAML_ANCHOR.code,
        codes::YAML_TAG.code,
        codes::MULTIPLE_DOCUMENTS.code,
        codes::FRONT_MATTER.code,
    ];
    diagnostics.iter().find(|d| syntax.contains(&d.code))
}

/// Lines of `text` holding words that no value of the parsed tree came from: YAML
/// comments, Markdown HTML comments, paragraphs the Markdown grammar ignores (an
/// introduction in the action items section), table headers. Writing the report in
/// another form from its tree leaves them out, so callers say so.
///
/// Returned as the span of each such line (without its line break), in order. Date
/// lines in a Markdown timeline are not listed: their date is carried by the times.
pub fn not_carried(text: &str, parsed: &crate::parse::Parsed) -> Vec<crate::Span> {
    let covered = covered(parsed);
    // An Org report was read as the Markdown its marks correspond to: its words
    // are looked for there (`#+TITLE:` is the title's mark, not a word left out),
    // and a line that reading left blank (a comment, `#+STARTUP:`, a clock
    // record) is not carried, with what it says as written.
    let org = crate::parse::org::as_markdown(text);
    let read = org.as_deref().unwrap_or(text);
    // Whether `text[from..to]` has a word character outside the covered
    // intervals: only the gaps between them are read (a check of each character
    // made a report whose Summary is one 200 KB line cost 23 M instructions).
    let uncovered_word = |from: usize, to: usize| {
        let mut pos = from;
        let mut idx = covered.partition_point(|&(_, e)| e <= from);
        let has_word = |a: usize, b: usize| {
            read.get(a..b)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        };
        while pos < to {
            match covered.get(idx) {
                Some(&(s, e)) if s < to => {
                    if s > pos && has_word(pos, s) {
                        return true;
                    }
                    pos = pos.max(e);
                    idx += 1;
                }
                _ => return has_word(pos, to),
            }
        }
        false
    };
    let mut out = Vec::new();
    let lines: Vec<Span> = lines(text).collect();
    for (i, &span) in lines.iter().enumerate() {
        let (start, line) = (span.start, span.slice(text));
        let blanked =
            org.is_some() && span.slice(read).trim().is_empty() && !line.trim().is_empty();
        if blanked {
            // A drawer's marks (`:PROPERTIES:`, `:END:`) are structure.
            let mark = line.trim();
            let drawer = mark.len() > 2
                && mark.starts_with(':')
                && mark.ends_with(':')
                && mark[1..mark.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic());
            if !drawer {
                out.push(span);
            }
            continue;
        }
        let uncovered = uncovered_word(start, span.end);
        if !uncovered {
            continue;
        }
        let bare = line
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_end_matches(':');
        if crate::time::parse_date_line(bare).is_some() {
            continue;
        }
        // A fence's opening line and its language (```` ```text ````): markup.
        let fence = line.trim_start();
        if (fence.starts_with("```") || fence.starts_with("~~~"))
            && !fence
                .trim_start_matches(['`', '~'])
                .trim()
                .contains(char::is_whitespace)
        {
            continue;
        }
        let next = lines.get(i + 1).map_or("", |l| l.slice(text).trim());
        if table_header(line.trim_start(), next) {
            continue;
        }
        out.push(span);
    }
    out
}

/// The lines of `text`, each without its line break. `\n`, `\r\n` and a lone `\r`
/// end a line, as in YAML 1.2, CommonMark and [`crate::span::LineIndex`]: a line
/// model that missed the lone `\r` would see two YAML lines as one (a comment and
/// the key after it), and an edit of that "line" would copy or drop the key.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let (len, brk) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (i, 2),
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let line = Span::new(pos, pos + len);
        pos += len + brk;
        Some(line)
    })
}

/// The byte ranges the parsed tree's keys and leaf values came from, merged into
/// disjoint intervals in order, so each lookup is one binary search.
fn covered(parsed: &crate::parse::Parsed) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    collect_spans(&parsed.tree, &mut spans);
    // A table's second clock, which `import` writes beside its entry's text.
    if let Some(r) = &parsed.freeform {
        spans.extend(
            r.second_clocks
                .iter()
                .map(|(_, cell, _)| (cell.start, cell.end)),
        );
    }
    spans.sort_unstable();
    let mut covered: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match covered.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => covered.push((start, end)),
        }
    }
    covered
}

/// The title of the section `import` keeps [`unplaced`] lines under.
pub const UNPLACED_TITLE: &str = "Not placed by import";

/// Lines of a report read as written that no value of its tree came from at all
/// and that say something: a sentence after a timeline table, a placeholder
/// (`<insert graph>`), a mail's `From:` line. `import` keeps them, as written,
/// in a last section titled [`UNPLACED_TITLE`] (nothing the user wrote is lost, and
/// the check reads them there as it read them in the original), so the writer can
/// move them where they belong.
///
/// Left out, as [`not_carried`] still names them: lines with some of their words
/// carried (a numbered item's number, a date line's time), another tool's front
/// matter, headings (`#`, setext, a bold or numbered title, a title in capitals),
/// and lines of markup alone (HTML tags, comments). A report in retrospec's own
/// form has none.
pub fn unplaced(text: &str, parsed: &crate::parse::Parsed) -> Vec<crate::Span> {
    let Some(reading) = parsed.freeform.as_ref() else {
        return Vec::new();
    };
    let covered = covered(parsed);
    // An Org report's lines as they were read (`not_carried`): what that reading
    // left blank is not kept.
    let org = crate::parse::org::as_markdown(text);
    let text = org.as_deref().unwrap_or(text);
    // Lines whose words the reader used without carrying them: a stated zone
    // ("All times UTC."), a date for the entries, another tool's front matter.
    let used: Vec<Span> = [
        reading.foreign_front_matter,
        reading.stated_zone,
        reading.ambiguous_zone,
        reading.first_date,
        reading.ambiguous_date,
    ]
    .into_iter()
    .flatten()
    .collect();
    let lines: Vec<Span> = lines(text).collect();
    let slice = |i: usize| lines.get(i).map_or("", |l| l.slice(text).trim());
    let uncovered = |span: Span| {
        let at = covered.partition_point(|&(_, e)| e <= span.start);
        covered
            .get(at)
            .is_none_or(|&(s, _)| s >= span.end.max(span.start + 1))
            && !used
                .iter()
                .any(|u| u.start < span.end && span.start < u.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = slice(i);
        // A fenced block is kept whole or not at all: a fence kept without its
        // closing line would swallow what the writer puts after it.
        if let Some(fence) = fence_of(line) {
            let close = (i + 1..lines.len())
                .find(|&j| slice(j).starts_with(fence))
                .unwrap_or(lines.len() - 1);
            if (i..=close)
                .any(|j| slice(j).chars().any(char::is_alphanumeric) && uncovered(lines[j]))
            {
                out.extend_from_slice(&lines[i..=close]);
            }
            i = close + 1;
            continue;
        }
        i += 1;
        let span = lines[i - 1];
        if !line.chars().any(char::is_alphanumeric) || !uncovered(span) {
            continue;
        }
        let next = slice(i);
        let underlined =
            next.len() >= 2 && (next.bytes().all(|b| b == b'=') || next.bytes().all(|b| b == b'-'));
        let header = table_header(line, next);
        let standalone = (i == 1 || slice(i - 2).is_empty()) && next.is_empty();
        if line.starts_with('#')
            || underlined
            || header
            || (standalone && titled(line))
            || markup_only(line)
        {
            continue;
        }
        out.push(span);
    }
    out
}

/// Whether `line` is a table's header, its delimiter row `next` after it: the
/// columns are structure, not text to carry.
fn table_header(line: &str, next: &str) -> bool {
    line.starts_with('|')
        && next.starts_with('|')
        && next
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The run of backticks or tildes opening a fenced block on `line`, if it does.
fn fence_of(line: &str) -> Option<&str> {
    let marker = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let run = line.len() - line.trim_start_matches(marker).len();
    (run >= 3).then(|| &line[..run])
}

/// A line standing alone that reads as a title rather than text: bold alone
/// (`**Impact**`), numbered (`5. ACTIONS`, `2.1 Timeline`) with a few words and
/// no sentence's end, or a few words in capitals.
fn titled(line: &str) -> bool {
    let bold = ["**", "__"]
        .iter()
        .any(|m| line.len() > 4 && line.starts_with(m) && line.trim_end_matches(':').ends_with(m));
    let words = line.split_whitespace().count();
    let numbered = line.starts_with(|c: char| c.is_ascii_digit())
        && line.split_whitespace().next().is_some_and(|n| {
            n.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b')')
        })
        && words <= 6
        && !line.ends_with(['.', '!', '?']);
    let capitals = words <= 6
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase);
    bold || numbered || capitals
}

/// A line of HTML tags and comments only (`<tbody>`, `</code>`, `<!-- wp:list -->`):
/// markup that renders as nothing. A bracketed phrase that is no known element
/// (`<insert graph of the error rate>`) is text.
fn markup_only(line: &str) -> bool {
    const ELEMENTS: &[&str] = &[
        "a", "b", "br", "code", "details", "div", "em", "figure", "hr", "i", "img", "li", "ol",
        "p", "pre", "span", "strong", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    ];
    let mut rest = line.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return false;
            };
            rest = after[end + 3..].trim_start();
            continue;
        }
        let Some(inner) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(end) = inner.find('>') else {
            return false;
        };
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
            return false;
        }
        rest = inner[end + 1..].trim_start();
    }
    true
}

fn collect_spans(node: &crate::tree::Node, out: &mut Vec<(usize, usize)>) {
    use crate::tree::Value;
    // Leaves and keys only: a mapping's span covers the comments inside it.
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| collect_spans(n, out)),
        Value::Map(entries) => {
            for e in entries {
                out.push((e.key_span.start, e.key_span.end));
                collect_spans(&e.value, out);
            }
        }
        _ => out.push((node.span.start, node.span.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines [`unplaced`] keeps of a free-form Markdown report.
    fn kept(text: &str) -> Vec<&str> {
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        unplaced(text, &parsed)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    /// A table's second clock column (`Sydney (AEST)`) is written beside each
    /// entry's text, and its cells are carried, not named as left out.
    #[test]
    fn import_writes_a_second_clock_column_beside_the_entries() {
        let text = "# Push delays\n\nOn 14 January 2025 pushes were late.\n\n## Timeline\n\n\
                    | UTC (13 Jan) | Sydney (AEST) | Event |\n|---|---|---|\n\
                    | 19:00 | 06:00 | Gateway scaled down |\n| 20:45 | 07:45 | Delay alert fires |\n";
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        assert!(
            written.contains("- 2025-01-13 19:00 UTC Gateway scaled down (06:00 AEST)\n"),
            "{written}"
        );
        assert!(
            written.contains("Delay alert fires (07:45 AEST)"),
            "{written}"
        );
        assert!(not_carried(text, &parsed).is_empty());
        // One clock column: nothing is added.
        let one = "# Push delays\n\nOn 14 January 2025 pushes were late.\n\n## Timeline\n\n\
                   | UTC | Event |\n|---|---|\n| 19:00 | Gateway scaled down at 06:00 |\n| 20:45 | Alert |\n";
        let parsed = crate::check(one, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, one, Format::Markdown).expect("a mapping");
        assert!(written.contains("scaled down at 06:00\n"), "{written}");
    }

    #[test]
    fn import_keeps_what_the_reader_placed_nowhere_in_a_last_section() {
        let text = "# Payouts late\n\nAll times UTC, 2025-03-04.\n\n## Timeline\n\n\
                    | Time | Event |\n|---|---|\n| 08:12 | Exports fail |\n| 08:57 | Exports pass |\n\n\
                    <insert graph of the error rate>\n\n<tbody>\n\n\
                    ```mermaid\ngantt\n    section Exports\n```\n\n\
                    ## Root cause\n\nA grant was missing.\n";
        assert_eq!(
            kept(text),
            [
                "<insert graph of the error rate>",
                "```mermaid",
                "gantt",
                "    section Exports",
                "```",
            ]
        );
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        let section = written
            .split_once("## Not placed by import\n\n")
            .map(|(_, s)| s)
            .expect("the section");
        assert_eq!(
            section,
            "<insert graph of the error rate>\n\n```mermaid\ngantt\n    section Exports\n```\n"
        );
        // The check reads the placeholder there, as it did in the original.
        let again = crate::check(&written, Format::Markdown);
        assert!(
            again.diagnostics.iter().any(|d| d.code == "RS401"),
            "{written}"
        );
        // Everything placed, nothing kept; a report in retrospec's form has none.
        let placed =
            "# Payouts late\n\n## Summary\n\nExports failed.\n\n## Root cause\n\nA grant.\n";
        assert!(kept(placed).is_empty());
        let parsed = crate::check(placed, Format::Markdown)
            .parsed
            .expect("parses");
        let written = imported(&parsed, placed, Format::Markdown).expect("a mapping");
        assert!(!written.contains("Not placed"), "{written}");
        assert!(kept(&written).is_empty());
    }

    #[test]
    fn titles_and_markup_are_not_text_to_keep() {
        for line in ["**Notes**", "5. ACTIONS", "2.1 Timeline", "FOLLOW UP"] {
            assert!(titled(line), "{line}");
        }
        for line in [
            "The export failed at 08:12.",
            "1. We restored it.",
            "Call Dana",
        ] {
            assert!(!titled(line), "{line}");
        }
        for line in ["<tbody>", "</code>", "<!-- wp:list -->", "<tr><td>"] {
            assert!(markup_only(line), "{line}");
        }
        for line in ["<insert graph>", "<td>08:12</td>", "<!-- open"] {
            assert!(!markup_only(line), "{line}");
        }
    }

    /// The timeline entries `imported` writes for `text` (a free-form Markdown report).
    fn imported_timeline(text: &str) -> Vec<String> {
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        written
            .lines()
            .skip_while(|l| *l != "## Timeline")
            .skip(1)
            .take_while(|l| !l.starts_with("## "))
            .filter(|l| l.starts_with("- "))
            .map(str::to_string)
            .collect()
    }

    /// The codes `crate::check` reports for `text`.
    fn codes(text: &str) -> Vec<&'static str> {
        crate::check(text, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    /// A date line whose weekday the date does not fall on, or a slashed date
    /// with two readings, is kept above its entries, where the canonical check
    /// reports it as the check of the original did; a date line that says no
    /// more than its date is folded into the entries.
    #[test]
    fn date_lines_that_say_more_than_their_date_are_kept() {
        let text = "# Readings late\n\nTimes are AEST. 2025-07-17.\n\n## Timeline\n\n\
                    ### Thursday 17 July\n\n- 08:00 upgrade starts\n- 08:40 lag alert fires\n\n\
                    ### Sunday 19 July\n\n- 05:30 backlog cleared\n";
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        assert!(
            written.contains("[detected]\n\nSunday 2025-07-19\n\n- 2025-07-19 05:30"),
            "{written}"
        );
        assert!(!written.contains("Thursday"), "{written}");
        assert!(codes(text).contains(&"RS216"));
        assert!(codes(&written).contains(&"RS216"), "{written}");
        // YAML has no date lines.
        let yaml = imported(&parsed, text, Format::Yaml).expect("a mapping");
        assert!(!yaml.contains("Sunday"), "{yaml}");
        // The right weekday: nothing kept, nothing found.
        let right = text.replace("Sunday 19", "Saturday 19");
        let parsed = crate::check(&right, Format::Markdown)
            .parsed
            .expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        assert!(!written.contains("Saturday"), "{written}");
        assert!(!codes(&written).contains(&"RS216"), "{written}");

        // A date with two readings, given for the incident: written above the
        // undated entries; one finding (RS214), not another for each entry.
        let text = "# Calls dropping\n\nDate of incident: 03/04/2025\nTimes are Chicago time.\n\n\
                    ## Timeline\n\n- 13:05 update finishes\n- 13:40 alert fires\n";
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        assert!(
            written.contains("## Timeline\n\n03/04/2025\n\n- 13:05"),
            "{written}"
        );
        for report in [text, written.as_str()] {
            let found = codes(report);
            assert!(found.contains(&"RS214"), "{report}: {found:?}");
            assert!(!found.contains(&"RS206"), "{report}: {found:?}");
        }
    }

    /// A chat's export, each line led by its time in brackets, is a timeline; two
    /// bracketed lines are not, nor are lines with a bracketed note.
    #[test]
    fn a_chat_export_is_a_timeline() {
        let text = "# Checkout slow\n\nTimes are EDT, Tuesday 20 May 2025.\n\n\
                    [2:03 PM] PagerBot: TRIGGERED p95 > 2s\n[2:05 PM] Marcus Lee: ack, looking\n\
                    [3:14 PM] Dana: calling it resolved\n";
        assert_eq!(
            imported_timeline(text),
            [
                "- 2025-05-20 2:03 PM EDT PagerBot: TRIGGERED p95 > 2s",
                "- 2:05 PM EDT Marcus Lee: ack, looking",
                "- 3:14 PM EDT Dana: calling it resolved [resolved]",
            ]
        );
        let text = "# Checkout slow\n\nTimes are EDT.\n\n[2:03 PM] PagerBot: x\n[see the log] y\n[3:14 PM] Dana: z\n";
        assert!(imported_timeline(text).is_empty());
    }

    /// A tracker's task lines, each with its assignee, are action items, one a
    /// line; `Unassigned` is no owner.
    #[test]
    fn task_lines_with_assignees_are_action_items() {
        let text = "# Gateway 503s\n\n## Sub-tasks\n\n  OPS-2292  Alert on inodes   Assignee: Mirela Costa   Status: Open\n  OPS-2293  Raise the inode ratio   Assignee: Unassigned   Status: Open\n";
        let found = codes(text);
        assert_eq!(
            found.iter().filter(|c| **c == "RS301").count(),
            1,
            "{found:?}"
        );
    }

    /// An entry whose time is not known yet (`??:??`, `[time TBD]`) is written
    /// with its placeholder, which the canonical grammar reads (RS213).
    #[test]
    fn entries_with_an_unknown_time_are_written() {
        let text = "# Scanners offline\n\nAll times CET, 2025-02-26.\n\n## Timeline\n\n\
                    - 06:05 first scanner offline\n- ??:?? hotline called\n\
                    - [time TBD] firmware pushed\n- 10:45 all scanners back\n";
        assert_eq!(
            imported_timeline(text),
            [
                "- 2025-02-26 06:05 CET first scanner offline",
                "- ??:?? hotline called",
                "- [time TBD] firmware pushed",
                "- 10:45 CET all scanners back",
            ]
        );
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        let found = codes(&written);
        assert_eq!(
            found.iter().filter(|c| **c == "RS213").count(),
            2,
            "{found:?}"
        );
    }

    /// A log pasted as an indented code block inside a section's prose stays a
    /// code block when written back: its first line keeps its indentation, so no
    /// line of it joins the paragraph above and reads as prose (a `TODO` in the
    /// log would become a placeholder).
    #[test]
    fn an_indented_log_in_a_section_stays_code() {
        let text = "# Mirror outage\n\n## What happened\n\nClients saw this:\n\n    rsync: connection refused\n    [09:12:03] apt: TODO retry later\n\nWe moved traffic.\n";
        let parsed = crate::check(text, Format::Markdown).parsed.expect("parses");
        let written = imported(&parsed, text, Format::Markdown).expect("a mapping");
        assert!(
            written.contains("Clients saw this:\n\n    rsync: connection refused\n    [09:12:03]"),
            "{written}"
        );
        let again = crate::check(&written, Format::Markdown);
        assert!(
            again.diagnostics.iter().all(|d| d.code != "RS401"),
            "{:?}",
            again.diagnostics
        );
    }

    /// A log pasted in a fence under the Timeline heading, or a chat pasted as a
    /// quote, is evidence: its entries are written as inline code; the author's
    /// own entries, or a fence beside a timeline of the author's, are not touched.
    #[test]
    fn imported_entries_of_a_fenced_log_are_code() {
        let head = "# Cache outage\n\nTuesday 4 March 2025, times UTC.\n\n## Summary\n\nBuilds failed.\n\n## Timeline\n\n";
        for fence in ["```", "~~~", "```text", "````log"] {
            let close = fence.trim_end_matches(char::is_alphabetic);
            let text = format!(
                "{head}{fence}\n09:02 disk full, TODO clean\n09:10 `x` should have looked\n09:42 cleaned\n{close}\n"
            );
            assert_eq!(
                imported_timeline(&text),
                [
                    "- 2025-03-04 09:02 UTC `disk full, TODO clean`",
                    "- 09:10 UTC `` `x` should have looked ``",
                    "- 09:42 UTC `cleaned`",
                ],
                "{fence}"
            );
        }
        // A chat or log pasted as a quote: evidence too.
        for body in [
            "> 09:02 dana: disk full, TODO clean\n> 09:42 dana: cleaned\n",
            "> **09:02** dana: disk full, TODO clean\n>\n> **09:42** dana: cleaned\n",
            "> [09:02] dana: disk full, TODO clean\n> [09:42] dana: cleaned\n",
        ] {
            let entries = imported_timeline(&format!("{head}{body}"));
            assert_eq!(entries.len(), 2, "{body:?}");
            assert!(
                entries[0].ends_with("`dana: disk full, TODO clean`"),
                "{entries:?}"
            );
        }
        // The author's list, and a list in a quote (the word rules read it, as
        // they read no log in it): the words stay as written.
        for body in [
            "- 09:02 disk full, TODO clean\n- 09:42 cleaned\n",
            "> - 09:02 dana: disk full, TODO clean\n> - 09:42 dana: cleaned\n",
        ] {
            let entries = imported_timeline(&format!("{head}{body}"));
            assert_eq!(entries.len(), 2, "{body:?}");
            assert!(entries.iter().all(|e| !e.contains('`')), "{entries:?}");
        }
        // A fence beside the author's own entries is evidence left out of the timeline.
        let entries = imported_timeline(&format!(
            "{head}- 09:02 disk full\n- 09:42 cleaned\n\n```\n09:05 TODO\n09:06 x\n09:07 y\n```\n"
        ));
        assert_eq!(
            entries,
            ["- 2025-03-04 09:02 UTC disk full", "- 09:42 UTC cleaned"]
        );
    }

    #[test]
    fn inline_code_is_delimited_by_a_longer_run() {
        assert_eq!(inline_code("a b"), "`a b`");
        assert_eq!(inline_code("a `b` c"), "``a `b` c``");
        assert_eq!(inline_code("`b` c"), "`` `b` c ``");
        assert_eq!(inline_code("a ``b``"), "``` a ``b`` ```");
        assert_eq!(inline_code(""), "");
    }

    fn lines_not_carried(text: &str, format: Format) -> Vec<String> {
        let checked = crate::check(text, format);
        let parsed = checked.parsed.expect("parses");
        not_carried(text, &parsed)
            .into_iter()
            .map(|s| s.slice(text).to_string())
            .collect()
    }

    #[test]
    fn comments_and_ignored_paragraphs_are_found() {
        let yaml = "# yaml-language-server: x\ntitle: T # trailing\nstatus: draft\n# own line\nsummary: |\n  # not a comment\n  text\n";
        assert_eq!(
            lines_not_carried(yaml, Format::Yaml),
            [
                "# yaml-language-server: x",
                "title: T # trailing",
                "# own line"
            ]
        );
        let md = "---\ntitle: T\nstatus: draft # why\n---\n\n<!-- note -->\n\n## Timeline\n\n### 2024-06-10\n\n- 16:05 CEST Start [started]\n\n## Action items\n\nWe agreed on these:\n\n- [ ] Fix it (owner: me)\n\n| Time | Event |\n|---|---|\n";
        assert_eq!(
            lines_not_carried(md, Format::Markdown),
            [
                "status: draft # why",
                "<!-- note -->",
                "We agreed on these:"
            ]
        );
        assert!(
            lines_not_carried("{\"title\": \"T\", \"status\": \"draft\"}", Format::Json).is_empty()
        );
    }

    /// `convert` on YAML mixing `\n`, `\r\n` and a lone `\r` (values spanning the
    /// breaks, a CR inside a quoted value): every form reads back as the same tree,
    /// and the written text has no lone CR.
    #[test]
    fn crlf_and_lone_cr_yaml_converts_and_reads_back() {
        for text in [
            "# yaml-language-server: x\rtitle: Search results delayed after\r\n rebuild\nstatus: draft\r\n",
            "title: \"a\\rb\"\rstatus: draft\r\nsummary: |\r  one\r\n  two\r",
        ] {
            let checked = crate::check(text, Format::Yaml);
            assert!(syntax_error(&checked.diagnostics).is_none(), "{text:?}");
            let tree = checked.parsed.expect("parses").tree.to_json();
            for to in [Format::Yaml, Format::Json, Format::Markdown] {
                let written = write(&tree, to);
                assert!(!written.contains('\r'), "{to:?}: {written:?}");
                let back = crate::check(&written, to).parsed.map(|p| p.tree.to_json());
                assert_eq!(back.as_ref(), Some(&tree), "{to:?}: {written:?}");
            }
        }
    }

    /// A lone CR ends a line, as in the parsers: the comment between two is one line
    /// of its own, and the keys around it are carried.
    #[test]
    fn a_lone_cr_ends_a_line() {
        assert_eq!(
            lines_not_carried(
                "# yaml-language-server: x\rtitle: T\r# own line\r\nstatus: draft\n",
                Format::Yaml
            ),
            ["# yaml-language-server: x", "# own line"]
        );
        assert_eq!(
            lines("a\r\nb\rc\n\nd")
                .map(|s| s.slice("a\r\nb\rc\n\nd"))
                .collect::<Vec<_>>(),
            ["a", "b", "c", "", "d"]
        );
    }

    /// The key lists follow the schema's property order, so output reads like the model.
    #[test]
    fn key_order_follows_the_schema() {
        let schema = retrospec_model::schema::postmortem_schema();
        let props = |v: &Json| -> Vec<String> {
            v["properties"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        assert_eq!(props(&schema), order::POSTMORTEM);
        let defs = &schema["$defs"];
        for (def, keys) in [
            ("Milestones", order::MILESTONES),
            ("Impact", order::IMPACT),
            ("Detection", order::DETECTION),
            ("TimelineEntry", order::TIMELINE_ENTRY),
            ("Lessons", order::LESSONS),
            ("ActionItem", order::ACTION_ITEM),
            ("Link", order::LINK),
            ("Section", order::SECTION),
        ] {
            assert_eq!(props(&defs[def]), keys, "{def}");
        }
    }
}
