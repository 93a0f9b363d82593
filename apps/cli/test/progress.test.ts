// Progress of migrations: a bar redrawn in place on a terminal, one plain line
// per migration elsewhere, in the operator's language.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Progress from "../src/Progress"

const step = { package: "@bashke/case", id: 2, name: "persons" }

const capture = (isTTY: boolean) => {
  const written: Array<string> = []
  return { written, output: { isTTY, write: (text: string) => written.push(text) } }
}

describe("Progress.migrations", () => {
  it("plain lines when the output is not a terminal", () => {
    const { written, output } = capture(false)
    const reporter = Progress.migrations("sq", output)
    Effect.runSync(reporter.applied(step, 1, 2))
    Effect.runSync(reporter.applied({ ...step, id: 3, name: "consents" }, 2, 2))
    expect(written).toEqual(["Migrimi 1 nga 2: @bashke/case 2 persons\n", "Migrimi 2 nga 2: @bashke/case 3 consents\n"])
  })

  it("one line redrawn with a bar on a terminal, ended after the last step", () => {
    const { written, output } = capture(true)
    const reporter = Progress.migrations("en", output)
    Effect.runSync(reporter.applied(step, 1, 4))
    Effect.runSync(reporter.applied(step, 4, 4))
    expect(written[0]).toBe(`\r\x1b[2K[######------------------] Migration 1 of 4: @bashke/case 2 persons`)
    expect(written[1]).toBe(`\r\x1b[2K[########################] Migration 4 of 4: @bashke/case 2 persons\n`)
    expect(Progress.bar(0, 0)).toBe(`[${"#".repeat(24)}]`)
  })
})
