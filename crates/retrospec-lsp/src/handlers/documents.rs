//! The open documents: opened, changed (edits applied in order, before any
//! `.await`), saved (a `retrospec.toml` reloads every configuration), closed.

use std::sync::{Arc, PoisonError};

use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams,
};

use crate::convert::apply;
use crate::server::Backend;
use crate::server::Document;
use crate::server::is_config;

pub(crate) async fn did_open(backend: &Backend, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    backend
        .documents
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(
            doc.uri.clone(),
            Document {
                text: Arc::new(doc.text),
                version: doc.version,
                generation: backend.next_generation(),
                analysis: None,
                used: backend.next_generation(),
            },
        );
    backend.spawn_publish(doc.uri, true);
}

pub(crate) async fn did_change(backend: &Backend, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let encoding = backend.encoding();
    let previous;
    {
        // Applied before the first `.await`, so changes are never reordered.
        let mut docs = backend
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(doc) = docs.get_mut(&uri) else {
            return;
        };
        previous = doc.analysis.take();
        // The index of the text before the first change, when its check is done.
        let mut lines = previous.as_ref().and_then(|a| a.lines.get().cloned());
        let text = Arc::make_mut(&mut doc.text);
        for change in params.content_changes {
            apply(text, lines.take(), change, encoding);
        }
        doc.version = params.text_document.version;
        doc.generation = backend.next_generation();
        doc.used = doc.generation;
    }
    backend.spawn_publish(uri, false);
    // The previous text's analysis is freed on the blocking pool, after the new
    // text's check is queued: for a 5,000-line report (its tree, model, times and
    // claims) that was 2.7 M instructions before the check could start (perf13).
    if let Some(previous) = previous {
        tokio::task::spawn_blocking(move || drop(previous));
    }
}

pub(crate) async fn did_close(backend: &Backend, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    backend
        .documents
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&uri);
    // Under the publishing lock, so a check still running cannot publish after this.
    let mut published = backend.published.lock().await;
    published.remove(&uri);
    backend
        .client
        .publish_diagnostics(uri, Vec::new(), None)
        .await;
    drop(published);
}

pub(crate) async fn did_save(backend: &Backend, params: DidSaveTextDocumentParams) {
    if is_config(&params.text_document.uri) {
        backend.reload_configs().await;
    }
}
