//! The year of a report, for the dates its sentences write without one.

use super::{Slashed, iso_or_dashed, slashed, tokens, year_of};
use crate::date::{day_from_token, dotted_date, month_from_name};

/// The one year a report's head (its title, byline and first paragraph, or a
/// front matter `title:`) writes beside a month or in a date: `July 2025`,
/// `September 23, 2025`, `22-Feb-2025`, `10/10/2025`, `2025-03-06`. `None` when
/// it writes none, or two different ones.
pub fn heading_year(text: &str) -> Option<i16> {
    // Of a front matter, its `title:` alone (a `date:` field is the report's
    // date, read where it is read).
    let mut head = String::new();
    let mut body = text;
    for fence in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n'))
            && let Some(close) = rest.find(&format!("\n{fence}"))
        {
            for line in rest[..close].lines() {
                if line.trim_start().to_ascii_lowercase().starts_with("title") {
                    head.push_str(line);
                    head.push('\n');
                }
            }
            head.push('\n');
            body = &rest[close + 1 + fence.len()..];
        }
    }
    let mut head_end = body.len().min(800);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    // Up to the end of the second paragraph with content.
    let mut paragraphs = 0;
    let mut in_paragraph = false;
    let mut end = head_end;
    let mut pos = 0;
    for line in body[..head_end].split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank && in_paragraph {
            paragraphs += 1;
            in_paragraph = false;
            if paragraphs == 2 {
                end = pos;
                break;
            }
        } else if !blank {
            in_paragraph = true;
        }
        pos += line.len();
    }
    head.push_str(&body[..end]);
    let toks = tokens(&head);
    let mut years: Vec<i32> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let core = t.core.trim_end_matches('.');
        let year = if let Some(y) = year_of(core) {
            let prev = i.checked_sub(1).map(|p| &*toks[p].core);
            let beside_month = prev.is_some_and(|p| {
                month_from_name(p).is_some()
                    || (p.ends_with(',') && day_from_token(p.trim_end_matches(',')).is_some())
            });
            // The token's core has its comma stripped; look at the raw word.
            let after_day = i.checked_sub(1).is_some_and(|p| {
                toks[p].raw.ends_with(',') && day_from_token(&toks[p].core).is_some()
            });
            (beside_month || after_day).then_some(y)
        } else if let Some(s) = slashed(core) {
            match s {
                Slashed::One(d) => Some(i32::from(d.year())),
                Slashed::Two(_, _, y) => Some(y),
            }
        } else {
            iso_or_dashed(core).map(|d| i32::from(d.year()))
        };
        if let Some(y) = year.filter(|y| (1970..=2100).contains(y)) {
            years.push(y);
        }
    }
    years.dedup();
    match years.as_slice() {
        [one] => i16::try_from(*one).ok(),
        [first, rest @ ..] if rest.iter().all(|y| y == first) => i16::try_from(*first).ok(),
        _ => None,
    }
}

/// The year of a report, for a date written without one: its heading's
/// ([`heading_year`]), else the year of its front matter's `date:` field, else of
/// a `Date:` line in its first lines (`Date: 2025-10-14`, `**Date:** October 14,
/// 2025`). `None` when none says, or a place gives two different years.
pub fn report_year(text: &str) -> Option<i16> {
    if let Some(y) = heading_year(text) {
        return Some(y);
    }
    let year_in = |value: &str| -> Option<i16> {
        let mut years = tokens(value).into_iter().filter_map(|t| {
            let core = t.core.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            year_of(core)
                .or_else(|| match slashed(core)? {
                    Slashed::One(d) => Some(i32::from(d.year())),
                    Slashed::Two(_, _, y) => Some(y),
                })
                .or_else(|| {
                    core.get(..10)
                        .and_then(iso_or_dashed)
                        .map(|d| i32::from(d.year()))
                })
                .or_else(|| dotted_date(core, None).map(|(d, _)| i32::from(d.year())))
                .filter(|y| (1970..=2100).contains(y))
        });
        let first = years.next()?;
        years
            .all(|y| y == first)
            .then(|| i16::try_from(first).ok())?
    };
    let mut lines = text.lines();
    if text.starts_with("---\n") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
            if let Some(value) = line.strip_prefix("date:") {
                return year_in(value);
            }
        }
    }
    for line in lines.take(40) {
        let bare = line.trim_start_matches(['-', '*', '_', '>', ' ', '|']);
        let lower = bare.get(..5).map(str::to_ascii_lowercase);
        if lower.as_deref() == Some("date:") || lower.as_deref() == Some("date*") {
            return year_in(&bare[5..]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::scan_prose_times;
    use jiff::civil::{Date, date};

    fn one(text: &str, hint: Option<i16>) -> (Date, u32) {
        let all = scan_prose_times(text, hint);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].date, all[0].minutes)
    }

    #[test]
    fn the_year_of_a_report() {
        assert_eq!(report_year("# Outage\n\nText 2019."), None);
        assert_eq!(
            report_year("---\ntitle: Outage\ndate: 2025-06-24\n---\n\nText"),
            Some(2025)
        );
        assert_eq!(
            report_year("# Outage\n\n**Date:** October 14, 2025\n\nText"),
            Some(2025)
        );
        assert_eq!(report_year("# Outage\n\nDate: 14.10.2025\n"), Some(2025));
        assert_eq!(report_year("# Outage\n\n- Date: 10/14/2025\n"), Some(2025));
        // The heading's year first; a date line with two years, none.
        assert_eq!(
            report_year("# July 2024 outage\n\nBody.\n\nBody.\n\nDate: 2025-06-24\n"),
            Some(2024)
        );
        assert_eq!(
            report_year("# Outage\n\nDate: 2024-12-31 to 2025-01-01\n"),
            None
        );
        // A prose time takes it.
        let text = "---\ndate: 2025-06-24\n---\n\nIt began at 4pm on June 23.";
        assert_eq!(one(text, report_year(text)), (date(2025, 6, 23), 16 * 60));
    }

    #[test]
    fn the_year_of_a_heading() {
        assert_eq!(
            heading_year("# July 2025 IT service disruption\n\nBody 1999 users."),
            Some(2025)
        );
        assert_eq!(
            heading_year("Submitted on Fri, 10/10/2025 - 09:12\n\nText"),
            Some(2025)
        );
        assert_eq!(
            heading_year("# Update after the disruption on 22-Feb-2025\n"),
            Some(2025)
        );
        assert_eq!(
            heading_year("---\ntitle: \"Outage on September 23, 2025\"\n---\n\nText"),
            Some(2025)
        );
        // A front matter's other fields are not its heading.
        assert_eq!(
            heading_year("---\ntitle: Outage\ndate: 2025-06-24\n---\n\nText"),
            None
        );
        // A number that is not beside a month is not a year.
        assert_eq!(heading_year("# 2048 users lost mail\n\nText"), None);
        // Two different years: none.
        assert_eq!(heading_year("# December 2024 to January 2025\n"), None);
        // Past the head.
        assert_eq!(
            heading_year("# Outage\n\nFirst.\n\nOn July 2025 later.\n"),
            None
        );
    }
}
