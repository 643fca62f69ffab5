// Shared by every check target: run the whole check path (parse, schema,
// times, rules, metrics, fixes, hover, assists) and assert the invariants that
// hold for any input: no panic, and every span inside the text on char boundaries.

use retrospec_check::{Analysis, Config, Format, check};

pub fn check_all(data: &[u8], format: Format) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = check(text, format);
    for d in &checked.diagnostics {
        for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    let analysis = Analysis::new(text, format, &Config::default());
    if let Some(fixed) = analysis.apply_safe_fixes() {
        let _ = check(&fixed, format);
    }
    for offset in [0, text.len() / 2, text.len()] {
        if text.is_char_boundary(offset) {
            let _ = analysis.hover(offset);
            let _ = analysis.completions(offset);
        }
    }
    let _ = analysis.outline();
    let _ = analysis.inlay_hints(0..text.len());
}
