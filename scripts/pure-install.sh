#!/usr/bin/env bash
# A team that installs the public packages for their pure models (schemas,
# rules, state machines: `@bashke/case` for its references and lifecycle) gets
# no database driver: `pg`, `better-sqlite3` and the Effect SQL drivers are
# optional peers of the packages whose /node, /pg and /testing entries reach
# them (check-architecture refuses them as dependencies or required peers).
# This holds it as a consumer sees it: every public package packed as npm would
# publish it, installed with npm in a temporary folder outside the workspace;
# no driver may land in node_modules, and each package's main entry loads in
# ESM and CommonJS. Nothing @bashke/* comes from a registry; third-party
# packages come from npm (its cache after the first run), with no install
# scripts run. Run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)
say() { printf 'pure install: %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bashke-pure-XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work" in "$root"/*) echo "pure install: $work is inside the workspace" >&2; exit 1 ;; esac

node scripts/pack-public.mjs "$work/tarballs" >/dev/null
say "packed $(ls "$work/tarballs" | wc -l) public packages"

mkdir -p "$work/consumer" && cd "$work/consumer"
npm init -y >/dev/null
npm install --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error "$work"/tarballs/*.tgz >/dev/null
say "installed with npm"

node -e '
  const lock = require("./package-lock.json").packages
  const drivers = ["pg", "better-sqlite3", "@effect/sql-pg", "@effect/sql-sqlite-node", "@effect/sql-sqlite-wasm", "@effect/sql-d1"]
  const installed = Object.keys(lock).filter((path) => drivers.some((name) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)))
  if (installed.length > 0) {
    console.error("pure install: a consumer of the public packages gets database drivers:", installed.join(", "))
    process.exit(1)
  }
  const bashke = Object.entries(lock).filter(([path]) => /(^|\/)node_modules\/@bashke\//.test(path))
  const elsewhere = bashke.filter(([, entry]) => !String(entry.resolved ?? "").startsWith("file:"))
  if (bashke.length === 0 || elsewhere.length > 0) {
    console.error("pure install: @bashke packages not from the tarballs:", elsewhere.map(([path]) => path).join(", ") || "none installed")
    process.exit(1)
  }'

# Each main entry loads without a driver, in both module systems.
names=$(node -p 'Object.keys(require("./package.json").dependencies).join(" ")')
node --input-type=module -e '
  for (const name of process.argv.slice(1))
    if (Object.keys(await import(name)).length === 0) throw new Error(`${name}: nothing exported`)' $names
node -e '
  for (const name of process.argv.slice(1))
    if (Object.keys(require(name)).length === 0) throw new Error(`${name}: nothing exported`)' $names
# A schema and a rule of the case model work as a consumer would use them.
node --input-type=module -e '
  import { Either } from "effect"
  const { CaseReference } = await import("@bashke/case")
  const parsed = CaseReference.parse("GJI-2026-0042")
  if (!Either.isRight(parsed) || parsed.right.sequence !== 42) throw new Error("@bashke/case: the reference did not parse")
'
say "$(wc -w <<<"$names") packages load in ESM and CommonJS with no database driver installed"
