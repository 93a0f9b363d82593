// `node --test scripts/build-progress.test.mjs`: the build progress of `npm start` from turbo's lines —
// plain lines off a terminal, a bar redrawn in place on one, in the operator's language.
import assert from "node:assert/strict"
import { test } from "node:test"
import { bar, localeOf, reporter } from "./build-progress.mjs"

const turbo = [
  "   • turbo 2.11.11",
  "   • Running build in 3 packages",
  "@bashke/kernel:build: cache hit, suppressing logs 893a6ea9c903808d",
  "@bashke/identity:build: cache miss, executing cb9ec58610aabfed",
  "@bashke/identity#build:  WARNING  command finished with error, but continuing...",
  "@bashke/cli:build: cache miss, executing 37f76763e9fa9bc8",
  " Tasks:    3 successful, 3 total",
]

const run = (isTTY, locale) => {
  let written = ""
  const progress = reporter({ isTTY, write: (text) => (written += text) }, locale)
  for (const line of turbo) progress.line(line)
  progress.finish(true)
  return written
}

test("off a terminal: one plain line per package, then the total", () => {
  assert.equal(
    run(false, "en"),
    "Building 1 of 3: @bashke/kernel\nBuilding 2 of 3: @bashke/identity\nBuilding 3 of 3: @bashke/cli\nBuilt 3 packages.\n",
  )
})

test("on a terminal: one line redrawn in place with a bar, ended once", () => {
  const written = run(true, "sq")
  assert.equal(written.split("\n").length, 3)
  assert.ok(written.startsWith(`\r${"\u001b"}[2K[########----------------] Ndërtimi 1 nga 3: @bashke/kernel`))
  assert.match(written, /\[#{24}\] Ndërtimi 3 nga 3: @bashke\/cli\nU ndërtuan 3 paketa\.\n$/)
})

test("the language as the bashke command chooses it", () => {
  assert.equal(localeOf({ BASHKE_LOCALE: "sr-Latn", LANG: "sq_XK.UTF-8" }), "sr-Latn")
  assert.equal(localeOf({ LANG: "sr_RS.UTF-8@latin" }), "sr-Latn")
  assert.equal(localeOf({ LANG: "sr_RS.UTF-8" }), "sr-Cyrl")
  assert.equal(localeOf({ LC_ALL: "sq_AL.UTF-8" }), "sq")
  assert.equal(localeOf({ LANG: "C.UTF-8" }), "en")
  assert.equal(localeOf({}), "en")
})

test("the bar never overflows, whatever the counts", () => {
  for (let total = 0; total <= 30; total++)
    for (let done = 0; done <= total + 2; done++) assert.equal(bar(done, total).length, 26)
})
