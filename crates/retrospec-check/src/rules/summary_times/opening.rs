//! A summary sentence that opens with the impact's start ("Starting at 09:40
//! UTC, checkout failed ..."), read as a stated start when its clause tells of
//! the impact.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{APPROX, CLOCK};

/// A sentence that opens with the impact's start: "Starting at 09:40 UTC,
/// checkout failed ...", "Beginning around 3:05 PM, uploads were rejected"; kept
/// only when its clause tells of the impact, not of the team
/// ([`tells_the_impact`]): "Starting at 10:30, we drained the nodes" is
/// a step of the response.
pub(super) static OPENING_START: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?m:^|[.!?]\s+)(?i:starting|beginning)\s+(?i:at|from|around)\s+{APPROX}{CLOCK}"
    ))
    .expect("the opening-start pattern is valid")
});

/// Whether the clause after an opening "Starting at A" tells of the impact
/// (`checkout failed`, `errors were returned`) with no one of the team as its
/// subject (`we drained`, `the on-call engineer restarted`).
pub(super) fn tells_the_impact(masked: &str, after: usize) -> bool {
    let rest = &masked[after..];
    let end = rest.find(['.', ';', '\n']).unwrap_or(rest.len());
    let clause = &rest[..end];
    static TEAM: LazyLock<Lean> = LazyLock::new(|| {
        Lean::new(r"(?i)\b(?:we|us|our\s+team|the\s+team|on-?call|engineers?|responders?|sre)\b")
            .expect("the team pattern is valid")
    });
    crate::claims::subject::IMPACT_WORDS.is_match(clause) && !TEAM.is_match(clause)
}
