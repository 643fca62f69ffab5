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
            // A status page's "Postmortem": its opening paragraph is the summary,
            // the rest its story (blanked byte for byte, spans stay the file's).
            if let Some(opening) =
                title.and_then(|t| crate::claims::postmortem_opening(t, &prose.masked))
            {
                let masked = prose.masked.as_str();
                let blank = |part: &str| -> String {
                    part.bytes()
                        .map(|b| if b == b'\n' { '\n' } else { ' ' })
                        .collect()
                };
                let kept = format!(
                    "{}{}{}",
                    blank(&masked[..opening.start]),
                    &masked[opening.clone()],
                    blank(&masked[opening.end..])
                );
                let all = stated(&kept);
                return Some((field, prose, all));
            }
            // A line giving the review meeting's time (`**Meeting:** ...,
            // 13:00–13:45 EET`) is not the incident's window.
            let all = if prose
                .masked
                .lines()
                .any(crate::parse::freeform::date::is_review_line)
            {
                let kept: String = prose
                    .masked
                    .split_inclusive('\n')
                    .map(|line| {
                        if crate::parse::freeform::date::is_review_line(line) {
                            // Blanked byte for byte: the spans stay the file's.
                            let body = line.trim_end_matches(['\r', '\n']);
                            format!("{}{}", " ".repeat(body.len()), &line[body.len()..])
                        } else {
                            line.to_string()
                        }
                    })
                    .collect();
                stated(&kept)
            } else {
                stated(prose.masked.as_str())
            };
            Some((field, prose, all))
        })
        .collect()
}
