#!/usr/bin/env bash
# Whole-process time of checking one realistic ~1 KB commit message, as the commit-msg hook does:
# careerlsp check commit vs gitlint --msg-filename vs commitlint --edit, side by side with hyperfine.
# Installs what it needs (hyperfine and gitlint from Debian, commitlint from npm) on first run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/tests/bench/.work"
runs="${RUNS:-40}"
mkdir -p "$work"

if ! command -v hyperfine >/dev/null || ! command -v gitlint >/dev/null; then
  echo "bench: installing hyperfine and gitlint (apt-get)" >&2
  apt-get update -qq && apt-get install -y -qq hyperfine gitlint >/dev/null
fi
if [ ! -x "$work/node_modules/.bin/commitlint" ]; then
  echo "bench: installing @commitlint/cli and @commitlint/config-conventional (npm)" >&2
  (cd "$work" && [ -f package.json ] || echo '{"private":true}' > "$work/package.json"
   cd "$work" && npm install --silent --no-audit --no-fund @commitlint/cli@19 @commitlint/config-conventional@19 >/dev/null)
fi
[ -x "$root/dist/server/careerlsp" ] || (cd "$root" && npm run build >/dev/null)

# A repository with something staged, like a real commit-msg hook run.
repo="$work/repo"
rm -rf "$repo" && git init -q -b main "$repo"
git -C "$repo" config user.name Bench && git -C "$repo" config user.email bench@example.com
seq 1 40 > "$repo/parser.txt" && git -C "$repo" add parser.txt
echo "module.exports = { extends: ['@commitlint/config-conventional'] };" > "$repo/commitlint.config.js"
cp "$root/tests/bench/commit-message.txt" "$repo/COMMIT_EDITMSG"
size=$(wc -c < "$repo/COMMIT_EDITMSG")
echo "bench: message of $size bytes; $runs runs each after 3 warm-ups" >&2

# The same, with a pattern library: the hook then also reads the staged diff and matches it.
library_repo="$work/repo-library"
rm -rf "$library_repo" && cp -r "$repo" "$library_repo" && cp "$root/COMMON_PATTERNS.md" "$library_repo/"

cd "$repo"
hyperfine --shell=none --warmup 3 --runs "$runs" -i --export-json "$work/result.json" \
  -n careerlsp "$root/dist/server/careerlsp check commit COMMIT_EDITMSG" \
  -n "careerlsp, with COMMON_PATTERNS.md" "$root/dist/server/careerlsp check commit --repo $library_repo $library_repo/COMMIT_EDITMSG" \
  -n gitlint "gitlint --msg-filename COMMIT_EDITMSG" \
  -n commitlint "$work/node_modules/.bin/commitlint --edit COMMIT_EDITMSG" >&2

node -e '
const r = require(process.argv[1]).results;
const m = Object.fromEntries(r.map(x => [x.command, x]));
const ms = x => (x.median * 1000).toFixed(1);
console.log("| tool | median | mean ± σ | min | careerlsp / tool |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const x of r) {
  const ratio = (m.careerlsp.median / x.median).toFixed(2);
  console.log(`| ${x.command} | ${ms(x)} ms | ${(x.mean*1000).toFixed(1)} ± ${(x.stddev*1000).toFixed(1)} ms | ${(x.min*1000).toFixed(1)} ms | ${ratio} |`);
}
const g = m.careerlsp.median / m.gitlint.median, c = m.careerlsp.median / m.commitlint.median;
console.log(`\ntargets: careerlsp/gitlint ${g.toFixed(2)} (at most 0.30: ${g <= 0.3 ? "met" : "MISSED"}), careerlsp/commitlint ${c.toFixed(2)} (at most 0.07: ${c <= 0.07 ? "met" : "MISSED"})`);
' "$work/result.json"
