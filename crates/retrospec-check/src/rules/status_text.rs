use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::words::Hits;
use crate::rules::{Context, Rule, declare_rule};
use crate::scan::Caseless;
use crate::span::Span;

declare_rule! {
    /// The report's own status text still says the incident is under way
    /// ("Status: Investigating", "Current status: ongoing") while the report
    /// records it as resolved.
    ///
    /// ## Why
    /// A reader who sees "Investigating" at the top of a finished postmortem does
    /// not know whether the incident is over. The status line was written during
    /// the incident and never updated.
    ///
    /// Read: the public status text the report quotes as the last one, still
    /// saying the team is investigating, looking into or working on it
    /// (`- Status page (final text): "We are investigating ..."`, `**Last status
    /// update:** We're still looking into ...`; a first or earlier update is the
    /// past), and a line `Status:`, `Current status:`, `Phase:` or `Current state:` (bold or
    /// plain, in a list, a reStructuredText field `:Current state: Monitoring` or a
    /// table cell `| Status | Investigating |`; a bare `State:` only in a header line
    /// of fields set apart by `|`, `Incident INC-4471 | Severity: SEV2 | State:
    /// Investigating`, never in the action items) whose value is "investigating",
    /// "identified", "ongoing", "monitoring", "mitigating", "in progress", "unresolved", "under investigation" or
    /// "mitigation (recovery, remediation, investigation) in progress/underway/ongoing"
    /// ("open" and "active" are left alone: action item tables use them), in any prose string, an `x-status` or `x-incident-status`
    /// field with such a value, and another tool's `resolved: false` (`x-resolved`).
    /// Resolved means `milestones.resolved` is given, a
    /// timeline entry is marked `resolved`, an entry says the incident was
    /// closed ("Incident closed", "Incident marked resolved", "This incident has
    /// been resolved"), a field gives the time it ended (`| Incident end |
    /// 2025-03-11 05:47 UTC |`, `Resolved at: 14:20`), or of two or more dated
    /// status lines (`6th March 2025 at 13:53: Resolved: Telephony`) the newest
    /// says `Resolved`, or the report says the postmortem was reviewed or approved
    /// (`Reviewed at the reliability review on January 19`, `This postmortem was
    /// approved by the review board`): a review comes after the incident. A header block set
    /// in a blockquote (three or more quoted `> **Key:** value` lines, one of them
    /// a header key such as `Incident ID`, `Date`, `Severity`, `Duration`) is read as
    /// the header it is. Other text in code blocks and quoted lines is
    /// not read, and neither are status-page updates ("**Investigating** - We are
    /// looking into..."), which record the past.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Registry pulls failing
    /// status: draft
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 17:20 CEST
    /// ---
    /// ## Summary
    /// **Current status:** Investigating
    /// ```
    /// Use instead: "**Current status:** Resolved", or remove the line.
    pub struct StatusText = "RS217", "stale-status-text", Warning;
}

const UNDER_WAY: &str = r"investigating|identified|ongoing|on-going|monitoring|mitigating|in\s+progress|unresolved|under\s+investigation|(?:mitigation|recovery|remediation|investigation)\s+(?:in\s+progress|under\s*way|ongoing)";

/// The words a prose status line is labelled with, in any case: asked of
/// every prose value (a lowercased copy and three searches each were 5.7 M of
/// 200 JSON reports' 426 M).
static STATE_WORDS: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&["status", " state", "phase"], &[]));

static LINE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?im)(?:^|\|)[ \t]*(?:[-*+][ \t]+)?[*_:]*(?:(?:current[ \t]+|incident[ \t]+)?(?:status|phase)|(?:current|incident)[ \t]+state)[*_]*[ \t]*(?::|\|)[ \t]*[*_]*[ \t]*(?P<value>{UNDER_WAY})\b"
    ))
    .expect("the status pattern is valid")
});

/// A field line of a quoted header block: `> **Status:** Monitoring`, `> Date: ...`.
static QUOTED_FIELD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^[ \t]*>[ \t]*(?:[-*+][ \t]+)?[*_]*(?P<key>[A-Za-z][A-Za-z ./()#-]{0,30}?)[*_]*[ \t]*(?::|[*_]+[ \t]*:)")
        .expect("the field pattern is valid")
});

/// Keys that make a quoted block of fields a report's header rather than a quoted
/// status-page update.
static HEADER_KEY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:date|severity|sev|priority|duration|authors?|owners?|incident(?:\s+(?:id|number|no\.?|#|commander|lead))?|id|impact|services?|teams?|reported\s+by|start(?:ed)?|end(?:ed)?|detected|resolved|level)$")
        .expect("the key pattern is valid")
});

/// `masked` (the masked text of `source`, same length) with the quoted header
/// blocks put back: runs of at least three quoted lines that are all fields, one
/// of them a header key (`> **Incident ID:**`, `> **Severity:**`, `> **Status:**`),
/// with the `>` blanked. A template that sets its header in a blockquote means it
/// as the header; a quoted status-page update ("> **Investigating** - ...") has no
/// such block and stays unread.
fn with_quoted_headers(masked: &str, source: &str) -> String {
    if masked.len() != source.len() || !source.contains('>') {
        return masked.to_string();
    }
    let mut out = masked.as_bytes().to_vec();
    let lines: Vec<(usize, &str)> = source
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && lines[j].1.trim_start().starts_with('>') {
            j += 1;
        }
        if j == i {
            i += 1;
            continue;
        }
        let run = &lines[i..j];
        let keys: Vec<Option<String>> = run
            .iter()
            .map(|(_, l)| {
                QUOTED_FIELD
                    .captures(l)
                    .and_then(|c| c.name("key"))
                    .map(|k| k.as_str().trim().to_string())
            })
            .collect();
        let fields = keys.iter().flatten().count();
        if fields >= 3
            && fields == run.len()
            && keys.iter().flatten().any(|k| HEADER_KEY.is_match(k))
        {
            for (start, l) in run {
                let bytes = l.as_bytes();
                let gt = l.find('>').unwrap_or(0);
                for (k, b) in bytes.iter().enumerate() {
                    out[start + k] = if k == gt { b' ' } else { *b };
                }
            }
        }
        i = j;
    }
    String::from_utf8(out).unwrap_or_else(|_| masked.to_string())
}

/// A timeline entry that closes the incident: "Incident closed", "Incident
/// resolved", "Closed the incident", "Incident marked resolved".
static CLOSED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?:incident|outage|issue)\s+(?:is\s+|was\s+|now\s+|has\s+(?:now\s+)?been\s+)?(?:(?:marked|declared|set)\s+(?:as\s+)?)?(?:closed|resolved|over)|(?:closed|resolved)\s+the\s+(?:incident|outage)|incident\s+closure)\b")
        .expect("the closed pattern is valid")
});
/// Words every match of [`CLOSED`] has: where they stand is found once, and an
/// entry without one is not matched (the pattern cost 800 instructions an entry
/// of a long timeline that never says it).
const CLOSE_WORDS: &[&str] = &["closed", "resolved", "over", "closure"];
/// ...unless it says it is not closed yet.
static NOT_YET: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:not|n't|yet|until|once|when|if|before|reopen(?:ed)?|partially)\b")
        .expect("the pattern is valid")
});

static VALUE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(r"(?i)^\s*(?P<value>{UNDER_WAY})\s*$")).expect("the value pattern is valid")
});

impl Rule for StatusText {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // What says it is resolved: the milestone, else a timeline entry marked so.
        let evidence = cx
            .times
            .milestone(Milestone::Resolved)
            .map(|v| {
                (
                    v.pointer.clone(),
                    format!("`milestones.resolved` is `{}`", v.text.trim()),
                )
            })
            .or_else(|| {
                cx.model
                    .timeline
                    .iter()
                    .position(|e| e.milestone == Some(Milestone::Resolved))
                    .map(|i| {
                        (
                            Ptr::timeline_entry(i).text().into(),
                            format!("timeline entry {} is marked resolved", i + 1),
                        )
                    })
            })
            .or_else(|| {
                let hits = Hits::new(cx.lowercase, CLOSE_WORDS);
                cx.model
                    .timeline
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(i, e)| {
                        cx.entry_text(*i).is_none_or(|node| hits.may(cx.text, node))
                            && CLOSED.is_match(&e.text)
                            && !NOT_YET.is_match(&e.text)
                    })
                    .map(|(i, _)| i)
                    .map(|i| {
                        (
                            Ptr::timeline_entry(i).text().into(),
                            format!("timeline entry {} says the incident was closed", i + 1),
                        )
                    })
            });
        let Some((resolved_at, evidence)) = evidence
            .map(|(pointer, why)| (cx.span(&pointer), why))
            .or_else(|| closed_elsewhere(cx))
        else {
            return;
        };
        let mut found: Vec<(Span, String)> = Vec::new();
        for (p, node, prose) in cx.strings() {
            let Some(value) = node.as_str() else { continue };
            let is_x_status = matches!(p.as_str(), "/x-status" | "/x-incident-status" | "/x-state");
            // Another tool's `resolved: false` flag, as a string.
            if is_unresolved_flag(p, node) {
                found.push((cx.span(p), format!("{}: {value}", &p[3..])));
                continue;
            }
            if is_x_status {
                if let Some(caps) = VALUE.captures(value).and_then(|c| c.name("value")) {
                    found.push((
                        cx.span_of_match(p, value, caps.range()),
                        caps.as_str().to_string(),
                    ));
                }
                continue;
            }
            // A header line of fields read as the title (a chat export's first line).
            if p.as_str() == "/title" {
                for caps in HEADER_STATE.captures_iter(value).take(5) {
                    if let Some(v) = caps.name("value") {
                        let span = cx.span_of_match(p, value, v.range());
                        found.push((span, v.as_str().to_string()));
                    }
                }
                continue;
            }
            if !prose {
                continue;
            }
            if !STATE_WORDS.is_match(value) {
                continue;
            }
            let prose = crate::claims::Prose::of(cx.text, node);
            let read = with_quoted_headers(&prose.masked, node.span.slice(cx.text));
            // The quoted status text is masked as a quote is: read it in the text
            // as written, where its label is not masked.
            let raw = node.span.slice(cx.text);
            let public = FINAL_PUBLIC.captures_iter(raw).filter(|c| {
                c.get(0).is_some_and(|m| {
                    read.as_bytes().get(m.start()) == raw.as_bytes().get(m.start())
                })
            });
            for caps in LINE.captures_iter(&read).chain(public).take(20) {
                if let Some(v) = caps.name("value") {
                    let span = prose.span(v.range());
                    found.push((span, v.as_str().to_string()));
                }
            }
            // A bare `State:` in a header line of fields, outside the action items
            // (whose rows say `State: in progress` of themselves).
            if !p.starts_with("/action_items") {
                for caps in HEADER_STATE.captures_iter(&read).take(5) {
                    if let Some(v) = caps.name("value") {
                        found.push((prose.span(v.range()), v.as_str().to_string()));
                    }
                }
            }
        }
        // ...and as the boolean it usually is.
        for p in ["/x-resolved", "/x-is-resolved"] {
            if let Some(node) = cx.node(p)
                && matches!(node.value, crate::tree::Value::Bool(false))
            {
                found.push((cx.span(p), format!("{}: false", &p[3..])));
            }
        }
        for (span, value) in found {
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!(
                        "the report's status text still says `{value}`, but the incident is resolved: {evidence}"
                    ),
                )
                .with_label(resolved_at, "resolved here")
                .with_help("update the status line to say the incident is resolved, or remove it"),
            );
        }
    }
}

/// The last public status text the report quotes, labelled as the last
/// (`- Status page (final text): "We are investigating ..."`, `**Last status
/// update:** We're still looking into ...`): the public page was left saying the
/// incident is under way. A first or an earlier update is the past, not read.
static FINAL_PUBLIC: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r#"(?im)^[ \t]*(?:[-*+][ \t]+)?[*_]*(?:(?:final|last|latest|closing)[ \t]+(?:public[ \t]+)?status(?:[ \t-]+page)?[ \t]+(?:text|update|message|post|wording)|status[ \t-]+page[ \t]*\((?:final|last|latest)(?:[ \t]+(?:text|update|message|post|wording))?\))[*_]*[ \t]*:[*_]*[ \t]*[^\sA-Za-z]{0,2}[ \t]*(?:we[ \t]+are|we'?re|we[^\sA-Za-z]re)[ \t]+(?:(?:still|currently|actively)[ \t]+)?(?P<value>investigating|looking[ \t]+into|working[ \t]+on)\b"#,
    )
    .expect("the final status pattern is valid")
});

/// A bare `State:` in a line of fields set apart by `|`, another field before it
/// (a chat export's or a tracker's header: `Incident INC-4471 | Severity: SEV2 |
/// State: Investigating`).
static HEADER_STATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?im)^[^\n]*?\b[A-Za-z][A-Za-z -]{{0,20}}:[^\n|]*\|[ \t]*state[ \t]*:[ \t]*(?P<value>{UNDER_WAY})\b"
    ))
    .expect("the header state pattern is valid")
});

/// A sentence that says the postmortem was reviewed or approved, a thing done
/// after the incident: `Reviewed at the reliability review on Monday, January
/// 19`, `This postmortem was approved by the review board on 3 April` (not `to be
/// reviewed`, nor `Reviewed the logs`).
static REVIEWED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?:^|[.!]\s+|\n)(?:Reviewed|Approved|Signed off)\s+(?:at|in|during|by)\s+(?:the|our|a)\s+(?:[\w-]+\s+){0,3}?(?:review|reviews|meeting|retro|retrospective|board|committee|post-?mortem)\b|(?i:\b(?:post-?mortem|review|report|document|write-?up)\s+(?:was|has\s+been)\s+(?:reviewed|approved|signed\s+off)\b)")
        .expect("the reviewed pattern is valid")
});

/// Another tool's front matter flag that says the incident is not resolved,
/// written as a string (`resolved: "false"`, `is-resolved: no`).
fn is_unresolved_flag(pointer: &str, node: &crate::tree::Node) -> bool {
    matches!(pointer, "/x-resolved" | "/x-is-resolved")
        && node
            .as_str()
            .is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "false" | "no"))
}

/// A field that gives the time the incident ended or was closed: `| Incident
/// end | 2025-03-11 05:47 UTC |`, `**Resolved at:** 14:20`, `Closed at: ...`.
static ENDED_FIELD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)(?:^|\|)[ \t]*(?:[-*+][ \t]+)?[*_]*(?:incident[ \t]+(?:end(?:ed)?|closed|resolved)(?:[ \t]+(?:at|time|date(?:[ \t]*/[ \t]*time)?))?|resolved[ \t]+(?:at|on)|resolution[ \t]+(?:time|date(?:[ \t]*/[ \t]*time)?)|closed[ \t]+at)[ \t]*(?:\([^)\n]{1,12}\))?[*_]*[ \t]*(?::|\|)[ \t]*[*_]*[ \t]*(?P<value>[^|\n]{0,40}?\b(?:[01]?[0-9]|2[0-3]):[0-5][0-9])")
        .expect("the field pattern is valid")
});

/// A dated status line: `6th March 2025 at 13:53: Resolved: Hosted Telephony`,
/// `2025-03-06 13:53 - Resolved`.
static STATUS_LINE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)^[ \t]*(?:(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?[ \t]+(?P<mon>[a-z]{3,9})\.?,?[ \t]+(?P<y>[0-9]{4})|(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2}))[ \t]+(?:at[ \t]+)?(?P<h>[0-9]{1,2}):(?P<m>[0-5][0-9])(?::[0-5][0-9])?[ \t]*[:\-–—|][ \t]*(?P<status>resolved|monitoring|identified|investigating|update|resolving|scheduled|in[ \t]+progress)\b")
        .expect("the status line pattern is valid")
});

/// When a dated status line was posted: year, month, day, minute of the day.
type StatusAt = (i64, i64, i64, i64);

/// Evidence besides the milestones and the timeline's words that the incident
/// is over: a field with the time it ended or was closed, or dated status lines
/// (two or more, anywhere in the report) whose newest says `Resolved`; the span
/// it is stated at.
fn closed_elsewhere(cx: &Context<'_>) -> Option<(Span, String)> {
    let mut lines: Vec<(StatusAt, String, Span)> = Vec::new();
    for (_, node, prose) in cx.strings() {
        let Some(value) = node.as_str() else { continue };
        if !prose || value.len() > 200_000 {
            continue;
        }
        // Either case of the first letter: three searches of every string (a long
        // timeline's entries among them), not six.
        let reviewed = ["eviewed", "pproved", "igned off"]
            .iter()
            .any(|w| value.contains(w));
        if !reviewed && !value.contains(':') {
            continue;
        }
        let text = crate::claims::Prose::of(cx.text, node);
        if reviewed && let Some(whole) = REVIEWED.find(&text.masked) {
            let words = whole
                .as_str()
                .trim_start_matches(['.', '!', ' ', '\t', '\n']);
            let at = whole.end() - words.len();
            return Some((
                text.span(at..whole.end()),
                format!("the report says it was reviewed (`{words}`)"),
            ));
        }
        if let Some(whole) = ENDED_FIELD.find(&text.masked) {
            let field = whole.as_str().trim_matches(['|', ' ', '\t', '*', '_']);
            return Some((
                text.span(whole.range()),
                format!("the report gives the time it ended (`{field}`)"),
            ));
        }
        lines.extend(
            STATUS_LINE
                .captures_iter(&text.masked)
                .take(50)
                .filter_map(|caps| {
                    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
                    let (y, m, d) = match (num("iy"), num("im"), num("id")) {
                        (Some(y), Some(m), Some(d)) => (y, m, d),
                        _ => (
                            num("y")?,
                            i64::from(retrospec_time::month_from_name(caps.name("mon")?.as_str())?),
                            num("d")?,
                        ),
                    };
                    let at = (y, m, d, num("h")? * 60 + num("m")?);
                    let status = caps.name("status")?.as_str().to_string();
                    Some((at, status, text.span(caps.get(0)?.range())))
                }),
        );
    }
    // The newest line, alone at its time, says the incident is resolved.
    let newest = lines.iter().map(|l| l.0).max();
    let mut at_newest = lines.iter().filter(|l| Some(l.0) == newest);
    match (at_newest.next(), at_newest.next()) {
        (Some((_, status, span)), None)
            if lines.len() >= 2 && status.eq_ignore_ascii_case("resolved") =>
        {
            Some((
                *span,
                "the newest dated status line says `Resolved`".to_string(),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::rules::spans_of;

    fn report(resolved: bool, body: &str) -> String {
        let end = if resolved {
            "  resolved: 2024-06-10 17:20 CEST\n"
        } else {
            ""
        };
        format!(
            "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n{end}---\n## Summary\n{body}\n"
        )
    }

    #[test]
    fn a_stale_status_line_in_a_resolved_report() {
        for (body, found) in [
            ("**Current status:** Investigating", "Investigating"),
            ("Status: ongoing", "ongoing"),
            ("| Status | Monitoring |", "Monitoring"),
            ("- **Status**: in progress", "in progress"),
            ("**Status:** Mitigating", "Mitigating"),
            (":Current state: Monitoring", "Monitoring"),
            (
                "**Phase:** mitigation in progress",
                "mitigation in progress",
            ),
            ("Current phase: recovery underway", "recovery underway"),
            ("| Status | Under investigation |", "Under investigation"),
            ("Incident state: investigating", "investigating"),
            // The public page's last text, quoted as such.
            (
                "- Status page (final text): \"We are investigating elevated delays.\"",
                "investigating",
            ),
            (
                "**Last status update:** “We’re still looking into slow pushes”",
                "looking into",
            ),
        ] {
            assert_eq!(
                spans_of("RS217", &report(true, body), Format::Markdown),
                [found],
                "{body}"
            );
        }
    }

    /// A report with no resolved milestone whose timeline has `last`.
    fn closed_by_entry(header: &str, last: &str) -> String {
        format!(
            "# Push notifications not delivered\n\n{header}\n\n## Summary\n\nPushes failed for an hour.\n\n## Timeline (UTC)\n\n- 2024-06-10 14:00 UTC Pushes start failing\n- 2024-06-10 15:00 UTC Certificate replaced\n- 2024-06-10 16:00 UTC {last}\n"
        )
    }

    #[test]
    fn a_quoted_header_block_and_a_closing_entry() {
        for (header, last) in [
            (
                "> **Incident ID:** INC-7\n> **Severity:** P2\n> **Status:** Monitoring",
                "Incident closed.",
            ),
            (
                "> Date: 2024-06-10\n> Owner: push team\n> Status: Investigating",
                "Incident resolved",
            ),
            (
                "> - **Severity**: SEV2\n> - **Duration**: 2 hours\n> - **Current status**: ongoing",
                "Incident marked as resolved",
            ),
            (
                "> **Status:** Monitoring\n> **Author:** push team\n> **Date:** 2024-06-10",
                "We closed the incident",
            ),
            (
                "**Severity:** P2\n**Status:** Monitoring",
                "Outage over; incident closed",
            ),
        ] {
            assert_eq!(
                spans_of("RS217", &closed_by_entry(header, last), Format::Markdown).len(),
                1,
                "{header} / {last}"
            );
        }
        for (header, last) in [
            // A quoted status-page update, not a header.
            (
                "> **Investigating** - We are looking into failed pushes.\n> Posted 14:05",
                "Incident closed.",
            ),
            // Two quoted lines are too few to be a header block.
            (
                "> **Status:** Monitoring\n> **Date:** 2024-06-10",
                "Incident closed.",
            ),
            // A quoted block that is not all fields.
            (
                "> **Severity:** P2\n> **Status:** Monitoring\n> We will post again in an hour.",
                "Incident closed.",
            ),
            // No header key among the fields.
            (
                "> **Status:** Monitoring\n> **Next update:** 16:30\n> **Message:** looking",
                "Incident closed.",
            ),
            // The entry does not close the incident.
            (
                "> **Incident ID:** INC-7\n> **Severity:** P2\n> **Status:** Monitoring",
                "Incident not yet closed; monitoring",
            ),
            (
                "> **Incident ID:** INC-7\n> **Severity:** P2\n> **Status:** Monitoring",
                "Fix deployed, error rate dropping",
            ),
        ] {
            assert_eq!(
                spans_of("RS217", &closed_by_entry(header, last), Format::Markdown),
                Vec::<&str>::new(),
                "{header} / {last}"
            );
        }
    }

    #[test]
    fn quiet_when_unresolved_updated_or_an_update_log() {
        for (resolved, body) in [
            (false, "**Current status:** Investigating"),
            (true, "**Current status:** Resolved"),
            (
                true,
                "**Investigating** - We are looking into failed pulls.",
            ),
            (true, "```\nstatus: investigating\n```"),
            (true, "> Status: investigating"),
            (
                true,
                "We are still investigating why the status page was slow.",
            ),
            (true, "State: monitoring"),
            (true, "The current state: investigating a second cause."),
            (true, "**Phase:** complete"),
            (true, "In the first phase: mitigation in progress was slow."),
            (
                true,
                "- Status page (first update): \"We are investigating elevated delays.\"",
            ),
            (
                true,
                "- Final status page text: \"We have resolved the delays.\"",
            ),
            (
                false,
                "- Status page (final text): \"We are investigating elevated delays.\"",
            ),
        ] {
            assert_eq!(
                spans_of("RS217", &report(resolved, body), Format::Markdown),
                Vec::<&str>::new(),
                "{body}"
            );
        }
    }

    /// Other evidence that the incident is over: a field with the time it ended,
    /// dated status lines whose newest says `Resolved`, a post saying the
    /// incident has been resolved; and another tool's `resolved: false` flag as
    /// a stale status.
    #[test]
    fn an_end_field_a_newest_resolved_line_and_a_false_flag() {
        let ticket = |status: &str, end: &str| {
            format!(
                "# [OPS-1] Withdrawals stuck\n\n| Field | Value |\n|---|---|\n| Status | {status} |\n| Incident start | 2025-03-11 01:52 UTC |\n| Incident end | {end} |\n\n## Description\n\nWithdrawals were stuck for hours.\n"
            )
        };
        assert_eq!(
            spans_of(
                "RS217",
                &ticket("Monitoring", "2025-03-11 05:47 UTC"),
                Format::Markdown
            ),
            ["Monitoring"]
        );
        for (status, end) in [("Monitoring", "TBD"), ("Resolved", "2025-03-11 05:47 UTC")] {
            assert!(
                spans_of("RS217", &ticket(status, end), Format::Markdown).is_empty(),
                "{status} / {end}"
            );
        }
        let page = |lines: &str| {
            format!(
                "Acme Voice - Service Status\n\nCurrent status: Monitoring\n\n{lines}\n\nAll times are UK time.\n"
            )
        };
        assert_eq!(
            spans_of(
                "RS217",
                &page(
                    "6th March 2025 at 13:53: Resolved: Hosted Telephony\n\n26th February 2025 at 10:10: Monitoring: Hosted Telephony"
                ),
                Format::Markdown
            ),
            ["Monitoring"]
        );
        for lines in [
            // The newest line is not Resolved.
            "26th February 2025 at 10:10: Monitoring: Hosted Telephony\n\n26th February 2025 at 10:07: Resolved: Hosted Telephony",
            // One line alone is no history.
            "6th March 2025 at 13:53: Resolved: Hosted Telephony",
        ] {
            assert!(
                spans_of("RS217", &page(lines), Format::Markdown).is_empty(),
                "{lines}"
            );
        }
        let flagged = |flag: &str, last: &str| {
            format!(
                "---\ntitle: Errors on the API\nseverity: major-outage\n{flag}\n---\n\n## Postmortem\n\nErrors for half an hour.\n\n### Update\n\n{last}\n\n*Jun 12, 2025 - 18:31 PDT*\n\n### Investigating\n\nWe are investigating.\n\n*Jun 12, 2025 - 17:20 PDT*\n"
            )
        };
        assert_eq!(
            spans_of(
                "RS217",
                &flagged("resolved: false", "This incident has been resolved."),
                Format::Markdown
            )
            .len(),
            1
        );
        for (flag, last) in [
            ("resolved: true", "This incident has been resolved."),
            (
                "resolved: false",
                "A fix is being rolled out; this incident has not been resolved yet.",
            ),
        ] {
            assert!(
                spans_of("RS217", &flagged(flag, last), Format::Markdown).is_empty(),
                "{flag} / {last}"
            );
        }
    }

    /// A reviewed postmortem is over; a bare `State:` counts in a header line of
    /// fields, not in an action item or a sentence.
    #[test]
    fn a_review_and_a_header_line_s_state() {
        let notion = |status: &str, review: &str| {
            format!(
                "# Exports stuck (INC-338)\n\nStatus: {status}\nSeverity: SEV-2\n\nPostmortem for INC-338. {review}\n\n## Timeline\n\n- 11:31 AM PST Nodes reclaimed\n- 2:05 PM PST Backlog drained\n"
            )
        };
        fn found(text: &str) -> Vec<&str> {
            spans_of("RS217", text, Format::Markdown)
        }
        assert_eq!(
            found(&notion(
                "Investigating",
                "Reviewed at the reliability review on Monday."
            )),
            ["Investigating"]
        );
        assert_eq!(
            found(&notion(
                "Monitoring",
                "This postmortem was approved by the board."
            )),
            ["Monitoring"]
        );
        for review in [
            "To be reviewed at the reliability review on Monday.",
            "Reviewed the logs at the review desk.",
            "We will review it.",
        ] {
            assert!(
                found(&notion("Investigating", review)).is_empty(),
                "{review}"
            );
        }
        let chat = |header: &str| {
            format!(
                "{header}\nTimes are EDT, Tuesday 20 May 2025.\n\n[2:03 PM] PagerBot: TRIGGERED\n[2:05 PM] Marcus: ack\n[3:14 PM] Dana: calling it resolved\n"
            )
        };
        assert_eq!(
            found(&chat(
                "Incident INC-4471 | Severity: SEV2 | State: Investigating"
            )),
            ["Investigating"]
        );
        for header in [
            "Incident INC-4471 | Severity: SEV2 | State: Resolved",
            "The state: investigating the cause took long",
            "Incident INC-4471, state: investigating",
        ] {
            assert!(found(&chat(header)).is_empty(), "{header}");
        }
    }
}
