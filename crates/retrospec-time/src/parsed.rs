//! What the grammar returns: a parsed time ([`ParsedTime`], the end of a range) and
//! the errors of a time expression ([`TimeError`], with the byte range they apply to
//! and their kind; the checker decides how each kind is reported).

use std::fmt;
use std::ops::Range;

use jiff::civil::{Date, Time};

use crate::Zone;

/// A parsed, not yet resolved, time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTime {
    /// The date, when one was written before the time.
    pub date: Option<Date>,
    /// The civil time of day (already converted from 12-hour notation).
    pub time: Time,
    /// The zone, when one was written after the time.
    pub zone: Option<Zone>,
    /// Byte range of the date inside the parsed input.
    pub date_range: Option<Range<usize>>,
    /// Byte range of the time (including an AM/PM marker) inside the input.
    pub time_range: Range<usize>,
    /// Byte range of the zone inside the parsed input.
    pub zone_range: Option<Range<usize>>,
    /// Byte range of an approximation marker written before the time (`~`,
    /// `±`, `about`, `around`, `circa`, `approx.`); `None` for an exact time.
    /// See [`ParsedTime::is_approximate`].
    pub approximate: Option<Range<usize>>,
    /// The end of a range (`02:00-04:30`, `from 10:51 to 12:26`); the start
    /// is [`ParsedTime::time`]. Resolve it with [`resolve_until`](crate::resolve_until).
    pub until: Option<RangeEnd>,
    /// `24:00` was written: [`ParsedTime::time`] is `00:00` and [`resolve`](crate::resolve())
    /// places it at the end of the written day (midnight of the next one).
    pub end_of_day: bool,
    /// A leap second (`23:59:60`) was written; [`ParsedTime::time`] holds
    /// second 59 (the instant one second early, as RFC 3339 readers do).
    pub leap_second: bool,
}

/// The end of a written time range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeEnd {
    /// The civil time of day of the end.
    pub time: Time,
    /// Byte range of the end's clock (with AM/PM) inside the parsed input.
    pub time_range: Range<usize>,
    /// `24:00` was written for the end.
    pub end_of_day: bool,
}

impl ParsedTime {
    /// Byte range of the whole expression (approximation marker, date, time,
    /// range end and zone).
    pub fn range(&self) -> Range<usize> {
        let mut start = self
            .date_range
            .as_ref()
            .map_or(self.time_range.start, |r| r.start);
        if let Some(a) = &self.approximate {
            start = start.min(a.start);
        }
        let mut end = self
            .zone_range
            .as_ref()
            .map_or(self.time_range.end, |r| r.end);
        if let Some(u) = &self.until {
            end = end.max(u.time_range.end);
        }
        start..end
    }

    /// Whether the time was written as approximate (`~10:50`, `about 10:50`).
    /// Comparisons with an approximate time should allow a tolerance (see
    /// [`APPROXIMATE_TOLERANCE_SECONDS`]).
    pub fn is_approximate(&self) -> bool {
        self.approximate.is_some()
    }
}

/// How far either way an approximate time (`~10:50`) may be from the instant
/// it names: comparisons that involve one widen by this much.
pub const APPROXIMATE_TOLERANCE_SECONDS: i64 = 15 * 60;

/// An error in a time expression, with the byte range it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError {
    /// What is wrong.
    pub message: String,
    /// Byte range inside the input passed to the parsing function.
    pub range: Range<usize>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
    /// What kind of problem it is (it decides how the error is reported).
    pub kind: TimeErrorKind,
}

/// The kinds of [`TimeError`]; a checker reports each under its own code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeErrorKind {
    /// Not a valid time or date (`25:00`, `2024-02-30`).
    #[default]
    Invalid,
    /// A placeholder where a time belongs (`??:??`, `TBD`, `XX:XX`).
    Placeholder,
    /// A slashed date with two valid readings (`01/07/2023`).
    AmbiguousDate,
    /// A weekday that the date does not fall on (`Monday 3 March 2026`).
    WeekdayMismatch,
}

impl TimeError {
    pub(crate) fn new(message: impl Into<String>, range: Range<usize>) -> Self {
        TimeError {
            message: message.into(),
            range,
            help: None,
            kind: TimeErrorKind::Invalid,
        }
    }

    pub(crate) fn of_kind(mut self, kind: TimeErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimeError {}
