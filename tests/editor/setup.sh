#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently (a second run does nothing):
# - Debian's Chromium, and the build tools code-server's native modules are compiled with;
# - code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from npm, into
#   tests/editor/.work/code-server. Its ripgrep dependency downloads a binary from GitHub unless
#   its cache holds one: a tarball of Debian's ripgrep is put there first.
# playwright-core comes with the project's npm dependencies; no browser is ever downloaded.
# Without root or apt-get this says what is missing and fails, unless CAREERLSP_E2E=skip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
skip_or_fail() {
  echo "editor tests: $1" >&2
  if [ "${CAREERLSP_E2E:-}" = skip ]; then echo "editor tests: skipped (CAREERLSP_E2E=skip)" >&2; exit 3; fi
  exit 1
}

packages=(chromium ripgrep build-essential pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    skip_or_fail "needs root and apt-get to install ${missing[*]}"
  fi
  echo "editor tests: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# @vscode/ripgrep 1.15.11 (pinned by code-server's VS Code) looks here before it downloads.
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
asset="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$asset" ]; then
  mkdir -p "$cache"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -C "$staging" -czf "$asset" rg
  rm -rf "$staging"
fi

server="$work/code-server"
if [ ! -x "$server/node_modules/.bin/code-server" ]; then
  echo "editor tests: installing code-server 4.100.3 (about two minutes, once)" >&2
  rm -rf "$server" && mkdir -p "$server"
  echo '{ "private": true }' > "$server/package.json"
  # As root, npm runs install scripts as nobody unless told not to; node-pty's build asks npx to confirm.
  (cd "$server" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error code-server@4.100.3 >"$work/code-server-install.log" 2>&1) \
    || { tail -30 "$work/code-server-install.log" >&2; skip_or_fail "code-server did not install (log: $work/code-server-install.log)"; }
fi
echo "editor tests: ready ($("$server/node_modules/.bin/code-server" --version | head -1))" >&2
