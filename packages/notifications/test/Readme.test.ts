// The README's example is this package's test/readme-example.ts (imports
// pointed at the sources): type-checked with the tests, compared here so
// neither drifts, and run — without SMTP it leaves email off.
import { readFileSync } from "node:fs"
import { expect, it } from "vitest"

it("the README's example is the type-checked readme-example.ts", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
  const block = /## Use\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? ""
  const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8")
  const body = example.split("\n").slice(2).join("\n")
  expect(
    body
      .replace('from "../src/smtp"', 'from "@bashke/notifications/smtp"')
      .replace('from "../src/index"', 'from "@bashke/notifications"'),
  ).toBe(block)
  const { running } = await import("./readme-example")
  expect(running).toBeDefined()
})
