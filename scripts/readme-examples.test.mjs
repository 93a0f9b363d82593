// `node --test scripts/readme-examples.test.mjs`: every TypeScript example in
// a public package's README is code the package's typecheck compiles (issue
// 20: the referral README called `FhirExport.toServiceRequest(referral)`,
// which takes `(referral, service)` — its example ran, but the README was not
// what ran). An example is checked when its lines, in order, are lines of the
// package's `test/**/readme-example*.ts` (type-checked with the tests, and
// run by the package's Readme test), with that file's imports of its own
// sources read as the package's name (`../src/index` → `@bashke/referral`,
// `../src/smtp` → `@bashke/notifications/smtp`). Indentation and blank lines
// aside, nothing may differ.
import assert from "node:assert/strict"
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { test } from "node:test"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))

/** Non-blank lines without their indentation. */
const lines = (text) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")

/** The ```ts blocks of a README. */
const blocks = (readme) => [...readme.matchAll(/```(?:ts|typescript|tsx)\n([\s\S]*?)```/g)].map((m) => m[1])

/** An example file as a consumer would write it: its imports of its own sources by the package's name. */
const asPublished = (source, name) =>
  source
    .replace(/from "(?:\.\.\/)+src(?:\/index)?"/g, `from "${name}"`)
    .replace(/from "(?:\.\.\/)+src\/([a-z][\w-]*)"/g, `from "${name}/$1"`)

/** Whether `block`'s lines are, in order and together, lines of `example`. */
const shows = (example, block) => lines(example).join("\n").includes(lines(block).join("\n"))

const files = (dir, match) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))

/** Each public package: its name and how many README blocks no example file shows. */
const unchecked = () => {
  const out = {}
  for (const group of ["packages", "plugins"])
    for (const dir of readdirSync(join(root, group))) {
      const home = join(root, group, dir)
      const manifest = JSON.parse(readFileSync(join(home, "package.json"), "utf8"))
      if (manifest.private === true) continue
      const readme = readFileSync(join(home, "README.md"), "utf8")
      const examples = files(join(home, "test"), (name) => /^readme-example.*\.ts$/.test(name))
        .map((file) => asPublished(readFileSync(file, "utf8"), manifest.name))
        .join("\n")
      out[manifest.name] = blocks(readme).filter((block) => !shows(examples, block)).length
    }
  return out
}

test("every README example of a public package is code its typecheck compiles", () => {
  const found = unchecked()
  assert.ok(Object.keys(found).length > 10, `public packages found under ${relative(process.cwd(), root) || "."}`)
  // Per package, how many README blocks no example file shows: none may.
  const failing = Object.fromEntries(Object.entries(found).filter(([, count]) => count > 0))
  assert.deepEqual(failing, {})
})

test("an example is shown only when its lines are the file's, in order", () => {
  const example = asPublished(
    'import { FhirExport } from "../src/index"\nimport { SmtpMailer } from "../src/smtp"\n\nexport const main = () => {\n  const request = FhirExport.toServiceRequest(referral, shelter)\n  return request\n}\n',
    "@bashke/referral",
  )
  assert.ok(shows(example, 'import { FhirExport } from "@bashke/referral"\n'))
  assert.ok(shows(example, 'import { SmtpMailer } from "@bashke/referral/smtp"\n'))
  assert.ok(shows(example, "const request = FhirExport.toServiceRequest(referral, shelter)\nreturn request\n"))
  // The README's call of issue 20: not what the type-checked file holds.
  assert.ok(!shows(example, "const request = FhirExport.toServiceRequest(referral)\n"))
  assert.ok(!shows(example, "return request\nconst request = FhirExport.toServiceRequest(referral, shelter)\n"))
  assert.deepEqual(blocks("text\n```ts\nconst a = 1\n```\n```sh\nls\n```\n"), ["const a = 1\n"])
})
