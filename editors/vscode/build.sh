#!/usr/bin/env bash
# Builds the retrospec VS Code extension and prints the path of the .vsix.
#   npm ci           the locked dependencies (package-lock.json)
#   npm run compile  copies ../../schema/postmortem.schema.json into schema/,
#                    type-checks with tsc, bundles src/ into dist/extension.js (esbuild)
#   npm run package  vsce package --no-dependencies (everything is in the bundle)
# Needs Node.js 20 or newer and the npm registry. Install the result with
#   code --install-extension <printed path>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# `npm ci` empties node_modules first: skip it when this lock file is installed
# already (scripts/prepare.sh installs it while a test run compiles).
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-package-lock.json
fi
[ "${1:-}" = --install-only ] && exit 0
npm run compile
vsix="$(node -p 'const p = require("./package.json"); `${p.name}-${p.version}.vsix`')"
rm -f "$vsix"
npm run package -- --out "$vsix"
test -s "$vsix"
echo "$(pwd)/$vsix"
