//! Which `retrospec.toml` applies to a report: one resolver for the command line
//! and the language server, so both find, read and report configurations the same
//! way (modelled on ruff's workspace resolver: a fixed file, or the nearest one
//! walking up from the report).
//!
//! The core does no I/O: the resolver reaches the disk through [`FileSystem`],
//! which the edges implement (`retrospec-fs`) and tests replace with a map.
//!
//! - **Fixed** (`check --config PATH`): that file for every report.
//! - **Hierarchical**: the nearest `retrospec.toml` in the report's directory or
//!   above it. The report's path is resolved first (absolute, `..` and symbolic
//!   links), so a link to a report is checked under the configuration beside the
//!   report it points to, and walking up visits the real parent directories. The
//!   answer is cached per directory.
//! - **Defaults** (`--no-config`): no file.
//!
//! A `retrospec.toml` that exists but cannot be read (permissions, not a regular
//! file, over [`MAX_CONFIG_SIZE`], not UTF-8, a dangling link) is an
//! [`Unreadable`] answer, never silently skipped: the command line prints it and
//! exits 2, the language server shows it to the user.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::config::Config;
use crate::diagnostic::Diagnostic;

/// The name of the configuration file looked for beside reports and above them.
pub const CONFIG_FILE: &str = "retrospec.toml";

/// The largest `retrospec.toml` read, in bytes (1 MiB; a full one is under 4 KiB).
/// A configuration cannot raise this: it is read before its limits are known.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// The file-system access the resolver needs, implemented at the edges.
pub trait FileSystem {
    /// The absolute path with `..` and symbolic links resolved (the absolute path as
    /// given when it cannot be resolved, for example a file not yet saved).
    fn canonicalize(&self, path: &Path) -> PathBuf;
    /// Whether anything (a file, a directory, a link, even a dangling one) is at `path`.
    fn exists(&self, path: &Path) -> bool;
    /// The text of the regular file at `path`, of at most `cap` bytes, as UTF-8;
    /// an error for anything else (never blocks on a FIFO, never reads past `cap`).
    fn read_text(&self, path: &Path, cap: u64) -> io::Result<String>;
}

/// A `retrospec.toml`, read and parsed.
#[derive(Debug)]
pub struct ProjectConfig {
    /// Where it is, as shown to the user (relative to the base directory the
    /// resolver was given when it is below it).
    pub path: PathBuf,
    /// Its directory, absolute and resolved: `files` globs are relative to it.
    pub dir: PathBuf,
    /// Its text, for rendering its diagnostics.
    pub text: String,
    /// What it says (defaults in place of mistakes).
    pub config: Config,
    /// Its mistakes, located in `text`.
    pub diagnostics: Vec<Diagnostic>,
    files: Option<globset::GlobSet>,
}

impl ProjectConfig {
    /// Parses `text`, the configuration at `path` in the directory `dir`.
    pub fn new(path: PathBuf, dir: PathBuf, text: String) -> ProjectConfig {
        let (config, diagnostics) = Config::parse(&text);
        ProjectConfig {
            path,
            dir,
            files: config.files_matcher(),
            text,
            config,
            diagnostics,
        }
    }

    /// Whether the `files` globs select the file at `absolute` (resolved, see
    /// [`FileSystem::canonicalize`]); `None` when the configuration has no `files`.
    pub fn selects(&self, absolute: &Path) -> Option<bool> {
        let files = self.files.as_ref()?;
        Some(
            absolute
                .strip_prefix(&self.dir)
                .is_ok_and(|relative| files.is_match(relative)),
        )
    }
}

/// A configuration that exists but could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The file, as shown to the user.
    pub path: PathBuf,
    /// Why (the system's message, or ours for a file that is not regular or too large).
    pub message: String,
}

/// What the resolver found for a report: a configuration, none (the defaults),
/// or one that could not be read.
pub type Found = Result<Option<Arc<ProjectConfig>>, Unreadable>;

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    /// This file, for every report.
    Fixed(PathBuf),
    /// The nearest `retrospec.toml` walking up from each report.
    Hierarchical,
    /// None: the defaults.
    Defaults,
}

/// Finds and reads the configuration of each report, once per directory.
#[derive(Debug)]
pub struct Resolver<F> {
    fs: F,
    strategy: Strategy,
    /// Paths below this directory are shown relative to it.
    base: Option<PathBuf>,
    /// The fixed configuration once read, or per directory the nearest one.
    cache: Mutex<HashMap<PathBuf, Found>>,
}

impl<F: FileSystem> Resolver<F> {
    /// A resolver with an empty cache; `base` (the working directory) shortens the
    /// paths shown for configurations below it.
    pub fn new(fs: F, strategy: Strategy, base: Option<PathBuf>) -> Self {
        Resolver {
            fs,
            strategy,
            base,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The file system it reads through.
    pub fn fs(&self) -> &F {
        &self.fs
    }

    /// Forgets every configuration read (one changed on disk).
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The configuration for the report at `file`.
    pub fn for_file(&self, file: &Path) -> Found {
        match &self.strategy {
            Strategy::Defaults => Ok(None),
            Strategy::Fixed(path) => {
                if let Some(hit) = self.lock().get(path) {
                    return hit.clone();
                }
                let found = self.load(path, path.clone()).map(Some);
                self.lock().insert(path.clone(), found.clone());
                found
            }
            Strategy::Hierarchical => {
                let absolute = self.fs.canonicalize(file);
                let Some(start) = absolute.parent() else {
                    return Ok(None);
                };
                let mut visited = Vec::new();
                let mut found = Ok(None);
                for dir in start.ancestors() {
                    if let Some(hit) = self.lock().get(dir) {
                        found = hit.clone();
                        break;
                    }
                    visited.push(dir.to_path_buf());
                    let candidate = dir.join(CONFIG_FILE);
                    if self.fs.exists(&candidate) {
                        found = self.load(&candidate, self.shown(&candidate)).map(Some);
                        break;
                    }
                }
                let mut cache = self.lock();
                for dir in visited {
                    cache.entry(dir).or_insert_with(|| found.clone());
                }
                found
            }
        }
    }

    /// Whether the configuration's `files` globs select the report at `file`
    /// (`None` without `files`).
    pub fn selects(&self, config: &ProjectConfig, file: &Path) -> Option<bool> {
        config.selects(&self.fs.canonicalize(file))
    }

    fn load(&self, path: &Path, shown: PathBuf) -> Result<Arc<ProjectConfig>, Unreadable> {
        let text = self
            .fs
            .read_text(path, MAX_CONFIG_SIZE)
            .map_err(|e| Unreadable {
                path: shown.clone(),
                message: e.to_string(),
            })?;
        let absolute = self.fs.canonicalize(path);
        let dir = absolute
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        Ok(Arc::new(ProjectConfig::new(shown, dir, text)))
    }

    /// `path` relative to the base directory when it is below it.
    fn shown(&self, path: &Path) -> PathBuf {
        self.base
            .as_deref()
            .and_then(|base| path.strip_prefix(base).ok())
            .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Found>> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file system in memory: paths to texts (`Err` for a file that cannot be
    /// read), and links from one path to another.
    #[derive(Default)]
    struct MemFs {
        files: HashMap<PathBuf, Result<String, String>>,
        links: HashMap<PathBuf, PathBuf>,
        reads: Mutex<usize>,
    }

    impl FileSystem for MemFs {
        fn canonicalize(&self, path: &Path) -> PathBuf {
            let mut out = PathBuf::new();
            for part in path.components() {
                out.push(part);
                if let Some(target) = self.links.get(&out) {
                    out = target.clone();
                }
            }
            out
        }
        fn exists(&self, path: &Path) -> bool {
            self.files.contains_key(path) || self.links.contains_key(path)
        }
        fn read_text(&self, path: &Path, _cap: u64) -> io::Result<String> {
            *self.reads.lock().unwrap_or_else(PoisonError::into_inner) += 1;
            match self.files.get(&self.canonicalize(path)) {
                Some(Ok(text)) => Ok(text.clone()),
                Some(Err(e)) => Err(io::Error::other(e.clone())),
                None => Err(io::Error::from(io::ErrorKind::NotFound)),
            }
        }
    }

    fn fs(files: &[(&str, Result<&str, &str>)], links: &[(&str, &str)]) -> MemFs {
        MemFs {
            files: files
                .iter()
                .map(|(p, t)| {
                    (
                        PathBuf::from(p),
                        t.map(str::to_string).map_err(str::to_string),
                    )
                })
                .collect(),
            links: links
                .iter()
                .map(|(a, b)| (PathBuf::from(a), PathBuf::from(b)))
                .collect(),
            reads: Mutex::new(0),
        }
    }

    fn zone(found: &Found) -> Option<String> {
        found
            .as_ref()
            .ok()
            .and_then(Option::as_ref)
            .and_then(|c| c.config.timezone.clone())
    }

    #[test]
    fn the_nearest_configuration_wins_and_is_read_once_per_directory() {
        let resolver = Resolver::new(
            fs(
                &[
                    ("/r/retrospec.toml", Ok("timezone = \"UTC\"\n")),
                    ("/r/a/b/retrospec.toml", Ok("timezone = \"Europe/Paris\"\n")),
                ],
                &[],
            ),
            Strategy::Hierarchical,
            Some(PathBuf::from("/r")),
        );
        let found = resolver.for_file(Path::new("/r/a/b/c/x.md"));
        assert_eq!(zone(&found).as_deref(), Some("Europe/Paris"));
        assert_eq!(
            found
                .as_ref()
                .ok()
                .and_then(Option::as_ref)
                .map(|c| c.path.clone()),
            Some(PathBuf::from("a/b/retrospec.toml"))
        );
        assert_eq!(
            zone(&resolver.for_file(Path::new("/r/a/y.md"))).as_deref(),
            Some("UTC")
        );
        resolver.for_file(Path::new("/r/a/b/c/z.md")).ok();
        resolver.for_file(Path::new("/r/a/z.md")).ok();
        assert_eq!(*resolver.fs().reads.lock().expect("reads"), 2);
        assert!(
            resolver
                .for_file(Path::new("/elsewhere/x.md"))
                .is_ok_and(|c| c.is_none())
        );
    }

    #[test]
    fn a_link_to_a_report_uses_the_configuration_beside_its_target() {
        let resolver = Resolver::new(
            fs(
                &[("/real/retrospec.toml", Ok("timezone = \"Asia/Tokyo\"\n"))],
                &[("/elsewhere/x.md", "/real/x.md")],
            ),
            Strategy::Hierarchical,
            None,
        );
        assert_eq!(
            zone(&resolver.for_file(Path::new("/elsewhere/x.md"))).as_deref(),
            Some("Asia/Tokyo")
        );
    }

    #[test]
    fn an_unreadable_configuration_is_an_answer_not_a_skip() {
        let resolver = Resolver::new(
            fs(
                &[
                    ("/r/retrospec.toml", Ok("timezone = \"UTC\"\n")),
                    ("/r/a/retrospec.toml", Err("Permission denied")),
                ],
                &[],
            ),
            Strategy::Hierarchical,
            None,
        );
        let found = resolver.for_file(Path::new("/r/a/x.md"));
        assert_eq!(
            found.err(),
            Some(Unreadable {
                path: PathBuf::from("/r/a/retrospec.toml"),
                message: "Permission denied".into()
            })
        );
        // The same answer for every report below it, not the configuration above.
        assert!(resolver.for_file(Path::new("/r/a/b/y.md")).is_err());
    }

    #[test]
    fn fixed_and_defaults() {
        let files = [(
            "/c/team.toml",
            Ok("timezone = \"UTC\"\n[limits]\nmax-depth = 3\n"),
        )];
        let fixed = Resolver::new(
            fs(&files, &[]),
            Strategy::Fixed(PathBuf::from("/c/team.toml")),
            None,
        );
        for report in ["/a/x.md", "/b/y.md"] {
            let found = fixed.for_file(Path::new(report));
            assert_eq!(zone(&found).as_deref(), Some("UTC"));
        }
        assert_eq!(*fixed.fs().reads.lock().expect("reads"), 1);
        let missing = Resolver::new(
            fs(&[], &[]),
            Strategy::Fixed(PathBuf::from("/c/none.toml")),
            None,
        );
        assert!(missing.for_file(Path::new("/a/x.md")).is_err());
        let defaults = Resolver::new(fs(&files, &[]), Strategy::Defaults, None);
        assert!(
            defaults
                .for_file(Path::new("/c/x.md"))
                .is_ok_and(|c| c.is_none())
        );
    }

    #[test]
    fn files_globs_are_relative_to_the_configuration() {
        let resolver = Resolver::new(
            fs(
                &[("/r/retrospec.toml", Ok("files = [\"incidents/*.json\"]\n"))],
                &[("/r/link.json", "/r/incidents/a.json")],
            ),
            Strategy::Hierarchical,
            None,
        );
        let config = resolver
            .for_file(Path::new("/r/incidents/a.json"))
            .ok()
            .flatten()
            .expect("found");
        assert_eq!(
            resolver.selects(&config, Path::new("/r/incidents/a.json")),
            Some(true)
        );
        assert_eq!(
            resolver.selects(&config, Path::new("/r/other.json")),
            Some(false)
        );
        assert_eq!(
            resolver.selects(&config, Path::new("/r/link.json")),
            Some(true)
        );
    }
}
