#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) must work on a machine that
// has only Node and npm. This script finds pnpm (or fetches the pinned one through
// npx), installs the workspace, and runs the task with pnpm on PATH, which turbo needs.
import { spawn, spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { localeOf, reporter } from "./build-progress.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("+")[0]
const [task, ...rest] = process.argv.slice(2)

const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, shell: process.platform === "win32" })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const pnpmOnPath = () => {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" })
  return probe.status === 0 && probe.stdout.trim().startsWith("10.")
}

// Without a pnpm 10 on PATH, run everything inside `npx pnpm@<pinned>`: npx puts its
// pnpm on the PATH of the child, so turbo finds it too.
const pnpm = (args) => (pnpmOnPath() ? run("pnpm", args) : run("npx", ["-y", pinned, ...args]))

const frozen = process.env.CI ? ["--frozen-lockfile"] : []
pnpm(["install", ...frozen])

switch (task) {
  case "test":
    // Three packages at a time, each vitest with at most two workers (vitest.shared.ts): on a
    // two-core machine more only queues, and a starved vitest misses its own RPC deadlines.
    pnpm(["exec", "turbo", "run", "test", "--concurrency=3", ...rest])
    break
  case "start": {
    // The CLI's dependencies include the web app, so this builds it too (served at /). About a
    // minute on a fresh clone: turbo's one line per package drives a progress bar (plain lines
    // when the output is not a terminal). Those lines carry no errors, so a failed build runs
    // again showing them (the packages that built come from turbo's cache).
    const build = ["exec", "turbo", "run", "build", "--filter=@bashke/cli..."]
    const progress = reporter(process.stdout, localeOf(process.env))
    const child = pnpmOnPath()
      ? spawn("pnpm", [...build, "--output-logs=hash-only"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] })
      : spawn("npx", ["-y", pinned, ...build, "--output-logs=hash-only"], {
          cwd: root,
          stdio: ["ignore", "pipe", "inherit"],
        })
    createInterface({ input: child.stdout }).on("line", progress.line)
    const status = await new Promise((resolve) => child.on("close", resolve))
    progress.finish(status === 0)
    if (status !== 0) pnpm([...build, "--output-logs=errors-only"])
    // From the repository root, so the default ./data/bashke.db lands there.
    run(process.execPath, [join(root, "apps/cli/dist/bin.js"), "start", ...rest])
    break
  }
  default:
    console.error(`usage: node scripts/workspace.mjs <test|start> [args]`)
    process.exit(2)
}
