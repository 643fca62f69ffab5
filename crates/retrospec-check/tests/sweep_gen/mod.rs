//! The generator of `tests/sweep.rs`: incidents (`scenarios.rs`) written in many
//! shapes. Everything is a constant table; a case is one pick from each axis.

mod scenarios;

use crate::support::capitalise;

pub use scenarios::SCENARIOS;

/// How the timeline is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Container {
    /// `- 13:40 text`
    Bullets,
    /// `| Time | Event |`
    TableFirst,
    /// `| Step | Time | What happened |`: the time in the second column.
    TableSecond,
    /// `### 13:40` headings with a paragraph under each.
    Headings,
    /// `**13:40** text` paragraphs.
    Bold,
    /// `13:40    text` lines of plain text, a column each.
    Plain,
    /// No timeline: the times only in the sentences of a narrative.
    Sentences,
    /// Bullets under a date line for every day (one line for a one-day incident).
    DateLines,
    /// A status page's updates, newest first.
    Stream,
    /// `| # | Owner | Time | Event |`: the time in the third column.
    TableThird,
    /// Bullets on a 12-hour clock (`1:40 PM`).
    TwelveHour,
}

pub const CONTAINERS: &[Container] = &[
    Container::Bullets,
    Container::TableFirst,
    Container::TableSecond,
    Container::Headings,
    Container::Bold,
    Container::Plain,
    Container::Sentences,
    Container::DateLines,
    Container::Stream,
    Container::TableThird,
    Container::TwelveHour,
];

/// Where the zone is stated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// "All times are in UTC." under the date.
    ReportWide,
    /// After every time.
    PerEntry,
    /// In the timeline's heading or its table's time column.
    Header,
    /// Nowhere; the report has a date.
    Nowhere,
    /// A `Timezone: UTC` line under the date.
    Label,
    /// "(all times UTC)" under the timeline's heading.
    UnderHeading,
}

pub struct Zone {
    pub place: Place,
    pub name: &'static str,
}

/// One incident: its events and what may be said about it. In the texts, `{Z}` is
/// the zone with its space where the report states one, else nothing.
pub struct Scenario {
    pub name: &'static str,
    pub title: &'static str,
    /// The report's date (ISO).
    pub date: &'static str,
    pub summary: &'static str,
    pub impact: &'static str,
    pub cause: &'static str,
    /// (day line, ISO day, time, words), in order; a pre-incident entry comes first
    /// only when the scenario is about one.
    pub events: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// The events told in sentences, `{z}` the zone where every time carries one.
    pub narrative: &'static str,
    /// (status, words, "Jun 12, 15:10"), newest first.
    pub stream: &'static [(&'static str, &'static str, &'static str)],
    /// Zones right for the date's season.
    pub zones: &'static [Zone],
    pub claims: &'static [&'static str],
    /// Each off by a clear margin (or a wrong weekday or time).
    pub wrong: &'static [&'static str],
    /// Sentences about something else, in the impact section; `ENTRY hh:mm|words`
    /// is an extra timeline entry after the last (`ENTRY -hh:mm|...` before the first).
    pub distractors: &'static [&'static str],
}

pub struct Case<'a> {
    pub scenario: &'a Scenario,
    pub container: Container,
    pub zone: &'a Zone,
    pub claim: &'a str,
    pub distractor: &'a str,
    /// The section the distractor is written in.
    pub section: Section,
}

/// Where a distractor stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Section {
    /// Its own paragraph in the impact section.
    Impact,
    /// Right after the claim, in the summary's paragraph.
    Summary,
    /// After the root cause.
    Cause,
}

pub const SECTIONS: [Section; 3] = [Section::Impact, Section::Summary, Section::Cause];

impl Case<'_> {
    /// The combination, for a failure's message (and `KNOWN_GAPS`).
    pub fn label(&self) -> String {
        format!(
            "scenario={} container={:?} zone={:?}/{} claim=\"{}\" distractor=\"{}\" in {:?}",
            self.scenario.name,
            self.container,
            self.zone.place,
            self.zone.name,
            self.claim,
            self.distractor.lines().next().unwrap_or_default(),
            self.section
        )
    }

    /// The zone in a sentence (" UTC"), empty where the report states none.
    fn z(&self) -> String {
        if self.zone.name.is_empty() {
            String::new()
        } else {
            format!(" {}", self.zone.name)
        }
    }

    /// A time as an entry writes it.
    fn at(&self, time: &str) -> String {
        if self.zone.place == Place::PerEntry {
            format!("{time} {}", self.zone.name)
        } else {
            time.to_string()
        }
    }

    /// The claim as the report writes it.
    pub fn claim_text(&self) -> String {
        self.fill(self.claim)
    }

    fn fill(&self, s: &str) -> String {
        s.replace("{Z}", &self.z())
    }

    /// The report.
    pub fn render(&self) -> String {
        let s = self.scenario;
        let mut out = format!("# {}\n\nDate: {}\n", s.title, s.date);
        if self.zone.place == Place::ReportWide {
            out.push_str(&format!("All times are in {}.\n", self.zone.name));
        }
        if self.zone.place == Place::Label {
            out.push_str(&format!("Timezone: {}\n", self.zone.name));
        }
        let entry = self.distractor.strip_prefix("ENTRY ");
        let distractor = if entry.is_none() && !self.distractor.is_empty() {
            let d = self.fill(self.distractor);
            // A quote or a block stands as a paragraph of its own.
            if d.contains('\n') || d.starts_with('>') {
                format!("\n\n{d}")
            } else {
                format!(" {d}")
            }
        } else {
            String::new()
        };
        let at = |section: Section| {
            if self.section == section {
                distractor.as_str()
            } else {
                ""
            }
        };
        out.push_str(&format!(
            "\n## Summary\n\n{} {}{}",
            s.summary,
            self.fill(self.claim),
            at(Section::Summary)
        ));
        out.push_str(&format!(
            "\n\n## Impact\n\n{}{}",
            s.impact,
            at(Section::Impact)
                .strip_prefix(' ')
                .map_or(at(Section::Impact).to_string(), |d| format!("\n\n{d}"))
        ));
        out.push_str(&format!(
            "\n\n## Root cause\n\n{}{}\n\n",
            s.cause,
            at(Section::Cause)
        ));
        let mut events: Vec<(&str, &str, &str, &str)> = s.events.to_vec();
        if let Some((time, words)) = entry.and_then(|e| e.split_once('|')) {
            if let Some(time) = time.strip_prefix('-') {
                let (line, day, _, _) = events[0];
                events.insert(0, (line, day, time, words));
            } else {
                let (line, day, _, _) = events[events.len() - 1];
                events.push((line, day, time, words));
            }
        }
        out.push_str(&self.timeline(&events));
        out.push_str("\n## Action items\n\n");
        out.push_str(
            "- Add a guard for this failure to the deploy checks (owner: platform-team)\n",
        );
        out.push_str("- Alert earlier on the failing component (owner: infra)\n");
        out
    }

    fn heading(&self, name: &str) -> String {
        if self.zone.place == Place::Header {
            format!("## {name} ({})\n\n", self.zone.name)
        } else if self.zone.place == Place::UnderHeading {
            format!("## {name}\n\n(all times {})\n\n", self.zone.name)
        } else {
            format!("## {name}\n\n")
        }
    }

    fn timeline(&self, events: &[(&str, &str, &str, &str)]) -> String {
        let mut out = String::new();
        let multi_day = events.iter().any(|e| e.1 != events[0].1);
        let mut last_day = String::new();
        // A date line before the first entry of each day, where the container has lines.
        let mut day_line = |out: &mut String, line: &str, day: &str, always: bool| {
            if (multi_day || always) && day != last_day {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&format!("**{line}**\n\n"));
            }
            last_day = day.to_string();
        };
        match self.container {
            Container::Bullets | Container::DateLines | Container::TwelveHour => {
                out.push_str(&self.heading("Timeline"));
                for (line, day, t, e) in events {
                    day_line(&mut out, line, day, self.container == Container::DateLines);
                    let t = if self.container == Container::TwelveHour {
                        twelve(t)
                    } else {
                        t.to_string()
                    };
                    out.push_str(&format!("- {} {e}\n", self.at(&t)));
                }
            }
            Container::TableFirst | Container::TableSecond | Container::TableThird => {
                out.push_str(&self.heading("Timeline"));
                let time = if self.zone.place == Place::Header {
                    format!("Time ({})", self.zone.name)
                } else {
                    "Time".to_string()
                };
                if self.container == Container::TableThird {
                    out.push_str(&format!(
                        "| # | Owner | {time} | Event |\n|---|---|---|---|\n"
                    ));
                } else if self.container == Container::TableFirst {
                    out.push_str(&format!("| {time} | Event |\n|---|---|\n"));
                } else if multi_day {
                    out.push_str(&format!(
                        "| Date | {time} | What happened |\n|---|---|---|\n"
                    ));
                } else {
                    out.push_str(&format!(
                        "| Step | {time} | What happened |\n|---|---|---|\n"
                    ));
                }
                for (i, (_, day, t, e)) in events.iter().enumerate() {
                    if self.container == Container::TableThird {
                        let when = if multi_day {
                            format!("{day} {}", self.at(t))
                        } else {
                            self.at(t)
                        };
                        out.push_str(&format!(
                            "| {} | on-call | {when} | {} |\n",
                            i + 1,
                            capitalise(e)
                        ));
                    } else if self.container == Container::TableFirst {
                        let when = if multi_day {
                            format!("{day} {}", self.at(t))
                        } else {
                            self.at(t)
                        };
                        out.push_str(&format!("| {when} | {} |\n", capitalise(e)));
                    } else if multi_day {
                        out.push_str(&format!("| {day} | {} | {} |\n", self.at(t), capitalise(e)));
                    } else {
                        out.push_str(&format!(
                            "| {} | {} | {} |\n",
                            i + 1,
                            self.at(t),
                            capitalise(e)
                        ));
                    }
                }
            }
            Container::Headings => {
                out.push_str(&self.heading("Timeline"));
                for (line, day, t, e) in events {
                    day_line(&mut out, line, day, false);
                    out.push_str(&format!("### {}\n\n{}.\n\n", self.at(t), capitalise(e)));
                }
            }
            Container::Bold => {
                out.push_str(&self.heading("Timeline"));
                for (line, day, t, e) in events {
                    day_line(&mut out, line, day, false);
                    out.push_str(&format!("**{}** {}.\n\n", self.at(t), capitalise(e)));
                }
            }
            Container::Plain => {
                out.push_str(&self.heading("Timeline"));
                for (line, day, t, e) in events {
                    day_line(&mut out, line, day, false);
                    out.push_str(&format!("{}    {}\n", self.at(t), capitalise(e)));
                }
            }
            Container::Sentences => {
                out.push_str(&self.heading("What happened"));
                let z = if self.zone.place == Place::PerEntry {
                    self.z()
                } else {
                    String::new()
                };
                out.push_str(&self.scenario.narrative.replace("{z}", &z));
                out.push('\n');
            }
            Container::Stream => {
                out.push_str(&self.heading("Updates"));
                let z = if matches!(self.zone.place, Place::Header | Place::UnderHeading) {
                    String::new()
                } else {
                    self.z()
                };
                for (status, words, when) in self.scenario.stream {
                    out.push_str(&format!(
                        "**{status}** - {} {when}{z}\n\n",
                        words.replace("{Z}", &z)
                    ));
                }
            }
        }
        out
    }
}

/// `13:40` as `1:40 PM`.
fn twelve(t: &str) -> String {
    let (h, m) = t.split_once(':').unwrap_or((t, "00"));
    let h: u32 = h.parse().unwrap_or(0);
    let (h12, half) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    format!("{h12}:{m} {half}")
}
