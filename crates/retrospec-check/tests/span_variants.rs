//! Generated variants of timelines written over several days (span17): date
//! lines in the forms reports write them, entries led by a date in words, a
//! timeline without a heading that runs on under phase headings. Each axis is
//! crossed with the others; every correct variant must be silent on the codes the
//! family guards, and every planted one must fire, naming the bound it measured.

mod support;

use support::Tally;

const DURATION: &[&str] = &["RS208", "RS217", "RS218", "RS220"];

/// Bullets led by a weekday and a date in words and then the clock, across two
/// days, in a thread with no timeline heading; the length stated in the prose
/// after them is measured from the first day's clock to the next day's.
#[test]
fn entries_led_by_a_worded_date_measure_a_window_across_days() {
    let mut tally = Tally::new("entries led by a worded date across days");
    for (first, second) in [
        ("Thursday 14 Aug, around 08:15:", "Friday 15 Aug, 09:40:"),
        ("Thu 14 Aug 08:15 -", "Fri 15 Aug 09:40 -"),
        (
            "14 August, about 08:15 \u{2013}",
            "15 August, 09:40 \u{2013}",
        ),
        ("Aug 14, 08:15:", "Aug 15, 09:40:"),
    ] {
        for zone in [
            "(all times US Eastern, EDT)",
            "All times UTC.",
            "(times in CEST)",
        ] {
            let report = |claim: &str| {
                format!(
                    "# Mail host down #512\n\n**rhenning** opened this issue on Aug 14, 2025\n\n\
                     The list host at example.org is down since this morning.\n\n---\n\n\
                     **rhenning** commented on Aug 18, 2025\n\n\
                     Short post-mortem {zone}:\n\n\
                     - {first} a disk array at the facility failed and took the host down.\n\
                     - {second} the host was restored from a snapshot and the archives worked again.\n\n\
                     {claim} No mail was lost.\n"
                )
            };
            let label = format!("{first} / {zone}");
            tally.silent(
                &label,
                &report("The outage lasted about 25 hours."),
                DURATION,
            );
            tally.naming(
                &label,
                &report("The outage lasted about 12 hours."),
                DURATION,
                "1d 1h 25m",
            );
        }
    }
    tally.check_both();
}

/// Slashed date lines (`10/3/2025`) in a report that also writes the day in
/// words: the words settle the order, so the lines date their entries and are no
/// ambiguity; with nothing that settles it, the ambiguity is still reported.
#[test]
fn a_worded_date_settles_slashed_date_lines_in_every_form() {
    let mut tally = Tally::new("worded dates settle slashed date lines");
    for (day1, day2) in [
        ("10/3/2025", "10/4/2025"),
        ("**10/3/2025**", "**10/4/2025**"),
        ("### 10/3/2025", "### 10/4/2025"),
    ] {
        for (e1, e2) in [
            (
                "21:30 [Incident Begins] Handshakes hang.",
                "07:30 [Incident Ends] Queue back to normal.",
            ),
            (
                "- 21:30 \u{2013} Handshakes start to hang.",
                "- 07:30 \u{2013} Queue back to normal.",
            ),
        ] {
            for (zone, settles) in [
                (
                    "all US Eastern Time",
                    "On Friday, October 3, 2025 the relay stalled.",
                ),
                (
                    "UTC",
                    "By Ana Ruiz \u{b7} October 8, 2025\n\nOn Friday, October 3 the relay stalled.",
                ),
            ] {
                let report = |prose: &str| {
                    format!(
                        "# Relay outage\n\n{prose}\n\n## Timeline ({zone})\n\n{day1}\n\n{e1}\n\n{day2}\n\n01:18 First customer report.\n{e2}\n"
                    )
                };
                let label = format!("{day1} / {e1} / {zone}");
                tally.silent(&label, &report(settles), &["RS214", "RS215"]);
                tally.naming(
                    &label,
                    &report("The relay stalled in the evening."),
                    &["RS214"],
                    "ambiguous date",
                );
            }
        }
    }
    tally.check_both();
}

/// A window stated as start and end fields (aligned mail fields, table rows with
/// bold labels, bold bullet labels), its dates written as ISO, in words with the
/// year, or in words with a weekday and no year (the report's year), over one
/// day, across midnight or over two days: the summary's length is compared with
/// it, and the finding names the window's length.
#[test]
fn start_and_end_fields_measure_windows_over_days() {
    let mut tally = Tally::new("start and end fields over days");
    let days = [("Mon", "3"), ("Tue", "4"), ("Wed", "5")];
    let date = |form: usize, day: usize, clock: &str| match form {
        0 => format!("2025-03-0{} {clock} UTC", days[day].1),
        1 => format!("{} March 2025, {clock} UTC", days[day].1),
        _ => format!("{} {} March, {clock} UTC", days[day].0, days[day].1),
    };
    // (start day, start clock, end day, end clock, matching claim, off claim, bound)
    let spans = [
        (0, "21:13", 0, "21:40", "27 minutes", "10 minutes", "27m"),
        (0, "22:10", 1, "01:40", "3.5 hours", "90 minutes", "3h 30m"),
        (
            0,
            "22:10",
            2,
            "01:40",
            "27 hours 30 minutes",
            "3.5 hours",
            "1d 3h 30m",
        ),
    ];
    for form in 0..3 {
        for (sd, sc, ed, ec, right, wrong, bound) in spans {
            let (s, e) = (date(form, sd, sc), date(form, ed, ec));
            for fields in [
                format!("Start:   {s}\nEnd:     {e}\n"),
                format!("| | |\n|---|---|\n| **Start** | {s} |\n| **End** | {e} |\n"),
                format!("- **Start:** {s}\n- **End:** {e}\n"),
            ] {
                let report = |claim: &str| {
                    format!(
                        "# Checkout errors\n\nPublished March 6, 2025\n\n{fields}\n## Summary\n\n\
                         Card payments failed for {claim} while the gateway restarted.\n"
                    )
                };
                let label = format!("{s} / {e} / {}", &fields[..6]);
                tally.silent(&label, &report(right), DURATION);
                tally.naming(&label, &report(wrong), DURATION, bound);
            }
        }
    }
    tally.check_both();
}

/// "From <the impact's start> until <its end>, roughly N passed" in the summary,
/// over a timeline that crosses midnight under date lines, its ends tagged
/// (`[Incident Begins]`, `[Incident Ends]`) or said in words: the length is the
/// incident's. A span between two steps of the response is not read so.
#[test]
fn a_span_from_the_first_failures_until_recovery_is_the_incident() {
    let mut tally = Tally::new("from the first failures until recovery, N passed");
    for (from, until) in [
        ("the first failures", "the queue was back to normal"),
        ("the first errors", "service was restored"),
        (
            "the moment deliveries started to fail",
            "everything had recovered",
        ),
    ] {
        for verb in ["passed", "elapsed", "went by"] {
            for (begins, ends) in [
                (
                    "[Incident Begins] Handshakes start to hang.",
                    "[Incident Ends] Queue back to normal.",
                ),
                (
                    "Handshakes start to fail and mail queues.",
                    "Queue back to normal; incident resolved.",
                ),
            ] {
                let report = |claim: &str| {
                    format!(
                        "# Relay outage\n\n## Summary\n\nOn Friday, October 3, 2025 mail to one provider stalled. \
                         From {from} until {until}, {claim} {verb}.\n\n## Timeline (UTC)\n\n\
                         2025-10-03\n\n21:30 {begins}\n\n2025-10-04\n\n01:18 First customer report.\n07:30 {ends}\n"
                    )
                };
                let label = format!("{from} / {verb} / {begins}");
                tally.silent(&label, &report("roughly ten hours"), DURATION);
                tally.naming(&label, &report("roughly six hours"), DURATION, "10h");
            }
        }
    }
    // Between two steps of the response: not the incident's length.
    let text = "# Relay outage\n\n## Summary\n\nFrom the first page until the rollback, roughly six hours passed.\n\n## Timeline (UTC)\n\n2025-10-03\n\n21:30 Handshakes start to fail.\n\n2025-10-04\n\n07:30 Queue back to normal; incident resolved.\n";
    tally.silent("response steps", text, DURATION);
    tally.check_both();
}

/// A narrative over three days, its days named beside some times ("On Wednesday
/// at 08:00", "at 07:30 on Tuesday") or by none: each time is placed at or after
/// the one before it, on the weekday written beside it, so the incident's length
/// spans every midnight it crosses.
#[test]
fn a_narrative_over_three_days_counts_every_midnight() {
    let mut tally = Tally::new("a narrative over three days");
    for zone in ["UTC", "CET"] {
        for (second, last) in [
            ("at 07:30 {z} on Tuesday", "On Wednesday at 08:00 {z}"),
            ("on Tuesday at 07:30 {z}", "On Wednesday at 08:00 {z}"),
            ("at 07:30 {z}", "At 08:00 {z} on Wednesday"),
        ] {
            let (second, last) = (second.replace("{z}", zone), last.replace("{z}", zone));
            let report = |claim: &str| {
                format!(
                    "# Invoice emails bounced\n\n## Summary\n\nInvoice emails were not delivered. {claim}\n\n\
                     ## What happened\n\nOn Monday, March 3, 2025 at 22:00 {zone} the certificate expired and invoice \
                     emails started bouncing. A customer reported missing invoices {second}, and the on-call \
                     engineer started investigating at 08:05 {zone}. {last} the certificate was renewed, and by \
                     10:00 {zone} the backlog had been delivered and the incident was resolved.\n"
                )
            };
            let label = format!("{second} / {last}");
            tally.silent(&label, &report("The incident lasted 36 hours."), DURATION);
            tally.naming(
                &label,
                &report("The incident lasted 12 hours."),
                DURATION,
                "RS208",
            );
        }
    }
    tally.check_both();
}
