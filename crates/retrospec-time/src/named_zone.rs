//! Every zone a text names anywhere, whatever the sentence around it: the
//! fallback when no report-wide statement is read ([`crate::scan_report_zone`])
//! and some times have no zone. A reviewer who finds "All times are\nEastern." in
//! a byline, or `CEST (Berlin)` in a closing line, knows the zone without a
//! grammar for the sentence; this reads the names, not the phrasing.

use std::ops::Range;

use jiff::tz::TimeZone;

use crate::Zone;
use crate::lex::{byte, is_word_byte, skip_blanks};
use crate::zone_scan::{Mode, scan_place, scan_spelled_zone, scan_zone};

/// A zone named in the text: where, and which.
#[derive(Debug, Clone)]
pub struct NamedZone {
    /// The byte range of the name as written.
    pub range: Range<usize>,
    /// The zone it names.
    pub zone: Zone,
}

impl NamedZone {
    /// The region the name belongs to, as the pair of UTC offsets (in seconds)
    /// its clocks show in January and in July 2025: `PST`, `PDT` and "Pacific"
    /// share one, `CET`, `CEST`, "Berlin time" and "Paris time" another; `UTC`,
    /// `GMT` and `Z` are `(0, 0)`, which `BST` ("UK time") is not.
    pub fn region(&self) -> Option<(i32, i32)> {
        let tz = match &self.zone {
            Zone::Utc => return Some((0, 0)),
            Zone::Offset(o) => return Some((o.seconds(), o.seconds())),
            Zone::Abbrev(a) => TimeZone::get(a.region).ok()?,
            Zone::Iana(tz, _) => tz.clone(),
            Zone::Ambiguous { .. } | Zone::Unknown(_) => return None,
        };
        let at = |m: i8| {
            let dt = jiff::civil::date(2025, m, 15).at(12, 0, 0, 0);
            tz.to_timestamp(dt)
                .ok()
                .map(|ts| tz.to_offset(ts).seconds())
        };
        Some((at(1)?, at(7)?))
    }
}

/// Words before a region name ("Pacific", "Eastern") that make it the zone of
/// times: "All times are\nEastern.", "in Pacific".
const REGION_LEADS: &[&str] = &["in", "are", "is", "times", "time"];

/// Zone abbreviations that are also common acronyms in incident reports.
const ACRONYMS: &[&str] = &["SAST", "ART", "WAT", "CAT", "EAT", "MSK"];

/// Nouns after an abbreviation that make it the name of a group of people: "IST
/// staff", "the CAT team", "EET engineers".
const NAME_NOUNS: &[&str] = &[
    "staff",
    "team",
    "teams",
    "group",
    "groups",
    "engineer",
    "engineers",
    "department",
    "dept",
    "office",
    "offices",
    "support",
    "helpdesk",
    "admins",
    "administrators",
    "members",
    "on-call",
    "oncall",
    "operations",
    "ops",
    "personnel",
    "colleagues",
    "folks",
    "people",
    "leadership",
];

/// Whether the abbreviation at `range` in `text` is used as the name of an
/// organisation or a group, not a zone: possessive ("IST's notice"), before a noun
/// for people ("IST staff restarted the hosts", "the CAT team"), the subject of a
/// verb in the past at the head of a clause ("At 10:00 MST, IST posted a
/// notice"), after "our"/"their" ("our EET group"), or anywhere in a text that spells it out as a name beside it
/// ("Information Services and Technology (IST)", "IST (Information Services and
/// Technology)"). A zone after a clock (`10:00 IST`) stays one otherwise.
///
/// For many uses in one text, [`NameUses`] reads each abbreviation's spelled-out
/// name once.
pub fn used_as_a_name(text: &str, range: Range<usize>) -> bool {
    NameUses::new(text).is_name(range)
}

/// [`used_as_a_name`] for the uses of one text: whether an abbreviation is
/// spelled out as a name is read once per abbreviation (a pass over the text).
#[derive(Debug)]
pub struct NameUses<'t> {
    text: &'t str,
    spelled: Vec<(String, bool)>,
}

impl<'t> NameUses<'t> {
    pub fn new(text: &'t str) -> Self {
        NameUses {
            text,
            spelled: Vec::new(),
        }
    }

    /// Whether the abbreviation at `range` is used as a name ([`used_as_a_name`]).
    pub fn is_name(&mut self, range: Range<usize>) -> bool {
        let text = self.text;
        let Some(word) = text.get(range.clone()) else {
            return false;
        };
        if !(2..=5).contains(&word.len())
            || !word.bytes().all(|c| c.is_ascii_uppercase())
            || matches!(word, "UTC" | "GMT")
        {
            return false;
        }
        if used_as_a_name_here(text, range) {
            return true;
        }
        if let Some((_, spelled)) = self.spelled.iter().find(|(w, _)| w == word) {
            return *spelled;
        }
        let spelled = spelled_out(text, word);
        self.spelled.push((word.to_string(), spelled));
        spelled
    }
}

/// [`used_as_a_name`] from the words around the use alone.
fn used_as_a_name_here(text: &str, range: Range<usize>) -> bool {
    let after = &text[range.end..];
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return true;
    }
    let next: String = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
        .collect();
    if after.starts_with([' ', '\t']) && NAME_NOUNS.contains(&next.to_ascii_lowercase().as_str()) {
        return true;
    }
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    let on_a_clock = is_clock_end(before.as_bytes(), before.len());
    if !on_a_clock {
        let lead = before
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // The subject of a verb in the past at the head of a clause: "IST posted
        // a notice", "At 10:00 MST, IST restarted" (not "times are PST based on").
        let clause_head =
            before.is_empty() || before.ends_with(['.', ',', ';', ':', '\n', '(', '-', '*']);
        let past = next.len() > 3
            && next.ends_with("ed")
            && next.starts_with(|c: char| c.is_ascii_lowercase());
        let time_word = matches!(
            next.to_ascii_lowercase().as_str(),
            "time" | "times" | "timestamp" | "timestamps" | "clock" | "clocks" | "zone" | "offset"
        );
        if past && clause_head && after.starts_with(' ')
            || matches!(lead.as_str(), "our" | "their") && !time_word
        {
            return true;
        }
    }
    false
}

/// Whether `text` spells `abbreviation` out as a name beside it: capitalised
/// words whose initials spell it, then the abbreviation in brackets, or the
/// other way round ("Information Services and Technology (IST)"); not a zone's
/// own name ("India Standard Time (IST)").
fn spelled_out(text: &str, abbreviation: &str) -> bool {
    let initials = |words: &str| -> String {
        words
            .split_whitespace()
            .filter(|w| !matches!(*w, "and" | "of" | "for" | "the" | "&"))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let bracketed = format!("({abbreviation})");
    let mut from = 0;
    while let Some(at) = text[from..].find(&bracketed) {
        let at = from + at;
        let before = text[..at].trim_end();
        let words: Vec<&str> = before
            .rsplit(|c: char| !(c.is_alphabetic() || c == ' ' || c == '&'))
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let n = abbreviation.len();
        // The last capitalised words (with the small words between them).
        for take in n..=(2 * n + 2).min(words.len()) {
            let tail = words[words.len() - take..].join(" ");
            if initials(&tail) == abbreviation
                && tail.starts_with(|c: char| c.is_uppercase())
                && !tail.split_whitespace().any(|w| w == "Time")
                && tail.split_whitespace().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        || matches!(w, "and" | "of" | "for" | "the" | "&")
                })
            {
                return true;
            }
        }
        from = at + bracketed.len();
    }
    let lead = format!("{abbreviation} (");
    let mut from = 0;
    while let Some(at) = text[from..].find(&lead) {
        let start = from + at + lead.len();
        if let Some(close) = text[start..].find(')') {
            let inner = &text[start..start + close];
            if inner.split_whitespace().count() >= abbreviation.len().min(2)
                && inner.starts_with(|c: char| c.is_uppercase())
                && initials(inner) == abbreviation
                && !inner.split_whitespace().any(|w| w == "Time")
            {
                return true;
            }
        }
        from = start;
    }
    false
}

/// The zones `text` names, in order: abbreviations on times or in prose (`PST`,
/// `CEST`, `UTC`, `GMT`, written in capitals), `UTC+2`, an offset on a time
/// (`10:00 +02:00`, `10:00:00-05:00`), `Z` on an ISO time, zones spelt out
/// ("Central European Time"), and region or city words used as a zone: "Pacific
/// time", "Berlin time", "local time in Oslo", and a region alone where a zone
/// is expected ("are Eastern.", "in Pacific", "Central European").
///
/// Not a zone: a city or country alone ("offices in Lisbon"), "local time" with
/// no place, an ambiguous abbreviation (`IST`, `CST`) or an unknown one. The
/// caller masks code, logs and links.
pub fn named_zones(text: &str) -> Vec<NamedZone> {
    let b = text.as_bytes();
    let mut out: Vec<NamedZone> = Vec::new();
    let mut names = NameUses::new(text);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let word_start = i == 0 || !is_word_byte(Some(b[i - 1]));
        let found = if c == b'Z' && is_clock_end(b, i) && !is_word_byte(byte(b, i + 1)) {
            Some((Zone::Utc, i..i + 1))
        } else if (c == b'+' && is_clock_end(b, skip_back_blanks(b, i)))
            // `-05:00` only on a clock with seconds (`10:05:00-05:00`): after
            // `10:00` it is a range's end (`10:00-11:30`).
            || (c == b'-' && is_clock_end(b, i) && i >= 6 && b[i - 6] == b':')
        {
            usable(scan_zone(text, i, Mode::Prose, true).ok().flatten())
        } else if c.is_ascii_uppercase() && word_start {
            word_zone(text, i)
        } else {
            None
        };
        // An abbreviation used as a name ("IST staff", "EET posted a notice").
        let found = found.filter(|(z, r)| {
            !(matches!(z, Zone::Abbrev(_)) && used_as_a_name_in_prose(&mut names, text, r.clone()))
        });
        match found {
            Some((zone, r)) => {
                i = r.end.max(i + 1);
                out.push(NamedZone { range: r, zone });
            }
            None => i += 1,
        }
    }
    out
}

/// [`used_as_a_name`], but "the JST team" (a zone's people) still names the
/// zone: in prose only a possessive, the subject of a verb in the past or a name
/// spelled out beside it make an abbreviation a name.
fn used_as_a_name_in_prose(names: &mut NameUses<'_>, text: &str, range: Range<usize>) -> bool {
    let after = text[range.end..].trim_start_matches(' ');
    let next: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let people = NAME_NOUNS.contains(&next.to_ascii_lowercase().as_str());
    let before = text[..range.start].trim_end();
    let lead = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    names.is_name(range) && !(people && lead == "the")
}

fn usable(found: Option<(Zone, Range<usize>)>) -> Option<(Zone, Range<usize>)> {
    found.filter(|(z, _)| !matches!(z, Zone::Unknown(_) | Zone::Ambiguous { .. }))
}

/// Whether a clock (`10:05`, `10:05:30`) ends just before `at`.
fn is_clock_end(b: &[u8], at: usize) -> bool {
    at >= 5
        && b[at - 1].is_ascii_digit()
        && b[at - 2].is_ascii_digit()
        && b[at - 3] == b':'
        && b[at - 4].is_ascii_digit()
}

fn skip_back_blanks(b: &[u8], mut at: usize) -> usize {
    while at > 0 && b[at - 1] == b' ' {
        at -= 1;
    }
    at
}

/// A zone named by the capitalised word at `p`.
fn word_zone(text: &str, p: usize) -> Option<(Zone, Range<usize>)> {
    let b = text.as_bytes();
    let len = b[p..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &text[p..p + len];
    if let Some(found) = scan_spelled_zone(text, p) {
        return Some(found);
    }
    // An abbreviation in capitals: `PST`, `CEST`, `UTC`, `UTC+2`, `GMT`.
    if (2..=5).contains(&len) && word.bytes().all(|c| c.is_ascii_uppercase()) {
        // An acronym that is also a zone's (`SAST` the scan, `CT` the scan, `PT`
        // part-time) is a zone only on a time or where a zone is expected: "at
        // 10:05 CT", "(PT)", "times in ET".
        let before = text[..p].trim_end_matches([' ', '(']);
        let lead = before
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let placed = is_clock_end(before.as_bytes(), before.len())
            || text[..p].ends_with('(')
            || REGION_LEADS.contains(&lead.as_str());
        if (len == 2 || ACRONYMS.contains(&word)) && !placed {
            return None;
        }
        return usable(scan_zone(text, p, Mode::Prose, true).ok().flatten())
            .filter(|(_, r)| r.start == p);
    }
    // "Central European": Central Europe's clock, not the US Central one.
    let after = skip_blanks(b, p + len);
    if word == "Central" && text[after..].starts_with("European") {
        let end = after + "European".len();
        if !is_word_byte(byte(b, end)) {
            let tz = TimeZone::get("Europe/Paris").ok()?;
            return Some((Zone::Iana(tz, text[p..end].to_string()), p..end));
        }
    }
    let (name, end, time_word) = scan_place(text, p)?;
    let tz = TimeZone::get(&name).ok()?;
    let region = matches!(
        word.to_ascii_lowercase().as_str(),
        "pacific" | "mountain" | "central" | "eastern"
    );
    let before = text[..p].trim_end();
    let lead = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // "local time in Oslo", "local time in New York".
    let local_in = before.to_ascii_lowercase().ends_with("local time in");
    // A region alone where a zone is expected: after "are"/"in", before the end
    // of the clause or the zone's abbreviation in brackets.
    let ends_clause = matches!(
        byte(b, skip_blanks(b, end)),
        None | Some(b'.' | b',' | b';' | b')' | b'(' | b'\n' | b'\r' | b'*' | b'_')
    );
    // After "in", a word of the sentence may follow ("in Pacific below"), not a
    // name ("in Eastern Europe") or a list ("in Central and Eastern").
    let next_word = text[skip_blanks(b, end)..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let sentence_goes_on = lead == "in"
        && next_word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(next_word, "and" | "or");
    // A label's value: "Clock readings: Pacific, from the pager".
    let label_value = before.ends_with(':');
    let alone = region
        && ((REGION_LEADS.contains(&lead.as_str()) || label_value) && ends_clause
            || sentence_goes_on);
    (time_word || local_in || alone).then(|| (Zone::Iana(tz, text[p..end].to_string()), p..end))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn names(text: &str) -> Vec<&str> {
        named_zones(text)
            .into_iter()
            .map(|n| &text[n.range])
            .collect()
    }

    #[test]
    fn zones_named_anywhere() {
        for (text, want) in [
            ("All times are\nEastern.", vec!["Eastern"]),
            ("on this page are CEST (Berlin).", vec!["CEST"]),
            ("at 10:05 PST and 11:00 PDT", vec!["PST", "PDT"]),
            ("at 2025-03-02T10:05:00Z", vec!["Z"]),
            ("at 10:05 +02:00", vec!["+02:00"]),
            ("at 2025-03-02T10:05:00-05:00", vec!["-05:00"]),
            ("clocks in UTC+2 here", vec!["UTC+2"]),
            (
                "at 10:05 CT and (PT) and times in ET",
                vec!["CT", "PT", "ET"],
            ),
            ("the JST team", vec!["JST"]),
            ("I kept everything in Pacific below", vec!["Pacific"]),
            ("servers in Eastern Europe", vec![]),
            ("sites in Central and Eastern Europe", vec![]),
            ("I kept everything in Pacific.", vec!["Pacific"]),
            ("in Pacific time below", vec!["Pacific time"]),
            ("Berlin time throughout", vec!["Berlin time"]),
            ("local time in Oslo.", vec!["Oslo"]),
            ("Central European, as always", vec!["Central European"]),
            ("Clock readings: Eastern, from the pager", vec!["Eastern"]),
            ("Central European Time", vec!["Central European Time"]),
            ("Pacific Standard Time", vec!["Pacific Standard Time"]),
        ] {
            assert_eq!(names(text), want, "{text:?}");
        }
    }

    #[test]
    fn not_zones() {
        for text in [
            "offices in Lisbon and Toronto",
            "all in local time",
            "our time zone handling",
            "times in IST",
            "the CST team",
            "a NASA budget",
            "the Eastern region failed over",
            "Region: Eastern Europe",
            "Z-wave sensors",
            "version 1.2-3",
            "down from 10:00-11:30 and 12:00 - 12:15",
            "the SAST scan and a CT and PT rota",
            "At noon, EET posted a notice",
            "EET's notice went out first",
            "our WAT group helped",
            "- AST restarted the hosts",
            "The Enterprise Engineering Team (EET) owns it; EET staff paged us",
        ] {
            assert!(names(text).is_empty(), "{text:?}: {:?}", names(text));
        }
    }

    #[test]
    fn abbreviations_used_as_names() {
        let name = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            used_as_a_name(text, at..at + word.len())
        };
        for (text, word) in [
            ("10:40 IST staff restarted the hosts", "IST"),
            ("At 10:00 MST, IST posted a notice", "IST"),
            ("IST's notice", "IST"),
            ("our CAT group", "CAT"),
            (
                "10:05 IST posts a notice. Information Services and Technology (IST) owns it.",
                "IST",
            ),
            (
                "10:05 IST posts a notice. IST (Information Services and Technology) owns it.",
                "IST",
            ),
        ] {
            assert!(name(text, word), "{text}");
        }
        for (text, word) in [
            ("10:00 IST VPN down", "IST"),
            ("at 10:05 IST, the hosts restarted", "IST"),
            ("Times are PST based on the pager", "PST"),
            ("All times PST, adjusted for daylight saving", "PST"),
            ("10:00 UTC staff paged", "UTC"),
            ("our PST timestamps", "PST"),
            (
                "10:05 IST posts a notice. Indian Standard Time (IST) throughout.",
                "IST",
            ),
        ] {
            assert!(!name(text, word), "{text}");
        }
    }

    #[test]
    fn regions_group_the_names_of_one_clock() {
        let region = |t: &str| named_zones(t)[0].region();
        assert_eq!(region("PST"), region("in Pacific."));
        assert_eq!(region("PDT"), region("Pacific time"));
        assert_eq!(region("CET"), region("Berlin time"));
        assert_eq!(region("CEST"), region("Central European."));
        assert_eq!(region("UTC"), region("GMT"));
        assert_ne!(region("GMT"), region("BST"));
        assert_ne!(region("CET"), region("UTC"));
    }
}
