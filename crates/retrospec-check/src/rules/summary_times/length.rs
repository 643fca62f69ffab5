//! Whether a window states its own length ("For 29 minutes, from 18:17 to 18:46
//! UTC"): a narrower impact its author measured.

use super::{Breaks, End, SentenceLengths, Stated, normalise};
use crate::time;

/// Whether the window with the end `s` (either end) states its own length in its
/// sentence, and the length agrees with its two ends: "For 29 minutes, from 18:17
/// to 18:46 UTC", "from 09:10 to 10:25 (75 minutes)".
pub(super) fn states_its_length(
    masked: &str,
    all: &[Stated],
    s: &Stated,
    stops: &Breaks,
    lengths: &mut Vec<SentenceLengths>,
) -> bool {
    let Some(other) = s.pair.and_then(|j| all.get(j)) else {
        return false;
    };
    let (a, s) = match (s.end, other.end) {
        (End::Finish, End::Start) => (other, s),
        (End::Start, End::Finish) => (s, other),
        _ => return false,
    };
    let clock = |r: &std::ops::Range<usize>| {
        time::parse_time(&normalise(&masked[r.clone()]))
            .ok()
            .map(|p| i64::from(p.time.hour()) * 3600 + i64::from(p.time.minute()) * 60)
    };
    let (Some(from), Some(to)) = (clock(&a.time), clock(&s.time)) else {
        return false;
    };
    let span = (to - from).rem_euclid(86_400);
    // From the sentence of the window's start to the end of its end's sentence,
    // and the next sentence of its paragraph ("Between 12:52 and 14:16 PDT, ...
    // Ingest was impaired for 84 minutes.").
    let own = stops.sentence(masked, a.time.start..s.time.end);
    let rest = &masked[own.end..];
    let gap = rest.len()
        - rest
            .trim_start_matches(['.', '!', '?', ' ', '\n', '\r', '\t'])
            .len();
    let range = if own.end + gap < masked.len() && !masked[own.end..own.end + gap].contains("\n\n")
    {
        own.start..stops.sentence(masked, own.end + gap..own.end + gap).end
    } else {
        own
    };
    let found = match lengths.iter().position(|(r, _)| *r == range) {
        Some(i) => &lengths[i].1,
        None => {
            let read = crate::claims::duration::find(&masked[range.clone()])
                .iter()
                .map(|d| (d.low as i64, d.high as i64))
                .collect();
            lengths.push((range, read));
            &lengths[lengths.len() - 1].1
        }
    };
    found
        .iter()
        .any(|&(low, high)| low - 120 <= span && span <= high + 120)
}
