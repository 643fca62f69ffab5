//! Suggestions shared by the schema translation, the rules, the configuration and
//! hover: how a pointer is shown to a person, and which known word a typo meant.

use crate::tree::parse_pointer;

/// `/timeline/3/time` as `timeline[3].time`.
pub fn display_path(pointer: &str) -> String {
    let mut out = String::new();
    for segment in parse_pointer(pointer) {
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment);
        }
    }
    out
}

/// The closest candidate to `word` by edit distance, if close enough to be a typo
/// and closer than every other candidate (`SEV9` is as close to `SEV1` as to `SEV5`,
/// so nothing is suggested).
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let lower = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| {
            let other = c.to_lowercase();
            let distance = strsim::damerau_levenshtein(&lower, &other);
            let similarity = strsim::jaro_winkler(&lower, &other);
            let typo = distance <= (other.len() / 3).max(1) || similarity >= 0.88;
            (if typo { similarity } else { 0.0 }, c)
        })
        .filter(|(score, _)| *score > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(best, c), rest @ ..] if rest.first().is_none_or(|(next, _)| best - next > 0.01) => {
            Some(c.to_string())
        }
        _ => None,
    }
}
