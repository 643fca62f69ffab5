//! The figures of `retrospec report` as serde data: the JSON shape of
//! `docs/report.md` ([`Figures`] and its parts). Folded by [`super::Insights`].

use serde::Serialize;

use super::entry::{Row, Timeline};
use super::{GroupBy, Summary};

/// How many reports have a key (a status, a severity, a month...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value; `None` for reports without one.
    pub key: Option<String>,
    /// How many reports have it.
    pub count: usize,
}

/// Report counts by each dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// By status: draft, in-review, published.
    pub status: Vec<Count>,
    /// By severity, in the scale's order (unknown levels after, then none).
    pub severity: Vec<Count>,
    /// By month of the incident, oldest first.
    pub month: Vec<Count>,
    /// By quarter of the incident, oldest first.
    pub quarter: Vec<Count>,
    /// By service, most reports first (a report counts once per service).
    pub service: Vec<Count>,
    /// By detection method.
    pub detection: Vec<Count>,
    /// By tag (the reports' categories), most reports first.
    pub tag: Vec<Count>,
    /// By trigger as written, most reports first.
    pub trigger: Vec<Count>,
    /// Per month, by severity: the stacked chart's data.
    pub month_by_severity: Vec<Stack>,
    /// Per quarter, by severity (the chart's data with `--by quarter`).
    pub quarter_by_severity: Vec<Stack>,
}

/// One period's reports split by severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stack {
    /// The period (`YYYY-MM` or `YYYY-Qn`).
    pub period: String,
    /// The counts by severity, in the order of [`Counts::severity`].
    pub severity: Vec<Count>,
}

/// The four duration distributions of a set of reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Durations {
    /// The group (`None` for reports without a value of the grouping).
    pub key: Option<String>,
    /// Reports in the group.
    pub reports: usize,
    /// Time to detect, seconds.
    pub time_to_detect: Summary,
    /// Time to acknowledge, seconds.
    pub time_to_acknowledge: Summary,
    /// Time to mitigate, seconds.
    pub time_to_mitigate: Summary,
    /// Time to resolve, seconds.
    pub time_to_resolve: Summary,
}

impl Durations {
    /// The summaries in [`DEFINITIONS`](crate::metrics::DEFINITIONS) order.
    pub fn summaries(&self) -> [&Summary; 4] {
        [
            &self.time_to_detect,
            &self.time_to_acknowledge,
            &self.time_to_mitigate,
            &self.time_to_resolve,
        ]
    }
}

/// Durations overall and per group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DurationFigures {
    /// What the groups are.
    pub by: GroupBy,
    /// Every report.
    pub all: Durations,
    /// Per group, in the grouping's order.
    pub groups: Vec<Durations>,
}

/// Action items of one owner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OwnerFigures {
    /// The owner (`None`: items without one).
    pub owner: Option<String>,
    /// Items in all.
    pub total: usize,
    /// Items done.
    pub done: usize,
    /// Items open.
    pub open: usize,
    /// Open items past due.
    pub overdue: usize,
}

/// Follow-up completion of the incidents of one quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completion {
    /// The quarter of the incidents (`None`: undated).
    pub quarter: Option<String>,
    /// Items in all.
    pub total: usize,
    /// Items done.
    pub done: usize,
    /// `done / total` (`None` without items).
    pub done_share: Option<f64>,
}

/// An open action item past its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overdue {
    /// The report's path.
    pub path: String,
    /// The item's title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Its due date.
    pub due: String,
    /// Days past due at `today`.
    pub days_overdue: i64,
}

/// Action items across the reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUps {
    /// Items in all.
    pub total: usize,
    /// By status (`none`: no status given).
    pub status: Vec<Count>,
    /// By type (`none`: no type given).
    pub kind: Vec<Count>,
    /// Done items as a share of all items except those decided against (`wont-do`).
    pub done_share: Option<f64>,
    /// Open items (open, in progress or without a status).
    pub open: usize,
    /// Open items whose due date is before `today`.
    pub overdue: usize,
    /// Items without an owner.
    pub without_owner: usize,
    /// Items without a tracking link.
    pub without_link: usize,
    /// Age in days of open items at `today`, counted from the incident's day
    /// (`missing`: open items of undated reports).
    pub open_age_days: Summary,
    /// Per owner, most items first.
    pub owners: Vec<OwnerFigures>,
    /// Per quarter of the incidents, oldest first.
    pub quarters: Vec<Completion>,
    /// The overdue items, most overdue first.
    pub overdue_items: Vec<Overdue>,
}

/// How often a code was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The code, `RS201`.
    pub code: &'static str,
    /// Its name, `timeline-order`.
    pub name: &'static str,
    /// Findings in all.
    pub findings: usize,
    /// Reports with at least one.
    pub reports: usize,
}

/// A report with errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WithErrors {
    /// Its path.
    pub path: String,
    /// Its errors.
    pub errors: usize,
    /// The codes of its errors, each once, in order.
    pub codes: Vec<&'static str>,
}

/// Findings across the reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quality {
    /// Findings in all.
    pub findings: usize,
    /// Reports with no finding.
    pub clean: usize,
    /// Per code, most findings first.
    pub rules: Vec<RuleCount>,
    /// Reports with at least one error, by path.
    pub with_errors: Vec<WithErrors>,
}

/// A file that could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Its path.
    pub path: String,
    /// Why.
    pub message: String,
}

/// How many files were read, kept and left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Files read (reports and problems).
    pub files: usize,
    /// Reports in the figures.
    pub reports: usize,
    /// Files that could not be read as reports (listed in `problems`).
    pub problems: usize,
    /// Reports left out by `--since`/`--until` (undated ones included).
    pub excluded: usize,
}

/// Everything `retrospec report` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// The version of this shape ([`VERSION`](super::VERSION)).
    pub version: u32,
    /// The day the follow-ups are measured at.
    pub today: String,
    /// The first day of incidents included.
    pub since: Option<String>,
    /// The last day of incidents included.
    pub until: Option<String>,
    /// Files, reports, problems, exclusions.
    pub totals: Totals,
    /// Report counts.
    pub counts: Counts,
    /// Duration distributions.
    pub durations: DurationFigures,
    /// Action items.
    pub follow_ups: FollowUps,
    /// Findings.
    pub quality: Quality,
    /// Files that could not be read as reports.
    pub problems: Vec<Problem>,
    /// One row per report (problems included), in the order read.
    pub reports: Vec<Row>,
    /// The timelines kept for display, by path.
    #[serde(skip)]
    pub timelines: Vec<(String, Timeline)>,
}
