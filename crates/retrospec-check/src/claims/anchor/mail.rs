//! Days named relative to the day a mail was sent: "yesterday at 20:10", "at
//! 09:30 this morning", counted from the mail's `Date:` header.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{DATED, PLAIN_DATE, month};

/// The day a mail was sent on its sender's clock, from the `Date:` header of
/// the headers that open it (`Date: Tue, 11 Nov 2025 15:02:44 +0100` is 11
/// November): what "yesterday" and "this morning" in its body count from.
pub(crate) fn mail_day(text: &str) -> Option<jiff::civil::Date> {
    let start = text.len() - text.trim_start().len();
    let end = text[start..].find("\n\n").map_or(text.len(), |i| start + i);
    crate::parse::freeform::blocks::mail_headers(text, start..end)?;
    let value = text[start..end].lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("date")
            .then_some(value.trim())
    })?;
    static PARSER: jiff::fmt::rfc2822::DateTimeParser = jiff::fmt::rfc2822::DateTimeParser::new();
    PARSER.parse_zoned(value).ok().map(|z| z.date())
}

/// A day named relative to the day a mail was sent: "yesterday", "last night";
/// "this morning", "today", "tonight", "earlier today".
static RELATIVE_DAY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:(?P<before>yesterday|last\s+night)|(?P<same>this\s+(?:morning|afternoon|evening)|(?:earlier\s+)?today|tonight))\b")
        .expect("the pattern is valid")
});

/// The day `clause` names relative to the mail sent on `sent` ([`RELATIVE_DAY`]),
/// at `clock` seconds after midnight: the day before for "yesterday" and for
/// "last night" in the evening (at 01:30, last night is the day it was sent);
/// the day it was sent for "this morning". `None` with any other sign of a day
/// (a date, "overnight", two such words).
pub(crate) fn relative_day(
    clause: &str,
    sent: jiff::civil::Date,
    clock: i64,
) -> Option<(Option<i16>, i8, i8)> {
    let mut found = RELATIVE_DAY.captures_iter(clause);
    let caps = found.next()?;
    // A date written plainly (its month a month's name: "at 20:10 the" is none).
    let dated = PLAIN_DATE.captures_iter(clause).any(|c| {
        c.name("m").is_some()
            || [c.name("mon"), c.name("mon2")]
                .into_iter()
                .flatten()
                .any(|m| month(m.as_str()).is_some())
    });
    if found.next().is_some() || dated {
        return None;
    }
    // DATED knows "yesterday" among its signs; any other one leaves the day unclear.
    let others = DATED.find_iter(clause).count();
    let yesterday = caps
        .name("before")
        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("yesterday"));
    if others > usize::from(yesterday) {
        return None;
    }
    let back = caps
        .name("before")
        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("yesterday") || clock >= 12 * 3600);
    let day = if back { sent.yesterday().ok()? } else { sent };
    Some((Some(day.year()), day.month(), day.day()))
}
