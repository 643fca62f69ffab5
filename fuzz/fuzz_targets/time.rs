#![no_main]

// The timestamp grammar and resolution: every parsed time resolves or fails
// with an error, ranges stay inside the input, and a leading-time scan agrees.

use retrospec_check::time;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = time::parse_time(s) {
        for r in [Some(p.time_range.clone()), p.date_range.clone(), p.zone_range.clone()]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= s.len() && s.is_char_boundary(r.start));
        }
        let _ = time::resolve(&p, time::parse_iso_date("2024-03-31"), None);
    }
    if let Ok(Some((_, end))) = time::scan_leading_time(s) {
        assert!(end <= s.len());
    }
    let _ = time::parse_date_line(s);
    let _ = time::parse_iso_date(s);
});
