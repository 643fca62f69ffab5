//! Typed pointers (issue 14): a pointer into the report is made by `Ptr`
//! (`Ptr::timeline_entry(i).text()`), so a misspelled path is a compile error or
//! a failing test in `ptr.rs`, never a finding silently put on the report's first
//! line. This test fails when a source file builds one with `format!("/…")` again.

mod support;

/// The `format!("/` left in the sources, each with why `Ptr` does not fit; the
/// test fails when one of them is gone, so the list only shrinks.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/retrospec-check/src/assist.rs",
        r#"SCHEMA.pointer(&format!("/$defs/{definition}"))"#,
        "a pointer into the JSON schema's `$defs`, not into a report",
    ),
    (
        "crates/retrospec-check/src/model/agreement.rs",
        r#"at.push_str(&format!("/{i}"));"#,
        "walks every index of an arbitrary tree",
    ),
    (
        "crates/retrospec-check/src/ptr.rs",
        r#"format!("/timeline/{i}/text")"#,
        "the unit test's expected value, written the plain way to check the builder that writes indices by hand",
    ),
];

/// Every line of the workspace's sources (tests modules included) that builds a
/// pointer with `format!("/`, outside comments, as (file, line).
fn formatted_pointers() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (name, text) in support::workspace_sources() {
        for line in text.lines().map(str::trim) {
            if !line.starts_with("//") && line.contains("format!(\"/") {
                found.push((name.clone(), line.to_string()));
            }
        }
    }
    found
}

#[test]
fn pointers_into_the_report_are_made_by_ptr() {
    let found = formatted_pointers();
    let allowed = |file: &str, line: &str| {
        ALLOWED
            .iter()
            .any(|(f, snippet, _)| *f == file && line.contains(snippet))
    };
    let new: Vec<_> = found.iter().filter(|(f, l)| !allowed(f, l)).collect();
    assert!(
        new.is_empty(),
        "build these pointers with `Ptr` (crates/retrospec-check/src/ptr.rs), adding a \
         builder where a path is missing, or add them to ALLOWED with why: {new:#?}"
    );
    for (file, snippet, why) in ALLOWED {
        assert!(
            found.iter().any(|(f, l)| f == file && l.contains(snippet)),
            "{file} no longer has `{snippet}` ({why}): take it off ALLOWED"
        );
    }
}
