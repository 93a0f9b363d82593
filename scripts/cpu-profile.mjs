#!/usr/bin/env node
// Sums a V8 `.cpuprofile` (from `node --cpu-prof`) by self time and by
// inclusive time, per function, per module file and per package, so that a
// profile says where a request's CPU goes without a browser's DevTools. A
// sample's inclusive time counts once per function, file or package on its
// stack, however deep the recursion (Effect's fiber loop calls itself).
//
//   node scripts/cpu-profile.mjs <file.cpuprofile> [--top 30] [--last ms] [--match text]
//
// `--last` keeps only the samples of the profile's last milliseconds (the load,
// not the start-up before it). `--match` keeps only the samples whose stack has a frame whose function or
// file contains the text (e.g. a route's handler), to read one request kind.
import { readFileSync } from "node:fs"

const args = process.argv.slice(2)
const file = args.find((arg) => !arg.startsWith("--") && !/^\d+$/.test(arg))
const option = (name) => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? undefined : args[at + 1]
}
if (file === undefined) {
  console.error("usage: cpu-profile.mjs <file.cpuprofile> [--top N] [--last ms] [--match text]")
  process.exit(2)
}
const top = Number(option("top") ?? 30)
const match = option("match")
const last = option("last") === undefined ? undefined : Number(option("last")) * 1000

const profile = JSON.parse(readFileSync(file, "utf8"))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

/** A file's place: `pkg@version/path` under node_modules, the workspace path otherwise. */
const fileOf = (url) => {
  if (url === "") return "(native)"
  const path = url.replace(/^file:\/\//, "")
  const modules = path.lastIndexOf("/node_modules/")
  if (modules !== -1) return path.slice(modules + "/node_modules/".length)
  const workspace = /\/(packages|apps|plugins)\/(.*)$/.exec(path)
  return workspace === null ? path : `${workspace[1]}/${workspace[2]}`
}
/** A file's package: `effect`, `@effect/sql`, `packages/case`, `node:internal`. */
const packageOf = (url) => {
  if (url === "") return "(native)"
  if (url.startsWith("node:")) return "node:internal"
  const place = fileOf(url)
  const parts = place.split("/")
  if (place.startsWith("packages/") || place.startsWith("apps/") || place.startsWith("plugins/"))
    return parts.slice(0, 2).join("/")
  if (place.startsWith("@")) return parts.slice(0, 2).join("/")
  return parts[0]
}
const nameOf = (node) => {
  const frame = node.callFrame
  const where = frame.url === "" ? "" : ` ${fileOf(frame.url)}:${frame.lineNumber + 1}`
  return `${frame.functionName || "(anonymous)"}${where}`
}

const stackOf = (id) => {
  const stack = []
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at))
  return stack
}

const self = { fn: new Map(), file: new Map(), pkg: new Map() }
const inclusive = { fn: new Map(), file: new Map(), pkg: new Map() }
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value)
let total = 0
const idle = new Set(["(idle)", "(program)", "(garbage collector)"])
let garbage = 0

const { samples, timeDeltas } = profile
// Each sample's time since the profile began, to keep the last `--last` ms.
const times = []
let at = 0
for (let i = 0; i < samples.length; i++) {
  at += timeDeltas[i]
  times.push(at)
}
const from = last === undefined ? Number.NEGATIVE_INFINITY : (times.at(-1) ?? 0) - last
for (let i = 0; i < samples.length; i++) {
  if (times[i] < from) continue
  const dt = timeDeltas[i + 1] ?? 0
  const leaf = byId.get(samples[i])
  if (leaf.callFrame.functionName === "(idle)") continue
  const stack = stackOf(samples[i])
  if (match !== undefined && !stack.some((node) => nameOf(node).includes(match))) continue
  total += dt
  if (leaf.callFrame.functionName === "(garbage collector)") garbage += dt
  add(self.fn, nameOf(leaf), dt)
  add(self.file, fileOf(leaf.callFrame.url), dt)
  add(self.pkg, idle.has(leaf.callFrame.functionName) ? leaf.callFrame.functionName : packageOf(leaf.callFrame.url), dt)
  const seen = { fn: new Set(), file: new Set(), pkg: new Set() }
  for (const node of stack) {
    if (node.callFrame.functionName === "(root)") continue
    const keys = { fn: nameOf(node), file: fileOf(node.callFrame.url), pkg: packageOf(node.callFrame.url) }
    for (const kind of ["fn", "file", "pkg"]) {
      if (seen[kind].has(keys[kind])) continue
      seen[kind].add(keys[kind])
      add(inclusive[kind], keys[kind], dt)
    }
  }
}

const print = (title, map, count) => {
  console.log(`\n## ${title}`)
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
  for (const [key, value] of rows)
    console.log(
      `${((100 * value) / total).toFixed(1).padStart(5)} %  ${(value / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    )
}

console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms of samples (idle left out)${match === undefined ? "" : ` whose stack matches "${match}"`}, ` +
    `garbage collection ${((100 * garbage) / Math.max(total, 1)).toFixed(1)} %`,
)
print("self time by package", self.pkg, top)
print("inclusive time by package", inclusive.pkg, top)
print("self time by file", self.file, top)
print("inclusive time by file", inclusive.file, top)
print("self time by function", self.fn, top)
print("inclusive time by function", inclusive.fn, top)
