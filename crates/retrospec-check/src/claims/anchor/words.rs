//! An anchor named by its own words ([`Words`]), and the crude stemming its
//! words and a place's are compared by.

use std::sync::LazyLock;

use super::noun;
use super::stem::{stem, stems, synonym};
use crate::lean::Lean;

/// An anchor named by its own words: "the first bad response", "the first
/// growth of the lag", "the first ticket arrived".
#[derive(Debug)]
pub(in crate::claims) struct Words {
    /// The words as written.
    pub(in crate::claims) text: String,
    stems: Vec<String>,
    head: String,
    /// The words say "first" (or "initial", "earliest").
    pub(in crate::claims) first: bool,
    /// Read by [`Words::loose`]: the head (the verb when there is one) and at
    /// least half of the words, two at least, are needed, not all of them.
    loose: bool,
    /// The head is the clause's verb ("confirmed", "raised"), not a noun.
    verb_head: bool,
}

/// Verbs that link a noun to its new state in an anchor ("the array going
/// read-only", "the disk became full", "the primary went read-only").
const LINKING: &[&str] = &[
    "going", "becoming", "turning", "getting", "falling", "went", "became", "turned", "goes",
    "becomes", "turns",
];

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "their",
    "its",
    "his",
    "her",
    "my",
    "your",
    "this",
    "that",
    "of",
    "to",
    "in",
    "on",
    "for",
    "first",
    "initial",
    "earliest",
    "very",
    "was",
    "were",
    "is",
    "had",
    "has",
    "been",
    "we",
    "it",
    "they",
    "any",
    "some",
    "from",
    // The writer's judgement of the event, not its words in an entry ("the bad
    // alias swap" is the entry "Job swaps alias").
    "bad",
    "faulty",
    "offending",
    "problematic",
    "fateful",
    "unfortunate",
    "botched",
    "premature",
];

/// A verb that ends an anchor ("the first ticket arrived"): the event is the noun's.
static TRAILING_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\s+(?:was\s+|were\s+|had\s+|got\s+)?(?:[a-z]+ed|came(?:\s+in)?|went\s+(?:out|live|off)|began|begun|fired|arrived|landed|hit|appeared)$")
        .expect("the pattern is valid")
});
static NOUN_PHRASE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:the|our|its|their|my|his|her|your|[a-z][a-z0-9-]*(?:'s|’s))\s+[a-z0-9][a-z0-9-]*(?:\s+[a-z0-9][a-z0-9-]*){0,5}$")
        .expect("the pattern is valid")
});

impl Words {
    /// The words of `anchor` (a noun phrase after "after", "once", "from", led by
    /// an article, a possessive pronoun or an owner's name, "Corvid's change"), or
    /// `None` when they are not one.
    pub(in crate::claims) fn parse(anchor: &str) -> Option<Words> {
        let anchor = anchor.trim();
        if !NOUN_PHRASE.is_match(anchor) {
            return None;
        }
        // A possessive names its owner ("Corvid's change" is Corvid's).
        let mut tokens: Vec<String> = anchor
            .split_whitespace()
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
            .map(str::to_ascii_lowercase)
            .collect();
        // A failure is the event, not the noun's first mention: "the export first
        // failed" is the entry where the export fails, not where it starts.
        let failing = tokens.last().is_some_and(|t| {
            matches!(
                t.as_str(),
                "failed" | "crashed" | "errored" | "stalled" | "stopped" | "died" | "broke"
            )
        });
        if let Some(m) = TRAILING_VERB.find(anchor)
            && !failing
            && anchor[..m.start()].split_whitespace().count() >= 2
        {
            tokens.truncate(anchor[..m.start()].split_whitespace().count());
        }
        // "the bad alias swap": of several swaps, the one that did the harm came
        // before those that mended it.
        let first = tokens.iter().any(|t| {
            matches!(
                t.as_str(),
                "first" | "initial" | "earliest" | "bad" | "faulty" | "botched" | "broken"
            )
        });
        let of = tokens.iter().position(|t| t == "of");
        // "the array going read-only": the noun's change of state; the noun is
        // the head, the linking verb no word an entry needs.
        let linking = tokens.iter().position(|t| LINKING.contains(&t.as_str()));
        let head = match (of, linking) {
            (_, Some(i)) if i > 0 && !STOP.contains(&tokens[i - 1].as_str()) => {
                tokens[i - 1].clone()
            }
            (Some(i), _) if i > 0 && !STOP.contains(&tokens[i - 1].as_str()) => {
                tokens[i - 1].clone()
            }
            _ => tokens
                .iter()
                .rfind(|t| !STOP.contains(&t.as_str()))?
                .clone(),
        };
        // Words are compared as the entries' are split: "read-only" is "read" and "only".
        let content = content_words(&tokens, |t| LINKING.contains(&t));
        let head = head
            .split(|c: char| !c.is_ascii_alphanumeric())
            .rfind(|w| !w.is_empty())?
            .to_string();
        if content.is_empty() || content.len() > 4 {
            return None;
        }
        Some(Words {
            text: anchor.to_string(),
            stems: content.iter().map(|t| stem(t)).collect(),
            head: stem(&head),
            first,
            loose: false,
            verb_head: false,
        })
    }

    /// The words of a claim's own clause that names no event by its verb ("most
    /// customer servers were back", "we started the restore from object
    /// storage"): two to four words once articles, pronouns, auxiliaries and
    /// quantifiers are left out, each needed in the place that names it. `None`
    /// for a clause with a number or a clock time, or with more or fewer words.
    pub(in crate::claims) fn clause(text: &str) -> Option<Words> {
        const LEFT_OUT: &[&str] = &[
            "are", "be", "being", "have", "got", "gets", "most", "all", "every", "each", "many",
            "several", "few", "finally", "then", "also", "again", "only", "just", "fully", "i",
            "he", "she", "us", "them", "and", "with", "by", "at", "as", "so",
        ];
        let text = text.trim_start_matches(|c: char| c.is_whitespace() || "-*+>".contains(c));
        if text.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // A possessive names its owner ("Corvid's change" is Corvid's).
        let tokens: Vec<String> = text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '\'')
            .map(|w| w.strip_suffix("'s").unwrap_or(w))
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let mut content = content_words(&tokens, |t| LEFT_OUT.contains(&t));
        // "The first viewer-facing errors came": the errors' appearance, which
        // an entry names by the noun alone ("First viewer-facing errors: ...").
        if content.len() >= 3
            && content
                .last()
                .is_some_and(|w| matches!(w.as_str(), "came" | "appeared" | "arrived" | "showed"))
        {
            content.pop();
        }
        if !(2..=4).contains(&content.len()) {
            return None;
        }
        let head = stem(content.last()?);
        Some(Words {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            stems: content.iter().map(|t| stem(t)).collect(),
            head,
            first: tokens.iter().any(|t| t == "first"),
            loose: false,
            verb_head: false,
        })
    }

    /// The words of an event told in any words, for a relative claim no
    /// stricter reading placed: "Vantor Telecom confirmed the cause", "we raised
    /// the ticket", "that first call", "losing the primary". The event is its
    /// verb (the first past form or leading "-ing" form; else its last noun),
    /// which a place must name, with at least half of the other words, two at
    /// least (a one-word event needs just that word). Two to six words once
    /// articles, pronouns, auxiliaries, quantifiers and numbers are left out;
    /// `None` otherwise. Which place is meant is still decided as for any
    /// anchor: the best-scored place alone, else not compared.
    ///
    /// This is the general reading for events no table of synonyms names: real
    /// reports name who confirmed, replied, arrived or opened a case in their
    /// own words, and the timeline entry says it in the same words.
    pub(in crate::claims) fn loose(text: &str) -> Option<Words> {
        const LEFT_OUT: &[&str] = &[
            "are",
            "be",
            "being",
            "have",
            "has",
            "had",
            "did",
            "do",
            "does",
            "got",
            "gets",
            "get",
            "most",
            "all",
            "every",
            "each",
            "many",
            "several",
            "few",
            "finally",
            "eventually",
            "then",
            "also",
            "again",
            "only",
            "just",
            "fully",
            "i",
            "he",
            "she",
            "us",
            "them",
            "and",
            "with",
            "by",
            "at",
            "as",
            "so",
            "who",
            "which",
            "what",
            "nobody",
            "no",
            "not",
            "until",
            "till",
            "about",
            "around",
            "roughly",
            "approximately",
            "nearly",
            "almost",
            "when",
            "after",
            "before",
            "on",
            "up",
            "off",
            "out",
            "into",
            "over",
            "under",
            "can",
            "could",
            "would",
            "should",
            "will",
            "there",
            "here",
            "while",
            "once",
            "my",
            "your",
            "me",
            "you",
            "still",
            "already",
            "even",
            "too",
            "able",
            "way",
            "someone",
            "anyone",
        ];
        let text = text.trim_start_matches(|c: char| c.is_whitespace() || "-*+>".contains(c));
        let tokens: Vec<String> = text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '\'')
            .map(|w| w.trim_end_matches("'s").trim_matches(['-', '\'']))
            .filter(|w| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_digit()))
            .map(str::to_ascii_lowercase)
            .collect();
        let first = tokens
            .iter()
            .any(|t| matches!(t.as_str(), "first" | "initial" | "earliest"));
        // "the revert went out", "the fix went live": a thing released, named by
        // its noun (the entries say "Revert live", "Config change reverted").
        let released = tokens
            .windows(2)
            .position(|w| w[0] == "went" && matches!(w[1].as_str(), "out" | "live"));
        let content = content_words(&tokens, |t| {
            LEFT_OUT.contains(&t) || (released.is_some() && t == "went")
        });
        if !(1..=6).contains(&content.len()) {
            return None;
        }
        let verb = content
            .iter()
            .enumerate()
            .find(|(i, w)| is_past(w) || (*i == 0 && w.len() > 5 && w.ends_with("ing")));
        let (head, verb_head) = match verb {
            Some((_, v)) => (stem(v), true),
            None => (stem(content.last()?), false),
        };
        let mut stems: Vec<String> = content
            .iter()
            .map(|t| synonym(&stem(t)).to_string())
            .collect();
        stems.dedup();
        Some(Words {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            stems,
            head: synonym(&head).to_string(),
            first,
            loose: true,
            verb_head,
        })
    }

    /// How many of the anchor's words `text` has: 0 unless it has all of them,
    /// or, for "the first ...", the head and at least half of them ("the first
    /// bad response": the first entry with responses; which of those was bad
    /// the entries need not say).
    pub(in crate::claims) fn score(&self, text: &str) -> usize {
        let mut have: Vec<String> = stems(text);
        if self.loose {
            have.iter_mut().for_each(|h| *h = synonym(h).to_string());
        }
        if !have.contains(&self.head)
            || (self.stems.len() == 1 && !self.verb_head && !noun::names(text, &self.head))
        {
            return 0;
        }
        let n = self.stems.iter().filter(|s| have.contains(s)).count();
        let enough = if self.loose {
            self.stems.len() == 1 || (n >= 2 && 2 * n >= self.stems.len())
        } else if self.first {
            2 * n >= self.stems.len()
        } else {
            n == self.stems.len()
        };
        if enough { n } else { 0 }
    }
}

/// The content words of lowercased `tokens`: those neither in [`STOP`] nor
/// `left_out`, each split as the entries' words are ("read-only" is "read" and
/// "only").
fn content_words(tokens: &[String], left_out: impl Fn(&str) -> bool) -> Vec<String> {
    tokens
        .iter()
        .filter(|t| !STOP.contains(&t.as_str()) && !left_out(t))
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A past form: "-ed" ("confirmed", "raised") or an irregular past
/// ("came", "rang", "sent").
fn is_past(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "came", "went", "sent", "rang", "rung", "took", "began", "begun", "found", "saw", "hit",
        "lost", "broke", "fell", "ran", "told", "spoke", "brought", "gave", "made", "left", "shut",
        "cut", "caught", "wrote", "drove", "flew", "woke", "hung", "froze", "spun", "threw",
        "rebuilt", "built", "heard", "held", "met", "said", "stood", "won", "struck",
    ];
    const NOT_VERBS: &[&str] = &[
        "need", "speed", "feed", "seed", "hundred", "red", "bed", "shed",
    ];
    IRREGULAR.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && !NOT_VERBS.contains(&word))
}
