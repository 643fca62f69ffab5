//! `textDocument/documentSymbol`: the report's outline.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{DocumentSymbolParams, DocumentSymbolResponse};

use crate::convert::symbol;
use crate::handlers::guard;
use crate::server::Backend;

pub(crate) async fn document_symbol(
    backend: &Backend,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let uri = params.text_document.uri;
    let Some(report) = backend.report(&uri) else {
        return Ok(None);
    };
    let conv = report.converter();
    let symbols = guard(|| report.analysis().outline())?
        .into_iter()
        .map(|s| symbol(&conv, s))
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}
