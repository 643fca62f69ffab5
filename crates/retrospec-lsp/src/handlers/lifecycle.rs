//! The session: `initialize` (capabilities, the position encoding, settings),
//! `initialized` (watching `retrospec.toml`), `shutdown`.

use std::sync::PoisonError;

use retrospec_check::resolve::CONFIG_FILE;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeActionProviderCapability, CompletionOptions, DidChangeWatchedFilesRegistrationOptions,
    FileSystemWatcher, GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult,
    InitializedParams, OneOf, Registration, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use crate::pos::Encoding;
use crate::server::Backend;
use crate::server::Settings;

pub(crate) async fn initialize(
    backend: &Backend,
    params: InitializeParams,
) -> Result<InitializeResult> {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    if let Some(options) = &params.initialization_options {
        let (settings, _) = Settings::from_json(options);
        *backend
            .settings
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = settings;
    }
    *backend
        .encoding
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = encoding;
    Ok(InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".into(), " ".into(), "#".into()]),
                ..CompletionOptions::default()
            }),
            document_symbol_provider: Some(OneOf::Left(true)),
            inlay_hint_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "retrospec".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        ..InitializeResult::default()
    })
}

pub(crate) async fn initialized(backend: &Backend, _: InitializedParams) {
    // Hear about `retrospec.toml` changes made outside the editor too. A client
    // that does not support dynamic registration answers with an error, which
    // only means it tells us about saves in the editor instead.
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
            kind: None,
        }],
    };
    let registration = Registration {
        id: "retrospec-config-watcher".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    let this = backend.clone();
    tokio::spawn(async move {
        let _ = this.client.register_capability(vec![registration]).await;
    });
}

pub(crate) async fn shutdown(_: &Backend) -> Result<()> {
    Ok(())
}
