//! Lengths about a part of the incident, not the incident: a component or an
//! action inside it ("the rollback took about 10 minutes", "the UPS carried the
//! load for 12 minutes"), a sentence that opens on a separate event, and parts
//! listed with lengths of their own ("server was unreachable about 5 min in
//! total, wiki/mirror were down 17 min").

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{CLAUSE_REACH, ceil, clause_start};

/// A component or an action inside the incident as the subject of a length:
/// "network reconvergence took approximately 6 minutes", "the failover itself
/// completed in 4 min", "the UPS carried the load for 12 minutes", "the rollback
/// took about 10 minutes", "the reboot left it unreachable about 5 min in total",
/// "the restore, which took 3 hours". The noun is the clause's subject: a verb
/// of its own follows it, and the length follows the verb within its clause.
static SUB_EVENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)(?:^|[[\x20\t\r\n](*_])(?P<noun>
            (?:network[\x20\t\r\n]+|route[\x20\t\r\n]+|routing[\x20\t\r\n]+|bgp[\x20\t\r\n]+)?re-?convergence | convergence
          | fail-?over | fail-?back | switch-?over | cut-?over
          | roll-?back | roll-?out | re-?deploy(?:ment)? | deploy(?:ment)? | upgrade
          | re-?boot | restart | power[[\x20\t\r\n]-]?cycle
          | re-?index(?:ing)? | re-?build | re-?sync(?:hroni[sz]ation)? | resync
          | migration | backfill | purge | replay | re-?import | restore | fsck
          | vacuum | compaction | snapshot | backup
          | ups(?:[\x20\t\r\n]+units?)? | batter(?:y|ies) | generators?
        )(?:[\x20\t\r\n]+itself)?
        (?:[\x20\t\r\n]+(?:of|on|for|in|to)[\x20\t\r\n]+(?:the[\x20\t\r\n]+|our[\x20\t\r\n]+|all[\x20\t\r\n]+)?(?:[a-z0-9_-]+[\x20\t\r\n]+){0,2}?[a-z0-9_-]+)?
        (?:[\x20\t\r\n]*,?[\x20\t\r\n]+(?:which|that))?
        [\x20\t\r\n]+(?:(?:has|had|was|were|is|only|then|just|also|eventually|finally|alone|itself|each|all|can|could|would|will|should|may|might)[\x20\t\r\n]+)*
        (?:took|takes|take|lasted|lasts|last|completed|completes|complete|finished|finishes|finish|ran|runs|run
          |carried|carries|carry|held|holds|hold|kept|keeps|keep|left|leaves|needed|needs|required|requires
          |went[\x20\t\r\n]+on|continued|was[\x20\t\r\n]+done|done)
        \b(?P<tail>[^.;:!?\n,]{0,50})$",
    )
    .expect("the pattern is valid")
});
/// The literals one of [`SUB_EVENT`]'s nouns holds (lowercase): a clause with
/// none of them is not matched against it.
const SUB_EVENT_NOUNS: &[&str] = &[
    "converg",
    "failover",
    "fail-over",
    "failback",
    "fail-back",
    "switchover",
    "switch-over",
    "cutover",
    "cut-over",
    "rollback",
    "roll-back",
    "rollout",
    "roll-out",
    "deploy",
    "upgrade",
    "reboot",
    "re-boot",
    "restart",
    "power",
    "reindex",
    "re-index",
    "rebuild",
    "re-build",
    "sync",
    "migration",
    "backfill",
    "purge",
    "replay",
    "import",
    "restore",
    "fsck",
    "vacuum",
    "compaction",
    "snapshot",
    "backup",
    "ups ",
    "ups,",
    "batter",
    "generator",
];
/// A sentence that opens on another event than the incident: "Separately, two of
/// our upstream links dropped ...", "Independently, ...", "In an unrelated
/// event, ...".
static SEPARATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[ \t\r\n]*[*_]*(?:separately|independently|unrelatedly|in[ \t\r\n]+(?:a[ \t\r\n]+)?separate(?:ly)?(?:[ \t\r\n]+[a-z]+)?|in[ \t\r\n]+an?[ \t\r\n]+unrelated[ \t\r\n]+[a-z]+|unrelated[ \t\r\n]+to[ \t\r\n]+(?:this|that|the[ \t\r\n]+[a-z]+))\b")
        .expect("the pattern is valid")
});
/// Words before a sub-event's noun that make the clause about the impact: "the
/// outage caused by the failed deploy lasted 40 minutes".
static IMPACT_SUBJECT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:outage|incident|downtime|impact|disruption|degradation|unavailab[a-z]*|down|offline|unreachable|users?|customers?|errors?|failures?|during|while|after|before|until|since|when|once)\b")
        .expect("the pattern is valid")
});
/// Another clause inside the words between the sub-event's verb and its length.
static TAIL_CLAUSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:and|but|so|while|then|before|after|until|we|users?|customers?)\b")
        .expect("the pattern is valid")
});

/// Where the sentence holding byte `at` starts.
pub(crate) fn sentence_start(text: &str, at: usize) -> usize {
    let from = ceil(text, at.saturating_sub(CLAUSE_REACH));
    let head = &text[from..at];
    [". ", ".\n", "\n\n", "\n- ", "\n* ", "! ", "? ", "|"]
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| from + i + b.len()))
        .max()
        .unwrap_or(from)
}

/// What the length at `range` of `text` is about when it is a component or an
/// action inside the incident, not the incident: the noun as written ("network
/// reconvergence", "rollback", "UPS"), or "a separate event" for a sentence that
/// says so. A length whose clause names the impact first ("the outage caused by
/// the deploy lasted 40 minutes") is the incident's.
pub(crate) fn sub_event(text: &str, range: std::ops::Range<usize>) -> Option<String> {
    let start = range.start;
    let clause = &text[clause_start(text, start)..start];
    let lower = clause.to_ascii_lowercase();
    if SUB_EVENT_NOUNS.iter().any(|n| lower.contains(n))
        && let Some(caps) = SUB_EVENT.captures(clause)
        && let Some(noun) = caps.name("noun")
        && !IMPACT_SUBJECT.is_match(&clause[..noun.start()])
        && !caps
            .name("tail")
            .is_some_and(|t| TAIL_CLAUSE.is_match(t.as_str()))
    {
        return Some(
            noun.as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let sentence = &text[sentence_start(text, start)..start];
    let head = sentence
        .get(..sentence.len().min(40))
        .unwrap_or(sentence)
        .to_ascii_lowercase();
    (["separate", "independent", "unrelated"]
        .iter()
        .any(|w| head.contains(w))
        && SEPARATE.is_match(sentence))
    .then(|| "a separate event".to_string())
}

/// The subject of an outage state a length is given for, in a clause of its own
/// ("server was unreachable about 5 min in total", "wiki/mirror were down 17
/// min"): the words before the state, at most three.
static STATE_SUBJECT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:^|,[ \t\r\n]*|\band[ \t\r\n]+)[*_]*(?:the[ \t\r\n]+|our[ \t\r\n]+|its[ \t\r\n]+)?(?P<who>[a-z0-9_/.-]+(?:[ \t\r\n]+[a-z0-9_/.-]+){0,2}?)[ \t\r\n]+(?:was|were|went|stayed|remained|is|are|has[ \t\r\n]+been|have[ \t\r\n]+been)[ \t\r\n]+(?:[a-z]+ly[ \t\r\n]+)?(?:down|unavailable|unreachable|offline|inaccessible|degraded|broken|unusable|read-only|out[ \t\r\n]+of[ \t\r\n]+service)(?:[ \t\r\n]+for)?(?:[ \t\r\n]+(?:about|around|roughly|approximately|nearly|almost|just|only|over|under))?[ \t\r\n]*$")
        .expect("the pattern is valid")
});
/// A subject that is the impact itself, not one of its parts.
static IMPACT_NOUN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:it|this|everything|all|the[ \t\r\n]+)?(?:service|services|site|platform|outage|incident|users?|customers?|everyone|everything|system|systems|product)$")
        .expect("the pattern is valid")
});

/// The part named as the subject of the length at `range` in a clause of its own
/// ("server was unreachable about 5 min"), when that is not the impact as a
/// whole ("the service", "users").
pub(crate) fn state_subject(text: &str, range: std::ops::Range<usize>) -> Option<String> {
    let start = range.start;
    // The clause may hold the list's earlier items: "..., wiki/mirror were down".
    let clause = &text[sentence_start(text, start)..start];
    let clause = clause.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '*');
    let caps = STATE_SUBJECT.captures(clause)?;
    let who = caps.name("who")?.as_str().to_ascii_lowercase();
    (!IMPACT_NOUN.is_match(&who)).then_some(who)
}
