#!/usr/bin/env bash
# Runs every test project in the solution and closes with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The CLI tests exercise the binary npm run build just published.
export CAREERLSP_BIN="$PWD/dist/server/careerlsp"
# The end-to-end tests drive the server with vscode-jsonrpc from npm: install it when missing.
if [ ! -d node_modules/vscode-jsonrpc ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# The pre-commit framework, for the test of .pre-commit-hooks.yaml (Debian's package).
if ! command -v pre-commit >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
# What users install, for every target: the tests below check the VSIX, archives and .NET tool, run
# the packaged linux-x64 server with no .NET reachable, and install the linux-x64 VSIX in the editor.
if ! bash tests/scripts/package.sh; then
  echo "test: npm run package failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
export CAREERLSP_PACKAGED=1
log=$(mktemp)
# Normal verbosity shows what tests print to stderr (the pattern matching precision and recall).
dotnet test CareerLsp.sln -c Release --nologo --blame-hang-timeout 10m --blame-hang-dump-type none --logger "console;verbosity=normal" 2>&1 | grep -vE "^\s+Passed [A-Za-z]" | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

# The language server end to end, through the real client library, over stdio.
node --test --test-force-exit --test-timeout=120000 tests/e2e/ 2>&1 | tee "$log"
node_status=${PIPESTATUS[0]}
[ "$node_status" -ne 0 ] && status=$node_status
passed=$((passed + $(awk '/^# pass /{print $3}' "$log" | tail -1)))
failed=$((failed + $(awk '/^# fail /{print $3}' "$log" | tail -1)))
skipped=$((skipped + $(awk '/^# skipped /{print $3}' "$log" | tail -1)))

# The extension, against a mocked vscode API.
(cd vscode-extension && { [ -d node_modules/vitest ] || npm install --no-audit --no-fund --loglevel=error; } && NO_COLOR=1 npx --no-install vitest run) 2>&1 | tee "$log"
extension_status=${PIPESTATUS[0]}
[ "$extension_status" -ne 0 ] && status=$extension_status
sed -i 's/\x1b\[[0-9;]*m//g' "$log"  # Colour codes, should a runner print them anyway.
passed=$((passed + $(grep -oE 'Tests +([0-9]+ failed \| )?[0-9]+ passed' "$log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | tail -1 || echo 0)))
failed=$((failed + $(grep -oE 'Tests +[0-9]+ failed' "$log" | grep -oE '[0-9]+' | tail -1 || echo 0)))
# The packaged extension in real VS Code (code-server) in Chromium: what a person sees.
bash tests/editor/run.sh 2>&1 | tee "$log"
editor_status=${PIPESTATUS[0]}
[ "$editor_status" -ne 0 ] && status=$editor_status
passed=$((passed + $(awk '/^# pass /{print $3}' "$log" | tail -1 | grep . || echo 0)))
failed=$((failed + $(awk '/^# fail /{print $3}' "$log" | tail -1 | grep . || echo 0)))
rm -f "$log"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test: no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
