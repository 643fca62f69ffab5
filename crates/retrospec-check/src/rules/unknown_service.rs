use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A service in `services` is not one the configuration lists.
    ///
    /// Only when `retrospec.toml` lists the allowed services (`services = [...]`);
    /// without that list any name is accepted.
    ///
    /// ## Why
    /// Counts and durations per service (`retrospec report --by service`) are only
    /// as good as the names: `checkout`, `checkout-api` and `Checkout` would be
    /// three services in every chart. A list of the allowed names keeps one name
    /// per service across every report.
    ///
    /// ## Example
    /// `retrospec.toml`:
    /// ```toml
    /// services = ["checkout", "search"]
    /// ```
    /// A report:
    /// ```yaml
    /// title: Checkout errors
    /// status: draft
    /// services: [checkout-api]
    /// ```
    /// Use instead: `services: [checkout]`.
    pub struct UnknownService = "RS410", "unknown-service", Warning;
}

impl Rule for UnknownService {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let allowed = &cx.config.services;
        if allowed.is_empty() {
            return;
        }
        for (i, service) in cx.model.services.iter().enumerate() {
            if allowed.iter().any(|a| a == service) {
                continue;
            }
            let listed = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let help = match crate::suggest::closest(service, allowed.iter().map(String::as_str)) {
                Some(best) => format!("did you mean `{best}`? allowed: {listed}"),
                None => format!("allowed (retrospec.toml `services`): {listed}"),
            };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    cx.span(&Ptr::service(i)),
                    format!("service `{service}` is not in the configured list"),
                )
                .with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Format, check_with};

    fn found(report: &str, config: &str) -> Vec<(String, Option<String>)> {
        let (config, problems) = Config::parse(config);
        assert_eq!(problems, []);
        check_with(report, Format::Yaml, &config)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS410")
            .map(|d| (d.message, d.help))
            .collect()
    }

    const REPORT: &str = "title: t\nstatus: draft\nservices: [checkout-api, search]\n";

    #[test]
    fn only_with_a_configured_list() {
        assert_eq!(found(REPORT, ""), []);
        assert_eq!(
            found(REPORT, "services = [\"checkout-api\", \"search\"]\n"),
            []
        );
        assert_eq!(
            found(REPORT, "services = [\"checkout\", \"search\"]\n"),
            [(
                "service `checkout-api` is not in the configured list".to_string(),
                Some("did you mean `checkout`? allowed: `checkout`, `search`".to_string())
            )]
        );
    }
}
