//! One report as the figures need it: [`entry`] reduces a checked report to an
//! [`Entry`] (its [`Row`], action items, finding codes and, for the first reports,
//! its [`Timeline`]); the tree is dropped after.

use jiff::civil::Date;
use retrospec_model::{ActionStatus, ActionType, DetectionMethod, Milestone, Postmortem};
use serde::Serialize;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::times::{TimeValue, Times};
use crate::{Checked, time};

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
    /// The durations in [`DEFINITIONS`](crate::metrics::DEFINITIONS) order.
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

    pub(super) fn day(&self) -> Option<Date> {
        self.date.as_deref().and_then(time::parse_iso_date)
    }
}

pub(super) fn quarter(d: Date) -> String {
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
pub(super) const TIMELINE_POINTS: usize = 60;
pub(super) const TEXT_CHARS: usize = 100;

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

pub(super) fn overdue(item: &Item, today: Date) -> bool {
    item.is_open() && item.due.is_some_and(|d| d < today)
}

pub(super) fn detection_name(m: DetectionMethod) -> &'static str {
    match m {
        DetectionMethod::Alert => "alert",
        DetectionMethod::CustomerReport => "customer-report",
        DetectionMethod::Staff => "staff",
        DetectionMethod::External => "external",
    }
}

pub(super) fn action_status_name(s: Option<ActionStatus>) -> &'static str {
    match s {
        None => "none",
        Some(ActionStatus::Open) => "open",
        Some(ActionStatus::InProgress) => "in-progress",
        Some(ActionStatus::Done) => "done",
        Some(ActionStatus::WontDo) => "wont-do",
    }
}

pub(super) fn action_type_name(k: Option<ActionType>) -> &'static str {
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
pub(super) fn incident_day(model: &Postmortem, times: &Times) -> Option<Date> {
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

pub(super) fn timeline_of(model: &Postmortem, times: &Times) -> Timeline {
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

pub(super) fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(TEXT_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}
