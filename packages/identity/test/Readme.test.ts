// The README's example is this package's test/readme-example.ts (imports
// pointed at the sources): type-checked with the tests, compared here so
// neither drifts, and run over SQLite.
import { readFileSync } from "node:fs"
import { expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { program } from "./readme-example"
import { databases, services } from "./support/Databases"

it("the README's example is the type-checked readme-example.ts", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
  const block = /## Use\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? ""
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8")
  const body = example.split("\n").slice(2).join("\n")
  expect(body.replace('from "../src/index"', 'from "@bashke/identity"')).toBe(block)
})

it.effect("the README's example signs a case worker in", () =>
  Effect.gen(function* () {
    expect(yield* program).toEqual(Option.some(["case-worker"]))
  }).pipe(Effect.provide(services(databases.find((db) => db.name === "sqlite")!))),
)
