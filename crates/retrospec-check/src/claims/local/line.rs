//! A length that is one field of a line of fields (`**Start:** 16:07 ·
//! **End:** 16:58 · **Duration:** 41 minutes`), measured with the same line's
//! start and end fields.

use std::ops::Range;
use std::sync::LazyLock;

use super::super::Compared;
use crate::lean::Lean;

/// A field label that starts the impact, and one that ends it, in a line of
/// fields: `Start Date/Time`, `Impact start`, `Resolution Date/Time`, `End`.
static LINE_START: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)^(?:(?:impact|incident|outage|event|disruption)\s+)?(?:start(?:ed)?|began|begin)\b",
    )
    .expect("the pattern is valid")
});
static LINE_END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:(?:impact|incident|outage|event|disruption)\s+)?(?:end(?:ed)?|resolution|resolved|restored|restoration|recovery|recovered)\b")
        .expect("the pattern is valid")
});
static LINE_LENGTH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:duration|downtime|length)$").expect("the pattern is valid")
});

/// A length that is one field of a line of fields parted by middle dots,
/// bullets or bars (`**Start Date/Time:** 14/05/2025 16:07 · **Resolution
/// Date/Time:** 14/05/2025 16:58 · **Duration:** 41 minutes`): the window the
/// same line's one start field and one end field state, each with one clock on
/// the same written day (or none). The author's own window, beside the length.
pub(in crate::claims) fn line_fields(masked: &str, range: Range<usize>) -> Option<Compared> {
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = masked[range.end..]
        .find('\n')
        .map_or(masked.len(), |i| range.end + i);
    let line = &masked[line_start..line_end];
    if !line.contains(['·', '•', '|']) || line.len() > 400 {
        return None;
    }
    let at = range.start - line_start;
    // Each field: its label (emphasis left out) and its value.
    let mut own = false;
    let mut start: Option<&str> = None;
    let mut end: Option<&str> = None;
    let mut from = 0;
    for piece in line.split(['·', '•', '|']) {
        let here = from..from + piece.len();
        from += piece.len()
            + line[from + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let Some(colon) = piece.find(':') else {
            continue;
        };
        let label = piece[..colon].trim().trim_matches(['*', '_', ' ']);
        let value = piece[colon + 1..].trim().trim_matches(['*', '_', ' ']);
        if here.contains(&at) {
            own = LINE_LENGTH.is_match(label);
        } else if LINE_START.is_match(label) {
            if start.replace(value).is_some() {
                return None;
            }
        } else if LINE_END.is_match(label) && end.replace(value).is_some() {
            return None;
        }
    }
    let (va, vb) = (start?, end?);
    if !own {
        return None;
    }
    let one = |v: &str| {
        let list = super::clocks(v);
        let [c] = list.as_slice() else { return None };
        let mut rest = String::new();
        rest.push_str(&v[..c.range.start]);
        rest.push_str(&v[c.range.end..]);
        Some((
            c.clone(),
            rest.trim_matches(|ch: char| ch.is_whitespace() || ",;()".contains(ch))
                .to_string(),
        ))
    };
    let ((mut a, da), (mut b, db)) = (one(va)?, one(vb)?);
    if da != db {
        return None;
    }
    for c in [&mut a, &mut b] {
        c.other_day = false;
        c.day = None;
    }
    if b.minutes <= a.minutes {
        return None;
    }
    let minutes = super::span(&a, &b)?;
    Some(super::super::window::stated(
        format!("start `{va}` (a field on its line)"),
        format!("end `{vb}` (a field on its line)"),
        minutes * 60,
    ))
}

#[cfg(test)]
mod tests {
    /// A length that is a field of a line of fields is the window of the same
    /// line's start and end fields; two starts, a start on another day, a line
    /// without an end, or a length that is no field, leave it unread.
    #[test]
    fn a_length_among_its_lines_fields() {
        let at = |t: &str, length: &str| {
            let i = t.find(length).expect("the length is in the text");
            super::line_fields(t, i..i + length.len()).map(|c| c.seconds / 60)
        };
        for (text, length, want) in [
            (
                "**Start Date/Time:** 14/05/2025 16:07 · **Resolution Date/Time:** 14/05/2025 16:58 · **Duration:** 41 minutes\n",
                "41 minutes",
                51,
            ),
            (
                "Impact start: 09:10 UTC • Impact end: 10:40 UTC • Downtime: 90 minutes",
                "90 minutes",
                90,
            ),
            (
                "Began: 2 March 2025 22:10 | Restored: 2 March 2025 23:05 | Duration: 1 hour",
                "1 hour",
                55,
            ),
        ] {
            assert_eq!(at(text, length), Some(want), "{text}");
        }
        for (text, length) in [
            (
                "Start: 14/05/2025 16:07 · End: 15/05/2025 16:58 · Duration: 41 minutes",
                "41 minutes",
            ),
            (
                "Start: 16:07 · Start: 16:20 · End: 16:58 · Duration: 41 minutes",
                "41 minutes",
            ),
            ("Start: 16:07 · Duration: 41 minutes", "41 minutes"),
            (
                "Start: 16:07 · End: 16:58 · Retry backoff: 5 minutes",
                "5 minutes",
            ),
            (
                "Start: 16:07 · End: 16:58\nDuration: 41 minutes",
                "41 minutes",
            ),
        ] {
            assert_eq!(at(text, length), None, "{text}");
        }
    }
}
