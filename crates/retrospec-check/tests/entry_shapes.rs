//! Generated variants of shapes a real-report audit found (debt18): timeline
//! entries led by a time in italics (`- *09:03* text`, `- _09:03_ — text`),
//! zone abbreviations that are an organisation's name (`IST staff restarted the
//! hosts`), and a timeline table whose order a note beside it explains. Each
//! shape is crossed with its forms; the correct variants are silent and the
//! planted ones fire.

mod support;

use support::{Tally, lines, timeline};

/// How a time can be set off at the head of an entry.
const MARKS: &[(&str, &str)] = &[
    ("**", "**"),
    ("*", "*"),
    ("_", "_"),
    ("__", "__"),
    ("`", "`"),
];
/// What stands between the time and the entry's text.
const SEPARATORS: &[&str] = &[" ", " — ", " - ", ": ", " – "];
/// The entries, in the order they happened.
const ENTRIES: [(&str, &str); 4] = [
    ("09:03", "deploy of build 412 starts"),
    ("09:10", "checkout errors begin"),
    ("09:30", "rollback started"),
    ("09:50", "checkout recovered"),
];

fn timeline_report(
    mark: (&str, &str),
    sep: &str,
    bullet: &str,
    entries: &[(&str, &str)],
) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|(t, e)| format!("{bullet}{}{t}{}{sep}{e}", mark.0, mark.1))
        .collect();
    let join = if bullet.is_empty() { "  \n" } else { "\n" };
    format!(
        "# Checkout outage on 3 June 2025\n\nAll times UTC.\n\n## Summary\n\nCheckout failed for \
         40 minutes.\n\n## Timeline\n\n{}\n\n## Root cause\n\nA bad build.\n",
        lines.join(join)
    )
}

/// An entry led by a time in italics (or bold, or code) is an entry, with its
/// text after the mark and the separator, and the same checks: in order and with
/// the length right it is silent; one entry out of order is RS201, a length that
/// is off is RS208.
#[test]
fn italic_times_lead_entries_with_the_checks_of_bold_ones() {
    let mut tally = Tally::new("italic times lead entries");
    for &mark in MARKS {
        for sep in SEPARATORS {
            for bullet in ["- ", "* ", "1. ", ""] {
                let label = format!("{mark:?} / {sep:?} / {bullet:?}");
                let text = timeline_report(mark, sep, bullet, &ENTRIES);
                let read = timeline(&text);
                assert_eq!(read.len(), 4, "{label}: {read:?}\n{text}");
                assert_eq!(read[2].1, "rollback started", "{label}: {read:?}\n{text}");
                tally.silent(&label, &text, &["RS201", "RS208", "RS009", "RS203"]);
                let mut swapped = ENTRIES;
                swapped.swap(2, 3);
                let text = timeline_report(mark, sep, bullet, &swapped);
                tally.fires(&format!("{label} / swapped"), &text, &["RS201"]);
                let text =
                    timeline_report(mark, sep, bullet, &ENTRIES).replace("40 minutes", "two hours");
                tally.naming(&format!("{label} / off length"), &text, &["RS208"], "40m");
            }
        }
    }
    tally.check_both();
}

/// A line in italics that is no time stays a note: not an entry, no finding.
#[test]
fn an_italic_note_in_a_timeline_is_no_entry() {
    for note in [
        "*All times are UTC.*",
        "_Times are approximate._",
        "*(entries from the chat log)*",
    ] {
        let text = timeline_report(("*", "*"), " ", "- ", &ENTRIES)
            .replace("## Timeline\n\n", &format!("## Timeline\n\n{note}\n\n"));
        assert_eq!(timeline(&text).len(), 4, "{note}\n{text}");
        assert!(
            lines(&text, &["RS009", "RS201"]).is_empty(),
            "{note}\n{text}"
        );
    }
}

/// Abbreviations that are a zone's and also an organisation's or a team's name,
/// with a name each spells out (`IST`: Information Services and Technology).
const NAME_WORDS: &[(&str, &str)] = &[
    ("IST", "Information Services and Technology"),
    ("AST", "Academic Systems Team"),
    ("CAT", "Campus Access Team"),
    ("EET", "Enterprise Engineering Team"),
    ("WAT", "Web Applications Team"),
];

fn campus_report(prose: &str, entries: &[&str]) -> String {
    format!(
        "# Campus VPN outage on 3 December 2025\n\n## Summary\n\nThe first alert came at 09:58 MST. \
         {prose}\n\n## Timeline\n\n{}\n\n## Root cause\n\nA certificate expired.\n",
        entries
            .iter()
            .map(|e| format!("- {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    )
}

/// Whether a finding's message names `word` as a zone.
fn names_as_zone(text: &str, word: &str) -> Vec<String> {
    support::found(text)
        .into_iter()
        .filter(|f| f.code.starts_with("RS2") && f.message.contains(&format!("`{word}`")))
        .map(|f| f.line_covering())
        .collect()
}

/// An abbreviation used as a name (the subject of a verb, before a noun for
/// people, possessive, after "our", spelled out as a name in the report) is no
/// zone: not an ambiguous zone (RS204), not a zone the report names (RS202).
/// Right after a clock, with no name spelled out, it stays a zone.
#[test]
fn zone_abbreviations_used_as_names_are_no_zones() {
    let mut tally = Tally::new("zone words used as names");
    for &(word, name) in NAME_WORDS {
        let uses: Vec<(String, Vec<String>)> = vec![
            (format!("At 10:00 MST, {word} posted a notice."), vec![]),
            (format!("{word} staff restarted the hosts."), vec![]),
            (format!("{word}'s notice went out first."), vec![]),
            (format!("Our {word} group helped."), vec![]),
            (
                String::new(),
                vec![format!("10:40 MST {word} staff restart the hosts")],
            ),
            (
                format!("The {name} ({word}) team owns the VPN."),
                vec![format!("10:05 {word} posts a notice on the status page")],
            ),
            (
                format!("{word} ({name}) owns the VPN."),
                vec![format!("10:05 {word} posts a notice on the status page")],
            ),
        ];
        for (prose, extra) in uses {
            let mut entries = vec!["10:00 MST VPN stops accepting logins"];
            entries.extend(extra.iter().map(String::as_str));
            entries.push("10:45 MST logins work again");
            let text = campus_report(&prose, &entries);
            tally.correct += 1;
            let hits = names_as_zone(&text, word);
            if !hits.is_empty() {
                tally
                    .false_alarms
                    .push(format!("{word} / {prose} / {extra:?}: {hits:?}\n{text}"));
            }
        }
        // Right after a clock, nothing making it a name: an ambiguous zone is
        // still asked about.
        if matches!(word, "IST" | "AST") {
            let text = campus_report("", &[&format!("10:05 {word} VPN stops accepting logins")]);
            tally.fires(&format!("{word} after a clock"), &text, &["RS204"]);
        }
    }
    tally.check_both();
}

/// Timeline entries, the third (09:10) listed after the 09:20 one.
const SWAPPED: [(&str, &str); 4] = [
    ("09:02", "error rate rises"),
    ("09:20", "rollback started"),
    ("09:10", "pager alert fires"),
    ("09:40", "rollback done"),
];

fn noted_report(note: &str, above: bool, table: bool) -> String {
    let body = if table {
        let rows: Vec<String> = SWAPPED
            .iter()
            .map(|(t, e)| format!("| {t} | {e} |"))
            .collect();
        format!("| Time | Event |\n|---|---|\n{}", rows.join("\n"))
    } else {
        let rows: Vec<String> = SWAPPED.iter().map(|(t, e)| format!("- {t} {e}")).collect();
        rows.join("\n")
    };
    let (before, after) = if above {
        (format!("{note}\n\n"), String::new())
    } else {
        (String::new(), format!("\n\n{note}"))
    };
    format!(
        "# Payments outage on 3 June 2025\n\nAll times UTC.\n\n## Timeline\n\n{before}{body}{after}\n\n\
         ## Root cause\n\nA bad migration.\n"
    )
}

/// The severities of the RS201 findings of `text`.
fn order_findings(text: &str) -> Vec<String> {
    retrospec_check::check(text, retrospec_check::Format::Markdown)
        .diagnostics
        .iter()
        .filter(|d| d.code == "RS201")
        .map(|d| format!("{:?}", d.severity))
        .collect()
}

/// A note right above or below the timeline that says its rows are not in time
/// order leaves them unreported; one that says the out-of-place row was added
/// later makes it an info; a note about something else, or about another row,
/// leaves the error.
#[test]
fn a_note_beside_the_timeline_explains_its_order() {
    let not_chronological = [
        "Rows are grouped by system, not in time order.",
        "*Entries are grouped by team.*",
        "Note: the timeline is not in chronological order.",
        "These entries aren't listed in strict time order.",
        "Listed in no particular order.",
    ];
    let explains = [
        "The 09:10 row was added later from the pager logs.",
        "Note: the 9:10 entry was added afterwards, from the logs.",
        "_The entry at 09:10 was inserted later from the chat history._",
        "One entry is out of order because it was added from the logs.",
    ];
    let other = [
        "The 09:40 row was added later from the pager logs.",
        "Times are from the pager.",
        "We wrote this timeline on the day.",
        "Nothing here is grouped; see the dashboard for the order of deploys.",
    ];
    let mut wrong = Vec::new();
    let mut checked = 0;
    for above in [true, false] {
        for table in [true, false] {
            for (notes, want) in [
                (&not_chronological[..], vec![]),
                (&explains[..], vec!["Info".to_string()]),
                (&other[..], vec!["Error".to_string()]),
            ] {
                for note in notes {
                    checked += 1;
                    let text = noted_report(note, above, table);
                    let got = order_findings(&text);
                    if got != want {
                        wrong.push(format!(
                            "{note} (above {above}, table {table}): {got:?}\n{text}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} wrong:\n{}",
        wrong.len(),
        wrong.join("\n=====\n")
    );
}

/// A weekend's entries led by a weekday and a day and month without a year
/// (`- Saturday 13/09, 21h10 : ...`, a held-out report): the weekday decides
/// which number is the day, the year is the report's, and the entries after
/// midnight are on the day the next lead names, not an inferred rollover (RS215).
/// Swapping the two days' leads is out of order (RS201).
#[test]
fn weekday_led_day_month_entries_date_the_entries_below() {
    let mut tally = Tally::new("weekday-led day/month entries");
    for (first, second) in [
        ("Saturday 13/09", "Sunday 14/09"),
        ("Sat 13/09", "Sun 14/09"),
        ("Saturday 9/13", "Sunday 9/14"),
    ] {
        for clock in [
            ("21h10", "21h40", "08h55", "09h20"),
            ("21:10", "21:40", "08:55", "09:20"),
        ] {
            let report = |a: &str, b: &str| {
                format!(
                    "# CI runners offline (2025-09-13 to 14)\n\nAll times are Paris time (CEST).\n\n## Timeline\n\n\
                     - {a}, {} : storage maintenance starts\n- {} : runners lose the mount\n\
                     - {b}, {} : a user reports pending pipelines\n- {} : we start looking\n",
                    clock.0, clock.1, clock.2, clock.3
                )
            };
            let label = format!("{first}, {}", clock.0);
            let right = report(first, second);
            let times: Vec<String> = timeline(&right).into_iter().map(|(t, _)| t).collect();
            assert!(
                times.len() == 4
                    && times[0].starts_with("2025-09-13")
                    && times[2].starts_with("2025-09-14"),
                "{label}: {times:?}"
            );
            tally.silent(&label, &right, &["RS201", "RS215", "RS206"]);
            tally.fires(&label, &report(second, first), &["RS201"]);
        }
    }
    tally.check_both();
}

/// A timeline whose items are wholly bold and led by a date in words, often
/// numbered, with notes under each (a real infrastructure postmortem): each item
/// is an entry on its date, its text without the bold's marks, and an item out
/// of order is reported.
#[test]
fn bold_date_led_items_are_entries() {
    let mut tally = Tally::new("bold date-led items");
    for bullet in ["1. ", "- ", "* "] {
        for (date, zone) in [
            ("3 March 2025, ", " UTC"),
            ("March 3, 2025, ", " UTC"),
            ("3 March 2025 ", ""),
        ] {
            let report = |order: [&str; 3]| {
                let items: Vec<String> = order
                    .iter()
                    .map(|t| format!("{bullet}**{date}{t}{zone} – step at {t}**\n   - a note"))
                    .collect();
                format!(
                    "# Network outage\n\nAll times are UTC.\n\n## Timeline\n\n{}\n",
                    items.join("\n")
                )
            };
            let label = format!("{bullet}{date}{zone}");
            let right = report(["02:00", "03:50", "04:10"]);
            let entries = timeline(&right);
            assert!(
                entries.len() == 3
                    && entries[0].0.starts_with("2025-03-03 02:00")
                    && entries[0].1.starts_with("step at 02:00")
                    && !entries[0].1.contains("**"),
                "{label}: {entries:?}"
            );
            tally.silent(&label, &right, &["RS201", "RS206", "RS009"]);
            tally.fires(&label, &report(["02:00", "04:10", "03:50"]), &["RS201"]);
        }
    }
    tally.check_both();
}
