#!/usr/bin/env node
// Collects every package's bench-results/*.json into docs/benchmarks.md. A suite
// that was not run this time keeps its rows from the page as it was (with their
// own "measured at"), so benchmarking one package never drops the others' figures.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const page = join(root, "docs", "benchmarks.md")
const fmt = (n) => Math.round(n).toLocaleString("en-US")
const header = "| package | suite | measure | value | floor | floor value | share of floor | goal | measured at |"

const fresh = []
for (const dir of ["packages", "apps", "plugins"]) {
  if (!existsSync(join(root, dir))) continue
  for (const name of readdirSync(join(root, dir)).sort()) {
    const results = join(root, dir, name, "bench-results")
    if (!existsSync(results)) continue
    for (const file of readdirSync(results)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const { suite, at, figures } = JSON.parse(readFileSync(join(results, file), "utf8"))
      for (const f of figures) {
        fresh.push({
          where: `${dir}/${name}`,
          suite,
          line: `| ${dir}/${name} | ${suite} | ${f.measure} | ${fmt(f.value)} ${f.unit} | ${f.floor.measure} | ${fmt(f.floor.value)} ${f.unit} | ${((100 * f.value) / f.floor.value).toFixed(0)} % | ${f.goal ?? ""} | ${at} |`,
        })
      }
    }
  }
}

// Rows of suites not measured in this run, as the page had them.
const measured = new Set(fresh.map((row) => `${row.where} ${row.suite}`))
const kept = []
if (existsSync(page)) {
  const lines = readFileSync(page, "utf8").split("\n")
  const start = lines.indexOf(header)
  if (start >= 0) {
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith("| ")) break
      const [where, suite] = line.split(" | ").map((cell) => cell.replace(/^\| /, "").trim())
      if (!measured.has(`${where} ${suite}`)) kept.push({ where, suite, line })
    }
  }
}
const order = (row) => ["packages/", "apps/", "plugins/"].findIndex((prefix) => row.where.startsWith(prefix))
const rows = [...kept, ...fresh].sort(
  (a, b) => order(a) - order(b) || a.where.localeCompare(b.where) || a.suite.localeCompare(b.suite),
)

const lines = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (do not edit by hand). Each figure stands beside its floor: the same",
  "work done the plainest way, measured on the same machine in the same run, so a figure reads",
  "as a share of what the machine can do rather than as an absolute that changes with hardware.",
  "A suite benchmarked alone (`pnpm --filter <package> bench && node scripts/benchmarks-report.mjs`)",
  "replaces only its own rows; the others keep the time they were measured at.",
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`,
  "",
  header,
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((row) => row.line),
  "",
]
writeFileSync(page, lines.join("\n"))
console.log(`docs/benchmarks.md: ${fresh.length} figures measured now, ${kept.length} kept`)
