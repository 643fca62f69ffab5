//! The retrospec language server: the same diagnostics as `retrospec check`,
//! live, in any editor that speaks LSP.
//!
//! A thin layer over `retrospec-check`: it keeps the open documents, converts
//! positions ([`pos`]) and turns core diagnostics into LSP ones. Only this crate
//! knows LSP types.
//!
//! Built on tower-lsp-server, the maintained community fork of tower-lsp (which
//! has had no release since 2023). Handlers run concurrently, so document changes
//! are applied synchronously at the start of a notification, diagnostics are
//! computed off the request path and tagged with the document version, and a
//! result for a version that is no longer current is dropped.
//!
//! Each check's result is kept with the document (`server::Analysis`: the core's
//! [`retrospec_check::Analysis`], the line index, the form and configuration) until
//! the text or the configuration changes, so hover, code actions, inlay hints and
//! symbols reuse it instead of parsing or checking again, and read the very tree,
//! model and times the diagnostics came from. Every request goes through the core's
//! `Analysis`; completion reads only the text around the cursor. It is keyed by a generation the server bumps on every
//! change (not by the client's version, which a client may reuse), so a request
//! after an edit never sees the result for the text before it: until the new check
//! is stored, requests compute from the current text.
//!
//! Each document is checked under the nearest `retrospec.toml` above its file
//! (cached per directory). The cache is dropped and every open document checked
//! again when a `retrospec.toml` is saved in the editor or changes on disk
//! (`workspace/didChangeWatchedFiles`, registered when the client allows it). An
//! open `retrospec.toml` gets its own diagnostics (RS5xx).
//!
//! Where things are: `lib.rs` is the routing table (the `LanguageServer`
//! implementation, one line per method, after taplo-lsp), `handlers/` one file per
//! handler, `server.rs` the state, `convert.rs` the conversions to LSP types and
//! `pos.rs` the positions.

mod convert;
mod handlers;
pub mod pos;
mod server;
mod stdio;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeActionParams, CodeActionResponse, CompletionParams, CompletionResponse,
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    DocumentSymbolParams, DocumentSymbolResponse, Hover, HoverParams, InitializeParams,
    InitializeResult, InitializedParams, InlayHint, InlayHintParams,
};
use tower_lsp_server::{LanguageServer, LspService, Server};

pub use convert::diagnostics;
pub use server::{Backend, document_format};

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        handlers::lifecycle::initialize(self, params).await
    }

    async fn initialized(&self, params: InitializedParams) {
        handlers::lifecycle::initialized(self, params).await
    }

    async fn shutdown(&self) -> Result<()> {
        handlers::lifecycle::shutdown(self).await
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        handlers::documents::did_open(self, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        handlers::documents::did_change(self, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        handlers::documents::did_close(self, params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        handlers::documents::did_save(self, params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        handlers::configuration::did_change_configuration(self, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        handlers::configuration::did_change_watched_files(self, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        handlers::hover::hover(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        handlers::completion::completion(self, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        handlers::symbols::document_symbol(self, params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        handlers::inlay_hints::inlay_hint(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        handlers::code_action::code_action(self, params).await
    }
}

/// Serves the language server over `input` and `output` until the client exits:
/// standard input and output for `retrospec lsp`, in-memory pipes in this crate's
/// tests. Malformed frames are dropped before they reach the protocol loop.
pub async fn serve(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin,
) {
    let (service, socket) = LspService::new(Backend::new);
    Server::new(stdio::filtered(input), output, socket)
        .serve(service)
        .await;
}

/// What runs after every check ([`after_check`]).
static AFTER_CHECK: std::sync::OnceLock<fn(bool)> = std::sync::OnceLock::new();

/// Runs `f` on the checking thread right after every check, while its result is
/// published (not before: the latency of an edit does not include it), with
/// whether the check was of a document just opened or of every open document
/// again (`true`), or of an edit (`false`). `retrospec lsp` gives mimalloc's free
/// memory back there: all of it after an open (101 open reports: 35-36 MiB, not
/// 48-50), only what its purge delay let expire after an edit, whose next check
/// would fault the purged pages in again (bench/README.md, "perf9", "perf15"). Set once per
/// process, before [`run_stdio`] or [`serve`]; a second call is ignored.
pub fn after_check(f: fn(bool)) {
    let _ = AFTER_CHECK.set(f);
}

/// Runs the [`after_check`] hook, when one is set.
fn checked(opened: bool) {
    if let Some(f) = AFTER_CHECK.get() {
        f(opened);
    }
}

/// Serves the language server on standard input and output until the client exits.
pub fn run_stdio() -> std::io::Result<()> {
    // Checks are CPU-bound: more blocking threads than cores only queue in the
    // kernel, and each keeps its own allocator heap (opening 100 reports at once
    // grew to over 100 MiB). Two more than the cores: standard input and output
    // each hold one while a read or write is pending.
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(cores + 2)
        .enable_all()
        .build()?;
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // The filter may still be blocked reading standard input after `exit`; do not
    // wait for it (dropping the runtime would).
    runtime.shutdown_background();
    Ok(())
}
