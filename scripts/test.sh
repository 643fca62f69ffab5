#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust test suites (unit, snapshot,
# fixture, end-to-end) and the independent-validator agreement test.
# Needs only cargo and python3; installs what else it needs under target/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Snapshots are compared, never written, when this runs (CI or not).
export INSTA_UPDATE=no
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== independent validator (check-jsonschema)"
RETROSPEC=target/debug/retrospec bash tests/external/check-jsonschema.sh
echo "== all tests passed"
