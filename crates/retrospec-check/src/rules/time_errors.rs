//! The finding of a time the report writes that cannot be read: `path`: what is
//! wrong, with the grammar's help. The rules that report the time grammar's errors
//! by kind share it: RS206 (invalid), RS213 (placeholders), RS214 (ambiguous dates).

use crate::diagnostic::{CodeInfo, Diagnostic};
use crate::rules::Context;
use crate::suggest::display_path;
use crate::time::{TimeError, TimeErrorKind};
use crate::times::TimeValue;

/// The finding, under `info`, for `value`, which failed to parse with `error`.
pub(crate) fn finding(
    cx: &Context<'_>,
    info: &'static CodeInfo,
    value: &TimeValue,
    error: &TimeError,
) -> Diagnostic {
    let d = Diagnostic::new(
        info,
        cx.span(&value.pointer),
        format!("`{}`: {}", display_path(&value.pointer), error.message),
    );
    match &error.help {
        Some(help) => d.with_help(help.clone()),
        None => d,
    }
}

/// The findings, under `info`, for every time of the report that failed to parse
/// with an error of `kind`.
pub(crate) fn report(
    cx: &Context<'_>,
    kind: TimeErrorKind,
    info: &'static CodeInfo,
    out: &mut Vec<Diagnostic>,
) {
    for value in cx.times.all() {
        if let Err(error) = &value.parsed
            && error.kind == kind
        {
            out.push(finding(cx, info, value, error));
        }
    }
}
