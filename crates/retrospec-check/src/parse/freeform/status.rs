//! The review status of a report read as written.
//!
//! A report in retrospec's form says `status: draft | in-review | published`. A
//! report written elsewhere rarely does, yet it is checked because someone means to
//! share it: it is read as `in-review` unless the text says otherwise. What is read,
//! first found wins (see `docs/import.md`):
//!
//! | written | read as |
//! |---|---|
//! | front matter `draft: true` / `draft = false` (Jekyll, Hugo) | `draft` / `published` |
//! | a `Status:` line (also `**Status:**`, `Report status:`, `Document status:`) saying `Draft`, `WIP` | `draft` |
//! | ... saying `In review`, `Review`, `Under review` | `in-review` |
//! | ... saying `Final`, `Published`, `Complete`, `Approved`, `Done` | `published` |
//! | the word `draft` in the title (`Disk full (draft)`, `DRAFT: Disk full`) | `draft` |
//! | a short line near the top that is only a draft banner (`DRAFT`, `**Draft - do not share**`) | `draft` |
//! | nothing of the above | `in-review` |
//!
//! A `Status:` line about the incident (`Status: Resolved`, `Current status:
//! Investigating`) says nothing of the report and is not read. The status is put in
//! the tree like any other field, so the rules that wait for a report to leave the
//! draft stage (placeholders: RS401) run on it, and `retrospec import` writes it.

use serde::Serialize;

use crate::span::Span;
use crate::tree::{Entry, Node, Value};

/// How the status of a report read as written was decided.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadStatus {
    /// `draft`, `in-review` or `published`.
    pub status: &'static str,
    /// The words it was read from; `None` when nothing in the text says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// How it was read, for people: `the line 'Status: Final'`.
    pub read_from: String,
}

/// The status of an action item as a team writes it in its own table (`In
/// progress`, `Not started`, `Closed`), in the model's words; `None` when the
/// words are not one of these. A state with a note after it (`Planned, Q3`, `Done
/// (2025-06-20)`, `In progress - ETA July`) is the state.
pub fn item_status(written: &str) -> Option<&'static str> {
    status_words(written).or_else(|| {
        let head = [",", ";", "(", " - ", " – ", " — "]
            .iter()
            .filter_map(|sep| written.find(sep))
            .min()?;
        status_words(&written[..head]).filter(|_| !written[..head].trim().is_empty())
    })
}

fn status_words(written: &str) -> Option<&'static str> {
    let lower = written
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['-', '_'], " ");
    Some(match lower.as_str() {
        "open" | "todo" | "to do" | "not started" | "planned" | "new" | "backlog" | "blocked"
        | "on hold" => "open",
        "in progress" | "ongoing" | "started" | "wip" | "doing" | "in review" => "in-progress",
        "done" | "complete" | "completed" | "closed" | "fixed" | "finished" | "shipped" => "done",
        "won't do" | "wont do" | "wontfix" | "won't fix" | "cancelled" | "canceled" | "dropped" => {
            "wont-do"
        }
        _ => return None,
    })
}

/// How many lines from the top a draft banner may stand.
const BANNER_LINES: usize = 12;

/// The status of a report whose fields (front matter mapped, sections read) are
/// `entries`, and the entry to add for it; `None` when `entries` has one.
pub fn infer(text: &str, entries: &[Entry], at: Span) -> Option<(ReadStatus, Entry)> {
    if entries.iter().any(|e| e.key == "status") {
        return None;
    }
    let read = from_front_matter(entries)
        .or_else(|| from_lines(text))
        .or_else(|| from_title(text, entries))
        .unwrap_or_else(|| ReadStatus {
            status: "in-review",
            span: None,
            read_from: "no draft marker: a report read as written is checked as ready for review"
                .into(),
        });
    let span = read.span.unwrap_or(Span::empty(at.start));
    let entry = Entry {
        key: "status".into(),
        key_span: span,
        value: Node::new(span, Value::String(read.status.into())),
    };
    Some((read, entry))
}

/// Jekyll's and Hugo's `draft` flag, kept as `x-draft`.
fn from_front_matter(entries: &[Entry]) -> Option<ReadStatus> {
    let entry = entries.iter().find(|e| e.key == "x-draft")?;
    let draft = match &entry.value.value {
        Value::Bool(b) => *b,
        Value::String(s) if s.eq_ignore_ascii_case("true") => true,
        Value::String(s) if s.eq_ignore_ascii_case("false") => false,
        _ => return None,
    };
    Some(ReadStatus {
        status: if draft { "draft" } else { "published" },
        span: Some(entry.value.span),
        read_from: format!("front matter `draft: {draft}`"),
    })
}

/// The status a `Status:` value names, when it is about the report.
fn status_word(value: &str) -> Option<&'static str> {
    let words: Vec<String> = value
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_ascii_lowercase)
        .collect();
    let first = words.first()?.as_str();
    let second = words.get(1).map_or("", String::as_str);
    Some(match (first, second) {
        ("draft" | "drafting" | "wip", _) => "draft",
        ("work", "in") => "draft",
        ("in-review" | "review" | "reviewing", _) | ("in" | "under" | "for", "review") => {
            "in-review"
        }
        (
            "final" | "published" | "complete" | "completed" | "approved" | "done" | "finalised"
            | "finalized",
            _,
        ) => "published",
        _ => return None,
    })
}

/// Markup around a line's key or banner: emphasis, a quote, a list marker.
fn strip_markup(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '>' | '-' | '[' | ']' | '#')
    })
}

/// A `Status:` line about the report, or a draft banner near the top; code blocks
/// are skipped.
fn from_lines(text: &str) -> Option<ReadStatus> {
    let mut fenced = false;
    let mut offset = 0;
    let mut nonblank = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced || trimmed.is_empty() {
            continue;
        }
        nonblank += 1;
        if let Some(found) = status_line(line, start) {
            return Some(found);
        }
        if nonblank <= BANNER_LINES
            && let Some(found) = banner(line, start)
        {
            return Some(found);
        }
    }
    None
}

/// `Status: Final`, `**Status:** Draft`, `Report status: in review` at `start`;
/// not a list item (`- Status: done` under an action item is the item's).
fn status_line(line: &str, start: usize) -> Option<ReadStatus> {
    let trimmed = line.trim_start();
    if trimmed.starts_with(['-', '*', '+']) && trimmed[1..].starts_with(char::is_whitespace) {
        return None;
    }
    let colon = line.find(':')?;
    let key = strip_markup(&line[..colon]).to_ascii_lowercase();
    if !matches!(
        key.as_str(),
        "status" | "report status" | "document status" | "postmortem status" | "post-mortem status"
    ) {
        return None;
    }
    let rest = &line[colon + 1..];
    let value = strip_markup(rest);
    let status = status_word(value)?;
    let value_start = start + colon + 1 + rest.find(value).unwrap_or(0);
    let value_end = value_start + value.len();
    Some(ReadStatus {
        status,
        span: Some(Span::new(value_start, value_end)),
        read_from: format!("the line '{}'", line.trim()),
    })
}

/// A short line that is only a draft banner: `DRAFT`, `**Draft - not for sharing**`.
fn banner(line: &str, start: usize) -> Option<ReadStatus> {
    let inner = strip_markup(line);
    if inner.len() > 40 {
        return None;
    }
    let head = inner.get(..5)?;
    let after = inner[5..].chars().next();
    if !head.eq_ignore_ascii_case("draft") || after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // "Draft" opening a sentence ("Draft notes were...") is not a banner: the rest
    // is punctuation, or a note set apart by a dash or colon.
    let rest = inner[5..].trim_start();
    if !(rest.is_empty() || rest.starts_with(['-', '–', '—', ':', '(', '/'])) {
        return None;
    }
    let at = start + line.find(inner).unwrap_or(0);
    Some(ReadStatus {
        status: "draft",
        span: Some(Span::new(at, at + 5)),
        read_from: format!("the banner '{}'", line.trim()),
    })
}

/// The word `draft` in the title.
fn from_title(text: &str, entries: &[Entry]) -> Option<ReadStatus> {
    let title = entries.iter().find(|e| e.key == "title")?;
    let source = title.value.span.slice(text);
    let lower = source.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let at = lower
        .match_indices("draft")
        .map(|(i, _)| i)
        .find(|&i| !word(lower[..i].chars().next_back()) && !word(lower[i + 5..].chars().next()))?;
    let start = title.value.span.start + at;
    Some(ReadStatus {
        status: "draft",
        span: Some(Span::new(start, start + 5)),
        read_from: format!("the title '{}'", source.trim()),
    })
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    fn status(text: &str) -> (String, Option<String>) {
        let checked = check(text, Format::Markdown);
        let parsed = checked.parsed.expect("parsed");
        let read = parsed
            .freeform
            .as_ref()
            .and_then(|r| r.status.clone())
            .expect("a status reading");
        (
            read.status.to_string(),
            read.span.map(|s| s.slice(text).to_string()),
        )
    }

    #[test]
    fn a_report_with_no_marker_is_read_as_in_review() {
        assert_eq!(
            status("# Disk full\n\n## Root cause\n\nLogs were never rotated.\n"),
            ("in-review".into(), None)
        );
    }

    #[test]
    fn status_lines_about_the_report_are_read() {
        for (line, want, words) in [
            ("**Status:** Final  ", "published", "Final"),
            ("Status: Draft", "draft", "Draft"),
            ("Report status: under review", "in-review", "under review"),
            (
                "*Document status*: WIP, numbers to come",
                "draft",
                "WIP, numbers to come",
            ),
        ] {
            let text =
                format!("# Disk full\n\n{line}\n\n## Root cause\n\nLogs were never rotated.\n");
            assert_eq!(status(&text), (want.into(), Some(words.into())), "{line}");
        }
    }

    #[test]
    fn incident_status_lines_are_not_the_report_status() {
        for line in [
            "Status: Resolved",
            "**Current status:** Investigating",
            "Status: monitoring",
            "- Status: draft",
        ] {
            let text =
                format!("# Disk full\n\n{line}\n\n## Root cause\n\nLogs were never rotated.\n");
            assert_eq!(status(&text).0, "in-review", "{line}");
        }
    }

    #[test]
    fn draft_titles_banners_and_front_matter_flags() {
        assert_eq!(
            status("# Disk full (draft)\n\nText.\n"),
            ("draft".into(), Some("draft".into()))
        );
        assert_eq!(
            status("# Disk full\n\n**DRAFT - not for sharing yet**\n\nText.\n"),
            ("draft".into(), Some("DRAFT".into()))
        );
        // Words that contain "draft" or a sentence that opens with it are no marker.
        assert_eq!(status("# Redrafted disk alerts\n\nText.\n").0, "in-review");
        assert_eq!(
            status("# Disk full\n\nDraft emails were queued twice.\n").0,
            "in-review"
        );
        assert_eq!(
            status("+++\ntitle = \"Disk full\"\ndraft = true\n+++\n\nText.\n").0,
            "draft"
        );
        assert_eq!(
            status("---\nlayout: post\ntitle: Disk full\ndraft: false\n---\n\nText.\n").0,
            "published"
        );
    }

    #[test]
    fn action_table_statuses_in_a_team_s_words() {
        let text = "# Disk full\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n| Add an alert | sre | In progress |\n| Rotate logs | sre | Not started |\n| Move disks | sre | Closed |\n| Split the job | sre | Blocked |\n| Drop the cache | sre | WON'T DO |\n| Keep as is | sre | someday |\n| Cap backoff | sre | Planned, Q3 |\n| Pin the plugin | sre | Done (2025-06-20) |\n| Add a runbook | sre | someday, maybe |\n";
        let checked = check(text, Format::Markdown);
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        let statuses: Vec<String> = checked
            .model
            .expect("model")
            .action_items
            .iter()
            .map(|i| format!("{:?}", i.status))
            .collect();
        assert_eq!(
            statuses,
            [
                "Some(InProgress)",
                "Some(Open)",
                "Some(Done)",
                "Some(Open)",
                "Some(WontDo)",
                "None",
                "Some(Open)",
                "Some(Done)",
                "None"
            ],
            "{codes:?}"
        );
        // A word that is no status is still reported.
        assert!(codes.contains(&"RS104"), "{codes:?}");
    }

    #[test]
    fn a_status_in_code_is_not_read() {
        assert_eq!(
            status("# Disk full\n\n```\nstatus: draft\n```\n\nText.\n").0,
            "in-review"
        );
    }
}
