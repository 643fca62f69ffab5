#!/usr/bin/env bash
# Where the time goes: callgrind instruction counts (stable on a loaded machine,
# unlike wall time) for `retrospec check` on one thread over the first N YAML,
# JSON or Markdown files of the 1k corpus, and the top functions by self cost.
#
#   bash bench/profile.sh [yaml|json|md] [N=200]
#
# Uses the release binary (function symbols are kept; no debug info needed).
set -euo pipefail
cd "$(dirname "$0")/.."
form=${1:-yaml}
n=${2:-200}
out=target/bench-results/profile-$form
mkdir -p "$out/files"
rm -f "$out"/files/* "$out"/callgrind.out*
[ -f target/bench-corpus/1k/.done ] || { python3 bench/gen.py target/bench-corpus/1k 1000 && touch target/bench-corpus/1k/.done; }
find target/bench-corpus/1k/"$form" -type f | sort | sed -n "1,${n}p" | xargs -I{} cp {} "$out/files/"
[ -n "${RETROSPEC_BIN:-}" ] || cargo build --release --quiet -p retrospec-cli
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "${RETROSPEC_BIN:-target/release/retrospec}" check --color never "$out/files" >/dev/null 2>"$out/valgrind.log" || true
grep -E 'Collected' "$out/valgrind.log" || true
callgrind_annotate --inclusive=no "$out/callgrind.out" 2>/dev/null | sed -n '1,45p' >"$out/self.txt"
callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null | sed -n '1,60p' >"$out/inclusive.txt"
cat "$out/self.txt"
