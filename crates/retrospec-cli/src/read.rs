//! Reading a report from disk without trusting its size.

use std::io::{self, Read};
use std::path::Path;

use retrospec_check::{Diagnostic, Limits, limits};

/// Reads `path`, but never more than `limits.max_file_size + 1` bytes: a 100 GB
/// file (or `/dev/zero` named on the command line) costs the limit in memory, not
/// its size. `Ok(Err(_))` is the RS010 diagnostic for a file over the limit.
pub fn read_capped(path: &Path, limits: &Limits) -> io::Result<Result<Vec<u8>, Diagnostic>> {
    let cap = limits.max_file_size as u64;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(cap + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        let size = std::fs::metadata(path).map_or(cap + 1, |m| m.len().max(cap + 1));
        return Ok(Err(limits::too_large(size, limits)));
    }
    Ok(Ok(bytes))
}
