use crate::diagnostic::Diagnostic;
use crate::parse::Format;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A report whose severity level requires a quantified impact says how many
    /// were affected nowhere: no `users_affected`, `customers_affected` or
    /// `percentage`, and no number in the impact description.
    ///
    /// ## Why
    /// "Some users saw errors" can mean ten people or half the customers. A severe
    /// incident's report states its reach in numbers, so that readers can weigh it
    /// and later incidents can be compared with it.
    ///
    /// Which levels require it is `require-quantified-impact` on the levels of the
    /// `[severity]` scale in `retrospec.toml` (by default SEV1 and SEV2). Drafts are
    /// not checked. Any number in the impact description counts (a duration or a
    /// count of failed requests too): the rule asks for numbers, it cannot judge
    /// them. A report without any impact is left to RS405 when `impact` is a
    /// required section.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Checkout errors after a payment provider change
    /// status: published
    /// severity: SEV2
    /// ---
    /// ## Impact
    /// Some customers could not pay.
    /// ```
    /// Use instead: `About 2,300 customers (12% of checkouts) could not pay between 14:05 and 14:50 UTC.`
    pub struct ImpactUnquantified = "RS406", "impact-unquantified", Warning, from: InReview;
}

impl Rule for ImpactUnquantified {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(level) = cx.severity_level() else {
            return;
        };
        if !level.require_quantified_impact {
            return;
        }
        let impact = cx.model.impact.as_ref();
        let counted = impact.is_some_and(|i| {
            i.users_affected.is_some() || i.customers_affected.is_some() || i.percentage.is_some()
        });
        let described = impact
            .and_then(|i| i.description.as_deref())
            .filter(|d| !d.trim().is_empty());
        if counted || described.is_some_and(|d| d.chars().any(|c| c.is_ascii_digit())) {
            return;
        }
        let impact_required = cx
            .config
            .required
            .sections
            .iter()
            .any(|s| s.trim() == "impact");
        if described.is_none() && !counted && impact_required {
            return; // RS405 reports the missing impact
        }
        let severity = cx.span(&Ptr::severity());
        let span = match cx.node(&Ptr::impact_description()) {
            Some(_) => cx.key_span(&Ptr::impact_description()),
            None => severity,
        };
        let help = match cx.format {
            Format::Markdown => {
                "say how many were affected: `impact:` with `users_affected`, `customers_affected` or `percentage` in the front matter, or numbers in the `## Impact` section"
            }
            _ => {
                "say how many were affected: `users_affected`, `customers_affected` or `percentage` under `impact`, or numbers in `impact.description`"
            }
        };
        let mut diagnostic = Diagnostic::new(
            &Self::INFO,
            span,
            format!(
                "a {} report needs its impact in numbers, and this one gives none",
                level.name
            ),
        )
        .with_help(help);
        if span != severity {
            diagnostic =
                diagnostic.with_label(severity, format!("{} requires numbers", level.name));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check_with};

    fn fires(text: &str, config: &Config) -> bool {
        check_with(text, Format::Yaml, config)
            .diagnostics
            .iter()
            .any(|d| d.code == "RS406")
    }

    #[test]
    fn numbers_anywhere_in_the_impact_satisfy_the_level() {
        let config = Config::default();
        let report = "title: t\nstatus: published\nseverity: SEV1\nimpact:\n  description: Some users could not log in.\n";
        assert!(fires(report, &config));
        assert!(!fires(&report.replace("Some", "About 300"), &config));
        assert!(!fires(&format!("{report}  percentage: 4\n"), &config));
        assert!(!fires(&report.replace("SEV1", "SEV3"), &config));
        assert!(!fires(&report.replace("published", "draft"), &config));
        // No impact at all: RS405's finding while `impact` is required, else this rule's.
        let bare = "title: t\nstatus: published\nseverity: SEV1\n";
        assert!(!fires(bare, &config));
        let mut lenient = Config::default();
        lenient.required.sections.clear();
        assert!(fires(bare, &lenient));
    }
}
