// `node --test scripts/pack-public.test.mjs`: `pnpm pack:public` packs the
// public packages and never a private one (issue 20: `pnpm -r pack` packed the
// apps and the workspace root).
import assert from "node:assert/strict"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"
import { packArguments, publicPackages } from "./pack-public.mjs"

const listed = [
  { name: "bashke", private: true },
  { name: "@bashke/cli", private: true },
  { name: "@bashke/kernel", private: false },
  { name: "@bashke/plugin-court" },
]

test("only the packages not marked private are packed", () => {
  assert.deepEqual(publicPackages(listed), ["@bashke/kernel", "@bashke/plugin-court"])
  assert.deepEqual(packArguments(publicPackages(listed), "/tmp/out"), [
    "-r",
    "--filter",
    "@bashke/kernel",
    "--filter",
    "@bashke/plugin-court",
    "pack",
    "--pack-destination",
    "/tmp/out",
  ])
})

test("nothing to pack is no pnpm call at all (an unfiltered `pnpm -r pack` would pack everything)", () => {
  assert.equal(packArguments(publicPackages([{ name: "bashke", private: true }]), "/tmp/out"), undefined)
})

test("the workspace's apps are private, and so left out", () => {
  const root = fileURLToPath(new URL("..", import.meta.url))
  const apps = readdirSync(join(root, "apps")).map((dir) =>
    JSON.parse(readFileSync(join(root, "apps", dir, "package.json"), "utf8")),
  )
  assert.ok(apps.length > 0)
  assert.deepEqual(publicPackages(apps), [])
})

test("every file a public package's `files` names exists (a listed CHANGELOG.md did not)", () => {
  const root = fileURLToPath(new URL("..", import.meta.url))
  const missing = []
  let checked = 0
  for (const group of ["packages", "plugins"])
    for (const dir of readdirSync(join(root, group))) {
      const manifest = JSON.parse(readFileSync(join(root, group, dir, "package.json"), "utf8"))
      if (manifest.private === true) continue
      checked += 1
      // `dist` is the build's; globs match what is there. A plain name must be there.
      for (const entry of manifest.files ?? [])
        if (entry !== "dist" && !/[*?[{]/.test(entry) && !existsSync(join(root, group, dir, entry)))
          missing.push(`${manifest.name}: ${entry}`)
      if (!existsSync(join(root, group, dir, "CHANGELOG.md"))) missing.push(`${manifest.name}: CHANGELOG.md`)
    }
  assert.ok(checked > 10)
  assert.deepEqual(missing, [])
})
