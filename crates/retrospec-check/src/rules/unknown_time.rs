use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule, time_errors};
use crate::time::TimeErrorKind;

declare_rule! {
    /// RS213, declared with its documentation in `codes.rs` (`UNKNOWN_TIME`): the
    /// readers below the rules report it too.
    pub struct UnknownTime = codes::UNKNOWN_TIME;
}

impl Rule for UnknownTime {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        time_errors::report(cx, TimeErrorKind::Placeholder, &Self::INFO, out);
    }
}
