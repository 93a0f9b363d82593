// Runs the README's example (import pointed at the sources) so it cannot rot: from a
// scratch working directory, where it writes the plugin project it promises.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, expect, it } from "@effect/vitest"

const scratch = mkdtempSync(join(tmpdir(), "bashke-starter-readme-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

it("runs, writing the plugin project into the working directory", async () => {
  const before = process.cwd()
  process.chdir(scratch)
  try {
    await import("./readme-example")
  } finally {
    process.chdir(before)
  }
  const directory = join(scratch, "plugin-shelter")
  expect(existsSync(join(directory, "src/index.ts"))).toBe(true)
  expect(existsSync(join(directory, "test/Plugin.test.ts"))).toBe(true)
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8"))
  expect(manifest.name).toBe("@acme/plugin-shelter")
  expect(Object.keys(manifest.peerDependencies).sort()).toEqual(["@bashke/kernel", "@bashke/plugin-sdk", "effect"])
})
