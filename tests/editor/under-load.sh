#!/usr/bin/env bash
# The real-editor scenarios N times in a row (RUNS, default 20) with every core kept busy by one
# spinning process each, no retries: prints each run's result and "N runs, F failed" at the end.
# Exit 1 when any run failed. Run npm run package (or npm test) first: it uses the packaged VSIX.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-20}"
cores="$(nproc)"
busy=()
for _ in $(seq "$cores"); do (while :; do :; done) & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT
echo "under-load: $runs runs of the editor scenarios beside $cores busy processes ($cores cores)"
failed=0
for i in $(seq "$runs"); do
  log="$(mktemp)"
  start=$(date +%s)
  if CAREERLSP_PACKAGED=1 bash tests/editor/run.sh >"$log" 2>&1; then
    echo "run $i: passed ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED ($(( $(date +%s) - start )) s)"
    grep -aE '^not ok|waiting for' "$log" | head -6 | sed 's/^/  /'
  fi
  rm -f "$log"
done
echo "$runs runs, $failed failed"
[ "$failed" -eq 0 ]
