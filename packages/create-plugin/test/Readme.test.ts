// README.md's TypeScript example is the code of readme-example.ts (so it is
// type-checked), and it runs: it writes the plugin project it promises.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, expect, it } from "@effect/vitest"
import { main } from "./readme-example"

const scratch = mkdtempSync(join(tmpdir(), "bashke-starter-readme-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8")
const example = readFileSync(join(import.meta.dirname, "readme-example.ts"), "utf8")

it("the README shows the example's code", () => {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? ""
  const body = /\/\/ README: begin\n([\s\S]*?)\s*\/\/ README: end/.exec(example)?.[1] ?? ""
  const code = body
    .split("\n")
    .map((line) => line.replace(/^ {2}/, ""))
    .join("\n")
    .trim()
  expect(code.length).toBeGreaterThan(0)
  expect(block).toBe(
    `import { Starter } from "@bashke/create-plugin"\n\n${code.replace("directory,", 'directory: "plugin-shelter",')}\n`,
  )
})

it("runs, writing the plugin project", () => {
  const directory = join(scratch, "plugin-shelter")
  main(directory)
  expect(existsSync(join(directory, "src/index.ts"))).toBe(true)
  expect(JSON.parse(readFileSync(join(directory, "package.json"), "utf8")).name).toBe("@acme/plugin-shelter")
})
