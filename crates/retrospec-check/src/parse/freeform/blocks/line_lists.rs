//! Paragraphs whose every line is one item of a list Markdown does not see:
//! bullets a document editor escaped, a chat's export, a tracker's task lines.

use std::ops::Range;

use crate::parse::markdown::Item;

use super::bracketed_time;

/// The items of a paragraph of `lines` (ranges into `text`) when each line is
/// one, read as written:
///
/// - `\- 6:10 PM: Rollout reaches 100%`: a bullet a document editor's Markdown
///   export escaped (Google Docs writes every list so), read from its dash;
/// - a chat's export, three lines or more each led by its time in brackets
///   (`[2:03 PM] PagerBot: TRIGGERED ...`, `[14:05] Marcus: ack`): timed lines,
///   each read from its time, as a log pasted in a fence is;
/// - a tracker's task lines, two or more, each with its assignee (`OPS-2292
///   Alert on spool inodes  Assignee: Mirela Costa  Status: Open`).
pub(super) fn line_list(text: &str, lines: &[Range<usize>]) -> Option<Vec<Item>> {
    let content = |l: &Range<usize>| text[l.clone()].trim_start();
    let escaped = |l: &Range<usize>| {
        let t = content(l).as_bytes();
        t.len() > 2 && t[0] == b'\\' && matches!(t[1], b'-' | b'*' | b'+') && t[2] == b' '
    };
    let chat =
        |l: &Range<usize>| content(l).starts_with('[') && bracketed_time(content(l)).is_some();
    let assigned = |l: &Range<usize>| {
        let t = content(l).to_ascii_lowercase();
        t.contains("assignee:") || t.contains("owner:")
    };
    // How many bytes of each line's content the item leaves out: the escape.
    let skip = if lines.iter().all(escaped) {
        1
    } else if (lines.len() > 2 && lines.iter().all(chat))
        || (lines.len() > 1 && lines.iter().all(assigned))
    {
        0
    } else {
        return None;
    };
    Some(
        lines
            .iter()
            .map(|l| {
                let lead = text[l.clone()].len() - content(l).len();
                Item {
                    range: l.start + lead + skip..l.end,
                    checked: None,
                }
            })
            .collect(),
    )
}
