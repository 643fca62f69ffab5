//! A window stated with its own length: `Customer impact: 14:02-14:47 UTC (35
//! minutes)`, "from 09:10 to 10:25 (75 minutes)", "between 1:05 and 2:20 PM (about
//! 75 minutes)". The length in parentheses is the window's: the two are compared
//! with each other, whatever the timeline says (RS207 compares the window with
//! the timeline).
//!
//! A window stated as a sentence is read too: "Incident began at 2025-10-07 09:12
//! and ended at 2025-10-07 11:58" is the report's window ([`sentence`]) when no
//! milestones give it, and "snapshots sat in the queue from 13:15 until 14:55; in
//! all they were stuck for about 20 minutes" is the window of the incident-length
//! claim in its paragraph when the report gives it nothing else ([`paragraph`]).
//!
//! A length about a component or an action inside the incident ("the rollback
//! took about 10 minutes", `subject::sub_event`) is compared only with that
//! sub-event's own window: an entry that names it starting and a later one that
//! names it done ([`sub_event`]); never with the incident's.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;

use super::Compared;
use crate::span::floor_char as floor;

mod clock;
mod days;
mod history;

pub(super) use clock::minutes;

/// A window ending just before `(`: two clock times joined by a dash, "to", "until"
/// or "and", then at most a zone and a date.
static WINDOW: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<a>[0-2]?[0-9](?::[0-5][0-9])?)(?:\s*(?P<ap>[ap]\.?m\.?))?\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\band\b)\s*(?P<b>[0-2]?[0-9](?::[0-5][0-9])?)(?:\s*(?P<bp>[ap]\.?m\.?))?(?P<tail>[^()\n:.;]{0,40})\(\s*$")
        .expect("the pattern is valid")
});
/// What may follow the window's second time before `(`: a zone and a date, no other number
/// than the date's.
static TAIL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:[a-z]{2,5}(?:[+-][0-9]{1,2})?\s*)?(?:,?\s*(?:on\s+)?(?:[a-z]+,?\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]+|[a-z]+\s+[0-9]{1,2}(?:st|nd|rd|th)?)(?:,?\s+[0-9]{4})?)?\s*$")
        .expect("the pattern is valid")
});

/// The window the duration at `range` of `masked` is the stated length of, as a
/// comparison of its two ends; `None` unless the duration stands alone in
/// parentheses right after a window.
pub(super) fn read(masked: &str, range: Range<usize>) -> Option<Compared> {
    if let Some(compared) = cell(masked, range.clone()) {
        return Some(compared);
    }
    if let Some(compared) = after(masked, range.end) {
        return Some(compared);
    }
    // Cheap gate: the duration is the whole of a parenthesis.
    if !masked[..range.start].trim_end().ends_with('(')
        || !masked[range.end..].trim_start().starts_with(')')
    {
        return None;
    }
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let caps = WINDOW.captures(&masked[line_start..range.start])?;
    if !TAIL.is_match(caps.name("tail").map_or("", |t| t.as_str())) {
        return None;
    }
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    let (ap, bp) = (
        caps.name("ap").map(|m| m.as_str()),
        caps.name("bp").map(|m| m.as_str()),
    );
    // Clock times only: "14:02-14:47", "9-11 am"; not "2-3 (hours)".
    if !(a.contains(':') || ap.is_some()) || !(b.contains(':') || bp.is_some()) {
        return None;
    }
    Some(window_of(a, b, clock_span(a, ap, b, bp, bp)?))
}

/// A window alone in parentheses right after a length: "down for about 2 hours
/// (3:05 - 4:20 PM PST)", "45 minutes (14:10-14:55 UTC)", "an hour (from 9:10 to
/// 10:20 am)", "~35 min of failed payments (23:41Z – 00:44Z)" (at most four words
/// after "of"); or the clause right after it: "For 38 minutes, from 13:12 to 13:50
/// UTC, uploads failed". Only clock times (a `Z` after one is UTC), at most a zone
/// after them, and nothing else inside.
static AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:(?:\s+of\s+(?:[a-z-]+\s+){0,3}[a-z-]+)?\s*(?P<open>\()\s*(?:from\s+|between\s+)?|,?\s+(?:from|between)\s+)(?P<a>[0-2]?[0-9](?::[0-5][0-9])?)(?-i:Z)?(?:\s*(?P<ap>[ap]\.?m\.?))?\s*(?:-|–|—|→|\bto\b|\buntil\b|\btill\b|\band\b)\s*(?P<b>[0-2]?[0-9](?::[0-5][0-9])?)(?-i:Z)?(?:\s*(?P<bp>[ap]\.?m\.?))?(?-i:\s+[A-Z]{2,5})?(?:\s*\)|\s*[,.;](?:\s|$)|$)")
        .expect("the pattern is valid")
});

/// The window in parentheses right after the length ending at `end` (see [`AFTER`]).
fn after(masked: &str, end: usize) -> Option<Compared> {
    let rest = &masked[end..];
    if !rest
        .trim_start()
        .starts_with(['(', ',', 'f', 'F', 'b', 'B', 'o'])
    {
        return None;
    }
    let caps = AFTER.captures(rest)?;
    // A parenthesis holds the window and nothing else.
    if caps.name("open").is_some() != caps.get(0)?.as_str().ends_with(')') {
        return None;
    }
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    let (ap, bp) = (
        caps.name("ap").map(|m| m.as_str()),
        caps.name("bp").map(|m| m.as_str()),
    );
    if !(a.contains(':') || ap.is_some()) || !(b.contains(':') || bp.is_some()) {
        return None;
    }
    Some(window_of(a, b, clock_span(a, ap, b, bp, bp.or(ap))?))
}

/// Words of an entry that start a sub-event: "rollback started", "failover
/// initiated", "began the reindex".
static SUB_STARTS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:start(?:s|ed|ing)?|beg[ai]n(?:s|ning)?|initiat(?:es|ed|ing)|kick(?:s|ed)[ \t\r\n]+off|trigger(?:s|ed)|launch(?:es|ed)|under[ \t\r\n]*way|in[ \t\r\n]+progress)\b")
        .expect("the pattern is valid")
});
/// Words of an entry that end a sub-event: "rollback complete", "failover done",
/// "reindex finished".
static SUB_ENDS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:complete[ds]?|completion|finish(?:es|ed)?|done|ended|over|succeed(?:s|ed)|succeeded|exhausted|depleted)\b")
        .expect("the pattern is valid")
});

/// The stem a sub-event's noun is found by in entries ("reconvergence" gives
/// `reconverg`, "rollback" `rollback`, "UPS units" `ups`).
fn stem(noun: &str) -> Option<String> {
    let word = noun
        .split_whitespace()
        .rfind(|w| !matches!(w.to_ascii_lowercase().as_str(), "units" | "unit"))
        .map(|w| w.to_ascii_lowercase().replace('-', ""))?;
    let cut = [
        "ences", "ence", "ances", "ance", "ations", "ation", "ing", "ions", "ion", "ies", "s",
    ]
    .iter()
    .find_map(|s| word.strip_suffix(s).filter(|w| w.len() >= 3))
    .unwrap_or(&word);
    let cut = cut
        .strip_suffix('e')
        .filter(|w| w.len() >= 4)
        .unwrap_or(cut);
    (cut.len() >= 3).then(|| cut.to_string())
}

/// Whether `text` names `stem` as a word's start (and, for a stem of three or
/// four letters, as a whole word: `ups`, not "upstream").
fn names(text: &str, stem: &str) -> bool {
    let lower = text.to_ascii_lowercase().replace('-', "");
    lower.match_indices(stem).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + stem.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && (stem.len() > 4 || !after.is_some_and(|c| c.is_ascii_alphabetic()))
    })
}

/// The sub-event `noun`'s own window among the timeline's `entries` (sorted, with
/// their times in seconds): the first entry that names it starting and a later one
/// that names it done; `None` when the report gives no such pair, and then the
/// length is compared with nothing.
pub(super) fn sub_event(
    noun: &str,
    entries: &[(usize, &crate::times::TimeValue, i64, &str)],
) -> Option<Compared> {
    let stem = stem(noun)?;
    let named: Vec<_> = entries.iter().filter(|e| names(e.3, &stem)).collect();
    let start = named.iter().find(|e| SUB_STARTS.is_match(e.3))?;
    let end = named
        .iter()
        .find(|e| e.2 > start.2 && SUB_ENDS.is_match(e.3) && !SUB_STARTS.is_match(e.3))?;
    Some(Compared {
        source: "events",
        from: format!("entry where the {noun} starts (entry {})", start.0 + 1),
        to: format!("entry where the {noun} is done (entry {})", end.0 + 1),
        from_pointer: start.1.pointer.clone(),
        to_pointer: end.1.pointer.clone(),
        seconds: end.2 - start.2,
        rank: Default::default(),
    })
}

/// A comparison with a window or times the report states (no pointers: they are
/// read from prose).
pub(super) fn stated(from: String, to: String, seconds: i64) -> Compared {
    Compared {
        source: "stated",
        from,
        to,
        from_pointer: String::new(),
        to_pointer: String::new(),
        seconds,
        rank: Default::default(),
    }
}

/// A window from `a` to `b` as written, `minutes` long.
fn window_of(a: &str, b: &str, minutes: i64) -> Compared {
    stated(
        format!("window start `{a}`"),
        format!("window end `{b}`"),
        minutes * 60,
    )
}

/// Minutes from `a` to `b`, clock times with their a.m./p.m. (`ap`, `bp`; `end`
/// is the one the end is read with). A start borrows the end's a.m./p.m.
/// ("1:05-2:20 pm") unless that puts it after the end ("11:30-1:05 pm"); an end
/// not after the start is the next day.
fn clock_span(
    a: &str,
    ap: Option<&str>,
    b: &str,
    bp: Option<&str>,
    end: Option<&str>,
) -> Option<i64> {
    let mut to = minutes(b, end)?;
    let from = match minutes(a, ap.or(bp))? {
        f if ap.is_none() && f > to => minutes(a, None)?,
        f => f,
    };
    if to <= from {
        to += 24 * 60;
    }
    Some(to - from)
}

/// A table cell that holds a window and nothing else: `08:12–08:57`, `22:47 - 01:15 UTC`.
static WINDOW_CELL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?P<a>[0-2]?[0-9]:[0-5][0-9])\s*(?:-|–|—|\bto\b)\s*(?P<b>[0-2]?[0-9]:[0-5][0-9])(?:\s*[a-z]{2,5})?\s*$")
        .expect("the pattern is valid")
});

/// A length that is the whole of a table cell right after a cell holding a window
/// (`| 22:47–01:15 | 1 h 28 m |`): the window's length, across midnight when its
/// end is before its start.
fn cell(masked: &str, range: Range<usize>) -> Option<Compared> {
    let before = masked[..range.start].trim_end_matches([' ', '\t', '*', '_']);
    let after = masked[range.end..].trim_start_matches([' ', '\t', '*', '_']);
    if !before.ends_with('|') || !after.starts_with('|') {
        return None;
    }
    let head = &before[..before.len() - 1];
    let open = head.rfind(['|', '\n'])?;
    if !head[open..].starts_with('|') {
        return None;
    }
    let caps = WINDOW_CELL.captures(&head[open + 1..])?;
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    Some(window_of(a, b, clock_span(a, None, b, None, None)?))
}

/// "The incident began at <time> and ended at <time>": the report's own window.
pub(super) static BEGAN_ENDED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:incident|outage|impact|issue|disruption|problem)\s+(?:began|started)\s+(?:at|on)\s+(?P<a>(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ T])?[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5}\b)?)\s*,?\s+and\s+(?:ended|was\s+resolved|was\s+mitigated|recovered)\s+(?:at|on)\s+(?P<b>(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ T])?[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5}\b)?)")
        .expect("the pattern is valid")
});

/// The window the report states in one sentence, "Incident began at ... and ended
/// at ...", as a comparison; the first such sentence of `masked` (the report's
/// text with code and quotes masked), `None` when its two times are not read or
/// do not go forward.
pub(super) fn sentence(masked: &str, zone: Option<&jiff::tz::TimeZone>) -> Option<Compared> {
    let caps = BEGAN_ENDED.captures(masked)?;
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    let seconds = between(a, b, zone)?;
    Some(stated(
        format!("stated start `{a}`"),
        format!("stated end `{b}`"),
        seconds,
    ))
}

/// "(starting|beginning) at (approximately) <time>" in a sentence whose words name
/// the impact ("starting at approximately 01:30am PDT, Example began returning
/// errors"), or the start of a "began at ... and ended at ..." sentence: the
/// impact's start as the report states it in prose, with its time of day.
static STARTING_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:starting|beginning)\s+at\s+(?:approximately\s+|about\s+|around\s+)?(?P<a>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5}\b)?)")
        .expect("the pattern is valid")
});

pub(super) fn stated_start(masked: &str) -> Option<(String, jiff::civil::Time)> {
    let written = match BEGAN_ENDED.captures(masked) {
        Some(caps) => caps.name("a")?.as_str().to_string(),
        None => {
            let mut found = STARTING_AT.captures_iter(masked).filter(|caps| {
                let at = caps.get(0).map_or(0, |m| m.start());
                let from = masked[..at].rfind(". ").map_or(0, |i| i + 2);
                let to = masked[at..].find(". ").map_or(masked.len(), |i| at + i);
                super::subject::IMPACT_WORDS.is_match(&masked[from..to])
            });
            let caps = found.next()?;
            // Two starts stated: which one is the impact's is not clear.
            if found.next().is_some() {
                return None;
            }
            caps.name("a")?.as_str().to_string()
        }
    };
    let parsed = crate::time::parse_time(written.trim()).ok()?;
    Some((written, parsed.time))
}

/// Seconds from `a` to `b`, two times as written: their instants when both
/// resolve, else their wall-clock times (on their dates when both have one, a
/// day apart at most when neither has).
fn between(a: &str, b: &str, zone: Option<&jiff::tz::TimeZone>) -> Option<i64> {
    let (pa, pb) = (
        crate::time::parse_time(a.trim()).ok()?,
        crate::time::parse_time(b.trim()).ok()?,
    );
    if let (Ok(ra), Ok(rb)) = (
        crate::time::resolve(&pa, None, zone),
        crate::time::resolve(&pb, None, zone),
    ) {
        let s = rb.timestamp.as_second() - ra.timestamp.as_second();
        return (s > 0).then_some(s);
    }
    let clock = |t: jiff::civil::Time| {
        i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
    };
    let s = match (pa.date, pb.date) {
        (Some(da), Some(db)) => {
            let days = i64::from(da.until(db).ok()?.get_days());
            days * 86_400 + clock(pb.time) - clock(pa.time)
        }
        (None, None) => (clock(pb.time) - clock(pa.time)).rem_euclid(86_400),
        _ => return None,
    };
    (s > 0).then_some(s)
}

/// "from 13:15 until 14:55", "between 09:12 and 11:58": a window in prose, two
/// clock times with colons.
static FROM_UNTIL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(r"(?i)\b(?:from|between)\s+(?:(?P<da>{WEEKDAY})\.?,?\s+)?(?P<a>[0-2]?[0-9]:[0-5][0-9])(?-i:Z)?(?:\s*(?P<ap>[ap]\.?m\.?))?(?:\s+(?-i:[A-Z]{{2,5}}))?(?:\s+on\s+(?P<da2>{WEEKDAY})\b)?,?\s+(?:to|until|till|and)\s+(?:(?P<words>[a-z][a-z' -]{{0,40}}?)\s+at\s+)?(?:roughly\s+|about\s+|around\s+)?(?:(?P<db>{WEEKDAY})\.?,?\s+)?(?P<b>[0-2]?[0-9]:[0-5][0-9])(?-i:Z)?(?:\s*(?P<bp>[ap]\.?m\.?))?\b(?:(?:\s+(?-i:[A-Z]{{2,5}}))?\s+on\s+(?P<db2>{WEEKDAY})\b)?"))
        .expect("the pattern is valid")
});

/// A weekday before a window's time ("from Friday 18:00 to Sunday 09:30").
const WEEKDAY: &str = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

/// Days since Monday of a weekday as written.
fn weekday(text: &str) -> Option<i64> {
    let t = text.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| t.starts_with(d))
        .map(|i| i as i64)
}

/// The window stated in the paragraph of the duration at `range` of `masked`,
/// before it, or in the paragraph right before when its own states none: one
/// "from 13:15 until 14:55" or "between 09:12 and 11:58", and no other in that
/// paragraph.
pub(super) fn paragraph(masked: &str, range: Range<usize>) -> Option<Compared> {
    let start = masked[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = masked[range.end..]
        .find("\n\n")
        .map_or(masked.len(), |i| range.end + i);
    // None in its own paragraph: the paragraph right before it ("From 9:05 AM to
    // 10:40 AM, deliveries were delayed.\n\nFor just over an hour, ...").
    let (start, end) = if start >= 2 && !FROM_UNTIL.is_match(&masked[start..end]) {
        let previous = masked[..start - 2].rfind("\n\n").map_or(0, |i| i + 2);
        (previous, start - 2)
    } else {
        (start, end)
    };
    let mut windows = FROM_UNTIL.captures_iter(&masked[start..end]);
    let caps = windows.next()?;
    if windows.next().is_some() || start + caps.get(0)?.end() > range.start {
        return None;
    }
    // The window of something the team did ("between 09:00 and 09:30 we deployed
    // the fix") is not the impact's.
    let at = start + caps.get(0)?.start();
    let sentence = super::subject::clause_start(masked, at);
    let rest = &masked[at..];
    let sentence_end = rest.find(['.', ';']).map_or(masked.len(), |i| at + i);
    if super::subject::TEAM_SUBJECT.is_match(&masked[sentence..sentence_end]) {
        return None;
    }
    stated_window(&caps)
}

/// Every window `masked` states for the impact: "from 09:14 until 11:19" or
/// "between Friday 18:00 and Sunday 09:30" in a sentence whose words name the
/// impact (stale, failing, down, errors) and no action of the team.
pub(super) fn impact_windows(masked: &str) -> Vec<Compared> {
    FROM_UNTIL
        .captures_iter(masked)
        .take(20)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let head = &masked[..whole.start()];
            let from = [". ", ".\n", "\n\n", "\n- ", "\n* ", "! ", "? ", "; "]
                .iter()
                .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
                .max()
                .unwrap_or(0);
            let rest = &masked[whole.end()..];
            let to = [". ", ".\n", "\n\n", "! ", "? ", "; "]
                .iter()
                .filter_map(|b| rest.find(b))
                .min()
                .map_or(masked.len(), |i| whole.end() + i);
            let sentence = &masked[from..to];
            (super::subject::IMPACT_WORDS.is_match(sentence)
                && !super::subject::TEAM_SUBJECT.is_match(sentence))
            .then(|| stated_window(&caps))
            .flatten()
        })
        .collect()
}

/// The window a [`FROM_UNTIL`] match states, as a comparison of its two ends: on
/// one day (the next for an end before the start), or across the days its
/// weekdays name ("from Friday 18:00 to Sunday 09:30" is 39h30m).
fn stated_window(caps: &crate::lean::Captures<'_>) -> Option<Compared> {
    let (a, b) = (caps.name("a")?.as_str(), caps.name("b")?.as_str());
    let (ap, bp) = (
        caps.name("ap").map(|m| m.as_str()),
        caps.name("bp").map(|m| m.as_str()),
    );
    let to = minutes(b, bp)?;
    let from = match minutes(a, ap.or(bp))? {
        f if ap.is_none() && f > to => minutes(a, None)?,
        f => f,
    };
    let (day_a, day_b) = (
        caps.name("da").or(caps.name("da2")),
        caps.name("db").or(caps.name("db2")),
    );
    let days = match (
        day_a.and_then(|d| weekday(d.as_str())),
        day_b.and_then(|d| weekday(d.as_str())),
    ) {
        (Some(da), Some(db)) => Some((db - da).rem_euclid(7)),
        (None, None) => None,
        // One weekday only: which day the other time is on is not said.
        _ => return None,
    };
    let span = match days {
        Some(d) => d * 24 * 60 + to - from,
        None => (to - from).rem_euclid(24 * 60),
    };
    let named = |day: Option<crate::lean::Match<'_>>, time: &str| match day {
        Some(d) => format!("{} {time}", d.as_str()),
        None => time.to_string(),
    };
    (span > 0).then(|| window_of(&named(day_a, a), &named(day_b, b), span))
}

/// What may follow a length inside its parenthesis: "(roughly 40 minutes of
/// backlog)", "(55 minutes in total)", "(about an hour)".
static PAREN_TAIL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:of\s+(?:total\s+)?(?:[a-z-]+\s+)?(?:backlog|downtime|outage|impact|disruption|degradation|delay|unavailability|queueing|queuing)|in\s+(?:total|all)|total|overall|all\s+told)\s*)?\)")
        .expect("the pattern is valid")
});

/// The window stated earlier in the sentence of the duration at `range` of
/// `masked`, when the duration stands alone in parentheses ("Between 02:10 and
/// 03:05 the consumers were disconnected and messages queued up (roughly 40
/// minutes of backlog)"): one window in the sentence before it, not an action of
/// the team.
pub(super) fn in_sentence(masked: &str, range: Range<usize>) -> Option<Compared> {
    sole_window(paren_sentence(masked, range)?)
}

/// The sentence before the parenthesis a length stands alone in (see
/// [`in_sentence`]), for a reader of its window.
pub(super) fn paren_sentence(masked: &str, range: Range<usize>) -> Option<&str> {
    // "(a period of approximately 16 hours)": the words before the length too.
    let head = &masked[floor(masked, range.start.saturating_sub(40))..range.start];
    let open = PAREN_HEAD.find(head)?;
    if !PAREN_TAIL.is_match(&masked[range.end..]) {
        return None;
    }
    let open = range.start - head.len() + open.start();
    let head = &masked[..open];
    let start = [". ", ".\n", "\n\n", "! ", "? ", "; "]
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    Some(&masked[start..open])
}

/// What may open the parenthesis of a length: "(", "(a period of ", "(a total of ".
static PAREN_HEAD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\(\s*(?:(?:a\s+)?(?:period|total|duration|span)\s+of\s+)?$")
        .expect("the pattern is valid")
});

/// The one window a sentence states (`from X to Y` or `X-Y`), unless it is an
/// action of the team or states more than one.
fn sole_window(sentence: &str) -> Option<Compared> {
    if super::subject::TEAM_SUBJECT.is_match(sentence) {
        return None;
    }
    let mut windows = FROM_UNTIL.captures_iter(sentence);
    let mut dashes = DASH_WINDOW.captures_iter(sentence);
    match (windows.next(), dashes.next()) {
        (Some(caps), None) if windows.next().is_none() => stated_window(&caps),
        (None, Some(caps)) if dashes.next().is_none() => stated_window(&caps),
        _ => None,
    }
}

/// What may open a sentence that states only a length: "That is", "So", "In
/// total,", "All told,".
static LENGTH_ONLY_HEAD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:that(?:'s|\s+is|\s+was|\s+makes)|so|in\s+total,?|all\s+told,?|overall,?|altogether,?)\s+)?(?:(?:just|only|roughly|about|around|approximately|nearly|almost|some)\s+|~\s*)?$")
        .expect("the pattern is valid")
});
/// What may close it: "all told", "in total", "in all", "of downtime".
static LENGTH_ONLY_TAIL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:all\s+told|in\s+total|in\s+all|total|overall|altogether|of\s+(?:total\s+)?(?:downtime|outage|impact|disruption|unavailability))\s*)?(?:[.!]|$)")
        .expect("the pattern is valid")
});

/// The window of the sentence right before the length at `range` of `masked`
/// when the length's sentence states nothing else: "was unavailable between
/// 21:40 and 23:05 UTC. Roughly 90 minutes all told.", "from 09:10 to 10:25.
/// That is 75 minutes in total." One window in that sentence, in the same
/// paragraph, not an action of the team.
pub(super) fn before_sentence(masked: &str, range: Range<usize>) -> Option<Compared> {
    let head = &masked[..range.start];
    let at = [". ", ".\n", "! ", "? ", "\n\n"]
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| (i, b.len())))
        .max()?;
    // The previous sentence ends with a full stop in the same paragraph.
    if masked[at.0..].starts_with("\n\n") || !LENGTH_ONLY_HEAD.is_match(&head[at.0 + at.1..]) {
        return None;
    }
    if !LENGTH_ONLY_TAIL.is_match(&masked[range.end..]) {
        return None;
    }
    let before = &masked[..at.0];
    let start = [". ", ".\n", "\n\n", "! ", "? ", "; "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let sentence = &masked[start..at.0];
    sole_window(sentence)
}

/// A length's own verb right before it: "lasted", "took", "ran for", "was out for".
static LENGTH_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:lasted|lasting|took|taking|spanned|(?:ran|was\s+out|were\s+out|went\s+on|continued)\s+for|for)\s+(?:(?:just|only|roughly|about|around|approximately|nearly|almost|over|under)\s+)?$")
        .expect("the pattern is valid")
});
/// A claim's sentence that names the outage or its impact itself: its length is
/// the incident's, not a sub-window's.
static NAMES_OUTAGE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:outage|incident|impact|downtime|disruption|customers?|users?|merchants?|clients?|visitors?|service\s+was)\b")
        .expect("the pattern is valid")
});
/// A sentence that opens on the thing the sentence before named: "It", "This",
/// "That", "The whole thing".
static ANAPHOR: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:it|this|that|which|the\s+whole\s+(?:thing|event))\b")
        .expect("the pattern is valid")
});

/// Words too common to tie two sentences to one subject.
const COMMON: &[&str] = &[
    "about", "after", "again", "also", "been", "before", "between", "during", "from", "have",
    "into", "lasted", "minutes", "hours", "over", "that", "their", "then", "there", "they", "this",
    "took", "until", "were", "when", "which", "while", "with", "whole", "total", "time",
];

/// The window of a thing other than the impact that the length at `range` is
/// stated for in its own paragraph: "A power cut hit the storage rack from 14:30
/// to 14:50. The power cut lasted 20 minutes." (or "It lasted 20 minutes."). Read
/// only when the paragraph states one window, before the length or in its
/// sentence, in a sentence whose words do not name the impact; the length follows
/// "lasted", "took", "for"; and its own sentence is that window's, opens on "it",
/// "this" or "that", or shares a word with it, and does not name the outage or
/// its impact itself.
pub(super) fn sub_window(masked: &str, range: Range<usize>) -> Option<Compared> {
    if !LENGTH_VERB.is_match(&masked[..range.start]) {
        return None;
    }
    let start = masked[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = masked[range.end..]
        .find("\n\n")
        .map_or(masked.len(), |i| range.end + i);
    let sentence_start = |at: usize| {
        [". ", ".\n", "! ", "? ", "; ", "\n- ", "\n* "]
            .iter()
            .filter_map(|b| masked[start..at].rfind(b).map(|i| start + i + b.len()))
            .max()
            .unwrap_or(start)
    };
    let sentence_end = |at: usize| {
        [". ", ".\n", "! ", "? ", "; "]
            .iter()
            .filter_map(|b| masked[at..end].find(b))
            .min()
            .map_or(end, |i| at + i)
    };
    let mut windows = FROM_UNTIL.captures_iter(&masked[start..end]);
    let caps = windows.next()?;
    if windows.next().is_some() {
        return None;
    }
    let whole = caps.get(0)?;
    let (w_at, w_end) = (start + whole.start(), start + whole.end());
    if w_end > range.start {
        return None;
    }
    let w_sentence = &masked[sentence_start(w_at)..sentence_end(w_end)];
    if super::subject::IMPACT_WORDS.is_match(w_sentence) {
        return None;
    }
    let c_from = sentence_start(range.start);
    let c_sentence = &masked[c_from..sentence_end(range.end)];
    if NAMES_OUTAGE.is_match(c_sentence) || super::subject::IMPACT_WORDS.is_match(c_sentence) {
        return None;
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 4)
            .map(str::to_ascii_lowercase)
            .filter(|w| !COMMON.contains(&w.as_str()))
            .collect()
    };
    let same = c_from <= w_at;
    let previous = masked[..c_from].trim_end().len() <= sentence_end(w_end) + 1;
    let shared = {
        let theirs = words(w_sentence);
        words(c_sentence).iter().any(|w| theirs.contains(w))
    };
    if !(same || shared || (previous && ANAPHOR.is_match(c_sentence))) {
        return None;
    }
    stated_window(&caps)
}

/// A window written with a dash in running text: "during 14:05–15:20 CET".
static DASH_WINDOW: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<a>[0-2]?[0-9]:[0-5][0-9])(?-i:Z)?(?:\s*(?P<ap>[ap]\.?m\.?))?\s*(?:-|–|—)\s*(?P<b>[0-2]?[0-9]:[0-5][0-9])(?-i:Z)?(?:\s*(?P<bp>[ap]\.?m\.?))?\b")
        .expect("the pattern is valid")
});

/// A clock time in running text: "(3:52 PM)", "at 14:05".
static CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<t>[0-2]?[0-9]:[0-5][0-9])(?::[0-5][0-9])?(?:\s*(?P<p>[ap]\.?m\b\.?))?")
        .expect("the pattern is valid")
});
/// A clock written with a dot after a word that places a time: `at 08.56`, `By
/// 09.41`, `until 10.05 a.m.`.
static DOTTED_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:at|by|until|till|from|since|approximately|about|around|before|after)\s+(?P<t>(?:[01]?[0-9]|2[0-3])\.[0-5][0-9])\b(?:\s*(?P<p>[ap]\.?m\b\.?))?")
        .expect("the pattern is valid")
});
/// Words of a narrative sentence that say the impact was over: the end words of
/// a timeline entry, or "all systems operational", "the backlog was empty".
static NARRATIVE_END: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\ball\s+systems\s+operational\b|\b(?:backlog|queue)\s+(?:was\s+|is\s+)?(?:empty|cleared|fully\s+drained)\b")
        .expect("the pattern is valid")
});

/// The incident's length read from the clock times a narrative states in its
/// sentences, for a report with no timeline ("...began to fail at approximately
/// 3:47 PM ... alerted a few minutes later (3:52 PM) ... once the backlog was
/// empty (7:20 PM)"): from the first time, or any up to the first whose sentence
/// names the impact, to any time whose sentence says it was over. Times are on
/// one wall clock, the next day when one goes back by more than twelve hours (a
/// clock that goes back less is a look back: the narrative is not in order, and
/// gives nothing); fewer than three times (two
/// when the first's sentence names the impact and the second's, another, says it
/// ended), or none that ends it, give nothing.
pub(super) fn narrative(masked: &str) -> Vec<Compared> {
    let sentence_of = |at: usize| {
        let head = &masked[..at];
        let from = [". ", ".\n", "\n\n", "! ", "? ", "\n- ", "\n* "]
            .iter()
            .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
            .max()
            .unwrap_or(0);
        let rest = &masked[at..];
        let to = [". ", ".\n", "\n\n", "! ", "? "]
            .iter()
            .filter_map(|b| rest.find(b))
            .min()
            .map_or(masked.len(), |i| at + i);
        &masked[from..to]
    };
    if history::dates_go_back(masked) {
        return Vec::new();
    }
    let mut times: Vec<(String, i64, &str)> = Vec::new();
    // What follows each time to the end of its sentence, past its a.m./p.m.
    let mut tails: Vec<&str> = Vec::new();
    // A narrative that writes no clock with a colon may write them with a dot
    // (`At approximately 08.56`, `By 09.41`), read only after a word that
    // places a time, so a figure (`99.95%`, `£12.50`) is none.
    let clock: &Lean = if CLOCK.is_match(masked) {
        &CLOCK
    } else {
        &DOTTED_CLOCK
    };
    let twelve = clock.captures_iter(masked).any(|c| c.name("p").is_some());
    let mut days = days::Days::default();
    for caps in clock.captures_iter(masked).take(50) {
        let (Some(whole), Some(t)) = (caps.get(0), caps.name("t")) else {
            continue;
        };
        let whole = &masked[t.start()..whole.end()];
        let whole_start = t.start();
        let meridiem = caps.name("p").map(|m| m.as_str());
        // A 12-hour narrative with a time written bare: not clear which half.
        if twelve && meridiem.is_none() {
            return Vec::new();
        }
        let Some(mut at) = minutes(&t.as_str().replace('.', ":"), meridiem) else {
            continue;
        };
        let whole_end = whole_start + whole.len();
        at = days.place(masked, whole_start, whole_end, at);
        let rest = &masked[whole_end..];
        let stop = [". ", ".\n", "\n\n", "! ", "? "]
            .iter()
            .filter_map(|b| rest.find(b))
            .min()
            .unwrap_or(rest.len());
        tails.push(&rest[..stop]);
        times.push((whole.trim().to_string(), at, sentence_of(whole_start)));
    }
    if days.looked_back {
        return Vec::new();
    }
    let names_impact =
        |s: &str| super::IMPACT_BEGAN.is_match(s) || super::subject::IMPACT_WORDS.is_match(s);
    // Two times are a window only when the first's sentence names the impact
    // ("At approximately 10:52 ... routes were unreachable") and the second's,
    // another sentence, says it ended ("fully restored at approximately 11:31").
    // The second names no day of its own ("restored at 7:30 a.m. on 4/5/26"
    // may be days later).
    let pair = times.len() == 2
        && names_impact(times[0].2)
        && times[0].2 != times[1].2
        && !OWN_DAY.is_match(times[1].2)
        && !OWN_DAY.is_match(tails[1]);
    if times.len() < 3 && !pair {
        return Vec::new();
    }
    let cut = times
        .iter()
        .position(|(_, _, s)| names_impact(s))
        .unwrap_or(0);
    let ends: Vec<&(String, i64, &str)> = times
        .iter()
        .filter(|(_, _, s)| {
            (super::IMPACT_ENDED.is_match(s) || NARRATIVE_END.is_match(s))
                && !super::PARTIAL.is_match(s)
                // "We expected logins to be restored at 20:31": a plan, no end.
                && !super::anchor::not_an_event(s)
        })
        .collect();
    let mut out = Vec::new();
    for (a, at, _) in times.iter().take(cut + 1) {
        for (b, bt, _) in &ends {
            if bt > at {
                out.push(stated(
                    format!("stated time `{a}`"),
                    format!("stated end `{b}`"),
                    (bt - at) * 60,
                ));
            }
        }
    }
    out
}

/// Words that name a day: a numeric date, a month with a day, a weekday, "the
/// next morning".
static OWN_DAY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b[0-9]{1,4}[/.-][0-9]{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}\b|\b[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b|\b(?:tomorrow|overnight)\b")
        .expect("the pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::read;
    use crate::claims::duration;

    pub(super) fn window(text: &str) -> Option<i64> {
        let d = duration::find(text).into_iter().next()?;
        read(text, d.range).map(|c| c.seconds / 60)
    }

    #[test]
    fn a_narrative_that_looks_back_gives_no_length() {
        let times = |t: &str| {
            super::narrative(t)
                .iter()
                .map(|c| c.seconds / 60)
                .collect::<Vec<_>>()
        };
        // 14:21 then 13:40 (another provider's incident, told after): not the next day.
        let back = "The site was down from 14:02. I noticed at 14:21 because my timeline stopped loading. \
                    Their status page showed an incident starting at 13:40. At 15:05 the site was loading again.";
        assert_eq!(times(back), Vec::<i64>::new());
        // Told in order, the same times give the length.
        let ordered = "The site was down from 14:02. I noticed at 14:21 because my timeline stopped loading. \
                       At 15:05 the site was loading again.";
        assert_eq!(times(ordered), [63]);
        // A digest's next item on its own date goes back to a new day.
        let digest = "Control-plane errors began at 14:10. We restarted the fleet at 14:30 and \
                      all was back to normal at 14:55.\n\n\
                      **March 19: renewals delayed (08:00 EDT).** Renewals lagged.";
        assert!(times(digest).contains(&45), "{:?}", times(digest));
    }

    #[test]
    fn a_window_and_its_length() {
        assert_eq!(
            window("Customer Impact: 14:02-14:47 UTC on 9 September 2025 (35 minutes). During"),
            Some(45)
        );
        assert_eq!(window("from 09:10 to 10:25 (75 minutes)"), Some(75));
        assert_eq!(window("between 23:40 and 00:15 CET (35 min)"), Some(35));
        assert_eq!(
            window("between 11:30 am and 1:05 pm (about 95 minutes)"),
            Some(95)
        );
        assert_eq!(window("11:30-1:05 pm (95 minutes)"), Some(95));
        assert_eq!(window("1:05-2:20 pm (75 minutes)"), Some(75));
    }

    #[test]
    fn a_length_cell_after_a_window_cell() {
        assert_eq!(
            window("| CX-4 | 22:47–01:15 | 1 h 28 m | Payments |"),
            Some(148)
        );
        assert_eq!(window("| 09:05 - 09:50 UTC | 45 minutes |"), Some(45));
        assert_eq!(window("| 23:40–00:25 | **0 h 45 m** |"), Some(45));
        // A cell that is not a window alone, or a length not alone in its cell.
        assert_eq!(window("| started 09:05 | 45 minutes |"), None);
        assert_eq!(window("| 09:05–09:50 | 45 minutes later |"), None);
        assert_eq!(window("| 09:05–09:50 | Retry | 45 minutes |"), None);
    }

    fn sentence(text: &str) -> Option<i64> {
        let d = duration::find(text).into_iter().last()?;
        super::in_sentence(text, d.range).map(|c| c.seconds / 60)
    }

    /// A window alone in parentheses after the length is the length's window.
    #[test]
    fn a_window_in_parentheses_after_the_length() {
        for (text, minutes) in [
            (
                "We had an outage for about 2 hours (3:05 - 4:20 PM PST) today.",
                75,
            ),
            ("Exports failed for 45 minutes (14:10-14:55 UTC).", 45),
            ("The queue stalled for an hour (from 9:10 to 10:40 am).", 90),
            ("Search was down for 3 hours (11:30 - 1:15 PM).", 105),
            (
                "For 38 minutes, from 13:12 to 13:50 UTC, uploads failed.",
                38,
            ),
            ("Uploads failed for 40 minutes between 13:12 and 13:52.", 40),
            (
                "It lasted 2 hours, from 1:05 to 3:05 pm; then it recovered.",
                120,
            ),
        ] {
            assert_eq!(window(text), Some(minutes), "{text}");
        }
        for text in [
            // Not clock times, more words inside, or another parenthesis.
            "Builds were slow for 2 hours (3-4 runs each).",
            "Exports failed for 45 minutes (14:10-14:55 UTC, then again at 16:00).",
            "Exports failed for 45 minutes (see the graph) from 14:10-14:55.",
            // A clause that goes on to say something else about the window.
            "For 38 minutes, from 13:12 to 13:50 on two nodes and later on all, uploads failed.",
            "Retries ran 5 minutes apart from 13:12 to 13:50 UTC and again at 14:00.",
            "Builds took 2 hours, from 9:00 to 11:00 we waited.",
        ] {
            assert_eq!(window(text), None, "{text}");
        }
    }

    #[test]
    fn a_parenthesised_length_takes_its_sentence_window() {
        for (text, minutes) in [
            (
                "A resize went wrong. Between 02:10 and 03:05 BST the consumers were disconnected and jobs piled up (roughly 40 minutes of backlog).",
                55,
            ),
            (
                "During 14:05–15:20 CET the resolvers failed most queries (75 minutes).",
                75,
            ),
            (
                "From 21:40 until 22:35 the export page returned errors (55 minutes in total).",
                55,
            ),
            (
                "Between 11:30 am and 1:05 pm uploads failed\nfor most users (about an hour).",
                95,
            ),
        ] {
            assert_eq!(sentence(text), Some(minutes), "{text}");
        }
        for text in [
            // Another sentence, another window, the team, or more words.
            "Between 02:10 and 03:05 the consumers were disconnected. Then the queue drained (25 minutes of backlog).",
            "From 21:40 until 22:35, and again from 23:10 until 23:30, exports failed (55 minutes in total).",
            "Between 09:00 and 09:30 we rolled the fleet back (20 minutes of work).",
            "Between 02:10 and 03:05 the consumers were disconnected (retries 5 minutes apart).",
        ] {
            assert_eq!(sentence(text), None, "{text}");
        }
    }

    #[test]
    fn weekdays_carry_a_window_across_days() {
        let minutes = |text: &str| super::impact_windows(text).first().map(|c| c.seconds / 60);
        assert_eq!(
            minutes("- Finance dashboards stale from Friday 18:00 to Sunday 09:30."),
            Some(39 * 60 + 30)
        );
        assert_eq!(
            minutes("Exports failed between Sat 22:15 and Mon 06:00 UTC."),
            Some(31 * 60 + 45)
        );
        assert_eq!(minutes("Search was down from 23:50 until 00:40."), Some(50));
        assert_eq!(
            minutes("Balances were stale from 09:14 until the lag cleared at 11:19 UTC."),
            Some(125)
        );
        assert_eq!(
            minutes("Uploads failed from 18:00 on Friday until 09:30 on Sunday."),
            Some(39 * 60 + 30)
        );
        assert_eq!(
            minutes("Logins failed between 22:10 UTC on Tue and 01:40 UTC on Wed."),
            Some(3 * 60 + 30)
        );
        // One weekday only: the other time's day is not said.
        assert_eq!(
            minutes("Search was down from Friday 23:50 until 00:40."),
            None
        );
        // Not the impact's window: no words name it, or the team did it.
        assert_eq!(minutes("The release ran from 13:00 until 13:40."), None);
        assert_eq!(
            minutes("We watched the failing jobs from 13:00 until 13:40."),
            None
        );
    }

    /// A status page's history lists incidents newest first, each update with its
    /// date: its clocks are several incidents', never one narrative.
    #[test]
    fn a_history_whose_dates_go_back_is_no_narrative() {
        let page = "(Thursday 6th March 2025 14:12:00 UTC)\nAPI latency resolved. All systems operational.\n\n\
                    (Thursday 6th March 2025 14:08:10 UTC)\nWe are investigating high latency in the API.\n\n\
                    (Tuesday 4th March 2025 08:15:00 UTC)\nThe website returned to normal. All systems operational.\n";
        assert!(super::narrative(page).is_empty());
        assert!(super::history::dates_go_back(
            "Resolved May 28 at 01:00am BST\nResolved May 26 at 10:33pm BST\n"
        ));
        // Forward, the same shapes stay a narrative's.
        assert!(!super::history::dates_go_back(
            "On 4 March 2025 at 08:15 it failed. On 6 March 2025 at 14:08 it was fixed."
        ));
    }

    #[test]
    fn a_narrative_states_its_own_times() {
        let readings = |text: &str| {
            let mut m: Vec<i64> = super::narrative(text)
                .iter()
                .map(|c| c.seconds / 60)
                .collect();
            m.sort_unstable();
            m
        };
        let text = "At 9:05 AM emails began to fail. The probe alerted us (9:11 AM). The key was replaced (10:35 AM). We posted all systems operational once the backlog was empty (11:20 AM).";
        assert_eq!(readings(text), [135]);
        // Across midnight, and from any time up to the first naming the impact.
        let late = "The release went out at 23:40. Logins failed from 23:52. Logins working again at 00:30.";
        assert_eq!(readings(late), [38, 50]);
        // No time that ends it, a bare time in a 12-hour narrative, or two times only.
        assert!(
            readings(&text.replace(
                "all systems operational once the backlog was empty",
                "an update"
            ))
            .is_empty()
        );
        assert!(readings(&text.replace("(10:35 AM)", "(10:35)")).is_empty());
        // Two times in one sentence; two whose first names no impact.
        assert!(readings("Emails failed at 9:05 AM and were restored at 10:35 AM.").is_empty());
        assert!(
            readings("At 9:05 AM we deployed the new relay. Service was restored at 10:35 AM.")
                .is_empty()
        );
        // Two times in two sentences: the first names the impact, the second ends it.
        assert_eq!(
            readings(
                "At approximately 9:05 AM our monitoring saw that routes were unreachable. Once our engineers removed the filter, service was fully restored at approximately 10:35 AM."
            ),
            [90]
        );
        assert_eq!(
            readings("Uploads started failing at 23:50. They were working again at 00:20."),
            [30]
        );
        // Clocks written with a dot, where no clock has a colon; a figure with a
        // dot is none.
        assert_eq!(
            readings(
                "At approximately 08.56 a line card failed and servers could not be reached. The spare was fitted by 09.25. By 09.41 all services had returned to normal."
            ),
            [45]
        );
        assert!(
            readings("Availability was 99.95 this month. Costs rose by 12.50 in May. Back to normal in 10.30 days.")
                .is_empty()
        );
        // The end on a day of its own: how many days later is not for the clock to say.
        for end in [
            "Service was restored at 7:30 a.m. on 4/5/26.",
            "Service was restored on Sunday at 7:30 a.m.",
            "Service was restored the next morning at 7:30 a.m.",
            "Service was restored at 7:30 a.m. on 5 April.",
        ] {
            assert!(
                readings(&format!("The outage began at 9:15 p.m. on 4/3/26. {end}")).is_empty(),
                "{end}"
            );
        }
    }

    /// A length in a paragraph about one thing is that thing's window's.
    #[test]
    fn a_length_of_the_window_its_paragraph_states() {
        let sub = |text: &str| {
            let d = duration::find(text).into_iter().last()?;
            super::sub_window(text, d.range).map(|c| c.seconds / 60)
        };
        for text in [
            "A power cut hit the storage rack from 14:30 to 14:50. The power cut lasted 45 minutes.",
            "A power cut hit the storage rack from 14:30 to 14:50. It lasted 45 minutes.",
            "The deploy ran between 09:10 and 09:30, and the deploy took about 45 minutes.",
            "Maintenance was scheduled from 22:00 until 22:20; the maintenance took 45 minutes.",
        ] {
            assert_eq!(sub(text), Some(20), "{text}");
        }
        for text in [
            // The claim names the outage itself, or the window is the impact's.
            "A power cut hit the storage rack from 14:30 to 14:50. The outage lasted 45 minutes.",
            "A power cut hit the storage rack from 14:30 to 14:50. Exports were down for 45 minutes.",
            "Exports failed from 14:30 to 14:50. It lasted 45 minutes.",
            // Two windows, another paragraph, nothing tying them, no length verb.
            "The deploy ran from 09:10 to 09:30 and from 10:10 to 10:30. It took 45 minutes.",
            "A power cut hit the rack from 14:30 to 14:50.\n\nIt lasted 45 minutes.",
            "A power cut hit the rack from 14:30 to 14:50. Backups ran for 45 minutes.",
            "A power cut hit the rack from 14:30 to 14:50. It came back 45 minutes later.",
        ] {
            assert_eq!(sub(text), None, "{text}");
        }
    }

    #[test]
    fn other_parentheses_are_not_windows() {
        for text in [
            "retries 2-3 (5 minutes apart)",
            "the 14:02 deploy (35 minutes of work)",
            "from 09:10 to 10:25 we waited (75 minutes in all)",
            "14:02-14:47 (35 minutes later the queue drained)",
        ] {
            assert_eq!(window(text), None, "{text}");
        }
    }
}

#[cfg(test)]
mod stated_elsewhere {
    use crate::Format;
    use crate::claims::Verdict;

    /// The verdict of the claim `text` in a report with `body`, and the minutes it
    /// was compared with.
    fn verdict(body: &str, text: &str) -> (Verdict, Option<i64>) {
        let report =
            format!("# Export API errors on 9 July 2025\n\nAll times are UTC.\n\n{body}\n");
        let claims = crate::check(&report, Format::Markdown).claims;
        let c = claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim `{text}` in {claims:?}"));
        (c.verdict, c.compared_with.as_ref().map(|c| c.seconds / 60))
    }

    #[test]
    fn a_length_and_the_window_stated_before_it() {
        for (body, text) in [
            (
                "## What happened\n\nOn Wednesday, from 9:05 AM to 10:40 AM, webhook deliveries were delayed.\n\nFor just over an hour, merchants saw events arrive late or not at all.",
                "just over an hour",
            ),
            (
                "## Details\n\nBetween 09:05 and 10:40 the export API returned errors to most callers.\n\nThe outage lasted about an hour.",
                "about an hour",
            ),
            (
                "## Summary\n\nFrom 09:05 to 10:40, exports failed for every customer. In total the outage lasted just over an hour.",
                "just over an hour",
            ),
            (
                "## Details\n\nExports failed from 09:05 until 10:40 for every customer.\n\n- The outage lasted roughly an hour.\n- No data was lost.",
                "roughly an hour",
            ),
            (
                "## Overview\n\nThe export API was unavailable between 9:05 and 10:40 AM.\n\nCustomers could not download reports for just over 60 minutes.",
                "just over 60 minutes",
            ),
        ] {
            assert_eq!(
                verdict(body, text),
                (Verdict::Contradicts, Some(95)),
                "{body}"
            );
        }
        assert_eq!(
            verdict(
                "## Details\n\nBetween 09:05 and 10:40 the export API returned errors to most callers.\n\nThe outage lasted about an hour and a half.",
                "about an hour and a half"
            ),
            (Verdict::Agrees, Some(95))
        );
        // Numbers as authors write them, against a window stated once with its
        // zone after it, the claim wrapped over lines or in a list.
        for (body, text) in [
            (
                "**What happened**\n\nThe runners were not\navailable from 09:05 till 10:40 (all times UTC+2). In total the CI was down around 0,5 hours.",
                "around 0,5 hours",
            ),
            (
                "## Details\n\nExports failed from 09:05 till 10:40 (all times UTC).\n\n- The outage lasted\n  about 1.5h.",
                "about 1.5h",
            ),
            (
                "## Details\n\nExports failed from 09:05 until 10:40 UTC.\n\nThe outage lasted 45-ish minutes.",
                "45-ish minutes",
            ),
        ] {
            let expected = if text == "about 1.5h" {
                (Verdict::Agrees, Some(95))
            } else {
                (Verdict::Contradicts, Some(95))
            };
            assert_eq!(verdict(body, text), expected, "{body}");
        }
        // "Just over an hour" is 60 to 75 minutes and the tolerance: 70 agrees.
        assert_eq!(
            verdict(
                "## What happened\n\nFrom 9:05 AM to 10:15 AM, webhook deliveries were delayed.\n\nFor just over an hour, merchants saw events arrive late.",
                "just over an hour"
            ),
            (Verdict::Agrees, Some(70))
        );
    }

    #[test]
    fn a_window_that_is_not_the_lengths_is_not_compared() {
        for (body, text) in [
            // What the team did in that window.
            (
                "## Details\n\nBetween 09:05 and 10:40 we migrated the export database.\n\nThe outage lasted about an hour.",
                "about an hour",
            ),
            // Two windows: which one is not clear.
            (
                "## Details\n\nExports failed between 09:05 and 09:40, and again between 10:10 and 10:40.\n\nThe outage lasted about an hour.",
                "about an hour",
            ),
            // Two paragraphs back.
            (
                "## Details\n\nBetween 09:05 and 10:40 the export API returned errors.\n\nThe team met the next day.\n\nThe outage lasted about an hour.",
                "about an hour",
            ),
            // Logging before the incident, after the window.
            (
                "## Details\n\nExports failed from 09:05 until 10:40.\n\nThe workers had logged timeout errors for 2,5 days before that.",
                "2,5 days",
            ),
            // A length of something else after the window.
            (
                "## Details\n\nBetween 09:05 and 10:40 the export API returned errors.\n\nWe doubled the worker pool for two hours while the backlog drained.",
                "two hours",
            ),
            // A setting, not a length of the impact.
            (
                "## Details\n\nBetween 09:05 and 10:40 the export API returned errors.\n\nThe client timeout went from 10 seconds to 60 seconds.",
                "60 seconds",
            ),
        ] {
            assert_ne!(verdict(body, text).0, Verdict::Contradicts, "{body}");
        }
    }

    /// A sentence that states only a length measures the window of the sentence
    /// right before it, whatever the timeline says.
    #[test]
    fn a_length_alone_after_its_windows_sentence() {
        let timeline = "\n\n## Timeline\n\n- 2025-07-09 08:50 Deploy starts.\n- 08:55 Errors begin.\n- 10:55 Errors stop.\n- 11:45 Backlog drained.";
        for (body, text, verdict_is) in [
            (
                "Exports failed between 09:05 and 10:40 UTC. Roughly 90\nminutes all told.",
                "Roughly 90 minutes",
                Verdict::Agrees,
            ),
            (
                "Exports failed between 09:05 and 10:40 UTC. Roughly 90 minutes all told.",
                "Roughly 90 minutes",
                Verdict::Agrees,
            ),
            (
                "The export API was down from 09:05 to 10:40. That is about 95 minutes in total.",
                "about 95 minutes",
                Verdict::Agrees,
            ),
            (
                "Exports failed between 09:05 and 10:40 UTC. About 40 minutes all told.",
                "About 40 minutes",
                Verdict::Contradicts,
            ),
            (
                "Exports failed 09:05Z – 10:40Z. Some 45 minutes in all.",
                "Some 45 minutes",
                Verdict::Contradicts,
            ),
        ] {
            assert_eq!(
                verdict(&format!("## Summary\n\n{body}{timeline}"), text),
                (verdict_is, Some(95)),
                "{body}"
            );
        }
        // Not a length alone, another paragraph, the team's window, two windows.
        for (body, text) in [
            (
                "Exports failed between 09:05 and 10:40 UTC. The backlog took 40 minutes to drain.",
                "40 minutes",
            ),
            (
                "Exports failed between 09:05 and 10:40 UTC.\n\nAbout 40 minutes all told.",
                "About 40 minutes",
            ),
            (
                "Between 09:05 and 10:40 UTC we migrated the database. About 40 minutes all told.",
                "About 40 minutes",
            ),
            (
                "Exports failed from 09:05 to 09:40 and from 10:10 to 10:40 UTC. About 40 minutes all told.",
                "About 40 minutes",
            ),
        ] {
            let (_, compared) = verdict(&format!("## Summary\n\n{body}{timeline}"), text);
            assert_ne!(compared, Some(95), "{body}");
        }
    }

    /// A length, a few words after "of", then its window in parentheses, with
    /// `Z`-suffixed times across midnight.
    #[test]
    fn a_length_of_something_and_its_window() {
        assert_eq!(
            super::tests::window("~35 min of failed card payments (23:41Z – 00:44Z)"),
            Some(63)
        );
        assert_eq!(
            super::tests::window("45 minutes of errors (from 23:50 to 00:35 UTC)"),
            Some(45)
        );
        assert_eq!(
            super::tests::window("about 40 minutes (23:41Z-00:21Z)"),
            Some(40)
        );
        // More than a few words, or words inside the parenthesis: not the window.
        assert_eq!(
            super::tests::window("35 min of the payments that failed in the end (23:41Z – 00:44Z)"),
            None
        );
        assert_eq!(
            super::tests::window("35 min of failed payments (23:41Z first 502 → 00:44Z rollback)"),
            None
        );
    }
}
