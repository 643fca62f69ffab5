use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::parse::Format;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;
use crate::tree::{Node, Value};

declare_rule! {
    /// A report that is in review or published leaves out a section the
    /// configuration requires, or leaves it empty.
    ///
    /// ## Why
    /// A report goes to reviewers when it is complete: a reader should not have to
    /// ask what the impact was or why it happened. Drafts may leave sections empty
    /// while the investigation goes on.
    ///
    /// The sections are `sections` in the `[required]` table of `retrospec.toml`,
    /// named by their key in the model (default: summary, impact, root_cause,
    /// resolution, timeline, action_items). In Markdown a section is a `##` heading
    /// (the summary may also be the text before the first heading); in YAML and JSON
    /// it is a top-level key. A section counts as empty when it has no text or no
    /// items; `impact` is filled by a description or by any of its numbers. Names
    /// that are not keys of the model are left to the configuration check.
    ///
    /// It is an error in both statuses: `in-review` already means complete and
    /// waiting for reviewers, so a gap there is the same gap a reader would find.
    ///
    /// The error points at the empty section's heading or key, or, for a missing
    /// one, at the start of the report. In Markdown, a quick fix adds the heading
    /// where the section belongs; it is never applied by `--fix`, since an empty
    /// heading is not the section a reviewer needs.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Login errors after a certificate rotation
    /// status: published
    /// ---
    /// ## Summary
    /// For 20 minutes, 4% of logins failed.
    /// ```
    pub struct MissingSection = "RS405", "missing-section", Error, fix: Sometimes, from: InReview;
}

/// Top-level keys of the model: `order`'s one list of them (the schema's
/// `properties`, which `tests::keys_are_the_schemas` holds it to). Not read from
/// the generated schema, which cost a twentieth of a one-file check (perf8).
const KEYS: &[&str] = crate::order::POSTMORTEM;

/// Sections in the order a Markdown report writes them, with their usual heading.
const SECTIONS: &[(&str, &str)] = &[
    ("summary", "Summary"),
    ("impact", "Impact"),
    ("trigger", "Trigger"),
    ("root_cause", "Root cause"),
    ("contributing_factors", "Contributing factors"),
    ("detection", "Detection"),
    ("resolution", "Resolution"),
    ("timeline", "Timeline"),
    ("lessons", "Lessons learned"),
    ("action_items", "Action items"),
    ("links", "Links"),
];

impl Rule for MissingSection {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut seen = Vec::new();
        for key in &cx.config.required.sections {
            let key = key.trim();
            if !KEYS.contains(&key) || seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let node = cx.node(&Ptr::field(key));
            if !is_empty(node) {
                continue;
            }
            let present = node.is_some();
            let span = if present {
                cx.key_span(&Ptr::field(key))
            } else {
                cx.parsed.anchor
            };
            let heading = SECTIONS.iter().find(|(k, _)| *k == key).map(|(_, h)| *h);
            let (message, help) = match (cx.format, heading) {
                (Format::Markdown, Some(heading)) => (
                    format!(
                        "the `## {heading}` section is {}",
                        if present { "empty" } else { "missing" }
                    ),
                    format!(
                        "write the `## {heading}` section (`{key}`), or set `status: draft` while the report is unfinished"
                    ),
                ),
                (Format::Markdown, None) => (
                    format!("`{key}` is {}", if present { "empty" } else { "missing" }),
                    format!(
                        "add `{key}:` to the front matter, or set `status: draft` while the report is unfinished"
                    ),
                ),
                _ => (
                    format!("`{key}` is {}", if present { "empty" } else { "missing" }),
                    format!(
                        "fill in `{key}`, or set `status: draft` while the report is unfinished"
                    ),
                ),
            };
            let mut diagnostic = Diagnostic::new(
                &Self::INFO,
                span,
                format!(
                    "{message}; a report in status `{}` needs it",
                    cx.model.status.as_str()
                ),
            )
            .with_help(help);
            if let (Format::Markdown, Some(heading), false) = (cx.format, heading, present) {
                diagnostic = diagnostic.with_fix(add_heading(cx, key, heading));
            }
            out.push(diagnostic);
        }
    }
}

/// Whether a model value is missing or holds nothing: null, blank text, an empty
/// list, or an object whose values are all empty.
/// Read on the parsed tree, not the model: a value of the wrong type (which the
/// model drops) already has its schema error, and serialising the model to look
/// up a few keys cost a tenth of a whole check.
fn is_empty(node: Option<&Node>) -> bool {
    match node.map(|n| &n.value) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Seq(items)) => items.is_empty(),
        Some(Value::Map(entries)) => entries.iter().all(|e| is_empty(Some(&e.value))),
        Some(Value::Bool(_) | Value::Number(_)) => false,
    }
}

/// A fix that inserts `## heading` before the first section that comes after it,
/// or at the end of the report.
fn add_heading(cx: &Context<'_>, key: &str, heading: &str) -> Fix {
    let after = SECTIONS
        .iter()
        .skip_while(|(k, _)| *k != key)
        .skip(1)
        .filter_map(|(k, _)| heading_line_start(cx, &Ptr::field(k)))
        .min();
    let (at, replacement) = match after {
        Some(at) => (at, format!("## {heading}\n\n")),
        None => {
            let newline = if cx.text.ends_with('\n') { "" } else { "\n" };
            (cx.text.len(), format!("{newline}\n## {heading}\n"))
        }
    };
    Fix {
        message: format!("Add a `## {heading}` section"),
        edits: vec![Edit {
            span: Span::empty(at),
            replacement,
        }],
        safe: false,
    }
}

/// Where the line of the Markdown heading that holds `pointer` starts, when the
/// field comes from a `#` heading (not from the front matter or leading text).
fn heading_line_start(cx: &Context<'_>, pointer: &str) -> Option<usize> {
    cx.node(pointer)?;
    let key = cx.key_span(pointer);
    let start = cx.text.get(..key.start)?.rfind('\n').map_or(0, |i| i + 1);
    let marks = cx.text.get(start..key.start)?.trim_end();
    (!marks.is_empty() && marks.trim_start_matches('#').is_empty()).then_some(start)
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check, check_with, fix};

    #[test]
    fn keys_are_the_schemas() {
        let schema = retrospec_model::schema::postmortem_schema();
        let mut keys: Vec<&str> = schema["properties"]
            .as_object()
            .expect("the schema has properties")
            .keys()
            .map(String::as_str)
            .collect();
        let mut ours = super::KEYS.to_vec();
        keys.sort_unstable();
        ours.sort_unstable();
        assert_eq!(keys, ours);
    }

    fn found(text: &str, format: Format, config: &Config) -> Vec<String> {
        check_with(text, format, config)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS405")
            .map(|d| format!("{}: {}", d.span.slice(text), d.message))
            .collect()
    }

    #[test]
    fn reports_missing_and_empty_sections_of_reviewed_reports() {
        let mut config = Config::default();
        config.required.sections = ["summary", "impact", "timeline", "no_such_key", "owner"]
            .map(String::from)
            .to_vec();
        let md = "---\ntitle: t\nstatus: in-review\nimpact:\n  users_affected: 10\n---\nLeading text is the summary.\n\n## Timeline\n\n<!-- to do -->\n";
        assert_eq!(
            found(md, Format::Markdown, &config),
            [
                "---: `owner` is missing; a report in status `in-review` needs it",
                "Timeline: the `## Timeline` section is empty; a report in status `in-review` needs it",
            ]
        );
        assert!(found(&md.replace("in-review", "draft"), Format::Markdown, &config).is_empty());
        let yaml =
            "title: t\nstatus: published\nsummary: \"  \"\nimpact: {}\ntimeline: []\nowner: me\n";
        assert_eq!(
            found(yaml, Format::Yaml, &config),
            [
                "summary: `summary` is empty; a report in status `published` needs it",
                "impact: `impact` is empty; a report in status `published` needs it",
                "timeline: `timeline` is empty; a report in status `published` needs it",
            ]
        );
    }

    #[test]
    fn the_markdown_fix_adds_the_heading_where_the_section_belongs_and_is_not_safe() {
        let text = "---\ntitle: t\nstatus: published\n---\n## Summary\n\nS.\n\n## Root cause\n\nR.\n\n## Timeline\n\n- 2024-01-01 10:00 UTC x\n";
        let checked = check(text, Format::Markdown);
        let fixes: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS405")
            .filter_map(|d| d.fix.clone())
            .collect();
        assert!(fixes.iter().all(|f| !f.safe));
        let mut fixed = text.to_string();
        // Apply from the end so earlier offsets stay valid.
        let mut edits: Vec<_> = fixes.iter().flat_map(|f| f.edits.clone()).collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for edit in edits {
            fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
        }
        assert_eq!(
            fixed,
            "---\ntitle: t\nstatus: published\n---\n## Summary\n\nS.\n\n## Impact\n\n## Root cause\n\nR.\n\n## Resolution\n\n## Timeline\n\n- 2024-01-01 10:00 UTC x\n\n## Action items\n"
        );
        assert_eq!(fix::apply_safe(text, &checked.diagnostics), None);
    }
}
