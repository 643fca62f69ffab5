//! Applying the fixes diagnostics carry. Text in, text out: writing files is the
//! caller's business (the CLI writes atomically, the editor applies edits itself).

use crate::diagnostic::{Diagnostic, Edit, Severity};

/// The report's text with every safe fix applied, or `None` when there is nothing
/// to apply or when an error has no safe fix (such a file is left for a person,
/// byte for byte). Overlapping edits are skipped after the first.
pub fn apply_safe(text: &str, diagnostics: &[Diagnostic]) -> Option<String> {
    let blocked = diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && !d.fix.as_ref().is_some_and(|f| f.safe));
    if blocked {
        return None;
    }
    let mut edits: Vec<&Edit> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.safe)
        .flat_map(|f| &f.edits)
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in edits {
        if edit.span.start < pos || edit.span.end > text.len() {
            continue; // overlaps an edit already taken, or lies outside the text
        }
        out.push_str(text.get(pos..edit.span.start)?);
        out.push_str(&edit.replacement);
        pos = edit.span.end;
    }
    out.push_str(text.get(pos..)?);
    (out != text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, check};

    #[test]
    fn fixes_wrong_season_zones_and_leaves_unfixable_reports_alone() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CET\n  resolved: 2023-07-01 12:26 CET\n";
        let fixed = apply_safe(text, &check(text, Format::Yaml).diagnostics).expect("fixable");
        assert_eq!(fixed, text.replace("CET", "CEST"));
        assert!(check(&fixed, Format::Yaml).diagnostics.is_empty());
        // An error without a safe fix (an invalid status) blocks every edit.
        let broken = text.replace("draft", "done");
        assert_eq!(
            apply_safe(&broken, &check(&broken, Format::Yaml).diagnostics),
            None
        );
    }
}
