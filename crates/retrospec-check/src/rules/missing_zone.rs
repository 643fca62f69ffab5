use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;
use crate::time::ResolveError;

declare_rule! {
    /// A time has no zone, and the report has no `timezone` to take it from.
    ///
    /// ## Why
    /// `16:05` means a different instant in every zone. Readers in other zones,
    /// and every computed duration, depend on knowing which one.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2024-06-10 16:05
    /// ```
    /// Use instead: `2024-06-10 16:05 CEST`, `2024-06-10T16:05:00+02:00`, or set
    /// `timezone: Europe/Paris` once for the whole report.
    pub struct MissingZone = "RS202", "missing-zone", Error;
}

impl Rule for MissingZone {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.model.timezone.is_some() {
            // A `timezone` that is not a zone is reported by RS204, once.
            return;
        }
        for value in cx.times.all() {
            if let Some(Err(ResolveError::NoZone)) = &value.resolved {
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span(&value.pointer),
                        format!("`{}` has no time zone", display_path(&value.pointer)),
                    )
                    .with_help("add a zone (`UTC`, `+02:00`, `Europe/Paris`, `CEST`), or set `timezone:` for the whole report"),
                );
            }
        }
    }
}
