//! The report's `Start:` and `End:` fields ([`start_end_fields`]), the one
//! reader of them, and the instant such a field states (`Start:   Mon 3 March,
//! 22:10 UTC`, `| **End** | 8 April 2025, 14:10 WAT (UTC+1) |`).

use std::sync::LazyLock;

use crate::lean::Lean;

/// A line that labels the impact's start or end with its value: a field of
/// another tool's front matter (`start_time: "2025-01-15T16:20:00Z"`,
/// `resolvedWhen: ...`), a list item or line label (`- START TIME: 2025-02-11
/// 14:00 UTC`, `- **Impact start:** 2025-11-20 13:20 UTC`, `Restored: 14/01/2025
/// 11:05`) or a table row (`| End time | ... |`).
static FIELD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r#"(?im)^[ \t]*(?:[-*+][ \t]+|\|[ \t]*)?[*_]*(?:(?:impact|incident|outage)[ \t]+)?(?:(?P<start>start(?:ed)?|began)|(?:end(?:ed)?|resolved|restored))(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:incident|outage|impact|disruption))?(?:[ \t]+time|[ _-]?(?:time|at|when|date))?[*_]*[ \t]*[:|][*_ \t]*["']?(?P<value>[^"'\n|]*?)["']?[ \t]*\|?[ \t]*$"#)
        .expect("the pattern is valid")
});

/// One `Start:` or `End:` field (see [`FIELD`]).
pub(in crate::claims) struct Field<'t> {
    /// Whether it labels the start (else the end).
    pub start: bool,
    /// Its value, as written after the label.
    pub value: &'t str,
    /// The whole line it stands on.
    pub line: &'t str,
}

/// The `Start:` and `End:` fields of `text`, in the order written: the one reader
/// both the incident's stated window ([`super::stated_window`]) and a length's
/// block of fields (`claims::local::field_window`) read them with.
pub(in crate::claims) fn start_end_fields(text: &str) -> impl Iterator<Item = Field<'_>> {
    FIELD.captures_iter(text).filter_map(|caps| {
        Some(Field {
            start: caps.name("start").is_some(),
            value: caps.name("value")?.as_str(),
            line: caps.get(0)?.as_str(),
        })
    })
}

/// Whether a field's value starts as a date or time does: a digit, a weekday or
/// a month (`2025-02-11`, `Mon 3 March`, `Jan. 4`).
pub(in crate::claims) fn starts_as_a_date(value: &str) -> bool {
    let lower = value.get(..3).unwrap_or(value).to_ascii_lowercase();
    value.starts_with(|c: char| c.is_ascii_digit())
        || ([
            "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may",
            "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        .contains(&lower.as_str())
            && WORD_THEN_SPACE.is_match(value))
}

/// A weekday or month written as a word, then a space (`Mon `, `March, `, `Jan. `).
static WORD_THEN_SPACE: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"^[A-Za-z]+\.?,?[ \t]").expect("the pattern is valid"));

/// A date in words before a clock time: "8 April 2025, 14:10 WAT (UTC+1)".
static WORDED_DATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^(?P<date>[0-9A-Za-z][0-9A-Za-z ,.]*?[0-9]{4}),?\s+(?:at\s+)?(?P<time>[0-2]?[0-9]:[0-5][0-9].*)$")
        .expect("the pattern is valid")
});
/// A zone's offset in parentheses after its name: "WAT (UTC+1)".
static PAREN_OFFSET: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\s+(?:[a-z]{2,5}\s+)?\((?P<offset>(?:utc|gmt)\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)\)\s*$")
        .expect("the pattern is valid")
});

/// The instant a field's value states: as written, or with its date in words
/// ("8 April 2025, 14:10 UTC") written as a date, or with a zone's offset in
/// parentheses ("14:10 WAT (UTC+1)") read for the zone.
pub(super) fn field_time(
    value: &str,
    zone: Option<&jiff::tz::TimeZone>,
) -> Option<crate::time::Resolved> {
    let read = |text: &str| {
        crate::time::parse_time(text.trim())
            .ok()
            .and_then(|p| crate::time::resolve(&p, None, zone).ok())
    };
    if let Some(r) = read(value) {
        return Some(r);
    }
    let value = match PAREN_OFFSET.captures(value) {
        Some(caps) => {
            let whole = caps.get(0)?;
            let offset: String = caps.name("offset")?.as_str().split_whitespace().collect();
            format!(
                "{} {}",
                &value[..whole.start()],
                offset.to_ascii_uppercase()
            )
        }
        None => value.trim().to_string(),
    };
    if let Some(r) = read(&value) {
        return Some(r);
    }
    let caps = WORDED_DATE.captures(&value)?;
    let date = crate::time::parse_date_line(caps.name("date")?.as_str())?;
    read(&format!("{date} {}", caps.name("time")?.as_str()))
}

/// A field's date without its year before the clock (`Mon 3 March, 22:10 UTC`):
/// the year the report states ([`crate::parse::freeform::date::Dating`]); not when
/// a weekday written with it does not fall on that day (the year is then unsure).
pub(super) fn yearless(
    text: &str,
    value: &str,
    zone: Option<&jiff::tz::TimeZone>,
) -> Option<crate::time::Resolved> {
    let clock = value
        .find(|c: char| c.is_ascii_digit())
        .and_then(|d| value[d..].find(':').map(|c| d + c))?;
    // After the last character that is no digit, whatever its width (`é`).
    let clock = value[..clock]
        .char_indices()
        .rfind(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let date = value[..clock]
        .trim_end()
        .trim_end_matches("at")
        .trim_end()
        .trim_end_matches(',');
    let year = crate::parse::freeform::date::Dating::of(text).year_for(text, date, None)?;
    let line = crate::time::scan_date_line(date, Some(year))?
        .ok()
        .filter(|l| l.weekday_mismatch.is_none())?;
    let p = crate::time::parse_time(&format!("{} {}", line.date, &value[clock..])).ok()?;
    crate::time::resolve(&p, None, zone).ok()
}

#[cfg(test)]
mod tests {
    use super::{start_end_fields, starts_as_a_date};

    /// The shapes both readers relied on, in one reader: front matter, list items,
    /// bold labels, table rows, `Started time:` and `Restored:`.
    #[test]
    fn one_reader_reads_every_start_and_end_shape() {
        let read = |text: &str| -> Vec<(bool, String)> {
            start_end_fields(text)
                .map(|f| (f.start, f.value.to_string()))
                .collect()
        };
        for (text, start, value) in [
            (
                "start_time: \"2025-01-15T16:20:00Z\"",
                true,
                "2025-01-15T16:20:00Z",
            ),
            (
                "- START TIME: 2025-02-11 14:00 UTC",
                true,
                "2025-02-11 14:00 UTC",
            ),
            (
                "- **Impact start:** 2025-11-20 13:20 UTC",
                true,
                "2025-11-20 13:20 UTC",
            ),
            (
                "| End time | 8 April 2025, 14:10 |",
                false,
                "8 April 2025, 14:10",
            ),
            ("Started time: 14/01/2025 07:40", true, "14/01/2025 07:40"),
            ("Restored: 14/01/2025 11:05", false, "14/01/2025 11:05"),
            (
                "resolvedWhen: Mon 3 March, 22:10 UTC",
                false,
                "Mon 3 March, 22:10 UTC",
            ),
        ] {
            assert_eq!(read(text), vec![(start, value.to_string())], "{text}");
        }
        assert!(read("The start of the outage was slow.").is_empty());
        assert!(read("Endpoint: api.example.com").is_empty());
    }

    /// A letter of two bytes right before the clock's digits is no panic (found
    /// by the conversion property test: `2024-10-29é:00Z`).
    #[test]
    fn a_wide_letter_before_the_clock() {
        let text = "# t\n\nStart: Mon 3 March 2025\n";
        assert!(super::yearless(text, "2024-10-29é:00Z", None).is_none());
        assert!(super::yearless(text, "Mon 3 Marché10:00Z", None).is_none());
    }

    #[test]
    fn a_dated_value_starts_with_a_digit_a_weekday_or_a_month() {
        for value in [
            "2025-02-11 14:00",
            "Mon 3 March, 22:10",
            "Jan. 4 10:00",
            "March, 3",
        ] {
            assert!(starts_as_a_date(value), "{value}");
        }
        for value in ["approximately 10:00", "TBD", "Mo", "unknown"] {
            assert!(!starts_as_a_date(value), "{value}");
        }
    }
}
