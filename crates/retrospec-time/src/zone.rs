//! Zones: what a zone written after a time can be ([`Zone`]), the hand-written table
//! of abbreviations with their regions, the lists the readers consult (ambiguous
//! abbreviations, US generic names, IANA areas, words that are not zones), and
//! lookups in them.

use jiff::tz::{Offset, TimeZone};

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
    // The German names of the same two (Mitteleuropäische [Sommer]zeit), as
    // German writers keep them in English reports.
    abbr("MEZ", H, false, "Europe/Berlin", Some("MESZ")),
    abbr("MESZ", 2 * H, true, "Europe/Berlin", Some("MEZ")),
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
    // Gulf Standard Time. Also South Georgia Time (-02:00), an island of a few
    // dozen people: the Gulf meaning is the one reports use.
    abbr("GST", 4 * H, false, "Asia/Dubai", None),
    abbr("PKT", 5 * H, false, "Asia/Karachi", None),
    abbr("PHT", 8 * H, false, "Asia/Manila", None),
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
pub(crate) const GENERIC_US: &[(&str, &str)] = &[
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
pub(crate) const IANA_AREAS: &[&str] = &[
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
pub(crate) const NOT_ZONES: &[&str] = &[
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

/// The possible meanings of an ambiguous abbreviation (`CST`, `IST`, `AST`,
/// `NZT`; case-sensitive).
pub fn ambiguous_abbreviation(name: &str) -> Option<&'static [&'static str]> {
    AMBIGUOUS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, meanings)| *meanings)
}

/// `CST` in a report that also writes `CDT`: the US Central clock's other
/// season is named, so `CST` there is US Central Standard Time, and its season is
/// checked as any other abbreviation's (`03:20 CST` just after the clocks moved
/// to `CDT` is a finding, not an ambiguity).
static CST_CENTRAL: Abbreviation = abbr("CST", -6 * H, false, "America/Chicago", Some("CDT"));

/// The meaning of the ambiguous abbreviation `name` that `text` (the report)
/// settles by naming the same region's other season as a word of its own:
/// `CST` beside `CDT`. `None` for any other, and when `text` does not settle it.
pub fn settled_abbreviation(name: &str, text: &str) -> Option<&'static Abbreviation> {
    let word = |w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    (name == "CST" && word("CDT")).then_some(&CST_CENTRAL)
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
#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::testing::*;

    #[test]
    fn cst_beside_cdt_is_us_central() {
        let a = super::settled_abbreviation("CST", "23:40 CST, then 03:20 CDT").expect("settled");
        assert_eq!(
            (a.region, a.offset_seconds, a.counterpart),
            ("America/Chicago", -6 * 3600, Some("CDT"))
        );
        assert!(super::settled_abbreviation("CST", "23:40 CST, CDTX").is_none());
        assert!(super::settled_abbreviation("IST", "10:00 IST, 11:00 IDT").is_none());
    }

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
}
