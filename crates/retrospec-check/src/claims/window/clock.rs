//! A clock time as minutes since midnight.

/// Minutes since midnight of `hh[:mm]` with an optional a.m./p.m.
pub(in crate::claims) fn minutes(clock: &str, meridiem: Option<&str>) -> Option<i64> {
    let (h, m) = clock.split_once(':').unwrap_or((clock, "0"));
    let (mut h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    if let Some(p) = meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        let pm = p.to_ascii_lowercase().starts_with('p');
        h = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    Some(h * 60 + m)
}
