//! Generated variants of relative claims ("N minutes after the first alert",
//! "at 10:05 (5 minutes after the page)", "within N of our alerts") crossed with
//! where their two events are stated (a sentence, a timeline list entry, a table
//! row, a status post), how their clocks are written (`09:52`, `9:52 a.m.`,
//! `9:52am`, `09h52`, `10AM`), the zone statement and midnight between the two.
//! Each correct claim must be silent; each off claim must fire with the length
//! the report's own times give named in its message. Precision variants (an
//! anchor two places name at different times, a rule of a runbook, an anchor
//! named nowhere) must stay silent.

mod support;

use support::Tally;

/// The duration and claim codes.
const CODES: &[&str] = &["RS208", "RS217", "RS218", "RS220"];

/// A clock written in one of the forms the time crate reads.
#[derive(Clone, Copy, Debug)]
enum Form {
    Colon24,
    DottedAm,
    GluedAm,
    H,
}

const FORMS: [Form; 4] = [Form::Colon24, Form::DottedAm, Form::GluedAm, Form::H];

fn clock(h: u32, m: u32, form: Form) -> String {
    let (h12, am) = match h {
        0 => (12, true),
        1..=11 => (h, true),
        12 => (12, false),
        _ => (h - 12, false),
    };
    match form {
        Form::Colon24 => format!("{h:02}:{m:02}"),
        Form::DottedAm => format!("{h12}:{m:02} {}", if am { "a.m." } else { "p.m." }),
        Form::GluedAm => format!("{h12}:{m:02}{}", if am { "am" } else { "pm" }),
        Form::H => format!("{h:02}h{m:02}"),
    }
}

/// Where the anchor (and, for a claim without its own clock, the claim's own
/// event) is stated.
#[derive(Clone, Copy, Debug)]
enum Source {
    Sentence,
    List,
    Table,
}

const SOURCES: [Source; 3] = [Source::Sentence, Source::List, Source::Table];

/// The report: a zone statement (or none), the prose with the claim, and the
/// events `(clock, words)` written in `source`.
fn report(zone: bool, prose: &str, events: &[(String, &str, &str)], source: Source) -> String {
    let mut out = String::from("# Card payments failing for some merchants\n\n");
    if zone {
        out.push_str("All times in this report are UTC.\n\n");
    }
    out.push_str("## What happened\n\n");
    match source {
        Source::Sentence => {
            for (t, _, sentence) in events {
                // "at 9:52 a.m." ends its sentence with the clock's own dot.
                let sentence = sentence.replace("{t}", t).replace("..", ".");
                out.push_str(&sentence);
                out.push(' ');
            }
            out.push_str("\n\n");
            out.push_str(prose);
            out.push('\n');
        }
        Source::List | Source::Table => {
            out.push_str(prose);
            out.push_str("\n\n## Timeline\n\n");
            if let Source::Table = source {
                out.push_str("| Time | Event |\n|---|---|\n");
            }
            for (t, words, _) in events {
                match source {
                    Source::List => out.push_str(&format!("- {t} {words}\n")),
                    _ => out.push_str(&format!("| {t} | {words} |\n")),
                }
            }
        }
    }
    out
}

/// The alert at `a`, the incident opened at `b` (13 minutes later), with and
/// without midnight between them: every claim shape, anchor words, event source,
/// clock form and zone statement; the claim right (13 minutes, or a bound it
/// keeps) and off (5 minutes, a bound it breaks).
#[test]
fn the_incident_opened_after_the_first_alert() {
    let mut tally = Tally::new("incident opened after the first alert");
    let pairs = [((9, 52), (10, 5)), ((23, 52), (0, 5))];
    // (claim with {d} for the length and {t} for the opened time, needs the
    // opened event stated elsewhere)
    let shapes: [(&str, bool); 5] = [
        ("We declared the incident {d} after {anchor}.", true),
        // The declaration without its object, as an incident channel says it.
        ("We declared {d} after {anchor}.", true),
        ("At {t} ({d} after {anchor}) we opened an incident.", false),
        (
            "The on-call engineer opened an incident at {t}, {d} after {anchor}.",
            false,
        ),
        (
            "The on-call engineer opened an incident around {t}, {d} after {anchor}.",
            false,
        ),
    ];
    let anchors = ["the first alert", "the alert"];
    let right = ["13 minutes", "less than 15 minutes", "about 13 minutes"];
    let off = ["5 minutes", "less than ten minutes", "about 30 minutes"];
    for ((ah, am), (bh, bm)) in pairs {
        for form in FORMS {
            let (a, b) = (clock(ah, am, form), clock(bh, bm, form));
            for source in SOURCES {
                for zone in [true, false] {
                    for (shape, needs_own) in shapes {
                        for anchor in anchors {
                            let mut events = vec![(
                                a.clone(),
                                "Error-rate alert fires",
                                "Our error-rate alert fired at {t}.",
                            )];
                            if needs_own {
                                events.push((
                                    b.clone(),
                                    "On-call engineer opens an incident",
                                    "The on-call engineer opened an incident at {t}.",
                                ));
                            }
                            let claim = shape.replace("{anchor}", anchor).replace("{t}", &b);
                            let label = format!("{form:?} {source:?} zone={zone} `{claim}`");
                            for d in right {
                                let text = report(zone, &claim.replace("{d}", d), &events, source);
                                tally.silent(&label, &text, CODES);
                            }
                            for d in off {
                                let text = report(zone, &claim.replace("{d}", d), &events, source);
                                tally.naming(&label, &text, CODES, "(13 min)");
                            }
                        }
                    }
                }
            }
        }
    }
    tally.check_both();
}

/// A report from outside named as the anchor ("that first email", "the first
/// customer report"), the claim's own clock an AM/PM hour or a clock of every
/// form, with "around" or "at" before it.
#[test]
fn someone_started_after_the_first_report() {
    let mut tally = Tally::new("started after the first report");
    let whole = [("10AM", "11AM"), ("10 a.m.", "11 a.m."), ("10:00", "11:00")];
    let mut pairs: Vec<(String, String)> = whole
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    for form in FORMS {
        pairs.push((clock(10, 0, form), clock(11, 0, form)));
    }
    let firsts = [
        "The first email from a user reached our shared inbox at {t}.",
        "The first customer report came in at {t}.",
        "We received the first ticket from a customer at {t}.",
    ];
    let anchors = [
        "that first email",
        "the first customer report",
        "the first ticket",
    ];
    for (a, b) in &pairs {
        for (k, first) in firsts.iter().enumerate() {
            for at in ["at", "around"] {
                let prose = format!(
                    "{} Dana started looking {at} {b}, {{d}} after {}, and first suspected the CDN.",
                    first.replace("{t}", a),
                    anchors[k]
                );
                let label = format!("`{prose}`");
                for d in ["an hour", "about an hour", "less than 90 minutes"] {
                    let text = report(true, &prose.replace("{d}", d), &[], Source::Sentence);
                    tally.silent(&label, &text, CODES);
                }
                for d in ["more than two hours", "three hours", "about 20 minutes"] {
                    let text = report(true, &prose.replace("{d}", d), &[], Source::Sentence);
                    tally.naming(&label, &text, CODES, "(60 min)");
                }
            }
        }
    }
    tally.check_both();
}

/// The first public update: a status post (newest first, "Posted" lines) is
/// the status page updated, the earliest is the first; the anchor is an alert
/// named in the sentence before the claim, in the same sentence, or in a list.
#[test]
fn the_first_public_update_after_the_alerts() {
    let mut tally = Tally::new("first public update after the alerts");
    for form in FORMS {
        let alert = clock(14, 20, form);
        for lead in [
            "Our latency alert fired at {a} and the first public update went out {d} of our alerts.",
            "Our latency alert fired at {a}. The first public update went out {d} of the first alert.",
            "Our latency alert fired at {a}, and the first public update was posted {d} of the alert.",
        ] {
            let posts = "## Resolved\n\nError rates are back to normal.\n\nPosted Oct 08, 2025 - 15:40 UTC\n\n## Identified\n\nA migration holds a lock.\n\nPosted Oct 08, 2025 - 14:47 UTC\n\n## Investigating\n\nWe are looking into errors on the API.\n\nPosted Oct 08, 2025 - 14:31 UTC\n";
            let body = |d: &str| {
                format!(
                    "# Errors on the Builds API\n\nIncident Report for Example CI\n\n## Postmortem\n\n{}\n\n{posts}",
                    lead.replace("{a}", &alert).replace("{d}", d)
                )
            };
            let label = format!("{form:?} `{lead}`");
            for d in ["within 15 minutes", "within a quarter of an hour"] {
                tally.silent(&label, &body(d), CODES);
            }
            for d in ["within five minutes", "within 2 minutes"] {
                tally.naming(&label, &body(d), CODES, "(11 min)");
            }
        }
    }
    tally.check_both();
}

/// The impact's start named by what failed ("installs started failing", "the
/// first declines"), the claim's event a first report or a detection, the
/// events in a list or a table.
#[test]
fn a_report_or_detection_after_the_impact_began() {
    let mut tally = Tally::new("report or detection after the impact began");
    for form in FORMS {
        let (start, alert, report_at) =
            (clock(6, 20, form), clock(6, 29, form), clock(8, 47, form));
        for source in [Source::List, Source::Table] {
            let events = vec![
                (start.clone(), "Installs of new releases start failing", ""),
                (alert.clone(), "Decline-rate alert fires", ""),
                (
                    report_at.clone(),
                    "First user report in the tracker (#4412)",
                    "",
                ),
            ];
            for (claim, right, off, measured) in [
                (
                    "The first report reached us {d} after installs started failing.",
                    ["about two and a half hours", "more than two hours"],
                    ["about an hour", "about 30 minutes"],
                    "(147 min)",
                ),
                (
                    "Our monitoring detected the issue {d}, and the team was engaged at once.",
                    ["within 10 minutes", "within fifteen minutes"],
                    ["within 2 minutes", "within a minute"],
                    "(9 min)",
                ),
            ] {
                let label = format!("{form:?} {source:?} `{claim}`");
                for d in right {
                    tally.silent(
                        &label,
                        &report(true, &claim.replace("{d}", d), &events, source),
                        CODES,
                    );
                }
                for d in off {
                    tally.naming(
                        &label,
                        &report(true, &claim.replace("{d}", d), &events, source),
                        CODES,
                        measured,
                    );
                }
            }
        }
    }
    tally.check_both();
}

/// No finding: an anchor two places name at different times ("the alert" with
/// two alerts), an anchor named nowhere, a schedule or a runbook's rule, a
/// forecast.
#[test]
fn unsure_anchors_and_schedules_are_not_compared() {
    let mut tally = Tally::new("unsure anchors and schedules");
    for form in FORMS {
        let (a1, a2, b) = (clock(9, 40, form), clock(9, 52, form), clock(10, 5, form));
        for source in SOURCES {
            let two_alerts = vec![
                (
                    a1.clone(),
                    "Latency alert fires",
                    "A latency alert fired at {t}.",
                ),
                (
                    a2.clone(),
                    "Error-rate alert fires",
                    "An error-rate alert fired at {t}.",
                ),
            ];
            for claim in [
                format!("At {b} (5 minutes after the alert) we opened an incident."),
                format!("At {b} (5 minutes after the page) we opened an incident."),
                "Our runbook says an incident is opened within 5 minutes of the first alert."
                    .to_string(),
                "We aim to post the first public update within 5 minutes of an alert.".to_string(),
                format!("The next update is planned for {b}, 5 minutes after the review."),
            ] {
                let label = format!("{form:?} {source:?} `{claim}`");
                tally.silent(&label, &report(true, &claim, &two_alerts, source), CODES);
            }
        }
        // The same claim with one alert: it fires (the variants above are silent
        // for their unsure anchor, not because the claim is never read).
        let one = vec![(
            a2.clone(),
            "Error-rate alert fires",
            "An error-rate alert fired at {t}.",
        )];
        tally.naming(
            &format!("{form:?} one alert"),
            &report(
                true,
                &format!("At {b} (5 minutes after the alert) we opened an incident."),
                &one,
                Source::List,
            ),
            CODES,
            "(13 min)",
        );
    }
    tally.check_both();
}

/// A claim in a line that opens with its own clock ("- 02:40 – Field team on
/// site, less than three hours after the first alarm"), in a list of the prose
/// under date lines or in the report's timeline, across midnight or not; the
/// anchor an alarm or alert named as a noun ("Loss-of-light alarms on both
/// links").
#[test]
fn a_line_with_its_own_clock_after_the_first_alarm() {
    let mut tally = Tally::new("a line with its own clock");
    // Across midnight under a new date line, or later the same day.
    for ((ah, am), (bh, bm), next_day) in [
        ((20, 51), (2, 40), "**09.12.2025**\n\n"),
        ((8, 51), (14, 40), ""),
    ] {
        let measured = "(349 min)";
        for form in [Form::Colon24, Form::DottedAm, Form::GluedAm] {
            let (a, b) = (clock(ah, am, form), clock(bh, bm, form));
            for dash in ["–", "-", ":"] {
                for (alarm, anchor) in [
                    (
                        "Loss-of-light alarms on both backbone links",
                        "the first alarm",
                    ),
                    ("Latency alert for the checkout API", "the first alert"),
                ] {
                    let lines = |d: &str| {
                        format!(
                            "# Fibre cut between two sites\n\nAll times are CET.\n\n## Field work\n\n**08.12.2025**\n\n- {a} {dash} {alarm}\n- {} {dash} Field team dispatched\n\n{next_day}- {b} {dash} Field team on site, {d} after {anchor}.\n- {} {dash} Splicing done\n",
                            clock((ah + 1) % 24, am, form),
                            clock((bh + 2) % 24, bm, form),
                        )
                    };
                    let label = format!("{form:?} `{dash}` {anchor} {a}->{b}");
                    for d in ["about six hours", "less than seven hours"] {
                        tally.silent(&label, &lines(d), CODES);
                    }
                    for d in ["less than three hours", "about two hours"] {
                        tally.naming(&label, &lines(d), CODES, measured);
                    }
                }
            }
        }
    }
    tally.check_both();
}

/// A claim in a timeline entry's own text ("On-call engineer joins, 25 minutes
/// after the first alert"): the entry's time is the claim's event, in a list or
/// a table timeline and every clock form.
#[test]
fn a_timeline_entry_after_the_first_alert() {
    let mut tally = Tally::new("a timeline entry after the first alert");
    for form in FORMS {
        let (start, a, b, end) = (
            clock(9, 40, form),
            clock(9, 52, form),
            clock(10, 17, form),
            clock(11, 5, form),
        );
        for source in [Source::List, Source::Table] {
            let events = |d: &str| {
                vec![
                    (start.clone(), "Checkout errors begin".to_string(), ""),
                    (
                        a.clone(),
                        "Latency alert for the checkout API fires".to_string(),
                        "",
                    ),
                    (
                        b.clone(),
                        format!("On-call engineer joins, {d} after the first alert"),
                        "",
                    ),
                    (end.clone(), "Checkout back to normal".to_string(), ""),
                ]
            };
            let text = |d: &str| {
                let owned = events(d);
                let borrowed: Vec<(String, &str, &str)> = owned
                    .iter()
                    .map(|(t, w, s)| (t.clone(), w.as_str(), *s))
                    .collect();
                report(true, "Checkout failed for some buyers.", &borrowed, source)
            };
            let label = format!("{form:?} {source:?}");
            for d in ["25 minutes", "about 25 minutes", "less than half an hour"] {
                tally.silent(&label, &text(d), CODES);
            }
            for d in ["5 minutes", "about an hour"] {
                tally.naming(&label, &text(d), CODES, "(25 min)");
            }
        }
    }
    tally.check_both();
}

/// "paged three minutes in": N after the impact began, the page found in a
/// sentence, a list or a table, or written after the claim ("..., at 10:20").
#[test]
fn paged_n_minutes_in() {
    let mut tally = Tally::new("paged N minutes in");
    for form in FORMS {
        let (start, page) = (clock(10, 2, form), clock(10, 20, form));
        for source in SOURCES {
            let events = vec![
                (
                    start.clone(),
                    "Checkout errors begin",
                    "Checkout errors began at {t}.",
                ),
                (
                    page.clone(),
                    "On-call engineer paged",
                    "The on-call engineer was paged at {t}.",
                ),
            ];
            for claim in [
                "We were paged {d} in.".to_string(),
                format!("The on-call engineer was paged {{d}} in, at {page}."),
            ] {
                let label = format!("{form:?} {source:?} `{claim}`");
                for d in ["18 minutes", "about 20 minutes"] {
                    let text = report(true, &claim.replace("{d}", d), &events, source);
                    tally.silent(&label, &text, CODES);
                }
                for d in ["three minutes", "about an hour"] {
                    let text = report(true, &claim.replace("{d}", d), &events, source);
                    tally.naming(&label, &text, CODES, "(18 min)");
                }
            }
        }
    }
    // The start only in another part of the report (another incident's): silent.
    for form in FORMS {
        let (start, page) = (clock(10, 2, form), clock(10, 20, form));
        let text = format!(
            "# Two incidents in March\n\n## Incident one\n\nCheckout errors began at {start}.\n\n## Incident two\n\nThe on-call engineer was paged three minutes in, at {page}.\n"
        );
        tally.silent(&format!("{form:?} another part"), &text, CODES);
    }
    tally.check_both();
}
