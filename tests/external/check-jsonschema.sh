#!/usr/bin/env bash
# An independent validator must agree with retrospec on schema questions:
# check-jsonschema (PyPI) accepts the YAML/JSON examples and tests/schema/valid,
# and rejects every file in tests/schema/invalid; retrospec agrees on each file
# (syntax and schema codes; the rules beyond the schema are retrospec's own).
# Installs check-jsonschema into a virtualenv under target/ (no global install).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=target/venv-check-jsonschema
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv"
  # rfc3987 enables the `uri` format check (without it, any string passes as a URI).
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'check-jsonschema>=0.29,<1' 'rfc3987>=1.3,<2'
fi
cjs="$venv/bin/check-jsonschema"
retrospec=${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec

schema=schema/postmortem.schema.json
failures=0
pass=0
expect() { # expect accept|reject FILE
  local want=$1 file=$2 cjs_ok=accept rs_ok=accept
  "$cjs" --quiet --schemafile "$schema" "$file" >/dev/null 2>&1 || cjs_ok=reject
  # Schema questions only: syntax (RS0xx) and schema (RS1xx) codes, not the rules.
  local report
  report=$("$retrospec" check --format json "$file" 2>/dev/null || true)
  if grep -Eq '"code": "RS[01][0-9][0-9]"' <<<"$report"; then
    rs_ok=reject
  fi
  if [ "$cjs_ok" = "$want" ] && [ "$rs_ok" = "$want" ]; then
    pass=$((pass + 1))
  else
    echo "DISAGREE: $file: expected $want, check-jsonschema: $cjs_ok, retrospec: $rs_ok"
    failures=$((failures + 1))
  fi
}
for f in examples/*.yaml examples/*.json tests/schema/valid/*; do expect accept "$f"; done
for f in tests/schema/invalid/*; do expect reject "$f"; done
echo "agreement: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
