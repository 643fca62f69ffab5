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
    let (date, at) = match first_date(before) {
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
    Some(at)
}

/// The first date written in `text`: `YYYY-MM-DD`, `June 10th, 2024`,
/// `10 June 2024`, `Jun 10 2024`, each read by [`time::parse_date_line`].
pub(crate) fn first_date(text: &str) -> Option<(Date, Span)> {
    let words = words(text);
    for (i, &(start, end)) in words.iter().enumerate() {
        let word = &text[start..end];
        // `(2025-07-23)`, `**2025-07-23**`: the date inside its marks.
        let lead = word.len() - word.trim_start_matches(['(', '*', '_', '`', '[']).len();
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
        // A month name with the words around it: "June 10th, 2024", "10 June 2024".
        let from = i.saturating_sub(1);
        for len in [3, 4] {
            let Some(&(_, last_end)) = words.get(from + len - 1) else {
                continue;
            };
            let (first_start, _) = words[from];
            let candidate = text[first_start..last_end].trim_end_matches([',', '.', ':', ')']);
            let candidate = candidate.trim_start_matches('(');
            if is_month_word(word)
                && let Some(d) = time::parse_date_line(candidate)
            {
                return Some((d, Span::new(first_start, first_start + candidate.len())));
            }
            let candidate = text[start..words.get(i + len - 2).map_or(end, |w| w.1)]
                .trim_end_matches([',', '.', ':', ')']);
            if is_month_word(word)
                && let Some(d) = time::parse_date_line(candidate)
            {
                return Some((d, Span::new(start, start + candidate.len())));
            }
        }
    }
    None
}

/// The first slashed date in `text` (`03/04/2025`, `13/04/2025`): its one
/// reading, or the finding for a date with two (RS214).
fn slashed_date(text: &str) -> Option<Result<(Date, Span), Diagnostic>> {
    // Cheap test first: most reports have no slash at all.
    if !text.contains('/') {
        return None;
    }
    for (start, end) in words(text) {
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
        // A version or a dotted clock is not a date.
        assert_eq!(found("Upgraded to 1.2.3 at 14.03 and 2.10.2"), None);
        assert_eq!(found("We may march on. Nothing dated here."), None);
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
        // One reading: the timeline's date.
        let (codes, times) = report("23/04/2025");
        assert!(!codes.contains(&"RS214"), "{codes:?}");
        assert_eq!(times[0], "2025-04-23 13:05 UTC");
    }
}
