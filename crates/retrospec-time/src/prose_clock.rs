//! The clock of a dated time in a sentence: the token reader and the line
//! grammar together, with the zone after it and a second zone's copy of it.

use std::ops::Range;

use jiff::civil::Date;

use super::{Token, clock};
use crate::{Zone, scan_leading_time};

/// A clock read at a token, with what follows it.
pub(super) struct ClockRead {
    pub(super) minutes: u32,
    pub(super) second: u32,
    /// The token after the clock (and its zone).
    pub(super) next: usize,
    /// Where the clock (and its zone) ends.
    pub(super) end: usize,
    /// Where the clock itself is.
    pub(super) clock_start: usize,
    pub(super) clock_end: usize,
    pub(super) midnight: bool,
    pub(super) zone: Option<(Zone, Range<usize>)>,
    /// A date written before the clock in the same expression (`2025-10-14 16:05`).
    pub(super) date: Option<(Date, usize)>,
}

/// The index of the first token starting at or after `at`.
pub(super) fn token_from(toks: &[Token<'_>], at: usize) -> usize {
    // Tokens are in text order.
    toks.partition_point(|t| t.range.start < at)
}

/// `1605hrs`, `1605h`, `1605 hrs`: four digits with `hrs`, `hr` or `h`.
fn hours_suffix(toks: &[Token<'_>], i: usize) -> Option<(u32, usize)> {
    let word = &*toks[i].core;
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let rest = &word[4..];
    let used = if matches!(rest, "hrs" | "hr" | "h") {
        1
    } else if rest.is_empty()
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.core.trim_end_matches('.'), "hrs" | "hr"))
    {
        2
    } else {
        return None;
    };
    let (h, m): (u32, u32) = (word[..2].parse().ok()?, word[2..4].parse().ok()?);
    (h <= 23 && m <= 59).then_some((h * 60 + m, used))
}

/// A clock at token `i`: the token reader ([`clock`]) and the line grammar
/// ([`scan_leading_time`]: zones, `1605 UTC`, `16h05`, ISO date-times) together.
pub(super) fn clock_read(text: &str, toks: &[Token<'_>], i: usize) -> Option<ClockRead> {
    let start = toks[i].range.start;
    let first = text[start..].bytes().next()?;
    if let Some((minutes, used)) = hours_suffix(toks, i) {
        let end = toks[i + used - 1].word_end;
        return Some(ClockRead {
            minutes,
            second: 0,
            next: i + used,
            end,
            clock_start: start,
            clock_end: end,
            midnight: false,
            zone: None,
            date: None,
        });
    }
    let grammar = if first.is_ascii_digit() || first.eq_ignore_ascii_case(&b'n') {
        scan_leading_time(&text[start..]).ok().flatten()
    } else {
        None
    };
    if let Some((p, _)) = grammar
        && p.approximate.is_none()
        && !p.end_of_day
    {
        // `2h30` is a duration, not half past two.
        if text
            .as_bytes()
            .get(start + p.time_range.start + 1)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'h'))
        {
            return None;
        }
        let end = start
            + p.time_range
                .end
                .max(p.zone_range.as_ref().map_or(0, |r| r.end));
        let minutes =
            u32::try_from(p.time.hour()).ok()? * 60 + u32::try_from(p.time.minute()).ok()?;
        let zone = p
            .zone
            .clone()
            .zip(p.zone_range.clone())
            .map(|(z, r)| (z, start + r.start..start + r.end));
        return Some(ClockRead {
            minutes,
            second: u32::try_from(p.time.second()).ok()?,
            next: token_from(toks, end),
            end,
            clock_start: start + p.time_range.start,
            clock_end: start + p.time_range.end,
            midnight: false,
            zone,
            date: p.date.zip(p.date_range.map(|r| start + r.start)),
        });
    }
    let (minutes, used, midnight) = clock(toks, i)?;
    let end = toks[i + used - 1].word_end;
    Some(ClockRead {
        minutes,
        second: 0,
        next: i + used,
        end,
        clock_start: start,
        clock_end: end,
        midnight,
        zone: None,
        date: None,
    })
}

/// The same instant written again in another zone right after a zoned clock
/// (`1342 EST / 1842 UTC`, `09:00 CET (08:00 UTC)`): the token after it.
pub(super) fn paired(text: &str, toks: &[Token<'_>], c: &ClockRead) -> usize {
    if c.zone.is_none() {
        return c.next;
    }
    let Some(t) = toks.get(c.next) else {
        return c.next;
    };
    let at = if t.raw == "/" {
        c.next + 1
    } else if t.raw.starts_with('(') {
        c.next
    } else {
        return c.next;
    };
    match toks.get(at).and_then(|_| clock_read(text, toks, at)) {
        Some(second) if second.zone.is_some() && second.date.is_none() => second.next,
        _ => c.next,
    }
}

/// Words that make the time after them approximate: `around 4pm`, `approx.
/// 16:05`, `ca. 16:05` (lowercase; the sign `~` is read on its own). One list for
/// the joins of a date to its clock and for a time written approximately.
pub const APPROXIMATE_JOIN_WORDS: &[&str] = &[
    "around",
    "about",
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "circa",
    "ca.",
];

/// Whether `word` (lowercase) makes the time after it approximate
/// ([`APPROXIMATE_JOIN_WORDS`]).
pub fn is_approximate_join(word: &str) -> bool {
    APPROXIMATE_JOIN_WORDS.contains(&word)
}

/// Words that join a date to the clock after it: `October 14 at 16:05`,
/// `2025/10/14 @ 16:05`, `14.10.2025 - 16:05`, `Oct 14th, around 4pm`.
pub(super) fn is_join(word: &str) -> bool {
    is_approximate_join(word)
        || matches!(
            word,
            "at" | "@"
                | "-"
                | "–"
                | "—"
                | "by"
                | "until"
                | "till"
                | "from"
                | "between"
                | "since"
                | "~"
        )
}

#[cfg(test)]
mod tests {
    use super::{APPROXIMATE_JOIN_WORDS, is_approximate_join, is_join};

    #[test]
    fn every_approximate_word_joins_a_date_to_its_clock() {
        for word in APPROXIMATE_JOIN_WORDS {
            assert!(is_join(word) && is_approximate_join(word), "{word}");
        }
        for word in ["at", "@", "by", "until", "~"] {
            assert!(is_join(word) && !is_approximate_join(word), "{word}");
        }
    }
}
