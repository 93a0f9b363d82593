import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc } from "effect"
import * as ActionPlan from "../src/ActionPlan"
import * as ImplementationLevel from "../src/ImplementationLevel"
import { activity, ids, plan } from "./support/Fixtures"

const year2025 = { start: "2025-01-01", end: "2025-12-31" }
const wholePlan = plan.period

describe("ImplementationLevel.compute: worked examples", () => {
  it("2025: the training (due 2025-06-30, in progress) and the protocol (due 2025-03-31, completed) → 1/2", () => {
    expect(ImplementationLevel.compute(plan.activities, year2025)).toEqual({
      due: 2,
      completed: 1,
      dueWeight: 2,
      completedWeight: 1,
      level: 0.5,
    })
  })

  it("the whole plan with the plan's weights: campaign 2 + protocol 1 completed of 2 + 1 + 1 + 3 → 3/7", () => {
    const level = ImplementationLevel.compute(plan.activities, wholePlan)
    expect(level).toMatchObject({ due: 4, completed: 2, dueWeight: 7, completedWeight: 3 })
    expect(level.level).toBeCloseTo(3 / 7, 12)
  })

  it("a cancelled activity is neither done nor owed", () => {
    const activities = plan.activities.map((a) => (a.id === ids.training ? { ...a, status: "cancelled" as const } : a))
    expect(ImplementationLevel.compute(activities, year2025).level).toBe(1)
  })

  it("nothing due gives no level, not 0", () => {
    expect(ImplementationLevel.compute(plan.activities, { start: "2024-01-01", end: "2024-06-30" }).level).toBeNull()
  })

  it("an activity spanning quarters is due at the end of its last quarter", () => {
    const spanning = activity(ids.training, ["2025-Q4", "2025-Q1"], "planned")
    expect(ImplementationLevel.isDue(spanning, { start: "2025-10-01", end: "2025-12-31" })).toBe(true)
    expect(ImplementationLevel.isDue(spanning, { start: "2025-01-01", end: "2025-03-31" })).toBe(false)
  })

  it("overdue on a day: due before it, neither completed nor cancelled", () => {
    expect(ImplementationLevel.overdue(plan.activities, "2025-07-01").map((a) => a.id)).toEqual([ids.training])
    expect(ImplementationLevel.overdue(plan.activities, "2025-06-30")).toEqual([])
  })
})

const statusArb = Arbitrary.make(ActionPlan.ActivityStatus)
const quarterArb = fc
  .tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `${y}-Q${q}`)
const activityArb = fc
  .tuple(fc.array(quarterArb, { minLength: 1, maxLength: 3 }), statusArb, fc.integer({ min: 1, max: 100 }))
  .map(([quarters, status, weight]) =>
    activity(ids.campaign, quarters as [string, ...Array<string>], status, weight / 10),
  )
const periodArb = fc.tuple(fc.integer({ min: 0, max: 1095 }), fc.integer({ min: 0, max: 1095 })).map(([a, b]) => {
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
  return { start: day(Math.min(a, b)), end: day(Math.max(a, b)) }
})

describe("ImplementationLevel.compute: properties", () => {
  it("the level is null or in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 12 }), periodArb, (activities, period) => {
        const { level } = ImplementationLevel.compute(activities, period)
        return level === null || (level >= 0 && level <= 1)
      }),
    )
  })

  it("completing an activity never lowers the level", () => {
    fc.assert(
      fc.property(
        fc.array(activityArb, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        periodArb,
        (activities, pick, period) => {
          const i = pick % activities.length
          const before = ImplementationLevel.compute(activities, period).level
          const completed = activities.map((a, j) => (j === i ? { ...a, status: "completed" as const } : a))
          const after = ImplementationLevel.compute(completed, period).level
          return before === null || (after !== null && after >= before - 1e-12)
        },
      ),
    )
  })

  it("the level does not depend on the order of the activities", () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 12 }), periodArb, (activities, period) => {
        const a = ImplementationLevel.compute(activities, period)
        const b = ImplementationLevel.compute([...activities].reverse(), period)
        return a.due === b.due && Math.abs((a.level ?? -1) - (b.level ?? -1)) < 1e-12
      }),
    )
  })
})
