use std::sync::LazyLock;

use crate::lean::Lean;

use crate::diagnostic::Diagnostic;
use crate::parse::Format;
use crate::rules::words::{Literals, WordList};
use crate::rules::{Context, Rule, declare_rule};
use crate::tree::{Node, Value};

mod gaps;
mod instructions;
mod redacted;

use instructions::{instructed_slot, task_state};
use redacted::redacted;

declare_rule! {
    /// Placeholder text (`TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, `???`, `lorem ipsum`,
    /// `<service name>`, `[insert graph]`, a bare `[link]` or one that names its link
/// (`[postmortem link]`, `[link to the ticket]`), a template's slot such as `[Name]` or
    /// `[Your name]`, `{{template_variable}}`) in a report that is in
    /// review or published. A reminder in angle brackets on its own line (`<insert
    /// graph here>`), which Markdown reads as HTML, is found too.
    ///
    /// ## Why
    /// A placeholder is a gap the author meant to fill. Drafts may have them; a
    /// report that goes to reviewers or readers must not.
    ///
    /// Redacted data is not a gap: a word that is part of a longer token
    /// (`10.0.xxx.yyy`, `XXXX-XXXX-4411`, `todo-service`), `****`, `[REDACTED]`
    /// and a slot that names a redaction (`<redacted>`, `<customer-id-masked>`)
    /// are not reported, nor is the mail-merge field of a letter the team sent
    /// (`Dear <Customer Name>,`: every copy had it filled in), while `TODO`, `TBD`, `XXX` standing alone, `<insert
    /// ...>` and `Lorem ipsum` are. Nor is anything in code, a quoted log, an
    /// earlier mail quoted under `On ..., Owen wrote:` or a URL (`# TODO` in a code
    /// block, `> TODO (me): ring the bank`, `https://wiki.example/TODO`): it is quoted, not
    /// the author's gap. `???` right after a word (`was it down???`) is emphasis;
    /// standing alone it is a gap. A value that is only a placeholder (`due: TBD`)
    /// is this finding alone, not also a date of the wrong form (RS105).
    ///
    /// A template's phase marker filled in beside a timeline entry (the SRE book's
    /// `<OUTAGE BEGINS>` and `<OUTAGE ENDS>`, `<IMPACT MITIGATED>`, `<START OF
    /// OUTAGE>`) is structure, not a gap: the incident or its impact and what
    /// happened to it, and nothing else. A slot that asks for something (`<outage
    /// start time>`, `<describe when the outage began>`) still is one.
    ///
    /// An honest unknown is not a gap either: a `TBC`, `TBD` or `TBA` whose line (a
    /// table row, a sentence) says why the value is not known yet or where that is
    /// explained (`06:05–TBC | end time still being reconciled with the partner`,
    /// `TBD, pending the vendor's report`, `TBC (see note)`, `TBD. Finance decides
    /// on Friday's billing run; @marcus will post the answer here`) is reported no more,
    /// nor is one that is what a date is in a sentence (`the vendor's fix date is
    /// still TBD`, `the ETA remains TBC`): a date nobody has given yet.
    /// A bare `Root cause: TBD` still is, and so is `TODO`, however explained.
    ///
    /// A template's token for a missing number is a gap too: `[number]`, `[number from support]`, `[Number
    /// of users]`, `[N]`, `[XX]`, and `xx` or `XX` standing where a number belongs
    /// (`xx users`, `about XX appointments`, `xx%`); a redacted token (`user_xx`,
    /// `10.0.xx.yy`), a ticked checkbox (`[x]`) and a Roman numeral (`Super Bowl
    /// XX`) are not. A placeholder word in underscore emphasis (`_TODO_` left as a
    /// section's content) is found as in asterisks.
    ///
    /// A placeholder word used for what it names is not a gap either: a label over
    /// a list or a table (`Todo:`, `**TODO**`, `### Todo`, `Still TBD:` above a
    /// checklist), a link's text (`[TODO list](https://...)`), a word that names a
    /// thing (`the todo app`, `a TODO comment`, `the TODO in the retry handler`,
    /// `TODO and FIXME markers`), a table's header cell, or a `todo` in a Status
    /// column. A value left unfilled (`Owner: TBD`, `**Root cause:** TODO`,
    /// `Estimated lost orders: TBD (finance to confirm)`) still is one. A `TODO`
    /// leading a follow-up where the report leads others with `DONE` (`**DONE**:
    /// probes added`, `**TODO**: alert on failed units`) is that follow-up's state;
    /// a `TODO` with nothing after it is still a gap. A slot the text tells its
    /// reader to fill in (`Replace <your-user-name> by your login`, `where <host>
    /// is the server's name`) is an instruction, not a gap.
    ///
    /// A template variable left unfilled (`{{affected_accounts}}`, `{{ name }}`: one
    /// bare name between double braces) is a gap too. A site generator's expression
    /// is not: `{{ site.title }}`, `{{ page.date }}`, Hugo's `{{ .Title }}` and
    /// anything with a filter (`{{ x | date }}`) are read by Jekyll or Hugo when the
    /// page is built, and `{% include %}` tags are not variables at all.
    ///
    /// A report read as written (no retrospec front matter) is checked unless it
    /// says it is a draft: a `Status: Draft` line, `draft` in its title, a `DRAFT`
    /// banner near the top or a front matter `draft: true` (see `docs/import.md`).
    ///
    /// An organisation's own placeholder words (`placeholders` in the `[words]`
    /// table of `retrospec.toml`, for example `to be confirmed`) are matched beside
    /// the built-in ones, case-insensitively and as whole words.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// status: published
    /// ---
    /// ## Root cause
    /// TBD
    /// ```
    pub struct Placeholder = "RS401", "placeholder", Error, from: InReview;
}

/// Placeholder words and `<...>` slots. An angle-bracket slot is two or more words
/// or a single word that is not an HTML tag; URLs (`<https://...>`) never match.
static PATTERN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:TODO|TBD|TBA|TBC|FIXME|XXX)\b|\?\?\?|\blorem ipsum\b|<(?:[a-z][a-z0-9_-]*(?: [a-z0-9_-]+)+|\.\.\.|…)>|\[(?:insert|fill in)\b[^\]\n]{0,60}\]|\[(?:[a-z][a-z0-9-]*[ \t]){0,3}(?:link|url)(?:[ \t]here)?\]|\[(?:link|url)[ \t](?:to|for|of)[ \t][^\]\n]{1,60}\]|\{\{\s*[a-z_][a-z0-9_]*\s*\}\}")
        .expect("the placeholder pattern is valid")
});
/// A literal superset of both patterns (the same case folding: no letter here has a
/// non-ASCII case variant): most strings contain none of these, and a literal
/// search is far cheaper than the word-boundary patterns.
///
/// It also runs once on the whole text of a YAML or JSON report: every string value
/// there is the text as written, but for escapes (`\`) and line folding, which
/// joins lines with a space (hence `lorem` alone). That rules out most reports,
/// where a search per string cost a tenth of a whole check. Markdown is not
/// prefiltered so: its strings lose inline markup (`**TO**DO`) and entities (`&lt;`).
/// An automaton over lowercased text, not a case-insensitive regex, which searched
/// at 14 instructions a byte. `<` is searched on its own (`maybe`): a one-byte
/// literal among more than 16 makes the packed (SIMD) searcher decline the set,
/// and the DFA built instead cost 1.04 M instructions, a tenth of a one-file check.
static MAYBE: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "todo",
        "tbd",
        "tba",
        "tbc",
        "fixme",
        "xxx",
        "???",
        "lorem",
        "[insert",
        "[fill in",
        "[link",
        "link]",
        "link here]",
        "[url",
        "url]",
        "{{",
        "[name",
        "[your ",
        "[the ",
        "[full ",
        "[team",
        "[date]",
        "[time]",
        "[owner]",
        "[service",
        "[person]",
        "[email]",
        "[ticket]",
        "[title]",
        "[description]",
        "[details]",
        "[reporter]",
        "[author]",
    ])
});
/// A template's slot for a value, in brackets and capitalised as templates write
/// them (`[Name]`, `[Your name]`, `[Team Name]`, `[Date]`): a generic noun, not a
/// word of the report. A link (`[Name](https://...)`, `[Name][1]`) or a reference
/// definition (`[Name]: ...`) is not one.
/// Whether lowercased `text` has one of `MAYBE`'s literals or a `<`.
fn maybe(text: &str) -> bool {
    text.contains('<') || MAYBE.is_match(text)
}

static BRACKET_SLOT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\[(?:(?:Your|The|Full) (?:[Nn]ames?|[Tt]eam(?: [Nn]ame)?|[Ee]mail|[Ss]ervice(?: [Nn]ame)?)|Name|Names|Name of [a-z ]{3,20}|Team|Team [Nn]ame|Date|Time|Owner|Service|Service [Nn]ame|Person|Email|Ticket|Title|Description|Details|Reporter|Author)\]")
        .expect("the bracket-slot pattern is valid")
});
static SLOT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"<([a-z][a-z0-9_]*(?:[-_][a-z0-9]+)+)>").expect("the slot pattern is valid")
});

impl Rule for Placeholder {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let extra = WordList::cached(&cx.config.words.placeholders);
        if cx.format != Format::Markdown
            && !cx.text.contains('\\')
            && !maybe(cx.lowercase)
            && !gaps::maybe(cx.lowercase)
            && !extra.may_match(cx)
        {
            return;
        }
        let read = cx.parsed.freeform.as_ref().and_then(|r| r.status.as_ref());
        let whose = match read {
            Some(r) if r.span.is_none() => {
                "a report read as written with no draft marker, checked as `in-review`".to_string()
            }
            _ => format!("a report whose status is `{}`", cx.model.status.as_str()),
        };
        let help = if read.is_some() {
            "fill in the real content, or mark the report as a draft (a `Status: Draft` line, or `(draft)` in the title) while it is unfinished"
        } else {
            "fill in the real content, or set `status: draft` while the report is unfinished"
        };
        if cx.format == Format::Markdown {
            html_block_reminders(cx, &whose, help, out);
        }
        // The places already reported, for the lines read after the tree (a
        // line partly in the tree is read again): a set, as a report may hold
        // thousands of placeholders.
        let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
        let mut scan = |s: &str, source: &str, whole: crate::Span, out: &mut Vec<Diagnostic>| {
            let lower = s.to_ascii_lowercase();
            if !maybe(&lower) && !gaps::maybe(&lower) {
                return;
            }
            let built_in = PATTERN
                .find_iter(s)
                .chain(SLOT.find_iter(s))
                .map(|m| m.range())
                .chain(
                    BRACKET_SLOT
                        .find_iter(s)
                        .map(|m| m.range())
                        .filter(|r| !s[r.end..].starts_with(['(', '[', ':'])),
                )
                .filter(|r| !redacted(s, r.clone()))
                // Number slots and emphasised words, with their own checks.
                .chain(gaps::find(s));
            // The n-th occurrence in the value is the n-th in the file (YAML
            // escapes and folded lines may make the value differ from it).
            let mut placer = super::Placer::new(s, source, whole.start);
            for found in built_in.chain(extra.find(s)) {
                let text = &s[found.clone()];
                let span = placer.place(found.clone()).unwrap_or(whole);
                if cx.masks().covers(span.start)
                    || reference_link(cx.text, text)
                    || explained(cx.text, span.start, text)
                    || names_a_thing_in(cx, s, found.clone(), span)
                    || instructed_slot(s, found.clone())
                    || !seen.insert((span.start, span.end))
                {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        span,
                        format!("placeholder `{text}` in {whose}"),
                    )
                    .with_help(help),
                );
            }
        };
        visit(&cx.parsed.tree, &mut |node| {
            let Value::String(s) = &node.value else {
                return;
            };
            scan(s, node.span.slice(cx.text), node.span, out);
        });
        // A report read as written: the lines the reader placed nowhere (a remark
        // after a log read as the timeline) are still the report's words.
        if cx.parsed.freeform.is_some() && maybe(cx.lowercase) {
            for line in crate::emit::not_carried(cx.text, cx.parsed) {
                let text = line.slice(cx.text);
                scan(text, text, line, out);
            }
        }
    }
}

/// HTML elements that Markdown reports write with bare attributes (`<details open>`).
const HTML_TAGS: &[&str] = &[
    "details",
    "summary",
    "div",
    "span",
    "img",
    "a",
    "p",
    "br",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "iframe",
    "video",
    "audio",
    "source",
    "picture",
    "figure",
    "sup",
    "sub",
    "kbd",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "b",
    "i",
    "em",
    "strong",
    "abbr",
    "section",
    "blockquote",
    "center",
    "font",
    "input",
    "button",
    "form",
    "label",
    "select",
    "option",
    "script",
    "style",
    "link",
    "meta",
];

/// Verbs that open a reminder in angle brackets (`<insert graph here>`).
const REMINDER_VERBS: &[&str] = &[
    "insert", "add", "fill", "put", "include", "paste", "replace", "describe", "enter",
];

/// A reminder in angle brackets standing on its own line (`<insert graph of the
/// error rate>`): Markdown reads such a line as an HTML block, so it is in no
/// section's text, and is found here in the file. Only a reminder verb opens it, so
/// a real HTML tag (`<details open>`) is not one.
fn html_block_reminders(cx: &Context<'_>, whose: &str, help: &str, out: &mut Vec<Diagnostic>) {
    if !cx.text.contains("\n<") && !cx.text.starts_with('<') {
        return;
    }
    let mut at = 0;
    for line in cx.text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_end();
        if !trimmed.starts_with('<') || !trimmed.ends_with('>') || cx.masks().covers(start) {
            continue;
        }
        let inner = &trimmed[1..trimmed.len() - 1];
        let first = inner
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !REMINDER_VERBS.contains(&first.as_str())
            || inner.split_whitespace().count() < 2
            || inner.contains(['<', '>', '=', '"'])
        {
            continue;
        }
        let span = crate::span::Span::new(start, start + trimmed.len());
        out.push(
            Diagnostic::new(
                &Placeholder::INFO,
                span,
                format!("placeholder `{trimmed}` in {whose}"),
            )
            .with_help(help),
        );
    }
}

/// Whether a slot in brackets (`[status link]`) is a Markdown shortcut reference
/// link: the report defines its label on a line of its own (`[status link]:
/// https://...`, any case), so it renders as a link, not as a gap.
fn reference_link(text: &str, found: &str) -> bool {
    if !found.starts_with('[') || !found.ends_with(']') {
        return false;
    }
    let label = found.to_ascii_lowercase();
    text.lines().any(|line| {
        let line = line.trim_start();
        line.len() > label.len()
            && line.is_char_boundary(label.len())
            && line[..label.len()].eq_ignore_ascii_case(&label)
            && line[label.len()..].starts_with(':')
    })
}

/// One cause, one finding: a value that is only a placeholder (`due: TBD`) is
/// reported as one (RS401), not also as a value of the wrong type, value or
/// form (RS103-RS105). Where RS401 does not run (a draft) those stay.
pub(crate) fn drop_form_errors_of_placeholders(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let placeholders: Vec<crate::span::Span> = diagnostics
        .iter()
        .filter(|d| d.code == Placeholder::INFO.code)
        .map(|d| d.span)
        .collect();
    if placeholders.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        if !matches!(d.code, "RS103" | "RS104" | "RS105") {
            return true;
        }
        let value = d
            .span
            .slice(text)
            .trim_matches(|c: char| c.is_whitespace() || "\"'()[]*_".contains(c));
        !placeholders
            .iter()
            .any(|p| p.start >= d.span.start && p.end <= d.span.end && p.slice(text) == value)
    });
}

/// Words after a placeholder word that make it the name of a thing (`todo list`,
/// `TODO comment`, `FIXME markers`), not a value left unfilled.
const NAMED_THINGS: &[&str] = &[
    "list",
    "lists",
    "app",
    "apps",
    "application",
    "item",
    "items",
    "comment",
    "comments",
    "marker",
    "markers",
    "note",
    "notes",
    "section",
    "sections",
    "file",
    "files",
    "entry",
    "entries",
    "column",
    "board",
    "tracker",
    "page",
    "tab",
    "label",
    "labels",
    "tag",
    "tags",
    "ticket",
    "tickets",
    "service",
    "feature",
    "widget",
    "check",
    "checks",
    "lines",
    "line",
];

/// Words before a placeholder word that make it a noun (`the TODO in the handler`,
/// `a TODO`, `every FIXME`): a thing the report talks about.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "every",
    "each",
    "any",
    "our",
    "their",
    "its",
    "old",
    "stale",
    "remaining",
    "open",
];

/// [`names_a_thing`] in the text as written (Markdown, whose values lose their
/// markup), or in the value itself (a YAML or JSON string is Markdown once its
/// escapes are read).
fn names_a_thing_in(
    cx: &Context<'_>,
    value: &str,
    found: std::ops::Range<usize>,
    span: crate::span::Span,
) -> bool {
    if cx.format == Format::Markdown {
        names_a_thing(cx.text, span)
    } else {
        names_a_thing(value, crate::span::Span::new(found.start, found.end))
    }
}

/// How far around a placeholder word its line is read for a label, a link or a
/// table cell, in bytes.
const LABEL_REACH: usize = 300;

/// Whether the placeholder word at `span` of a Markdown `text` names something
/// rather than leaving a value unfilled: a label over a list or a table, a link's
/// text, a word before a noun or after a determiner, a table's header cell or a
/// Status column's value.
fn names_a_thing(text: &str, span: crate::span::Span) -> bool {
    let found = span.slice(text);
    if !found.starts_with(|c: char| c.is_ascii_alphabetic()) || found.contains(' ') {
        return false;
    }
    // Its line, at most LABEL_REACH bytes either side: a megabyte line with a
    // TODO every few words must not be searched whole for each of them (a label
    // line is short; a longer one is cut and is no label).
    let mut from = span.start.saturating_sub(LABEL_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + LABEL_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let line_start = text[from..span.start]
        .rfind('\n')
        .map_or(from, |i| from + i + 1);
    let line_end = text[span.end..to].find('\n').map_or(to, |i| span.end + i);
    let cut = (line_start == from && from > 0) || (line_end == to && to < text.len());
    let line = &text[line_start..line_end];
    let before = &text[line_start..span.start];
    let after = &text[span.end..line_end];
    // A link's text: `[TODO list](https://...)`, `[the TBD items][1]`.
    if let Some(open) = before.rfind('[')
        && !before[open..].contains(']')
        && let Some(close) = after.find(']')
        && !after[..close].contains('[')
        && after[close + 1..].starts_with(['(', '['])
    {
        return true;
    }
    // The word before a noun, skipping conjoined placeholder words (`TODO and
    // FIXME markers`).
    let mut rest = after.trim_start_matches(['*', '_', '`']);
    loop {
        let mut words = rest.split_whitespace();
        let Some(next) = words.next() else { break };
        let bare = next
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if next.starts_with(|c: char| c.is_alphanumeric()) && NAMED_THINGS.contains(&bare.as_str())
        {
            return true;
        }
        let conjoined = matches!(next, "and" | "or" | "/" | "&")
            && words.next().is_some_and(|w| {
                ["todo", "fixme", "tbd", "xxx"].contains(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_ascii_lowercase()
                        .as_str(),
                )
            });
        if !conjoined {
            break;
        }
        let skip = rest.find(next).map_or(0, |i| i + next.len());
        let rest2 = &rest[skip..];
        let w = rest2.split_whitespace().next().unwrap_or("");
        rest = &rest2[rest2.find(w).map_or(rest2.len(), |i| i + w.len())..];
    }
    // After a determiner (`the TODO in the retry handler`).
    let previous = before
        .trim_end_matches(['*', '_', '`'])
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    if DETERMINERS.contains(&previous.as_str()) {
        return true;
    }
    let next_line = |from: usize| -> &str {
        text[from..]
            .split('\n')
            .skip(1)
            .take(3)
            .find(|l| !l.trim().is_empty())
            // At most its first 8 bytes, cut at a character's edge.
            .map_or("", |l| {
                let mut end = l.len().min(8);
                while !l.is_char_boundary(end) {
                    end -= 1;
                }
                &l[..end]
            })
    };
    let trimmed = line.trim();
    if cut {
        return false;
    }
    if trimmed.starts_with('|') {
        return table_header_or_status(text, line_start, line, span.start - line_start);
    }
    if task_state(text, before, after, found) {
        return true;
    }
    // A label over a list or a table (`Todo:`, `**TODO**`, `### Todo`, `Still
    // TBD:`): a short line that is a heading, all bold or ends in a colon, with a
    // list or a table under it.
    let label = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
        .unwrap_or(trimmed)
        .trim_start_matches('#')
        .trim();
    let heading = trimmed.starts_with('#');
    let bold = label.starts_with("**") && label.ends_with("**")
        || label.starts_with("__") && label.ends_with("__");
    let colon = label.trim_end_matches(['*', '_']).ends_with(':');
    if (heading || bold || colon) && label.split_whitespace().count() <= 5 {
        let below = next_line(line_start).trim_start();
        let list = below.starts_with("- ")
            || below.starts_with("* ")
            || below.starts_with("+ ")
            || below.starts_with('|')
            || below
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        return list;
    }
    false
}

/// Whether the word at `at` of the table row `line` (starting at `line_start` of
/// `text`) is in the table's header row, or is the whole cell of a Status column
/// (`| disk alert | todo |`: the item's state).
fn table_header_or_status(text: &str, line_start: usize, line: &str, at: usize) -> bool {
    let is_rule = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.contains("---") && t.chars().all(|c| "|-: ".contains(c))
    };
    let following = text[line_start..]
        .split('\n')
        .nth(1)
        .map_or("", |l| &l[..l.len().min(LABEL_REACH)]);
    if is_rule(following) {
        return true;
    }
    // The cell's index and whole text.
    let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
    let leading =
        line.len() - line.trim_start().len() + usize::from(line.trim_start().starts_with('|'));
    let mut index = None;
    let mut from = leading;
    for (i, cell) in cells.iter().enumerate() {
        if at >= from && at < from + cell.len() {
            index = Some(i);
            break;
        }
        from += cell.len() + 1;
    }
    let Some(index) = index else { return false };
    let cell = cells[index].trim().trim_matches(['*', '_', '`']);
    if cell.split_whitespace().count() != 1 {
        return false;
    }
    // The header: the row above the rule row above this one.
    let above: Vec<&str> = text[..line_start].lines().rev().take(200).collect();
    let Some(rule) = above.iter().position(|l| is_rule(l)) else {
        return false;
    };
    let Some(header) = above.get(rule + 1) else {
        return false;
    };
    header
        .trim()
        .trim_matches('|')
        .split('|')
        .nth(index)
        .is_some_and(|h| {
            matches!(
                h.trim()
                    .trim_matches(['*', '_'])
                    .to_ascii_lowercase()
                    .as_str(),
                "status" | "state"
            )
        })
}

/// What a template's phase marker names: the incident or its impact.
const MARKER_NOUNS: &[&str] = &[
    "outage",
    "incident",
    "impact",
    "downtime",
    "degradation",
    "disruption",
];

/// What a phase marker says of it, as a finished verb (`begins`, `mitigated`).
const MARKER_VERBS: &[&str] = &[
    "begins",
    "began",
    "starts",
    "started",
    "ends",
    "ended",
    "stops",
    "stopped",
    "mitigated",
    "resolved",
    "detected",
    "over",
];

/// Whether the words of an angle-bracket slot are a template's phase marker, filled
/// in where the phase happened (the SRE book's `<OUTAGE BEGINS>`, `<OUTAGE ENDS>`,
/// `<impact mitigated>`, `<START OF OUTAGE>`): structure, not a gap. The incident or
/// its impact and what happened to it, two or three words and nothing else; a slot
/// that asks for something (`<outage start time>`, `<describe when the outage
/// began>`) is a gap.
fn phase_marker(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    match words[..] {
        [noun, verb] => MARKER_NOUNS.contains(&noun) && MARKER_VERBS.contains(&verb),
        [edge, "of", noun] => {
            ["start", "end", "beginning"].contains(&edge) && MARKER_NOUNS.contains(&noun)
        }
        _ => false,
    }
}

/// Words that say a value is honestly not known yet, and why or where that is said:
/// "still being reconciled", "not yet known", "see note", "pending the vendor's
/// report", "will be updated", who settles it ("it depends on the budget decision",
/// "Finance decides on Friday", "Aino will bring it back").
static EXPLANATION: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:still being \w+|not (?:yet )?(?:known|confirmed|available|given|set|scheduled|announced|decided|agreed|published|shared)(?: yet)?|see (?:the )?(?:notes?|below|footnote)\b|pending (?:the |a |an |their |our )?\w+|awaiting (?:the |a |an |their |our )?\w+|will be (?:updated|confirmed|filled in|added)|to be confirmed\s*:|until (?:the |we |they )\w+|depends on (?:the |a |an |their |our )?\w+|(?:decides?|will decide) (?:on|at|by|in|after|when|whether)\b|will (?:post|bring|share|report|send|publish|confirm|announce) (?:it|the|this|that|an?) ?\w*)")
        .expect("the explanation pattern is valid")
});

/// Whether a `TBC`, `TBD` or `TBA` at `at` is an honest unknown: the same line (a
/// table row, a sentence's line) says why the value is not known yet or points to a
/// note that does (`06:05–TBC | ... end time still being reconciled`, `TBD (see
/// note)`). `TODO`, `FIXME` and `XXX` are the author's reminders, never explained.
/// How far from a `TBC` its explanation is looked for, in bytes (a table row or a
/// sentence is far shorter).
const EXPLANATION_REACH: usize = 300;

fn explained(text: &str, at: usize, found: &str) -> bool {
    if !["tbc", "tbd", "tba"]
        .iter()
        .any(|w| found.eq_ignore_ascii_case(w))
    {
        return false;
    }
    // Its line, at most EXPLANATION_REACH bytes either side: a megabyte line
    // with a TBC every few words must not be searched whole for each of them.
    let mut from = at.saturating_sub(EXPLANATION_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + EXPLANATION_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Its line as the sentence runs on: a paragraph or a list item wrapped in the
    // source (`TBD: the total is still` / `being reconciled`) is one line here.
    let window = crate::rules::words::soft_breaks(&text[from..to], false);
    let at = at - from;
    let start = window[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = window[at..].find('\n').map_or(window.len(), |i| at + i);
    let line = window[start..end].split_whitespace().collect::<Vec<_>>();
    let before = window[start..at].split_whitespace().collect::<Vec<_>>();
    EXPLANATION.is_match(&line.join(" ")) || gaps::said_of_a_date(&format!("{} ", before.join(" ")))
}

fn visit(node: &Node, f: &mut impl FnMut(&Node)) {
    f(node);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| visit(n, f)),
        Value::Map(entries) => entries.iter().for_each(|e| {
            // `x-` extensions are the organisation's own data, not report text.
            if !e.key.starts_with("x-") {
                visit(&e.value, f);
            }
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check_with};

    #[test]
    fn a_slot_in_angle_brackets_alone_passes_the_prefilter() {
        // `<` is searched beside the other literals, not among them: a YAML or
        // JSON report whose only placeholder is a slot must still be walked.
        for text in [
            "title: t\nstatus: published\nroot_cause: The <service name> failed\n",
            "{\"title\": \"t\", \"status\": \"published\", \"root_cause\": \"The <service name> failed\"}",
        ] {
            let format = if text.starts_with('{') {
                Format::Json
            } else {
                Format::Yaml
            };
            let found = check_with(text, format, &Config::default()).diagnostics;
            assert!(found.iter().any(|d| d.code == "RS401"), "{text}: {found:?}");
        }
        assert!(super::maybe("the <service name>"));
        assert!(!super::maybe("the service name"));
    }

    #[test]
    fn configured_placeholder_words_are_matched_beside_the_built_in_ones() {
        let text = "title: t\nstatus: published\nroot_cause: To be confirmed by the vendor; TBD\n";
        let found = |config: &Config| -> Vec<&str> {
            check_with(text, Format::Yaml, config)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS401")
                .map(|d| d.span.slice(text))
                .collect()
        };
        assert_eq!(found(&Config::default()), ["TBD"]);
        let mut config = Config::default();
        config.words.placeholders = vec!["to be confirmed".into()];
        assert_eq!(found(&config), ["To be confirmed", "TBD"]);
    }

    /// A bare name in double braces is an unfilled template variable; a Jekyll or
    /// Hugo expression (a dotted name, a filter) and an include tag are the site's.
    /// A template's bracketed slot left as written (`_[Name]_` in a table cell,
    /// `[Your name]`, `[Team Name]`) is a gap; the same words as a link, a
    /// reference definition, in code or not capitalised as a slot are not.
    #[test]
    fn a_bracketed_template_slot_is_a_gap() {
        for (cell, slot) in [
            ("_[Name]_", "[Name]"),
            ("[Your name]", "[Your name]"),
            ("**[Team Name]**", "[Team Name]"),
        ] {
            let md = format!(
                "# Cache purge\n\n| Field | Value |\n|---|---|\n| **Reporter** | {cell} |\n| **Commander** | Ana Ruiz |\n\n## Impact\n\nImages failed.\n"
            );
            assert_eq!(
                crate::rules::spans_of("RS401", &md, Format::Markdown),
                [slot],
                "{cell}"
            );
        }
        for cell in [
            "[Name](https://example.com/people/ana)",
            "`[Name]`",
            "the [name] field of the form",
        ] {
            let md = format!(
                "# Cache purge\n\n| Field | Value |\n|---|---|\n| **Reporter** | {cell} |\n\n## Impact\n\nImages failed.\n"
            );
            assert!(
                crate::rules::spans_of("RS401", &md, Format::Markdown).is_empty(),
                "{cell}"
            );
        }
    }

    #[test]
    fn a_template_variable_is_a_gap_a_site_expression_is_not() {
        let md = "---\ntitle: t\nstatus: published\n---\n## Impact\n\n{{affected_accounts}} accounts and {{ region_name }} were hit.\nSee {{ site.baseurl }}/status, {{ .Title }} and {{ page.date | date: \"%Y\" }}.\n\n{% include chart.html %}\n\nRun `{{job_id}}` to see it.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["{{affected_accounts}}", "{{ region_name }}"]
        );
    }

    /// A `TBC` whose row or line says why the value is not known yet (or points to
    /// a note that does) is an honest unknown; a bare `TBC`, and a `TODO` however
    /// explained, are gaps.
    #[test]
    fn an_explained_unknown_is_not_a_placeholder() {
        let md = "# Q3 incident register\n\n## Register\n\nEnd of impact: TBC, still being reconciled with the vendor.\n\nStart of the second window: TBA; pending the carrier's report.\n\nEnd of impact: TBC.\n\nRecovery time: TBD (see note below).\n\nCredits: TBD. Finance decides on Friday whether they apply; Marcus will post the answer here.\n\nLab date: TBD, it depends on the Q2 budget.\n\nRoot cause: TBD.\n\nTODO: not yet known.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TBC", "TBD", "TODO"]
        );
        // The explanation may run on to the next line of its paragraph or list
        // item; a blank line or a new item ends it.
        let md = "# Q3 incident register\n\n## Register\n\nEnd of impact: TBC, the partner's numbers are still\nbeing reconciled.\n\n\
                  - Refund total: TBD until the\n  processor closes the month.\n- Second window: TBA\n- pending the carrier's report\n\n\
                  Recovery time: TBD.\n\nStill being reconciled.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TBA", "TBD"]
        );
    }

    /// A note in brackets that is a quote's whole line is the author's reminder,
    /// not a log's bracketed tag: a quoted log stays evidence.
    #[test]
    fn a_reminder_in_brackets_in_a_quote_is_not_a_log() {
        let md = "---\ntitle: t\nstatus: published\n---\n## Impact\n\nHere is the vendor's reply:\n\n> [TODO: paste the vendor's reply here]\n\n\
                  And the log:\n\n> [ERROR] worker TODO retry\n> [WARN] queue full\n\n> [TODO]\n> [INFO] TBD\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TODO"]
        );
        assert!(crate::parse::freeform::is_log_line(
            "[ERROR] worker TODO retry"
        ));
        assert!(crate::parse::freeform::is_log_line(
            "[14/Jun/2025:02:10:41 +0000] GET /"
        ));
        assert!(!crate::parse::freeform::is_log_line(
            "[TODO: paste the vendor's reply here]"
        ));
        assert!(!crate::parse::freeform::is_log_line(
            "[Screenshot of the error rate]."
        ));
    }

    /// A slot the report defines as a reference link renders as a link.
    #[test]
    fn a_defined_reference_link_is_not_a_slot() {
        let md = "---\ntitle: t\nstatus: published\n---\n## Impact\n\nWrite-up: [postmortem link]. Status: [status link], [Status Link] and [Name].\n\n[status link]: https://status.example.com/x\n[name]: https://example.com/people\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["[postmortem link]"]
        );
    }

    #[test]
    fn a_reminder_on_its_own_line_is_found_though_markdown_reads_it_as_html() {
        let md = "---\ntitle: t\nstatus: published\n---\n## Impact\n\nExports failed.\n\n<add graph of the error rate>\n\n<details open>\n\nMore.\n\n</details>\n\n```\n<insert token here>\n```\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["<add graph of the error rate>"]
        );
    }

    #[test]
    fn a_placeholder_value_is_one_finding_not_also_a_bad_date() {
        let codes = |status: &str| -> Vec<&'static str> {
            let text = format!(
                "title: t\nstatus: {status}\naction_items:\n  - title: Add an alert\n    owner: sre\n    due: TBD\n"
            );
            let mut c: Vec<&str> = check_with(&text, Format::Yaml, &Config::default())
                .diagnostics
                .iter()
                .map(|d| d.code)
                .filter(|c| matches!(*c, "RS105" | "RS401"))
                .collect();
            c.sort_unstable();
            c
        };
        assert_eq!(codes("published"), ["RS401"]);
        // A draft may leave it: the date's form is still reported.
        assert_eq!(codes("draft"), ["RS105"]);
    }

    #[test]
    fn a_letters_merge_field_is_not_a_gap() {
        let md = |body: &str| format!("---\ntitle: t\nstatus: in-review\n---\n{body}\n");
        for body in [
            "We wrote to every customer:\n\nDear <Customer Name>,\n\nlogins failed.",
            "> Hi <First Name>,\n>\n> logins failed.",
        ] {
            let checked = crate::check(&md(body), crate::Format::Markdown);
            let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
            assert!(!codes.contains(&"RS401"), "{body}: {codes:?}");
        }
        let checked = crate::check(
            &md("Owner: <Customer Name> to confirm."),
            crate::Format::Markdown,
        );
        assert!(checked.diagnostics.iter().any(|d| d.code == "RS401"));
    }

    /// A `TODO` leading a follow-up in a report that leads others with `DONE` is
    /// the team's state of that follow-up; the same line where nothing is marked
    /// done, and a `TODO` with nothing after it, are gaps.
    #[test]
    fn a_todo_beside_done_follow_ups_is_their_state() {
        let body = "## Lessons learned\n\nThe disk graph is easier to read than the pool listing.\n\n\
                    **DONE**: Priya added the wiki and the shop to the probes.\n\n\
                    **TODO**: we need alerts on failed units, so a stopped service is seen.\n\n\
                    **TODO** a disk exporter could have warned us before the pool filled.\n\n\
                    - TODO guard the nightly import against a full pool\n";
        let md = format!("# Pool full at Larkspur Foods\n\n{body}");
        assert!(
            crate::rules::spans_of("RS401", &md, Format::Markdown).is_empty(),
            "{md}"
        );
        // Nothing marked done: the same lines are gaps.
        let md = md.replace("**DONE**: Priya added", "Priya added");
        assert_eq!(
            crate::rules::spans_of("RS401", &md, Format::Markdown),
            ["TODO", "TODO", "TODO"]
        );
        // Beside a done item, a bare `TODO` is still a gap.
        let md = "# Pool full at Larkspur Foods\n\n## Impact\n\nTODO\n\n## Follow-ups\n\n- DONE: probes added for the shop\n- TODO: alert on failed units\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TODO"]
        );
    }

    /// A slot the text tells its reader to replace is an instruction; one nobody is
    /// told to replace is a gap.
    #[test]
    fn a_slot_the_reader_is_told_to_replace_is_not_a_gap() {
        let md = "# Login nodes renamed at Fernhill Compute\n\n## Summary\n\nThe old names stopped resolving.\n\n\
                  Connect with ssh to the new node. Replace <your-user-name> by your cluster login,\n\
                  or run the helper, replacing <cluster-name> with the cluster you use, where <home-dir> is your home.\n\n\
                  ## Action items\n\n- Owner: <team-name>\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["<team-name>"]
        );
    }

    #[test]
    fn redacted_data_is_not_a_placeholder_but_real_gaps_are() {
        let cases: &[(&str, &[&str])] = &[
            ("Traffic from 10.0.xxx.yyy was dropped.", &[]),
            (
                "The card ending XXXX-XXXX-1234 and the key **** were logged.",
                &[],
            ),
            (
                "Requests from [REDACTED] and <redacted> and <customer-id-masked> failed.",
                &[],
            ),
            ("The todo-service and TODO.md are names.", &[]),
            ("Left as\u{a0}TBD.", &["TBD"]),
            ("TODO: say why.", &["TODO"]),
            ("Owner (TBD) and XXX here.", &["TBD", "XXX"]),
            (
                "<insert service name> failed; Lorem ipsum dolor.",
                &["<insert service name>", "Lorem ipsum"],
            ),
            ("See `TODO` in code, and https://x.example/TODO/xxx.", &[]),
            ("A user asked: is checkout down??? Cause: ???", &["???"]),
            (
                "Cause TBC. [Insert the error graph here]",
                &["TBC", "[Insert the error graph here]"],
            ),
            (
                "See [insert rows in batches](https://wiki.example/batch).",
                &[],
            ),
            ("The write-up is at [link]. See [link][1] too.", &["[link]"]),
            // A slot named for the link it stands for, before or after the word.
            (
                "Full write-up: [postmortem link]. Dashboard: [Grafana URL]. Ticket: [link to the vendor ticket].",
                &[
                    "[postmortem link]",
                    "[Grafana URL]",
                    "[link to the vendor ticket]",
                ],
            ),
            (
                "See [postmortem link](https://x.example/pm), [status page link][2], [ ] and [x] and [unlink].",
                &[],
            ),
            // A template's phase markers are structure; a slot that asks is a gap.
            (
                "11:00 exports fail <OUTAGE BEGINS>; 12:10 fixed <impact mitigated> <END OF OUTAGE>.",
                &[],
            ),
            (
                "Began <outage start time>, ended <describe when the outage ended>.",
                &["<outage start time>", "<describe when the outage ended>"],
            ),
        ];
        for (summary, want) in cases {
            let yaml = format!("title: t\nstatus: published\nsummary: \"{summary}\"\n");
            let found = crate::rules::spans_of("RS401", &yaml, Format::Yaml);
            assert_eq!(found, *want, "{summary}");
        }
        let md = "---\ntitle: t\nstatus: published\n---\n## Summary\n\nIt failed.\n\n```\n# TODO remove\n```\n\n    FIXME in an indented block\n\n> 12:01:07 WARN TBD retry\n\nStill TBD.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TBD"]
        );
    }
}
