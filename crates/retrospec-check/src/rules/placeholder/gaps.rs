//! Gaps the placeholder words alone do not find: a template's token standing for
//! a missing number (`[number]`, `[N]`, `[XX]`, `xx users`, `xx%`), a placeholder
//! word in underscore emphasis (`_TODO_`, `__TBD__`, where `_` is a word
//! character to a regex's `\b`), and what is not a gap: `TBD` as what a date is
//! in a sentence about a date nobody has given yet (`the vendor's fix date is
//! still TBD`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;
use crate::rules::words::Literals;

/// A template's slot for a number, in brackets: `[number]`, `[Number of users]`,
/// `[number from support]`, `[N]`, `[XX]`, `[xx%]`, `[count]`. Not `[x]` (a ticked checkbox) and not a
/// footnote (`[1]`).
static NUMBER_SLOT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\[(?:[Nn]umber(?: (?:of|from|for|per|to|in) [a-z ]{3,30})?|[Nn]um|[Cc]ount|[Aa]mount|[Pp]ercent(?:age)?|N|NN|XX|xx|[Xx]{1,3} ?%)\]")
        .expect("the number-slot pattern is valid")
});

/// `xx` or `XX` standing alone where a number belongs: before `%` or a word in
/// lower case (`xx users`, `about XX outpatient appointments`, `xx%`).
static BARE_XX: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?:^|[\s(~≈])((?:xx|XX)) ?(?:%|[a-z]{3,})").expect("the bare-xx pattern is valid")
});

/// Words before a number that open a sentence capitalised (`About xx users`).
const QUANTITY: &[&str] = &[
    "about",
    "approx",
    "approximately",
    "around",
    "roughly",
    "some",
    "over",
    "under",
    "nearly",
    "almost",
    "only",
    "just",
    "all",
    "exactly",
    "circa",
    "ca",
];

/// A placeholder word in underscore emphasis (`_TODO_`, `__TBD__`).
static EMPHASISED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:^|[^a-z0-9_])__?(TODO|TBD|TBA|TBC|FIXME|XXX)__?(?:$|[^a-z0-9_])")
        .expect("the emphasised-placeholder pattern is valid")
});

/// Whether lowercased `text` may hold a gap found here.
pub(super) fn maybe(lower: &str) -> bool {
    MAYBE.is_match(lower)
}

/// What every gap found here holds (lowercase): one SIMD search, where a
/// search per literal cost 8.3 M of 200 JSON reports' 426 M.
static MAYBE: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "xx", "[num", "[count", "[amount", "[percent", "[n]", "[nn]", "[x", "_todo", "_tb",
        "_fixme",
    ])
});

/// The gaps found here in `s`: number slots and words in underscore emphasis.
/// A slot followed by `(`, `[` or `:` is a link's text or a reference.
pub(super) fn find(s: &str) -> Vec<Range<usize>> {
    let lower = s.to_ascii_lowercase();
    if !maybe(&lower) {
        return Vec::new();
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    if s.contains('[') {
        found.extend(
            NUMBER_SLOT
                .find_iter(s)
                .map(|m| m.range())
                .filter(|r| !s[r.end..].starts_with(['(', '[', ':'])),
        );
    }
    if lower.contains("xx") {
        for c in BARE_XX.captures_iter(s) {
            let Some(m) = c.get(1) else { continue };
            // A redacted token (`user_xx`, `xx-xx`) has a word character or a
            // joining mark right after; a Roman numeral follows a capitalised word
            // (`Super Bowl XX`) or `the`.
            let previous = s[..m.start()].split_whitespace().next_back().unwrap_or("");
            let capitalised = previous.starts_with(|c: char| c.is_uppercase())
                && !previous.ends_with('.')
                && previous.len() > 1
                && !QUANTITY.contains(&previous.to_ascii_lowercase().as_str());
            if capitalised || previous.eq_ignore_ascii_case("the") {
                continue;
            }
            found.push(m.range());
        }
    }
    if s.contains('_') {
        found.extend(
            EMPHASISED
                .captures_iter(s)
                .filter_map(|c| c.get(1))
                .map(|m| m.range()),
        );
    }
    found
}

/// A date's word, then what the date is (`is`, `remains`, `still`) ending the text:
/// the text before a `TBD` that is said of a date (`the vendor's fix date is still`).
static DATE_IS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:dates?|eta|timelines?|schedule|deadline|timing|release|day)\b[^.;:|!?]{0,40}?\b(?:is|are|remains?|was|were|still)\s+(?:still\s+|also\s+|currently\s+|as yet\s+)?$")
        .expect("the date-is pattern is valid")
});

/// Whether a `TBD`, `TBC` or `TBA` after `before` (its sentence so far) is what a
/// date is in prose: an honest unknown, not a value left unfilled.
pub(super) fn said_of_a_date(before: &str) -> bool {
    DATE_IS.is_match(before)
}

#[cfg(test)]
mod tests {
    fn found(s: &str) -> Vec<&str> {
        super::find(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn number_slots_and_emphasised_words_are_gaps() {
        assert_eq!(found("approximately [number] staff"), ["[number]"]);
        assert_eq!(found("approx. [XX] appointments"), ["[XX]"]);
        assert_eq!(
            found("[N] users and [Number of users] accounts, [number from support] calls"),
            ["[N]", "[Number of users]", "[number from support]"]
        );
        assert_eq!(found("about xx users, xx% of them"), ["xx", "xx"]);
        assert_eq!(found("About XX customers"), ["XX"]);
        assert_eq!(found("_TODO_"), ["TODO"]);
        assert_eq!(found("see __TBD__ below"), ["TBD"]);
        for clean in [
            "- [x] done",
            "[number](https://x.example)",
            "user_xx logged in",
            "10.0.xx.yy",
            "xx-xx-1234",
            "Super Bowl XX was watched",
            "the XX century",
            "todo_service and my_tbd_var",
            "footnote [1]",
        ] {
            assert!(found(clean).is_empty(), "{clean}: {:?}", found(clean));
        }
    }

    #[test]
    fn tbd_said_of_a_date() {
        assert!(super::said_of_a_date("a firmware fix date is still "));
        assert!(super::said_of_a_date("The vendor's ETA remains "));
        assert!(!super::said_of_a_date("The root cause is still "));
        assert!(!super::said_of_a_date("Fix date: "));
    }
}
