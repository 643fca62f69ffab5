//! Milestones read from the words of timeline entries, when a report marks none.
//!
//! Conservative on purpose: a wrong milestone is worse than none, since the
//! metrics and the order rules build on it. A milestone is read only
//!
//! - when no timeline entry has a milestone and the report has no `milestones`;
//! - from the first entry whose words name it (phrases below), one milestone per entry;
//! - never from words in a forecast or a condition ("will be delivered once the
//!   issue is resolved", "until service is back to normal": `is`, `are`, `be`
//!   right before the words, after `once`, `until`, `when`, `if`, `will`, ...
//!   in the same clause);
//! - never from an entry that negates or tries (`not`, `failed to`, `attempt`,
//!   `tried`, `partially`, `nobody`, `never`, `without`, `starts rolling back`), nor from one that names another
//!   time (`all clear at 09:40`: the milestone may not be at the entry's time).
//!
//! | milestone | words (any case) |
//! |---|---|
//! | started | an outage, degradation, downtime, impact, incident, disruption, errors, an error or failure rate, failures, delays, latency or timeouts that `began`, `begin(s)`, `started` or `start(s)`, in one clause; something that `starts failing`; `first errors`, `first failures`, `first timeouts`, `first failed requests`; an error, failure, timeout, 429 or 5xx rate that `jumps`, `jumped`, `spikes` or `spiked` (not a latency: that is a warning) |
//! | detected | `detected`, `alerted`, `alert(s) fired`, `alert fires`, `alerts fire`, `alert pages`, `alerts page`, `alert triggered`, `reported by customers`, `customers reported`, `paged`, `noticed` |
//! | acknowledged | `acknowledged`, `mobilized`, `mobilised`, `incident declared`, `declared an incident`, `began investigating`, `started investigating` |
//! | mitigated | `mitigated`, `mitigation applied`, `rolled back`, a `rollback` then `completed`/`complete`/`finished`/`done`, `failed over`, `pointed back to`, `reverted to` (an alias or a setting put back) |
//! | resolved | `resolved`, `back to normal`, `back to nominal`, `all clear`, `fully recovered`, `fully restored`, `outage ends`, `outage ended`, `outage is over`, `impact ended`, `impact ends`, `impact is over`, `service restored`, `services restored`, `back to baseline`, `working again`, `succeeding again`, `healthy again`, `normal again`, `available again`, `reachable again`, `responsive again`, `online again`, `current again`, `accurate again`, `correct again`, `returned to normal`, `returned to (its) usual`, `back to (its) usual`, an error or failure rate (or errors, failures) `back to zero` or `returned to zero`; a metric `back below` its threshold; errors, failures, timeouts, 429s or 5xx that `stop(s)`, `stopped`, `ceased` or `subsided`, not in a condition or for some |
//!
//! A `Start:`/`End:` label leading an entry is read before the words; a start or
//! an end stated as a field of its own at an entry's minute (`- Start (UTC):
//! 2025-01-08T06:31:43Z`) gives the milestone nothing else gave (`docs/import.md`),
//! and so does a table of milestones (`| Detected | 10:12 AM | +0:07 |`, two rows
//! or more) for the one entry at a row's clock.
//!
//! The reading is recorded ([`ReadMilestone`]) and shown in hover and in
//! `--format json`, so a reviewer sees why a milestone is there.

use crate::ptr::Ptr;
use crate::span::Span;
use crate::tree::{Entry, Node, Value};

use super::{ReadMilestone, Reading};

mod words;

use words::find;
pub(crate) use words::{forecast, says_started};

const ORDER: [&str; 5] = [
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
];

/// Words that make an entry unusable for a milestone: it negates or only tries.
const GUARDS: &[&str] = &[
    "not ",
    "n't",
    "failed to",
    " fails",
    "attempt",
    "tried",
    "unsuccessful",
    "partially",
    "rolling back",
    "no longer",
    "nobody",
    "no one",
    "never",
    "without",
];

/// Adds a `milestone` to the timeline entries whose words name one (see the
/// module documentation), recording each reading in `reading`. Returns the
/// report's `milestones`, from those readings or from the entries' own markers
/// (the first entry of each), so the metrics and the duration rules see them; the
/// time of each is its entry's time, with its span.
pub(crate) fn infer(text: &str, timeline: &mut Node, reading: &mut Reading) -> Option<Node> {
    let Value::Seq(items) = &mut timeline.value else {
        return None;
    };
    let marked = items.iter().any(|i| i.entry("milestone").is_some());
    // Each entry's dated time: reading milestones adds fields, never a time.
    let dated = dated_times(items);
    if !marked {
        read_labels(text, items, reading);
        read_words(text, items, &dated, reading);
    }
    let mut out: Vec<Entry> = Vec::new();
    for name in ORDER {
        // Only a time with a date makes a milestone (the model requires the date).
        let found = items.iter().zip(&dated).find_map(|(i, dated)| {
            let m = i.entry("milestone")?;
            let time = i.entry("time")?;
            let dated = dated.as_ref()?;
            (m.value.as_str() == Some(name)).then_some((m.value.span, time, dated))
        });
        if let Some((words, time, dated)) = found {
            out.push(Entry {
                key: name.into(),
                key_span: words,
                value: Node::new(time.value.span, Value::String(dated.clone())),
            });
        }
    }
    // A start or an end the report states as a field of its own (`- Start (UTC):
    // 2025-01-08T06:31:43Z (approx; first error)`), for a milestone no entry gave.
    // Only where an entry stands at that minute: the timeline is the evidence
    // (RS210), and a window the entries do not show is the claims' to compare.
    let minutes: Vec<_> = dated
        .iter()
        .flatten()
        .filter_map(|t| crate::time::parse_time(t).ok())
        .map(|p| (p.date, p.time.hour(), p.time.minute()))
        .collect();
    for (name, label, time, value) in stated_fields(text) {
        if out.iter().any(|e| e.key == name) {
            continue;
        }
        let Ok(p) = crate::time::parse_time(&value) else {
            continue;
        };
        if !minutes.contains(&(p.date, p.time.hour(), p.time.minute())) {
            continue;
        }
        let read_from = format!("field '{}'", label.slice(text));
        add(
            &mut out,
            reading,
            name,
            label,
            read_from,
            Node::new(time, Value::String(value)),
        );
    }
    // A table of milestones (an incident tool's export: `| Detected | 10:12 AM |
    // +0:07 |`), for a milestone nothing else gave: at the one entry that stands
    // at the row's clock, whose date and zone it takes.
    for (name, label, time) in table_rows(text) {
        if out.iter().any(|e| e.key == name) {
            continue;
        }
        let Ok(row) = crate::time::parse_time(time.slice(text)) else {
            continue;
        };
        let at_clock: Vec<&String> = dated
            .iter()
            .flatten()
            .filter(|t| {
                crate::time::parse_time(t).is_ok_and(|p| {
                    p.time.hour() == row.time.hour()
                        && p.time.minute() == row.time.minute()
                        && row.date.is_none_or(|d| p.date == Some(d))
                })
            })
            .collect();
        let [value] = at_clock.as_slice() else {
            continue;
        };
        let read_from = format!("table row '{}'", label.slice(text));
        let value = Node::new(time, Value::String((*value).clone()));
        add(&mut out, reading, name, label, read_from, value);
    }
    let first = out.first()?.key_span;
    let span = out.iter().fold(first, |acc, e| acc.cover(e.key_span));
    Some(Node::new(span, Value::Map(out)))
}

/// Records the milestone `name` read from `label` (how, for people: `read_from`)
/// and puts it into `out` in the model's order.
fn add(
    out: &mut Vec<Entry>,
    reading: &mut Reading,
    name: &'static str,
    label: Span,
    read_from: String,
    value: Node,
) {
    reading.milestones.push(ReadMilestone {
        milestone: name,
        entry: retrospec_model::Milestone::ALL
            .into_iter()
            .find(|m| m.as_str() == name)
            .map_or_else(String::new, |m| Ptr::milestone(m).into()),
        span: label,
        read_from,
    });
    let at = ORDER.iter().position(|m| *m == name).unwrap_or(0);
    let index = out
        .iter()
        .position(|e| ORDER.iter().position(|m| *m == e.key).unwrap_or(0) > at)
        .unwrap_or(out.len());
    out.insert(
        index,
        Entry {
            key: name.into(),
            key_span: label,
            value,
        },
    );
}

/// The rows of a table of milestones outside code: a first cell that names a
/// milestone (`Started`, `Detected`, `Acknowledged`, `Mitigated`, `Resolved`,
/// also `Impact start`, `Detected at`) and a second that is a time (`10:12 AM`,
/// `Nov 4, 2025 10:05 AM PST`), in a table where at least two rows are such:
/// each milestone's first row, with the label's and the time's spans.
fn table_rows(text: &str) -> Vec<(&'static str, Span, Span)> {
    let mut out: Vec<(&'static str, Span, Span)> = Vec::new();
    let mut table: Vec<(&'static str, Span, Span)> = Vec::new();
    let mut flush = |table: &mut Vec<(&'static str, Span, Span)>| {
        if table.len() >= 2 {
            for row in table.drain(..) {
                if !out.iter().any(|(m, ..)| *m == row.0) {
                    out.push(row);
                }
            }
        }
        table.clear();
    };
    for (at, line, fenced) in lines_and_fences(text) {
        if fenced || !line.trim().starts_with('|') {
            flush(&mut table);
            continue;
        }
        let mut cells =
            line.split('|')
                .skip(1)
                .scan(at + line.find('|').unwrap_or(0) + 1, |start, cell| {
                    let here = *start;
                    *start += cell.len() + 1;
                    let lead = cell.len() - cell.trim_start().len();
                    Some(Span::new(here + lead, here + lead + cell.trim().len()))
                });
        let (Some(label), Some(time)) = (cells.next(), cells.next()) else {
            continue;
        };
        let Some(name) = table_milestone(label.slice(text)) else {
            continue;
        };
        if crate::time::parse_time(time.slice(text)).is_ok()
            && !table.iter().any(|(m, ..)| *m == name)
        {
            table.push((name, label, time));
        }
    }
    flush(&mut table);
    out
}

/// Each line of `text` with its offset, and whether it is code: a fence's opening
/// or closing line (```` ``` ````, `~~~`) or a line between them.
fn lines_and_fences(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut pos = 0;
    let mut fence = false;
    text.split_inclusive('\n').map(move |line| {
        let at = pos;
        pos += line.len();
        let trimmed = line.trim();
        let marker = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        fence ^= marker;
        (at, line, fence || marker)
    })
}

/// The milestone a table row's first cell names (`Detected`, `**Mitigated**`,
/// `Impact started at`).
fn table_milestone(cell: &str) -> Option<&'static str> {
    Some(match bare_label(cell).as_str() {
        "started" | "start" | "began" => "started",
        "detected" | "detection" => "detected",
        "acknowledged" => "acknowledged",
        "mitigated" | "mitigation" => "mitigated",
        "resolved" | "resolution" => "resolved",
        _ => return None,
    })
}

/// Each entry's time with its date: as written when it has one; else with the date
/// of the dated entry above it, when every clock from there to this one runs
/// forward (the entries are that day's, as the timeline resolves them); else none,
/// since a clock that went back may be the next day.
fn dated_times(items: &[Node]) -> Vec<Option<String>> {
    let mut day: Option<(jiff::civil::Date, jiff::civil::Time)> = None;
    items
        .iter()
        .map(|i| {
            let written = i.entry("time")?.value.as_str()?;
            let Ok(parsed) = crate::time::parse_time(written) else {
                day = None;
                return None;
            };
            if let Some(date) = parsed.date {
                day = Some((date, parsed.time));
                return Some(written.to_string());
            }
            match day {
                Some((date, previous)) if parsed.time >= previous => {
                    day = Some((date, parsed.time));
                    Some(format!("{date} {}", written.trim()))
                }
                _ => {
                    day = None;
                    None
                }
            }
        })
        .collect()
}

/// A start, end or milestone label as its words: lower case, without marks, an
/// `impact`/`incident`/`outage` before it or an `at`/`time` after it
/// (`**Impact start time**` is `start`).
fn bare_label(label: &str) -> String {
    let lower = label
        .trim()
        .trim_matches(['*', '_', ' '])
        .to_ascii_lowercase();
    let bare = ["impact ", "incident ", "outage "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    bare.strip_suffix(" time")
        .or_else(|| bare.strip_suffix(" at"))
        .unwrap_or(bare)
        .to_string()
}

/// The milestone a line label names (`Start:`, `End:`, `Impact start:`), lowercase
/// and without its colon or emphasis.
fn label_milestone(label: &str) -> Option<&'static str> {
    let bare = bare_label(label);
    match bare.as_str() {
        "start" | "started" | "begin" | "began" | "beginning" => Some("started"),
        "end" | "ended" | "stop" | "stopped" => Some("resolved"),
        _ => None,
    }
}

/// Where the entry starts in a line led by a start or end label (`Start:
/// 2025/03/06 07:25 - Monitoring began alerting`, `**End:** 08:30 service
/// restored`): after the label, at the entry's time or date, when words follow
/// it. `None` for other lines, and for a label whose time is all the line (`Start:
/// 14:00 UTC`, a labelled time of its own).
pub(crate) fn label_before_entry(line: &str) -> Option<usize> {
    let colon = line.get(..line.len().min(24))?.find(':')?;
    label_milestone(&line[..colon])?;
    let after = &line[colon + 1..];
    let lead = after.len() - after.trim_start_matches([' ', '\t', '*', '_']).len();
    let rest = &after[lead..];
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Words after the time: at least one word of letters beyond the date and time.
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .count();
    (words >= 2).then_some(colon + 1 + lead)
}

/// The start and the end a report states as fields of their own, one line each
/// outside code: `- Start (UTC): 2025-01-08T06:31:43Z (approx; ...)`, `**Impact
/// end:** 2025-03-06 08:30 MST`, `End time: 2025-01-08 20:38 UTC`. The value is a
/// time with its date (a zone in the label's parentheses applies to a time written
/// without one), and at most a parenthesised note after it. The first of each:
/// its name, the label's span, the time's span and the time as the model takes it.
fn stated_fields(text: &str) -> Vec<(&'static str, Span, Span, String)> {
    let mut out: Vec<(&'static str, Span, Span, String)> = Vec::new();
    for (at, line, fenced) in lines_and_fences(text) {
        if fenced {
            continue;
        }
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let body = trimmed
            .strip_prefix(['-', '*', '+'])
            .filter(|r| r.starts_with(' '))
            .map_or(trimmed, str::trim_start);
        let body_at = at + lead + (trimmed.len() - body.len());
        let Some(colon) = body.get(..body.len().min(32)).and_then(|h| h.find(':')) else {
            continue;
        };
        let label = body[..colon].trim_end_matches(['*', '_']);
        let (name, zone) = match label.split_once('(') {
            Some((name, zone)) => (name.trim_end(), zone.strip_suffix(')').map(str::trim)),
            None => (label, None),
        };
        let Some(milestone) = label_milestone(name) else {
            continue;
        };
        if out.iter().any(|(m, ..)| *m == milestone) {
            continue;
        }
        let after = &body[colon + 1..];
        let value_lead = after.len() - after.trim_start_matches([' ', '\t', '*', '_']).len();
        let value = &after[value_lead..];
        let time_text = value.split(" (").next().unwrap_or(value).trim_end();
        let note = value[time_text.len()..].trim();
        if !(note.is_empty() || note.starts_with('(') && note.ends_with(')')) {
            continue;
        }
        // `08.12.2025 at 20:51 CET`: a date as a date line writes it, "at", the
        // clock; read as the ISO date and the clock.
        let mut plain = time_text.replacen(" at ", " ", 1);
        if crate::time::parse_time(&plain).is_err()
            && let Some((day, clock)) = plain.split_once(' ')
            && let Some(date) = crate::time::parse_date_line(day)
        {
            plain = format!("{date} {clock}");
        }
        let Ok(parsed) = crate::time::parse_time(&plain) else {
            continue;
        };
        if parsed.date.is_none() {
            continue;
        }
        let written = match (parsed.zone.is_none(), zone) {
            (true, Some(z)) if crate::time::parse_time(&format!("{plain} {z}")).is_ok() => {
                format!("{plain} {z}")
            }
            _ => plain,
        };
        let label_at =
            body_at + (body[..colon].len() - body[..colon].trim_start_matches(['*', '_']).len());
        let time_at = body_at + colon + 1 + value_lead;
        out.push((
            milestone,
            Span::new(
                label_at,
                label_at + name.trim_start_matches(['*', '_']).len(),
            ),
            Span::new(time_at, time_at + time_text.len()),
            written,
        ));
    }
    out
}

/// Milestones named by the label leading an entry's line (`Start: 07:25 - ...`,
/// `End: 08:30 - ...`; see [`label_before_entry`]): the first of each, recorded
/// like a milestone read from words.
fn read_labels(text: &str, items: &mut [Node], reading: &mut Reading) {
    let mut named: Vec<&str> = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        let Some(time) = item.entry("time").map(|e| e.value.span) else {
            continue;
        };
        let line_start = text[..time.start].rfind('\n').map_or(0, |n| n + 1);
        let before = &text[line_start..time.start];
        let Some(skip) = label_before_entry(&text[line_start..]) else {
            continue;
        };
        // Only a date may stand between the label and the entry's time.
        let between = text.get(line_start + skip..time.start).unwrap_or("x");
        if !between
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' ' | ','))
        {
            continue;
        }
        let colon = before.find(':').unwrap_or(0);
        let written = before[..colon].trim_start();
        let Some(milestone) = label_milestone(written) else {
            continue;
        };
        if named.contains(&milestone) {
            continue;
        }
        named.push(milestone);
        let at = line_start + (before[..colon].len() - written.len());
        let words = Span::new(at, at + written.trim_end().len());
        reading.milestones.push(ReadMilestone {
            milestone,
            entry: Ptr::timeline_entry(i).whole().into(),
            span: words,
            read_from: format!("line label '{}:'", words.slice(text)),
        });
        if let Value::Map(fields) = &mut item.value {
            fields.push(Entry {
                key: "milestone".into(),
                key_span: words,
                value: Node::new(words, Value::String(milestone.into())),
            });
        }
    }
}

fn read_words(text: &str, items: &mut [Node], clocks: &[Option<String>], reading: &mut Reading) {
    // The words of each entry as written (lowercased, same offsets) and their span.
    let texts: Vec<Option<(Span, String, Vec<usize>)>> = items
        .iter()
        .map(|i| {
            let e = i.entry("text")?;
            // A line break inside a phrase ("returned to\n  its usual level") is one
            // blank like any other: runs of blanks are read as one, and `at` maps
            // each byte read back to the text.
            let (lower, at) = collapse_blanks(&e.value.span.slice(text).to_ascii_lowercase());
            // Another time in the words ("all clear at 09:40"): the entry's own time
            // may not be the milestone's, so none is read.
            let other_time = lower
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
            (!other_time && !GUARDS.iter().any(|g| lower.contains(g))).then_some((
                e.value.span,
                lower,
                at,
            ))
        })
        .collect();
    // Entries a line label already named a milestone of ([`read_labels`]).
    let mut taken: Vec<bool> = items
        .iter()
        .map(|i| i.entry("milestone").is_some())
        .collect();
    let labelled: Vec<String> = items
        .iter()
        .filter_map(|i| i.entry("milestone")?.value.as_str().map(str::to_string))
        .collect();
    // The entry that says the impact started, by a label or in words.
    let mut started = items
        .iter()
        .position(|i| i.entry("milestone").and_then(|m| m.value.as_str()) == Some("started"));
    // The last entry that says the impact started or was noticed, by a label or in words.
    let mut noticed = items.iter().rposition(|i| {
        matches!(
            i.entry("milestone").and_then(|m| m.value.as_str()),
            Some("started" | "detected" | "acknowledged")
        )
    });
    for milestone in ORDER {
        if labelled.iter().any(|m| m == milestone) {
            continue;
        }
        let search = |after: Option<usize>| {
            texts.iter().enumerate().find_map(|(i, t)| {
                let (span, lower, map) = t.as_ref()?;
                if taken[i] || after.is_some_and(|a| i <= a) {
                    return None;
                }
                let (from, to) = find(milestone, lower)?;
                let end = map.get(to.checked_sub(1)?)? + 1;
                Some((i, Span::new(span.start + map.get(from)?, span.start + end)))
            })
        };
        let mut found = search(None);
        // An alert before the entry where the impact starts is an early warning,
        // not the detection of the impact: the detection is the first one after
        // the start, or none is read (a reviewer would not call a warning that
        // came early a milestone out of order).
        if milestone == "detected"
            && let (Some((i, _)), Some(s)) = (found, started)
            && i < s
            && earlier(clocks, i, s)
        {
            found = search(Some(s));
        }
        // Likewise a failover or rollback before the impact was noticed (the
        // storage array "failed over ... as designed", the trigger) is not its
        // mitigation: a mitigation or an end is looked for after the last entry
        // read as a start, a detection or an acknowledgement.
        if matches!(milestone, "mitigated" | "resolved")
            && let (Some((i, _)), Some(s)) = (found, noticed)
            && i < s
            && !earlier(clocks, s, i)
        {
            found = search(Some(s));
        }
        let Some((i, words)) = found else {
            continue;
        };
        if milestone == "started" {
            started = Some(i);
        }
        if matches!(milestone, "started" | "detected" | "acknowledged") {
            noticed = noticed.max(Some(i));
        }
        taken[i] = true;
        let written = items[i]
            .entry("text")
            .and_then(|e| e.value.as_str())
            .unwrap_or("");
        let shown: String = written.chars().take(80).collect();
        reading.milestones.push(ReadMilestone {
            milestone,
            entry: Ptr::timeline_entry(i).whole().into(),
            span: words,
            read_from: format!("timeline text '{shown}'"),
        });
        if let Value::Map(fields) = &mut items[i].value {
            fields.push(Entry {
                key: "milestone".into(),
                key_span: words,
                value: Node::new(words, Value::String(milestone.into())),
            });
        }
    }
}

/// Whether entry `i`'s dated time is before entry `j`'s (both read with their
/// dates by [`dated_times`]; an entry without one is not known to be earlier).
fn earlier(clocks: &[Option<String>], i: usize, j: usize) -> bool {
    let at = |k: usize| {
        let p = crate::time::parse_time(clocks.get(k)?.as_deref()?).ok()?;
        Some((p.date?, p.time))
    };
    matches!((at(i), at(j)), (Some(a), Some(b)) if a < b)
}

/// `s` with each run of blanks (spaces, tabs, line breaks) as one space, and for
/// each byte of the result the byte of `s` it was read from.
fn collapse_blanks(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len());
    let mut blank = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_whitespace() {
            if !blank {
                out.push(' ');
                at.push(i);
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push(c);
        at.extend((0..c.len_utf8()).map(|k| i + k));
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use crate::parse::markdown;

    fn read(timeline: &str) -> Vec<(String, String)> {
        let text = format!("# Outage\n\n## Timeline\n\n{timeline}");
        let mut diags = Vec::new();
        let parsed = markdown::parse(&text, &mut diags).expect("parses");
        parsed
            .freeform
            .expect("free-form")
            .milestones
            .into_iter()
            .map(|m| (m.milestone.to_string(), m.span.slice(&text).to_string()))
            .collect()
    }

    /// The milestones of a whole report, as (name, words or label, model time).
    fn read_report(text: &str) -> Vec<(String, String, String)> {
        let checked = crate::check(text, crate::Format::Markdown);
        let model = checked.model.expect("model");
        let json = serde_json::to_value(&model.milestones).expect("json");
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        parsed
            .freeform
            .expect("free-form")
            .milestones
            .into_iter()
            .map(|m| {
                let time = json
                    .get(m.milestone)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                (
                    m.milestone.to_string(),
                    m.span.slice(text).to_string(),
                    time,
                )
            })
            .collect()
    }

    /// A start or end label leading a timeline line names its milestone; the
    /// entry is read after it (a year-first slashed date included).
    /// A table of milestones gives each milestone nothing else gave, at the one
    /// entry that stands at its row's clock; a row whose clock no entry has, a
    /// single row, and a row in code give none.
    #[test]
    fn a_table_of_milestones_names_them_at_the_entries() {
        let text = "# Exports late\n\nAll times PST, Nov 4, 2025.\n\n## Milestones\n\n\
                    | Milestone | Time (PST) | Since start |\n|---|---|---|\n\
                    | Started | 10:05 AM | +0:00 |\n| Detected | 10:12 AM | +0:07 |\n\
                    | Acknowledged | 10:14 AM | +0:09 |\n| Mitigated | 11:02 AM | +0:57 |\n\n\
                    ## Timeline\n\n- 2025-11-04 10:05 AM First upload rejected\n\
                    - 10:12 AM A page to Dana about the export\n- 11:02 AM New host key added\n";
        let names: Vec<(String, String)> = read_report(text)
            .into_iter()
            .map(|(m, label, time)| (m, format!("{label} {time}")))
            .collect();
        assert_eq!(
            names,
            [
                (
                    "started".to_string(),
                    "Started 2025-11-04 10:05 AM PST".to_string()
                ),
                (
                    "detected".to_string(),
                    "Detected 2025-11-04 10:12 AM PST".to_string()
                ),
                (
                    "mitigated".to_string(),
                    "Mitigated 2025-11-04 11:02 AM PST".to_string()
                ),
            ]
        );
        let one = text.replace("| Detected | 10:12 AM | +0:07 |\n| Acknowledged | 10:14 AM | +0:09 |\n| Mitigated | 11:02 AM | +0:57 |\n", "");
        assert!(read_report(&one).is_empty(), "{one}");
        let fenced = text
            .replace("| Milestone |", "```\n| Milestone |")
            .replace("+0:57 |\n", "+0:57 |\n```\n");
        assert!(read_report(&fenced).is_empty(), "{fenced}");
    }

    #[test]
    fn start_and_end_labels_lead_their_entries() {
        for (start, end) in [
            (
                "Start: 2025/03/06 07:25 - Monitoring began alerting on the app\nservers.",
                "End: 2025/03/06 08:30 - Service was confirmed restored.",
            ),
            (
                "**Start:** 2025-03-06 07:25 UTC – the export queue stops draining",
                "**End:** 2025-03-06 08:30 UTC – the last backlog item drains",
            ),
            (
                "Impact start: 2025-03-06 07:25 UTC - checkout errors climb",
                "Impact end: 2025-03-06 08:30 UTC - error rate at baseline",
            ),
            (
                "Began: 2025-03-06 07:25 UTC: mail stops arriving",
                "Ended: 2025-03-06 08:30 UTC: mail flows again",
            ),
        ] {
            let text = format!(
                "# Outage\n\n## Timeline\n\n{start}\n2025-03-06 07:50 UTC - Support looks at the graphs\n{end}\n"
            );
            let found = read_report(&text);
            let names: Vec<&str> = found.iter().map(|(m, ..)| m.as_str()).collect();
            assert_eq!(names, ["started", "resolved"], "{start}");
            assert!(found[0].2.contains("07:25"), "{found:?}");
            assert!(found[1].2.contains("08:30"), "{found:?}");
            assert!(
                found[0].1.trim_matches('*').ends_with("tart")
                    || found[0].1.trim_matches('*').ends_with("egan"),
                "{found:?}"
            );
        }
        // Near-misses: a label whose time is the whole line, a label that is not a
        // start or an end, words before the time.
        assert_eq!(
            super::label_before_entry("Start: 2025-03-06 07:25 UTC"),
            None
        );
        for start in [
            "Status: 2025-03-06 07:25 UTC - the export queue stops draining",
            "Starting point: 2025-03-06 07:25 UTC - the export queue stops draining",
            "Start: the rollout, 2025-03-06 07:25 UTC",
        ] {
            let text = format!(
                "# Outage\n\n## Timeline\n\n{start}\n\n2025-03-06 07:50 UTC - Support looks at the graphs\n"
            );
            let names: Vec<String> = read_report(&text).into_iter().map(|(m, ..)| m).collect();
            assert!(names.is_empty(), "{start}: {names:?}");
        }
    }

    /// A start and an end stated as fields of their own (a metadata list) give
    /// the milestones no entry names, in the zone their label gives.
    #[test]
    fn start_and_end_fields_give_the_milestones_the_timeline_lacks() {
        let timeline = "## Timeline\n\n- 2025-01-08T06:31Z first write error in the log\n\
                        - 2025-01-08T14:50Z operator looks at the dashboard\n- 2025-01-08T20:38Z worker restarted\n";
        for (start, end, want) in [
            (
                "- Start (UTC): 2025-01-08T06:31:43Z (approx; first error in the log)",
                "- End (UTC): 2025-01-08T20:38:39Z (approx; worker restarted)",
                ("2025-01-08T06:31:43Z", "2025-01-08T20:38:39Z"),
            ),
            (
                "- **Impact start:** 2025-01-08 06:31 UTC",
                "- **Impact end:** 2025-01-08 20:38 UTC",
                ("2025-01-08 06:31 UTC", "2025-01-08 20:38 UTC"),
            ),
            (
                "Start time: 2025-01-08 06:31 UTC",
                "End time: 2025-01-08 20:38 UTC",
                ("2025-01-08 06:31 UTC", "2025-01-08 20:38 UTC"),
            ),
            (
                "- Start (UTC): 2025-01-08 06:31",
                "- End (UTC): 2025-01-08 20:38",
                ("2025-01-08 06:31 UTC", "2025-01-08 20:38 UTC"),
            ),
            // A dotted date, "at" before the clock, and "stop" for the end, as
            // a network operator's form writes them.
            (
                "- Outage start: 08.01.2025 at 06:31 UTC",
                "- Outage stop: 08.01.2025 at 20:38 UTC",
                ("2025-01-08 06:31 UTC", "2025-01-08 20:38 UTC"),
            ),
        ] {
            let text = format!("# Export stalled\n\n## Metadata\n\n{start}\n{end}\n\n{timeline}");
            let found = read_report(&text);
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|(m, _, t)| (m.as_str(), t.as_str()))
                .collect();
            assert_eq!(got, [("started", want.0), ("resolved", want.1)], "{start}");
        }
        // Near-misses: no date, more than a note after the time, in code, not a
        // start or an end.
        for (start, end) in [
            ("- Start: 06:31", "- End: 20:38"),
            (
                "- Start: 2025-01-08T06:31Z then the queue grew",
                "- End: 2025-01-08T20:38Z once the worker was back",
            ),
            (
                "```\nStart: 2025-01-08T06:31Z\n",
                "End: 2025-01-08T20:38Z\n```",
            ),
            (
                "- Deadline: 2025-01-08T06:31Z",
                "- Review: 2025-01-08T20:38Z",
            ),
            // No entry at those minutes: the window is a claim's to compare.
            (
                "- Start (UTC): 2025-01-08T05:10Z",
                "- End (UTC): 2025-01-08T21:00Z",
            ),
        ] {
            let text = format!("# Export stalled\n\n## Metadata\n\n{start}\n{end}\n\n{timeline}");
            assert!(read_report(&text).is_empty(), "{start}");
        }
        // A milestone an entry names is not replaced by a field.
        let worded = timeline.replace("first write error in the log", "errors began");
        let text = format!(
            "# Export stalled\n\n- Start (UTC): 2025-01-08T05:00Z\n- End (UTC): 2025-01-08T20:38Z\n\n{worded}"
        );
        let got: Vec<(String, String)> = read_report(&text)
            .into_iter()
            .map(|(m, _, t)| (m, t))
            .collect();
        assert_eq!(
            got,
            [
                ("started".to_string(), "2025-01-08T06:31Z".to_string()),
                ("resolved".to_string(), "2025-01-08T20:38Z".to_string())
            ]
        );
    }

    /// A failure rate that jumps starts the impact and failures that stop end it;
    /// a latency that jumps is a warning, and failures that stop for some are not
    /// the end.
    #[test]
    fn a_failure_rate_that_jumps_and_failures_that_stop() {
        let found = read(
            "- 2025-04-09 13:50 UTC canary promoted\n- 14:05 UTC 429 rate for partner keys jumps from <0.1% to 71%\n\
             - 14:44 UTC cause found\n- 15:10 UTC flag turned off; 429s stop at once\n",
        );
        assert_eq!(
            found,
            [
                ("started".into(), "429 rate for partner keys jumps".into()),
                ("resolved".into(), "429s stop".into())
            ],
            "{found:?}"
        );
        let found = read(
            "- 2025-04-09 14:05 UTC latency jumps\n- 14:10 UTC errors stop for some partners\n\
             - 14:20 UTC we will see whether the errors stop\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// An alert that fired before the entry where the impact starts is an early
    /// warning: the detection is the first alert after the start, or none.
    #[test]
    fn an_alert_before_the_impact_is_no_detection() {
        let head = "### 2025-11-04\n\n- 21:48 UTC: latency jumps\n- 21:52 UTC: Storage latency alert pages the on-call\n- 22:05 UTC: Writes fail, impact starts\n";
        let names = |tail: &str| -> Vec<(String, String)> { read(&format!("{head}{tail}")) };
        let found = names("- 22:06 UTC: Primary alert fired\n- 23:10 UTC: Service restored\n");
        assert!(
            found.contains(&("detected".into(), "alert fired".into())),
            "{found:?}"
        );
        let found = names("- 22:40 UTC: Standby promoted\n- 23:10 UTC: Service restored\n");
        assert!(found.iter().all(|(m, _)| m != "detected"), "{found:?}");
        // Without a start read, the alert is the detection as before.
        let found = read(
            "### 2025-11-04\n\n- 21:52 UTC: Storage latency alert pages the on-call\n- 23:10 UTC: Service restored\n",
        );
        assert!(
            found.contains(&("detected".into(), "alert pages".into())),
            "{found:?}"
        );
    }

    #[test]
    fn milestones_are_read_from_words() {
        let found = read(
            "- 16:05 UTC: Service degradation began.\n- 16:10 UTC: Degradation reported by customers.\n- 16:20 UTC: Response team mobilized\n- 16:30 UTC: Team starts rolling back the release\n- 16:45 UTC: Rollback of the release completed\n- 17:20 UTC: Service is back to normal.\n",
        );
        assert_eq!(
            found,
            [
                ("started".into(), "degradation began".into()),
                ("detected".into(), "reported by customers".into()),
                ("acknowledged".into(), "mobilized".into()),
                (
                    "mitigated".into(),
                    "Rollback of the release completed".into()
                ),
                ("resolved".into(), "back to normal".into()),
            ]
        );
        // An alias or a setting put back.
        let found = read(
            "- 11:20 UTC: Job switches the alias to an empty index; searches empty.\n- 11:34 UTC: Merchandising reports empty search.\n- 12:30 UTC: Alias pointed back to products_v104.\n",
        );
        assert!(
            found.contains(&("mitigated".into(), "pointed back to".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_forecast_or_a_condition_is_no_milestone() {
        for words in [
            "Events will be delivered once the issue is resolved.",
            "Uploads are queued until service is back to normal.",
            "Search should be fully restored when the index gets back to normal.",
            "We expect the backlog to be resolved by noon.",
        ] {
            assert_eq!(
                read(&format!(
                    "- 14:20 UTC: {words}\n- 15:00 UTC: Work continues\n"
                )),
                [],
                "{words}"
            );
        }
        // Past events after the same words are milestones.
        for (words, found) in [
            (
                "Once the cache warmed, errors were back to normal.",
                "back to normal",
            ),
            ("The incident has been resolved.", "resolved"),
            (
                "Once the cache warms, errors are back to normal.",
                "back to normal",
            ),
            (
                "After the rollback, errors are back to normal.",
                "back to normal",
            ),
            (
                "When the disk was replaced, the incident was resolved.",
                "resolved",
            ),
        ] {
            assert_eq!(
                read(&format!("- 14:20 UTC: {words}\n")),
                [("resolved".to_string(), found.to_string())],
                "{words}"
            );
        }
    }

    #[test]
    fn the_impact_ending_in_so_many_words_is_the_end() {
        for (words, found) in [
            ("Cache purged. Impact ends.", "Impact ends"),
            ("Service restored for all regions.", "Service restored"),
            (
                "All services restored after the failover.",
                "services restored",
            ),
            (
                "The outage is over; monitoring continues.",
                "outage is over",
            ),
            ("Everything fully recovered.", "fully recovered"),
        ] {
            assert_eq!(
                read(&format!("- 14:20 UTC: {words}\n")),
                [("resolved".to_string(), found.to_string())],
                "{words}"
            );
        }
        // Ended only in part: not the end.
        for words in [
            "Impact ends for some regions.",
            "Service restored except for the EU cluster.",
            "Service restored, but writes still fail.",
        ] {
            assert_eq!(read(&format!("- 14:20 UTC: {words}\n")), [], "{words}");
        }
    }

    #[test]
    fn a_failure_rate_back_to_zero_is_the_end() {
        assert_eq!(
            read(
                "- 09:41 UTC: Checks start failing\n- 11:40 UTC: Failure rate back to zero as caches expire\n"
            ),
            [
                ("started".into(), "start failing".into()),
                ("resolved".into(), "Failure rate back to zero".into()),
            ]
        );
        assert_eq!(
            read(
                "- 09:47 UTC: Latency began to climb\n- 12:00 UTC: Latency returned to\n  its usual level\n"
            ),
            [
                ("started".into(), "Latency began".into()),
                ("resolved".into(), "returned to\n  its usual".into()),
            ]
        );
        // A state of the service named as restored.
        assert_eq!(
            read(
                "- 14:05 UTC: Stale responses served\n- 16:10 UTC: Entries expire; all responses current again\n"
            ),
            [("resolved".into(), "current again".into())]
        );
        // A metric back below its threshold; not while something still fails.
        assert_eq!(
            read(
                "- 09:55 UTC: Lag starts to fall\n- 10:35 UTC: Lag back below 30 s on all shards\n"
            ),
            [("resolved".into(), "back below".into())]
        );
        assert_eq!(
            read("- 10:35 UTC: Latency back below 2 s but errors are not yet back below 1%\n"),
            []
        );
        // A count back to zero is not the end of the impact.
        assert_eq!(
            read("- 11:40 UTC: Queue depth back to zero\n- 11:50 UTC: Retries back to zero\n"),
            []
        );
    }

    #[test]
    fn negated_or_attempted_words_and_marked_timelines_give_none() {
        assert_eq!(
            read("- 10:00 UTC: Alert was not detected\n- 10:05 UTC: Attempt to roll back fails\n"),
            []
        );
        assert_eq!(
            read("- 10:00 UTC: Outage starts [detected]\n- 11:00 UTC: All clear\n"),
            []
        );
    }

    #[test]
    fn a_failover_before_the_impact_was_noticed_is_not_its_mitigation() {
        assert_eq!(
            read(
                "- 09:58 UTC: The storage array failed over to its secondary, as designed.\n\
                 - 10:04 UTC: Customers reported login failures.\n\
                 - 10:40 UTC: The database failed over to the standby.\n"
            ),
            [
                ("detected".into(), "Customers reported".into()),
                ("mitigated".into(), "failed over".into()),
            ]
        );
        let (_, words) = &read(
            "- 09:58 UTC: The storage array failed over to its secondary, as designed.\n\
             - 10:04 UTC: Customers reported login failures.\n\
             - 10:40 UTC: The database failed over to the standby.\n",
        )[1];
        assert_eq!(words, "failed over");
        // Only one failover, before anyone noticed: no mitigation at all.
        assert_eq!(
            read(
                "- 09:58 UTC: The storage array failed over to its secondary.\n\
                 - 10:04 UTC: Customers reported login failures.\n"
            ),
            [("detected".into(), "Customers reported".into())]
        );
    }

    #[test]
    fn a_beginning_is_read_within_one_clause() {
        // The failing and the start are in two clauses: a purge started, not the impact.
        assert_eq!(
            read("- 10:18 UTC: Cached tiles keep failing; cache purge started.\n"),
            []
        );
        assert_eq!(
            read("- 10:18 UTC: Deploy done. Errors began at the edge.\n"),
            [("started".into(), "Errors began".into())]
        );
        assert_eq!(
            read("- 10:18 UTC: Deploy done; errors started at 1.5 times the usual rate\n"),
            [("started".into(), "errors started".into())]
        );
    }
}
