// Runs the README's example (imports pointed at the sources) so it cannot rot,
// and checks the README shows the same code.
import { readFileSync } from "node:fs"
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example decodes a record and the same report as CSV", () => {
  expect(main()).toEqual({ good: true, bad: "victim.birth-date", sameAsJson: true })
})

it("the README shows the example as it is tested", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8")
  expect(readme).toContain(example.replace('from "../src/index"', 'from "@bashke/plugin-police"').trimEnd())
})
