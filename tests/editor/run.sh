#!/usr/bin/env bash
# The real-editor tests: set-up (once per machine), the VSIX, then the scenarios in code-server.
# Exit 0 when they pass or are skipped with CAREERLSP_E2E=skip where the set-up cannot run.
set -uo pipefail
cd "$(dirname "$0")/../.."
bash tests/editor/setup.sh
case $? in
  0) ;;
  3) echo "# editor tests skipped (CAREERLSP_E2E=skip)"; exit 0 ;;
  *) exit 1 ;;
esac
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
# npm test has packaged every target already; alone, this builds the linux-x64 VSIX the scenarios install.
if [ "${CAREERLSP_PACKAGED:-}" != 1 ]; then
  bash tests/scripts/package.sh linux-x64 >/dev/null || { echo "editor tests: the VSIX did not build" >&2; exit 1; }
fi
node --test --test-force-exit --test-timeout=300000 tests/editor/
