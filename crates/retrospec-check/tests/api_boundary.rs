//! The core's API boundary (ARCHITECTURE.md, "Invariants and where they are
//! tested"; after rust-analyzer's "API Boundary" labels): the command-line tool and
//! the language server check a report only through `Analysis`, and the core's
//! modules are crate-private unless a caller outside it names them.

mod support;

/// The modules the crate root makes public, each with who names it from outside
/// the core. The test fails on a module made public that is not listed, and on a
/// listed one that is no longer public, so the list only shrinks.
const PUBLIC: &[(&str, &str)] = &[
    (
        "claims",
        "the CLI's JSON output and check summary render claims",
    ),
    (
        "codes",
        "`retrospec explain`, convert and the rule docs read `CodeInfo`",
    ),
    (
        "config",
        "the CLI's `--policy`; the configuration schema test",
    ),
    (
        "emit",
        "convert, fmt, new, import and the server's code actions",
    ),
    (
        "fix",
        "the CLI's `--fix`/`--diff` on the findings it kept per file",
    ),
    ("insights", "`retrospec report`"),
    ("limits", "the CLI's bounded reads"),
    ("metrics", "the CLI's human and HTML output"),
    ("model", "the stage benchmarks"),
    (
        "parse",
        "discovery (`looks_like_postmortem`), write checks, benchmarks",
    ),
    ("policy", "the round-trip test of policy findings"),
    ("registry", "explain, rules, SARIF, JSON, the rule docs"),
    (
        "resolve",
        "the CLI's and the server's configuration resolver",
    ),
    ("rules", "the stage benchmarks"),
    ("times", "the stage benchmarks"),
    (
        "validate",
        "`retrospec schema --config`; the stage benchmarks",
    ),
];

fn source(rel: &str) -> String {
    std::fs::read_to_string(support::root().join(rel)).expect("a source file")
}

#[test]
fn internal_modules_are_crate_private() {
    let lib = source("crates/retrospec-check/src/lib.rs");
    let mut public: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    public.sort();
    let mut listed: Vec<&str> = PUBLIC.iter().map(|(m, _)| *m).collect();
    listed.sort();
    assert_eq!(
        public, listed,
        "make a new module `pub(crate)` (re-export at the crate root the types callers \
         need), or list it in PUBLIC with who names it; take one that is no longer public off"
    );
    // The façade itself is private; its type is re-exported.
    assert!(lib.contains("\nmod analysis;\n") && lib.contains("pub use analysis::Analysis;"));
    let crate_private = lib
        .lines()
        .filter(|l| l.starts_with("pub(crate) mod "))
        .count();
    assert!(crate_private >= 10, "{crate_private} crate-private modules");
}

/// The words a source uses to run a check without `Analysis`.
fn direct_checks(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("retrospec_check::") {
        let rest = &text[at + "retrospec_check::".len()..];
        // `retrospec_check::check(..)`, `retrospec_check::check_with(..)`, or
        // `use retrospec_check::{.., check, ..};`
        let item: &str = if rest.starts_with('{') {
            &rest[..rest.find('}').unwrap_or(rest.len())]
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        };
        for word in item.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if matches!(word, "check" | "check_with") {
                found.push(format!("retrospec_check::{word}"));
            }
        }
    }
    found
}

#[test]
fn the_cli_and_the_server_check_only_through_analysis() {
    let mut direct = Vec::new();
    let mut analyses = 0;
    for (name, text) in support::workspace_sources() {
        if !(name.starts_with("crates/retrospec-cli/src/")
            || name.starts_with("crates/retrospec-lsp/src/"))
        {
            continue;
        }
        analyses += text.matches("Analysis::new(").count();
        for call in direct_checks(&text) {
            direct.push(format!("{name}: {call}"));
        }
    }
    assert!(
        direct.is_empty(),
        "check through `retrospec_check::Analysis` (one check, kept for hover, \
         fixes and outline): {direct:#?}"
    );
    assert!(
        analyses >= 3,
        "{analyses} analyses made by the CLI and the server"
    );
}

#[test]
fn a_direct_check_is_seen() {
    assert_eq!(
        direct_checks("let c = retrospec_check::check(&t, f);"),
        ["retrospec_check::check"]
    );
    assert_eq!(
        direct_checks("use retrospec_check::{Config, check_with};"),
        ["retrospec_check::check_with"]
    );
    assert!(direct_checks("use retrospec_check::{Analysis, checked};").is_empty());
    assert!(direct_checks("retrospec_check::Checked").is_empty());
}

/// The core's files compiled only into its tests (`#[cfg(test)] mod ...;`) that
/// read the repository's reports from disk.
const TEST_ONLY: &[&str] = &["crates/retrospec-check/src/validate_agreement.rs"];

/// The core does no I/O: the resolver reaches the disk through its `FileSystem`
/// trait, which the edges implement (`retrospec-fs`), and nothing else of the core
/// reads files, the environment, the network or processes outside its tests.
#[test]
fn the_core_does_no_io() {
    let mut io = Vec::new();
    for (name, text) in support::workspace_sources() {
        if !name.starts_with("crates/retrospec-check/src/") || TEST_ONLY.contains(&name.as_str()) {
            continue;
        }
        let code = support::code_of(&text);
        for word in ["std::fs", "std::net", "std::process", "std::env", "File::"] {
            if code.contains(word) {
                io.push(format!("{name}: {word}"));
            }
        }
    }
    assert!(
        io.is_empty(),
        "the core gets text and returns data; reach the disk through `resolve::FileSystem`: {io:#?}"
    );
    for file in TEST_ONLY {
        let text = source(file);
        assert!(
            text.contains("std::fs"),
            "{file} reads nothing: take it off TEST_ONLY"
        );
    }
    assert!(
        source("crates/retrospec-check/src/validate.rs")
            .contains("#[cfg(test)]\n#[path = \"validate_agreement.rs\"]")
    );
}
