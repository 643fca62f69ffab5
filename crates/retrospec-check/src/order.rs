//! Field order of each object of the model (the order of the Rust fields, which is
//! the order of the schema's `properties`; a test in `emit` keeps the two in step).
//! The one list of the model's keys: the writers order by it ([`crate::emit`]) and
//! the free-form reader tells retrospec's front matter from another tool's by it.
//! A leaf: it imports nothing.

/// The report.
pub const POSTMORTEM: &[&str] = &[
    "$schema",
    "id",
    "title",
    "date",
    "status",
    "owner",
    "authors",
    "severity",
    "services",
    "tags",
    "timezone",
    "milestones",
    "summary",
    "impact",
    "root_cause",
    "contributing_factors",
    "trigger",
    "detection",
    "resolution",
    "timeline",
    "lessons",
    "action_items",
    "links",
    "sections",
];
/// `milestones`.
pub const MILESTONES: &[&str] = &[
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
];
/// `impact`.
pub const IMPACT: &[&str] = &[
    "description",
    "users_affected",
    "customers_affected",
    "percentage",
    "regions",
];
/// `detection`.
pub const DETECTION: &[&str] = &["method", "description"];
/// `timeline[]`.
pub const TIMELINE_ENTRY: &[&str] = &["time", "text", "milestone"];
/// `lessons`.
pub const LESSONS: &[&str] = &["went_well", "went_wrong", "got_lucky", "other"];
/// `action_items[]`.
pub const ACTION_ITEM: &[&str] = &[
    "title", "owner", "due", "priority", "type", "status", "link", "ticket",
];
/// `links[]`.
pub const LINK: &[&str] = &["title", "url"];
/// `sections[]`.
pub const SECTION: &[&str] = &["title", "body"];
