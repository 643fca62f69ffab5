//! A zone stated once for the whole report ("All times in PST", `## Timeline (CET)`,
//! `Time zone: UTC+1`).

use std::ops::Range;

use jiff::tz::TimeZone;

use crate::Zone;
use crate::lex::{byte, count_while, is_word_byte, skip_blanks, starts_with_word};
use crate::zone_scan::{Mode, REGION_NAMES, scan_place, scan_spelled_zone_any_case, scan_zone};

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
    // "All times in this report are ...", "Times in this post are in ...".
    "this",
    "the",
    "report",
    "document",
    "post",
    "page",
    "review",
    "write-up",
    "writeup",
    // "All times are local time in Singapore".
    "local",
    "time",
];

/// Skips filler words (and a `:`) at `pos`; returns the new position and how
/// many were skipped.
fn skip_fillers(s: &str, mut pos: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let mut n = 0;
    // At most a few words: "are all given in", "in this document are in local
    // time in".
    for _ in 0..8 {
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

/// The zone a statement of the report's zone names at `p`, in the words such a
/// statement uses beyond a zone's own name: a full name in any case ("pacific
/// daylight time", "central european summer time"), a US region in any case
/// with `time` ("eastern time"), a place's local time ("local time in Oslo",
/// "Oslo local time", "Berlin time"). The range is the zone's or place's name.
/// Only where the words before say a zone follows ("All times are ...").
pub fn scan_statement_zone(s: &str, p: usize) -> Option<(Zone, Range<usize>)> {
    if let Some(found) = scan_spelled_zone_any_case(s, p) {
        return Some(found);
    }
    let b = s.as_bytes();
    let rest = s.get(p..)?;
    let word_at = |at: usize, w: &str| {
        s.get(at..at + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
            && !is_word_byte(byte(b, at + w.len()))
    };
    // "local time in Oslo", "local time in the Oslo office" is not a zone.
    for lead in ["local time in", "local time at", "local time for"] {
        if rest
            .get(..lead.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(lead))
            && !is_word_byte(byte(b, p + lead.len()))
        {
            let q = skip_blanks(b, p + lead.len());
            let (name, end, _) = scan_place(s, q)?;
            let after = skip_blanks(b, end);
            if byte(b, after).is_some_and(|c| c.is_ascii_alphabetic()) && !word_at(after, "time") {
                return None;
            }
            let tz = TimeZone::get(&name).ok()?;
            return Some((Zone::Iana(tz, s.get(q..end)?.to_string()), q..end));
        }
    }
    // "Oslo local time", "Berlin time".
    if let Some((name, end, time_word)) = scan_place(s, p) {
        let local = skip_blanks(b, end);
        let local_time = word_at(local, "local") && word_at(skip_blanks(b, local + 5), "time");
        if (time_word || local_time)
            && let Ok(tz) = TimeZone::get(&name)
        {
            let end = if local_time {
                skip_blanks(b, local + 5) + 4
            } else {
                end
            };
            return Some((Zone::Iana(tz, s.get(p..end)?.to_string()), p..end));
        }
    }
    // "eastern time", "pacific time", "Eastern US time": a US region's wall clock.
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let region = rest.get(..len)?.to_ascii_lowercase();
    let (_, name) = REGION_NAMES.iter().find(|(r, _)| *r == region)?;
    let mut after = skip_blanks(b, p + len);
    for country in ["US", "U.S."] {
        if after > p + len && s.get(after..after + country.len()) == Some(country) {
            let next = skip_blanks(b, after + country.len());
            if next > after + country.len() {
                after = next;
            }
            break;
        }
    }
    if after == p + len || !word_at(after, "time") {
        return None;
    }
    let tz = TimeZone::get(name).ok()?;
    Some((Zone::Iana(tz, (*name).to_string()), p..after + 4))
}

/// A zone that can be applied to other times: not unknown, not ambiguous.
fn usable_zone(zone: Option<(Zone, Range<usize>)>) -> Option<(Zone, Range<usize>)> {
    zone.filter(|(z, _)| !matches!(z, Zone::Unknown(_) | Zone::Ambiguous { .. }))
}

/// The zone a statement names at `p`: one the time grammar reads after a time,
/// else a place standing alone ("Pacific", "Singapore", "UK time").
fn statement_zone(text: &str, p: usize) -> Option<(Zone, Range<usize>)> {
    // Both names of a region ("CET/CEST"): its wall clock, either season.
    let rest = text.get(p..).unwrap_or("");
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if let Some(a) = crate::abbreviation(word)
        && let Some(other) = a.counterpart
        && rest[word.len()..].starts_with('/')
        && rest[word.len() + 1..].starts_with(other)
        && !is_word_byte(rest.as_bytes().get(word.len() + 1 + other.len()).copied())
        && let Ok(tz) = TimeZone::get(a.region)
    {
        let end = p + word.len() + 1 + other.len();
        let written = text.get(p..end).unwrap_or("").to_string();
        return Some((Zone::Iana(tz, written), p..end));
    }
    match scan_zone(text, p, Mode::Prose, true) {
        Ok(found) if usable_zone(found.clone()).is_some() => found,
        _ => {
            // A place alone ("All times are Berlin", "Oslo local time"), but not
            // an office or a site ("the local time in Oslo office").
            let b = text.as_bytes();
            if let Some((name, end, _)) = scan_place(text, p)
                && let Ok(tz) = TimeZone::get(&name)
            {
                let next = skip_blanks(b, end);
                let mut word =
                    &text[next..next + count_while(b, next, |c| c.is_ascii_alphabetic())];
                // "Eastern US time": the country between a region and its clock.
                if word == "US" {
                    let after = skip_blanks(b, next + 2);
                    let time =
                        &text[after..after + count_while(b, after, |c| c.is_ascii_alphabetic())];
                    if after > next + 2 && time.eq_ignore_ascii_case("time") {
                        word = time;
                    }
                }
                if word.is_empty()
                    || word.eq_ignore_ascii_case("time")
                    || word.eq_ignore_ascii_case("local")
                {
                    let written = text.get(p..end).unwrap_or("").to_string();
                    return Some((Zone::Iana(tz, written), p..end));
                }
                return None;
            }
            // "All times are pacific daylight time", "... local time in Oslo".
            scan_statement_zone(text, p)
        }
    }
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
        // A label line `Timeline (Eastern US Time):` too.
        if (trimmed.starts_with('#')
            || trimmed.starts_with("**")
            || trimmed.starts_with("timeline"))
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
            if let Some((zone, range)) = statement_zone(text, p) {
                // `(Eastern US Time)`: a region read alone, then the words
                // that name its clock.
                let mut end = range.end;
                for word in ["US", "U.S.", "time"] {
                    let next = skip_blanks(b, end);
                    if next > end
                        && text
                            .get(next..next + word.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(word))
                        && !is_word_byte(byte(b, next + word.len()))
                    {
                        end = next + word.len();
                    }
                }
                if byte(b, skip_blanks(b, end)) == Some(b')') {
                    consider(Some((zone, range.start..end)));
                }
            }
        }
        for (i, _) in lower_line.match_indices("times") {
            let at = line_start + i;
            if i > 0 && is_word_byte(lower_line.as_bytes().get(i - 1).copied()) {
                continue;
            }
            // "All times UTC", and "(times UTC)" beside a date or a heading, or
            // among other notes in the parentheses ("(oldest first, times UTC)").
            let all = lower_line.get(..i).is_some_and(|before| {
                let open = before
                    .rfind('(')
                    .is_some_and(|o| !before[o..].contains(')'));
                let before = before.trim_end();
                before.ends_with("all")
                    || before.ends_with('(')
                    || (open && before.ends_with([',', ';']))
            });
            let (p, fillers) = skip_fillers(text, at + 5);
            if fillers == 0 && !all {
                continue;
            }
            // In a statement a place stands alone: "All times are Pacific (PST)".
            consider(statement_zone(text, p));
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
            // `**Times:** local time in Singapore`: the words before the zone.
            let (q, _) = skip_fillers(text, p);
            let found = usable_zone(scan_zone(text, p, Mode::Value, true).ok().flatten())
                .or_else(|| statement_zone(text, q));
            if let Some((zone, r)) = found
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
#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::testing::*;

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
            ("---- Work notes (oldest first, times UTC) ----\n", "UTC"),
            ("_By the team. All times are Pacific (PST)._\n", "Pacific"),
            ("**Times:** UTC\n", "UTC"),
            (
                "| Field | Value |\n|---|---|\n| Time zone | UTC+1 |\n",
                "UTC+1",
            ),
            ("Timezone: Europe/Berlin\n", "Europe/Berlin"),
            // The document named between "times" and the zone, a place after
            // "local time in", the UK's clock, a place as a label's value.
            ("All times in this report are US/Pacific.\n", "US/Pacific"),
            ("Times in this document are in utc.\n", "utc"),
            ("All times are local time in Singapore.\n", "Singapore"),
            ("All times are UK time.\n", "UK time"),
            ("## Timeline (local time in Singapore)\n", "Singapore"),
            ("**Times:** local time in Singapore\n", "Singapore"),
            ("## Timeline (CET/CEST)\n", "CET/CEST"),
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
            "Latency (p99, times in ms)\n",
            "We paged twice, times UTC unknown (see above)\n",
            "times\n",
            // A label whose value is not only a zone, or names no zone.
            "Times: see the table below\n",
            "Zone: eu-west-1\n",
            "| Time zone | UTC for the API, CET for the shop |\n",
            "All times in this report are approximate.\n",
            "Three times the team restarted the local time server.\n",
        ] {
            assert_eq!(scan_report_zone(text), None, "{text:?}");
        }
        // Names in any case, a US region's time, a place's local time.
        for (text, zone) in [
            (
                "All times are pacific daylight time.\n",
                "pacific daylight time",
            ),
            (
                "All times below are central European summer time\n",
                "central European summer time",
            ),
            ("Times are in eastern time.\n", "eastern time"),
            ("## Timeline (Eastern US Time)\n", "Eastern US Time"),
            ("Timeline (Eastern US Time):\n", "Eastern US Time"),
            ("All times are local time in Oslo.\n", "Oslo"),
            ("All times are Oslo local time.\n", "Oslo"),
            ("## Timeline (pacific time)\n", "pacific time"),
            ("## Timeline (local time in New York)\n", "New York"),
        ] {
            let (range, _) = scan_report_zone(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(&text[range], zone, "{text:?}");
        }
        let (_, z) = scan_report_zone("All times are pacific daylight time.").unwrap();
        assert_eq!(z, Zone::Abbrev(abbreviation("PDT").unwrap()));
        for text in [
            "All times are approximate; local time in the office was later.\n",
            "All times are in the local time in Oslo office.\n",
            "All times are local time in Oslo office hours.\n",
            "All times are eastern.\n",
            "All times are pacific standard.\n",
            "## Timeline (eastern region)\n",
            "It was eastern time zone night.\n",
        ] {
            assert_eq!(scan_report_zone(text), None, "{text:?}");
        }
        // The first statement wins.
        let (span, _) = scan_report_zone("## Timeline (UTC)\n\nAll times in CET\n").unwrap();
        assert_eq!(span.start, 13);
    }
}
