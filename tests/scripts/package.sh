#!/usr/bin/env bash
# Builds dist/careerlsp-<version>.vsix: the extension bundled with esbuild, the published server
# (ReadyToRun) in server/, and the configuration schema for jsonValidation.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/scripts/build.sh
cd vscode-extension
# npm install, not npm ci: npm 11 leaves other platforms' optional packages out of this lock and then
# npm ci rejects it; npm install keeps to the lock (unchanged) and fills them in.
[ -d node_modules/vscode-languageclient ] || npm install --no-audit --no-fund --loglevel=error
npm run build --silent
rm -rf server schemas
cp -r ../dist/server server
mkdir -p schemas
cp ../server/careerlsp.schema.json schemas/
version=$(node -p "require('./package.json').version")
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository --out "../dist/careerlsp-$version.vsix"
echo "package: dist/careerlsp-$version.vsix"
