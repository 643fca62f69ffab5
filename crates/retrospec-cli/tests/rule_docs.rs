//! `docs/rules/` is generated from the codes' doc comments; this test fails when it
//! is stale. Refresh with `UPDATE_DOCS=1 cargo test -p retrospec-cli --test rule_docs`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use retrospec_check::codes::CodeInfo;
use retrospec_check::registry::ALL;

/// The first status a code checks, as documented.
fn from(info: &CodeInfo) -> &'static str {
    info.from.map_or("any", |s| s.as_str())
}

fn page(info: &CodeInfo) -> String {
    let mut text = format!(
        "# {} `{}`\n\nDefault severity: {}. Fix: {}.{}\n\n",
        info.code,
        info.name,
        info.severity.as_str(),
        info.fix.as_str(),
        info.from.map_or(String::new(), |s| format!(
            " Checks reports from status `{}` on.",
            s.as_str()
        )),
    );
    for line in info.doc.lines() {
        text.push_str(line.strip_prefix(' ').unwrap_or(line));
        text.push('\n');
    }
    text.push_str(&format!("\nSee also: `retrospec explain {}`.\n", info.code));
    text
}

fn expected() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut index = String::from(
        "# Diagnostic codes\n\nGenerated from the doc comments in `crates/retrospec-check` \
         (`codes.rs` and `rules/`); do not edit by hand.\n\n| code | name | severity | fix | from status | summary |\n|---|---|---|---|---|---|\n",
    );
    for info in ALL {
        index.push_str(&format!(
            "| [{0}]({0}.md) | `{1}` | {2} | {3} | {4} | {5} |\n",
            info.code,
            info.name,
            info.severity.as_str(),
            info.fix.as_str(),
            from(info),
            info.summary().replace('|', "\\|")
        ));
        files.insert(format!("{}.md", info.code), page(info));
    }
    files.insert("README.md".into(), index);
    files
}

#[test]
fn rule_docs_are_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let files = expected();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("docs/rules");
        for entry in std::fs::read_dir(&dir).expect("docs/rules").flatten() {
            std::fs::remove_file(entry.path()).expect("remove old page");
        }
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).expect("write page");
        }
        return;
    }
    let on_disk: BTreeMap<String, String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| {
                    let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                    (e.file_name().to_string_lossy().into_owned(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(
        on_disk == files,
        "docs/rules is stale: run `UPDATE_DOCS=1 cargo test -p retrospec-cli --test rule_docs` and commit it"
    );
}
