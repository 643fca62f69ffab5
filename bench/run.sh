#!/usr/bin/env bash
# Whole-process benchmarks of `retrospec check` against peer validators, and the
# one script that regenerates the results table in bench/README.md.
#
#   bash bench/run.sh            # everything (about 15 minutes on 2 cores, more for installs)
#   BENCH_QUICK=1 bash bench/run.sh   # 1,000 files only, no 100k run, fewer runs
#
# Installs what is missing under target/ (never system-wide except hyperfine, the
# Debian package): check-jsonschema in a venv, ajv-cli + ajv-formats,
# @sourcemeta/jsonschema, markdownlint-cli2 and yaml-language-server with npm,
# jsonschema-cli and boon-cli with `cargo install --root`. A peer that cannot be
# installed is left out of the table, which says so.
#
# Never run in CI: wall-clock numbers need a quiet machine. The table records the
# load average at the start and the end of the run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
T=$ROOT/target/bench-tools
C=$ROOT/target/bench-corpus
R=$ROOT/target/bench-results
SCHEMA=$ROOT/schema/postmortem.schema.json
NPM=$T/npm/node_modules/.bin
QUICK=${BENCH_QUICK:-}
mkdir -p "$T" "$C" "$R"
rm -f "$R"/*.json "$R"/*.txt

log() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
install_tools() {
    command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
    if [ ! -x "$T/venv/bin/check-jsonschema" ]; then
        python3 -m venv "$T/venv" && "$T/venv/bin/pip" install -q check-jsonschema || true
    fi
    if [ ! -x "$NPM/ajv" ] || [ ! -x "$NPM/jsonschema" ] || [ ! -x "$NPM/markdownlint-cli2" ] \
        || [ ! -x "$NPM/yaml-language-server" ]; then
        mkdir -p "$T/npm"
        (cd "$T/npm" && npm install --no-audit --no-fund ajv-cli ajv-formats \
            @sourcemeta/jsonschema markdownlint-cli2 yaml-language-server) || true
    fi
    for crate in jsonschema-cli boon-cli; do
        bin=${crate%-cli}
        [ "$crate" = jsonschema-cli ] && bin=jsonschema-cli
        [ -x "$T/bin/$bin" ] || cargo install --quiet --root "$T" "$crate" || true
    done
}

# ---------------------------------------------------------------- corpora
corpus() { # corpus NAME COUNT [--small]
    if [ ! -f "$C/$1/.done" ]; then
        rm -rf "${C:?}/$1"
        python3 bench/gen.py "$C/$1" "$2" ${3:-}
        touch "$C/$1/.done"
    fi
}

# ---------------------------------------------------------------- runs
# bench NAME RUNS CMD... : one hyperfine group, exported to $R/NAME.json
bench() {
    local name=$1 runs=$2
    shift 2
    log "$name"
    hyperfine --style basic -N --ignore-failure --warmup "${WARMUP:-1}" --runs "$runs" \
        --export-json "$R/$name.json" "$@" >&2 || true
}
# shell variant for commands with globs
bench_sh() {
    local name=$1 runs=$2
    shift 2
    log "$name"
    hyperfine --style basic --ignore-failure --warmup "${WARMUP:-1}" --runs "$runs" \
        --export-json "$R/$name.json" "$@" >&2 || true
}

have() { [ -x "$1" ]; }

peers() { # peers FORM CORPUS RUNS
    local form=$1 n=$2 runs=$3
    local d=$C/$n/$form
    local cmds=(-n retrospec "$RS check --color never $d")
    cmds+=(-n "bare parse" "$BARE $d")
    have "$T/bin/jsonschema-cli" && cmds+=(-n jsonschema-cli "$T/bin/jsonschema-cli validate --assert-format $SCHEMA -i $d/*.$form")
    have "$T/bin/boon" && cmds+=(-n boon "$T/bin/boon --assert-format $SCHEMA $d/*.$form")
    have "$NPM/jsonschema" && cmds+=(-n sourcemeta "$NPM/jsonschema validate --format-assertion --continue $SCHEMA $d --extension .$form")
    have "$NPM/ajv" && cmds+=(-n ajv-cli "$NPM/ajv validate --spec=draft2020 --strict=false -c ajv-formats --all-errors -s $SCHEMA -d '$d/*.$form'")
    (cd "$T/npm" && bench_sh "$form-$n" "$runs" "${cmds[@]}")
    # check-jsonschema takes tens of seconds per run: one run, 1,000 files only.
    if have "$T/venv/bin/check-jsonschema" && [ "$n" = 1k ]; then
        WARMUP=0 bench_sh "$form-$n-slow" 1 -n check-jsonschema \
            "$T/venv/bin/check-jsonschema --schemafile $SCHEMA $d/*.$form"
    fi
}

rss() { # rss NAME DIR : peak RSS of one retrospec check, in KiB
    /usr/bin/time -v "$RS" check --color never "$2" >/dev/null 2>"$R/rss-$1.txt" || true
    grep 'Maximum resident' "$R/rss-$1.txt" | awk '{print $NF}' >"$R/rss-$1.kib"
}

main() {
    uptime >"$R/load-start.txt"
    [ -n "${BENCH_NO_INSTALL:-}" ] || install_tools
    log "release build"
    cargo build --release --quiet -p retrospec-cli
    cargo build --release --quiet -p retrospec-check --example bare_parse --example noop
    RS=$ROOT/target/release/retrospec
    BARE=$ROOT/target/release/examples/bare_parse
    NOOP=$ROOT/target/release/examples/noop

    corpus 1k 1000
    [ -n "$QUICK" ] || corpus 10k 10000
    [ -n "$QUICK" ] || { corpus small-10k 10000 --small; corpus small-100k 100000 --small; }

    local runs=5 big=2
    [ -z "$QUICK" ] || runs=3
    peers yaml 1k $runs
    peers json 1k $runs
    (cd "$T/npm" && bench_sh md-1k $runs -n retrospec "$RS check --color never $C/1k/md" \
        -n "bare parse" "$BARE $C/1k/md" \
        -n markdownlint-cli2 "cd $C/1k/md && $NPM/markdownlint-cli2 '*.md'")
    if [ -z "$QUICK" ]; then
        peers yaml 10k $big
        peers json 10k $big
        bench_sh md-10k $big -n retrospec "$RS check --color never $C/10k/md" \
            -n "bare parse" "$BARE $C/10k/md"
    fi

    local tc=$C/1k
    [ -n "$QUICK" ] || tc=$C/10k
    bench threads $runs -n "1 thread" "env RAYON_NUM_THREADS=1 $RS check --color never $tc/yaml" \
        -n "2 threads" "env RAYON_NUM_THREADS=2 $RS check --color never $tc/yaml"

    local one_yaml=$C/1k/yaml/000000.yaml one_md=$C/1k/md/000000.md one_json=$C/1k/json/000000.json
    local start=(-n "trivial Rust binary" "$NOOP" -n "retrospec (yaml)" "$RS check --color never $one_yaml"
        -n "retrospec (json)" "$RS check --color never $one_json"
        -n "retrospec (md)" "$RS check --color never $one_md")
    have "$T/bin/jsonschema-cli" && start+=(-n jsonschema-cli "$T/bin/jsonschema-cli validate --assert-format $SCHEMA -i $one_yaml")
    have "$T/bin/boon" && start+=(-n boon "$T/bin/boon --assert-format $SCHEMA $one_yaml")
    have "$NPM/jsonschema" && start+=(-n sourcemeta "$NPM/jsonschema validate --format-assertion $SCHEMA $one_yaml")
    bench startup 30 "${start[@]}"

    rss 1k "$C/1k/yaml"
    if [ -z "$QUICK" ]; then
        rss 10k "$C/10k/yaml"
        rss small-10k "$C/small-10k/yaml"
        rss small-100k "$C/small-100k/yaml"
        bench linear $big -n "10k small" "$RS check --color never $C/small-10k/yaml" \
            -n "100k small" "$RS check --color never $C/small-100k/yaml"
    fi

    if [ -z "${BENCH_NO_LSP:-}" ]; then
        log "language server"
        python3 bench/lsp_latency.py "$RS" --out "$R/lsp.json" ${QUICK:+--quick} \
            ${NPM:+--yaml-ls "$NPM/yaml-language-server"} || true
    fi

    uptime >"$R/load-end.txt"
    versions >"$R/versions.txt"
    python3 bench/report.py "$R" bench/README.md
}

versions() {
    echo "retrospec $("$RS" --version 2>/dev/null | awk '{print $2}') ($(git rev-parse --short HEAD))"
    have "$T/bin/jsonschema-cli" && echo "jsonschema-cli $("$T/bin/jsonschema-cli" --version 2>&1 | awk '{print $NF}')"
    have "$T/bin/boon" && echo "boon-cli $(cargo install --root "$T" --list 2>/dev/null | awk '/^boon-cli/{print $2}' | tr -d 'v:')"
    have "$NPM/jsonschema" && echo "@sourcemeta/jsonschema $("$NPM/jsonschema" version 2>/dev/null || "$NPM/jsonschema" --version)"
    have "$NPM/ajv" && echo "ajv-cli $(node -p "require('$T/npm/node_modules/ajv-cli/package.json').version") + ajv-formats $(node -p "require('$T/npm/node_modules/ajv-formats/package.json').version")"
    have "$T/venv/bin/check-jsonschema" && echo "check-jsonschema $("$T/venv/bin/check-jsonschema" --version | awk '{print $NF}')"
    have "$NPM/markdownlint-cli2" && echo "markdownlint-cli2 $(node -p "require('$T/npm/node_modules/markdownlint-cli2/package.json').version")"
    have "$NPM/yaml-language-server" && echo "yaml-language-server $(node -p "require('$T/npm/node_modules/yaml-language-server/package.json').version")"
    echo "hyperfine $(hyperfine --version | awk '{print $2}')"
    echo "rustc $(rustc --version | awk '{print $2}')"
}

main "$@"
