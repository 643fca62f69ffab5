//! The codes reported below the rules: those no rule reports (the parsers', the
//! schema's, the configuration's and suppressions') and those a reader reports
//! too, whose rules take them (`declare_rule! { pub struct InvalidTime =
//! codes::INVALID_TIME; }`: RS206, RS213–RS216), each declared once with its
//! documentation. A leaf: it imports only `crate::diagnostic`, so every layer may
//! report these codes. The table of every code (these and the rules') is
//! [`crate::registry`].
//!
//! A code is permanent: once released it is never reused for another meaning, and a
//! retired code stays listed.
//!
//! - `RS0xx`: the file cannot be read as a report (syntax, structure).
//! - `RS1xx`: the report breaks the JSON Schema.
//! - `RS2xx`: times, zones and the timeline.
//! - `RS3xx`: action items.
//! - `RS4xx`: content and wording.
//! - `RS5xx`: the configuration (`retrospec.toml`) and inline suppressions.

use crate::diagnostic::Severity;
pub use crate::diagnostic::{CodeInfo, FixKind};

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
    /// A date line, or a sentence, names a weekday that its date does not fall on.
    ///
    /// ## Why
    /// `### Monday 3 March 2026` is a Tuesday: either the weekday or the date is
    /// wrong, and every time under the heading takes the date. retrospec keeps the
    /// date and asks a person to check which one is right.
    ///
    /// In the title, the summary and the other sections, a weekday written right before its
    /// date (`on Wednesday 24 June 2025`, `Tuesday, March 3`, `Friday the 4th of
    /// July`, `Friday night 25 August 2003`) is checked too. A date written without its year is checked only when
    /// the report's own dates (its date field, milestones, timeline) give that day
    /// and month in exactly one year, or else when its heading names one year (a
    /// title `# July 2025 service disruption`, the line under it, a front matter
    /// `title:` with a date), or else, in a report read as written, when it was
    /// published in one (a blog's front
    /// matter `date`, in YAML or TOML, or a byline); not for a date in January or
    /// December, which may be the year before or after. Otherwise which year is
    /// meant is a guess, and
    /// nothing is reported. Code, quoted logs and links are not read. A timeline
    /// entry's time stamped with its weekday between date and clock
    /// (`2025-10-08 Thu 00:20`, as Org mode writes `<2025-10-08 Thu 00:20>`) is
    /// checked too.
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
    /// A time that cannot be read, does not exist, or has no date to stand on.
    ///
    /// ## Why
    /// `25:00`, `2024-02-30` and `02:30` on the night clocks jump forward are not
    /// instants; `02:45` on the night clocks go back happened twice, so it names two
    /// instants an hour apart and no duration is computed from it; a time-only timeline entry with nothing before it to take a date
    /// from cannot be ordered. A date written `01/07/2023` is 1 July to some
    /// readers and 7 January to others.
    ///
    /// ## Example
    /// ```yaml
    /// timeline:
    ///   - time: "10:50 UTC"
    ///     text: Maintenance starts
    /// ```
    /// Use instead: give the first entry a date (`2023-07-01 10:50 UTC`) or set
    /// `milestones.started`.
    ///
    /// In a report read as written, entries led by a weekday (`- Mon 09:00 UTC -
    /// Queue stalls`, `**Tues, 5:00pm:**`) take their days from the date the
    /// report gives for the incident; with none, they are not read, and the first
    /// of them is reported here once, asking for that date. A weekday, day
    /// and month written before the entries without a year (`All times are
    /// Pacific (PST), Saturday Nov 15:`, as a forum comment dates its list) fall
    /// together only once in several years, a date for a reader who knows when
    /// it was posted: the undated entries are not reported then. A day and month
    /// alone (`Billing delays on March 3`) still are.
    pub const INVALID_TIME = "RS206", "invalid-time", Error;
}

declare_code! {
    /// A placeholder stands where a time belongs: `??:??`, `XX:XX`, `HH:MM`,
    /// `[???]`, `TBD`, or a note in brackets that the time is missing (`[time
    /// TBD]`, `(exact time unknown)`).
    ///
    /// ## Why
    /// A timeline entry without its time cannot be ordered or measured, and a
    /// placeholder left in a published report is easy to miss: the entry is not
    /// dropped silently, it is reported so that someone finds the time (from
    /// logs, chat or alert history) or says that it is not known.
    ///
    /// ## Example
    /// ```yaml
    /// timeline:
    ///   - time: "??:??"
    ///     text: A customer reports failed logins
    /// ```
    /// Use instead: the time, approximately if need be (`~10:50 UTC`), or move
    /// the entry into the text with "at an unknown time".
    pub const UNKNOWN_TIME = "RS213", "unknown-time", Warning;
}

declare_code! {
    /// A date written with slashes can be read two ways: `01/07/2023` is
    /// 1 July (day first) or 7 January (month first).
    ///
    /// ## Why
    /// Most of the world writes the day first and the United States writes
    /// the month first; both readings are real dates, so retrospec does not
    /// guess. A slashed date with only one valid reading (`31/01/2024`,
    /// `01/31/2024`) is read without a finding.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 01/07/2023 10:50 UTC
    /// ```
    /// Use instead: `2023-07-01 10:50 UTC` (the message names both readings).
    pub const AMBIGUOUS_DATE = "RS214", "ambiguous-date", Error;
}

declare_code! {
    /// A timeline time without a date went backwards, so retrospec read it as the
    /// next day (the timeline ran past midnight).
    ///
    /// ## Why
    /// `23:40` followed by `00:15` almost always means a quarter past midnight,
    /// and every duration after it depends on that reading. It is still an
    /// inference: a reviewer asks for the date, because an entry written out of
    /// order reads exactly the same. A date on the entry, or a date line above it,
    /// confirms the day and this finding goes away.
    ///
    /// ## Example
    /// ```yaml
    /// timeline:
    ///   - time: 2024-06-10 23:40 UTC
    ///     text: Disk usage alert on the primary
    ///   - time: 00:15 UTC
    ///     text: Primary stops accepting writes
    /// ```
    /// Use instead: `2024-06-11 00:15 UTC`, or a `### 2024-06-11` line above the entry.
    pub const MIDNIGHT_ROLLOVER = "RS215", "midnight-rollover", Info;
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
