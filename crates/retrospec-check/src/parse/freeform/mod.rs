//! Reports as they are written: Markdown or plain text without retrospec front matter.
//!
//! A report with no front matter, or with the front matter of another tool (Jekyll,
//! Hugo, a status page), is read into the same spanned tree as a report in
//! retrospec's own form, so every rule runs on it and every finding points into the
//! original text. The Markdown reader ([`super::markdown`]) does the work; this module
//! adds what free-form text needs (see `docs/import.md`):
//!
//! - [`front`]: another tool's front matter (YAML `---` or TOML `+++`) mapped to the
//!   model where the meaning is clear, `x-` fields otherwise;
//! - [`blocks`]: headings as people write them (bold lines, numbered lines, a line
//!   standing alone, any `#` level), a title from the first line, bullets of plain text;
//! - [`timeline`]: timelines in lists, tables, time headings, bold times, paragraphs;
//! - [`updates`]: a status page's dated updates (`Resolved` ... `Posted <date> - <time>`);
//! - [`milestones`]: milestones read from the words of timeline entries, each with
//!   the text it was read from ([`ReadMilestone::read_from`]);
//! - [`status`]: the report's review status (`Status: Final`, a draft banner,
//!   `in-review` when nothing says it).
//!
//! Everything read here is found in one pass over the blocks pulldown-cmark
//! already produced; no regular expression is compiled or run.

pub mod actions;
pub mod blocks;
pub mod date;
pub mod events;
pub mod front;
pub mod milestones;
pub mod offset;
pub mod status;
pub mod timeline;
pub mod updates;
pub mod zone;

use serde::Serialize;

use crate::parse::markdown::{self, Field};
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

/// How a report without retrospec front matter was read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reading {
    /// Where another tool's front matter is, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foreign_front_matter: Option<Span>,
    /// Milestones read from the words of timeline entries.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<ReadMilestone>,
    /// Where the date given to the first timeline entry (written without one) is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_date: Option<Span>,
    /// Where a zone stated for the whole report ("All times UTC") is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_zone: Option<Span>,
    /// Where a zone with more than one reading is stated for the whole report
    /// ("All times IST."): RS202 is reported there, with the readings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambiguous_zone: Option<Span>,
    /// Where a slashed date with two readings (`03/04/2025`) is that would have
    /// dated the timeline: reported once (RS214), not again as an undated entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambiguous_date: Option<Span>,
    /// The review status and what it was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<status::ReadStatus>,
    /// The timeline entries (their indices) read from a log pasted in a fenced
    /// block or a quoted log or chat: evidence, not the author's words. `retrospec import` writes their
    /// text as inline code, so the word rules read them as they read the fence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence_entries: Vec<usize>,
    /// When no zone is stated for the times and the text names one region's
    /// (`crate::times::NamedZones`): where the times' zone was taken from, in
    /// words ("zone taken from `PST` on line 3, the only zone the report names").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named_zone: Option<String>,
}

impl Reading {
    /// A reading of a report whose foreign front matter (if any) is at `front`.
    pub fn new(front: Option<Span>) -> Self {
        Reading {
            foreign_front_matter: front,
            milestones: Vec::new(),
            first_date: None,
            stated_zone: None,
            ambiguous_zone: None,
            ambiguous_date: None,
            status: None,
            evidence_entries: Vec::new(),
            named_zone: None,
        }
    }
}

/// A line of a log, a terminal or a chat: a leading timestamp, date or address
/// (bold in a pasted chat: `**10:02** ana: ...`), a bracketed level or time, a shell prompt, a glog prefix, or a level word.
pub(crate) static LOG_LINE: std::sync::LazyLock<crate::lean::Lean> = std::sync::LazyLock::new(
    || {
        crate::lean::Lean::new(
        r"^(?:(?:\*\*|__)?\[?\d{1,4}[-/:.]\d|\[[A-Z0-9]|[$#] |[IWEF]\d{4} )|\b(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|FATAL|CRITICAL|TRACE|PANIC|Traceback|Exception)\b|\blevel=",
    )
    .expect("the log-line pattern is valid")
    },
);

/// The byte ranges of the blockquotes of `text` at least half of whose non-empty
/// lines are log lines ([`LOG_LINE`]): a pasted log or chat, which the word rules
/// (`words::Masks`) do not read.
pub(crate) fn log_quotes(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    // Start, end, non-empty lines, log lines.
    let mut quote: Option<(usize, usize, usize, usize)> = None;
    let flush = |quote: &mut Option<(usize, usize, usize, usize)>, out: &mut Vec<_>| {
        if let Some((start, end, lines, logs)) = quote.take()
            && logs > 0
            && logs * 2 >= lines
        {
            out.push(start..end);
        }
    };
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let end = at + line.len();
        match line.trim_start().strip_prefix('>') {
            Some(rest) => {
                let rest = rest.trim_start_matches(['>', ' ', '\t']).trim_end();
                let (s, _, lines, logs) = quote.unwrap_or((at, end, 0, 0));
                let nonempty = usize::from(!rest.is_empty());
                let log = usize::from(!rest.is_empty() && LOG_LINE.is_match(rest));
                quote = Some((s, end, lines + nonempty, logs + log));
            }
            None => flush(&mut quote, &mut out),
        }
        at = end;
    }
    flush(&mut quote, &mut out);
    out
}

/// The byte ranges of the fenced code blocks of `text` (`` ``` `` or `~~~` at any
/// indentation, closed by a run of the marker at least as long with nothing
/// after it, or by the end of the text), as `words::Masks` finds them.
pub(crate) fn fenced_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut fence: Option<(usize, u8, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_start();
        let run = |marker: u8| content.bytes().take_while(|b| *b == marker).count();
        match fence {
            Some((open, marker, len)) => {
                if run(marker) >= len && content[run(marker)..].trim().is_empty() {
                    out.push(open..at + line.len());
                    fence = None;
                }
            }
            None => {
                let marker = content.bytes().next().unwrap_or(b' ');
                if matches!(marker, b'`' | b'~') && run(marker) >= 3 {
                    fence = Some((at, marker, run(marker)));
                }
            }
        }
        at += line.len();
    }
    if let Some((open, _, _)) = fence {
        out.push(open..text.len());
    }
    out
}

/// The indices of the entries of `timeline` whose text is in a fenced block of
/// `text`, or in a quote of a log or chat ([`log_quotes`]).
pub(crate) fn evidence_entries(text: &str, timeline: &Node) -> Vec<usize> {
    let Value::Seq(items) = &timeline.value else {
        return Vec::new();
    };
    let mut fences = fenced_ranges(text);
    if text.contains('>') {
        fences.extend(log_quotes(text));
    }
    if fences.is_empty() {
        return Vec::new();
    }
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            let Value::Map(fields) = &item.value else {
                return false;
            };
            fields.iter().find(|e| e.key == "text").is_some_and(|e| {
                fences
                    .iter()
                    .any(|f| f.contains(&e.value.span.start) && e.value.span.end <= f.end)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// A milestone read from the words of a timeline entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadMilestone {
    /// `started`, `detected`, `acknowledged`, `mitigated` or `resolved`.
    pub milestone: &'static str,
    /// The JSON pointer of the entry (`/timeline/3`).
    pub entry: String,
    /// The words that named it, in the original text.
    pub span: Span,
    /// How it was read, for people: `timeline text 'Service degradation began'`.
    pub read_from: String,
}

/// The model's keys other tools' front matter uses too (Jekyll, Hugo, Docusaurus,
/// incident trackers' exports): they say nothing about whose front matter it is.
const SHARED_KEYS: [&str; 10] = [
    "id", "title", "date", "status", "owner", "authors", "severity", "services", "tags", "summary",
];

/// The review statuses of the model: `status: draft` is retrospec's word, `status:
/// Closed` an incident tracker's.
const STATUSES: [&str; 3] = ["draft", "in-review", "published"];

/// Whether a front matter belongs to another tool. It is decided on evidence, not
/// on a key both share (`title`, `date`, `status`):
///
/// - retrospec's own when it has a marker (`$schema`, a key named `retrospec...`),
///   a key only the model has in the shape the model gives it (`milestones` or
///   `impact` as a mapping, `timeline` or `action_items` as a list, `root_cause`),
///   or a `status` that is one of the model's (or a misspelling of one);
/// - otherwise another tool's when it has a key the model does not have that is
///   neither an `x-` field nor a misspelling of one of the model's keys
///   (`layout`, `slug`, `incident_ref`; not `severty`).
///
/// A front matter of the model's keys alone (`title`, `date`) stays retrospec's, so
/// its mistakes (a missing or wrong `status`) are reported.
pub fn is_foreign(entries: &[Entry]) -> bool {
    if entries.iter().any(is_retrospec_evidence) {
        return false;
    }
    entries.iter().any(|e| {
        let key = e.key.as_str();
        !crate::order::POSTMORTEM.contains(&key)
            && !key.starts_with("x-")
            && crate::suggest::closest(key, crate::order::POSTMORTEM.iter().copied()).is_none()
    })
}

/// Whether an entry of a front matter says the front matter is retrospec's.
fn is_retrospec_evidence(e: &Entry) -> bool {
    use crate::tree::Value;
    let key = e.key.as_str();
    if key == "$schema" || key.to_ascii_lowercase().starts_with("retrospec") {
        return true;
    }
    if key == "status" {
        return e.value.as_str().is_some_and(|s| {
            STATUSES.contains(&s) || crate::suggest::closest(s, STATUSES.iter().copied()).is_some()
        });
    }
    if SHARED_KEYS.contains(&key) {
        return false;
    }
    // A misspelling of one of the model's structured keys (`milestone:` or
    // `ilestones:` holding a mapping) is retrospec's front matter with a typo: it
    // gets RS101 with the suggestion, not a silent reading as another tool's.
    let misspelled = !crate::order::POSTMORTEM.contains(&key);
    let close;
    let key = if misspelled {
        close = crate::suggest::closest(key, crate::order::POSTMORTEM.iter().copied());
        match close.as_deref() {
            Some(close) if !SHARED_KEYS.contains(&close) => close,
            _ => return false,
        }
    } else {
        key
    };
    match key {
        // Another tool may say `impact: high`; the model's impact is a mapping.
        "milestones" | "impact" | "lessons" | "detection" => matches!(e.value.value, Value::Map(_)),
        "timeline" | "action_items" | "links" | "sections" | "contributing_factors" => {
            matches!(e.value.value, Value::Seq(_))
        }
        _ => !misspelled,
    }
}

/// Whether a Markdown or text file found in a directory walk looks like a
/// postmortem although it has no retrospec front matter. Named files are always
/// read. Any of:
/// - a title and a timeline or root-cause section with content;
/// - two sections of a postmortem with content besides the summary (`Impact`
///   and `Action items`), with or without a title (an issue body);
/// - a title that says what it is (`Post-incident summary: ...`, `Incident
///   report`, `Postmortem`, `RCA`), as emails and status pages are titled.
///
/// A README, a changelog or a `requirements.txt` has none of these.
pub fn looks_like_postmortem(text: &str) -> bool {
    let mut diags = Vec::new();
    let Some(parsed) = markdown::parse(text, &mut diags) else {
        return false;
    };
    let filled = |key: &str| {
        parsed
            .tree
            .entry(key)
            .is_some_and(|e| match &e.value.value {
                crate::tree::Value::Null => false,
                crate::tree::Value::Seq(items) => !items.is_empty(),
                crate::tree::Value::String(s) => !s.trim().is_empty(),
                _ => true,
            })
    };
    let titled = filled("title");
    let (timed, quoted) = timed_lines(text);
    // A timeline read only from a chat pasted as a quote is a conversation's
    // until a section of a report stands beside it (below).
    let timeline = filled("timeline") && quoted < timed;
    if titled && (timeline || filled("root_cause")) {
        return true;
    }
    // The sections a heading can fill, besides the summary (any opening text is
    // one) and links.
    let sections = markdown::ALL_FIELDS
        .iter()
        .filter(|f| !matches!(f, Field::Summary | Field::Links))
        .map(|f| markdown::field_key(*f));
    let own_timeline = usize::from(filled("timeline") && !timeline);
    let filled_sections = sections.filter(|k| filled(k)).count() - own_timeline;
    if filled_sections >= 2 {
        return true;
    }
    // A title, a section, and a timeline under a heading no alias names (`How it
    // unfolded`), as a chat pasted as a quote (`> **10:02** dani: ...`) or timed
    // lines: three lines or more that start with a time.
    if titled && filled_sections >= 1 && timed >= 3 {
        return true;
    }
    let title_says = titled
        && parsed
            .tree
            .entry("title")
            .and_then(|e| match &e.value.value {
                crate::tree::Value::String(s) => Some(s.to_ascii_lowercase()),
                _ => None,
            })
            .is_some_and(|title| names_a_postmortem(&title));
    // A status page's export puts "Incident Report for Example" under the title.
    title_says
        || text
            .lines()
            .map(|l| l.trim().trim_matches(['#', '*', '_', ' ']))
            .filter(|l| !l.is_empty())
            .take(4)
            .any(|l| l.len() <= 80 && has_postmortem_phrase(&l.to_ascii_lowercase()))
}

/// The lines that start with a time of day once quote marks, bullets and emphasis
/// are taken off (`> **10:02** dani: ...`, `- 10:04 check fails`), outside fenced
/// code, and how many of them are quoted.
fn timed_lines(text: &str) -> (usize, usize) {
    let mut fenced = false;
    let mut count = 0;
    let mut quoted = 0;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let quote = t.starts_with('>');
        let t = t.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let t = t
            .strip_prefix(|c: char| markdown::is_bullet(c))
            .unwrap_or(t)
            .trim_start()
            .trim_start_matches(['*', '_', '`']);
        if blocks::starts_with_time(t) {
            count += 1;
            quoted += usize::from(quote);
        }
    }
    (count, quoted)
}

/// Phrases that name an incident report wherever they stand in a short line.
const POSTMORTEM_PHRASES: &[&str] = &[
    "post-incident",
    "post incident",
    "incident report",
    "incident review",
    "incident summary",
    "outage report",
    "root cause analysis",
];

fn has_postmortem_phrase(line: &str) -> bool {
    POSTMORTEM_PHRASES.iter().any(|p| line.contains(p))
}

/// Whether a (lowercase) title says it is an incident report: a phrase that
/// names one anywhere (`Post-incident summary - wiki read-only`), or
/// `postmortem` opening or closing it (`Postmortem: ...`, `Queue outage
/// postmortem`), not as a word in passing (`The postmortem JSON Schema`).
fn names_a_postmortem(title: &str) -> bool {
    const WORDS: &[&str] = &["postmortem", "post-mortem", "post mortem"];
    let words = || title.split(|c: char| !c.is_alphanumeric() && c != '-');
    let first = words().find(|w| !w.is_empty()).unwrap_or("");
    let title = title.trim_end_matches(|c: char| !c.is_alphanumeric());
    has_postmortem_phrase(title)
        || words().any(|w| w == "rca")
        || WORDS
            .iter()
            .any(|w| title.ends_with(w) || first == *w || title.starts_with(w))
}

/// The field a heading names (built-in aliases and the configured ones).
pub(crate) fn field_of(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    markdown::field_for(heading, extra)
}

#[cfg(test)]
mod tests {
    use crate::{Config, Format, check_with};

    #[test]
    fn what_a_directory_walk_takes_for_a_postmortem() {
        use super::looks_like_postmortem as is;
        // An issue body: no title, but impact and action items.
        assert!(is(
            "## Summary\n\nPulls failed.\n\n## Customer impact\n\n- 18% of pulls\n\n## Action items\n\n- Add a probe\n"
        ));
        // An email titled as what it is, its facts in prose.
        assert!(is(
            "Subject: Post-incident summary - wiki read-only\n\nThe wiki went read-only at 09:20.\n"
        ));
        assert!(is("# Queue outage postmortem\n\nQueues stalled.\n"));
        // A status page's export: the line under the title says what it is.
        assert!(is(
            "## Delayed webhooks\n\n**Incident Report for Example**\n\nDeliveries failed.\n"
        ));
        assert!(is("# Postmortem: queue outage\n\nQueues stalled.\n"));
        // Documents that are not reports.
        assert!(!is(
            "# The postmortem JSON Schema\n\nGenerated from the model at 10:50.\n\n## Editors\n\nText.\n"
        ));
        assert!(!is(
            "# mytool\n\n## Install\n\ncargo install\n\n## Usage\n\nRun it.\n"
        ));
        assert!(!is("serde==1.0\nregex==2.0\n"));
        // A chat pasted as a quote under a heading no alias names, a title and one
        // section.
        let chat = "# What broke the site\n\n## How it unfolded\n\n> **10:02** ana: running the cleanup\n\
                    > **10:04** bot: check FAILED\n> **10:31** bot: check OK\n\n## Actions\n\n- Require a profile\n";
        assert!(is(chat));
        // Without a section of a report it is a conversation, not a postmortem.
        assert!(!is(&chat.replace("## Actions\n\n- Require a profile\n", "")));
        // Two timed lines are not a timeline.
        assert!(!is(&chat.replace("> **10:31** bot: check OK\n", "")));
    }

    #[test]
    fn configured_headings_name_sections_and_bad_fields_are_rs502() {
        let (config, diags) = Config::parse(
            "policy = \"full\"\n[sections]\n\"What we will change\" = \"action_items\"\n\"Chronik\" = \"timelines\"\n",
        );
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["RS502"],
            "{diags:?}"
        );
        let text = "# Disk full\n\n## What we will change\n\n- Alert on disk use\n";
        let checked = check_with(text, Format::Markdown, &config);
        let model = checked.model.expect("model");
        assert_eq!(model.action_items.len(), 1);
        let default = check_with(text, Format::Markdown, &Config::default());
        assert!(default.model.expect("model").action_items.is_empty());
    }

    #[test]
    fn discovery_wants_a_title_and_a_timeline_or_root_cause() {
        assert!(super::looks_like_postmortem(
            "# Disk full\n\n## Timeline\n\n- 2024-01-02 10:00 UTC Disk full\n"
        ));
        assert!(super::looks_like_postmortem(
            "Disk full\n\nRoot cause\n\nLogs were never rotated.\n"
        ));
        assert!(!super::looks_like_postmortem(
            "# A project\n\nInstall it with cargo.\n"
        ));
    }
}
