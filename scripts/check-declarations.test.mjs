// `node --test scripts/check-declarations.test.mjs`: the check that no built
// declaration file exports a bundler-made name (issue 19, item 8) catches each
// way such a name can be exported and lets the bundler's private renames
// through. `.ci/run` runs the check itself over the built packages.
import assert from "node:assert/strict"
import { test } from "node:test"
import { generatedExports } from "./check-declarations.mjs"

test("a generated name exported by declaration is a leak", () => {
  assert.deepEqual(generatedExports("export interface Service$2 {\n  readonly x: number\n}"), ["Service$2"])
  assert.deepEqual(generatedExports("export type Transition$1 = { readonly to: Status }"), ["Transition$1"])
  assert.deepEqual(generatedExports("export declare const layer$3: Layer<X>"), ["layer$3"])
})

test("a generated name in an export list is a leak, at the top level or in a namespace", () => {
  assert.deepEqual(generatedExports("export { Case, type Service$2 };"), ["Service$2"])
  assert.deepEqual(
    generatedExports("declare namespace CaseRepository {\n  export { Command$1 as Command, Status$2 };\n}"),
    ["Status$2"],
  )
  assert.deepEqual(generatedExports("export { Service as Service$12 };"), ["Service$12"])
})

test("a generated name exported under its source name is not a leak", () => {
  const text = [
    "interface Service$2 {\n  readonly x: number\n}",
    "declare namespace CaseRepository {\n  export { type Service$2 as Service, layerTest$1 as layerTest };\n}",
    "export type DueKind = (typeof kinds$1)[number];",
    "export { ActionPlan$1 as ActionPlan, CaseRepository };",
  ].join("\n")
  assert.deepEqual(generatedExports(text), [])
})
