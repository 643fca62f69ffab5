use jiff::Unit;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::validate::display_path;

declare_rule! {
    /// A timeline entry is earlier than the entry before it.
    ///
    /// ## Why
    /// A timeline is read top to bottom; an entry out of place makes readers
    /// misjudge what caused what, and usually means a wrong date, zone or typo.
    /// Times are compared as instants, across zones, date changes and midnight.
    ///
    /// ## Example
    /// ```markdown
    /// ## Timeline
    /// - 2024-06-10 16:10 CEST Alert fires
    /// - 2024-06-10 16:05 CEST Deploy starts
    /// ```
    /// Use instead: put the entries in the order they happened.
    pub struct TimelineOrder = "RS201", "timeline-order", Error;
}

impl Rule for TimelineOrder {
    fn info(&self) -> &'static crate::codes::CodeInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut previous: Option<(&str, jiff::Timestamp)> = None;
        for value in cx.times.timeline.iter().flatten() {
            let Some(now) = value.instant() else { continue };
            if let Some((prev_pointer, prev)) = previous
                && now.timestamp < prev
            {
                let back = prev
                    .since(now.timestamp)
                    .ok()
                    .and_then(|s| {
                        s.round(
                            jiff::SpanRound::new()
                                .largest(Unit::Hour)
                                .smallest(Unit::Minute),
                        )
                        .ok()
                    })
                    .map_or_else(String::new, |s| format!(" ({s:#} earlier)"));
                out.push(
                        Diagnostic::new(
                            Self::INFO.code,
                            cx.span(&value.pointer),
                            format!("`{}` is earlier than the entry before it{back}", display_path(&value.pointer).replace(".time", "")),
                        )
                        .with_label(cx.span(prev_pointer), "the entry before it")
                        .with_help("put the timeline in the order things happened, or correct the date, time or zone")
                        ,
                    );
            }
            previous = Some((&value.pointer, now.timestamp));
        }
    }
}
