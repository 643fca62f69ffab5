#!/usr/bin/env bash
# Issue 12's performance line: reading a report as written (free-form Markdown or
# plain text, no retrospec front matter) costs at most 1.2x per byte what checking
# the same report in retrospec's own Markdown form costs. Measured with callgrind
# (instructions, one thread, `--no-config`) on every report of tests/realistic/reports
# as written, and on the same reports after `retrospec import` (same content, retrospec's
# form). A report `import` cannot convert is left out of both sides, and named.
#
#   bash bench/freeform_ratio.sh       # prints the table bench/README.md records
#
# Needs valgrind and python3. Builds the release binary unless RETROSPEC_BIN names one.
# A benchmark, not a test: it prints and never fails on the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench-results/freeform
rm -rf "$work"
mkdir -p "$work/written" "$work/imported"
[ -n "${RETROSPEC_BIN:-}" ] || cargo build --release --locked --quiet -p retrospec-cli
bin=${RETROSPEC_BIN:-target/release/retrospec}

written=()
imported=()
skipped=()
for f in tests/realistic/reports/*; do
  name=$(basename "$f")
  stem=${name%.*}
  if "$bin" import --to md -o "$work/imported" "$f" >/dev/null 2>"$work/import.log" \
    && [ -f "$work/imported/$stem.md" ]; then
    cp "$f" "$work/written/$name"
    written+=("$work/written/$name")
    imported+=("$work/imported/$stem.md")
  else
    skipped+=("$name")
  fi
done

measure() { # FILES... -> instructions of one `retrospec check FILES...` on one thread
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$bin" check --no-config --color never "$@" >/dev/null 2>"$work/valgrind.log" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/valgrind.log"
}
bytes() { cat "$@" | wc -c; }

w_ins=$(measure "${written[@]}")
i_ins=$(measure "${imported[@]}")
w_bytes=$(bytes "${written[@]}")
i_bytes=$(bytes "${imported[@]}")
python3 - "$w_ins" "$w_bytes" "$i_ins" "$i_bytes" "${#written[@]}" <<'EOF'
import sys
w_ins, w_bytes, i_ins, i_bytes, n = map(int, sys.argv[1:])
w, i = w_ins / w_bytes, i_ins / i_bytes
print(f"{n} reports")
print("| set | bytes | instructions | per byte |")
print("|---|---:|---:|---:|")
print(f"| as written | {w_bytes:,} | {w_ins / 1e6:.1f} M | {w:,.0f} |")
print(f"| the same, imported | {i_bytes:,} | {i_ins / 1e6:.1f} M | {i:,.0f} |")
print(f"free-form reading costs {w / i:.2f}x per byte (issue 12: at most 1.2x)")
EOF
[ ${#skipped[@]} = 0 ] || echo "left out (import failed): ${skipped[*]}"
