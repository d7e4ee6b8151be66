#!/usr/bin/env bash
# Installs the peer (vscode-markdown-languageserver, and markdown-it to tokenise for it as VS Code
# does) on first use, builds careerlsp if needed, and runs tests/bench/lsp.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$here/.work/peer"
mkdir -p "$work"
if [ ! -d "$work/node_modules/vscode-markdown-languageserver" ] || [ ! -d "$work/node_modules/markdown-it" ]; then
  [ -f "$work/package.json" ] || echo '{"private":true}' > "$work/package.json"
  (cd "$work" && npm install --silent --no-audit --no-fund vscode-markdown-languageserver@0.5.0 markdown-it@14)
fi
[ -d "$root/node_modules/vscode-jsonrpc" ] || (cd "$root" && npm ci --silent --no-audit --no-fund)
[ -x "$root/dist/server/careerlsp" ] || (cd "$root" && npm run build >/dev/null)
# The 10,000-entry library, from the benchmark project's generator.
[ -f "$here/.work/patterns/COMMON_PATTERNS.md" ] || dotnet run --project "$root/tests/CareerLsp.Benchmarks" -c Release -- write "$here/.work/patterns"
node "$here/lsp.mjs"
