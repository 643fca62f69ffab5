//! `textDocument/hover`: the core's hover at the cursor, as Markdown.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::handlers::guard;
use crate::handlers::test_panic;
use crate::server::Backend;

pub(crate) async fn hover(backend: &Backend, params: HoverParams) -> Result<Option<Hover>> {
    let position = params.text_document_position_params;
    let uri = position.text_document.uri;
    let Some(report) = backend.report(&uri) else {
        return Ok(None);
    };
    let conv = report.converter();
    let offset = conv.offset(position.position);
    Ok(guard(|| {
        test_panic(report.text());
        report.analysis().hover(offset)
    })?
    .map(|h| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(conv.range(h.span)),
    }))
}
