//! Relative claims in the shapes that need more than the clause before the
//! duration: opening the sentence ("Within 20 minutes of the alert, our status
//! page was updated"), a detection within N of nothing named, and an own event
//! named in its own words.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::{
    AFTER, Ctx, Event, OF, Reading, Target, anchor, anchor_event, anchor_words, measure, own_event,
    re,
};

/// A relative claim that opens its sentence, its own event in the clause after
/// the anchor: "Within ten minutes of the first failure, the alert fired",
/// "About 18 minutes after the alert, our status page was updated". `None` when
/// the sentence is not of this shape or its last clause names no event.
pub(super) fn fronted(
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<(Event, Option<Event>, String)> {
    let after = &masked[range.end..];
    let anchor = anchor_span(masked, range)?;
    let main = main_clause(&after[anchor.end..])?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (event, _) = own_event(&main)?;
    let anchor_text = anchor_words(&after[anchor]);
    Some((event, anchor_event(&anchor_text), anchor_text))
}

/// Where the anchor of the claim at `range` stands in the text after it:
/// "after X", or "of X" for a claim that is "within N". `None` for neither.
pub(super) fn anchor_span(
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let after = &masked[range.end..];
    let within = within(masked, range);
    let caps = AFTER
        .captures(after)
        .or_else(|| within.then(|| OF.captures(after)).flatten())?;
    caps.name("anchor").map(|m| m.range())
}

/// The clause after a fronted claim's anchor, its own event ("Within N of X,
/// <the clause>."): from the comma to the end of the sentence, its closing
/// mark left out. `None` when no comma follows the anchor.
pub(super) fn main_clause(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(',')?;
    let end = [". ", ".\n", "; ", "! ", "? ", "\n\n"]
        .iter()
        .filter_map(|b| rest.find(b))
        .min()
        .unwrap_or(rest.len());
    Some(rest[..end].trim().trim_end_matches(['.', '!', '?']))
}

/// A relative claim whose own clause names no event by its verb: "Most customer
/// servers were back within 40 minutes of the power loss", "We started the
/// restore from object storage about an hour after the primary went down". Its
/// own words ([`anchor::Words::clause`]) are searched for at or after the
/// anchor, as the anchor's are; both must be found in one place each. A length
/// ("errors continued for 10 minutes after the rollback", "it took 20 minutes
/// after ...") is not a point in time: `None`.
pub(super) fn own_in_words(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let clause = crate::claims::subject::clause_start(masked, range.start);
    let before = masked[clause..range.start].trim_end_matches([' ', '\t', '\n', ',']);
    let lower = before.to_ascii_lowercase();
    if LENGTH_BEFORE.is_match(&lower) {
        return None;
    }
    let own = anchor::Words::clause(before)?;
    let (anchor_text, target) = anchor_after(masked, range.clone())?;
    let first = anchor_text.to_ascii_lowercase().contains("first");
    let anchors = match ctx.locate(&target, None, first, false) {
        Ok(found) => found,
        // "after the autoscaler deploy finished": the entry in that phase.
        Err(why) => match super::phase::phase_of(&target, &anchor_text, ctx) {
            Some(stamp) => vec![stamp],
            None => return Some(Reading::NotCompared(why)),
        },
    };
    // Its own words in one place only: "service was restored" over "service
    // partially restored" and "service fully restored" is not clear.
    let own = Target::Words(own);
    let events = match ctx.locate(&own, anchors.first(), false, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    // A timeline entry's own words found in that entry are at the entry's time,
    // unless they say when something else had happened ("the cut had started N
    // after the alarm").
    let entry = ctx.own.0.strip_suffix("/text");
    if NOT_OWN.is_match(before)
        && events
            .iter()
            .any(|e| entry.is_some_and(|p| e.pointer.strip_suffix("/time") == Some(p)))
    {
        return None;
    }
    Some(measure(&anchors, &events))
}

/// "N in" closing its clause: "the on-call engineer was paged three minutes in",
/// "paged three minutes in, at 21:16": N after the impact began.
static MINUTES_IN: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*in\s*(?:[.;)]|$|,\s*(?:at|around|about)\s+(?P<t>[0-2]?[0-9]:[0-5][0-9](?:\s*[ap]\.?m\.?)?(?-i:\s+[A-Z]{2,5})?)\s*(?:[.;,)\n]|$|\s+(?-i:[A-Z]))|,)",
    )
});

/// A claim of the shape "`<event>` N in" ([`MINUTES_IN`]): from the impact's
/// start (the first place that says it began) to the claim's event, its clock
/// written after it or else its entry or clause. `None` for another shape or
/// a clause that names no event by its verb.
pub(super) fn minutes_in(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let after = &masked[range.end..];
    if !after.trim_start().get(..2)?.eq_ignore_ascii_case("in") {
        return None;
    }
    let caps = MINUTES_IN.captures(after)?;
    let clause = crate::claims::subject::clause_start(masked, range.start);
    let before = masked[clause..range.start].trim_end();
    let (event, _) = own_event(before)?;
    let anchors = match ctx.locate(&Target::Event(Event::Impact), None, true, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    // The start is implied, not named: a sentence of another part of the
    // report (another incident of a monthly report) may be another start.
    let elsewhere = |a: &super::Stamp| {
        a.source == "prose_clause" && a.place.as_ref().is_some_and(|(p, _)| *p != ctx.own.0)
    };
    if anchors.iter().any(elsewhere) {
        return Some(Reading::NotCompared(
            "relative claim: \"N in\" counts from the impact's start, stated only in another part of the report".to_string(),
        ));
    }
    if let Some(t) = caps.name("t") {
        // "at 10:20am." closing the sentence: the dot is the sentence's.
        let written = t.as_str().trim();
        let written = match crate::time::parse_time(written) {
            Ok(_) => written,
            Err(_) => written.trim_end_matches('.'),
        };
        let parsed = crate::time::parse_time(written).ok()?;
        let own = super::Stamp::written(written, &parsed);
        return Some(measure(&anchors, std::slice::from_ref(&own)));
    }
    let events = match ctx.locate(&Target::Event(event), anchors.first(), true, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    Some(measure(&anchors, &events))
}

/// The anchor a claim at `range` names after it ("... after the deploy", and
/// "within N of the alert" for a claim that opens with "within"): its words and
/// the event they name.
pub(super) fn anchor_after(
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<(String, Target)> {
    let after = &masked[range.end..];
    let within = within(masked, range.clone());
    let caps = AFTER
        .captures(after)
        .or_else(|| within.then(|| OF.captures(after)).flatten())?;
    let anchor_text = anchor_words(caps.name("anchor")?.as_str());
    let target = Target::of(&anchor_text)?;
    Some((anchor_text, target))
}

/// Words before the claim that make the entry's time not its own event's: a
/// clock of another event, or a past perfect ("errors had started 10 minutes
/// after the deploy" says when the errors started, not when the entry was written).
pub(super) static NOT_OWN: LazyLock<Lean> =
    LazyLock::new(|| re(r"(?i)\b(?:had|has|have|was\s+already|were\s+already)\b"));

/// A clause that states a length, not when its event happened: "continued for",
/// "lasted", "took", "spent", "ran for", "waited".
pub(super) static LENGTH_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:for|lasted|lasting|took|takes|take|taking|spent|spend|waited|wait|ran|run|kept|remained|stayed|continued|persisted)\s*$|\b(?:lasted|took|spent|waited|remained|stayed|continued|persisted)\b",
    )
});

/// "Our alerting caught it within five minutes", "the problem was detected
/// within ten minutes": a detection within N of nothing named is within N of
/// the impact's start. Only a clause whose verb is the detection (an alert
/// firing, someone noticing) and that ends the sentence or its clause there;
/// `None` for any other "within N".
pub(super) fn within_the_start(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let clause = crate::claims::subject::clause_start(masked, range.start);
    let before = masked[clause..range.start].trim_end();
    let (event, _) = own_event(before)?;
    // Someone told of the failure itself ("the control centre was made aware of
    // the failure within 10 minutes") names the start as its anchor too.
    let lower = before.to_ascii_lowercase();
    let told_of_it = event == Event::Paged
        && ["failure", "outage", "incident", "problem", "issue", "fault"]
            .iter()
            .any(|w| lower.ends_with(&format!(" of the {w}")));
    if !matches!(event, Event::Noticed | Event::Alert) && !told_of_it {
        return None;
    }
    let next = masked[range.end..].trim_start();
    let ends = next.is_empty()
        || next.starts_with(['.', ',', ';', '!', '?'])
        || next
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("and "));
    if !ends {
        return None;
    }
    let anchors = match ctx.locate(&Target::Event(Event::Impact), None, true, false) {
        Ok(found) => found,
        Err(why) => {
            return Some(Reading::NotCompared(format!(
                "{why} (a detection \"within\" a time names no anchor: the impact's start is read)"
            )));
        }
    };
    let events = match ctx.locate(&Target::Event(event), anchors.first(), true, false) {
        Ok(found) => found,
        Err(why) => return Some(Reading::NotCompared(why)),
    };
    Some(measure(&anchors, &events))
}

/// Whether the claim at `range` is "within N": the length opens with it
/// ("within 15 minutes of"), or a qualifier opens the length and "within"
/// stands just before it ("within about six hours of").
pub(super) fn within(masked: &str, range: std::ops::Range<usize>) -> bool {
    masked[range.clone()]
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("within"))
        || masked[..range.start]
            .strip_suffix(' ')
            .is_some_and(|head| without_within(head).len() < head.len())
}

/// `before` without a "within" that ends it: a qualifier opens the length in
/// "within about six hours of", so the "within" stays before it.
pub(super) fn without_within(before: &str) -> &str {
    let n = before.len();
    if n >= 7 && before.is_char_boundary(n - 7) && before[n - 7..].eq_ignore_ascii_case(" within") {
        before[..n - 7].trim_end_matches([' ', '\t', '\n', ','])
    } else if before.eq_ignore_ascii_case("within") {
        ""
    } else {
        before
    }
}

/// "From the first failed match to the rollback finishing, it took us": both
/// ends named in words before the length, its sentence opening with them.
static FROM_TO_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    super::re(
        r"(?i)(?:^|[.!?]\s+|\n\n)\s*from\s+(?P<x>(?:the|our|its|their)\s[^.;:,()|]{2,80}?)\s+(?:to|until|till)\s+(?:(?:start|begin)\s+)?(?P<y>(?:the|our|its|their)\s[^.;:,()|]{2,60}?)\s*,\s*(?:it\s+|that\s+)?(?:took|lasted|was)(?:\s+us)?\s*$",
    )
});
/// The ends named before the length at `start` ([`FROM_TO_BEFORE`]), with `x`
/// and `y` captured as `FROM_TO` captures them after a length.
pub(super) fn from_to_before(masked: &str, start: usize) -> Option<crate::lean::Captures<'_>> {
    let before = &masked[crate::span::floor_char(masked, start.saturating_sub(250))..start];
    if !before.to_ascii_lowercase().contains("from ") {
        return None;
    }
    FROM_TO_BEFORE.captures(before)
}

#[cfg(test)]
mod tests {
    /// A clause that states a length is told from one that names an event (the
    /// word boundaries were once written as backspace characters, so no length
    /// was ever recognised).
    #[test]
    fn a_length_before_the_duration_is_recognised() {
        for clause in [
            "errors continued for",
            "it took",
            "the restore lasted",
            "we waited",
        ] {
            assert!(super::LENGTH_BEFORE.is_match(clause), "{clause}");
        }
        for clause in ["most customer servers were back", "we started the restore"] {
            assert!(!super::LENGTH_BEFORE.is_match(clause), "{clause}");
        }
    }
}
