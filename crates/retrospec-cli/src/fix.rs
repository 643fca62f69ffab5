//! `check --fix` and `--diff`: the core computes the fixed text; this module
//! shows it or writes it, atomically and only when asked.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `new` over `path` by writing a temporary file beside it and renaming it
/// over the original, keeping the original's permissions. Refuses when the file no
/// longer holds `old` (it changed since it was read), so no one's edit is lost.
pub fn write_atomically(path: &Path, old: &str, new: &str) -> io::Result<()> {
    let current = fs::read(path)?;
    if current != old.as_bytes() {
        return Err(io::Error::other(
            "the file changed since it was read; not written",
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let temp = dir.join(format!(".{name}.retrospec-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(new.as_bytes())?;
        file.sync_all()?;
        fs::set_permissions(&temp, fs::metadata(path)?.permissions())?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A unified diff of `old` to `new` for `path`.
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
