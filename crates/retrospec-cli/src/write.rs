//! Every file retrospec writes goes through here: `check --fix`, `fmt`, `convert -o`
//! and `new PATH`. Writes are atomic (a temporary file in the same directory, then a
//! rename or link), never lose an edit made since the file was read, never overwrite
//! a file unless asked, and never write a report that would not parse.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use retrospec_check::Format;

/// Writes `new` over `path` by writing a temporary file beside it and renaming it
/// over the original, keeping the original's permissions, owner and group. Refuses
/// when the file no longer holds `old` (it changed since it was read), so no one's
/// edit is lost.
///
/// A symbolic link is written through: the path is resolved first and the file it
/// points to is replaced (the temporary file beside it), so the link stays a link.
/// A file with more than one hard link is refused (replacing it would leave the
/// other names with the old text), and so is a file the user cannot write (no
/// write permission bit, as with 0444, even for root who could rename over it).
pub fn write_atomically(path: &Path, old: &str, new: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let meta = writable(&target)?;
    // Bounded: a file that grew past what was read has changed, whatever its size.
    let current = match retrospec_fs::read_capped(&target, old.len() as u64)? {
        retrospec_fs::Capped::Read(bytes) => Some(bytes),
        retrospec_fs::Capped::TooLarge { .. } => None,
    };
    if current.as_deref() != Some(old.as_bytes()) {
        return Err(io::Error::other(
            "the file changed since it was read; not written",
        ));
    }
    let temp = write_temp(&target, new)?;
    let result = fs::set_permissions(&temp, meta.permissions())
        .and_then(|()| keep_owner(&temp, &meta))
        .and_then(|()| fs::rename(&temp, &target));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The metadata of the regular file at `target` (resolved), or why it must not
/// be replaced.
fn writable(target: &Path) -> io::Result<fs::Metadata> {
    let meta = fs::metadata(target)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file; not written"));
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; not written (make it writable first)",
        ));
    }
    // Whether this user may write the file itself: the directory's permission is
    // enough to rename over a file that belongs to someone else.
    // The system's own error (EACCES, EROFS) is kept as it is.
    fs::OpenOptions::new().write(true).open(target)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(io::Error::other(format!(
                "the file has {} hard links; replacing it would leave the other names \
                 with the old text, so it is not written (fix a copy, or break the links)",
                meta.nlink()
            )));
        }
    }
    Ok(meta)
}

/// Gives `temp` the owner and group of the original (as root, a file owned by
/// another user stays theirs); refuses when that is not allowed.
#[cfg(unix)]
fn keep_owner(temp: &Path, original: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let made = fs::metadata(temp)?;
    if (made.uid(), made.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    std::os::unix::fs::chown(temp, Some(original.uid()), Some(original.gid())).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot keep the file's owner and group ({e}); not written"),
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_temp: &Path, _original: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// Creates `path` holding `new`, atomically; fails with `AlreadyExists` when the file
/// exists (also when it appears while writing: the temporary file is hard-linked into
/// place, which never replaces a file).
pub fn create_atomically(path: &Path, new: &str) -> io::Result<()> {
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file exists; not overwritten (use --force to replace it)",
        ));
    }
    let temp = write_temp(path, new)?;
    let result = match fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file exists; not overwritten (use --force to replace it)",
        )),
        // A file system without hard links: the check above is the best we can do.
        Err(_) if !path.exists() => fs::rename(&temp, path),
        Err(e) => Err(e),
    };
    let _ = fs::remove_file(&temp);
    result
}

/// Writes a report: checks that `new` parses as `format`, then replaces the file
/// (when `previous` holds what was read from it) or creates it.
pub fn write_report(
    path: &Path,
    previous: Option<&str>,
    new: &str,
    format: Format,
) -> io::Result<()> {
    ensure_parses(new, format)?;
    match previous {
        Some(old) => write_atomically(path, old, new),
        None => create_atomically(path, new),
    }
}

/// An error unless `text` parses as a report in `format`.
pub fn ensure_parses(text: &str, format: Format) -> io::Result<()> {
    let mut diags = Vec::new();
    match retrospec_check::parse::parse(text, format, &mut diags) {
        Some(_) => Ok(()),
        None => Err(io::Error::other(
            "internal error: the text to write does not parse; nothing written",
        )),
    }
}

/// Writes `new` to a fresh temporary file beside `path` and returns its path.
fn write_temp(path: &Path, new: &str) -> io::Result<PathBuf> {
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
        #[cfg(test)]
        tests::fail_mid_write(&mut file, new)?;
        file.write_all(new.as_bytes())?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
