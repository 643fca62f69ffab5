//! The core of retrospec: parsing with spans, schema validation and rules.
//!
//! Text in, data out: [`check`] takes the text of a report and its form and
//! returns diagnostics (and the model, for tools that want it). It never prints,
//! never does I/O, and never returns an error for bad input: a report that
//! cannot be read is a diagnostic like any other.
//!
//! The data flow is text -> spanned tree ([`parse`]) -> schema validation
//! ([`validate`]) -> model ([`model`]) -> times ([`times`]) -> rules ([`rules`]) ->
//! diagnostics, sorted by position; [`metrics`] are derived from the times.

pub mod assist;
pub mod codes;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod hover;
pub mod metrics;
pub mod model;
pub mod parse;
pub mod rules;
pub mod span;
pub mod time;
pub mod times;
pub mod tree;
pub mod validate;

pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Label, Severity};
pub use parse::Format;
pub use retrospec_model::Postmortem;
pub use span::{LineCol, LineIndex, Span};

/// What checking one report found.
#[derive(Debug)]
pub struct Checked {
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The model, when the file could be parsed.
    pub model: Option<Postmortem>,
    /// The spanned tree, when the file could be parsed.
    pub parsed: Option<parse::Parsed>,
    /// Time to detect, acknowledge, mitigate and resolve, when the milestones give them.
    pub metrics: Vec<metrics::Metric>,
}

impl Checked {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Checks the text of one report written in `format`, with the default configuration.
pub fn check(text: &str, format: Format) -> Checked {
    check_with(text, format, &Config::default())
}

/// Checks the text of one report written in `format` under `config`.
pub fn check_with(text: &str, format: Format, config: &Config) -> Checked {
    let mut diagnostics = Vec::new();
    let Some(parsed) = parse::parse(text, format, &mut diagnostics) else {
        apply_rule_levels(config, &mut diagnostics);
        return Checked {
            diagnostics,
            model: None,
            parsed: None,
            metrics: Vec::new(),
        };
    };
    let json = parsed.tree.to_json();
    let violations = validate::validate(text, &parsed, &json);
    let rejected: Vec<String> = violations
        .iter()
        .filter(|v| v.prune)
        .map(|v| v.pointer.clone())
        .collect();
    // One finding per place: a value the parser already reported (an alias read as
    // null) gets no schema diagnostic on top.
    let reported: Vec<Span> = diagnostics.iter().map(|d| d.span).collect();
    diagnostics.extend(
        violations
            .into_iter()
            .map(|v| v.diagnostic)
            .filter(|d| !reported.contains(&d.span)),
    );
    let model = model::lenient(json, &rejected);
    let times = times::Times::new(&model);
    let cx = rules::Context {
        text,
        format,
        parsed: &parsed,
        model: &model,
        times: &times,
        config,
    };
    rules::run(&cx, &mut diagnostics);
    apply_rule_levels(config, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
    diagnostics.dedup();
    let metrics = metrics::compute(&times);
    Checked {
        diagnostics,
        model: Some(model),
        parsed: Some(parsed),
        metrics,
    }
}

/// `[rules]` of the configuration: a code set to `off` is dropped, any other level
/// replaces the code's default severity.
fn apply_rule_levels(config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    if config.rules.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| {
        if !codes::configurable(d.code) {
            return true;
        }
        match config.rule_level(d.code).map(config::RuleLevel::severity) {
            Some(None) => false,
            Some(Some(severity)) => {
                d.severity = severity;
                true
            }
            None => true,
        }
    });
}
