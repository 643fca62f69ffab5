//! "It took us almost an hour to notice that anything was wrong", "it took 40
//! minutes before anyone noticed": a time to notice with no anchor named counts
//! from the impact's start to the first place after it where someone noticed
//! (an alert reaching someone, a page, the team seeing it).

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{CLOCK_TIME, Ctx, Event, Reading, Stamp, Target, measure, re};

/// "it took us", "took the on-call": a length that was, not one that usually is.
static TOOK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\btook(?:\s+(?:us|them|me|the\s+team|everyone|anyone|engineers|the\s+on-?call(?:\s+engineers?)?|our\s+(?:team|on-?call)))?\s*$",
    )
});
/// "to (even) notice", "before anyone noticed".
static TO_NOTICE: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:for\s+(?:us|anyone|anybody|someone|the\s+team)\s+)?(?:to\s+(?:even\s+|actually\s+|really\s+|first\s+|finally\s+)?(?:notice|detect|spot|realise|realize|discover)\b|before\s+(?:we|anyone|anybody|someone|somebody|the\s+team|the\s+on-?call)\s+(?:even\s+|actually\s+|first\s+|finally\s+)?(?:noticed|detected|spotted|realised|realized|discovered)\b)",
    )
});
/// The rest of the clause names its own start: "to notice once the first ticket
/// arrived" is measured from that ([`super::TO_ONCE`]), not from the impact.
static OWN_START: LazyLock<Lean> =
    LazyLock::new(|| re(r"(?i)\b(?:once|after|since|from|following)\b"));

/// A time to notice ([`TOOK`] N [`TO_NOTICE`]): from the impact's start to the
/// first noticing after it. `None` for another shape.
pub(super) fn took_to_notice(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let after = &masked[range.end..];
    let verb = TO_NOTICE.find(after)?;
    let clause = crate::claims::subject::clause_start(masked, range.start);
    if !TOOK.is_match(&masked[clause..range.start]) {
        return None;
    }
    let rest = &after[verb.end()..];
    let end = [". ", ".\n", "; ", "\n\n", ", "]
        .iter()
        .filter_map(|b| rest.find(b))
        .min()
        .unwrap_or(rest.len());
    if OWN_START.is_match(&rest[..end]) {
        return None;
    }
    // A start named by a notice of it (the first alert, the first report) is
    // only a bound: the impact may have begun before, and the time to notice
    // with it. Only a failure starts it here.
    let anchors = match ctx.locate(&Target::Event(Event::Impact), None, true, false) {
        Ok(found) if !found.iter().any(|s| names_notice(ctx, s)) => found,
        Ok(_) => return Some(Reading::NotCompared(NOTICE_START.to_string())),
        Err(why) => match failure_sentence(masked, clause) {
            Some(stamp) => vec![stamp],
            None => return Some(Reading::NotCompared(why)),
        },
    };
    let events = match ctx.locate(&Target::Event(Event::Noticed), anchors.first(), true, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    Some(measure(&anchors, &events))
}

/// The impact's plausible starts when no place names its start: the timeline's
/// entries up to the first whose words name the impact (the first ones may be
/// its trigger), as the incident's length is read ([`crate::claims::timeline`]).
pub(super) fn impact_starts(ctx: &Ctx<'_, '_>) -> Vec<Stamp> {
    crate::claims::timeline::start_candidates(ctx.inputs, None)
        .into_iter()
        .filter_map(|(v, _, name)| {
            let (_, s) = ctx.entries().iter().find(|(_, s)| s.pointer == v.pointer)?;
            let mut s = s.clone();
            s.label = name;
            Some(s)
        })
        .collect()
}

const NOTICE_START: &str = "relative claim: the impact's start is named only by a notice of it (an alert, a report); the time to notice may be longer";

/// Whether the place of `stamp` names a notice of the impact: its entry's words
/// or the words its label quotes.
fn names_notice(ctx: &Ctx<'_, '_>, stamp: &Stamp) -> bool {
    let words = ctx
        .entries()
        .iter()
        .find(|(_, s)| !stamp.pointer.is_empty() && s.pointer == stamp.pointer)
        .map_or(stamp.label.as_str(), |(text, _)| text.as_str());
    NOTICE_WORDS.is_match(words)
}

/// Words that make a sentence a notice of the impact, not its start.
static NOTICE_WORDS: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\b(?:alert|alarm|pag(?:e|ed|ing)|notic|detect|report|ticket|saw|spott)")
});

/// With no timeline, the nearest sentence before the claim (at `before` of
/// `masked`, in its paragraph or the one before) with one clock time that says
/// something failed, names no action of the team and no notice of it: "At 9:12
/// a.m. the job swapped in the new certificate, and from that moment every new
/// login failed". The time, as a stamp.
fn failure_sentence(masked: &str, before: usize) -> Option<Stamp> {
    let head = &masked[..before];
    let mut end = head.len();
    while end > 0 {
        let from = sentence_start(&head[..end]);
        let sentence = &head[from..end];
        // The claim's paragraph and the one before it, no further.
        if head[from..].trim_end().matches("\n\n").count() > 1 {
            return None;
        }
        let mut times = CLOCK_TIME.find_iter(sentence);
        if let (Some(time), None) = (times.next(), times.next())
            && crate::claims::subject::IMPACT_WORDS.is_match(sentence)
            && !crate::claims::subject::TEAM_SUBJECT.is_match(sentence)
            && !NOTICE_WORDS.is_match(sentence)
            && !crate::claims::says_impact_ended(sentence)
        {
            let written = time.as_str().trim();
            let parsed = crate::time::parse_time(written).ok()?;
            let mut stamp = Stamp::written(written, &parsed);
            stamp.source = "prose_clause";
            stamp.label = format!("`{written}` in the failure stated before the claim");
            return Some(stamp);
        }
        end = from;
    }
    None
}

/// Where the last sentence of `text` (trailing blanks aside) starts: after a
/// sentence's end, a blank line or a list item; a clock's own dot ("9:12 a.m.
/// the job") ends no sentence.
fn sentence_start(text: &str) -> usize {
    let text = text.trim_end();
    let mut at = text.len();
    loop {
        let Some(i) = [". ", ".\n", "! ", "? ", "\n\n", "\n- ", "\n* "]
            .iter()
            .filter_map(|b| text[..at].rfind(b).map(|i| (i, b.len())))
            .max()
        else {
            return 0;
        };
        let clock_dot = text[..i.0].to_ascii_lowercase().ends_with(".m")
            && text[..i.0].len() >= 3
            && matches!(&text[i.0 - 3..i.0 - 2], "a" | "p" | "A" | "P");
        if !clock_dot {
            return i.0 + i.1;
        }
        at = i.0;
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::{Verdict, verdict_of};

    fn farm(claim: &str, entries: &str) -> String {
        format!(
            "# Build farm outage\n\n## What happened\n\nThe web UI went down. {claim}\n\n## Timeline (all times CET)\n\n- 21:55 - nightly packaging job starts\n- 22:03 - /var full, postgres stops, web UI returns 502\n{entries}- 23:20 - web UI back\n"
        )
    }

    /// "It took us N to notice" from the impact's start to the first noticing;
    /// a habit, an own start ("once ..."), or no noticing found is no reading.
    #[test]
    fn a_time_to_notice_counts_from_the_impacts_start() {
        let seen = "- 22:41 - @ops-anna sees the messages and starts looking\n";
        for (claim, text, want) in [
            (
                "It took us more than one hour to notice.",
                "more than one hour",
                Verdict::Contradicts,
            ),
            (
                "It took us about 40 minutes to notice.",
                "about 40 minutes",
                Verdict::Agrees,
            ),
            (
                "It took 40 minutes before anyone noticed.",
                "40 minutes",
                Verdict::Agrees,
            ),
        ] {
            assert_eq!(verdict_of(&farm(claim, seen), text).0, want, "{claim}");
        }
        for (claim, text, entries) in [
            (
                "A full disk usually takes 20 minutes to notice.",
                "20 minutes",
                seen,
            ),
            (
                "It took us 5 minutes to notice once the first user wrote in.",
                "5 minutes",
                seen,
            ),
            (
                "It took us more than one hour to notice.",
                "more than one hour",
                "- 22:41 - postgres restarted\n",
            ),
        ] {
            assert_ne!(
                verdict_of(&farm(claim, entries), text).0,
                Verdict::Contradicts,
                "{claim} / {entries}"
            );
        }
    }

    fn blog(before: &str) -> String {
        format!(
            "# Android logins\n\n## Step by step\n\n{before}\n\nAt 9:48 a.m. our support team saw the tickets pile up. It took us almost two hours to even notice.\n"
        )
    }

    /// With no timeline, the failure stated with one clock time in the paragraph
    /// before; a notice, an action of the team, two times or a far paragraph
    /// is none.
    #[test]
    fn the_failure_stated_before_starts_a_time_to_notice() {
        assert_eq!(
            verdict_of(
                &blog(
                    "At 9:12 a.m. the job swapped in the new certificate, and from that moment every new login failed."
                ),
                "almost two hours"
            ),
            (Verdict::Contradicts, Some(36))
        );
        for before in [
            "At 9:12 a.m. we restarted the login service and logins failed.",
            "At 9:12 a.m. the first alert about failed logins fired.",
            "Between 9:12 a.m. and 9:20 a.m. logins failed.",
            "At 9:12 a.m. logins failed.\n\nThe app reuses sessions.\n\nNobody was watching.",
        ] {
            assert_ne!(
                verdict_of(&blog(before), "almost two hours").0,
                Verdict::Contradicts,
                "{before}"
            );
        }
    }
}
