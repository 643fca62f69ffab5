use crate::diagnostic::Diagnostic;
use crate::rules::words::{DESCRIPTIVE, SECTIONS, WordList, place_in, texts};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;

declare_rule! {
    /// Hindsight in a section that describes what happened: "should have caught",
    /// "could have prevented", "if only we had", "obviously should".
    ///
    /// ## Why
    /// "The engineer should have checked" describes a world that did not happen and
    /// judges with hindsight; "obviously" says the answer was easy to see, which it
    /// was not at the time. Describing what people saw and did, and why it made
    /// sense then, is what lets a review find the real causes.
    ///
    /// The words are the `counterfactual` list in the `[words]` table of
    /// `retrospec.toml` (default: should have, could have, would have, should've,
    /// could've, would've, ought to have, if only, failed to, obviously, simply,
    /// just, clearly), matched as whole words in the summary, impact, root cause,
    /// trigger, contributing factors, resolution, timeline entries, lessons and the
    /// sections without a field of their own (`## What went wrong and why?` in a
    /// report read as written), in prose only (not in code, quoted logs or mails, or URLs).
    /// An option the team weighed, told with why it was not taken (`we could have
    /// rolled back the release, but it also held a security fix`), describes a
    /// decision wherever it stands; so does what a system was built to do, said
    /// so (`By design the job should have waited for an active status`, `should
    /// have fired by design`). Another party's words, a customer's mail in a block
    /// quote led in as such (`One of the managers wrote to us:`, a blog editor's
    /// `<!-- wp:quote -->`) or a statement reported in a sentence, are evidence the
    /// report gives, not its authors' hindsight.
    /// A section of its own may be a newsletter item, a plan or the trade-offs
    /// weighed at the time, so there only
    /// hindsight about people (`the on-call should have paused it`, `we failed to`,
    /// `if only`) or after a hindsight marker (`with the benefit of hindsight, ...
    /// should have`) is reported; `the outage would have been caught by the new
    /// check` tells what a follow-up does.
    ///
    /// The built-in words are weighed as a reviewer would, since most of their uses
    /// describe:
    /// - "should/could/would have" is hindsight when what follows is something
    ///   people (or a safeguard) would have done or seen (`caught`, `prevented`,
    ///   `noticed`, `rolled back`, `escalated`) or when its subject is a person or
    ///   a team (`we should have run the tests`), also one described by what they
    ///   did or where they stood (`the engineer who deployed the certificate`,
    ///   `whoever moved the gateway`, `Dana, who rotated the key,`), or a common
    ///   given name alone (`Jonas should have spotted the change`), or the first
    ///   name of a person the report names as an author or owner (`Juho should
    ///   have spotted the alert`, Juho Lehtinen owning an item). It describes when it tells a
    ///   possible impact (`could have caused data loss`, `would have lasted
    ///   hours`, `users could have seen stale prices`) or what a system was meant
    ///   to do (`the backup should have run at 02:00`), and "have" followed by
    ///   what is had (`we should have more capacity`, `a second region`, any
    ///   word that cannot be a past participle: `we should have capacity for the
    ///   peak`) is a plan, not a past that did not happen. After a hindsight marker in its
    ///   sentence ("in retrospect", "in hindsight", "with hindsight", "looking
    ///   back") it is hindsight whatever its subject (`in retrospect, the limit
    ///   should have been sized for the peak`), unless it tells a possible impact.
    /// - "failed to" is hindsight only with a person or a team as its subject (`we
    ///   failed to page the owner`); a system that failed to do something is what
    ///   happened (`the resolver failed to resolve`), as is the past perfect (`we
    ///   had failed to renew it` tells what had happened by then).
    /// - "obviously" and "clearly" judge, except before a word of evidence (`the
    ///   logs clearly showed`, `clearly labelled`) or after a negation in the
    ///   three words before (`not obviously`, `nothing was obviously compromised`).
    /// - "just" and "simply" are "only" or "merely" (`it was just one replica`, `we
    ///   simply restarted it`) except in a past that did not happen (`could simply
    ///   have rolled back`) or beside a modal that says what people ought to do
    ///   (`should just wait`); beside a modal of what is possible they tell an
    ///   option (`users could simply retry`); beside a hindsight phrase only the
    ///   phrase is reported.
    /// - "if only" and "ought to have" are always hindsight; the "would have" that
    ///   completes an "if only" in its sentence is the same finding, not another.
    ///
    /// A bold label opening its line names what follows and is not read
    /// (`**What we could have done better:** ...`, `**Could this have been caught?**`).
    /// Words addressed to "you" (`You obviously should have tested it`, `though
    /// obviously you should never run that at peak`) are a commenter's or a
    /// customer's voice in a thread the report carries, not its own judgement, and
    /// a version's dot (`the 2.14 change`) ends no sentence a hindsight marker
    /// stands in.
    ///
    /// Words an organisation adds to the list are reported wherever they occur.
    /// In the lessons (what went well, what went wrong, lessons learned) a
    /// missing process or tool that would have helped is the lesson itself (`a
    /// documented decision point would have saved time`, `a canary could have
    /// caught it`): there, as in a section of its own, only hindsight about people
    /// (`the engineer should have noticed`, `we failed to page`, `if only`) or after
    /// a hindsight marker is reported; a person nobody was (`a second reviewer
    /// could have merged the fix sooner`, `another engineer`) is such a missing
    /// safeguard; judging adverbs are reported as anywhere.
    /// In the detection section only hindsight about people is reported (`we
    /// should have caught it`, `the on-call failed to`, `if only`): how detection
    /// could have been faster (`an alert on disk usage could have caught it`) is
    /// what the section is for.
    ///
    /// ## Example
    /// ```yaml
    /// title: Search index stale after a rebuild
    /// status: draft
    /// root_cause: The team should have paused writes during the rebuild.
    /// ```
    /// Use instead: `Writes continued during the rebuild because nothing paused them; the runbook does not mention writes.`
    pub struct Counterfactual = "RS404", "counterfactual", Info;
}

mod lists;
mod marked;
use marked::hindsight_marked;

use lists::{
    AFFECTED, DESCRIBED_BY, EVIDENCE, HINDSIGHT, IMPACT, IRREGULAR, MODALS, PEOPLE, POSSESSION,
};

/// Words after which "just" tells time or amount, not judgement.
const JUST_DESCRIPTIVE: &[&str] = &[
    "after", "before", "as", "when", "while", "now", "then", "over", "under", "below", "above",
    "past", "in", "about", "around", "shy", "once",
];

impl Rule for Counterfactual {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let words = WordList::cached(&cx.config.words.counterfactual);
        if !words.may_match(cx) {
            return;
        }
        let known = std::cell::OnceCell::new();
        for pattern in DESCRIPTIVE
            .iter()
            .chain(&["/detection/description", SECTIONS])
        {
            let detection = pattern.starts_with("/detection");
            let free = *pattern == SECTIONS;
            // What went wrong and what was learned: a missing process or tool that
            // would have helped is the lesson itself.
            let in_lessons = pattern.starts_with("/lessons/");
            for (pointer, node) in texts(cx, pattern) {
                // A section of its own headed as a lesson (`## What went wrong`,
                // `## Improvements`) is read as the lessons are.
                let lessons = in_lessons || (free && lesson_heading(cx, &pointer));
                let free = free && !lessons;
                let matches: Vec<(Span, String, Verdict)> = words
                    .find_in(cx, node)
                    .into_iter()
                    .map(|(span, found)| {
                        let before = &cx.text[node.span.start.min(span.start)..span.start];
                        let after = &cx.text[span.end..node.span.end.max(span.end)];
                        let mut verdict = judge(&found, before, after);
                        // How detection could have been faster is what the section
                        // is for: only hindsight about people is reported there.
                        if detection
                            && !(verdict == Verdict::Hindsight && about_people(&found, before))
                        {
                            verdict = Verdict::Describes;
                        }
                        // A section of its own may be a newsletter, a plan or the
                        // trade-offs weighed at the time: there only hindsight about
                        // people, or hindsight said out loud, is reported.
                        if lessons
                            && verdict == Verdict::Hindsight
                            && !(about_people(&found, before)
                                || people_as_subject(before)
                                || hindsight_marked(before))
                        {
                            verdict = Verdict::Describes;
                        }
                        if free
                            && !(verdict == Verdict::Hindsight
                                && (about_people(&found, before) || hindsight_marked(before)))
                        {
                            verdict = Verdict::Describes;
                        }
                        // A person this report names (`Juho should have spotted
                        // the alert`, Juho Lehtinen owning an action item) alone as
                        // the subject: judged, as a common given name is.
                        if verdict == Verdict::Describes
                            && judges_a_named_person(
                                &found,
                                before,
                                known.get_or_init(|| {
                                    crate::rules::person_in_cause::known_first_names(cx)
                                }),
                            )
                        {
                            verdict = Verdict::Hindsight;
                        }
                        // Another party's words, quoted or reported (a customer's
                        // mail under "One of the managers wrote to us:"): evidence
                        // the report gives, not its authors' hindsight.
                        if verdict != Verdict::Describes
                            && crate::rules::words::in_reported_speech(cx.text, span.start)
                        {
                            verdict = Verdict::Describes;
                        }
                        // A bold label names what follows (`**What we could have
                        // done better:**`).
                        if crate::rules::words::in_bold_label(
                            cx.text,
                            span,
                            cx.format == crate::parse::Format::Json,
                        ) {
                            verdict = Verdict::Describes;
                        }
                        (span, found, verdict)
                    })
                    .collect();
                // In text order, so neighbours are found by looking a few matches
                // either side and the last "if only" is the only one to remember:
                // comparing every pair was quadratic (minutes on a 10 MB value).
                let mut matches = matches;
                matches.sort_by_key(|(span, _, _)| (span.start, span.end));
                let mut if_only: Option<Span> = None;
                for (i, (span, found, verdict)) in matches.iter().enumerate() {
                    match verdict {
                        Verdict::Describes => continue,
                        // Beside a reported phrase (`obviously should have`): one finding.
                        // "Near" is at most 24 bytes apart, so only a few neighbours count.
                        Verdict::Adverb
                            if matches[i.saturating_sub(NEIGHBOURS)
                                ..matches.len().min(i + NEIGHBOURS + 1)]
                                .iter()
                                .any(|(other, _, v)| {
                                    other != span
                                        && *v == Verdict::Hindsight
                                        && near(cx.text, *span, *other)
                                }) =>
                        {
                            continue;
                        }
                        // The consequent of an "if only" (`if only we had tested it,
                        // we would have caught it`) is the same hindsight: one finding.
                        // The nearest earlier "if only" decides: a sentence mark after it
                        // is after every earlier one too.
                        Verdict::Hindsight
                            if if_only.is_some_and(|other| {
                                !cx.text
                                    .get(other.end..span.start)
                                    .unwrap_or(".")
                                    .contains(['.', '!', '?'])
                            }) =>
                        {
                            if found.to_lowercase().starts_with("if only") {
                                if_only = Some(*span);
                            }
                            continue;
                        }
                        Verdict::Adverb | Verdict::Hindsight => {}
                    }
                    if *verdict == Verdict::Hindsight && found.to_lowercase().starts_with("if only")
                    {
                        if_only = Some(*span);
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            *span,
                            format!("`{found}` in {} judges with hindsight instead of describing", place_in(cx, &pointer)),
                        )
                        .with_help(
                            "describe what happened and what people knew at the time, not what should or could have happened",
                        ),
                    );
                }
            }
        }
    }
}

/// How one match of the word list reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// It tells what happened, or what could have: not reported.
    Describes,
    /// A hindsight phrase.
    Hindsight,
    /// A judging adverb ("obviously", "just" beside a modal): reported unless a
    /// hindsight phrase beside it is.
    Adverb,
}

/// Whether two matches are in the same clause, a few words apart.
/// How many matches either side of an adverb can be [`near`] it: a match is at least
/// a word long and near is at most 24 bytes, so a handful.
const NEIGHBOURS: usize = 8;

fn near(text: &str, a: Span, b: Span) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    let between = text.get(first.end..second.start).unwrap_or("");
    between.len() <= 24 && !between.contains(['.', ';', ',', ':', '!', '?'])
}

/// Skipped when looking for the word a phrase is about: adverbs and particles.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "just"
            | "simply"
            | "also"
            | "already"
            | "even"
            | "then"
            | "all"
            | "only"
            | "still"
            | "much"
            | "at"
            | "least"
            | "so"
            | "probably"
            | "easily"
            | "really"
            | "actually"
            | "certainly"
            | "definitely"
            | "maybe"
            | "perhaps"
            | "never"
            | "ever"
            | "have"
            | "been"
    ) || (word.len() > 4 && word.ends_with("ly") && word != "only")
}

/// The words of `text` (letters, `-` and `'`), lowercased.
fn words_of(text: &str) -> Vec<String> {
    raw_words(text).map(str::to_lowercase).collect()
}

/// The words of `text` as [`words_of`] finds them, not lowercased, either way
/// round: a verdict needs a word or two next to the match, and lowercasing every
/// word of the clause for each match was most of a check of a long line full of
/// matches.
fn raw_words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| !w.is_empty())
}

/// Whether `word` lowercased is `lower` (ASCII lowercase), without allocating:
/// `word.to_lowercase() == lower`.
fn lowercase_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        // Only Σ lowercases differently inside a string, and never to ASCII.
        word.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

/// The subject of a match: the nearest word of the clause before it that is not an
/// adverb or "had" (empty when there is none).
fn subject_of(clause: &str) -> String {
    raw_words(clause)
        .rev()
        .map(str::to_lowercase)
        .find(|w| !filler(w) && w != "had")
        .unwrap_or_default()
}

/// The clause before a match: from the last sentence or clause mark (a line break
/// in a value is only folded whitespace), at most [`CLAUSE_LOOKBACK`] bytes.
fn clause_before(before: &str) -> &str {
    let mut from = before.len().saturating_sub(CLAUSE_LOOKBACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    before[from..]
        .rsplit(['.', ';', ',', '!', '?'])
        .next()
        .unwrap_or("")
}

/// The clause after a match, to the next sentence or clause mark.
fn clause_after(after: &str) -> &str {
    let mut to = after.len().min(CLAUSE_LOOKBACK);
    while !after.is_char_boundary(to) {
        to -= 1;
    }
    after[..to]
        .split(['.', ';', ',', '!', '?'])
        .next()
        .unwrap_or("")
}

/// How the match `found` reads, given the text of its value before and after it.
fn judge(found: &str, before: &str, after: &str) -> Verdict {
    let phrase = words_of(found).join(" ");
    let clause = clause_before(before);
    // The words of the clause before the match, nearest first, and after it.
    let earlier = raw_words(clause).rev().map(str::to_lowercase);
    let mut later = raw_words(clause_after(after)).map(str::to_lowercase);
    // The subject: the nearest word before the match that is not an adverb or "had".
    let subject = subject_of(clause);
    let subject = subject.as_str();
    let hindsight = |yes: bool| {
        if yes {
            Verdict::Hindsight
        } else {
            Verdict::Describes
        }
    };
    // Words addressed to "you" ("You obviously should have tested it", "though
    // obviously you should never run that at peak"): a commenter's or a
    // customer's voice in a thread the report carries, not its own judgement.
    let near_before: Vec<String> = raw_words(clause)
        .rev()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let next = raw_words(clause_after(after))
        .next()
        .map(str::to_lowercase)
        .unwrap_or_default();
    if near_before.iter().any(|w| w == "you") || next == "you" {
        return Verdict::Describes;
    }
    match phrase.as_str() {
        "should have" | "could have" | "would have" | "should've" | "could've" | "would've" => {
            if weighed_option(&phrase, subject, before, after) || by_design(clause, after) {
                return Verdict::Describes;
            }
            let verb = later.find(|w| !filler(w)).unwrap_or_default();
            let verb = verb.as_str();
            // `should have made the prefix an error`, `should have required a
            // review`: with a person or a hindsight marker, a thing people would
            // have done, not a possible impact.
            if phrase.starts_with("should")
                && DELIBERATE.contains(&verb)
                && (hindsight_marked(before)
                    || people_subject(clause, subject)
                    || after_who_clause(before))
            {
                return Verdict::Hindsight;
            }
            if IMPACT.contains(&verb) || POSSESSION.contains(&verb) || !participle(verb) {
                return Verdict::Describes;
            }
            if hindsight_marked(before) {
                return Verdict::Hindsight;
            }
            if !phrase.starts_with("should") && AFFECTED.contains(&subject) {
                return Verdict::Describes;
            }
            hindsight(
                HINDSIGHT.contains(&verb)
                    || people_subject(clause, subject)
                    || after_who_clause(before),
            )
        }
        "failed to" => hindsight(
            (people_subject(clause, subject) || after_who_clause(before)) && !past_perfect(before),
        ),
        "obviously" | "clearly" => {
            let next = later.next().unwrap_or_default();
            let negated = earlier.take(3).any(|w| NEGATIONS.contains(&w.as_str()));
            if negated || EVIDENCE.contains(&next.as_str()) {
                Verdict::Describes
            } else {
                Verdict::Adverb
            }
        }
        "just" | "simply" => {
            if phrase == "just" && descriptive_just(after) {
                return Verdict::Describes;
            }
            let modal = earlier.take(3).find(|w| MODALS.contains(&w.as_str()));
            let next: Vec<String> = later.take(2).collect();
            if simply_judges(modal.as_deref(), &next) {
                Verdict::Adverb
            } else {
                Verdict::Describes
            }
        }
        // "if only", "ought to have", and the organisation's own words.
        _ => Verdict::Hindsight,
    }
}

/// Words that deny what "obviously" or "clearly" qualifies when one of them stands
/// among the three words before it in its clause (`not obviously wrong`, `nothing
/// was obviously compromised`, `none of it clearly pointed`): a description of what
/// the evidence did not show, not a judgement that the answer was easy to see.
const NEGATIONS: &[&str] = &["not", "never", "nothing", "none", "nobody", "no", "neither"];

/// Whether "just" or "simply" judges, from the modal among the three words before
/// it and the two words after it. It judges in a past that did not happen (`could
/// simply have rolled back`, `simply have waited`) and beside a modal that tells
/// people what they ought to do (`should just wait`, `must simply restart`); beside
/// a modal of what is possible it tells an option (`users could simply retry`, `we
/// can just reload`), which is a description.
fn simply_judges(modal: Option<&str>, next: &[String]) -> bool {
    let have = next.iter().any(|w| w == "have");
    match modal {
        Some(modal) => have || matches!(modal, "should" | "must" | "ought"),
        None => next.first().is_some_and(|w| w == "have"),
    }
}

/// Whether "we could have ..." is an option the team weighed, told with why it
/// was not taken in the same sentence (`We could have rolled back the whole
/// release straight away, but it also contained a security fix`): a decision
/// described as it was made, not a past judged with hindsight, unless the
/// sentence says it looks back.
fn weighed_option(phrase: &str, subject: &str, before: &str, after: &str) -> bool {
    if !phrase.starts_with("could") || !matches!(subject, "we" | "i") || hindsight_marked(before) {
        return false;
    }
    let mut to = after.len().min(CLAUSE_LOOKBACK);
    while !after.is_char_boundary(to) {
        to -= 1;
    }
    let sentence = after[..to].split(['.', '!', '?', ';']).next().unwrap_or("");
    raw_words(sentence).any(|w| lowercase_is(w, "but"))
}

/// Whether the clause around a modal phrase says what a system was built to do
/// ("By design the job should have waited for ...", "the alert should have fired
/// by design once ...", "as designed, it should have retried"): the intended
/// behaviour, which the report contrasts with what happened, not a judgement.
fn by_design(clause: &str, after: &str) -> bool {
    let mut to = after.len().min(CLAUSE_LOOKBACK);
    while !after.is_char_boundary(to) {
        to -= 1;
    }
    let rest = after[..to]
        .split(['.', '!', '?', ';', ','])
        .next()
        .unwrap_or("");
    let lower = format!("{} {}", clause, rest).to_lowercase();
    [
        "by design",
        "as designed",
        "designed to",
        "per the design",
        "as intended",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// Whether `found` judges what people did: "should have", "ought to have" or
/// "failed to" with a person or a team as subject, or "if only".
fn about_people(found: &str, before: &str) -> bool {
    let phrase = words_of(found).join(" ");
    if phrase == "if only" {
        return true;
    }
    let judging = ["should have", "should've", "ought to have", "failed to"];
    let clause = clause_before(before);
    judging.contains(&phrase.as_str())
        && (people_subject(clause, &subject_of(clause)) || after_who_clause(before))
}

/// Whether the section of its own at `pointer` (`/sections/3/body`) is headed as
/// lessons: what was learned, what went wrong or well, what to improve, what to
/// do differently or next time.
fn lesson_heading(cx: &Context<'_>, pointer: &str) -> bool {
    let Some(title) = pointer
        .strip_prefix("/sections/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| cx.model.sections.get(i))
        .map(|s| s.title.to_lowercase())
    else {
        return false;
    };
    [
        "lesson",
        "learned",
        "learnt",
        "went wrong",
        "went well",
        "improvement",
        "what we could do better",
        "takeaway",
        "differently",
        "next time",
    ]
    .iter()
    .any(|w| title.contains(w))
}

/// Whether the subject of the clause before a match is a person or a team,
/// whatever the modal (`any engineer looking at the graph would have seen it`).
fn people_as_subject(before: &str) -> bool {
    let clause = clause_before(before);
    people_subject(clause, &subject_of(clause)) || after_who_clause(before)
}

/// Whether the match closes a sentence whose subject a `who` clause set off by
/// commas describes (`Dana, who deployed the certificate, should have checked`,
/// `The engineer on duty, who had paged twice, failed to escalate`): `who` is
/// said of people only. Nothing but blanks stands between the clause's closing
/// comma and the match.
fn after_who_clause(before: &str) -> bool {
    let mut from = before.len().saturating_sub(CLAUSE_LOOKBACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let sentence = before[from..]
        .rsplit(['.', '!', '?', ';'])
        .next()
        .unwrap_or("");
    let Some(head) = sentence.trim_end().strip_suffix(',') else {
        return false;
    };
    head.rsplit_once(',').is_some_and(|(subject, clause)| {
        !subject.trim().is_empty()
            && raw_words(clause)
                .next()
                .is_some_and(|w| lowercase_is(w, "who") || lowercase_is(w, "whoever"))
    })
}

/// Whether `found` is "should have" and its subject, alone after the clause's
/// opening (`Several attendees felt that Juho should have`), is the first name
/// of a person the report names (`known`, see
/// [`crate::rules::person_in_cause::known_first_names`]).
fn judges_a_named_person(found: &str, before: &str, known: &[String]) -> bool {
    let lower = found.to_ascii_lowercase();
    if known.is_empty() || !(lower.starts_with("should have") || lower.starts_with("should've")) {
        return false;
    }
    let clause = before.trim_end();
    let opening = [". ", ", ", "; ", ": ", " that ", "\n"]
        .iter()
        .filter_map(|m| clause.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    let subject = clause[opening..].trim_start_matches(['-', '*', ' ']);
    !subject.contains(char::is_whitespace) && known.iter().any(|k| k == subject)
}

/// Whether the subject of `clause` (the text before a match, to the last clause
/// mark) is a person or a team: its nearest word ([`subject_of`]) is one of
/// [`PEOPLE`], or the clause opens with a person described by what they did or
/// where they stood (`The engineer who deployed the certificate`, `The person
/// on call that night`, `Whoever moved the gateway to the shared script`): its
/// nearest word is then the end of the description, not the subject. Those who
/// bear an impact (`Customers who retried`) are not judged.
fn people_subject(clause: &str, subject: &str) -> bool {
    // A common given name alone as the clause's subject (`Jonas should have
    // spotted the change`): a person judged, as a role would be.
    let mut raw = raw_words(clause);
    if let (Some(only), None) = (raw.next(), raw.next())
        && crate::rules::person_in_cause::is_given_name(only)
    {
        return true;
    }
    if PEOPLE.contains(&subject) {
        return !hypothetical(clause, subject);
    }
    let mut words = raw_words(clause).map(str::to_lowercase);
    let Some(first) = words.next() else {
        return false;
    };
    if first == "whoever" {
        return true;
    }
    // `the`, `our`, `a` and up to two words before the head (`the on-call
    // engineer`, `our release manager`), then the word that opens the description.
    let mut head = first;
    if matches!(
        head.as_str(),
        "the" | "a" | "an" | "our" | "their" | "that" | "this" | "any" | "every"
    ) {
        let Some(next) = words.next() else {
            return false;
        };
        head = next;
    }
    for _ in 0..3 {
        let Some(next) = words.next() else {
            return false;
        };
        // `on-call engineer`: the head is the last of the words for people.
        if PEOPLE.contains(&head.as_str()) && !PEOPLE.contains(&next.as_str()) {
            return DESCRIBED_BY.contains(&next.as_str());
        }
        head = next;
    }
    false
}

/// Whether the person a clause ends on is one nobody was (`a second reviewer`,
/// `another engineer`, `an extra pair of eyes`): a missing safeguard, which is
/// the lesson itself (`we learned that a second reviewer could have merged the
/// fix sooner`), not someone judged. A person described by what they did (`an
/// engineer who was on call`) was there.
fn hypothetical(clause: &str, subject: &str) -> bool {
    let words: Vec<String> = raw_words(clause).map(str::to_lowercase).collect();
    let Some(at) = words.iter().rposition(|w| w == subject) else {
        return false;
    };
    let described = words[at + 1..]
        .iter()
        .any(|w| DESCRIBED_BY.contains(&w.as_str()));
    !described
        && words[at.saturating_sub(2)..at]
            .iter()
            .any(|w| matches!(w.as_str(), "a" | "an" | "another"))
}

/// Whether the word after "should/could/would have" can be a past participle
/// (`checked`, `caught`, `run`, `known`, `written`): then the phrase tells a past
/// that did not happen. Any other word (`capacity`, `headroom`, `alerts`) makes
/// "have" the verb of having: a wish or a plan (`we should have capacity for the
/// peak`). An empty word (the phrase ends the text) is left to the other tests.
fn participle(word: &str) -> bool {
    word.is_empty()
        || word.ends_with("ed")
        || word.ends_with("en")
        || word.ends_with("wn")
        || word.ends_with("ght")
        || HINDSIGHT.contains(&word)
        || IRREGULAR.contains(&word)
}

/// Words of [`IMPACT`] that are also what people do on purpose (`made`,
/// `required`, `blocked`): after "should have" with a person as subject or a
/// hindsight marker, they judge a choice, not tell an impact.
const DELIBERATE: &[&str] = &["made", "required", "blocked", "delayed", "taken", "deleted"];

/// Words that open a condition: "had" after them is a world that did not happen.
const CONDITION: &[&str] = &["if", "unless", "wish", "suppose", "supposing"];

/// Words that start a subject: "had we ...", "had the team ..." opens a condition
/// by inversion.
const SUBJECTS: &[&str] = &[
    "we", "i", "you", "they", "he", "she", "it", "the", "our", "anyone", "someone", "somebody",
    "anybody", "this", "that",
];

/// How far (bytes) a clause is looked for: a clause, not a paragraph.
const CLAUSE_LOOKBACK: usize = 200;

/// Whether "failed" is in the past perfect: right after "had" (one `-ly` adverb or
/// "already" may stand between), with no condition earlier in the clause (a
/// condition word, or "had" before a subject). `before` is the text of the same
/// value before the match.
fn past_perfect(before: &str) -> bool {
    let words = words_of(clause_before(before));
    let had_at = match words.as_slice() {
        [.., had] if had == "had" => words.len() - 1,
        [.., had, adverb] if had == "had" && (adverb.ends_with("ly") || adverb == "already") => {
            words.len() - 2
        }
        _ => return false,
    };
    let earlier = &words[..had_at];
    let condition = earlier.iter().any(|w| CONDITION.contains(&w.as_str()));
    let inverted = earlier
        .windows(2)
        .any(|w| w[0] == "had" && SUBJECTS.contains(&w[1].as_str()));
    !condition && !inverted
}

/// Whether the text after "just" makes it a word of time or amount.
fn descriptive_just(after: &str) -> bool {
    let next = after.trim_start();
    if next.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    JUST_DESCRIPTIVE.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use crate::Format;

    fn found(text: &str, format: Format) -> Vec<&str> {
        crate::rules::spans_of("RS404", text, format)
    }

    /// The findings in a root cause of one sentence.
    fn in_root_cause(sentence: &str) -> Vec<String> {
        let yaml = format!("title: t\nstatus: draft\nroot_cause: >-\n  {sentence}\n");
        found(&yaml, Format::Yaml)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// Realistic sentences of postmortems (written for this test), each with the
    /// words a reviewer would call hindsight in it. Both ways: description that must
    /// stay quiet, and hindsight that must be found.
    const SENTENCES: &[(&str, &[&str])] = &[
        // What a system was built to do, contrasted with what it did.
        (
            "By design the job should have waited for an active status before switching; that check was left out.",
            &[],
        ),
        (
            "The lag alert should have fired by design once lag passed ten minutes of messages.",
            &[],
        ),
        (
            "In hindsight, whoever wrote the purge script should have made the empty prefix an error.",
            &["should have"],
        ),
        // Description.
        (
            "We should have more headroom on the primary from next week.",
            &[],
        ),
        (
            "The job should have an owner; we should've had one before launch.",
            &["should've"],
        ),
        (
            "The resolver failed to resolve the database hostname after the restart.",
            &[],
        ),
        (
            "The dispatcher logs clearly showed the connection pool was exhausted.",
            &[],
        ),
        // What the evidence did not show, not a judgement.
        (
            "We audited every upload to the Kestrel channel; nothing was obviously tampered with.",
            &[],
        ),
        ("None of the graphs clearly pointed at the proxy.", &[]),
        (
            "The fix was obviously wrong, but nobody saw it.",
            &["obviously"],
        ),
        (
            "It was just one replica, out of five, that lagged behind.",
            &[],
        ),
        (
            "The bad config could have caused data loss if the queue had filled.",
            &[],
        ),
        (
            "Without the circuit breaker the outage could have spread to checkout.",
            &[],
        ),
        (
            "The certificate should have been renewed automatically by the cron job, but the job was disabled.",
            &[],
        ),
        (
            "The backup job should have run at 02:00 UTC but never started.",
            &[],
        ),
        (
            "The migration simply added a column and did not lock the table.",
            &[],
        ),
        ("We just restarted the pod and the errors stopped.", &[]),
        (
            "Clearly labelled dashboards helped the on-call find the failing shard.",
            &[],
        ),
        (
            "The health check failed to detect the hung worker because it only checked the port.",
            &[],
        ),
        (
            "Had the retry budget been larger, the outage would have lasted longer.",
            &[],
        ),
        (
            "The deploy tool failed to roll back because the previous image had been deleted.",
            &[],
        ),
        (
            "It would have taken hours to rebuild the index, so we restored the snapshot.",
            &[],
        ),
        (
            "The error rate just kept rising until the fallback took over.",
            &[],
        ),
        ("The job failed to acquire the lock and exited.", &[]),
        (
            "Requests that should have hit the cache went to the database instead.",
            &[],
        ),
        (
            "The alert could have fired for any of three reasons, so each was checked.",
            &[],
        ),
        ("Customers who just signed up saw empty dashboards.", &[]),
        (
            "Users could have seen stale prices for up to ten minutes.",
            &[],
        ),
        ("We had failed to renew the domain before it expired.", &[]),
        (
            "The runbook did not clearly say which cluster to drain.",
            &[],
        ),
        // Hindsight.
        (
            "The reviewer should have caught the missing index in code review.",
            &["should have"],
        ),
        (
            "We obviously should have rolled back first.",
            &["should have"],
        ),
        (
            "If only we had tested the failover in staging, none of this would have happened.",
            &["If only"],
        ),
        (
            "If only the alert had gone to the right team, we would have acted sooner.",
            &["If only"],
        ),
        (
            "A canary deployment could have prevented this outage.",
            &["could have"],
        ),
        (
            "The on-call engineer should have escalated sooner.",
            &["should have"],
        ),
        (
            "Better load testing would have caught the regression before release.",
            &["would have"],
        ),
        ("The team failed to follow the runbook.", &["failed to"]),
        (
            "Anyone reading the graph could have seen the leak building for days.",
            &["could have"],
        ),
        (
            "It was obviously a mistake to deploy on a Friday.",
            &["obviously"],
        ),
        (
            "They could have just waited for the batch to finish.",
            &["could have"],
        ),
        (
            "Had we checked the disk usage, we would have noticed the growth.",
            &["would have"],
        ),
        (
            "The engineer simply should have waited for the migration.",
            &["should have"],
        ),
        (
            "We should have known that the flag was shared by both services.",
            &["should have"],
        ),
        (
            "In hindsight, the on-call could have asked for help earlier.",
            &["could have"],
        ),
        // Words addressed to "you": a commenter's voice, not the report's.
        (
            "You obviously should have tested the secret in a lab first.",
            &[],
        ),
        (
            "Respect for owning it. Though obviously you should never run a migration at 9 AM.",
            &[],
        ),
        // A version's dot ends no sentence: the marker still stands before it.
        (
            "In hindsight, the reviewer of the 2.14 change should have spotted the zero TTL.",
            &["should have"],
        ),
        ("Ops should've paused the deploy.", &["should've"]),
        (
            "We ought to have drained the node before the upgrade.",
            &["ought to have"],
        ),
        (
            "The operator could simply have restarted the primary.",
            &["simply"],
        ),
        // Hindsight markers: the modal phrase after them judges, whatever its
        // subject; an impact stays a description.
        (
            "In retrospect, the engineer who approved the change should have spotted the low limit.",
            &["should have"],
        ),
        (
            "Looking back, the connection limit should have been sized for the peak.",
            &["should have"],
        ),
        (
            "With hindsight the rollout could have been staged by zone.",
            &["could have"],
        ),
        (
            "In hindsight, the outage could have lasted far longer without the fallback.",
            &[],
        ),
        (
            "The limit should have been raised by the autoscaler. Looking back at the graphs, it was not.",
            &[],
        ),
        (
            "If we had tested the failover, we would have caught this before launch.",
            &["would have"],
        ),
    ];

    /// RS404 is right on at least 9 of 10 of its findings over [`SENTENCES`], and
    /// finds each listed phrase: the rule's precision on realistic text.
    #[test]
    fn judges_hindsight_not_description() {
        let (mut right, mut wrong, mut missed) = (0usize, Vec::new(), Vec::new());
        for (sentence, want) in SENTENCES {
            let got = in_root_cause(sentence);
            for g in &got {
                if want.iter().any(|w| g == w) {
                    right += 1;
                } else {
                    wrong.push(format!("{sentence} -> {g}"));
                }
            }
            for w in *want {
                if !got.iter().any(|g| g == w) {
                    missed.push(format!("{sentence} -> {w}"));
                }
            }
        }
        assert!(SENTENCES.len() >= 20);
        assert!(
            wrong.is_empty() && missed.is_empty(),
            "{right} right; wrong: {wrong:#?}; missed: {missed:#?}"
        );
    }

    /// "should have made/required/blocked ..." after a hindsight marker or with a
    /// person as subject judges a choice; with a system as subject, or as "could/
    /// would have made" (a possible impact), it does not.
    #[test]
    fn should_have_made_by_a_person_is_hindsight() {
        for sentence in [
            "In hindsight, whoever wrote the purge script should have made the empty prefix an error.",
            "The engineer who merged it should have required a second review.",
            "Looking back, we should have blocked the deploy until the canary passed.",
        ] {
            assert_eq!(in_root_cause(sentence), ["should have"], "{sentence}");
        }
        for sentence in [
            "The nightly job should have made a backup at 02:00, but the disk was full.",
            "A second purge could have made the outage much longer.",
            "Retrying would have made the backlog worse.",
        ] {
            assert!(in_root_cause(sentence).is_empty(), "{sentence}");
        }
    }

    /// A section without a field of its own tells what happened too; a chat log
    /// quoted in one is evidence, not the author's words.
    #[test]
    fn reads_sections_of_their_own() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## What went wrong and why?\n\nIn retrospect, the reviewer should have\nspotted the limit.\n\n## From the channel\n\n> **10:02** sam: we should have caught this\n";
        assert_eq!(found(md, Format::Markdown), ["should have"]);
        let messages: Vec<String> = crate::check(md, Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS404")
            .map(|d| d.message)
            .collect();
        assert_eq!(
            messages,
            [
                "`should have` in the section \"What went wrong and why?\" judges with hindsight instead of describing"
            ]
        );
    }

    /// A section of its own may be a newsletter, a plan or a trade-off weighed at
    /// the time: only hindsight about people, or said out loud, is reported there.
    #[test]
    fn sections_of_their_own_report_hindsight_about_people_only() {
        let md = "---
title: t
status: draft
---
## Response

We could have restarted faster, but that
could have slowed every request. The outage would have been caught by
the new probe, which shipped on Friday.

## Looking at it again

With the benefit of hindsight, the on-call engineer should have paused
the consumer. The duty manager should have paged the owner.
";
        assert_eq!(found(md, Format::Markdown), ["should have", "should have"]);
        // The same sentences in the root cause: there what a safeguard would have
        // caught is hindsight.
        let root = md.replace("## Response", "## Root cause");
        // "We could have restarted faster, but ..." is an option weighed at the
        // time wherever it stands.
        assert_eq!(
            found(&root, Format::Markdown),
            ["would have", "should have", "should have"]
        );
    }

    /// A person described by what they did or where they stood is still the
    /// subject: hindsight about them is reported in a section of its own too.
    /// What a process or a test should have caught is reported only where the
    /// section describes what happened; an impact, a possession and a future
    /// "should" are not hindsight.
    #[test]
    fn people_described_by_what_they_did() {
        let section = |sentence: &str| {
            let md = format!(
                "---\ntitle: t\nstatus: draft\n---\n## Why the replica was missed\n\n{sentence}\n"
            );
            found(&md, Format::Markdown)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        for sentence in [
            "The engineer who rotated the key should have updated both regions.",
            "The person on call that night should have paged storage.",
            "Whoever moved the proxy to the shared script should have read its flags.",
            "The release manager in charge of the train should have held it.",
            "Our on-call engineer who took the page failed to escalate.",
            "The team that owns the gateway should have kept the list current.",
            "Dana Reyes, who rotated the key, should have updated both regions.",
            "The engineer on duty, who had been paged twice, failed to escalate.",
        ] {
            let want = if sentence.contains("failed to") {
                "failed to"
            } else {
                "should have"
            };
            assert_eq!(section(sentence), [want], "{sentence}");
        }
        for sentence in [
            "The job that the engineer started should have finished by 04:00.",
            "Customers who retried should have seen a 503.",
            "The migration should have no impact on readers.",
            "We should have capacity for the peak after the upgrade.",
            "The new probe should catch the next expiry.",
            "The expiry should have been caught by the certificate test.",
            "Who should have received the page is still open.",
            "The old script, which ran nightly, should have rotated the key.",
            "Dana Reyes, who rotated the key, said the second region should have updated itself.",
        ] {
            assert!(section(sentence).is_empty(), "{sentence}");
        }
        // Where the section describes what happened, a process that should have
        // caught it is hindsight (about the process); an impact is not.
        assert_eq!(
            in_root_cause("The expiry should have been caught by the certificate test."),
            ["should have"]
        );
        assert!(in_root_cause("The migration should have no impact on readers.").is_empty());
    }

    /// A missing process or tool in the lessons is the lesson; judging people is
    /// hindsight there too.
    #[test]
    fn lessons_report_hindsight_about_people_only() {
        let lessons = |heading: &str, sentence: &str| {
            let md = format!("---\ntitle: t\nstatus: draft\n---\n## {heading}\n\n- {sentence}\n");
            found(&md, Format::Markdown)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        for heading in [
            "Lessons learned",
            "What went wrong",
            "Improvements",
            "What we would do differently",
        ] {
            for sentence in [
                "A written decision point for roll back or restore would have saved time.",
                "A canary stage could have caught the bad bundle before it reached live.",
                "An alert on replication lag would have shown the stale standby weeks ago.",
            ] {
                assert!(
                    lessons(heading, sentence).is_empty(),
                    "{heading}: {sentence}"
                );
            }
            for sentence in [
                "The engineer should have noticed the version mismatch.",
                "We failed to page the database owner.",
                "In hindsight, the bundle should have been tested on live.",
                "Any engineer looking at the lag graph would have seen the standby fall behind.",
                "The on-call engineer could have rolled back sooner.",
                // A common given name alone as the subject is a person judged.
                "Jonas should have spotted the pool default in the release notes.",
                "Support obviously should have posted before replying to tickets.",
            ] {
                assert_eq!(lessons(heading, sentence).len(), 1, "{heading}: {sentence}");
            }
            // A name in a longer subject is not the one judged; a tool's name is
            // no given name.
            for sentence in [
                "The fix from Jonas should have gone out with the release.",
                "Kubernetes should have restarted the pod.",
            ] {
                assert!(
                    lessons(heading, sentence).is_empty(),
                    "{heading}: {sentence}"
                );
            }
        }
        // In the root cause the same tool sentence is still hindsight.
        assert_eq!(
            in_root_cause("A canary stage could have caught the bad bundle."),
            ["could have"]
        );
    }

    /// A first name the report gives a person (an action item's owner) alone as
    /// the subject is judged, as a common given name is; the same word as no
    /// one's name is not.
    #[test]
    fn a_person_the_report_names_should_have() {
        let report = |owner: &str| {
            format!(
                "# Review\n\n## Summary\n\nInvoices were late.\n\n## Discussion\n\n\
                 - Several attendees felt that Juho should have spotted the OOM alert.\n\n\
                 ## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Page on OOM | {owner} | 2025-02-27 |\n"
            )
        };
        let named = report("Juho Lehtinen");
        assert_eq!(
            crate::rules::spans_of("RS404", &named, Format::Markdown),
            ["should have"]
        );
        let unnamed = report("Sanna Virtanen");
        assert!(crate::rules::spans_of("RS404", &unnamed, Format::Markdown).is_empty());
    }

    #[test]
    fn finds_words_in_descriptive_sections_only() {
        let md = "---\ntitle: t\nstatus: draft\n---\nJust after 10:00 the queue filled; it just\nworked again at just 10:05.\n\n\
                  ## Detection\n\nAn alert could have caught it sooner. We should have caught it.\n\n## Timeline\n\n- 2024-01-01 10:00 UTC We could simply\n  have restarted it\n\n\
                  ## Lessons learned\n\n### What went wrong\n\n- We failed to page the owner\n";
        assert_eq!(
            found(md, Format::Markdown),
            ["should have", "simply", "failed to"]
        );
        let json = r#"{"title": "t", "status": "draft", "impact": {"description": "Obviously bad; it should\nhave paged."}}"#;
        assert_eq!(found(json, Format::Json), ["Obviously"]);
    }

    /// In the lessons a person nobody was (`a second reviewer`) is a missing
    /// safeguard, the lesson itself; a person who was there is judged.
    #[test]
    fn a_hypothetical_person_in_the_lessons_is_the_lesson() {
        let md = |line: &str| {
            format!("---\ntitle: t\nstatus: draft\n---\nText.\n\n## Lessons learned\n\n{line}\n")
        };
        for line in [
            "We learned that a second reviewer could have merged the fix sooner, so we now rotate reviewers.",
            "An extra reviewer should have checked the migration.",
        ] {
            assert!(found(&md(line), Format::Markdown).is_empty(), "{line}");
        }
        for line in [
            "The reviewer should have merged the fix sooner.",
            "An engineer who was on call should have paused the rollout.",
        ] {
            assert_eq!(
                found(&md(line), Format::Markdown),
                ["should have"],
                "{line}"
            );
        }
    }

    /// An option weighed at the time, with its reason after "but", is a decision
    /// described; without the reason it is hindsight where the narrative is.
    #[test]
    fn an_option_weighed_with_its_reason_is_a_decision() {
        let md = |section: &str, line: &str| {
            format!("---\ntitle: t\nstatus: draft\n---\nText.\n\n## {section}\n\n{line}\n")
        };
        let weighed = "We could have rolled back the whole release straight away, but it also contained a security fix.";
        for section in ["What went wrong", "Root cause", "Resolution"] {
            assert!(
                found(&md(section, weighed), Format::Markdown).is_empty(),
                "{section}"
            );
        }
        assert_eq!(
            found(
                &md("Root cause", "We could have rolled back sooner."),
                Format::Markdown
            ),
            ["could have"]
        );
        assert_eq!(
            found(
                &md(
                    "Root cause",
                    "In hindsight we could have rolled back, but nobody asked."
                ),
                Format::Markdown
            ),
            ["could have"]
        );
    }

    /// "just"/"simply" beside a modal of what is possible tells an option (a real
    /// status page: failed saves showed an error, "so users could simply retry").
    #[test]
    fn simply_after_a_modal_of_what_is_possible_is_an_option() {
        for text in [
            "No data was lost: a failed save showed an error, so users could simply retry.",
            "Customers can just reload the page.",
            "We might simply restart the pods next time.",
        ] {
            let yaml = format!("title: t\nstatus: draft\nimpact:\n  description: {text}\n");
            assert!(found(&yaml, Format::Yaml).is_empty(), "{text}");
        }
        for (text, word) in [
            (
                "The on-call could simply have restarted the pods.",
                "simply",
            ),
            ("The on-call should just wait for the replica.", "just"),
        ] {
            let yaml = format!("title: t\nstatus: draft\nimpact:\n  description: {text}\n");
            assert_eq!(found(&yaml, Format::Yaml), [word], "{text}");
        }
    }

    /// "had failed to" tells what had happened by then (seed 002: the monitor "had
    /// failed to come back up automatically"); in a condition it is counterfactual.
    #[test]
    fn past_perfect_failed_is_description_and_conditions_are_not() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It had been taken out of production and had failed to come back up automatically.",
                &[],
            ),
            ("The team had already failed to start it.", &[]),
            ("We had\n  repeatedly failed to run it.", &[]),
            ("We failed to page the owner.", &["failed to"]),
            (
                "If the team had failed to start it, nobody knew.",
                &["failed to"],
            ),
            (
                "Unless we had silently failed to restart it, we were fine.",
                &["failed to"],
            ),
            ("Had we failed to page, it stayed unseen.", &["failed to"]),
            (
                "It had failed to start, and we should have seen it.",
                &["should have"],
            ),
        ];
        for (summary, want) in cases {
            assert_eq!(in_root_cause(summary), *want, "{summary}");
        }
    }

    #[test]
    fn points_at_the_words_in_yaml() {
        let yaml = "title: t\nstatus: draft\ntimeline:\n  - time: 2024-01-01 10:00 UTC\n    text: 'We could\n      have paged'\nlessons:\n  got_lucky:\n    - It was clearly a quiet day\n";
        assert_eq!(found(yaml, Format::Yaml), ["could\n      have", "clearly"]);
    }
}

/// The verdict functions as they were before they stopped lowercasing every word
/// of the clause for each match, held to the new ones.
#[cfg(test)]
mod same_as_before {
    use super::*;
    use proptest::prelude::*;

    fn old_judge(found: &str, before: &str, after: &str) -> Verdict {
        let phrase = words_of(found).join(" ");
        let earlier = words_of(clause_before(before));
        let later = words_of(clause_after(after));
        let subject = earlier
            .iter()
            .rev()
            .find(|w| !filler(w) && *w != "had")
            .map_or("", String::as_str);
        let hindsight = |yes: bool| {
            if yes {
                Verdict::Hindsight
            } else {
                Verdict::Describes
            }
        };
        match phrase.as_str() {
            "should have" | "could have" | "would have" | "should've" | "could've" | "would've" => {
                // Shared with the rule: added after the rewrite this oracle checks.
                if weighed_option(&phrase, subject, before, after) {
                    return Verdict::Describes;
                }
                let verb = later.iter().find(|w| !filler(w)).map_or("", String::as_str);
                // Shared with the rule: added after the rewrite this oracle checks.
                if IMPACT.contains(&verb) || POSSESSION.contains(&verb) || !participle(verb) {
                    return Verdict::Describes;
                }
                if old_hindsight_marked(before) {
                    return Verdict::Hindsight;
                }
                if !phrase.starts_with("should") && AFFECTED.contains(&subject) {
                    return Verdict::Describes;
                }
                hindsight(
                    HINDSIGHT.contains(&verb)
                        || super::people_subject(clause_before(before), subject)
                        || super::after_who_clause(before),
                )
            }
            "failed to" => hindsight(
                (super::people_subject(clause_before(before), subject)
                    || super::after_who_clause(before))
                    && !past_perfect(before),
            ),
            "obviously" | "clearly" => {
                let next = later.first().map_or("", String::as_str);
                let negated = earlier
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| NEGATIONS.contains(&w.as_str()));
                if negated || EVIDENCE.contains(&next) {
                    Verdict::Describes
                } else {
                    Verdict::Adverb
                }
            }
            "just" | "simply" => {
                if phrase == "just" && descriptive_just(after) {
                    return Verdict::Describes;
                }
                let modal = earlier
                    .iter()
                    .rev()
                    .take(3)
                    .find(|w| MODALS.contains(&w.as_str()));
                // Shared with the rule: added after the rewrite this oracle checks.
                let next: Vec<String> = later.iter().take(2).cloned().collect();
                if simply_judges(modal.map(String::as_str), &next) {
                    Verdict::Adverb
                } else {
                    Verdict::Describes
                }
            }
            _ => Verdict::Hindsight,
        }
    }

    fn old_hindsight_marked(before: &str) -> bool {
        let mut from = before.len().saturating_sub(CLAUSE_LOOKBACK);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        // Where the sentence starts was changed after the rewrite this oracle
        // checks (a version's dot ends none); it is shared.
        let sentence = super::marked::last_sentence(&before[from..]);
        let words = words_of(sentence);
        words
            .iter()
            .any(|w| matches!(w.as_str(), "retrospect" | "hindsight" | "retrospectively"))
            || words
                .windows(2)
                .any(|w| w[0] == "looking" && w[1] == "back")
    }

    fn old_about_people(found: &str, before: &str) -> bool {
        let phrase = words_of(found).join(" ");
        if phrase == "if only" {
            return true;
        }
        let judging = ["should have", "should've", "ought to have", "failed to"];
        let subject = words_of(clause_before(before))
            .into_iter()
            .rev()
            .find(|w| !filler(w) && w != "had");
        // The person described by what they did (`The engineer who deployed it`)
        // was added after the rewrite this oracle checks; it is shared.
        judging.contains(&phrase.as_str())
            && (super::people_subject(clause_before(before), subject.as_deref().unwrap_or(""))
                || super::after_who_clause(before))
    }

    const FOUND: &[&str] = &[
        "should have",
        "Could\n  have",
        "would've",
        "failed to",
        "obviously",
        "Clearly",
        "just",
        "simply",
        "if only",
        "ought to have",
        "hoped",
    ];

    fn agree(found: &str, before: &str, after: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(judge(found, before, after), old_judge(found, before, after));
        prop_assert_eq!(hindsight_marked(before), old_hindsight_marked(before));
        prop_assert_eq!(about_people(found, before), old_about_people(found, before));
        Ok(())
    }

    #[test]
    fn agrees_on_edges() {
        for before in [
            "",
            "In hindsight we",
            "LOOKING BACK, the team",
            "loo\u{212A}ing bac\u{212A} the on-call",
            "In h\u{130}ndsight we",
            "ΣΣ we had not",
            "if we had only",
            "the database had already",
            "'we' -the- team",
        ] {
            for after in [
                "",
                " caught it",
                " CAUSED loss",
                " have more",
                " 5 minutes",
                " showed it",
            ] {
                for found in FOUND {
                    if let Err(e) = agree(found, before, after) {
                        panic!("{found:?} after {before:?} before {after:?}: {e}");
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_old_verdicts(
            before in r"((we|We|the|team|on-call|database|had|had not|not|never|if|In|hindsight|Hindsight|retrospect|RETROSPECTIVELY|looking|Looking|back|BAC\u{212A}|loo\u{212A}ing|simply|really|already|could|should|just|Σ|café|'we'|-it-|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)[ .,;!?\n'-]{1,2}){0,40}",
            after in r"([ .,;!?\n]{1,2}(caught|caused|have|more|showed|Labelled|not|just|5|after|the|team|loss|hours|rolled|back)){0,6}",
            found in proptest::sample::select(FOUND),
        ) {
            agree(found, &before, &after)?;
        }
    }

    /// Another party's words in a block quote led in as such ("One of the
    /// managers wrote to us:", a blog editor's `<!-- wp:quote -->`): evidence,
    /// not the authors' hindsight. The authors' own sentence after it still is.
    #[test]
    fn a_quoted_customer_is_not_the_authors_hindsight() {
        for lead in [
            "One of the restaurant managers wrote to us that evening:",
            "<!-- wp:quote -->",
        ] {
            let md = format!(
                "---\ntitle: t\nstatus: draft\n---\n## Detection\n\nSupport took the calls.\n\n## What went wrong\n\n{lead}\n> You should have warned us before the guests arrived.\n\nIn hindsight we should have tested the canary in every region.\n"
            );
            assert_eq!(
                crate::rules::spans_of("RS404", &md, crate::Format::Markdown),
                ["should have"],
                "{lead}"
            );
        }
    }
}
