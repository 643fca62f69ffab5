use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::parse::Format;
use crate::rules::words::{Literals, WordList};
use crate::rules::{Context, Rule, declare_rule};
use crate::tree::{Node, Value};

declare_rule! {
    /// Placeholder text (`TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, `???`, `lorem ipsum`,
    /// `<service name>`, `[insert graph]`, a bare `[link]` or `[URL]`) in a report that
    /// is in review or published. A slot on a line of its own (`<insert graph of
    /// errors>`) is found wherever it stands, also after a timeline table;
    /// `[link](https://...)`, `[link][1]`, a defined `[link]: https://...`,
    /// `<https://...>` and HTML tags (`<br>`) are not gaps.
    ///
    /// ## Why
    /// A placeholder is a gap the author meant to fill. Drafts may have them; a
    /// report that goes to reviewers or readers must not.
    ///
    /// Redacted data is not a gap: a word that is part of a longer token
    /// (`10.0.xxx.yyy`, `XXXX-XXXX-4411`, `todo-service`), `****`, `[REDACTED]`
    /// and a slot that names a redaction (`<redacted>`, `<customer-id-masked>`)
    /// are not reported, while `TODO`, `TBD`, `XXX` standing alone, `<insert
    /// ...>` and `Lorem ipsum` are. Nor is anything in code, a quoted log or a URL
    /// (`# TODO` in a code block, `https://wiki.example/TODO`): it is quoted, not
    /// the author's gap. `???` right after a word (`was it down???`) is emphasis;
    /// standing alone it is a gap.
    ///
    /// A report read as written (no retrospec front matter) is checked unless it
    /// says it is a draft: a `Status: Draft` line, `draft` in its title, a `DRAFT`
    /// banner near the top or a front matter `draft: true` (see `docs/import.md`).
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
    Regex::new(r"(?i)\b(?:TODO|TBD|TBA|TBC|FIXME|XXX)\b|\?\?\?|\blorem ipsum\b|<(?:[a-z][a-z0-9_-]*(?: [a-z0-9_-]+)+|\.\.\.|…)>|\[(?:insert|fill in)\b[^\]\n]{0,60}\]|\[(?:link|url|link here|add link|ticket link)\]")
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
static MAYBE: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new(&[
        "todo",
        "tbd",
        "tba",
        "tbc",
        "fixme",
        "xxx",
        "???",
        "lorem",
        "<",
        "[insert",
        "[fill in",
        "[link",
        "[url]",
        "[add link",
        "[ticket link",
    ])
});
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
        let read = cx.parsed.freeform.as_ref().and_then(|r| r.status.as_ref());
        let whose = match read {
            Some(r) if r.span.is_none() => {
                "a report read as written with no draft marker, checked as `in-review`".to_string()
            }
            _ => format!("a report whose status is `{}`", cx.model.status.as_str()),
        };
        let help = if read.is_some() {
            "fill in the real content, or mark the report as a draft (a `Status: Draft` line, or `(draft)` in the title) while it is unfinished"
        } else {
            "fill in the real content, or set `status: draft` while the report is unfinished"
        };
        let mut reported = Vec::new();
        visit(&cx.parsed.tree, &mut |node| {
            let Value::String(s) = &node.value else {
                return;
            };
            if !MAYBE.is_match(&s.to_ascii_lowercase()) {
                return;
            }
            let source = node.span.slice(cx.text);
            let built_in = PATTERN
                .find_iter(s)
                .chain(SLOT.find_iter(s))
                .map(|m| m.range())
                .filter(|r| !redacted(s, r.clone()));
            // The n-th occurrence in the value is the n-th in the file (YAML
            // escapes and folded lines may make the value differ from it).
            let mut placer = super::Placer::new(s, source, node.span.start);
            for found in built_in.chain(extra.find(s)) {
                let text = &s[found.clone()];
                // `[link]` is a link's text when the report defines `[link]: url`.
                if text.starts_with('[') && defined_reference(cx.lowercase, text) {
                    continue;
                }
                let span = placer.place(found.clone()).unwrap_or(node.span);
                if cx.masks().covers(span.start) {
                    continue;
                }
                reported.push(span.start);
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        span,
                        format!("placeholder `{text}` in {whose}"),
                    )
                    .with_help(help),
                );
            }
        });
        if cx.format == Format::Markdown {
            // A slot on a line of its own, where a graph or screenshot was to go
            // (`<insert graph of error rate>`), is read by Markdown as an HTML
            // block and may stand in a section read as data (after a timeline
            // table), so it is looked for in the lines as written too.
            for (start, line) in slot_lines(cx.text) {
                let span = crate::span::Span::new(start, start + line.len());
                if reported.contains(&span.start)
                    || cx.masks().covers(span.start)
                    || !PATTERN
                        .find(line)
                        .is_some_and(|m| m.range() == (0..line.len()))
                    || redacted(line, 0..line.len())
                {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        span,
                        format!("placeholder `{line}` in {whose}"),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

/// Lines that are only an angle-bracket slot (`<insert graph here>`), trimmed,
/// with their byte offsets.
fn slot_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let start = at;
        at += raw.len();
        let line = raw.trim();
        (line.starts_with('<') && line.ends_with('>') && !line.starts_with("<!--"))
            .then(|| (start + raw.len() - raw.trim_start().len(), line))
    })
}

/// Whether the report defines `text` (`[link]`) as a reference link (`[link]: url`).
fn defined_reference(lowercase: &str, text: &str) -> bool {
    let label = text.to_ascii_lowercase();
    lowercase
        .match_indices(&label)
        .any(|(i, _)| lowercase[i + label.len()..].starts_with(':'))
}

/// Words in an angle-bracket slot that say data was removed on purpose
/// (`<redacted>`, `<customer-id-masked>`), not left to fill in.
const REDACTION: &[&str] = &[
    "redact", "mask", "hidden", "remov", "omit", "elid", "snip", "private", "anonymi", "obfusc",
    "scrub", "censor",
];

/// Whether the placeholder found at `range` of `text` is redacted data rather
/// than a gap: a word (`TODO`, `TBD`, `XXX`) that is part of a longer token
/// (`10.0.xxx.yyy`, `xxx-xxx-1234`, `todo-service`), or a slot that names a
/// redaction (`<redacted ip>`), or `???` right after a word (`down???`: emphasis).
/// A word standing alone, with only punctuation or emphasis around it (`TODO:`,
/// `(TBD)`, `**XXX**`), is a placeholder, and so is `???` standing alone.
fn redacted(text: &str, range: std::ops::Range<usize>) -> bool {
    let found = &text[range.clone()];
    if found.starts_with('[') {
        // `[insert a graph]` is a gap; `[Insert rows in batches](https://...)` is
        // a link's text, and so is `[link][1]` (a reference link).
        return text[range.end..].starts_with(['(', '[']);
    }
    if found.starts_with('<') {
        let lower = found.to_ascii_lowercase();
        return REDACTION.iter().any(|w| lower.contains(w));
    }
    if found.starts_with('?') {
        // `???` after a word is emphasis ("is the site down???"), not a gap.
        return text[..range.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    }
    if !found.starts_with(|c: char| c.is_ascii_alphabetic()) || found.contains(' ') {
        return false; // `lorem ipsum` and `<...>` slots
    }
    // After the last whitespace character before it (which may be wider than a byte).
    let start = text[..range.start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let token = text[start..end].trim_matches(|c: char| "()[]{}\"'*_,;:.!?".contains(c));
    !token.eq_ignore_ascii_case(found)
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

    #[test]
    fn a_bare_link_word_and_a_slot_on_its_own_line_are_gaps() {
        // Read as written: a reminder to add a link, a slot where a chart was to go
        // after a timeline table.
        let md = "# Cache stampede\n\n## Summary\n\nLogins were slow. The vendor's notes are at [link].\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 10:02 | Logins slow |\n| 10:40 | Cache warmed |\n\n<add latency chart here>\n\n## Root cause\n\nThe cache expired at once.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["[link]", "<add latency chart here>"]
        );
        // Real links, autolinks, HTML and a defined reference are not gaps.
        let md = "# Cache stampede\n\n## Summary\n\nLogins were slow; see [link](https://status.example/1), [link][1],\n<https://status.example/2> and [URL].<br>\n\n<details>\n\n[1]: https://status.example/3\n[url]: https://status.example/4\n\n## Root cause\n\nThe cache expired at once.\n";
        assert!(crate::rules::spans_of("RS401", md, Format::Markdown).is_empty());
    }

    #[test]
    fn redacted_data_is_not_a_placeholder_but_real_gaps_are() {
        let cases: &[(&str, &[&str])] = &[
            ("Traffic from 10.0.xxx.yyy was dropped.", &[]),
            (
                "The card ending XXXX-XXXX-1234 and the key **** were logged.",
                &[],
            ),
            (
                "Requests from [REDACTED] and <redacted> and <customer-id-masked> failed.",
                &[],
            ),
            ("The todo-service and TODO.md are names.", &[]),
            ("Left as\u{a0}TBD.", &["TBD"]),
            ("TODO: say why.", &["TODO"]),
            ("Owner (TBD) and XXX here.", &["TBD", "XXX"]),
            (
                "<insert service name> failed; Lorem ipsum dolor.",
                &["<insert service name>", "Lorem ipsum"],
            ),
            ("See `TODO` in code, and https://x.example/TODO/xxx.", &[]),
            ("A user asked: is checkout down??? Cause: ???", &["???"]),
            (
                "Cause TBC. [Insert the error graph here]",
                &["TBC", "[Insert the error graph here]"],
            ),
            (
                "See [insert rows in batches](https://wiki.example/batch).",
                &[],
            ),
        ];
        for (summary, want) in cases {
            let yaml = format!("title: t\nstatus: published\nsummary: \"{summary}\"\n");
            let found = crate::rules::spans_of("RS401", &yaml, Format::Yaml);
            assert_eq!(found, *want, "{summary}");
        }
        let md = "---\ntitle: t\nstatus: published\n---\n## Summary\n\nIt failed.\n\n```\n# TODO remove\n```\n\n    FIXME in an indented block\n\n> 12:01:07 WARN TBD retry\n\nStill TBD.\n";
        assert_eq!(
            crate::rules::spans_of("RS401", md, Format::Markdown),
            ["TBD"]
        );
    }
}
