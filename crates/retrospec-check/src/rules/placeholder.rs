use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::parse::Format;
use crate::rules::words::{Literals, WordList};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;
use crate::tree::{Node, Value};

declare_rule! {
    /// Placeholder text (`TODO`, `TBD`, `FIXME`, `XXX`, `???`, `lorem ipsum`,
    /// `<service name>`) in a report that is in review or published.
    ///
    /// ## Why
    /// A placeholder is a gap the author meant to fill. Drafts may have them; a
    /// report that goes to reviewers or readers must not.
    ///
    /// An organisation's own placeholder words (`placeholders` in the `[words]`
    /// table of `retrospec.toml`, for example `to be confirmed`) are matched beside
    /// the built-in ones, case-insensitively and as whole words.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// status: published
    /// ---
    /// ## Root cause
    /// TBD
    /// ```
    pub struct Placeholder = "RS401", "placeholder", Error, from: InReview;
}

/// Placeholder words and `<...>` slots. An angle-bracket slot is two or more words
/// or a single word that is not an HTML tag; URLs (`<https://...>`) never match.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:TODO|TBD|TBA|FIXME|XXX)\b|\?\?\?|\blorem ipsum\b|<(?:[a-z][a-z0-9_-]*(?: [a-z0-9_-]+)+|\.\.\.|…)>")
        .expect("the placeholder pattern is valid")
});
/// A literal superset of both patterns (the same case folding: no letter here has a
/// non-ASCII case variant): most strings contain none of these, and a literal
/// search is far cheaper than the word-boundary patterns.
///
/// It also runs once on the whole text of a YAML or JSON report: every string value
/// there is the text as written, but for escapes (`\`) and line folding, which
/// joins lines with a space (hence `lorem` alone). That rules out most reports,
/// where a search per string cost a tenth of a whole check. Markdown is not
/// prefiltered so: its strings lose inline markup (`**TO**DO`) and entities (`&lt;`).
/// An automaton over lowercased text, not a case-insensitive regex, which searched
/// at 14 instructions a byte.
static MAYBE: LazyLock<Literals> =
    LazyLock::new(|| Literals::new(&["todo", "tbd", "tba", "fixme", "xxx", "???", "lorem", "<"]));
static SLOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([a-z][a-z0-9_]*(?:[-_][a-z0-9]+)+)>").expect("the slot pattern is valid")
});

impl Rule for Placeholder {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let extra = WordList::cached(&cx.config.words.placeholders);
        if cx.format != Format::Markdown
            && !cx.text.contains('\\')
            && !MAYBE.is_match(cx.lowercase)
            && !extra.may_match(cx)
        {
            return;
        }
        visit(&cx.parsed.tree, &mut |node| {
            let Value::String(s) = &node.value else {
                return;
            };
            if !MAYBE.is_match(&s.to_ascii_lowercase()) {
                return;
            }
            let source = node.span.slice(cx.text);
            let found = PATTERN
                .find_iter(s)
                .chain(SLOT.find_iter(s))
                .map(|m| m.range())
                .chain(extra.find(s));
            for found in found {
                let text = &s[found];
                let span = match source.find(text) {
                    Some(i) => Span::new(node.span.start + i, node.span.start + i + text.len()),
                    None => node.span,
                };
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        span,
                        format!("placeholder `{text}` in a report whose status is `{}`", cx.model.status.as_str()),
                    )
                    .with_help("fill in the real content, or set `status: draft` while the report is unfinished"),
                );
            }
        });
    }
}

fn visit(node: &Node, f: &mut impl FnMut(&Node)) {
    f(node);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| visit(n, f)),
        Value::Map(entries) => entries.iter().for_each(|e| {
            // `x-` extensions are the organisation's own data, not report text.
            if !e.key.starts_with("x-") {
                visit(&e.value, f);
            }
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{Format, check_with};

    #[test]
    fn configured_placeholder_words_are_matched_beside_the_built_in_ones() {
        let text = "title: t\nstatus: published\nroot_cause: To be confirmed by the vendor; TBD\n";
        let found = |config: &Config| -> Vec<&str> {
            check_with(text, Format::Yaml, config)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS401")
                .map(|d| d.span.slice(text))
                .collect()
        };
        assert_eq!(found(&Config::default()), ["TBD"]);
        let mut config = Config::default();
        config.words.placeholders = vec!["to be confirmed".into()];
        assert_eq!(found(&config), ["To be confirmed", "TBD"]);
    }
}
