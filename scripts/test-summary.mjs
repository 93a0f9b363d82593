#!/usr/bin/env node
// Adds up the vitest JSON reports of every package into one closing line, and
// fails when no test ran at all (an empty run must never pass for green).
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
let passed = 0
let failed = 0
let skipped = 0
const lines = []
for (const dir of ["packages", "apps", "plugins"]) {
  if (!existsSync(join(root, dir))) continue
  for (const name of readdirSync(join(root, dir))) {
    const report = join(root, dir, name, "test-results", "vitest.json")
    if (!existsSync(report)) continue
    const r = JSON.parse(readFileSync(report, "utf8"))
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + r.numTodoTests
    lines.push(`  ${dir}/${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)
  }
}
console.log(lines.join("\n"))
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (passed === 0 || failed > 0) process.exit(1)
