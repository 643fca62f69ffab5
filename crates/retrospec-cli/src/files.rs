//! Finding the files to check.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use retrospec_check::Format;
use retrospec_check::parse::freeform::looks_like_postmortem;
use retrospec_check::parse::markdown::has_front_matter;
use retrospec_check::resolve::{Resolver, Strategy};
use retrospec_fs::OsFs;

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

/// What `check` and `report` start from: the configurations (`--no-config`, `--config
/// FILE`, or the nearest `retrospec.toml` of each file) and the targets under `paths`
/// (the current directory when none are given). A `--config` that cannot be read is
/// printed and is exit code 2.
pub fn gather(
    paths: &[PathBuf],
    no_config: bool,
    config: Option<&Path>,
) -> Result<(Configs, Vec<Target>), ExitCode> {
    let configs = if no_config {
        Configs::defaults()
    } else if let Some(path) = config {
        match Configs::fixed(path) {
            Ok(configs) => configs,
            Err((path, e)) => {
                eprintln!(
                    "retrospec: {}: cannot read the configuration: {e}",
                    crate::escape::path(&path)
                );
                return Err(ExitCode::from(2));
            }
        }
    } else {
        Configs::discover()
    };
    let targets = if paths.is_empty() {
        collect(&[PathBuf::from(".")])
    } else {
        collect(paths)
    };
    Ok((configs, targets))
}

/// A file to read, with the configuration that applies to it.
#[derive(Debug)]
pub struct Selected<'t> {
    pub path: &'t Path,
    pub format: Format,
    /// Named on the command line (not found in a directory).
    pub explicit: bool,
    pub config: Option<Arc<LoadedConfig>>,
}

/// The file `target` names and its configuration; `None` for a problem, or for a
/// file found in a directory that its configuration's `files` does not select. The
/// error is a configuration that cannot be read.
pub fn select<'t>(
    configs: &Configs,
    target: &'t Target,
) -> Result<Option<Selected<'t>>, (PathBuf, String)> {
    let Target::File {
        path,
        format,
        explicit,
    } = target
    else {
        return Ok(None);
    };
    let config = configs.for_file(path)?;
    if !*explicit && config.as_ref().is_some_and(|c| !configs.selects(c, path)) {
        return Ok(None);
    }
    Ok(Some(Selected {
        path,
        format: *format,
        explicit: *explicit,
        config,
    }))
}

/// The files under `paths`: named files as they are, directories walked with
/// .gitignore honoured, in a stable (sorted) order.
///
/// Only a directory builds the `ignore` walker: building one reads the global
/// gitignore (through `~/.gitconfig`), about 1.3 M instructions of a one-file
/// check's 49 M. A named file is checked whatever
/// a .gitignore says (explicit paths win), so naming files, as pre-commit does,
/// reads no ignore file at all.
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

/// How many files a directory walk left out because they do not look like
/// postmortems, and the first few of them, in path order: the one note `check`
/// and `report` print on stderr, so a report written in an unusual shape is not
/// left out silently.
pub fn skipped_note(paths: &mut [PathBuf]) -> Option<String> {
    const NAMED: usize = 5;
    paths.sort();
    let names: Vec<String> = paths
        .iter()
        .take(NAMED)
        .map(|p| crate::escape::path(p))
        .collect();
    let more = if paths.len() > NAMED { ", ..." } else { "" };
    match paths.len() {
        0 => None,
        1 => Some(format!(
            "skipped 1 file that does not look like a postmortem: {} (name it to check it anyway)",
            names[0]
        )),
        n => Some(format!(
            "skipped {n} files that do not look like postmortems: {}{more} (name one to check it anyway)",
            names.join(", ")
        )),
    }
}

pub use retrospec_check::resolve::{CONFIG_FILE, ProjectConfig as LoadedConfig};

/// Which configuration applies to each report: the resolver the language server
/// uses too (`retrospec_check::resolve`), reading through [`retrospec_fs::OsFs`].
#[derive(Debug)]
pub struct Configs {
    resolver: Resolver<OsFs>,
    /// The `--config` file, read before any report.
    forced: Option<Arc<LoadedConfig>>,
}

/// What the resolver found: the configuration, or the path and error of one that
/// could not be read.
pub type Found = Result<Option<Arc<LoadedConfig>>, (PathBuf, String)>;

impl Configs {
    /// The nearest `retrospec.toml` walking up from each report, cached per directory.
    pub fn discover() -> Configs {
        Configs::with(Strategy::Hierarchical)
    }

    /// `--no-config`: the defaults.
    pub fn defaults() -> Configs {
        Configs::with(Strategy::Defaults)
    }

    /// `--config PATH`: one configuration for every file, read now, so an unreadable
    /// one stops the command before any report is read.
    pub fn fixed(path: &Path) -> Result<Configs, (PathBuf, String)> {
        let mut configs = Configs::with(Strategy::Fixed(path.to_path_buf()));
        configs.forced = configs.for_file(path)?;
        Ok(configs)
    }

    fn with(strategy: Strategy) -> Configs {
        Configs {
            resolver: Resolver::new(OsFs, strategy, std::env::current_dir().ok()),
            forced: None,
        }
    }

    /// The `--config` file, when one was given.
    pub fn forced(&self) -> Option<&Arc<LoadedConfig>> {
        self.forced.as_ref()
    }

    /// The configuration for the report at `file`.
    pub fn for_file(&self, file: &Path) -> Found {
        self.resolver
            .for_file(file)
            .map_err(|u| (u.path, u.message))
    }

    /// Whether a file found in a directory walk is selected by the `files` globs
    /// of `loaded` (every file is, without `files`).
    pub fn selects(&self, loaded: &LoadedConfig, file: &Path) -> bool {
        self.resolver.selects(loaded, file).unwrap_or(true)
    }
}
