//! Incident scopes: the parts of a report that each tell of their own incident.
//!
//! A monthly availability digest, a status archive page, an issue collecting two
//! outages, a post-mortem with a "Related incident" section: one text, several
//! incidents. A part is an incident's when it is headed by its own incident: a
//! heading (`##` to `######`) or a bold line standing alone whose words name an
//! incident, an outage or a disruption (not a section: `Incident timeline` is the
//! timeline) with something that sets it apart (a date or a time, a number, a
//! title after a colon or a dash, or a word like `related`, `second`, `another`),
//! and whose part holds times of its own (a clock time, `lasting`, `Duration:`)
//! or whose words date it.
//!
//! Two such headings at the same level make a digest: each heading's part, up to
//! the next heading at its level or above, is a scope; the text before the first
//! is in none. One heading of a related incident (`## Related incident`,
//! `### A second, unrelated outage`) makes two scopes: its part, and the rest of
//! the report. With neither, there are no scopes and the report is read as one
//! incident. The claims compare a duration only with times of its own scope
//! (`claims::confine`); the report-wide zone applies to all.
//!
//! Found in one pass over the lines, no regular expression: a report without a
//! heading naming an incident costs a scan for `#` and `*` at line starts.

use std::ops::Range;

/// The incident scopes of a report: each part with its scope's number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scopes {
    /// Parts, the first that holds an offset giving its scope.
    parts: Vec<(Range<usize>, usize)>,
}

/// A heading: its line, level (`#` count; 7 for a bold line) and words.
struct Heading {
    line: Range<usize>,
    level: u8,
    words: String,
}

impl Scopes {
    /// The scopes of `text` (none when its incidents are not clear).
    pub(crate) fn read(text: &str) -> Scopes {
        let headings = headings(text);
        if headings.len() < 2 {
            return Scopes::default();
        }
        // The part under each heading: up to the next heading at its level or
        // above (a bold line ends at the next heading of any kind).
        let part = |i: usize| -> Range<usize> {
            let h = &headings[i];
            let end = headings[i + 1..]
                .iter()
                .find(|n| n.level <= h.level || (h.level == 7 && n.level < 7))
                .map_or(text.len(), |n| n.line.start);
            h.line.start..end
        };
        // Bold lines standing alone that each carry a date and a title or a
        // length (`**April 3 14:21 UTC (lasting 1 hour and 4 minutes)**`,
        // `**2025-05-12: API latency**`): two or more, on different dates, head
        // a digest's incidents as headings naming an incident do.
        let dates: Vec<String> = headings
            .iter()
            .filter(|h| h.level == 7)
            .filter_map(|h| dated_title(&h.words))
            .collect();
        let bold_dated = if dates
            .iter()
            .enumerate()
            .all(|(i, d)| !dates[..i].contains(d))
        {
            dates.len()
        } else {
            0
        };
        // Headings that are a date with a time and a length (`### March 3 16:15
        // UTC (lasting 1 hour 2 minutes)`): two or more on different dates head a
        // digest's incidents too. A dated heading without a length is a day of
        // one incident's timeline (`### Tuesday 4 March`, `### 4 March: rollout`).
        let lasting = |h: &Heading| {
            (h.level < 7 && has_clock(&h.words.to_ascii_lowercase()))
                .then(|| dated_title(&h.words))
                .flatten()
                .filter(|_| states_a_length(&h.words))
        };
        let lasting_dates: Vec<String> = headings.iter().filter_map(lasting).collect();
        let lasting_headed = lasting_dates.len() >= 2
            && lasting_dates
                .iter()
                .enumerate()
                .all(|(i, d)| !lasting_dates[..i].contains(d));
        let incident: Vec<(usize, Range<usize>, bool)> = headings
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let (aside, dated) = incident_heading(&h.words).or_else(|| {
                    ((h.level == 7 && dated_title(&h.words).is_some() && bold_dated >= 2)
                        || (lasting_headed && lasting(h).is_some()))
                    .then_some((false, true))
                })?;
                let range = part(i);
                (dated || has_times(&text[h.line.end.min(range.end)..range.end]))
                    .then_some((i, range, aside))
            })
            .collect();
        // A digest: two incident headings or more at one level, the highest such.
        for level in 2..=7u8 {
            let same: Vec<&(usize, Range<usize>, bool)> = incident
                .iter()
                .filter(|(i, _, _)| headings[*i].level == level)
                .collect();
            if same.len() >= 2 {
                return Scopes {
                    parts: same
                        .iter()
                        .enumerate()
                        .map(|(n, (_, r, _))| (r.clone(), n + 1))
                        .collect(),
                };
            }
        }
        // One related incident: its part, and the rest of the report.
        match incident.as_slice() {
            [(_, range, true)] => Scopes {
                parts: vec![(range.clone(), 1), (0..text.len(), 0)],
            },
            _ => Scopes::default(),
        }
    }

    /// Whether the report has no scopes (read as one incident).
    pub(crate) fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Whether `at` is on the heading line of a later incident's part: the
    /// second incident of a digest and after, or a related incident. The reader
    /// makes it a section of its own, so the part before it (a timeline without a
    /// heading) ends there.
    pub(crate) fn heads_later(&self, text: &str, at: usize) -> bool {
        let rest = self.parts.iter().any(|(_, n)| *n == 0);
        self.parts.iter().any(|(r, n)| {
            (*n >= 2 || (*n == 1 && rest))
                && r.start <= at
                && at <= r.end
                && !text[r.start..at].contains('\n')
        })
    }

    /// Whether the scopes are a digest's (each incident headed; the text before
    /// the first is none of theirs), not a related incident's beside the rest.
    pub(crate) fn is_digest(&self) -> bool {
        !self.parts.is_empty() && self.parts.iter().all(|(_, n)| *n > 0)
    }

    /// The scope `at` is in, if any.
    pub(crate) fn of(&self, at: usize) -> Option<usize> {
        self.parts
            .iter()
            .find(|(r, _)| r.contains(&at))
            .map(|(_, n)| *n)
    }

    /// The part of scope `n` that holds `at` (for the rest of a report around a
    /// related incident, the part before or after it).
    pub(crate) fn part(&self, at: usize) -> Option<Range<usize>> {
        let (range, n) = self.parts.iter().find(|(r, _)| r.contains(&at))?;
        let mut range = range.clone();
        // The rest of the report stops at the related incident's part.
        for (r, m) in &self.parts {
            if m != n && range.start < r.start && r.start <= at {
                range.start = r.end;
            } else if m != n && r.start > at && r.start < range.end {
                range.end = r.start;
            }
        }
        Some(range)
    }
}

/// The headings of `text` outside fenced code, with their levels and words.
fn headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut fence = false;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = at..at + raw.trim_end().len();
        at += raw.len();
        let t = raw.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence || raw.starts_with("    ") || raw.starts_with('\t') {
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (2..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            let words = t[hashes..].trim().trim_end_matches('#').trim();
            out.push(Heading {
                line,
                level: hashes as u8,
                words: words.to_string(),
            });
            continue;
        }
        for mark in ["**", "__"] {
            if let Some(inner) = t
                .strip_prefix(mark)
                .and_then(|r| r.strip_suffix(':').unwrap_or(r).strip_suffix(mark))
                && !inner.contains(mark)
                && !inner.is_empty()
            {
                out.push(Heading {
                    line: line.clone(),
                    level: 7,
                    words: inner.trim().trim_end_matches(':').to_string(),
                });
            }
        }
    }
    out
}

/// Words that set a heading's incident apart from the report's own.
const ASIDE: &[&str] = &[
    "related",
    "another",
    "unrelated",
    "separate",
    "previous",
    "earlier",
    "prior",
    "second",
    "later",
];

/// Words of a section heading: a heading holding one is a section of an
/// incident, not the incident.
const SECTION_WORDS: &[&str] = &[
    "timeline",
    "timelines",
    "summary",
    "impact",
    "cause",
    "causes",
    "lessons",
    "action",
    "actions",
    "resolution",
    "detection",
    "mitigation",
    "recovery",
    "follow",
    "overview",
    "response",
    "analysis",
    "background",
    "metrics",
    "communication",
    "communications",
    "update",
    "updates",
    "review",
    "report",
    "template",
    "process",
    "management",
    "commander",
    "severity",
    "details",
    "history",
    "log",
    "postmortem",
    "retrospective",
];

/// Whether a heading's words head an incident of their own: `Some((aside,
/// dated))`, `aside` when they set it apart from the report's own incident
/// (`Related incident`), `dated` when they give its date or time.
fn incident_heading(words: &str) -> Option<(bool, bool)> {
    if words.len() > 160 || crate::parse::markdown::field_for(words, &[]).is_some() {
        return None;
    }
    let lower = words.to_ascii_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '#')
        .filter(|t| !t.is_empty())
        .collect();
    let named = tokens.iter().position(|t| {
        matches!(
            t.trim_end_matches('s'),
            "incident" | "outage" | "disruption" | "degradation" | "degraded" | "interruption"
        )
    })?;
    // `Incident timeline`, `Outage report`, `Post-incident review`: a section
    // of the report's own incident (a title's words may be anything).
    if [tokens.get(named + 1), tokens.last()]
        .into_iter()
        .flatten()
        .any(|t| SECTION_WORDS.contains(t))
    {
        return None;
    }
    let aside = tokens.iter().any(|t| ASIDE.contains(t));
    let numbered = tokens.get(named + 1).is_some_and(|t| {
        t.trim_start_matches('#')
            .bytes()
            .all(|b| b.is_ascii_digit())
    });
    let dated = lower.bytes().any(|b| b.is_ascii_digit())
        && (has_clock(&lower)
            || lower.contains('-')
            || lower.contains('/')
            || MONTHS
                .iter()
                .any(|m| tokens.iter().any(|t| t.starts_with(m))));
    let titled = [": ", " - ", " – ", " — "].iter().any(|s| {
        lower
            .split_once(s)
            .is_some_and(|(_, r)| r.split_whitespace().count() >= 2)
    });
    (aside || numbered || dated || titled).then_some((aside, dated))
}

/// Words of a bold line that are part of its date or time, not a title: zones,
/// weekdays, `at`, `on`, and the words of an update's lead (`Update`, `EDIT`,
/// `resolved`).
const DATE_WORDS: &[&str] = &[
    "at",
    "on",
    "utc",
    "gmt",
    "z",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "jst",
    "kst",
    "ist",
    "aest",
    "aedt",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "st",
    "nd",
    "rd",
    "th",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "day",
    "update",
    "updated",
    "edit",
    "edited",
    "posted",
    "resolved",
    "monitoring",
    "investigating",
    "identified",
    "time",
    "times",
    "all",
    "local",
    "the",
    "of",
    "and",
];

/// A bold line's date when its words are a date (a month's name with a day, or
/// a numeric date: `2025-05-12`, `12.05.2025`, `12/05`) with a title after it
/// (`API latency`) or a length (`lasting`, `duration`): the date as written,
/// lowercased. A date alone (`**Mon 3 March**`, `**5th June 2025, at
/// 11:15AM**`: a day or an update's lead) or a time without a date (a timeline's
/// bold entries) is none.
fn dated_title(words: &str) -> Option<String> {
    if words.len() > 160 {
        return None;
    }
    let lower = words.to_ascii_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '/' && c != '.')
        .map(|t| t.trim_matches(['-', '.', '/']))
        .filter(|t| !t.is_empty())
        .collect();
    let numeric_date = |t: &str| {
        t.bytes().any(|b| b.is_ascii_digit())
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'))
            && t.bytes()
                .filter(|b| matches!(b, b'-' | b'/' | b'.'))
                .count()
                >= 1
            && t.split(['-', '/', '.']).filter(|p| !p.is_empty()).count() >= 2
    };
    let month = |t: &str| crate::time::month_from_name(t).is_some();
    let day = |t: &str| {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&n) && matches!(&t[n..], "" | "st" | "nd" | "rd" | "th")
    };
    let date = tokens.iter().enumerate().find_map(|(i, t)| {
        if numeric_date(t) {
            return Some(t.to_string());
        }
        if !month(t) {
            return None;
        }
        let after = tokens.get(i + 1).filter(|n| day(n));
        let before = i
            .checked_sub(1)
            .and_then(|b| tokens.get(b))
            .filter(|n| day(n));
        after.or(before).map(|d| format!("{t} {d}"))
    })?;
    let length = states_a_length(&lower);
    let titled = tokens.iter().any(|t| {
        t.bytes().all(|b| b.is_ascii_alphabetic())
            && t.len() > 1
            && !month(t)
            && !DATE_WORDS.contains(t)
    });
    (length || titled).then_some(date)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Whether `s` holds a clock time (`9:40`, `14:05`).
fn has_clock(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

/// Whether a part holds times of its own: a clock time, or a stated length.
fn has_times(part: &str) -> bool {
    if has_clock(part) {
        return true;
    }
    states_a_length(part)
}

/// Whether `words` state a length in the words a digest's heading or part uses
/// (`lasting`, `lasted`, `duration`, any case).
pub(crate) fn states_a_length(words: &str) -> bool {
    let lower = words.to_ascii_lowercase();
    ["lasting", "lasted", "duration"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The lines of `part` led by a clock time (after a list marker, a date, bold),
/// each as (offset of the line in the text, minutes since midnight, its words).
/// `None` when the lines name two different dates.
pub(crate) fn timed_lines(text: &str, part: Range<usize>) -> Option<Vec<(usize, i64, &str)>> {
    let mut out = Vec::new();
    let mut date: Option<&str> = None;
    let mut at = part.start;
    // A fenced log quoted in the part is evidence, not its lines.
    let mut fenced = false;
    for raw in text[part].split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let mut t = raw.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        for lead in ["- ", "* ", "+ ", "| "] {
            if let Some(r) = t.strip_prefix(lead) {
                t = r.trim_start();
                break;
            }
        }
        t = t.trim_start_matches(['*', '_', '[']);
        let b = t.as_bytes();
        if b.len() > 11
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[7] == b'-'
            && let Some(d) = t.get(..10)
        {
            if date.is_some_and(|x| x != d) {
                return None;
            }
            date = Some(d);
            t = t[10..].trim_start_matches([' ', 'T']);
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let b = t.as_bytes();
        if !(1..=2).contains(&digits)
            || b.get(digits) != Some(&b':')
            || !b.get(digits + 1).is_some_and(u8::is_ascii_digit)
            || !b.get(digits + 2).is_some_and(u8::is_ascii_digit)
            || b.get(digits + 3).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let (Ok(h), Ok(m)) = (
            t[..digits].parse::<i64>(),
            t[digits + 1..digits + 3].parse::<i64>(),
        ) else {
            continue;
        };
        if h > 23 || m > 59 {
            continue;
        }
        out.push((start, h * 60 + m, t[digits + 3..].trim()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, words: &str) -> usize {
        text.find(words).expect("the words are in the text")
    }

    #[test]
    fn a_digest_of_two_incidents_has_two_scopes() {
        let text = "# May digest\n\nTimes are UTC.\n\n## Incident 1: checkout errors\n\n- 10:00 errors\n- 10:40 fixed\n\n## Incident 2: search outage\n\n- 14:00 down\n- 15:30 back\n";
        let s = Scopes::read(text);
        assert_eq!(s.of(at(text, "UTC")), None);
        assert_eq!(s.of(at(text, "10:40")), Some(1));
        assert_eq!(s.of(at(text, "15:30")), Some(2));
        let lines = timed_lines(text, s.part(at(text, "15:30")).expect("a part")).expect("a part");
        assert_eq!(lines.iter().map(|l| l.1).collect::<Vec<_>>(), [840, 930]);
        // A log quoted in a fence is none of its lines.
        let fenced = "- 14:00 down\n\n```\n14:20 worker reconnect\n```\n\n- 15:30 back\n";
        let lines = timed_lines(fenced, 0..fenced.len()).expect("one day");
        assert_eq!(lines.iter().map(|l| l.1).collect::<Vec<_>>(), [840, 930]);
    }

    #[test]
    fn a_title_may_hold_section_words() {
        let read = |w: &str| incident_heading(w);
        assert_eq!(
            read("Incident 1: Basket updates failing"),
            Some((false, false))
        );
        assert_eq!(read("Degraded search, 3 March 2025"), Some((false, true)));
        assert_eq!(read("A second, unrelated outage"), Some((true, false)));
        assert_eq!(incident_heading("Incident report: 2025-05-06"), None);
        assert_eq!(incident_heading("Post-incident review"), None);
        assert_eq!(incident_heading("Outage"), None);
    }

    #[test]
    fn bold_lines_with_a_date_and_a_title_or_length() {
        for (words, date) in [
            (
                "April 3 14:21 UTC (lasting 1 hour and 4 minutes)",
                Some("april 3"),
            ),
            (
                "14:21 UTC, 3 April 2025 (lasting 48 minutes)",
                Some("april 3"),
            ),
            ("2025-05-12: API latency", Some("2025-05-12")),
            ("12.05.2025 - Login failures", Some("12.05.2025")),
            ("Mon 3 March", None),
            ("5th June 2025, at 11:15AM", None),
            ("Update: February 12 0210 EST, 0710 UTC", None),
            ("14:05 UTC - Alerts fire", None),
            ("Root cause", None),
        ] {
            assert_eq!(dated_title(words).as_deref(), date, "{words}");
        }
    }

    /// Headings that each give a date, a time and a length head a digest's
    /// incidents; day headings of one incident's timeline do not.
    #[test]
    fn headings_with_a_date_a_time_and_a_length_make_a_digest() {
        let digest = "# March report\n\n### March 3 16:15 UTC (lasting 1 hour 2 minutes)\n\nPaged at 16:21 UTC, six minutes after the first failures.\n\n### March 11 08:40 UTC (lasting 45 minutes)\n\nStarting at 08:40 UTC, jobs stalled.\n";
        let s = Scopes::read(digest);
        assert!(s.is_digest());
        assert_eq!(s.of(at(digest, "16:21")), Some(1));
        assert_eq!(s.of(at(digest, "Starting")), Some(2));
        for text in [
            "# Outage\n\n### Tuesday 4 March\n\n- 10:00 down\n\n### Wednesday 5 March\n\n- 09:00 back\n",
            "# Outage\n\n### 4 March 10:00: rollout\n\n- 10:00 down\n\n### 5 March 09:00: recovery\n\n- 09:00 back\n",
            "# Outage\n\n### March 3 16:15 UTC (lasting 1 hour)\n\n- 16:15 down\n\n### Timeline\n\n- 17:15 back\n",
        ] {
            assert!(Scopes::read(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn bold_dated_lines_make_a_digest_and_one_does_not() {
        let digest = "# April report\n\nTwo incidents.\n\n**April 3 14:21 UTC (lasting 1 hour)**\n\nAt 14:21 it broke; fixed at 15:21.\n\n**April 9 10:00 UTC (lasting 30 minutes)**\n\nAt 10:00 it broke; fixed at 10:30.\n";
        let s = Scopes::read(digest);
        assert!(s.is_digest());
        assert_eq!(s.of(at(digest, "15:21")), Some(1));
        assert_eq!(s.of(at(digest, "10:30")), Some(2));
        // One bold line in a narrative, or two on the same date: no scopes.
        for text in [
            "# Outage\n\n**April 3 14:21 UTC (lasting 1 hour)**\n\nAt 14:21 it broke; fixed at 15:21.\n",
            "# Outage\n\n**April 3 14:21 UTC: errors begin**\n\nAt 14:21 it broke.\n\n**April 3 15:21 UTC: errors end**\n\nFixed at 15:21.\n",
        ] {
            assert!(Scopes::read(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_related_incident_is_apart_from_the_rest() {
        let text = "# Outage\n\n## Timeline\n\n- 10:00 down\n\n## Related incident\n\nOn 12 May at 09:00 a cache failed, lasting 20 minutes.\n\n## Action items\n\n- fix it\n";
        let s = Scopes::read(text);
        assert_eq!(s.of(at(text, "10:00")), Some(0));
        assert_eq!(s.of(at(text, "09:00")), Some(1));
        assert_eq!(s.of(at(text, "fix it")), Some(0));
        let part = s.part(at(text, "fix it")).expect("a part");
        assert!(!text[part].contains("09:00"));
    }

    #[test]
    fn sections_and_day_headings_are_no_incidents() {
        for text in [
            "# Outage\n\n## Incident summary\n\nAt 10:00.\n\n## Incident timeline\n\n- 10:00 down\n",
            "# Outage\n\n## Timeline\n\n### 2025-05-06\n\n- 10:00 down\n\n### 2025-05-07\n\n- 09:00 up\n",
            "# Outage\n\n## Incident 1\n\nNo times here.\n\n## Incident 2\n\nNone here either.\n",
            "# Outage\n\n## Incident 1\n\nAt 10:00 it broke.\n\n## Incident 2\n\nNo times here.\n",
            "# Outage\n\n## What happened\n\nAt 10:00 the database failed.\n",
        ] {
            assert!(Scopes::read(text).is_empty(), "{text}");
        }
    }
}
