//! Relative claims whose events no table of synonyms names, read by their own
//! words: "Vantor Telecom confirmed the cause 10 minutes after we raised the
//! ticket", "Support replied within 10 minutes of my ticket", "Within 15
//! minutes of the first alert, we had flipped the flag back".
//!
//! The stricter readers know a few events by their synonyms (an alert, a page,
//! a declaration, a status update); what else a report tells happened N after
//! something (a vendor confirming, a crew arriving, a case opened) it names in
//! the same words as its timeline entry. Each event is looked for by its words
//! ([`anchor::Words::loose`]): its verb and half of its other words must be in a
//! place, and only the best such place, alone, is taken. Read only after every
//! stricter reading has left the claim unread, and only when both events are
//! placed: a claim this cannot place keeps the stricter reading's reason.

use std::sync::LazyLock;

use crate::lean::Lean;

use super::clock::anchor_at;
use super::events::EVENT_RESTORED;
use super::shapes::{LENGTH_BEFORE, NOT_OWN, anchor_span, main_clause};
use super::{CLOCK_TIME, Ctx, Event, Reading, Stamp, Target, anchor, anchor_words, measure};

/// The claim at `range` of `masked` read by its events' own words, or `None`.
pub(super) fn read(
    ctx: &Ctx<'_, '_>,
    masked: &str,
    range: std::ops::Range<usize>,
) -> Option<Reading> {
    let after = &masked[range.end..];
    let anchor_raw = anchor_span(masked, range.clone())?;
    let anchor_text = anchor_words(&after[anchor_raw.clone()]);
    let clause = crate::claims::subject::clause_start(masked, range.start);
    let before = super::shapes::without_within(
        masked[clause..range.start].trim_end_matches([' ', '\t', '\n', ',']),
    );
    // "errors continued for 10 minutes after the rollback": a length, not a time.
    // "the cut had started 20 minutes after the alarm": when something else
    // had happened, told at another time.
    if LENGTH_BEFORE.is_match(&before.to_ascii_lowercase()) || NOT_OWN.is_match(before) {
        return None;
    }
    let own_text = if before.trim().is_empty() {
        // "Within 15 minutes of the first alert, we had flipped the flag back":
        // the own event is the clause after the anchor.
        main_clause(&after[anchor_raw.end..])?
    } else {
        // "The only one to notice was Ana, who asked on IRC": the last clause;
        // "nobody looked until Ilse signed on": what happened is after "until".
        let tail = before
            .rfind(", ")
            .map(|i| &before[i + 2..])
            .filter(|tail| tail.split_whitespace().count() >= 2)
            .unwrap_or(before);
        tail.rfind(" until ").map_or(tail, |i| &tail[i + 7..])
    };
    let anchors = locate_anchor(ctx, &anchor_text, after)?;
    let events = match one_clock(own_text, "with the claim") {
        Some(stamp) => vec![stamp],
        None => match anchor::Words::loose(own_text).and_then(|own| {
            ctx.locate(&Target::Words(own), anchors.first(), true, false)
                .ok()
        }) {
            Some(found) => found,
            // An own event a stricter reader knows by its verb ("paged the
            // on-call"), whose anchor only these looser words found.
            None => match super::own_event(before) {
                Some((event, _)) => ctx
                    .locate(&Target::Event(event), anchors.first(), true, false)
                    .ok()?,
                None => restored(ctx, before, &anchors)?,
            },
        },
    };
    // A place with a clock and no date ("On Wednesday at 08:00 the certificate
    // was renewed") is measured on the wall clock: only for a claim under half
    // a day, between places that name no day.
    let dated = |s: &Stamp| s.instant.is_some();
    if !anchors.iter().chain(&events).all(dated) {
        let long = crate::claims::duration::find(&masked[range])
            .first()
            .is_none_or(|d| d.high >= 12.0 * 3600.0);
        let names_a_day = |s: &Stamp| s.day.is_some() || DAY_WORD.is_match(&s.label);
        if long || anchors.iter().chain(&events).any(names_a_day) {
            return None;
        }
    }
    match measure(&anchors, &events) {
        Reading::NotCompared(_) => None,
        reading => Some(reading),
    }
}

/// The own event when its words are in no place but it says the service was
/// back ("Moodle was back up", "every customer was running again"): the one
/// place after the anchor that says so ("systems back up"; several, and which
/// is meant is not clear), else the one clock of the sentence's head when the
/// clause it stands in says so too ("They were back by 09:41, and with them
/// every customer was running again, ... after power came back"; not "We
/// restarted the pods at 09:41, and ...").
fn restored(ctx: &Ctx<'_, '_>, before: &str, anchors: &[Stamp]) -> Option<Vec<Stamp>> {
    if !EVENT_RESTORED.is_match(before) {
        return None;
    }
    let event = Target::Event(Event::Restored);
    match ctx.locate(&event, anchors.first(), false, false) {
        Ok(found) => Some(found),
        Err(why) if ambiguous(&why) => None,
        Err(_) => {
            let stamp = one_clock(before, "before the claim")?;
            let at = CLOCK_TIME.find(before)?.range();
            let from = before[..at.start].rfind(", ").map_or(0, |i| i + 2);
            let to = before[at.end..]
                .find(", ")
                .map_or(before.len(), |i| at.end + i);
            Event::Restored
                .named_in(&before[from..to])
                .then(|| vec![stamp])
        }
    }
}

/// A day named in a place's words: a weekday, a month, "yesterday", "the next day".
static DAY_WORD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+[0-9]|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|yesterday|(?:next|following|previous)\s+(?:day|morning|evening|night)|overnight",
    )
    .expect("the pattern is valid")
});

/// The anchor's place: its written time ("after the deploy at 3:12 PM"), the
/// event or words a stricter reading knows it by, else its own words.
fn locate_anchor(ctx: &Ctx<'_, '_>, anchor_text: &str, after: &str) -> Option<Vec<Stamp>> {
    if let Some(stamp) = anchor_at(after) {
        return Some(vec![stamp]);
    }
    let first = anchor_text.to_ascii_lowercase().contains("first");
    if let Some(target) = Target::of(anchor_text) {
        match ctx.locate(&target, None, first, false) {
            Ok(found) => return Some(found),
            Err(why) if ambiguous(&why) => return None,
            Err(_) => {}
        }
    }
    let words = anchor::Words::loose(anchor_text)?;
    let first = first || words.first;
    ctx.locate(&Target::Words(words), None, first, false).ok()
}

/// The one clock time `text` writes ("we opened a case with the vendor at
/// 6:25 PM"), as a stamp labelled "`T` written `where`"; `None` with none or
/// several.
pub(super) fn one_clock(text: &str, place: &str) -> Option<Stamp> {
    let mut clocks = CLOCK_TIME.find_iter(text);
    let one = clocks.next()?;
    if clocks.next().is_some() {
        return None;
    }
    let written = one.as_str().trim();
    let parsed = crate::time::parse_time(written).ok()?;
    let mut stamp = Stamp::written(written, &parsed);
    stamp.label = format!("`{written}` written {place}");
    Some(stamp)
}

/// Whether a stricter reading left the claim unread because places disagree
/// or several name its event: then it stays unread.
pub(super) fn ambiguous(why: &str) -> bool {
    why.contains("several") || why.contains("not clear") || why.contains("disagree")
}
