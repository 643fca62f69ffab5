//! The date a report states before its timeline ("On June 10th, 2024, ...",
//! `Date: 2025-03-11`, a date in the title or in another tool's front matter),
//! given to a first timeline entry written without one.
//!
//! Only the first entry gets it: the later entries without a date take the date
//! of the entry before them when times are resolved (`times.rs`), which also moves
//! a time that goes backwards past midnight to the next day.

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::time;
use crate::time_diag::TimeErrorExt;
use crate::tree::{Node, Value};

/// Gives the first timeline entry the first date written before it, when the
/// entry has none. Returns where that date is written.
///
/// A slashed date (`Date: 03/04/2025`) counts when no other date is written
/// before the entry and it has one reading; with two (3 April or 4 March) it is
/// not guessed: an RS214 finding is pushed to `diags` and its span put in
/// `ambiguous`, so the undated entry is not reported again (RS206).
pub(crate) fn date_first_entry(
    text: &str,
    timeline: &mut Node,
    ambiguous: &mut Option<Span>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Span> {
    let Value::Seq(items) = &mut timeline.value else {
        return None;
    };
    let first = items.first_mut()?;
    let Value::Map(fields) = &mut first.value else {
        return None;
    };
    let time = fields.iter_mut().find(|e| e.key == "time")?;
    let written = time.value.as_str()?.to_string();
    if time::parse_time(&written).map_or(true, |p| p.date.is_some()) {
        return None;
    }
    let before = text.get(..time.value.span.start)?;
    // A date written without its year before the timeline (`**Date and Time:**
    // 27th Aug 12:50 UTC`) takes it from when the report was published, wherever
    // that is said (a status page's footer `Posted Aug 28, 2025`).
    let found = first_date(before).or_else(|| {
        let published = Dating::of(text).published?;
        written_date(before, Some(published)).filter(|(d, _)| *d <= published)
    });
    let (date, at) = match found {
        Some(found) => found,
        None => match slashed_date(before)? {
            Ok(found) => found,
            Err(finding) => {
                *ambiguous = Some(finding.span);
                diags.push(finding);
                return None;
            }
        },
    };
    time.value.value = Value::String(format!("{date} {written}"));
    if overnight(&text[..at.start]) {
        date_after_midnight(items, date);
    }
    Some(at)
}

/// The date lines `retrospec import` keeps above their entries, as `(index of the
/// first entry below the line, the line to write)`. An entry carries its date on
/// its own time in the canonical form, so a date line is folded into the entries
/// below it, except where the line says more than the date: a weekday the date
/// does not fall on (`### Sunday 19 July`, RS216) is kept as the weekday and the
/// date it was read as (`Sunday 2025-07-19`, so the year is not inferred again),
/// and a slashed date with two readings (`03/04/2025`, RS214, also one the report
/// gives for the incident, `Date of incident: 03/04/2025`) as written, above
/// entries that were given no date. Read from the findings the reading pushed to
/// `diags`, each on its own line before an entry.
pub(crate) fn kept_lines(
    text: &str,
    timeline: &Node,
    ambiguous: Option<Span>,
    diags: &[Diagnostic],
) -> Vec<(usize, String)> {
    let Value::Seq(items) = &timeline.value else {
        return Vec::new();
    };
    let dated = |i: usize| {
        items.get(i).and_then(|item| match &item.value {
            Value::Map(fields) => {
                let time = fields.iter().find(|e| e.key == "time")?.value.as_str()?;
                time::parse_time(time).ok().map(|p| p.date)
            }
            _ => None,
        })
    };
    let mut kept: Vec<(usize, String)> = Vec::new();
    if let Some(at) = ambiguous
        && dated(0).is_some_and(|d| d.is_none())
    {
        kept.push((0, at.slice(text).to_string()));
    }
    for d in diags {
        let code = d.code;
        if code != crate::codes::WEEKDAY_MISMATCH.code && code != crate::codes::AMBIGUOUS_DATE.code
            || ambiguous == Some(d.span)
        {
            continue;
        }
        let Some(start) = text
            .get(..d.span.start)
            .map(|b| b.rfind('\n').map_or(0, |n| n + 1))
        else {
            continue;
        };
        let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let line = text[start..end].trim().trim_start_matches('#').trim();
        // The first entry below the line; an entry on the line itself is not
        // under a date line.
        let Some(i) = items.iter().position(|item| item.span.start >= end) else {
            continue;
        };
        if i > 0 && items[i - 1].span.start >= start {
            continue;
        }
        let Some(date) = dated(i) else { continue };
        let written = match time::scan_date_line(line, date.map(|d| d.year())) {
            Some(Ok(read)) if read.weekday_mismatch.is_some() && date == Some(read.date) => {
                format!("{} {}", d.span.slice(text), read.date)
            }
            Some(Err(_)) if code == crate::codes::AMBIGUOUS_DATE.code && date.is_none() => {
                d.span.slice(text).to_string()
            }
            _ => continue,
        };
        if !kept.iter().any(|(j, _)| *j == i) {
            kept.push((i, written));
        }
    }
    kept.sort();
    kept
}

/// Whether the words just before a date say the incident ran through the night
/// after it ("Overnight on 14 January", "on the night of 14 January").
fn overnight(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    let near: Vec<&str> = lower.split_whitespace().rev().take(4).collect();
    near.iter()
        .any(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()) == "overnight")
        || near.windows(2).any(|w| w[1] == "night" && w[0] == "of")
}

/// A report that says its incident ran overnight from `date` has stated the day
/// of the entries after midnight: the first time that goes back more than twelve
/// hours is written on the next day, so it is not an inference (RS215). Later
/// entries follow it as usual.
fn date_after_midnight(items: &mut [Node], date: Date) {
    let mut previous: Option<jiff::civil::Time> = None;
    for item in items.iter_mut() {
        let Value::Map(fields) = &mut item.value else {
            continue;
        };
        let Some(time) = fields.iter_mut().find(|e| e.key == "time") else {
            continue;
        };
        let Some(written) = time.value.as_str().map(str::to_string) else {
            continue;
        };
        let Ok(parsed) = time::parse_time(&written) else {
            continue;
        };
        if let Some(before) = previous
            && parsed.date.is_none()
            && parsed.time.duration_until(before).as_secs() > 12 * 3600
        {
            if let Ok(next) = date.tomorrow() {
                time.value.value = Value::String(format!("{next} {written}"));
            }
            return;
        }
        // A date written on a later entry dates what follows it.
        if previous.is_some() && parsed.date.is_some() {
            return;
        }
        previous = Some(parsed.time);
    }
}

/// The date a report dates its incident by: the first date written in `text`
/// (`YYYY-MM-DD`, `June 10th, 2024`, `10 June 2024`, `Jun 10 2024`, a range
/// `28-30 January 2025`, or `February 3` with its year from the report), else
/// the date it was published (its front matter's `date`, a byline).
///
/// A publication date only bounds the incident (a postmortem is written after
/// it): a date written without its year takes the latest year that does not put
/// it after the publication, and a date after the publication is not the
/// incident's.
pub(crate) fn first_date(text: &str) -> Option<(Date, Span)> {
    Dating::of(text).first
}

/// What a report says about when it happened and when it was written.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Dating {
    /// The incident's date ([`first_date`]).
    pub first: Option<(Date, Span)>,
    /// When the report was published: its front matter's `date`, a byline.
    pub published: Option<Date>,
}

impl Dating {
    pub(crate) fn of(text: &str) -> Dating {
        let (published, masked) = publication(text);
        let published_date = published.map(|(d, _)| d);
        let stated = written_date(masked.as_deref().unwrap_or(text), published_date);
        let first = match (stated, published) {
            (Some(s), Some(p)) if s.0 > p.0 => Some(p),
            (Some(s), _) => Some(s),
            (None, p) => p,
        };
        Dating {
            first,
            published: published_date,
        }
    }

    /// The year for a date line written without one (`### Tuesday 28 January`) in
    /// `text`: `year` (the date line above), else the report's date's, else that
    /// of the first `YYYY-MM-DD` in `text`; one less when that would put `line`
    /// more than a day after the report's publication (a post dated on its
    /// author's clock carries the next day's events in UTC: `date: 2023-02-27`
    /// over `Feb 28th 01:52 UTC`).
    pub(crate) fn year_for(&self, text: &str, line: &str, year: Option<i16>) -> Option<i16> {
        let year = year
            .or(self.first.map(|(d, _)| d.year()))
            .or_else(|| time::first_year(text))?;
        if let Some(published) = self.published
            && let Some(Ok(read)) = time::scan_date_line(line, Some(year))
            && read.year_inferred
            && published.tomorrow().is_ok_and(|next| read.date > next)
        {
            return Some(year - 1);
        }
        Some(year)
    }
}

/// The publication date (front matter `date`, a byline) and the text with the
/// lines that state it blanked, so that the incident's date is looked for in
/// the rest (`None` when nothing was blanked).
fn publication(text: &str) -> (Option<(Date, Span)>, Option<String>) {
    let mut found = None;
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let body = match front_matter(text) {
        Some((inner, end)) => {
            for (start, line) in lines(text, inner) {
                let Some((key, value)) = line.split_once([':', '=']) else {
                    continue;
                };
                let key = key.trim().trim_matches('"').to_ascii_lowercase();
                let value = value.trim().trim_matches(['"', '\'']);
                if PUBLISHED_KEYS.contains(&key.as_str())
                    && let Some(d) = value.get(..10).and_then(time::parse_iso_date)
                {
                    let at = start + line.find(&value[..10]).unwrap_or(0);
                    found.get_or_insert((d, Span::new(at, at + 10)));
                    blank.push((start, start + line.len()));
                }
            }
            end
        }
        None => 0,
    };
    let all: Vec<(usize, &str)> = lines(text, body..text.len()).collect();
    for (k, &(start, line)) in all.iter().enumerate() {
        // A `By ...` byline stands alone, or under the title ("By the platform
        // team, finished on 2025-03-05." inside a paragraph is the story).
        let empty = |j: Option<usize>| {
            j.and_then(|j| all.get(j))
                .is_none_or(|(_, l)| l.trim().is_empty())
        };
        let alone =
            (empty(k.checked_sub(1)) || all[k - 1].1.starts_with('#')) && empty(Some(k + 1));
        // A letter's dateline: a date alone on a line above the title
        // (`October 31, 2025` over `# Report on the failure of October 14`).
        let dateline = alone
            && all[..k]
                .iter()
                .all(|(_, l)| !l.trim_start().starts_with('#'))
            && all[k + 1..].iter().any(|(_, l)| l.starts_with("# "))
            && written_date(line, None).is_some_and(|(_, span)| {
                span.start == line.len() - line.trim_start().len()
                    && span.end == line.trim_end().len()
            });
        if !dateline
            && !mail_date(&all, k)
            && (!is_byline(line) || (!alone && line_starts_by(line)))
        {
            continue;
        }
        if let Some((d, span)) = written_date(line, None) {
            found.get_or_insert((d, Span::new(start + span.start, start + span.end)));
            blank.push((start, start + line.len()));
        }
    }
    if blank.is_empty() {
        return (found, None);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (a, b) in blank {
        bytes[a..b].fill(b' ');
    }
    // Whole lines were blanked, so every character left is whole.
    (found, String::from_utf8(bytes).ok())
}

/// The keys of a blog's front matter that hold its publication date (Jekyll,
/// Hugo, Astro, Eleventy).
const PUBLISHED_KEYS: [&str; 7] = [
    "date",
    "pubdate",
    "publishdate",
    "published",
    "publish_date",
    "published_at",
    "date_published",
];

/// Front matter fenced by `---` or `+++` at the start: the range inside the
/// fences and where the text after it starts.
fn front_matter(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let fence = ["---", "+++"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n'))
    })?;
    let inner = text.find('\n')? + 1;
    let mut at = inner;
    for line in text[inner..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((inner..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// The lines of `text[range]` with where each starts, without their line ends.
fn lines(text: &str, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let mut at = range.start;
    text[range].split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}

/// Whether `line` starts with `By ` (past emphasis): a byline only on its own.
fn line_starts_by(line: &str) -> bool {
    line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>'))
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("by "))
}

/// A byline: a short line that says who wrote the report or when it was posted
/// (`*By the Platform team · February 6, 2026*`, `Posted on 3 March 2025 by Ana`,
/// `Last updated: 2025-03-04`).
/// Whether line `k` of `lines` is the `Date:` or `Sent:` of a mail's headers
/// (a line beside it is another header): when the mail was sent, a forwarded
/// one's too, not when the incident was.
fn mail_date(lines: &[(usize, &str)], k: usize) -> bool {
    const HEADERS: [&str; 6] = ["from:", "to:", "cc:", "subject:", "date:", "sent:"];
    let header = |j: usize| {
        lines.get(j).is_some_and(|(_, l)| {
            let l = l.trim_start().as_bytes();
            HEADERS
                .iter()
                .any(|h| l.len() > h.len() && l[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
        })
    };
    let line = lines[k].1.trim_start().as_bytes();
    let dated = ["date:", "sent:"]
        .iter()
        .any(|h| line.len() > h.len() && line[..h.len()].eq_ignore_ascii_case(h.as_bytes()));
    dated && (k.checked_sub(1).is_some_and(header) || header(k + 1))
}

/// A line that says when the incident was reviewed, not when it happened: a
/// label naming the review meeting (`**Meeting:** Thursday 20 February 2025,
/// 13:00–13:45 EET`, `Review date: ...`, `Date of review: ...`, `PIR held: ...`).
/// Its date bounds the incident as a publication date does, and RS207 does not
/// read its times as the incident's window.
pub(crate) fn is_review_line(line: &str) -> bool {
    let t =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '-' | '|'));
    // `**Meeting:** ...`, or a recap's header of fields set apart by a middle
    // dot (`**Meeting recap** · Microsoft Teams · Tuesday 22 July, 2:00 pm`).
    let Some(label) = t
        .split_once(':')
        .map(|(l, _)| l)
        .into_iter()
        .chain(t.split_once(" · ").map(|(l, _)| l))
        .min_by_key(|l| l.len())
    else {
        return false;
    };
    let label = label.trim_end_matches(['*', '_', ' ']);
    // Compared without case and without an allocation: every line of every
    // summary is asked.
    label.len() <= 30
        && [
            "meeting",
            "meeting recap",
            "meeting notes",
            "meeting minutes",
            "meeting date",
            "date of meeting",
            "review meeting",
            "review date",
            "date of review",
            "review held",
            "reviewed on",
            "pir meeting",
            "pir held",
            "pir date",
            "postmortem meeting",
            "post-mortem meeting",
            "post-incident review meeting",
            "retro",
            "retro date",
            "retrospective",
            "retrospective date",
        ]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
}

fn is_byline(line: &str) -> bool {
    let t = line
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '#'))
        .to_ascii_lowercase();
    // `By 10:40`, `By March 5`, `By then`: when, not who.
    let by_when = t.strip_prefix("by ").is_some_and(|rest| {
        let word = rest.split_whitespace().next().unwrap_or("");
        word.starts_with(|c: char| c.is_ascii_digit())
            || is_month_word(word)
            || [
                "then", "now", "the time", "noon", "midnight", "morning", "evening", "end",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    // A forum post's date tag (Discourse's `[date=2025-05-11 time=10:15:00]`
    // beside its author), and a sentence of a page's status box that says when
    // the report was reviewed or published (`Final. Reviewed in the platform
    // review on 3 April 2025.`): when it was written, not when it happened.
    let tagged = t.contains("[date=");
    let reviewed = t.split(". ").skip(1).any(|sentence| {
        [
            "reviewed ",
            "approved ",
            "signed off ",
            "published ",
            "last updated ",
        ]
        .iter()
        .any(|w| sentence.trim_start().starts_with(w))
    });
    line.len() < 160
        && !by_when
        && (tagged
            || reviewed
            || is_review_line(line)
            || [
                "by ",
                "posted ",
                "published ",
                "published:",
                "written ",
                "written:",
                "updated ",
                "updated:",
                "last updated",
                "author:",
                "reviewed ",
                "approved ",
            ]
            .iter()
            .any(|w| t.starts_with(w)))
}

/// The first date written in `text` (publication lines blanked): with its year,
/// as a range with the year after it, or, given `published`, without its year
/// (`February 3`, `Tuesday, June 24`) in the latest year that does not put it
/// after `published`.
fn written_date(text: &str, published: Option<Date>) -> Option<(Date, Span)> {
    let words = words(text);
    for (i, &(start, end)) in words.iter().enumerate() {
        let word = &text[start..end];
        // `(2025-07-23)`, `**2025-07-23**`: the date inside its marks.
        let mut lead = word.len() - word.trim_start_matches(['(', '*', '_', '`', '[']).len();
        // A forum's date tag: `[date=2025-05-11`.
        if word[lead..].starts_with("date=") {
            lead += "date=".len();
        }
        if let Some(d) = word.get(lead..lead + 10).and_then(time::parse_iso_date) {
            return Some((d, Span::new(start + lead, start + lead + 10)));
        }
        // `14.03.2025`: a dotted day-first date, its year written.
        let token = word[lead..].trim_end_matches([',', ':', ';', ')', '*', '_', '`']);
        if token.len() >= 8
            && token.contains('.')
            && token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && let Some(Ok(line)) = time::scan_date_line(token, None)
        {
            return Some((
                line.date,
                Span::new(start + lead, start + lead + token.len()),
            ));
        }
        if !is_month_word(word) {
            continue;
        }
        // A month name with the words around it: "June 10th, 2024", "10 June 2024".
        let from = i.saturating_sub(1);
        for len in [3, 4] {
            let Some(&(_, last_end)) = words.get(from + len - 1) else {
                continue;
            };
            let (first_start, _) = words[from];
            let candidate = text[first_start..last_end].trim_end_matches(TRAIL);
            let trimmed = candidate.trim_start_matches(['(', '*', '_', '"', '\'']);
            if let Some(d) = time::parse_date_line(trimmed) {
                let at = first_start + candidate.len() - trimmed.len();
                return Some((d, Span::new(at, at + trimmed.len())));
            }
            let candidate =
                text[start..words.get(i + len - 2).map_or(end, |w| w.1)].trim_end_matches(TRAIL);
            // `"September 23, 2025: ..."`: a quoted title's opening quote.
            let unquoted = candidate.trim_start_matches(['"', '\'']);
            let at = start + candidate.len() - unquoted.len();
            if let Some(d) = time::parse_date_line(unquoted) {
                return Some((d, Span::new(at, at + unquoted.len())));
            }
        }
        // Without its year: a range with the year after it, or the latest
        // year that does not put it after the publication. A post that leaves
        // the year out is written soon after (`February 3` posted on February
        // 6); a day months before it is background ("since March 3"), not the
        // incident's.
        if let Some(found) = yearless_at(text, &words, i, |(m, d)| {
            let published = published?;
            let year = published.year();
            let this = Date::new(year, m, d).ok()?;
            let this = if this > published {
                Date::new(year - 1, m, d).ok()?
            } else {
                this
            };
            ((published - this).get_days() <= RECENT_DAYS).then_some(this.year())
        }) {
            return Some(found);
        }
    }
    None
}

/// How long before its publication a date written without its year may be for
/// it to be the incident's.
const RECENT_DAYS: i32 = 45;

/// A date without its year at the month name `words[i]` (`February 3`,
/// `3rd February`, `28-30 January`), or a range whose year is written after it
/// (`28-30 January 2025`, `January 28–30, 2025`, `28 January – 2 February 2025`).
/// The month is written capitalised (`may` is a verb).
fn yearless_at(
    text: &str,
    words: &[(usize, usize)],
    i: usize,
    year: impl Fn((i8, i8)) -> Option<i16>,
) -> Option<(Date, Span)> {
    let (start, end) = words[i];
    let month_word = text[start..end].trim_end_matches(TRAIL);
    if !month_word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let month = month_number(month_word)?;
    let day_in = |w: usize| -> Option<i8> {
        let (a, b) = *words.get(w)?;
        let token = text[a..b]
            .trim_end_matches(TRAIL)
            .trim_start_matches(['(', '*', '_', '"', '\'']);
        // `28-30`, `28–30`: the first day of a range.
        let token = token.split(['-', '\u{2013}']).next()?;
        let digits = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let suffix = &token[digits..];
        ((1..=2).contains(&digits) && matches!(suffix, "" | "st" | "nd" | "rd" | "th"))
            .then(|| token[..digits].parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let (day, first, last) = match (day_in(i + 1), i.checked_sub(1).and_then(day_in)) {
        (Some(d), _) => (d, start, i + 1),
        (None, Some(d)) => {
            // `Friday 5 to Saturday 6 December`, `5 to 6 December`: a range whose
            // first day borrows the month; the incident's date is its first.
            let (first_day, at) = range_start(text, words, i - 1).unwrap_or((d, i - 1));
            let (a, b) = words[at];
            let lead = b
                - a
                - text[a..b]
                    .trim_start_matches(['(', '*', '_', '"', '\''])
                    .len();
            (first_day, a + lead, i)
        }
        _ => return None,
    };
    let line_end = text[first..].find('\n').map_or(text.len(), |n| first + n);
    // A year written a few words on, across the rest of a range.
    let mut written = None;
    for &(a, b) in words.iter().skip(last + 1).take(4) {
        if a >= line_end {
            break;
        }
        let w = text[a..b].trim_end_matches(TRAIL).trim_start_matches('(');
        if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
            written = w.parse::<i16>().ok();
            break;
        }
        let joins = matches!(
            w,
            "-" | "\u{2013}" | "\u{2014}" | "to" | "and" | "until" | "through"
        ) || month_number(w).is_some()
            || w.bytes().next().is_some_and(|c| c.is_ascii_digit()) && w.len() <= 5;
        if !joins {
            break;
        }
    }
    let year = match written {
        Some(y) => y,
        None => year((month, day))?,
    };
    let date = Date::new(year, month, day).ok()?;
    let (_, b) = words[last];
    let end = b - (text[..b].len() - text[..b].trim_end_matches(TRAIL).len());
    Some((date, Span::new(first, end.max(first))))
}

/// The first day of a range that ends at the day `words[day]` and shares its
/// month (`5 to 6 December`, `Friday 5 to Saturday 6 December`, `5 – 6
/// December`): the day and the index of the range's first word (its weekday,
/// when one is written).
fn range_start(text: &str, words: &[(usize, usize)], day: usize) -> Option<(i8, usize)> {
    let word = |k: usize| {
        let (a, b) = words[k];
        text[a..b].trim_end_matches(TRAIL)
    };
    let weekday = |k: usize| time::weekday_from_name(word(k)).is_some();
    let mut k = day.checked_sub(1)?;
    let named = weekday(k);
    if named {
        k = k.checked_sub(1)?;
    }
    if !matches!(
        word(k),
        "to" | "-" | "\u{2013}" | "\u{2014}" | "until" | "through"
    ) {
        return None;
    }
    k = k.checked_sub(1)?;
    let number = |k: usize| -> Option<i8> {
        let written = word(k);
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| written.strip_suffix(s))
            .unwrap_or(written)
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    let first = number(k)?;
    let last = number(day)?;
    // Both ends written alike (a weekday before each or neither), the first
    // before the last: `Version 3 to Tuesday 4 March` is no range.
    let at = match k.checked_sub(1) {
        Some(w) if weekday(w) => Some(w),
        _ => None,
    };
    if at.is_some() != named || first >= last {
        return None;
    }
    Some((first, at.unwrap_or(k)))
}

const TRAIL: [char; 10] = [',', '.', ':', ')', ';', '*', '_', '`', '"', '\''];

/// The month a name stands for (the time crate's reading, shared with date lines).
fn month_number(word: &str) -> Option<i8> {
    crate::time::month_from_name(word).and_then(|m| i8::try_from(m).ok())
}

/// The first slashed date in `text` (`03/04/2025`, `13/04/2025`): its one
/// reading, or the finding for a date with two (RS214).
fn slashed_date(text: &str) -> Option<Result<(Date, Span), Diagnostic>> {
    // Cheap test first: most reports have no slash at all.
    if !text.contains('/') {
        return None;
    }
    let all = words(text);
    for (k, &(start, end)) in all.iter().enumerate() {
        let word = &text[start..end];
        let lead = word.len() - word.trim_start_matches(['(', '*', '_', '`']).len();
        let token = word[lead..].trim_end_matches([',', '.', ':', ';', ')', '*', '_', '`']);
        let mut parts = token.split('/');
        let shaped = parts.next().is_some_and(|p| (1..=2).contains(&p.len()))
            && parts.next().is_some_and(|p| (1..=2).contains(&p.len()))
            && parts.next().is_some_and(|p| p.len() == 4)
            && parts.next().is_none()
            && token.bytes().all(|b| b.is_ascii_digit() || b == b'/');
        if !shaped {
            continue;
        }
        let at = start + lead;
        // `Date: Tuesday, 10/07/2025`: a weekday that only one reading falls on
        // decides it.
        if let Some(&(a, b)) = k.checked_sub(1).and_then(|p| all.get(p)) {
            let weekday = text[a..b].trim_matches(['(', ')', '*', '_', ',']);
            if weekday
                .bytes()
                .all(|c| c.is_ascii_alphabetic() || c == b'.')
                && let Some(Ok(line)) = time::scan_date_line(&format!("{weekday} {token}"), None)
            {
                return Some(Ok((line.date, Span::new(at, at + token.len()))));
            }
        }
        return match time::scan_date_line(token, None)? {
            Ok(line) => Some(Ok((line.date, Span::new(at, at + token.len())))),
            Err(error) => Some(Err(error.diagnostic(at))),
        };
    }
    None
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn is_month_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_ascii_alphabetic())
        .to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m))
}

/// Whether slashed dates written as `pairs` (their two numbers, in order) are month
/// first (`Some(true)`, `8/15`) or day first (`Some(false)`, `15/8`): a number above
/// 12 says which is the day, and one such date settles the order of the others.
/// `None` when none says, or they say both.
pub(crate) fn slashed_order(pairs: impl IntoIterator<Item = (u8, u8)>) -> Option<bool> {
    let (mut month_first, mut day_first) = (false, false);
    for (a, b) in pairs {
        month_first |= b > 12 && a <= 12;
        day_first |= a > 12 && b <= 12;
    }
    match (month_first, day_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// [`slashed_order`] for a whole report, as its prose times are read
/// ([`time::slashed_order`]): a slashed date with one reading (`23/10/2025`), a
/// weekday that decides one, or a stated convention (`DD/MM/YYYY`), so that
/// `02/11/2025` beside `23/10/2025` is read day first, as the author writes every
/// date. A slash between other numbers (`24/7`, a path) says nothing.
pub(crate) fn report_slashed_order(text: &str) -> Option<bool> {
    time::slashed_order(text)
}

#[cfg(test)]
mod tests {
    use super::first_date;

    fn found(text: &str) -> Option<String> {
        first_date(text).map(|(d, s)| format!("{d} {}", s.slice(text)))
    }

    #[test]
    fn dates_in_prose_are_found() {
        assert_eq!(
            found("On June 10th, 2024, a degradation occurred"),
            Some("2024-06-10 June 10th, 2024".into())
        );
        assert_eq!(
            found("Date: 2025-03-11\n"),
            Some("2025-03-11 2025-03-11".into())
        );
        assert_eq!(
            found("# Outage on Sunday 9 February 2025"),
            Some("2025-02-09 9 February 2025".into())
        );
        assert_eq!(
            found("The queue (2025-07-23) stalled"),
            Some("2025-07-23 2025-07-23".into())
        );
        assert_eq!(
            found("# Review: import backlog, 14.03.2025 – 17.03.2025"),
            Some("2025-03-14 14.03.2025".into())
        );
        // A quoted front matter title: the quotes are not part of the date.
        assert_eq!(
            found("---\nlayout: post\ntitle: \"API downtime on September 23, 2025\"\n---\n"),
            Some("2025-09-23 September 23, 2025".into())
        );
        assert_eq!(
            found("---\ntitle: \"September 23, 2025: API downtime\"\n---\n"),
            Some("2025-09-23 September 23, 2025".into())
        );
        assert_eq!(
            found("---\ntitle: '23 September 2025 API downtime'\n---\n"),
            Some("2025-09-23 23 September 2025".into())
        );
        // A quoted title without a year dates nothing.
        assert_eq!(
            found("---\ntitle: \"API downtime on September 23\"\n---\n"),
            None
        );
        // A mail's `Date:` and a forwarded one's `Sent:` say when it was sent:
        // the incident's date is the one its text gives. A `Date:` alone is a field.
        let forwarded = "From: Support <s@example.org>\nDate: Wed, 30 Apr 2025 09:14:22 -0400\n\nMonday's outage, forwarded.\n\n-------- Forwarded message --------\nFrom: Vendor <v@example.com>\nSent: Tuesday, April 29, 2025 3:52 PM\nSubject: outage\n\nOn Monday, April 28, 2025, the viewer failed.\n";
        assert_eq!(
            found(forwarded),
            Some("2025-04-28 Monday, April 28, 2025".into())
        );
        assert_eq!(
            found(
                "From: Support <s@example.org>\nDate: Wed, 30 Apr 2025 09:14:22 -0400\n\nThe viewer failed on Monday.\n"
            ),
            Some("2025-04-30 30 Apr 2025".into())
        );
        // A version or a dotted clock is not a date.
        assert_eq!(found("Upgraded to 1.2.3 at 14.03 and 2.10.2"), None);
        assert_eq!(found("We may march on. Nothing dated here."), None);
    }

    #[test]
    fn ranges_date_by_their_first_day() {
        for text in [
            "# Post-mortem: sync backlog, 3-5 March 2025\n",
            "# Sync backlog, March 3\u{2013}5, 2025\n",
            "# Sync backlog (3rd March \u{2013} 5th March 2025)\n",
            "Between 3 March and 5 March 2025 the sync fell behind.\n",
            // Without its year, dated by the byline; the first day borrows the month.
            "*Posted 9 March 2025*\n\nOvernight from Monday 3 to Tuesday 4 March, logins failed.\n",
            "*Posted 9 March 2025*\n\nFrom 3 to 4 March the sync fell behind.\n",
            "*Posted 9 March 2025*\n\nFrom 3rd to 4th March the sync fell behind.\n",
        ] {
            assert_eq!(
                first_date(text).map(|(d, _)| d.to_string()),
                Some("2025-03-03".into()),
                "{text:?}"
            );
        }
        // A number before the range's words that is no day of it.
        assert_eq!(
            first_date("*Posted 9 March 2025*\n\nVersion 3 to Tuesday 4 March.\n")
                .map(|(d, _)| d.to_string()),
            Some("2025-03-04".into())
        );
    }

    #[test]
    fn a_date_without_its_year_takes_the_latest_year_not_after_publication() {
        let date = |text: &str| first_date(text).map(|(d, _)| d.to_string());
        // A byline dates the post; the title's day is the incident's.
        assert_eq!(
            date("# Calls dropped on February 3\n\n*By the Voice team \u{b7} February 6, 2026*\n"),
            Some("2026-02-03".into())
        );
        // A letter's dateline above the title is when it was sent; a date line
        // under the title is the incident's.
        assert_eq!(
            date(
                "October 31, 2025\n\nExample Bank\n\n# Report on the failure of October 14, 2025\n"
            ),
            Some("2025-10-14".into())
        );
        assert_eq!(
            date("# Queue outage\n\nOctober 31, 2025\n\nThe queue stalled.\n"),
            Some("2025-10-31".into())
        );
        // Written after New Year: the December before.
        assert_eq!(
            date(
                "Posted on 5 January 2026 by Ana\n\nOn Tuesday, December 30, the queue stalled.\n"
            ),
            Some("2025-12-30".into())
        );
        // A blog's front matter date is when it was published: the prose dates
        // the incident, with or without its year.
        assert_eq!(
            date(
                "---\ntitle: Search\ndate: 2025-06-26 10:00:00 -0700\n---\nOn Tuesday, June 24, search was slow.\n"
            ),
            Some("2025-06-24".into())
        );
        assert_eq!(
            date(
                "+++\ndate = 2025-01-15T10:00:00Z\n+++\n\nOvernight on 14 January 2025, emails were late.\n"
            ),
            Some("2025-01-14".into())
        );
        // Alone, the publication date is still the best the report gives.
        assert_eq!(
            date("---\ndate: 2025-06-26\n---\nSearch was slow.\n"),
            Some("2025-06-26".into())
        );
        // A date after the publication is not the incident's.
        assert_eq!(
            date("---\ndate: 2025-01-15\n---\nThe fix ships on 2025-03-01.\n"),
            Some("2025-01-15".into())
        );
        // A day months before the publication is background: the next date is
        // the incident's.
        assert_eq!(
            date(
                "---\ndate: 2025-06-26\n---\nSince March 3 we have moved shops. On June 24, search failed.\n"
            ),
            Some("2025-06-24".into())
        );
        // A byline right under the title.
        assert_eq!(
            date("# Sync stalled\nPosted on February 6, 2026\n\nOn February 3 the sync stalled.\n"),
            Some("2026-02-03".into())
        );
        // "By <date>" in the story is an event, not a byline.
        assert_eq!(
            date("# Shop migration\n\nBy March 5, 2025 every shop was moved.\n"),
            Some("2025-03-05".into())
        );
        assert_eq!(
            date(
                "# Shop migration\n\nWe started on 3 March 2025.\nBy the Platform team, finished 2025-03-05.\n"
            ),
            Some("2025-03-03".into())
        );
        // Nothing gives a year: refused, not guessed.
        assert_eq!(date("# Outage on February 3\n\nAll times UTC.\n"), None);
        // `may` is a verb, and a capitalised month needs a day beside it.
        assert_eq!(
            date("Posted on 5 June 2025\n\nRetries may 3 times fail. In March the plan changed.\n"),
            Some("2025-06-05".into())
        );
    }

    #[test]
    fn day_headings_take_the_year_of_the_title_or_the_publication() {
        use crate::{Format, check};
        let times = |text: &str| {
            let checked = check(text, Format::Markdown);
            let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
            let times: Vec<String> = checked
                .model
                .map(|m| m.timeline.into_iter().map(|e| e.time).collect())
                .unwrap_or_default();
            (codes, times)
        };
        // A range in the title gives the weekday headings their year, and an
        // entry out of order under one is then found.
        let (codes, t) = times(
            "# Review: search outage, 3-4 March 2025\n\nAll times UTC.\n\n## Timeline\n\n### Monday 3 March\n\n- 22:10 alert\n- 23:30 rollback\n\n### Tuesday 4 March\n\n- 09:40 fix found\n- 08:15 on-call back\n- 11:00 resolved\n",
        );
        assert!(!codes.contains(&"RS206"), "{codes:?}");
        assert!(codes.contains(&"RS201"), "{codes:?}");
        assert_eq!(t[0], "2025-03-03 22:10 UTC");
        assert_eq!(t[2], "2025-03-04 09:40 UTC");
        // Published in January: a December heading is the December before.
        let (codes, t) = times(
            "---\nlayout: post\ndate: 2026-01-05\n---\n\n# Billing delays\n\nAll times UTC.\n\n## Timeline\n\n### Tuesday 30 December\n\n- 10:00 invoices stall\n- 11:00 fixed\n",
        );
        assert!(
            !codes.contains(&"RS206") && !codes.contains(&"RS210"),
            "{codes:?}"
        );
        assert_eq!(t[0], "2025-12-30 10:00 UTC");
        // No year anywhere: the first entry has no date (RS206), as before.
        let (codes, _) = times(
            "# Billing delays on March 3\n\nAll times UTC.\n\n## Timeline\n\n- 10:00 invoices stall\n- 11:00 fixed\n",
        );
        assert!(codes.contains(&"RS206"), "{codes:?}");
    }

    #[test]
    fn a_night_stated_with_the_date_dates_the_entries_after_midnight() {
        use crate::{Format, check};
        let report = |lead: &str| {
            let text = format!(
                "# Card payments failing\n\n{lead} 9 March 2025, card payments failed. All times UTC.\n\n## Timeline\n\n- 23:40 upgrade starts\n- 00:10 errors climb\n- 00:55 rollback done\n"
            );
            let checked = check(&text, Format::Markdown);
            let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
            let times: Vec<String> = checked
                .model
                .map(|m| m.timeline.into_iter().map(|e| e.time).collect())
                .unwrap_or_default();
            (codes, times)
        };
        for lead in ["Overnight on", "On the night of", "Overnight,"] {
            let (codes, times) = report(lead);
            assert!(!codes.contains(&"RS215"), "{lead}: {codes:?}");
            assert_eq!(times[1], "2025-03-10 00:10 UTC", "{lead}");
        }
        // A date alone says nothing of the night: the rollover is an inference.
        let (codes, times) = report("On");
        assert!(codes.contains(&"RS215"), "{codes:?}");
        assert_eq!(times[1], "00:10 UTC");
    }

    #[test]
    fn a_date_without_its_year_takes_it_from_a_footer_byline() {
        use crate::{Format, check};
        let text = |footer: &str| {
            format!(
                "# Join delays\n\n**Date and Time:** 27th Aug 12:50 UTC to 27th Aug 13:50 UTC\n\n\
                 **Timeline (UTC):**\n\n- 12:50 join latency rises\n- 13:50 back to normal\n\n---\n\n{footer}\n"
            )
        };
        let checked = check(&text("*Posted Aug 28, 2025 - 09:12 UTC*"), Format::Markdown);
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(!codes.contains(&"RS206"), "{codes:?}");
        let first = &checked.model.expect("model").timeline[0].time;
        assert!(first.starts_with("2025-08-27"), "{first}");
        // With nothing that gives a year, the date is not guessed.
        let checked = check(&text("Thanks for bearing with us."), Format::Markdown);
        assert!(checked.diagnostics.iter().any(|d| d.code == "RS206"));
    }

    #[test]
    fn a_slashed_date_dates_the_timeline_only_with_one_reading() {
        use crate::{Format, check};
        let report = |date: &str| {
            let text = format!(
                "# Calls dropping\n\nIncident date: {date}\nAll times UTC.\n\n## Timeline\n\n- 13:05 update done\n- 13:40 alert fires\n"
            );
            let checked = check(&text, Format::Markdown);
            let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
            let times: Vec<String> = checked
                .model
                .map(|m| m.timeline.into_iter().map(|e| e.time).collect())
                .unwrap_or_default();
            (codes, times)
        };
        // 4 March or 3 April: asked, not guessed, and reported once.
        let (codes, times) = report("03/04/2025");
        assert!(codes.contains(&"RS214"), "{codes:?}");
        assert!(!codes.contains(&"RS206"), "{codes:?}");
        assert_eq!(times[0], "13:05 UTC");
        // A weekday that only one reading falls on: 7 October 2025 is a
        // Tuesday, 10 July 2025 a Thursday.
        for (date, iso) in [
            ("Tuesday, 10/07/2025", "2025-10-07"),
            ("Thursday 10/07/2025", "2025-07-10"),
            ("(Tue) 10/07/2025", "2025-10-07"),
        ] {
            let (codes, times) = report(date);
            assert!(!codes.contains(&"RS214"), "{date}: {codes:?}");
            assert_eq!(times[0], format!("{iso} 13:05 UTC"), "{date}");
        }
        // A weekday neither reading falls on decides nothing.
        let (codes, _) = report("Monday, 10/07/2025");
        assert!(codes.contains(&"RS214"), "{codes:?}");
        // One reading: the timeline's date.
        let (codes, times) = report("23/04/2025");
        assert!(!codes.contains(&"RS214"), "{codes:?}");
        assert_eq!(times[0], "2025-04-23 13:05 UTC");
    }

    /// A forum post's date tag and a page's "Reviewed ... on" are when the
    /// report was written: the incident's own date is the one its text tells.
    #[test]
    fn a_post_date_tag_or_a_review_date_is_not_the_incidents() {
        let discourse = "# Sync down on Saturday 10 May\n\n**mirela** · [date=2025-05-11 time=10:15:00 timezone=\"UTC\"]\n\nSorry about yesterday morning.\n";
        assert_eq!(
            first_date(discourse).map(|(d, _)| d.to_string()),
            Some("2025-05-10".into())
        );
        let confluence = "h1. PIR-0193\n\n{info}\nFinal. Reviewed in the platform review on 3 April 2025.\n{info}\n\nOn Thursday 27 March 2025 the API froze.\n";
        assert_eq!(
            first_date(confluence).map(|(d, _)| d.to_string()),
            Some("2025-03-27".into())
        ); // Minutes of the review meeting: the meeting's date is not the incident's.
        let minutes = "# Minutes: review of INC-318\n\n**Meeting:** Thursday 20 February 2025, 13:00–13:45 EET\n\
                       **Incident:** Wednesday 19 February 2025; all times below are EET\n";
        assert_eq!(
            first_date(minutes).map(|(d, _)| d.to_string()),
            Some("2025-02-19".into())
        );
        for line in [
            "**Meeting:** Thursday",
            "Date of review: 3 May",
            "- PIR held: today",
            "**Meeting recap** · Microsoft Teams · Tuesday 22 July 2025, 2:00 pm – 2:45 pm NZST",
        ] {
            assert!(super::is_review_line(line), "{line}");
        }
        for line in [
            "Impact: 3 May",
            "The meeting: who came",
            "Reviewed the logs: none",
            "Impact · checkout · 3 May",
        ] {
            assert!(!super::is_review_line(line), "{line}");
        }
    }
}
