//! Nothing lost: the atomic writer under failure. Each test fails a write at a
//! different point (an injected error half-way through the temporary file, a full
//! disk on a small tmpfs, a read-only directory) and shows the original file intact
//! and no temporary file left behind; and that it keeps permissions and refuses to
//! overwrite a file that changed since it was read.

use std::cell::Cell;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{create_atomically, write_atomically};

thread_local! {
    /// When set, the next temporary file gets half its bytes and then an error.
    static FAIL_MID_WRITE: Cell<bool> = const { Cell::new(false) };
}

/// The test-only hook `write_temp` calls before writing: a simulated crash or
/// I/O error half-way through the temporary file.
pub(super) fn fail_mid_write(file: &mut fs::File, new: &str) -> io::Result<()> {
    if FAIL_MID_WRITE.with(|f| f.replace(false)) {
        file.write_all(&new.as_bytes()[..new.len() / 2])?;
        return Err(io::Error::other(
            "injected failure half-way through the write",
        ));
    }
    Ok(())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("retrospec-write-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Names in `dir` other than `keep`: temporary files left behind.
fn leftovers(dir: &Path, keep: &str) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != keep)
        .collect()
}

const OLD: &str = "title: Old\nstatus: draft\n";
const NEW: &str = "title: New\nstatus: draft\nsummary: A longer text than before.\n";

#[test]
fn an_error_mid_write_leaves_the_original_and_no_temporary_file() {
    let dir = scratch("inject");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    FAIL_MID_WRITE.with(|f| f.set(true));
    let err = write_atomically(&path, OLD, NEW).expect_err("the injected failure");
    assert!(err.to_string().contains("injected"), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), OLD);
    assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());

    let created = dir.join("new.yaml");
    FAIL_MID_WRITE.with(|f| f.set(true));
    assert!(create_atomically(&created, NEW).is_err());
    assert!(!created.exists(), "a failed create leaves no file");
    assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn refuses_a_file_that_changed_since_it_was_read() {
    let dir = scratch("changed");
    let path = dir.join("report.md");
    fs::write(&path, "edited in the editor meanwhile\n").expect("original");
    let err = write_atomically(&path, OLD, NEW).expect_err("refused");
    assert!(
        err.to_string().contains("changed since it was read"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "edited in the editor meanwhile\n"
    );
    assert_eq!(leftovers(&dir, "report.md"), Vec::<String>::new());
    let _ = fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    write_atomically(&path, OLD, NEW).expect("written");
    assert_eq!(fs::read_to_string(&path).expect("read"), NEW);
    let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());
    let _ = fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_leaves_the_original() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("readonly");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    if fs::write(dir.join("probe"), "").is_ok() {
        // root (CI runs as root here) ignores directory permissions: a read-only
        // file system (a tmpfs remounted read-only) stops root too.
        let _ = fs::remove_file(dir.join("probe"));
        read_only_file_system();
    } else {
        assert!(write_atomically(&path, OLD, NEW).is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), OLD);
        assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());
    }
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    let _ = fs::remove_dir_all(&dir);
}

/// The same on a read-only mount, which stops root as well (Linux, when mounting
/// is allowed; skipped with the reason otherwise).
fn read_only_file_system() {
    let dir = scratch("rofs");
    let Some(_guard) = Tmpfs::mount(&dir, "size=64k") else {
        return;
    };
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&dir)
        .status();
    if !remounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot remount the tmpfs read-only");
        return;
    }
    let err = write_atomically(&path, OLD, NEW).expect_err("read-only file system");
    assert_eq!(err.raw_os_error(), Some(30), "EROFS: {err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), OLD);
    assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());
}

/// A tmpfs mounted for one test and unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs on `dir`, or says why not and returns `None`.
    fn mount(dir: &Path, options: &str) -> Option<Tmpfs> {
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .output();
        if mounted.as_ref().is_ok_and(|o| o.status.success()) {
            Some(Tmpfs(dir.to_path_buf()))
        } else {
            eprintln!("skipped: cannot mount a tmpfs here (needs root): {mounted:?}");
            let _ = fs::remove_dir_all(dir);
            None
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_original_and_no_temporary_file() {
    let dir = scratch("full");
    let Some(_guard) = Tmpfs::mount(&dir, "size=64k") else {
        return;
    };
    let path = dir.join("report.md");
    let old = format!("# Old\n\n{}\n", "x".repeat(40 * 1024));
    fs::write(&path, &old).expect("original fits");
    let new = format!("# New\n\n{}\n", "y".repeat(60 * 1024));
    let err = write_atomically(&path, &old, &new).expect_err("the disk is full");
    assert_eq!(err.raw_os_error(), Some(28), "ENOSPC: {err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), old);
    assert_eq!(leftovers(&dir, "report.md"), Vec::<String>::new());
}

/// A link is written through: the file it points to gets the new text (the
/// temporary file is made beside it, so the rename stays on its file system) and
/// the link stays a link. It used to be replaced by a regular file, leaving its
/// target unfixed.
#[cfg(unix)]
#[test]
fn a_symbolic_link_is_written_through_to_its_target() {
    let dir = scratch("symlink");
    let real_dir = dir.join("real");
    fs::create_dir_all(&real_dir).expect("directory");
    let target = real_dir.join("report.yaml");
    fs::write(&target, OLD).expect("original");
    let link = dir.join("link.yaml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    write_atomically(&link, OLD, NEW).expect("written");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), NEW);
    assert_eq!(leftovers(&real_dir, "report.yaml"), Vec::<String>::new());
    assert_eq!(leftovers(&dir, "link.yaml"), ["real"]);
    let _ = fs::remove_dir_all(&dir);
}

/// A file with more than one hard link is refused, not replaced: a rename would
/// give this name a new file and leave the other names with the old text.
#[cfg(unix)]
#[test]
fn a_file_with_hard_links_is_refused() {
    let dir = scratch("hardlink");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    fs::hard_link(&path, dir.join("other.yaml")).expect("hard link");
    let err = write_atomically(&path, OLD, NEW).expect_err("refused");
    assert!(err.to_string().contains("2 hard links"), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), OLD);
    assert_eq!(
        fs::read_to_string(dir.join("other.yaml")).expect("read"),
        OLD
    );
    let _ = fs::remove_dir_all(&dir);
}

/// A read-only file (0444) in a writable directory is refused, also as root (who
/// could rename over it): retrospec does not write what the user cannot.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("readonly-file");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let err = write_atomically(&path, OLD, NEW).expect_err("refused");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read_to_string(&path).expect("read"), OLD);
    assert_eq!(leftovers(&dir, "report.yaml"), Vec::<String>::new());
    let _ = fs::remove_dir_all(&dir);
}

/// The owner and group are kept: as root, a file owned by another user stays
/// theirs (it used to become root's). Needs root to give a file away; skipped
/// with the reason otherwise.
#[cfg(unix)]
#[test]
fn keeps_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch("owner");
    let path = dir.join("report.yaml");
    fs::write(&path, OLD).expect("original");
    if std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_err() {
        eprintln!("skipped: giving a file to another user needs root");
        let _ = fs::remove_dir_all(&dir);
        return;
    }
    write_atomically(&path, OLD, NEW).expect("written");
    assert_eq!(fs::read_to_string(&path).expect("read"), NEW);
    let meta = fs::metadata(&path).expect("metadata");
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    let _ = fs::remove_dir_all(&dir);
}
