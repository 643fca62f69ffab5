#!/usr/bin/env bash
# The writers, checked by independent readers: every example converted by
# `retrospec convert` to YAML and to JSON is accepted by check-jsonschema (PyPI)
# and by retrospec (syntax and schema codes), and ruamel.yaml (YAML 1.2) reads
# the YAML as exactly the JSON. (The schema corpus, tests/schema/, is checked by
# three validators in tests/external/conformance.sh.)
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
[ "${1:-}" = --install-only ] && exit 0
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
# The writers: every example converted to YAML and to JSON is accepted, and an
# independent YAML 1.2 reader (ruamel.yaml, which check-jsonschema uses) reads the
# YAML as exactly the JSON, strings that YAML would type included.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/tricky.json" <<'JSON'
{"title": "Tricky strings", "status": "draft", "x-strings": ["no", "yes", "on", "off", "y",
 "10:50", "0o17", "+.inf", ".inf", ".nan", "0x1F", "1e3", "-7", "null", "~", "true", "",
 "@team", "#1", "*a", "&a", "!t", "- a", "? q", "a: b", "a #b", "TODO: x", "[x]", "{y}",
 "2024-06-10", "2024-06-10 16:05 CEST", "2024-06-10T16:05:00Z", "multi\nline\n",
 "two\n\nparagraphs", "\n  indented", "tab\tx", "quote\"s", "back\\slash", "caf\u00e9",
 "https://example.com/a?b=c#d"]}
JSON
for f in examples/* "$tmp/tricky.json"; do
  base=$(basename "${f%.*}")
  for to in yaml json; do
    "$retrospec" convert "$f" --to "$to" -o "$tmp/out-$base.$to" 2>/dev/null
    expect accept "$tmp/out-$base.$to"
  done
  if "$venv/bin/python" - "$tmp/out-$base.yaml" "$tmp/out-$base.json" <<'PY'
import json, sys
from ruamel.yaml import YAML
yaml = YAML(typ="safe", pure=True)  # YAML 1.2
# YAML 1.2's core schema has no timestamp type: dates stay text, as in retrospec.
yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda c, n: c.construct_scalar(n))
with open(sys.argv[1]) as y, open(sys.argv[2]) as j:
    sys.exit(0 if yaml.load(y) == json.load(j) else 1)
PY
  then
    pass=$((pass + 1))
  else
    echo "DISAGREE: $f: ruamel.yaml reads retrospec's YAML differently from its JSON"
    failures=$((failures + 1))
  fi
done
echo "agreement: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
