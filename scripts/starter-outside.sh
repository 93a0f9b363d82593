#!/usr/bin/env bash
# The plugin starter as an outside team uses it, in a temporary folder outside
# the workspace: the packages packed with `pnpm pack` (workspace ranges become
# versions, only `files` ship), a plugin written by the packed starter, npm
# installing it from those tarballs, then its typecheck, tests and build; then
# the plugin packed in turn and installed beside a packed gateway in a second
# folder (a deployment), which starts with the plugin configured, reports it
# healthy on /health and runs its pull against a feed on 127.0.0.1.
#
# Nothing @bashke/* comes from a registry: every such package in both folders
# must resolve to a tarball of this workspace. Third-party packages come from
# npm (its cache after the first run). One concession to this machine: npm runs
# no install scripts here (`--ignore-scripts`), and better-sqlite3's native
# binding — which `prebuild-install` would download, or node-gyp compile for
# minutes — is copied from the workspace's install of the same pinned version.
# Run after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)
say() { printf 'starter outside: %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bashke-outside-XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work" in "$root"/*) echo "starter outside: $work is inside the workspace" >&2; exit 1 ;; esac

# ---- pack: every public package, the gateway (private: an application, packed here to be installed beside a plugin)
mkdir -p "$work/tarballs"
pids=()
for dir in packages/* apps/gateway; do
  [ -f "$dir/package.json" ] || continue
  (cd "$dir" && ${PNPM:-pnpm} pack --pack-destination "$work/tarballs" >/dev/null) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
tarball() { ls "$work/tarballs/bashke-$1-"*.tgz; }
say "packed $(ls "$work/tarballs" | wc -l) packages"

sqlite_binding=$(cd apps/gateway && node -p 'require("node:path").join(require("node:path").dirname(require.resolve("better-sqlite3/package.json")), "build/Release/better_sqlite3.node")')
sqlite_version=$(cd apps/gateway && node -p 'require("better-sqlite3/package.json").version')
# The effect the workspace builds and tests with: a deployment pins it, as it pins the driver
# (the packages ask for ^3.22.4 as peers; npm would otherwise take the newest 3.x beside the
# gateway's own exact pin, and install effect twice).
effect_version=$(cd apps/gateway && node -p 'require("effect/package.json").version')
npm_install() {
  npm install --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error "$@" >/dev/null
  local installed
  installed=$(node -p 'require("better-sqlite3/package.json").version')
  [ "$installed" = "$sqlite_version" ] || { echo "starter outside: better-sqlite3 $installed installed, the binding is $sqlite_version's" >&2; exit 1; }
  mkdir -p node_modules/better-sqlite3/build/Release
  cp "$sqlite_binding" node_modules/better-sqlite3/build/Release/
  # Every @bashke package from a tarball of this workspace, none from a registry; and one
  # effect: two copies in one process would each keep their own services and fibers.
  node -e '
    const lock = require("./package-lock.json").packages
    const bashke = Object.entries(lock).filter(([path]) => /(^|\/)node_modules\/@bashke\/[^/]+$/.test(path))
    const elsewhere = bashke.filter(([, entry]) => !String(entry.resolved ?? "").startsWith("file:"))
    if (bashke.length === 0 || elsewhere.length > 0) {
      console.error("starter outside: @bashke packages not from the tarballs:", elsewhere.map(([path]) => path).join(", ") || "none installed")
      process.exit(1)
    }
    const effects = Object.keys(lock).filter((path) => /(^|\/)node_modules\/effect$/.test(path))
    if (effects.length > 1) {
      console.error("starter outside: more than one effect installed:", effects.join(", "))
      process.exit(1)
    }'
}

# ---- the starter writes a plugin, as `npm create @bashke/plugin` would run it
mkdir -p "$work/starter" && cd "$work/starter"
npm init -y >/dev/null
npm install --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error "$(tarball create-plugin)" >/dev/null
npx --no-install create-plugin "$work/plugin-shelter" --name @acme/plugin-shelter
cd "$work/plugin-shelter"
grep -q '"@bashke/plugin-sdk"' package.json
# The starter pins the released versions of the SDK; here the SDK is this workspace's, from its tarballs.
dev=()
for name in kernel persistence security plugin-sdk; do dev+=("@bashke/$name@file:$(tarball "$name")"); done
npm_install -D "${dev[@]}"
say "plugin written by the starter and installed from the tarballs"
npm run --silent typecheck
npm test --silent -- --reporter=dot
npm run --silent build >/dev/null
test -f dist/index.js && test -f dist/index.cjs && test -f dist/index.d.ts
# ESM and CommonJS both load, each with the plugin as its default export.
node --input-type=module -e 'const m = await import("./dist/index.js"); if (m.default.manifest.name !== "@acme/plugin-shelter") process.exit(1)'
node -e 'if (require("./dist/index.cjs").default.manifest.name !== "@acme/plugin-shelter") process.exit(1)'
plugin_tarball=$(npm pack --silent --ignore-scripts --pack-destination "$work/tarballs" | tail -1)
say "plugin typechecked, tested, built and packed ($plugin_tarball)"

# ---- a deployment: the gateway and the plugin, installed side by side from tarballs
mkdir -p "$work/deployment" && cd "$work/deployment"
npm init -y >/dev/null
npm pkg set type=module
mkdir data
deployment=("$work/tarballs/$plugin_tarball" "better-sqlite3@$sqlite_version" "effect@$effect_version")
for file in "$work"/tarballs/bashke-*.tgz; do
  case "$file" in *create-plugin*) ;; *) deployment+=("$file") ;; esac
done
npm_install "${deployment[@]}"
say "gateway and plugin installed side by side"
cat >load.js <<'EOF'
// The gateway with the plugin configured: it starts, /health names the plugin
// ok, and the plugin's pull asks the feed (a server on 127.0.0.1) for incidents.
import { writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { start } from "@bashke/gateway/server"

let asked = 0
const feed = createServer((request, response) => {
  if (request.url?.startsWith("/incidents")) asked++
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items: [], next: null }))
})
await new Promise((resolve) => feed.listen(0, "127.0.0.1", resolve))
const baseUrl = `http://127.0.0.1:${feed.address().port}`
writeFileSync(
  "plugins.json",
  JSON.stringify({
    pollInterval: 200,
    plugins: [
      {
        package: "@acme/plugin-shelter",
        grant: ["schedule:pull", "incidents:import"],
        config: { baseUrl },
        pulls: { incidents: { every: 500 } },
      },
    ],
  }),
)
const running = await start({ port: 0, host: "127.0.0.1", demo: true, databaseUrl: "sqlite:./data/gateway.db", pluginsConfig: "plugins.json", log: () => {} })
try {
  const health = await (await fetch(`${running.url}/health`)).json()
  const entry = Object.entries(health.checks ?? health).find(([name]) => name.startsWith("plugin:") && name.includes("shelter"))
  if (entry?.[1] !== "ok") throw new Error(`/health does not name the plugin ok: ${JSON.stringify(health)}`)
  for (let waited = 0; asked === 0; waited += 100) {
    if (waited > 60_000) throw new Error("the plugin's pull never asked the feed")
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  console.log(`starter outside: the gateway loaded @acme/plugin-shelter (${entry[0]} ok) and its pull asked the feed`)
} finally {
  await running.close()
  feed.close()
}
EOF
node load.js
say "done"
