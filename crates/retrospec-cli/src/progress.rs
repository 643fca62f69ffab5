//! A progress bar on stderr for long runs of `check`: only when stderr is a terminal
//! and there are more than [`THRESHOLD`] files, so piped output and CI logs never
//! see it.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs with more files than this show a bar.
pub const THRESHOLD: usize = 200;

/// A bar for `total` files: drawn on stderr when it is a terminal and the run is long,
/// hidden (every call a no-op) otherwise.
pub fn for_files(total: usize) -> ProgressBar {
    bar(total, std::io::stderr().is_terminal())
}

/// Whether a run of `total` files shows a bar.
fn shows(total: usize, terminal: bool) -> bool {
    terminal && total > THRESHOLD
}

fn bar(total: usize, terminal: bool) -> ProgressBar {
    if !shows(total, terminal) {
        return ProgressBar::hidden();
    }
    // indicatif also hides a stderr target that is not a terminal.
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("checking {bar:40} {pos}/{len} files {eta}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_runs_on_a_terminal_show_a_bar() {
        assert!(shows(THRESHOLD + 1, true));
        assert!(!shows(THRESHOLD, true));
        assert!(!shows(THRESHOLD + 1, false));
        assert!(bar(THRESHOLD + 1, false).is_hidden());
        assert!(bar(THRESHOLD, true).is_hidden());
    }
}
