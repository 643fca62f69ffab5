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

npm ci --no-audit --no-fund
npm run compile
vsix="$(node -p 'const p = require("./package.json"); `${p.name}-${p.version}.vsix`')"
rm -f "$vsix"
npm run package -- --out "$vsix"
test -s "$vsix"
echo "$(pwd)/$vsix"
