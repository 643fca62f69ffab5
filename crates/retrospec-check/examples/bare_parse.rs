//! The floor for `retrospec check`: read every report under the given directories
//! and parse it with the same parsers (spanned tree only: no schema, no model, no
//! rules), in parallel like the CLI. `bench/run.sh` times it beside the full check.
//!
//! ```sh
//! cargo build --release -p retrospec-check --example bare_parse
//! target/release/examples/bare_parse target/bench-corpus/1k/yaml
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use retrospec_check::parse::{self, Format};

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Format)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        if let Some(format) = Format::from_path(dir) {
            out.push((dir.to_path_buf(), format));
        }
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if let Some(format) = Format::from_path(&path) {
            out.push((path, format));
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        walk(Path::new(&arg), &mut files);
    }
    let parsed = files
        .par_iter()
        .filter(|(path, format)| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            parse::parse(&text, *format, &mut Vec::new()).is_some()
        })
        .count();
    println!("parsed {parsed} of {} files", files.len());
}
