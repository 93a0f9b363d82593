import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as SafetyPlan from "../../src/SafetyPlan"
import { ids, institutions } from "./Fixtures"

const measure = (n: number, reviewOn: string, status: SafetyPlan.MeasureStatus = "open"): SafetyPlan.Measure => ({
  id: ids.measure(n),
  kind: "police-patrols",
  owner: institutions.police,
  reviewOn,
  status,
})
const team = new Set([institutions.police, institutions.socialWork])

describe("SafetyPlan", () => {
  it("gives each measure an owner on the team and a review day not in the past", () => {
    expect(SafetyPlan.validateMeasure(measure(1, "2026-04-01"), 0, team, "2026-03-10")).toEqual(
      Either.right(measure(1, "2026-04-01")),
    )
    expect(
      SafetyPlan.validateMeasure({ ...measure(1, "2026-04-01"), owner: institutions.shelter }, 2, team, "2026-03-10"),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "safetyPlan.measures.2.owner", rule: "case.safety.owner-not-in-team" }),
      ),
    )
    expect(SafetyPlan.validateMeasure(measure(1, "2026-03-09"), 0, team, "2026-03-10")).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "safetyPlan.measures.0.reviewOn", rule: "case.safety.review-in-past" }),
      ),
    )
  })

  it("lists open measures and those due for review", () => {
    const plan = { measures: [measure(1, "2026-03-01"), measure(2, "2026-05-01"), measure(3, "2026-03-01", "done")] }
    expect(SafetyPlan.openMeasures(plan).map((m) => m.id)).toEqual([ids.measure(1), ids.measure(2)])
    expect(SafetyPlan.dueForReview(plan, "2026-03-10").map((m) => m.id)).toEqual([ids.measure(1)])
    expect(SafetyPlan.openMeasures(SafetyPlan.empty)).toEqual([])
  })

  it("property: measures due for review are open and due, and due ones are a subset of open ones", () => {
    const day = fc
      .integer({ min: 0, max: 365 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10))
    const status = fc.constantFrom<SafetyPlan.MeasureStatus>("open", "done", "cancelled")
    fc.assert(
      fc.property(fc.array(fc.tuple(day, status), { maxLength: 10 }), day, (rows, today) => {
        const plan = { measures: rows.map(([d, s], i) => measure(i, d, s)) }
        const due = SafetyPlan.dueForReview(plan, today)
        for (const m of due) expect(m.status === "open" && m.reviewOn <= today).toBe(true)
        expect(due.length).toBe(plan.measures.filter((m) => m.status === "open" && m.reviewOn <= today).length)
      }),
    )
  })
})
