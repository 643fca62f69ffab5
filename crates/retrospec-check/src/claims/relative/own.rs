//! Where a relative claim's own event is when its words do not say it by a
//! verb the timeline is searched for: the timeline entry the claim is written
//! in ("02:40 – Field team on site, less than three hours after the first
//! alarm"), the one clock time its sentence writes before "N later" ("The
//! queue stopped draining at 07:48 and our alert paged the on-call 5 minutes
//! later"), and the party a notice went to ("We notified the regulator 30
//! minutes after ...": the entry that names the regulator).

use std::sync::LazyLock;

use crate::lean::Lean;

use super::shapes::{LENGTH_BEFORE, NOT_OWN, anchor_after};
use super::{CLOCK_TIME, Ctx, Event, Reading, Target, measure, re};

/// A claim in the first clause of a timeline entry, "N after <anchor>" or
/// "within N of <anchor>": the entry is the claim's own event, at the entry's
/// time. `None` for a claim elsewhere, a length ("errors continued for 10
/// minutes after the rollback"), or words before it with their own clock time.
pub(super) fn in_entry(
    ctx: &Ctx<'_, '_>,
    pointer: &str,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let i: usize = pointer
        .strip_prefix("/timeline/")?
        .strip_suffix("/text")?
        .parse()
        .ok()?;
    let before = masked[..range.start].trim_end_matches([' ', '\t', '\n', ',']);
    // The entry's first clause: no sentence before the claim's.
    if crate::claims::subject::clause_start(masked, range.start) != 0
        || before.split_whitespace().count() < 2
        || LENGTH_BEFORE.is_match(&before.to_ascii_lowercase())
        || NOT_OWN.is_match(before)
        || CLOCK_TIME.is_match(before)
    {
        return None;
    }
    let (anchor_text, target) = anchor_after(masked, range.clone())?;
    let time = ctx.inputs.times.timeline.get(i)?.as_ref()?;
    let own = ctx
        .entries()
        .iter()
        .find(|(_, s)| s.pointer == time.pointer)?
        .1
        .clone();
    let first = anchor_text.to_ascii_lowercase().contains("first");
    let anchors = match ctx.locate(&target, None, first, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    // The entry is never its own anchor.
    if anchors.iter().any(|a| a.pointer == own.pointer) {
        return None;
    }
    Some(measure(&anchors, std::slice::from_ref(&own)))
}

/// "The queue stopped draining at 07:48 and our alert paged the on-call 5
/// minutes later": with no one event named before it, "N later" counts from
/// the one clock time its sentence writes before its own event's words (at
/// `at` of the sentence from `clause`). `None` with no clock time or several.
pub(super) fn head_clock(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    clause: usize,
    at: usize,
    event: Event,
) -> Option<Reading> {
    let head = &masked[clause..clause + at];
    let mut anchor = super::loose::one_clock(head, "before the claim")?;
    anchor.source = "prose_clause";
    let events = match ctx.locate(&Target::Event(event), Some(&anchor), true, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    Some(measure(&[anchor], &events))
}

/// "notified the Financial Services Agency", "informed our customers", "told
/// Ops": the party a notice went to, as a noun phrase.
static PARTY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:notified|informed|told|contacted|alerted)\s+(?P<p>(?:the\s+|our\s+|their\s+)?[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,3})\s*$",
    )
});

/// The party a notice named at the end of `before` went to, as the words the
/// timeline is searched for ("the first report to the Financial Services
/// Agency" names it); `None` when the notice names no party.
pub(super) fn party(before: &str) -> Option<Target> {
    let p = PARTY.captures(before)?.name("p")?.as_str();
    let lower = p.to_ascii_lowercase();
    let phrase = if ["the ", "our ", "their "]
        .iter()
        .any(|a| lower.starts_with(a))
    {
        p.to_string()
    } else {
        format!("the {p}")
    };
    super::anchor::Words::parse(&phrase).map(Target::Words)
}

/// Where the claim's own clause starts in the sentence from `clause` to the
/// claim at `at`: after the last "and" that opens a new subject ("Our alert
/// fired at 14:20 and the first update went out within five minutes of our
/// alerts": the alert's clause is the anchor's, not the claim's own).
pub(super) fn own_clause(masked: &str, clause: usize, at: usize) -> usize {
    let head = masked[clause..at].to_ascii_lowercase();
    let mut start = clause;
    for (i, _) in head.match_indices(" and ") {
        let rest = &head[i + 5..];
        // Past the subject's first word too: the clause before ends there.
        if let Some(w) = [
            "the ", "we ", "our ", "they ", "their ", "he ", "she ", "someone ",
        ]
        .iter()
        .find(|w| rest.starts_with(**w))
        {
            start = clause + i + 5 + w.len();
        }
    }
    start
}

/// An anchor's words up to a second verb of the claim's subject: "the occurrence
/// of the failure and have cooperated with its inquiries since" is "the
/// occurrence of the failure".
pub(super) fn cut_clause(text: &str) -> &str {
    [
        " and have ",
        " and has ",
        " and had ",
        " and then ",
        " and were ",
        " and was ",
        " and are ",
        " and is ",
    ]
    .iter()
    .filter_map(|j| text.find(j))
    .min()
    .map_or(text, |i| &text[..i])
}

/// "between 08:55 and 12:40 CEST ... bookings did not appear", "18,400 failed
/// ticket openings between 07:12 and 09:02": a window stated in a sentence.
static WINDOW: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:between|from)\s+(?P<a>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5}\b)?)\s*(?:and|to|until|till|through|-|–)\s*(?P<b>[0-2]?[0-9]:[0-5][0-9])",
    )
});

/// The impact's start as the one start of the windows the report states in
/// sentences that name the impact (failing, down, did not) and no action of the
/// team; `None` with none, or with windows that start at different times.
pub(super) fn window_start(masked: &str) -> Option<(String, jiff::civil::Time)> {
    let mut found: Option<(String, jiff::civil::Time)> = None;
    for caps in WINDOW.captures_iter(masked).take(20) {
        let whole = caps.get(0)?;
        let from = [". ", ".\n", "\n\n", "\n- ", "\n* ", "! ", "? ", "; "]
            .iter()
            .filter_map(|b| masked[..whole.start()].rfind(b).map(|i| i + b.len()))
            .max()
            .unwrap_or(0);
        let to = [". ", ".\n", "\n\n", "! ", "? ", "; "]
            .iter()
            .filter_map(|b| masked[whole.end()..].find(b).map(|i| whole.end() + i))
            .min()
            .unwrap_or(masked.len());
        let sentence = &masked[from..to];
        if !crate::claims::subject::IMPACT_WORDS.is_match(sentence)
            || crate::claims::subject::TEAM_SUBJECT.is_match(sentence)
        {
            continue;
        }
        let written = caps.name("a")?.as_str().to_string();
        let time = crate::time::parse_time(written.trim()).ok()?.time;
        match &found {
            Some((_, t)) if *t != time => return None,
            Some(_) => {}
            None => found = Some((written, time)),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::claims::{Verdict, verdict_of};

    fn ring(entry: &str) -> String {
        format!(
            "# Fibre cut\n\n## Timeline\n\n- 14:05 – Loss-of-signal alarms on both ring links\n- 14:40 – Field crew dispatched\n- 16:35 – {entry}\n- 19:10 – Splice finished, links up\n"
        )
    }

    /// A claim that opens a timeline entry measures from its anchor to the
    /// entry's own time; a length, a past perfect or another clock does not.
    #[test]
    fn an_entry_is_its_own_event() {
        for (entry, claim, want) in [
            (
                "Field crew on site, less than an hour after the first alarm.",
                "less than an hour",
                Verdict::Contradicts,
            ),
            (
                "Crew reaches the hut two hours after the first alarm",
                "two hours",
                Verdict::Contradicts,
            ),
            (
                "Field crew on site, less than three hours after the first alarm.",
                "less than three hours",
                Verdict::Agrees,
            ),
        ] {
            assert_eq!(verdict_of(&ring(entry), claim).0, want, "{entry}");
        }
        for (entry, claim) in [
            // A length, not a point in time.
            (
                "Alarms kept flapping for ten minutes after the first alarm",
                "ten minutes",
            ),
            // When something else happened, not when the entry was written.
            (
                "Crew reports the cut had started 20 minutes after the first alarm",
                "20 minutes",
            ),
            // A time of its own in the entry's words.
            (
                "Crew on site at 15:00, an hour after the first alarm",
                "an hour",
            ),
        ] {
            assert_ne!(
                verdict_of(&ring(entry), claim).0,
                Verdict::Contradicts,
                "{entry}"
            );
        }
    }

    fn story(claim: &str, detection: &str) -> String {
        format!(
            "# Replica lag\n\n## Summary\n\nAll times CEST.\n\n{claim}\n\n**Detection:** {detection}\n"
        )
    }

    /// "X at T and Y N later": N counts from T, the one clock time before.
    #[test]
    fn later_counts_from_the_clock_before_it() {
        let claim = "The replica stopped applying changes at 03:12 and our lag alarm paged the on-call engineer 5 minutes later.";
        assert_eq!(
            verdict_of(&story(claim, "lag alarm at 03:31."), "5 minutes"),
            (Verdict::Contradicts, Some(19))
        );
        assert_eq!(
            verdict_of(&story(claim, "lag alarm at 03:17."), "5 minutes"),
            (Verdict::Agrees, Some(5))
        );
        for (claim, detection) in [
            // Two clock times before: which one it is later than is not clear.
            (
                "The replica stopped at 03:12, restarted at 03:14 and our lag alarm paged the on-call engineer 5 minutes later.",
                "lag alarm at 03:31.",
            ),
            // No time for the alarm anywhere.
            (
                "The replica stopped applying changes at 03:12 and our lag alarm paged the on-call engineer 5 minutes later.",
                "a lag alarm.",
            ),
        ] {
            assert_eq!(
                verdict_of(&story(claim, detection), "5 minutes").0,
                Verdict::NotCompared,
                "{claim}"
            );
        }
    }

    fn regulator(claim: &str, entry: &str) -> String {
        format!(
            "# Settlement failure\n\n## Chronology\n\n- 08:40: Errors start in the settlement job\n- 09:10: Operations detects the errors\n- {entry}\n\n## Response\n\n{claim}\n"
        )
    }

    /// A notice to a named party is found by the party's name; an anchor ends
    /// before a second verb of the claim's subject.
    #[test]
    fn a_notice_is_found_by_its_party() {
        let claim = "We notified the National Payments Regulator approximately 20 minutes after the occurrence of the failure and have answered its questions since.";
        assert_eq!(
            verdict_of(
                &regulator(
                    claim,
                    "10:05: First report to the National Payments Regulator"
                ),
                "approximately 20 minutes"
            ),
            (Verdict::Contradicts, Some(85))
        );
        for entry in [
            // Another party: not the notice the claim means.
            "10:05: First report to the card scheme",
            // Only part of the party's name.
            "10:05: First report to the regulator",
        ] {
            assert_eq!(
                verdict_of(&regulator(claim, entry), "approximately 20 minutes").0,
                Verdict::NotCompared,
                "{entry}"
            );
        }
    }

    #[test]
    fn an_anchor_ends_before_a_second_verb() {
        assert_eq!(
            super::cut_clause("the occurrence of the failure and have cooperated since"),
            "the occurrence of the failure"
        );
        assert_eq!(
            super::cut_clause("the deploy and the config change"),
            "the deploy and the config change"
        );
    }

    /// The impact's start as the one start of the windows sentences state about
    /// it; windows of the team's own work, or two starts, give none.
    #[test]
    fn a_stated_window_starts_the_impact() {
        let start = |text: &str| super::window_start(text).map(|(w, _)| w);
        assert_eq!(
            start("Between 08:55 and 12:40 CEST, partner bookings did not appear."),
            Some("08:55".to_string())
        );
        assert_eq!(
            start("- 18,400 failed ticket openings between 07:12 and 09:02."),
            Some("07:12".to_string())
        );
        for text in [
            "We worked on the fix from 09:00 to 11:00 while logins failed.",
            "Between 08:55 and 12:40 the team reviewed the plan.",
            "Bookings failed between 08:55 and 09:30. Payments failed from 10:10 to 10:40.",
        ] {
            assert_eq!(start(text), None, "{text}");
        }
    }

    /// "X was back up within about N of Y": the service back is an own event
    /// (the first entry after the anchor that says so), and "within" before a
    /// qualified length still makes it "within N of".
    #[test]
    fn back_up_within_about_n_of_an_anchor() {
        let report = |claim: &str| {
            format!(
                "# Storage outage\n\n## Timeline\n\n- 2025-09-03 02:43 UTC The storage controller failed; email went down\n- 2025-09-03 12:00 UTC Controller repaired and systems back up\n- 2025-09-03 21:30 UTC Data restored from the backup\n\n## Summary\n\n{claim}\n"
            )
        };
        for (claim, length, want) in [
            (
                "Moodle was back up within about six hours of the storage controller failing.",
                "about six hours",
                Verdict::Contradicts,
            ),
            (
                "Everything was back online within roughly ten hours of the storage controller failing.",
                "roughly ten hours",
                Verdict::Agrees,
            ),
            (
                "Email was restored about six hours after the storage controller failed.",
                "about six hours",
                Verdict::Contradicts,
            ),
        ] {
            assert_eq!(verdict_of(&report(claim), length).0, want, "{claim}");
        }
        // A length of the state, not a time: "stayed down for".
        let claim = "Email stayed down for about six hours after the storage controller failed.";
        assert_ne!(
            verdict_of(&report(claim), "about six hours").0,
            Verdict::Contradicts,
            "{claim}"
        );
    }
}
