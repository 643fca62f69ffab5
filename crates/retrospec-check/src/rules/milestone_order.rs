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
    /// One cause, one finding: a milestone after two or more of those that follow
    /// it (`detected` after both `mitigated` and `resolved`) is the one out of
    /// place, reported once on it with the others as labels.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 15:20 CEST
    /// ```
    pub struct MilestoneOrder = "RS205", "milestone-order", Error;
}

/// A milestone and the pointer of its field.
type Named<'a> = (Milestone, &'a str);

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
        // (the milestone, the one it is before): each with its pointer.
        let mut before: Vec<(Named<'_>, Named<'_>)> = Vec::new();
        for (m, pointer, at) in moments {
            if let Some((earlier, earlier_pointer, earlier_at)) = latest
                && surely_before(at, earlier_at)
            {
                before.push(((m, pointer), (earlier, earlier_pointer)));
                continue;
            }
            latest = Some((m, pointer, at));
        }
        const HELP: &str = "milestones happen in the order started, detected, acknowledged, mitigated, resolved; check the dates and zones";
        let mut told: Vec<Milestone> = Vec::new();
        for &((m, pointer), (earlier, earlier_pointer)) in &before {
            let after: Vec<Named<'_>> = before
                .iter()
                .filter(|(_, (e, _))| *e == earlier)
                .map(|&(later, _)| later)
                .collect();
            if after.len() < 2 {
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span(pointer),
                        format!("`{}` is before `{}`", m.as_str(), earlier.as_str()),
                    )
                    .with_label(
                        cx.span(earlier_pointer),
                        format!("`{}` is here", earlier.as_str()),
                    )
                    .with_help(HELP),
                );
                continue;
            }
            if told.contains(&earlier) {
                continue;
            }
            told.push(earlier);
            let names: Vec<String> = after
                .iter()
                .map(|(l, _)| format!("`{}`", l.as_str()))
                .collect();
            let mut d = Diagnostic::new(
                &Self::INFO,
                cx.span(earlier_pointer),
                format!("`{}` is after {}", earlier.as_str(), names.join(" and ")),
            );
            for (later, later_pointer) in after {
                d = d.with_label(
                    cx.span(later_pointer),
                    format!("`{}` is here", later.as_str()),
                );
            }
            out.push(d.with_help(HELP));
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

    /// A milestone after two that follow it is the one out of place: one finding.
    #[test]
    fn one_milestone_out_of_place_is_one_finding() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2025-09-30 13:12 UTC\n  detected: 2025-09-30 15:20 UTC\n  mitigated: 2025-09-30 14:05 UTC\n  resolved: 2025-09-30 14:31 UTC\n";
        let found: Vec<(String, String)> = crate::check(text, Format::Yaml)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS205")
            .map(|d| (d.span.slice(text).to_string(), d.message.clone()))
            .collect();
        assert_eq!(
            found,
            [(
                "2025-09-30 15:20 UTC".to_string(),
                "`detected` is after `mitigated` and `resolved`".to_string()
            )]
        );
    }
}
