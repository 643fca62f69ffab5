#!/usr/bin/env bash
# Proof that a performance change changed no finding: record `retrospec check
# --format json` for every report the repository knows (tests/realistic/reports,
# tests/fixtures, examples, and the seeds when present), one file per run, then
# compare a later binary's output with the record byte for byte.
#
#   bash scripts/same_findings.sh record DIR    # before the change
#   bash scripts/same_findings.sh compare DIR   # after it: exit 1 on any difference
#
# RETROSPEC_BIN names the binary (default target/debug/retrospec, which the script
# does not build); RETROSPEC_SEEDS the seeds directory (default ../shared/seeds).
# Each file is checked alone, with the configuration a user would get (the nearest
# retrospec.toml), and its stdout and exit code are recorded; the record is keyed by
# the file's path, so record and compare must run from the same checkout layout.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: same_findings.sh record|compare DIR}
dir=${2:?usage: same_findings.sh record|compare DIR}
bin=${RETROSPEC_BIN:-target/debug/retrospec}
seeds=${RETROSPEC_SEEDS:-../shared/seeds}
roots=(tests/realistic/reports tests/fixtures examples)
[ -d "$seeds" ] && roots+=("$seeds")

out=$dir
[ "$mode" = compare ] && out=$(mktemp -d)
[ "$mode" = record ] && { rm -rf "$dir"; mkdir -p "$dir"; }
n=0
while IFS= read -r f; do
  key=$(printf '%s' "$f" | sed 's|^\.\./||; s|/|__|g')
  rc=0
  "$bin" check --format json --color never "$f" >"$out/$key.json" 2>/dev/null || rc=$?
  echo "$rc" >"$out/$key.rc"
  n=$((n + 1))
done < <(find "${roots[@]}" -type f \( -name '*.md' -o -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.txt' \) | sort)

if [ "$mode" = record ]; then
  echo "recorded $n files in $dir"
  exit 0
fi
if diff -r "$dir" "$out" >"$out.diff"; then
  echo "same findings: $n files identical"
  rm -rf "$out" "$out.diff"
else
  echo "DIFFERENT findings (diff in $out.diff):"
  head -40 "$out.diff"
  exit 1
fi
