// Shared by every check target: run the whole check path (parse, schema,
// times, rules, metrics, fixes, hover, assists) and assert the invariants that
// hold for any input: no panic, and every span inside the text on char boundaries.

use retrospec_check::{Format, check};

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
    if let Some(fixed) = retrospec_check::fix::apply_safe(text, &checked.diagnostics) {
        let _ = check(&fixed, format);
    }
    for offset in [0, text.len() / 2, text.len()] {
        if text.is_char_boundary(offset) {
            let _ = retrospec_check::hover::hover(text, format, offset);
            let _ = retrospec_check::assist::complete(text, format, offset);
        }
    }
    let _ = retrospec_check::assist::outline(text, format);
    let _ = retrospec_check::assist::offset_hints(text, format);
}
