//! Whether a one-word anchor's noun is used as that noun in a place's words:
//! "after the change" is not anchored on "the change ticket was approved at
//! 11:15" (the word modifies another noun) nor on "the rotation changes every
//! Monday at 09:00" (the word is a verb of a schedule).

use super::stem::stem;

/// Nouns a one-word anchor's noun modifies rather than names: "change ticket",
/// "release notes", "deploy window".
const COMPOUND: &[&str] = &[
    "ticket",
    "tickets",
    "request",
    "requests",
    "window",
    "windows",
    "freeze",
    "record",
    "records",
    "log",
    "logs",
    "board",
    "review",
    "process",
    "advisory",
    "calendar",
    "approval",
    "management",
    "owner",
    "id",
    "number",
    "note",
    "notes",
    "policy",
    "plan",
    "list",
    "form",
    "meeting",
    "template",
    "checklist",
    "queue",
];

/// Words after a verb that say it is a schedule, not one event: "changes every
/// Monday", "rotates weekly".
const SCHEDULE: &[&str] = &[
    "every",
    "each",
    "daily",
    "weekly",
    "hourly",
    "nightly",
    "monthly",
    "automatically",
    "regularly",
    "twice",
];

/// Whether `text` has the word whose stem is `head` as a noun naming the event:
/// an occurrence not followed by a noun it modifies, and not a verb followed by
/// a schedule.
pub(super) fn names(text: &str, head: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    // "failed over" names the failover, as a noun would.
    if super::stem::phrasal_nouns(&lower).any(|noun| noun == head) {
        return true;
    }
    let words: Vec<String> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        if stem(w) != head {
            return false;
        }
        let next = words.get(i + 1).map(String::as_str);
        let modifies = next.is_some_and(|n| COMPOUND.contains(&n));
        let scheduled = w.ends_with('s') && next.is_some_and(|n| SCHEDULE.contains(&n));
        !modifies && !scheduled
    })
}

#[cfg(test)]
mod tests {
    use super::names;
    use crate::claims::anchor::stem::stem;

    #[test]
    fn a_noun_that_modifies_or_a_scheduled_verb_names_no_event() {
        let change = stem("change");
        for text in [
            "The config change went out at 13:40",
            "Change deployed to production",
            "the change was rolled out at 13:40",
            "We changed the pool size at 13:40",
        ] {
            assert!(names(text, &change), "{text}");
        }
        for text in [
            "The change ticket was approved at 11:15",
            "the rotation changes every Monday at 09:00",
            "Change request CR-12 filed at 11:15",
        ] {
            assert!(!names(text, &change), "{text}");
        }
    }
}
