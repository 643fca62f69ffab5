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
use retrospec_model::{ActionStatus, ActionType, DetectionMethod, Milestone, Postmortem, Status};
use serde::Serialize;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::metrics::DEFINITIONS;
use crate::times::{TimeValue, Times};
use crate::{Checked, registry, time};

pub mod stats;

pub use stats::Summary;

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

/// One report as the figures need it, made by [`entry`] or [`unreadable`].
#[derive(Debug, Clone)]
pub struct Entry {
    /// The row of the report.
    pub row: Row,
    /// Its action items.
    pub items: Vec<Item>,
    /// The code and severity of every finding.
    pub findings: Vec<(&'static str, Severity)>,
    /// Its timeline, for display.
    pub timeline: Option<Timeline>,
}

/// One report in a few fields: the CSV's row and the HTML table's.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Row {
    /// The path as given to the tool.
    pub path: String,
    /// The report's `id`.
    pub id: Option<String>,
    /// Its title.
    pub title: String,
    /// Its status (`None` when missing, not a status, or the file could not be read).
    pub status: Option<&'static str>,
    /// Its severity as written (when the schema accepted it).
    pub severity: Option<String>,
    /// Its services.
    pub services: Vec<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// How it was detected.
    pub detection: Option<&'static str>,
    /// Its trigger as written (whitespace collapsed, shortened to 100 characters).
    pub trigger: Option<String>,
    /// The day of the incident, `YYYY-MM-DD`: the date of `milestones.started`,
    /// else the report's `date`, else the first timeline date.
    pub date: Option<String>,
    /// Time to detect, in seconds.
    pub time_to_detect: Option<i64>,
    /// Time to acknowledge, in seconds.
    pub time_to_acknowledge: Option<i64>,
    /// Time to mitigate, in seconds.
    pub time_to_mitigate: Option<i64>,
    /// Time to resolve, in seconds.
    pub time_to_resolve: Option<i64>,
    /// Action items in all.
    pub action_items: usize,
    /// Action items done.
    pub done: usize,
    /// Action items open (open, in progress or without a status).
    pub open: usize,
    /// Open action items past their due date.
    pub overdue: usize,
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Findings that are infos.
    pub infos: usize,
    /// Why the file could not be read as a report, when it could not.
    pub problem: Option<String>,
}

impl Row {
    /// The durations in [`DEFINITIONS`] order.
    pub fn durations(&self) -> [Option<i64>; 4] {
        [
            self.time_to_detect,
            self.time_to_acknowledge,
            self.time_to_mitigate,
            self.time_to_resolve,
        ]
    }

    /// The month of the incident, `YYYY-MM`.
    pub fn month(&self) -> Option<String> {
        self.day()
            .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
    }

    /// The quarter of the incident, `YYYY-Qn`.
    pub fn quarter(&self) -> Option<String> {
        self.day().map(quarter)
    }

    fn day(&self) -> Option<Date> {
        self.date.as_deref().and_then(time::parse_iso_date)
    }
}

fn quarter(d: Date) -> String {
    format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// One action item, as the follow-up figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Its status (`None` when not given).
    pub status: Option<ActionStatus>,
    /// Its type.
    pub kind: Option<ActionType>,
    /// Its due date, when it is a valid date.
    pub due: Option<Date>,
    /// Whether it has a tracking link.
    pub linked: bool,
}

impl Item {
    /// Open, in progress, or without a status.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            None | Some(ActionStatus::Open | ActionStatus::InProgress)
        )
    }
}

/// A report's timeline, for display: milestones and entries at their instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The points, in time order.
    pub points: Vec<Point>,
    /// Entries whose time could not be placed (left off the axis).
    pub unplaced: usize,
    /// Entries left off past the display limit.
    pub more: usize,
}

/// One milestone or timeline entry on a time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// Seconds since the Unix epoch.
    pub at: i64,
    /// The milestone, for a milestone or an entry marking one.
    pub milestone: Option<&'static str>,
    /// The entry's text (shortened), or the milestone's name.
    pub text: String,
    /// The time as written (its zone label included).
    pub written: String,
    /// The UTC offset that applied, `+02:00`.
    pub offset: String,
}

/// Points kept per timeline and characters kept per entry text.
const TIMELINE_POINTS: usize = 60;
const TEXT_CHARS: usize = 100;

/// The entry of a report that was checked (`checked.model` is `None` when it
/// could not be parsed: it is then counted as a problem with its first error).
pub fn entry(
    path: String,
    checked: &Checked,
    config: &Config,
    today: Date,
    timeline: bool,
) -> Entry {
    let findings: Vec<(&'static str, Severity)> = checked
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity))
        .collect();
    let count = |s: Severity| findings.iter().filter(|(_, x)| *x == s).count();
    let mut row = Row {
        path,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        ..Row::default()
    };
    let Some(model) = &checked.model else {
        row.problem = Some(
            checked
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map_or_else(
                    || "the file could not be read".to_string(),
                    |d| format!("{}: {}", d.code, d.message),
                ),
        );
        return Entry {
            row,
            items: Vec::new(),
            findings,
            timeline: None,
        };
    };
    let times = Times::with_fallback(model, config.timezone.as_deref());
    row.id.clone_from(&model.id);
    row.title.clone_from(&model.title);
    // The model's status is `draft` when the written one was rejected (missing or
    // not a status): such a report is counted without a status, not as a draft.
    let written = checked
        .parsed
        .as_ref()
        .and_then(|p| p.tree.pointer("/status"))
        .and_then(|(node, _)| node.as_str());
    row.status = (written == Some(model.status.as_str())).then_some(model.status.as_str());
    row.severity.clone_from(&model.severity);
    row.services.clone_from(&model.services);
    row.tags.clone_from(&model.tags);
    row.detection = model
        .detection
        .as_ref()
        .and_then(|d| d.method)
        .map(detection_name);
    row.trigger = model
        .trigger
        .as_deref()
        .map(shorten)
        .filter(|t| !t.is_empty());
    row.date = incident_day(model, &times).map(|d| d.to_string());
    for m in &checked.metrics {
        let slot = match m.definition.key {
            "time_to_detect" => &mut row.time_to_detect,
            "time_to_acknowledge" => &mut row.time_to_acknowledge,
            "time_to_mitigate" => &mut row.time_to_mitigate,
            _ => &mut row.time_to_resolve,
        };
        *slot = Some(m.seconds);
    }
    let items: Vec<Item> = model
        .action_items
        .iter()
        .map(|a| Item {
            title: a.title.clone(),
            owner: a.owner.clone().filter(|o| !o.trim().is_empty()),
            status: a.status,
            kind: a.kind,
            due: a.due.as_deref().and_then(time::parse_iso_date),
            linked: a.link.as_deref().is_some_and(|l| !l.trim().is_empty()),
        })
        .collect();
    row.action_items = items.len();
    row.done = items
        .iter()
        .filter(|i| i.status == Some(ActionStatus::Done))
        .count();
    row.open = items.iter().filter(|i| i.is_open()).count();
    row.overdue = items.iter().filter(|i| overdue(i, today)).count();
    let timeline = timeline.then(|| timeline_of(model, &times));
    Entry {
        row,
        items,
        findings,
        timeline,
    }
}

/// The entry of a file that could not be read at all (an I/O error, not UTF-8,
/// over the size limit).
pub fn unreadable(path: String, problem: String) -> Entry {
    Entry {
        row: Row {
            path,
            errors: 1,
            problem: Some(problem),
            ..Row::default()
        },
        items: Vec::new(),
        findings: Vec::new(),
        timeline: None,
    }
}

fn overdue(item: &Item, today: Date) -> bool {
    item.is_open() && item.due.is_some_and(|d| d < today)
}

fn detection_name(m: DetectionMethod) -> &'static str {
    match m {
        DetectionMethod::Alert => "alert",
        DetectionMethod::CustomerReport => "customer-report",
        DetectionMethod::Staff => "staff",
        DetectionMethod::External => "external",
    }
}

fn action_status_name(s: Option<ActionStatus>) -> &'static str {
    match s {
        None => "none",
        Some(ActionStatus::Open) => "open",
        Some(ActionStatus::InProgress) => "in-progress",
        Some(ActionStatus::Done) => "done",
        Some(ActionStatus::WontDo) => "wont-do",
    }
}

fn action_type_name(k: Option<ActionType>) -> &'static str {
    match k {
        None => "none",
        Some(ActionType::Prevent) => "prevent",
        Some(ActionType::Mitigate) => "mitigate",
        Some(ActionType::Detect) => "detect",
        Some(ActionType::Process) => "process",
        Some(ActionType::Investigate) => "investigate",
    }
}

/// The day of the incident: `started`'s date as written, else the report's `date`,
/// else the first timeline time with a date.
fn incident_day(model: &Postmortem, times: &Times) -> Option<Date> {
    times
        .milestone(Milestone::Started)
        .and_then(TimeValue::instant)
        .map(|r| r.date)
        .or_else(|| model.date.as_deref().and_then(time::parse_iso_date))
        .or_else(|| {
            times
                .timeline
                .iter()
                .flatten()
                .find_map(|v| v.instant().map(|r| r.date))
        })
}

fn timeline_of(model: &Postmortem, times: &Times) -> Timeline {
    let mut points = Vec::new();
    let mut unplaced = 0;
    let point = |v: &TimeValue, milestone: Option<Milestone>, text: &str| {
        v.instant().map(|r| Point {
            at: r.timestamp.as_second(),
            milestone: milestone.map(Milestone::as_str),
            text: shorten(text),
            written: v.text.clone(),
            offset: time::format_offset(r.offset),
        })
    };
    for (entry, v) in model.timeline.iter().zip(&times.timeline) {
        match v
            .as_ref()
            .and_then(|v| point(v, entry.milestone, &entry.text))
        {
            Some(p) => points.push(p),
            None => unplaced += 1,
        }
    }
    // A milestone that an entry marks at the same instant is shown once, as that entry.
    for (m, v) in &times.milestones {
        let Some(p) = point(v, Some(*m), m.as_str()) else {
            unplaced += 1;
            continue;
        };
        if !points
            .iter()
            .any(|e| e.milestone == p.milestone && e.at == p.at)
        {
            points.push(p);
        }
    }
    // Entries keep their written order at the same instant (stable sort).
    points.sort_by_key(|p| p.at);
    let more = points.len().saturating_sub(TIMELINE_POINTS);
    points.truncate(TIMELINE_POINTS);
    Timeline {
        points,
        unplaced,
        more,
    }
}

fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(TEXT_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

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
    /// The summaries in [`DEFINITIONS`] order.
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
    /// The version of this shape ([`VERSION`]).
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
