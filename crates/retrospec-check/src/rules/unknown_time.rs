use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule, time_errors};
use crate::time::TimeErrorKind;

declare_rule! {
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
    pub struct UnknownTime = "RS213", "unknown-time", Warning;
}

impl Rule for UnknownTime {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        time_errors::report(cx, TimeErrorKind::Placeholder, &Self::INFO, out);
    }
}
