//! Insights across many reports: the figures behind `retrospec report`.
//!
//! Pure data, no I/O: [`entry`] turns one checked report into an [`Entry`] (a small
//! row, its action items, its finding codes and, for the first reports, its
//! timeline), and [`Insights`] folds entries into aggregates one at a time, so a
//! caller can check reports in parallel chunks and drop every tree as soon as its
//! entry exists. [`Insights::finish`] returns the [`Figures`]; renderers (HTML,
//! JSON, CSV) live in the CLI. The shape of the figures is `docs/report.md`'s.
//!
//! Memory is the aggregates plus one [`Row`] per report, the durations (four
//! numbers per report), one small record per action item that is open or overdue
//! and at most [`Options::timelines`] timelines.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use retrospec_model::{ActionStatus, Status};
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::metrics::DEFINITIONS;
use crate::registry;

mod entry;
mod figures;
pub mod stats;

pub use entry::{Entry, Item, Point, Row, Timeline, entry, unreadable};
pub use figures::{
    Completion, Count, Counts, DurationFigures, Durations, Figures, FollowUps, Overdue,
    OwnerFigures, Problem, Quality, RuleCount, Stack, Totals, WithErrors,
};
pub use stats::Summary;

use entry::{action_status_name, action_type_name, overdue, quarter};

/// The version of the JSON shape of [`Figures`]; bumped when a field changes meaning
/// or goes away (new fields may be added within a version).
pub const VERSION: u32 = 1;

/// The grouping of the duration distributions (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// By severity, in the scale's order.
    Severity,
    /// By service (a report with several services counts in each).
    Service,
    /// By calendar month of the incident.
    Month,
    /// By calendar quarter of the incident.
    Quarter,
}

/// What the figures are computed for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day against which action items are overdue and open items age.
    pub today: Date,
    /// Only incidents on or after this day.
    pub since: Option<Date>,
    /// Only incidents on or before this day.
    pub until: Option<Date>,
    /// The grouping of the duration distributions.
    pub by: GroupBy,
    /// The severity levels, worst first (the configured scale).
    pub scale: Vec<String>,
    /// How many reports keep their timeline for display (the first ones added).
    pub timelines: usize,
}

/// The aggregates, one entry at a time.
#[derive(Debug)]
pub struct Insights {
    options: Options,
    totals: Totals,
    rows: Vec<Row>,
    rules: HashMap<&'static str, (usize, usize)>,
    with_errors: Vec<WithErrors>,
    items: ItemFigures,
    timelines: Vec<(String, Timeline)>,
}

#[derive(Debug, Default)]
struct ItemFigures {
    total: usize,
    status: BTreeMap<&'static str, usize>,
    kind: BTreeMap<&'static str, usize>,
    open: usize,
    without_owner: usize,
    without_link: usize,
    ages: Vec<i64>,
    ages_missing: usize,
    owners: HashMap<Option<String>, OwnerFigures>,
    quarters: BTreeMap<Option<String>, (usize, usize)>,
    overdue: Vec<Overdue>,
}

impl Insights {
    /// Empty aggregates.
    pub fn new(options: Options) -> Self {
        Insights {
            options,
            totals: Totals::default(),
            rows: Vec::new(),
            rules: HashMap::new(),
            with_errors: Vec::new(),
            items: ItemFigures::default(),
            timelines: Vec::new(),
        }
    }

    /// Whether the next entry's timeline would be kept (so the caller can skip
    /// building the others).
    pub fn wants_timeline(&self, index: usize) -> bool {
        index < self.options.timelines
    }

    /// Adds one report.
    pub fn add(&mut self, entry: Entry) {
        let Entry {
            row,
            items,
            findings,
            timeline,
        } = entry;
        self.totals.files += 1;
        if row.problem.is_some() {
            self.totals.problems += 1;
            self.add_findings(&row, &findings);
            self.rows.push(row);
            return;
        }
        let day = row.day();
        let inside = match (self.options.since, self.options.until) {
            (None, None) => true,
            (since, until) => {
                day.is_some_and(|d| since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u))
            }
        };
        if !inside {
            self.totals.excluded += 1;
            return;
        }
        self.totals.reports += 1;
        self.add_findings(&row, &findings);
        let quarter = day.map(quarter);
        let today = self.options.today;
        let f = &mut self.items;
        for item in &items {
            f.total += 1;
            *f.status.entry(action_status_name(item.status)).or_default() += 1;
            *f.kind.entry(action_type_name(item.kind)).or_default() += 1;
            f.without_owner += usize::from(item.owner.is_none());
            f.without_link += usize::from(!item.linked);
            let owner = f.owners.entry(item.owner.clone()).or_default();
            owner.total += 1;
            let q = f.quarters.entry(quarter.clone()).or_default();
            q.0 += 1;
            if item.status == Some(ActionStatus::Done) {
                owner.done += 1;
                q.1 += 1;
            }
            if item.is_open() {
                owner.open += 1;
                f.open += 1;
                match day {
                    Some(d) => f.ages.push(days(d, today)),
                    None => f.ages_missing += 1,
                }
            }
            if overdue(item, today)
                && let Some(due) = item.due
            {
                owner.overdue += 1;
                f.overdue.push(Overdue {
                    path: row.path.clone(),
                    title: item.title.clone(),
                    owner: item.owner.clone(),
                    due: due.to_string(),
                    days_overdue: days(due, today),
                });
            }
        }
        if let Some(t) = timeline
            && self.timelines.len() < self.options.timelines
        {
            self.timelines.push((row.path.clone(), t));
        }
        self.rows.push(row);
    }

    fn add_findings(&mut self, row: &Row, findings: &[(&'static str, Severity)]) {
        let mut seen: Vec<&'static str> = Vec::new();
        for (code, _) in findings {
            let slot = self.rules.entry(code).or_default();
            slot.0 += 1;
            if !seen.contains(code) {
                slot.1 += 1;
                seen.push(code);
            }
        }
        if row.errors > 0 {
            let mut codes: Vec<&'static str> = Vec::new();
            for (code, s) in findings {
                if *s == Severity::Error && !codes.contains(code) {
                    codes.push(code);
                }
            }
            self.with_errors.push(WithErrors {
                path: row.path.clone(),
                errors: row.errors,
                codes,
            });
        }
    }

    /// The figures.
    pub fn finish(self) -> Figures {
        let Insights {
            options,
            totals,
            rows,
            rules,
            mut with_errors,
            items,
            timelines,
        } = self;
        let reports: Vec<&Row> = rows.iter().filter(|r| r.problem.is_none()).collect();
        let severity_order = |key: &Option<String>| -> (usize, Option<String>) {
            match key {
                Some(k) => (
                    options
                        .scale
                        .iter()
                        .position(|l| l == k)
                        .unwrap_or(options.scale.len()),
                    Some(k.clone()),
                ),
                None => (usize::MAX, None),
            }
        };
        let count_by =
            |keys: &mut dyn Iterator<Item = Option<String>>| -> BTreeMap<Option<String>, usize> {
                let mut map = BTreeMap::new();
                for k in keys {
                    *map.entry(k).or_default() += 1;
                }
                map
            };
        let chronological = |map: BTreeMap<Option<String>, usize>| -> Vec<Count> {
            // BTreeMap orders None first; undated goes last.
            let (none, some): (Vec<_>, Vec<_>) = map.into_iter().partition(|(k, _)| k.is_none());
            some.into_iter()
                .chain(none)
                .map(|(key, count)| Count { key, count })
                .collect()
        };
        let most_first = |map: BTreeMap<Option<String>, usize>| -> Vec<Count> {
            let mut v: Vec<Count> = map
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by(|a, b| {
                (a.key.is_none(), std::cmp::Reverse(a.count), &a.key).cmp(&(
                    b.key.is_none(),
                    std::cmp::Reverse(b.count),
                    &b.key,
                ))
            });
            v
        };
        let by_severity = |map: BTreeMap<Option<String>, usize>| -> Vec<Count> {
            let mut v: Vec<Count> = map
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by_key(|c| severity_order(&c.key));
            v
        };
        let status = {
            let map = count_by(&mut reports.iter().map(|r| r.status.map(str::to_string)));
            let order = [Status::Draft, Status::InReview, Status::Published];
            let mut v: Vec<Count> = map
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by_key(|c| {
                order
                    .iter()
                    .position(|s| Some(s.as_str()) == c.key.as_deref())
            });
            v
        };
        let severity = by_severity(count_by(&mut reports.iter().map(|r| r.severity.clone())));
        let months = chronological(count_by(&mut reports.iter().map(|r| r.month())));
        let quarters = chronological(count_by(&mut reports.iter().map(|r| r.quarter())));
        let services = most_first(count_by(&mut reports.iter().flat_map(|r| {
            if r.services.is_empty() {
                vec![None]
            } else {
                r.services.iter().cloned().map(Some).collect()
            }
        })));
        let detection = most_first(count_by(
            &mut reports.iter().map(|r| r.detection.map(str::to_string)),
        ));
        let trigger = most_first(count_by(&mut reports.iter().map(|r| r.trigger.clone())));
        let tag = most_first(count_by(&mut reports.iter().flat_map(|r| {
            if r.tags.is_empty() {
                vec![None]
            } else {
                r.tags.iter().cloned().map(Some).collect()
            }
        })));
        let stacks = |periods: &[Count], period_of: &dyn Fn(&Row) -> Option<String>| {
            let mut stacked: HashMap<(String, Option<String>), usize> = HashMap::new();
            for r in &reports {
                if let Some(period) = period_of(r) {
                    *stacked.entry((period, r.severity.clone())).or_default() += 1;
                }
            }
            periods
                .iter()
                .filter_map(|m| m.key.clone())
                .map(|period| Stack {
                    severity: severity
                        .iter()
                        .map(|s| Count {
                            key: s.key.clone(),
                            count: stacked
                                .get(&(period.clone(), s.key.clone()))
                                .copied()
                                .unwrap_or(0),
                        })
                        .collect(),
                    period,
                })
                .collect::<Vec<Stack>>()
        };
        let month_by_severity = stacks(&months, &Row::month);
        let quarter_by_severity = stacks(&quarters, &Row::quarter);
        // Durations: per group, in the grouping's order.
        let group_keys = |r: &Row| -> Vec<Option<String>> {
            match options.by {
                GroupBy::Severity => vec![r.severity.clone()],
                GroupBy::Month => vec![r.month()],
                GroupBy::Quarter => vec![r.quarter()],
                GroupBy::Service if r.services.is_empty() => vec![None],
                GroupBy::Service => r.services.iter().cloned().map(Some).collect(),
            }
        };
        let mut grouped: BTreeMap<Option<String>, Vec<&Row>> = BTreeMap::new();
        for r in &reports {
            for k in group_keys(r) {
                grouped.entry(k).or_default().push(r);
            }
        }
        let order: Vec<Option<String>> = match options.by {
            GroupBy::Severity => severity.iter().map(|c| c.key.clone()).collect(),
            GroupBy::Service => services.iter().map(|c| c.key.clone()).collect(),
            GroupBy::Month => months.iter().map(|c| c.key.clone()).collect(),
            GroupBy::Quarter => quarters.iter().map(|c| c.key.clone()).collect(),
        };
        let groups = order
            .into_iter()
            .map(|key| {
                let rows = grouped.remove(&key).unwrap_or_default();
                durations(key, &rows)
            })
            .collect();
        let durations = DurationFigures {
            by: options.by,
            all: durations(None, &reports),
            groups,
        };
        // Follow-ups.
        let ItemFigures {
            total,
            status: item_status,
            kind,
            open,
            without_owner,
            without_link,
            mut ages,
            ages_missing,
            owners,
            quarters: item_quarters,
            mut overdue,
        } = items;
        let done = item_status.get("done").copied().unwrap_or(0);
        let decided = total - item_status.get("wont-do").copied().unwrap_or(0);
        let named = |map: BTreeMap<&'static str, usize>, order: &[&str]| -> Vec<Count> {
            let mut v: Vec<Count> = map
                .into_iter()
                .map(|(k, count)| Count {
                    key: Some(k.to_string()),
                    count,
                })
                .collect();
            v.sort_by_key(|c| order.iter().position(|o| Some(*o) == c.key.as_deref()));
            v
        };
        let mut owners: Vec<OwnerFigures> = owners
            .into_iter()
            .map(|(owner, mut f)| {
                f.owner = owner;
                f
            })
            .collect();
        owners.sort_by(|a, b| {
            (a.owner.is_none(), std::cmp::Reverse(a.total), &a.owner).cmp(&(
                b.owner.is_none(),
                std::cmp::Reverse(b.total),
                &b.owner,
            ))
        });
        overdue.sort_by(|a, b| {
            (std::cmp::Reverse(a.days_overdue), &a.path, &a.title).cmp(&(
                std::cmp::Reverse(b.days_overdue),
                &b.path,
                &b.title,
            ))
        });
        let (undated, dated): (Vec<_>, Vec<_>) =
            item_quarters.into_iter().partition(|(k, _)| k.is_none());
        let quarters_done = dated
            .into_iter()
            .chain(undated)
            .map(|(quarter, (total, done))| Completion {
                quarter,
                total,
                done,
                done_share: share(done, total),
            })
            .collect();
        let follow_ups = FollowUps {
            total,
            status: named(
                item_status,
                &["open", "in-progress", "done", "wont-do", "none"],
            ),
            kind: named(
                kind,
                &[
                    "prevent",
                    "mitigate",
                    "detect",
                    "process",
                    "investigate",
                    "none",
                ],
            ),
            done_share: share(done, decided),
            open,
            overdue: overdue.len(),
            without_owner,
            without_link,
            open_age_days: Summary::of(&mut ages, ages_missing),
            owners,
            quarters: quarters_done,
            overdue_items: overdue,
        };
        // Quality.
        let mut rule_counts: Vec<RuleCount> = rules
            .into_iter()
            .map(|(code, (findings, reports))| RuleCount {
                code,
                name: registry::lookup(code).map_or("", |c| c.name),
                findings,
                reports,
            })
            .collect();
        rule_counts.sort_by(|a, b| {
            (std::cmp::Reverse(a.findings), a.code).cmp(&(std::cmp::Reverse(b.findings), b.code))
        });
        with_errors.sort_by(|a, b| a.path.cmp(&b.path));
        let quality = Quality {
            findings: rule_counts.iter().map(|r| r.findings).sum(),
            clean: reports
                .iter()
                .filter(|r| r.errors + r.warnings + r.infos == 0)
                .count(),
            rules: rule_counts,
            with_errors,
        };
        let problems = rows
            .iter()
            .filter_map(|r| {
                r.problem.as_ref().map(|m| Problem {
                    path: r.path.clone(),
                    message: m.clone(),
                })
            })
            .collect();
        let counts = Counts {
            status,
            severity,
            month: months,
            quarter: quarters,
            service: services,
            detection,
            tag,
            trigger,
            month_by_severity,
            quarter_by_severity,
        };
        Figures {
            version: VERSION,
            today: options.today.to_string(),
            since: options.since.map(|d| d.to_string()),
            until: options.until.map(|d| d.to_string()),
            totals,
            counts,
            durations,
            follow_ups,
            quality,
            problems,
            reports: rows,
            timelines,
        }
    }
}

fn durations(key: Option<String>, rows: &[&Row]) -> Durations {
    let summary = |i: usize| {
        let mut values: Vec<i64> = rows.iter().filter_map(|r| r.durations()[i]).collect();
        let missing = rows.len() - values.len();
        Summary::of(&mut values, missing)
    };
    debug_assert_eq!(DEFINITIONS.len(), 4);
    Durations {
        key,
        reports: rows.len(),
        time_to_detect: summary(0),
        time_to_acknowledge: summary(1),
        time_to_mitigate: summary(2),
        time_to_resolve: summary(3),
    }
}

fn share(part: usize, whole: usize) -> Option<f64> {
    // Rounded to four decimals so JSON output is stable and readable.
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

/// Whole days from `from` to `to`.
fn days(from: Date, to: Date) -> i64 {
    i64::from(to.since(from).map_or(0, |span| span.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::time;
    use crate::{Format, check};

    fn day(s: &str) -> Date {
        time::parse_iso_date(s).expect("date")
    }

    fn options() -> Options {
        Options {
            today: day("2024-06-30"),
            since: None,
            until: None,
            by: GroupBy::Severity,
            scale: ["SEV1", "SEV2", "SEV3"].map(String::from).to_vec(),
            timelines: 10,
        }
    }

    fn entry_of(path: &str, text: &str) -> Entry {
        let checked = check(text, Format::Yaml);
        entry(
            path.to_string(),
            &checked,
            &Config::default(),
            day("2024-06-30"),
            true,
        )
    }

    #[test]
    fn a_rejected_status_is_no_status_and_a_rejected_severity_no_severity() {
        let e = entry_of("a.yaml", "title: t\nstatus: done\nseverity: SEV9\n");
        assert_eq!(e.row.status, None);
        assert_eq!(e.row.severity, None);
        assert!(e.row.errors >= 2);
        let e = entry_of("b.yaml", "title: t\nstatus: published\nseverity: SEV2\n");
        assert_eq!(e.row.status, Some("published"));
        assert_eq!(e.row.severity.as_deref(), Some("SEV2"));
    }

    #[test]
    fn dates_filter_and_undated_reports_are_excluded_only_with_a_filter() {
        let dated = "title: t\nstatus: draft\ndate: 2024-03-05\n";
        let undated = "title: t\nstatus: draft\n";
        let mut all = Insights::new(options());
        all.add(entry_of("a.yaml", dated));
        all.add(entry_of("b.yaml", undated));
        assert_eq!(all.finish().totals.reports, 2);
        let mut since = Insights::new(Options {
            since: Some(day("2024-03-05")),
            ..options()
        });
        since.add(entry_of("a.yaml", dated));
        since.add(entry_of("b.yaml", undated));
        let figures = since.finish();
        assert_eq!((figures.totals.reports, figures.totals.excluded), (1, 1));
        let mut until = Insights::new(Options {
            until: Some(day("2024-03-04")),
            ..options()
        });
        until.add(entry_of("a.yaml", dated));
        assert_eq!(until.finish().totals.excluded, 1);
    }

    #[test]
    fn a_timeline_shows_a_marked_milestone_once_in_time_order() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:00 UTC\n  resolved: 2024-06-10 11:00 UTC\ntimeline:\n  - time: 2024-06-10 10:00 UTC\n    text: Errors began\n    milestone: started\n  - time: 10:30 UTC\n    text: Rolled back\n  - time: 10:45\n    text: No zone\n";
        let timeline = entry_of("t.yaml", text).timeline.expect("timeline");
        let points: Vec<(Option<&str>, &str)> = timeline
            .points
            .iter()
            .map(|p| (p.milestone, p.text.as_str()))
            .collect();
        assert_eq!(
            points,
            [
                (Some("started"), "Errors began"),
                (None, "Rolled back"),
                (Some("resolved"), "resolved"),
            ]
        );
        // `10:45` has no zone and the report no default: it cannot be placed.
        assert_eq!(timeline.unplaced, 1);
        assert_eq!(timeline.points[1].offset, "+00:00");
    }

    #[test]
    fn problems_are_counted_listed_and_their_errors_kept() {
        let mut insights = Insights::new(options());
        insights.add(entry_of("broken.yaml", "title: [unclosed\n"));
        insights.add(unreadable("binary.yaml".into(), "not UTF-8".into()));
        insights.add(entry_of("ok.yaml", "title: t\nstatus: draft\n"));
        let figures = insights.finish();
        assert_eq!(figures.totals.files, 3);
        assert_eq!(figures.totals.reports, 1);
        assert_eq!(figures.totals.problems, 2);
        let paths: Vec<&str> = figures.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["broken.yaml", "binary.yaml"]);
        assert_eq!(figures.quality.with_errors.len(), 2);
        // Problems are rows (CSV) but in no count of reports.
        assert_eq!(figures.reports.len(), 3);
        assert_eq!(
            figures.counts.status.iter().map(|c| c.count).sum::<usize>(),
            1
        );
    }
}
