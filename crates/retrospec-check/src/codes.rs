//! The one table of diagnostic codes. A code is permanent: once released it is
//! never reused for another meaning, and a retired code stays listed.
//!
//! - `RS0xx`: the file cannot be read as a report (syntax, structure).
//! - `RS1xx`: the report breaks the JSON Schema.
//! - `RS2xx`: times, zones and the timeline.
//! - `RS3xx`: action items.
//! - `RS4xx`: content and wording.
//! - `RS5xx`: the configuration (`retrospec.toml`) and inline suppressions.

use crate::diagnostic::Severity;
pub use crate::diagnostic::{CodeInfo, FixKind};
use crate::rules::{self, Rule};

/// Declares a code whose documentation is its doc comment.
macro_rules! declare_code {
    ($(#[doc = $doc:expr])* $vis:vis const $const:ident = $code:literal, $name:literal, $severity:ident $(, fix: $fix:ident)?;) => {
        $(#[doc = $doc])*
        $vis const $const: CodeInfo = CodeInfo {
            code: $code,
            name: $name,
            severity: Severity::$severity,
            fix: declare_code!(@fix $($fix)?),
            from: None,
            doc: concat!($($doc, "\n"),*),
        };
    };
    (@fix) => { FixKind::None };
    (@fix $fix:ident) => { FixKind::$fix };
}

declare_code! {
    /// The file is not valid YAML or JSON.
    ///
    /// ## Why
    /// Nothing after a syntax error can be read reliably, so nothing after it is checked.
    ///
    /// ## Example
    /// ```yaml
    /// title: [unclosed
    /// ```
    pub const SYNTAX = "RS001", "syntax", Error;
}

declare_code! {
    /// The file cannot be read: it does not exist, is not a file, or is not UTF-8.
    ///
    /// ## Why
    /// Reports are text; a file retrospec cannot read is never silently skipped.
    pub const UNREADABLE = "RS002", "unreadable", Error;
}

declare_code! {
    /// A key is given twice in the same mapping or object.
    ///
    /// ## Why
    /// Tools disagree on which value wins (YAML 1.2 forbids it outright), so a reader
    /// and a dashboard may see different reports. retrospec reads the first one.
    ///
    /// ## Example
    /// ```yaml
    /// severity: SEV2
    /// severity: SEV1
    /// ```
    pub const DUPLICATE_KEY = "RS003", "duplicate-key", Error;
}

declare_code! {
    /// A YAML anchor (`&name`) or alias (`*name`).
    ///
    /// ## Why
    /// Aliases hide content from a reviewer reading the file and can expand
    /// exponentially (the "billion laughs" attack). Write values out in full.
    ///
    /// ## Example
    /// ```yaml
    /// owner: &team sre
    /// authors: [*team]
    /// ```
    pub const YAML_ANCHOR = "RS004", "yaml-anchor", Error;
}

declare_code! {
    /// A YAML tag such as `!!str` or `!custom`.
    ///
    /// ## Why
    /// Tags change how a value is read depending on the tool; reports use plain
    /// YAML 1.2 values. Quote a value to make it text.
    ///
    /// ## Example
    /// ```yaml
    /// id: !!str 2024-0610
    /// ```
    pub const YAML_TAG = "RS005", "yaml-tag", Error;
}

declare_code! {
    /// More than one YAML document in a file.
    ///
    /// ## Why
    /// A report is one document; a second `---` usually means two reports were
    /// pasted together, or front matter was closed twice.
    ///
    /// ## Example
    /// ```yaml
    /// title: One
    /// status: draft
    /// ---
    /// title: Two
    /// ```
    pub const MULTIPLE_DOCUMENTS = "RS006", "multiple-documents", Error;
}

declare_code! {
    /// The front matter of a Markdown report is not closed or not a mapping.
    ///
    /// ## Why
    /// The front matter holds the structured fields; without its closing `---`
    /// the whole report would be read as YAML.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Outage
    /// status: draft
    ///
    /// ## Summary
    /// ```
    pub const FRONT_MATTER = "RS007", "front-matter", Error;
}

declare_code! {
    /// A field is given both in the front matter and by a Markdown section.
    ///
    /// ## Why
    /// Two versions of the same field drift apart. retrospec reads the front
    /// matter and ignores the section.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// summary: Short version
    /// ---
    /// ## Summary
    /// Long version
    /// ```
    pub const DUPLICATE_FIELD = "RS008", "duplicate-field", Error;
}

declare_code! {
    /// A date line names a weekday that its date does not fall on.
    ///
    /// ## Why
    /// `### Monday 3 March 2026` is a Tuesday: either the weekday or the date is
    /// wrong, and every time under the heading takes the date. retrospec keeps the
    /// date and asks a person to check which one is right.
    ///
    /// ## Example
    /// ```markdown
    /// ## Timeline
    /// ### Monday 3 March 2026
    /// - 10:05 UTC Deploy starts
    /// ```
    pub const WEEKDAY_MISMATCH = "RS216", "weekday-mismatch", Warning;
}

declare_code! {
    /// An item in a timeline, action item or links section that cannot be read.
    ///
    /// ## Why
    /// Each timeline item starts with a time, each links item is a link; an item
    /// that does not is left out of the model, which a reviewer should know.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Deploy outage
    /// status: draft
    /// ---
    /// ## Timeline
    /// - Deploy starts
    /// ```
    ///
    /// In a report as written (no retrospec front matter), an item of a timeline
    /// without a time is read as a note on the entries, not as this finding.
    pub const MARKDOWN_ITEM = "RS009", "markdown-item", Warning;
}

declare_code! {
    /// The file is over a resource limit: too large, a line too long, lists and
    /// mappings nested too deep, or a list with too many items.
    ///
    /// ## Why
    /// retrospec reads files written by anyone and its language server runs for
    /// hours; a hostile or broken file must get an answer, not a hang, a crash or
    /// unbounded memory. The defaults (10 MiB, 1 MiB lines, 64 levels, 10,000 items)
    /// are far above any real postmortem and can be raised in the `[limits]` table
    /// of retrospec.toml (`max-file-size`, `max-line-length`, `max-depth`,
    /// `max-items`). Nothing else in the file is checked. See `docs/reliability.md`.
    ///
    /// ## Example
    /// ```yaml
    /// title: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    /// ```
    pub const LIMIT = "RS010", "limit", Error;
}

declare_code! {
    /// A field the schema does not know.
    ///
    /// ## Why
    /// A misspelled key (`root_casue`) silently drops content from every tool that
    /// reads the report. Organisation-specific data goes under keys starting with `x-`.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// root_casue: A typo
    /// ```
    pub const UNKNOWN_FIELD = "RS101", "unknown-field", Error, fix: Sometimes;
}

declare_code! {
    /// A field the schema requires is missing.
    ///
    /// ## Why
    /// Every report needs a `title` and a `status`; every timeline entry a `time`
    /// and a `text`; every action item a `title`; every link a `url`.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// ```
    pub const MISSING_FIELD = "RS102", "missing-field", Error;
}

declare_code! {
    /// A value has the wrong type (a list where text is expected, a number as a title).
    ///
    /// ## Why
    /// Tools reading the report expect the schema's types.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// tags: one-tag
    /// ```
    pub const WRONG_TYPE = "RS103", "wrong-type", Error;
}

declare_code! {
    /// A value is not one of the allowed values (`severity: SEV9`, `status: done`).
    ///
    /// ## Why
    /// Dashboards group reports by these values; a value outside the list is lost.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// severity: SEV9
    /// ```
    pub const INVALID_VALUE = "RS104", "invalid-value", Error;
}

declare_code! {
    /// A value does not have the required format (a date, a URI, a timestamp).
    ///
    /// ## Why
    /// Dates are `YYYY-MM-DD`, links are absolute URIs, times are timestamps with a
    /// zone, so that every tool reads them the same way.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// date: 12/06/2024
    /// ```
    pub const INVALID_FORMAT = "RS105", "invalid-format", Error;
}

declare_code! {
    /// A value breaks another schema constraint (an empty title, a percentage over 100).
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// impact:
    ///   percentage: 140
    /// ```
    pub const SCHEMA = "RS106", "schema", Error;
}

declare_code! {
    /// `retrospec.toml` is not valid TOML.
    ///
    /// ## Why
    /// A configuration that cannot be read would silently check every report with
    /// the defaults. `retrospec check` reports it and exits with code 2.
    ///
    /// ## Example
    /// ```toml
    /// [rules
    /// RS203 = "off"
    /// ```
    pub const CONFIG_SYNTAX = "RS501", "config-syntax", Error;
}

declare_code! {
    /// A key `retrospec.toml` does not know, or a value of the wrong type or out of range
    /// (an unknown time zone, a rule level other than `off`/`info`/`warning`/`error`,
    /// a severity scale naming a level twice).
    ///
    /// ## Why
    /// A misspelled key (`timezon`) would be ignored and the default used instead,
    /// which nobody notices until a report is checked differently than expected.
    /// The key with the mistake falls back to its default; the rest of the file applies.
    ///
    /// ## Example
    /// ```toml
    /// timezon = "Europe/Paris"
    /// ```
    pub const CONFIG_VALUE = "RS502", "config-value", Error;
}

declare_code! {
    /// A code or rule name in `[rules]` that no rule has.
    ///
    /// ## Why
    /// An override for a code that does not exist (a typo, or a code from another
    /// tool) does nothing; the rule it was meant for still runs at its default level.
    ///
    /// ## Example
    /// ```toml
    /// [rules]
    /// RS230 = "off"
    /// ```
    pub const CONFIG_UNKNOWN_RULE = "RS503", "config-unknown-rule", Error;
}

declare_code! {
    /// A `retrospec-ignore` comment without a reason, without a code, or naming a code
    /// that does not exist (or cannot be suppressed). It suppresses nothing.
    ///
    /// ## Why
    /// A suppression is a decision a reviewer has to be able to check: the reason
    /// is what they read. Write `<!-- retrospec-ignore RS203: why -->` in Markdown,
    /// `# retrospec-ignore RS203: why` in YAML and front matter. JSON has no
    /// comments: use `[rules]` in `retrospec.toml`.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// # retrospec-ignore RS203
    /// summary: Started at 09:15 CET.
    /// ```
    pub const INVALID_SUPPRESSION = "RS504", "invalid-suppression", Error;
}

declare_code! {
    /// A `retrospec-ignore` comment whose code is not reported on the line it applies to.
    ///
    /// ## Why
    /// A suppression left behind after the problem was fixed (or placed on the
    /// wrong line) would silently hide the next real finding there.
    ///
    /// ## Example
    /// ```yaml
    /// title: Outage
    /// status: draft
    /// # retrospec-ignore RS203: CET is what the status page showed
    /// summary: Nothing to suppress here.
    /// ```
    pub const UNUSED_SUPPRESSION = "RS505", "unused-suppression", Warning;
}

declare_code! {
    /// A report read as written: what its canonical form would need, in one finding.
    ///
    /// ## Why
    /// A postmortem written without retrospec's front matter (Markdown or plain text,
    /// `docs/import.md`) has no `status`, no owners and no tracking fields on its
    /// follow-ups, and its sections are named its own way. Reporting each of those
    /// policy findings (RS102, RS301, RS302, RS303, RS305, RS306, RS405) would bury the
    /// findings about facts (times, zones, order, durations), so they are gathered
    /// here, once per report, as information. `--policy full` (or `policy = "full"`
    /// in `retrospec.toml`) reports each instead; `retrospec import` writes the
    /// canonical form to fill in.
    ///
    /// ## Example
    /// ```markdown
    /// # Queue outage
    ///
    /// ## Follow-ups
    /// - Add a disk alert
    /// ```
    pub const POLICY_SUMMARY = "RS407", "policy-summary", Info;
}

/// A time that cannot be read or placed on a date.
pub const INVALID_TIME: CodeInfo = rules::invalid_time::InvalidTime::INFO;

/// Generates the table of codes and the table of rules from one list: a code
/// declared above, or `rule` and a rule's type (its metadata is its `INFO`).
macro_rules! registry {
    (@list [$($codes:expr),*] [$($rules:expr),*]) => {
        /// Every code, in order. Codes are never removed from this table.
        pub const ALL: &[CodeInfo] = &[$($codes),*];
        /// Every rule, in code order: what a check runs.
        pub(crate) const RULES: &[&dyn Rule] = &[$($rules),*];
    };
    (@list [$($codes:expr),*] [$($rules:expr),*] rule $rule:path, $($rest:tt)*) => {
        registry!(@list [$($codes,)* <$rule>::INFO] [$($rules,)* &$rule] $($rest)*);
    };
    (@list [$($codes:expr),*] [$($rules:expr),*] $code:ident, $($rest:tt)*) => {
        registry!(@list [$($codes,)* $code] [$($rules),*] $($rest)*);
    };
    ($($entries:tt)*) => {
        registry!(@list [] [] $($entries)*);
    };
}

// The one list: every code in order, and with `rule` the rules that report them.
registry! {
    SYNTAX,
    UNREADABLE,
    DUPLICATE_KEY,
    YAML_ANCHOR,
    YAML_TAG,
    MULTIPLE_DOCUMENTS,
    FRONT_MATTER,
    DUPLICATE_FIELD,
    MARKDOWN_ITEM,
    LIMIT,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    INVALID_FORMAT,
    SCHEMA,
    rule rules::timeline_order::TimelineOrder,
    rule rules::missing_zone::MissingZone,
    rule rules::zone_season::ZoneSeason,
    rule rules::unknown_zone::UnknownZone,
    rule rules::milestone_order::MilestoneOrder,
    rule rules::invalid_time::InvalidTime,
    rule rules::summary_times::SummaryTimes,
    rule rules::stated_duration::StatedDuration,
    rule rules::mixed_zones::MixedZones,
    rule rules::milestone_entry::MilestoneWithoutEntry,
    rule rules::report_date::ReportDateBeforeResolution,
    rule rules::milestone_marker_time::MilestoneMarkerTime,
    rule rules::unknown_time::UnknownTime,
    rule rules::ambiguous_date::AmbiguousDate,
    rule rules::midnight_rollover::MidnightRollover,
    WEEKDAY_MISMATCH,
    rule rules::status_text::StatusText,
    rule rules::milestone_words::MilestoneWords,
    rule rules::action_item_owner::ActionItemOwner,
    rule rules::action_item_tracking::ActionItemTracking,
    rule rules::action_item_due::ActionItemDue,
    rule rules::vague_action_item::VagueActionItem,
    rule rules::prevent_item_required::PreventItemRequired,
    rule rules::action_item_status::ActionItemStatus,
    rule rules::placeholder::Placeholder,
    rule rules::person_in_cause::PersonInCause,
    rule rules::blame_word::BlameWord,
    rule rules::counterfactual::Counterfactual,
    rule rules::missing_section::MissingSection,
    rule rules::impact_unquantified::ImpactUnquantified,
    POLICY_SUMMARY,
    rule rules::role_in_cause::RoleInCause,
    rule rules::unknown_service::UnknownService,
    CONFIG_SYNTAX,
    CONFIG_VALUE,
    CONFIG_UNKNOWN_RULE,
    INVALID_SUPPRESSION,
    UNUSED_SUPPRESSION,
}

/// Looks up a code (case-insensitive) or a code's name.
pub fn lookup(code_or_name: &str) -> Option<&'static CodeInfo> {
    ALL.iter()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

/// Whether `[rules]` in `retrospec.toml` may turn `code` off or change its severity:
/// every code except those about the configuration itself.
pub fn configurable(code: &str) -> bool {
    ![
        CONFIG_SYNTAX.code,
        CONFIG_VALUE.code,
        CONFIG_UNKNOWN_RULE.code,
    ]
    .contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(a.code.starts_with("RS") && a.code.len() == 5, "{}", a.code);
            assert!(!a.summary().is_empty(), "{} has no documentation", a.code);
            for b in &ALL[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    /// Every report in the repository: the fixtures, the seeds and the examples.
    fn reports() -> Vec<(std::path::PathBuf, crate::Format)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut dirs = vec![root.join("tests/seeds"), root.join("examples")];
        for entry in std::fs::read_dir(root.join("tests/fixtures"))
            .expect("fixtures")
            .flatten()
        {
            dirs.push(entry.path());
        }
        let mut files = Vec::new();
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).expect("a directory").flatten() {
                let path = entry.path();
                if let Some(format) = crate::Format::from_path(&path) {
                    files.push((path, format));
                }
            }
        }
        files
    }

    #[test]
    fn declared_fix_kinds_agree_with_the_findings() {
        let mut fixed = std::collections::BTreeSet::new();
        let mut texts: Vec<(String, String, crate::Format)> = reports()
            .into_iter()
            .filter_map(|(path, format)| {
                // The invalid UTF-8 fixture is not text.
                let text = std::fs::read_to_string(&path).ok()?;
                Some((path.display().to_string(), text, format))
            })
            .collect();
        // A misspelled key, which no fixture has.
        let typo = "title: t\nstatus: draft\nsumary: s\n";
        texts.push(("typo".into(), typo.into(), crate::Format::Yaml));
        for (path, text, format) in texts {
            for d in crate::check(&text, format).diagnostics {
                let info = lookup(d.code).expect("a declared code");
                match info.fix {
                    FixKind::None => {
                        assert!(d.fix.is_none(), "{path}: {} has a fix", d.code)
                    }
                    FixKind::Always => {
                        assert!(d.fix.is_some(), "{path}: {} has no fix", d.code)
                    }
                    FixKind::Sometimes => {}
                }
                if d.fix.is_some() {
                    fixed.insert(d.code);
                }
            }
        }
        for info in ALL.iter().filter(|i| i.fix != FixKind::None) {
            assert!(
                fixed.contains(info.code),
                "no report shows a fix of {}",
                info.code
            );
        }
    }

    #[test]
    fn gated_rules_do_not_run_on_drafts() {
        let gated: Vec<&str> = RULES
            .iter()
            .map(|r| r.info())
            .filter(|i| i.from.is_some())
            .map(|i| i.code)
            .collect();
        assert_eq!(gated, ["RS302", "RS305", "RS401", "RS405", "RS406"]);
        // A published report without an impact, sections or tracking, and a placeholder.
        let report = |status: &str| {
            format!(
                "title: t\nstatus: {status}\nseverity: SEV1\nsummary: TBD\nimpact:\n  description: Some users could not log in.\naction_items:\n  - title: Fix it\n    owner: me\n"
            )
        };
        let codes = |status: &str| -> Vec<&'static str> {
            crate::check(&report(status), crate::Format::Yaml)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        let published = codes("published");
        for code in &gated {
            assert!(published.contains(code), "{code} in {published:?}");
        }
        assert!(codes("draft").iter().all(|c| !gated.contains(c)));
    }

    #[test]
    fn an_off_rule_does_not_run_unless_a_suppression_names_it() {
        let (config, errors) = crate::Config::parse("[rules]\nRS202 = \"off\"\n");
        assert_eq!(errors, []);
        let report = "title: t\nstatus: draft\nmilestones:\n  # retrospec-ignore missing-zone: as shown\n  started: 2024-06-10 16:05\n";
        // The suppression is used, as when the rule ran and its finding was dropped.
        assert_eq!(
            crate::check_with(report, crate::Format::Yaml, &config).diagnostics,
            []
        );
        let bare = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05\n";
        assert_eq!(
            crate::check_with(bare, crate::Format::Yaml, &config).diagnostics,
            []
        );
    }
}
