//! The impact's length read by the class of its words, in any prose: users
//! who could not do something for a length ("for about 20 minutes nobody could
//! post", "For roughly eight hours, customers with large uploads could not rely
//! on the service"), a state the service was in for it, said after the length
//! ("After almost 9 hours offline the server came back", "~2,5h of registry
//! downtime"), and the whole of the episode ("the whole thing took about 20
//! minutes"). What the team did for a length, what a job worked through, a
//! forecast or a setting is no impact: the callers read those first
//! ([`super::classify`]), and the clause read here must name no action of the
//! team. Each pattern is behind a cheap literal gate: most claims pass none.

use std::sync::LazyLock;

use crate::lean::Lean;

/// Whether the duration between `before` (its clause up to it) and `after` (the
/// text after it) is the impact's length by the class of its words.
pub(super) fn impact_by_class(before: &str, after: &str) -> bool {
    let lower_before = before.to_ascii_lowercase();
    // "... for N" with the negated ability in the clause before, or "For N, ..."
    // opening a clause that states it.
    if lower_before.trim_end().ends_with("for")
        && let Some(m) = FOR_END.find(before)
    {
        let head = &before[..m.start()];
        let clause = if CONNECTIVE_ONLY.is_match(head) || opens_coordinated(head) {
            own_clause(after)
        } else {
            head
        };
        if states_impact(clause) {
            return true;
        }
    }
    // "The unlock of bikes was impossible during about 1h15": "during" for "for"
    // (as writers whose first language is French or German use it), after a
    // clause of its own that states the impact.
    if lower_before.trim_end().ends_with("during")
        && let Some(m) = DURING_END.find(before)
    {
        let head = &before[..m.start()];
        if !CONNECTIVE_ONLY.is_match(head) && !opens_coordinated(head) && states_impact(head) {
            return true;
        }
    }
    // "About 25 minutes all users affected", "So total around 10 hours the
    // public RPC was unusable": a length that opens its clause with no "for",
    // the clause after it stating the impact; not one that places an event
    // ("2 hours later the site was down").
    if CONNECTIVE_ONLY.is_match(before)
        && !PLACES_EVENT.is_match(after)
        && !after
            .trim_start()
            .starts_with([',', ':', ';', '.', '(', ')', '|', '-', '–', '—'])
        && states_impact(own_clause(after))
    {
        return true;
    }
    // "N offline", "N of registry downtime": the state named after the length,
    // unless an event is placed by it ("2 hours after the deploy").
    let head = after.trim_start();
    let head_lower = head.get(..head.len().min(60)).unwrap_or(head);
    let head_lower = head_lower.to_ascii_lowercase();
    if ["offline", "down ", "down.", "down,", "of "]
        .iter()
        .any(|w| head_lower.starts_with(w))
        && let Some(m) = STATE_AFTER.captures(head)
        && !m
            .name("kind")
            .is_some_and(|k| NOT_THIS.is_match(k.as_str()))
        && !STEP_BEFORE.is_match(before)
    {
        return true;
    }
    lower_before.contains("whole") && WHOLE_TOOK.is_match(before)
}

/// The clause after a length that opens its sentence: up to the end of the
/// sentence, a colon, a semicolon or a dash.
fn own_clause(after: &str) -> &str {
    // A coordinated clause is another statement: "..., and we are sorry for that".
    let end = [
        ". ", ".\n", ": ", ":\n", ";", " - ", " – ", " — ", "\n\n", ", and ", ", but ", ", so ",
    ]
    .iter()
    .filter_map(|b| after.find(b))
    .min()
    .unwrap_or(after.len());
    &after[..end]
}

/// Whether a clause states the impact by its class: users unable to do
/// something or affected, the service in an outage state, or nothing produced
/// ("no new snapshots were written"); and no action of the team.
fn states_impact(clause: &str) -> bool {
    let lower = clause.to_ascii_lowercase();
    let gate = [
        "not",
        "n't",
        "n’t",
        "unable",
        "nobody",
        "no ",
        "no-one",
        "offline",
        "down",
        "unavailable",
        "unreachable",
        "degraded",
        "slow",
        "broken",
        "failing",
        "unusable",
        "impossible",
        "affected",
        "impacted",
    ];
    if !gate.iter().any(|w| lower.contains(w)) {
        return false;
    }
    (NEGATED_ABILITY.is_match(clause)
        || IN_STATE.is_match(clause)
        || USERS_AFFECTED.is_match(clause)
        || NOTHING_PRODUCED.is_match(clause))
        && !NOT_AFFECTED.is_match(clause)
        && !super::ACTION_WORDS.is_match(clause)
        && !super::TEAM_SUBJECT.is_match(clause)
}

/// Words after a length that make it place an event or count something:
/// "2 hours later", "ten minutes in", "30 minutes after the deploy", "of".
static PLACES_EVENT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:in|later|after|into|since|before|ago|earlier|past|on|at|from|of|to|until|till|or|and|per|each|every|long|old|late|early|behind|ahead)\b")
        .expect("the pattern is valid")
});

/// A clause head that ends in a coordinating "and" or "but" after a comma: the
/// length opens a clause of its own ("The worker threw exceptions, and for
/// roughly 12 hours no new snapshots were written").
fn opens_coordinated(head: &str) -> bool {
    let tail = head.trim_end();
    let Some((rest, word)) = tail.rsplit_once(char::is_whitespace) else {
        return false;
    };
    ["and", "but", "so"].contains(&word.to_ascii_lowercase().as_str())
        && rest.trim_end().ends_with(',')
}

/// The people a report's impact falls on, as a clause names them.
const PEOPLE: &str = r"users?|customers?|clients?|members?|people|visitors?|staff|shoppers?|buyers?|sellers?|readers?|players?|tenants?|merchants?|developers?|maintainers?|patients?|students?|employees?|subscribers?|riders?|passengers?|travell?ers?|guests?|callers?|drivers?|authors?|viewers?|listeners?|residents?|partners?|agents?|teachers?|learners?|researchers?|anyone|everyone|everybody";

/// Users named as affected: "all users affected", "customers were impacted".
static USERS_AFFECTED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i)\b(?:{PEOPLE})\s+(?:(?:were|was|got|are|is)\s+)?(?:(?:badly|severely|fully)\s+)?(?:affected|impacted)\b"
    ))
    .expect("the pattern is valid")
});

/// ...but not "were not affected", "no users affected", "unaffected".
static NOT_AFFECTED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)\b(?:not|never|no|none\s+of\s+the)\s+(?:[a-z]+\s+){0,2}?(?:affected|impacted)\b",
    )
    .expect("the pattern is valid")
});

/// Nothing produced for the length: "no new snapshots were written", "no
/// orders were processed", "nothing was delivered". Not a count of alerts,
/// errors or complaints, which may be the good news.
static NOTHING_PRODUCED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:no\s+(?:new\s+)?(?:[a-z-]+\s+)?(?:snapshots?|backups?|builds?|orders?|payments?|e-?mails?|messages?|posts?|jobs?|exports?|reports?|files?|pages?|records?|events?|deliveries|payouts?|invoices?|bookings?|tickets?|uploads?|releases?|images?|packages?|artifacts?|results?|updates?|data)|nothing)\s+(?:were|was|got|could\s+be)\s+(?:written|created|sent|delivered|published|processed|built|indexed|saved|generated|exported|uploaded|received|accepted|shipped|stored|issued|paid|imported|synced|replicated|served)\b")
        .expect("the pattern is valid")
});

/// "for" closing the clause before the length, after an optional qualifier.
static FOR_END: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)\bfor\s*$").expect("the pattern is valid"));
static DURING_END: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)\bduring\s*$").expect("the pattern is valid"));

/// A clause head with no words of its own: "So for N", "And for N", "In all, for N".
static CONNECTIVE_ONLY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[\s*_(]*(?:(?:so|and|then|thus|in\s+all|in\s+total|all\s+in\s+all|overall|altogether|in\s+short|basically|effectively|in\s+practice|in\s+the\s+end)\s*,?\s*)?(?:total\s+)?$")
        .expect("the pattern is valid")
});

/// Users who could not do something: "nobody could post", "customers could not
/// write", "users were unable to log in", "no one was able to".
static NEGATED_ABILITY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?ix)(?:
            \b(?:nobody|no\s+one|no-one)\s+(?:could|was\s+able|managed|can|got)\b
          | \b(?:{PEOPLE})\b
            (?:[^.;:]|[0-9][:.][0-9]){{0,80}}?
            \b(?:could\s+not|couldn't|couldn’t|could\s+no\s+longer|cannot|can't|can’t|were\s+unable|was\s+unable|were\s+not\s+able|was\s+not\s+able|weren't\s+able|wasn't\s+able|did\s+not\s+get|didn't\s+get)\b
        )"
    ))
    .expect("the pattern is valid")
});

/// The service in an outage state: "the site was offline", "uploads were failing".
static IN_STATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:was|were|stayed|remained|went)\s+(?:(?:completely|fully|mostly|largely|totally|entirely|very|badly|partly|partially)\s+)?(?:down|offline|unavailable|unreachable|inaccessible|degraded|slow|broken|failing|unusable|impossible|out\s+of\s+service)\b")
        .expect("the pattern is valid")
});

/// The state after the length: "offline", "down", "of (registry) downtime".
static STATE_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:offline|down)\b|^of\s+(?P<kind>(?:[a-z][a-z-]*\s+){0,2}?)(?:downtime|outage|unavailability|disruption)\b")
        .expect("the pattern is valid")
});

/// A kind of downtime that is not this incident's: planned or expected.
static NOT_THIS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:planned|scheduled|expected|maintenance|additional|extra|further|more|less|possible|potential|allowed|acceptable|annual|monthly|yearly|weekly)\b")
        .expect("the pattern is valid")
});

/// A length that places a step rather than the impact: "we waited N offline",
/// "every N", "within N".
static STEP_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:every|each|per|within|in|than|expect(?:ed)?|budget|allow(?:s|ed)?|up\s+to|last|next|another)\s*$|\b(?:we|our\s+team|the\s+team)\b)")
        .expect("the pattern is valid")
});

/// "the whole thing took N", "the whole incident lasted N".
static WHOLE_TOOK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\bthe\s+whole\s+(?:thing|incident|outage|episode|event|disruption|affair)\s+(?:took|lasted|ran)(?:\s+(?:for|us))?\s*$")
        .expect("the pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::impact_by_class;

    fn at(text: &str, length: &str) -> bool {
        let i = text.find(length).expect("the length is in the text");
        let before = &text[text[..i].rfind(". ").map_or(0, |j| j + 2)..i];
        impact_by_class(before, &text[i + length.len()..])
    }

    #[test]
    fn during_a_length_after_the_impact_is_its_length() {
        assert!(at(
            "The unlock of bikes was impossible during about 1h15 for the majority of users.",
            "about 1h15"
        ));
        assert!(at("Checkout was down during 40 minutes.", "40 minutes"));
        // An action of the team "during" a length, or "during" opening a clause, is not.
        assert!(!at(
            "We restarted the nodes during 40 minutes.",
            "40 minutes"
        ));
        assert!(!at(
            "During 40 minutes of maintenance the site was down.",
            "40 minutes"
        ));
    }

    #[test]
    fn users_unable_for_a_length_are_the_impact() {
        for (text, length) in [
            (
                "So for about 20 minutes nobody could post.",
                "about 20 minutes",
            ),
            (
                "For roughly eight hours, customers with large uploads could not rely on the service.",
                "roughly eight hours",
            ),
            (
                "For 40 minutes, users were unable to log in: a cache failed.",
                "40 minutes",
            ),
            ("Shoppers could not pay for 25 minutes.", "25 minutes"),
            (
                "For roughly eight hours, customers with large uploads could not rely on the service, and we are sorry for that.",
                "roughly eight hours",
            ),
            ("For an hour the portal was offline.", "an hour"),
            (
                "After almost 9 hours offline the server came back.",
                "almost 9 hours",
            ),
            ("~2,5h of registry downtime, both commands failed.", "~2,5h"),
            (
                "The whole thing took about 20 minutes from the first 502 to the last.",
                "about 20 minutes",
            ),
        ] {
            assert!(at(text, length), "{text}");
        }
    }

    /// A length that opens a clause of its own, with "for" after a comma and
    /// "and", or with no "for" at all, the clause after it stating the impact:
    /// users affected or unable, the service in an outage state, nothing produced.
    #[test]
    fn a_length_opening_its_clause_is_the_impact_its_clause_states() {
        for (text, length) in [
            (
                "The worker threw exceptions on every write,\nand for roughly 12 hours no new snapshots were written.",
                "roughly 12 hours",
            ),
            (
                "Payments were queued, but for two hours no orders were processed.",
                "two hours",
            ),
            (
                "For roughly 40 minutes in the morning peak, riders who had not opened their ticket before 07:12 could not show it.",
                "roughly 40 minutes",
            ),
            (
                "About 25min all users affected, after that it recovered gradually.",
                "About 25min",
            ),
            (
                "So total around 10 hours the public RPC was unusable.",
                "around 10 hours",
            ),
            (
                "Roughly three hours most customers were impacted.",
                "Roughly three hours",
            ),
            ("In total 40 minutes the portal was offline.", "40 minutes"),
        ] {
            assert!(at(text, length), "{text}");
        }
        for (text, length) in [
            // An event placed by the length, not the impact's length.
            (
                "About 10 minutes later all users were affected.",
                "About 10 minutes",
            ),
            ("Ten minutes in, users could not log in.", "Ten minutes"),
            (
                "30 minutes after the deploy the portal was offline.",
                "30 minutes",
            ),
            // Nobody affected, or the team's own work.
            (
                "About 25 minutes no users were affected by the switch.",
                "About 25 minutes",
            ),
            (
                "Two hours the team was unable to reproduce it.",
                "Two hours",
            ),
            (
                "The job ran, and for two days no alerts were sent.",
                "two days",
            ),
            // A label or a cell, not a clause.
            ("40 minutes: users could not log in.", "40 minutes"),
            // The clause before "and" says nothing; "and for" without a comma
            // joins it.
            (
                "We restarted the nodes and for 20 minutes watched the graphs while users could not log in.",
                "20 minutes",
            ),
        ] {
            assert!(!at(text, length), "{text}");
        }
    }

    #[test]
    fn steps_plans_and_the_team_are_not() {
        for (text, length) in [
            ("For 20 minutes we could not reproduce it.", "20 minutes"),
            (
                "For 10 minutes, the workers ran through the queue.",
                "10 minutes",
            ),
            ("We expect 2 hours of planned downtime.", "2 hours"),
            ("Allow 30 minutes of maintenance downtime.", "30 minutes"),
            (
                "For 15 minutes we watched the graphs while users could not log in.",
                "15 minutes",
            ),
            (
                "Sidekiq worked through the queue in about ten minutes.",
                "about ten minutes",
            ),
            ("It was down 2 hours after the deploy.", "2 hours"),
            (
                "For two weeks the team tested the new release.",
                "two weeks",
            ),
            // Before the incident: what led to it.
            (
                "Transfers to it had been failing quietly for six days.",
                "six days",
            ),
        ] {
            assert!(!at(text, length), "{text}");
        }
    }
}
