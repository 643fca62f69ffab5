use std::sync::LazyLock;

use crate::lean::Lean;

use crate::diagnostic::Diagnostic;
use crate::rules::words::{
    CAUSE, Literals, SECTIONS, WordList, in_reported_speech, place_in, texts,
};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;

declare_rule! {
    /// Blaming words ("human error", "operator error", "carelessness", "a fat-finger
    /// mistake") in the summary, the root cause, the trigger, a contributing factor,
    /// what went wrong, or a section without a field of its own.
    ///
    /// ## Why
    /// "Human error" is where an investigation stops, not what it found. People
    /// make the mistakes their tools, processes and pressures make easy; the review
    /// is worth something when it names those conditions, because they can be
    /// changed.
    ///
    /// The words are the `blame` list in the `[words]` table of `retrospec.toml`
    /// (default: human error, operator error, user error, careless, carelessness,
    /// carelessly, negligence, negligent, negligently, fault of, fat-finger,
    /// fat-fingered, fat finger, fat fingered, sloppiness, laziness, incompetence,
    /// incompetent, recklessness, recklessly: the blame nouns as a family, and
    /// the adverbs that judge how someone acted, "carelessly ignored the
    /// markings"; `lazy` and `sloppy` are left out, since they
    /// describe code as often, as in `lazy loading`), matched as whole words, case-insensitively,
    /// in prose only: not in code, quoted logs (`> 02:00 ERROR ... human error`) or mails,
    /// URLs or link targets, which quote what a system said. A metric or a message
    /// named by the words (`the user error rate`, `operator error messages`) and a
    /// kind of fault (`the disk fault of the export host`) blame no one. The sections a report
    /// has without a field of their own (`## The short version`, `## What went wrong
    /// and why?` in a report read as written) are read too: they tell the same story.
    /// A word denied in its
    /// sentence (`this was not human error`, `rather than operator error`, `we
    /// ruled out operator error`, `human error was ruled out`, `... is not the
    /// cause`) or
    /// guarded against (`no protection against a fat-finger`) is the
    /// blameless stance said out loud, and is not reported; nor is a word in a
    /// question (`Was it caused by human error or load?`, a template's prompt),
    /// which names no one (its answer may). Nor is another party's statement,
    /// quoted (a block quote led in by `The registry's statement:` or `Kim
    /// wrote:`, a quotation of four words or more in a sentence that says who said
    /// it) or reported (`the vendor said it was human error`, `according to the
    /// provider, ...`): it is evidence the report gives, not its author's blame.
    ///
    /// A person's mistake named as the cause is blame too: `a mistake made by one of
    /// our engineers`, `an oversight by the on-call engineer`, `a slip of a
    /// developer`, `an operator's mistake`, `someone's error`. The mistake of a
    /// thing (`a mistake in the config`, `an error by the deploy script`, `the
    /// operator's error message`) names no one and is not reported.
    ///
    /// The incident put on a named person is blame too: `this one is on Dmitri`,
    /// `that one was on Priya`, `this one is down to Gareth`, or with a plain `this`, `that`, `it` or `the
    /// incident` a name followed by "who" (`it was on Sam, who deployed it`); a
    /// day, a month or a platform after "on" (`it was on Tuesday`, `this is on
    /// GitHub`) tells when or where and is not reported.
    ///
    /// So is a person said not to have bothered: `if Liam had bothered to read
    /// the checklist`, `she didn't bother to test it`, `Kai could not be
    /// bothered`; the team's own `we didn't bother to` judges no one else.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Customer data deleted in staging and production
    /// status: draft
    /// ---
    /// ## Root cause
    /// Human error: the cleanup script was run against production.
    /// ```
    /// Use instead: `The cleanup script takes its target from the shell environment and does not confirm a production target.`
    pub struct BlameWord = "RS403", "blame-word", Warning;
}

/// The summary, read beside the fields about the cause: a report often gives its
/// cause there first (`The duplicate run was caused by human error: ...`).
const SUMMARY: &str = "/summary";

/// Words that, among the four before a blaming word in its sentence, deny it
/// (`this was not human error`, `no operator error was involved`, `rather than
/// human error`): a blameless report says so on purpose.
const DENIALS: &[&str] = &[
    "not",
    "no",
    "never",
    "nor",
    "without",
    "rather",
    "instead",
    "beyond",
    "against",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "isn’t",
    "wasn’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
];

/// Whether the text `before` a blaming word (from the start of its value) denies it.
fn negated(before: &str) -> bool {
    let sentence = before
        .rfind(['.', '!', '?', ';', ':'])
        .map_or(before, |i| &before[i + 1..]);
    // Nearest first, up to six words (`we don't think of this as human error`),
    // and not past a `but` (`not the alert but human error` blames).
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(6)
        .map(str::to_lowercase)
        .take_while(|w| w != "but")
        .collect();
    words.iter().any(|w| DENIALS.contains(&w.as_str()))
        // `we ruled out operator error`, `having excluded human error`
        || words.first().is_some_and(|w| w == "excluded" || w == "excluding")
        || words.first().is_some_and(|w| w == "out")
            && words.get(1).is_some_and(|w| w.starts_with("rul"))
}

/// Whether the text `after` a blaming word, in its sentence, denies it: `human
/// error was ruled out`, `operator error is not the cause`, `... wasn't a factor`.
static DENIED_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)^[\s,]*(?:(?:was|were|is|has\s+been|had\s+been|can\s+be)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:ruled\s+out|excluded|not\b|never\b)|(?:isn't|wasn't|isn’t|wasn’t)\b)",
    )
    .expect("valid pattern")
});

/// Whether the sentence a blaming word is in, read from the text `after` it to the
/// end of its value, is a question (`Was it caused by human error, load or
/// something unknown?`, a template's prompt): a question names no one.
fn asked(after: &str) -> bool {
    after
        .find(['.', '!', '?'])
        .is_some_and(|i| after[i..].starts_with('?') && !after[..i].contains("\n\n"))
}

/// The incident put on a named person: "this one is on Dmitri", "that was on
/// Priya, who ...", "the outage is on Sam, who ...". With "this one"/"that one"
/// any capitalised name counts; with a plain "this", "that", "it" or "the
/// incident" only a name followed by "who" does ("it was on Tuesday", "it is on
/// GitHub" tell when and where).
static ON_NAME: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"\b(?i:(?:this|that)\s+one|this|that|it|the\s+(?:incident|outage|failure))\s+(?i:is|was|'s|’s|lies|rests|falls)\s+(?i:squarely\s+|entirely\s+|all\s+)?(?:on|(?i:down)\s+to)\s+([A-Z][a-z]+)\b(,?\s+who\b)?",
    )
    .expect("valid pattern")
});

/// A person said not to have bothered: "if Liam had bothered to", "she didn't
/// bother to", "Kai could not be bothered".
static BOTHERED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"\b(?P<who>[A-Z][a-z]+|he|she)\s+(?:had(?:n't|n’t|\s+not)?|did(?:n't|n’t|\s+not)|never|could(?:n't|n’t|\s+not)\s+be)\s+bother(?:ed)?\b",
    )
    .expect("valid pattern")
});

/// Who a "did not bother" may be said of without blaming another: the writers
/// themselves, or no one in particular.
const NOT_BLAMED: &[&str] = &[
    "We", "I", "It", "You", "They", "Nobody", "Everyone", "Anyone",
];

/// The places a person is said not to have bothered, as for [`on_names`].
fn not_bothered(cx: &Context<'_>, node: &crate::tree::Node) -> Vec<(Span, String)> {
    let crate::tree::Value::String(value) = &node.value else {
        return Vec::new();
    };
    if !value.contains("bother") {
        return Vec::new();
    }
    let source = node.span.slice(cx.text);
    let mut placer = super::Placer::new(value, source, node.span.start);
    let mut found = Vec::new();
    for c in BOTHERED.captures_iter(value) {
        let (Some(whole), Some(who)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if NOT_BLAMED.contains(&who.as_str()) || tells_when_not_who(who.as_str()) {
            continue;
        }
        let Some(span) = placer.place(whole.range()) else {
            continue;
        };
        if cx.masks().covers(span.start) || in_reported_speech(cx.text, span.start) {
            continue;
        }
        found.push((span, collapsed(whole.as_str())));
    }
    found
}

/// A phrase as a message quotes it: its words with one space between them (a
/// YAML value or a wrapped line may break it anywhere).
fn collapsed(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Capitalised words after "on" that tell when, not who: a weekday, a month in
/// full (not `Jan`, a name too), both from the time crate, and these.
const NOT_PEOPLE: &[&str] = &["Call", "Purpose"];

fn tells_when_not_who(name: &str) -> bool {
    NOT_PEOPLE.contains(&name)
        || crate::time::MONTH_NAMES.contains(&name)
        || crate::time::weekday_from_name(name).is_some()
}

/// The places "on <Name>" puts the incident on a person: the name's span in the
/// file (placed from the value, so YAML and JSON escapes do not move it) and the
/// phrase as written, whitespace collapsed. Names in code, logs or links are skipped.
fn on_names(cx: &Context<'_>, node: &crate::tree::Node) -> Vec<(Span, String)> {
    let crate::tree::Value::String(value) = &node.value else {
        return Vec::new();
    };
    if ![
        " on ",
        "\non ",
        " on\n",
        " down to ",
        " down to\n",
        "\ndown to ",
    ]
    .iter()
    .any(|w| value.contains(w))
    {
        return Vec::new();
    }
    let source = node.span.slice(cx.text);
    let mut placer = super::Placer::new(value, source, node.span.start);
    let mut found = Vec::new();
    for c in ON_NAME.captures_iter(value) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let one = whole
            .as_str()
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.eq_ignore_ascii_case("one"));
        if tells_when_not_who(name.as_str()) || !(one || c.get(2).is_some()) {
            continue;
        }
        let Some(span) = placer.place(name.range()) else {
            continue;
        };
        if cx.masks().covers(span.start) {
            continue;
        }
        found.push((span, collapsed(&value[whole.start()..name.end()])));
    }
    found
}

/// A person's mistake named as the cause: "a mistake made by one of our engineers",
/// "an oversight by the on-call engineer", "a slip of a developer", "an operator's
/// error", "someone's mistake". The mistake of a thing ("a mistake in the config",
/// "an error by the deploy script") names no one and is not read.
static MISTAKE_BY: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)
        \b(?:(?:a|an|the|one|this|that)\s+)?(?:(?:simple|honest|human|small|single|manual|costly|careless|unfortunate|silly|big)\s+)?
        (?:mistake|slip|slip-up|oversight|error|blunder|lapse|misstep|goof)s?\s+
        (?:(?:made|committed|caused|introduced)\s+)?(?:by|of|from)\s+
        (?:one\s+of\s+(?:our|the|their|its)\s+|a\s+member\s+of\s+(?:our|the)\s+|an?\s+|the\s+|our\s+|their\s+|its\s+)?
        (?:(?:single|junior|senior|new|tired|overworked|individual|human|on-?call|support|database|platform|release|backend|frontend|ops|devops)\s+)?
        (?P<who>engineers?|operators?|developers?|devs?|admins?|administrators?|sysadmins?|employees?|staff(?:\s+members?)?|team\s+members?|colleagues?|on-?call(?:\s+engineers?)?|SREs?|contractors?|interns?|persons?|people|humans?|someone|somebody|individuals?|maintainers?)
        \b(?P<possessive>'|’)?
      | \b(?:an?|one\s+of\s+our|our|the|their|someone|somebody)\s*(?:(?:single|junior|senior|new|on-?call)\s+)?
        (?P<who2>engineer|operator|developer|admin|administrator|sysadmin|employee|staff\s+member|team\s+member|colleague|on-?call\s+engineer|SRE|contractor|intern|person|maintainer)?
        (?:'s|’s)\s+(?:own\s+)?(?:(?:simple|honest|small|single|careless)\s+)?
        (?:mistake|slip|slip-up|oversight|error|blunder|lapse|misstep)\b",
    )
    .expect("valid pattern")
});

/// Nouns after "error" that make it a thing, not a person's act: "an operator's
/// error message", "the engineer's error budget".
static THING_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:messages?|rates?|pages?|logs?|codes?|budgets?|handling|counts?|reports?|dialog|screen|output|tracking)\b")
        .expect("valid pattern")
});

/// Nouns after the person word that make it a tool's name: "an error from the
/// operator API", "a mistake by the on-call rotation tool".
static TOOL_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:api|service|pods?|console|dashboards?|tools?|tooling|scripts?|accounts?|panel|portal|cli|process|controller|sdk|library|role|interface|ui|page|queue|bot|job|runbook|rotation|schedule|pager|workflow|pipeline|image|binary)\b")
        .expect("valid pattern")
});

/// Words one of which a text needs for a mistake to be told of: "error" alone is
/// in most clean reports, so a word for a person is needed too ([`PERSON_WORDS`]).
/// One SIMD search a list, not a `contains` per word (bench/README.md, perf17).
static MISTAKE_WORDS: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "mistake",
        "slip",
        "oversight",
        "error",
        "blunder",
        "lapse",
        "misstep",
        "goof",
    ])
});

/// Words for a person, one of which a mistake's text needs (compiling
/// `MISTAKE_BY` for every text with "error" was a third of a one-file check).
static PERSON_WORDS: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "engineer",
        "operator",
        "develop",
        "dev",
        "admin",
        "employee",
        "staff",
        "member",
        "colleague",
        "on-call",
        "oncall",
        "on call",
        "sre",
        "contractor",
        "intern",
        "person",
        "people",
        "human",
        "someone",
        "somebody",
        "individual",
        "maintainer",
    ])
});

/// The places a person's mistake is named as the cause, as for [`on_names`].
fn mistakes_by(cx: &Context<'_>, node: &crate::tree::Node) -> Vec<(Span, String)> {
    let crate::tree::Value::String(value) = &node.value else {
        return Vec::new();
    };
    let lower = value.to_ascii_lowercase();
    if !MISTAKE_WORDS.is_match(&lower) {
        return Vec::new();
    }
    // Nor without a word for a person: "error" alone is in most clean reports, and
    // compiling MISTAKE_BY for them was a third of a one-file check.
    if !PERSON_WORDS.is_match(&lower) {
        return Vec::new();
    }
    let source = node.span.slice(cx.text);
    let mut placer = super::Placer::new(value, source, node.span.start);
    let mut found = Vec::new();
    for c in MISTAKE_BY.captures_iter(value) {
        let Some(whole) = c.get(0) else { continue };
        // "someone's"/"our" with no person noun: only "someone's"/"somebody's" name a person.
        if c.name("who").is_none() && c.name("who2").is_none() {
            let w = whole.as_str().to_ascii_lowercase();
            if !(w.starts_with("someone") || w.starts_with("somebody")) {
                continue;
            }
        }
        let after = &value[whole.end()..];
        let words = whole.as_str().to_ascii_lowercase();
        // "a human error by an engineer": the blame word is reported on its own.
        if ["human error", "operator error", "user error"]
            .iter()
            .any(|w| words.contains(w))
        {
            continue;
        }
        if c.name("possessive").is_some()
            || THING_AFTER.is_match(after)
            || (c.name("who").is_some() && TOOL_AFTER.is_match(after))
            || negated(&value[..whole.start()])
            || DENIED_AFTER.is_match(after)
            || asked(after)
        {
            continue;
        }
        let Some(span) = placer.place(whole.range()) else {
            continue;
        };
        if cx.masks().covers(span.start) {
            continue;
        }
        found.push((span, collapsed(whole.as_str())));
    }
    found
}

/// Words before "fault of" that make it the fault a blame phrase is (`it was the
/// fault of`, `not the fault of`, `entirely the fault of`).
const FAULT_LEADS: &[&str] = &[
    "the",
    "a",
    "an",
    "no",
    "not",
    "was",
    "is",
    "were",
    "are",
    "be",
    "been",
    "entirely",
    "all",
    "partly",
    "solely",
    "wholly",
    "fully",
    "mainly",
    "mostly",
    "our",
    "my",
    "his",
    "her",
    "their",
    "your",
    "its",
    "it's",
    "nobody's",
    "anyone's",
    "someone's",
];

/// Whether the text `before` "fault of" makes it a kind of fault (`the disk fault of
/// the export host`, `a power fault of the rack`): a noun of its own stands before
/// it, where the blame phrase has an article or a verb (`the fault of the engineer`).
fn kind_of_fault(before: &str) -> bool {
    let previous = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    !previous.is_empty()
        && previous.chars().all(|c| c.is_alphabetic() || c == '-')
        && !FAULT_LEADS.contains(&previous.as_str())
}

impl Rule for BlameWord {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut mistakes = Vec::new();
        for pattern in CAUSE.iter().chain(&[SUMMARY, SECTIONS]) {
            for (pointer, node) in texts(cx, pattern) {
                for (span, words) in mistakes_by(cx, node) {
                    mistakes.push((span, words, pointer.clone()));
                }
                for (span, words) in not_bothered(cx, node) {
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{words}` in {} judges a person", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what the person knew and what the process asked of them, and what did not catch the gap",
                        ),
                    );
                }
                for (span, words) in on_names(cx, node) {
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{words}` in {} puts the incident on a person", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what let the change through: what the person saw, and what did not stop or catch it",
                        ),
                    );
                }
            }
        }
        let first_word = out.len();
        self.blame_words(cx, out);
        // "A fat-finger mistake by the on-call engineer": the blame word is reported once.
        let words: Vec<Span> = out[first_word..].iter().map(|d| d.span).collect();
        for (span, phrase, pointer) in mistakes {
            if in_reported_speech(cx.text, span.start)
                || words
                    .iter()
                    .any(|w| w.start <= span.end && w.end + 2 >= span.start)
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!("`{phrase}` in {} puts the cause on a person's mistake", place_in(cx, &pointer)),
                )
                .with_help(
                    "describe the system condition that allowed the mistake: what made it easy to make, and what did not catch it",
                ),
            );
        }
    }
}

impl BlameWord {
    /// The words of the `blame` list.
    fn blame_words(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let blame = WordList::cached(&cx.config.words.blame);
        if !blame.may_match(cx) {
            return;
        }
        for pattern in CAUSE.iter().chain(&[SUMMARY, SECTIONS]) {
            for (pointer, node) in texts(cx, pattern) {
                for (span, words) in blame.find_in(cx, node) {
                    let after = &cx.text[span.end..node.span.end.max(span.end)];
                    let lower = words.to_ascii_lowercase();
                    if negated(&cx.text[node.span.start.min(span.start)..span.start])
                        || DENIED_AFTER.is_match(after)
                        || in_reported_speech(cx.text, span.start)
                        || asked(after)
                        || lower.ends_with("error") && THING_AFTER.is_match(after)
                        || lower == "fault of"
                            && kind_of_fault(
                                &cx.text[node.span.start.min(span.start).max(
                                    (span.start.saturating_sub(40)..=span.start)
                                        .find(|i| cx.text.is_char_boundary(*i))
                                        .unwrap_or(span.start),
                                )..span.start],
                            )
                    {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{words}` in {} blames a person", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe the system condition that allowed the mistake: what made it easy to make, and what did not catch it",
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check_with};

    #[test]
    fn finds_the_configured_words_in_the_summary_and_cause_sections_only() {
        let text = "title: t\nstatus: draft\nsummary: It was caused by human\n  error.\nimpact:\n  description: Users saw a user error page.\nroot_cause: >-\n  Operator\n  error and\n  CARELESSNESS.\ncontributing_factors:\n  - The fault of nobody\n";
        let found = |config: &Config| -> Vec<String> {
            check_with(text, Format::Yaml, config)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS403")
                .map(|d| d.span.slice(text).to_string())
                .collect()
        };
        assert_eq!(
            found(&Config::default()),
            [
                "human\n  error",
                "Operator\n  error",
                "CARELESSNESS",
                "fault of"
            ]
        );
        let mut config = Config::default();
        config.words.blame = vec!["nobody".into()];
        assert_eq!(found(&config), ["nobody"]);
    }

    /// A summary rules blame out as often as a root cause does, before or after
    /// the words; blame that is only qualified after them stays blame.
    #[test]
    fn blame_ruled_out_is_not_blame() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Summary\n\nWe ruled out operator\nerror early. Human error was quickly ruled out. Having excluded user error, we\nlooked at the load. Operator error is not the cause. Human error wasn't a factor.\n\n\
                  ## Root cause\n\nHuman error, not the missing lock, caused it. Operator error was the cause.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Human error", "Operator error"]);
    }

    #[test]
    fn a_denied_blaming_word_is_not_blame() {
        let text = "title: t\nstatus: draft\nroot_cause: >-\n  This was not a case of human error. We looked for the\n  conditions rather than operator error; no user error was involved.\n  Careless reviews let it through.\n";
        let found = crate::rules::spans_of("RS403", text, Format::Yaml);
        assert_eq!(found, ["Careless"]);
        // A denial a few words further back; a `but` turns it round.
        let text = "title: t\nstatus: draft\nroot_cause: >-\n  We don't think of this as human error. It was not the\n  alert but human error that let it through.\n";
        let found = crate::rules::spans_of("RS403", text, Format::Yaml);
        assert_eq!(found, ["human error"]);
    }

    /// The blame nouns as a family; "lazy" and "sloppy" describe code too.
    #[test]
    fn blame_nouns_as_a_family() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\nLaziness in review, an incompetent rollout and plain\nincompetence. Lazy loading of the sloppy regex cache is how it spread.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Laziness", "incompetent", "incompetence"]);
    }

    /// A question (a template's prompt) names no one; its answer may.
    #[test]
    fn a_question_is_not_blame_its_answer_may_be() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\n- Was it caused by human error, load or\n  something unknown?\n  - Human error. Sam removed the package.\n- Operator error? Not this time.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Human error"]);
    }

    /// A person said not to have bothered is judged; the writers' own "we didn't
    /// bother" judges no one else.
    #[test]
    fn a_person_said_not_to_have_bothered() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\nThis would not have happened if Liam had bothered to read the\nchecklist. We didn't bother to pin it either. She did not bother to test.\nThe runbook never bothered anyone.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Liam had bothered", "She did not bother"]);
    }

    /// "This one is on <Name>" puts the incident on a person; "on" a day, a month
    /// or a platform tells when or where.
    #[test]
    fn the_incident_put_on_a_named_person() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## What went wrong\n\nThis one is on Dmitri, who pushed the change. That one was on\nPriya. It was on Sam, who deployed it. It was on Tuesday, who knows why.\nThis is on GitHub. The outage was on Friday. This one is on me.\nThe incident is on March 3.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Dmitri", "Priya", "Sam"]);
        // "Down to" a name, as "on" one; down to a day is when.
        let md = "---\ntitle: t\nstatus: draft\n---\n## What went wrong\n\nHonestly, this one is down to Gareth, who signed it off.\nThe fix was down to Friday.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Gareth"]);
        // The name alone on the next line of a wrapped sentence.
        let md = "---\ntitle: t\nstatus: draft\n---\n## What went wrong\n\nThis one is on\nDmitri, who pushed the change.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["Dmitri"]);
    }

    /// A section without a field of its own tells the story too: a fat-finger
    /// there is blame; the tool that guards against one is a system condition.
    #[test]
    fn sections_of_their_own_are_read() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## The short version\n\nA fat-finger mistake by the on-call engineer deleted the\nproduction configuration.\n\n## Background\n\nThe CLI has no guard against a fat-finger, and nothing\nprotects against fat fingered input either.\n";
        let found: Vec<(String, String)> = check_with(md, Format::Markdown, &Config::default())
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS403")
            .map(|d| (d.span.slice(md).to_string(), d.message.clone()))
            .collect();
        assert_eq!(
            found,
            [(
                "fat-finger".to_string(),
                "`fat-finger` in the section \"The short version\" blames a person".to_string()
            )]
        );
    }

    /// The adverbs judge how someone acted as the nouns do.
    #[test]
    fn adverbs_that_judge_how_someone_acted_are_blame() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\n\
                  The contractor's operator carelessly ignored the locate markings, and a \
                  technician negligently skipped the check.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["carelessly", "negligently"]);
        let clean = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\nThe crossing was not marked, so the crew cut the cable.\n";
        assert!(crate::rules::spans_of("RS403", clean, Format::Markdown).is_empty());
    }

    /// Another party's statement, quoted or reported, is evidence, not the
    /// author's blame; the author's own words beside it still are.
    #[test]
    fn another_party_s_statement_is_not_blame() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## What went wrong\n\n\
                  The registry sent us a statement:\n\n> The removal was a human error on\n> our side during a clean-up.\n\n\
                  According to the hosting provider, operator error cut the feed. Their\nsupport wrote that \"a careless \
                  change by a contractor removed the route\". Our own review found carelessness in the runbook.\n";
        let found = crate::rules::spans_of("RS403", md, Format::Markdown);
        assert_eq!(found, ["carelessness"]);
    }

    #[test]
    fn points_at_the_words_in_markdown_and_json() {
        let spans = |text: &str, format: Format| -> Vec<String> {
            check_with(text, format, &Config::default())
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS403")
                .map(|d| d.span.slice(text).to_string())
                .collect()
        };
        let md = "---\ntitle: t\nstatus: draft\n---\n## Trigger\n\nA `human error` flag, then operator\nerror.\n\n## Lessons learned\n\n### What went wrong\n\n- Negligent review\n";
        assert_eq!(
            spans(md, Format::Markdown),
            ["operator\nerror", "Negligent"]
        );
        let json =
            r#"{"title": "t", "status": "draft", "trigger": "A \"user error\" in the form"}"#;
        assert_eq!(spans(json, Format::Json), ["user error"]);
    }

    #[test]
    fn a_person_s_mistake_but_not_a_tool_s() {
        let report =
            |cause: &str| format!("---\ntitle: t\nstatus: draft\n---\n## Root cause\n\n{cause}\n");
        for (cause, found) in [
            ("It was an error from the operator, who ran it twice.", 1),
            ("It was an error from the operator API.", 0),
            ("A mistake by the on-call rotation tool paged nobody.", 0),
            ("A mistake by the on-call engineer paged nobody.", 1),
            ("A mistake in the config paged nobody.", 0),
        ] {
            assert_eq!(
                crate::rules::spans_of("RS403", &report(cause), crate::Format::Markdown).len(),
                found,
                "{cause}"
            );
        }
    }
}
