//! The canonical postmortem model of retrospec.
//!
//! Every input form (Markdown with YAML front matter, YAML, JSON) maps to
//! [`Postmortem`]. The JSON Schema under `schema/` is generated from these types
//! (see [`schema`]), so the doc comments here are the schema's descriptions.
//!
//! This crate holds types only: no parsing of files, no I/O, no diagnostics.
//!
//! Almost every field is optional in Rust, so that a report with mistakes still
//! deserialises into a model the rules can look at. What the schema requires is
//! listed in [`required`]; completeness by status is a rule, not a
//! schema constraint, so drafts may leave sections empty.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod schema;

/// The fields the schema requires, per object. The Rust fields have serde defaults
/// (see the crate documentation), so these lists are what makes them required.
pub mod required {
    /// A report needs a title and a status.
    pub const POSTMORTEM: &[&str] = &["title", "status"];
    /// A timeline entry needs a time and a text.
    pub const TIMELINE_ENTRY: &[&str] = &["time", "text"];
    /// An action item needs a title.
    pub const ACTION_ITEM: &[&str] = &["title"];
    /// A link needs a URL.
    pub const LINK: &[&str] = &["url"];
    /// A section needs a title.
    pub const SECTION: &[&str] = &["title"];
}

/// An incident postmortem: what happened, its impact, why, and what changes because of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "retrospec postmortem",
    transform = schema::allow_extension_fields,
    transform = schema::require(required::POSTMORTEM),
    example = schema::example_postmortem()
)]
pub struct Postmortem {
    /// The JSON Schema this document follows; lets editors and validators find the schema.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,

    /// A stable identifier for the incident, for example `INC-2024-0610` or `2023-07-01-cloud-outage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), example = "INC-2024-0610")]
    pub id: Option<String>,

    /// A short headline naming what broke and for whom.
    #[serde(default)]
    #[schemars(
        length(min = 1),
        example = "Cloud outage during network component upgrade"
    )]
    pub title: String,

    /// The date the report was written or last revised (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DateString>")]
    pub date: Option<String>,

    /// Where the report is in its review lifecycle. Drafts may leave sections empty;
    /// reports in review or published must be complete.
    #[serde(default)]
    pub status: Status,

    /// The one person or team accountable for the report and its follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), example = "sre-team")]
    pub owner: Option<String>,

    /// The people who wrote the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,

    /// How bad the incident was, on the organisation's severity scale.
    // Text, so that an organisation can configure its own scale in `retrospec.toml`;
    // the published schema lists the default levels, `Severity`, and the core
    // validates against a schema specialised to the configured scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Severity>")]
    pub severity: Option<String>,

    /// The services or components whose users were affected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,

    /// Free-form labels for search and dashboards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,

    /// The IANA time zone (for example `Europe/Paris`) for times written without a zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), example = "Europe/Paris")]
    pub timezone: Option<String>,

    /// The key moments of the incident, from the start of impact to its end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Milestones>,

    /// A few sentences a reader outside the team understands: what happened, to whom, for how long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,

    /// Who and what was affected, and how much.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Impact>,

    /// Why the incident happened: the underlying cause, not the person nearest to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_cause: Option<String>,

    /// Conditions that made the incident possible, larger or longer, beside the root cause.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributing_factors: Vec<String>,

    /// The event that set the incident off (a deploy, a configuration change, a traffic spike).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,

    /// How the incident came to the team's attention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection: Option<Detection>,

    /// What was done to mitigate and resolve the incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,

    /// What happened when, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEntry>,

    /// What the team learned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessons: Option<Lessons>,

    /// The follow-up work that makes a repeat less likely or less harmful.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_items: Vec<ActionItem>,

    /// Dashboards, tickets, chat logs and other material about the incident.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,

    /// Narrative sections that have no field of their own, kept in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,

    /// Organisation-specific data: any key starting with `x-`.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(JsonSchema)]
#[schemars(extend("format" = "date"), example = "2024-06-12")]
#[allow(dead_code)]
struct DateString(String);

/// A point in time with its zone: RFC 3339 (`2024-06-10T16:05:00+02:00`) or
/// `YYYY-MM-DD HH:MM[:SS] ZONE`, where ZONE is `Z`, `UTC`, an offset such as `+02:00`,
/// an IANA name such as `Europe/Paris`, or a well-known abbreviation such as `CEST`.
#[derive(JsonSchema)]
#[schemars(
    extend("pattern" = schema::TIMESTAMP_PATTERN),
    example = "2024-06-10 16:05 CEST",
    example = "2024-06-10T14:05:00Z"
)]
#[allow(dead_code)]
struct TimestampString(String);

/// A timeline time: a full timestamp, or `HH:MM[:SS] [ZONE]` taking its date from
/// the entry before it (or the incident start).
#[derive(JsonSchema)]
#[schemars(
    extend("pattern" = schema::TIMELINE_TIME_PATTERN),
    example = "2024-06-10 16:05 CEST",
    example = "16:10 CEST"
)]
#[allow(dead_code)]
struct TimelineTimeString(String);

/// A link target: an absolute URI.
#[derive(JsonSchema)]
#[schemars(extend("format" = "uri"), example = "https://tracker.example.com/INC-42")]
#[allow(dead_code)]
struct UriString(String);

/// The review lifecycle of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Being written; sections may be empty and placeholders are allowed.
    #[default]
    Draft,
    /// Complete and waiting for reviewers.
    InReview,
    /// Reviewed and shared.
    Published,
}

impl Status {
    /// The value as written in a report.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in-review",
            Status::Published => "published",
        }
    }
}

/// A severity level on the default scale, SEV1 (worst) to SEV5 (least).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Severity {
    /// Critical: a core service is down or data is lost for many customers.
    #[serde(rename = "SEV1")]
    Sev1,
    /// Major: a core function is unavailable or badly degraded for many customers.
    #[serde(rename = "SEV2")]
    Sev2,
    /// Moderate: a partial outage or degradation with a workaround, or for few customers.
    #[serde(rename = "SEV3")]
    Sev3,
    /// Minor: limited impact on customers, or internal impact only.
    #[serde(rename = "SEV4")]
    Sev4,
    /// Low: no customer impact; a near miss worth learning from.
    #[serde(rename = "SEV5")]
    Sev5,
}

impl Severity {
    /// Every level, worst first.
    pub const ALL: [Severity; 5] = [
        Severity::Sev1,
        Severity::Sev2,
        Severity::Sev3,
        Severity::Sev4,
        Severity::Sev5,
    ];

    /// The level's name as written in a report.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1",
            Severity::Sev2 => "SEV2",
            Severity::Sev3 => "SEV3",
            Severity::Sev4 => "SEV4",
            Severity::Sev5 => "SEV5",
        }
    }
}

/// The key moments of an incident. Each is a timestamp with a zone; they must
/// come in this order: started <= detected <= acknowledged <= mitigated <= resolved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestones {
    /// When impact began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TimestampString>")]
    pub started: Option<String>,
    /// When the team first knew something was wrong (an alert fired, a customer reported it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TimestampString>")]
    pub detected: Option<String>,
    /// When a responder took ownership of the incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TimestampString>")]
    pub acknowledged: Option<String>,
    /// When impact stopped growing or a workaround restored service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TimestampString>")]
    pub mitigated: Option<String>,
    /// When impact ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TimestampString>")]
    pub resolved: Option<String>,
}

/// The name of a milestone.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Milestone {
    /// Impact began.
    Started,
    /// The team knew something was wrong.
    Detected,
    /// A responder took ownership.
    Acknowledged,
    /// Impact stopped growing or was worked around.
    Mitigated,
    /// Impact ended.
    Resolved,
}

impl Milestone {
    /// Every milestone, in the order they must happen.
    pub const ALL: [Milestone; 5] = [
        Milestone::Started,
        Milestone::Detected,
        Milestone::Acknowledged,
        Milestone::Mitigated,
        Milestone::Resolved,
    ];

    /// The milestone's key as written in a report.
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::Started => "started",
            Milestone::Detected => "detected",
            Milestone::Acknowledged => "acknowledged",
            Milestone::Mitigated => "mitigated",
            Milestone::Resolved => "resolved",
        }
    }
}

impl Milestones {
    /// The time given for `m`, if any.
    pub fn get(&self, m: Milestone) -> Option<&str> {
        match m {
            Milestone::Started => self.started.as_deref(),
            Milestone::Detected => self.detected.as_deref(),
            Milestone::Acknowledged => self.acknowledged.as_deref(),
            Milestone::Mitigated => self.mitigated.as_deref(),
            Milestone::Resolved => self.resolved.as_deref(),
        }
    }
}

/// Who and what was affected, and how much.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// The impact in words: what users saw and could not do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many end users were affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users_affected: Option<u64>,
    /// How many customers (accounts, organisations) were affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_affected: Option<u64>,
    /// The share of users or requests affected, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub percentage: Option<f64>,
    /// The regions or locations affected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

/// How the incident came to the team's attention.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    /// The channel that first told the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<DetectionMethod>,
    /// How detection went, and how it could have been faster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The channel that first told the team about the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DetectionMethod {
    /// Automated monitoring or alerting.
    Alert,
    /// A customer or user reported it.
    CustomerReport,
    /// Someone on staff noticed.
    Staff,
    /// A third party (a provider's status page, a researcher, the press).
    External,
}

/// One line of the timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema::require(required::TIMELINE_ENTRY))]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// When it happened.
    #[serde(default)]
    #[schemars(with = "TimelineTimeString")]
    pub time: String,
    /// What happened.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub text: String,
    /// The milestone this entry marks, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Milestone>,
}

/// What the team learned, grouped as in the Google SRE template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lessons {
    /// What went well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub went_well: Vec<String>,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub went_wrong: Vec<String>,
    /// Where the team got lucky.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub got_lucky: Vec<String>,
    /// Lessons that fit none of the groups above, or a plain list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<String>,
}

/// A piece of follow-up work.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    transform = schema::allow_extension_fields,
    transform = schema::require(required::ACTION_ITEM)
)]
pub struct ActionItem {
    /// What will be done, starting with a concrete verb.
    #[serde(default)]
    #[schemars(length(min = 1), example = "Alert when the event rate flatlines")]
    pub title: String,
    /// The person or team who will do it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub owner: Option<String>,
    /// When it is due (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DateString>")]
    pub due: Option<String>,
    /// How urgent it is, P0 (most) to P3 (least).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// What kind of change it is.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionType>,
    /// Where the work stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionStatus>,
    /// The ticket that tracks the work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<UriString>")]
    pub link: Option<String>,
    /// The ticket that tracks the work by the key its tracker gives it, when the
    /// report names no address (`OPS-1234`, `#123`, `GH-12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), example = "OPS-1234")]
    pub ticket: Option<String>,
    /// Organisation-specific data: any key starting with `x-` (a report read as
    /// written keeps a kind of work the model has no type for as `x-type`).
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

/// How urgent an action item is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Priority {
    /// Now: the risk is live.
    P0,
    /// Before the next planning cycle.
    P1,
    /// Within the quarter.
    P2,
    /// When there is time.
    P3,
}

/// What kind of change an action item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionType {
    /// Stops this kind of incident from happening again.
    Prevent,
    /// Makes a repeat less harmful or shorter.
    Mitigate,
    /// Finds a repeat sooner.
    Detect,
    /// Changes how people work (runbooks, reviews, training).
    Process,
    /// Finds out more before deciding.
    Investigate,
}

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Not started.
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Decided against, with the reason in the tracker.
    WontDo,
}

/// A link to material about the incident.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema::require(required::LINK))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it points.
    #[serde(default)]
    #[schemars(with = "UriString")]
    pub url: String,
}

/// A narrative section with no field of its own (for example "External messaging").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema::require(required::SECTION))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section heading.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub title: String,
    /// The section text, in Markdown.
    #[serde(default)]
    pub body: String,
}
