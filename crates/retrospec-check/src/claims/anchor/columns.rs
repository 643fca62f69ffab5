//! A timeline written in plain-text columns (`Fri 7 Nov   14:05  text`, the day
//! carried down to the lines below it), read as places for a report whose
//! timeline has no entry.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{Source, Stamp, clock, one_date, parse_clock};

/// A line of a timeline written in columns in plain text, a day column over the
/// lines it starts: `Fri 7 Nov   14:05  firmware update applied`, then
/// `            16:30  first jobs hang` (the day carried down), `2025-11-07
/// 14:05  text`. Two blanks or a tab after the time set the text apart, or a
/// dash between blanks (`09:42 - Our NOC received alerts`); a line indented
/// under one, with no time of its own, goes on with its text.
static COLUMN_LINE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[ \t]*(?P<day>(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?(?:[0-9]{1,2}[ \t]+[a-z]{3,9}\.?|[a-z]{3,9}\.?[ \t]+[0-9]{1,2}|[0-9]{4}-[0-9]{2}-[0-9]{2})(?:,?[ \t]+[0-9]{4})?[ \t]+)?(?P<t>[0-2]?[0-9]:[0-5][0-9])(?:[ \t]{2,}|\t|[ \t]+[-–—][ \t]+)(?P<text>[^ \t].*)$")
        .expect("the pattern is valid")
});

/// The lines of timelines written in plain-text columns (see [`COLUMN_LINE`]),
/// three or more in a row, in a report whose timeline has no entry: each a
/// place with its clock time and the day its day column last named.
pub(super) fn column_lines(sources: &[Source]) -> Vec<(String, Stamp)> {
    let mut out = Vec::new();
    for Source {
        pointer,
        masked,
        spaced,
    } in sources
    {
        if !spaced {
            continue;
        }
        let mut run: Vec<(String, Stamp)> = Vec::new();
        let mut day = None;
        let mut at = 0;
        for line in masked.split_inclusive('\n') {
            let range = at..at + line.trim_end().len();
            at += line.len();
            let Some(caps) = COLUMN_LINE.captures(line.trim_end()) else {
                // A line indented under the one before: its text goes on.
                if let Some((words, stamp)) = run.last_mut()
                    && line.starts_with([' ', '\t'])
                    && !line.trim().is_empty()
                    && !line.trim_start().starts_with(['-', '*', '+'])
                {
                    words.push(' ');
                    words.push_str(&line.split_whitespace().collect::<Vec<_>>().join(" "));
                    if let Some((_, r)) = stamp.place.as_mut() {
                        r.end = range.end;
                    }
                    continue;
                }
                if run.len() >= 3 {
                    out.append(&mut run);
                }
                run.clear();
                day = None;
                continue;
            };
            if let Some(d) = caps.name("day") {
                day = one_date(d.as_str());
            }
            let (Some(t), Some(text)) = (caps.name("t"), caps.name("text")) else {
                continue;
            };
            let Some(parsed) = parse_clock(t.as_str()) else {
                continue;
            };
            let words = text
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            run.push((
                words.clone(),
                Stamp {
                    label: format!("`{}` in \"{words}\"", t.as_str()),
                    pointer: String::new(),
                    instant: None,
                    clock: Some(clock(parsed.time)),
                    zone: None,
                    place: Some((pointer.clone(), range)),
                    day,
                    source: "prose_line",
                },
            ));
        }
        if run.len() >= 3 {
            out.append(&mut run);
        }
    }
    out
}
