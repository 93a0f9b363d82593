// `node --test scripts/one-definition.test.mjs`: the check that keeps one
// definition of the current instant and no re-wrapped Either (issue 19,
// item 8) catches the copies seen in this repository, passes the real sources,
// and leaves arithmetic on the clock alone.
import assert from "node:assert/strict"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"
import { copyBreaches } from "./one-definition.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const one = (text, path = "packages/case/src/Any.ts") => copyBreaches([{ path, text }])

test("the current instant built again is a copy", () => {
  assert.equal(one("const at = new Date(yield* Clock.currentTimeMillis)").length, 1)
  assert.equal(one("createdAt: new Date(yield* Effect.clockWith((clock) => clock.currentTimeMillis)),").length, 1)
  assert.equal(one("const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))").length, 1)
  assert.equal(one("const now = Effect.map(TestClock.currentTimeMillis, (t) => new Date(t))").length, 1)
  assert.match(one("\n\nconst at = new Date(yield* Clock.currentTimeMillis)")[0], /Any\.ts:3: /)
})

test("the kernel's own definition and arithmetic on the clock are not copies", () => {
  const definition = "export const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))"
  assert.deepEqual(one(definition, "packages/kernel/src/Instant.ts"), [])
  assert.deepEqual(one("from: new Date((yield* Clock.currentTimeMillis) - 72 * hour),"), [])
  assert.deepEqual(one("const now = yield* Clock.currentTimeMillis"), [])
})

test("an Either re-wrapped as an Effect is a copy; a match that does more is not", () => {
  assert.equal(one("Either.match(parse(input), { onLeft: Effect.fail, onRight: Effect.succeed })").length, 1)
  assert.equal(
    one("yield* Either.match(check(x), {\n  onLeft: Effect.fail,\n  onRight: () => Effect.void,\n})").length,
    1,
  )
  assert.equal(
    one("Either.match(t, {\n  onLeft: (error) => Effect.fail(error),\n  onRight: (value) => Effect.succeed(value),\n})")
      .length,
    1,
  )
  assert.deepEqual(one("Either.match(check(draft), { onLeft: Effect.fail, onRight: (fields) => write(fields) })"), [])
  assert.deepEqual(one('Either.match(result, { onLeft: (e) => e.rule, onRight: () => "ok" })'), [])
})

test("the workspace's sources hold no copy", () => {
  const sources = (dir) =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry)
      if (entry === "node_modules" || entry === "dist") return []
      return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) ? [path] : []
    })
  const files = ["packages", "apps", "plugins"]
    .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name, "src")))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory()
      } catch {
        return false
      }
    })
    .flatMap(sources)
    .map((file) => ({ path: relative(root, file), text: readFileSync(file, "utf8") }))
  assert.ok(files.length > 100)
  assert.deepEqual(copyBreaches(files), [])
})
