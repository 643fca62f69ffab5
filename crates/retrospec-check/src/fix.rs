//! Applying the fixes diagnostics carry. Text in, text out: writing files is the
//! caller's business (the CLI writes atomically, the editor applies edits itself).

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};

/// The report's text with every safe fix applied, or `None` when there is nothing
/// to apply or when an error has no safe fix (such a file is left for a person,
/// byte for byte). A fix is applied whole or not at all: one whose edits overlap
/// those of a fix already taken is skipped (a fix that sorts the timeline must not
/// be applied in part), and a fix given by several diagnostics is applied once.
pub fn apply_safe(text: &str, diagnostics: &[Diagnostic]) -> Option<String> {
    let blocked = diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && !d.fix.as_ref().is_some_and(|f| f.safe));
    if blocked {
        return None;
    }
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.safe && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start).min());
    let mut taken: Vec<&Fix> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    for fix in fixes {
        if taken.contains(&fix) {
            continue;
        }
        let fits = fix.edits.iter().enumerate().all(|(i, e)| {
            e.span.end <= text.len()
                && edits.iter().all(|t| !overlaps(t, e))
                && fix.edits[i + 1..].iter().all(|o| !overlaps(o, e))
        });
        if fits {
            taken.push(fix);
            edits.extend(&fix.edits);
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in edits {
        out.push_str(text.get(pos..edit.span.start)?);
        out.push_str(&edit.replacement);
        pos = edit.span.end;
    }
    out.push_str(text.get(pos..)?);
    (out != text).then_some(out)
}

/// Whether two edits touch the same text (an insertion inside a replaced range counts).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    a.span.start < b.span.end && b.span.start < a.span.end
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

    #[test]
    fn a_fix_is_applied_whole_or_not_at_all() {
        use crate::{Fix, Span};
        let edit = |start, end, replacement: &str| Edit {
            span: Span::new(start, end),
            replacement: replacement.into(),
        };
        let diagnostic = |edits: Vec<Edit>| {
            Diagnostic::new(
                &crate::rules::timeline_order::TimelineOrder::INFO,
                Span::new(0, 1),
                "m",
            )
            .with_fix(Fix {
                message: "f".into(),
                edits,
                safe: true,
            })
        };
        let text = "abcdef";
        // A swap of "ab" and "ef", and a fix inside "ef" that starts later: the swap is taken whole.
        let swap = diagnostic(vec![edit(0, 2, "ef"), edit(4, 6, "ab")]);
        let inner = diagnostic(vec![edit(5, 6, "X")]);
        assert_eq!(
            apply_safe(text, &[swap.clone(), inner.clone(), swap.clone()]).as_deref(),
            Some("efcdab")
        );
        // A fix that overlaps only one edit of the swap keeps the whole swap out;
        // the fix inside "ef" then applies.
        let first = diagnostic(vec![edit(0, 1, "A")]);
        assert_eq!(
            apply_safe(text, &[first, swap, inner]).as_deref(),
            Some("AbcdeX")
        );
    }
}
