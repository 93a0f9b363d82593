// Progress of migrations and imports: a bar redrawn in place on a terminal, one plain line
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
    expect(written.join("")).toBe(
      `\r\x1b[2K[######------------------] Migration 1 of 4: @bashke/case 2 persons` +
        `\r\x1b[2K[########################] Migration 4 of 4: @bashke/case 2 persons\n`,
    )
    expect(Progress.bar(0, 0)).toBe(`[${"#".repeat(24)}]`)
  })
})

describe("Progress.imports", () => {
  const steps = (reporter: ReturnType<typeof Progress.imports>) =>
    Effect.runSync(
      Effect.all([
        reporter.pulled("incidents", 1, 2),
        reporter.pulled("incidents", 2, 3),
        reporter.processed(0, 3),
        reporter.processed(3, 3),
        reporter.end,
      ]),
    )

  it("plain lines when the output is not a terminal", () => {
    const { written, output } = capture(false)
    steps(Progress.imports("sr-Latn", output))
    expect(written.join("")).toBe(
      "incidents: strana 1, 2 nova zapisa\nincidents: strana 2, 3 nova zapisa\n" +
        "Obrađeno 0 od 3 zapisa\nObrađeno 3 od 3 zapisa\n",
    )
  })

  it("on a terminal the pages redraw one line, the processing another with a bar", () => {
    const { written, output } = capture(true)
    steps(Progress.imports("en", output))
    expect(written.join("")).toBe(
      "\r\x1b[2Kincidents: page 1, 2 new records\r\x1b[2Kincidents: page 2, 3 new records\n" +
        `\r\x1b[2K[${"-".repeat(24)}] Processed 0 of 3 records\r\x1b[2K[${"#".repeat(24)}] Processed 3 of 3 records\n`,
    )
  })
})
