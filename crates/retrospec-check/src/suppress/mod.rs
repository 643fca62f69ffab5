//! Inline suppressions: a comment in a report that silences one code on one line,
//! with the reason a reviewer reads.
//!
//! - Markdown body: `<!-- retrospec-ignore RS203: CET is what the status page showed -->`
//! - YAML, and Markdown front matter: `# retrospec-ignore RS203: reason`
//!
//! A suppression applies to the next non-blank line (other suppression lines are
//! skipped, so several can be stacked), or to its own line when it is written at
//! the end of a line with content. Several codes are separated by commas; codes
//! may also be given by name (`zone-season`). JSON has no comments: JSON reports
//! use `[rules]` in `retrospec.toml`.
//!
//! The parsers find the comments ([`collect_yaml`], [`collect_markdown`]); [`apply::apply`]
//! (after the rules, since it looks codes up in the [`crate::registry`]) drops what they suppress and reports suppressions without a reason or with an
//! unknown code (RS504, which then suppress nothing) and those that suppress
//! nothing (RS505).

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser};
use regex::Regex;

use crate::span::Span;
use crate::tree::{Node, Value};

pub(crate) mod apply;

/// The word that starts a suppression inside a comment.
pub const MARKER: &str = "retrospec-ignore";

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The whole comment.
    pub comment: Span,
    /// The codes (or rule names) as written, each with where it is written.
    pub codes: Vec<(String, Span)>,
    /// The reason after the colon, trimmed; empty when there is none.
    pub reason: String,
    /// The line it applies to, without its line break (empty at the end of the
    /// text when no line follows).
    pub target: Span,
}

static YAML_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#[ \t]*retrospec-ignore\b([^\r\n]*)").expect("a valid regular expression")
});

static HTML_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--[ \t]*retrospec-ignore\b(.*?)-->").expect("a valid regular expression")
});

/// The `# retrospec-ignore` comments in the YAML text `range` of `text`, whose
/// parsed tree is `tree` (a `#` inside a scalar, such as a quoted string or a
/// block scalar, is not a comment).
pub fn collect_yaml(text: &str, range: Span, tree: &Node, out: &mut Vec<Suppression>) {
    let yaml = range.slice(text);
    // Every comment names the marker: a text without it (nearly every report) has
    // none, and the pattern is not compiled for it (bench/README.md, perf8).
    if !yaml.contains(MARKER) {
        return;
    }
    let mut scalars = Vec::new();
    scalar_spans(tree, &mut scalars);
    for m in YAML_COMMENT.captures_iter(yaml) {
        let (Some(whole), Some(body)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let hash = range.start + whole.start();
        // YAML starts a comment only at a line start or after white space.
        let before = text[..hash].chars().next_back();
        if before.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        if scalars.iter().any(|s| s.start <= hash && hash < s.end) {
            continue;
        }
        let comment = Span::new(hash, range.start + whole.end());
        out.push(read(
            text,
            comment,
            range.start + body.start(),
            body.as_str(),
        ));
    }
}

/// The `<!-- retrospec-ignore -->` comments in the Markdown body starting at
/// `body_start` (HTML in code blocks and code spans is not a comment).
pub fn collect_markdown(text: &str, body_start: usize, out: &mut Vec<Suppression>) {
    let body = &text[body_start..];
    // As in `collect_yaml`: no marker, no comment, and no Markdown parse either.
    if !body.contains(MARKER) {
        return;
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let view = crate::parse::markdown::View::new(body);
    for (event, range) in Parser::new_ext(view.text(), options).into_offset_iter() {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            continue;
        }
        let range = view.to_body(range.start)..view.to_body(range.end);
        let html = &body[range.clone()];
        for m in HTML_COMMENT.captures_iter(html) {
            let (Some(whole), Some(inner)) = (m.get(0), m.get(1)) else {
                continue;
            };
            let start = body_start + range.start;
            let comment = Span::new(start + whole.start(), start + whole.end());
            out.push(read(text, comment, start + inner.start(), inner.as_str()));
        }
    }
}

fn scalar_spans(node: &Node, out: &mut Vec<Span>) {
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| scalar_spans(n, out)),
        Value::Map(entries) => {
            for entry in entries {
                out.push(entry.key_span);
                scalar_spans(&entry.value, out);
            }
        }
        _ => out.push(node.span),
    }
}

/// Reads `RS203, RS201: reason` (the text after the marker, at `body_start`).
fn read(text: &str, comment: Span, body_start: usize, body: &str) -> Suppression {
    let (list, reason) = match body.find(':') {
        Some(colon) => (&body[..colon], body[colon + 1..].trim()),
        None => (body, ""),
    };
    let mut codes = Vec::new();
    let mut offset = 0;
    for part in list.split(|c: char| c == ',' || c.is_whitespace()) {
        if !part.is_empty() {
            let at = body_start + offset;
            codes.push((part.to_string(), Span::new(at, at + part.len())));
        }
        offset += part.len() + 1;
    }
    Suppression {
        comment,
        codes,
        reason: reason.to_string(),
        target: Span::empty(text.len()),
    }
}

/// The line around `offset`, without its line break.
fn line_at(text: &str, offset: usize) -> Span {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    Span::new(start, end)
}

/// Sets each suppression's target line: its own line when it follows content,
/// else the next line that is neither blank nor only suppression comments.
pub fn resolve_targets(text: &str, suppressions: &mut [Suppression]) {
    let comments: Vec<Span> = suppressions.iter().map(|s| s.comment).collect();
    let only_comments = |line: Span| {
        let mut rest = line.slice(text).to_string();
        for c in comments
            .iter()
            .filter(|c| line.start <= c.start && c.end <= line.end)
        {
            let from = c.start - line.start;
            let to = c.end - line.start;
            rest.replace_range(from..to, &" ".repeat(to - from));
        }
        rest.trim().is_empty()
    };
    for s in suppressions.iter_mut() {
        let own = line_at(text, s.comment.start);
        if !text[own.start..s.comment.start].trim().is_empty() {
            s.target = own;
            continue;
        }
        let mut next = line_at(text, s.comment.end).end;
        s.target = Span::empty(text.len());
        while next < text.len() {
            let start = text[next..].find('\n').map_or(text.len(), |i| next + i + 1);
            if start >= text.len() {
                break;
            }
            let line = line_at(text, start);
            if !only_comments(line) {
                s.target = line;
                break;
            }
            next = line.end;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Format, check_with};

    fn codes_in(text: &str, format: Format) -> Vec<&'static str> {
        check_with(text, format, &Config::default())
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    const YAML: &str = "title: t\nstatus: draft\nmilestones:\n  # retrospec-ignore RS203: CET is what the status page showed\n  started: 2024-07-02 09:15 CET\n  resolved: 2024-07-02 11:40 CEST\ntimezone: Europe/Paris\n";

    #[test]
    fn yaml_suppression_on_the_next_line() {
        assert_eq!(codes_in(YAML, Format::Yaml), Vec::<&str>::new());
        let same_line = YAML.replace(
            "  # retrospec-ignore RS203: CET is what the status page showed\n  started: 2024-07-02 09:15 CET\n",
            "  started: 2024-07-02 09:15 CET  # retrospec-ignore zone-season: as shown\n",
        );
        assert_eq!(codes_in(&same_line, Format::Yaml), Vec::<&str>::new());
    }

    #[test]
    fn a_hash_inside_a_string_is_not_a_comment() {
        let text = "title: \"# retrospec-ignore RS203: no\"\nstatus: draft\n";
        assert_eq!(codes_in(text, Format::Yaml), Vec::<&str>::new());
    }

    #[test]
    fn without_a_reason_nothing_is_suppressed() {
        let text = YAML.replace(": CET is what the status page showed", "");
        assert_eq!(codes_in(&text, Format::Yaml), ["RS504", "RS203"]);
        let text = YAML.replace("RS203:", "RS999:");
        assert_eq!(codes_in(&text, Format::Yaml), ["RS504", "RS203"]);
    }

    #[test]
    fn an_unused_suppression_is_reported_on_its_code() {
        let text = YAML.replace("09:15 CET", "09:15 CEST");
        let checked = check_with(&text, Format::Yaml, &Config::default());
        let [d] = checked.diagnostics.as_slice() else {
            panic!("{:?}", checked.diagnostics)
        };
        assert_eq!((d.code, d.span.slice(&text)), ("RS505", "RS203"));
        assert_eq!(
            d.labels[0].span.slice(&text),
            "  started: 2024-07-02 09:15 CEST"
        );
    }

    #[test]
    fn markdown_comments_in_the_body_and_the_front_matter() {
        let text = "---\ntitle: t\nstatus: draft\ntimezone: Europe/Paris\n---\n\n## Timeline\n<!-- retrospec-ignore RS203: CET is what the status page showed -->\n\n- 2024-07-02 09:15 CET Alert\n- 10:15 CEST Fixed <!-- retrospec-ignore RS201: nothing here -->\n\n```\n<!-- retrospec-ignore RS201: in code, not a comment -->\n```\n";
        let checked = check_with(text, Format::Markdown, &Config::default());
        let found: Vec<(&str, &str)> = checked
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span.slice(text)))
            .collect();
        assert_eq!(found, [("RS505", "RS201")]);
    }
}
