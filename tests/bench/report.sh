#!/usr/bin/env bash
# Report benchmark: `careerlsp report --format json` timed with hyperfine beside git's own reading of
# the same history, in the same run:
# - cold (no cache), beside `git log --no-merges --name-only -z --format=%H%x00%B%x00`, the one git
#   command that yields every message and every touched file: on a generated 100,000-commit
#   repository (git fast-import), and on helm/helm when CAREERLSP_BENCH_HELM names a local clone;
# - after one more commit (cache warm), beside `git log --format=%H%x00%B%x00`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$here/.work/report"
commits="${COMMITS:-100000}"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x "$root/dist/server/careerlsp" ] || (cd "$root" && npm run build >/dev/null)
repo="$work/repo-v3-$commits"
if [ ! -d "$repo/.git" ]; then
  rm -rf "$repo" && mkdir -p "$repo" && git -C "$repo" init -q -b main
  # Commits an hour apart by three authors, with subjects that say what they do; one in twenty is a
  # "fix typo" follow-up ten minutes after the commit before it (a bad week's rate); messages with
  # and without the habits' sections; the library grows by an entry every thousand commits.
  python3 - "$commits" <<'PY' | git -C "$repo" fast-import --quiet
import sys
n = int(sys.argv[1])
import time
t = int(time.time()) - n * 3600 - 86400  # ends a day ago: new commits come after the history, as in life
authors = ["ana@example.com", "ben@example.com", "chi@example.com"]
out = sys.stdout
library = "# Common Patterns\n\nLessons.\n\n# Git\n\n"
for i in range(1, n + 1):
    follow_up = i % 20 == 0
    t += 600 if follow_up else 3600
    author = authors[(i - 1) % 3 if not follow_up else (i - 2) % 3]
    if follow_up:
        msg = "fix typo\n"
    elif i % 3 == 0:
        msg = f"Add the handler for request kind {i}\n\nSources Consulted:\n- https://git-scm.com/docs/git-log\n\nPre-mortem:\n- Failure: kind {i} breaks\n"
    else:
        msg = f"Refactor module m{i % 500} for request kind {i}\n\nA plain message.\n"
    path = f"src/m{(i if not follow_up else i - 1) % 500}.py"
    out.write(f"commit refs/heads/main\nmark :{i}\nauthor A <{author}> {t} +0000\ncommitter A <{author}> {t} +0000\n")
    data = msg.encode()
    out.write(f"data {len(data)}\n"); out.flush(); sys.stdout.buffer.write(data); out.write("\n")
    if i > 1: out.write(f"from :{i-1}\n")
    content = f"value = {i}\n".encode()
    out.write(f"M 100644 inline {path}\ndata {len(content)}\n"); out.flush(); sys.stdout.buffer.write(content); out.write("\n")
    if i % 1000 == 0:
        library += f"- Problem {i} → remedy {i}\n"
        lib = library.encode()
        out.write(f"M 100644 inline COMMON_PATTERNS.md\ndata {len(lib)}\n"); out.flush(); sys.stdout.buffer.write(lib); out.write("\n")
    out.write("\n")
PY
  git -C "$repo" checkout -q main
fi
names_log="git log --no-merges --name-only -z --format=%H%x00%B%x00"
# Cold: the report with its cache removed before each run, and git's one pass over the same history.
cold() { # directory label
  local cache
  cache="$(git -C "$1" rev-parse --absolute-git-dir)/careerlsp"
  echo "$2: $(git -C "$1" rev-list --count HEAD) commits, $(git -C "$1" rev-list --count --no-merges HEAD) without merges"
  (cd "$1" && hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
    --prepare "true" -n "git log names" "$names_log" \
    --prepare "rm -rf $cache" -n "careerlsp report (cold)" "$root/dist/server/careerlsp report --format json" \
    --export-json "$work/cold-$2.json")
  node -e '
const results = require(process.argv[1]).results, med = (name) => results.find((r) => r.command === name).median;
const log = med("git log names"), report = med("careerlsp report (cold)"), r = report / log;
console.log(`target (${process.argv[2]}): the cold report is ${(report * 1000).toFixed(0)} ms, ${r.toFixed(2)}x git log --name-only in the same run (at most 1.5: ${r <= 1.5 ? "met" : "MISSED"})`);
' "$work/cold-$2.json" "$2"
}
if [ -n "${CAREERLSP_BENCH_HELM:-}" ]; then
  [ -d "$CAREERLSP_BENCH_HELM" ] || { echo "CAREERLSP_BENCH_HELM=$CAREERLSP_BENCH_HELM is not a directory" >&2; exit 2; }
  cold "$CAREERLSP_BENCH_HELM" helm
else
  echo "helm/helm: not timed (set CAREERLSP_BENCH_HELM to a local clone of https://github.com/helm/helm)"
fi
cold "$repo" generated
cd "$repo"
cache="$(git rev-parse --absolute-git-dir)/careerlsp"
# One more commit, then the report with the cache from the run before; git log again in the same run.
hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
  -n "git log" "git log --format=%H%x00%B%x00" \
  --prepare "sh -c 'git reset -q --soft HEAD~1 2>/dev/null; git commit -q --allow-empty -m \"One more\" && $root/dist/server/careerlsp report --format json >/dev/null && git commit -q --allow-empty -m \"One more again\"'" \
  -n "careerlsp report (one new commit, cache warm)" "$root/dist/server/careerlsp report --format json" \
  --export-json "$work/warm.json"
node -e '
const med = (f, name) => require(f).results.find((r) => r.command === name).median;
const log = med(process.argv[1], "git log"), warm = med(process.argv[1], "careerlsp report (one new commit, cache warm)");
const r = warm / log;
console.log(`target: the report after one new commit is ${(warm * 1000).toFixed(1)} ms, ${r.toFixed(3)}x git log in the same run (at most 0.1: ${r <= 0.1 ? "met" : "MISSED"})`);
' "$work/warm.json"
