//! Reading files without trusting them, for the command line and the language
//! server (the core does no I/O; this crate is its file system at the edges).
//!
//! Every file retrospec reads (reports in `check`, `fmt` and `convert`, a
//! template in `new`, every `retrospec.toml`) comes through [`read_capped`]:
//!
//! - **Regular files only.** A FIFO, a device (`/dev/zero`), a socket or a
//!   directory is refused with a message naming what it is, checked before it is
//!   opened, so a FIFO never blocks the command (opening one for reading waits for
//!   a writer) and a link to `/dev/zero` committed in a pull request is never read.
//!   The opened file is checked again, so a file replaced between the two steps is
//!   refused too.
//! - **Bounded.** Never more than the limit plus one byte is read, whatever the file
//!   claims or grows to; a limit of `u64::MAX` saturates instead of overflowing.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use retrospec_check::resolve::FileSystem;

/// What [`read_capped`] read.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    /// The whole file.
    Read(Vec<u8>),
    /// The file is over the limit; `size` is at least the limit plus one.
    TooLarge { size: u64 },
}

/// Reads the regular file at `path` (links followed), never more than `cap + 1`
/// bytes of it.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Capped> {
    let (file, _) = open_regular(path)?;
    let mut bytes = Vec::new();
    let take = cap.saturating_add(1);
    let mut reader = file.take(take);
    reader.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        let file = reader.into_inner();
        let size = file.metadata().map_or(take, |m| m.len().max(take));
        return Ok(Capped::TooLarge { size });
    }
    Ok(Capped::Read(bytes))
}

/// Reads the regular file at `path` as UTF-8 text of at most `cap` bytes; a larger
/// file is an error saying it is over the size limit.
pub fn read_text(path: &Path, cap: u64) -> io::Result<String> {
    match read_capped(path, cap)? {
        Capped::Read(bytes) => String::from_utf8(bytes).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the file is not valid UTF-8 (byte {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        }),
        Capped::TooLarge { size } => Err(too_large(size, cap)),
    }
}

/// The error for a file of `size` bytes over the limit of `cap`.
pub fn too_large(size: u64, cap: u64) -> io::Error {
    io::Error::other(format!(
        "the file is over the size limit of {cap} bytes ({size} bytes or more); not read"
    ))
}

/// Opens `path` for reading when it is a regular file (links followed), without
/// opening anything else.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    refuse_unless_regular(&std::fs::metadata(path)?)?;
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    refuse_unless_regular(&metadata)?;
    Ok((file, metadata))
}

fn refuse_unless_regular(metadata: &Metadata) -> io::Result<()> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(io::Error::other(format!(
        "not a regular file ({}); retrospec reads only regular files",
        kind(metadata)
    )))
}

/// What a file that is not regular is, in words.
fn kind(metadata: &Metadata) -> &'static str {
    let t = metadata.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// The operating system's file system, for [`retrospec_check::resolve::Resolver`].
#[derive(Debug, Clone, Copy, Default)]
pub struct OsFs;

impl FileSystem for OsFs {
    fn canonicalize(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }

    fn exists(&self, path: &Path) -> bool {
        std::fs::symlink_metadata(path).is_ok()
    }

    fn read_text(&self, path: &Path, cap: u64) -> io::Result<String> {
        read_text(path, cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("retrospec-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir
    }

    #[test]
    fn reads_at_most_the_limit_plus_one() {
        let dir = scratch("cap");
        let path = dir.join("a.yaml");
        std::fs::write(&path, "0123456789").expect("write");
        assert_eq!(
            read_capped(&path, 10).expect("read"),
            Capped::Read(b"0123456789".to_vec())
        );
        assert_eq!(
            read_capped(&path, 4).expect("read"),
            Capped::TooLarge { size: 10 }
        );
        // An absurd limit saturates: the file is read whole, not as empty.
        assert_eq!(
            read_capped(&path, u64::MAX).expect("read"),
            Capped::Read(b"0123456789".to_vec())
        );
        let error = read_text(&path, 4).expect_err("too large");
        assert!(error.to_string().contains("over the size limit of 4 bytes"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn refuses_devices_directories_and_links_to_them() {
        let dir = scratch("special");
        let link = dir.join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        for (path, what) in [
            (Path::new("/dev/zero"), "a device"),
            (link.as_path(), "a device"),
            (dir.as_path(), "a directory"),
        ] {
            let error = read_capped(path, 1 << 20).expect_err("refused");
            assert!(
                error
                    .to_string()
                    .contains(&format!("not a regular file ({what})")),
                "{error}"
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
