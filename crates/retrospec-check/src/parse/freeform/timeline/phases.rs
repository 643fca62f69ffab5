//! A timeline written without a heading that runs on under phase headings
//! (`## Investigation and field work (hour 2–26)` over a date line and timed
//! bullets): each such section continues the timeline, so its entries are read
//! with the ones above, in one order, across its date lines.

use std::ops::Range;

use crate::parse::markdown::{Block, is_bullet};
use crate::time;

/// After the empty heading of a timeline read without one, the level-2 sections
/// that follow it and hold nothing but date lines and lists whose every item is
/// led by a time become part of it: their blocks join the timeline, and their
/// headings move after it, each an empty section of its own, so their words are
/// kept. A section whose heading names a field of its own (`is_field`, a
/// `## Resolution`), or with anything else in it (prose, a table), ends the run.
pub(crate) fn fold(text: &str, out: &mut Vec<Block>, is_field: impl Fn(&str) -> bool) {
    let Some(implicit) = out
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, range } if range.start == range.end))
    else {
        return;
    };
    let level2 = |b: &Block| matches!(b, Block::Heading { level, .. } if *level <= 2);
    let mut at = implicit + 1;
    let mut moved = Vec::new();
    while let Some(next) = out[at..].iter().position(level2).map(|p| p + at) {
        let end = out[next + 1..]
            .iter()
            .position(level2)
            .map_or(out.len(), |p| p + next + 1);
        let Block::Heading { range, .. } = &out[next] else {
            break;
        };
        if is_field(&words(text, range.clone())) || !phase(text, &out[next + 1..end]) {
            break;
        }
        moved.push(out.remove(next));
        at = end - 1;
    }
    let run_end = out[implicit + 1..]
        .iter()
        .position(level2)
        .map_or(out.len(), |p| p + implicit + 1);
    for (i, heading) in moved.into_iter().enumerate() {
        out.insert(run_end + i, heading);
    }
}

/// A phase's blocks: date lines and lists of timed items, at least one list.
fn phase(text: &str, blocks: &[Block]) -> bool {
    let mut lists = 0;
    for block in blocks {
        match block {
            Block::List { items } => {
                if items.is_empty() || !items.iter().all(|i| timed(&text[i.range.clone()])) {
                    return false;
                }
                lists += 1;
            }
            Block::Paragraph { range } if date(text[range.clone()].trim()) => {}
            Block::Heading { range, .. } if date(&words(text, range.clone())) => {}
            Block::Comment => {}
            _ => return false,
        }
    }
    lists > 0
}

fn timed(item: &str) -> bool {
    let t = item.trim_start();
    let t = t.strip_prefix(is_bullet).unwrap_or(t).trim_start();
    let t = super::leads::time_mark(t).1;
    matches!(time::scan_leading_time(t), Ok(Some(_)))
}

/// A date line with its year or without (the report's year does not change
/// whether the words are a date).
fn date(words: &str) -> bool {
    time::scan_date_line(words, Some(2024)).is_some()
}

fn words(text: &str, range: Range<usize>) -> String {
    crate::parse::markdown::heading_line(&text[range])
        .trim()
        .trim_matches('#')
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    fn read(text: &str) -> (Vec<String>, Vec<(&'static str, usize)>) {
        let (times, codes, _) = read_sections(text);
        (times, codes)
    }

    /// The timeline's times, the findings with their lines, the sections' titles.
    fn read_sections(text: &str) -> (Vec<String>, Vec<(&'static str, usize)>, Vec<String>) {
        let checked = check(text, Format::Markdown);
        let model = checked.model.unwrap_or_default();
        let times = model.timeline.iter().map(|e| e.time.clone()).collect();
        let titles = model.sections.iter().map(|s| s.title.clone()).collect();
        let codes = checked
            .diagnostics
            .iter()
            .map(|d| (d.code, text[..d.span.start].matches('\n').count() + 1))
            .collect();
        (times, codes, titles)
    }

    /// Generated: date-line form x entry separator x entries in order or not. The
    /// timeline runs on under phase headings, and an entry out of order under a
    /// later phase's date line is found there.
    #[test]
    fn phase_sections_continue_a_timeline_without_a_heading() {
        for (day1, day2) in [
            ("**08.12.2025**", "**09.12.2025**"),
            ("2025-12-08", "2025-12-09"),
            ("### Monday 8 December 2025", "### Tuesday 9 December 2025"),
        ] {
            for sep in ["\u{2013}", "-", ":"] {
                for (late, off) in [("09:20", true), ("15:20", false)] {
                    let text = format!(
                        "# Fibre cut\n\n## Overview\n\nA cable was cut near the depot. All times UTC.\n\n\
                         ## Detection (hour 0-2)\n\n{day1}\n\n- 20:51 {sep} Alarms on both links\n- 22:10 {sep} Field team sent\n\n\
                         ## Field work (hour 2-26)\n\n{day2}\n\n- 02:40 {sep} Team on site\n- 14:30 {sep} Cable delivered\n- {late} {sep} Second pit opened\n\n\
                         ## Lessons\n\nThe plans were old.\n"
                    );
                    let (times, codes, titles) = read_sections(&text);
                    assert_eq!(times.len(), 5, "{text}: {times:?}");
                    // The phase heading's words are kept, as a section of its own.
                    assert!(
                        titles.iter().any(|t| t == "Field work (hour 2-26)"),
                        "{titles:?}"
                    );
                    assert!(
                        times[2].starts_with("2025-12-09 02:40"),
                        "{text}: {times:?}"
                    );
                    let order: Vec<usize> = codes
                        .iter()
                        .filter(|(c, _)| *c == "RS201")
                        .map(|(_, l)| *l)
                        .collect();
                    if off {
                        assert_eq!(order, [20], "{text}: {codes:?}");
                    } else {
                        assert!(order.is_empty(), "{text}: {codes:?}");
                    }
                }
            }
        }
    }

    /// A later section with prose in it, or one named for a field of its own, is
    /// not the timeline's.
    #[test]
    fn sections_with_prose_or_a_field_name_end_the_timeline() {
        for next in [
            "## Field work\n\n2025-12-09\n\nThe team dug all night.\n\n- 02:40 - Team on site\n- 03:10 - Pit dry\n",
            "## Resolution\n\n2025-12-09\n\n- 02:40 - Team on site\n- 03:10 - Pit dry\n",
        ] {
            let text = format!(
                "# Fibre cut\n\n## Overview\n\nA cable was cut.\n\n## Detection\n\n2025-12-08\n\n- 20:51 - Alarms\n- 22:10 - Team sent\n\n{next}"
            );
            let (times, _) = read(&text);
            assert_eq!(times.len(), 2, "{text}: {times:?}");
        }
    }
}
