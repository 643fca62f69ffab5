//! `Start:` and `End:` labels before a dated timeline entry (`Start: 2025/03/06
//! 07:25 - Vendor monitoring began alerting`, `End: 2025/03/06 08:30 - Service was
//! confirmed restored`): the entry is the time and its text, and the label its
//! milestone (`started`, `resolved`). Before a time without a date the label is not
//! read.

use crate::span::Span;
use crate::time;

use super::Reader;

impl Reader<'_, '_> {
    /// Reads the line at `span` when a label leads it; whether it did.
    pub(super) fn labelled(&mut self, span: Span, open: bool) -> bool {
        let source = span.slice(self.text);
        let Some(label) = ["start:", "end:"].iter().find(|l| {
            source
                .get(..l.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(l))
        }) else {
            return false;
        };
        let rest = &source[label.len()..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let dated = matches!(
            time::scan_leading_time(&rest[blanks..]),
            Ok(Some((parsed, _))) if parsed.date.is_some()
        );
        if blanks == 0 || !dated {
            return false;
        }
        let before = self.entries.len();
        self.line(Span::new(span.start + label.len() + blanks, span.end), open);
        if self.entries.len() > before
            && let Some(entry) = self.entries.last_mut()
        {
            let name = if *label == "start:" {
                "started"
            } else {
                "resolved"
            };
            let label_span = Span::new(span.start, span.start + label.len() - 1);
            entry.milestone = Some((name.to_string(), label_span));
        }
        true
    }
}
