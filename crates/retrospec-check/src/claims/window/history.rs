//! A status page's history, whose dates go back in the order they are written:
//! several incidents, newest first, never one narrative read forward.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::CLOCK;

/// A day and month written just before a clock on its line, with its year when
/// written (`(Tuesday 21st February 2017 10:46:00 UTC)`, `Resolved May 26 at
/// 10:33pm`).
static DATE_BEFORE_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>[0-9]{4}))?[^\n0-9]{0,12}$")
        .expect("the pattern is valid")
});

/// Whether the dates written before the clocks of `masked` go back in the order
/// they are written (a status page's history lists its incidents and updates
/// newest first: `(Tuesday 21st February 2017 10:46:00 UTC)` above `(Sunday 19th
/// February 2017 23:44:00 UTC)`). Such a page is not one narrative read forward:
/// its clocks are several incidents', and a length is not measured across them.
pub(super) fn dates_go_back(masked: &str) -> bool {
    let mut previous: Option<(i32, i32, i32)> = None;
    for caps in CLOCK.captures_iter(masked).take(50) {
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let line_start = masked[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
        let mut from = whole.start().saturating_sub(48).max(line_start);
        while !masked.is_char_boundary(from) {
            from += 1;
        }
        let Some(date) = DATE_BEFORE_CLOCK.captures(&masked[from..whole.start()]) else {
            continue;
        };
        let day = date
            .name("d1")
            .or(date.name("d2"))
            .and_then(|d| d.as_str().parse().ok());
        let month = date
            .name("m1")
            .or(date.name("m2"))
            .and_then(|m| crate::time::month_from_name(m.as_str()))
            .and_then(|m| i32::try_from(m).ok());
        let (Some(day), Some(month)) = (day, month) else {
            continue;
        };
        let year = date
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(0);
        let key = (year, month, day);
        if let Some(before) = previous {
            // A year on one and not the other: compare the day and month.
            let back = if before.0 == 0 || key.0 == 0 {
                (key.1, key.2) < (before.1, before.2)
            } else {
                key < before
            };
            if back {
                return true;
            }
        }
        previous = Some(key);
    }
    false
}
