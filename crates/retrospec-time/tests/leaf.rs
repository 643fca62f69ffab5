//! Architecture invariant (ARCHITECTURE.md): retrospec-time knows nothing of
//! diagnostics. It is a leaf: its only dependency is jiff (no retrospec crate), and no
//! source file names a diagnostic code; the checker decides which code each
//! `TimeErrorKind` is reported under (`retrospec-check/src/time_diag.rs`).

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names in the `[dependencies]` table of a manifest.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if inside
            && !line.is_empty()
            && !line.starts_with('#')
            && let Some((name, _)) = line.split_once(['=', '.'])
        {
            names.push(name.trim().to_string());
        }
    }
    names
}

#[test]
fn its_only_dependency_is_jiff() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert_eq!(dependencies(&manifest), ["jiff"]);
}

#[test]
fn no_source_file_names_a_diagnostic_code() {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root().join("src"))
        .expect("src")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("a source file");
        for (i, line) in text.lines().enumerate() {
            let b = line.as_bytes();
            let code = b
                .windows(5)
                .any(|w| w.starts_with(b"RS") && w[2..].iter().all(u8::is_ascii_digit));
            if code {
                found.push(format!("{}:{}: {line}", entry.path().display(), i + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_readers_see_what_they_should() {
    let manifest = "[package]\nname = \"x\"\n\n[dependencies]\njiff.workspace = true\n\
                    serde = { version = \"1\" }\n# a comment\n\n[lints]\nworkspace = true\n";
    assert_eq!(dependencies(manifest), ["jiff", "serde"]);
}
