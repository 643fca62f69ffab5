#!/usr/bin/env bash
# The instruction-count guard (issue 15): `retrospec check` under callgrind on a
# fixed, seeded 200-report set in each form (bench/gen.py, seed 7), on one
# clean report alone (the start-up case) and on the 64 realistic reports of
# tests/realistic/reports as written (prose-dense) and on one report whose Summary
# is a single 200 KB line (bench/long_line.py: a search that is quadratic in a
# line's length fails here), compared with the committed baseline
# bench/instructions.toml. Fails when any count grows more than 10% over it.
# Instruction counts, unlike wall time, hold still on a loaded machine.
#
#   bash bench/instructions.sh            # compare with the baseline
#   bash bench/instructions.sh --update   # measure and rewrite the baseline
#
# Needs valgrind (scripts/test.sh installs it) and python3. Builds the binary
# with the `guard` profile, without the `lsp` feature, unless RETROSPEC_BIN names one. Ends with `instructions: N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
update=false
[ "${1:-}" = --update ] && update=true
baseline=bench/instructions.toml
limit=10 # percent
work=target/bench-results/instructions
corpus=$work/corpus
rm -rf "$corpus"
mkdir -p "$work"
python3 bench/gen.py "$corpus" 200 --seed 7 >/dev/null
# The start-up case: one report with nothing to find, named as pre-commit names
# files, so the run takes the path every clean pre-commit check takes (naming its
# directory would also build the directory walker, which reads the global gitignore).
mkdir -p "$corpus/one"
cp "$corpus/yaml/000001.yaml" "$corpus/one/"
# The realistic corpus as written: reports 01-64 (a held-out set numbered 65 and
# up is not part of it), named one by one, without a configuration.
realistic=()
for f in tests/realistic/reports/*; do
  [[ $(basename "$f") =~ ^(0[1-9]|[1-5][0-9]|6[0-4])- ]] && realistic+=("$f")
done
# One free-form report whose Summary is one line of about 200 KB, written by a
# script (deterministic) rather than committed: a per-claim or per-clause search
# over the whole line (the TBC and clause searches before 0314705) multiplies it.
mkdir -p "$corpus/long"
python3 bench/long_line.py "$corpus/long/long-line.md" 200000
# The language-server benchmark's report (bench/lsp_latency.py's big_report): a YAML
# timeline of about 2,500 entries. A pass over each entry's others (the year-typo
# check before this set) is quadratic in it.
mkdir -p "$corpus/timeline"
python3 -c 'import sys; sys.path.insert(0, "bench"); import lsp_latency; open(sys.argv[1], "w").write(lsp_latency.big_report())' "$corpus/timeline/timeline.yaml"
[ "${#realistic[@]}" = 64 ] || { echo "expected 64 realistic reports, found ${#realistic[@]}"; exit 1; }
# The `guard` profile: release optimisation without link-time optimisation, a
# fixed build the counts compare with over time (Cargo.toml says why).
[ -n "${RETROSPEC_BIN:-}" ] || cargo build --profile guard --locked --quiet -p retrospec-cli --no-default-features
bin=${RETROSPEC_BIN:-target/guard/retrospec}

measure() { # ARGS... -> instructions of one `retrospec check ARGS...` on one thread
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$bin" check --color never "$@" >/dev/null 2>"$work/valgrind.log" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/valgrind.log"
}

sets="json yaml md one realistic long timeline"
declare -A now
for set in $sets; do
  case $set in
  one) now[$set]=$(measure "$corpus/one/000001.yaml") ;;
  realistic) now[$set]=$(measure --no-config "${realistic[@]}") ;;
  long) now[$set]=$(measure --no-config "$corpus/long/long-line.md") ;;
  timeline) now[$set]=$(measure --no-config "$corpus/timeline/timeline.yaml") ;;
  *) now[$set]=$(measure "$corpus/$set") ;;
  esac
  [ -n "${now[$set]}" ] || { cat "$work/valgrind.log"; echo "callgrind gave no count for $set"; exit 1; }
done

if $update; then
  {
    echo "# Instructions of \`retrospec check\` built with the \`guard\` profile and no \`lsp\` feature (callgrind, one thread), written by"
    echo "# \`bash bench/instructions.sh --update\` at $(git rev-parse --short HEAD) on $(date -u +%F)."
    echo "# json, yaml, md: the 200 reports of \`bench/gen.py OUT 200 --seed 7\` in that form;"
    echo "# one: its report 000001.yaml alone, named (start-up); realistic: the 64 reports"
    echo "# of tests/realistic/reports as written (--no-config); long: bench/long_line.py's"
    echo "# report with a 200 KB Summary line (--no-config); timeline: bench/lsp_latency.py's"
    echo "# 4,997-line YAML report (--no-config). CI fails above +${limit}%."
    for set in $sets; do echo "$set = ${now[$set]}"; done
  } >"$baseline"
  echo "wrote $baseline"
fi

passed=0
failed=0
for set in $sets; do
  base=$(sed -n "s/^$set = \([0-9]*\)$/\1/p" "$baseline")
  if [ -z "$base" ]; then
    echo "$set: ${now[$set]} instructions, no baseline in $baseline"
    failed=$((failed + 1))
    continue
  fi
  change=$(awk -v n="${now[$set]}" -v b="$base" 'BEGIN { printf "%+.1f", (n - b) * 100 / b }')
  if awk -v n="${now[$set]}" -v b="$base" -v l="$limit" 'BEGIN { exit !(n * 100 > b * (100 + l)) }'; then
    echo "$set: ${now[$set]} instructions, baseline $base ($change%): FAILED, more than +$limit%"
    echo "  (profile it: bash bench/profile.sh; re-baseline a justified change: bash bench/instructions.sh --update)"
    failed=$((failed + 1))
  else
    echo "$set: ${now[$set]} instructions, baseline $base ($change%)"
    passed=$((passed + 1))
  fi
done
echo "instructions: $passed passed, $failed failed"
[ "$failed" = 0 ]
