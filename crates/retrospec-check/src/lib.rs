//! The core of retrospec: parsing with spans, schema validation and rules.
//!
//! Text in, data out: an [`Analysis`] of the text of a report, its form and a
//! configuration gives its diagnostics, model, times and metrics, and answers the
//! editor's questions (hover, completions, outline, inlay hints, fixes) from the
//! same check; [`check`] and [`check_with`] return the diagnostics and model alone. It never prints,
//! never does I/O, and never returns an error for bad input: a report that
//! cannot be read is a diagnostic like any other.
//!
//! The data flow is text -> spanned tree ([`parse`]) -> schema validation
//! ([`validate`]) -> model ([`model`]) -> times ([`times`]) -> rules ([`rules`]) ->
//! diagnostics, sorted by position; [`metrics`] are derived from the times.

mod analysis;
pub(crate) mod assist;
pub mod claims;
pub mod codes;
pub mod config;
pub(crate) mod diagnostic;
pub mod emit;
pub mod fix;
pub(crate) mod gated;
pub(crate) mod hover;
pub mod insights;
pub(crate) mod lean;
pub mod limits;
pub mod metrics;
pub mod model;
pub(crate) mod order;
pub mod parse;
pub mod policy;
pub(crate) mod ptr;
pub mod registry;
pub mod resolve;
pub mod rules;
pub(crate) mod scan;
pub(crate) mod sentence;
pub(crate) mod span;
pub(crate) mod suggest;
pub(crate) mod suppress;
pub(crate) mod time_diag;
pub mod times;
pub(crate) mod tree;
pub mod validate;

pub use analysis::Analysis;
pub use assist::{Completion, CompletionKind, OffsetHint, Symbol};
pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Label, Severity};
pub use hover::Hover;
pub use limits::Limits;
pub use parse::Format;
pub use retrospec_model::Postmortem;
/// The time grammar, zones and resolution: the `retrospec-time` crate, a leaf that
/// knows nothing of diagnostics (`time_diag` gives its errors their codes).
pub use retrospec_time as time;
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
    /// The durations the report states, how each was read and compared ([`claims`]).
    pub claims: Vec<claims::Claim>,
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
    let computed = compute(text, format, config);
    Checked {
        diagnostics: computed.diagnostics,
        model: computed.model,
        parsed: computed.parsed,
        metrics: computed.metrics,
        claims: computed.claims,
    }
}

/// Everything one check finds, kept whole by [`Analysis`].
#[derive(Debug)]
pub(crate) struct Computed {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) model: Option<Postmortem>,
    pub(crate) parsed: Option<parse::Parsed>,
    pub(crate) times: Option<times::Times>,
    pub(crate) metrics: Vec<metrics::Metric>,
    pub(crate) claims: Vec<claims::Claim>,
}

/// The check: text -> tree -> schema -> model -> times -> rules -> diagnostics.
pub(crate) fn compute(text: &str, format: Format, config: &Config) -> Computed {
    // An Org report is read as the Markdown of the same length its marks
    // correspond to: every span is the file's.
    let org = match format {
        Format::Markdown => parse::org::as_markdown(text),
        _ => None,
    };
    let text = org.as_deref().unwrap_or(text);
    let mut diagnostics = Vec::new();
    let unchecked = |mut diagnostics: Vec<Diagnostic>| {
        apply_rule_levels(config, &mut diagnostics);
        Computed {
            diagnostics,
            model: None,
            parsed: None,
            times: None,
            metrics: Vec::new(),
            claims: Vec::new(),
        }
    };
    // Limits: a file past one is not parsed (size, lines, depth: in the parser) or
    // not checked further (items), so every later step runs on bounded input.
    let aliases = config.section_aliases();
    let Some(mut parsed) =
        parse::parse_with(text, format, &config.limits, &aliases, &mut diagnostics)
    else {
        return unchecked(diagnostics);
    };
    if parsed.freeform.is_some() {
        parse::freeform::front::severity_on_scale(&mut parsed.tree, |word| {
            let levels = &config.severity.levels;
            let level = levels.iter().find(|l| l.name.eq_ignore_ascii_case(word))?;
            Some(level.name.clone())
        });
    }
    if let Some(d) = limits::items(&parsed.tree, &config.limits) {
        diagnostics.push(d);
        return unchecked(diagnostics);
    }
    // Neither the validity check of a valid report nor the model needs the tree as JSON.
    let violations = validate::validate_tree(text, &parsed, &config.severity);
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
    let model = model::from_tree(&parsed.tree, &rejected);
    let mut times = times::Times::for_report(&model, text, config.timezone.as_deref());
    let masks = std::sync::OnceLock::new();
    if parsed.freeform.is_some() {
        let m = masks.get_or_init(|| rules::words::Masks::new(text, format));
        times =
            times.with_named_zones(&model, text, &|at| m.covers(at), config.timezone.as_deref());
        if let Some(reading) = parsed.freeform.as_mut() {
            reading.named_zone = times.named.note.clone();
            reading.adopted_zone = times.named.zone.as_ref().and_then(emit::zone_spelling);
        }
    }
    let lowercase = text.to_ascii_lowercase();
    let cx = rules::Context {
        text,
        lowercase: &lowercase,
        format,
        parsed: &parsed,
        model: &model,
        times: &times,
        config,
        claims: std::sync::OnceLock::new(),
        masks,
        strings: Default::default(),
    };
    registry::run(&cx, &mut diagnostics);
    rules::placeholder::drop_form_errors_of_placeholders(text, &mut diagnostics);
    cx.claims();
    let claims = cx.claims.into_inner().unwrap_or_default();
    suppress::apply::apply(&parsed.suppressions, &mut diagnostics);
    if parsed.freeform.is_some() && config.policy == config::PolicyMode::Summary {
        policy::summarise(parsed.anchor, &model, &mut diagnostics);
    }
    apply_rule_levels(config, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
    diagnostics.dedup();
    if parsed.freeform.is_some() {
        // Milestones read from a timeline share their entries' times: one finding
        // about such a time, not one for the entry and one for the milestone.
        // The entry's finding is kept: it names the line as the reader wrote it.
        diagnostics.dedup_by(|later, kept| {
            let same = later.code == kept.code && later.span == kept.span;
            if same && kept.message.contains("milestones.") {
                std::mem::swap(later, kept);
            }
            same
        });
    }
    let metrics = metrics::compute(&times);
    Computed {
        diagnostics,
        model: Some(model),
        parsed: Some(parsed),
        times: Some(times),
        metrics,
        claims,
    }
}

/// `[rules]` of the configuration: a code set to `off` is dropped, any other level
/// replaces the code's default severity.
fn apply_rule_levels(config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    if config.rules.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| {
        if !registry::configurable(d.code) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        let (config, diagnostics) = Config::parse(text);
        assert_eq!(diagnostics, [], "{text}");
        config
    }

    fn found(text: &str, config: &Config) -> Vec<(&'static str, Severity)> {
        check_with(text, Format::Yaml, config)
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.severity))
            .collect()
    }

    const NO_ZONE: &str = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05\n";

    #[test]
    fn an_empty_severity_scale_built_in_code_does_not_panic() {
        // Found by the `config` fuzz target: `{"severity": {"levels": []}}`.
        let mut config = Config::default();
        config.severity.levels.clear();
        let checked = check_with(
            "title: t\nstatus: draft\nseverity: SEV2\n",
            Format::Yaml,
            &config,
        );
        assert!(checked.model.is_some());
    }

    #[test]
    fn rule_levels_drop_or_change_severity_by_code_or_name() {
        assert_eq!(
            found(NO_ZONE, &Config::default()),
            [("RS202", Severity::Error)]
        );
        assert_eq!(found(NO_ZONE, &config("[rules]\nRS202 = \"off\"\n")), []);
        assert_eq!(
            found(NO_ZONE, &config("[rules]\nmissing-zone = \"info\"\n")),
            [("RS202", Severity::Info)]
        );
    }

    #[test]
    fn the_configured_timezone_is_the_default_zone() {
        assert_eq!(found(NO_ZONE, &config("timezone = \"Europe/Paris\"\n")), []);
    }

    #[test]
    fn severity_is_checked_against_the_configured_scale() {
        let scale = config(
            "[[severity.levels]]\nname = \"critical\"\n[[severity.levels]]\nname = \"major\"\n[[severity.levels]]\nname = \"minor\"\n",
        );
        let report = |level: &str| format!("title: t\nstatus: draft\nseverity: {level}\n");
        assert_eq!(found(&report("major"), &scale), []);
        let checked = check_with(&report("SEV2"), Format::Yaml, &scale);
        let [d] = checked.diagnostics.as_slice() else {
            panic!("{:?}", checked.diagnostics)
        };
        assert_eq!(d.code, "RS104");
        assert_eq!(
            d.help.as_deref(),
            Some("allowed: `critical`, `major`, `minor`")
        );
        assert_eq!(checked.model.and_then(|m| m.severity), None);
        // The default scale still applies without a configuration.
        assert_eq!(found(&report("SEV2"), &Config::default()), []);
        assert_eq!(found(&report("major"), &Config::default()).len(), 1);
    }
}
