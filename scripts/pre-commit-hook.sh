#!/usr/bin/env bash
# Entry of the `retrospec` pre-commit hook (.pre-commit-hooks.yaml): builds the
# binary from this checkout on first use, then checks the files pre-commit
# passes (plain Markdown without front matter is skipped). Arguments from the
# hook's `args:` come before the file names, so `args: [--deny-warnings]` works.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/target/release/retrospec"
if [ ! -x "$bin" ]; then
  echo "retrospec: building the hook from source with cargo (first run only)" >&2
  # --target-dir: the binary must land where this script looks, whatever
  # CARGO_TARGET_DIR the user has set.
  cargo build --release --locked --quiet -p retrospec-cli \
    --manifest-path "$here/Cargo.toml" --target-dir "$here/target" >&2
fi
exec "$bin" check --require-front-matter "$@"
