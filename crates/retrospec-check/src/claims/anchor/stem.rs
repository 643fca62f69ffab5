//! The crude stemming an anchor's words and a place's are compared by: the
//! forms of a word are one ("deployed", "deployment", "deploys"), and for the
//! loose reading the synonyms of an event's verb are one too.

use std::sync::LazyLock;

/// The stems of the words of `text`, "rolled back" read as "rollback"; a
/// phrasal verb also gives its noun ("failed over" is "fail", "over" and
/// "failover"; "cut over" gives "cutover", "rolled out" "rollout", "shut down"
/// "shutdown"), so an anchor named by the noun finds the entry told by the verb.
pub(super) fn stems(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let lower = ROLLED_BACK.replace_all(&lower, "rollback");
    let mut out: Vec<String> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    out.extend(phrasal_nouns(&lower).map(str::to_string));
    out
}

/// The nouns of the phrasal verbs in `lower` ("failed over": "failover"). Most
/// texts have none of their particles: a substring search each before any
/// pattern runs.
pub(super) fn phrasal_nouns(lower: &str) -> impl Iterator<Item = &'static str> + '_ {
    PHRASAL
        .iter()
        .filter(move |(verb, particle, pattern, _)| {
            lower.contains(verb) && lower.contains(particle) && pattern.is_match(lower)
        })
        .map(|(_, _, _, noun)| *noun)
}

// Kept on `regex::Regex`: it rewrites text (`replace_all`), which `Lean` does not offer.
static ROLLED_BACK: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\b(?:roll(?:ed|ing|s)?[\s-]+back|roll-back)\b")
        .expect("the pattern is valid")
});

/// Each phrasal verb: its verb's and its particle's letters (two substring
/// searches that most texts fail), its pattern and its noun.
type Phrasal = (&'static str, &'static str, regex::Regex, &'static str);
static PHRASAL: LazyLock<[Phrasal; 4]> = LazyLock::new(|| {
    let re = |p: &str| regex::Regex::new(p).expect("the pattern is valid");
    [
        (
            "fail",
            "over",
            re(r"\bfail(?:ed|ing|s)?[\s-]+over\b"),
            "failover",
        ),
        (
            "cut",
            "over",
            re(r"\bcut(?:ting|s)?[\s-]+over\b"),
            "cutover",
        ),
        (
            "roll",
            "out",
            re(r"\broll(?:ed|ing|s)?[\s-]+out\b"),
            "rollout",
        ),
        (
            "shut",
            "down",
            re(r"\bshut(?:ting|s)?[\s-]+down\b"),
            "shutdown",
        ),
    ]
});

/// A crude stem: "deployed", "deployment", "deploys" are "deploy"; "growth" is
/// "grow"; "responses" and "response" are "respons".
pub(super) fn stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    let w = match w.as_str() {
        "growth" => "grow".to_string(),
        "began" | "begun" | "begins" | "beginning" => "begin".to_string(),
        "failure" | "failures" => "fail".to_string(),
        "went" | "gone" | "goes" => "go".to_string(),
        // Irregular past forms are their verb: "the first hung jobs" is an entry
        // where "jobs hang", "after losing the primary" one where it was "lost".
        "hung" => "hang".to_string(),
        "lost" | "loss" => "lose".to_string(),
        "came" => "come".to_string(),
        "broke" | "broken" => "break".to_string(),
        "froze" | "frozen" => "freeze".to_string(),
        "fell" | "fallen" => "fall".to_string(),
        "ran" => "run".to_string(),
        "sent" => "send".to_string(),
        "spun" => "spin".to_string(),
        "threw" | "thrown" => "throw".to_string(),
        "rebuilt" => "rebuild".to_string(),
        _ => w,
    };
    // "replied", "replies" and "reply" are "reply".
    if w.len() > 5
        && let Some(cut) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies"))
    {
        return format!("{cut}y");
    }
    let mut s = w.as_str();
    for suffix in ["ments", "ment", "ing", "ed", "es", "s"] {
        if s.len() > suffix.len() + 2
            && let Some(cut) = s.strip_suffix(suffix)
            && !(suffix == "s" && cut.ends_with('s'))
        {
            s = cut;
            // "flipped" and "swapping" are "flip" and "swap" ("filled",
            // "passed" and "added" keep their double letter, as their verbs do).
            let b = s.as_bytes();
            if matches!(suffix, "ed" | "ing")
                && b.len() >= 4
                && b[b.len() - 1] == b[b.len() - 2]
                && b"bgmnprt".contains(&b[b.len() - 1])
            {
                s = &s[..s.len() - 1];
            }
            break;
        }
    }
    s.strip_suffix('e')
        .filter(|c| c.len() > 2)
        .unwrap_or(s)
        .to_string()
}

/// The word an event verb's synonyms share, for [`Words::loose`]: "answered",
/// "responded" and "replied" are one event; "raised", "opened", "filed" and
/// "created" a ticket are one; "rang", "phoned" and "called" are one; a host
/// "lost" is one that "went down".
pub(super) fn synonym(stem: &str) -> &str {
    match stem {
        // "Support says it is a router" is support's reply to a ticket.
        "answer" | "respond" | "say" | "said" => "reply",
        "rais" | "creat" | "fil" | "logg" | "log" => "open",
        "phon" | "rang" | "rung" | "ring" | "call" | "contact" => "call",
        "verify" => "confirm",
        "reach" => "arriv",
        "spott" | "spot" | "detect" | "saw" | "see" | "notic" => "notic",
        "begin" => "start",
        "recover" => "restor",
        // "after losing the primary", "we lost the replica": it went down.
        "los" => "down",
        other => other,
    }
}
