use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule, time_errors};
use crate::time::TimeErrorKind;

declare_rule! {
    /// RS214, declared with its documentation in `codes.rs` (`AMBIGUOUS_DATE`): the
    /// readers below the rules report it too.
    pub struct AmbiguousDate = codes::AMBIGUOUS_DATE;
}

impl Rule for AmbiguousDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        time_errors::report(cx, TimeErrorKind::AmbiguousDate, &Self::INFO, out);
    }
}
