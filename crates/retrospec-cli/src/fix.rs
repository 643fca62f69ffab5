//! `check --fix` and `--diff`: the core computes the fixed text; this module
//! shows it or writes it (through [`crate::write`]), atomically and only when asked.

use std::path::Path;

/// The atomic write lives in [`crate::write`], shared by every command that writes.
pub use crate::write::write_atomically;

/// A unified diff of `old` to `new` for `path`.
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = crate::escape::path(path).to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
