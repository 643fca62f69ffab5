//! Words another party said: a statement quoted in a block quote or in quotation
//! marks, or reported (`the registry said`, `according to the vendor`). The word
//! rules judge the report's own words; another organisation's statement, quoted
//! or reported, is evidence the report gives, not its author's judgement.

use crate::span::floor_char as floor;

/// How far before a word its sentence and its block quote's lead-in are read, in
/// bytes.
const REACH: usize = 400;

/// Words that say a statement is another party's: what it said, wrote or stated.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "statement",
    "wrote",
    "writes",
    "told us",
    "told our",
    "explained",
    "replied",
    "responded",
    "according to",
    "in their words",
    "quote",
    "quoted",
    "claimed",
    "claims",
    "announced",
];

/// [`REPORTING`] as one automaton.
static REPORTING_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(REPORTING).expect("the reporting words are valid")
    });

/// Subjects that make a reported statement the author's own (`we said`, `I wrote`,
/// `our on-call engineer stated`).
const OWN: &[&str] = &["we", "i", "our", "us", "my"];

/// Whether the word at byte `at` of `text` is in another party's words: a block
/// quote (`> ...`) led in by a line that introduces it (ending in `:` or naming a
/// statement, `On Sat, ... wrote:`), a quotation of at least four words in a
/// sentence that says who said it, or a sentence that reports what someone other
/// than the author said (`The registry stated that ...`, `According to the
/// vendor, ...`).
pub(crate) fn in_reported_speech(text: &str, at: usize) -> bool {
    let from = floor(text, at.saturating_sub(REACH));
    let before = &text[from..at];
    let line_start = before.rfind('\n').map_or(from, |i| from + i + 1);
    let line = &text[line_start..at];
    if line.trim_start().starts_with('>') {
        return quote_led_in(text, line_start);
    }
    let sentence_start = sentence_start(text, from, at);
    let sentence = &text[sentence_start..at];
    let lower = sentence.to_lowercase();
    // The reporting words the sentence has, found in one pass (a search per
    // word cost a long line's word rules more than the rest of their reading).
    let present: Vec<&str> = REPORTING_WORDS
        .find_overlapping_iter(&lower)
        .map(|m| REPORTING[m.pattern().as_usize()])
        .filter(|w| contains_word(&lower, w))
        .collect();
    if present.is_empty() {
        return false;
    }
    // A quotation around the word, of four words or more.
    if let Some(open) = sentence.rfind(['"', '“'])
        && sentence[..open]
            .matches(['"', '“', '”'])
            .count()
            .is_multiple_of(2)
    {
        let rest = &text[sentence_start + open + 1..];
        let close = rest.find(['"', '”']).map_or(rest.len(), |i| i).min(REACH);
        let close = floor(rest, close);
        if rest[..close].split_whitespace().count() >= 4 {
            return true;
        }
    }
    // A reported statement: the reporting word follows a subject that is not
    // the author (`the registry said`, `according to the vendor`).
    present.iter().any(|w| {
        find_word(&lower, w).is_some_and(|i| {
            let subject = if *w == "according to" {
                &lower[i + w.len()..]
            } else {
                &lower[..i]
            };
            let words: Vec<&str> = subject
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let subject = if *w == "according to" {
                &words[..words.len().min(3)]
            } else {
                &words[words.len().saturating_sub(4)..]
            };
            // `whoever wrote the script`, `the engineer who wrote the job`: a
            // relative clause names the one who acted, it reports nothing.
            let relative = *w != "according to"
                && subject
                    .last()
                    .is_some_and(|s| matches!(*s, "who" | "whoever" | "that" | "which"));
            !subject.is_empty() && !relative && !subject.iter().any(|s| OWN.contains(s))
        })
    })
}

/// Whether the block quote whose line starts at `line_start` is led in by the
/// last line above it: a line ending in `:` (`The registry's statement:`, `On
/// Sat, Kim wrote:`) or naming a statement.
fn quote_led_in(text: &str, line_start: usize) -> bool {
    let from = floor(text, line_start.saturating_sub(REACH));
    let above = text[from..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('>'));
    let Some(lead) = above else {
        return false;
    };
    let lower = lead.to_lowercase();
    lead.trim_end_matches(['*', '_']).ends_with(':')
        || REPORTING.iter().any(|w| contains_word(&lower, w))
}

/// Where the sentence holding byte `at` starts, no earlier than `from`: after the
/// nearest break before `at`. Every break opens with a line break, a stop, `!` or
/// `?`, so only those bytes are looked at, found by memchr from the end (a search
/// per break read all of the 400 bytes seven times, for every match of a word
/// rule in a long line: 18 M instructions on 200 KB).
fn sentence_start(text: &str, from: usize, at: usize) -> usize {
    const BREAKS: [&[u8]; 7] = [b"\n\n", b". ", b".\n", b"! ", b"? ", b"\n- ", b"\n* "];
    let b = &text.as_bytes()[from..at];
    let after_break = |i: usize| {
        BREAKS
            .iter()
            .find(|brk| b[i..].starts_with(brk))
            .map(|brk| i + brk.len())
    };
    let stop = memchr::memrchr3_iter(b'\n', b'.', b'!', b).find_map(after_break);
    let question = memchr::memrchr_iter(b'?', b).find_map(after_break);
    from + stop.max(question).unwrap_or(0)
}

/// Where `word` stands as whole words in `text`, the last place.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.rmatch_indices(word).map(|(i, _)| i).find(|&i| {
        !alnum(text[..i].chars().next_back()) && !alnum(text[i + word.len()..].chars().next())
    })
}

fn contains_word(text: &str, word: &str) -> bool {
    find_word(text, word).is_some()
}

#[cfg(test)]
mod tests {
    use super::in_reported_speech;

    #[test]
    fn a_relative_clause_reports_nothing() {
        for text in [
            "In hindsight, whoever wrote the purge script should have made it an error.",
            "The engineer who wrote the migration should have run it first.",
        ] {
            let at = text.find("should").expect("the phrase");
            assert!(!in_reported_speech(text, at), "{text}");
        }
        let text = "The registry wrote that we should have renewed earlier.";
        assert!(in_reported_speech(
            text,
            text.find("should").expect("the phrase")
        ));
    }

    fn at(text: &str, word: &str) -> bool {
        in_reported_speech(text, text.find(word).expect("the word"))
    }

    #[test]
    fn another_party_s_words_quoted_or_reported() {
        for text in [
            "The registry sent a statement:\n\n> The removal was a human error on our\n> side.\n",
            "On Sat, Kim wrote:\n> it was human error, sorry\n",
            "Their support wrote that \"a human error during maintenance removed the record\".",
            "The vendor said the outage was caused by human error in their team.",
            "According to the provider, human error caused the cut.",
        ] {
            assert!(at(text, "human error"), "{text}");
        }
        for text in [
            "> human error, at the top of the report\n",
            "The root cause was human error.",
            "We said it was human error.",
            "Our engineer said it was human error.",
            "The review confirmed human error as the cause.",
            "A \"human error\" flag in the form.",
            "It was human error, as the ticket states.",
        ] {
            assert!(!at(text, "human error"), "{text}");
        }
    }
}
