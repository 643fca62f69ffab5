//! One a.m./p.m. written once for a window's two ends (see [`share_meridiem`]).

use super::{End, Stated};

/// `4 PM` as `4:00 PM`, `12.26` as `12:26`.
pub(super) fn normalise(time: &str) -> String {
    let t = time.trim().replace('.', ":");
    let t = t
        .replace("a:m:", "AM")
        .replace("p:m:", "PM")
        .replace("a:m", "AM")
        .replace("p:m", "PM");
    let digits_end = t
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(t.len());
    let (clock, rest) = t.split_at(digits_end);
    if clock.contains(':') {
        t.clone()
    } else if clock.len() == 4 && rest == "Z" {
        // A military time (`1405Z`).
        format!("{}:{}Z", &clock[..2], &clock[2..])
    } else {
        format!("{clock}:00{rest}")
    }
}

/// The a.m./p.m. of `text`, if it has one.
fn meridiem_of(text: &str) -> Option<&'static str> {
    let t = normalise(text);
    if t.contains("PM") || t.contains("pm") || t.contains("Pm") {
        Some("PM")
    } else if t.contains("AM") || t.contains("am") || t.contains("Am") {
        Some("AM")
    } else {
        None
    }
}

/// Minutes since midnight of `h:mm` read with `meridiem`; `None` past 12 hours.
fn minutes_of(clock: &str, meridiem: Option<&str>) -> Option<i64> {
    let (h, m) = clock.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&h) || m > 59 {
        return None;
    }
    let h = match (h, meridiem == Some("PM")) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(h * 60 + m)
}

/// One a.m./p.m. written once for a window's two ends: `3:05 - 4:20 PM` is
/// 3:05 PM to 4:20 PM, `11:30 - 1:15 PM` is 11:30 AM to 1:15 PM (the start borrows
/// the end's unless that puts it after the end), `3:05 PM - 4:20` is 3:05 PM to
/// 4:20 PM. An end written as a 24-hour clock (`14:05`, `09:40`) borrows nothing.
pub(super) fn share_meridiem(masked: &str, out: &mut [Stated]) {
    for i in 0..out.len() {
        let Some(j) = out[i].pair.filter(|&j| j < out.len()) else {
            continue;
        };
        let own = &masked[out[i].time.clone()];
        let other = &masked[out[j].time.clone()];
        let (None, Some(theirs)) = (meridiem_of(own), meridiem_of(other)) else {
            continue;
        };
        let clock = |t: &str| {
            let t = normalise(t);
            let end = t
                .find(|c: char| !c.is_ascii_digit() && c != ':')
                .unwrap_or(t.len());
            t[..end].to_string()
        };
        let (own_clock, other_clock) = (clock(own), clock(other));
        // `09:40` is a 24-hour clock: a leading zero is never written before a.m./p.m.
        if own_clock.starts_with('0') {
            continue;
        }
        let (Some(mine), Some(their)) = (
            minutes_of(&own_clock, Some(theirs)),
            minutes_of(&other_clock, Some(theirs)),
        ) else {
            continue;
        };
        let flipped = if theirs == "PM" { "AM" } else { "PM" };
        let in_order = match out[i].end {
            End::Start => mine <= their,
            End::Finish => their <= mine,
        };
        out[i].meridiem = Some(if in_order { theirs } else { flipped });
    }
}
