//! The example in each code's documentation (the first fenced block under
//! `## Example`) is a report that must produce that code.

use retrospec_check::codes::ALL;
use retrospec_check::{Config, Format, check};

/// The first fenced block after `## Example`: (language, body).
fn example(doc: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let start = lines.iter().position(|l| l.trim() == "## Example")?;
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
            ..Config::default()
        };
        let checked = if info.code == "RS407" {
            check(&body, format)
        } else {
            retrospec_check::check_with(&body, format, &full)
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
