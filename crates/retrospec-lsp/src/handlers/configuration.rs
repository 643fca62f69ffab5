//! Changes to the client's settings and to `retrospec.toml` on disk.

use tower_lsp_server::ls_types::{DidChangeConfigurationParams, DidChangeWatchedFilesParams};

use crate::server::Backend;
use crate::server::is_config;

pub(crate) async fn did_change_configuration(
    backend: &Backend,
    params: DidChangeConfigurationParams,
) {
    backend.configure(&params.settings).await;
}

pub(crate) async fn did_change_watched_files(
    backend: &Backend,
    params: DidChangeWatchedFilesParams,
) {
    if params.changes.iter().any(|c| is_config(&c.uri)) {
        backend.reload_configs().await;
    }
}
