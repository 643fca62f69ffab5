//! A cause told outside the cause's own field: a summary or a section with no
//! field of its own that says what the root cause was (`**Root cause:** @pvolkov
//! ran ...` under a summary, `The root cause is that @rbauer merged ...` in `##
//! What happened`). Only the cause's own words are read there: a label's paragraph
//! or a sentence that names the cause, and in them a `@handle` that is the
//! cause's grammatical subject (`@rbauer merged`, `@dana's change`, `caused by
//! @dana`), not an owner in brackets or a handle the sentence mentions in passing.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;

/// A label that opens a line or follows a sentence and names the cause
/// (`**Root cause:**`, `Cause:`, `- Trigger:`), up to its colon and closing
/// emphasis.
static LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)(?:^[ \t]*(?:[-*+][ \t]+)?|[.!?](?:\*\*|__)?[ \t]+)(?:\*\*|__)?(?:(?:the[ \t]+)?root[ \t]+causes?(?:[ \t]+(?:recorded|agreed|noted|given)[ \t]+as)?|cause|trigger)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?")
        .expect("the cause-label pattern is valid")
});

/// Words of a sentence that names the cause: `the root cause is (that)`, `was
/// caused by`, `was triggered by`.
static SAYS_CAUSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:root[ \t]+cause[ \t]+(?:of[ \t]+(?:the|this)[ \t]+(?:incident|outage|failure|problem|disruption|event|issue)[ \t]+)?(?:is|was)\b|(?:was|were|is|are)[ \t]+(?:\w+ly[ \t]+)?(?:caused|triggered)[ \t]+by\b)")
        .expect("the says-cause pattern is valid")
});

/// A `@handle` as the subject of what it did, its possessive, or the agent after
/// `by`.
static HANDLE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"@[A-Za-z0-9][A-Za-z0-9_-]*").expect("the handle pattern is valid")
});

/// Words after a handle that make it no subject of a verb (`@kim and @lee`,
/// `@kim after an hour`, `@kim, who ...`).
const NOT_VERBS: &[&str] = &[
    "and",
    "or",
    "but",
    "after",
    "before",
    "at",
    "on",
    "in",
    "with",
    "from",
    "to",
    "for",
    "of",
    "during",
    "while",
    "when",
    "who",
    "which",
    "that",
    "about",
    "as",
    "via",
    "into",
    "than",
    "sees",
    "saw",
    "noticed",
    "found",
    "paged",
    "fixed",
    "restored",
    "reverted",
    "investigated",
    "looked",
    "started",
    "joined",
    "wrote",
    "reported",
];

/// Verbs before `by` that make what follows the cause's agent (`caused by
/// @lee`).
const CAUSING: &[&str] = &[
    "caused",
    "triggered",
    "introduced",
    "made",
    "pushed",
    "merged",
    "run",
    "ran",
    "deployed",
    "done",
    "written",
    "started",
    "applied",
    "approved",
    "committed",
];

/// The ranges of `source` (a summary's or a section's text, soft breaks read as
/// spaces) where a `@handle` is told as the cause.
pub(super) fn handles_told_as_cause(source: &str) -> Vec<Range<usize>> {
    if !source.contains('@') {
        return Vec::new();
    }
    let passages = cause_passages(source);
    let mut found: Vec<Range<usize>> = Vec::new();
    for passage in passages {
        for h in HANDLE.find_iter(&source[passage.clone()]) {
            let at = passage.start + h.start()..passage.start + h.end();
            let before = source[..at.start].chars().next_back();
            let after = &source[at.end..];
            // `a@b.example`, `(@owner)`, `@scope/package`, a URL's `/@user`.
            if before.is_some_and(|c| c.is_alphanumeric() || "@./+-_:(`[".contains(c))
                || after.starts_with(['/', '@', ')'])
            {
                continue;
            }
            let previous = source[..at.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            let next = after
                .strip_prefix(' ')
                .and_then(|rest| rest.split_whitespace().next())
                .unwrap_or("");
            let subject = after.starts_with(['\'', '’'])
                || next.starts_with(|c: char| c.is_ascii_lowercase())
                    && next.chars().all(|c| c.is_ascii_lowercase())
                    && !NOT_VERBS.contains(&next);
            // `caused by @lee`, `introduced by @lee`; not `found by @lee`.
            let agent = previous == "by"
                && source[..at.start]
                    .split_whitespace()
                    .rev()
                    .nth(1)
                    .is_some_and(|w| CAUSING.contains(&w.to_ascii_lowercase().as_str()));
            if subject || agent {
                found.push(at);
            }
        }
    }
    found.sort_by_key(|r| r.start);
    found.dedup();
    found
}

/// The passages of `source` that tell the cause: a cause label's paragraph, a
/// sentence that says what the cause was.
fn cause_passages(source: &str) -> Vec<Range<usize>> {
    let lower = source.to_ascii_lowercase();
    if !["cause", "trigger"].iter().any(|w| lower.contains(w)) {
        return Vec::new();
    }
    let mut passages: Vec<Range<usize>> = Vec::new();
    for m in LABEL.find_iter(source) {
        let end = source[m.end()..]
            .find("\n\n")
            .map_or(source.len(), |i| m.end() + i);
        passages.push(m.end()..end);
    }
    for m in SAYS_CAUSE.find_iter(source) {
        let start = sentence_start(source, m.start());
        // A sentence ends at a full stop before a space, not an initial's (`D. Okafor`).
        let mut end = source.len();
        let mut from = m.end();
        while let Some(i) = source[from..].find(['.', '\n']) {
            let at = from + i;
            let rest = &source[at + 1..];
            let word: String = source[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            // An initial (`D.`) or an honorific (`Dr.`, reversed here) ends no sentence.
            let initial = word.len() == 1 || ["rD", "rM", "sM", "srM"].contains(&word.as_str());
            if source[at..].starts_with("\n\n")
                || (source.as_bytes()[at] == b'.'
                    && (rest.is_empty() || rest.starts_with([' ', '\n']))
                    && !initial)
            {
                end = at;
                break;
            }
            from = at + 1;
        }
        passages.push(start..end);
    }
    passages
}

/// A person by an honorific (`Mr D. Okafor`, `Dr. Lena Brandt`, `Ms Oduya`): a
/// name no organisation or product has.
static HONORIFIC: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?:[A-Z]\.[ \t]*)*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?",
    )
    .expect("the honorific pattern is valid")
});

/// The ranges of `source` where a person named with an honorific is told as the
/// cause (`The root cause of the incident was Mr D. Okafor, a systems
/// administrator, who applied the change`).
pub(super) fn honorifics_told_as_cause(source: &str) -> Vec<Range<usize>> {
    if !["Mr", "Ms", "Mrs", "Miss", "Mx", "Dr"]
        .iter()
        .any(|h| source.contains(h))
    {
        return Vec::new();
    }
    in_cause_passages(source, |p| {
        HONORIFIC.find_iter(p).map(|m| m.range()).collect()
    })
}

/// What `find` finds in each passage of `source` that tells the cause
/// ([`cause_passages`]), as ranges of `source`, in order and once each.
fn in_cause_passages(source: &str, find: impl Fn(&str) -> Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = cause_passages(source)
        .into_iter()
        .flat_map(|p| {
            find(&source[p.clone()])
                .into_iter()
                .map(move |r| p.start + r.start..p.start + r.end)
        })
        .collect();
    found.sort_by_key(|r| r.start);
    found.dedup();
    found
}

/// The ranges of `source` where a person's full name is told as the cause with
/// their role beside it (`The root cause of this event was Marcus Belden, the
/// storage operator on shift, who passed ...`): a given name and a surname, a
/// role after an article between commas, then `who`; no organisation is written
/// so.
///
/// Or a name, one word or two, with a person's role between commas and a
/// finished act after it (`The root cause is that Kai, our contractor, set the
/// retention to forever`): the role says it is a person, whatever the name.
pub(super) fn roles_told_as_cause(source: &str) -> Vec<Range<usize>> {
    if !source.contains(", ") {
        return Vec::new();
    }
    in_cause_passages(source, |p| {
        let named = NAMED_WITH_ROLE
            .captures_iter(p)
            .filter_map(|c| c.name("name"))
            .filter(|m| {
                m.as_str()
                    .split_whitespace()
                    .next()
                    .is_some_and(super::given::is_given_name)
            })
            .map(|m| m.range());
        let acting = ROLE_THEN_ACT
            .captures_iter(p)
            .filter(|c| c.name("act").is_some_and(|a| finished(a.as_str())))
            .filter_map(|c| c.name("name"))
            .map(|m| m.range());
        named.chain(acting).collect()
    })
}

/// A word in the past tense: `changed`, `set`, `ran`.
fn finished(word: &str) -> bool {
    word.ends_with("ed")
        || [
            "set", "ran", "put", "forgot", "made", "took", "sent", "wrote", "left",
        ]
        .contains(&word)
}

/// `Kai, our contractor, set`: a name, a person's role between commas, an act.
static ROLE_THEN_ACT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?P<name>\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'-]+)?),[ \t\n]+(?:a|an|the|our)[ \t\n]+(?:[a-z][a-z-]*[ \t\n]+){0,2}(?:engineer|developer|sre|operator|administrator|admin|manager|lead|contractor|intern|analyst|consultant|technician),[ \t\n]+(?P<act>[a-z]+)\b",
    )
    .expect("the pattern is valid")
});

/// The ranges of `source` where a labelled cause opens with a person's full
/// name doing something (`Root cause: Rosa Delgado set the TTL to 86400`): a
/// given name and a surname, then a word in the past tense; or the first name
/// alone of a person the report names (`known`: `Root cause recorded as: Pekka
/// raised the concurrency`, Pekka Nieminen listed among the apologies).
pub(super) fn names_opening_a_cause(source: &str, known: &[&str]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if !source.contains("ause") && !source.contains("rigger") {
        return found;
    }
    for m in LABEL.find_iter(source) {
        let Some(c) = NAME_THEN_ACT
            .captures(&source[m.end()..])
            .or_else(|| KNOWN_THEN_ACT.captures(&source[m.end()..]))
        else {
            continue;
        };
        let (Some(name), Some(act)) = (c.name("name"), c.name("act")) else {
            continue;
        };
        let first = name.as_str().split_whitespace().next().unwrap_or("");
        let given = if name.as_str().contains(char::is_whitespace) {
            super::given::is_given_name(first)
        } else {
            known.contains(&first)
        };
        if given && finished(act.as_str()) {
            found.push(m.end() + name.start()..m.end() + name.end());
        }
    }
    found
}

/// `Rosa Delgado set`, at the start of a labelled cause.
static NAME_THEN_ACT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^[ \t]*(?P<name>[A-Z][a-z]+[ \t]+[A-Z][a-z'-]+)[ \t]+(?P<act>[a-z]+)\b")
        .expect("the pattern is valid")
});

/// `Pekka raised`, at the start of a labelled cause: a first name alone.
static KNOWN_THEN_ACT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^[ \t]*(?P<name>[A-Z][a-z]+)[ \t]+(?P<act>[a-z]+)\b").expect("the pattern is valid")
});

/// The names a report's participant lines list (`**Present:** Aino Salminen,
/// Juho Lehtinen (billing on-call)`, `Apologies: Pekka Nieminen (on leave)`):
/// each a name of two or more capitalised words, what is in brackets left out.
pub(super) fn participants(text: &str) -> Vec<&str> {
    const LABELS: &[&str] = &[
        "present",
        "attendees",
        "attending",
        "in attendance",
        "participants",
        "apologies",
        "absent",
        "invitees",
    ];
    let mut out = Vec::new();
    for line in text.lines() {
        let t =
            line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '-'));
        let Some((label, rest)) = t.split_once(':') else {
            continue;
        };
        let label = label.trim_end_matches(['*', '_', ' ']);
        if !LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            continue;
        }
        // The list's parts: split at commas and semicolons outside brackets,
        // each cut at its first bracket.
        let rest_at = line.len() - rest.len();
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let (mut depth, mut start) = (0usize, Some(rest_at));
        for (i, c) in rest.char_indices() {
            let at = rest_at + i;
            match c {
                '(' => {
                    if depth == 0
                        && let Some(s) = start.take()
                    {
                        parts.push((s, at));
                    }
                    depth += 1;
                }
                ')' => depth = depth.saturating_sub(1),
                ',' | ';' if depth == 0 => {
                    if let Some(s) = start.take() {
                        parts.push((s, at));
                    }
                    start = Some(at + 1);
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            parts.push((s, line.len()));
        }
        for (from, to) in parts {
            let part = &line[from..to];
            let name = part.trim().trim_matches(['*', '_']).trim();
            let words = name.split_whitespace().count();
            if (2..=4).contains(&words)
                && name
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            {
                out.push(name);
            }
        }
    }
    out
}

/// `was Marcus Belden, the storage operator on shift, who`.
static NAMED_WITH_ROLE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"\b(?:was|were|is)[ \t\n]+(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'-]+){1,2}),[ \t\n]+(?:a|an|the|our)[ \t\n][^,.;]{2,60},[ \t\n]+who\b",
    )
    .expect("the pattern is valid")
});

/// Where the sentence holding byte `at` of `text` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    [". ", ".\n", "! ", "? ", "\n\n", ":** ", ": "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    fn found(s: &str) -> Vec<&str> {
        super::handles_told_as_cause(s)
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn a_full_name_opening_a_labelled_cause() {
        let found = |s: &str| -> Vec<String> {
            super::names_opening_a_cause(s, &[])
                .into_iter()
                .map(|r| s[r].to_string())
                .collect()
        };
        assert_eq!(
            found("Why 3.\nRoot cause: Rosa Delgado set the TTL to 86400 when she edited it."),
            ["Rosa Delgado"]
        );
        // After a bold question the paragraph runs on (a soft line break).
        assert_eq!(
            found("**Why 3 - Why was the TTL set?** Root cause: Rosa Delgado set it."),
            ["Rosa Delgado"]
        );
        for quiet in [
            "Root cause: Redis Sentinel promoted the wrong replica.",
            "Root cause: Rosa Delgado is the owner of the cache.",
            "Rosa Delgado set the TTL.",
        ] {
            assert!(found(quiet).is_empty(), "{quiet}");
        }
        // A first name alone, when the report names that person.
        let text =
            "- D1. Root cause recorded as: Pekka raised the concurrency without a load test.";
        let known: Vec<String> = super::names_opening_a_cause(text, &["Pekka"])
            .into_iter()
            .map(|r| text[r].to_string())
            .collect();
        assert_eq!(known, ["Pekka"]);
        assert!(found(text).is_empty());
        assert_eq!(
            super::participants(
                "**Present:** Aino Salminen, Juho Lehtinen (billing on-call), the Platform team\n\
                 **Apologies:** Pekka Nieminen (on leave)\nNotes: Ville Korhonen"
            ),
            ["Aino Salminen", "Juho Lehtinen", "Pekka Nieminen"]
        );
    }

    #[test]
    fn a_full_name_with_a_role_told_as_the_cause() {
        let found = |s: &str| -> Vec<String> {
            super::roles_told_as_cause(s)
                .into_iter()
                .map(|r| s[r].to_string())
                .collect()
        };
        assert_eq!(
            found(
                "The root cause of this event was Marcus Belden, the storage operator on shift, who passed the wrong target."
            ),
            ["Marcus Belden"]
        );
        // Not the cause, or not a person.
        assert!(
            found(
                "The incident was handled by Marcus Belden, the operator on shift, who paged us."
            )
            .is_empty()
        );
        assert!(
            found(
                "The root cause was Northwind Hosting, the provider of our racks, who cut power."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_person_by_an_honorific_told_as_the_cause() {
        let found = |s: &str| -> Vec<String> {
            super::honorifics_told_as_cause(s)
                .into_iter()
                .map(|r| s[r].to_string())
                .collect()
        };
        assert_eq!(
            found(
                "Logins failed. The root cause of the incident was Mr D. Okafor, a systems\nadministrator, who applied the change early."
            ),
            ["Mr D. Okafor"]
        );
        assert_eq!(
            found("The outage was caused by Dr. Lena Brandt's script."),
            ["Dr. Lena Brandt"]
        );
        // Named elsewhere than the cause: not reported.
        assert!(
            found("Mr D. Okafor led the response. The root cause was an expired key.").is_empty()
        );
    }

    #[test]
    fn a_handle_told_as_the_cause() {
        for (text, handle) in [
            (
                "**Root cause:** @pvolkov run the cleanup script against prod.",
                "@pvolkov",
            ),
            (
                "Builds stopped. The root cause is that @rbauer merged the job without a check.",
                "@rbauer",
            ),
            ("Root cause: @dana's change dropped the index.", "@dana"),
            (
                "The outage was caused by @lee, who pushed the zone.",
                "@lee",
            ),
            ("- Trigger: @kim ran the migration twice", "@kim"),
        ] {
            assert_eq!(found(text), [handle], "{text}");
        }
        for text in [
            "@lmarchetti sees it and starts looking; the root cause was a full disk.",
            "**Root cause:** the cleanup script took prod (fix owned by @pvolkov).",
            "The root cause is a full /var, found by @jkraus and @mwitt after an hour.",
            "**Impact:** @team could not publish.",
            "Root cause: mail ops@example.com bounced.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
