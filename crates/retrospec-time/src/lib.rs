//! Time expressions in postmortems: parsing with byte ranges, and resolution
//! to instants.
//!
//! Postmortems write times in many ways: RFC 3339 values in YAML milestones,
//! `2024-06-10 16:05 CEST` in front matter, `16:05 CEST: Service degradation
//! began` at the start of a Markdown timeline item, with the date in a heading
//! above (`June 10th, 2024`). This module parses those forms, remembers where
//! each part was written (byte ranges, so diagnostics can point at the exact
//! text), and resolves them to a [`Timestamp`](jiff::Timestamp).
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
//!          | YYYY/M[M]/D[D]                   (year first: one reading)
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
//! * [`resolve`](resolve()) places a parsed time; [`resolve_until`] places the end of a
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
//! time. `MST` stands for America/Denver; Arizona (America/Phoenix) keeps MST
//! all year, so a summer `MST` is right there: [`kept_all_year_in`] names the
//! region, and [`names_seasonal_region`] says whether a report means Denver's
//! clock instead (it writes `MDT`, or names Denver's zone or a place on it).
//!
//! # Resolution
//!
//! [`resolve`](resolve()) combines the time with its date (written, or from context such
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

mod clock;
mod date;
mod grammar;
mod lex;
mod named_zone;
mod parsed;
mod prose;
mod report_zone;
mod resolve;
#[cfg(test)]
mod testing;
mod year_round;
mod zone;
mod zone_scan;

pub use date::{
    DateLine, MONTH_NAMES, first_year, month_from_name, parse_date_line, parse_iso_date,
    scan_date_line, states_weekday_and_day, weekday_from_name,
};
pub use grammar::{parse_time, scan_leading_time};
pub use named_zone::{NameUses, NamedZone, named_zones, used_as_a_name};
pub use parsed::{APPROXIMATE_TOLERANCE_SECONDS, ParsedTime, RangeEnd, TimeError, TimeErrorKind};
pub use prose::{
    APPROXIMATE_JOIN_WORDS, ProseTime, heading_year, is_approximate_join, report_year,
    scan_prose_times, slashed_order,
};
pub use report_zone::{scan_report_zone, scan_statement_zone};
pub use resolve::{ResolveError, Resolved, SeasonMismatch, resolve, resolve_until};
pub use year_round::{kept_all_year_in, names_seasonal_region};
pub use zone::{
    Abbreviation, Zone, abbreviation, ambiguous_abbreviation, format_offset, known_zone_names,
    settled_abbreviation,
};
pub use zone_scan::{names_zone, scan_spelled_zone, scan_spelled_zone_any_case};
