use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule, time_errors};
use crate::time::TimeErrorKind;

declare_rule! {
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
    pub struct AmbiguousDate = "RS214", "ambiguous-date", Error;
}

impl Rule for AmbiguousDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        time_errors::report(cx, TimeErrorKind::AmbiguousDate, &Self::INFO, out);
    }
}
