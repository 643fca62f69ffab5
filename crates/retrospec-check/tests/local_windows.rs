//! Generated variants of a stated length beside the window the report itself
//! states (round seventeen, "local windows"): the way the impact is worded
//! (users unable to do something, the service in a state, a total closing the
//! sentence), crossed with clock forms (`14:10`, `2:10 PM`, `2.10pm`, `14h10`,
//! with seconds), zone statements (after each time, after the end only, in a
//! line of its own, none) and where the length sits (its own sentence, the next
//! sentence, the paragraph after). Each variant is written once with a length
//! that matches the window (silent) and once with one that is off (RS208 on the
//! length). A handful of shapes that must stay silent (the team's window, two
//! windows, a plan) close the file.

mod support;

use support::covered;

/// A clock form: the start and end written in it (14:10 to 16:25, 2h15m).
const CLOCKS: &[(&str, &str)] = &[
    ("14:10", "16:25"),
    ("2:10 PM", "4:25 PM"),
    ("2.10pm", "4.25pm"),
    ("14h10", "16h25"),
    ("14:10:07", "16:25:41"),
];

/// How the zone is stated: after each time, after the end, nowhere near.
#[derive(Clone, Copy)]
enum Zone {
    Each,
    EndOnly,
    Line,
    None,
}

const ZONES: &[Zone] = &[Zone::Each, Zone::EndOnly, Zone::Line, Zone::None];

/// The window's sentence and the length's, with `{a}`/`{b}` for the times and
/// `{n}` for the length; the length in its own sentence, the next one, or the
/// paragraph after (`\n\n`).
const SHAPES: &[&str] = &[
    "Between {a}, when the first uploads stalled, and {b}, when the last one went through, uploads were slow: {n} in all.",
    "Uploads were failing from {a} to {b}, so for {n} nobody could publish.",
    "The registry went down at about {a}, right after a config push, and it was back by {b}. For {n}, customers could not publish.",
    "The registry was offline from about {a} to {b}.\n\nAfter {n} offline it came back on its own.",
    "The registry was offline from {a} until {b}.\n\nFor {n}, users were unable to publish packages.",
];

/// Lengths that match 2h15m, and lengths that are off.
const MATCHING: &[&str] = &[
    "about 2 hours 15 minutes",
    "roughly 135 minutes",
    "a little over two hours",
];
const OFF: &[&str] = &[
    "about 45 minutes",
    "roughly four hours",
    "just over an hour",
];

fn report(shape: &str, clock: (&str, &str), zone: Zone, length: &str) -> String {
    let (a, b) = match zone {
        Zone::Each => (format!("{} UTC", clock.0), format!("{} UTC", clock.1)),
        Zone::EndOnly => (clock.0.to_string(), format!("{} UTC", clock.1)),
        Zone::Line | Zone::None => (clock.0.to_string(), clock.1.to_string()),
    };
    let zone_line = if matches!(zone, Zone::Line) {
        "All times are UTC.\n\n"
    } else {
        ""
    };
    let body = shape
        .replace("{a}", &a)
        .replace("{b}", &b)
        .replace("{n}", length);
    format!(
        "# Registry outage on 4 June 2025\n\n{zone_line}Posted by the registry team.\n\n{body}\n\nThe cause was a bad config push; we reverted it.\n"
    )
}

#[test]
fn a_length_is_compared_with_the_window_beside_it() {
    let mut false_alarms = Vec::new();
    let mut missed = Vec::new();
    let mut count = 0;
    for shape in SHAPES {
        for &clock in CLOCKS {
            for &zone in ZONES {
                for length in MATCHING {
                    count += 1;
                    let text = report(shape, clock, zone, length);
                    let found = covered(&text, "RS208");
                    if !found.is_empty() {
                        false_alarms.push(format!("{found:?}\n{text}"));
                    }
                }
                for length in OFF {
                    count += 1;
                    let text = report(shape, clock, zone, length);
                    let found = covered(&text, "RS208");
                    if found != [*length] {
                        missed.push(format!("{found:?}\n{text}"));
                    }
                }
            }
        }
    }
    assert!(
        false_alarms.is_empty() && missed.is_empty(),
        "{count} variants: {} false alarms, {} missed\nfirst false alarms:\n{}\nfirst missed:\n{}",
        false_alarms.len(),
        missed.len(),
        false_alarms
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n---\n"),
        missed
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n---\n"),
    );
}

#[test]
fn across_midnight_and_with_days() {
    for (body, length, fires) in [
        (
            "Checkout failed from 23:10 to 00:25 UTC, 75 minutes in all.",
            "75 minutes",
            false,
        ),
        (
            "Checkout failed from 23:10 to 00:25 UTC, 25 minutes in all.",
            "25 minutes",
            true,
        ),
        (
            "Between 21:40 UTC on 17 February and 10:05 UTC on 18 February, uploads failed.\n\nFor roughly twelve hours, customers could not upload.",
            "roughly twelve hours",
            false,
        ),
        (
            "Between 21:40 UTC on 17 February and 10:05 UTC on 18 February, uploads failed.\n\nFor roughly eight hours, customers could not upload.",
            "roughly eight hours",
            true,
        ),
        (
            "Our server began returning errors at Nov 07 20:14:38 UTC and was back at Nov 07 20:51:02 UTC. So for about 35 minutes nobody could post.",
            "about 35 minutes",
            false,
        ),
        (
            "Our server began returning errors at Nov 07 20:14:38 UTC and was back at Nov 07 20:51:02 UTC. So for about 20 minutes nobody could post.",
            "about 20 minutes",
            true,
        ),
    ] {
        let text = format!("# Outage\n\nPosted by the team.\n\n{body}\n");
        let want: Vec<String> = if fires {
            vec![length.to_string()]
        } else {
            Vec::new()
        };
        assert_eq!(covered(&text, "RS208"), want, "{text}");
    }
}

#[test]
fn unsure_windows_and_other_subjects_stay_silent() {
    for body in [
        // The team's own work.
        "Between 14:10 and 16:25 we moved the registry to a new host. Uploads were offline for about 45 minutes.",
        // Two windows: which one is not clear.
        "Uploads failed from 14:10 to 14:40 and again from 15:10 to 16:25, so for about 45 minutes nobody could publish.",
        // A plan, not an end.
        "The registry went down at 14:10 and we expect it back by 18:00. For about 45 minutes so far, customers could not publish.",
        // Days written in a form not read.
        "Uploads failed from 9:15 p.m. on Monday 3/2/26 to 7:30 a.m. on Wednesday 3/4/26, so for about 45 minutes nobody could publish.",
        // A step of the recovery, not the impact.
        "By 16:25 the registry answered again. The workers went through the queue in about ten minutes after that.",
        // What led to it, before the incident.
        "Transfers to the mirror had been failing quietly for six days before uploads failed from 14:10 to 14:40 UTC.",
    ] {
        let text = format!("# Outage\n\nPosted by the team.\n\n{body}\n");
        assert_eq!(covered(&text, "RS208"), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_block_of_start_and_end_fields_measures_a_length_told_elsewhere() {
    for (start, end) in [
        ("14/01/2025 07:40", "14/01/2025 11:05"),
        ("2025-01-14 07:40", "2025-01-14 11:05"),
        ("14 January 2025, 07:40 GMT", "14 January 2025, 11:05 GMT"),
    ] {
        for (length, fires) in [("3 hours 25 minutes", false), ("2 hours 25 minutes", true)] {
            let text = format!(
                "IT SERVICE NOTICE\n\nService:   Patient records\nStart:     {start}\nEnd:       {end}\n\nWHAT HAPPENED\n\nOn Tuesday morning staff were unable to log in to the records system. The outage lasted {length}. Wards moved to paper.\n"
            );
            let want: Vec<String> = if fires {
                vec![length.to_string()]
            } else {
                Vec::new()
            };
            assert_eq!(covered(&text, "RS208"), want, "{text}");
        }
    }
}
