//! Timelines written as sentences, one event to a paragraph or line, each led by
//! its clock time: `At 9:47 a.m., latency began to climb`, `At approximately 3:47
//! PM PT, deliveries began to fail`, `Shortly before 11 a.m. (10:52 a.m.), the team
//! started ...` (the exact time in parentheses is the one read), `At noon, ...`.
//!
//! Only a time that leads its sentence after one of a few words (`at`, `around`,
//! `by`, `shortly before`, ...) is read, and it must be a clock (a colon or AM/PM:
//! "At 10 servers" is not a time). A time inside a sentence about something else
//! ("restored from the 09:00 backup") never is.

use std::ops::Range;

use crate::time::{self, ParsedTime};

/// The words that lead a sentence to its time, longest first (lowercase).
const LEADS: &[&str] = &[
    "beginning at approximately",
    "beginning around",
    "beginning at",
    "starting around",
    "starting at",
    "at approximately",
    "at about",
    "at around",
    "at roughly",
    "shortly before",
    "shortly after",
    "just before",
    "just after",
    "soon after",
    "approximately",
    "around",
    "at",
    "by",
];

/// A sentence led by its time.
#[derive(Debug)]
pub(crate) struct Anchored {
    /// Where the time read is, in the line.
    pub clock: Range<usize>,
    pub parsed: ParsedTime,
    /// The time as it goes into the tree (`12:00` for `noon`).
    pub written: String,
    /// Where the entry's text starts, after the time and its separator.
    pub text_at: usize,
    /// The date written right after the clock with its year (`At 02:10 UTC
    /// 2025-06-14 the push ran`, `By 04:05 UTC on 14 June 2025, ...`): the entry's
    /// date, and the date of the entries below it.
    pub date: Option<jiff::civil::Date>,
}

/// The time leading `line` (see the module documentation), or `None`.
pub(crate) fn anchored(line: &str) -> Option<Anchored> {
    let lower = line.get(..line.len().min(24))?.to_ascii_lowercase();
    let lead = LEADS.iter().find(|l| {
        lower.starts_with(*l) && lower.as_bytes().get(l.len()).is_some_and(|&c| c == b' ')
    })?;
    let mut p = lead.len();
    p += line[p..].len() - line[p..].trim_start().len();
    p += usize::from(line[p..].starts_with('~'));
    let (mut clock, mut parsed, mut written) = clock_at(line, p)?;
    // `Shortly before 11 a.m. (10:52 a.m.)`: the exact time is the one read.
    let mut q = clock.end;
    if let Some(inner) = line[q..].strip_prefix(" (") {
        let at = q + 2;
        if let Ok(Some((exact, end))) = time::scan_leading_time(inner)
            && inner[end..].starts_with(')')
            && is_clock(&inner[..end])
        {
            clock = at..at + end;
            parsed = exact;
            written = inner[..end].to_string();
            q = at + end + 1;
        }
    }
    let mut date = None;
    if parsed.date.is_none()
        && let Some((d, end)) = date_after(&line[q..])
    {
        // The time's span runs over its date, so a finding about the entry's
        // date (RS201 on a date typed a month early) points at it.
        date = Some(d);
        q += end;
        clock.end = line[..q].trim_end_matches([',', '.', ':', ';']).len();
    }
    let rest = &line[q..];
    let after = rest.trim_start_matches([',', ':', ' ', '\t', '-', '\u{2013}', '\u{2014}']);
    // The sentence goes on with words (or on the next line), not with a number or
    // a unit ("At 10:05-10:20 ...": a range is not one event).
    if after
        .chars()
        .next()
        .is_some_and(|c| !(c.is_alphabetic() || c == '"' || c == '\''))
    {
        return None;
    }
    Some(Anchored {
        clock,
        parsed,
        written,
        text_at: line.len() - after.len(),
        date,
    })
}

/// A date with its year right after a sentence's clock, maybe after `on` or a
/// comma (`2025-06-14`, `on 14 June 2025`, `, June 14, 2025`): the date and where
/// it ends in `rest`. A date without its year is not read here: which year is
/// the report's to say, and a guess would date every entry below it.
fn date_after(rest: &str) -> Option<(jiff::civil::Date, usize)> {
    let trimmed = rest.trim_start_matches([' ', '\t', ',']);
    let mut at = rest.len() - trimmed.len();
    if at == 0 {
        return None;
    }
    if let Some(on) = trimmed.strip_prefix("on ") {
        at += 3 + (on.len() - on.trim_start().len());
    }
    let candidate = &rest[at..];
    if !candidate.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // The longest run of up to four words that is a date line with a year.
    let ends: Vec<usize> = candidate
        .char_indices()
        .filter(|(_, c)| *c == ' ' || *c == '\t')
        .map(|(i, _)| i)
        .chain(std::iter::once(candidate.len()))
        .take(4)
        .collect();
    for &end in ends.iter().rev() {
        let words = candidate[..end].trim_end_matches([',', '.', ':', ';']);
        if !words.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Some(Ok(line)) = time::scan_date_line(words, None)
            && !line.year_inferred
        {
            return Some((line.date, at + end));
        }
    }
    None
}

/// Where sentences led by their time start inside `line`, after the end of the
/// sentence before (`. `, `! `, `; `) and with a capital letter (`... recovered
/// at 06:45. At 07:08 a second outage ...`); never at the line's start.
pub(crate) fn sentence_starts(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices(['.', '!', ';']) {
        let rest = &line[i + 1..];
        let blank = rest.len() - rest.trim_start().len();
        if blank == 0 {
            continue;
        }
        let at = i + 1 + blank;
        let next = &line[at..];
        if next.starts_with(|c: char| c.is_ascii_uppercase()) && anchored(next).is_some() {
            out.push(at);
        }
    }
    out
}

/// The clock at byte `p` of `line`: a time with a colon or AM/PM, or `noon`.
fn clock_at(line: &str, p: usize) -> Option<(Range<usize>, ParsedTime, String)> {
    let rest = &line[p..];
    for word in ["noon", "midday"] {
        if rest
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
            && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            let parsed = time::parse_time("12:00").ok()?;
            return Some((p..p + word.len(), parsed, "12:00".to_string()));
        }
    }
    let (parsed, end) = time::scan_leading_time(rest).ok()??;
    if parsed.until.is_some() {
        // A range (`10:05-10:20`) is not one event.
        return None;
    }
    let written = rest[..end].trim_end();
    is_clock(written).then(|| (p..p + written.len(), parsed, written.to_string()))
}

/// A time of day as prose writes one: with a colon, or with AM/PM.
fn is_clock(written: &str) -> bool {
    let lower = written.to_ascii_lowercase();
    lower.contains(':')
        || lower.contains("am")
        || lower.contains("pm")
        || lower.contains("a.m")
        || lower.contains("p.m")
}

#[cfg(test)]
mod tests {
    use super::anchored;

    fn read(line: &str) -> Option<(String, String)> {
        let a = anchored(line)?;
        Some((line[a.clock].to_string(), line[a.text_at..].to_string()))
    }

    /// A word of more than one byte where `noon` would end is no clock, and no
    /// panic (a property test found a clock word cut inside a character).
    #[test]
    fn a_wide_character_where_noon_would_end() {
        for line in [
            "At no\u{20ac}n the site was down",
            "At mid\u{16b63}ay",
            "At n\u{e9}",
        ] {
            assert_eq!(super::clock_at(line, 3), None, "{line}");
        }
    }

    #[test]
    fn sentences_led_by_their_time() {
        let got = |l: &str| read(l).expect(l);
        assert_eq!(
            got("At 9:47 a.m., p99 latency began to climb"),
            ("9:47 a.m.".into(), "p99 latency began to climb".into())
        );
        assert_eq!(
            got("At approximately 3:47 PM PT, deliveries began to fail"),
            ("3:47 PM PT".into(), "deliveries began to fail".into())
        );
        assert_eq!(
            got("Shortly before 11 a.m. (10:52 a.m.), the team started a warm-up"),
            ("10:52 a.m.".into(), "the team started a warm-up".into())
        );
        assert_eq!(
            got("At noon, the hit rate was back above 95%"),
            ("noon".into(), "the hit rate was back above 95%".into())
        );
        assert_eq!(
            got("Beginning around 11:20 UTC today, traffic degraded"),
            ("11:20 UTC".into(), "today, traffic degraded".into())
        );
        assert_eq!(
            got("By 14:20 UTC all replicas had caught up."),
            ("14:20 UTC".into(), "all replicas had caught up.".into())
        );
    }

    /// A date with its year right after the clock dates the entry; the text starts
    /// after it. A date without a year, or a number that is no date, is not read.
    #[test]
    fn a_date_after_the_clock() {
        let dated = |l: &str| {
            let a = anchored(l).expect(l);
            (
                l[a.clock.clone()].to_string(),
                a.date.map(|d| d.to_string()),
                l[a.text_at..].to_string(),
            )
        };
        for (line, date, text) in [
            (
                "At 02:10 UTC 2025-06-14 the nightly push ran",
                "2025-06-14",
                "the nightly push ran",
            ),
            (
                "By 04:05 UTC on 14 June 2025, the error was found",
                "2025-06-14",
                "the error was found",
            ),
            (
                "At 9:40 a.m., June 14, 2025, the site came back",
                "2025-06-14",
                "the site came back",
            ),
        ] {
            let (clock, d, t) = dated(line);
            assert_eq!((d.as_deref(), t.as_str()), (Some(date), text), "{line}");
            assert!(clock.ends_with("2025") || clock.ends_with("-14"), "{clock}");
        }
        assert_eq!(dated("At 9:40 a.m. on June 14 the site came back").1, None);
        // A number after the clock that is no date: no sentence led by a time.
        assert!(anchored("At 10:05 12 servers failed").is_none());
    }

    #[test]
    fn sentences_led_by_their_time_inside_a_line() {
        let line = "At 06:32 the link dropped, back at 06:45. At 07:08 it dropped again; by 07:30 it was up. Around noon, fine.";
        let starts: Vec<&str> = super::sentence_starts(line)
            .into_iter()
            .map(|i| &line[i..i + 8])
            .collect();
        // `by 07:30` follows a semicolon but is not capitalised: part of the sentence.
        assert_eq!(starts, ["At 07:08", "Around n"]);
        assert!(
            super::sentence_starts("We paged at 10:05. Then at 10:20 we rolled back.").is_empty()
        );
    }

    #[test]
    fn times_that_do_not_lead_an_event_are_not_read() {
        for line in [
            "We restored the config from the 09:00 backup.",
            "At 10 servers the cluster is full.",
            "At least 40 minutes passed.",
            "The window (09:30 to 11:00) was too short.",
            "At 10:05-10:20 the queue grew.",
            "Atlas 10:05 was deployed.",
            "At noontime traffic peaks.",
        ] {
            assert!(read(line).is_none(), "{line}");
        }
    }
}
