//! The date a report states before its timeline ("On June 10th, 2024, ...",
//! `Date: 2025-03-11`, a date in the title or in another tool's front matter),
//! given to a first timeline entry written without one.
//!
//! Only the first entry gets it: the later entries without a date take the date
//! of the entry before them when times are resolved (`times.rs`), which also moves
//! a time that goes backwards past midnight to the next day.

use jiff::civil::Date;

use crate::span::Span;
use crate::time;
use crate::tree::{Node, Value};

/// Gives the first timeline entry the first date written before it, when the
/// entry has none. Returns where that date is written.
pub(crate) fn date_first_entry(text: &str, timeline: &mut Node) -> Option<Span> {
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
    let (date, at) = first_date(text.get(..time.value.span.start)?)?;
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
        assert_eq!(found("We may march on. Nothing dated here."), None);
    }
}
