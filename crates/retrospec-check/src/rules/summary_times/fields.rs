//! Where RS207 reads stated times: the summary's fields and the sections that
//! retell it.

use super::{Stated, stated};
use crate::rules::Context;

/// The fields RS207 reads stated times in (the title, the summary, the impact's
/// description, and a free section that tells the story in brief: "What
/// happened" under a mail's greeting, "Overview"): each field's name in
/// messages, its prose (code and quotes masked) and the times stated in it.
/// Both of RS207's readings (the instants, and the same clock in another zone
/// when nothing is dated) walk these.
pub(super) fn stated_fields<'a>(
    cx: &Context<'a>,
) -> Vec<(String, crate::claims::Prose<'a>, Vec<Stated>)> {
    let fixed = [
        ("/title", "the title"),
        ("/summary", "the summary"),
        ("/impact/description", "the impact"),
    ]
    .into_iter()
    .map(|(pointer, field)| (pointer.to_string(), field.to_string(), None));
    let sections = cx
        .model
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            crate::claims::is_summary_title(&s.title)
                || crate::claims::is_postmortem_title(&s.title)
        })
        .map(|(i, s)| {
            (
                crate::ptr::Ptr::section_body(i).as_str().to_string(),
                format!("section \"{}\"", s.title.trim()),
                Some(s.title.as_str()),
            )
        });
    fixed
        .chain(sections)
        .filter_map(|(pointer, field, title)| {
            let node = cx.node(&pointer).filter(|n| n.as_str().is_some())?;
            let prose = crate::claims::Prose::of(cx.text, node);
            let mut kept = prose.masked.as_str().to_owned();
            // A status page's "Postmortem": its opening paragraph is the summary,
            // the rest its story.
            if let Some(opening) =
                title.and_then(|t| crate::claims::postmortem_opening(t, &prose.masked))
            {
                blank(&mut kept, opening.end..prose.masked.len());
                blank(&mut kept, 0..opening.start);
            }
            // A line giving the review meeting's time (`**Meeting:** ...,
            // 13:00–13:45 EET`) is not the incident's window.
            let mut at = 0;
            for line in prose.masked.split_inclusive('\n') {
                if crate::parse::freeform::date::is_review_line(line) {
                    blank(&mut kept, at..at + line.len());
                }
                at += line.len();
            }
            let all = stated(&kept);
            Some((field, prose, all))
        })
        .collect()
}

/// Blanks `range` of `text` byte for byte, line breaks kept: the spans stay the
/// file's.
fn blank(text: &mut String, range: std::ops::Range<usize>) {
    let blanked: String = text[range.clone()]
        .bytes()
        .map(|b| {
            if b == b'\n' || b == b'\r' {
                b as char
            } else {
                ' '
            }
        })
        .collect();
    text.replace_range(range, &blanked);
}
