#!/usr/bin/env bash
# Publishes the careerlsp CLI and language server for this machine to dist/server/careerlsp:
# NativeAOT (see publish.sh), so it starts in milliseconds and needs no .NET to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v git >/dev/null 2>&1; then
  echo "build: git is required and not on PATH; install it (https://git-scm.com/downloads)" >&2
  exit 2
fi
rid=$(bash tests/scripts/rid.sh)
bash tests/scripts/publish.sh "$rid" dist/server
echo "build: dist/server/careerlsp $(dist/server/careerlsp --version)"
