//! Diagnostics are data: a stable code, a severity, a message, a primary span,
//! labels, help and an optional fix. The same value feeds the terminal, JSON
//! output and the editor; rendering happens only at the edges.
//!
//! A diagnostic is made from its code's static metadata ([`CodeInfo`]), never from
//! a bare string: a code that is not declared cannot be written. This module is a
//! leaf: it knows the shape of metadata, not the table of codes (`registry.rs`).

use retrospec_model::Status;
use serde::Serialize;

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information worth knowing; never fails a check.
    Info,
    /// Something a reviewer would question.
    Warning,
    /// The report is wrong or cannot be read; `retrospec check` fails.
    Error,
}

impl Severity {
    /// The name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether findings of a code come with a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixKind {
    /// Never.
    None,
    /// When the right change can be told from the report.
    Sometimes,
    /// Every finding.
    Always,
}

impl FixKind {
    /// The name as printed by `retrospec rules` and in `docs/rules/`.
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "none",
            FixKind::Sometimes => "sometimes",
            FixKind::Always => "always",
        }
    }
}

/// A code's static metadata: what `retrospec explain` prints, and what every
/// diagnostic of the code is made from. Declared once, with `declare_code!` in
/// `codes.rs` or `declare_rule!` in a rule's file; listed once, in `registry::ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The stable code, for example `RS201`.
    pub code: &'static str,
    /// A short kebab-case name, for example `timeline-order`.
    pub name: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// Whether its findings come with a fix.
    pub fix: FixKind,
    /// The first status in the review lifecycle whose reports it checks
    /// (`None`: every report). A draft may be unfinished.
    pub from: Option<Status>,
    /// Markdown documentation; its first line is the summary.
    pub doc: &'static str,
}

impl CodeInfo {
    /// The first line of the documentation.
    pub fn summary(&self) -> &'static str {
        self.doc
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }

    /// Whether it checks a report in `status`.
    pub fn applies_to(&self, status: Status) -> bool {
        let rank = |s: Status| match s {
            Status::Draft => 0,
            Status::InReview => 1,
            Status::Published => 2,
        };
        self.from.is_none_or(|from| rank(status) >= rank(from))
    }
}

/// A secondary location that explains the diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it.
    pub message: String,
}

/// One replacement of the text in `span`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The text to replace.
    pub span: Span,
    /// What to put there.
    pub replacement: String,
}

/// A change that resolves a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, as a quick-fix title.
    pub message: String,
    /// The edits, non-overlapping.
    pub edits: Vec<Edit>,
    /// Whether the fix keeps the meaning the author intended and may be applied without review.
    pub safe: bool,
}

/// A finding about a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The stable code, for example `RS201`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The exact text it is about.
    pub span: Span,
    /// Other places that explain it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A change that resolves it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of the code `info` describes, at its default severity.
    ///
    /// ```
    /// use retrospec_check::{Diagnostic, Severity, Span, codes};
    /// let d = Diagnostic::new(&codes::SYNTAX, Span::new(0, 1), "m");
    /// assert_eq!((d.code, d.severity), ("RS001", Severity::Error));
    /// ```
    ///
    /// A code is never a bare string, and a code's metadata cannot be made outside
    /// its declaration:
    ///
    /// ```compile_fail
    /// use retrospec_check::{Diagnostic, Span};
    /// let d = Diagnostic::new("RS001", Span::new(0, 1), "m");
    /// ```
    ///
    /// ```compile_fail
    /// use retrospec_check::codes::{CodeInfo, FixKind};
    /// use retrospec_check::Severity;
    /// let made = CodeInfo {
    ///     code: "RS999",
    ///     name: "made-up",
    ///     severity: Severity::Error,
    ///     fix: FixKind::None,
    ///     from: None,
    ///     doc: "",
    /// };
    /// ```
    pub fn new(info: &'static CodeInfo, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: info.code,
            severity: info.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Adds help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a label.
    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a fix.
    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
