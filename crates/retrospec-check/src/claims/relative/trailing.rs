//! A relative claim whose own event's time follows its anchor: "within two
//! hours of the first alarm, at 11:50 p.m.".

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{
    AFTER, Ctx, OF, Reading, Stamp, Target, anchor_event, anchor_words, measure, own_event, re,
};

/// The clock time after an anchor, set off by a comma and closing the clause:
/// "within two hours of the first alarm, at 11:50 p.m.", or in parentheses
/// with the words of the claim's own event: "within five minutes of the first
/// alert (the first status update went out at 13:49)".
static CLOCK_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:,\s*(?:at|by|around|about)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?(?P<t>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)(?:\s*[.;,)|]|\s*$|\s+(?-i:[A-Z]))|\(\s*(?P<words>[a-z][^():;]{2,80}?)\s+(?:at|by|around)\s+(?P<u>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)\s*\))",
    )
});

/// "The technicians were on site within two hours of the first alarm, at 11:50
/// p.m.", with the alarm's time stated elsewhere: the time after the anchor is
/// the claim's own event (the sentence says when it happened, the anchor how
/// long after what). Compared when the anchor is found at another time; when the
/// anchor is found at that very time, the time is the anchor's and the claim's
/// own event has none: not compared.
pub(super) fn clock_after(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let after = &masked[range.end..];
    let within = masked[range.clone()]
        .to_ascii_lowercase()
        .starts_with("within");
    let anchor = match (
        AFTER.captures(after),
        within.then(|| OF.captures(after)).flatten(),
    ) {
        (Some(c), _) | (None, Some(c)) => c,
        _ => return None,
    };
    let raw = anchor.name("anchor")?;
    let tail = CLOCK_AFTER.captures(&after[raw.end()..])?;
    // Words in the parentheses name the claim's own event, never the anchor.
    if let Some(words) = tail.name("words") {
        let clause = crate::claims::subject::clause_start(masked, range.start);
        let (event, _) = own_event(&masked[clause..range.start])?;
        let anchor = anchor_event(&anchor_words(raw.as_str()));
        if !event.named_in(words.as_str()) || anchor.is_some_and(|a| a.named_in(words.as_str())) {
            return None;
        }
    }
    let written = tail.name("t").or(tail.name("u"))?.as_str().trim();
    let parsed = crate::time::parse_time(written).ok()?;
    let own = Stamp::written(written, &parsed);
    let anchor_text = anchor_words(raw.as_str());
    let target = Target::of(&anchor_text)?;
    let first = anchor_text.to_ascii_lowercase().contains("first");
    let anchors = match ctx.locate(&target, None, first, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    if anchors
        .iter()
        .any(|a| a.clock.is_some() && a.clock == own.clock)
    {
        return Some(Reading::NotCompared(format!(
            "relative claim: `{written}` is the time of {} itself; the claim's own event has no time",
            target.name()
        )));
    }
    Some(measure(&anchors, std::slice::from_ref(&own)))
}
