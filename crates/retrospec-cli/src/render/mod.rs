//! Rendering at the edge: miette reports for people; JSON, SARIF, GitHub
//! workflow commands and JUnit XML for tools. Byte spans become lines and
//! columns only here.
//!
//! One module per output format: `human` (miette), `json`, `sarif`, `github`
//! (workflow commands), `junit`; `explain` is `retrospec rules` and `explain`.

use std::path::Path;

use retrospec_check::Diagnostic;
use retrospec_check::registry;

mod explain;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

pub use explain::{explain, rules};
pub use github::github;
pub use human::{Totals, findings, human};
pub use json::json;
pub use junit::junit;
pub use sarif::sarif;

/// The short text under the primary span.
fn label_for(d: &Diagnostic) -> String {
    registry::lookup(d.code).map_or_else(|| d.code.to_string(), |c| c.name.to_string())
}

/// A path for CI tools: forward slashes, no leading `./` (as GitHub and JUnit
/// viewers match paths against the repository's).
fn tool_path(path: &Path) -> String {
    let path = path.strip_prefix(".").unwrap_or(path);
    path.display().to_string().replace('\\', "/")
}
