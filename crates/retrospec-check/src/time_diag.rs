//! The findings of the time grammar's errors. The grammar says what is wrong with
//! a time and where ([`TimeError`], its [`TimeErrorKind`]); the core decides the code
//! each kind is reported under and makes the [`Diagnostic`]. So the grammar knows
//! nothing of diagnostics, and this file is where its errors meet their codes
//! (RS206, RS213, RS214 and RS216, declared in `codes.rs`, a leaf: the rules that
//! report them too take them as their metadata).

use crate::diagnostic::{CodeInfo, Diagnostic};
use crate::span::Span;
use crate::time::{TimeError, TimeErrorKind};

/// The code a kind of time error is reported under.
pub(crate) fn code(kind: TimeErrorKind) -> &'static CodeInfo {
    match kind {
        TimeErrorKind::Invalid => &crate::codes::INVALID_TIME,
        TimeErrorKind::Placeholder => &crate::codes::UNKNOWN_TIME,
        TimeErrorKind::AmbiguousDate => &crate::codes::AMBIGUOUS_DATE,
        TimeErrorKind::WeekdayMismatch => &crate::codes::WEEKDAY_MISMATCH,
    }
}

/// A [`TimeError`] as a finding.
pub(crate) trait TimeErrorExt {
    /// The diagnostic code for this error.
    fn code(&self) -> &'static CodeInfo;

    /// The finding for this error, for an input that starts at byte `offset` of
    /// the file: its code, its range moved there, its message and help.
    fn diagnostic(self, offset: usize) -> Diagnostic;
}

impl TimeErrorExt for TimeError {
    fn code(&self) -> &'static CodeInfo {
        code(self.kind)
    }

    fn diagnostic(self, offset: usize) -> Diagnostic {
        let span = Span::new(offset + self.range.start, offset + self.range.end);
        let d = Diagnostic::new(code(self.kind), span, self.message);
        match self.help {
            Some(help) => d.with_help(help),
            None => d,
        }
    }
}

#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::time;

    #[test]
    fn each_kind_has_its_code() {
        for (kind, expected) in [
            (TimeErrorKind::Invalid, "RS206"),
            (TimeErrorKind::Placeholder, "RS213"),
            (TimeErrorKind::AmbiguousDate, "RS214"),
            (TimeErrorKind::WeekdayMismatch, "RS216"),
        ] {
            assert_eq!(code(kind).code, expected, "{kind:?}");
        }
    }

    #[test]
    fn a_time_error_becomes_a_finding_at_its_place_in_the_file() {
        let e = time::scan_leading_time("01/07/2023 - 10:50 Deploy").unwrap_err();
        assert_eq!(e.code().code, "RS214");
        let help = e.help.clone();
        let d = e.diagnostic(100);
        assert_eq!(d.code, "RS214");
        assert_eq!(d.span, Span::new(100, 110));
        assert!(d.message.contains("ambiguous"), "{}", d.message);
        assert_eq!(d.help, help);
        assert!(d.help.is_some());

        let e = time::parse_time("25:00").unwrap_err();
        assert_eq!(e.help, None);
        let d = e.diagnostic(7);
        assert_eq!((d.code, d.help), ("RS206", None));
        assert_eq!(d.span.start, 7);
    }
}
