#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 30), from a seed
# corpus of the examples and fixtures, and prints executions and crashes per
# target. Exits 1 when a target crashed (the input is in fuzz/artifacts/TARGET/).
#
# Stable toolchain only: cargo-fuzz needs nightly for sanitizers, so this builds
# with `-s none` (no AddressSanitizer; the code is safe Rust, `unsafe_code` is
# forbidden) and RUSTC_BOOTSTRAP=1 for the `-Z` flags cargo-fuzz still passes.
# cargo-fuzz is installed once per machine into $RETROSPEC_TOOLS
# (default ~/.cache/retrospec/tools). See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
tools=${RETROSPEC_TOOLS:-$HOME/.cache/retrospec/tools}
if [[ ! -x $tools/bin/cargo-fuzz ]]; then
  echo "== installing cargo-fuzz into $tools"
  cargo install --locked --quiet cargo-fuzz --version 0.13.2 --root "$tools"
fi
fuzz=("$tools/bin/cargo-fuzz" fuzz)
# The build lives beside the tools, so CI in a fresh clone on the same machine
# rebuilds only the retrospec crates.
target_dir=${FUZZ_TARGET_DIR:-$tools/fuzz-target}
export RUSTC_BOOTSTRAP=1

bash seed.sh
targets=$("${fuzz[@]}" list)
echo "== building fuzz targets"
build_log=$(mktemp)
# `--dev`: the targets unoptimised, with debug assertions. A fresh CI machine
# builds every dependency again for fuzzing, and the optimised build cost about
# as long as the rest of the test run's compiling (CI must stay under 20
# minutes); the time-bounded runs then make fewer executions, not slower CI.
if ! "${fuzz[@]}" build -s none --dev --target-dir "$target_dir" >"$build_log" 2>&1; then
  tail -30 "$build_log"
  echo "fuzz-targets: 0 passed, 1 failed"
  exit 1
fi
rm -f "$build_log"

crashed=0
total=0
count=0
failed=0
printf '%-16s %12s %8s\n' target executions crashes
for target in $targets; do
  mkdir -p "artifacts/$target"
  before=$(find "artifacts/$target" -type f | wc -l)
  log=$(mktemp)
  # -rss_limit_mb: a run over 2 GiB is a finding (memory must stay bounded).
  # -max_len: 64 KiB inputs; size limits are tested separately (tests/hostile.rs).
  "${fuzz[@]}" run -s none --dev --target-dir "$target_dir" "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  after=$(find "artifacts/$target" -type f | wc -l)
  crashes=$((after - before))
  printf '%-16s %12s %8s\n' "$target" "${runs:-?}" "$crashes"
  total=$((total + ${runs:-0}))
  count=$((count + 1))
  if ((crashes > 0)) || [[ -z ${runs:-} ]]; then
    crashed=1
    failed=$((failed + 1))
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -20
  fi
  rm -f "$log"
done
echo "fuzz: $total executions in all"
echo "fuzz-targets: $((count - failed)) passed, $failed failed"
exit $crashed
