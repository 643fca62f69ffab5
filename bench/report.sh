#!/usr/bin/env bash
# Time and peak memory of `retrospec report` on generated corpora (issue 13):
# 1,000, 10,000 and 100,000 reports (SIZES overrides, for example SIZES="1000"),
# each written as HTML, JSON and CSV. Not a test and never run in CI: wall-clock
# numbers need a quiet machine. Peak RSS comes from /usr/bin/time -v.
#
#   bash bench/report.sh                 # builds retrospec in release first
#   RS=target/debug/retrospec SIZES=1000 bash bench/report.sh
#
# The corpora are bench/gen.py's YAML reports (`--small` for 100,000, as in
# bench/run.sh), under target/bench-corpus/ (never committed). The outputs go to
# target/bench-report/, with their sizes printed.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-"1000 10000 100000"}
if [ -z "${RS:-}" ]; then
  cargo build --release --quiet --bin retrospec
  RS=target/release/retrospec
fi
RS=$(realpath "$RS")
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }
out=target/bench-report
mkdir -p "$out"

printf '%-8s %-5s %10s %12s %12s\n' reports form seconds "peak RSS MiB" "output KiB"
for n in $sizes; do
  corpus=target/bench-corpus/report-$n
  if [ ! -d "$corpus/yaml" ]; then
    small=""
    [ "$n" -ge 100000 ] && small="--small"
    python3 bench/gen.py "$corpus" "$n" $small >/dev/null
  fi
  for form in json csv html; do
    file="$out/report-$n.$form"
    /usr/bin/time -v "$RS" report "$corpus/yaml" --no-config --today 2025-01-01 \
      --format "$form" -o "$file" 2>"$out/time-$n-$form.txt" || true
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$out/time-$n-$form.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/time-$n-$form.txt")
    size=$(( $(stat -c %s "$file" 2>/dev/null || echo 0) / 1024 ))
    printf '%-8s %-5s %10s %12s %12s\n' "$n" "$form" "$seconds" "$rss" "$size"
  done
done
