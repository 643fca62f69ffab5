//! Generated variants of timelines written over several days (span17): date
//! lines in the forms reports write them, entries led by a date in words, a
//! timeline without a heading that runs on under phase headings. Each axis is
//! crossed with the others; every correct variant must be silent on the codes the
//! family guards, and every planted one must fire, naming the bound it measured.

use retrospec_check::{Analysis, Config, Format};

const DURATION: &[&str] = &["RS208", "RS217", "RS218", "RS219", "RS220"];

fn found(text: &str) -> Vec<(&'static str, String)> {
    let analysis = Analysis::new(text.to_string(), Format::Markdown, &Config::default());
    analysis
        .diagnostics()
        .iter()
        .map(|d| (d.code, format!("{} {}", d.code, d.message)))
        .collect()
}

#[derive(Default)]
struct Tally {
    family: &'static str,
    correct: usize,
    planted: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new(family: &'static str) -> Self {
        Tally {
            family,
            ..Tally::default()
        }
    }

    /// A correct variant: no finding with one of `codes`.
    fn silent(&mut self, label: &str, text: &str, codes: &[&str]) {
        self.correct += 1;
        let hits: Vec<String> = found(text)
            .into_iter()
            .filter(|(code, _)| codes.contains(code))
            .map(|(_, line)| line)
            .collect();
        if !hits.is_empty() {
            self.failures
                .push(format!("false alarm: {label}: {}\n{text}", hits.join(" | ")));
        }
    }

    /// A planted variant: a finding with one of `codes` whose message names `bound`.
    fn fires(&mut self, label: &str, text: &str, codes: &[&str], bound: &str) {
        self.planted += 1;
        let all = found(text);
        if !all
            .iter()
            .any(|(code, line)| codes.contains(code) && line.contains(bound))
        {
            let lines: Vec<&str> = all.iter().map(|(_, l)| l.as_str()).collect();
            self.failures.push(format!(
                "planted, not found (bound {bound}): {label}: {}\n{text}",
                lines.join(" | ")
            ));
        }
    }

    fn check(self) {
        eprintln!(
            "{}: {} correct, {} planted, {} failed",
            self.family,
            self.correct,
            self.planted,
            self.failures.len()
        );
        let shown: Vec<&String> = self.failures.iter().take(5).collect();
        assert!(
            self.failures.is_empty(),
            "{}: {} of {} variants failed:\n{shown:#?}",
            self.family,
            self.failures.len(),
            self.correct + self.planted
        );
        assert!(self.correct > 0 && self.planted > 0, "{}: no variants", self.family);
    }
}

/// Bullets led by a weekday and a date in words and then the clock, across two
/// days, in a thread with no timeline heading; the length stated in the prose
/// after them is measured from the first day's clock to the next day's.
#[test]
fn entries_led_by_a_worded_date_measure_a_window_across_days() {
    let mut tally = Tally::new("entries led by a worded date across days");
    for (first, second) in [
        ("Thursday 14 Aug, around 08:15:", "Friday 15 Aug, 09:40:"),
        ("Thu 14 Aug 08:15 -", "Fri 15 Aug 09:40 -"),
        ("14 August, about 08:15 \u{2013}", "15 August, 09:40 \u{2013}"),
        ("Aug 14, 08:15:", "Aug 15, 09:40:"),
    ] {
        for zone in ["(all times US Eastern, EDT)", "All times UTC.", "(times in CEST)"] {
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
            tally.fires(
                &label,
                &report("The outage lasted about 12 hours."),
                DURATION,
                "1d 1h 25m",
            );
        }
    }
    tally.check();
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
            ("21:30 [Incident Begins] Handshakes hang.", "07:30 [Incident Ends] Queue back to normal."),
            ("- 21:30 \u{2013} Handshakes start to hang.", "- 07:30 \u{2013} Queue back to normal."),
        ] {
            for (zone, settles) in [
                ("all US Eastern Time", "On Friday, October 3, 2025 the relay stalled."),
                ("UTC", "By Ana Ruiz \u{b7} October 8, 2025\n\nOn Friday, October 3 the relay stalled."),
            ] {
                let report = |prose: &str| {
                    format!(
                        "# Relay outage\n\n{prose}\n\n## Timeline ({zone})\n\n{day1}\n\n{e1}\n\n{day2}\n\n01:18 First customer report.\n{e2}\n"
                    )
                };
                let label = format!("{day1} / {e1} / {zone}");
                tally.silent(&label, &report(settles), &["RS214", "RS215"]);
                tally.fires(
                    &label,
                    &report("The relay stalled in the evening."),
                    &["RS214"],
                    "ambiguous date",
                );
            }
        }
    }
    tally.check();
}
