use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule, time_errors};
use crate::suggest::display_path;
use crate::time::{ResolveError, TimeErrorKind, states_weekday_and_day};

declare_rule! {
    /// RS206, declared with its documentation in `codes.rs` (`INVALID_TIME`): the
    /// readers below the rules report it too.
    pub struct InvalidTime = codes::INVALID_TIME;
}

impl Rule for InvalidTime {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A date with two readings that would have dated the timeline is already
        // reported (RS214): the undated entries are the same cause.
        let mut dateless = usize::from(
            cx.parsed
                .freeform
                .as_ref()
                .is_some_and(|r| r.ambiguous_date.is_some()),
        );
        for value in cx.times.all() {
            // Looked up only for a finding: most times are fine.
            let span = || cx.span(&value.pointer);
            let path = || display_path(&value.pointer);
            match (&value.parsed, &value.resolved) {
                // Placeholders (RS213) and ambiguous dates (RS214) have their own codes.
                (Err(error), _) if error.kind != TimeErrorKind::Invalid => {}
                (Err(error), _) => out.push(time_errors::finding(cx, &Self::INFO, value, error)),
                // Every later entry lacks a date for the same reason: report the first.
                (_, Some(Err(ResolveError::NoDate))) if { dateless += 1; dateless > 1 } => {}
                (_, Some(Err(ResolveError::NoDate))) if under_ambiguous_line(cx.text, span()) => {}
                // `Saturday Nov 15:` over the list: dated but for the year.
                (_, Some(Err(ResolveError::NoDate)))
                    if states_weekday_and_day(cx.text.get(..span().start).unwrap_or("")) => {}
                (_, Some(Err(ResolveError::NoDate))) => out.push(
                    Diagnostic::new(&Self::INFO, span(), format!("`{}` has no date, and nothing before it gives one", path()))
                        .with_help("write the date on the first timeline entry (`2024-06-10 16:05 CEST`) or set `milestones.started`"),
                ),
                (_, Some(Err(ResolveError::Nonexistent(message)))) => out.push(
                    Diagnostic::new(&Self::INFO, span(), format!("`{}`: {message}", path()))
                        .with_help("check the date and time; write the UTC offset the clocks showed (for example `+01:00`) if the time is right"),
                ),
                (_, Some(Err(ResolveError::Repeated { message, help }))) => out.push(
                    Diagnostic::new(&Self::INFO, span(), format!("`{}`: {message}", path()))
                        .with_help(format!("{help}; no duration is computed from this time until then")),
                ),
                _ => {}
            }
        }
    }
}

/// Whether a date line with two readings (`03/04/2025`, reported as RS214 where it
/// is read) stands between the section heading above `entry` and the entry: the
/// line would have dated it, so the undated entry is the same cause.
fn under_ambiguous_line(text: &str, entry: crate::span::Span) -> bool {
    let before = text.get(..entry.start).unwrap_or("");
    let section = before.rfind("\n## ").map_or(before, |at| &before[at + 1..]);
    section.lines().skip(1).any(|line| {
        let line = line.trim().trim_start_matches('#');
        matches!(
            crate::time::scan_date_line(line, None),
            Some(Err(e)) if e.kind == TimeErrorKind::AmbiguousDate
        )
    })
}
