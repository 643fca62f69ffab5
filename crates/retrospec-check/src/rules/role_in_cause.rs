use crate::lean::Lean;

use crate::diagnostic::Diagnostic;
use crate::gated::{Gate, Gated};
use crate::rules::words::{CAUSE, find_with, place, texts};
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A role ("the on-call engineer", "a junior developer") is the one who did
    /// the wrong thing in the root cause, the trigger, a contributing factor or
    /// what went wrong.
    ///
    /// ## Why
    /// "A junior engineer ran the script against production" is blame with the
    /// name taken out: the analysis still stops at a person, now a kind of person.
    /// What made the action possible, and why nothing stopped it, are the causes a
    /// review can change. This is an info, not a warning like a named person
    /// ([RS402](RS402.md)): a role is often the right word in a sentence about the
    /// system (`the on-call engineer had no runbook for this alert`), so it is
    /// reported only when the role is the subject of an action or a slip (`ran`,
    /// `deleted`, `forgot`, `missed`, `did not`, `accidentally`) within its clause,
    /// and it has its own code so that it can be set apart in `[rules]`.
    ///
    /// Not read: code, quoted logs and URLs; roles of other kinds (`the
    /// customer`, `the vendor`).
    ///
    /// ## Example
    /// ```yaml
    /// title: Staging data restored over production
    /// status: draft
    /// root_cause: A junior engineer ran the restore script against the production database.
    /// ```
    /// Use instead: `The restore script takes its target from the shell environment, which still pointed at production, and does not confirm a production target.`
    pub struct RoleInCause = "RS408", "role-in-cause", Info;
}

/// A role: an article or possessive, any of a few qualifiers, and a staff noun.
/// Compiled only for a text that has one of the nouns (most causes have none:
/// compiling it was 8.6 M instructions of a one-report check, bench/README.md).
static ROLE: Gated = Gated::new(Gate::AnyOf(ROLE_NOUNS), role_pattern);

/// A word every match of [`ROLE`] contains (its staff nouns, shortened where one
/// covers several: `dev` for `developer`, `member` for `team member`).
const ROLE_NOUNS: &[&str] = &[
    "engineer",
    "dev",
    "operator",
    "admin",
    "sre",
    "intern",
    "contractor",
    "employee",
    "reviewer",
    "technician",
    "dba",
    "on-call",
    "oncall",
    "responder",
    "member",
    "teammate",
    "hire",
];

fn role_pattern() -> Lean {
    Lean::new(
        r"(?i)\b(?:the|a|an|one|another|our|their|that|this)\s+(?:(?:junior|senior|new|newer|inexperienced|same|responsible|sole|only|other|tired|overworked|on-call|oncall|on\s+call|duty|release|database|support|backend|frontend|platform|infrastructure)\s+)*(?:engineer|developer|operator|admin|administrator|sre|intern|contractor|employee|reviewer|dev|technician|dba|on-call|oncall|responder|team\s+member|staff\s+member|teammate|new\s+hire)s?\b",
    )
    .expect("the role pattern is valid")
}

/// What a role did, read as where the cause was put: an action or a slip.
const ACTIONS: &[&str] = &[
    "forgot",
    "missed",
    "ignored",
    "overlooked",
    "mistyped",
    "misconfigured",
    "misread",
    "accidentally",
    "mistakenly",
    "inadvertently",
    "failed",
    "neglected",
    "skipped",
    "ran",
    "deleted",
    "dropped",
    "removed",
    "pushed",
    "deployed",
    "merged",
    "approved",
    "typed",
    "executed",
    "chose",
    "decided",
    "disabled",
    "bypassed",
    "forced",
    "applied",
    "changed",
    "restarted",
    "rebooted",
    "killed",
    "truncated",
    "overwrote",
    "committed",
    "released",
    "clicked",
    "entered",
    "copied",
    "pasted",
    "did",
    "didn't",
    "wrongly",
    "incorrectly",
    "carelessly",
    "made",
    "caused",
    "broke",
    "started",
    "triggered",
];

/// How many words after the role a verb of [`ACTIONS`] is looked for.
const REACH: usize = 4;

impl Rule for RoleInCause {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for pattern in CAUSE {
            for (pointer, node) in texts(cx, pattern) {
                let Some(role_re) = ROLE.get(node.span.slice(cx.text)) else {
                    continue;
                };
                for (span, role) in find_with(cx, node, |s| {
                    role_re.find_iter(s).map(|m| m.range()).collect()
                }) {
                    let after = &cx.text[span.end..node.span.end.max(span.end)];
                    let clause = after
                        .split(['.', ';', ',', ':', '!', '?'])
                        .next()
                        .unwrap_or("");
                    let acts = clause
                        .split(|c: char| !c.is_alphabetic() && c != '\'')
                        .filter(|w| !w.is_empty())
                        .take(REACH)
                        .any(|w| ACTIONS.contains(&w.to_lowercase().as_str()));
                    if !acts {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{role}` in {} puts the cause on a role", place(&pointer)),
                        )
                        .with_help(
                            "describe what made the action possible and why nothing stopped it, not who took it",
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;

    #[test]
    fn the_gate_lets_every_role_through() {
        // Every noun of the pattern, with qualifiers and in any case: the gate must
        // never turn away a text the pattern matches.
        for text in [
            "The junior Engineer ran it",
            "a new hire deleted it",
            "our on-call dropped it",
            "the oncall forgot",
            "a team member ran",
            "the staff  member typed",
            "THE DBA ran",
            "an SRE merged",
            "a developer pushed",
            "the administrator applied",
            "the intern, the contractor, the employee, the reviewer, the technician",
            "the responder, the teammate, the operator, a dev",
        ] {
            assert!(!super::ROLE.misses(text), "{text}");
            assert!(super::ROLE.is_match(text), "{text}");
        }
        assert!(!super::ROLE.may_match("The cache kept tokens for too long."));
    }

    fn in_root_cause(sentence: &str) -> Vec<String> {
        let yaml = format!("title: t\nstatus: draft\nroot_cause: >-\n  {sentence}\n");
        crate::rules::spans_of("RS408", &yaml, Format::Yaml)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_role_that_acted_is_reported_and_a_role_in_a_system_sentence_is_not() {
        let cases: &[(&str, &[&str])] = &[
            (
                "A junior engineer ran the cleanup script against production.",
                &["A junior engineer"],
            ),
            (
                "The on-call engineer forgot to re-enable the alert.",
                &["The on-call engineer"],
            ),
            (
                "The operator accidentally selected the wrong region.",
                &["The operator"],
            ),
            ("The reviewer did not see the migration.", &["The reviewer"]),
            ("The on-call engineer had no runbook for this alert.", &[]),
            (
                "The deploy tool gives the operator no confirmation step.",
                &[],
            ),
            (
                "Paging woke the on-call engineer at 03:00, who restored service.",
                &[],
            ),
            ("The customer deleted their own bucket.", &[]),
            ("See `the engineer ran` in the log.", &[]),
            // Hindsight is RS404's finding, not a second one here.
            ("The reviewer should have caught the lock.", &[]),
        ];
        for (sentence, want) in cases {
            assert_eq!(in_root_cause(sentence), *want, "{sentence}");
        }
    }
}
