//! Reading a zone written after a time: `Z`, offsets, `UTC+2`, abbreviations, IANA
//! names, places (`Paris time`, `Pacific`), and the prose heuristic for unknown
//! abbreviations. [`Mode`] says how bold to be: a whole value or a line of prose.

use std::ops::Range;

use jiff::tz::{Offset, TimeZone};

use crate::lex::{byte, count_digits, count_while, digits_value, is_word_byte, skip_blanks};
use crate::zone::{GENERIC_US, IANA_AREAS, NOT_ZONES};
use crate::{Abbreviation, TimeError, Zone, abbreviation, ambiguous_abbreviation, parse_time};

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

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
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
pub(crate) const REGION_NAMES: &[(&str, &str)] = &[
    ("pacific", "America/Los_Angeles"),
    ("mountain", "America/Denver"),
    ("central", "America/Chicago"),
    ("eastern", "America/New_York"),
    // "UK time": the United Kingdom's one clock (GMT in winter, BST in summer).
    ("uk", "Europe/London"),
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

/// A zone's full name as spelt out (`Pacific Daylight Time`, `Central European
/// Summer Time`, `Coordinated Universal Time`), lowercase, one space between
/// words, and the zone it names: an abbreviation of the table when the name says
/// its season (`Standard`, `Daylight`, `Summer`: the season check applies to them
/// exactly as to the abbreviations), UTC, or the IANA zone of a name that says
/// none (`Central European Time` is what Europe/Paris is called all year, as
/// `Pacific Time` is Los Angeles's).
const SPELLED: &[(&str, Spelled)] = &[
    ("pacific standard time", Spelled::Abbrev("PST")),
    ("pacific daylight time", Spelled::Abbrev("PDT")),
    ("mountain standard time", Spelled::Abbrev("MST")),
    ("mountain daylight time", Spelled::Abbrev("MDT")),
    ("central standard time", Spelled::UsCentral),
    ("central daylight time", Spelled::Abbrev("CDT")),
    ("eastern standard time", Spelled::Abbrev("EST")),
    ("eastern daylight time", Spelled::Abbrev("EDT")),
    ("alaska standard time", Spelled::Abbrev("AKST")),
    ("alaska daylight time", Spelled::Abbrev("AKDT")),
    ("hawaii standard time", Spelled::Abbrev("HST")),
    ("hawaii-aleutian standard time", Spelled::Abbrev("HST")),
    ("central european time", Spelled::Iana("Europe/Paris")),
    ("central european standard time", Spelled::Abbrev("CET")),
    ("central european summer time", Spelled::Abbrev("CEST")),
    ("central european daylight time", Spelled::Abbrev("CEST")),
    ("eastern european time", Spelled::Iana("Europe/Athens")),
    ("eastern european summer time", Spelled::Abbrev("EEST")),
    ("western european time", Spelled::Iana("Europe/Lisbon")),
    ("western european summer time", Spelled::Abbrev("WEST")),
    ("british summer time", Spelled::Abbrev("BST")),
    ("greenwich mean time", Spelled::Utc),
    ("coordinated universal time", Spelled::Utc),
    ("universal coordinated time", Spelled::Utc),
    ("australian eastern standard time", Spelled::Abbrev("AEST")),
    ("australian eastern daylight time", Spelled::Abbrev("AEDT")),
    ("australian central standard time", Spelled::Abbrev("ACST")),
    ("australian central daylight time", Spelled::Abbrev("ACDT")),
    ("australian western standard time", Spelled::Abbrev("AWST")),
    ("new zealand standard time", Spelled::Abbrev("NZST")),
    ("new zealand daylight time", Spelled::Abbrev("NZDT")),
    ("japan standard time", Spelled::Abbrev("JST")),
    ("korea standard time", Spelled::Abbrev("KST")),
    ("korean standard time", Spelled::Abbrev("KST")),
    ("hong kong time", Spelled::Abbrev("HKT")),
    ("singapore time", Spelled::Abbrev("SGT")),
    ("singapore standard time", Spelled::Abbrev("SGT")),
    ("moscow standard time", Spelled::Abbrev("MSK")),
    ("south african standard time", Spelled::Abbrev("SAST")),
    ("india standard time", Spelled::Iana("Asia/Kolkata")),
    ("indian standard time", Spelled::Iana("Asia/Kolkata")),
    ("china standard time", Spelled::Iana("Asia/Shanghai")),
    ("irish standard time", Spelled::Iana("Europe/Dublin")),
];

#[derive(Clone, Copy)]
enum Spelled {
    Abbrev(&'static str),
    /// US Central standard time: `CST` alone is ambiguous (China, Cuba), its
    /// full name is not.
    UsCentral,
    Utc,
    Iana(&'static str),
}

/// `Central Standard Time` spelt out: the table's `CST` is left out as
/// ambiguous, so the US meaning is its own entry here.
static US_CENTRAL_STANDARD: Abbreviation = Abbreviation {
    name: "CST",
    offset_seconds: -6 * 3600,
    is_dst: false,
    region: "America/Chicago",
    counterpart: Some("CDT"),
};

/// A zone's full name at `p` (`SPELLED`), matched without regard to case
/// (the first letter written capitalised), a word ending after it: the zone
/// and the name's range.
pub fn scan_spelled_zone(s: &str, p: usize) -> Option<(Zone, Range<usize>)> {
    spelled_zone(s, p, false)
}

/// Like [`scan_spelled_zone`], in any case ("pacific daylight time", "central
/// European summer time"): for a statement of the report's zone, where the words
/// before say a zone follows, not after any time in prose.
pub fn scan_spelled_zone_any_case(s: &str, p: usize) -> Option<(Zone, Range<usize>)> {
    spelled_zone(s, p, true)
}

fn spelled_zone(s: &str, p: usize, any_case: bool) -> Option<(Zone, Range<usize>)> {
    let b = s.as_bytes();
    let first = byte(b, p)?;
    if !(first.is_ascii_uppercase() || (any_case && first.is_ascii_lowercase())) {
        return None;
    }
    // The next few words, each with where it ends.
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut at = p;
    for _ in 0..5 {
        let len = count_while(b, at, |c| c.is_ascii_alphabetic() || c == b'-');
        if len == 0 {
            break;
        }
        words.push((s[at..at + len].to_ascii_lowercase(), at + len));
        let next = skip_blanks(b, at + len);
        if next == at + len || !byte(b, next).is_some_and(|c| c.is_ascii_alphabetic()) {
            break;
        }
        at = next;
    }
    let mut name = String::new();
    let mut best = None;
    for (word, end) in &words {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
        if let Some((_, zone)) = SPELLED.iter().find(|(n, _)| *n == name) {
            best = Some((*zone, *end));
        }
    }
    let (zone, end) = best?;
    let zone = match zone {
        Spelled::Abbrev(a) => Zone::Abbrev(abbreviation(a)?),
        Spelled::UsCentral => Zone::Abbrev(&US_CENTRAL_STANDARD),
        Spelled::Utc => Zone::Utc,
        Spelled::Iana(n) => Zone::Iana(TimeZone::get(n).ok()?, s[p..end].to_string()),
    };
    Some((zone, p..end))
}

/// A city or region name at `p` (`Paris`, `New York`, `Pacific`), optionally
/// followed by `time`: (IANA name, end, whether `time` followed). One or two
/// capitalised words, or a US region written in lowercase and followed by `time`
/// ("8:28am pacific time": the word `time` says a zone is meant).
pub(crate) fn scan_place(s: &str, p: usize) -> Option<(String, usize, bool)> {
    let b = s.as_bytes();
    if byte(b, p).is_some_and(|c| c.is_ascii_lowercase()) {
        return lowercase_region_time(s, p);
    }
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

/// A lowercase US region name at `p` followed by the word `time` (`pacific
/// time`, `eastern time`): (IANA name, end after `time`, true). City names are
/// not read in lowercase: many are common words.
fn lowercase_region_time(s: &str, p: usize) -> Option<(String, usize, bool)> {
    let b = s.as_bytes();
    let end = p + count_while(b, p, |c| c.is_ascii_lowercase());
    let written = s.get(p..end)?;
    let (_, name) = REGION_NAMES
        .iter()
        .find(|(r, _)| *r == written && *r != "uk")?;
    let after = skip_blanks(b, end);
    if after == end || s.get(after..after + 4)? != "time" || is_word_byte(byte(b, after + 4)) {
        return None;
    }
    Some(((*name).to_string(), after + 4, true))
}

/// Prose wrapped between a time and its zone (`By 18:40` / `UTC everyone could
/// log in`): where the zone starts on the next line, when the line break at `p`
/// is the only one and the next line opens with `UTC`, `GMT` or an abbreviation
/// of the table (not a city or a word: the next line is the sentence's own).
fn zone_on_next_line(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let after = match (byte(b, p), byte(b, p + 1)) {
        (Some(b'\n'), _) => p + 1,
        (Some(b'\r'), Some(b'\n')) => p + 2,
        _ => return None,
    };
    let q = skip_blanks(b, after);
    let letters = count_while(b, q, |c| c.is_ascii_uppercase());
    if letters < 2 || is_word_byte(byte(b, q + letters)) {
        return None;
    }
    let word = s.get(q..q + letters)?;
    (matches!(word, "UTC" | "GMT")
        || abbreviation(word).is_some()
        || ambiguous_abbreviation(word).is_some()
        || GENERIC_US.iter().any(|(g, _)| *g == word))
    .then_some(q)
}

/// A zone after a time that ended at `pos` (spaces/tabs may come first).
pub(crate) fn scan_zone(
    s: &str,
    pos: usize,
    mode: Mode,
    has_date: bool,
) -> Result<Option<(Zone, Range<usize>)>, TimeError> {
    let b = s.as_bytes();
    let mut p = skip_blanks(b, pos);
    if mode == Mode::Prose
        && let Some(q) = zone_on_next_line(s, p)
    {
        p = q;
    }
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
    // `Pacific Daylight Time`, `Central European Summer Time`.
    if let Some(found) = scan_spelled_zone(s, p) {
        return Ok(Some(found));
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
#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use crate::testing::*;

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
        // Prose wrapped between a time and its zone: an abbreviation opening the
        // next line is the time's zone; a word or a city there is not.
        let (p, end) = scan("18:40\nUTC everyone could log in again");
        assert_eq!((p.zone, end), (Some(Zone::Utc), 9));
        for s in [
            "18:40\nEurope first",
            "18:40\nParis time",
            "18:40\n\nUTC",
            "18:40\nUTCX",
        ] {
            assert_eq!(scan(s).0.zone, None, "{s:?}");
        }
        // A US region in lowercase is a zone when `time` follows, and only then.
        let (p, end) = scan("8:28am pacific time, a machine froze");
        assert_eq!(
            (iana(&p.zone).as_deref(), end),
            (Some("America/Los_Angeles"), 19)
        );
        for s in [
            "10:00 pacific team paged",
            "10:00 central timer",
            "10:00 paris time",
        ] {
            assert_eq!(scan(s).0.zone, None, "{s}");
        }
        let (span, z) = scan_report_zone("All times are Pacific time.").unwrap();
        assert_eq!(span.start, 14);
        assert_eq!(iana(&Some(z)).as_deref(), Some("America/Los_Angeles"));
        // Resolved as the city's wall clock, in either season.
        let r = resolve_str("2024-07-01 10:00 Pacific time").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-01T17:00:00Z"));
    }

    #[test]
    fn zones_spelt_out() {
        let abbr = |s: &str| match parse_time(s).unwrap().zone {
            Some(Zone::Abbrev(a)) => a.name.to_string(),
            Some(Zone::Utc) => "UTC".into(),
            Some(Zone::Iana(tz, _)) => tz.iana_name().unwrap_or_default().to_string(),
            other => format!("{other:?}"),
        };
        for (s, zone) in [
            ("3:12 PM Pacific Daylight Time", "PDT"),
            ("10:00 Eastern Standard Time", "EST"),
            ("10:00 Central Standard Time", "CST"),
            ("10:00 Central Daylight Time", "CDT"),
            ("10:00 Central European Summer Time", "CEST"),
            ("10:00 Central European Time", "Europe/Paris"),
            ("10:00 Central European Standard Time", "CET"),
            ("10:00 British Summer Time", "BST"),
            ("10:00 Greenwich Mean Time", "UTC"),
            ("10:00 Coordinated Universal Time", "UTC"),
            ("10:00 Australian Eastern Standard Time", "AEST"),
            ("10:00 India Standard Time", "Asia/Kolkata"),
        ] {
            assert_eq!(abbr(s), zone, "{s}");
        }
        // The season check applies to the daylight and standard forms as to
        // their abbreviations.
        let r = resolve_str("2025-01-14 10:00 Pacific Daylight Time").unwrap();
        assert_eq!(r.season_mismatch.unwrap().in_use, "PST");
        let r = resolve_str("2025-07-14 10:00 Central Standard Time").unwrap();
        assert_eq!(r.season_mismatch.unwrap().in_use, "CDT");
        assert_eq!(
            resolve_str("2025-06-24 15:12 Pacific Daylight Time")
                .unwrap()
                .season_mismatch,
            None
        );
        // Stated once for the report.
        for (text, name) in [
            (
                "All times below are Pacific Daylight Time.\n",
                "Pacific Daylight Time",
            ),
            (
                "Times are in Central European Summer Time.\n",
                "Central European Summer Time",
            ),
            (
                "All times are Coordinated Universal Time.\n",
                "Coordinated Universal Time",
            ),
        ] {
            let (range, _) = scan_report_zone(text).unwrap();
            assert_eq!(&text[range], name, "{text:?}");
        }
        // Not a whole name, or a longer word: not a zone.
        let (p, _) = scan("10:00 Central European team paged");
        assert_eq!(p.zone, None);
        let (p, _) = scan("10:00 Pacific Standard-Time-ish");
        assert_eq!(p.zone, None);
    }
}
