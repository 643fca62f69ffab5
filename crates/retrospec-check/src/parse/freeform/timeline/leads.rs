//! Entry leads read before the timeline is: a date in words then a clock
//! (`Thursday 14 Aug, around 08:15: ...`). A leaf: the block splitter asks it
//! whether a list is a timeline, so it imports neither.

use crate::time;

/// The mark a time that leads an entry is set off with, and the text after it:
/// bold or code (`**10:05**`, `` `10:05` ``) before any text, italics or bold
/// written with underscores (`*09:03*`, `_09:03_`, `__09:03__`) only before a
/// digit (an italic note is no time); `("", s)` when there is none.
pub(crate) fn time_mark(s: &str) -> (&'static str, &str) {
    for mark in ["**", "`", "__", "*", "_"] {
        if let Some(rest) = s.strip_prefix(mark)
            && (mark == "**" || mark == "`" || rest.starts_with(|c: char| c.is_ascii_digit()))
        {
            return (mark, rest);
        }
    }
    ("", s)
}

/// The length of a word that makes the time after it approximate, with the
/// blanks after it (`around `, `about `, `approx. `, `ca. `, `~`), else 0.
pub(crate) fn approximate(s: &str) -> usize {
    for word in [
        "around",
        "about",
        "approximately",
        "approx.",
        "ca.",
        "circa",
        "~",
    ] {
        if let Some(rest) = s.get(..word.len()).filter(|w| w.eq_ignore_ascii_case(word)) {
            let after = &s[rest.len()..];
            let blanks = after.len() - after.trim_start_matches(' ').len();
            if blanks > 0 || word == "~" {
                return word.len() + blanks;
            }
        }
    }
    0
}

/// Whether `item` is led by a date in words and then a time (`Thursday 14 Aug,
/// around 08:15: ...`, `17 June 11:00 CEST - ...`, `Feb 28th **01:52** ...`), as the timeline reader
/// reads it: a list of such items is a timeline written without a heading.
pub(crate) fn leads_with_date_and_time(item: &str) -> bool {
    if !item
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || !item.bytes().take(40).any(|b| b.is_ascii_digit())
    {
        return false;
    }
    item.match_indices(' ').take(4).any(|(split, _)| {
        let rest = &item[split..];
        let rest = rest.trim_start_matches([' ', '\t', '-', '\u{2013}', '\u{2014}', ',', ':']);
        let rest = &rest[approximate(rest)..];
        let (_, rest) = time_mark(rest);
        rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && matches!(time::scan_leading_time(rest), Ok(Some((p, _))) if p.date.is_none())
            && time::scan_date_line(item[..split].trim_end_matches([',', ':']), Some(2024))
                .is_some_and(|r| r.is_ok())
    })
}

/// A weekday, in full or in a common short form (`Tues`, `Weds`, `Thurs`),
/// leading a clock: `Tues, 5:00pm`, `Wed 02:43`, `Thursday, noon`. The length
/// of the weekday with what follows it, and the day; `None` when no clock
/// follows (a weekday heading with a date is a date line, read elsewhere).
pub(crate) fn weekday_before_time(s: &str) -> Option<(usize, jiff::civil::Weekday)> {
    use jiff::civil::Weekday;
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let day = match s[..word_end].to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Monday,
        "tue" | "tues" | "tuesday" => Weekday::Tuesday,
        "wed" | "weds" | "wednesday" => Weekday::Wednesday,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thursday,
        "fri" | "friday" => Weekday::Friday,
        "sat" | "saturday" => Weekday::Saturday,
        "sun" | "sunday" => Weekday::Sunday,
        _ => return None,
    };
    let rest = &s[word_end..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let skip = s.len() - rest.trim_start_matches(' ').len();
    if skip == word_end {
        return None;
    }
    let after = &s[skip..];
    let clock = after.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || ["noon", "midday"].iter().any(|w| {
            after
                .get(..w.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(w))
        });
    matches!(crate::time::scan_leading_time(after), Ok(Some((p, _))) if p.date.is_none())
        .then_some(())
        .filter(|()| clock)
        .map(|()| (skip, day))
}
