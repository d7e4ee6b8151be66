#!/usr/bin/env bash
# Regenerates docs/screenshots from the real-editor scenarios: they are taken into a folder of this
# run's and copied into the repository only when every scenario passed (npm test never writes them).
set -uo pipefail
cd "$(dirname "$0")/../.."
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
if ! CAREERLSP_SCREENSHOTS_DIR="$staging" bash tests/editor/run.sh; then
  echo "screenshots: a scenario failed; docs/screenshots is unchanged" >&2
  exit 1
fi
mkdir -p docs/screenshots
cp "$staging"/*.png docs/screenshots/
echo "screenshots: $(ls "$staging"/*.png | wc -l) written to docs/screenshots"
