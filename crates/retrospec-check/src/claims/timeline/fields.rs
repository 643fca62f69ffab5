//! The instant a start or end field states (`Start:   Mon 3 March, 22:10 UTC`,
//! `| **End** | 8 April 2025, 14:10 WAT (UTC+1) |`).

use std::sync::LazyLock;

use regex::Regex;

/// A date in words before a clock time: "8 April 2025, 14:10 WAT (UTC+1)".
static WORDED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<date>[0-9A-Za-z][0-9A-Za-z ,.]*?[0-9]{4}),?\s+(?:at\s+)?(?P<time>[0-2]?[0-9]:[0-5][0-9].*)$")
        .expect("the pattern is valid")
});
/// A zone's offset in parentheses after its name: "WAT (UTC+1)".
static PAREN_OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:[a-z]{2,5}\s+)?\((?P<offset>(?:utc|gmt)\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)\)\s*$")
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
    let clock = value[..clock]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
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
