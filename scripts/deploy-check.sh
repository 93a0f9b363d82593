#!/usr/bin/env bash
# What of docs/deploy/ can run on this machine, run: the systemd unit verified
# with `systemd-analyze verify` (when the machine has systemd's tools), every
# variable of the environment file one the code reads, `.dev.vars` ignored by
# git, and the PostgreSQL backup and restore drill for real (a database of its
# own, dropped after). Run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "deploy check: $1" >&2; exit 1; }

if command -v systemd-analyze >/dev/null; then
  # Warnings (an unknown key, a bad value) print but exit 0: any output is a failure too.
  out=$(systemd-analyze verify docs/deploy/bashke.service 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify: $out"
  echo "deploy check: docs/deploy/bashke.service verified"
else
  echo "deploy check: no systemd-analyze on this machine; the unit is not verified"
fi

unknown=()
for variable in $(grep -oE '^[A-Z_]+=' docs/deploy/bashke.env.example | tr -d '='); do
  case "$variable" in NODE_ENV) continue ;; esac
  grep -rqw --include=*.ts "$variable" apps/*/src packages/*/src || unknown+=("$variable")
done
[ "${#unknown[@]}" -eq 0 ] || fail "docs/deploy/bashke.env.example names variables the code never reads: ${unknown[*]}"
echo "deploy check: every variable of docs/deploy/bashke.env.example is read by the code"

git check-ignore -q apps/gateway/.dev.vars || fail "apps/gateway/.dev.vars is not ignored by git (docs/deploy/workers.md)"

PGURL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = ""; console.log(u.href.replace(/\/$/, ""))' \
  "${BASHKE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}") bash docs/deploy/backup-restore-drill.sh
