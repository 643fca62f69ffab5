//! Finding the files to check.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use retrospec_check::parse::freeform::looks_like_postmortem;
use retrospec_check::parse::markdown::has_front_matter;
use retrospec_check::{Config, Diagnostic, Format};

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
                        "not a report: retrospec checks .md, .markdown, .txt, .yaml, .yml and .json files"
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

/// Whether a Markdown or text file found in a directory walk is a report: it has
/// front matter, or it looks like a postmortem written without it (a title and a
/// timeline or root-cause section). A file named explicitly always is.
pub fn is_report(format: Format, text: &str, explicit: bool) -> bool {
    explicit || format != Format::Markdown || has_front_matter(text) || looks_like_postmortem(text)
}

/// The name of the configuration file looked for next to reports and above them.
pub const CONFIG_FILE: &str = "retrospec.toml";

/// A `retrospec.toml`, read and parsed.
#[derive(Debug)]
pub struct LoadedConfig {
    /// Where it is.
    pub path: PathBuf,
    /// Its directory (absolute): `files` globs are relative to it.
    pub dir: PathBuf,
    /// Its text, for rendering its diagnostics.
    pub text: String,
    /// What it says (defaults in place of mistakes).
    pub config: Config,
    /// Its mistakes, located in `text`.
    pub diagnostics: Vec<Diagnostic>,
    files: Option<globset::GlobSet>,
}

impl LoadedConfig {
    /// Reads and parses the configuration at `path`.
    pub fn load(path: &Path) -> std::io::Result<LoadedConfig> {
        let text = std::fs::read_to_string(path)?;
        let (config, diagnostics) = Config::parse(&text);
        let absolute = real(path)?;
        let dir = absolute
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        Ok(LoadedConfig {
            path: path.to_path_buf(),
            dir,
            files: config.files_matcher(),
            text,
            config,
            diagnostics,
        })
    }

    /// Whether a file found in a directory walk is selected by `files`.
    pub fn selects(&self, file: &Path) -> bool {
        let Some(files) = &self.files else {
            return true;
        };
        let Ok(absolute) = real(file) else {
            return false;
        };
        absolute
            .strip_prefix(&self.dir)
            .is_ok_and(|relative| files.is_match(relative))
    }
}

/// Which configuration applies to a report.
#[derive(Debug)]
pub enum Configs {
    /// The nearest `retrospec.toml` walking up from each file's directory,
    /// cached per directory.
    Discover(Mutex<HashMap<PathBuf, Option<Arc<LoadedConfig>>>>),
    /// `--config PATH`: one configuration for every file.
    Forced(Arc<LoadedConfig>),
    /// `--no-config`: the defaults.
    Defaults,
}

/// What discovery found: the configuration, or the path and error of one that
/// could not be read.
pub type Found = Result<Option<Arc<LoadedConfig>>, (PathBuf, String)>;

impl Configs {
    /// Discovery with an empty cache.
    pub fn discover() -> Configs {
        Configs::Discover(Mutex::new(HashMap::new()))
    }

    /// The configuration for the report at `file`.
    pub fn for_file(&self, file: &Path) -> Found {
        match self {
            Configs::Forced(loaded) => Ok(Some(Arc::clone(loaded))),
            Configs::Defaults => Ok(None),
            Configs::Discover(cache) => {
                let absolute = real(file).map_err(|e| (file.to_path_buf(), e.to_string()))?;
                let Some(start) = absolute.parent() else {
                    return Ok(None);
                };
                let mut visited = Vec::new();
                let mut found = None;
                for dir in start.ancestors() {
                    if let Some(hit) = lock(cache).get(dir) {
                        found = hit.clone();
                        break;
                    }
                    visited.push(dir.to_path_buf());
                    let candidate = dir.join(CONFIG_FILE);
                    if candidate.is_file() {
                        // Shown relative to the working directory when it is below it.
                        let candidate = std::env::current_dir()
                            .ok()
                            .and_then(|cwd| candidate.strip_prefix(cwd).ok().map(Path::to_path_buf))
                            .unwrap_or(candidate);
                        let loaded = LoadedConfig::load(&candidate)
                            .map_err(|e| (candidate.clone(), e.to_string()))?;
                        found = Some(Arc::new(loaded));
                        break;
                    }
                }
                let mut cache = lock(cache);
                for dir in visited {
                    cache.entry(dir).or_insert_with(|| found.clone());
                }
                Ok(found)
            }
        }
    }
}

/// The absolute path with `..` and symbolic links resolved, so that walking up
/// visits the real parent directories (`std::path::absolute` keeps `..`).
fn real(path: &Path) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(path).or_else(|_| std::path::absolute(path))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
