#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 30), from a seed
# corpus of the examples and fixtures, and prints executions and crashes per
# target. Exits 1 when a target crashed (the input is in fuzz/artifacts/TARGET/).
#
# cargo-fuzz is a wrapper: it runs `cargo build` with sanitizer-coverage flags and
# then the built binary with libFuzzer's arguments. This script does both itself
# with the flags cargo-fuzz 0.13 passes for `build -s none --dev` on Linux, so a
# fresh CI machine does not spend a minute compiling cargo-fuzz (`cargo install`
# took 39-79 s of the 20-minute budget). All the flags are stable (`-C passes`,
# `-C llvm-args`, `--cfg fuzzing`); no sanitizer, since the code is safe Rust
# (`unsafe_code` is forbidden). `cargo fuzz` itself still works on these targets
# for adding one, minimising a crash or a long optimised run (docs/reliability.md).
#
#   bash fuzz/run.sh [SECONDS]            build, then run each target SECONDS
#   bash fuzz/run.sh --build-only         build only
#   bash fuzz/run.sh --no-build SECONDS   run what the last build left
# (scripts/test.sh builds first, then runs the targets beside the instruction
# guard: both are single-threaded, and the machine has two cores.)
set -euo pipefail
cd "$(dirname "$0")"
build=true run=true
case ${1:-} in
  --build-only) run=false ;;
  --no-build) build=false && shift ;;
esac
seconds=${1:-30}
tools=${RETROSPEC_TOOLS:-$HOME/.cache/retrospec/tools}
# The build lives beside the tools, so CI in a fresh clone on the same machine
# rebuilds only the retrospec crates.
target_dir=${FUZZ_TARGET_DIR:-$tools/fuzz-target}
triple=$(rustc -vV | sed -n 's/^host: //p')

targets=$(sed -n '/^\[\[bin\]\]/,/^name/s/^name = "\(.*\)"/\1/p' Cargo.toml)
bin_dir=$target_dir/$triple/debug
if $build; then
  echo "== building fuzz targets"
  build_log=$(mktemp)
  # `--target`: RUSTFLAGS then reach the targets and not build scripts or proc
  # macros (instrumented, those would not link without libFuzzer).
  # Unoptimised, with debug assertions: a fresh CI machine builds every dependency
  # again for fuzzing, and the optimised build cost about as long as the rest of
  # the test run's compiling (CI must stay under 20 minutes); the time-bounded runs
  # then make fewer executions, not slower CI.
  flags="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
  flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table"
  flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares -Cllvm-args=-sanitizer-coverage-stack-depth"
  flags+=" --cfg fuzzing -Cdebug-assertions"
  if ! RUSTFLAGS="$flags" cargo build --locked --bins --target "$triple" --target-dir "$target_dir" >"$build_log" 2>&1; then
    tail -30 "$build_log"
    echo "fuzz-targets: 0 passed, 1 failed"
    exit 1
  fi
  rm -f "$build_log"
fi
$run || exit 0
bash seed.sh

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
  "$bin_dir/$target" -artifact_prefix="artifacts/$target/" "corpus/$target" \
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
