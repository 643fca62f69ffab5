//! Phrasings of the incident's length seen in real reports (round eighteen's
//! phrase bank, `tests/wild_claims`): the impact over "in" its length, "an
//! incident N long", "for N before service was restored"; and a sentence that
//! states a plan, whose lengths are not what happened.

use std::sync::LazyLock;

use crate::lean::Lean;

/// The impact over, "in" its length: "Everything was fixed in about 50
/// minutes", "we were able to respond and recover in less than 20 minutes".
pub(super) static FIXED_IN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:everything|it|all|the\s+(?:issue|problem|outage|incident|site|service))\s+(?:was|were|got|had\s+been)\s+(?:fully\s+)?(?:fixed|resolved|restored|recovered|mitigated)|\b(?:we|the\s+team)\s+(?:were\s+able\s+to\s+|managed\s+to\s+|could\s+)?(?:respond\s+and\s+)?(?:recover|restore\s+service|resolve\s+it|fix\s+it|recover\s+service))\s+(?:with)?in\s*$")
        .expect("the pattern is valid")
});
/// The impact named just before a length that ends in "long": "in an incident
/// less than 20 minutes long", "an outage 40 minutes long".
static NOUN_BEFORE_LONG: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:incident|outage|disruption|downtime|interruption)\s*$")
        .expect("the pattern is valid")
});
static LONG_AFTER: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)^\s*long\b").expect("the pattern is valid"));
/// "... for roughly forty minutes before service was restored", "... for about
/// 25 minutes before the pool change took effect": the impact's length, ended
/// by its recovery or by the fix taking effect.
static BEFORE_RECOVERY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*before\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:(?:was|were|got|had\s+been|came)\s+(?:fully\s+)?(?:restored|recovered|resolved|fixed|back)\b|(?:fix|change|rollback|revert|patch|failover)\s+(?:finally\s+)?(?:took|had\s+taken)\s+effect\b)")
        .expect("the pattern is valid")
});
/// A plan stated by its sentence: "The next move is planned for Wednesday,
/// starting at 6:00 a.m. and lasting about three hours", "the downtime is
/// projected to last 15-30 minutes": not what happened.
pub(super) static PLAN_SENTENCE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:is|are|was|were|has\s+been|had\s+been)\s+(?:(?:also|now|tentatively)\s+)?(?:planned|scheduled|projected|expected\s+to\s+(?:last|take))\b")
        .expect("the pattern is valid")
});

/// The sentence before byte `at`: from the last full stop that a capital
/// letter follows ("a.m. and" does not end one), within its line.
pub(super) fn sentence_head(text: &str, at: usize) -> &str {
    let from = super::floor(text, at.saturating_sub(240));
    let head = &text[from..at];
    let line = head.rfind('\n').map_or(0, |i| i + 1);
    let head = &head[line..];
    let bytes = head.as_bytes();
    let cut = (0..bytes.len().saturating_sub(2))
        .rev()
        .find(|&i| {
            matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes[i + 1] == b' '
                && bytes[i + 2].is_ascii_uppercase()
        })
        .map_or(0, |i| i + 2);
    &head[cut..]
}

/// "The endpoint returned HTTP 503 for roughly two and a half hours before
/// service was restored" (in the summary: the impact's words, then its
/// recovery), "in an incident less than 20 minutes long": the incident's length.
pub(super) fn incident(before: &str, after: &str, summary: bool) -> bool {
    if summary
        && BEFORE_RECOVERY.is_match(after)
        && let Some(caps) = super::LOOSE.captures(before)
        && caps.name("for").is_some()
    {
        let clause = &before[..caps.get(0).map_or(before.len(), |m| m.start())];
        if super::IMPACT_WORDS.is_match(clause) && !super::ACTION_WORDS.is_match(clause) {
            return true;
        }
    }
    NOUN_BEFORE_LONG.is_match(before)
        && LONG_AFTER.is_match(after)
        // "the roughly 44 minutes of downtime that our 99.9% monthly SLA allows"
        && !super::other::is_budget(before, after)
}

/// A length after `lasting`, `lasted` or `duration` in the heading of one
/// incident of a digest (`### March 11 08:40 UTC (lasting 45 minutes)`): that
/// incident's length (`start` is where the length begins in `text`).
pub(in crate::claims) fn heading_length(text: &str, start: usize) -> Option<super::Subject> {
    HEADING_LENGTH
        .is_match(&text[..start])
        .then_some(super::INCIDENT)
}

static HEADING_LENGTH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:lasting|lasted(?:\s+for)?|duration\s*:?)\s*(?:about\s+|around\s+|~\s*)?$")
        .expect("the pattern is valid")
});

/// Bounds in words right after the length: "Duration: ~27 minutes from the
/// first alert firing to someone with access taking a concrete action". The
/// length is between those two events (read as such when the report names
/// them), not the incident's whole length.
static FROM_TO_WORDS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*,?\s*from\s+(?:the\s+|our\s+|a\s+)?[a-z][a-z' -]{2,60}?\s+(?:to|until|till)\s+(?:the\s+|our\s+|a\s+)?[a-z]")
        .expect("the pattern is valid")
});

/// Whether the words after a length bound it between two events in words.
pub(super) fn bounded_in_words(after: &str) -> bool {
    FROM_TO_WORDS.is_match(after)
}

/// Whether the duration at byte `at` opens the answer to a question that asks
/// how long the service was out (`Q: How long was the portal down?` over `A:
/// About 40 minutes.`, a FAQ's bold question over its answer): the question
/// says what the bare answer measures.
pub(super) fn answers_how_long(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..at]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '_' | '-'));
    let lead = ["A:", "A.", "Answer:"]
        .iter()
        .find_map(|m| lead.strip_prefix(m))
        .unwrap_or(lead)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    if !lead.is_empty() {
        return false;
    }
    let from = crate::span::ceil_char(text, line_start.saturating_sub(300));
    let above = text[from..line_start].trim_end();
    if !above.trim_end_matches(['*', '_']).ends_with('?') {
        return false;
    }
    let question = above
        .rfind("\n\n")
        .map_or(above, |i| &above[i + 2..])
        .to_ascii_lowercase();
    question.find("how long").is_some_and(|i| {
        question[i..]
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| {
                matches!(
                    w,
                    "down"
                        | "out"
                        | "offline"
                        | "unavailable"
                        | "unreachable"
                        | "outage"
                        | "incident"
                        | "disruption"
                        | "last"
                        | "lasted"
                        | "broken"
                        | "affected"
                        | "interrupted"
                        | "degraded"
                )
            })
    })
}

/// Why a claim measuring `measures` was not compared, when nothing more
/// particular was said: what was missing.
pub(crate) fn not_compared(measures: &str) -> String {
    match measures {
        "unknown" => "not compared: its words do not say what it measures (the incident's length, a metric, a step)".to_string(),
        "incident" => "not compared: the report states no start and end of the impact it could be measured with (milestones, timeline times, or a window beside it)".to_string(),
        "window" => "not compared: the window beside it was not read".to_string(),
        "between_events" => "not compared: the events it names were not found".to_string(),
        "sub_event" => "not compared: about a step or a part, no window for it".to_string(),
        metric => format!(
            "not compared: the report gives no milestones or timeline entries for {}",
            metric.replace('_', " ")
        ),
    }
}
