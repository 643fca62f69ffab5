//! `textDocument/codeAction`: the fixes of the findings in the range, and for a
//! report read as written its canonical form.

use retrospec_check::Format;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, WorkspaceEdit,
};

use crate::handlers::guard;
use crate::server::Backend;

pub(crate) async fn code_action(
    backend: &Backend,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let Some(report) = backend.report(&uri) else {
        return Ok(None);
    };
    let conv = report.converter();
    let (from, to) = (
        conv.offset(params.range.start),
        conv.offset(params.range.end),
    );
    // The check of this text when it is done; right after an edit, a new one.
    let analysis = report.analysis();
    let fixes: Vec<&retrospec_check::Diagnostic> = guard(|| analysis.fixes().collect())?;
    let mut actions: Vec<CodeActionOrCommand> = fixes
        .into_iter()
        .filter(|d| d.span.start <= to && from <= d.span.end)
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(conv.range(e.span), e.replacement.clone()))
                .collect();
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.message.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit {
                    changes: Some([(uri.clone(), edits)].into_iter().collect()),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }))
        })
        .collect();
    // A report read as written: offer its canonical form, as `retrospec import` writes it.
    if let Some(parsed) = analysis.parsed().filter(|p| p.freeform.is_some())
        && let Some(text) = retrospec_check::emit::imported(parsed, report.text(), Format::Markdown)
    {
        let whole = retrospec_check::Span::new(0, report.text().len());
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "Convert to retrospec form".into(),
            kind: Some(CodeActionKind::REFACTOR_REWRITE),
            edit: Some(WorkspaceEdit {
                changes: Some(
                    [(uri.clone(), vec![TextEdit::new(conv.range(whole), text)])]
                        .into_iter()
                        .collect(),
                ),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        }));
    }
    Ok(Some(actions))
}
