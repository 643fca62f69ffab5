#!/usr/bin/env bash
# End-to-end test with a real editor client: headless Neovim (Debian's package,
# installed here when missing) opens a broken seed transcription through
# `retrospec lsp`, and must see the same codes at the same lines and columns as
# `retrospec check`; applying the quick fixes must leave a report that passes.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/need.sh nvim neovim
retrospec=$(pwd)/${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for seed in tests/seeds/000-passbolt-2023-07-01.md tests/seeds/003-cloudcannon-2022-05-18.md; do
  report="$work/$(basename "$seed")"
  cp "$seed" "$report"
  expected=$({ "$retrospec" check --format json "$report" || true; } | python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnostics"]:
    print("%s:%s %s" % (d["line"], d["column"], d["code"]))' | sort)
  RETROSPEC="$retrospec" REPORT="$report" OUT="$work/seen.txt" \
    timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/nvim_client.lua" >/dev/null 2>"$work/nvim.err" \
    || { cat "$work/nvim.err"; echo "neovim failed on $seed"; failed=$((failed + 1)); continue; }
  seen=$(sort "$work/seen.txt")
  if [ "$seen" = "$expected" ]; then
    passed=$((passed + 1))
  else
    echo "MISMATCH on $seed"; diff <(echo "$expected") <(echo "$seen") || true
    failed=$((failed + 1))
  fi
  # Seed 000's zone errors (CET in July) all have quick fixes: after the client
  # applied every quick fix, no RS203 is left and nothing left has a fix to offer,
  # and the sections RS405 asked for are there (as empty headings to fill in).
  if [ "$seed" = tests/seeds/000-passbolt-2023-07-01.md ]; then
    left=$({ "$retrospec" check --format json "$report" || true; } | python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnostics"]:
    if d["code"] == "RS203" or (d.get("fix") and d["code"] != "RS405"):
        print("%s:%s %s" % (d["line"], d["column"], d["code"]))')
    if [ -z "$left" ] && grep -q '^## Impact' "$report" && [ "$(grep -c 'CEST' "$report")" -ge 7 ]; then
      passed=$((passed + 1))
    else
      echo "the quick-fixed $seed still has fixable findings:"; echo "$left"
      failed=$((failed + 1))
    fi
  fi
done
echo "neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
