//! A zone stated once in prose for the whole report ("All times UTC", "Times are
//! in CET", "times are London time (BST)"), given to timeline times written
//! without one, so the zone checks (RS202, RS203) read them as the author meant.
//!
//! The leads below are read first; any other phrasing the time grammar's
//! report-wide zone reads (`time::scan_report_zone`: "(times UTC)", a `Timeline
//! (CET)` heading, a place) is the fallback. A zone written on an entry always wins.

use crate::span::Span;
use crate::time;
use crate::tree::{Node, Value};

/// The phrases that state a report-wide zone, lowercase; the zone is among the
/// next few words.
const LEADS: &[&str] = &[
    "all times",
    "times are",
    "times in",
    "times on",
    "timestamps are",
    "times shown",
    "all windows",
    "every time in",
];

/// Words right before the zone they state, with nothing between: "Thursday 9
/// October 2025, times UTC." (not "three times in a row", which has no zone next).
const TIGHT: &[&str] = &["times", "timestamps"];

/// Labels that state the zone when they lead a line and a `:` or a table's `|`
/// follows them (`Times: UK local time (BST)`, the reStructuredText field
/// `:Times: UTC`, a `| Time zone | UTC |` row), lowercase. The zone is read on
/// the label's line only.
const LABELS: &[&str] = &["times", "time zone", "timezone"];

/// Whether a label ending at byte `at` is closed by `:` or `|` (past emphasis).
fn closes_label(text: &str, at: usize) -> bool {
    text[at..]
        .trim_start_matches([' ', '\t', '*', '_'])
        .starts_with([':', '|'])
}

/// A UTC offset written as one word (`UTC+05:30`, `GMT-3`), as the time grammar
/// reads it after a clock time.
fn is_offset(w: &str) -> bool {
    let upper = w.to_ascii_uppercase();
    (upper.starts_with("UTC") || upper.starts_with("GMT"))
        && w[3..].starts_with(['+', '-'])
        && time::parse_time(&format!("00:00 {w}")).is_ok_and(|p| p.zone.is_some())
}

/// Whether byte `i` of `text` starts its line but for markup (`**`, `:`, `|`, `-`).
fn leads_line(text: &str, i: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..i]
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '*' | '_' | '|' | '-' | ':'))
}

/// The zone a report states for all its times, and where it is written.
pub(crate) fn stated_zone(text: &str) -> Option<(String, Span)> {
    let lower = text.to_ascii_lowercase();
    let leads = LEADS
        .iter()
        .map(|l| (l, false, false))
        .chain(LABELS.iter().map(|l| (l, true, false)))
        .chain(TIGHT.iter().map(|l| (l, false, true)));
    for (lead, label, tight) in leads {
        let mut from = 0;
        while let Some(i) = lower[from..].find(lead) {
            let at = from + i + lead.len();
            from = at;
            if label && (!leads_line(text, at - lead.len()) || !closes_label(text, at)) {
                continue;
            }
            let mut words = words_after(text, at);
            // "times UTC": the zone is the very next word, after a word boundary.
            if tight {
                let before = lower[..at - lead.len()].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric()) || !text[at..].starts_with(' ')
                {
                    continue;
                }
                words.truncate(2);
                words.retain(|(w, _)| !w.is_empty());
                words.truncate(1);
            }
            if label {
                let eol = text[at..].find('\n').map_or(text.len(), |n| at + n);
                words.retain(|&(_, start)| start < eol);
            }
            for (i, &(w, start)) in words.iter().enumerate() {
                // An offset, alone or beside an abbreviation it makes plain
                // (`IST (UTC+05:30)`: India's, not Ireland's or Israel's).
                if is_offset(w) {
                    return Some((w.to_string(), Span::new(start, start + w.len())));
                }
                // A name spelt out: "All times below are Pacific Daylight Time";
                // the abbreviations written after it say more ("Central European
                // Time (CET/CEST as applicable)": either season).
                let says_more = |end: usize| {
                    words[i + 1..]
                        .iter()
                        .filter(|(_, at)| *at >= end)
                        .take(2)
                        .any(|(o, _)| {
                            is_offset(o)
                                || time::abbreviation(o).is_some()
                                || matches!(*o, "UTC" | "GMT")
                        })
                };
                if let Some((_, r)) = time::scan_spelled_zone(text, start)
                    && !says_more(r.end)
                {
                    let span = Span::new(r.start, r.end);
                    return Some((span.slice(text).to_string(), span));
                }
                // A name in lowercase ("pacific daylight time"), a US region's time
                // ("eastern time"), a place's local time ("local time in Oslo"),
                // unless an abbreviation after it says more ("London time (BST)").
                if !tight
                    && let Some((zone, r)) = time::scan_statement_zone(text, start)
                    && !says_more(r.end)
                {
                    let span = Span::new(r.start, r.end);
                    return Some((as_written_or_named(span.slice(text), &zone), span));
                }
                if w.is_empty() || w.len() > 5 || !w.chars().all(|c| c.is_ascii_uppercase()) {
                    continue;
                }
                // The US generic names: "Times in this post are Pacific (PT)".
                if matches!(w, "UTC" | "GMT" | "PT" | "ET" | "CT" | "MT") {
                    return Some((w.to_string(), Span::new(start, start + w.len())));
                }
                let Some(abbr) = time::abbreviation(w) else {
                    continue;
                };
                // Glued to its other name ("times CET/CEST"): the region's clock.
                if let Some(other) = abbr.counterpart
                    && text[start + w.len()..].starts_with('/')
                    && text[start + w.len() + 1..].starts_with(other)
                {
                    let end = start + w.len() + 1 + other.len();
                    return Some((abbr.region.to_string(), Span::new(start, end)));
                }
                // Both names of a region ("CET/CEST as applicable", "PST or PDT"):
                // the region's wall clock, whichever season it was.
                if let Some(&(other, other_at)) = words[i + 1..]
                    .iter()
                    .take(2)
                    .find(|(o, _)| Some(*o) == abbr.counterpart)
                {
                    return Some((
                        abbr.region.to_string(),
                        Span::new(start, other_at + other.len()),
                    ));
                }
                return Some((w.to_string(), Span::new(start, start + w.len())));
            }
        }
    }
    // A statement wrapped inside its paragraph ("All times are\nEastern.") is read
    // as one line: the same bytes, a line break inside a paragraph as a blank.
    let joined = paragraph_lines_joined(text);
    time::scan_report_zone(&joined).map(|(r, zone)| {
        let span = Span::new(r.start, r.end);
        // A zone written as no time is (`CET/CEST`, `pacific daylight time`) is
        // applied by its name.
        (as_written_or_named(span.slice(&joined), &zone), span)
    })
}

/// The zone as the report writes it, when a time followed by it reads it
/// (`Pacific Daylight Time`, `Oslo`); else its name (`PDT` for "pacific daylight
/// time", `America/New_York` for "eastern time"), so the timeline's times get
/// the zone, and its season check, all the same.
fn as_written_or_named(written: &str, zone: &time::Zone) -> String {
    if one_zone(written) {
        return written.to_string();
    }
    match zone {
        time::Zone::Abbrev(a) => a.name.to_string(),
        time::Zone::Iana(tz, w) => tz.iana_name().unwrap_or(w).to_string(),
        time::Zone::Utc => "UTC".to_string(),
        _ => written.to_string(),
    }
}

/// `text` with each line break inside a paragraph as a space, so a phrase wrapped
/// across two lines reads as one; the same length, so offsets stay valid. A break
/// stays where a block starts or ends: before a blank line, a list item, a heading,
/// a table row, a quote or a fence, and after a heading or a table row.
fn paragraph_lines_joined(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(body) = line.strip_suffix('\n') else {
            out.push_str(line);
            continue;
        };
        let this = body.trim();
        let next = lines.peek().map_or("", |l| l.trim());
        let starts_block = |l: &str| {
            l.is_empty()
                || l.starts_with(['#', '|', '>', '-', '*', '+', '`', '~', ':', '<'])
                || l.split_once(['.', ')']).is_some_and(|(n, rest)| {
                    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
                })
        };
        let ends_block =
            this.is_empty() || this.starts_with(['#', '|', '`', '~']) || body.ends_with('\r');
        // Emphasis opening a line (`*Posted by ...`) is prose, not a list item.
        let emphasis = next.starts_with('*') && !next.starts_with("* ") && !next.starts_with("**");
        if ends_block || starts_block(next) && !emphasis {
            out.push_str(line);
        } else {
            out.push_str(body);
            out.push(' ');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The next few words after byte `at`, split at blanks and slashes (`CET/CEST`),
/// each with where it starts.
fn words_after(text: &str, at: usize) -> Vec<(&str, usize)> {
    let mut words = Vec::new();
    let mut pos = at;
    for word in text[at..].split_inclusive(char::is_whitespace).take(8) {
        let mut piece_at = pos;
        for piece in word.split_inclusive('/') {
            let w = piece
                .trim()
                .trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let start = piece_at + piece.find(w).unwrap_or(0);
            piece_at += piece.len();
            words.push((w, start));
        }
        pos += word.len();
    }
    words
}

/// An abbreviation with more than one reading (`IST`: India, Irish or Israel;
/// `CST`) stated for the whole report ("All times IST."), where it is written: the
/// report's times cannot be placed, and the finding (RS202) belongs on the
/// statement, with the readings, rather than on the timeline. Only when no zone is
/// stated plainly ([`stated_zone`]).
pub(crate) fn ambiguous_zone(text: &str) -> Option<Span> {
    if stated_zone(text).is_some() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let mut best: Option<Span> = None;
    for lead in LEADS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(lead) {
            let at = from + i + lead.len();
            from = at;
            let found = words_after(text, at)
                .into_iter()
                .take(3)
                .find(|(w, _)| time::ambiguous_abbreviation(w).is_some())
                .map(|(w, start)| Span::new(start, start + w.len()));
            if let Some(span) = found
                && best.is_none_or(|b| span.start < b.start)
            {
                best = Some(span);
            }
        }
    }
    best
}

/// An abbreviation with more than one reading stated for the report
/// ([`ambiguous_zone`]) that an offset written elsewhere in it settles: a mail's
/// `Date: Thu, 14 Aug 2025 18:10:00 +0530` header, or `(UTC+05:30)` beside a
/// time, is one of `IST`'s readings and no other's. The offset is then the
/// report's zone, as a reviewer reads it; with no offset, or one that fits
/// none or several readings, the abbreviation stays unplaced (RS202).
pub(crate) fn settled_zone(text: &str) -> Option<(String, Span)> {
    let at = ambiguous_zone(text)?;
    let meanings = time::ambiguous_abbreviation(at.slice(text))?;
    let written = written_offsets(text);
    let mut fits = meanings
        .iter()
        .filter_map(|m| m.rsplit_once('(')?.1.strip_suffix(')'))
        .filter(|o| written.iter().any(|w| w == o));
    let one = fits.next()?;
    fits.next().is_none().then(|| (one.to_string(), at))
}

/// The UTC offsets `text` writes, as `+05:30`: a sign after a blank, a
/// parenthesis, `UTC` or `GMT`, two digits for the hours, an optional colon
/// and two for the minutes, and no digit after. Scanned by hand: it runs only
/// on a report that states an ambiguous zone.
fn written_offsets(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if !matches!(b[i], b'+' | b'-') {
            continue;
        }
        let head = &text[..i];
        let led =
            head.ends_with([' ', '(', '\t']) || head.ends_with("UTC") || head.ends_with("GMT");
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .is_some_and(|d| d.len() == r.len() && d.iter().all(u8::is_ascii_digit))
        };
        if !led || !digits(i + 1..i + 3) {
            continue;
        }
        let m = if b.get(i + 3) == Some(&b':') {
            i + 4
        } else {
            i + 3
        };
        if !digits(m..m + 2) || b.get(m + 2).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        out.push(format!(
            "{}{}:{}",
            char::from(b[i]),
            &text[i + 1..i + 3],
            &text[m..m + 2]
        ));
    }
    out
}

/// The zone closing a line that states the incident's window with the timeline's
/// own first and last clock times (`Date & time: March 3, 22:10 – March 4, 09:35
/// (UTC)`): the author gave the zone of those times once, in the summary, and a
/// reviewer reads the timeline in it. Only `(UTC)`, `(GMT)` or a known
/// abbreviation in parentheses at the end of the line, and only when both clock
/// times match the timeline's ends, so a window in another zone than the
/// timeline's is never taken for it.
pub(crate) fn window_zone(text: &str, timeline: &Node) -> Option<(String, Span)> {
    let Value::Seq(items) = &timeline.value else {
        return None;
    };
    let clock = |item: &Node| -> Option<String> {
        let Value::Map(fields) = &item.value else {
            return None;
        };
        let written = fields.iter().find(|e| e.key == "time")?.value.as_str()?;
        let parsed = time::parse_time(written).ok()?;
        parsed
            .zone
            .is_none()
            .then(|| parsed.time.strftime("%H:%M").to_string())
    };
    let first = clock(items.first()?)?;
    let last = clock(items.last()?)?;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = raw.trim_end();
        if !line.ends_with(')') || !line.contains(&first) || !line.contains(&last) {
            continue;
        }
        let Some(open) = line.rfind('(') else {
            continue;
        };
        let zone = &line[open + 1..line.len() - 1];
        let known = matches!(zone, "UTC" | "GMT") || time::abbreviation(zone).is_some();
        // The window's clock times come before the zone, first then last.
        let head = &line[..open];
        let (Some(f), Some(l)) = (head.find(&first), head.rfind(&last)) else {
            continue;
        };
        if known && f < l {
            let zone_at = start + open + 1;
            return Some((zone.to_string(), Span::new(zone_at, zone_at + zone.len())));
        }
    }
    None
}

/// The zone written on the timeline's first time only (`- 14:05 UTC first
/// batch fails`, `- 14:05 (CEST) ...`, `| 14:05 (PDT) | ... |`), when no other
/// entry writes one: the author gave the timeline's zone once, where it starts,
/// and a reviewer reads the rest in it. Only a zone the time grammar reads as one
/// zone (an ambiguous `CST` is not applied), and never when another entry states
/// its own zone (then the entries without one are not the first's).
pub(crate) fn first_entry_zone(text: &str, timeline: &Node) -> Option<(String, Span)> {
    let Value::Seq(items) = &timeline.value else {
        return None;
    };
    let field = |item: &Node, key: &str| -> Option<(String, Span)> {
        let Value::Map(fields) = &item.value else {
            return None;
        };
        let node = &fields.iter().find(|e| e.key == key)?.value;
        Some((node.as_str()?.to_string(), node.span))
    };
    let zoned = |item: &Node| {
        field(item, "time")
            .is_some_and(|(w, _)| time::parse_time(&w).is_ok_and(|p| p.zone.is_some()))
    };
    let (first, rest) = items.split_first()?;
    if rest.is_empty() || rest.iter().any(zoned) {
        return None;
    }
    // Where `zone` is written inside the node's span, else the span itself.
    let locate = |zone: &str, span: Span| -> Span {
        text.get(span.start..span.end)
            .and_then(|s| s.find(zone))
            .map_or(span, |i| {
                Span::new(span.start + i, span.start + i + zone.len())
            })
    };
    let (written, span) = field(first, "time")?;
    let zone = if time::parse_time(&written).is_ok_and(|p| p.zone.is_some()) {
        // The zone is the time's last words: `14:05 UTC`, `2:05 PM Paris time`.
        let words: Vec<usize> = written.match_indices(' ').map(|(i, _)| i + 1).collect();
        words
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(|&i| &written[i..])
            .find(|z| one_zone(z))?
            .to_string()
    } else {
        let (words, _) = field(first, "text").unwrap_or_default();
        let head = words.trim_start();
        let inner = head.strip_prefix('(').and_then(|h| h.split_once(')'))?.0;
        zone_words(inner)?.to_string()
    };
    let at = field(first, "text")
        .filter(|(w, _)| w.trim_start().starts_with('('))
        .map_or_else(|| locate(&zone, span), |(_, s)| locate(&zone, s));
    Some((zone, at))
}

/// Whether `zone` reads as one zone after a time: not unknown, not ambiguous.
pub(crate) fn one_zone(zone: &str) -> bool {
    !zone.is_empty()
        && time::parse_time(&format!("00:00 {zone}")).is_ok_and(|p| {
            p.zone.as_ref().is_some_and(|z| {
                !matches!(z, time::Zone::Unknown(_) | time::Zone::Ambiguous { .. })
            })
        })
}

/// The zone that `words` end with (`UTC`, `local time in Singapore`, `all times
/// Paris time`): the first of its tails, dropping up to three leading words, that
/// reads as one zone.
pub(crate) fn zone_words(words: &str) -> Option<&str> {
    // Both names of a region (`CET/CEST`): the region, either season.
    if let Some((a, b)) = words.trim().split_once('/')
        && let Some(abbr) = time::abbreviation(a)
        && abbr.counterpart == Some(b)
    {
        return Some(abbr.region);
    }
    let starts = std::iter::once(0).chain(words.match_indices(' ').map(|(i, _)| i + 1));
    starts
        .take(4)
        .map(|from| words[from..].trim())
        .find(|z| one_zone(z))
}

/// Appends `zone` to every timeline time written without one.
pub(crate) fn apply(timeline: &mut Node, zone: &str) {
    let Value::Seq(items) = &mut timeline.value else {
        return;
    };
    for item in items {
        let Value::Map(fields) = &mut item.value else {
            continue;
        };
        if let Some(time) = fields.iter_mut().find(|e| e.key == "time")
            && let Some(written) = time.value.as_str()
            && time::parse_time(written).is_ok_and(|p| p.zone.is_none())
        {
            time.value.value = Value::String(format!("{written} {zone}"));
        }
    }
}

/// Gives `zone` to each milestone written without one: the milestones another
/// tool's front matter gives (`resolvedWhen: 2025-11-04 15:10:00` on a status page
/// whose text says "All times on this page are CEST") are on the report's clock.
pub(crate) fn apply_to_milestones(milestones: &mut Node, zone: &str) {
    let Value::Map(fields) = &mut milestones.value else {
        return;
    };
    for field in fields {
        if let Some(written) = field.value.as_str()
            && time::parse_time(written).is_ok_and(|p| p.zone.is_none() && p.date.is_some())
        {
            field.value.value = Value::String(format!("{written} {zone}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stated_zone;
    use crate::{Format, check};

    /// A status page's `resolvedWhen` written without a zone is on the clock the
    /// page states: compared with the `*Resolved*` update (RS218 when it is
    /// earlier), and not reported as zoneless (RS202).
    #[test]
    fn a_status_page_s_resolved_when_is_on_the_page_s_clock() {
        let page = |resolved_when: &str, statement: &str| {
            format!(
                "---\ntitle: Exports delayed\ndate: 2025-11-04 11:12:00\nresolved: true\n\
                 resolvedWhen: {resolved_when}\nseverity: degraded-performance\nsection: issue\n---\n\n\
                 *Resolved* - Exports finish on time again.\n{{{{< track \"2025-11-04 13:40:00\" >}}}}\n\n\
                 *Monitoring* - A fix is out and the queue is draining.\n{{{{< track \"2025-11-04 12:05:00\" >}}}}\n\n\
                 *Investigating* - Exports are slow.\n{{{{< track \"2025-11-04 11:12:00\" >}}}}\n\n{statement}\n"
            )
        };
        let codes = |md: &str| -> Vec<&'static str> {
            check(md, Format::Markdown)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .filter(|c| matches!(*c, "RS202" | "RS207" | "RS218"))
                .collect()
        };
        for statement in [
            "All times on this page are UTC.",
            "Times on this page are CET.",
            "All times are\nUTC.",
        ] {
            // Earlier than the Resolved update: a contradiction, no zone finding.
            assert_eq!(
                codes(&page("2025-11-04 12:10:00", statement)),
                ["RS218"],
                "{statement}"
            );
            // At the Resolved update, or with its own offset at that instant: nothing.
            assert!(
                codes(&page("2025-11-04 13:40:00", statement)).is_empty(),
                "{statement}"
            );
        }
        assert!(
            codes(&page(
                "2025-11-04T13:40:00Z",
                "All times on this page are UTC."
            ))
            .is_empty()
        );
        // No zone stated anywhere: the zoneless milestone is still reported.
        assert!(codes(&page("2025-11-04 13:40:00", "")).contains(&"RS202"));
    }

    /// A zone statement wrapped inside its paragraph is one statement; a line
    /// break that ends a block (a blank line, a heading, a list) still parts it.
    #[test]
    fn a_zone_statement_wrapped_across_two_lines_is_read_as_one() {
        for (text, zone) in [
            (
                "*Posted by IT Services. All times are\nEastern.*\n",
                "Eastern",
            ),
            (
                "Posted by the platform team. All times in this post are\nUTC.\n",
                "UTC",
            ),
            ("_Written by ops; times\nare UTC._\n", "UTC"),
            (
                "The mail relay failed twice that week. All times are Central\nEuropean Time.\n",
                "",
            ),
        ] {
            let found = stated_zone(text).map(|(z, _)| z);
            assert!(found.is_some(), "{text:?}");
            if !zone.is_empty() {
                assert_eq!(found.as_deref(), Some(zone), "{text:?}");
            }
        }
        for text in [
            "All times are\n\nEastern Canada was affected most.\n",
            "## All times are\nEastern region offices closed early.\n",
            "Users retried all times are\n- Eastern warehouse\n",
        ] {
            assert_eq!(stated_zone(text), None, "{text:?}");
        }
        // The report's times in sentences are then read in that zone: no RS202.
        let report = "# Power cut\n\n*Posted by IT Services. All times are\nEastern.*\n\n## What happened\n\n\
                      At 10:05 a.m. on Friday, July 18, 2025 the network failed. By 9:30 p.m. on Friday, July 18 it was back.\n";
        let codes: Vec<&str> = check(report, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(!codes.contains(&"RS202"), "{codes:?}");
        assert!(
            check(
                &report.replace("are\nEastern.", "are\nlisted below."),
                Format::Markdown
            )
            .diagnostics
            .iter()
            .any(|d| d.code == "RS202")
        );
    }

    #[test]
    fn a_zone_on_the_timeline_s_first_time_only_is_the_timeline_s_zone() {
        let codes = |md: &str| -> Vec<&'static str> {
            check(md, Format::Markdown)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        let report = |timeline: &str| {
            format!(
                "# Export queue\n\nDate: 2025-07-15\n\n## Summary\n\nExports were late.\n\n## Timeline\n\n{timeline}"
            )
        };
        for timeline in [
            "- 14:05 (UTC) first batch fails\n- 14:20 investigating\n- 15:20 disk cleared, resolved\n",
            "- 14:05 UTC first batch fails\n- 14:20 investigating\n- 15:20 disk cleared, resolved\n",
            "- 14:05 (local time in Singapore) first batch fails\n- 15:20 disk cleared, resolved\n",
            "| Time | Event |\n|---|---|\n| 14:05 (CEST) | first batch fails |\n| 15:20 | disk cleared, resolved |\n",
            "| Time (Paris time) | Event |\n|---|---|\n| 14:05 | first batch fails |\n| 15:20 | disk cleared, resolved |\n",
        ] {
            let md = report(timeline);
            let found = codes(&md);
            assert!(
                !found.contains(&"RS202") && !found.contains(&"RS203"),
                "{found:?}\n{md}"
            );
        }
        // Both names of a region, in a header or beside the date: either season.
        for md in [
            report(
                "| Time (CET/CEST) | Event |\n|---|---|\n| 14:05 | first batch fails |\n| 15:20 | disk cleared, resolved |\n",
            ),
            report("- 14:05 first batch fails\n- 15:20 disk cleared, resolved\n")
                .replace("2025-07-15", "2025-07-15 (times CET/CEST)"),
            report("- 14:05 first batch fails\n- 15:20 disk cleared, resolved\n")
                .replace("## Timeline", "## Timeline (CET/CEST)"),
        ] {
            let found = codes(&md);
            assert!(
                !found.contains(&"RS202") && !found.contains(&"RS203"),
                "{found:?}\n{md}"
            );
        }
        // Stated on the first time, the wrong half of the year is still reported.
        let md = report(
            "| Time | Event |\n|---|---|\n| 14:05 (CET) | first batch fails |\n| 15:20 | disk cleared, resolved |\n",
        );
        assert!(codes(&md).contains(&"RS203"), "{:?}", codes(&md));
        // Another entry with a zone of its own: the first's is not the timeline's.
        let md = report(
            "- 14:05 UTC first batch fails\n- 14:20 investigating\n- 15:20 CEST disk cleared, resolved\n",
        );
        assert!(codes(&md).contains(&"RS202"), "{:?}", codes(&md));
    }

    #[test]
    fn a_zone_closing_the_summary_window_of_the_timeline_s_ends_is_its_zone() {
        let codes = |md: &str| -> Vec<&'static str> {
            check(md, Format::Markdown)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        let md = "# Search index stale\n\n## Summary\n\n- **Window:** 2025-06-09 21:15 to 2025-06-10 03:50 (UTC)\n\n\
                  Search showed stale results overnight.\n\n## Timeline\n\n- 21:15 (Jun 9) - index job stalls\n\
                  - 23:30 (Jun 9) - first stale-result report\n- 03:50 (Jun 10) - reindex done\n";
        assert!(!codes(md).contains(&"RS202"), "{:?}", codes(md));
        // A zone on a window whose times are not the timeline's ends is not read
        // as the timeline's statement; it is still the only zone the report
        // names, which the times take (`crate::times::NamedZones`).
        let other = md.replace("03:50 (UTC)", "05:50 (UTC)");
        assert!(!codes(&other).contains(&"RS202"), "{:?}", codes(&other));
        let other = other.replace("(UTC)", "");
        assert!(codes(&other).contains(&"RS202"), "{:?}", codes(&other));
    }

    #[test]
    fn an_offset_written_elsewhere_settles_an_ambiguous_zone() {
        let mail = "Date: Thu, 14 Aug 2025 18:10:00 +0530\n\nAll times are IST.\n";
        let (zone, at) = super::settled_zone(mail).expect("settled");
        assert_eq!(zone, "+05:30");
        assert_eq!(at.slice(mail), "IST");
        // No offset, or one that fits no reading: still not placed.
        assert_eq!(super::settled_zone("All times are IST.\n"), None);
        assert_eq!(
            super::settled_zone("All times are IST. Sent from +0900 land.\n"),
            None
        );
        // A date's dashes and a phone number are not offsets.
        assert_eq!(
            super::settled_zone("All times are IST. On 2025-08-14 call 555-0530.\n"),
            None
        );
    }

    #[test]
    fn an_ambiguous_zone_stated_for_the_report_is_found_where_it_is_written() {
        let text = "Reported by: Treasury\nAll times IST.\n";
        let at = super::ambiguous_zone(text).expect("IST");
        assert_eq!(at.slice(text), "IST");
        assert_eq!(stated_zone(text), None);
        assert_eq!(
            super::ambiguous_zone("All times UTC. The IST team helped."),
            None
        );
        assert_eq!(super::ambiguous_zone("Our IST office was closed."), None);
    }

    #[test]
    fn zones_stated_in_prose_are_found() {
        let zone = |t: &str| stated_zone(t).map(|(z, _)| z);
        assert_eq!(zone("All times UTC."), Some("UTC".into()));
        assert_eq!(zone("Times are London time (BST)."), Some("BST".into()));
        assert_eq!(zone("*All times are in CET*"), Some("CET".into()));
        assert_eq!(zone("At times we are ALL tired."), None);
        assert_eq!(zone("All times are approximate."), None);
        assert_eq!(zone("Date: 2025-10-14 (times UTC)"), Some("UTC".into()));
        // The zone right after "times", in a byline or a sentence.
        assert_eq!(
            zone("*Write-up, Thursday 9 October 2025, times UTC.*"),
            Some("UTC".into())
        );
        assert_eq!(
            zone("Log timestamps CET, server clock."),
            Some("CET".into())
        );
        assert_eq!(zone("- Times EST; dates US style"), Some("EST".into()));
        assert_eq!(zone("We retried three times. PST billing ran late."), None);
        assert_eq!(zone("It failed several times overnight."), None);
        assert_eq!(zone("Sometimes UTC drifts."), None);
        // Both names of one region: its wall clock, in either season.
        let text = "Times are in Central European Time (CET/CEST as applicable).";
        let (z, at) = stated_zone(text).expect("a zone");
        assert_eq!((z.as_str(), at.slice(text)), ("Europe/Paris", "CET/CEST"));
        assert_eq!(
            zone("All times are PST or PDT, whichever applied."),
            Some("America/Los_Angeles".into())
        );
        // Spelt out, or a US generic name.
        assert_eq!(
            zone("All times below are Pacific Daylight Time."),
            Some("Pacific Daylight Time".into())
        );
        assert_eq!(
            zone("Times are in Eastern Standard Time throughout."),
            Some("Eastern Standard Time".into())
        );
        assert_eq!(
            zone("Times in this post are Pacific (PT)."),
            Some("PT".into())
        );
        assert_eq!(
            zone("All times are approximate; Central European teams slept."),
            None
        );
        // In lowercase, a US region's time, a place's local time: the name a
        // time after it reads when the words as written are not one.
        assert_eq!(
            zone("All times are pacific daylight time."),
            Some("PDT".into())
        );
        assert_eq!(
            zone("Timestamps are central european summer time."),
            Some("CEST".into())
        );
        assert_eq!(
            zone("All times are eastern time."),
            Some("eastern time".into())
        );
        assert_eq!(
            zone("All times are local time in Oslo."),
            Some("Oslo".into())
        );
        assert_eq!(
            zone("| Time zone | local time in Berlin |"),
            Some("Berlin".into())
        );
        assert_eq!(
            zone("All times are Berlin time."),
            Some("Berlin time".into())
        );
        assert_eq!(
            zone("All times are approximate; the local time in the Oslo office was later."),
            None
        );
        assert_eq!(zone("Log timestamps pacific, server clock."), None);
    }

    #[test]
    fn zones_stated_by_a_label_leading_a_line_are_found() {
        let zone = |t: &str| stated_zone(t).map(|(z, _)| z);
        assert_eq!(
            zone(":Date: 9 May\n:Times: UK local time (BST)\n"),
            Some("BST".into())
        );
        assert_eq!(zone("**Time zone:** Eastern (EDT)\n"), Some("EDT".into()));
        // In the middle of a sentence a label is not one.
        assert_eq!(
            zone("Response times: 200 ms at 10:00 EST, twice the norm."),
            None
        );
    }

    #[test]
    fn zones_stated_for_every_time_or_window_are_found() {
        let zone = |t: &str| stated_zone(t).map(|(z, _)| z);
        assert_eq!(
            zone("> [!note] Zone\n> Every time in this page is UTC.\n"),
            Some("UTC".into())
        );
        assert_eq!(
            zone("Owner: Ops. All windows are in UTC; durations in minutes."),
            Some("UTC".into())
        );
        // A status page's closing line.
        assert_eq!(
            zone("Times on this page are CEST (Europe/Amsterdam).\n"),
            Some("CEST".into())
        );
        // Windows and single times that are not about the report's times.
        assert_eq!(zone("All windows are closed at night."), None);
        assert_eq!(zone("Every time in a while the job stalls."), None);
    }

    #[test]
    fn an_offset_beside_an_ambiguous_abbreviation_states_the_zone() {
        let zone = |t: &str| stated_zone(t).map(|(z, _)| z);
        let row = "| | |\n|---|---|\n| Time zone | IST (UTC+05:30) |\n";
        assert_eq!(zone(row), Some("UTC+05:30".into()));
        assert_eq!(super::ambiguous_zone(row), None);
        assert_eq!(zone("All times IST (GMT+1)."), Some("GMT+1".into()));
        // Alone, the abbreviation is still ambiguous, and a table row whose
        // label is not the zone's states nothing.
        let alone = "| Time zone | IST |\n";
        assert_eq!(zone(alone), None);
        assert!(super::ambiguous_zone("All times IST.\n").is_some());
        assert_eq!(zone("| Timestamps | UTC+05:30 |\n"), None);
        // The label's value is on its own line, not the next row's.
        assert_eq!(
            zone("| Time zone | see below |\n| Region | UTC+1 |\n"),
            None
        );
    }

    #[test]
    fn tz_database_names_stated_for_the_report_are_found() {
        let zone = |t: &str| stated_zone(t).map(|(z, _)| z);
        assert_eq!(
            zone("ended at 11:58 (all times are US/Pacific)."),
            Some("US/Pacific".into())
        );
        assert_eq!(
            zone("All times are America/New_York."),
            Some("America/New_York".into())
        );
        assert_eq!(zone("The US/Eastern office was closed."), None);
        assert_eq!(
            zone("## Timeline (US/Eastern)\n"),
            Some("US/Eastern".into())
        );
        assert_eq!(
            zone("Times are in America/New_York time."),
            Some("America/New_York".into())
        );
        assert_eq!(
            zone("Times: America/New_York time\n"),
            Some("America/New_York".into())
        );
        assert_eq!(
            zone("All times America/New_York time.\n"),
            Some("America/New_York".into())
        );
    }
}
