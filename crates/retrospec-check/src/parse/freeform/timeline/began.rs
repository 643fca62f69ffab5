//! A timeline read from one sentence that says when the incident began and ended.

use crate::parse::markdown::seq;
use crate::span::Span;
use crate::time;
use crate::tree::Node;

use super::{Building, build};

/// A report with no timeline that says when its incident began and ended in one
/// sentence ("Incident began at 2025-10-07 09:12 and ended at 2025-10-07 11:58",
/// as status pages write it): a timeline of those two entries, `started` and
/// `resolved`, so the stated durations are checked against them. Only a sentence
/// whose subject is the incident (or the outage, issue, disruption), with both
/// times written after `at`.
pub(crate) fn began_and_ended(text: &str) -> Option<Node> {
    static SENTENCE: std::sync::LazyLock<crate::lean::Lean> = std::sync::LazyLock::new(|| {
        crate::lean::Lean::new(
            r"(?i)\b((?:the )?(?:incident|outage|issue|disruption) (?:began|started)) at ([^.]{4,40}?) and ((?:it )?(?:ended|was resolved)) at ",
        )
        .expect("the pattern is valid")
    });
    let caps = SENTENCE.captures(text)?;
    let (began, first, ended) = (caps.get(1)?, caps.get(2)?, caps.get(3)?);
    let after = caps.get(0)?.end();
    // Each time must be all of what stands there.
    let (p1, end1) = time::scan_leading_time(first.as_str()).ok()??;
    if end1 != first.as_str().len() || p1.until.is_some() {
        return None;
    }
    let (p2, end2) = time::scan_leading_time(&text[after..]).ok()??;
    let tail = &text[after + end2..];
    if p2.until.is_some() || !tail.starts_with(['.', ' ', ',', ';', '\n', '(']) {
        return None;
    }
    let entry = |time: Span, words: Span, milestone: &str| {
        build(
            text,
            Building {
                time,
                value: time.slice(text).to_string(),
                text: vec![words],
                open: false,
                milestone: Some((milestone.to_string(), words)),
            },
        )
    };
    let items = vec![
        entry(
            Span::new(first.start(), first.end()),
            Span::new(began.start(), began.end()),
            "started",
        ),
        entry(
            Span::new(after, after + end2),
            Span::new(ended.start(), ended.end()),
            "resolved",
        ),
    ];
    Some(seq(items, Span::empty(began.start())))
}
