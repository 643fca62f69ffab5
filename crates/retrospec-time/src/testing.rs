//! Helpers of the unit tests, and the crate's public items for them.

// Panicking on unexpected values is how these tests fail.
#![allow(clippy::unwrap_used)]

pub(crate) use std::ops::Range;

pub(crate) use jiff::Timestamp;
pub(crate) use jiff::civil::{Time, date};
pub(crate) use jiff::tz::{Offset, TimeZone};

pub(crate) use crate::*;

pub(crate) fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub(crate) fn t(h: i8, m: i8, s: i8) -> Time {
    Time::new(h, m, s, 0).unwrap()
}

pub(crate) fn scan(line: &str) -> (ParsedTime, usize) {
    scan_leading_time(line).unwrap().unwrap()
}

pub(crate) fn text(s: &str, r: &Option<Range<usize>>) -> String {
    r.clone().map(|r| s[r].to_string()).unwrap_or_default()
}

pub(crate) fn resolve_str(s: &str) -> Result<Resolved, ResolveError> {
    resolve(&parse_time(s).unwrap(), None, None)
}
