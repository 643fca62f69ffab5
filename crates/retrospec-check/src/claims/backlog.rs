//! How long a backlog took to work off after the fix: "Once the service was fixed
//! on Tuesday morning, it took about a day to work through the backlog", "The
//! backlog took almost three days to drain once the import was fixed on Saturday
//! evening", "After the restart on Sunday night the queue drained in about six
//! hours".
//!
//! The claim's sentence names the backlog (or queue) being worked off and the
//! fix it counts from, with the day (and part of the day) the fix came. The fix
//! is the one timeline entry on that day whose words name a fix (fixed,
//! restarted, deployed, patched, resumed, restored, rolled back); the end is the
//! one entry after it whose words say the backlog was gone (backlog empty,
//! cleared, drained, caught up, queue back to zero). The claim is compared with
//! the time between the two; with no day named, or not exactly one entry for
//! either end, it is not read this way.

use std::ops::Range;
use std::sync::LazyLock;

use crate::gated::{Gate, Screen};
use crate::lean::Lean;

use super::{Compared, Inputs, sorted_entries};

fn re(pattern: &str) -> Lean {
    Lean::new(pattern).expect("the pattern is valid")
}

/// A weekday as written.
const WEEKDAY: &str = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

/// The sentence works off a backlog: "work through the backlog", "the backlog took
/// ... to drain", "the queue drained", "to catch up", "to clear the backlog".
static WORKED_OFF: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:backlogs?|queues?|pile-?up)\b[^.;|]*?\b(?:drain(?:ed|ing|s)?|clear(?:ed|ing|s)?|empt(?:y|ied|ying)|process(?:ed|ing)?|work(?:ed|ing|s)?\s+(?:through|off|down)|chew(?:ed)?\s+through|burn(?:ed|t)?\s+(?:through|down)|catch(?:ing)?\s+up|caught\s+up|flush(?:ed)?)\b|\b(?:drain|clear|empty|process|work\s+(?:through|off|down)|chew\s+through|burn\s+(?:through|down)|flush)(?:ed|ing|s)?\s+(?:the\s+|our\s+|its\s+|their\s+|that\s+)?(?:[a-z-]+\s+)?(?:backlogs?|queues?)\b|\b(?:catch|caught)\s+up\b",
    )
});

/// Words every match of [`WORKED_OFF`] holds (each of its three shapes names a
/// backlog or a queue, a pile-up, or catching up): a sentence without any compiles
/// none of this reader's patterns.
static WORKED_OFF_SCREEN: Screen = Screen::new(Gate::AnyOf(&[
    "backlog", "queue", "pile", "catch", "caught",
]));

/// The fix the length counts from, with its day: "once the service was fixed on
/// Tuesday morning", "after the patch was deployed on Sat. evening", "after the
/// restart on Sunday night", "once loading resumed on Monday".
static FIXED_ON: LazyLock<Lean> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:once|after|when|since|from\s+when)\s+(?:(?:the|our|its|their)\s+)?(?:[a-z-]+\s+){{0,3}}?(?:(?:was|were|had\s+been|got|went)\s+)?(?:fixed|repaired|restored|restarted|patched|deployed|rolled\s+back|reverted|back\s+up|recovered|resumed|out|fix|restart|patch|rollback|redeploy)\s+(?:(?:in\s+production|to\s+production|again)\s+)?on\s+(?P<day>{WEEKDAY})\.?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
    ))
});

/// Words of a fix phrase that make it a habit or a plan rather than this
/// incident's fix.
static HABIT: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\b(?:is|are|gets|get|usually|normally|typically|always|will|would|a|any|every)\b")
});

/// A timeline entry that fixes: the step the backlog counts from.
static FIX_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:fix(?:es|ed)?|repair(?:s|ed)?|restor(?:es|ed)|restart(?:s|ed)?|patch(?:es|ed)?\s+(?:deployed|released|applied|rolled\s+out)|deploy(?:s|ed)\s+(?:the\s+)?(?:fix|patch)|(?:fix|patch)\s+(?:is\s+|was\s+)?(?:deployed|released|applied|rolled\s+out)|resum(?:es|ed)|rolled\s+back|roll(?:s|ed)?\s+back|revert(?:s|ed))\b",
    )
});

/// A timeline entry that says the backlog was gone.
static DRAINED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:backlog|queue)s?\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:now\s+|fully\s+|finally\s+|completely\s+)?(?:empty|emptied|cleared|drained|processed|gone|worked\s+off|back\s+(?:to|at)\s+zero|at\s+zero)\b|\b(?:cleared|drained|emptied|worked\s+off)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:backlog|queue)\b|\bcaught\s+up\b|\bno\s+(?:more\s+)?backlog\b",
    )
});

/// Hours (from, to) of a part of the day; an evening may run to midnight and a
/// night past it.
fn part_hours(part: &str) -> (u32, u32) {
    match part.to_ascii_lowercase().as_str() {
        "morning" => (4, 12),
        "afternoon" => (12, 18),
        "evening" => (16, 24),
        _ => (19, 24),
    }
}

/// Days since Monday of a weekday as written.
fn weekday(text: &str) -> Option<i8> {
    let t = text.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| t.starts_with(d))
        .map(|i| i as i8)
}

/// The sentence of `masked` around `range`.
fn sentence(masked: &str, range: Range<usize>) -> Range<usize> {
    crate::sentence::around(
        masked,
        range,
        &[". ", ".\n", "\n\n", "! ", "? ", "\n- ", "\n* ", "|"],
        &[". ", ".\n", "\n\n", "! ", "? ", "|"],
    )
}

/// The time from the fix the claim's sentence names to the timeline entry that
/// says the backlog was gone; `None` when the claim is not of this shape or
/// either entry is not one clear entry.
pub(super) fn read(inputs: &Inputs<'_>, masked: &str, range: Range<usize>) -> Option<Compared> {
    let s = sentence(masked, range.clone());
    let text = &masked[s.clone()];
    if !WORKED_OFF_SCREEN.passes(text) || !WORKED_OFF.is_match(text) {
        return None;
    }
    let caps = FIXED_ON.captures(text)?;
    // "once a fix is deployed on Monday": a habit, not this incident's fix.
    if HABIT.is_match(caps.get(0)?.as_str()) {
        return None;
    }
    // The fix is its own phrase, not the duration's ("after 3 days on Monday").
    let fixed = caps.get(0)?;
    let at = range.start - s.start..range.end - s.start;
    if fixed.start() < at.end && at.start < fixed.end() {
        return None;
    }
    let day = weekday(caps.name("day")?.as_str())?;
    let hours = caps.name("part").map(|p| part_hours(p.as_str()));
    let entries = sorted_entries(inputs);
    let on_day = |v: &crate::times::TimeValue| -> bool {
        let Ok(parsed) = v.parsed.as_ref() else {
            return false;
        };
        let Some(date) = parsed.date else {
            return false;
        };
        if date.weekday().to_monday_zero_offset() != day {
            return false;
        }
        hours.is_none_or(|(from, to)| {
            let h = u32::from(parsed.time.hour().unsigned_abs());
            h >= from && h < to
        })
    };
    let mut fixes = entries
        .iter()
        .filter(|(_, v, _, text)| on_day(v) && FIX_ENTRY.is_match(text));
    let fix = fixes.next()?;
    if fixes.next().is_some() {
        return None;
    }
    let mut ends = entries
        .iter()
        .filter(|(_, _, t, text)| *t > fix.2 && DRAINED_ENTRY.is_match(text));
    let end = ends.next()?;
    if ends.next().is_some() {
        return None;
    }
    Some(Compared {
        source: "events",
        from: format!("entry with the fix (entry {})", fix.0 + 1),
        to: format!("entry where the backlog is gone (entry {})", end.0 + 1),
        from_pointer: fix.1.pointer.clone(),
        to_pointer: end.1.pointer.clone(),
        seconds: end.2 - fix.2,
        rank: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::claims::Verdict;

    #[test]
    fn the_screen_turns_away_no_worked_off_sentence() {
        // Every shape of the pattern (each verb with each noun, in any case) and
        // every line and paragraph of the corpus it matches pass the screen.
        let mut matched = 0;
        let mut texts: Vec<String> = Vec::new();
        for verb in [
            "drained",
            "cleared",
            "emptied",
            "processed",
            "worked through",
            "worked off",
            "chewed through",
            "burned down",
            "caught up",
            "flushed",
        ] {
            for noun in ["backlog", "Queues", "pile-up", "PILEUP", "import backlog"] {
                texts.push(format!("the {noun} was {verb} by noon"));
                texts.push(format!("we {verb} the {noun}"));
            }
        }
        texts.push("it took a day to CATCH UP".into());
        for (_, text) in crate::gated::corpus() {
            texts.extend(text.lines().map(str::to_string));
            texts.extend(text.split("\n\n").map(str::to_string));
        }
        for text in &texts {
            if super::WORKED_OFF.is_match(text) {
                matched += 1;
                assert!(super::WORKED_OFF_SCREEN.passes(text), "{text}");
            }
        }
        assert!(matched > 100, "{matched} sentences work off a backlog");
        assert!(!super::WORKED_OFF_SCREEN.passes("It took two hours to restore the index."));
    }

    const TIMELINE: &str = "## Timeline\n\n### Monday 3 March\n\n- 22:10 Export worker loses its database connection; jobs start to queue.\n\n### Tuesday 4 March\n\n- 07:40 On-call engineer restarts the export worker. Exports resume.\n- 09:00 Throughput back to its usual rate; the backlog is still large.\n- 16:30 Two more workers added.\n\n### Wednesday 5 March\n\n- 13:10 Backlog empty; all exports delivered.\n";

    /// The measure and verdict of the claim written `text` in a report whose
    /// summary is `summary` over `timeline`.
    fn reading(summary: &str, timeline: &str, text: &str) -> (&'static str, Verdict) {
        let report = format!(
            "# Export queue stalled, 3-5 March 2025\n\nAll times are CET.\n\n## Summary\n\nCustomer exports were delayed.\n\n{summary}\n\n{timeline}"
        );
        let claims = crate::check(&report, Format::Markdown).claims;
        let c = claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim `{text}` in {claims:?}"));
        (c.measures, c.verdict)
    }

    #[test]
    fn a_backlog_counted_from_the_fix_on_a_named_day() {
        let contradicts = ("between_events", Verdict::Contradicts);
        for (summary, text) in [
            (
                "Once the worker was restarted on Tuesday morning, it took about six hours to work through the backlog.",
                "about six hours",
            ),
            (
                "The backlog took nearly three days to drain after the worker was fixed on Tuesday morning.",
                "nearly three days",
            ),
            (
                "- After the restart on Tuesday morning the queue drained in about 6 hours.",
                "about 6 hours",
            ),
            (
                "## Recovery\n\nIt took roughly 12 hours to clear the backlog once exports resumed on Tue morning.",
                "roughly 12 hours",
            ),
            (
                "| Phase | Length |\n|---|---|\n| Recovery | the backlog cleared in about 4 hours once the worker was restarted on Tuesday |",
                "about 4 hours",
            ),
        ] {
            assert_eq!(reading(summary, TIMELINE, text), contradicts, "{summary}");
        }
        // Tuesday 07:40 to Wednesday 13:10 is 29.5 hours.
        assert_eq!(
            reading(
                "Once the worker was restarted on Tuesday morning, it took about 30 hours to work through the backlog.",
                TIMELINE,
                "about 30 hours"
            ),
            ("between_events", Verdict::Agrees)
        );
    }

    #[test]
    fn a_backlog_without_one_clear_fix_and_end_is_not_read() {
        for (summary, timeline, text) in [
            // No day named for the fix.
            (
                "Once the worker was restarted, it took about six hours to work through the backlog.",
                TIMELINE,
                "about six hours",
            ),
            // A habit, not this fix.
            (
                "A backlog usually takes about six hours to drain once a fix is deployed on Monday.",
                TIMELINE,
                "about six hours",
            ),
            // No fix on the day named.
            (
                "Once the worker was restarted on Wednesday, it took about six hours to work through the backlog.",
                TIMELINE,
                "about six hours",
            ),
            // Not the backlog: how long exports took to reach customers.
            (
                "Once the worker was restarted on Tuesday morning, exports took about six hours to reach every customer.",
                TIMELINE,
                "about six hours",
            ),
            // The backlog building up before the fix.
            (
                "The backlog built up for 9 hours before the worker was restarted on Tuesday morning.",
                TIMELINE,
                "9 hours",
            ),
            // No entry says the backlog was gone.
            (
                "Once the worker was restarted on Tuesday morning, it took about six hours to work through the backlog.",
                &TIMELINE.replace("Backlog empty; all", "All"),
                "about six hours",
            ),
            // Two fixes that morning: which one is not clear.
            (
                "Once the worker was restarted on Tuesday morning, it took about six hours to work through the backlog.",
                &TIMELINE.replace(
                    "- 09:00 Throughput",
                    "- 09:00 Worker restarted again. Throughput",
                ),
                "about six hours",
            ),
        ] {
            let (measures, verdict) = reading(summary, timeline, text);
            assert!(
                measures != "between_events" || verdict == Verdict::NotCompared,
                "{summary}: {measures} {verdict:?}"
            );
        }
    }
}
