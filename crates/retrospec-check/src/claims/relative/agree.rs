//! Several places that name a relative claim's anchor: when they agree on its
//! time they are one anchor ([`agreeing`]), and a sentence of the prose that gives
//! the time of just one of several naming entries picks it ([`Ctx::backed`]).

use super::anchor::{self, Stamp};
use super::{Ctx, Target};

/// The one time several places give, when they all agree: the same wall clock in
/// the same zone (or none written), and the same instant where they have one. The
/// place with an instant (a timeline entry) is kept.
pub(super) fn agreeing(all: &[Stamp]) -> Option<Stamp> {
    let first = all.first()?;
    let clock = first.clock?;
    let same = all.iter().all(|s| {
        s.clock == Some(clock) && (s.zone.is_none() || first.zone.is_none() || s.zone == first.zone)
    });
    let instants: Vec<i64> = all.iter().filter_map(|s| s.instant).collect();
    let one_instant = instants.windows(2).all(|w| w[0] == w[1]);
    (all.len() >= 2 && same && one_instant).then(|| {
        all.iter()
            .find(|s| s.instant.is_some())
            .unwrap_or(first)
            .clone()
    })
}

impl Ctx<'_, '_> {
    /// The one timeline entry among `all` whose clock a sentence of the prose
    /// naming `target` also gives (see [`Self::locate`]).
    pub(super) fn backed(
        &self,
        target: &Target,
        all: &[Stamp],
        after: Option<&Stamp>,
        first: bool,
    ) -> Option<Stamp> {
        if all.iter().any(|s| s.instant.is_none()) {
            return None;
        }
        let own = || Some((self.own.0.as_str(), self.own.1.borrow().clone()));
        let clauses = match target {
            Target::Event(event) => anchor::find(
                &[],
                self.clauses(),
                &|t| usize::from(event.named_in(t)),
                after,
                first,
                own(),
            ),
            Target::Words(words) => anchor::find(
                &[],
                self.clauses(),
                &|t| words.score(t),
                after,
                first,
                own(),
            ),
        };
        let clocks: Vec<i64> = match clauses {
            anchor::Found::One(s) => s.clock.into_iter().collect(),
            anchor::Found::Several(ss) => ss.iter().filter_map(|s| s.clock).collect(),
            anchor::Found::None => return None,
        };
        let mut backed = all
            .iter()
            .filter(|s| s.clock.is_some_and(|c| clocks.contains(&c)));
        let one = backed.next()?;
        backed.next().is_none().then(|| one.clone())
    }
}
