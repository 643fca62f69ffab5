//! Events read from sentences, for a report whose timeline gives no time: a clause
//! that puts a start or an end at a dated time ("The problem began at
//! approximately 8:45 p.m. on Tuesday 10/7/25.", "Email was restored by 3 p.m. on
//! Sunday, July 20.", "At 06:25 on Saturday 22 February a mains fault stopped
//! the cooling units.", "It began on October 14, 2025 at 1605 UTC."). The dated
//! times are read by [`crate::time::scan_prose_times`] and placed in the zone
//! written after the clock, else the report's (an ambiguous zone, or a time in a
//! DST gap or fold, places nothing); a date without its year takes the year of
//! the report ([`crate::time::report_year`]).
//!
//! | event | words in the time's clause (any case) |
//! |---|---|
//! | start | `began`, `begin(s)`, `started`, `went down`, `went offline`; the report's first dated time too |
//! | end | `restored`, `back` after `was`, `were`, `is`, `are`, `came`, `been`, `got`, `brought`, `turned`, `fully`, `all` (`came back`, `was back`, not `rolled back`), `resolved`, `fixed`, `recovered` |
//!
//! A clause is the time's sentence (or the part after `;`), from the previous
//! dated time to the next one (split at `, ` or ` and ` between them), and not
//! past a clause of its own after the time (`, when`, `, after`, `, as`,
//! `because`, `, so`). A clause that negates or looks ahead (`not`,
//! `n't`, `will`, `until`, `scheduled`, `planned`, `expected`, `tentative`,
//! `partially`) names no event.

use std::ops::Range;

use jiff::tz::TimeZone;

/// A start or an end read from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseEvent {
    /// An end (`restored`, `back`), else a start.
    pub end: bool,
    /// The instant, in seconds (on the report's zone, else on UTC: only the
    /// difference between two events is used).
    pub at: i64,
    /// The dated time as written (`8:45 p.m. on Tuesday 10/7/25`), blanks joined.
    pub written: String,
    /// Where the dated time is in the text read.
    pub range: Range<usize>,
    /// An approximation was written before the clock.
    pub approximate: bool,
}

const START: &[&str] = &[
    "began",
    "begin",
    "begins",
    "started",
    "went down",
    "went offline",
];
const END: &[&str] = &["restored", "back", "resolved", "fixed", "recovered"];
const GUARDS: &[&str] = &[
    "not",
    "n't",
    "will",
    "until",
    "scheduled",
    "planned",
    "expected",
    "expect",
    "tentative",
    "partially",
    "never",
];

/// Whether `clause` (lowercase) has `word` as whole words.
fn has_word(clause: &str, word: &str) -> bool {
    if word == "n't" {
        return clause.contains(word);
    }
    clause.match_indices(word).any(|(i, _)| {
        let before = clause[..i].chars().next_back();
        let after = clause[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the clause's only end word is a `back` that is not a return ("rolled
/// back", "went back", "fell back", "pushed back"): `back` ends something after
/// `was`, `were`, `is`, `are`, `came`, `come`, `been`, `got`, `brought`, `turned`,
/// `fully`, `all`.
fn rolled_back_only(clause: &str) -> bool {
    if END.iter().any(|w| *w != "back" && has_word(clause, w)) {
        return false;
    }
    const RETURN: &[&str] = &[
        "was", "were", "is", "are", "came", "come", "comes", "been", "got", "brought", "turned",
        "fully", "all",
    ];
    !clause.match_indices("back").any(|(i, _)| {
        let after = clause[i + 4..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        let before = clause[..i].split_whitespace().next_back().unwrap_or("");
        RETURN.contains(&before)
    })
}

/// Where the words between two dated times of one sentence part: at the last
/// `, ` or ` and ` (`began at T1 and was restored at T2`: `and was restored` is
/// the second time's), else all of them go with the second time (`at T1 it
/// failed, restored by T2`: the verb before a time is its own).
fn split(text: &str, between: Range<usize>) -> usize {
    let gap = &text[between.clone()];
    [", ", " and ", " then ", " while "]
        .iter()
        .filter_map(|sep| gap.rfind(sep))
        .max()
        .map_or(between.start, |i| between.start + i)
}

/// The events the sentences of `text` put at dated times, in text order.
pub fn read(text: &str, year_hint: Option<i16>, zone: Option<&TimeZone>) -> Vec<ProseEvent> {
    let times = crate::time::scan_prose_times(text, year_hint);
    let mut out = Vec::new();
    for (k, t) in times.iter().enumerate() {
        let head = &text[..t.range.start];
        let mut from = [". ", ".\n", "\n\n", "! ", "? ", "; ", "\n- ", "\n* "]
            .iter()
            .filter_map(|b| head.rfind(b).map(|i| i + b.len()))
            .max()
            .unwrap_or(0);
        if let Some(prev) = k.checked_sub(1).and_then(|p| times.get(p))
            && prev.range.end > from
        {
            from = split(text, prev.range.end..t.range.start);
        }
        let rest = &text[t.range.end..];
        let mut to = [". ", ".\n", "\n\n", "! ", "? ", "; "]
            .iter()
            .filter_map(|b| rest.find(b))
            .min()
            .map_or(text.len(), |i| t.range.end + i);
        if let Some(next) = times.get(k + 1)
            && next.range.start < to
        {
            to = split(text, t.range.end..next.range.start);
        }
        // A clause that starts after the time tells of something else: "began at
        // T, when a switch rebooted and did not come back".
        let after = &text[t.range.end..to];
        if let Some(i) = [
            ", when ",
            " when ",
            ", after ",
            ", as ",
            " because ",
            ", so ",
        ]
        .iter()
        .filter_map(|w| after.find(w))
        .min()
        {
            to = t.range.end + i;
        }
        let clause = text[from..to].to_lowercase();
        if GUARDS.iter().any(|g| has_word(&clause, g)) {
            continue;
        }
        let end = END.iter().any(|w| has_word(&clause, w)) && !rolled_back_only(&clause);
        let start = START.iter().any(|w| has_word(&clause, w));
        // The report's first dated time is where its story starts.
        let first = k == 0;
        match (start, end) {
            // Both: which one is unclear.
            (true, true) => continue,
            // Neither, past the first dated time: no event.
            (false, false) if !first => continue,
            _ => {}
        }
        // The zone written after the clock places it (`16:05 UTC`, `4pm Pacific
        // time`), else the report's; an ambiguous zone or a DST gap or fold
        // refuses the time.
        let Ok(resolved) = t.resolve(Some(zone.unwrap_or(&TimeZone::UTC))) else {
            continue;
        };
        out.push(ProseEvent {
            end,
            at: resolved.timestamp.as_second(),
            written: text[t.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            range: t.range.clone(),
            approximate: t.approximate,
        });
    }
    out
}

/// The windows the events give: every start to every later end, the first start
/// to the last end first. Empty without a start and an end after it.
pub fn windows(events: &[ProseEvent]) -> Vec<(&ProseEvent, &ProseEvent)> {
    let starts: Vec<&ProseEvent> = events.iter().filter(|e| !e.end).collect();
    let ends: Vec<&ProseEvent> = events.iter().filter(|e| e.end).collect();
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (
        starts.iter().min_by_key(|e| e.at),
        ends.iter().max_by_key(|e| e.at),
    ) && last.at > first.at
    {
        out.push((*first, *last));
    }
    for s in &starts {
        for e in &ends {
            if e.at > s.at
                && !out
                    .iter()
                    .any(|(a, b)| std::ptr::eq(*a, *s) && std::ptr::eq(*b, *e))
            {
                out.push((*s, *e));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<(bool, String)> {
        read(text, Some(2025), None)
            .into_iter()
            .map(|e| (e.end, e.written))
            .collect()
    }

    fn hours(text: &str) -> Vec<i64> {
        let all = read(text, Some(2025), None);
        windows(&all)
            .into_iter()
            .map(|(a, b)| (b.at - a.at) / 60)
            .collect()
    }

    #[test]
    fn starts_and_ends_from_sentences() {
        assert_eq!(
            events(
                "The fault began at approximately 8:45 p.m. on Tuesday 10/7/25. The system was restored at 6:45 a.m. on Thursday 10/9/25."
            ),
            vec![
                (false, "8:45 p.m. on Tuesday 10/7/25".to_string()),
                (true, "6:45 a.m. on Thursday 10/9/25".to_string()),
            ]
        );
        // 34 hours.
        assert_eq!(
            hours(
                "The fault began at 8:45 p.m. on Tuesday 10/7/25 and the system was restored at 6:45 a.m. on Thursday 10/9/25."
            ),
            vec![34 * 60]
        );
        // The first dated time starts the story; `came back` ends it.
        assert_eq!(
            hours(
                "At 06:25 on Saturday 22 February a mains fault stopped the chillers. The last hosted service came back at 11:20 on Sunday 23 February."
            ),
            vec![28 * 60 + 55]
        );
        // Year-less dates with the heading's year; every start to every end, the
        // first start to the last end first.
        assert_eq!(
            hours(
                "The problems began at about 10 a.m. on Friday, July 18. By 9:30 p.m. on Friday, July 18, the website was back. Mail was restored by 3 p.m. on Sunday,\nJuly 20. Everything was back to normal at 4 a.m. on Thursday, July 24."
            ),
            vec![138 * 60, 11 * 60 + 30, 53 * 60]
        );
        // A negation in a clause of its own after the time.
        assert_eq!(
            hours(
                "It started at 8.30pm on Friday, May 15, when a switch did not come back. It was restored at 10:30 p.m. on Friday, May 15."
            ),
            vec![120]
        );
        // `fixed`, `went down`, `resolved`.
        assert_eq!(
            hours(
                "The portal went down at 9:10 a.m. on 2025-03-06. It was fixed at 11:40 a.m. on 2025-03-06."
            ),
            vec![150]
        );
    }

    #[test]
    fn clauses_that_name_no_event() {
        for text in [
            // A plan, not an event.
            "Maintenance is scheduled to start at 10pm on Friday, 10/10/25 and end at 10pm on Saturday, 10/11/25.",
            // Negated.
            "It was not restored at 6:45 a.m. on Thursday 10/9/25. It began at 8:45 p.m. on Tuesday 10/7/25.",
            // A forecast.
            "Service will be back by 3 p.m. on Sunday, July 20.",
            // The negation is in another clause, but nothing ends it.
            "It began at 9 a.m. on 2025-03-06, when a switch did not come back.",
            // A rollback or a step back is no return.
            "It began at 9 a.m. on 2025-03-06. The change was rolled back at 10 a.m. on 2025-03-06.",
            "It began at 9 a.m. on 2025-03-06. We went back to the old plan at 10 a.m. on 2025-03-06.",
            // Undecided dates: nothing is dated.
            "It began at 8:45 p.m. on 10/7/25 and was restored at 6:45 a.m. on 10/9/25.",
        ] {
            assert!(
                windows(&read(text, Some(2025), None)).is_empty(),
                "{text}: {:?}",
                read(text, Some(2025), None)
            );
        }
    }

    #[test]
    fn written_zones_and_date_first_forms_place_the_events() {
        // 16:05 EDT is 20:05 UTC: 90 minutes to 21:35 UTC, not 330.
        assert_eq!(
            hours(
                "The outage began at 4:05 PM EDT on October 14, 2025. Service was restored by 2025-10-14 21:35 UTC for every tenant."
            ),
            vec![90]
        );
        // The same instant in two zones is one start; a date before its clock.
        assert_eq!(
            hours(
                "It began on Tuesday, January 14, 2025 at 1342 EST / 1842 UTC. It was resolved on January 14, 2025 @ 19:12 UTC."
            ),
            vec![30]
        );
        // An ambiguous zone places nothing.
        assert!(
            read(
                "It began on October 14 at 16:05 CST. It was resolved on October 14 at 17:05 UTC.",
                Some(2025),
                None
            )
            .iter()
            .all(|e| e.end)
        );
    }

    #[test]
    fn a_zone_places_the_events() {
        // Across the change to winter time: 25 hours on the wall clock is 26 hours.
        let zone = TimeZone::get("Europe/Paris").ok();
        let all = read(
            "It began at 02:30 on Saturday 25 October 2025. It was restored at 03:30 on Sunday 26 October 2025.",
            None,
            zone.as_ref(),
        );
        let w = windows(&all);
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].1.at - w[0].0.at) / 60, 26 * 60);
    }
}
