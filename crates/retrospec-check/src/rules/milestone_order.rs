use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// Milestones out of order: they must satisfy started <= detected <=
    /// acknowledged <= mitigated <= resolved.
    ///
    /// ## Why
    /// Time to detect, acknowledge, mitigate and resolve are computed from these
    /// pairs; a milestone out of order makes one of them negative and usually
    /// means a wrong date, zone or label. Two milestones written without a zone
    /// are compared as written when they are more than a day apart (no zone could
    /// put them in the other order); closer ones wait for the zone (RS202).
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 15:20 CEST
    /// ```
    pub struct MilestoneOrder = "RS205", "milestone-order", Error;
}

/// A milestone's moment: the instant it resolves to, or, when it has no zone to
/// resolve in, its date and clock as written.
#[derive(Clone, Copy)]
enum Moment {
    Instant(jiff::Timestamp),
    Wall(jiff::civil::DateTime),
}

/// The most two clocks can differ for one instant (UTC-12:00 to UTC+14:00): two
/// times without a zone further apart than this are in that order in any zone.
const WIDEST_OFFSET_SPREAD_SECONDS: i64 = 26 * 3600;

/// Whether `at` is surely before `earlier`: by the instants, or, for two times
/// without a zone, by more than any zone could shift one of them.
fn surely_before(at: Moment, earlier: Moment) -> bool {
    match (at, earlier) {
        (Moment::Instant(a), Moment::Instant(e)) => a < e,
        (Moment::Wall(a), Moment::Wall(e)) => a
            .duration_until(e)
            .as_secs()
            .gt(&WIDEST_OFFSET_SPREAD_SECONDS),
        _ => false,
    }
}

impl Rule for MilestoneOrder {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let moments: Vec<(Milestone, &str, Moment)> = cx
            .times
            .milestones
            .iter()
            .filter_map(|(m, v)| {
                let moment = match v.instant() {
                    Some(r) => Moment::Instant(r.timestamp),
                    None => {
                        let p = v.parsed.as_ref().ok()?;
                        Moment::Wall(p.date?.to_datetime(p.time))
                    }
                };
                Some((*m, v.pointer.as_str(), moment))
            })
            .collect();
        // Compare each milestone with the latest earlier-ordered one before it.
        let mut latest: Option<(Milestone, &str, Moment)> = None;
        for (m, pointer, at) in moments {
            if let Some((earlier, earlier_pointer, earlier_at)) = latest
                && surely_before(at, earlier_at)
            {
                out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            cx.span(pointer),
                            format!("`{}` is before `{}`", m.as_str(), earlier.as_str()),
                        )
                        .with_label(cx.span(earlier_pointer), format!("`{}` is here", earlier.as_str()))
                        .with_help("milestones happen in the order started, detected, acknowledged, mitigated, resolved; check the dates and zones"),
                    );
                continue;
            }
            latest = Some((m, pointer, at));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;

    fn report(started: &str, resolved: &str) -> String {
        format!(
            "title: Cache eviction at Orla Freight\nstatus: draft\nmilestones:\n  started: {started}\n  resolved: {resolved}\n"
        )
    }

    /// Without a zone, a resolution days before the start is out of order in any
    /// zone; one a few hours before could be a zone apart, and waits for it.
    #[test]
    fn times_without_a_zone_are_compared_when_no_zone_could_reorder_them() {
        fn found(r: &str) -> Vec<&str> {
            crate::rules::spans_of("RS205", r, Format::Yaml)
        }
        assert_eq!(
            found(&report("2024-03-09 11:45", "2024-02-14 12:00")),
            ["2024-02-14 12:00"]
        );
        assert!(found(&report("2024-03-09 11:45", "2024-03-09 09:00")).is_empty());
        assert!(found(&report("2024-03-09 11:45", "2024-03-10 09:00")).is_empty());
        // With zones, the instants decide.
        assert_eq!(
            found(&report("2024-03-09 11:45 UTC", "2024-03-09 09:00 UTC")),
            ["2024-03-09 09:00 UTC"]
        );
    }
}
