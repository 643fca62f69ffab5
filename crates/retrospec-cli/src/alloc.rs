//! The allocator (issue 15): mimalloc for every command, told to give freed
//! memory back at once.
//!
//! malloc and free were about a fifth of a batch check's instructions with the
//! system allocator; mimalloc takes 12.5% off the 200-report JSON set (callgrind)
//! and about 1.15x off a 10,000-report YAML batch's CPU time. With its defaults
//! it also kept what it freed: the language server with 101 open reports held
//! 80-107 MiB instead of the system allocator's 35-38, and a 10,000-report batch
//! 65 MiB instead of 28. Purging freed pages at once (not after 1 s) and
//! committing arena memory on demand (not eagerly, which on Linux also lets
//! transparent huge pages back it) bring both back to the system allocator's
//! (server 36-37 MiB, batch 29 MiB) at no measurable cost to the batch; the
//! server also collects after each check (35 MiB). Measured in bench/README.md
//! ("perf9").
#![allow(unsafe_code)]

use libmimalloc_sys as mi;

/// mimalloc's options by their place in `mi_option_t` (mimalloc 3's
/// `include/mimalloc.h`; libmimalloc-sys names neither): whether arena memory
/// is committed when reserved (default 2: on systems that overcommit)...
const ARENA_EAGER_COMMIT: mi::mi_option_t = 4;
/// ...and how many milliseconds freed memory waits before it is purged (default
/// 1000).
const PURGE_DELAY: mi::mi_option_t = 15;

/// Sets mimalloc's options. First thing in `main`: an arena reserved before it
/// keeps the default.
pub fn configure() {
    // SAFETY: plain setters of mimalloc's option table, valid at any time.
    unsafe {
        mi::mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi::mi_option_set(PURGE_DELAY, 0);
    }
}

/// Gives the calling thread's free memory back to the system (the language
/// server, after each check).
pub fn collect() {
    // SAFETY: mimalloc's own collection, safe on any thread at any time.
    unsafe { mi::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    use super::{ARENA_EAGER_COMMIT, PURGE_DELAY, mi};

    #[test]
    fn the_options_are_mimalloc_3s() {
        // SAFETY: plain getters and setters of mimalloc's option table.
        unsafe {
            assert_eq!(
                mi::mi_version() / 100,
                3,
                "the option numbers are mimalloc 3's"
            );
            // Their defaults (unless set in the environment) name them.
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(mi::mi_option_get(PURGE_DELAY), 1000);
            }
            if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
                assert_eq!(mi::mi_option_get(ARENA_EAGER_COMMIT), 2);
            }
            super::configure();
            assert_eq!(mi::mi_option_get(PURGE_DELAY), 0);
            assert_eq!(mi::mi_option_get(ARENA_EAGER_COMMIT), 0);
        }
    }
}
