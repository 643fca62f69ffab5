//! One report, analysed once: the façade the command-line tool and the language
//! server use (after rust-analyzer's `ide::Analysis`). An [`Analysis`] is made from
//! a text, its form and a configuration; the check (parse, schema, model, times,
//! rules, metrics) runs the first time something needs it and is kept, so hover,
//! the outline and inlay hints read exactly the tree, model and times the
//! diagnostics came from. Completions read only the text around the cursor and
//! never run the check.

use std::ops::Range;
use std::sync::OnceLock;

use retrospec_model::Postmortem;

use crate::assist::{self, Completion, OffsetHint, Symbol};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::hover::{self, Hover};
use crate::metrics::Metric;
use crate::parse::{Format, Parsed};
use crate::times::Times;
use crate::{Checked, Computed};

/// Everything retrospec knows about one text of a report.
#[derive(Debug)]
pub struct Analysis {
    text: String,
    format: Format,
    config: Config,
    computed: OnceLock<Computed>,
}

impl Analysis {
    /// The analysis of `text`, written in `format`, under `config`. Nothing is
    /// computed yet.
    pub fn new(text: impl Into<String>, format: Format, config: &Config) -> Self {
        Analysis {
            text: text.into(),
            format,
            config: config.clone(),
            computed: OnceLock::new(),
        }
    }

    fn computed(&self) -> &Computed {
        self.computed
            .get_or_init(|| crate::compute(&self.text, self.format, &self.config))
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its form.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The configuration it is checked under.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The findings, sorted by position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.computed().diagnostics
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics()
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The model (values the schema rejected left out), when the text could be parsed.
    pub fn model(&self) -> Option<&Postmortem> {
        self.computed().model.as_ref()
    }

    /// The spanned tree, when the text could be parsed.
    pub fn parsed(&self) -> Option<&Parsed> {
        self.computed().parsed.as_ref()
    }

    /// Every time of the report, parsed and resolved, when the text could be parsed.
    pub fn times(&self) -> Option<&Times> {
        self.computed().times.as_ref()
    }

    /// Time to detect, acknowledge, mitigate and resolve, when the milestones give them.
    pub fn metrics(&self) -> &[Metric] {
        &self.computed().metrics
    }

    /// The hover at byte `offset`: the field's documentation, a severity level's
    /// definition, a time's UTC value and offset from the start of the incident.
    pub fn hover(&self, offset: usize) -> Option<Hover> {
        let computed = self.computed();
        let (parsed, times) = (computed.parsed.as_ref()?, computed.times.as_ref()?);
        hover::hover(parsed, times, offset, &self.config)
    }

    /// Completions at byte `offset` (from the text alone: no check runs).
    pub fn completions(&self, offset: usize) -> Vec<Completion> {
        assist::complete(&self.text, self.format, offset, &self.config)
    }

    /// The outline: top-level fields, with milestones, timeline entries and action
    /// items as children.
    pub fn outline(&self) -> Vec<Symbol> {
        self.parsed().map_or_else(Vec::new, assist::outline)
    }

    /// The `T+` labels after the timeline times whose place is in `range` (bytes;
    /// its end included).
    pub fn inlay_hints(&self, range: Range<usize>) -> Vec<OffsetHint> {
        let computed = self.computed();
        let (Some(parsed), Some(times)) = (computed.parsed.as_ref(), computed.times.as_ref())
        else {
            return Vec::new();
        };
        assist::offset_hints(parsed, times)
            .into_iter()
            .filter(|h| range.start <= h.offset && h.offset <= range.end)
            .collect()
    }

    /// The findings that come with a fix, in order.
    pub fn fixes(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics().iter().filter(|d| d.fix.is_some())
    }

    /// The text with every safe fix applied, or `None` when there is none to apply.
    pub fn apply_safe_fixes(&self) -> Option<String> {
        crate::fix::apply_safe(&self.text, self.diagnostics())
    }

    /// The check's results, taken out of the analysis.
    pub fn into_checked(self) -> Checked {
        let format = self.format;
        let computed = self
            .computed
            .into_inner()
            .unwrap_or_else(|| crate::compute(&self.text, format, &self.config));
        Checked {
            diagnostics: computed.diagnostics,
            model: computed.model,
            parsed: computed.parsed,
            metrics: computed.metrics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\ntimeline:\n  - time: 2024-06-10 16:19 CEST\n    text: a\n  - time: 2024-06-10 16:10 CEST\n    text: b\n";

    #[test]
    fn completions_do_not_run_the_check() {
        let analysis = Analysis::new("title: t\nsta", Format::Yaml, &Config::default());
        assert!(!analysis.completions(13).is_empty());
        assert!(analysis.computed.get().is_none());
        assert!(!analysis.diagnostics().is_empty());
        assert!(analysis.computed.get().is_some());
    }

    #[test]
    fn every_answer_comes_from_the_one_check() {
        let analysis = Analysis::new(REPORT, Format::Yaml, &Config::default());
        assert_eq!(analysis.diagnostics(), check_diagnostics());
        let at = REPORT.find("16:19").expect("time");
        let hover = analysis.hover(at).expect("hover on a time");
        assert!(hover.markdown.contains("14:19 UTC"), "{}", hover.markdown);
        let hints = analysis.inlay_hints(0..REPORT.len());
        let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["T+14m", "T+5m"]);
        // Only the hints in the range asked for.
        assert_eq!(analysis.inlay_hints(0..at).len(), 0);
        let fixes: Vec<&str> = analysis.fixes().map(|d| d.code).collect();
        assert_eq!(fixes, ["RS201"]);
        let fixed = analysis.apply_safe_fixes().expect("the sort is safe");
        assert!(fixed.find("16:10") < fixed.find("16:19"));
        assert_eq!(analysis.outline().len(), 4);
    }

    fn check_diagnostics() -> Vec<Diagnostic> {
        crate::check(REPORT, Format::Yaml).diagnostics
    }
}
