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
