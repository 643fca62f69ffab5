//! `textDocument/inlayHint`: resolved times and durations beside what is written.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams};

use crate::handlers::guard;
use crate::server::Backend;

pub(crate) async fn inlay_hint(
    backend: &Backend,
    params: InlayHintParams,
) -> Result<Option<Vec<InlayHint>>> {
    let uri = params.text_document.uri;
    let Some(report) = backend.report(&uri) else {
        return Ok(None);
    };
    let conv = report.converter();
    let range = conv.offset(params.range.start)..conv.offset(params.range.end);
    let hints = guard(|| report.analysis().inlay_hints(range))?
        .into_iter()
        .map(|h| InlayHint {
            position: conv.position(h.offset),
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect();
    Ok(Some(hints))
}
