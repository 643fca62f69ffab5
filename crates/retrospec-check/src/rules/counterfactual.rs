use crate::diagnostic::Diagnostic;
use crate::rules::words::{DESCRIPTIVE, WordList, place, texts};
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// Counterfactual or judging words ("should have", "failed to", "obviously",
    /// "simply") in a section that describes what happened.
    ///
    /// ## Why
    /// "The engineer should have checked" describes a world that did not happen and
    /// judges with hindsight; "obviously" and "simply" say the answer was easy to
    /// see, which it was not at the time. Describing what people saw and did, and
    /// why it made sense then, is what lets a review find the real causes.
    ///
    /// The words are the `counterfactual` list in the `[words]` table of
    /// `retrospec.toml` (default: should have, could have, would have, failed to,
    /// obviously, simply, just, clearly), matched as whole words in the summary,
    /// impact, root cause, trigger, contributing factors, resolution, timeline
    /// entries and lessons. "just" before a word of time or amount (`just after
    /// 10:00`, `just before the deploy`, `just under 5%`, `just 3 minutes`) is
    /// descriptive and not reported. Nor is "failed" in the past perfect (`the job
    /// had failed to restart`, `had already failed to`): it tells what had happened
    /// by then. In a condition (`if the job had failed to restart, ...`) it is a
    /// world that did not happen, and reported. The detection section is not
    /// checked: how detection could have been faster is what it is for.
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
        for pattern in DESCRIPTIVE {
            for (pointer, node) in texts(cx, pattern) {
                for (span, found) in words.find_in(cx, node) {
                    if found.eq_ignore_ascii_case("just") && descriptive_just(&cx.text[span.end..])
                    {
                        continue;
                    }
                    let before = &cx.text[node.span.start.min(span.start)..span.start];
                    if past_perfect(before, &found) {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{found}` in {} judges instead of describing", place(&pointer)),
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

/// Words that open a condition: "had" after them is a world that did not happen.
const CONDITION: &[&str] = &["if", "unless", "wish", "suppose", "supposing"];

/// Words that start a subject: "had we ...", "had the team ..." opens a condition
/// by inversion.
const SUBJECTS: &[&str] = &[
    "we", "i", "you", "they", "he", "she", "it", "the", "our", "anyone", "someone", "somebody",
    "anybody", "this", "that",
];

/// How far back (bytes) a condition is looked for: a clause, not a paragraph.
const CLAUSE_LOOKBACK: usize = 200;

/// Whether `found` is "failed ..." in the past perfect: right after "had" (one
/// `-ly` adverb or "already" may stand between), with no condition earlier in the
/// clause (a condition word, or "had" before a subject). `before` is the text of the same value before the match.
fn past_perfect(before: &str, found: &str) -> bool {
    let first = found.split_whitespace().next().unwrap_or("");
    if !first.eq_ignore_ascii_case("failed") {
        return false;
    }
    let mut from = before.len().saturating_sub(CLAUSE_LOOKBACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    // The clause: from the last sentence or clause mark (a line break in a value is
    // only folded whitespace).
    let clause = before[from..]
        .rsplit(['.', ';', ':', ',', '!', '?'])
        .next()
        .unwrap_or("");
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
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

    #[test]
    fn finds_words_in_descriptive_sections_and_leaves_time_words_alone() {
        let md = "---\ntitle: t\nstatus: draft\n---\nJust after 10:00 the queue filled; it just\nworked again at just 10:05.\n\n\
                  ## Detection\n\nAn alert could have fired sooner.\n\n## Timeline\n\n- 2024-01-01 10:00 UTC We simply restarted it\n\n\
                  ## Lessons learned\n\n### What went wrong\n\n- We failed to page the owner\n";
        assert_eq!(found(md, Format::Markdown), ["just", "simply", "failed to"]);
        let json = r#"{"title": "t", "status": "draft", "impact": {"description": "Obviously bad; it should\nhave paged."}}"#;
        assert_eq!(found(json, Format::Json), ["Obviously"]);
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
            ("The job had already failed to start.", &[]),
            ("The cron had\n  repeatedly failed to run.", &[]),
            ("We failed to page the owner.", &["failed to"]),
            (
                "If the job had failed to start, nobody knew.",
                &["failed to"],
            ),
            (
                "Unless it had silently failed to restart, we were fine.",
                &["failed to"],
            ),
            ("Had we failed to page, it stayed unseen.", &["failed to"]),
            (
                "Had we had an alert we had failed to read it.",
                &["failed to"],
            ),
            (
                "It had failed to start, and we should have seen it.",
                &["should have"],
            ),
        ];
        for (summary, want) in cases {
            let yaml = format!("title: t\nstatus: draft\nsummary: >-\n  {summary}\n");
            assert_eq!(found(&yaml, Format::Yaml), *want, "{summary}");
        }
    }

    #[test]
    fn points_at_the_words_in_yaml() {
        let yaml = "title: t\nstatus: draft\ntimeline:\n  - time: 2024-01-01 10:00 UTC\n    text: 'The alert could\n      have fired'\nlessons:\n  got_lucky:\n    - It was clearly a quiet day\n";
        assert_eq!(found(yaml, Format::Yaml), ["could\n      have", "clearly"]);
    }
}
