#!/usr/bin/env bash
# Installs what the test steps after the Rust suites need: Debian's Chromium,
# Neovim and valgrind, the PyPI and npm packages of the external checks, the VS
# Code extension's dependencies, cargo-deny, and the fuzz crate's sources.
# scripts/test.sh runs this in the background while cargo compiles: downloading
# and unpacking wait on the network and the disk, compiling on the CPU, so on a
# fresh machine the waiting is hidden instead of added to the run. Every step
# still installs what it misses itself (`--install-only` runs just that part), so
# each also runs alone; this only moves the waiting earlier.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
step() {
  local start=$SECONDS
  if "$@"; then echo "prepare: $* ($((SECONDS - start)) s)"; else
    echo "prepare: $* FAILED (the step installs again when it runs)"
    failed=1
  fi
}
step bash scripts/need.sh chromium chromium nvim neovim valgrind valgrind
step bash tests/external/conformance.sh --install-only
step bash tests/external/ci-formats.sh --install-only
step bash tests/external/check-jsonschema.sh --install-only
step bash tests/external/pre-commit.sh --install-only
step bash editors/vscode/build.sh --install-only
# Last: these take cargo's package cache lock, which the build holds while it
# downloads its own crates.
step bash scripts/supply-chain.sh --install-only
step cargo fetch --locked --quiet --manifest-path fuzz/Cargo.toml
exit $failed
