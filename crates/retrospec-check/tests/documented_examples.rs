//! The example in each code's documentation (the first fenced block under
//! `## Example`) is a report that must produce that code. A `toml` example is a
//! `retrospec.toml` that produces it, or, when a report block follows it, the
//! configuration that report is checked with (a rule that needs a configured list).

use retrospec_check::registry::ALL;
use retrospec_check::{Config, Format, check_with};

/// The first fenced block after `## Example`: (language, body).
fn example(doc: &str) -> Option<(String, String)> {
    nth_example(doc, 0)
}

/// The `n`th fenced block after `## Example`: (language, body).
fn nth_example(doc: &str, n: usize) -> Option<(String, String)> {
    let lines: Vec<&str> = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let mut start = lines.iter().position(|l| l.trim() == "## Example")?;
    for _ in 0..n {
        let open = start + lines[start..].iter().position(|l| l.starts_with("```"))?;
        start = open
            + 2
            + lines[open + 1..]
                .iter()
                .position(|l| l.starts_with("```"))?;
    }
    let open = start + lines[start..].iter().position(|l| l.starts_with("```"))?;
    let language = lines[open].trim_start_matches('`').trim().to_string();
    let close = open
        + 1
        + lines[open + 1..]
            .iter()
            .position(|l| l.starts_with("```"))?;
    Some((language, lines[open + 1..close].join("\n") + "\n"))
}

#[test]
fn every_documented_example_fires_its_code() {
    let mut ran = 0;
    for info in ALL {
        let Some((language, body)) = example(info.doc) else {
            continue;
        };
        let mut config = Config::default();
        let (language, body) = match (language.as_str(), nth_example(info.doc, 1)) {
            ("toml", Some((next, report))) if next != "toml" => {
                // A configuration, then a report checked with it.
                let (parsed, diagnostics) = Config::parse(&body);
                assert_eq!(diagnostics, [], "{}'s configuration:\n{body}", info.code);
                config = parsed;
                (next, report)
            }
            _ => (language, body),
        };
        if language == "toml" {
            // A `retrospec.toml` example: its own diagnostics.
            let (_, diagnostics) = Config::parse(&body);
            let found: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
            assert!(
                found.contains(&info.code),
                "{}'s example reports {found:?}:\n{body}",
                info.code
            );
            ran += 1;
            continue;
        }
        let format = match language.as_str() {
            "yaml" => Format::Yaml,
            "json" => Format::Json,
            "markdown" | "md" => Format::Markdown,
            other => panic!("{}: example in unknown language `{other}`", info.code),
        };
        // A Markdown example without front matter is read free-form, whose policy
        // findings are gathered into RS407 by default: show each, as documented.
        let full = Config {
            policy: retrospec_check::config::PolicyMode::Full,
            ..config.clone()
        };
        let checked = if info.code == "RS407" {
            check_with(&body, format, &config)
        } else {
            check_with(&body, format, &full)
        };
        let found: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            found.contains(&info.code),
            "{}'s example reports {found:?}:\n{body}",
            info.code
        );
        ran += 1;
    }
    // Every code but RS002 (an unreadable file) documents an example.
    assert_eq!(ran, ALL.len() - 1, "a code lost its example");
}
