//! The day of each time in a narrative that runs over several days: the weekday
//! written beside a time ("On Wednesday at 08:00", "at 07:30 on Tuesday") counts
//! from the first weekday named, and a time with none is the first at or after
//! the one before it, however many midnights that takes.

use std::sync::LazyLock;

use crate::lean::Lean;

/// A weekday shortly before a time, in the same clause ("On Monday, March 3 at ").
static BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<d>mon|tues|wednes|thurs|fri|satur|sun)day\b[^.;:!?\n]{0,20}$")
        .expect("the pattern is valid")
});
/// A weekday shortly after a time ("07:30 UTC on Tuesday").
static AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[^.;:!?\n]{0,12}?\bon\s+(?P<d>mon|tues|wednes|thurs|fri|satur|sun)day\b")
        .expect("the pattern is valid")
});

/// A date shortly before a time (`**March 19: Edge renewals delayed (08:00 EDT)**`,
/// `On 12 May at`): a digest's next incident, on its own day.
static DATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}\b|\b[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
        .expect("the pattern is valid")
});

/// Whether a date is written in the 80 bytes before `start`, on its line.
fn date_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..start];
    let line = head.rfind('\n').map_or(head, |i| &head[i + 1..]);
    DATE.is_match(line)
}

/// The weekday (0 for Monday) written beside the time at `start..end` of `text`.
fn weekday(text: &str, start: usize, end: usize) -> Option<i64> {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 24).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let caps = BEFORE
        .captures(&text[from..start])
        .or_else(|| AFTER.captures(&text[end..to]))?;
    let d = caps.name("d")?.as_str().to_ascii_lowercase();
    ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]
        .iter()
        .position(|w| *w == d)
        .and_then(|i| i64::try_from(i).ok())
}

/// Minutes from the first time's midnight, as the narrative is read in order.
#[derive(Default)]
pub(super) struct Days {
    /// The minute of the time before.
    previous: Option<i64>,
    /// The first weekday named, and the day (from the first time's) it fell on.
    first: Option<(i64, i64)>,
    /// A time without a weekday went back less than twelve hours from the one
    /// before it ("noticed at 14:21 ... their status page showed an incident
    /// from 13:40"): a look back, not the next day, so the narrative is not told
    /// in order and its times give no length.
    pub(super) looked_back: bool,
}

impl Days {
    /// The time `clock` (minutes after midnight) written at `start..end`: its
    /// minute in the narrative. A weekday beside it places it on that day when
    /// that is not before the time above; else it is the first such clock at or
    /// after the time above.
    pub(super) fn place(&mut self, text: &str, start: usize, end: usize, clock: i64) -> i64 {
        const DAY: i64 = 24 * 60;
        let previous = self.previous.unwrap_or(0);
        let mut at = clock + previous.div_euclid(DAY) * DAY;
        while self.previous.is_some() && at < previous {
            at += DAY;
        }
        let named = weekday(text, start, end);
        if named.is_none()
            && self.previous.is_some()
            && at - previous > DAY / 2
            && !date_before(text, start)
        {
            self.looked_back = true;
        }
        if let Some(d) = named {
            match self.first {
                None => self.first = Some((d, at.div_euclid(DAY))),
                Some((first, day)) => {
                    let named = clock + (day + (d - first).rem_euclid(7)) * DAY;
                    if self.previous.is_none_or(|p| named >= p) {
                        at = named;
                    }
                }
            }
        }
        self.previous = Some(at);
        at
    }
}
