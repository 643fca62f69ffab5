//! Where a relative claim's events are looked for besides the timeline's
//! entries and the prose's clauses: the other places of [`super::super::events`]
//! (status posts, front matter, labelled fields), surest first, and whether a
//! firm one of them disagrees with the place found; and the timeline's entry of
//! an event by its milestone or its words ([`find`]).

use super::super::anchor::{self, Stamp};
use super::super::{Inputs, milestone_at};
use super::{Ctx, Event, Target};

impl Ctx<'_, '_> {
    /// The other places' events in tiers of one confidence, surest first.
    pub(super) fn others(&self) -> &[(u8, Vec<anchor::Clause>)] {
        self.inputs.relative.others.get_or_init(|| {
            let mut tiers: Vec<(u8, Vec<anchor::Clause>)> = Vec::new();
            let list = self
                .inputs
                .events
                .get_or_init(|| super::super::events::list(self.inputs));
            for e in list.iter().cloned() {
                let c = e.confidence();
                match tiers.last_mut() {
                    Some((t, v)) if *t == c => v.push(e.clause),
                    _ => tiers.push((c, vec![e.clause])),
                }
            }
            tiers
        })
    }

    /// Where `target` happened, as [`Self::place`] finds it, unless a firm other
    /// place (a labelled field, a status post, a front matter's `start`) states
    /// it at another minute of the same clock: then the sources disagree and
    /// which is right is not for this reader to say.
    pub(super) fn locate(
        &self,
        target: &Target,
        after: Option<&Stamp>,
        first: bool,
        several: bool,
    ) -> Result<Vec<Stamp>, String> {
        // The impact's start named by no place: its plausible starts
        // ([`super::notice::impact_starts`]), each a reading.
        let found = match self.place(target, after, first, several) {
            Err(why) if matches!(target, Target::Event(Event::Impact)) && after.is_none() => {
                let starts = super::notice::impact_starts(self);
                if starts.is_empty() {
                    return Err(why);
                }
                return Ok(starts);
            }
            found => found?,
        };
        let [one] = found.as_slice() else {
            return Ok(found);
        };
        if matches!(one.source, "status_post" | "front_matter" | "field") {
            return Ok(found);
        }
        let score = |t: &str| match target {
            Target::Event(event) => usize::from(event.named_in(t)),
            Target::Words(words) => words.score(t),
        };
        let first = first || matches!(target, Target::Words(w) if w.first);
        for (confidence, tier) in self.others() {
            if *confidence < 2 {
                continue;
            }
            let anchor::Found::One(other) = anchor::find(&[], tier, &score, after, first, None)
            else {
                continue;
            };
            let comparable = match (&one.zone, &other.zone) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            if let (Some(a), Some(b)) = (one.clock, other.clock)
                && comparable
                && a / 60 != b / 60
            {
                return Err(format!(
                    "relative claim: {} and {} say {} at different times (sources disagree)",
                    one.label,
                    other.label,
                    target.name()
                ));
            }
        }
        Ok(found)
    }

    /// `target` in the other places when the timeline and the sentences name
    /// nothing: the surest tier that names it.
    pub(super) fn in_others(
        &self,
        score: &dyn Fn(&str) -> usize,
        after: Option<&Stamp>,
        first: bool,
    ) -> anchor::Found {
        let tiers = self.others();
        for (k, (_, tier)) in tiers.iter().enumerate() {
            match anchor::find(&[], tier, score, after, first, None) {
                anchor::Found::None => {}
                anchor::Found::One(one) => {
                    // A less sure but firm place at another minute: the sources disagree.
                    let other =
                        tiers[k + 1..]
                            .iter()
                            .filter(|(c, _)| *c >= 2)
                            .find_map(|(_, t)| {
                                match anchor::find(&[], t, score, after, first, None) {
                                    anchor::Found::One(o)
                                        if o.clock.map(|c| c / 60) != one.clock.map(|c| c / 60)
                                            && (o.zone.is_none()
                                                || one.zone.is_none()
                                                || o.zone == one.zone) =>
                                    {
                                        Some(o)
                                    }
                                    _ => None,
                                }
                            });
                    return match other {
                        Some(o) => anchor::Found::Several(vec![one, o]),
                        None => anchor::Found::One(one),
                    };
                }
                found => return found,
            }
        }
        anchor::Found::None
    }
}

/// The entry of `event`: its milestone, or the entries whose words name it (at or
/// after `after`, for the later event). With several, the first is taken only
/// when `first` (the claim says "the first alert", or the event is the first
/// after its anchor); otherwise the claim is ambiguous.
pub(super) fn find(
    inputs: &Inputs<'_>,
    entries: &[(usize, &crate::times::TimeValue, i64, &str)],
    event: Event,
    after: Option<(i64, &str)>,
    first: bool,
) -> Result<(String, i64, String), String> {
    let milestone = || {
        let m = event.milestone()?;
        let (v, t) = milestone_at(inputs, m)?;
        after
            .is_none_or(|(a, p)| t >= a && v.pointer != p)
            .then(|| (v.pointer.clone(), t, m.as_str().to_string()))
    };
    // The impact's start is `started` when the report marks it; an alert is
    // found by its words first (`detected` may be a customer's report).
    if event == Event::Impact
        && let Some(found) = milestone()
    {
        return Ok(found);
    }
    // A status page's update is posted after the impact began: its words name
    // the impact, not its start.
    let posted = event == Event::Impact
        && crate::parse::freeform::updates::is_stream(
            inputs.model.timeline.iter().map(|e| e.text.as_str()),
        );
    let matching: Vec<_> = entries
        .iter()
        .filter(|(_, v, t, text)| {
            !posted && after.is_none_or(|(a, p)| *t >= a && v.pointer != p) && event.named_in(text)
        })
        .collect();
    match matching.as_slice() {
        [] => milestone()
            .ok_or_else(|| format!("relative claim: no timeline entry says {}", event.name())),
        [one, ..] if first || matching.len() == 1 => Ok((
            one.1.pointer.clone(),
            one.2,
            format!("entry where {} (entry {})", event.name(), one.0 + 1),
        )),
        _ => Err(format!(
            "relative claim: {} timeline entries say {}; which one is meant is not clear",
            matching.len(),
            event.name()
        )),
    }
}
