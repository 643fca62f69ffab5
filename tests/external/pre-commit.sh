#!/usr/bin/env bash
# The pre-commit hooks, run by pre-commit itself (PyPI, installed into a
# virtualenv under target/): a temporary git repository uses this repository
# (a clone at HEAD, so commit first) through `repo:` + `rev:`, as users do.
# pre-commit also validates .pre-commit-hooks.yaml and README.md's snippets.
# Per hook: a broken report is blocked with `file:line:col` and the code, the
# fixed report passes, plain Markdown (README.md) and YAML outside the
# postmortem folders are not checked.
#
# `retrospec-system` uses the binary built here (on PATH). `retrospec` (the
# build-from-source hook) gets that binary placed where its first-run build
# would put it, so the test does not spend minutes in a release build; set
# RETROSPEC_HOOK_BUILD=1 to run that build for real.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

venv=target/venv-pre-commit
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pre-commit>=4,<5'
fi
precommit=$root/$venv/bin/pre-commit
[ "${1:-}" = --install-only ] && exit 0
retrospec=${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec
retrospec=$(realpath "$retrospec")

work=$root/target/pre-commit-test
rm -rf "$work" && mkdir -p "$work/bin"
ln -s "$retrospec" "$work/bin/retrospec"
export PRE_COMMIT_HOME=$work/home
export PATH="$work/bin:$PATH"
git clone --quiet "$root" "$work/retrospec"
rev=$(git -C "$work/retrospec" rev-parse HEAD)

pass=0
failures=0
ok() { pass=$((pass + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The manifest, and the configuration snippets users copy from README.md.
if "$precommit" validate-manifest .pre-commit-hooks.yaml >"$work/validate.txt" 2>&1; then ok; else
  fail "validate-manifest .pre-commit-hooks.yaml:"; sed 's/^/  /' "$work/validate.txt"
fi
for f in $(python3 tests/external/readme_snippets.py "$work/readme" | grep /precommit-); do
  if "$precommit" validate-config "$f" >"$work/validate.txt" 2>&1; then ok; else
    fail "validate-config on README.md's snippet $(basename "$f"):"; sed 's/^/  /' "$work/validate.txt"
  fi
done

for hook in retrospec-system retrospec; do
  repo=$work/repo-$hook
  mkdir -p "$repo" && cd "$repo"
  git init --quiet
  git config user.email test@example.com
  git config user.name test
  git config commit.gpgsign false
  cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/retrospec
    rev: $rev
    hooks:
      - id: $hook
YAML
  git add .pre-commit-config.yaml
  git commit --quiet --no-verify -m config
  "$precommit" install --install-hooks >/dev/null
  if [ "$hook" = retrospec ] && [ "${RETROSPEC_HOOK_BUILD:-0}" != 1 ]; then
    clone=$(dirname "$(grep -l "$work/retrospec" "$PRE_COMMIT_HOME"/repo*/.git/config 2>/dev/null | head -1)")
    clone=${clone%/.git}
    mkdir -p "$clone/target/release"
    cp "$retrospec" "$clone/target/release/retrospec"
  fi

  mkdir -p postmortems
  cp "$root/tests/fixtures/RS203/fires.md" postmortems/2024-07-02-sync.md
  git add postmortems
  if out=$(git commit -m broken 2>&1); then
    fail "$hook: a broken report was committed"
  elif grep -q 'postmortems/2024-07-02-sync.md:8:29' <<<"$out" && grep -q 'RS203' <<<"$out"; then
    ok
  else
    fail "$hook: blocked without file:line:col and code:"; sed 's/^/  /' <<<"$out"
  fi

  cp "$root/tests/fixtures/RS203/passes.md" postmortems/2024-07-02-sync.md
  git add postmortems
  if out=$(git commit -m fixed 2>&1) && grep -q 'Passed' <<<"$out"; then ok; else
    fail "$hook: the fixed report was blocked:"; sed 's/^/  /' <<<"$out"
  fi

  printf '# Project\n\nNot a report.\n' >README.md
  printf '# Our postmortems\n\nOne file per incident.\n' >postmortems/README.md
  mkdir -p .github/workflows
  printf 'on: push\njobs: {}\n' >.github/workflows/ci.yml
  git add README.md postmortems/README.md .github
  if out=$(git commit -m docs 2>&1); then ok; else
    fail "$hook: plain Markdown or unrelated YAML was blocked:"; sed 's/^/  /' <<<"$out"
  fi
  cd "$root"
done
echo "pre-commit: $pass passed, $failures failed"
[ "$failures" -eq 0 ]
