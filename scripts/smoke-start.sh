#!/usr/bin/env bash
# The README's start command on a fresh database, as a user would run it: it must
# migrate, seed the demo, serve on PORT, name a credentials file with a token that works, and stop cleanly
# on SIGTERM; a malformed database URL must stop it with a message naming the
# variable, creating nothing on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
readme_start=$(awk '/^```/{n++; next} n==1' README.md | sed -n 1p)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# Its own process group, so the whole tree (npm → node) can be stopped at once.
set -m
BASHKE_LOCALE=en PORT="$port" BASHKE_DATABASE_URL="sqlite:$tmp/smoke.db" bash -c "$readme_start" >"$tmp/out.txt" 2>&1 &
pid=$!
set +m
for _ in $(seq 1 300); do
  grep -q "is serving on" "$tmp/out.txt" && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/out.txt"; echo "start exited early" >&2; exit 1; }
  sleep 1
done
cat "$tmp/out.txt"
grep -q "Database: sqlite:$tmp/smoke.db" "$tmp/out.txt"
grep -q "is serving on http://127.0.0.1:$port" "$tmp/out.txt"
grep -q "Demo data seeded" "$tmp/out.txt"
# Output that is not a terminal never carries the demo's tokens (security finding 2):
# they are in a file only its owner reads, named in the output.
credentials=$(sed -n 's/.*demo.s tokens and links are in \(\/[^ ]*demo-credentials\.txt\).*/\1/p' "$tmp/out.txt")
[ -n "$credentials" ] && [ -f "$credentials" ] || { echo "no demo credentials file named" >&2; exit 1; }
test "$(stat -c %a "$credentials")" = 600
if grep -q "bsk_" "$tmp/out.txt"; then echo "a demo token was printed to redirected output" >&2; exit 1; fi
token=$(sed -n 's/.*token for the demo caseManager: \(bsk_[A-Za-z0-9_-]*\).*/\1/p' "$credentials")
mechanism=$(sed -n 's/.*mechanismId=\([0-9A-Z]*\).*/\1/p' "$credentials")
[ -n "$token" ] && [ -n "$mechanism" ] || { echo "no demo token or mechanism printed" >&2; exit 1; }
test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/cases?mechanismId=$mechanism" | grep -q '"reference":"GJI-'
test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/cases?mechanismId=$mechanism")" = 401
# The web app at / (npm start builds it), never cached, under the strict CSP; its sign-in links printed.
grep -q "The app in a browser: http://127.0.0.1:$port/" "$tmp/out.txt"
curl -s -D "$tmp/web-headers.txt" "http://127.0.0.1:$port/" | grep -q '<div id="root"></div>'
grep -qi "^content-security-policy: default-src 'self'; script-src 'self';" "$tmp/web-headers.txt"
grep -qi "^cache-control: no-cache" "$tmp/web-headers.txt"
grep -q "/sign-in#token=" "$credentials"
kill -TERM -- "-$pid"
wait "$pid" || true
pid=""
test -s "$tmp/smoke.db"

mkdir "$tmp/empty"
if (cd "$tmp/empty" && BASHKE_LOCALE=en BASHKE_DATABASE_URL="mysql://x@y/z" node "$OLDPWD/apps/cli/dist/bin.js" start 2>"$tmp/err.txt"); then
  echo "a malformed BASHKE_DATABASE_URL was accepted" >&2; exit 1
fi
grep -q BASHKE_DATABASE_URL "$tmp/err.txt"
[ -z "$(ls -A "$tmp/empty")" ] || { echo "a malformed URL created files" >&2; exit 1; }
echo "start smoke test: ok"
