//! Applying suppressions after the rules: it looks codes up in the
//! [`crate::registry`], so it sits above the rules, apart from the collection the
//! parsers use.

use super::{MARKER, Suppression};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::registry;
use crate::span::Span;

/// Drops the diagnostics the valid suppressions cover and reports the
/// suppressions themselves: RS504 for one without a reason or with an unknown
/// code (it suppresses nothing), RS505 for a code that suppressed nothing.
pub fn apply(suppressions: &[Suppression], diagnostics: &mut Vec<Diagnostic>) {
    let mut findings = Vec::new();
    for s in suppressions {
        let unknown: Vec<&(String, Span)> = s
            .codes
            .iter()
            .filter(|(code, _)| registry::lookup(code).is_none_or(|c| !suppressible(c.code)))
            .collect();
        if s.codes.is_empty() {
            findings.push(
                Diagnostic::new(
                    &codes::INVALID_SUPPRESSION,
                    s.comment,
                    "this suppression names no code",
                )
                .with_help(format!(
                    "write the code and why, for example `{MARKER} RS203: CET is what the status page showed`"
                )),
            );
            continue;
        }
        if let Some((code, span)) = unknown.first() {
            let help = match registry::lookup(code) {
                Some(info) => format!("{} ({}) cannot be suppressed", info.code, info.name),
                None => "`retrospec rules` lists every code".to_string(),
            };
            findings.push(
                Diagnostic::new(
                    &codes::INVALID_SUPPRESSION,
                    *span,
                    format!("`{code}` is not a code this suppression can silence"),
                )
                .with_help(help),
            );
            continue;
        }
        if s.reason.is_empty() {
            findings.push(
                Diagnostic::new(
                    &codes::INVALID_SUPPRESSION,
                    s.comment,
                    "this suppression gives no reason, so it suppresses nothing",
                )
                .with_help(format!(
                    "say why after a colon: `{MARKER} {}: <reason>`",
                    s.codes
                        .iter()
                        .map(|(c, _)| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        }
        for (code, span) in &s.codes {
            let Some(info) = registry::lookup(code) else {
                continue;
            };
            let before = diagnostics.len();
            diagnostics.retain(|d| {
                !(d.code == info.code
                    && s.target.start <= d.span.start
                    && d.span.start <= s.target.end)
            });
            if diagnostics.len() == before {
                findings.push(
                    Diagnostic::new(
                        &codes::UNUSED_SUPPRESSION,
                        *span,
                        format!("this suppression of {} suppresses nothing", info.code),
                    )
                    .with_label(s.target, "no diagnostic of this code on this line")
                    .with_help("remove it, or move it to the line before the one it is meant for"),
                );
            }
        }
    }
    diagnostics.extend(findings);
}

/// Whether a code may be silenced inline (the configuration and suppression codes may not).
fn suppressible(code: &str) -> bool {
    !code.starts_with("RS5")
}
