use retrospec_model::ActionType;

use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A report whose severity level requires a `prevent` action item has none.
    ///
    /// ## Why
    /// After a severe incident, readers want to know what stops it from happening
    /// again, not only how it will be found or cut short next time. Items that
    /// detect or mitigate are welcome beside it, but they do not replace it.
    ///
    /// Which levels require one is `require-prevent-item` on the levels of the
    /// `[severity]` scale in `retrospec.toml` (by default SEV1 and SEV2). Drafts are
    /// not checked.
    ///
    /// ## Example
    /// ```yaml
    /// title: Checkout down after a database failover
    /// status: published
    /// severity: SEV1
    /// action_items:
    ///   - title: Alert when checkout errors exceed 1% for 2 minutes
    ///     owner: payments-team
    ///     type: detect
    /// ```
    /// Use instead: add the change that stops a repeat, with `type: prevent`.
    pub struct PreventItemRequired = "RS305", "prevent-item-required", Warning, from: InReview;
}

impl Rule for PreventItemRequired {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(level) = cx.severity_level() else {
            return;
        };
        if !level.require_prevent_item
            || cx
                .model
                .action_items
                .iter()
                .any(|item| item.kind == Some(ActionType::Prevent))
        {
            return;
        }
        let severity = cx.span(&Ptr::severity());
        let (span, message) = if cx.node(&Ptr::action_items()).is_some() {
            (
                cx.key_span(&Ptr::action_items()),
                format!(
                    "a {} report needs an action item of type `prevent`, and none of its action items is one",
                    level.name
                ),
            )
        } else {
            (
                severity,
                format!(
                    "a {} report needs an action item of type `prevent`, and this one has no action items",
                    level.name
                ),
            )
        };
        let help = match cx.format {
            crate::parse::Format::Markdown => {
                "add the change that stops this kind of incident from happening again, with `type: prevent` in its `(key: value, ...)` group"
            }
            _ => {
                "add the change that stops this kind of incident from happening again, with `type: prevent`"
            }
        };
        let mut diagnostic = Diagnostic::new(&Self::INFO, span, message).with_help(help);
        if span != severity {
            diagnostic = diagnostic.with_label(severity, format!("{} requires one", level.name));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check_with};

    const REPORT: &str = "title: t\nstatus: in-review\nseverity: SEV3\naction_items:\n  - title: Alert on errors\n    owner: sre\n    type: detect\n";

    fn fires(text: &str, config: &Config) -> bool {
        check_with(text, Format::Yaml, config)
            .diagnostics
            .iter()
            .any(|d| d.code == "RS305")
    }

    #[test]
    fn the_severity_scale_decides_which_levels_need_a_prevent_item() {
        let config = Config::default();
        assert!(!fires(REPORT, &config));
        assert!(fires(&REPORT.replace("SEV3", "SEV2"), &config));
        assert!(!fires(
            &REPORT.replace("SEV3", "SEV2").replace("in-review", "draft"),
            &config
        ));
        assert!(!fires(
            &REPORT.replace("SEV3", "SEV2").replace("detect", "prevent"),
            &config
        ));
        let mut strict = Config::default();
        for level in &mut strict.severity.levels {
            level.require_prevent_item = true;
        }
        assert!(fires(REPORT, &strict));
    }
}
