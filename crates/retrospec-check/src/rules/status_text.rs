use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Milestone;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;

declare_rule! {
    /// The report's own status text still says the incident is under way
    /// ("Status: Investigating", "Current status: ongoing") while the report
    /// records it as resolved.
    ///
    /// ## Why
    /// A reader who sees "Investigating" at the top of a finished postmortem does
    /// not know whether the incident is over. The status line was written during
    /// the incident and never updated.
    ///
    /// Read: a line `Status:`, `Current status:`, `Phase:` or `Current state:` (bold or
    /// plain, in a list, a reStructuredText field `:Current state: Monitoring` or a
    /// table cell `| Status | Investigating |`; a bare `State:` is not read) whose value is "investigating",
    /// "identified", "ongoing", "monitoring", "mitigating", "in progress", "unresolved", "under investigation" or
    /// "mitigation (recovery, remediation, investigation) in progress/underway/ongoing"
    /// ("open" and "active" are left alone: action item tables use them), in any prose string, and an `x-status` or `x-incident-status`
    /// field with such a value. Resolved means `milestones.resolved` is given or a
    /// timeline entry is marked `resolved`. Text in code blocks and quoted lines is
    /// not read, and neither are status-page updates ("**Investigating** - We are
    /// looking into..."), which record the past.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Registry pulls failing
    /// status: draft
    /// milestones:
    ///   started: 2024-06-10 16:05 CEST
    ///   resolved: 2024-06-10 17:20 CEST
    /// ---
    /// ## Summary
    /// **Current status:** Investigating
    /// ```
    /// Use instead: "**Current status:** Resolved", or remove the line.
    pub struct StatusText = "RS217", "stale-status-text", Warning;
}

const UNDER_WAY: &str = r"investigating|identified|ongoing|on-going|monitoring|mitigating|in\s+progress|unresolved|under\s+investigation|(?:mitigation|recovery|remediation|investigation)\s+(?:in\s+progress|under\s*way|ongoing)";

static LINE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?im)(?:^|\|)[ \t]*(?:[-*+][ \t]+)?[*_:]*(?:(?:current[ \t]+|incident[ \t]+)?(?:status|phase)|(?:current|incident)[ \t]+state)[*_]*[ \t]*(?::|\|)[ \t]*[*_]*[ \t]*(?P<value>{UNDER_WAY})\b"
    ))
    .expect("the status pattern is valid")
});

static VALUE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(r"(?i)^\s*(?P<value>{UNDER_WAY})\s*$")).expect("the value pattern is valid")
});

impl Rule for StatusText {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // What says it is resolved: the milestone, else a timeline entry marked so.
        let evidence = cx
            .times
            .milestone(Milestone::Resolved)
            .map(|v| {
                (
                    v.pointer.clone(),
                    format!("`milestones.resolved` is `{}`", v.text.trim()),
                )
            })
            .or_else(|| {
                cx.model
                    .timeline
                    .iter()
                    .position(|e| e.milestone == Some(Milestone::Resolved))
                    .map(|i| {
                        (
                            format!("/timeline/{i}/text"),
                            format!("timeline entry {} is marked resolved", i + 1),
                        )
                    })
            });
        let Some((pointer, evidence)) = evidence else {
            return;
        };
        let mut found: Vec<(Span, String)> = Vec::new();
        let mut strings = Vec::new();
        crate::claims::strings(&cx.parsed.tree, &mut String::new(), &mut strings);
        for (p, node) in strings {
            let Some(value) = node.as_str() else { continue };
            let is_x_status = matches!(p.as_str(), "/x-status" | "/x-incident-status" | "/x-state");
            if is_x_status {
                if let Some(caps) = VALUE.captures(value).and_then(|c| c.name("value")) {
                    found.push((
                        cx.span_of_match(&p, value, caps.range()),
                        caps.as_str().to_string(),
                    ));
                }
                continue;
            }
            if !crate::claims::is_prose(&p) {
                continue;
            }
            let lower = value.to_ascii_lowercase();
            if !lower.contains("status") && !lower.contains(" state") && !lower.contains("phase") {
                continue;
            }
            let prose = crate::claims::Prose::of(cx.text, node);
            for caps in LINE.captures_iter(&prose.masked).take(20) {
                if let Some(v) = caps.name("value") {
                    let span = prose.span(v.range());
                    found.push((span, v.as_str().to_string()));
                }
            }
        }
        for (span, value) in found {
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!(
                        "the report's status text still says `{value}`, but the incident is resolved: {evidence}"
                    ),
                )
                .with_label(cx.span(&pointer), "resolved here")
                .with_help("update the status line to say the incident is resolved, or remove it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::rules::spans_of;

    fn report(resolved: bool, body: &str) -> String {
        let end = if resolved {
            "  resolved: 2024-06-10 17:20 CEST\n"
        } else {
            ""
        };
        format!(
            "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n{end}---\n## Summary\n{body}\n"
        )
    }

    #[test]
    fn a_stale_status_line_in_a_resolved_report() {
        for (body, found) in [
            ("**Current status:** Investigating", "Investigating"),
            ("Status: ongoing", "ongoing"),
            ("| Status | Monitoring |", "Monitoring"),
            ("- **Status**: in progress", "in progress"),
            ("**Status:** Mitigating", "Mitigating"),
            (":Current state: Monitoring", "Monitoring"),
            (
                "**Phase:** mitigation in progress",
                "mitigation in progress",
            ),
            ("Current phase: recovery underway", "recovery underway"),
            ("| Status | Under investigation |", "Under investigation"),
            ("Incident state: investigating", "investigating"),
        ] {
            assert_eq!(
                spans_of("RS217", &report(true, body), Format::Markdown),
                [found],
                "{body}"
            );
        }
    }

    #[test]
    fn quiet_when_unresolved_updated_or_an_update_log() {
        for (resolved, body) in [
            (false, "**Current status:** Investigating"),
            (true, "**Current status:** Resolved"),
            (
                true,
                "**Investigating** - We are looking into failed pulls.",
            ),
            (true, "```\nstatus: investigating\n```"),
            (true, "> Status: investigating"),
            (
                true,
                "We are still investigating why the status page was slow.",
            ),
            (true, "State: monitoring"),
            (true, "The current state: investigating a second cause."),
            (true, "**Phase:** complete"),
            (true, "In the first phase: mitigation in progress was slow."),
        ] {
            assert_eq!(
                spans_of("RS217", &report(resolved, body), Format::Markdown),
                Vec::<&str>::new(),
                "{body}"
            );
        }
    }
}
