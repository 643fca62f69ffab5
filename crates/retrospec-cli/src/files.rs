//! Finding the files to check.

use std::path::{Path, PathBuf};

use retrospec_check::Format;
use retrospec_check::parse::markdown::has_front_matter;

/// A file to check, or why a named path cannot be.
#[derive(Debug)]
pub enum Target {
    /// A report file and its form.
    File {
        path: PathBuf,
        format: Format,
        explicit: bool,
    },
    /// A path the user named that cannot be checked.
    Problem { path: PathBuf, message: String },
}

/// The files under `paths`: named files as they are, directories walked with
/// .gitignore honoured, in a stable (sorted) order.
pub fn collect(paths: &[PathBuf]) -> Vec<Target> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).build().flatten() {
                let p = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file())
                    && let Some(format) = Format::from_path(p)
                {
                    found.push(Target::File {
                        path: p.to_path_buf(),
                        format,
                        explicit: false,
                    });
                }
            }
            found.sort_by(|a, b| path_of(a).cmp(path_of(b)));
            out.extend(found);
        } else if path.exists() {
            match Format::from_path(path) {
                Some(format) => out.push(Target::File {
                    path: path.clone(),
                    format,
                    explicit: true,
                }),
                None => out.push(Target::Problem {
                    path: path.clone(),
                    message:
                        "not a report: retrospec checks .md, .markdown, .yaml, .yml and .json files"
                            .into(),
                }),
            }
        } else {
            out.push(Target::Problem {
                path: path.clone(),
                message: "no such file or directory".into(),
            });
        }
    }
    out
}

fn path_of(t: &Target) -> &Path {
    match t {
        Target::File { path, .. } | Target::Problem { path, .. } => path,
    }
}

/// Whether a Markdown file found in a directory walk is a report.
pub fn is_report(format: Format, text: &str, explicit: bool) -> bool {
    explicit || format != Format::Markdown || has_front_matter(text)
}
