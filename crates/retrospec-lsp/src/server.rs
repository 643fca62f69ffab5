//! The server's state: the open documents, each with the check of its current
//! generation ([`Analysis`]), the client's settings, the configurations (the
//! resolver the command line uses too) and what has been published.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use retrospec_check::parse::freeform::looks_like_postmortem;
use retrospec_check::parse::markdown::has_front_matter;
use retrospec_check::resolve::{CONFIG_FILE, ProjectConfig, Resolver, Strategy, Unreadable};
use retrospec_check::{Config, Format, LineIndex};
use retrospec_fs::OsFs;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{Diagnostic, MessageType, Uri};

use crate::convert::to_lsp;
use crate::pos::{Converter, Encoding};

/// An open document.
#[derive(Debug)]
pub(crate) struct Document {
    /// Shared with the checks and requests working on this version; an edit copies
    /// it only while one of them still holds it.
    pub(crate) text: Arc<String>,
    pub(crate) version: i32,
    /// Changes with the text and with the configuration: what [`Analysis`] is for.
    pub(crate) generation: u64,
    /// The check of the current generation, once it is done.
    pub(crate) analysis: Option<Arc<Analysis>>,
    /// When the document was last opened, changed or asked about (a tick of
    /// [`Backend::next_generation`]): the documents used last keep their checks
    /// ([`RETAINED`]).
    pub(crate) used: u64,
}

/// How many documents keep their whole check (tree, model, times, claims) for the
/// requests on them: the ones opened, changed or asked about last. The others keep
/// their text, form and line index; a request on one checks it again, once, and it
/// is kept until other documents are used. A check holds 10-45 times its text: with
/// 101 reports open (one of 5,000 lines) the server held 34-36 MiB with every check
/// kept against 25-27 with eight (bench/README.md, "perf16").
pub(crate) const RETAINED: usize = 8;

/// One check of one generation of a document, kept for the requests on it.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// The line index of the text, built once per generation when first needed (a
    /// check without findings publishes without one).
    pub(crate) lines: OnceLock<Arc<LineIndex>>,
    /// The form, when the document is a report.
    pub(crate) format: Option<Format>,
    pub(crate) config: Arc<ProjectConfig>,
    /// The check, when the document is a report: set by the check of this
    /// generation, or by the first request after it was let go ([`RETAINED`]).
    pub(crate) report: OnceLock<Arc<retrospec_check::Analysis>>,
}

impl Analysis {
    /// The line index of `text`, the text this analysis is of.
    pub(crate) fn lines(&self, text: &str) -> Arc<LineIndex> {
        Arc::clone(self.lines.get_or_init(|| Arc::new(LineIndex::new(text))))
    }

    /// This analysis without its check (its line index, form and configuration
    /// kept), when it holds one.
    fn without_check(&self) -> Option<Analysis> {
        self.report.get()?;
        Some(Analysis {
            lines: self
                .lines
                .get()
                .cloned()
                .map(OnceLock::from)
                .unwrap_or_default(),
            format: self.format,
            config: Arc::clone(&self.config),
            report: OnceLock::new(),
        })
    }
}

/// What a request works on: the current text, and its analysis when the check of
/// this generation is done.
#[derive(Debug)]
pub(crate) struct Snapshot {
    pub(crate) text: Arc<String>,
    pub(crate) analysis: Option<Arc<Analysis>>,
}

/// Settings from the client: `initializationOptions` or the `retrospec` section of
/// `workspace/didChangeConfiguration`, applied without a restart.
///
/// `files`: glob patterns (matched against the file's path) of YAML/JSON files to
/// check besides those recognised by name or schema, for example
/// `["**/incidents/*.yaml"]`.
#[derive(Debug, Default)]
pub(crate) struct Settings {
    pub(crate) files: Option<globset::GlobSet>,
}

impl Settings {
    /// Reads `{"files": [...]}` or `{"retrospec": {"files": [...]}}`; bad patterns are skipped.
    pub(crate) fn from_json(value: &serde_json::Value) -> (Self, Vec<String>) {
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

    pub(crate) fn matches(&self, uri: &str) -> bool {
        let path = uri.strip_prefix("file://").unwrap_or(uri);
        self.files.as_ref().is_some_and(|set| set.is_match(path))
    }
}

/// Whether a document is a `retrospec.toml`.
pub(crate) fn is_config(uri: &Uri) -> bool {
    uri.as_str().rsplit('/').next() == Some(CONFIG_FILE)
}

/// The server state. Cloning shares it (every field is shared), so work can be
/// spawned off a handler.
#[derive(Debug, Clone)]
pub struct Backend {
    pub(crate) client: Client,
    pub(crate) documents: Arc<Mutex<HashMap<Uri, Document>>>,
    pub(crate) encoding: Arc<Mutex<Encoding>>,
    pub(crate) settings: Arc<Mutex<Settings>>,
    /// The nearest `retrospec.toml` of each document: the resolver the command line
    /// uses too, so both find, read and refuse configurations the same way.
    pub(crate) configs: Arc<Resolver<OsFs>>,
    /// Configurations that could not be read, each shown to the user once (until
    /// the configurations are read again): `shown` once told, `pending` until then.
    pub(crate) unreadable: Arc<Mutex<(Vec<Unreadable>, Vec<Unreadable>)>>,
    /// The last version published per document, so no version is published twice
    /// and none after a newer one. An async lock, held while the notification is
    /// sent: checks run concurrently, and a check of version 173 that passed the
    /// test could otherwise send after the check of 174 (seen under load).
    pub(crate) published: Arc<tokio::sync::Mutex<HashMap<Uri, i32>>>,
    /// The source of [`Document::generation`].
    pub(crate) generations: Arc<AtomicU64>,
}

impl Backend {
    pub(crate) fn new(client: Client) -> Self {
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

    pub(crate) fn next_generation(&self) -> u64 {
        self.generations.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// The current text of an open document and its analysis when it is done (the
    /// document counts as used).
    pub(crate) fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        let used = self.next_generation();
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_mut(uri)
            .map(|d| {
                d.used = used;
                Snapshot {
                    text: Arc::clone(&d.text),
                    analysis: d.analysis.clone(),
                }
            })
    }

    /// Lets go of the checks of all but the [`RETAINED`] documents used last
    /// (`current`, being checked, counts as one of them), returned to be freed.
    pub(crate) fn let_go(&self, current: &Uri) -> Vec<Arc<Analysis>> {
        let mut docs = self
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let held: Vec<(u64, Uri)> = docs
            .iter()
            .filter(|(uri, d)| {
                *uri != current
                    && d.analysis
                        .as_ref()
                        .is_some_and(|a| a.report.get().is_some())
            })
            .map(|(uri, d)| (d.used, uri.clone()))
            .collect();
        let older = past_retained(held);
        let mut freed = Vec::with_capacity(older.len());
        for uri in older {
            let Some(doc) = docs.get_mut(&uri) else {
                continue;
            };
            let lighter = doc.analysis.as_ref().and_then(|a| a.without_check());
            if let Some(lighter) = lighter {
                freed.extend(doc.analysis.replace(Arc::new(lighter)));
            }
        }
        freed
    }

    /// Forgets every analysis: the configuration or the settings changed, so a check
    /// of the same text may find other things. A check still running gets a stale
    /// generation and is dropped.
    pub(crate) fn invalidate_all(&self) {
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
    pub(crate) fn project_config(&self, uri: &Uri) -> Option<Arc<ProjectConfig>> {
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
    pub(crate) async fn tell_unreadable(&self) {
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
    pub(crate) fn config_of(&self, uri: &Uri) -> Arc<ProjectConfig> {
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
    pub(crate) fn format_of(&self, uri: &Uri, text: &str) -> Option<Format> {
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
    pub(crate) async fn reload_configs(&self) {
        self.configs.clear();
        *self
            .unreadable
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Default::default();
        self.invalidate_all();
        self.recheck_all().await;
    }

    /// Checks every open document again, publishing even an unchanged version.
    pub(crate) async fn recheck_all(&self) {
        let open: Vec<Uri> = self
            .documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect();
        self.published.lock().await.clear();
        for uri in open {
            self.publish(uri, true).await;
        }
    }

    /// Replaces the settings and checks every open document again.
    pub(crate) async fn configure(&self, value: &serde_json::Value) {
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
    pub(crate) fn report(&self, uri: &Uri) -> Option<Report> {
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

    pub(crate) fn encoding(&self) -> Encoding {
        *self.encoding.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks `uri` in the background, so the notification handler returns at once
    /// and the next change is applied without waiting for this check. `opened`:
    /// the document was just opened (not edited), see [`crate::after_check`].
    pub(crate) fn spawn_publish(&self, uri: Uri, opened: bool) {
        let this = self.clone();
        tokio::spawn(async move { this.publish(uri, opened).await });
    }

    /// Checks the current generation of `uri` on a blocking thread, keeps the result
    /// for requests and publishes it, unless the document changed meanwhile.
    pub(crate) async fn publish(&self, uri: Uri, opened: bool) {
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
        // The result is sent before the thread's memory is given back
        // ([`crate::checked`], which must run on the thread that allocated): the
        // diagnostics are published meanwhile, not after it.
        let (done_tx, done_rx) = tokio::sync::oneshot::channel();
        let worker = tokio::task::spawn_blocking(move || {
            // Queued behind other work while the user typed on: skip a check nobody
            // will see.
            if !this.is_current(&target, generation) {
                return;
            }
            let done = this.analyse(&target, &text);
            let _ = done_tx.send(done);
            drop(this.let_go(&target));
            crate::checked(opened);
        });
        let computed = match done_rx.await {
            Ok(done) => Ok(Some(done)),
            // Sent nothing: skipped (`Ok`), or the check panicked (its error).
            Err(_) => worker.await.map(|()| None),
        };
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
        let mut published = self.published.lock().await;
        // Closed or changed while this check waited for the lock: a newer check (or
        // the close) has the last word.
        if !self.is_current(&uri, generation)
            || published.get(&uri).is_some_and(|&last| last >= version)
        {
            return;
        }
        published.insert(uri.clone(), version);
        self.client
            .publish_diagnostics(uri, diagnostics, Some(version))
            .await;
        drop(published);
    }

    /// Whether `generation` is still that of the open document `uri`.
    pub(crate) fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    /// Checks one text of `uri` (blocking work): its analysis and its LSP diagnostics.
    pub(crate) fn analyse(&self, uri: &Uri, text: &str) -> (Analysis, Vec<Diagnostic>) {
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
        let report = OnceLock::new();
        let diagnostics = match format {
            Some(format) => {
                let checked = retrospec_check::Analysis::new(text, format, &config.config);
                let diagnostics = lsp(checked.diagnostics());
                let _ = report.set(Arc::new(checked));
                diagnostics
            }
            None if is_config(uri) => lsp(&Config::parse(text).1),
            None => Vec::new(),
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

/// Of the documents holding a check (`(used, document)`, the one being checked
/// not among them), those past the [`RETAINED`] used last (that one counted).
fn past_retained<K>(mut held: Vec<(u64, K)>) -> Vec<K> {
    if held.len() < RETAINED {
        return Vec::new();
    }
    held.sort_unstable_by_key(|&(used, _)| std::cmp::Reverse(used));
    held.drain(RETAINED - 1..).map(|(_, k)| k).collect()
}

/// An open report as a request sees it.
#[derive(Debug)]
pub(crate) struct Report {
    pub(crate) snapshot: Snapshot,
    pub(crate) format: Format,
    pub(crate) config: Arc<ProjectConfig>,
    pub(crate) encoding: Encoding,
}

impl Report {
    pub(crate) fn text(&self) -> &str {
        &self.snapshot.text
    }

    /// A converter for the text, with the analysis's line index when there is one.
    pub(crate) fn converter(&self) -> Converter<'_> {
        match &self.snapshot.analysis {
            Some(analysis) => {
                Converter::with_lines(self.text(), analysis.lines(self.text()), self.encoding)
            }
            None => Converter::new(self.text(), self.encoding),
        }
    }

    /// The analysis of this text: the stored one when its check is done (checked
    /// again and kept when it was let go, see [`RETAINED`]), else a new one, which
    /// computes only what the request asks for.
    pub(crate) fn analysis(&self) -> Arc<retrospec_check::Analysis> {
        let new = || {
            Arc::new(retrospec_check::Analysis::new(
                self.text(),
                self.format,
                &self.config.config,
            ))
        };
        match &self.snapshot.analysis {
            Some(analysis) => Arc::clone(analysis.report.get_or_init(new)),
            None => new(),
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
        // Markdown or text without front matter counts when it looks like a
        // postmortem (a title and a timeline or root cause), as in `retrospec check DIR`.
        Format::Markdown => has_front_matter(text) || looks_like_postmortem(text),
        Format::Yaml | Format::Json => {
            let name = uri.rsplit('/').next().unwrap_or(uri);
            text.contains(retrospec_model::schema::SCHEMA_ID)
                || name.contains(".postmortem.")
                || uri.contains("/postmortems/")
        }
    };
    relevant.then_some(format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_used_last_keep_their_checks() {
        let few: Vec<(u64, u32)> = (0..RETAINED as u64 - 1).map(|t| (t, t as u32)).collect();
        assert!(
            past_retained(few).is_empty(),
            "with the one checked: RETAINED"
        );
        // Ticks out of order: the oldest ones go, whatever their place.
        let many: Vec<(u64, u32)> = (0..RETAINED as u64 + 2)
            .map(|t| ((t * 7) % (RETAINED as u64 + 2), t as u32))
            .collect();
        let mut gone: Vec<u64> = past_retained(many.clone())
            .into_iter()
            .filter_map(|k| many.iter().find(|(_, d)| *d == k).map(|(t, _)| *t))
            .collect();
        gone.sort_unstable();
        assert_eq!(gone, [0, 1, 2]);
    }
}
