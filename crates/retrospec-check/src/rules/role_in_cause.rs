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

/// The words a role starts with: an article or a possessive.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "one", "another", "our", "their", "that", "this",
];

/// The qualifiers between the article and the noun, any number of them (a
/// qualifier of two words is written as two).
const QUALIFIERS: &[&[&str]] = &[
    &["junior"],
    &["senior"],
    &["new"],
    &["newer"],
    &["inexperienced"],
    &["same"],
    &["responsible"],
    &["sole"],
    &["only"],
    &["other"],
    &["tired"],
    &["overworked"],
    &["on-call"],
    &["oncall"],
    &["on", "call"],
    &["duty"],
    &["release"],
    &["database"],
    &["support"],
    &["backend"],
    &["frontend"],
    &["platform"],
    &["infrastructure"],
];

/// The staff nouns, in the order the pattern tries them, each perhaps plural.
const NOUNS: &[&[&str]] = &[
    &["engineer"],
    &["developer"],
    &["operator"],
    &["admin"],
    &["administrator"],
    &["sre"],
    &["intern"],
    &["contractor"],
    &["employee"],
    &["reviewer"],
    &["dev"],
    &["technician"],
    &["dba"],
    &["on-call"],
    &["oncall"],
    &["responder"],
    &["team", "member"],
    &["staff", "member"],
    &["teammate"],
    &["new", "hire"],
];

/// The role pattern, written from [`ARTICLES`], [`QUALIFIERS`] and [`NOUNS`]:
/// `(?i)\b(?:the|a|...)\s+(?:(?:junior|...|on\s+call|...)\s+)*(?:engineer|...)s?\b`.
/// Searched in texts that are not all ASCII; [`roles`] reads the rest.
fn role_pattern() -> Lean {
    let words = |list: &[&[&str]]| {
        list.iter()
            .map(|w| w.join(r"\s+"))
            .collect::<Vec<_>>()
            .join("|")
    };
    Lean::new(&format!(
        r"(?i)\b(?:{})\s+(?:(?:{})\s+)*(?:{})s?\b",
        ARTICLES.join("|"),
        words(QUALIFIERS),
        words(NOUNS)
    ))
    .expect("the role pattern is valid")
}

/// Every match of the role pattern in `text`, an ASCII text, as the pattern's
/// leftmost-first search finds them: an article starting a word and followed
/// by white space, as many qualifiers as stand there (each followed by white
/// space), then a noun (perhaps with `s`) ending a word, giving qualifiers back
/// one by one until a noun follows. By hand because compiling the pattern was
/// 1.4 M of the 5.1 M instructions of a one-report check whose cause has a
/// staff noun (bench/README.md, perf20); `tests` holds it to the pattern.
fn roles(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut p = 0;
    while p < b.len() {
        // Every article starts with `t`, `a` or `o`: most places are passed
        // over on their first byte.
        if matches!(b[p], b't' | b'a' | b'o' | b'T' | b'A' | b'O')
            && (p == 0 || !is_word(b[p - 1]))
            && let Some(end) = role_at(b, p)
        {
            found.push(p..end);
            p = end;
        } else {
            p += 1;
        }
    }
    found
}

/// `\w` and `\s` of an ASCII text, as the pattern reads them there.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// The end of `words` at `at` in any ASCII case, white space between them.
fn words_at(b: &[u8], mut at: usize, words: &[&str]) -> Option<usize> {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let start = at;
            while b.get(at).copied().is_some_and(is_space) {
                at += 1;
            }
            if at == start {
                return None;
            }
        }
        let end = at + word.len();
        if !b.get(at..end)?.eq_ignore_ascii_case(word.as_bytes()) {
            return None;
        }
        at = end;
    }
    Some(at)
}

/// Past the white space at `at`, if there is some.
fn after_space(b: &[u8], at: usize) -> Option<usize> {
    let n = b[at..].iter().take_while(|c| is_space(**c)).count();
    (n > 0).then_some(at + n)
}

/// The end of a role whose article starts at `p`.
fn role_at(b: &[u8], p: usize) -> Option<usize> {
    let mut at = ARTICLES
        .iter()
        .find_map(|a| after_space(b, words_at(b, p, &[a])?))?;
    // Where a noun may start: after no qualifier, one, two, ... (at most one
    // qualifier stands at a place: each is followed by white space).
    let mut starts = vec![at];
    while let Some(next) = QUALIFIERS
        .iter()
        .find_map(|q| after_space(b, words_at(b, at, q)?))
    {
        at = next;
        starts.push(at);
    }
    let ends_word = |i: usize| b.get(i).is_none_or(|c| !is_word(*c));
    starts.iter().rev().find_map(|&at| {
        NOUNS.iter().find_map(|n| {
            let end = words_at(b, at, n)?;
            if matches!(b.get(end), Some(b's' | b'S')) && ends_word(end + 1) {
                Some(end + 1)
            } else {
                ends_word(end).then_some(end)
            }
        })
    })
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
                    if s.is_ascii() {
                        roles(s)
                    } else {
                        role_re.find_iter(s).map(|m| m.range()).collect()
                    }
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
    use proptest::prelude::*;

    /// Pieces of texts around roles: the pattern's words in any case, words
    /// that start or end like them, and what ends a word or a clause.
    fn piece() -> impl Strategy<Value = String> {
        let words: Vec<&str> = super::ARTICLES
            .iter()
            .copied()
            .chain(super::QUALIFIERS.iter().flat_map(|q| q.iter().copied()))
            .chain(super::NOUNS.iter().flat_map(|n| n.iter().copied()))
            .chain([
                "s",
                "x",
                "engineering",
                "devops",
                "them",
                "admins",
                "_",
                "9",
                "call",
            ])
            .collect();
        (prop::sample::select(words), 0u8..4).prop_map(|(w, case)| match case {
            0 => w.to_uppercase(),
            1 => {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }
            _ => w.to_string(),
        })
    }

    fn gap() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ", " ", " ", "  ", "\t", "\n", "", "-", ",", ".", "'", " \r\n ",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn roles_are_found_where_the_pattern_finds_them(
            parts in prop::collection::vec((piece(), gap()), 0..12),
        ) {
            let text: String = parts.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let pattern = super::role_pattern();
            let want: Vec<_> = pattern.find_iter(&text).map(|m| m.range()).collect();
            prop_assert_eq!(super::roles(&text), want, "{:?}", text);
        }
    }

    #[test]
    fn roles_found_by_hand_are_the_patterns_in_known_texts() {
        let pattern = super::role_pattern();
        let mut found = 0;
        for text in [
            "the on-call engineer forgot",
            "the on-call rotation",
            "the on call engineer",
            "the new new hire ran",
            "a new hire",
            "the admins and the administrators",
            "the devs, the dev-ops engineer",
            "the engineerss",
            "xthe engineer",
            "the, engineer",
            "another junior senior SRE",
            "our team  member, their staff\tmember",
            "the engineer_x the engineer9",
            "The on\ncall dba",
        ] {
            let want: Vec<_> = pattern.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(super::roles(text), want, "{text}");
            found += want.len();
        }
        assert!(found >= 12, "only {found} roles in the known texts");
    }

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
