use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::milestone_entry::same_minute;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;

declare_rule! {
    /// A timeline entry marked with a milestone (`[resolved]`, `milestone: resolved`)
    /// is at another time than that milestone.
    ///
    /// ## Why
    /// The report then gives two times for the same moment, and the metrics
    /// computed from the milestones disagree with the timeline readers follow.
    /// One of them is wrong. This is its own code, apart from RS210 (a milestone
    /// with no entry at all): an omission is worth a warning, a contradiction is an
    /// error like a milestone out of order (RS205). Entries in the same minute as
    /// the milestone agree.
    ///
    /// ## Example
    /// ```yaml
    /// title: Search unavailable
    /// status: draft
    /// milestones:
    ///   started: 2024-06-10 14:05 CEST
    ///   resolved: 2024-06-10 15:11 CEST
    /// timeline:
    ///   - time: 2024-06-10 14:05 CEST
    ///     text: Index alias switched to an empty index
    ///     milestone: started
    ///   - time: 2024-06-10 15:21 CEST
    ///     text: Search results complete again
    ///     milestone: resolved
    /// ```
    /// Use instead: the same time in both places.
    pub struct MilestoneMarkerTime = "RS212", "milestone-marker-time", Error;
}

impl Rule for MilestoneMarkerTime {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (i, entry) in cx.model.timeline.iter().enumerate() {
            let Some(milestone) = entry.milestone else {
                continue;
            };
            let Some(stated) = cx.times.milestone(milestone) else {
                continue;
            };
            let (Some(expected), Some(Some(value))) = (stated.instant(), cx.times.timeline.get(i))
            else {
                continue;
            };
            let Some(at) = value.instant() else { continue };
            if same_minute(at.timestamp, expected.timestamp) {
                continue;
            }
            let name = milestone.as_str();
            let apart = (at.timestamp.as_second() - expected.timestamp.as_second()).abs() / 60;
            let marker = Ptr::timeline_entry(i).milestone();
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    cx.span(&value.pointer),
                    format!(
                        "`{}` is marked `{name}` at `{}`, but `milestones.{name}` is `{}` ({} apart)",
                        display_path(&Ptr::timeline_entry(i).whole()),
                        value.text.trim(),
                        stated.text.trim(),
                        crate::assist::format_minutes(apart).trim_start_matches('+'),
                    ),
                )
                .with_label(cx.span(&marker), "the marker")
                .with_label(cx.span(&stated.pointer), format!("`{name}` is here"))
                .with_help(format!(
                    "correct the entry's time or `milestones.{name}`, or move the marker to the entry at that time"
                )),
            );
        }
    }
}
