#!/usr/bin/env node
// Collects every package's bench-results/*.json into docs/benchmarks.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const rows = []
for (const dir of ["packages", "apps", "plugins"]) {
  if (!existsSync(join(root, dir))) continue
  for (const name of readdirSync(join(root, dir)).sort()) {
    const results = join(root, dir, name, "bench-results")
    if (!existsSync(results)) continue
    for (const file of readdirSync(results)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const { suite, at, figures } = JSON.parse(readFileSync(join(results, file), "utf8"))
      for (const f of figures) rows.push({ where: `${dir}/${name}`, suite, at, ...f })
    }
  }
}
const fmt = (n) => Math.round(n).toLocaleString("en-US")
const lines = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (do not edit by hand). Each figure stands beside its floor: the same",
  "work done the plainest way, measured on the same machine in the same run, so a figure reads",
  "as a share of what the machine can do rather than as an absolute that changes with hardware.",
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`,
  "",
  "| package | suite | measure | value | floor | floor value | share of floor | goal | measured at |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.where} | ${r.suite} | ${r.measure} | ${fmt(r.value)} ${r.unit} | ${r.floor.measure} | ${fmt(r.floor.value)} ${r.unit} | ${((100 * r.value) / r.floor.value).toFixed(0)} % | ${r.goal ?? ""} | ${r.at} |`,
  ),
  "",
]
writeFileSync(join(root, "docs", "benchmarks.md"), lines.join("\n"))
console.log(`docs/benchmarks.md: ${rows.length} figures`)
