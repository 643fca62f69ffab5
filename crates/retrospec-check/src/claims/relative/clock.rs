//! A relative claim whose own event has its clock time in its clause: "engaged
//! at 09:31, within five minutes of ...", "noticed at 18:10 on Friday, less than
//! half an hour after ...", and an anchor written with its own time ("after the
//! deploy at 3:12 PM").

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{
    AFTER, Ctx, Event, OF, Reading, Stamp, Target, anchor, anchor_words, measure, re, trailing,
};

/// The clock time a clause states for its own event, right before the
/// duration: "engaged at 09:31, within five minutes of ...", "the alert
/// triggered at 02:10am PDT, 8 minutes after ...", "noticed at 18:10 on Friday,
/// less than half an hour after ..." (the day after the time names no other time),
/// "at 01:58 UTC (5 minutes after the page)", "started looking around 11AM,
/// two hours after ...". The clock in every form the time crate reads with a
/// colon, an `h` (`14h30`) or an AM/PM hour (`10AM`, `9 p.m.`).
static AT_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:at|around|about|approximately|roughly)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+)?(?P<t>(?:[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?|(?:[01]?[0-9]|2[0-3])h[0-5][0-9])(?-i:\s+[A-Z]{2,5})?)(?:\s+(?:yesterday|this\s+(?:morning|afternoon|evening)|today|tonight|last\s+night)|\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?)(?:,?\s+[0-9]{4})?)?\s*[,(]\s*$",
    )
});
/// A line that opens with its own clock, the claim after its words: "- 02:40 –
/// Field team on site, less than three hours after the first alarm" (a
/// timeline written as a list in the prose).
static LINE_CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^[ \t]*(?:[-*+][ \t]+)?[*_]*(?P<t>(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)[*_]*[ \t]*(?:[-–—:|][ \t]*)?[^\n.;:,]{3,120},\s*$",
    )
});
/// An anchor written with its own time: "after the deploy at 3:12 PM".
static AFTER_AT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*after\s+(?:the|our|its|their)\s[^.;:,()|]{2,60}?\s+(?:at|around|about)\s+(?P<t>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\b\.?)?(?-i:\s+[A-Z]{2,5}\b)?)",
    )
});

/// The anchor's own time, when it is written with it ("after the deploy at 3:12 PM").
pub(super) fn anchor_at(after: &str) -> Option<Stamp> {
    let caps = AFTER_AT.captures(after)?;
    let written = caps.name("t")?.as_str().trim();
    let parsed = crate::time::parse_time(written).ok()?;
    let mut stamp = Stamp::written(written, &parsed);
    stamp.label = format!("`{written}` written with the anchor");
    Some(stamp)
}

/// A relative claim whose own event has its clock time in the same clause:
/// the time between that clock time and the anchor's entry, or the clause of
/// the prose with a time that names it (for the impact's start with neither,
/// the start the report states in a sentence), on the wall clock. `None` when
/// the claim is not of this shape.
pub(super) fn at_clock(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let clause = clock_clause(masked, range.start);
    let head = &masked[clause..range.start];
    // A line's own clock only for a clause that opens its line.
    let line_start = masked[..clause].trim_end_matches([' ', '\t', '-', '*', '+']);
    let opens_line = line_start.is_empty() || line_start.ends_with('\n');
    let Some(caps) = AT_CLOCK
        .captures(head)
        .or_else(|| opens_line.then(|| LINE_CLOCK.captures(head)).flatten())
    else {
        return trailing::clock_after(ctx, masked, range);
    };
    let written = caps.name("t")?.as_str();
    // The claim's own event is the clause of its clock time: an anchor stated
    // earlier in the same sentence ("paged at 01:44, and at 01:58 (5 minutes
    // after the page) ...") is another event's.
    if let Some(m) = caps.get(0) {
        let mut own = ctx.own.1.borrow_mut();
        own.start = own.start.max(clause + m.start());
    }
    let after = &masked[range.end..];
    let within = masked[range.clone()]
        .to_ascii_lowercase()
        .starts_with("within");
    let raw = match (
        AFTER.captures(after),
        within.then(|| OF.captures(after)).flatten(),
    ) {
        (Some(c), _) | (None, Some(c)) => c.name("anchor")?.as_str(),
        _ => return None,
    };
    let event_at = crate::time::parse_time(written).ok()?;
    let mut own = Stamp::written(written, &event_at);
    // "at 06:10 this morning," in a mail: the day it was sent; "at 09:12 UTC on
    // 8 October,": the day written after the clock.
    own.day = anchor::mail_day(ctx.inputs.text)
        .and_then(|sent| anchor::relative_day(&masked[clause..range.start], sent, own.clock?))
        .or_else(|| anchor::one_date(&masked[clause + caps.get(0)?.start()..range.start]));
    if let Some(anchor) = anchor_at(after) {
        return Some(measure(&[anchor], std::slice::from_ref(&own)));
    }
    let anchor_text = anchor_words(raw);
    let target = Target::of(&anchor_text)?;
    let first = anchor_text.to_ascii_lowercase().contains("first");
    let anchors = match ctx.locate(&target, None, first, false) {
        Ok(found) => found,
        // "The host lost its storage path at 13:30. The failover started at
        // 13:52, ten minutes after impact began": the failure the sentence
        // before states, with its time, is the impact's start.
        Err(why) => match (&target, anchor::failure_before(masked, clause)) {
            (Target::Event(Event::Impact), Some(stamp)) => vec![stamp],
            _ => return Some(Reading::NotCompared(why)),
        },
    };
    Some(measure(&anchors, std::slice::from_ref(&own)))
}

/// The start of the clause at `at`, a clock's own dot ("at 10:05 a.m. (5
/// minutes after ...") being no sentence end.
pub(super) fn clock_clause(masked: &str, at: usize) -> usize {
    let mut clause = crate::claims::subject::clause_start(masked, at);
    for _ in 0..2 {
        let head = masked[..clause].trim_end();
        let lower = head.get(head.len().saturating_sub(4)..).unwrap_or_default();
        if clause > 0 && (lower.eq_ignore_ascii_case("a.m.") || lower.eq_ignore_ascii_case("p.m."))
        {
            clause = crate::claims::subject::clause_start(masked, head.len() - 1);
        } else {
            break;
        }
    }
    clause
}
