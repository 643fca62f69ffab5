//! Time expressions in postmortems: parsing with byte ranges, and resolution
//! to instants.
//!
//! Postmortems write times in many ways: RFC 3339 values in YAML milestones,
//! `2024-06-10 16:05 CEST` in front matter, `16:05 CEST: Service degradation
//! began` at the start of a Markdown timeline item, with the date in a heading
//! above (`June 10th, 2024`). This module parses those forms, remembers where
//! each part was written (byte ranges, so diagnostics can point at the exact
//! text), and resolves them to a [`Timestamp`].
//!
//! # Grammar
//!
//! A *time expression* is
//!
//! ```text
//! ["from"] [APPROX] [DATE SEP] [APPROX] CLOCK [ZONE] [RANGE_END [ZONE]]
//! APPROX   = "~" | "±" | "≈" | "+/-" | ("about" | "around" | "circa" | "ca." | "c."
//!            | "approx." | "approx" | "approximately" | "roughly") BLANK   (any case)
//! DATE     = YYYY-MM-DD                       (exactly 4-2-2 digits)
//!          | D[D]/M[M]/YY[YY] or M[M]/D[D]/YY[YY], only when one reading is a date
//! SEP      = "T" | "t" | one or more spaces/tabs
//! CLOCK    = H[H]:MM[:SS[.fffffffff]] [MERIDIEM]   (1-9 fraction digits)
//!          | H[H] MERIDIEM                    (`4pm`, `4 p.m.`)
//!          | H[H]("h" | "H")MM                (`09h15`)
//!          | HHMM                             (`0915Z`, `0915 UTC`: only with a zone)
//! MERIDIEM = [" "] ("am" | "pm" | "a.m." | "p.m.", any case)
//! RANGE_END= ("-" | "–" | "—") CLOCK          (attached, `02:00-04:30`)
//!          | BLANK ("-" | "–" | "—" | "to" | "until" | "till") BLANK CLOCK
//! ZONE     = "Z"                              (attached "z" too, as in RFC 3339)
//!          | ("+" | "-") HH[:MM] | ("+" | "-") HHMM
//!          | ("UTC" | "GMT") [("+" | "-") H[H][:MM] | ("+" | "-") HHMM]
//!          | IANA name, e.g. "Europe/Paris"
//!          | an abbreviation from the table, e.g. "CEST"
//! ```
//!
//! The zone may follow the clock directly or after spaces/tabs. Hours may
//! have one digit (`9:05`). `24:00` is the end of the day
//! ([`ParsedTime::end_of_day`], resolved to midnight of the next day); a leap
//! second `HH:59:60` (RFC 3339) is read as `HH:59:59`, one second early, and
//! flagged ([`ParsedTime::leap_second`]). Instants run from
//! `-9999-01-02` to `9999-12-30 22:00 UTC` (jiff's range, which keeps every
//! offset within a year of four digits): `9999-12-31 23:59 UTC` is refused
//! with that reason.
//!
//! An approximation marker is kept ([`ParsedTime::approximate`]); a
//! comparison with an approximate time allows
//! [`APPROXIMATE_TOLERANCE_SECONDS`] either way. A placeholder where a
//! clock belongs (`??:??`, `XX:XX`, `HH:MM`, `--:--`, `??`, `[???]`, `TBD`,
//! `TBC`, `TBA`, `[time TBD]`) is an error of kind [`TimeErrorKind::Placeholder`],
//! never a silent drop. A range keeps its end in [`ParsedTime::until`]
//! ([`resolve_until`] places it, on the next day when it comes before the
//! start); an AM/PM written only on the end applies to the start when that
//! keeps the start first (`2:00-4:30 PM`). `-HH:MM` attached to a clock is
//! the end of a range, not an offset, except in RFC 3339 (`T` between date
//! and time) and after a date and a clock with seconds
//! (`2024-06-10 16:05:00-04:00`, as programs print offsets).
//!
//! * [`parse_time`] parses a whole value (a milestone or timeline value): the
//!   entire input, minus surrounding ASCII whitespace, must be one expression.
//!   Because nothing but a zone can follow the clock there, any trailing word
//!   (`10:00 Paris`, `10:00 cest`) becomes [`Zone::Unknown`], and a bare
//!   `+HH` offset is accepted after a space.
//! * [`scan_leading_time`] finds an expression at the start of a line of
//!   prose. It is stricter about what counts as a zone, so that the first word
//!   of the text is not mistaken for one (see below).
//! * [`parse_date_line`] parses a date standing alone (a heading or a line of
//!   its own in a timeline): `2024-06-10`, `June 10th, 2024`, `June 10, 2024`,
//!   `10 June 2024`, `Monday, 10 June 2024`, `Jun 10 2024`, `Mon 2024-06-10`,
//!   optionally followed by `:` and optionally wrapped in `*`/`_` emphasis.
//!   Month and weekday names are English, full or abbreviated, any case. The
//!   weekday is not checked against the date.
//!
//! * [`scan_date_line`] is [`parse_date_line`] with more: a date without its
//!   year (`31 Jan`, `Tuesday 3 March`) takes a year hint ([`first_year`]
//!   finds one in a text), a slashed date with two readings is an error, and a
//!   written weekday is checked against the date ([`DateLine`]).
//! * [`scan_report_zone`] finds a zone stated once for a whole report ("All
//!   times in PST", `## Timeline (CET)`).
//! * [`resolve`] places a parsed time; [`resolve_until`] places the end of a
//!   range.
//!
//! Every scan is one pass over its input; nothing compiles a regex, and the
//! table of tz database cities is built once.
//!
//! # Zones in prose
//!
//! After a time at the start of a line, the following word is a zone when it
//! is `Z`, `UTC`/`GMT` (any case, optionally with an offset such as `UTC+2`,
//! `UTC+02:00`, `GMT-5`), an offset (`+02:00`, `+0200`; a bare `+02` only when
//! attached to the clock), an abbreviation from the table ([`abbreviation`],
//! plus the ambiguous ones), or an IANA name. A word containing `/` is looked
//! up in the bundled tz database; if it is not there it is [`Zone::Unknown`]
//! only when it is shaped like `Area/Location` (the area is a tzdb area such
//! as `Europe`, or every part is a capitalised word, like `Mars/Olympus`), so
//! `TCP/IP` is left alone. Finally an all-uppercase ASCII word of 3 to 5
//! letters ending in `T` (`XYZT`) is taken as an unknown zone, except for a
//! short list of common words (`GET`, `PUT`, `POST`, `ALERT`, `UAT`, ...).
//! Two-letter words are not guessed at (`IT` is a department, not a zone); the
//! US generic names `ET`, `CT`, `MT`, `PT` are their regions' zones, as
//! `Eastern`/`Pacific time` are. A place
//! followed by `time` (`Paris time`, `New York time`, `Pacific time`) is that
//! place's IANA zone: a city is the last part of a tz database name (a city
//! that ends the names of two zones with different clocks is left out), a
//! region is one of `Pacific`, `Mountain`, `Central`, `Eastern` (US). In a
//! whole value the place alone counts too (`10:00 Chicago`). Any other word
//! (`More`, `DNS`, `Paris office`) is text and is not consumed.
//!
//! Without a date, `10:13-10:45` in prose is read as the start of a time
//! range, not as `10:13` at offset `-10:45`; an attached `+HH:MM` is always an
//! offset.
//!
//! # Dates written with slashes
//!
//! `01/07/2023` is 1 July in most of the world and 7 January in the US. A
//! slashed date is read only when one reading is a valid date (`31/01/2024`,
//! `01/31/2024`) or both readings are the same day (`05/05/2024`). When both
//! readings are valid and differ, [`scan_leading_time`] and [`parse_time`]
//! return an error of kind [`TimeErrorKind::AmbiguousDate`] naming
//! both readings, with the ISO 8601 spellings as help; nothing is guessed.
//!
//! # Abbreviations
//!
//! Abbreviations come from a hand-written table (see [`abbreviation`]): tzdata
//! abbreviations are not unique and jiff maps zones to abbreviations, never
//! the other way round. `UTC` and `GMT` are always [`Zone::Utc`]. `BST` is
//! British Summer Time (+01:00, Europe/London); it is also sometimes used for
//! Bangladesh Standard Time (+06:00), but in incident reports the British
//! meaning dominates, so it is not treated as ambiguous. `CST`, `IST`, `AST`
//! and `NZT` are [`Zone::Ambiguous`] and cannot be resolved. The US generic
//! names `ET`, `CT`, `MT` and `PT` are read as their region's IANA zone
//! (`PT` is America/Los_Angeles: PST or PDT as the date says), like
//! `Pacific time`; they never get a wrong-season finding. `GMT` is taken literally (UTC) even during British summer
//! time. `MST` stands for America/Denver; note that Arizona uses MST all
//! year, so an Arizona writer's summer `MST` is reported as a season mismatch.
//!
//! # Resolution
//!
//! [`resolve`] combines the time with its date (written, or from context such
//! as the last date heading) and its zone (written, or a default zone):
//!
//! * `Z`/`UTC`/`GMT` and numeric offsets are exact.
//! * IANA zones: the civil time in that zone. A time that falls in a gap (a
//!   DST jump, e.g. 02:30 on 2024-03-31 in Europe/Paris) is
//!   [`ResolveError::Nonexistent`]; a repeated time (a fold, 02:45 on
//!   2024-10-27 in Europe/Paris) is [`ResolveError::Repeated`], naming both
//!   offsets and abbreviations: no instant is chosen, so nothing is measured
//!   from it. An abbreviation or offset written with it says which one.
//! * Abbreviations: when the abbreviation fits the season in its region (CEST
//!   on 1 July in Europe/Paris), its own offset applies. When it does not
//!   (CET written on 1 July, when Paris is on CEST), the writer almost
//!   certainly read a wall clock and attached the abbreviation they know by
//!   heart. The civil time is then interpreted in the region's IANA zone (so
//!   10:52 "CET" on 2023-07-01 is 08:52 UTC, not 09:52 UTC) and
//!   [`Resolved::season_mismatch`] says what was in use. Two refinements: if
//!   that wall-clock time does not exist (it falls in the region's DST gap) the
//!   writer cannot have read it off a clock, so the written offset is kept
//!   (the mismatch is still reported); and if the region itself used the
//!   written name with a different offset at the time (MSK was +04:00 in
//!   2011-2014), the tz database is trusted and no mismatch is reported.
//!   Regions without DST never mismatch on modern dates.

use std::fmt;
use std::ops::Range;

use jiff::{
    Timestamp,
    civil::{Date, DateTime, Time},
    tz::{AmbiguousOffset, Offset, TimeZone},
};

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

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
    /// is [`ParsedTime::time`]. Resolve it with [`resolve_until`].
    pub until: Option<RangeEnd>,
    /// `24:00` was written: [`ParsedTime::time`] is `00:00` and [`resolve`]
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

/// A time zone as written after a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// `Z`, `UTC`, `GMT` (and `UTC+0`).
    Utc,
    /// A numeric offset: `+02:00`, `+0200`, `+02`, `-05:00`, `UTC+2`.
    Offset(Offset),
    /// An IANA name such as `Europe/Paris`, resolved against the bundled
    /// database; the string is the name as written.
    Iana(TimeZone, String),
    /// An abbreviation from the table, such as `CEST`.
    Abbrev(&'static Abbreviation),
    /// An abbreviation with several common meanings, such as `CST`.
    Ambiguous {
        /// The abbreviation as written.
        text: String,
        /// Human-readable descriptions of the possible meanings.
        meanings: &'static [&'static str],
    },
    /// Something that looks like a zone but is not one we know (`XYZT`,
    /// `Mars/Olympus`).
    Unknown(String),
}

/// A time zone abbreviation with the region where it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Abbreviation {
    /// The abbreviation, e.g. `"CEST"`.
    pub name: &'static str,
    /// Its UTC offset in seconds, e.g. `7200`.
    pub offset_seconds: i32,
    /// Whether it names daylight saving (summer) time.
    pub is_dst: bool,
    /// The IANA zone where it is used, e.g. `"Europe/Paris"`.
    pub region: &'static str,
    /// The same region's other-season name, e.g. `Some("CET")` for CEST.
    pub counterpart: Option<&'static str>,
}

impl Abbreviation {
    /// The abbreviation's UTC offset.
    pub fn offset(&self) -> Offset {
        // Every table entry is within jiff's range (checked by a test).
        Offset::from_seconds(self.offset_seconds).unwrap_or(Offset::UTC)
    }
}

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
    fn new(message: impl Into<String>, range: Range<usize>) -> Self {
        TimeError {
            message: message.into(),
            range,
            help: None,
            kind: TimeErrorKind::Invalid,
        }
    }

    fn of_kind(mut self, kind: TimeErrorKind) -> Self {
        self.kind = kind;
        self
    }

    fn with_help(mut self, help: impl Into<String>) -> Self {
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

/// The resolved instant of a parsed time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The instant.
    pub timestamp: Timestamp,
    /// The civil date the time was on (as written, or from context).
    pub date: Date,
    /// The UTC offset that applied.
    pub offset: Offset,
    /// Set when an abbreviation did not fit the season in its region.
    pub season_mismatch: Option<SeasonMismatch>,
}

/// An abbreviation written for the wrong season (`CET` in July).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonMismatch {
    /// The abbreviation as written, e.g. CET.
    pub written: &'static Abbreviation,
    /// What the region actually used at that time, e.g. `"CEST"` (the tz
    /// database's abbreviation, which may be numeric such as `"-02"`).
    pub in_use: String,
    /// The offset the region actually used, e.g. +02:00.
    pub in_use_offset: Offset,
}

/// Why a parsed time could not be resolved to an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// A time without a date, and no date context.
    NoDate,
    /// No zone written and no default zone.
    NoZone,
    /// The zone is an ambiguous abbreviation.
    Ambiguous {
        /// The abbreviation as written.
        text: String,
        /// Its possible meanings.
        meanings: &'static [&'static str],
    },
    /// The zone is not one we know.
    UnknownZone(String),
    /// The civil time does not exist (DST gap) or is out of range; the
    /// string is a complete message.
    Nonexistent(String),
    /// The civil time occurs twice (clocks went back, a fold): no instant is
    /// chosen.
    Repeated {
        /// A complete message naming both readings.
        message: String,
        /// How to say which one was meant (the offsets and abbreviations).
        help: String,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NoDate => {
                f.write_str("the time has no date, and no date is known from context")
            }
            ResolveError::NoZone => {
                f.write_str("the time has no time zone, and no default time zone is configured")
            }
            ResolveError::Ambiguous { text, meanings } => {
                write!(f, "time zone `{text}` is ambiguous: it can mean ")?;
                for (i, m) in meanings.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if i + 1 == meanings.len() {
                            " or "
                        } else {
                            ", "
                        })?;
                    }
                    f.write_str(m)?;
                }
                Ok(())
            }
            ResolveError::UnknownZone(z) => write!(f, "unknown time zone `{z}`"),
            ResolveError::Nonexistent(msg) | ResolveError::Repeated { message: msg, .. } => {
                f.write_str(msg)
            }
        }
    }
}

impl std::error::Error for ResolveError {}

// ---------------------------------------------------------------------------
// Abbreviation table
// ---------------------------------------------------------------------------

const fn abbr(
    name: &'static str,
    offset_seconds: i32,
    is_dst: bool,
    region: &'static str,
    counterpart: Option<&'static str>,
) -> Abbreviation {
    Abbreviation {
        name,
        offset_seconds,
        is_dst,
        region,
        counterpart,
    }
}

const H: i32 = 3600;

/// The abbreviations we accept, with the region each one stands for.
///
/// This table is hand-written on purpose. Time zone abbreviations in tzdata
/// are not unique (`CST` is used by US Central, China and Cuba; `IST` by
/// India, Ireland and Israel), many zones now use numeric abbreviations
/// (`-03`), and jiff maps a zone to its abbreviation at an instant but never
/// an abbreviation to a zone. Which names we accept, and which region each
/// one means, is therefore an explicit decision recorded here. `UTC` and
/// `GMT` are not in the table: they are always [`Zone::Utc`].
const ABBREVIATIONS: &[Abbreviation] = &[
    abbr("WET", 0, false, "Europe/Lisbon", Some("WEST")),
    abbr("WEST", H, true, "Europe/Lisbon", Some("WET")),
    // British Summer Time. Also sometimes Bangladesh Standard Time (+06:00),
    // but the British meaning dominates in incident reports.
    abbr("BST", H, true, "Europe/London", Some("GMT")),
    abbr("CET", H, false, "Europe/Paris", Some("CEST")),
    abbr("CEST", 2 * H, true, "Europe/Paris", Some("CET")),
    abbr("EET", 2 * H, false, "Europe/Athens", Some("EEST")),
    abbr("EEST", 3 * H, true, "Europe/Athens", Some("EET")),
    abbr("MSK", 3 * H, false, "Europe/Moscow", None),
    abbr("EST", -5 * H, false, "America/New_York", Some("EDT")),
    abbr("EDT", -4 * H, true, "America/New_York", Some("EST")),
    // CST is ambiguous, so CDT has no counterpart.
    abbr("CDT", -5 * H, true, "America/Chicago", None),
    abbr("MST", -7 * H, false, "America/Denver", Some("MDT")),
    abbr("MDT", -6 * H, true, "America/Denver", Some("MST")),
    abbr("PST", -8 * H, false, "America/Los_Angeles", Some("PDT")),
    abbr("PDT", -7 * H, true, "America/Los_Angeles", Some("PST")),
    abbr("AKST", -9 * H, false, "America/Anchorage", Some("AKDT")),
    abbr("AKDT", -8 * H, true, "America/Anchorage", Some("AKST")),
    abbr("HST", -10 * H, false, "Pacific/Honolulu", None),
    abbr("NZST", 12 * H, false, "Pacific/Auckland", Some("NZDT")),
    abbr("NZDT", 13 * H, true, "Pacific/Auckland", Some("NZST")),
    abbr("AEST", 10 * H, false, "Australia/Sydney", Some("AEDT")),
    abbr("AEDT", 11 * H, true, "Australia/Sydney", Some("AEST")),
    abbr(
        "ACST",
        9 * H + 1800,
        false,
        "Australia/Adelaide",
        Some("ACDT"),
    ),
    abbr(
        "ACDT",
        10 * H + 1800,
        true,
        "Australia/Adelaide",
        Some("ACST"),
    ),
    abbr("AWST", 8 * H, false, "Australia/Perth", None),
    abbr("JST", 9 * H, false, "Asia/Tokyo", None),
    abbr("KST", 9 * H, false, "Asia/Seoul", None),
    abbr("HKT", 8 * H, false, "Asia/Hong_Kong", None),
    abbr("SGT", 8 * H, false, "Asia/Singapore", None),
    abbr("WIB", 7 * H, false, "Asia/Jakarta", None),
    abbr("BRT", -3 * H, false, "America/Sao_Paulo", None),
    abbr("ART", -3 * H, false, "America/Argentina/Buenos_Aires", None),
    abbr("SAST", 2 * H, false, "Africa/Johannesburg", None),
    abbr("WAT", H, false, "Africa/Lagos", None),
    abbr("EAT", 3 * H, false, "Africa/Nairobi", None),
];

/// Abbreviations with several common meanings. They are recognised as zones
/// (so that a diagnostic can say so) but never resolved.
const AMBIGUOUS: &[(&str, &[&str])] = &[
    (
        "CST",
        &[
            "US Central Standard Time (-06:00)",
            "China Standard Time (+08:00)",
            "Cuba Standard Time (-05:00)",
        ],
    ),
    (
        "IST",
        &[
            "India Standard Time (+05:30)",
            "Irish Standard Time (+01:00)",
            "Israel Standard Time (+02:00)",
        ],
    ),
    (
        "AST",
        &[
            "Atlantic Standard Time (-04:00)",
            "Arabia Standard Time (+03:00)",
        ],
    ),
    (
        "NZT",
        &["NZST (+12:00) or NZDT (+13:00), depending on the season"],
    ),
];

/// The US generic names (`9:02 AM PT`): like `Pacific time`, each names the
/// wall clock of its region in either season, so the date picks the offset.
/// They are not tzdata abbreviations, but they are how US teams write times,
/// and a reviewer reads them without hesitation.
const GENERIC_US: &[(&str, &str)] = &[
    ("ET", "America/New_York"),
    ("CT", "America/Chicago"),
    ("MT", "America/Denver"),
    ("PT", "America/Los_Angeles"),
];

/// Common IANA names offered for completion.
const COMMON_IANA: &[&str] = &[
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Europe/Istanbul",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "America/Toronto",
    "America/Vancouver",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Bogota",
    "Pacific/Honolulu",
    "Pacific/Auckland",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Australia/Brisbane",
    "Australia/Adelaide",
    "Australia/Perth",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Jakarta",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Jerusalem",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Africa/Cairo",
    "Etc/UTC",
];

/// Top-level tzdb areas, used to recognise `Area/Location` names that are not
/// in the database.
const IANA_AREAS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Brazil",
    "Canada",
    "Chile",
    "Etc",
    "Europe",
    "Indian",
    "Mexico",
    "Pacific",
    "US",
];

/// Uppercase words ending in `T` that are common in incident timelines and
/// must not be guessed to be unknown zones.
const NOT_ZONES: &[&str] = &[
    "ABORT", "ACT", "ADMIT", "AGENT", "ALERT", "ALT", "AUDIT", "AWAIT", "BAT", "BEST", "BIT",
    "BOOT", "BOT", "BURST", "BUT", "CAT", "CERT", "CONST", "CRIT", "CUT", "DIST", "DIT", "DOT",
    "EDIT", "EVENT", "EXIT", "FAULT", "FIRST", "FIT", "GET", "GIT", "GOT", "HEART", "HIT", "HOST",
    "HOT", "INIT", "INPUT", "IOT", "JUST", "JWT", "KIT", "LAST", "LEFT", "LIMIT", "LIST", "LIT",
    "LOST", "LOT", "MUST", "NAT", "NET", "NEXT", "NOT", "OUT", "PART", "PAT", "PIVOT", "PORT",
    "POST", "PUT", "QUIT", "RESET", "REST", "RIGHT", "ROOT", "SAT", "SENT", "SET", "SHIFT", "SIT",
    "SPLIT", "START", "TEST", "UAT", "UNIT", "VAT", "WAIT", "WHAT", "YET",
];

/// Looks up an abbreviation (case-sensitive, uppercase) in the table.
///
/// Only unambiguous abbreviations are returned; `UTC`/`GMT` are not in the
/// table (they are [`Zone::Utc`]), and ambiguous names such as `CST` are
/// answered by [`ambiguous_abbreviation`].
pub fn abbreviation(name: &str) -> Option<&'static Abbreviation> {
    ABBREVIATIONS.iter().find(|a| a.name == name)
}

/// Whether `text` alone names a zone a time can be resolved in (`UTC`, `CEST`,
/// `PT`, `+02:00`, `Europe/Paris`, `Paris time`): for a zone stated once for a
/// heading or a column, `Timeline (PT)`.
pub fn names_zone(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && parse_time(&format!("00:00 {text}")).is_ok_and(|p| {
            matches!(
                p.zone,
                Some(Zone::Utc | Zone::Offset(_) | Zone::Iana(..) | Zone::Abbrev(_))
            )
        })
}

/// The possible meanings of an ambiguous abbreviation (`CST`, `IST`, `AST`,
/// `NZT`; case-sensitive).
pub fn ambiguous_abbreviation(name: &str) -> Option<&'static [&'static str]> {
    AMBIGUOUS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, meanings)| *meanings)
}

/// The names in the table (`UTC`, `GMT` and the unambiguous abbreviations)
/// plus a list of common IANA names, for completion in editors. Ambiguous
/// abbreviations are left out on purpose.
pub fn known_zone_names() -> impl Iterator<Item = &'static str> {
    ["UTC", "GMT"]
        .into_iter()
        .chain(ABBREVIATIONS.iter().map(|a| a.name))
        .chain(COMMON_IANA.iter().copied())
}

/// Formats an offset as `+02:00` (or `+05:30:15` when it has seconds).
pub fn format_offset(o: Offset) -> String {
    let secs = o.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}:{m:02}:{s:02}")
    }
}

// ---------------------------------------------------------------------------
// Byte-level helpers
// ---------------------------------------------------------------------------

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FORMS_HELP: &str =
    "write a time such as `14:05 UTC`, `2024-06-10 14:05 CEST` or `2024-06-10T14:05:00Z`";

fn byte(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).copied()
}

fn is_word_byte(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
}

fn count_while(b: &[u8], pos: usize, f: impl Fn(u8) -> bool) -> usize {
    b.get(pos..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| f(c)).count())
}

fn count_digits(b: &[u8], pos: usize) -> usize {
    count_while(b, pos, |c| c.is_ascii_digit())
}

fn skip_blanks(b: &[u8], pos: usize) -> usize {
    pos + count_while(b, pos, |c| c == b' ' || c == b'\t')
}

/// Value of the ASCII digits in `b[range]`; callers pass at most 9 digits.
fn digits_value(b: &[u8], range: Range<usize>) -> u32 {
    b.get(range).map_or(0, |ds| {
        ds.iter().fold(0u32, |acc, &d| {
            acc.saturating_mul(10)
                .saturating_add(u32::from(d.wrapping_sub(b'0')))
        })
    })
}

fn small(v: u32) -> i8 {
    i8::try_from(v).unwrap_or(i8::MAX)
}

/// Builds a date from numbers, explaining what is wrong when it is invalid.
fn make_date(year: u32, month: u32, day: u32) -> Result<Date, String> {
    let Ok(y) = i16::try_from(year) else {
        return Err(format!("year {year} is out of range"));
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "month {month:02} does not exist (months are 01-12)"
        ));
    }
    let first = Date::new(y, small(month), 1).map_err(|e| format!("invalid date: {e}"))?;
    let days = u32::try_from(first.days_in_month()).unwrap_or(31);
    if day == 0 || day > days {
        let name = MONTH_NAMES.get(month as usize - 1).copied().unwrap_or("");
        return Err(format!(
            "day {day:02} does not exist: {name} {year} has {days} days"
        ));
    }
    Date::new(y, small(month), small(day)).map_err(|e| format!("invalid date: {e}"))
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// `YYYY-MM-DD` at `pos`, not followed by a digit: (year, month, day, end).
fn scan_iso_date_raw(b: &[u8], pos: usize) -> Option<(u32, u32, u32, usize)> {
    if count_digits(b, pos) != 4
        || byte(b, pos + 4) != Some(b'-')
        || count_digits(b, pos + 5) != 2
        || byte(b, pos + 7) != Some(b'-')
        || count_digits(b, pos + 8) != 2
    {
        return None;
    }
    Some((
        digits_value(b, pos..pos + 4),
        digits_value(b, pos + 5..pos + 7),
        digits_value(b, pos + 8..pos + 10),
        pos + 10,
    ))
}

/// Parses `YYYY-MM-DD` exactly (no surrounding whitespace).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let (y, m, d, end) = scan_iso_date_raw(b, 0)?;
    if end != b.len() {
        return None;
    }
    make_date(y, m, d).ok()
}

/// `N/N/YY` or `N/N/YYYY` at `pos`: (first, second, year, end).
fn scan_slashed_date(b: &[u8], pos: usize) -> Option<(u32, u32, u32, usize)> {
    let n1 = count_digits(b, pos);
    if !(1..=2).contains(&n1) || byte(b, pos + n1) != Some(b'/') {
        return None;
    }
    let p2 = pos + n1 + 1;
    let n2 = count_digits(b, p2);
    if !(1..=2).contains(&n2) || byte(b, p2 + n2) != Some(b'/') {
        return None;
    }
    let p3 = p2 + n2 + 1;
    let n3 = count_digits(b, p3);
    if n3 != 2 && n3 != 4 {
        return None;
    }
    let end = p3 + n3;
    if byte(b, end) == Some(b'/') || is_word_byte(byte(b, end)) {
        return None;
    }
    let mut year = digits_value(b, p3..end);
    if n3 == 2 {
        year += 2000;
    }
    Some((
        digits_value(b, pos..pos + n1),
        digits_value(b, p2..p2 + n2),
        year,
        end,
    ))
}

fn describe_date(d: Date) -> String {
    let name = MONTH_NAMES
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", d.day(), name, d.year())
}

/// Reads a slashed date (`31/01/2024`, `01/31/2024`). It is a date only when
/// one reading is valid, or both readings are the same day (`05/05/2024`);
/// two different valid readings are an [`TimeErrorKind::AmbiguousDate`]
/// error naming both, never a guess.
fn slashed_date(
    s: &str,
    first: u32,
    second: u32,
    year: u32,
    range: Range<usize>,
) -> Result<Date, TimeError> {
    let text = s.get(range.clone()).unwrap_or("");
    let day_first = make_date(year, second, first).ok();
    let month_first = make_date(year, first, second).ok();
    match (day_first, month_first) {
        (Some(a), Some(b)) if a != b => Err(TimeError::new(
            format!(
                "ambiguous date `{text}`: it could be {} (day first) or {} (month first)",
                describe_date(a),
                describe_date(b)
            ),
            range,
        )
        .with_help(format!(
            "write the date as YYYY-MM-DD: {a} for {}, {b} for {}",
            describe_date(a),
            describe_date(b)
        ))
        .of_kind(TimeErrorKind::AmbiguousDate)),
        (Some(a), _) | (None, Some(a)) => Ok(a),
        (None, None) => Err(TimeError::new(
            format!("invalid date `{text}`: neither day/month/year nor month/day/year is a date"),
            range,
        )
        .with_help("write the date as YYYY-MM-DD")),
    }
}

fn month_from_name(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTH_NAMES.iter().zip(1..).find_map(|(name, n)| {
        let name = name.to_ascii_lowercase();
        (w == name || (w.len() == 3 && name.starts_with(&w))).then_some(n)
    })
}

/// The weekday a name (`Tuesday`, `Tue`, `Tues.`) stands for.
fn weekday_from_name(word: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday;
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    const SHORT: [(&str, Weekday); 5] = [
        ("tues", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thur", Weekday::Thursday),
        ("thurs", Weekday::Thursday),
        ("weds", Weekday::Wednesday),
    ];
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    DAYS.iter()
        .find(|(d, _)| w == *d || (w.len() == 3 && d.starts_with(&w)))
        .or_else(|| SHORT.iter().find(|(d, _)| *d == w))
        .map(|(_, day)| *day)
}

/// `10`, `10th`, `1st`: the day number.
fn day_from_token(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    let n = count_digits(b, 0);
    if !(1..=2).contains(&n) {
        return None;
    }
    let suffix = tok.get(n..)?.to_ascii_lowercase();
    if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    Some(digits_value(b, 0..n))
}

fn year_from_token(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    (b.len() == 4 && count_digits(b, 0) == 4).then(|| digits_value(b, 0..4))
}

fn strip_date_line_decoration(s: &str) -> &str {
    let mut t = s.trim();
    t = t.strip_suffix(':').unwrap_or(t).trim_end();
    for w in ["**", "__", "*", "_"] {
        if t.len() >= 2 * w.len()
            && let Some(inner) = t.strip_prefix(w).and_then(|x| x.strip_suffix(w))
        {
            t = inner.trim();
            t = t.strip_suffix(':').unwrap_or(t).trim_end();
            break;
        }
    }
    t
}

/// A date line read by [`scan_date_line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The date.
    pub date: Date,
    /// The year was not written and came from the hint (`31 Jan`, `Tuesday 3 March`).
    pub year_inferred: bool,
    /// A weekday was written that the date does not fall on (`Monday 3 March 2026`,
    /// a Tuesday): the error (kind [`TimeErrorKind::WeekdayMismatch`]) has its range
    /// on the weekday and names both days. The date is kept.
    pub weekday_mismatch: Option<TimeError>,
}

/// Parses a date written as a heading or a line of its own in a timeline, with
/// what [`parse_date_line`] accepts and more: a date without its year (`31 Jan`,
/// `Jan 31`, `Tuesday 3 March`) takes `year_hint` (the year of the report's other
/// dates; without a hint it is not a date line), a slashed date with one reading
/// (`31/01/2024`) is read, and a written weekday is checked against the date.
///
/// `None` when the line is not a date. `Some(Err)` for a slashed date with two
/// readings ([`TimeErrorKind::AmbiguousDate`]) or an impossible one.
/// Ranges are byte offsets into `s`.
pub fn scan_date_line(s: &str, year_hint: Option<i16>) -> Option<Result<DateLine, TimeError>> {
    let t = strip_date_line_decoration(s);
    // `t` is a subslice of `s`: its offset places ranges.
    let base = (t.as_ptr() as usize).saturating_sub(s.as_ptr() as usize);
    let line = |date: Date, year_inferred: bool| DateLine {
        date,
        year_inferred,
        weekday_mismatch: None,
    };
    if let Some(d) = parse_iso_date(t) {
        return Some(Ok(line(d, false)));
    }
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        let sep = c.is_whitespace() || c == ',';
        match (sep, start) {
            (true, Some(st)) => {
                toks.push((st, &t[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        toks.push((st, &t[st..]));
    }
    let weekday = match toks.first().copied() {
        Some((at, w)) => weekday_from_name(w).map(|day| (day, base + at..base + at + w.len(), w)),
        None => None,
    };
    if weekday.is_some() {
        toks.remove(0);
    }
    let (date, year_inferred) = match toks.as_slice() {
        [(at, one)] => {
            let b = one.as_bytes();
            if let Some(d) = parse_iso_date(one) {
                (d, false)
            } else if let Some((first, second, year, end)) = scan_slashed_date(b, 0)
                && end == b.len()
            {
                let range = base + at..base + at + one.len();
                match slashed_date(one, first, second, year, 0..one.len()) {
                    Ok(d) => (d, false),
                    Err(mut e) => {
                        e.range = range;
                        return Some(Err(e));
                    }
                }
            } else {
                return None;
            }
        }
        [(_, a), (_, b)] => {
            let year = u32::try_from(year_hint?).ok()?;
            let (month, day) = match (month_from_name(a), month_from_name(b)) {
                (Some(m), None) => (m, day_from_token(b)?),
                (None, Some(m)) => (m, day_from_token(a)?),
                _ => return None,
            };
            (make_date(year, month, day).ok()?, true)
        }
        [(_, a), (_, b), (_, y)] => {
            let year = year_from_token(y)?;
            let (month, day) = match (month_from_name(a), month_from_name(b)) {
                (Some(m), None) => (m, day_from_token(b)?),
                (None, Some(m)) => (m, day_from_token(a)?),
                _ => return None,
            };
            (make_date(year, month, day).ok()?, false)
        }
        _ => return None,
    };
    let mut out = line(date, year_inferred);
    if let Some((day, range, written)) = weekday
        && date.weekday() != day
    {
        out.weekday_mismatch = Some(
            TimeError::new(
                format!(
                    "`{written}` does not match the date: {} is a {:?}",
                    describe_date(date),
                    date.weekday()
                ),
                range,
            )
            .with_help(format!(
                "check the date; if it is right, write `{:?}`",
                date.weekday()
            ))
            .of_kind(TimeErrorKind::WeekdayMismatch),
        );
    }
    Some(Ok(out))
}

/// Parses a date written as a heading or a line of its own in a timeline.
///
/// Accepted: `2024-06-10`, `June 10th, 2024`, `June 10, 2024`,
/// `10 June 2024`, `Monday, 10 June 2024`, `Jun 10 2024`,
/// `Mon 2024-06-10`, `31/01/2024` (a slashed date with one reading), each
/// optionally followed by `:` and optionally wrapped in
/// `**`/`__`/`*`/`_`. Month and weekday names are English, full or
/// three-letter (`Sept` too), any case, optionally with a trailing `.`. The
/// weekday is not checked here ([`scan_date_line`] checks it). Returns `None`
/// for anything else, including dates without a year and slashed dates with
/// two readings (`01/07/2023`).
pub fn parse_date_line(s: &str) -> Option<Date> {
    match scan_date_line(s, None)? {
        Ok(line) => Some(line.date),
        Err(_) => None,
    }
}

/// The year of the first `YYYY-MM-DD` date in `text` (a hint for dates written
/// without their year). One pass.
pub fn first_year(text: &str) -> Option<i16> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !is_word_byte(byte(b, i - 1)))
            && let Some((y, m, d, end)) = scan_iso_date_raw(b, i)
        {
            if let Ok(date) = make_date(y, m, d) {
                return Some(date.year());
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------
// Clock times
// ---------------------------------------------------------------------------

/// A clock read at some position.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Clock {
    time: Time,
    range: Range<usize>,
    /// `24:00`: `time` is 00:00 of the next day.
    end_of_day: bool,
    /// `:60`: `time` holds second 59.
    leap_second: bool,
    /// Four digits (`0915`): a time only when a zone follows.
    compact: bool,
    /// An AM/PM marker was written.
    meridiem: bool,
}

impl Clock {
    fn at(time: Time, range: Range<usize>) -> Self {
        Clock {
            time,
            range,
            end_of_day: false,
            leap_second: false,
            compact: false,
            meridiem: false,
        }
    }
}

/// Checks hour, minute and second, and builds the clock: `24:00` is the end of
/// the day, second 60 a leap second (only in the last minute of an hour).
fn make_clock(
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    range: Range<usize>,
) -> Result<Clock, TimeError> {
    if hour == 24 && minute == 0 && second == 0 && nanos == 0 {
        let mut c = Clock::at(Time::midnight(), range);
        c.end_of_day = true;
        return Ok(c);
    }
    if hour > 23 {
        let err = TimeError::new(
            format!(
                "invalid time: hour {hour:02} does not exist (hours are 00-23, and 24:00 for the end of a day)"
            ),
            range,
        );
        return Err(err);
    }
    if minute > 59 {
        return Err(TimeError::new(
            format!("invalid time: minute {minute:02} does not exist (minutes are 00-59)"),
            range,
        ));
    }
    let leap_second = second == 60 && minute == 59;
    if second > 59 && !leap_second {
        return Err(TimeError::new(
            format!(
                "invalid time: second {second:02} does not exist (seconds are 00-59; 60 only as a leap second at :59:60)"
            ),
            range,
        ));
    }
    let second = second.min(59);
    let nanos = i32::try_from(nanos).unwrap_or(0);
    match Time::new(small(hour), small(minute), small(second), nanos) {
        Ok(t) => {
            let mut c = Clock::at(t, range);
            c.leap_second = leap_second;
            Ok(c)
        }
        Err(e) => Err(TimeError::new(format!("invalid time: {e}"), range)),
    }
}

/// `H[H]:MM[:SS[.f]]` at `pos`. `Ok(None)` when it is not shaped like a time;
/// `Err` when it is shaped like one but out of range (`25:00`).
fn scan_clock(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    let nh = count_digits(b, pos);
    if !(1..=2).contains(&nh) || byte(b, pos + nh) != Some(b':') {
        return Ok(None);
    }
    let pm = pos + nh + 1;
    if count_digits(b, pm) != 2 {
        return Ok(None);
    }
    let hour = digits_value(b, pos..pos + nh);
    let minute = digits_value(b, pm..pm + 2);
    let mut end = pm + 2;
    let mut second = 0;
    let mut nanos = 0;
    if byte(b, end) == Some(b':') {
        match count_digits(b, end + 1) {
            2 => {
                second = digits_value(b, end + 1..end + 3);
                end += 3;
                if byte(b, end) == Some(b'.') {
                    let nf = count_digits(b, end + 1);
                    if nf > 9 {
                        return Err(TimeError::new(
                            "too many fractional digits (at most 9, nanoseconds)",
                            pos..end + 1 + nf,
                        ));
                    }
                    if nf > 0 {
                        let frac = digits_value(b, end + 1..end + 1 + nf);
                        let scale = 10u32.pow(u32::try_from(9 - nf).unwrap_or(0));
                        nanos = frac.saturating_mul(scale);
                        end += 1 + nf;
                    }
                }
            }
            0 | 1 => {}
            _ => return Ok(None),
        }
    }
    make_clock(hour, minute, second, nanos, pos..end).map(Some)
}

/// The clocks without a colon: `09h15` (`H[H]hMM`), `0915` (four digits, a
/// time only with a zone: the caller checks [`Clock::compact`]) and `4` (one
/// or two digits, a time only with AM/PM: the caller checks).
fn scan_clock_without_colon(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    let n = count_digits(b, pos);
    let after = byte(b, pos + n);
    if (1..=2).contains(&n)
        && matches!(after, Some(b'h' | b'H'))
        && count_digits(b, pos + n + 1) == 2
        && !is_word_byte(byte(b, pos + n + 3))
        && byte(b, pos + n + 3) != Some(b':')
    {
        let hour = digits_value(b, pos..pos + n);
        let minute = digits_value(b, pos + n + 1..pos + n + 3);
        return make_clock(hour, minute, 0, 0, pos..pos + n + 3).map(Some);
    }
    if n == 4 && (!is_word_byte(after) || matches!(after, Some(b'Z' | b'z'))) {
        let hour = digits_value(b, pos..pos + 2);
        let minute = digits_value(b, pos + 2..pos + 4);
        if hour > 23 || minute > 59 {
            return Ok(None);
        }
        return Ok(make_clock(hour, minute, 0, 0, pos..pos + 4)
            .ok()
            .map(|mut c| {
                c.compact = true;
                c
            }));
    }
    if (1..=2).contains(&n) && !matches!(after, Some(b':' | b'.')) {
        // An hour alone: a time only with AM/PM (`4pm`, `4 p.m.`).
        let hour = digits_value(b, pos..pos + n);
        if scan_meridiem(b, pos + n).is_some() {
            if hour > 23 {
                return Ok(None);
            }
            return make_clock(hour, 0, 0, 0, pos..pos + n).map(Some);
        }
    }
    Ok(None)
}

/// An optional AM/PM marker after a clock: (is_pm, end).
fn scan_meridiem(b: &[u8], pos: usize) -> Option<(bool, usize)> {
    let mut p = pos;
    if byte(b, p) == Some(b' ') {
        p += 1;
    }
    let pm = match byte(b, p)?.to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    p += 1;
    let dotted = byte(b, p) == Some(b'.');
    if dotted {
        p += 1;
    }
    if !byte(b, p)?.eq_ignore_ascii_case(&b'm') {
        return None;
    }
    p += 1;
    if dotted {
        if byte(b, p) != Some(b'.') {
            return None;
        }
        p += 1;
    }
    if is_word_byte(byte(b, p)) {
        return None;
    }
    Some((pm, p))
}

/// Clock plus optional AM/PM.
fn scan_time_of_day(b: &[u8], pos: usize) -> Result<Option<Clock>, TimeError> {
    let clock = match scan_clock(b, pos)? {
        Some(c) => c,
        None => match scan_clock_without_colon(b, pos)? {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    // (A bare hour is only returned when AM/PM follows.)
    let Some((pm, mend)) = scan_meridiem(b, clock.range.end) else {
        return Ok(Some(clock));
    };
    if clock.compact {
        return Ok(None);
    }
    let hour = clock.time.hour();
    let range = clock.range.start..mend;
    if !(1..=12).contains(&hour) || clock.end_of_day {
        return Err(TimeError::new(
            format!(
                "invalid time: hour {:02} cannot be used with AM/PM (hours are 1-12)",
                if clock.end_of_day { 24 } else { hour }
            ),
            range,
        )
        .with_help("use the 24-hour clock, e.g. 14:05"));
    }
    let hour24 = hour % 12 + if pm { 12 } else { 0 };
    match clock.time.with().hour(hour24).build() {
        Ok(t) => Ok(Some(Clock {
            time: t,
            range,
            meridiem: true,
            ..clock
        })),
        Err(e) => Err(TimeError::new(format!("invalid time: {e}"), range)),
    }
}

// ---------------------------------------------------------------------------
// Approximate, unknown and ranged times
// ---------------------------------------------------------------------------

/// Words and signs that make the following time approximate, lowercase.
/// A word needs a blank after it; a sign may be attached (`~10:50`).
const APPROXIMATE_WORDS: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "around",
    "about",
    "circa",
    "ca.",
    "c.",
];
const APPROXIMATE_SIGNS: &[&str] = &["~", "±", "≈", "+/-"];

/// What may come before the clock: `from` (a range follows) and an
/// approximation marker. Returns the marker's range and where the date or
/// clock starts.
fn scan_prefix(s: &str, pos: usize) -> (Option<Range<usize>>, usize) {
    let b = s.as_bytes();
    let mut p = pos;
    let rest = s.get(p..).unwrap_or("");
    if starts_with_word(rest, "from") {
        p = skip_blanks(b, p + 4);
    }
    let rest = s.get(p..).unwrap_or("");
    for sign in APPROXIMATE_SIGNS {
        if rest.starts_with(sign) {
            let end = p + sign.len();
            return (Some(p..end), skip_blanks(b, end));
        }
    }
    for word in APPROXIMATE_WORDS {
        if starts_with_word(rest, word) {
            let end = p + word.len();
            return (Some(p..end), skip_blanks(b, end));
        }
    }
    (None, p)
}

/// Whether `s` starts with `word` (ASCII, any case) followed by a blank.
fn starts_with_word(s: &str, word: &str) -> bool {
    s.len() > word.len()
        && s.get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && matches!(s.as_bytes().get(word.len()), Some(b' ' | b'\t'))
}

/// A note in brackets at `pos` that the time is not known yet: `[time TBD]`,
/// `(exact time unknown)`, `[unknown]`: words from a short list only, one of them
/// saying the time is missing.
fn bracketed_unknown(b: &[u8], pos: usize) -> Option<Range<usize>> {
    let close = if byte(b, pos) == Some(b'[') {
        b']'
    } else {
        b')'
    };
    let len = b
        .get(pos + 1..)?
        .iter()
        .take(32)
        .position(|&c| c == close)?;
    let inner = std::str::from_utf8(&b[pos + 1..pos + 1 + len]).ok()?;
    let mut missing = false;
    for word in inner.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "tbd" | "tbc" | "tba" | "unknown" => missing = true,
            "time" | "exact" => {}
            _ => return None,
        }
    }
    let end = pos + len + 2;
    (missing && !is_word_byte(byte(b, end))).then_some(pos..end)
}

/// A placeholder where a time belongs, at `pos`: `??:??`, `XX:XX`, `HH:MM`,
/// `--:--`, `??`, `[???]`, `TBD`, `TBC`, `TBA` (optionally in brackets).
fn scan_placeholder(b: &[u8], pos: usize) -> Option<Range<usize>> {
    let open = matches!(byte(b, pos), Some(b'[' | b'('));
    let mut p = pos + usize::from(open);
    // `[time TBD]`, `(time unknown)`.
    if open
        && b.get(p..p + 5)
            .is_some_and(|x| x.eq_ignore_ascii_case(b"time "))
    {
        p = skip_blanks(b, p + 5);
    }
    let unknown = |c: u8| matches!(c, b'?' | b'X' | b'x' | b'-');
    let mut end = None;
    let n1 = count_while(b, p, unknown);
    if (1..=2).contains(&n1)
        && byte(b, p + n1) == Some(b':')
        && count_while(b, p + n1 + 1, unknown) == 2
    {
        end = Some(p + n1 + 3);
    } else if b
        .get(p..p + 5)
        .is_some_and(|x| x.eq_ignore_ascii_case(b"hh:mm"))
    {
        end = Some(p + 5);
    } else if count_while(b, p, |c| c == b'?') >= 2 {
        end = Some(p + count_while(b, p, |c| c == b'?'));
    } else if matches!(b.get(p..p + 3), Some(b"TBD" | b"TBC" | b"TBA")) {
        end = Some(p + 3);
    } else if open {
        return bracketed_unknown(b, pos);
    }
    let mut end = end?;
    if open {
        let close = if byte(b, pos) == Some(b'[') {
            b']'
        } else {
            b')'
        };
        if byte(b, end) != Some(close) {
            return None;
        }
        end += 1;
    }
    if is_word_byte(byte(b, end)) {
        return None;
    }
    Some(pos..end)
}

fn placeholder_error(s: &str, range: Range<usize>) -> TimeError {
    let text = s.get(range.clone()).unwrap_or("");
    TimeError::new(
        format!("the time is not known: `{text}` is a placeholder"),
        range,
    )
    .with_help("write the time, approximately if need be (`~10:50 UTC`), or say in the text that it is not known and leave the entry out of the timeline")
    .of_kind(TimeErrorKind::Placeholder)
}

/// The end of a range after a clock that ended at `pos`: `-04:30` attached,
/// or ` - `, ` – `, ` to `, ` until ` between blanks, then a clock. An
/// attached `-` after an RFC 3339 time (`T` between date and time) is an
/// offset, and `-05:00` after a blank with no blank behind it is an offset too.
fn scan_range_tail(s: &str, pos: usize, rfc3339: bool) -> Result<Option<Clock>, TimeError> {
    let b = s.as_bytes();
    let p = skip_blanks(b, pos);
    let spaced = p > pos;
    let rest = s.get(p..).unwrap_or("");
    let dash = ["-", "–", "—"].into_iter().find(|d| rest.starts_with(d));
    let q = if let Some(d) = dash {
        let q = p + d.len();
        let q2 = skip_blanks(b, q);
        if spaced && q2 == q {
            return Ok(None);
        }
        if !spaced && rfc3339 {
            return Ok(None);
        }
        q2
    } else if spaced {
        match ["to", "until", "till"]
            .into_iter()
            .find(|w| starts_with_word(rest, w))
        {
            Some(w) => skip_blanks(b, p + w.len()),
            None => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    // Only a clock with a colon or an `h`, or an hour with AM/PM, ends a range.
    match scan_time_of_day(b, q)? {
        Some(c) if !c.compact => Ok(Some(c)),
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// Zones
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A line of prose: be conservative about what is a zone.
    Prose,
    /// A whole value: whatever follows the clock is meant as a zone.
    Value,
}

/// A signed offset at `pos` (which holds `+` or `-`).
///
/// `single_digit`: accept `+2` (after UTC/GMT). `bare_hour`: accept `+02`
/// without minutes.
fn scan_offset(
    s: &str,
    pos: usize,
    single_digit: bool,
    bare_hour: bool,
) -> Result<Option<(Offset, usize)>, TimeError> {
    let b = s.as_bytes();
    let negative = match byte(b, pos) {
        Some(b'+') => false,
        Some(b'-') => true,
        _ => return Ok(None),
    };
    let p = pos + 1;
    let n = count_digits(b, p);
    let (hours, minutes, end) = match n {
        4 => (
            digits_value(b, p..p + 2),
            digits_value(b, p + 2..p + 4),
            p + 4,
        ),
        1 | 2 => {
            if n == 1 && !single_digit {
                return Ok(None);
            }
            let hh = digits_value(b, p..p + n);
            let q = p + n;
            if byte(b, q) == Some(b':') && count_digits(b, q + 1) == 2 {
                (hh, digits_value(b, q + 1..q + 3), q + 3)
            } else if bare_hour || single_digit {
                (hh, 0, q)
            } else {
                return Ok(None);
            }
        }
        _ => return Ok(None),
    };
    if is_word_byte(byte(b, end)) {
        return Ok(None);
    }
    let text = s.get(pos..end).unwrap_or("");
    if hours > 14 || minutes > 59 {
        return Err(
            TimeError::new(format!("invalid UTC offset `{text}`"), pos..end)
                .with_help("UTC offsets range from -12:00 to +14:00"),
        );
    }
    let secs = i32::try_from(hours * 3600 + minutes * 60).unwrap_or(0);
    let secs = if negative { -secs } else { secs };
    match Offset::from_seconds(secs) {
        Ok(o) => Ok(Some((o, end))),
        Err(e) => Err(TimeError::new(
            format!("invalid UTC offset `{text}`: {e}"),
            pos..end,
        )),
    }
}

fn offset_zone(o: Offset) -> Zone {
    if o.is_zero() {
        Zone::Utc
    } else {
        Zone::Offset(o)
    }
}

/// Whether a name not in the database is still shaped like an IANA name.
fn iana_shaped(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    if parts.first().is_some_and(|a| IANA_AREAS.contains(a)) {
        return true;
    }
    parts.iter().all(|p| {
        p.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && p.bytes().any(|c| c.is_ascii_lowercase())
    })
}

/// The prose heuristic for unknown abbreviations: `XYZT`.
fn looks_like_abbreviation(word: &str) -> bool {
    (3..=5).contains(&word.len())
        && word.bytes().all(|c| c.is_ascii_uppercase())
        && word.ends_with('T')
        && !NOT_ZONES.contains(&word)
}

/// US region names written for a zone (`Pacific time`, `Eastern`): the IANA
/// zone whose wall clock they name, in either season.
const REGION_NAMES: &[(&str, &str)] = &[
    ("pacific", "America/Los_Angeles"),
    ("mountain", "America/Denver"),
    ("central", "America/Chicago"),
    ("eastern", "America/New_York"),
];

/// City names of the bundled tz database (the last part of an IANA name,
/// lowercase, `_` for spaces) mapped to the zone's name: `paris` ->
/// `Europe/Paris`, `new_york` -> `America/New_York`. Built once. A city that
/// ends two names of different zones is left out (not guessed).
fn city_zones() -> &'static std::collections::HashMap<String, String> {
    static CITIES: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    CITIES.get_or_init(|| {
        let mut map: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        let mut clashes = std::collections::HashSet::new();
        for name in jiff::tz::db().available() {
            let name = name.as_str();
            let Some((area, city)) = name.rsplit_once('/') else {
                continue;
            };
            if area.starts_with("Etc") || area.starts_with("SystemV") {
                continue;
            }
            let key = city.to_ascii_lowercase();
            match map.get(&key) {
                Some(existing) if existing != name => {
                    // `America/Indianapolis` and `America/Indiana/Indianapolis` are
                    // one zone; two different clocks are a clash.
                    let same = TimeZone::get(existing).ok() == TimeZone::get(name).ok();
                    if !same {
                        clashes.insert(key);
                    }
                }
                Some(_) => {}
                None => {
                    map.insert(key, name.to_string());
                }
            }
        }
        for key in clashes {
            map.remove(&key);
        }
        map
    })
}

/// A city or region name at `p` (`Paris`, `New York`, `Pacific`), optionally
/// followed by `time`: (IANA name, end, whether `time` followed). One or two
/// capitalised words.
fn scan_place(s: &str, p: usize) -> Option<(String, usize, bool)> {
    let b = s.as_bytes();
    if !byte(b, p).is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let word_end = |from: usize| from + count_while(b, from, |c| c.is_ascii_alphabetic());
    let w1 = word_end(p);
    let mut candidates = vec![w1];
    if byte(b, w1) == Some(b' ') && byte(b, w1 + 1).is_some_and(|c| c.is_ascii_uppercase()) {
        candidates.insert(0, word_end(w1 + 1));
    }
    for end in candidates {
        if is_word_byte(byte(b, end)) {
            continue;
        }
        let written = s.get(p..end)?.to_ascii_lowercase();
        let name = REGION_NAMES
            .iter()
            .find(|(r, _)| *r == written)
            .map(|(_, n)| (*n).to_string())
            .or_else(|| city_zones().get(&written.replace(' ', "_")).cloned());
        if let Some(name) = name {
            let after = skip_blanks(b, end);
            let rest = s.get(after..).unwrap_or("");
            let time_word = rest.len() >= 4
                && rest
                    .get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case("time"))
                && !is_word_byte(byte(b, after + 4));
            return Some(if time_word {
                (name, after + 4, true)
            } else {
                (name, end, false)
            });
        }
    }
    None
}

/// A zone after a time that ended at `pos` (spaces/tabs may come first).
fn scan_zone(
    s: &str,
    pos: usize,
    mode: Mode,
    has_date: bool,
) -> Result<Option<(Zone, Range<usize>)>, TimeError> {
    let b = s.as_bytes();
    let p = skip_blanks(b, pos);
    let attached = p == pos;
    let Some(c) = byte(b, p) else {
        return Ok(None);
    };
    let next = byte(b, p + 1);
    let z_ends = match mode {
        Mode::Value => !is_word_byte(next),
        // `Z-wave`, `Z/OS`: not a zone.
        Mode::Prose => !is_word_byte(next) && !matches!(next, Some(b'-' | b'/' | b'+' | b'\'')),
    };
    if (c == b'Z' || (c == b'z' && (attached || mode == Mode::Value))) && z_ends {
        return Ok(Some((Zone::Utc, p..p + 1)));
    }
    if c == b'+' || c == b'-' {
        if mode == Mode::Prose && attached && c == b'-' && !has_date {
            // `10:13-10:45` in prose is a range, not an offset.
            return Ok(None);
        }
        let bare_hour = attached || mode == Mode::Value;
        return Ok(scan_offset(s, p, false, bare_hour)?.map(|(o, end)| (offset_zone(o), p..end)));
    }
    let letters = count_while(b, p, |c| c.is_ascii_alphabetic());
    if letters == 0 {
        return Ok(None);
    }
    let q = p + letters;
    let token_end = q + count_while(b, q, |c| {
        c.is_ascii_alphanumeric() || matches!(c, b'_' | b'/' | b'+' | b'-')
    });
    let token = s.get(p..token_end).unwrap_or("");
    if byte(b, q) == Some(b'/') {
        if let Ok(tz) = TimeZone::get(token)
            && !tz.is_unknown()
        {
            return Ok(Some((Zone::Iana(tz, token.to_string()), p..token_end)));
        }
        if mode == Mode::Value || iana_shaped(token) {
            return Ok(Some((Zone::Unknown(token.to_string()), p..token_end)));
        }
        return Ok(None);
    }
    let unknown_token = || Ok(Some((Zone::Unknown(token.to_string()), p..token_end)));
    if is_word_byte(byte(b, q)) {
        // Letters followed by digits or `_` (`EST5EDT`, `CEST1`).
        return if mode == Mode::Value {
            unknown_token()
        } else {
            Ok(None)
        };
    }
    let word = s.get(p..q).unwrap_or("");
    if word.eq_ignore_ascii_case("UTC") || word.eq_ignore_ascii_case("GMT") {
        if let Some((o, end)) = scan_offset(s, q, true, true)? {
            return Ok(Some((offset_zone(o), p..end)));
        }
        return Ok(Some((Zone::Utc, p..q)));
    }
    if let Some(a) = abbreviation(word) {
        return Ok(Some((Zone::Abbrev(a), p..q)));
    }
    if let Some((_, name)) = GENERIC_US.iter().find(|(g, _)| *g == word)
        && let Ok(tz) = TimeZone::get(name)
    {
        return Ok(Some((Zone::Iana(tz, word.to_string()), p..q)));
    }
    if let Some(meanings) = ambiguous_abbreviation(word) {
        return Ok(Some((
            Zone::Ambiguous {
                text: word.to_string(),
                meanings,
            },
            p..q,
        )));
    }
    // `Paris time`, `Pacific time`, `New York time`; in a whole value the city
    // alone (`Chicago`) too.
    if let Some((name, end, time_word)) = scan_place(s, p)
        && (time_word || mode == Mode::Value)
        && let Ok(tz) = TimeZone::get(&name)
    {
        let written = s.get(p..end).unwrap_or("").to_string();
        return Ok(Some((Zone::Iana(tz, written), p..end)));
    }
    match mode {
        Mode::Value => unknown_token(),
        Mode::Prose if looks_like_abbreviation(word) => {
            Ok(Some((Zone::Unknown(word.to_string()), p..q)))
        }
        Mode::Prose => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// Parsing entry points
// ---------------------------------------------------------------------------

/// The shared grammar of [`parse_time`] and [`scan_leading_time`]: an
/// expression at `start`, and where it ends. `Ok(None)` when no clock is
/// there; `Err` for a placeholder, an ambiguous or invalid slashed date, an
/// invalid date followed by a clock, an invalid clock or offset.
fn scan_expression(
    s: &str,
    start: usize,
    mode: Mode,
) -> Result<Option<(ParsedTime, usize)>, TimeError> {
    let b = s.as_bytes();
    let (approximate, mut pos) = scan_prefix(s, start);
    if let Some(r) = scan_placeholder(b, pos) {
        return Err(placeholder_error(s, r));
    }
    let mut date = None;
    let mut rfc3339 = false;
    if let Some((first, second, year, dend)) = scan_slashed_date(b, pos) {
        let range = pos..dend;
        // An ambiguous or impossible slashed date is reported wherever it is.
        let value = slashed_date(s, first, second, year, range.clone())?;
        let after_comma = if byte(b, dend) == Some(b',') {
            dend + 1
        } else {
            dend
        };
        if !matches!(byte(b, after_comma), Some(b' ' | b'\t')) {
            return Ok(None);
        }
        pos = skip_blanks(b, after_comma);
        date = Some((Ok(value), range));
    } else if let Some((y, m, d, dend)) = scan_iso_date_raw(b, pos) {
        let range = pos..dend;
        pos = match byte(b, dend) {
            Some(b'T' | b't') => {
                rfc3339 = true;
                dend + 1
            }
            Some(b' ' | b'\t') => skip_blanks(b, dend),
            _ => return Ok(None),
        };
        let value = make_date(y, m, d).map_err(|msg| TimeError::new(msg, range.clone()));
        date = Some((value, range));
    }
    let mut approximate = approximate;
    if date.is_some() {
        // `2024-06-10 ~10:50`: the marker may follow the date.
        // `2024-06-10 from 10:51 to 12:26` too (a date line's date put before it).
        let (marker, p) = scan_prefix(s, pos);
        if approximate.is_none() || marker.is_none() {
            approximate = approximate.or(marker);
            pos = p;
        }
        if let Some(r) = scan_placeholder(b, pos) {
            return Err(placeholder_error(s, r));
        }
    }
    let Some(clock) = scan_time_of_day(b, pos)? else {
        return Ok(None);
    };
    let (date, date_range) = match date {
        Some((value, range)) => (Some(value?), Some(range)),
        None => (None, None),
    };
    // `2024-06-10 16:05:00-04:00` (a date, seconds, then `-HH:MM`) is how many
    // programs print an offset; without seconds `-HH:MM` ends a range.
    let with_seconds = s
        .get(clock.range.clone())
        .is_some_and(|t| t.bytes().filter(|&c| c == b':').count() >= 2);
    let offset_style = rfc3339 || (date.is_some() && with_seconds);
    let mut after = clock.range.end;
    let mut until = None;
    let mut zone = None;
    if !clock.compact {
        until = scan_range_tail(s, after, offset_style)?;
    }
    if let Some(end) = &until {
        after = end.range.end;
        if let Some(z) = scan_zone(s, after, mode, true)? {
            after = z.1.end;
            zone = Some(z);
        }
    } else {
        zone = scan_zone(s, after, mode, date.is_some())?;
        if let Some((z1, r1)) = &zone {
            after = r1.end;
            if !clock.compact
                && let Some(end) = scan_range_tail(s, after, offset_style)?
            {
                after = end.range.end;
                // `10:51 UTC to 12:26 UTC`: the same zone again is part of it.
                if let Some((z2, r2)) = scan_zone(s, after, mode, true)?
                    && z2 == *z1
                {
                    after = r2.end;
                }
                until = Some(end);
            }
        }
    }
    if clock.compact && !matches!(&zone, Some((z, _)) if !matches!(z, Zone::Unknown(_))) {
        // `0915` is a time only with a zone (`0915Z`, `0915 UTC`).
        return Ok(None);
    }
    if mode == Mode::Prose && zone.is_none() && until.is_none() && is_word_byte(byte(b, after)) {
        // `10:13abc`: not a time followed by text.
        return Ok(None);
    }
    let mut time = clock.time;
    if let Some(end) = &until
        && end.meridiem
        && !clock.meridiem
        && (1..12).contains(&time.hour())
        && end.time.hour() >= 12
        && time.hour() + 12 <= end.time.hour()
    {
        // `2:00-4:30 PM`: the AM/PM of the end applies to the start.
        time = time.with().hour(time.hour() + 12).build().unwrap_or(time);
    }
    let (zone, zone_range) = match zone {
        Some((z, r)) => (Some(z), Some(r)),
        None => (None, None),
    };
    let parsed = ParsedTime {
        date,
        time,
        zone,
        date_range,
        time_range: clock.range,
        zone_range,
        approximate,
        until: until.map(|c| RangeEnd {
            time: c.time,
            time_range: c.range,
            end_of_day: c.end_of_day,
        }),
        end_of_day: clock.end_of_day,
        leap_second: clock.leap_second,
    };
    Ok(Some((parsed, after)))
}

/// Parses a whole string (a milestone or timeline value).
///
/// Accepted: `YYYY-MM-DDTHH:MM[:SS[.f]]ZONE` (RFC 3339; seconds optional),
/// `YYYY-MM-DD HH:MM[:SS] [ZONE]`, or `HH:MM[:SS] [ZONE]`, and every other
/// form in the module documentation (AM/PM, `09h15`, `0915Z`, approximate
/// times, ranges, unambiguous slashed dates). Surrounding ASCII whitespace is
/// ignored; everything else must be consumed. Ranges refer to the untrimmed
/// input. Any word after the clock that is not a known zone becomes
/// [`Zone::Unknown`].
pub fn parse_time(s: &str) -> Result<ParsedTime, TimeError> {
    let start = count_while(s.as_bytes(), 0, |c| c.is_ascii_whitespace());
    if start == s.len() {
        return Err(
            TimeError::new("expected a time, found nothing", 0..s.len()).with_help(FORMS_HELP)
        );
    }
    // Scan only up to the trailing whitespace (an ASCII byte, so a char
    // boundary): positions stay relative to the untrimmed input.
    let end = s.len() - count_while_rev_ws(s.as_bytes());
    let s = s.get(..end).unwrap_or(s);
    let b = s.as_bytes();
    let Some((parsed, after)) = scan_expression(s, start, Mode::Value)? else {
        return Err(not_a_time(s, start, end));
    };
    let rest = skip_blanks(b, after);
    if rest < end {
        let message = if parsed.zone.is_some() {
            "unexpected text after the time zone"
        } else {
            "unexpected text after the time"
        };
        return Err(TimeError::new(message, rest..end).with_help(FORMS_HELP));
    }
    Ok(parsed)
}

/// Why `s[start..end]` is not a time expression (for [`parse_time`]).
fn not_a_time(s: &str, start: usize, end: usize) -> TimeError {
    let b = s.as_bytes();
    let token_end =
        |from: usize| (from + count_while(b, from, |c| !c.is_ascii_whitespace())).min(end);
    let (_, mut pos) = scan_prefix(s, start);
    let mut date_range = None;
    if let Some((y, m, d, dend)) = scan_iso_date_raw(b, pos) {
        let range = pos..dend;
        if let Err(msg) = make_date(y, m, d) {
            return TimeError::new(msg, range);
        }
        match byte(b, dend) {
            Some(b'T' | b't') => pos = dend + 1,
            Some(b' ' | b'\t') => pos = skip_blanks(b, dend),
            None => {
                return TimeError::new("expected a time after the date", range)
                    .with_help(FORMS_HELP);
            }
            Some(_) => {
                return TimeError::new(
                    "expected `T` or a space between the date and the time",
                    dend..token_end(dend),
                )
                .with_help(FORMS_HELP);
            }
        }
        date_range = Some(range);
    } else if let Some((.., dend)) = scan_slashed_date(b, pos) {
        date_range = Some(pos..dend);
        pos = skip_blanks(b, dend);
    }
    let what = if date_range.is_some() {
        "expected a time (HH:MM) after the date"
    } else {
        "expected a time (HH:MM) or a date and time"
    };
    let r = if pos >= end {
        date_range.unwrap_or(pos..end)
    } else {
        pos..token_end(pos).max(pos + 1)
    };
    TimeError::new(what, r).with_help(FORMS_HELP)
}

fn count_while_rev_ws(b: &[u8]) -> usize {
    b.iter()
        .rev()
        .take_while(|c| c.is_ascii_whitespace())
        .count()
}

/// Scans a time expression at the start of a line of prose, as in a Markdown
/// timeline item (`16:05 CEST: Service degradation began`,
/// `2024-06-10 16:05 CEST - Deploy`, `10:13 CET The first ...`,
/// `~4pm PST alerts`, `02:00-04:30 UTC maintenance`).
///
/// Leading ASCII whitespace is skipped; Markdown markers (`- `, `**`) are not,
/// so pass the item's text. Returns the parsed time and the byte offset where
/// the expression ends (before any separator such as `:` or ` - `), or
/// `Ok(None)` when the line does not start with a time (a line starting with
/// a date but no time is `Ok(None)` too). Returns `Err` for a placeholder
/// (`??:??`, `TBD`: [`TimeErrorKind::Placeholder`]), a line starting with an
/// ambiguous slashed date (`01/07/2023 - 10:50`:
/// [`TimeErrorKind::AmbiguousDate`]), an invalid time (`25:00`), an invalid
/// date followed by a time, or an out-of-range offset. See the module
/// documentation for which following words count as zones.
pub fn scan_leading_time(line: &str) -> Result<Option<(ParsedTime, usize)>, TimeError> {
    let start = count_while(line.as_bytes(), 0, |c| c.is_ascii_whitespace());
    scan_expression(line, start, Mode::Prose)
}

// ---------------------------------------------------------------------------
// A zone stated for the whole report
// ---------------------------------------------------------------------------

/// Words that may stand between `times` and the zone in a statement such as
/// "All times are given in UTC".
const REPORT_ZONE_FILLERS: &[&str] = &[
    "are",
    "is",
    "in",
    "given",
    "shown",
    "listed",
    "expressed",
    "written",
    "reported",
    "displayed",
    "below",
    "above",
    "here",
    "all",
    "of",
];

/// Skips filler words (and a `:`) at `pos`; returns the new position and how
/// many were skipped.
fn skip_fillers(s: &str, mut pos: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let mut n = 0;
    // At most a few words: "are all given in".
    for _ in 0..5 {
        pos = skip_blanks(b, pos);
        if byte(b, pos) == Some(b':') {
            pos += 1;
            n += 1;
            continue;
        }
        let rest = s.get(pos..).unwrap_or("");
        let ends_word = |w: &str| {
            rest.get(..w.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(w))
                && matches!(rest.as_bytes().get(w.len()), Some(b' ' | b'\t' | b':'))
        };
        match REPORT_ZONE_FILLERS.iter().find(|w| ends_word(w)) {
            Some(w) => {
                pos += w.len();
                n += 1;
            }
            None => break,
        }
    }
    (skip_blanks(b, pos), n)
}

/// A zone that can be applied to other times: not unknown, not ambiguous.
fn usable_zone(zone: Option<(Zone, Range<usize>)>) -> Option<(Zone, Range<usize>)> {
    zone.filter(|(z, _)| !matches!(z, Zone::Unknown(_) | Zone::Ambiguous { .. }))
}

/// Finds a zone stated once for the whole report, in prose or in the timeline's
/// heading: "All times in PST", "times are UTC", "All times are given in CET",
/// "Times below are in Europe/Paris", `## Timeline (CET)`,
/// `**Timeline (all times UTC)**`, "All times are Pacific (PST)", and a label
/// for the zone (`**Times:** UTC`, `Time zone: UTC+1`, a `| Time zone | UTC+1 |`
/// table row) whose value is the zone alone. Returns the byte range of the zone's name and the
/// zone; the first statement wins. Only zones that resolve count (a known
/// abbreviation, `UTC`, an offset, an IANA name): an ambiguous `CST` is not
/// applied. Matching is ASCII case-insensitive for the words, and the zone is
/// read like a zone after a time in prose. One pass over the text.
pub fn scan_report_zone(text: &str) -> Option<(Range<usize>, Zone)> {
    let b = text.as_bytes();
    let mut best: Option<(Zone, Range<usize>)> = None;
    let mut consider = |found: Option<(Zone, Range<usize>)>| {
        if let Some((z, r)) = usable_zone(found)
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((z, r));
        }
    };
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let lower_line = line.to_ascii_lowercase();
        // `## Timeline (CET)`, `**Timeline (UTC)**`.
        let trimmed = lower_line.trim_start();
        if (trimmed.starts_with('#') || trimmed.starts_with("**"))
            && let Some(t) = lower_line.find("timeline")
            && let Some(open) = lower_line.get(t..).and_then(|r| r.find('('))
        {
            let p = line_start + t + open + 1;
            let (p, _) = skip_fillers(text, p);
            let p = if starts_with_word(text.get(p..).unwrap_or(""), "times") {
                skip_fillers(text, p + 5).0
            } else {
                p
            };
            if let Ok(found) = scan_zone(text, p, Mode::Prose, true)
                && let Some((_, r)) = &found
                && byte(b, skip_blanks(b, r.end)) == Some(b')')
            {
                consider(found);
            }
        }
        for (i, _) in lower_line.match_indices("times") {
            let at = line_start + i;
            if i > 0 && is_word_byte(lower_line.as_bytes().get(i - 1).copied()) {
                continue;
            }
            // "All times UTC", and "(times UTC)" beside a date or a heading.
            let all = lower_line.get(..i).is_some_and(|before| {
                let before = before.trim_end();
                before.ends_with("all") || before.ends_with('(')
            });
            let (p, fillers) = skip_fillers(text, at + 5);
            if fillers == 0 && !all {
                continue;
            }
            match scan_zone(text, p, Mode::Prose, true) {
                Ok(found) if usable_zone(found.clone()).is_some() => consider(found),
                // In a statement a place stands alone: "All times are Pacific (PST)".
                _ => {
                    if let Some((name, end, _)) = scan_place(text, p)
                        && let Ok(tz) = TimeZone::get(&name)
                    {
                        let written = text.get(p..end).unwrap_or("").to_string();
                        consider(Some((Zone::Iana(tz, written), p..end)));
                    }
                }
            }
        }
        // A label for the zone: `**Times:** UTC`, `Time zone: UTC+1`, a table row
        // `| Time zone | UTC+1 |`. The zone must end the line or its cell.
        let lead = lower_line.len()
            - lower_line
                .trim_start_matches([' ', '\t', '*', '_', '|', '-'])
                .len();
        for label in ["times", "time zone", "timezone", "zone"] {
            let Some(rest) = lower_line[lead..].strip_prefix(label) else {
                continue;
            };
            let after = rest.trim_start_matches(['*', '_', ' ']);
            let Some(after) = after.strip_prefix([':', '|']) else {
                continue;
            };
            let after = after.trim_start_matches(['*', '_', ' ', '\t']);
            let p = line_start + (lower_line.len() - after.len());
            if let Ok(Some((zone, r))) = scan_zone(text, p, Mode::Value, true)
                && text
                    .get(r.end..line_start + line.len())
                    .is_some_and(|tail| {
                        tail.trim_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '|' | '*' | '_' | '.')
                        })
                        .is_empty()
                    })
            {
                consider(Some((zone, r)));
            }
            break;
        }
        line_start += line.len();
    }
    best.map(|(z, r)| (r, z))
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

fn out_of_range(dt: DateTime, what: &str) -> ResolveError {
    ResolveError::Nonexistent(format!(
        "{} {} in {what} is outside the range of instants retrospec computes with \
         ({} to {} UTC, so that every UTC offset stays within the years -9999 to 9999)",
        dt.date(),
        dt.time(),
        Timestamp::MIN.strftime("%Y-%m-%d %H:%M:%S"),
        Timestamp::MAX.strftime("%Y-%m-%d %H:%M:%S"),
    ))
}

fn resolve_in_zone(
    tz: &TimeZone,
    name: &str,
    dt: DateTime,
) -> Result<(Timestamp, Offset), ResolveError> {
    let amb = tz.to_ambiguous_timestamp(dt);
    if let AmbiguousOffset::Gap { before, after } = amb.offset() {
        return Err(ResolveError::Nonexistent(format!(
            "{} on {} does not exist in {name}: clocks jumped from {} to {} \
             (a daylight saving time change)",
            dt.time(),
            dt.date(),
            format_offset(before),
            format_offset(after)
        )));
    }
    if let AmbiguousOffset::Fold { before, after } = amb.offset() {
        let abbreviation = |o: Offset| {
            o.to_timestamp(dt)
                .ok()
                .map(|ts| tz.to_offset_info(ts).abbreviation().to_string())
                .filter(|a| a.bytes().all(|c| c.is_ascii_alphabetic()))
        };
        let (first, second) = (format_offset(before), format_offset(after));
        let names = match (abbreviation(before), abbreviation(after)) {
            (Some(a), Some(b)) => format!(" ({a} or {b})"),
            _ => String::new(),
        };
        return Err(ResolveError::Repeated {
            message: format!(
                "{} on {} happened twice in {name}: clocks went back from {first} to {second}{names}, \
                 so it is ambiguous which of the two instants is meant",
                dt.time(),
                dt.date(),
            ),
            help: format!(
                "write the offset (`{first}` for the first, `{second}` for the second){}",
                match (abbreviation(before), abbreviation(after)) {
                    (Some(a), Some(b)) => format!(" or the abbreviation (`{a}` or `{b}`)"),
                    _ => String::new(),
                }
            ),
        });
    }
    let ts = amb.compatible().map_err(|_| out_of_range(dt, name))?;
    Ok((ts, tz.to_offset(ts)))
}

fn resolve_abbreviation(
    a: &'static Abbreviation,
    dt: DateTime,
) -> Result<(Timestamp, Offset, Option<SeasonMismatch>), ResolveError> {
    let own = a.offset();
    let ts = own.to_timestamp(dt).map_err(|_| out_of_range(dt, a.name))?;
    let Ok(region) = TimeZone::get(a.region) else {
        return Ok((ts, own, None));
    };
    let info = region.to_offset_info(ts);
    if info.offset() == own {
        return Ok((ts, own, None));
    }
    let wall = region.to_ambiguous_timestamp(dt);
    if matches!(wall.offset(), AmbiguousOffset::Gap { .. }) {
        // Nobody read this off a clock in the region: keep the written offset.
        let mismatch = SeasonMismatch {
            written: a,
            in_use: info.abbreviation().to_string(),
            in_use_offset: info.offset(),
        };
        return Ok((ts, own, Some(mismatch)));
    }
    let wts = wall.compatible().map_err(|_| out_of_range(dt, a.region))?;
    let winfo = region.to_offset_info(wts);
    if info.abbreviation() == a.name || winfo.abbreviation() == a.name {
        // The region used this very name with another offset (MSK was +04:00
        // in 2011-2014): trust the tz database.
        return Ok((wts, winfo.offset(), None));
    }
    let mismatch = SeasonMismatch {
        written: a,
        in_use: winfo.abbreviation().to_string(),
        in_use_offset: winfo.offset(),
    };
    Ok((wts, winfo.offset(), Some(mismatch)))
}

/// Resolves `p` to an instant.
///
/// The date is `p.date` or else `date_context`; the zone is `p.zone` or else
/// `default_zone`. Offsets and UTC are exact; IANA zones (and the default
/// zone) interpret the civil time in that zone, with
/// [`ResolveError::Nonexistent`] for a time in a DST gap and
/// [`ResolveError::Repeated`] for a repeated one (clocks went back). An abbreviation that fits the season in its
/// region uses its own offset; one that does not (CET written in July) is
/// read as wall-clock time in the region's zone and reported in
/// [`Resolved::season_mismatch`]; see the module documentation for why.
pub fn resolve(
    p: &ParsedTime,
    date_context: Option<Date>,
    default_zone: Option<&TimeZone>,
) -> Result<Resolved, ResolveError> {
    let date = p.date.or(date_context).ok_or(ResolveError::NoDate)?;
    let dt = if p.end_of_day {
        // `24:00` is midnight at the end of the written day.
        let next = date.tomorrow().map_err(|_| {
            ResolveError::Nonexistent(format!(
                "24:00 on {date} is outside the range of dates retrospec computes with"
            ))
        })?;
        next.to_datetime(p.time)
    } else {
        date.to_datetime(p.time)
    };
    let (timestamp, offset, season_mismatch) = match (&p.zone, default_zone) {
        (Some(Zone::Utc), _) => {
            let ts = Offset::UTC
                .to_timestamp(dt)
                .map_err(|_| out_of_range(dt, "UTC"))?;
            (ts, Offset::UTC, None)
        }
        (Some(Zone::Offset(o)), _) => {
            let ts = o
                .to_timestamp(dt)
                .map_err(|_| out_of_range(dt, &format_offset(*o)))?;
            (ts, *o, None)
        }
        (Some(Zone::Iana(tz, name)), _) => {
            let (ts, o) = resolve_in_zone(tz, name, dt)?;
            (ts, o, None)
        }
        (Some(Zone::Abbrev(a)), _) => resolve_abbreviation(a, dt)?,
        (Some(Zone::Ambiguous { text, meanings }), _) => {
            return Err(ResolveError::Ambiguous {
                text: text.clone(),
                meanings,
            });
        }
        (Some(Zone::Unknown(z)), _) => return Err(ResolveError::UnknownZone(z.clone())),
        (None, Some(tz)) => {
            let name = tz.iana_name().unwrap_or("the default time zone");
            let (ts, o) = resolve_in_zone(tz, name, dt)?;
            (ts, o, None)
        }
        (None, None) => return Err(ResolveError::NoZone),
    };
    Ok(Resolved {
        timestamp,
        date,
        offset,
        season_mismatch,
    })
}

/// Resolves the end of a range (`02:00-04:30 UTC`) given the resolved start:
/// the end is on the start's date, or on the next day when it would come
/// before the start (`23:00-01:00`). `None` when `p` is not a range or the
/// end cannot be resolved.
pub fn resolve_until(
    p: &ParsedTime,
    start: &Resolved,
    default_zone: Option<&TimeZone>,
) -> Option<Timestamp> {
    let until = p.until.as_ref()?;
    let mut end = p.clone();
    end.time = until.time;
    end.end_of_day = until.end_of_day;
    end.until = None;
    end.date = None;
    let first = resolve(&end, Some(start.date), default_zone).ok()?;
    if first.timestamp >= start.timestamp {
        return Some(first.timestamp);
    }
    let next = start.date.tomorrow().ok()?;
    resolve(&end, Some(next), default_zone)
        .ok()
        .map(|r| r.timestamp)
}

#[cfg(test)]
// Panicking on unexpected values is how these tests fail.
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn t(h: i8, m: i8, s: i8) -> Time {
        Time::new(h, m, s, 0).unwrap()
    }

    fn scan(line: &str) -> (ParsedTime, usize) {
        scan_leading_time(line).unwrap().unwrap()
    }

    fn text(s: &str, r: &Option<Range<usize>>) -> String {
        r.clone().map(|r| s[r].to_string()).unwrap_or_default()
    }

    fn resolve_str(s: &str) -> Result<Resolved, ResolveError> {
        resolve(&parse_time(s).unwrap(), None, None)
    }

    // --- parse_time: accepted forms -------------------------------------

    #[test]
    fn rfc3339_forms() {
        let s = "2024-06-10T16:05:00+02:00";
        let p = parse_time(s).unwrap();
        assert_eq!(p.date, Some(date(2024, 6, 10)));
        assert_eq!(p.time, t(16, 5, 0));
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(p.date_range, Some(0..10));
        assert_eq!(p.time_range, 11..19);
        assert_eq!(p.zone_range, Some(19..25));
        assert_eq!(p.range(), 0..25);

        let p = parse_time("2024-06-10T14:05Z").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        assert_eq!(p.time, t(14, 5, 0));
        assert_eq!(p.zone_range, Some(16..17));

        let p = parse_time("2024-06-10t14:05:07.25z").unwrap();
        assert_eq!(p.time, Time::new(14, 5, 7, 250_000_000).unwrap());
        assert_eq!(p.zone, Some(Zone::Utc));

        let p = parse_time("2024-06-10T14:05:07.123456789-0500").unwrap();
        assert_eq!(p.time, Time::new(14, 5, 7, 123_456_789).unwrap());
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));

        let p = parse_time("2024-06-10T14:05+05").unwrap();
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(5).unwrap())));

        let p = parse_time("2024-06-10T14:05-00:00").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));

        let r = resolve_str("2024-06-10T16:05:00+02:00").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
    }

    #[test]
    fn date_space_time_zone_forms() {
        let s = "2024-06-10 16:05 CEST";
        let p = parse_time(s).unwrap();
        assert_eq!(text(s, &p.date_range), "2024-06-10");
        assert_eq!(&s[p.time_range.clone()], "16:05");
        assert_eq!(text(s, &p.zone_range), "CEST");
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));

        let p = parse_time("2024-06-10   16:05:30").unwrap();
        assert_eq!(p.time, t(16, 5, 30));
        assert_eq!(p.zone, None);

        let p = parse_time("2024-06-10 16:05 UTC").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("2024-06-10 16:05 GMT").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("2024-06-10 16:05 +02").unwrap();
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        let p = parse_time("2024-06-10 16:05 Europe/Paris").unwrap();
        match p.zone {
            Some(Zone::Iana(tz, name)) => {
                assert_eq!(name, "Europe/Paris");
                assert_eq!(tz.iana_name(), Some("Europe/Paris"));
            }
            other => panic!("{other:?}"),
        }
        let p = parse_time("2024-06-10 16:05 America/Argentina/Buenos_Aires").unwrap();
        assert!(matches!(p.zone, Some(Zone::Iana(..))));
    }

    #[test]
    fn time_only_forms() {
        let p = parse_time("16:05").unwrap();
        assert_eq!((p.date, p.time, p.zone), (None, t(16, 5, 0), None));
        assert_eq!(p.time_range, 0..5);
        assert_eq!(p.date_range, None);

        let p = parse_time("9:05 UTC").unwrap();
        assert_eq!(p.time, t(9, 5, 0));
        assert_eq!(p.zone_range, Some(5..8));

        let p = parse_time("16:05:59 -05:00").unwrap();
        assert_eq!(p.time, t(16, 5, 59));
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));

        let p = parse_time("16:05Z").unwrap();
        assert_eq!(p.zone, Some(Zone::Utc));
        let p = parse_time("00:00").unwrap();
        assert_eq!(p.time, t(0, 0, 0));
        let p = parse_time("23:59:59").unwrap();
        assert_eq!(p.time, t(23, 59, 59));
    }

    #[test]
    fn meridiem() {
        assert_eq!(parse_time("3:05 PM UTC").unwrap().time, t(15, 5, 0));
        assert_eq!(parse_time("3:05pm").unwrap().time, t(15, 5, 0));
        assert_eq!(parse_time("12:30 a.m.").unwrap().time, t(0, 30, 0));
        assert_eq!(parse_time("12:30 PM").unwrap().time, t(12, 30, 0));
        assert_eq!(parse_time("11:59 am").unwrap().time, t(11, 59, 0));
        let s = "3:05 PM EST: paged";
        let (p, end) = scan(s);
        assert_eq!(&s[p.time_range.clone()], "3:05 PM");
        assert_eq!(&s[..end], "3:05 PM EST");
        assert!(parse_time("13:05 PM").is_err());
        assert!(parse_time("0:05 AM").is_err());
        // `Amazon` is not a meridiem marker.
        let (p, end) = scan("10:13 Amazon paged us");
        assert_eq!((p.zone, end), (None, 5));
    }

    #[test]
    fn utc_with_offset_forms() {
        let cases = [
            ("10:00 UTC+2", 2 * 3600),
            ("10:00 UTC+02:00", 2 * 3600),
            ("10:00 UTC+0200", 2 * 3600),
            ("10:00 GMT-5", -5 * 3600),
            ("10:00 UTC+5:30", 5 * 3600 + 1800),
            ("10:00 UTC-03:30", -(3 * 3600 + 1800)),
        ];
        for (s, secs) in cases {
            let p = parse_time(s).unwrap();
            assert_eq!(
                p.zone,
                Some(Zone::Offset(Offset::from_seconds(secs).unwrap())),
                "{s}"
            );
            assert_eq!(p.zone_range, Some(6..s.len()), "{s}");
            let (q, end) = scan(&format!("{s}: text"));
            assert_eq!(q.zone, p.zone, "{s}");
            assert_eq!(end, s.len(), "{s}");
        }
        assert_eq!(parse_time("10:00 UTC+0").unwrap().zone, Some(Zone::Utc));
        assert_eq!(parse_time("10:00 utc").unwrap().zone, Some(Zone::Utc));
        assert!(parse_time("10:00 UTC+99").is_err());
        assert!(scan_leading_time("10:00 UTC+15: x").is_err());
    }

    #[test]
    fn parse_time_trims_and_ranges_refer_to_untrimmed_input() {
        let s = "  \t2024-06-10 16:05 CEST \n";
        let p = parse_time(s).unwrap();
        assert_eq!(p.date_range, Some(3..13));
        assert_eq!(p.time_range, 14..19);
        assert_eq!(p.zone_range, Some(20..24));
    }

    #[test]
    fn parse_time_unknown_words_become_unknown_zones() {
        let p = parse_time("10:00 XYZT").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("XYZT".into())));
        let p = parse_time("10:00 Atlantis").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Atlantis".into())));
        let s = "2024-01-01 10:00 Mars/Olympus";
        let p = parse_time(s).unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Mars/Olympus".into())));
        assert_eq!(text(s, &p.zone_range), "Mars/Olympus");
        let p = parse_time("10:00 EST5EDT").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("EST5EDT".into())));
        // `Etc/Unknown` is jiff's placeholder, not a real zone.
        let p = parse_time("10:00 Etc/Unknown").unwrap();
        assert_eq!(p.zone, Some(Zone::Unknown("Etc/Unknown".into())));
    }

    #[test]
    fn parse_time_errors() {
        let e = parse_time("").unwrap_err();
        assert!(e.message.contains("nothing"));
        let e = parse_time("   ").unwrap_err();
        assert_eq!(e.range, 0..3);
        let e = parse_time("10:00 CEST trailing").unwrap_err();
        assert_eq!(e.range, 11..19);
        let e = parse_time("2024-06-10").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("after the date"));
        let e = parse_time("2024-02-30 10:00").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("29 days"), "{}", e.message);
        let e = parse_time("2024-13-01 10:00").unwrap_err();
        assert!(e.message.contains("month 13"), "{}", e.message);
        let e = parse_time("24:01").unwrap_err();
        assert_eq!(e.range, 0..5);
        assert!(e.message.contains("hour 24"), "{}", e.message);
        let e = parse_time("23:60").unwrap_err();
        assert!(e.message.contains("minute 60"));
        let e = parse_time("23:58:60").unwrap_err();
        assert!(e.message.contains("second 60"));
        let e = parse_time("x 2024-01-01 10:00 UTC").unwrap_err();
        assert_eq!(e.range, 0..1);
        assert!(parse_time("99999-01-01 10:00").is_err());
        assert!(parse_time("2024-06-10X10:00").is_err());
        assert!(parse_time("10:00:00.1234567890").is_err());
        let e = parse_time("01/07/2023 10:50").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("ambiguous"));
    }

    // --- scan_leading_time ------------------------------------------------

    #[test]
    fn scan_time_and_abbreviation() {
        let s = "16:05 CEST: Service degradation began";
        let (p, end) = scan(s);
        assert_eq!(end, 10);
        assert_eq!(&s[end..], ": Service degradation began");
        assert_eq!(p.time, t(16, 5, 0));
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));
        assert_eq!(p.time_range, 0..5);
        assert_eq!(p.zone_range, Some(6..10));
    }

    #[test]
    fn scan_date_time_zone() {
        let s = "2024-06-10 16:05 CEST - Deploy";
        let (p, end) = scan(s);
        assert_eq!(p.date, Some(date(2024, 6, 10)));
        assert_eq!(p.date_range, Some(0..10));
        assert_eq!(p.time_range, 11..16);
        assert_eq!(&s[..end], "2024-06-10 16:05 CEST");

        let s = "2024-06-10T16:05:00Z deploy";
        let (p, end) = scan(s);
        assert_eq!(p.zone, Some(Zone::Utc));
        assert_eq!(end, 20);

        let (p, end) = scan("2024-06-10T16:05-04:00 x");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-4).unwrap())));
        assert_eq!(end, 22);
    }

    #[test]
    fn scan_zone_without_separator() {
        let s = "10:13 CET The first alert fired";
        let (p, end) = scan(s);
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CET").unwrap())));
        assert_eq!(end, 9);
    }

    #[test]
    fn scan_following_word_is_not_a_zone() {
        for s in [
            "10:13 More deployments",
            "10:13 DNS failed",
            "10:13 IT was notified",
            "10:13 GET requests failed",
            "10:13 ALERT fired",
            "10:13 TCP/IP stack",
            "10:13 and/or",
            "10:13 Z-wave",
            "10:13 -15 servers",
            "10:13 +1 more",
            "10:13",
            "10:13 ",
        ] {
            let (p, end) = scan(s);
            assert_eq!(p.time, t(10, 13, 0), "{s}");
            assert_eq!(p.zone, None, "{s}");
            assert_eq!(p.zone_range, None, "{s}");
            assert_eq!(end, 5, "{s}");
        }
    }

    #[test]
    fn scan_time_range_is_not_an_offset() {
        let (p, end) = scan("10:13-10:45 Outage");
        assert_eq!((p.zone, end), (None, 11));
        assert_eq!(p.until.unwrap().time, t(10, 45, 0));
        let (p, end) = scan("10:13+02:00 Outage");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(end, 11);
        let (p, end) = scan("10:13 -05:00 Outage");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(-5).unwrap())));
        assert_eq!(end, 12);
    }

    #[test]
    fn scan_zone_kinds() {
        let (p, end) = scan("10:13 Z: x");
        assert_eq!((p.zone, end), (Some(Zone::Utc), 7));
        let (p, _) = scan("10:13 GMT x");
        assert_eq!(p.zone, Some(Zone::Utc));
        let (p, end) = scan("10:13 +0200 x");
        assert_eq!(p.zone, Some(Zone::Offset(Offset::from_hours(2).unwrap())));
        assert_eq!(end, 11);
        let (p, end) = scan("10:13 Europe/Paris: x");
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "Europe/Paris"));
        assert_eq!(end, 18);
        let (p, _) = scan("10:13 Mars/Olympus x");
        assert_eq!(p.zone, Some(Zone::Unknown("Mars/Olympus".into())));
        let (p, _) = scan("10:13 Europe/Atlantis x");
        assert_eq!(p.zone, Some(Zone::Unknown("Europe/Atlantis".into())));
        let (p, end) = scan("10:13 XYZT: x");
        assert_eq!((p.zone, end), (Some(Zone::Unknown("XYZT".into())), 10));
        let (p, _) = scan("10:13 NZT x");
        assert!(matches!(p.zone, Some(Zone::Ambiguous { ref text, .. }) if text == "NZT"));
        let (p, _) = scan("10:13 CST x");
        match p.zone {
            Some(Zone::Ambiguous { text, meanings }) => {
                assert_eq!(text, "CST");
                assert_eq!(meanings.len(), 3);
                assert!(meanings[1].contains("China"));
            }
            other => panic!("{other:?}"),
        }
        let (p, _) = scan("10:13 PT x");
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "PT"));
        let (p, _) = scan("10:13 BST x");
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("BST").unwrap())));
    }

    #[test]
    fn scan_ranges_after_leading_whitespace_and_non_ascii() {
        let s = "   16:05 CEST: Dienst gestört — Überlast";
        let (p, end) = scan(s);
        assert_eq!(p.time_range, 3..8);
        assert_eq!(p.zone_range, Some(9..13));
        assert_eq!(end, 13);
        assert_eq!(&s[end..], ": Dienst gestört — Überlast");

        let s = "\t09:30 Ärger im Betrieb";
        let (p, end) = scan(s);
        assert_eq!(p.time_range, 1..6);
        assert_eq!((p.zone, end), (None, 6));

        let s = "09:30—Überlast";
        let (_, end) = scan(s);
        assert_eq!(end, 5);
    }

    #[test]
    fn scan_not_a_time() {
        for s in [
            "",
            "   ",
            "Deploy started",
            "2024-06-10",
            "2024-06-10: deploy",
            "2024-06-10 deploy",
            "123:45 x",
            "10:1 x",
            "10:135 x",
            "10:13abc",
            "1/2 of the fleet",
            "10.13 x",
            "**16:05 CEST** Deploy",
            "- 16:05 x",
            "99999-01-01 10:00",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s:?}");
        }
    }

    #[test]
    fn scan_errors() {
        let e = scan_leading_time("01/07/2023 - 10:50 Deploy").unwrap_err();
        assert_eq!(e.range, 0..10);
        assert!(e.message.contains("ambiguous"), "{}", e.message);
        assert!(e.message.contains("1 July 2023"), "{}", e.message);
        assert!(e.message.contains("7 January 2023"), "{}", e.message);
        assert!(e.help.as_deref().unwrap().contains("2023-07-01"));

        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);

        let e = scan_leading_time("07/01/23 10:50").unwrap_err();
        assert!(e.help.as_deref().unwrap().contains("2023-01-07"));
        let e = scan_leading_time("13/13/2023 10:50").unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::Invalid);
        assert_eq!(e.range, 0..10);

        let e = scan_leading_time("25:00 CEST: x").unwrap_err();
        assert_eq!(e.range, 0..5);
        let e = scan_leading_time(" 23:60 x").unwrap_err();
        assert_eq!(e.range, 1..6);
        let e = scan_leading_time("2024-02-30 10:00 UTC: x").unwrap_err();
        assert_eq!(e.range, 0..10);
        let e = scan_leading_time("10:00 +20:00 x").unwrap_err();
        assert_eq!(e.range, 6..12);
    }

    // --- times as people write them ---------------------------------------

    #[test]
    fn twelve_hour_forms() {
        for (s, h, m) in [
            ("4:00 PM", 16, 0),
            ("4pm", 16, 0),
            ("4 pm", 16, 0),
            ("4 p.m.", 16, 0),
            ("12 a.m.", 0, 0),
            ("11AM", 11, 0),
            ("9:30am", 9, 30),
        ] {
            assert_eq!(parse_time(s).unwrap().time, t(h, m, 0), "{s}");
        }
        let (p, end) = scan("4pm PST: pages fire");
        assert_eq!(p.time, t(16, 0, 0));
        assert_eq!(end, 7);
        // An hour alone is not a time.
        assert_eq!(scan_leading_time("4 servers failed"), Ok(None));
        assert_eq!(scan_leading_time("12 amplifiers"), Ok(None));
        assert!(parse_time("13pm").is_err());
    }

    #[test]
    fn french_and_military_forms() {
        assert_eq!(parse_time("09h15").unwrap().time, t(9, 15, 0));
        assert_eq!(parse_time("9H05 UTC").unwrap().zone, Some(Zone::Utc));
        let s = "0915Z deploy";
        let (p, end) = scan(s);
        assert_eq!(
            (p.time, p.zone.clone(), end),
            (t(9, 15, 0), Some(Zone::Utc), 5)
        );
        let (p, end) = scan("2359 UTC: rollback");
        assert_eq!((p.time, end), (t(23, 59, 0), 8));
        assert_eq!(parse_time("0915 CEST").unwrap().time, t(9, 15, 0));
        // Four digits alone, or with something else than a zone, are not a time.
        for s in [
            "0915 deploy",
            "2024 was a bad year",
            "0915",
            "2399 UTC",
            "1260Z",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
        assert!(parse_time("0915").is_err());
        assert_eq!(scan_leading_time("9h15m later"), Ok(None));
    }

    #[test]
    fn seconds_and_edge_times() {
        assert_eq!(parse_time("10:50:07 UTC").unwrap().time, t(10, 50, 7));
        // 24:00 is the end of the day.
        let p = parse_time("2024-06-10 24:00 UTC").unwrap();
        assert!(p.end_of_day);
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-11T00:00:00Z"));
        assert_eq!(r.date, date(2024, 6, 10));
        assert!(parse_time("24:00 PM").is_err());
        // A leap second reads as second 59.
        let p = parse_time("2016-12-31 23:59:60 UTC").unwrap();
        assert!(p.leap_second);
        assert_eq!(p.time, t(23, 59, 59));
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2016-12-31T23:59:59Z"));
        assert!(parse_time("2016-12-31T23:59:60Z").is_ok());
        // The last minute of year 9999 is past the last instant: an exact reason.
        match resolve_str("9999-12-31 23:59 UTC").unwrap_err() {
            ResolveError::Nonexistent(msg) => {
                assert!(msg.contains("9999-12-30 22:00:00"), "{msg}");
            }
            other => panic!("{other:?}"),
        }
        assert!(resolve_str("9999-12-30 21:59 UTC").is_ok());
        assert!(resolve_str("0000-01-01 00:00 UTC").is_ok());
    }

    #[test]
    fn approximate_times() {
        for (s, marker) in [
            ("~10:50 UTC", "~"),
            ("~ 10:50", "~"),
            ("±10:50", "±"),
            ("about 10:50", "about"),
            ("Around 10:50 CEST", "Around"),
            ("circa 10:50", "circa"),
            ("approx. 10:50", "approx."),
            ("approximately 2024-06-10 10:50 UTC", "approximately"),
        ] {
            let p = parse_time(s).unwrap();
            assert!(p.is_approximate(), "{s}");
            assert_eq!(text(s, &p.approximate), marker, "{s}");
            assert_eq!(p.range().start, 0, "{s}");
        }
        assert!(!parse_time("10:50").unwrap().is_approximate());
        let (p, end) = scan("~10:50 UTC: errors rise");
        assert_eq!((p.is_approximate(), end), (true, 10));
        assert_eq!(scan_leading_time("about the outage"), Ok(None));
        assert_eq!(scan_leading_time("~ fifty minutes"), Ok(None));
    }

    #[test]
    fn unknown_times_are_placeholders() {
        for (s, token) in [
            ("??:?? UTC: someone restarted the pod", "??:??"),
            ("XX:XX - paged", "XX:XX"),
            ("xx:xx paged", "xx:xx"),
            ("HH:MM paged", "HH:MM"),
            ("[???] paged", "[???]"),
            ("TBD: the first report", "TBD"),
            ("(TBC) the first report", "(TBC)"),
            ("2024-06-10 ??:?? first report", "??:??"),
            ("~??:?? first report", "??:??"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
            assert_eq!(
                parse_time(s.split(' ').next().unwrap()).unwrap_err().kind,
                if s.starts_with("2024") {
                    TimeErrorKind::Invalid
                } else {
                    TimeErrorKind::Placeholder
                },
                "{s}"
            );
        }
        assert_eq!(
            parse_time("TBD").unwrap_err().kind,
            TimeErrorKind::Placeholder
        );
        for (s, token) in [
            ("[time TBD] firmware pushed", "[time TBD]"),
            ("(time unknown) shift lead calls", "(time unknown)"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
        }
        // An unknown outside brackets, or a bracketed note, is words.
        for s in ["unknown cause", "(time permitting) a note", "[timeline] x"] {
            assert!(matches!(scan_leading_time(s), Ok(None)), "{s}");
        }
        for s in ["TBDs are open", "? what", "XXL pods", "TBDX"] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
        // A bracketed note that the time is missing, and notes that say something else.
        for (s, token) in [
            ("[time TBD] the firmware is pushed", "[time TBD]"),
            ("(exact time unknown) paged", "(exact time unknown)"),
        ] {
            let e = scan_leading_time(s).unwrap_err();
            assert_eq!(e.kind, TimeErrorKind::Placeholder, "{s}");
            assert_eq!(&s[e.range.clone()], token, "{s}");
        }
        for s in [
            "(owner unknown) paged",
            "[time zone] noted",
            "(time) x",
            "[unknownx] y",
        ] {
            assert_eq!(scan_leading_time(s), Ok(None), "{s}");
        }
    }

    #[test]
    fn ranges() {
        let s = "02:00-04:30 maintenance";
        let (p, end) = scan(s);
        assert_eq!((p.time, p.zone.clone(), end), (t(2, 0, 0), None, 11));
        let u = p.until.clone().unwrap();
        assert_eq!((&s[u.time_range.clone()], u.time), ("04:30", t(4, 30, 0)));
        assert_eq!(p.range(), 0..11);

        let s = "02:00 - 04:30 UTC: maintenance";
        let (p, end) = scan(s);
        assert_eq!((p.zone.clone(), end), (Some(Zone::Utc), 17));
        assert_eq!(p.until.unwrap().time, t(4, 30, 0));

        let s = "from 10:51 to 12:26 CEST the API failed";
        let (p, end) = scan(s);
        assert_eq!(&s[..end], "from 10:51 to 12:26 CEST");
        assert_eq!(
            (p.time, p.until.clone().unwrap().time),
            (t(10, 51, 0), t(12, 26, 0))
        );
        assert_eq!(p.zone, Some(Zone::Abbrev(abbreviation("CEST").unwrap())));

        let (p, end) = scan("10:51 UTC to 12:26 UTC: outage");
        assert_eq!((p.zone.clone(), end), (Some(Zone::Utc), 22));
        let (p, _) = scan("10:51 – 12:26 outage");
        assert!(p.until.is_some());
        let (p, _) = scan("2:00-4:30 PM outage");
        assert_eq!((p.time, p.until.unwrap().time), (t(14, 0, 0), t(16, 30, 0)));

        // Parsed whole too, and `-04:30` is never an offset in a range.
        let p = parse_time("2024-06-10 02:00-04:30 UTC").unwrap();
        assert_eq!(
            (p.zone, p.until.unwrap().time),
            (Some(Zone::Utc), t(4, 30, 0))
        );
        let p = parse_time("02:00-04:30").unwrap();
        assert_eq!(p.zone, None);
        // RFC 3339, and a date with seconds: an offset.
        let p = parse_time("2024-06-10T02:00-04:30").unwrap();
        assert!(p.until.is_none());
        assert!(matches!(p.zone, Some(Zone::Offset(_))));
        let p = parse_time("2024-06-10 02:00:00-04:00").unwrap();
        assert!(p.until.is_none());
        let p = parse_time("10:00 -05:00").unwrap();
        assert!(p.until.is_none());

        // The end resolves on the same day, or the next when it comes first.
        let p = parse_time("2024-06-10 23:00-01:30 UTC").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(
            resolve_until(&p, &r, None),
            Some(ts("2024-06-11T01:30:00Z"))
        );
        let p = parse_time("2024-06-10 from 10:51 to 12:26 CEST").unwrap();
        assert_eq!(p.until.as_ref().unwrap().time, t(12, 26, 0));
        let p = parse_time("2024-06-10 10:51 to 12:26 CEST").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(
            resolve_until(&p, &r, None),
            Some(ts("2024-06-10T10:26:00Z"))
        );
    }

    #[test]
    fn slashed_dates_with_one_reading_are_dates() {
        let p = parse_time("31/01/2024 10:50 UTC").unwrap();
        assert_eq!(p.date, Some(date(2024, 1, 31)));
        let p = parse_time("01/31/2024 10:50 UTC").unwrap();
        assert_eq!(p.date, Some(date(2024, 1, 31)));
        let p = parse_time("05/05/2024 10:50").unwrap();
        assert_eq!(p.date, Some(date(2024, 5, 5)));
        let (p, end) = scan("13/07/2023 10:50 UTC deploy");
        assert_eq!((p.date, end), (Some(date(2023, 7, 13)), 20));
        let e = parse_time("01/07/2023 10:50").unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);
        assert!(
            e.message
                .contains("1 July 2023 (day first) or 7 January 2023 (month first)"),
            "{}",
            e.message
        );
        assert_eq!(scan_leading_time("13/07/2023: deploy"), Ok(None));
    }

    #[test]
    fn report_wide_zones() {
        for (text, zone) in [
            ("# Outage\n\nAll times in PST.\n", "PST"),
            ("Note: times are UTC unless stated.\n", "UTC"),
            ("All times are in CET\n", "CET"),
            ("All times are given in Europe/Paris.\n", "Europe/Paris"),
            ("## Timeline (CET)\n\n- 10:00 x\n", "CET"),
            ("## Timeline (all times UTC)\n", "UTC"),
            ("**Timeline (UTC)**\n", "UTC"),
            ("Times below: UTC+2\n", "UTC+2"),
            ("Outage on 2025-03-02 (times in CET)\n", "CET"),
            ("Date: 2025-10-14 (times UTC)\n", "UTC"),
            ("_By the team. All times are Pacific (PST)._\n", "Pacific"),
            ("**Times:** UTC\n", "UTC"),
            (
                "| Field | Value |\n|---|---|\n| Time zone | UTC+1 |\n",
                "UTC+1",
            ),
            ("Timezone: Europe/Berlin\n", "Europe/Berlin"),
        ] {
            let (range, _) = scan_report_zone(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(&text[range], zone, "{text:?}");
        }
        let (_, z) = scan_report_zone("All times in PST").unwrap();
        assert_eq!(z, Zone::Abbrev(abbreviation("PST").unwrap()));
        for text in [
            "Response times are in milliseconds.\n",
            "Sometimes UTC is used.\n",
            "All times in CST\n",
            "All times are local.\n",
            "## Timeline (draft)\n",
            "Latency (times vary by region)\n",
            "times\n",
            // A label whose value is not only a zone, or names no zone.
            "Times: see the table below\n",
            "Zone: eu-west-1\n",
            "| Time zone | UTC for the API, CET for the shop |\n",
        ] {
            assert_eq!(scan_report_zone(text), None, "{text:?}");
        }
        // The first statement wins.
        let (span, _) = scan_report_zone("## Timeline (UTC)\n\nAll times in CET\n").unwrap();
        assert_eq!(span.start, 13);
    }

    #[test]
    fn city_and_region_zones() {
        let iana = |z: &Option<Zone>| match z {
            Some(Zone::Iana(tz, _)) => tz.iana_name().map(str::to_string),
            _ => None,
        };
        for (s, name) in [
            ("10:00 Chicago", "America/Chicago"),
            ("10:00 Paris time", "Europe/Paris"),
            ("10:00 Pacific time", "America/Los_Angeles"),
            ("10:00 Eastern", "America/New_York"),
            ("10:00 New York", "America/New_York"),
            ("10:00 Sao Paulo time", "America/Sao_Paulo"),
            ("10:00 PT", "America/Los_Angeles"),
            ("10:00 ET", "America/New_York"),
        ] {
            assert_eq!(
                iana(&parse_time(s).unwrap().zone).as_deref(),
                Some(name),
                "{s}"
            );
        }
        let s = "10:00 Paris time: the API fails";
        let (p, end) = scan(s);
        assert_eq!((iana(&p.zone).as_deref(), end), (Some("Europe/Paris"), 16));
        // In prose a city needs `time`: it may be the first word of the text.
        let (p, end) = scan("10:00 Paris office reports errors");
        assert_eq!((p.zone, end), (None, 5));
        let (p, _) = scan("10:00 Central team paged");
        assert_eq!(p.zone, None);
        let (span, z) = scan_report_zone("All times are Pacific time.").unwrap();
        assert_eq!(span.start, 14);
        assert_eq!(iana(&Some(z)).as_deref(), Some("America/Los_Angeles"));
        // Resolved as the city's wall clock, in either season.
        let r = resolve_str("2024-07-01 10:00 Pacific time").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-01T17:00:00Z"));
    }

    #[test]
    fn date_lines_without_a_year_slashes_and_weekdays() {
        let ok = |s: &str, hint: Option<i16>| scan_date_line(s, hint).unwrap().unwrap();
        for s in ["31 Jan", "Jan 31", "**31 January:**", "Wednesday 31 Jan"] {
            let line = ok(s, Some(2024));
            assert_eq!(line.date, date(2024, 1, 31), "{s}");
            assert!(line.year_inferred, "{s}");
            assert_eq!(line.weekday_mismatch, None, "{s}");
            assert_eq!(scan_date_line(s, None), None, "{s}: no year, no hint");
        }
        let line = ok("Tuesday 3 March", Some(2026));
        assert_eq!((line.date, line.weekday_mismatch), (date(2026, 3, 3), None));
        let s = "### Monday 3 March 2026";
        let line = ok(
            s.trim_start_matches("# ").trim_start_matches('#').trim(),
            None,
        );
        let e = line.weekday_mismatch.unwrap();
        assert_eq!(e.kind, TimeErrorKind::WeekdayMismatch);
        assert!(
            e.message.contains("3 March 2026 is a Tuesday"),
            "{}",
            e.message
        );
        let s = "  Monday, 3 March 2026:";
        let e = ok(s, None).weekday_mismatch.unwrap();
        assert_eq!(&s[e.range], "Monday");
        assert_eq!(ok("31/01/2024", None).date, date(2024, 1, 31));
        assert_eq!(ok("01/31/2024", None).date, date(2024, 1, 31));
        let s = "Tue 01/07/2023";
        let e = scan_date_line(s, None).unwrap().unwrap_err();
        assert_eq!(e.kind, TimeErrorKind::AmbiguousDate);
        assert_eq!(&s[e.range], "01/07/2023");
        assert_eq!(parse_date_line("31/01/2024"), Some(date(2024, 1, 31)));
        assert_eq!(scan_date_line("Jan 99", Some(2024)), None);
        assert_eq!(scan_date_line("Deploy 31", Some(2024)), None);
        assert_eq!(
            first_year("x 12024-01-01 then 2023-06-10 and 2022-01-01"),
            Some(2023)
        );
        assert_eq!(first_year("no dates 2024-13-01"), None);
    }

    // --- dates ------------------------------------------------------------

    #[test]
    fn date_lines() {
        let d = Some(date(2024, 6, 10));
        for s in [
            "2024-06-10",
            "2024-06-10:",
            "June 10th, 2024",
            "June 10, 2024",
            "June 10 2024",
            "10 June 2024",
            "10th June 2024",
            "Monday, 10 June 2024",
            "Monday, June 10, 2024",
            "Mon 10 Jun 2024",
            "Jun 10 2024",
            "Jun. 10, 2024:",
            "june 10TH, 2024",
            "  June 10th, 2024:  ",
            "**June 10, 2024**",
            "**June 10, 2024:**",
            "Mon 2024-06-10",
        ] {
            assert_eq!(parse_date_line(s), d, "{s:?}");
        }
        assert_eq!(parse_date_line("Sept 1, 2023"), Some(date(2023, 9, 1)));
        assert_eq!(parse_date_line("1st March 2023"), Some(date(2023, 3, 1)));
        for s in [
            "",
            "01/07/2023",
            "7/1/2023",
            "June 2024",
            "June 10",
            "June 31, 2024",
            "Foo 10, 2024",
            "10 11 2024",
            "2024-06-10 16:05",
            "June 10th, 2024 deploy",
            "Monday",
            "June 10x, 2024",
            "June 123, 2024",
            "June 10, 24",
        ] {
            assert_eq!(parse_date_line(s), None, "{s:?}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(parse_iso_date("0000-01-01"), Some(date(0, 1, 1)));
        assert_eq!(parse_iso_date("9999-12-31"), Some(date(9999, 12, 31)));
        for s in [
            "2023-02-29",
            "2024-02-30",
            "2024-00-10",
            "2024-13-10",
            "2024-06-00",
            "2024-6-10",
            "99999-01-01",
            " 2024-06-10",
            "2024-06-10 ",
            "2024-06-100",
            "",
        ] {
            assert_eq!(parse_iso_date(s), None, "{s:?}");
        }
    }

    // --- resolution -------------------------------------------------------

    #[test]
    fn cest_in_summer_fits() {
        let r = resolve_str("2024-06-10 16:05 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
        assert_eq!(r.date, date(2024, 6, 10));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn cet_in_summer_is_a_season_mismatch_read_as_wall_clock() {
        let (p, _) = scan("10:52 CET: first alert");
        let r = resolve(&p, Some(date(2023, 7, 1)), None).unwrap();
        assert_eq!(r.timestamp, ts("2023-07-01T08:52:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
        assert_eq!(r.date, date(2023, 7, 1));
        let m = r.season_mismatch.unwrap();
        assert_eq!(m.written.name, "CET");
        assert_eq!(m.in_use, "CEST");
        assert_eq!(m.in_use_offset, Offset::from_hours(2).unwrap());
    }

    #[test]
    fn cet_in_winter_fits_and_cest_in_winter_mismatches() {
        let r = resolve_str("2024-01-15 10:00 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-15T09:00:00Z"));
        assert_eq!(r.season_mismatch, None);

        let r = resolve_str("2024-01-15 10:00 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-15T09:00:00Z"));
        let m = r.season_mismatch.unwrap();
        assert_eq!((m.written.name, m.in_use.as_str()), ("CEST", "CET"));
    }

    #[test]
    fn other_abbreviations() {
        let r = resolve_str("2024-07-04 12:00 EDT").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-04T16:00:00Z"));
        assert_eq!(r.season_mismatch, None);
        let r = resolve_str("2024-07-04 12:00 EST").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-04T16:00:00Z"));
        assert_eq!(r.season_mismatch.unwrap().in_use, "EDT");
        let r = resolve_str("2024-01-10 12:00 BST").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-10T12:00:00Z"));
        assert_eq!(r.season_mismatch.unwrap().in_use, "GMT");
        // Southern hemisphere: AEDT in January fits, AEST in January does not.
        let r = resolve_str("2024-01-10 12:00 AEDT").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-10T01:00:00Z"));
        assert_eq!(r.season_mismatch, None);
        assert!(
            resolve_str("2024-01-10 12:00 AEST")
                .unwrap()
                .season_mismatch
                .is_some()
        );
        let r = resolve_str("2024-01-10 12:00 ACST").unwrap();
        assert!(r.season_mismatch.is_some());
        assert_eq!(r.timestamp, ts("2024-01-10T01:30:00Z"));
        // No DST in the region: never a mismatch.
        for s in [
            "2024-01-10 12:00 JST",
            "2024-07-10 12:00 JST",
            "2024-07-10 12:00 AWST",
            "2024-07-10 12:00 HST",
            "2024-07-10 12:00 SGT",
            "2024-07-10 12:00 MSK",
        ] {
            assert_eq!(resolve_str(s).unwrap().season_mismatch, None, "{s}");
        }
        let r = resolve_str("2024-07-10 12:00 JST").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-10T03:00:00Z"));
        // Moscow was on +04:00 in 2012 and called it MSK: trust the tz database.
        let r = resolve_str("2012-07-10 12:00 MSK").unwrap();
        assert_eq!(r.timestamp, ts("2012-07-10T08:00:00Z"));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn abbreviation_written_inside_the_gap_keeps_its_offset() {
        // 02:30 did not exist on Paris clocks on 2024-03-31, so "CET" is taken
        // literally (01:30 UTC), but the region was already on CEST.
        let r = resolve_str("2024-03-31 02:30 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-03-31T01:30:00Z"));
        assert_eq!(r.offset, Offset::from_hours(1).unwrap());
        assert_eq!(r.season_mismatch.unwrap().in_use, "CEST");
        // In the fold, the abbreviation picks the instant.
        let r = resolve_str("2024-10-27 02:30 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T00:30:00Z"));
        assert_eq!(r.season_mismatch, None);
        let r = resolve_str("2024-10-27 02:30 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:30:00Z"));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn iana_zones() {
        let r = resolve_str("2024-06-10 16:05 Europe/Paris").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());

        let err = resolve_str("2024-03-31 02:30 Europe/Paris").unwrap_err();
        match err {
            ResolveError::Nonexistent(msg) => {
                assert!(msg.contains("does not exist in Europe/Paris"), "{msg}");
                assert!(msg.contains("+01:00 to +02:00"), "{msg}");
            }
            other => panic!("{other:?}"),
        }
        // Fold: both readings, no instant.
        match resolve_str("2024-10-27 02:45 Europe/Paris").unwrap_err() {
            ResolveError::Repeated { message, help } => {
                assert!(message.contains("happened twice"), "{message}");
                assert!(message.contains("+02:00 to +01:00"), "{message}");
                assert!(help.contains("`+02:00` for the first"), "{help}");
                assert!(help.contains("`CEST` or `CET`"), "{help}");
            }
            other => panic!("{other:?}"),
        }
        // The offset or the abbreviation says which one.
        let r = resolve_str("2024-10-27 02:45 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T00:45:00Z"));
        let r = resolve_str("2024-10-27 02:45 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:45:00Z"));
        let r = resolve_str("2024-10-27 02:45 +01:00").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:45:00Z"));
    }

    #[test]
    fn default_zone_and_context() {
        let p = parse_time("16:05").unwrap();
        assert_eq!(resolve(&p, None, None), Err(ResolveError::NoDate));
        assert_eq!(
            resolve(&p, Some(date(2024, 6, 10)), None),
            Err(ResolveError::NoZone)
        );
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let r = resolve(&p, Some(date(2024, 6, 10)), Some(&paris)).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        let gap = parse_time("02:30").unwrap();
        assert!(matches!(
            resolve(&gap, Some(date(2024, 3, 31)), Some(&paris)),
            Err(ResolveError::Nonexistent(_))
        ));
        // A written date wins over the context; a written zone over the default.
        let p = parse_time("2024-01-01 10:00 UTC").unwrap();
        let r = resolve(&p, Some(date(2024, 6, 10)), Some(&paris)).unwrap();
        assert_eq!(r.timestamp, ts("2024-01-01T10:00:00Z"));
        assert_eq!(r.date, date(2024, 1, 1));
    }

    #[test]
    fn unresolvable_zones() {
        match resolve_str("2024-06-10 10:00 NZT") {
            Err(ResolveError::Ambiguous { text, meanings }) => {
                assert_eq!(text, "NZT");
                assert!(meanings[0].contains("NZST"));
            }
            other => panic!("{other:?}"),
        }
        let e = resolve_str("2024-06-10 10:00 CST").unwrap_err();
        assert!(matches!(e, ResolveError::Ambiguous { .. }));
        assert!(e.to_string().contains("China Standard Time"), "{e}");
        let e = resolve_str("2024-06-10 10:00 XYZT").unwrap_err();
        assert_eq!(e, ResolveError::UnknownZone("XYZT".into()));
        assert_eq!(e.to_string(), "unknown time zone `XYZT`");
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for s in [
            "9999-12-31 23:59:59 -12:00",
            "9999-12-31 23:59 CET",
            "9999-12-31 23:59 Pacific/Auckland",
            "0000-01-01 00:00 +14:00",
            "0000-01-01 00:00 CEST",
            "0000-01-01 00:00 UTC",
            "1900-07-01 10:00 JST",
        ] {
            let _ = resolve_str(s);
        }
        let p = parse_time("23:59:59 -12:00").unwrap();
        let _ = resolve(&p, Some(date(9999, 12, 31)), None);
        let _ = resolve(&p, Some(Date::MIN), None);
        let p = parse_time("00:00").unwrap();
        let _ = resolve(&p, Some(Date::MIN), Some(&TimeZone::UTC));
        let _ = resolve(&p, Some(Date::MAX), Some(&TimeZone::fixed(Offset::MIN)));
    }

    // --- table and helpers ------------------------------------------------

    #[test]
    fn table_is_consistent() {
        for a in ABBREVIATIONS {
            assert_eq!(Offset::from_seconds(a.offset_seconds).unwrap(), a.offset());
            assert!(TimeZone::get(a.region).is_ok(), "{}", a.region);
            assert_eq!(abbreviation(a.name), Some(a), "duplicate {}", a.name);
            assert!(ambiguous_abbreviation(a.name).is_none(), "{}", a.name);
            if let Some(c) = a.counterpart
                && c != "GMT"
            {
                let other = abbreviation(c).unwrap();
                assert_eq!(other.region, a.region);
                assert_ne!(other.is_dst, a.is_dst);
                assert_eq!(other.counterpart, Some(a.name));
            }
        }
        assert_eq!(abbreviation("cest"), None);
        assert_eq!(abbreviation("UTC"), None);
        assert_eq!(abbreviation("CDT").unwrap().counterpart, None);
        let bst = abbreviation("BST").unwrap();
        assert_eq!(
            (bst.offset_seconds, bst.is_dst, bst.region),
            (3600, true, "Europe/London")
        );
        for name in ["CST", "IST", "AST", "NZT"] {
            assert!(ambiguous_abbreviation(name).is_some(), "{name}");
        }
        for name in ["ET", "CT", "MT", "PT"] {
            assert!(ambiguous_abbreviation(name).is_none(), "{name}");
        }
    }

    #[test]
    fn known_names() {
        let names: Vec<_> = known_zone_names().collect();
        for n in ["UTC", "GMT", "CEST", "Europe/Paris", "America/New_York"] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(!names.contains(&"CST"));
        for n in names {
            if n.contains('/') {
                assert!(TimeZone::get(n).is_ok(), "{n}");
            }
            // Every offered name must be recognised by the parser.
            let p = parse_time(&format!("10:00 {n}")).unwrap();
            assert!(!matches!(p.zone, Some(Zone::Unknown(_)) | None), "{n}");
        }
    }

    #[test]
    fn offsets_format() {
        assert_eq!(format_offset(Offset::from_hours(2).unwrap()), "+02:00");
        assert_eq!(format_offset(Offset::from_hours(-5).unwrap()), "-05:00");
        assert_eq!(format_offset(Offset::UTC), "+00:00");
        assert_eq!(
            format_offset(Offset::from_seconds(34200).unwrap()),
            "+09:30"
        );
        assert_eq!(
            format_offset(Offset::from_seconds(-12_345).unwrap()),
            "-03:25:45"
        );
    }

    #[test]
    fn nasty_inputs_never_panic() {
        let nasty = [
            "",
            " ",
            "\n",
            ":",
            "::",
            "1",
            "1:",
            "12:",
            "12:3",
            "99:99",
            "24:00",
            "23:60",
            "23:59:60",
            "00:00:00.",
            "00:00:00.0000000001",
            "2024-02-30",
            "2024-02-30 10:00",
            "99999-01-01",
            "99999-01-01 10:00",
            "9999-99-99T99:99:99Z",
            "2024-06-10T",
            "2024-06-10T10",
            "2024-06-10T10:00+",
            "2024-06-10T10:00+2",
            "2024-06-10T10:00+99:99",
            "2024-06-10T10:00-",
            "10:00 UTC+",
            "10:00 UTC+:",
            "10:00 UTC+99999999999999999999",
            "10:00 +99999999999999999999",
            "10:00 /",
            "10:00 A/",
            "10:00 /B",
            "10:00 Europe//Paris",
            "10:00 Europe/Paris/",
            "10:00 ../../etc/passwd",
            "10:00 Europe/../Paris",
            "10:00 é",
            "10:00é",
            "é10:00",
            "10:00 😀",
            "１０:００",
            "10：00",
            "0/0/0000",
            "00/00/0000 10:00",
            "99/99/9999",
            "1/1/1",
            "12/12/12",
            "99999999999999999999:00",
            "00:99999999999999999999",
            "10:00 a",
            "10:00 a.",
            "10:00 a.m",
            "10:00 p.m.x",
            "0:00 am",
            "13:00 pm",
            "\u{0}",
            "\u{feff}10:00",
            "10:00\u{0}",
            "Monday,",
            ",,,",
            "June",
            "June 0, 2024",
            "June 99, 99999",
            "31 February 2024",
            "**",
            "*",
            "_:",
            "**:**",
            "#",
        ];
        for s in nasty {
            for prefix in ["", "  ", "2024-06-10 ", "2024-06-10T"] {
                let s = format!("{prefix}{s}");
                if let Ok(p) = parse_time(&s) {
                    check_ranges(&s, &p);
                    let _ = resolve(&p, Some(date(2024, 6, 10)), Some(&TimeZone::UTC));
                } else if let Err(e) = parse_time(&s) {
                    assert!(
                        e.range.end <= s.len() && e.range.start <= e.range.end,
                        "{s:?}"
                    );
                    assert!(s.get(e.range.clone()).is_some(), "{s:?}");
                }
                match scan_leading_time(&s) {
                    Ok(Some((p, end))) => {
                        check_ranges(&s, &p);
                        assert!(s.is_char_boundary(end), "{s:?}");
                        let _ = resolve(&p, None, None);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        assert!(s.get(e.range.clone()).is_some(), "{s:?}");
                    }
                }
                let _ = parse_date_line(&s);
                let _ = parse_iso_date(&s);
            }
        }
    }

    #[test]
    fn random_inputs_never_panic() {
        // A small deterministic generator over the characters the scanners
        // care about, plus multi-byte ones.
        const PIECES: &[&str] = &[
            "0", "1", "2", "5", "9", ":", "-", "+", "/", ".", " ", "\t", "T", "Z", "z", "U", "C",
            "E", "S", "pm", "a.m.", "UTC", "CEST", "Europe/", "Paris", "_", ",", "é", "—", "😀",
            "2024-", "10:", "**", "June ", "th",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 10;
            let mut s = String::new();
            for _ in 0..len {
                let i = usize::try_from(next() % PIECES.len() as u64).unwrap();
                s.push_str(PIECES[i]);
            }
            if let Ok(p) = parse_time(&s) {
                check_ranges(&s, &p);
                let _ = resolve(&p, Some(date(2024, 3, 31)), Some(&TimeZone::UTC));
            }
            if let Ok(Some((p, end))) = scan_leading_time(&s) {
                check_ranges(&s, &p);
                assert!(s.is_char_boundary(end));
                let _ = resolve(&p, Some(date(2024, 10, 27)), None);
            }
            let _ = parse_date_line(&s);
        }
    }

    #[test]
    fn iana_names_with_punctuation() {
        let (p, end) = scan("10:13 America/Port-au-Prince: x");
        assert!(matches!(p.zone, Some(Zone::Iana(..))));
        assert_eq!(end, 28);
        let p = parse_time("2024-06-10 10:00 Etc/GMT+5").unwrap();
        let r = resolve(&p, None, None).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T15:00:00Z"));
        let p = parse_time("2024-06-10 10:00 europe/paris").unwrap();
        assert!(matches!(p.zone, Some(Zone::Iana(_, ref n)) if n == "europe/paris"));
    }

    fn check_ranges(s: &str, p: &ParsedTime) {
        for r in [
            p.date_range.clone(),
            Some(p.time_range.clone()),
            p.zone_range.clone(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(s.get(r.clone()).is_some(), "{s:?} {r:?}");
            assert!(r.start < r.end, "{s:?} {r:?}");
        }
    }
}
