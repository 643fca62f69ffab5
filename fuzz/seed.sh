#!/usr/bin/env bash
# Builds the seed corpus of each fuzz target from examples/ and tests/fixtures/
# (copies, so the corpus never drifts from the files it is made of; fuzz/corpus/
# is not committed). Inputs the fuzzer finds are added beside them.
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { # seed TARGET EXTENSION...
  local target=$1
  shift
  mkdir -p "corpus/$target"
  for ext in "$@"; do
    find "$root/examples" "$root/tests/fixtures" "$root/tests/schema" -name "*.$ext" -type f 2>/dev/null |
      while read -r f; do
        cp "$f" "corpus/$target/seed-$(echo "$f" | tr '/' '_' | sed 's/^\.\._//')"
      done
  done
}
seed check_markdown md
seed check_yaml yaml yml
seed check_json json
# Times: every line of the examples that holds a clock time.
mkdir -p corpus/time corpus/config
grep -hoE '[^ :"|-][^"|]*[0-9]{1,2}:[0-9]{2}[^"|]*' "$root"/examples/* "$root"/tests/fixtures/*/* |
  sort -u | head -500 | awk '{ f = sprintf("corpus/time/seed-%03d", NR); printf "%s", $0 > f; close(f) }'
printf '%s' '{}' >corpus/config/seed-empty
printf '%s' '{"limits": {"max-depth": 3, "max-items": 2, "max-line-length": 10}}' >corpus/config/seed-limits
printf '%s' '{"timezone": "Europe/Paris", "severity": {"levels": [{"name": "P1", "require-prevent-item": true}]}, "rules": {"RS201": "off", "placeholder": "error"}, "words": {"vague": ["improve"], "blame": []}}' >corpus/config/seed-full
