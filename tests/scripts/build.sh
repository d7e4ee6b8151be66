#!/usr/bin/env bash
# Publishes the careerlsp CLI and language server for this machine to dist/server/careerlsp:
# NativeAOT (see publish.sh), so it starts in milliseconds and needs no .NET to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v git >/dev/null 2>&1; then
  echo "build: git is required and not on PATH; install it (https://git-scm.com/downloads)" >&2
  exit 2
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *) echo "build: no target for $(uname -s) $(uname -m)" >&2; exit 2 ;;
esac
bash tests/scripts/publish.sh "$rid" dist/server >/dev/null
echo "build: dist/server/careerlsp $(dist/server/careerlsp --version) ($rid, NativeAOT)"
