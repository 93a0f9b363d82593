import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import * as ActionPlan from "../src/ActionPlan"
import { actionPlanMessages } from "../src/ActionPlanMessages"
import { QueryName } from "../src/IndicatorSources"

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  )

describe("actionPlanMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with matching placeholders", () => {
    expect(Catalogue.check(actionPlanMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, actionPlanMessages)).not.toThrow()
  })

  it("holds every rule the sources name", () => {
    const root = new URL("../src", import.meta.url).pathname
    const named = new Set<string>()
    const patterns = [
      /rule: "(action-plan\.[^"]+)"/g,
      /message: "(action-plan\.[^"]+)"/g,
      /=> "(action-plan\.[^"]+)"/g,
      /invalid\([^,]+, "(action-plan\.[^"]+)"\)/g,
    ]
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8")
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) named.add(match[1]!)
    }
    expect(named.size).toBeGreaterThan(20)
    expect([...named].filter((key) => !Catalogue.has(actionPlanMessages, key))).toEqual([])
  })

  it("labels every status, activity status, unit and query", () => {
    const keys = [
      ...ActionPlan.statuses.map((s) => `action-plan.status.${s}`),
      ...ActionPlan.activityStatuses.map((s) => `action-plan.activity-status.${s}`),
      ...ActionPlan.Unit.literals.map((u) => `action-plan.unit.${u}`),
      ...QueryName.literals.map((q) => `action-plan.query.${q}`),
    ]
    for (const key of keys) expect(Catalogue.has(actionPlanMessages, key), key).toBe(true)
  })

  it("derives Serbian Cyrillic and formats the implementation level", () => {
    expect(Catalogue.format(actionPlanMessages, "sr-Cyrl", "action-plan.period.ends-before-start")).toBe(
      "Период се завршава пре него што почне.",
    )
    expect(
      Catalogue.format(actionPlanMessages, "en", "action-plan.report.implementation", {
        level: 0.5,
        completed: 1,
        due: 2,
      }),
    ).toBe("Implementation level: 50% (1 of 2 activities)")
  })
})
