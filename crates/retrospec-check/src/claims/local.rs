//! The window a stated length sits beside: the one its own sentence, the
//! sentences around it or its paragraph (else the paragraph right before) state
//! ("Between 09:25 CEST, when the first campaigns stalled, and 14:51 CEST, when
//! the last message went out, sending was slow: a little over three hours in
//! all"; "It went down at about 9AM ... and it was back by 8PM"; "offline from
//! about 04:45 UTC to 16:30 (04:30 pm) UTC.\n\nAfter almost 9 hours offline ...").
//! A reviewer compares adjacent statements first, so the incident's length is
//! compared with this window before the report's wider readings.
//!
//! Clock forms read: `14:30`, `20:14:38`, `9AM`, `8 pm`, `1.52pm`, `3.40 p.m.`,
//! `14h30`, `1342 EST` (four digits only with a zone), each with an optional
//! zone after it and a day before or after it (`Nov 07 20:14:38 UTC`, `21:40
//! UTC on Monday 17 February`). A window whose
//! end is before its start runs past midnight; two days written on its ends set
//! the days between. Two ends in different zones, a month that changes, a time
//! in parentheses right after another (its copy in another form) or a second
//! window in the same place leave it unread.

use std::ops::Range;
use std::sync::LazyLock;

use super::Compared;
use crate::lean::Lean;
use crate::span::floor_char as floor;

mod beside;
mod line;
mod part;
pub(super) use line::line_fields;
pub(super) use part::part_window;

/// A clock time in a sentence, with its zone and a day around it.
#[derive(Debug, Clone)]
struct Clock {
    range: Range<usize>,
    minutes: i64,
    zone: Option<String>,
    /// Day of the month and month (1-12) written with it.
    day: Option<(u32, u32)>,
    /// A day written with it in a form not read here (`3/2/26`, `Monday`,
    /// `2025-03-04`): its day is unknown.
    other_day: bool,
}

/// A day in another form right after a clock: "on Monday 3/2/26", "Friday".
static OTHER_DAY_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^,?\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[0-9]{1,4}[/.-][0-9]{1,2}|(?:the\s+)?(?:next|following)\s+(?:day|morning)|tomorrow|yesterday)")
        .expect("the pattern is valid")
});
/// ...or right before it: "2025-03-04 10:00", "3/2 at 9:15", "Sunday 09:30".
static OTHER_DAY_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:[0-9]{1,4}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|yesterday|next\s+(?:day|morning))[,\sT]*(?:at\s+)?$")
        .expect("the pattern is valid")
});

static CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?x)
        (?:(?P<mon1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?\s+(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+(?:at\s+)?)?
        \b(?:
            (?P<h>[0-2]?[0-9])[:.](?P<m>[0-5][0-9])(?::[0-5][0-9])?\s*(?P<p>(?i:[ap]\.?\s?m\b\.?))
          | (?P<h2>[0-2]?[0-9]):(?P<m2>[0-5][0-9])(?::[0-5][0-9])?
          | (?P<h3>[0-2]?[0-9])h(?P<m3>[0-5][0-9])
          | (?P<h4>1[0-2]|0?[1-9])\s*(?P<p4>(?i:[ap]\.?\s?m\b\.?))
          | (?P<h5>[01][0-9]|2[0-3])(?P<m5>[0-5][0-9])
        )
        (?:\s*(?P<zone>(?:UTC|GMT|Z|[A-Z][A-Z]?[SD]T|CET|CEST|EET|EEST|WET|WEST|BST|IST|JST|KST|AEST|AEDT|NZST|NZDT)\b(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?))?
        (?:,?\s+(?:on\s+)?(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b)?",
    )
    .expect("the pattern is valid")
});

/// A date with its year just before a clock: `2026-06-11 20:18`, `25 June
/// 2026 21:33`, `15 December 2026, 03:53`, `Feb 19, 2026, 05:12 PM`.
static DAY_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:19|20)[0-9]{2}-(?P<mo0>[01][0-9])-(?P<d0>[0-3][0-9])|\b(?P<d3>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<mon3>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)[0-9]{2}|\b(?P<mon1>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+(?:19|20)[0-9]{2})(?:,?\s+|T)(?:at\s+)?$")
        .expect("the pattern is valid")
});

/// The day (of the month, month) a [`DAY_BEFORE`] date in `head` gives.
fn day_before(head: &str) -> Option<(u32, u32)> {
    let caps = DAY_BEFORE.captures(head)?;
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(d), Some(mo)) = (num("d0"), num("mo0")) {
        return (1..=12).contains(&mo).then_some((d, mo));
    }
    let (d, mo) = caps
        .name("d3")
        .zip(caps.name("mon3"))
        .or(caps.name("d1").zip(caps.name("mon1")))?;
    d.as_str().parse::<u32>().ok().zip(month(mo.as_str()))
}

/// `head` without a [`DAY_BEFORE`] date at its end.
fn without_day(head: &str) -> &str {
    match DAY_BEFORE.find(&head[floor(head, head.len().saturating_sub(40))..]) {
        Some(m) => &head[..head.len() - m.as_str().len()],
        None => head,
    }
}

fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| w.starts_with(m))
    .map(|i| i as u32 + 1)
}

/// The clock times of `text` (a paragraph or two), at most 12.
fn clocks(text: &str) -> Vec<Clock> {
    let mut out = Vec::new();
    for caps in CLOCK.captures_iter(text).take(12) {
        let Some(whole) = caps.get(0) else { continue };
        let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
        let (h, m, p) = if let (Some(h), Some(m)) = (num("h"), num("m")) {
            (h, m, caps.name("p"))
        } else if let (Some(h), Some(m)) = (num("h2"), num("m2")) {
            (h, m, None)
        } else if let (Some(h), Some(m)) = (num("h3"), num("m3")) {
            (h, m, None)
        } else if let Some(h) = num("h4") {
            (h, 0, caps.name("p4"))
        } else if let (Some(h), Some(m)) = (num("h5"), num("m5")) {
            // `1342 EST`: four digits are a clock only with a zone after them
            // (a year, a count or a port has none).
            if caps.name("zone").is_none() {
                continue;
            }
            (h, m, None)
        } else {
            continue;
        };
        // A version number or a score ("4.40", "1.5"), no clock: the dotted
        // form is read only with its a.m./p.m.
        let h = match p {
            Some(p) => {
                if !(1..=12).contains(&h) {
                    continue;
                }
                let pm = p.as_str().to_ascii_lowercase().starts_with('p');
                match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                }
            }
            None if h > 23 => continue,
            None => h,
        };
        // Part of a date or a version: `2025-03-04`, `v1:20`, `10:05:00Z`'s pieces.
        let prev = text[..whole.start()].chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '/' || c == '-') {
            continue;
        }
        let day = match (
            caps.name("d1").zip(caps.name("mon1")),
            caps.name("d2").zip(caps.name("mon2")),
        ) {
            (Some((d, mo)), _) | (None, Some((d, mo))) => {
                d.as_str().parse::<u32>().ok().zip(month(mo.as_str()))
            }
            _ => day_before(&text[floor(text, whole.start().saturating_sub(40))..whole.start()]),
        };
        let other_day = day.is_none()
            && (OTHER_DAY_AFTER.is_match(&text[whole.end()..])
                || OTHER_DAY_BEFORE
                    .is_match(&text[floor(text, whole.start().saturating_sub(30))..whole.start()]));
        out.push(Clock {
            other_day,
            range: whole.range(),
            minutes: h * 60 + m,
            zone: caps.name("zone").map(|z| z.as_str().to_string()),
            day,
        });
    }
    out
}

/// Minutes from `a` to `b`: past midnight when `b` is before `a`, across the
/// days their dates give; `None` when their zones differ or their days cannot
/// be told apart.
fn span(a: &Clock, b: &Clock) -> Option<i64> {
    if let (Some(x), Some(y)) = (&a.zone, &b.zone)
        && x != y
    {
        return None;
    }
    if a.other_day || b.other_day {
        return None;
    }
    let days = match (a.day, b.day) {
        (Some((d1, m1)), Some((d2, m2))) if m1 == m2 && d2 >= d1 && d2 - d1 <= 2 => {
            i64::from(d2 - d1)
        }
        (Some(_), Some(_)) => return None,
        _ => i64::from(b.minutes < a.minutes),
    };
    let total = days * 24 * 60 + b.minutes - a.minutes;
    (total > 0 && total < 3 * 24 * 60).then_some(total)
}

/// Words just before a window's start that open it: "from", "between", "since".
static OPENS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:from|between|since)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// Words just before a window's end that close it: "to", "until", "and".
static CLOSES: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:to|until|till|til|through|and)|[-–—]|\buntil\s+[^.;:!?]{3,60}?\s+at)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// A start said in words: "went down at about", "began failing at", "first 502 at".
static START_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:went\s+(?:down|offline|dark)|go(?:es)?\s+down|began|begun|started|starting|stopped\s+(?:working|responding|answering|serving)|broke|crashed|failed|failing|became\s+(?:unavailable|unreachable|unresponsive)|first\s+(?:errors?|failures?|alerts?|5[0-9][0-9]s?|reports?|timeouts?))\b[^.;:!?]{0,60}?\b(?:at|from|around|about|by)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// An end said in words: "back by", "resolved at", "errors stopped at".
static END_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:back|restored|recovered|resolved|fixed|stopped|ceased|ended|over|returned|came\s+back|working\s+again|up\s+again|online\s+again|cleared|subsided)\b[^.;:!?]{0,40}?\b(?:at|by|around|about|from)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// A plan or an action of the team at the end: no end of the impact.
static PLAN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:expect(?:ed)?|should|will|would|plan(?:ned)?|hope[ds]?|scheduled|estimated|eta)\b")
        .expect("the pattern is valid")
});

/// The window stated beside the length at `range` of `masked`: in its
/// paragraph (or the paragraph before, when its own states no clock time).
pub(super) fn window(masked: &str, range: Range<usize>) -> Option<Compared> {
    if let Some(own) = parenthesised(masked, range.end) {
        return Some(own);
    }
    if let Some(fields) = beside::fields_beside(masked, range.clone()) {
        return Some(fields);
    }
    // A list item is a statement of its own: "- About 6,900 students could not
    // sign in for 1 hour and 38 minutes." is not the next item's window.
    let breaks = ["\n\n", "\n- ", "\n* ", "\n+ "];
    let para_start = breaks
        .iter()
        .filter_map(|b| masked[..range.start].rfind(b).map(|i| i + 1))
        .max()
        .map_or(0, |i| i + usize::from(masked[i..].starts_with('\n')));
    let para_end = breaks
        .iter()
        .filter_map(|b| masked[range.end..].find(b))
        .min()
        .map_or(masked.len(), |i| range.end + i);
    // A paragraph too long to be one statement is not read.
    if para_end - para_start > 1500 {
        return None;
    }
    let own = &masked[para_start..para_end];
    let own_clocks = if own.bytes().any(|b| b.is_ascii_digit()) {
        clocks(own)
    } else {
        Vec::new()
    };
    let (text, list) = if own_clocks.is_empty() {
        // Only when the length opens its paragraph: "... to 16:30 UTC.\n\nAfter
        // almost 9 hours offline the server came back".
        if para_start < 2
            || !masked[..para_start].ends_with("\n\n")
            || !first_sentence(own, range.start - para_start)
            || !super::subject::IMPACT_WORDS.is_match(sentence_of(
                own,
                range.start - para_start..range.end - para_start,
            ))
        {
            return None;
        }
        let prev_start = masked[..para_start - 2].rfind("\n\n").map_or(0, |i| i + 2);
        let prev = &masked[prev_start..para_start - 2];
        if prev.len() > 1500 || prev.contains("\n- ") || prev.contains("\n* ") {
            return None;
        }
        (prev, clocks(prev))
    } else {
        (own, own_clocks)
    };
    let mut found = windows(text, &list);
    // Several: the one in the length's own sentence, when it is alone there.
    if found.len() > 1 && std::ptr::eq(text, own) {
        let at = range.start - para_start;
        let here = sentence_range(text, at..at);
        found.retain(|(a, _)| here.contains(&a.range.start));
    }
    let [(a, b)] = found.as_slice() else {
        return None;
    };
    let minutes = span(a, b)?;
    let (wa, wb) = (text[a.range.clone()].trim(), text[b.range.clone()].trim());
    Some(super::window::stated(
        format!("window start `{wa}` (stated beside it)"),
        format!("window end `{wb}` (stated beside it)"),
        minutes * 60,
    ))
}

/// The window a length states in parentheses right after it, two clocks joined
/// by an arrow, a dash or "to": `~58 min (23:50Z deployment → 00:48Z rollback)`,
/// `40 minutes (14:05-14:45 UTC)`. The author says what was measured; no other
/// window is looked for.
fn parenthesised(masked: &str, end: usize) -> Option<Compared> {
    let after = &masked[end..];
    let inner_start = after.len() - after.trim_start_matches([' ', '\t']).len();
    let rest = after[inner_start..].strip_prefix('(')?;
    let close = rest.find(')').filter(|&c| c <= 120)?;
    let inner = &rest[..close];
    let list = clocks(inner);
    let [a, b] = list.as_slice() else {
        return None;
    };
    let mid = &inner[a.range.end..b.range.start];
    let joined = ["→", "->", "–", "—", "-", " to ", " until "]
        .iter()
        .any(|j| mid.contains(j))
        && mid.split_whitespace().count() <= 4;
    if !joined {
        return None;
    }
    let minutes = span(a, b)?;
    let (wa, wb) = (inner[a.range.clone()].trim(), inner[b.range.clone()].trim());
    Some(super::window::stated(
        format!("window start `{wa}` (stated beside it)"),
        format!("window end `{wb}` (stated beside it)"),
        minutes * 60,
    ))
}

/// A year in a field's date: `2025`, `14/01/25`.
static YEAR: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\b(?:19|20)[0-9]{2}\b|[/.][0-9]{2}\b").expect("the pattern is valid")
});

/// The window a report states in a block of fields, one `Start:` and one
/// `End:` line, each with one clock and the same numeric date or none
/// ("Start: 14/01/2025 07:40", "End: 14/01/2025 11:05"): the impact's window
/// for a length that nothing beside it measures.
pub(super) fn field_window(text: &str) -> Option<Compared> {
    // Read only for an incident length nothing else measured: rare, and the
    // text is read once, without a copy.
    if !text.contains(':') {
        return None;
    }
    let mut start: Option<(&str, Clock)> = None;
    let mut end: Option<(&str, Clock)> = None;
    for field in super::timeline::start_end_fields(text).take(40) {
        let value = field.value;
        if !(4..=60).contains(&value.len()) {
            continue;
        }
        let list = clocks(value);
        let [clock] = list.as_slice() else {
            continue;
        };
        let slot = if field.start { &mut start } else { &mut end };
        // Two starts or two ends: which is meant is not clear.
        if slot.is_some() {
            return None;
        }
        *slot = Some((value, clock.clone()));
    }
    let ((va, mut a), (vb, mut b)) = (start?, end?);
    // Both on the same written day, with its year ("14/01/2025", "3 June
    // 2025"): a start or end without a date is no window of its own.
    let day = |v: &str, c: &Clock| {
        let mut rest = String::with_capacity(v.len());
        rest.push_str(&v[..c.range.start]);
        rest.push_str(&v[c.range.end..]);
        let rest = rest
            .trim_matches(|ch: char| ch.is_whitespace() || ",;()*_".contains(ch))
            .to_string();
        YEAR.is_match(&rest).then_some(rest)
    };
    match (day(va, &a), day(vb, &b)) {
        (Some(x), Some(y)) if x == y && b.minutes > a.minutes => {
            a.other_day = false;
            b.other_day = false;
            a.day = None;
            b.day = None;
        }
        _ => return None,
    }
    let minutes = span(&a, &b)?;
    Some(super::window::stated(
        format!("start `{}` (a field)", va.trim()),
        format!("end `{}` (a field)", vb.trim()),
        minutes * 60,
    ))
}

/// Words just before a start the length's own sentence states: "At 14:10 UTC,",
/// "at roughly 18:52 UTC", "began at approximately", "started at".
static OWN_START_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:^|[\s(])(?:at|since)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// A timeline entry that states a recovery: "answers again", "errors stop",
/// "is back", "restored".
static RECOVERY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:restored|restoring|recovered|recovers|resolved|fixed|mitigated|back\s+(?:up|online|to\s+normal|in\s+service)|(?:is|are|was|were|came|comes|come)\s+back|errors?\s+(?:stop|stopped|cease|ceased|end|ended)|(?:answers?|answered|works?|working|loads?|load|accepts?|responds?|responding|serves?|serving|up|online|available|reachable)\s+(?:[a-z]+\s+){0,2}?again)\b")
        .expect("the pattern is valid")
});

/// A length whose own sentence states its start before it and no other clock
/// ("At 14:10 UTC, the service went offline for a period of 84 minutes", "at
/// roughly 18:52 UTC the instance experienced a 14 minute failure"): it runs
/// from that start, so it is measured to the first recovery the timeline
/// (`entries`, sorted, with their wall-clock seconds) states after it, not
/// against the whole incident. `None` when the sentence states no such start or
/// a plan, or the timeline no recovery after it.
pub(super) fn own_start(
    masked: &str,
    range: Range<usize>,
    entries: &[(usize, &crate::times::TimeValue, i64, &str)],
) -> Option<Compared> {
    if entries.is_empty() {
        return None;
    }
    let sentence = sentence_range(masked, range.clone());
    let head = &masked[sentence.start..range.start];
    let tail = &masked[range.end..sentence.end];
    if PLAN.is_match(head) || PLAN.is_match(tail) || !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let [clock] = clocks(head).try_into().ok()?;
    if !clocks(tail).is_empty() || !OWN_START_BEFORE.is_match(&head[..clock.range.start]) {
        return None;
    }
    let of_day = clock.minutes * 60;
    // The start on the timeline's days: the entry at that very time, or the
    // first entry's day (the one before or after when that is closer).
    let first = entries[0].2;
    let start = match entries.iter().find(|e| e.2.rem_euclid(86_400) == of_day) {
        Some(e) => e.2,
        None => {
            let t = first.div_euclid(86_400) * 86_400 + of_day;
            if t > first + 43_200 {
                t - 86_400
            } else if t < first - 43_200 {
                t + 86_400
            } else {
                t
            }
        }
    };
    let (i, value, end, _) = entries
        .iter()
        .find(|e| e.2 > start && RECOVERY.is_match(e.3))?;
    let written = head[clock.range.clone()].trim();
    let mut compared = super::window::stated(
        format!("start `{written}` (stated in its sentence)"),
        format!("the first recovery after it (entry {})", i + 1),
        end - start,
    );
    compared.to_pointer = value.pointer.clone();
    Some(compared)
}

/// The end a length's own sentence states right after it: ", until the facility
/// moved the circuits onto utility power at 1419 EST".
static UNTIL_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*,?\s*until\s+[^.;:!?()]{3,100}?\s+(?:at|by)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});
/// What opens a sentence that states its start first: "At 1342 EST, 1842 UTC,",
/// "From 09:10 UTC".
static OPENS_AT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:at|from|since)\s+(?:(?:about|around|approximately|approx\.|roughly|~|ca\.)\s*)?$")
        .expect("the pattern is valid")
});

/// A length whose own sentence opens with its start and names its end right
/// after it ("At 1342 EST, 1842 UTC, the UPS failed and our racks were without
/// power for approximately 20 minutes, until the facility moved the circuits
/// onto utility power at 1419 EST, 1919 UTC"): the sentence says what it
/// measures, whatever its subject, so it is that window's length. The start is
/// the sentence's first clock (a copy in another zone may follow it), the end
/// the first clock after "until ... at"; both in the same zone, or the reading
/// is left. `None` for any other shape, or a plan.
pub(super) fn at_until(masked: &str, range: Range<usize>) -> Option<Compared> {
    let sentence = sentence_range(masked, range.clone());
    let head = &masked[sentence.start..range.start];
    if !head.trim_end().to_ascii_lowercase().ends_with(" for")
        || !head.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let tail = &masked[range.end..sentence.end];
    let ends = clocks(tail);
    let b = ends.first()?;
    if !UNTIL_AT.is_match(&tail[..b.range.start]) || PLAN.is_match(&tail[..b.range.start]) {
        return None;
    }
    let starts = clocks(head);
    let a = starts.first()?;
    if !OPENS_AT.is_match(&head[..a.range.start]) || PLAN.is_match(head) {
        return None;
    }
    // Every later clock before the length is the start's copy in another zone
    // (`1342 EST, 1842 UTC`): a second time of its own makes the start unclear.
    if starts[1..]
        .iter()
        .any(|c| c.zone.is_none() || c.zone == a.zone || c.range.start > a.range.end + 12)
    {
        return None;
    }
    // Ends in two written zones: `span` leaves them unread.
    let minutes = span(a, b)?;
    let (wa, wb) = (head[a.range.clone()].trim(), tail[b.range.clone()].trim());
    Some(super::window::stated(
        format!("start `{wa}` (its sentence's first time)"),
        format!("end `{wb}` (\"until ... at\" right after it)"),
        minutes * 60,
    ))
}

/// What may join the two clocks of a bare window: the first clock's zone or
/// year left over, then "until", "to" or a dash (the second clock's date is
/// taken off before).
static BARE_JOIN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?:19|20)[0-9]{2}\s*)?,?\s*(?:\(?(?-i:[A-Z]{2,5})\)?\s*)?,?\s*(?:until|till|to|through|→|->|–|—|-)\s*$")
        .expect("the pattern is valid")
});

/// The window a sentence states with exactly two clocks, each with its date or
/// none, joined by "until", "to" or a dash, with or without "from" before:
/// "25 June 2026 21:33 until 26 June 2026 13:22", "From 21:33 UTC on 25 June
/// 2026 until 13:22 UTC on 26 June 2026". Read for a length the author wrote
/// in parentheses right after it.
pub(super) fn bare_window(sentence: &str) -> Option<Compared> {
    let list = clocks(sentence);
    let [a, b] = list.as_slice() else {
        return None;
    };
    if !BARE_JOIN.is_match(without_day(&sentence[a.range.end..b.range.start])) {
        return None;
    }
    let minutes = span(a, b)?;
    let (wa, wb) = (
        sentence[a.range.clone()].trim(),
        sentence[b.range.clone()].trim(),
    );
    Some(super::window::stated(
        format!("window start `{wa}` (stated beside it)"),
        format!("window end `{wb}` (stated beside it)"),
        minutes * 60,
    ))
}

/// "N until <event>" after a length: "complete outage of 8 hours until the
/// read-only site was enabled", "approximately 56 hours until map edits were
/// restored".
static UNTIL_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:of\s+(?:total\s+|complete\s+)?(?:downtime|outage)\s+)?until\s+(?P<what>[^.;:\n|]{3,80})")
        .expect("the pattern is valid")
});
/// ...or a label before it: "**Total time until the provider fixed its router:**".
static UNTIL_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\btime\s+until\s+(?P<what>[^:\n|]{3,80}?)[*_]*\s*:[*_]*\s*(?:(?:about|around|roughly|approximately|~)\s*)?$")
        .expect("the pattern is valid")
});
/// Words that say nothing of which event is meant.
const UNTIL_STOP: &[&str] = &[
    "the", "was", "were", "been", "with", "from", "that", "this", "when", "they", "their", "its",
    "our", "and", "had", "have", "has", "into", "onto", "back", "again", "fully", "finally",
];

/// The timeline entry a length's "until <event>" names ([`UNTIL_AFTER`],
/// [`UNTIL_LABEL`]): the one entry sharing the most of the event's words, two
/// at least, and more than any other entry shares. Its index in `entries`.
pub(super) fn until_event(
    masked: &str,
    range: Range<usize>,
    entries: &[(usize, &crate::times::TimeValue, i64, &str)],
) -> Option<usize> {
    let words = until_words(masked, range)?;
    let counts: Vec<usize> = entries.iter().map(|e| shared(&words, e.3)).collect();
    best_of(&counts)
}

/// The event words of a length's "until <event>", two at least.
fn until_words(masked: &str, range: Range<usize>) -> Option<Vec<String>> {
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let what = UNTIL_AFTER
        .captures(&masked[range.end..])
        .or_else(|| UNTIL_LABEL.captures(&masked[line_start..range.start]))?
        .name("what")?
        .as_str()
        .to_ascii_lowercase();
    if PLAN.is_match(&what) {
        return None;
    }
    let words: Vec<String> = what
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.len() >= 4 && !UNTIL_STOP.contains(w))
        // A stem: "restored" finds "Restoration", "enabled" "enables".
        .map(|w| w[..w.len().min(5.max(w.len().saturating_sub(3)))].to_string())
        .collect();
    (words.len() >= 2).then_some(words)
}

/// How many of `words` `text` holds, each at the start of a word.
fn shared(words: &[String], text: &str) -> usize {
    let text = text.to_ascii_lowercase();
    words
        .iter()
        .filter(|w| {
            text.match_indices(w.as_str()).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                !before.is_some_and(|c| c.is_ascii_alphanumeric())
            })
        })
        .count()
}

/// The index of the one highest count, two at least.
fn best_of(counts: &[usize]) -> Option<usize> {
    let best = *counts.iter().max()?;
    if best < 2 || counts.iter().filter(|&&c| c == best).count() != 1 {
        return None;
    }
    counts.iter().position(|&c| c == best)
}

/// A field line that labels the impact's start: "**Outage Start (UTC):**".
static START_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[^:\n]{0,40}\b(?:start|started|starts|began|begins|onset)\b[^:\n]{0,20}:")
        .expect("the pattern is valid")
});

/// The same reading when the report states its times as fields beside the
/// length (`- **Outage Start (UTC):** 15 December 2026, 03:53`, `-
/// **Partial Restoration:** 15 December 2026, 11:31 (read-only site ...)`):
/// from the one field labelled as the start to the one field line whose words
/// name the event, each with one dated clock.
pub(super) fn until_field(masked: &str, range: Range<usize>) -> Option<Compared> {
    let words = until_words(masked, range.clone())?;
    let own_line = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let mut start = None;
    let mut lines = Vec::new();
    let mut at = 0;
    for line in masked.split_inclusive('\n') {
        let here = at;
        at += line.len();
        if here == own_line || !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let list = clocks(line);
        let [clock] = list.as_slice() else { continue };
        if clock.day.is_none() {
            continue;
        }
        if START_LABEL.is_match(line.trim_start()) {
            if start.is_some() {
                return None;
            }
            start = Some((line, clock.clone()));
        } else {
            lines.push((line, clock.clone()));
        }
    }
    let (start_line, a) = start?;
    let counts: Vec<usize> = lines.iter().map(|(l, _)| shared(&words, l)).collect();
    let (end_line, b) = &lines[best_of(&counts)?];
    let minutes = span(&a, b)?;
    Some(super::window::stated(
        format!("start `{}` (a field)", start_line[a.range.clone()].trim()),
        format!(
            "`{}` (the field its words name)",
            end_line[b.range.clone()].trim()
        ),
        minutes * 60,
    ))
}

/// "the roughly N between the first failure notice (around 16:00 JST) and
/// the start of the investigation (around 22:40 JST)": a length followed in
/// its sentence by "between", two events and their clocks.
static BETWEEN_AFTER: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)^\s*between\s").expect("the pattern is valid"));

/// The window a length's own "between X (T1) and Y (T2)" states after it: the
/// rest of its sentence opens with "between", holds exactly two clocks, the
/// second after an "and", with no full stop between; not a plan.
pub(super) fn between_after(masked: &str, range: Range<usize>) -> Option<Compared> {
    let sentence = sentence_range(masked, range.clone());
    let tail = &masked[range.end..sentence.end];
    if !BETWEEN_AFTER.is_match(tail) || PLAN.is_match(&masked[sentence.clone()]) {
        return None;
    }
    let list = clocks(tail);
    let [a, b] = list.as_slice() else {
        return None;
    };
    let mid = &tail[a.range.end..b.range.start];
    if !mid.contains(" and ") || mid.len() > 120 {
        return None;
    }
    let minutes = span(a, b)?;
    let (wa, wb) = (tail[a.range.clone()].trim(), tail[b.range.clone()].trim());
    Some(super::window::stated(
        format!("window start `{wa}` (stated beside it)"),
        format!("window end `{wb}` (stated beside it)"),
        minutes * 60,
    ))
}

/// The sentence of `text` around `range`.
fn sentence_of(text: &str, range: Range<usize>) -> &str {
    &text[sentence_range(text, range)]
}

/// Where the sentence of `text` around `range` is.
fn sentence_range(text: &str, range: Range<usize>) -> Range<usize> {
    use crate::sentence::{ENDS, around};
    around(text, range, ENDS, &[". ", ".\n", "! ", "? "])
}

/// The clause after a window's end, to a comma or the sentence's end.
fn clause_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.find([',', '.', ';', ':', '\n']).unwrap_or(rest.len())]
}

/// Whether `at` is in the first sentence of `para`.
fn first_sentence(para: &str, at: usize) -> bool {
    let head = &para[..at.min(para.len())];
    ![". ", ".\n", "! ", "? ", ": "]
        .iter()
        .any(|b| head.contains(b))
}

/// The windows `text` states with its clocks `list`: a pair opened and closed
/// by "from/between ... to/until/and" in one sentence, or a start said in words
/// and an end said in words in the same or the next sentence, with no clock
/// between them.
fn windows<'c>(text: &str, list: &'c [Clock]) -> Vec<(&'c Clock, &'c Clock)> {
    let mut out = Vec::new();
    for pair in list.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // `16:30 (04:30 pm)`: the same time again, in another form.
        let mid = &text[a.range.end..b.range.start];
        if mid.trim().trim_start_matches('(').trim().is_empty() || a.minutes == b.minutes {
            continue;
        }
        // A date written before a clock is the clock's: "from 2026-06-11 20:18
        // (UTC) until 2026-06-12 03:45 (UTC)".
        let head = without_day(&text[..a.range.start]);
        let mid = without_day(mid);
        // "from about 04:45 UTC to 16:30 (04:30 pm) UTC", "Between 09:25 CEST,
        // when ..., and 14:51 CEST": one sentence.
        // ...not a window of the team's own work ("Between 09:00 and 09:30 we
        // moved the backups").
        let joined = OPENS.is_match(head)
            && CLOSES.is_match(mid)
            && mid.len() <= 160
            && !mid.contains(". ")
            && !mid.contains(";")
            && !super::subject::TEAM_SUBJECT.is_match(clause_after(text, b.range.end));
        // "It went down at about 9AM, ..., and it was back by 8PM": a start and an
        // end in words, at most one sentence apart.
        // With only these two clocks in the paragraph, a start whose sentence
        // names the impact ("**Control-plane API errors (14:10 EST).** ...
        // Errors stopped at 14:55 EST") is one too, within the paragraph.
        let told = || {
            let sentences = mid.matches(". ").count() + mid.matches(".\n").count();
            let tail = &mid[floor(mid, mid.len().saturating_sub(70))..];
            let worded = START_AT.is_match(&head[floor(head, head.len().saturating_sub(90))..])
                && sentences <= 1
                && mid.len() <= 300;
            let named = list.len() == 2
                && super::subject::IMPACT_WORDS.is_match(sentence_of(text, a.range.clone()))
                && mid.len() <= 600;
            (worded || named) && END_AT.is_match(tail) && !PLAN.is_match(tail)
        };
        // The window's own words name the impact, not a step of the response
        // ("The help desk took 212 calls between 7:50 and 10:00").
        let impact = || {
            let words = |r: Range<usize>| sentence_of(text, r);
            super::subject::IMPACT_WORDS.is_match(words(a.range.clone()))
                || super::subject::IMPACT_WORDS.is_match(words(b.range.clone()))
        };
        let ours = || super::subject::TEAM_SUBJECT.is_match(clause_after(text, b.range.end));
        if (joined || (told() && !ours())) && impact() {
            out.push((a, b));
        }
    }
    // A time in parentheses right after its copy in another form counts once:
    // drop pairs that only differ by such a copy.
    out.dedup_by(|x, y| x.0.range == y.0.range);
    out
}

#[cfg(test)]
mod tests {
    use super::window;

    fn minutes(text: &str, length: &str) -> Option<i64> {
        let i = text.find(length).expect("the length is in the text");
        window(text, i..i + length.len()).map(|c| c.seconds / 60)
    }

    /// "N until <event>" beside fields of dated times: from the field labelled
    /// as the start to the one field whose words name the event; no field
    /// naming it, or two, leave it unread.
    #[test]
    fn until_an_event_a_field_names() {
        use super::until_field;
        let fields = "- **Outage Start (UTC):** 15 December 2026, 03:53\n- **Partial Restoration:** 15 December 2026, 11:31 (read-only site from the second data centre)\n- **Full Restoration:** 17 December 2026, 12:21 (map edits back over a new link)\n";
        let read = |claim: &str, length: &str| {
            let text = format!("{fields}- {claim}\n");
            let i = text.find(length).expect("the length is in the text");
            until_field(&text, i..i + length.len()).map(|c| c.seconds / 60)
        };
        assert_eq!(
            read(
                "complete outage of 8 hours until the read-only site was enabled.",
                "8 hours"
            ),
            Some(7 * 60 + 38)
        );
        assert_eq!(
            read(
                "approximately 56 hours until map edits were restored.",
                "56 hours"
            ),
            Some(56 * 60 + 28)
        );
        assert_eq!(
            read("about 3 hours until the vendor called back.", "3 hours"),
            None
        );
        assert_eq!(
            read("about 3 hours until restoration work began.", "3 hours"),
            None
        );
    }

    /// A length followed by "between X (T1) and Y (T2)" is that window's.
    #[test]
    fn between_two_events_and_their_clocks() {
        use super::between_after;
        let read = |text: &str, length: &str| {
            let i = text.find(length).expect("the length is in the text");
            between_after(text, i..i + length.len()).map(|c| c.seconds / 60)
        };
        let text = "Record the roughly 6 hours 40 minutes between the first failure notice (around 16:00 JST) and the start of the investigation (around 22:40 JST).";
        assert_eq!(read(text, "6 hours 40 minutes"), Some(400));
        // A plan, or one clock only: not read.
        let plan =
            "We will allow 2 hours between the freeze (at 16:00) and the release (at 18:00).";
        assert_eq!(read(plan, "2 hours"), None);
        let one = "It took 2 hours between the notice (16:00) and the fix.";
        assert_eq!(read(one, "2 hours"), None);
    }

    /// A date with its year written before each clock (ISO, "25 June 2026",
    /// "Feb 19, 2026,") gives the window's days: across midnight, one day apart.
    #[test]
    fn dates_before_the_clocks_give_the_days() {
        for (text, length, want) in [
            (
                "The site was unavailable from 2026-06-11 20:18 (UTC) until 2026-06-12 03:45 (UTC), a total outage of 7 hours 27 minutes.",
                "7 hours 27 minutes",
                447,
            ),
            (
                "Checkout failed from 25 June 2026 21:33 until 26 June 2026 01:03, 3 hours 30 minutes in all.",
                "3 hours 30 minutes",
                210,
            ),
        ] {
            assert_eq!(minutes(text, length), Some(want), "{text}");
        }
        // Two days a month apart, or dates in different months: not read.
        let text = "Checkout failed from 2026-06-30 20:00 until 2026-07-01 01:00, 5 hours in all.";
        assert_eq!(minutes(text, "5 hours"), None);
    }

    /// A window in parentheses right after the length is what it measures.
    #[test]
    fn a_window_in_parentheses_after_the_length() {
        for (text, want) in [
            (
                "**Duration:** ~58 min (23:50Z deployment → 00:48Z rollback)",
                Some(58),
            ),
            (
                "Checkout failed for 40 minutes (14:05 – 14:45 UTC).",
                Some(40),
            ),
            (
                "Checkout failed for 40 minutes (14:05 UTC to 14:50 UTC).",
                Some(45),
            ),
            // One clock, or clocks not joined as a window, or a note too long.
            ("Checkout failed for 40 minutes (from 14:05 UTC).", None),
            (
                "Checkout failed for 40 minutes (the alert at 14:05 and the page at 14:20).",
                None,
            ),
        ] {
            let length = ["~58 min", "40 minutes"]
                .into_iter()
                .find(|l| text.contains(l))
                .expect("a length");
            assert_eq!(minutes(text, length), want, "{text}");
        }
    }

    #[test]
    fn windows_beside_a_length_in_every_clock_form() {
        for (text, length, want) in [
            (
                "Between 09:25 CEST, when the first jobs stalled, and 14:51 CEST, when the last one ran, sending was slow: a little over three hours in all.",
                "a little over three hours",
                326,
            ),
            (
                "The wiki was offline for around nine hours on Friday. It went down at about 9AM, right after a merge, and it was back by 8PM that evening.",
                "around nine hours",
                660,
            ),
            (
                "The resolver was offline from about 04:45 UTC to 16:30 (04:30 pm) UTC.\n\nAfter almost 9 hours offline it came back.",
                "almost 9 hours",
                705,
            ),
            (
                "Between 21:40 UTC on Monday 17 February and 10:05 UTC on Tuesday 18 February, uploads failed.\n\nFor roughly eight hours, customers could not upload.",
                "roughly eight hours",
                745,
            ),
            (
                "Uploads failed from 1.52pm until 3.40pm, a bit under two hours.",
                "a bit under two hours",
                108,
            ),
            (
                "The index answered 502 from 14h30 to 16h05, so about 90 minutes.",
                "about 90 minutes",
                95,
            ),
            (
                "Checkout failed from 23:10 to 00:25 UTC, 75 minutes in all.",
                "75 minutes",
                75,
            ),
            // Two windows: the one in the length's own sentence.
            (
                "For 79 minutes, from 06:12 until the mirror was serving all traffic at 07:31, visitors got an error page. Between 07:14 and 07:31 some visitors saw errors.",
                "79 minutes",
                79,
            ),
            (
                "Logins failed from 8 pm to 11 pm: three hours.",
                "three hours",
                180,
            ),
        ] {
            assert_eq!(minutes(text, length), Some(want), "{text}");
        }
    }

    #[test]
    fn a_block_of_start_and_end_fields_is_a_window() {
        use super::field_window;
        let minutes = |t: &str| field_window(t).map(|c| c.seconds / 60);
        assert_eq!(
            minutes(
                "Incident:   INC1\nStart:      14/01/2025 07:40\nEnd:        14/01/2025 11:05\n"
            ),
            Some(205)
        );
        assert_eq!(
            minutes(
                "- **Started:** 3 June 2025, 09:10 UTC\n- **Resolved:** 3 June 2025, 10:25 UTC\n"
            ),
            Some(75)
        );
        // Dates that differ, two starts, an end before the start on one day,
        // no date, no year.
        for t in [
            "- **Started:** 22:10 UTC\n- **Resolved:** 00:40 UTC\n",
            "Start: 3 June, 09:10\nEnd: 3 June, 10:25\n",
            "Start: 14/01/2025 07:40\nEnd: 15/01/2025 11:05\n",
            "Start: 07:40\nStart: 08:10\nEnd: 11:05\n",
            "Start: 14/01/2025 11:40\nEnd: 14/01/2025 07:05\n",
            "Start: 09:00 UTC\nEnd: 11:00 CET\n",
        ] {
            assert_eq!(minutes(t), None, "{t}");
        }
    }

    #[test]
    fn no_window_when_unsure() {
        for (text, length) in [
            // Days written in a form not read: the days between are unknown.
            (
                "The outage began at 9:15 p.m. on Monday 3/2/26. Service was restored at 7:30 a.m. on Wednesday 3/4/26. Staff were without mail for about 20 hours.",
                "about 20 hours",
            ),
            (
                "Dashboards were stale from Friday 18:00 to Sunday 09:30, about 40 hours.",
                "about 40 hours",
            ),
            // The team's own work.
            (
                "Between 09:00 and 09:30 we moved the stuck backups to another node. They were stuck for 2 hours.",
                "2 hours",
            ),
            // Only a length in the paragraph after the window's.
            (
                "Exports failed between 09:05 and 10:40 UTC.\n\nAbout 40 minutes all told.",
                "About 40 minutes",
            ),
            // Two windows in one paragraph.
            (
                "Writes failed from 10:00 to 10:30 and again from 11:00 to 11:45, about an hour in all.",
                "about an hour",
            ),
            // Different zones.
            (
                "From 09:00 UTC to 10:00 CET the site was down for an hour.",
                "an hour",
            ),
            // A plan, not an end.
            (
                "It went down at 10:05 and we expect it back by 14:00. So far about four hours.",
                "about four hours",
            ),
            // A version and a score, no clock.
            (
                "Version 4.40 shipped; about 20 minutes of errors.",
                "about 20 minutes",
            ),
            // A window of the response, in another list item.
            (
                "- Students could not sign in for 1 hour and 38 minutes.\n- The help desk took 212 calls between 7:50 and 10:00.",
                "1 hour and 38 minutes",
            ),
            // A window of the response in the same sentence names no impact.
            (
                "The help desk took calls between 7:50 and 10:00, for 2 hours.",
                "2 hours",
            ),
            // The window in the paragraph before, the length not opening its own.
            (
                "Uploads failed from 10:00 to 11:00.\n\nThe team met. After 2 hours offline it came back.",
                "2 hours",
            ),
        ] {
            assert_eq!(minutes(text, length), None, "{text}");
        }
    }

    /// A length whose own sentence opens with its start ("At 1342 EST, 1842
    /// UTC, ...") and names its end right after it (", until ... at 1419 EST")
    /// measures that window, whatever its subject; a plan, a second time of its
    /// own, ends in two zones or another shape leave it unread.
    #[test]
    fn a_sentence_that_opens_with_its_start_and_says_until_when() {
        let read = |text: &str, length: &str| {
            let i = text.find(length).expect("the length is in the text");
            super::at_until(text, i..i + length.len()).map(|c| c.seconds / 60)
        };
        for (text, length, want) in [
            (
                "At 1342 EST, 1842 UTC, the UPS feeding our cage failed and our racks were without power for approximately 20 minutes, until the facility moved the circuits onto utility power at 1419 EST, 1919 UTC.",
                "approximately 20 minutes",
                37,
            ),
            (
                "At 09:10 UTC the scheduler stopped and jobs waited for about 15 minutes, until it was restarted by hand at 09:55 UTC.",
                "about 15 minutes",
                45,
            ),
            (
                "From 11.40pm the tills were offline for roughly an hour, until the router was swapped at 12.25am.",
                "roughly an hour",
                45,
            ),
            (
                "At 0412 EST the directory server hung and logins failed for ten minutes, until we restarted it at 0431 EST.",
                "ten minutes",
                19,
            ),
        ] {
            assert_eq!(read(text, length), Some(want), "{text}");
        }
        for (text, length) in [
            // A plan, not what happened.
            (
                "At 14:00 UTC the API will be read-only for 20 minutes, until the migration is expected to finish at 14:30 UTC.",
                "20 minutes",
            ),
            // A second time of its own before the length.
            (
                "At 13:42 EST the UPS failed, at 13:50 EST the generator started, and the racks were without power for 20 minutes, until the circuits moved at 14:19 EST.",
                "20 minutes",
            ),
            // Ends in two zones.
            (
                "At 13:42 EST the racks were without power for 20 minutes, until the facility switched them at 19:19 UTC.",
                "20 minutes",
            ),
            // No "until ... at" right after the length.
            (
                "At 13:42 EST the racks were without power for 20 minutes. The facility switched them at 14:19 EST.",
                "20 minutes",
            ),
            // Four digits with no zone are no clock.
            (
                "At 1342 the racks were without power for 20 minutes, until the switch at 1419.",
                "20 minutes",
            ),
        ] {
            assert_eq!(read(text, length), None, "{text}");
        }
    }
}
