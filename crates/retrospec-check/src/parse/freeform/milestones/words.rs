//! The words that name a milestone in a timeline entry's text (the table in
//! the parent module's documentation), and the guards that keep a forecast, a
//! condition or a part from being read as one.

const STARTED_SUBJECTS: &[&str] = &[
    "outage",
    "degradation",
    "downtime",
    "impact",
    "incident",
    "disruption",
    "errors",
    "error rate",
    "failures",
    "failure rate",
    "delays",
    "latency",
    "failing",
    "timeouts",
];
const STARTED_VERBS: &[&str] = &["began", "begins", "begin", "started", "starts", "start"];

/// A failure rate that jumps: "429 rate for partner keys jumps from <0.1% to
/// 71%", "error rate spiked". Not a latency or a traffic rate that jumps: that
/// is often the warning before the impact.
const FAILURE_RATES: &[&str] = &[
    "error rate",
    "failure rate",
    "429 rate",
    "5xx rate",
    "500 rate",
    "502 rate",
    "503 rate",
    "504 rate",
    "timeout rate",
];
const JUMP_VERBS: &[&str] = &["jumps", "jumped", "spikes", "spiked"];

/// The failures whose end ends the impact ("429s stop at once", "the timeouts
/// stopped"): the subject right before the verb, in one clause.
const STOPPED_SUBJECTS: &[&str] = &[
    "errors", "failures", "timeouts", "429s", "5xx", "5xxs", "500s", "502s", "503s", "504s",
];
const STOPPED_VERBS: &[&str] = &["stop", "stops", "stopped", "ceased", "cease", "subsided"];

/// The first of the failures, named as the entry's event: "First errors on the
/// gateway", "first failures from the EU region".
const FIRST_FAILURES: &[&str] = &[
    "first errors",
    "first failures",
    "first timeouts",
    "first failed requests",
];

fn phrases(milestone: &str) -> &'static [&'static str] {
    match milestone {
        "detected" => &[
            "detected",
            "alerted",
            "alert fired",
            "alerts fired",
            "alert fires",
            "alerts fire",
            "alert triggered",
            "alert triggers",
            "alert pages",
            "alerts page",
            "reported by customers",
            "customers reported",
            "paged",
            "noticed",
        ],
        "acknowledged" => &[
            "acknowledged",
            "mobilized",
            "mobilised",
            "incident declared",
            "declared an incident",
            "began investigating",
            "started investigating",
        ],
        "mitigated" => &[
            "mitigated",
            "mitigation applied",
            "rolled back",
            "rollback completed",
            "rollback complete",
            "rollback finished",
            "failed over",
            "pointed back to",
            "reverted to",
        ],
        "resolved" => &[
            "resolved",
            "back to normal",
            "back to nominal",
            "all clear",
            "fully recovered",
            "fully restored",
            "outage ends",
            "outage ended",
            "impact ended",
            "impact ends",
            "impact is over",
            "outage is over",
            "service restored",
            "services restored",
            "back to baseline",
            "working again",
            "succeeding again",
            "healthy again",
            "normal again",
            "available again",
            "reachable again",
            "responsive again",
            "online again",
            "current again",
            "accurate again",
            "correct again",
            "returned to normal",
            "returned to its usual",
            "returned to usual",
            "back to its usual",
            "back to usual",
            "error rate back to zero",
            "failure rate back to zero",
            "errors back to zero",
            "failures back to zero",
            "error rate returned to zero",
            "failure rate returned to zero",
            "back below",
        ],
        _ => &[],
    }
}

/// Where the words of `lower` (an entry's text in lower case) say the impact
/// began ("card payments start failing", "outage begins", "errors began to
/// rise"), as a byte range: the words [`infer`] reads `started` from.
pub(crate) fn says_started(lower: &str) -> Option<(usize, usize)> {
    find("started", lower)
}

/// Where the words naming `milestone` are in `lower`, as a byte range.
pub(super) fn find(milestone: &str, lower: &str) -> Option<(usize, usize)> {
    if milestone == "started" {
        // Subject and verb close together in one clause: "outage starts", "errors
        // began to rise"; not across a clause ("404s keep failing; the purge
        // started" is a purge that started).
        if let Some(at) = FIRST_FAILURES
            .iter()
            .find_map(|p| word_at(lower, p).map(|i| (i, p.len())))
        {
            return Some((at.0, at.0 + at.1));
        }
        let jump = |clause: &str| {
            let (s, subject) = first_word(clause, FAILURE_RATES)?;
            let (v, verb) = first_word(clause, JUMP_VERBS)?;
            (v > s && v - (s + subject.len()) <= 24).then_some((s, v + verb.len()))
        };
        return clauses(lower).find_map(|(from, clause)| {
            if let Some((s, e)) = jump(clause) {
                return Some((from + s, from + e));
            }
            let (s, subject) = first_word(clause, STARTED_SUBJECTS)?;
            let (v, verb) = first_word(clause, STARTED_VERBS)?;
            let (start, end) = (s.min(v), (s + subject.len()).max(v + verb.len()));
            (end - start <= subject.len() + verb.len() + 24).then_some((from + start, from + end))
        });
    }
    let phrase = phrases(milestone)
        .iter()
        .filter_map(|p| word_at(lower, p).map(|i| (i, i + p.len())))
        .filter(|(i, _)| !forecast(&lower[..*i]))
        .filter(|(i, e)| milestone != "resolved" || !in_part(&lower[..*i], &lower[*e..]))
        .min();
    if phrase.is_none() && milestone == "resolved" {
        // "429s stop at once", "the timeouts stopped": the failures themselves end.
        return clauses(lower).find_map(|(from, clause)| {
            let (s, subject) = first_word(clause, STOPPED_SUBJECTS)?;
            let (v, verb) = first_word(clause, STOPPED_VERBS)?;
            (v > s
                && v - (s + subject.len()) <= 12
                && !forecast(&clause[..s])
                && ![
                    "will", "whether", "if", "until", "once", "when", "should", "expect",
                ]
                .iter()
                .any(|w| word_at(&clause[..s], w).is_some())
                && !in_part(&clause[..s], &clause[v + verb.len()..]))
            .then_some((from + s, from + v + verb.len()))
        });
    }
    if phrase.is_none() && milestone == "mitigated" {
        // "Rollback of the release completed".
        let r = word_at(lower, "rollback")?;
        let (c, word) = ["completed", "complete", "finished", "done"]
            .iter()
            .find_map(|w| word_at(lower, w).map(|i| (i, *w)))?;
        return (c > r).then_some((r, c + word.len()));
    }
    phrase
}

/// The first of `words` that stands in `clause` as a word: where, and which.
fn first_word<'w>(clause: &str, words: &[&'w str]) -> Option<(usize, &'w str)> {
    words
        .iter()
        .filter_map(|w| word_at(clause, w).map(|i| (i, *w)))
        .min()
}

/// The clauses of `lower` with their byte offsets: split after `;` and after a
/// `.`, `!` or `?` that ends a sentence (not the dot of `1.5` or `example.com`).
fn clauses(lower: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let cut = (from..bytes.len()).find(|&i| {
            bytes[i] == b';'
                || (matches!(bytes[i], b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        });
        let start = from;
        match cut {
            Some(i) => {
                from = i + 1;
                Some((start, &lower[start..i]))
            }
            None => {
                done = true;
                Some((start, &lower[start..]))
            }
        }
    })
}

/// Whether the words around an end's phrase say it ended only in part:
/// "Impact ends for some regions", "service restored except for EU", "partially
/// restored". `before` is the text up to the phrase, `after` from its end, both
/// lowercase.
fn in_part(before: &str, after: &str) -> bool {
    let clause = &after[..after.find(['.', ';', '!', '?']).unwrap_or(after.len())];
    let before = before.trim_end();
    before.ends_with("partially")
        || before.ends_with("partly")
        || [
            "some",
            "partial",
            "partially",
            "still",
            "except",
            "but",
            "most",
            "not yet",
        ]
        .iter()
        .any(|w| word_at(clause, w).is_some())
}

/// Whether the words before a milestone's phrase make it a forecast or a
/// condition, not an event: "will be delivered once the issue is resolved",
/// "until service is back to normal", "should be fully restored". A past event
/// ("once the cache warmed, errors were back to normal", "has been resolved")
/// is not one. `before` is the text up to the phrase, any case.
pub(crate) fn forecast(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    // The clause the phrase is in: "Once the cache warms, errors are back to
    // normal" is an event in the present tense, the condition a clause apart.
    let clause = lower
        .rfind(['.', ';', '!', '?', ','])
        .map_or(lower.as_str(), |i| &lower[i + 1..]);
    let tail = clause.trim_end();
    let verb = [" is", " are", " be", " gets", " get"]
        .iter()
        .any(|v| tail.ends_with(v));
    verb && [
        "once",
        "until",
        "till",
        "when",
        "if",
        "as soon as",
        "will",
        "should",
        "expect",
        "expected",
    ]
    .iter()
    .any(|w| word_at(clause, w).is_some())
}

/// The first place `word` stands as whole words in `lower`.
fn word_at(lower: &str, word: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(i) = lower[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return Some(at);
        }
        from = at + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}
