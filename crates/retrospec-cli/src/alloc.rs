//! The allocator (issue 15): mimalloc for every command, told to give freed
//! memory back soon (10 ms).
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
//! server also collects after each check (35 MiB), and so purges with a delay
//! ([`for_server`]), forcing it only after an open ([`collect`]). Measured in
//! bench/README.md ("perf9", "perf14", "perf15"; the system allocator for the
//! server alone was tried there too: 9.0-9.2 ms and 38-40 MiB on this code).
//! Purging at once made each check of a long report fault in the pages the one
//! before had just given back: twenty copies of the 4,997-line report took 124 ms
//! and 28,000 page faults, against 82 ms and 4,000 with the system allocator; a
//! purge delay of 10 ms takes them to 104 ms and 13,000, and a 10,000-report YAML
//! batch from 1.63 s to 1.52 s, its peak from 29 to 31 MiB ("perf16").
#![allow(unsafe_code)]

use libmimalloc_sys as mi;

/// mimalloc's options by their place in `mi_option_t` (mimalloc 3's
/// `include/mimalloc.h`; libmimalloc-sys names neither): whether arena memory
/// is committed when reserved (default 2: on systems that overcommit)...
const ARENA_EAGER_COMMIT: mi::mi_option_t = 4;
/// ...and how many milliseconds freed memory waits before it is purged (default
/// 1000).
const PURGE_DELAY: mi::mi_option_t = 15;

/// The purge delay of every command but the language server ([`for_server`]).
const BATCH_PURGE_DELAY: std::ffi::c_long = 10;

/// [`configure`] before `main`: the Rust runtime allocates before `main` runs, and
/// the arena reserved then keeps the default (set in `main`, eager commit off did
/// not take: the server held 56-58 MiB instead of 35). Linux runs `.init_array`
/// entries before `main`; in any order with mimalloc's own initialisation, which
/// reads an option only when it was not set.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CONFIGURE_BEFORE_MAIN: extern "C" fn() = {
    extern "C" fn configure_before_main() {
        configure();
    }
    configure_before_main
};

/// Sets mimalloc's options: before `main` on Linux, first thing in `main`
/// elsewhere (and again there, at no cost).
pub fn configure() {
    // SAFETY: plain setters of mimalloc's option table, valid at any time.
    unsafe {
        mi::mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi::mi_option_set(PURGE_DELAY, BATCH_PURGE_DELAY);
    }
}

/// The language server's setting: freed memory waits 100 ms before it is
/// purged, since the server collects after each check anyway ([`collect`]).
/// Purging at once made a check of the 4,997-line report fault its own freed
/// pages in again: didChange -> diagnostics 13.4 ms median (bench/README.md,
/// "perf14"). With a collection that keeps an edit's pages (below), 100 ms
/// keeps 101 open reports at 34-36 MiB where 1 s held 36-38 (up to 47 at the
/// peak), for an edit 0.1-0.2 ms slower ("perf15").
#[cfg(feature = "lsp")]
pub fn for_server() {
    // SAFETY: a plain setter of mimalloc's option table, valid at any time.
    unsafe { mi::mi_option_set(PURGE_DELAY, 100) }
}

/// Gives the calling thread's free memory back to the system (the language
/// server, after each check): all of it, purged at once, after a document was
/// opened or checked again (`opened`); after an edit only what the purge delay
/// has let expire, since purging the pages of a check that the next
/// keystroke's check touches again made an edit of the 4,997-line report
/// 8.5-8.9 ms instead of 8.2-8.3 (bench/README.md, "perf15").
#[cfg(feature = "lsp")]
pub fn collect(opened: bool) {
    // SAFETY: mimalloc's own collection, safe on any thread at any time.
    unsafe { mi::mi_collect(opened) }
}

#[cfg(test)]
mod tests {
    use super::{ARENA_EAGER_COMMIT, BATCH_PURGE_DELAY, PURGE_DELAY, mi};

    #[test]
    fn the_options_are_mimalloc_3s_and_set_before_main() {
        // SAFETY: plain getters of mimalloc's version and option table.
        unsafe {
            assert_eq!(
                mi::mi_version() / 10000,
                3,
                "the option numbers are mimalloc 3's"
            );
            // mimalloc 3's `mi_option_t` around them, as the binding numbers it:
            // `allow_large_os_pages` two after `arena_eager_commit`, `os_tag`
            // (default 100) three after `purge_delay`.
            assert_eq!(mi::mi_option_large_os_pages, ARENA_EAGER_COMMIT + 2);
            assert_eq!(mi::mi_option_os_tag, PURGE_DELAY + 3);
            assert_eq!(mi::mi_option_get(mi::mi_option_os_tag), 100);
            // Set before `main` (the test harness's `main` too, on Linux).
            #[cfg(target_os = "linux")]
            {
                assert_eq!(mi::mi_option_get(PURGE_DELAY), BATCH_PURGE_DELAY);
                assert_eq!(mi::mi_option_get(ARENA_EAGER_COMMIT), 0);
            }
            super::configure();
            assert_eq!(mi::mi_option_get(PURGE_DELAY), BATCH_PURGE_DELAY);
            assert_eq!(mi::mi_option_get(ARENA_EAGER_COMMIT), 0);
        }
    }
}
