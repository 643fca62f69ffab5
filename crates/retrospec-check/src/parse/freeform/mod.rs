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
pub mod commit;
pub mod date;
pub mod detect;
pub mod events;
pub mod front;
pub mod milestones;
pub mod offset;
pub mod scope;
pub mod status;
pub mod timeline;
pub mod updates;
pub mod zone;

pub use detect::looks_like_postmortem;
use serde::Serialize;

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
    /// The date lines `retrospec import` writes above their entries, as (index of
    /// the first entry below, the line): those that say more than the date the
    /// entries carry (`date::kept_lines`).
    #[serde(skip)]
    pub kept_date_lines: Vec<(usize, String)>,
    /// The other clock of entries read from a table with two clocks side by side,
    /// as (entry index, its cell, `06:00 AEST`), from `timeline::SecondClock`:
    /// `retrospec import` writes it beside the entry's text.
    #[serde(skip)]
    pub second_clocks: Vec<(usize, Span, String)>,
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
    /// That zone spelt so the time grammar reads it back (`UTC`, `PST`,
    /// `America/Los_Angeles` for "Pacific time"): `retrospec import` writes it
    /// on the times without a zone, so the canonical report reads them as the
    /// check of the original did.
    #[serde(skip)]
    pub adopted_zone: Option<String>,
    /// The report's incident scopes ([`scope::Scopes`]), read once by the reader
    /// and shared with the claims.
    #[serde(skip)]
    pub(crate) scopes: scope::Scopes,
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
            kept_date_lines: Vec::new(),
            second_clocks: Vec::new(),
            status: None,
            evidence_entries: Vec::new(),
            named_zone: None,
            adopted_zone: None,
            scopes: scope::Scopes::default(),
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

/// Whether a line (a quote's, without its `>`) is a line of a log, a terminal or a
/// chat ([`LOG_LINE`]), and not a note in brackets that is the whole line
/// (`[TODO: paste the vendor's reply here]`, `[Screenshot of the error rate]`):
/// words with spaces between the brackets and nothing after them are the author's
/// note, not a log's bracketed level or tag (`[ERROR] disk full`, `[worker-3] ...`).
pub(crate) fn is_log_line(line: &str) -> bool {
    LOG_LINE.is_match(line) && !bracketed_note(line)
}

/// A whole line that is one bracketed phrase of words (`[TODO: paste it here]`).
fn bracketed_note(line: &str) -> bool {
    let line = line.trim().trim_end_matches(['.', ',', ';', ':']);
    let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    inner.starts_with(|c: char| c.is_ascii_alphabetic())
        && !inner.contains(['[', ']'])
        && inner.split_whitespace().count() >= 2
        && inner
            .split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
            .count()
            >= 2
}

/// The byte ranges of the blockquotes of `text` at least half of whose non-empty
/// lines are log lines ([`is_log_line`]): a pasted log or chat, which the word rules
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
                let log = usize::from(!rest.is_empty() && is_log_line(rest));
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
/// Where the mail headers a pasted message opens with (`From:`, `Date:`,
/// `Subject:`, up to the first blank line) end, or 0 when the text opens with none.
pub(crate) fn mail_headers_end(text: &str) -> usize {
    let start = text.len() - text.trim_start().len();
    let first = &text[start..];
    // Cheap gate: a header name and a colon before the first space.
    if !first
        .split([' ', '\n'])
        .next()
        .is_some_and(|w| w.len() > 1 && w.ends_with(':'))
    {
        return 0;
    }
    let end = first
        .find("\n\n")
        .or_else(|| first.find("\r\n\r\n"))
        .map_or(text.len(), |p| start + p);
    match blocks::mail_headers(text, start..end) {
        Some(_) => end,
        None => 0,
    }
}

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

/// The tables' other clocks (`read` by the timeline reader, keyed by the time
/// cell) as (index of the entry of `timeline` at that time cell, the local cell,
/// the clock `import` writes).
pub(crate) fn second_clocks(
    timeline: &Node,
    read: &[timeline::SecondClock],
) -> Vec<(usize, Span, String)> {
    let Value::Seq(items) = &timeline.value else {
        return Vec::new();
    };
    if read.is_empty() {
        return Vec::new();
    }
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let time = item.entry("time")?.value.span;
            let (_, cell, clock) = read.iter().find(|(at, _, _)| *at == time)?;
            Some((i, *cell, clock.clone()))
        })
        .collect()
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

/// The keys every blog engine writes into a post's front matter: a front matter of
/// these alone, with no `status`, is a post's (see [`is_foreign`]). Jekyll's
/// `author` is one, though it is also the model's `authors` misspelt: with a
/// `status` the front matter is retrospec's and the misspelling is reported.
const BLOG_KEYS: [&str; 5] = ["title", "date", "authors", "author", "tags"];

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
/// its mistakes (a missing or wrong `status`) are reported; but see [`is_post`].
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

/// Whether the text of a front matter that YAML cannot read says it is
/// retrospec's: a line that opens with `status:`, `$schema` or a key only the
/// model has (`milestones:`, `timeline:`, `action_items:`, `impact:`,
/// `root_cause:`). Another tool's (`title: Post-Mortem: Outage`, `layout: post`)
/// has none.
pub fn looks_retrospec(yaml: &str) -> bool {
    yaml.lines().any(|line| {
        let key = line
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        key == "status"
            || key == "$schema"
            || key.starts_with("retrospec")
            || [
                "milestones",
                "timeline",
                "action_items",
                "impact",
                "root_cause",
                "contributing_factors",
                "lessons",
                "detection",
            ]
            .contains(&key)
    })
}

/// Whether a front matter is a blog post's: only keys every blog engine writes
/// (`title`, `date`, `authors` or `author`, `tags`), no `status`, over a body with text. A
/// site generator's post (`title: Network outage` and then the write-up) is a
/// report written as prose; a report in retrospec's form starts from `retrospec
/// new`, which writes a status. The same front matter over an empty body stays
/// retrospec's, so `{"title": "Outage"}` written as Markdown still lacks a status.
pub fn is_post(entries: &[Entry], body: &str) -> bool {
    !entries.is_empty()
        && entries.iter().all(|e| BLOG_KEYS.contains(&e.key.as_str()))
        && !body.trim().is_empty()
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

/// The top-level keys a Markdown text is read into, without the `status` every
/// report read as written gets (tested in `status.rs`): the section tests of
/// `blocks` and `front` share it.
#[cfg(test)]
pub(crate) fn keys_of(text: &str) -> Vec<String> {
    let mut diags = Vec::new();
    let parsed = crate::parse::markdown::parse(text, &mut diags).expect("parses");
    parsed
        .tree
        .as_map()
        .expect("map")
        .iter()
        .filter(|e| e.key != "status")
        .map(|e| e.key.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pasted_mail_opens_with_headers_and_a_report_does_not() {
        let mail = "From: Ops <ops@example.org>\nDate: Wed, 5 Mar 2025 09:14:02 +0100\nSubject: down\n\nBody at 10:00 UTC.\n";
        assert_eq!(Some(super::mail_headers_end(mail)), mail.find("\n\n"));
        for text in [
            "Summary: the queue stalled at 10:00 +0100.\n\nMore.\n",
            "# Outage\n\nDate: 5 Mar 2025 +0100\n",
            "",
        ] {
            assert_eq!(super::mail_headers_end(text), 0, "{text}");
        }
    }

    #[test]
    fn a_jekyll_post_with_an_author_is_read_as_written() {
        let post = "---\ntitle: Incident review\ndate: 2025-07-02\nauthor: Payroll Engineering\ntags: [incident]\n---\n\nOn Friday, June 27, 2025, exports failed.\n";
        let codes: Vec<&str> = crate::check(post, Format::Markdown)
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect();
        assert!(
            !codes.iter().any(|c| *c == "RS101" || *c == "RS102"),
            "{codes:?}"
        );
        // With a status it is retrospec's, and `author` is `authors` misspelt.
        let own = post.replace("author:", "status: draft\nauthor:");
        let codes: Vec<&str> = crate::check(&own, Format::Markdown)
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect();
        assert!(codes.contains(&"RS101"), "{codes:?}");
    }

    use crate::{Config, Format, check_with};

    #[test]
    fn configured_headings_name_sections_and_bad_fields_are_rs502() {
        let (config, diags) = Config::parse(
            "policy = \"full\"\n[sections]\n\"Was wir ändern\" = \"action_items\"\n\"Chronik\" = \"timelines\"\n",
        );
        assert_eq!(
            diags.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["RS502"],
            "{diags:?}"
        );
        let text = "# Disk full\n\n## Was wir ändern\n\n- Alert on disk use\n";
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
    #[test]
    fn a_blog_posts_front_matter_over_a_write_up_is_read_as_written() {
        let post = "---\ntitle: Checkout outage at Larkspur Pay\n---\n\n## Timeline\n\n* 3 March 2025 09:10 UTC - checkout starts failing\n* 3 March 2025 09:40 UTC - rollback done\n";
        let checked = check_with(post, Format::Markdown, &Config::default());
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(!codes.contains(&"RS102"), "{codes:?}");
        assert!(!codes.contains(&"RS009"), "{codes:?}");
        assert_eq!(checked.model.expect("model").timeline.len(), 2);
        // The same keys with a status, or over nothing, are retrospec's: the
        // missing or wrong status is reported.
        for text in [
            "---\ntitle: Outage\n---\n",
            "---\ntitle: Outage\nstatus: drafty\n---\n\n## Summary\n\nText.\n",
        ] {
            let checked = check_with(text, Format::Markdown, &Config::default());
            let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
            assert!(
                codes.iter().any(|c| ["RS102", "RS104"].contains(c)),
                "{text}: {codes:?}"
            );
        }
    }
    #[test]
    fn a_site_generators_front_matter_yaml_cannot_read_hides_nothing() {
        let body =
            "\n## Timeline\n\n- 2024-12-15 04:01 UTC link down\n- 2024-12-15 03:50 UTC alarms\n";
        let post = format!("---\ntitle: Post-Mortem: Network outage\n---\n{body}");
        let checked = check_with(&post, Format::Markdown, &Config::default());
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"RS001"), "{codes:?}");
        assert!(codes.contains(&"RS201"), "{codes:?}");
        // Retrospec's own front matter with the same mistake stops at it.
        let own = format!("---\ntitle: Post-Mortem: Network outage\nstatus: draft\n---\n{body}");
        let checked = check_with(&own, Format::Markdown, &Config::default());
        let codes: Vec<_> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["RS001"], "{codes:?}");
    }
}
