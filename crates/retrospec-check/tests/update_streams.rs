//! Generated variants of a postmortem written on top of its status-page history:
//! the updates written as sections of their own (`## Resolved` over `Posted ...`,
//! `## Update - 15:25 UTC` over `**Monitoring.** ...`), in `::: update` containers,
//! or as `**Status** - text` paragraphs, listed newest or oldest first. Each
//! update is a timeline entry; the summary's window is compared with them (an
//! update after the window's end that still reports the impact contradicts it,
//! the first update posted after the impact began does not), and a stream listed
//! newest first is no disorder while one update out of place is one finding.

mod support;

use support::{lines, timeline};

/// The summary-window and duration codes.
const WINDOW: &[&str] = &["RS207", "RS208", "RS217", "RS218", "RS220"];

/// One update: status word, clock (UTC, on 2025-10-08), words.
type Update = (&'static str, &'static str, &'static str);

/// The shapes a stream is written in.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// `## Resolved`, the words, `Posted Oct 08, 2025 - 16:42 UTC`.
    Headings,
    /// `## Update - 2025-10-08 16:42 UTC`, `**Resolved.** the words`.
    UpdateHeadings,
    /// `::: update Resolved | 2025-10-08T16:42:00Z`, the words, `:::`.
    Containers,
    /// `**Resolved** - the words`, `Posted Oct 08, 2025 - 16:42 UTC`.
    Paragraphs,
    /// `**Resolved** · 8 Oct 2025, 16:42 UTC` over the words.
    Headed,
}

const SHAPES: [Shape; 5] = [
    Shape::Headings,
    Shape::UpdateHeadings,
    Shape::Containers,
    Shape::Paragraphs,
    Shape::Headed,
];

fn update(shape: Shape, (status, clock, words): Update) -> String {
    match shape {
        Shape::Headings => {
            format!("## {status}\n\n{words}\n\nPosted Oct 08, 2025 - {clock} UTC\n\n")
        }
        Shape::UpdateHeadings => {
            format!("## Update - 2025-10-08 {clock} UTC\n\n**{status}.** {words}\n\n")
        }
        Shape::Containers => {
            format!("::: update {status} | 2025-10-08T{clock}:00Z\n{words}\n:::\n\n")
        }
        Shape::Paragraphs => {
            format!("**{status}** - {words}\n\nPosted Oct 08, 2025 - {clock} UTC\n\n")
        }
        Shape::Headed => format!("**{status}** · 8 Oct 2025, {clock} UTC\n{words}\n\n"),
    }
}

/// A report: the title, the postmortem on top (its summary), then the updates in
/// the order given.
fn report(shape: Shape, summary: &str, updates: &[Update]) -> String {
    let mut text = String::from("# Elevated errors on the Widgets API\n\n");
    match shape {
        // The paragraphs and containers follow the postmortem's own text.
        Shape::Containers | Shape::Paragraphs | Shape::Headed => {
            text.push_str(&format!("{summary}\n\n"));
        }
        Shape::Headings | Shape::UpdateHeadings => {
            text.push_str(&format!(
                "## Postmortem\n\n**What happened**\n\n{summary}\n\n"
            ));
        }
    }
    for u in updates {
        text.push_str(&update(shape, *u));
    }
    text
}

/// The history, oldest first: impact from 13:58, the lock released at 15:36,
/// error rates normal at 15:40.
const HISTORY: [Update; 5] = [
    (
        "Investigating",
        "14:31",
        "We are investigating elevated error rates when creating widgets.",
    ),
    (
        "Identified",
        "14:47",
        "A database migration is holding a lock on the widgets table.",
    ),
    (
        "Update",
        "15:25",
        "The migration is about two thirds done. Error rates are still around 30%.",
    ),
    (
        "Monitoring",
        "15:44",
        "The migration has finished and error rates are back to normal.",
    ),
    (
        "Resolved",
        "16:42",
        "This incident has been resolved. We will publish a postmortem.",
    ),
];

fn ordered(newest_first: bool) -> Vec<Update> {
    let mut all = HISTORY.to_vec();
    if newest_first {
        all.reverse();
    }
    all
}

/// The windows a summary may state, as (sentence, whether it agrees).
fn windows() -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for end in ["15:40", "15:44"] {
        out.push((
            format!("Between 13:58 and {end} UTC on October 8, requests to create widgets failed."),
            true,
        ));
        out.push((
            format!("From 13:58 to {end} UTC on October 8, up to 60% of widget requests failed."),
            true,
        ));
    }
    for end in ["15:10", "14:55"] {
        out.push((
            format!("Between 13:58 and {end} UTC on October 8, requests to create widgets failed."),
            false,
        ));
        out.push((
            format!("From 13:58 to {end} UTC on October 8, up to 60% of widget requests failed."),
            false,
        ));
    }
    out
}

#[test]
fn every_shape_and_order_reads_each_update_as_an_entry_oldest_first() {
    for shape in SHAPES {
        for newest_first in [true, false] {
            let text = report(shape, "A short summary.", &ordered(newest_first));
            let entries = timeline(&text);
            let statuses: Vec<&str> = entries
                .iter()
                .map(|(_, t)| t.split(" - ").next().unwrap_or(""))
                .collect();
            assert_eq!(
                statuses,
                [
                    "Investigating",
                    "Identified",
                    "Update",
                    "Monitoring",
                    "Resolved"
                ],
                "{shape:?} newest first {newest_first}:\n{text}\n{entries:?}"
            );
            assert!(
                entries[2].1.contains("still around 30%"),
                "{shape:?}: {entries:?}"
            );
        }
    }
}

#[test]
fn a_window_is_compared_with_the_updates_that_still_report_the_impact() {
    let mut false_alarms = Vec::new();
    let mut missed = Vec::new();
    let mut checked = 0;
    for shape in SHAPES {
        for newest_first in [true, false] {
            for (summary, agrees) in windows() {
                checked += 1;
                let text = report(shape, &summary, &ordered(newest_first));
                let hits: Vec<String> = lines(&text, WINDOW);
                match (agrees, hits.is_empty()) {
                    (true, false) => false_alarms.push(format!("{shape:?}: {hits:?}\n{text}")),
                    (false, true) => missed.push(format!("{shape:?}\n{text}")),
                    _ => {}
                }
            }
        }
    }
    assert!(checked >= 60, "{checked} variants");
    assert!(
        false_alarms.is_empty(),
        "{} false alarms, first:\n{}",
        false_alarms.len(),
        false_alarms[0]
    );
    assert!(
        missed.is_empty(),
        "{} missed, first:\n{}",
        missed.len(),
        missed[0]
    );
}

#[test]
fn updates_after_the_recovery_and_hedges_do_not_extend_the_window() {
    // The window ends at the Monitoring update; later updates speak of a
    // cleanup, a replay, or only what may still happen.
    let later: [[Update; 2]; 3] = [
        [
            (
                "Update",
                "16:05",
                "We are replaying the events that failed during the incident; some replays may still fail and will be retried.",
            ),
            (
                "Resolved",
                "16:42",
                "This incident has been resolved. Error rates were back to normal at 15:44.",
            ),
        ],
        [
            (
                "Update",
                "16:05",
                "We are still monitoring the service after the fix.",
            ),
            ("Resolved", "16:42", "All systems are operating normally."),
        ],
        [
            (
                "Monitoring",
                "16:05",
                "The backlog has been processed; we will follow up with a postmortem.",
            ),
            (
                "Resolved",
                "16:42",
                "The errors are over. A postmortem will follow.",
            ),
        ],
    ];
    for shape in SHAPES {
        for tail in &later {
            let mut updates = HISTORY[..2].to_vec();
            updates.push((
                "Monitoring",
                "15:44",
                "A fix has been deployed and error rates are back to normal.",
            ));
            updates.extend_from_slice(tail);
            updates.reverse();
            let text = report(
                shape,
                "Between 13:58 and 15:44 UTC on October 8, requests to create widgets failed.",
                &updates,
            );
            let hits: Vec<String> = lines(&text, WINDOW);
            assert!(hits.is_empty(), "{shape:?}: {hits:?}\n{text}");
        }
    }
}

#[test]
fn a_stream_newest_first_is_no_disorder_and_one_update_out_of_place_is_one_finding() {
    for shape in SHAPES {
        let text = report(shape, "A short summary.", &ordered(true));
        let order: Vec<String> = lines(&text, &["RS201"]);
        assert!(order.is_empty(), "{shape:?}: {order:?}\n{text}");
        // The 14:47 update listed below the 14:31 one in a newest-first list.
        let mut swapped = ordered(true);
        swapped.swap(3, 4);
        let text = report(shape, "A short summary.", &swapped);
        let order: Vec<String> = lines(&text, &["RS201"]);
        assert_eq!(order.len(), 1, "{shape:?}: {order:?}\n{text}");
    }
}

#[test]
fn a_postmortem_heading_and_sections_of_other_words_are_not_updates() {
    // `## Postmortem` stays the report's own text; a `## Resolution` section is
    // no `Resolved` update, and one dated section alone is no stream.
    let text = "# Outage\n\n## Postmortem\n\nErrors from 13:58 to 15:40 UTC.\n\nPosted Oct 10, 2025 - 11:20 UTC\n\n## Resolution\n\nWe rolled back.\n\nPosted Oct 08, 2025 - 15:40 UTC\n\n## Resolved\n\nThis incident has been resolved.\n\nPosted Oct 08, 2025 - 16:42 UTC\n";
    assert!(timeline(text).is_empty(), "{:?}", timeline(text));
}

/// A status page's front matter: `start` and `end` are the impact's, unless the
/// page is a scheduled maintenance.
fn fronted(end: &str, kind: &str, updates: &[Update]) -> String {
    let mut text = format!(
        "---\ntitle: Widget errors\nstart: 2025-10-08T13:58:00Z\nend: 2025-10-08T{end}:00Z\nseverity: {kind}\n---\n\n"
    );
    for u in updates {
        text.push_str(&update(Shape::Headed, *u));
    }
    text.push_str("## Post-incident summary\n\nA migration held a lock.\n");
    text
}

#[test]
fn a_front_matter_end_before_an_update_that_still_reports_the_impact_is_reported() {
    // No update's words end the impact: the Monitoring one only says the
    // migration finished; the `Resolved` post comes an hour after it.
    let mut updates: Vec<Update> = HISTORY[..3].to_vec();
    updates.push((
        "Monitoring",
        "15:44",
        "The migration has finished and we are watching the queue.",
    ));
    updates.push(("Resolved", "16:42", "The incident is closed."));
    updates.reverse();
    let codes = |text: &str| -> Vec<String> { lines(text, WINDOW) };
    // The Monitoring update says the impact ended: an end at it agrees.
    let mut ended = updates.clone();
    ended[1] = (
        "Monitoring",
        "15:44",
        "The migration has finished and error rates are back to normal.",
    );
    let off = fronted("15:10", "major", &updates);
    let hits = codes(&off);
    assert!(
        hits.iter().any(|m| m.starts_with("RS218")),
        "{hits:?}\n{off}"
    );
    // With no `Resolved` update yet, the update that still reports the impact
    // is what contradicts the end.
    let open = fronted("15:10", "major", &updates[1..]);
    let hits = codes(&open);
    assert!(
        hits.iter()
            .any(|m| m.starts_with("RS218") && m.contains("still reports")),
        "{hits:?}\n{open}"
    );
    let agreeing = fronted("15:44", "major", &ended);
    let off_ended = fronted("15:10", "major", &ended);
    assert!(
        codes(&off_ended).iter().any(|m| m.starts_with("RS218")),
        "{:?}\n{off_ended}",
        codes(&off_ended)
    );
    assert!(
        codes(&agreeing).is_empty(),
        "{:?}\n{agreeing}",
        codes(&agreeing)
    );
    // A scheduled maintenance's window is its plan: no milestone, no finding.
    let planned = fronted("15:10", "scheduled maintenance", &updates);
    assert!(
        codes(&planned).is_empty(),
        "{:?}\n{planned}",
        codes(&planned)
    );
}
