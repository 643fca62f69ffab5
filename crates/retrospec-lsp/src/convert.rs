//! Conversions between the core's data and LSP types: diagnostics, symbols and
//! text changes (positions themselves are [`crate::pos`]).

use std::sync::Arc;

use retrospec_check::{Config, Format, LineIndex, Severity};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, Location,
    NumberOrString, SymbolKind, TextDocumentContentChangeEvent, Uri,
};

use crate::pos::{self, Converter, Encoding};

/// The LSP diagnostics for a document's text, checked under `config`.
pub fn diagnostics(
    uri: &str,
    text: &str,
    format: Format,
    config: &Config,
    encoding: Encoding,
) -> Vec<Diagnostic> {
    let report = retrospec_check::Analysis::new(text, format, config);
    to_lsp(uri, &Converter::new(text, encoding), report.diagnostics())
}

/// Core diagnostics on the converter's text as LSP diagnostics.
pub(crate) fn to_lsp(
    uri: &str,
    conv: &Converter<'_>,
    found: &[retrospec_check::Diagnostic],
) -> Vec<Diagnostic> {
    let location_uri: Option<Uri> = uri.parse().ok();
    found
        .iter()
        .map(|d| {
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            let related = location_uri.as_ref().map(|u| {
                d.labels
                    .iter()
                    .map(|l| DiagnosticRelatedInformation {
                        location: Location::new(u.clone(), conv.range(l.span)),
                        message: l.message.clone(),
                    })
                    .collect::<Vec<_>>()
            });
            Diagnostic {
                range: conv.range(d.span),
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.code.to_string())),
                source: Some("retrospec".into()),
                message,
                related_information: related.filter(|r| !r.is_empty()),
                ..Diagnostic::default()
            }
        })
        .collect()
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be set.
pub(crate) fn symbol(conv: &Converter<'_>, s: retrospec_check::Symbol) -> DocumentSymbol {
    DocumentSymbol {
        name: s.name,
        detail: None,
        kind: if s.children.is_empty() {
            SymbolKind::FIELD
        } else {
            SymbolKind::ARRAY
        },
        tags: None,
        deprecated: None,
        range: conv.range(s.span),
        selection_range: conv.range(s.selection),
        children: (!s.children.is_empty())
            .then(|| s.children.into_iter().map(|c| symbol(conv, c)).collect()),
    }
}

/// Applies one change to `text`: a ranged edit, or the whole new text. `lines` is
/// the index of `text` when one is built; without it, the positions are found by a
/// scan up to their lines, so a change costs no pass over the whole text.
pub(crate) fn apply(
    text: &mut String,
    lines: Option<Arc<LineIndex>>,
    change: TextDocumentContentChangeEvent,
    encoding: Encoding,
) {
    match change.range {
        Some(range) => {
            let (start, end) = match lines {
                Some(lines) => {
                    let conv = Converter::with_lines(text, lines, encoding);
                    (conv.offset(range.start), conv.offset(range.end))
                }
                None => (
                    pos::offset_in(text, range.start, encoding),
                    pos::offset_in(text, range.end, encoding),
                ),
            };
            text.replace_range(start..end.max(start), &change.text);
        }
        None => *text = change.text,
    }
}
