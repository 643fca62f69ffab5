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
//! Each check's result is kept with the document ([`Analysis`]: the core's
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

pub mod pos;
mod stdio;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use retrospec_check::parse::markdown::has_front_matter;
use retrospec_check::resolve::{CONFIG_FILE, ProjectConfig, Resolver, Strategy, Unreadable};
use retrospec_check::{CompletionKind, Config, Format, LineIndex, Severity};
use retrospec_fs::OsFs;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeActionResponse, CompletionItem, CompletionItemKind,
    CompletionOptions, CompletionParams, CompletionResponse, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, DocumentSymbol, DocumentSymbolParams,
    DocumentSymbolResponse, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, InitializedParams, InlayHint,
    InlayHintLabel, InlayHintParams, Location, MarkupContent, MarkupKind, MessageType,
    NumberOrString, OneOf, Registration, SaveOptions, ServerCapabilities, ServerInfo, SymbolKind,
    TextDocumentContentChangeEvent, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::pos::{Converter, Encoding};

/// An open document.
#[derive(Debug)]
struct Document {
    /// Shared with the checks and requests working on this version; an edit copies
    /// it only while one of them still holds it.
    text: Arc<String>,
    version: i32,
    /// Changes with the text and with the configuration: what [`Analysis`] is for.
    generation: u64,
    /// The check of the current generation, once it is done.
    analysis: Option<Arc<Analysis>>,
}

/// One check of one generation of a document, kept for the requests on it.
#[derive(Debug)]
struct Analysis {
    /// The line index of the text, built once per generation when first needed (a
    /// check without findings publishes without one).
    lines: OnceLock<Arc<LineIndex>>,
    /// The form, when the document is a report.
    format: Option<Format>,
    config: Arc<ProjectConfig>,
    /// The check, when the document is a report.
    report: Option<Arc<retrospec_check::Analysis>>,
}

impl Analysis {
    /// The line index of `text`, the text this analysis is of.
    fn lines(&self, text: &str) -> Arc<LineIndex> {
        Arc::clone(self.lines.get_or_init(|| Arc::new(LineIndex::new(text))))
    }
}

/// What a request works on: the current text, and its analysis when the check of
/// this generation is done.
#[derive(Debug)]
struct Snapshot {
    text: Arc<String>,
    analysis: Option<Arc<Analysis>>,
}

/// Settings from the client: `initializationOptions` or the `retrospec` section of
/// `workspace/didChangeConfiguration`, applied without a restart.
///
/// `files`: glob patterns (matched against the file's path) of YAML/JSON files to
/// check besides those recognised by name or schema, for example
/// `["**/incidents/*.yaml"]`.
#[derive(Debug, Default)]
struct Settings {
    files: Option<globset::GlobSet>,
}

impl Settings {
    /// Reads `{"files": [...]}` or `{"retrospec": {"files": [...]}}`; bad patterns are skipped.
    fn from_json(value: &serde_json::Value) -> (Self, Vec<String>) {
        let section = value.get("retrospec").unwrap_or(value);
        let mut problems = Vec::new();
        let Some(patterns) = section.get("files").and_then(serde_json::Value::as_array) else {
            return (Settings::default(), problems);
        };
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in patterns.iter().filter_map(serde_json::Value::as_str) {
            match globset::Glob::new(pattern) {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(e) => problems.push(format!("retrospec.files: `{pattern}`: {e}")),
            }
        }
        (
            Settings {
                files: builder.build().ok(),
            },
            problems,
        )
    }

    fn matches(&self, uri: &str) -> bool {
        let path = uri.strip_prefix("file://").unwrap_or(uri);
        self.files.as_ref().is_some_and(|set| set.is_match(path))
    }
}

/// Whether a document is a `retrospec.toml`.
fn is_config(uri: &Uri) -> bool {
    uri.as_str().rsplit('/').next() == Some(CONFIG_FILE)
}

/// The server state. Cloning shares it (every field is shared), so work can be
/// spawned off a handler.
#[derive(Debug, Clone)]
pub struct Backend {
    client: Client,
    documents: Arc<Mutex<HashMap<Uri, Document>>>,
    encoding: Arc<Mutex<Encoding>>,
    settings: Arc<Mutex<Settings>>,
    /// The nearest `retrospec.toml` of each document: the resolver the command line
    /// uses too, so both find, read and refuse configurations the same way.
    configs: Arc<Resolver<OsFs>>,
    /// Configurations that could not be read, each shown to the user once (until
    /// the configurations are read again): `shown` once told, `pending` until then.
    unreadable: Arc<Mutex<(Vec<Unreadable>, Vec<Unreadable>)>>,
    /// The last version published per document, so no version is published twice
    /// and none after a newer one.
    published: Arc<Mutex<HashMap<Uri, i32>>>,
    /// The source of [`Document::generation`].
    generations: Arc<AtomicU64>,
}

impl Backend {
    fn new(client: Client) -> Self {
        Backend {
            client,
            documents: Arc::default(),
            encoding: Arc::new(Mutex::new(Encoding::Utf16)),
            settings: Arc::default(),
            configs: Arc::new(Resolver::new(OsFs, Strategy::Hierarchical, None)),
            unreadable: Arc::default(),
            published: Arc::default(),
            generations: Arc::default(),
        }
    }

    fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// The current text of an open document and its analysis when it is done.
    fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(uri)
            .map(|d| Snapshot {
                text: Arc::clone(&d.text),
                analysis: d.analysis.clone(),
            })
    }

    /// Forgets every analysis: the configuration or the settings changed, so a check
    /// of the same text may find other things. A check still running gets a stale
    /// generation and is dropped.
    fn invalidate_all(&self) {
        let mut docs = self
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        for doc in docs.values_mut() {
            doc.generation = self.next_generation();
            doc.analysis = None;
        }
    }

    /// The nearest `retrospec.toml` above the document's file, read once per
    /// directory. One that cannot be read is queued to be shown to the user
    /// ([`Backend::tell_unreadable`]), and the document is checked with the defaults.
    fn project_config(&self, uri: &Uri) -> Option<Arc<ProjectConfig>> {
        let path = uri.to_file_path()?;
        match self.configs.for_file(&path) {
            Ok(found) => found,
            Err(unreadable) => {
                let mut lists = self
                    .unreadable
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                let (shown, pending) = &mut *lists;
                if !shown.contains(&unreadable) && !pending.contains(&unreadable) {
                    pending.push(unreadable);
                }
                None
            }
        }
    }

    /// Shows each configuration that could not be read, once, as an error message.
    async fn tell_unreadable(&self) {
        let pending = {
            let mut lists = self
                .unreadable
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let (shown, pending) = &mut *lists;
            let pending = std::mem::take(pending);
            shown.extend(pending.iter().cloned());
            pending
        };
        for Unreadable { path, message } in pending {
            self.client
                .show_message(
                    MessageType::ERROR,
                    format!(
                        "retrospec: {}: cannot read the configuration: {message}; \
                         checking with the defaults",
                        path.display()
                    ),
                )
                .await;
        }
    }

    /// The configuration a document is checked under (the defaults without one).
    fn config_of(&self, uri: &Uri) -> Arc<ProjectConfig> {
        static DEFAULTS: std::sync::LazyLock<Arc<ProjectConfig>> = std::sync::LazyLock::new(|| {
            Arc::new(ProjectConfig::new(
                PathBuf::new(),
                PathBuf::new(),
                String::new(),
            ))
        });
        self.project_config(uri)
            .unwrap_or_else(|| Arc::clone(&DEFAULTS))
    }

    /// The form of a document when it is a report, by its content and name, by
    /// the `files` globs in the settings, or (when the settings give none) by the
    /// `files` globs of its `retrospec.toml`.
    fn format_of(&self, uri: &Uri, text: &str) -> Option<Format> {
        document_format(uri.as_str(), text).or_else(|| {
            let format = Format::from_path(std::path::Path::new(uri.as_str()))?;
            if format == Format::Markdown {
                return None;
            }
            let by_settings = {
                let settings = self.settings.lock().unwrap_or_else(PoisonError::into_inner);
                settings
                    .files
                    .as_ref()
                    .map(|_| settings.matches(uri.as_str()))
            };
            let selected = match by_settings {
                Some(matched) => matched,
                None => {
                    let path = uri.to_file_path()?.into_owned();
                    self.project_config(uri)
                        .is_some_and(|c| self.configs.selects(&c, &path) == Some(true))
                }
            };
            selected.then_some(format)
        })
    }

    /// Forgets every `retrospec.toml` read and checks every open document again.
    async fn reload_configs(&self) {
        self.configs.clear();
        *self
            .unreadable
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Default::default();
        self.invalidate_all();
        self.recheck_all().await;
    }

    /// Checks every open document again, publishing even an unchanged version.
    async fn recheck_all(&self) {
        let open: Vec<Uri> = self
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect();
        self.published
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        for uri in open {
            self.publish(uri).await;
        }
    }

    /// Replaces the settings and checks every open document again.
    async fn configure(&self, value: &serde_json::Value) {
        let (settings, problems) = Settings::from_json(value);
        *self.settings.lock().unwrap_or_else(PoisonError::into_inner) = settings;
        self.invalidate_all();
        for problem in problems {
            self.client
                .show_message(MessageType::WARNING, problem)
                .await;
        }
        // New settings can change the findings of an unchanged version: publish again.
        self.recheck_all().await;
    }

    /// An open document that is a report: its snapshot, form and configuration
    /// (from the analysis when it is done, so no directory is looked at again).
    fn report(&self, uri: &Uri) -> Option<Report> {
        let snapshot = self.snapshot(uri)?;
        let (format, config) = match &snapshot.analysis {
            Some(analysis) => (analysis.format?, Arc::clone(&analysis.config)),
            None => (self.format_of(uri, &snapshot.text)?, self.config_of(uri)),
        };
        Some(Report {
            snapshot,
            format,
            config,
            encoding: self.encoding(),
        })
    }

    fn encoding(&self) -> Encoding {
        *self.encoding.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks `uri` in the background, so the notification handler returns at once
    /// and the next change is applied without waiting for this check.
    fn spawn_publish(&self, uri: Uri) {
        let this = self.clone();
        tokio::spawn(async move { this.publish(uri).await });
    }

    /// Checks the current generation of `uri` on a blocking thread, keeps the result
    /// for requests and publishes it, unless the document changed meanwhile.
    async fn publish(&self, uri: Uri) {
        let Some((text, version, generation)) = self
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&uri)
            .map(|d| (Arc::clone(&d.text), d.version, d.generation))
        else {
            return;
        };
        let this = self.clone();
        let target = uri.clone();
        let computed = tokio::task::spawn_blocking(move || {
            // Queued behind other work while the user typed on: skip a check nobody
            // will see.
            if !this.is_current(&target, generation) {
                return None;
            }
            Some(this.analyse(&target, &text))
        })
        .await;
        self.tell_unreadable().await;
        let (analysis, diagnostics) = match computed {
            Ok(Some(done)) => done,
            Ok(None) => return,
            Err(error) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("retrospec: checking {}: {error}", uri.as_str()),
                    )
                    .await;
                return;
            }
        };
        {
            let mut docs = self
                .documents
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            match docs.get_mut(&uri) {
                Some(doc) if doc.generation == generation => {
                    doc.analysis = Some(Arc::new(analysis));
                }
                // The text or the configuration changed meanwhile: a newer check publishes.
                _ => return,
            }
        }
        {
            let mut published = self
                .published
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if published.get(&uri).is_some_and(|&last| last >= version) {
                return;
            }
            published.insert(uri.clone(), version);
        }
        self.client
            .publish_diagnostics(uri, diagnostics, Some(version))
            .await;
    }

    /// Whether `generation` is still that of the open document `uri`.
    fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    /// Checks one text of `uri` (blocking work): its analysis and its LSP diagnostics.
    fn analyse(&self, uri: &Uri, text: &str) -> (Analysis, Vec<Diagnostic>) {
        let encoding = self.encoding();
        let format = self.format_of(uri, text);
        let config = self.config_of(uri);
        let lines = OnceLock::new();
        let lsp = |found: &[retrospec_check::Diagnostic]| {
            if found.is_empty() {
                return Vec::new();
            }
            let index = Arc::clone(lines.get_or_init(|| Arc::new(LineIndex::new(text))));
            to_lsp(
                uri.as_str(),
                &Converter::with_lines(text, index, encoding),
                found,
            )
        };
        let (report, diagnostics) = match format {
            Some(format) => {
                let report = retrospec_check::Analysis::new(text, format, &config.config);
                let diagnostics = lsp(report.diagnostics());
                (Some(Arc::new(report)), diagnostics)
            }
            None if is_config(uri) => (None, lsp(&Config::parse(text).1)),
            None => (None, Vec::new()),
        };
        let analysis = Analysis {
            lines,
            format,
            config,
            report,
        };
        (analysis, diagnostics)
    }
}

/// An open report as a request sees it.
#[derive(Debug)]
struct Report {
    snapshot: Snapshot,
    format: Format,
    config: Arc<ProjectConfig>,
    encoding: Encoding,
}

impl Report {
    fn text(&self) -> &str {
        &self.snapshot.text
    }

    /// A converter for the text, with the analysis's line index when there is one.
    fn converter(&self) -> Converter<'_> {
        match &self.snapshot.analysis {
            Some(analysis) => {
                Converter::with_lines(self.text(), analysis.lines(self.text()), self.encoding)
            }
            None => Converter::new(self.text(), self.encoding),
        }
    }

    /// The analysis of this text: the stored one when its check is done, else a new
    /// one, which computes only what the request asks for.
    fn analysis(&self) -> Arc<retrospec_check::Analysis> {
        match self
            .snapshot
            .analysis
            .as_ref()
            .and_then(|a| a.report.as_ref())
        {
            Some(report) => Arc::clone(report),
            None => Arc::new(retrospec_check::Analysis::new(
                self.text(),
                self.format,
                &self.config.config,
            )),
        }
    }
}

/// The form of a document, or `None` when it is not a postmortem retrospec should check:
/// Markdown with front matter; YAML or JSON that names retrospec's schema (a `$schema`
/// key or a `yaml-language-server` modeline), is named `*.postmortem.{yaml,yml,json}`,
/// or lives in a `postmortems/` folder.
pub fn document_format(uri: &str, text: &str) -> Option<Format> {
    let format = Format::from_path(std::path::Path::new(uri))?;
    let relevant = match format {
        Format::Markdown => has_front_matter(text),
        Format::Yaml | Format::Json => {
            let name = uri.rsplit('/').next().unwrap_or(uri);
            text.contains(retrospec_model::schema::SCHEMA_ID)
                || name.contains(".postmortem.")
                || uri.contains("/postmortems/")
        }
    };
    relevant.then_some(format)
}

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
fn to_lsp(
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
fn symbol(conv: &Converter<'_>, s: retrospec_check::Symbol) -> DocumentSymbol {
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

/// Runs core work so that a panic (a bug) becomes an error response for this one
/// request instead of taking the server down.
fn guard<T>(work: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        tower_lsp_server::jsonrpc::Error {
            code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
            message: format!("retrospec: internal error: {what}").into(),
            data: None,
        }
    })
}

/// A test-only trigger for [`guard`], compiled into debug builds only: a hover on
/// a document containing the text of `RETROSPEC_TEST_PANIC` panics, so the tests
/// can show a panic becomes an error response and the server keeps serving.
fn test_panic(text: &str) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("RETROSPEC_TEST_PANIC")
        && let Some(marker) = marker.to_str()
        && !marker.is_empty()
        && text.contains(marker)
    {
        panic!("test-only panic on hover");
    }
    let _ = text;
}

/// Applies one change to `text`: a ranged edit, or the whole new text. `lines` is
/// the index of `text` when one is built; without it, the positions are found by a
/// scan up to their lines, so a change costs no pass over the whole text.
fn apply(
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

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = Encoding::negotiate(offered);
        if let Some(options) = &params.initialization_options {
            let (settings, _) = Settings::from_json(options);
            *self.settings.lock().unwrap_or_else(PoisonError::into_inner) = settings;
        }
        *self.encoding.lock().unwrap_or_else(PoisonError::into_inner) = encoding;
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

    async fn initialized(&self, _: InitializedParams) {
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
        let this = self.clone();
        tokio::spawn(async move {
            let _ = this.client.register_capability(vec![registration]).await;
        });
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if is_config(&params.text_document.uri) {
            self.reload_configs().await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|c| is_config(&c.uri)) {
            self.reload_configs().await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(
                doc.uri.clone(),
                Document {
                    text: Arc::new(doc.text),
                    version: doc.version,
                    generation: self.next_generation(),
                    analysis: None,
                },
            );
        self.spawn_publish(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding();
        {
            // Applied before the first `.await`, so changes are never reordered.
            let mut docs = self
                .documents
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let Some(doc) = docs.get_mut(&uri) else {
                return;
            };
            // The index of the text before the first change, when its check is done.
            let mut lines = doc.analysis.take().and_then(|a| a.lines.get().cloned());
            let text = Arc::make_mut(&mut doc.text);
            for change in params.content_changes {
                apply(text, lines.take(), change, encoding);
            }
            doc.version = params.text_document.version;
            doc.generation = self.next_generation();
        }
        self.spawn_publish(uri);
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let uri = position.text_document.uri;
        let Some(report) = self.report(&uri) else {
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

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let uri = position.text_document.uri;
        let Some(report) = self.report(&uri) else {
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

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some(report) = self.report(&uri) else {
            return Ok(None);
        };
        let conv = report.converter();
        let symbols = guard(|| report.analysis().outline())?
            .into_iter()
            .map(|s| symbol(&conv, s))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let uri = params.text_document.uri;
        let Some(report) = self.report(&uri) else {
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

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(report) = self.report(&uri) else {
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
        let actions: Vec<CodeActionOrCommand> = fixes
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
        Ok(Some(actions))
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.configure(&params.settings).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&uri);
        self.published
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
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
    runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        Server::new(
            stdio::filtered(tokio::io::stdin()),
            tokio::io::stdout(),
            socket,
        )
        .serve(service)
        .await;
    });
    // The filter may still be blocked reading standard input after `exit`; do not
    // wait for it (dropping the runtime would).
    runtime.shutdown_background();
    Ok(())
}
