//! Reading a report from disk without trusting it: through `retrospec-fs`, so
//! never more than the size limit plus one byte, and only regular files (a FIFO or
//! a link to `/dev/zero` is refused, never read).

use std::io;
use std::path::Path;

use retrospec_check::{Diagnostic, Limits, limits};
use retrospec_fs::Capped;

/// Reads `path`, but never more than `limits.max_file_size + 1` bytes: a 100 GB
/// file costs the limit in memory, not its size. `Ok(Err(_))` is the RS010
/// diagnostic for a file over the limit.
pub fn read_capped(path: &Path, limits: &Limits) -> io::Result<Result<Vec<u8>, Diagnostic>> {
    Ok(match retrospec_fs::read_capped(path, cap(limits))? {
        Capped::Read(bytes) => Ok(bytes),
        Capped::TooLarge { size } => Err(limits::too_large(size, limits)),
    })
}

/// Reads `path` as UTF-8 text under `limits` (for `fmt`, `convert` and `new
/// --template`); a file over the size limit is an error that says so.
pub fn read_text(path: &Path, limits: &Limits) -> io::Result<String> {
    retrospec_fs::read_text(path, cap(limits))
}

/// The limits for the report at `path`: those of its `retrospec.toml`, or the
/// defaults (a configuration that cannot be read is reported by `check`).
pub fn limits_for(path: &Path) -> Limits {
    crate::files::Configs::discover()
        .for_file(path)
        .ok()
        .flatten()
        .map_or_else(Limits::default, |c| c.config.limits)
}

fn cap(limits: &Limits) -> u64 {
    u64::try_from(limits.max_file_size).unwrap_or(u64::MAX)
}
