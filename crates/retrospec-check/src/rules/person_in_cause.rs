use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;

use crate::diagnostic::Diagnostic;
use crate::rules::words::{CAUSE, Literals, SECTIONS, find_with, place, place_in, texts};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;

mod given;
pub(crate) use given::is_given_name;
mod lists;
mod told;
mod written;
use lists::{NOT_NAMES, ORGANISATION, PRODUCT_WORDS, TEAM_PLACES};
use written::Written;

declare_rule! {
    /// A person is @mentioned in the root cause, the trigger, a contributing factor
    /// or what went wrong.
    ///
    /// ## Why
    /// A blameless review explains how the system made a mistake easy and why
    /// nothing caught it. Naming the person nearest to the mistake stops the
    /// analysis there, and teaches everyone to say less in the next review.
    ///
    /// What is detected: `@handles` (`@alice`, `@sre-team`) in those sections,
    /// outside code, quoted logs, URLs and HTML comments; e-mail addresses, URLs and scoped
    /// package names (`@types/node`) are not mentions. Teams are mentioned here too:
    /// a team is not the cause either. Plain names are detected when the report
    /// itself says they are people: an entry of `authors`, an action item `owner`
    /// (or the name an item ends with in parentheses, `(Tobias Brandt, this week)`)
    /// or a name the report's participant lines list
    /// (`**Present:**`, `Attendees:`, `Apologies:`), written as a capitalised name
    /// of two or more words ("Alice Martin"), found
    /// whole or by its first word. A capitalised name is also a person when the
    /// text says so beside it: a member of a team ("Jordan from the growth team",
    /// "Sam Reyes on our payments squad"), a person in a role ("Kim, our
    /// database administrator") or one a `who` clause describes ("Dana Reyes,
    /// who rotated the key, ..."), or one written with a surname's initial ("Tomas
    /// K. ran the cleanup") or opening a sentence that calls it `he` or `she`
    /// ("Tomas restored the snapshot because he read the wrong ticket"), unless
    /// the word is common (`Someone`, `Alerts`:
    /// a word the report also writes in lower case), a day or a month, or the
    /// team is a place (`Slack in the incident team channel`, `the team's board`).
    /// A first and a last name opening a sentence as the subject of what a person
    /// does by hand ("Dana Whitfield pushed the zone file without the checklist":
    /// pushed, merged, approved, deployed, ran, typed, forgot, skipped, ignored,
    /// accidentally ...) is a person too, unless a word of it is common (written
    /// in lower case in the report), an organisation's or a product's word (`Cloud
    /// Build`, `Redis Sentinel`, `Terraform Enterprise`), or the report writes it
    /// after an article (`the Merge Queue`).
    ///
    /// A first name alone is a person when it is a common given name (a list,
    /// without the names tools also have: `Ruby`, `Travis`, `Ray`, `Hugo`) that
    /// the report never writes in lower case nor after an article. In a cause
    /// field it is named as the one who did something by hand (`The change was
    /// pushed by Derek`, `Derek ran the cleanup`, `Derek's change`); anywhere else
    /// (a timeline entry, the summary, a section of the report's own words) only
    /// when its sentence tells the act as the fault: a flaw in it (`Bob ran the
    /// migration without the flag`, `by mistake`, `rather than restoring the
    /// backup`) or the harm it did (`..., which broke private networking`).
    /// "Bob restarted the service" is a responder at work, and a name that only
    /// dates something (`after Ana took the lead`) did nothing. An action item's
    /// owner named by one capitalised word (`- Approve every plugin update.
    /// (Kestrel)`), not an organisation's, a team's or a product's word, is read
    /// as such a given name. Other plain names
    /// ("Argo ran") are not detected: no pattern tells a single word from a
    /// product, a company or a service without flagging far more that is fine.
    /// Owners of action items are not checked.
    ///
    /// A cause told in the summary or in a section with no field of its own (a
    /// `**Root cause:**` label's paragraph, a sentence that says `the root cause is
    /// that ...` or `was caused by ...`) is read too: a `@handle` there that is
    /// the cause's subject (`@rbauer merged the job`, `@dana's change`, `caused by
    /// @lee`) is reported; a handle in brackets (an owner) or one that found,
    /// fixed or was paged for the problem is not. So is a person named with an
    /// honorific in such a sentence (`The root cause of the incident was Mr D.
    /// Okafor, a systems administrator`), as a letter without sections tells it,
    /// a given name and surname with a role between commas and `who` (`The root
    /// cause of this event was Marcus Belden, the storage operator on shift, who
    /// ...`), a name, one word or two, with a person's role between commas and
    /// an act after it (`The root cause is that Kai, our contractor, set the
    /// retention to forever`), and one that opens a labelled cause doing something (`Root cause:
    /// Rosa Delgado set the TTL to 86400`; a first name alone when the report names
    /// that person, `Root cause recorded as: Pekka raised the concurrency`).
    ///
    /// An organisation, a product or a domain is not a person, even when it is
    /// listed as an author: a one-word author (`Acme`), a name with a company or
    /// team word (`Acme Corp`, `Storage Team`), and a name the report uses as a
    /// domain (`acme.io`), a package scope (`@acme/widgets`) or a code host's
    /// organisation (`github.com/acme`) are left out, as is `@acme` when `acme` is
    /// such a name.
    ///
    /// ## Example
    /// ```yaml
    /// title: Checkout errors after a deploy
    /// status: draft
    /// root_cause: "@alice deployed the release without running the migration."
    /// ```
    /// Use instead: `The deploy pipeline does not run or check pending migrations, so a release could go out before its migration.`
    pub struct PersonInCause = "RS402", "person-in-cause", Warning;
}

static MENTION: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"@[A-Za-z0-9][A-Za-z0-9_-]*").expect("the mention pattern is valid")
});

/// A capitalised name said to be a person by what follows it: a member of a team
/// (`Jordan from the growth team`, `Sam Reyes on our payments squad`) or a person
/// in a role (`Priya, an engineer on call`, `Kim, our database administrator`),
/// or one a `who` clause describes (`Dana Reyes, who rotated the key,`).
static AFFILIATED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"\b([A-Z][a-z]+(?:(?:[ \t]+|-)[A-Z][a-z]+)?)(?:\s+(?:from|on|in|of)\s+(?:the|our)\s+(?:[a-z][a-z0-9-]*\s+){0,3}(?:team|squad|group|department)\b|,\s+(?:a|an|the|our)\s+(?:[a-z][a-z-]*\s+){0,2}(?:engineer|developer|sre|operator|administrator|admin|manager|lead|contractor|intern|analyst)\b|,\s+who\s+[a-z])",
    )
    .expect("the affiliation pattern is valid")
});

/// A first name and a surname's initial (`Priya S. ran it`), the way a report
/// half-hides a person: the initial's period is no sentence end, since a word in
/// lower case follows.
static INITIALLED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\b([A-Z][a-z]{2,}[ \t]+[A-Z]\.)\s+[a-z]")
        .expect("the initialled-name pattern is valid")
});

/// A capitalised name that opens a sentence which refers back to it as `he` or
/// `she` (`Dana ran the script on the wrong host because she ...`): products and
/// services are not called so.
static PRONOUNED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?m)(?:^|[.!?:;]\s+)([A-Z][a-z]+(?: [A-Z][a-z]+)?) [a-z][^.!?\n]{0,160}?\b(?:[Ss]he|[Hh]e)\b")
        .expect("the pronoun pattern is valid")
});

/// A first and a last name opening a value, a sentence, a paragraph, a list item
/// or what a label's colon introduces (`**Root cause:** Dana ...`, `In short: Dana
/// ...`) (also as a JSON string writes them: `"Dana ...`, `\n\nDana ...`) as
/// the subject of something a person does by hand (`Dana Whitfield pushed the zone
/// file`, also after an opening phrase: `In February, Gareth Lewis re-imported the
/// licence`): systems deploy and restart too, but they do not forget, approve, type
/// or skip a checklist, and a product's two words are weeded out by
/// [`subject_names`]. ASCII classes and word boundaries (`(?-u)`): the names and
/// verbs are ASCII, and the Unicode tables cost more to compile than the rest of
/// the rule (a tenth of a one-report check).
static SUBJECT_NAME: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r#"(?-u)(?:\A["']?\s*|[.!?](?:\s|\\n)+|(?:\n|\\n)[ \t]*(?:\n|\\n)\s*|(?:\n|\\n)[ \t]*[-*+][ \t]+|:(?:\*\*|__)?[ \t]+)(?:(?:In|On|At|During|After|Before|Earlier|Later|Last|Then|Yesterday)\b[A-Za-z0-9 '-]{{0,40}},(?:[ \t]|\n|\\n)+)?([A-Z][a-z]+[ \t]+[A-Z][a-z]+)[ \t]+(?:(?:had|then|also|quickly|manually|accidentally|mistakenly|inadvertently|unknowingly)[ \t]+)?(?:{})\b"#,
        SUBJECT_VERBS.join("|")
    ))
    .expect("the subject-name pattern is valid")
});

/// What a person does by hand, after a name in [`SUBJECT_NAME`]; a text with none of
/// them is not matched (the pattern is compiled only for a report that needs it).
const SUBJECT_VERBS: &[&str] = &[
    "pushed",
    "merged",
    "approved",
    "deployed",
    "ran",
    "applied",
    "typed",
    "mistyped",
    "misconfigured",
    "forgot",
    "skipped",
    "ignored",
    "overlooked",
    "edited",
    "committed",
    "shipped",
    "misread",
    "assumed",
    "decided",
    "chose",
    "copied",
    "pasted",
    "rushed",
    "bypassed",
    "overrode",
    "force-pushed",
    "imported",
    "re-imported",
    "uploaded",
    "updated",
    "upgraded",
    "manually",
    "accidentally",
    "mistakenly",
    "inadvertently",
];

/// Literals one of which a text needs for [`PRONOUNED`] to match there (a line
/// break is a space in a wrapped paragraph).
const PRONOUNS: &[&str] = &[
    " he ", " she ", " he,", " she,", " he\n", " she\n", "\nhe ", "\nshe ",
];

/// Literals one of which a text needs for [`AFFILIATED`] to match there.
const AFFILIATION_WORDS: &[&str] = &[
    "team",
    "squad",
    "group",
    "department",
    "engineer",
    "developer",
    "sre",
    "operator",
    "admin",
    "manager",
    "lead",
    "contractor",
    "intern",
    "analyst",
    ", who",
];

/// Which literal gates a text passes: one of [`AFFILIATION_WORDS`], of
/// [`PRONOUNS`], of [`SUBJECT_VERBS`] is in it. One SIMD search a gate (a
/// `contains` per literal made 74,790 calls on 200 generated reports,
/// bench/README.md perf17; one automaton for all three cost a clean one-file
/// check 0.5-2.3 M instructions to build).
#[derive(Debug, Clone, Copy)]
struct Gates {
    affiliation: bool,
    pronoun: bool,
    subject: bool,
}

/// The gates' searchers (one each: a search per gate, bench/README.md perf17).
static AFFILIATION_GATE: LazyLock<Literals> = LazyLock::new(|| Literals::new(AFFILIATION_WORDS));
static PRONOUN_GATE: LazyLock<Literals> = LazyLock::new(|| Literals::new(PRONOUNS));
static SUBJECT_GATE: LazyLock<Literals> = LazyLock::new(|| Literals::new(SUBJECT_VERBS));

impl Gates {
    /// The gates `lower` (a text in lower case) passes.
    fn of(lower: &str) -> Gates {
        Gates {
            affiliation: AFFILIATION_GATE.is_match(lower),
            pronoun: PRONOUN_GATE.is_match(lower),
            subject: SUBJECT_GATE.is_match(lower),
        }
    }
}

/// The words of [`AFFILIATED`] as it writes them (lower case), one of which a text
/// needs as a whole word for it to match: each follows white space there and ends
/// at a word boundary.
const AFFILIATION_WHOLE: &[&str] = &[
    "team",
    "squad",
    "group",
    "department",
    "engineer",
    "developer",
    "sre",
    "operator",
    "administrator",
    "admin",
    "manager",
    "lead",
    "contractor",
    "intern",
    "analyst",
    "who",
];

/// Whether `word` is in `text` with no ASCII letter, digit or `_` on either side:
/// a necessary condition of `\s` before it and `\b` after it (a character that
/// `\s` matches or `\b` ends a word at is none of those). A hand search: a regex
/// or an automaton for it cost more to build than the patterns it spares.
fn bounded_word(text: &str, word: &str) -> bool {
    let ascii_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes = text.as_bytes();
    text.match_indices(word).any(|(i, _)| {
        !ascii_word(i.checked_sub(1).and_then(|j| bytes.get(j)))
            && !ascii_word(bytes.get(i + word.len()))
    })
}

/// Whether `text` may hold a match of [`INITIALLED`]: a capital letter with a
/// period after it and a space or a tab before it (`[ \t]+[A-Z]\.`).
fn has_initial(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| matches!(w[0], b' ' | b'\t') && w[1].is_ascii_uppercase() && w[2] == b'.')
}

/// Domains (`acme.io`), package scopes (`@acme/widgets`) and code hosts'
/// organisations (`github.com/acme`): the name in each is an organisation's.
static ORG_NAME: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)/([a-z0-9][a-z0-9_.-]*)|@([a-z0-9][a-z0-9_.-]*)/|\b([a-z0-9][a-z0-9-]*)\.(?:com|io|org|net|dev|app|co|ai|cloud|sh|tech|xyz|example|so|us|eu|uk|de|fr)\b",
    )
    .expect("the organisation pattern is valid")
});

/// The names the report uses as organisations (lowercased).
fn organisations_of(cx: &Context<'_>) -> Vec<String> {
    let mut names: Vec<String> = ORG_NAME
        .captures_iter(cx.text)
        .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)))
        .map(|m| m.as_str().to_lowercase())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The words of a participant line's label ([`told::participants`]), searched
/// in the lowercased text before it is read line by line.
static PARTICIPANT_LABELS: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "present:",
        "attendees",
        "attending:",
        "in attendance",
        "apologies:",
        "participants:",
        "absent:",
        "invitees",
    ])
});

/// The people the report names as such: authors, action-item owners (also one
/// written in a title's closing parenthesis, `(Tobias Brandt, this week)`) and the
/// people its participant lines list (`**Present:**`,
/// `Attendees:`, `Apologies:`), written as
/// capitalised names of two or more words without an organisation's word, whole
/// and by their first word, longest first so a full name wins over its first
/// word. Names the report also uses as a domain or scope are dropped later, when
/// one is found ([`organisations_of`] reads the whole text, so only then).
fn known_people<'a>(cx: &Context<'a>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    // Most reports list no participants: one SIMD search of the lowercased text
    // for the labels' words before the line-by-line read.
    let present = if PARTICIPANT_LABELS.is_match(cx.lowercase) {
        told::participants(cx.text)
    } else {
        Vec::new()
    };
    for name in cx
        .model
        .authors
        .iter()
        .map(String::as_str)
        .chain(owners(cx))
        .chain(present)
    {
        let name = name.trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let first = words.first().copied().unwrap_or("");
        let person_word = |w: &&str| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
                && !ORGANISATION.contains(&w.trim_end_matches('.').to_lowercase().as_str())
        };
        if words.len() < 2 || !words.iter().all(person_word) {
            continue;
        }
        names.push(name);
        if first.chars().count() >= 3 {
            names.push(first);
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// The action items' owners: each item's `owner`, or the name its title closes
/// with in parentheses (`(Tobias Brandt, this week)`, `... (Kestrel)`).
fn owners<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a str> {
    cx.model.action_items.iter().filter_map(|i| {
        i.owner
            .as_deref()
            .or_else(|| crate::rules::action_item_owner::owner_in_parentheses(&i.title))
    })
}

/// The owners of action items named by one capitalised word that no list calls
/// an organisation, a product, a team or a common word (`(Kestrel)`, `Owner:
/// Wren`): people a given-name list may not know. What the report writes in
/// lower case or after an article is left out where they are read.
fn one_word_owners<'a>(cx: &Context<'a>) -> Vec<&'a str> {
    let mut out: Vec<&str> = owners(cx)
        .map(str::trim)
        .filter(|name| {
            let lower = name.to_lowercase();
            name.len() >= 3
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && name[1..].bytes().all(|b| b.is_ascii_lowercase())
                && ![ORGANISATION, PRODUCT_WORDS, TEAM_PLACES, NOT_NAMES]
                    .iter()
                    .any(|list| list.contains(&lower.as_str()))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The first names (three letters or more) of the people the report names as
/// authors or action item owners: `Juho` for `Juho Lehtinen`.
pub(crate) fn known_first_names(cx: &Context<'_>) -> Vec<String> {
    known_people(cx)
        .into_iter()
        .filter(|n| !n.contains(char::is_whitespace))
        .map(str::to_string)
        .collect()
}

/// Where `names` (longest first) occur in `text` as whole words, case-sensitive,
/// leftmost first and the longest name at a place: what the regex
/// `\b(?:Alice Martin|Alice)\b` finds. Written by hand because the names differ in
/// every report, and building that regex cost more than checking the rest of the
/// report (half a million instructions per file).
fn find_names(names: &[&str], text: &str) -> Vec<Range<usize>> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut found: Vec<Range<usize>> = Vec::new();
    let bytes = text.as_bytes();
    for name in names {
        // Each place of the name's first byte, found with memchr: a
        // `match_indices` set up a substring searcher per name and value
        // (10,392 of them, 3.4 M of 200 reports' 290 M).
        let Some(&first) = name.as_bytes().first() else {
            continue;
        };
        let mut after = 0;
        for start in memchr::memchr_iter(first, bytes) {
            // Not overlapping the one before, as `match_indices` reads.
            if start < after || !bytes[start..].starts_with(name.as_bytes()) {
                continue;
            }
            let end = start + name.len();
            after = end;
            let (first, last) = (name.chars().next(), name.chars().next_back());
            if word(text[..start].chars().next_back()) == word(first)
                || word(text[end..].chars().next()) == word(last)
            {
                continue;
            }
            found.push(start..end);
        }
    }
    // Longest first among names starting at one place (a stable sort keeps the
    // order of `names`), then drop what overlaps an earlier match.
    found.sort_by_key(|r| r.start);
    let mut end = 0;
    found.retain(|r| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    found
}

/// Names that [`AFFILIATED`] says are people in `node`: not a word of
/// [`NOT_NAMES`] or [`ORGANISATION`], and not a word the report also writes in
/// lower case (`Requests from the growth team`: `requests` is a common word).
fn affiliated(
    cx: &Context<'_>,
    written: &Written<'_>,
    node: &crate::tree::Node,
    gates: Gates,
) -> Vec<(Span, String)> {
    let source = node.span.slice(cx.text);
    let Gates {
        affiliation,
        pronoun,
        ..
    } = gates;
    let initial = source.contains(". ") || source.contains(".\n");
    if !affiliation && !initial && !pronoun {
        return Vec::new();
    }
    let common = |w: &str| {
        let lw = w.to_lowercase();
        NOT_NAMES.contains(&lw.as_str())
            || ORGANISATION.contains(&lw.as_str())
            || written.in_lower_case(&lw)
    };
    let mut found = Vec::new();
    if initial {
        found = find_with(cx, node, |source| {
            // Each pattern below is compiled only for a text its own gate lets
            // through: the literals above pass most causes (`. ` ends every
            // sentence, `lead` is in `leader`; bench/README.md, perf8).
            if !has_initial(source) {
                return Vec::new();
            }
            INITIALLED
                .captures_iter(source)
                .filter_map(|c| c.get(1))
                .filter(|m| !m.as_str().split_whitespace().next().is_some_and(common))
                .map(|m| m.range())
                .collect()
        });
    }
    if pronoun {
        found.extend(find_with(cx, node, |source| {
            PRONOUNED
                .captures_iter(source)
                .filter_map(|c| c.get(1))
                .filter(|m| !m.as_str().split_whitespace().any(common))
                .map(|m| m.range())
                .collect()
        }));
    }
    if !affiliation {
        return found;
    }
    found.extend(find_with(cx, node, |source| {
        if !AFFILIATION_WHOLE.iter().any(|w| bounded_word(source, w)) {
            return Vec::new();
        }
        AFFILIATED
            .captures_iter(source)
            .filter(|c| {
                let end = c.get(0).map_or(source.len(), |m| m.end());
                let rest = &source[end..];
                let next = rest
                    .trim_start_matches([' ', '-'])
                    .split(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                !rest.starts_with(['\'', '’']) && !TEAM_PLACES.contains(&next.as_str())
            })
            .filter_map(|c| c.get(1))
            .filter(|m| {
                m.as_str().split([' ', '-']).all(|w| {
                    let lw = w.to_lowercase();
                    !NOT_NAMES.contains(&lw.as_str())
                        && !ORGANISATION.contains(&lw.as_str())
                        && !written.in_lower_case(&lw)
                })
            })
            .map(|m| m.range())
            .collect()
    }));
    found
}

/// Names [`SUBJECT_NAME`] finds in `node` that can only be people: no word common
/// (in [`NOT_NAMES`] or written in lower case in the report), an organisation's
/// ([`ORGANISATION`]) or a product's ([`PRODUCT_WORDS`]), and the report never
/// writes the name after an article (`the Merge Queue`, `a Cloud Function`).
fn subject_names(
    cx: &Context<'_>,
    written: &Written<'_>,
    node: &crate::tree::Node,
    gates: Gates,
) -> Vec<(Span, String)> {
    let common = |w: &str| {
        let lw = w.to_lowercase();
        NOT_NAMES.contains(&lw.as_str())
            || ORGANISATION.contains(&lw.as_str())
            || PRODUCT_WORDS.contains(&lw.as_str())
            || written.in_lower_case(&lw)
    };
    let after_article =
        |name: &str| written.after_article(name.split_whitespace().next().unwrap_or(name));
    if !gates.subject {
        return Vec::new();
    }
    find_with(cx, node, |source| {
        SUBJECT_NAME
            .captures_iter(source)
            .filter_map(|c| c.get(1))
            .filter(|m| !m.as_str().split_whitespace().any(common))
            .filter(|m| !after_article(m.as_str()))
            .map(|m| m.range())
            .collect()
    })
}

/// The fields outside the cause where a first name is read only when its
/// sentence tells the act as the fault ([`given::told_as_fault`]).
const ELSEWHERE: &[&str] = &[
    "/summary",
    "/impact/description",
    "/resolution",
    "/detection/description",
    "/timeline/*/text",
    "/lessons/went_well/*",
    "/lessons/got_lucky/*",
    "/lessons/other/*",
    SECTIONS,
];

/// A person named by a first name alone where the report blames them
/// ([`given`]): in the cause fields, as the one who did it; elsewhere, when the
/// sentence tells the act as the fault.
fn first_names(
    cx: &Context<'_>,
    written: &Written<'_>,
    out: &mut Vec<Diagnostic>,
    organisation: &dyn Fn(&str) -> bool,
) {
    let known = one_word_owners(cx);
    for (patterns, in_cause) in [(CAUSE, true), (ELSEWHERE, false)] {
        for pattern in patterns {
            for (pointer, node) in texts(cx, pattern) {
                let acts = in_cause.then_some(SUBJECT_VERBS);
                let found = find_with(cx, node, |source| {
                    given::actors(source, acts, &known)
                        .into_iter()
                        .filter(|r| in_cause || given::told_as_fault(source, r.clone()))
                        .collect()
                });
                for (span, name) in found {
                    if out.iter().any(|d| {
                        d.code == PersonInCause::INFO.code
                            && d.span.start <= span.start
                            && span.end <= d.span.end
                    }) || written.in_lower_case(&name.to_lowercase())
                        || written.after_article(&name)
                        || organisation(&name)
                    {
                        continue;
                    }
                    let why = if in_cause {
                        "as the one who did it"
                    } else {
                        "as the one whose act is told as the fault"
                    };
                    out.push(
                        Diagnostic::new(
                            &PersonInCause::INFO,
                            span,
                            format!("{name} (a person's first name) is named {why} in {}", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
            }
        }
    }
}

impl Rule for PersonInCause {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let people = known_people(cx);
        let written = Written::new(cx.text);
        let organisations = std::cell::OnceCell::new();
        let organisation = |name: &str| {
            organisations
                .get_or_init(|| organisations_of(cx))
                .iter()
                .any(|o: &String| name.split_whitespace().any(|w| o.eq_ignore_ascii_case(w)))
        };
        for pattern in CAUSE {
            for (pointer, node) in texts(cx, pattern) {
                for (span, handle) in find_with(cx, node, |s| {
                    // Every mention has its `@`: most causes have none.
                    if !s.contains('@') {
                        return Vec::new();
                    }
                    MENTION.find_iter(s).map(|m| m.range()).collect()
                }) {
                    let before = cx.text[..span.start].chars().next_back();
                    let after = cx.text[span.end..].chars().next();
                    // `a@b.example`, `https://host/@user`, `@scope/package`.
                    if before.is_some_and(|c| c.is_alphanumeric() || "@./+-_:".contains(c))
                        || after.is_some_and(|c| c == '/' || c == '@')
                        || organisation(&handle[1..])
                    {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{handle}` is named in {}", place(&pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
                const BESIDE: &str = "by the team, role or initial beside it";
                const SUBJECT: &str = "a first and a last name doing what a person does";
                let gates = Gates::of(node.span.slice(cx.lowercase));
                let named = affiliated(cx, &written, node, gates);
                let subjects: Vec<(Span, String)> = subject_names(cx, &written, node, gates)
                    .into_iter()
                    .filter(|(span, _)| !named.iter().any(|(s, _)| s.start == span.start))
                    .collect();
                let all = named
                    .into_iter()
                    .map(|(span, name)| (span, name, BESIDE))
                    .chain(
                        subjects
                            .into_iter()
                            .map(|(span, name)| (span, name, SUBJECT)),
                    );
                for (span, name, why) in all {
                    if people
                        .iter()
                        .any(|p| p.split_whitespace().next() == name.split_whitespace().next())
                        || organisation(&name)
                    {
                        continue; // found below as a name the report gives, or not a person
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("{name} (a person's name, {why}) is named in {}", place(&pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
                if people.is_empty() {
                    continue;
                }
                for (span, name) in find_with(cx, node, |text| find_names(&people, text)) {
                    if organisation(&name) {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("{name}, a person this report names, is named in {}", place(&pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
            }
        }
        first_names(cx, &written, out, &organisation);
        // The cause told in the summary or a section of its own.
        for pattern in ["/summary", SECTIONS] {
            for (pointer, node) in texts(cx, pattern) {
                let told = |source: &str| {
                    let mut found = told::honorifics_told_as_cause(source);
                    found.extend(told::roles_told_as_cause(source));
                    found.extend(told::names_opening_a_cause(source, &people));
                    found
                };
                for (span, name) in find_with(cx, node, told) {
                    if out
                        .iter()
                        .any(|d| d.span.start <= span.start && span.start < d.span.end)
                    {
                        continue;
                    }
                    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("{name} is named as the cause in {}", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
                for (span, handle) in find_with(cx, node, told::handles_told_as_cause) {
                    if out.iter().any(|d| d.span == span) || organisation(&handle[1..]) {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{handle}` is named as the cause in {}", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
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

    proptest::proptest! {
        /// The names found where a search with `match_indices` finds them
        /// (whole words, longest first, no overlap).
        #[test]
        fn names_found_as_match_indices_finds_them(
            text in "(Ana|Ana Ruiz|Anan|Bo|é|a| |,|_|Ruiz){0,12}",
        ) {
            let names = ["Ana Ruiz", "Ana", "Bo", "Ruiz"];
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut slow: Vec<std::ops::Range<usize>> = Vec::new();
            for name in names {
                for (start, _) in text.match_indices(name) {
                    let end = start + name.len();
                    let (first, last) = (name.chars().next(), name.chars().next_back());
                    if word(text[..start].chars().next_back()) == word(first)
                        || word(text[end..].chars().next()) == word(last)
                    {
                        continue;
                    }
                    slow.push(start..end);
                }
            }
            slow.sort_by_key(|r| r.start);
            let mut end = 0;
            slow.retain(|r| {
                let keep = r.start >= end;
                if keep {
                    end = r.end;
                }
                keep
            });
            proptest::prop_assert_eq!(super::find_names(&names, &text), slow);
        }
    }

    fn found(text: &str, format: Format) -> Vec<&str> {
        crate::rules::spans_of("RS402", text, format)
    }

    #[test]
    fn finds_mentions_but_not_addresses_urls_packages_or_code() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\n@alice merged it; mail ops@example.com, see https://x.example/@bob, \
                  the `@Cacheable` cache and @types/node. <!-- @carol -->\n\n## Contributing factors\n\n- Review by @sre-team was skipped.\n\n\
                  ## Action items\n\n- [ ] Gate merges on the migration check (owner: @platform)\n";
        assert_eq!(found(md, Format::Markdown), ["@alice", "@sre-team"]);
        let yaml = "title: t\nstatus: draft\ntrigger: \"A deploy by @dave\"\nsummary: \"@erin was paged\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["@dave"]);
        let json = r#"{"title": "t", "status": "draft", "lessons": {"went_wrong": ["@frank's change was not reviewed"]}}"#;
        assert_eq!(found(json, Format::Json), ["@frank"]);
    }

    #[test]
    fn a_full_name_after_an_opening_phrase() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\nIn February, Gareth Lewis re-imported last year's licence file. On Monday, Northwind Payments applied the change. After the outage, Halloran Storage uploaded a fix.\n";
        assert_eq!(found(md, Format::Markdown), ["Gareth Lewis"]);
    }

    /// A first and a last name as the subject of a person's act opens the cause;
    /// products of two capitalised words, a name after an article and a system's
    /// act do not.
    #[test]
    fn finds_a_full_name_doing_what_a_person_does() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\nDana Whitfield pushed the zone file without the checklist, so the\nold key stayed. Redis Sentinel applied the new topology. Cloud Build pushed\nthe image. Merge Queue merged it, as the Merge Queue does. Amazon Aurora applied the\nparameter group. Northwind DNS\nserved the records. Pat Okoro restarted the resolver.\n\n## Contributing factors\n\n- Lee Marsh accidentally ran the cleanup against production.\n- Web Console approved it in the console.\n";
        assert_eq!(found(md, Format::Markdown), ["Dana Whitfield", "Lee Marsh"]);
        let json = r#"{"title": "t", "status": "draft", "root_cause": "Dana Whitfield pushed it.\n\nLee Marsh approved it."}"#;
        assert_eq!(found(json, Format::Json), ["Dana Whitfield", "Lee Marsh"]);
        let yaml = "title: t\nstatus: draft\ntrigger: \"Dana Whitfield forgot the checklist\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["Dana Whitfield"]);
    }

    /// A cause told in a summary's label or a section's sentence: a handle that
    /// is its subject is found, an owner in brackets or a finder is not.
    #[test]
    fn a_handle_told_as_the_cause_outside_its_field() {
        let md = "# Registry outage\n\n**Impact:** publishes failed for 2 hours.\n\n**Root cause:** @pvolkov ran the cleanup against\nproduction (fix owned by @lmarchetti).\n\n\
                  ## What happened\n\n@jkraus saw the alert. The root cause is that @rbauer merged the\njob without a check, found by @mwitt.\n";
        assert_eq!(found(md, Format::Markdown), ["@pvolkov", "@rbauer"]);
    }

    #[test]
    fn finds_people_the_report_names_as_authors_or_owners() {
        let yaml = "title: t\nstatus: draft\nauthors: [Alice Martin, sre-team]\n\
                    root_cause: \"Alice ran the script; later Alice Martin rolled back. Alicebot and sre-team did not.\"\n\
                    action_items:\n  - title: Gate the script\n    owner: Bob Stone\n\
                    trigger: \"Bob's change, then Bobby's\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["Alice", "Alice Martin", "Bob"]);
        let none = "title: t\nstatus: draft\nauthors: [Alice Martin]\nsummary: Alice wrote this.\n";
        assert!(found(none, Format::Yaml).is_empty());
    }

    #[test]
    fn a_name_beside_a_team_or_role_is_a_person() {
        let md = "# Disk full\n\n## Root cause\n\nThe retention job and a manual cleanup raced. Priya Nair on the storage squad \
                  started the cleanup after Kim, our database administrator, had paused the job.\n";
        assert_eq!(found(md, Format::Markdown), ["Priya Nair", "Kim"]);
        // A first name and an initial; "Plan B." ending a sentence is no name.
        let md = "# Disk full\n\n## Root cause\n\nWe were on Plan B. Then Tomas K. ran the cleanup by hand.\n";
        assert_eq!(found(md, Format::Markdown), ["Tomas K."]);
        // A phrase wrapped across lines, as reports are written.
        let md = "# Disk full\n\n## Root cause\n\nThe cleanup was started by Maria from the storage\nteam after the\npause.\n";
        assert_eq!(found(md, Format::Markdown), ["Maria"]);
        // Common words, organisations and pronouns before the same phrases are not names.
        let md = "# Disk full\n\n## Root cause\n\nSomeone from the storage team started a cleanup. Requests from the \
                  billing team piled up, and the requests were retried. Acme, the vendor, and Storage, an engineer tool, are fine. \
                  The cleanup ran on the shared group.\n";
        assert!(
            found(md, Format::Markdown).is_empty(),
            "{:?}",
            found(md, Format::Markdown)
        );
        // A team's place (its channel, its board) or a day is not a membership.
        let md = "# Disk full\n\n## Root cause\n\nThe warning went to Slack in the storage team channel, and \
                  Jira on the storage team's board held the ticket. Monday on the storage team was quiet.\n";
        assert!(
            found(md, Format::Markdown).is_empty(),
            "{:?}",
            found(md, Format::Markdown)
        );
        // A `who` clause says a name is a person; `which` says it is not.
        let md = "# Cert expired\n\n## Root cause\n\nThe checklist names old hosts. Dana Reyes, who rotated the key, \
                  should have updated both regions. Nimbus, which rotated the other key, did.\n";
        assert_eq!(found(md, Format::Markdown), ["Dana Reyes"]);
        let md = "# Cert expired\n\n## Root cause\n\nThe checklist names old hosts. Anyone, who rotated a key, had to \
                  check it. Then the storage box, who knows why, kept the old copy, and Redis, which held the keys, too.\n";
        assert!(
            found(md, Format::Markdown).is_empty(),
            "{:?}",
            found(md, Format::Markdown)
        );
        // The summary may name who helped: only cause sections are checked.
        let md = "# Disk full\n\n## Summary\n\nJordan from the storage team restored the volume.\n";
        assert!(found(md, Format::Markdown).is_empty());
    }

    #[test]
    fn a_name_the_sentence_calls_he_or_she_is_a_person() {
        let md = "# Lost writes\n\n## Root cause\n\nTomas restored the snapshot over the live volume because he read the \
                  wrong ticket.\n";
        assert_eq!(found(md, Format::Markdown), ["Tomas"]);
        // A sentence wrapped in the source, in a paragraph or a list item, is one
        // sentence; an initial may end a line too.
        let md = "# Lost writes\n\n## Root cause\n\nMirela restarted the export by\nhand because she did not see the first run.\n\n\
                  ## Contributing factors\n\n- Tomas restored the snapshot because he\n  read the wrong ticket.\n- Priya S.\n  ran the migration twice.\n";
        assert_eq!(found(md, Format::Markdown), ["Mirela", "Tomas", "Priya S."]);
        // Products are not called he or she; a person with no name is not found.
        let md = "# Lost writes\n\n## Root cause\n\nPostgres restored the snapshot. The operator said he had \
                  checked the host.\n";
        assert!(
            found(md, Format::Markdown).is_empty(),
            "{:?}",
            found(md, Format::Markdown)
        );
        // Only cause sections are checked.
        let md =
            "# Lost writes\n\n## Summary\n\nTomas restored the volume, and he wrote this report.\n";
        assert!(found(md, Format::Markdown).is_empty());
    }

    /// A first name alone: in a cause field as the one who did it by hand; in a
    /// timeline entry or another section only when the sentence tells the act as
    /// the fault. Responders doing their work, a name that dates something, a
    /// tool's name and a word the report writes in lower case are not named.
    #[test]
    fn a_first_name_blamed_in_the_cause_or_in_the_story() {
        let md = "# Prescriptions rejected\n\n## Root cause\n\nThe change was pushed by Derek without a second review. \
                  It took an hour after Ana took the lead. Renovate merged the bump.\n\n## Timeline\n\n\
                  - 2025-03-04 10:00 UTC Bob ran the migration without the flag\n\
                  - 2025-03-04 10:05 UTC Priya restarted the service\n\
                  - 2025-03-04 10:20 UTC Travis deployed the fix without a review\n\n\
                  ## What happened next\n\nRather than restoring the saved config, Jonah regenerated it by hand, which broke networking.\n\n\
                  The Travis build and a travis job ran.\n";
        assert_eq!(found(md, Format::Markdown), ["Derek", "Bob", "Jonah"]);
    }

    #[test]
    fn organisations_products_and_domains_are_not_people() {
        let yaml = "title: t\nstatus: draft\nauthors: [Acme, Acme Corp, Storage Team, Dana Whitfield]\n\
                    root_cause: \"Acme shipped @acme/widgets 2.0, Storage Team paged @acme, Dana approved it.\"\n\
                    trigger: \"The widgets release from github.com/acme and https://acme.io changed the default.\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["Dana"]);
        let yaml = "title: t\nstatus: draft\nauthors: [Nimbus Cloud]\nroot_cause: \"Nimbus rate limits hit us; see nimbus.io and @nimbus.\"\n";
        assert!(found(yaml, Format::Yaml).is_empty());
    }

    /// The texts the gates are held to: every line and paragraph of the corpus, and
    /// each shape of the patterns with what may stand around it.
    fn gate_texts() -> Vec<String> {
        let mut texts = Vec::new();
        for (_, text) in crate::gated::corpus() {
            texts.extend(text.lines().map(str::to_string));
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        for w in super::AFFILIATION_WHOLE {
            for after in ["", ".", "'s", "\u{b2}", "\u{a0}x", "-x", "\nx"] {
                texts.push(format!("Jordan from the growth {w}{after}"));
                texts.push(format!("Kim Lee, our database {w}{after}"));
                texts.push(format!("Sam\ton our\u{a0}new {w}{after}"));
            }
        }
        for who in ["Dana Reyes, who rotated", "Dana,\u{2003}who\tran"] {
            texts.push(who.to_string());
        }
        for initial in ["Tomas K. ran", "Priya\tS.\u{a0}ran", "Ola  B.\nran", "@ana"] {
            texts.push(initial.to_string());
        }
        texts
    }

    #[test]
    fn the_gates_pass_every_match() {
        let texts = gate_texts();
        let (mut affiliated, mut initialled) = (0, 0);
        for t in &texts {
            if super::AFFILIATED.is_match(t) {
                affiliated += 1;
                assert!(
                    super::AFFILIATION_WHOLE
                        .iter()
                        .any(|w| super::bounded_word(t, w)),
                    "{t:?}"
                );
            }
            if super::INITIALLED.is_match(t) {
                initialled += 1;
                assert!(super::has_initial(t), "{t:?}");
            }
            if super::MENTION.is_match(t) {
                assert!(t.contains('@'), "{t:?}");
            }
        }
        // The shapes were read: a gate held to no match proves nothing.
        assert!(
            affiliated > 100 && initialled >= 3,
            "{affiliated} {initialled}"
        );
    }

    #[test]
    fn the_gates_turn_away_what_cannot_match() {
        assert!(!super::bounded_word("the leader of it", "lead"));
        assert!(!super::bounded_word("the platform-teams", "team"));
        assert!(super::bounded_word("the platform team.", "team"));
        assert!(!super::has_initial("Shard read. Cpu queue"));
        assert!(super::has_initial("Tomas K. ran"));
    }
}
