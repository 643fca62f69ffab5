//! `textDocument/completion`: keys, values, sections and zones at the cursor.

use retrospec_check::CompletionKind;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse,
};

use crate::handlers::guard;
use crate::pos;
use crate::server::Backend;

pub(crate) async fn completion(
    backend: &Backend,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let position = params.text_document_position;
    let uri = position.text_document.uri;
    let Some(report) = backend.report(&uri) else {
        return Ok(None);
    };
    // Completion reads only the text around the cursor: no index is needed for it.
    let offset = match &report.snapshot.analysis {
        Some(_) => report.converter().offset(position.position),
        None => pos::offset_in(report.text(), position.position, report.encoding),
    };
    let items = guard(|| report.analysis().completions(offset))?
        .into_iter()
        .map(|c| CompletionItem {
            label: c.label,
            detail: c.detail,
            kind: Some(match c.kind {
                CompletionKind::Field => CompletionItemKind::FIELD,
                CompletionKind::Value => CompletionItemKind::ENUM_MEMBER,
                CompletionKind::Section => CompletionItemKind::MODULE,
                CompletionKind::Zone => CompletionItemKind::CONSTANT,
            }),
            ..CompletionItem::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}
