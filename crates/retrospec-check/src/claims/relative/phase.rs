//! An anchor's event in the phase its words name ("after the rollout
//! completed"), when several entries name the event.

use super::anchor::{self, Stamp};
use super::{Ctx, Target};

/// The one entry naming an anchor's event in the phase the anchor's words
/// name, when several name the event: "after the rollout completed" is the
/// entry that says it reached 100% or finished, not the one where it started
/// ("Release 2.14.1 starts rolling out (10% canary)"); "after the rollback
/// started" the one where it started.
pub(super) fn phase_of(target: &Target, anchor_text: &str, ctx: &Ctx<'_, '_>) -> Option<Stamp> {
    const FINISHED: &[&str] = &["complete", "finished", "done", "100%", "fully"];
    const STARTED: &[&str] = &["start", "began", "begin", "kicked off"];
    let Target::Event(event) = target else {
        return None;
    };
    let lower = anchor_text.to_ascii_lowercase();
    let says = |list: &[&str], t: &str| {
        let t = t.to_ascii_lowercase();
        list.iter().any(|w| t.contains(w))
    };
    let phase = if says(FINISHED, &lower) {
        FINISHED
    } else if says(STARTED, &lower) {
        STARTED
    } else {
        return None;
    };
    // A rollback is a deploy too, but not the one "the rollout" names.
    const BACK: &[&str] = &["rollback", "roll back", "rolled back", "revert"];
    let back = says(BACK, &lower);
    // The anchor's own nouns ("rollout"), for an entry that names the event in
    // words the event's list does not have ("Rollout reaches 100% of traffic").
    let nouns: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4 && !says(FINISHED, w) && !says(STARTED, w))
        .filter(|w| {
            !matches!(
                *w,
                "the" | "was" | "were" | "had" | "have" | "been" | "when" | "after"
            )
        })
        .collect();
    let named = |t: &str| {
        event.named_in(t) || {
            let t = t.to_ascii_lowercase();
            nouns.iter().any(|n| t.contains(n))
        }
    };
    match anchor::find(
        ctx.entries(),
        &[],
        &|t| usize::from(named(t) && says(phase, t) && (back || !says(BACK, t))),
        None,
        false,
        None,
    ) {
        anchor::Found::One(stamp) => Some(stamp),
        _ => None,
    }
}

/// The one place naming an anchor that comes before the claim's own event, when
/// several name the anchor: in "the page came in about five minutes after
/// Corvid's change went live" the change went live before the page, so of the
/// entries that name Corvid's change (its rollout at 13:55, the vendor
/// confirming it at 15:20) only the one before the page (14:31) can be meant.
pub(super) fn before_its_event(
    target: &Target,
    event: super::Event,
    first: bool,
    ctx: &Ctx<'_, '_>,
) -> Option<Stamp> {
    let candidates = ctx.locate(target, None, first, true).ok()?;
    if candidates.len() < 2 {
        return None;
    }
    let events = ctx.locate(&Target::Event(event), None, true, false).ok()?;
    let [own] = events.as_slice() else {
        return None;
    };
    let at = own.instant?;
    let mut before = candidates
        .iter()
        .filter(|s| s.instant.is_some_and(|t| t < at));
    match (before.next(), before.next()) {
        (Some(one), None) => Some(one.clone()),
        _ => None,
    }
}
