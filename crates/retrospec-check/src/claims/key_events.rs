//! Labelled milestones in a list of key events: an incident log that gives each
//! incident a list such as
//!
//! ```text
//! - **Key events**
//!   - First detected: 2025-03-27 09:40
//!   - Repaired: 2025-03-27 11:58
//!   - Resolved: 2025-03-27 12:10
//! - **Time to repair**: 1h 18m
//! ```
//!
//! compares a labelled `Time to repair` / `Time to resolve` / `Time to mitigate`
//! / `Time to detect` with the labelled times above it in the same part of the
//! report (up to the previous heading). The length runs from the start (`Started:`,
//! `Impact began:`) or the detection (`First detected:`, `Detected:`), whichever
//! agrees, to the end its name asks for (`Repaired:`/`Restored:`/`Mitigated:` for
//! repair, `Resolved:` for resolve). Only times with a date (`2025-03-27 09:40`)
//! are read, so every label has its own day; anything else reads nothing.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;

use super::Compared;

/// The claim's own label, just before it on its line: `**Time to repair**: `.
static CLAIM_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\btime\s+to\s+(?P<what>repair|restore|recover|resolve|resolution|mitigate|mitigation|detect|detection)\b[*_]*\s*[:=-]?[*_]*\s*(?:(?:about|around|approximately|roughly|~)\s*)?$")
        .expect("the pattern is valid")
});

/// A labelled time as a list item: `- First detected: 2025-03-27 09:40`.
static EVENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)^[ \t]*[-*+][ \t]+[*_]*(?P<label>first\s+detected|detected|started|start|impact\s+(?:began|started|start)|repaired|restored|recovered|mitigated|resolved)[*_]*[ \t]*:?[*_]*[ \t]*(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?P<time>[0-2][0-9]:[0-5][0-9])\b[^\n]*$")
        .expect("the pattern is valid")
});

/// Where each label belongs: 0 start, 1 detection, 2 repair, 3 resolution.
fn kind(label: &str) -> usize {
    let l = label.to_ascii_lowercase();
    if l.contains("detected") {
        1
    } else if l.starts_with("start") || l.starts_with("impact") {
        0
    } else if l == "resolved" {
        3
    } else {
        2
    }
}

/// The readings of the claim at `range` of `masked` from the key events above
/// it, with the name of what it measures; `None` when it has no such label or
/// the events give neither end.
pub(super) fn read(masked: &str, range: Range<usize>) -> Option<(&'static str, Vec<Compared>)> {
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let caps = CLAIM_LABEL.captures(&masked[line_start..range.start])?;
    let what = caps.name("what")?.as_str().to_ascii_lowercase();
    let (measures, froms, to): (&'static str, &[usize], usize) = match what.as_str() {
        "repair" | "restore" | "recover" => ("time_to_restore", &[0, 1], 2),
        "resolve" | "resolution" => ("time_to_resolve", &[0, 1], 3),
        "mitigate" | "mitigation" => ("time_to_mitigate", &[0, 1], 2),
        _ => ("time_to_detect", &[0], 1),
    };
    // The part of the report the claim is in: from the previous heading.
    let part_start = masked[..line_start]
        .match_indices("\n#")
        .last()
        .map_or(0, |(i, _)| i + 1);
    let mut found: [Option<(String, jiff::civil::DateTime)>; 4] = Default::default();
    for ev in EVENT
        .captures_iter(&masked[part_start..line_start])
        .take(50)
    {
        let (Some(label), Some(date), Some(time)) =
            (ev.name("label"), ev.name("date"), ev.name("time"))
        else {
            continue;
        };
        let Ok(at) =
            format!("{}T{}", date.as_str(), time.as_str()).parse::<jiff::civil::DateTime>()
        else {
            continue;
        };
        let slot = &mut found[kind(label.as_str())];
        if slot.is_some() {
            // Two labels for one end: which one is meant is unclear.
            return None;
        }
        *slot = Some((label.as_str().to_string(), at));
    }
    let (to_label, to_at) = found[to].clone()?;
    let readings: Vec<Compared> = froms
        .iter()
        .filter_map(|&f| found[f].clone())
        .filter_map(|(label, at)| {
            let seconds = to_at.duration_since(at).as_secs();
            (seconds >= 0).then(|| Compared {
                source: "stated",
                from: format!("`{label}`"),
                to: format!("`{to_label}`"),
                from_pointer: String::new(),
                to_pointer: String::new(),
                seconds,
                rank: Default::default(),
            })
        })
        .collect();
    (!readings.is_empty()).then_some((measures, readings))
}

#[cfg(test)]
mod tests {
    use crate::claims::duration;

    fn minutes(text: &str) -> Option<Vec<i64>> {
        let d = duration::find(text).into_iter().last()?;
        super::read(text, d.range).map(|(_, r)| r.iter().map(|c| c.seconds / 60).collect())
    }

    #[test]
    fn labelled_key_events_give_the_labelled_lengths() {
        for (text, want) in [
            (
                "### Incident 2\n\n- **Key events**\n  - First detected: 2025-03-27 09:40\n  - Repaired: 2025-03-27 11:58\n  - Resolved: 2025-03-27 12:10\n\n- **Time to repair**: 1h 18m\n",
                vec![138],
            ),
            (
                "- Started: 2024-11-02 23:50\n- Detected: 2024-11-03 00:05\n- Resolved: 2024-11-03 01:20\n\nTime to resolve: 90 minutes\n",
                vec![90, 75],
            ),
            (
                "- *Impact began*: 2024-05-01 10:00\n- *Mitigated*: 2024-05-01 10:45\n\n**Time to mitigate:** about 45 minutes\n",
                vec![45],
            ),
        ] {
            assert_eq!(minutes(text), Some(want), "{text}");
        }
        for text in [
            // The events belong to another incident, above the claim's heading.
            "- First detected: 2025-03-27 09:40\n- Repaired: 2025-03-27 11:58\n\n### Incident 2\n\n- **Time to repair**: 1h 18m\n",
            // Times without dates, or no label on the claim.
            "- First detected: 09:40\n- Repaired: 11:58\n\n- **Time to repair**: 1h 18m\n",
            "- First detected: 2025-03-27 09:40\n- Repaired: 2025-03-27 11:58\n\nThe repair took 1h 18m.\n",
            // Two labels for the same end.
            "- Repaired: 2025-03-27 11:58\n- Restored: 2025-03-27 12:30\n- Detected: 2025-03-27 09:40\n\nTime to repair: 2h 18m\n",
        ] {
            assert_eq!(minutes(text), None, "{text}");
        }
    }
}
