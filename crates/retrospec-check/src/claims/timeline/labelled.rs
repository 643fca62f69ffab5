//! A header line that states the incident's window (`> **Duration:** 2:14 PM –
//! 3:31 PM PDT`), read as the length it gives.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::super::{Compared, window};

/// A header line that gives the incident's window as its length: `> **Duration:**
/// 2:14 PM – 3:31 PM PDT`, `- Impact window: 09:10-10:25 UTC`, `| Outage window |
/// 22:47 – 01:15 |`, or as its time with the date before it (`**Date/Time:** Mar
/// 18, 2025 9:02 PM - 10:14 PM Pacific`, `When: 2025-03-18 21:02–22:14 (UTC-7)`).
/// Read in the raw text: a header block is often quoted.
static LABELLED_WINDOW: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\|[ \t]*)?[*_]*(?:duration|(?:impact|outage|incident|customer[ \t]+impact)[ \t]+(?:window|duration|period)|date[ \t]*(?:/|&|and)[ \t]*time|when|time[ \t]*(?:window|frame)|timeframe)[*_]*[ \t]*[:|][*_ \t]*(?:(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[0-9]{1,4}[-./])[a-z0-9 ,./-]{2,24}?[ \t,]+(?:at[ \t]+)?)?(?P<a>[0-2]?[0-9]:[0-5][0-9])(?:[ \t]*(?P<ap>[ap]\.?m\.?))?[ \t]*(?:-|–|—|to|until|till)[ \t]*(?P<b>[0-2]?[0-9]:[0-5][0-9])(?:[ \t]*(?P<bp>[ap]\.?m\.?))?(?:[ \t]+(?:[A-Z]{2,5}(?:[+-][0-9]{1,2})?|[a-z]{4,10}(?:[ \t]+time)?))?(?:[ \t]+\((?:utc|gmt|all[ \t]+times)[^)\n]{0,30}\))?[ \t*_]*\|?[ \t]*$")
        .expect("the pattern is valid")
});

/// The window a header line labels as the incident's duration (see
/// [`LABELLED_WINDOW`]), on one wall clock (the next day when its end is before
/// its start); the first such line, and only when it is the only one.
pub(super) fn labelled_window(text: &str) -> Option<Compared> {
    let mut found = LABELLED_WINDOW.captures_iter(text);
    let caps = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    let (ap, bp) = (
        caps.name("ap").map(|m| m.as_str()),
        caps.name("bp").map(|m| m.as_str()),
    );
    let to = window::minutes(b, bp)?;
    let from = match window::minutes(a, ap.or(bp))? {
        f if ap.is_none() && f > to => window::minutes(a, None)?,
        f => f,
    };
    let span = (to - from).rem_euclid(24 * 60);
    (span > 0).then(|| Compared {
        source: "stated",
        from: format!("window start `{a}`"),
        to: format!("window end `{b}`"),
        from_pointer: String::new(),
        to_pointer: String::new(),
        seconds: span * 60,
        rank: Default::default(),
    })
}
