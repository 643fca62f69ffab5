//! One file per handler (after taplo-lsp's `handlers/`): each takes the server
//! state and the request's parameters. The routing table is the
//! `LanguageServer` implementation in `lib.rs`.

use tower_lsp_server::jsonrpc::Result;

pub(crate) mod code_action;
pub(crate) mod completion;
pub(crate) mod configuration;
pub(crate) mod documents;
pub(crate) mod hover;
pub(crate) mod inlay_hints;
pub(crate) mod lifecycle;
pub(crate) mod symbols;

/// Runs core work so that a panic (a bug) becomes an error response for this one
/// request instead of taking the server down.
pub(crate) fn guard<T>(work: impl FnOnce() -> T) -> Result<T> {
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
pub(crate) fn test_panic(text: &str) {
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
