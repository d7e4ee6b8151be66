#!/usr/bin/env bash
# Pattern library benchmarks (issue 4): BenchmarkDotNet on a generated 10,000-entry library and a
# 5 MB diff (parse + diagnose, building the matcher, reading the diff, matching), then the CLI end to
# end with hyperfine (installed with apt when missing). Figures go in the README.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$here/.work/patterns"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$root/dist/server/careerlsp" ] || (cd "$root" && npm run build >/dev/null)
dotnet build "$root/tests/CareerLsp.Benchmarks" -c Release --nologo -v quiet >/dev/null
dotnet run --project "$root/tests/CareerLsp.Benchmarks" -c Release --no-build -- write "$work"
ls -l "$work"
(cd "$work" && dotnet run --project "$root/tests/CareerLsp.Benchmarks" -c Release --no-build -- --filter '*PatternBenchmarks*' --exporters markdown) | grep -E '^\|'
cd "$work"
hyperfine --warmup 3 --runs 20 -N \
  "$root/dist/server/careerlsp check patterns COMMON_PATTERNS.md" \
  "$root/dist/server/careerlsp patterns match --library COMMON_PATTERNS.md --diff change.diff --format json"
