#!/usr/bin/env bash
# The README's start command on a fresh database, as a user would run it: it must
# finish cleanly (until the gateway serves), and a malformed database URL must stop
# it with a message naming the variable, creating nothing on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
readme_start=$(awk '/^```/{n++; next} n==1' README.md | sed -n 1p)

BASHKE_LOCALE=en BASHKE_DATABASE_URL="sqlite:$tmp/smoke.db" bash -c "$readme_start" | tee "$tmp/out.txt"
grep -q "Database: sqlite:$tmp/smoke.db" "$tmp/out.txt"
test -s "$tmp/smoke.db"

mkdir "$tmp/empty"
if (cd "$tmp/empty" && BASHKE_LOCALE=en BASHKE_DATABASE_URL="mysql://x@y/z" node "$OLDPWD/apps/cli/dist/bin.js" start 2>"$tmp/err.txt"); then
  echo "a malformed BASHKE_DATABASE_URL was accepted" >&2; exit 1
fi
grep -q BASHKE_DATABASE_URL "$tmp/err.txt"
[ -z "$(ls -A "$tmp/empty")" ] || { echo "a malformed URL created files" >&2; exit 1; }
echo "start smoke test: ok"
