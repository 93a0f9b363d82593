import { Input } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as ActionPlan from "../src/ActionPlan"
import * as ActionPlanCommands from "../src/ActionPlanCommands"
import { actionPlanMessages } from "../src/ActionPlanMessages"
import { ids, plan } from "./support/Fixtures"

const decode = Input.decodeEither({ messages: actionPlanMessages, fallback: "action-plan.input.invalid" })
const leftOf = <A, E>(either: Either.Either<A, E>) => (Either.isLeft(either) ? either.left : undefined)

describe("ActionPlan.check", () => {
  it("accepts the example plan", () => {
    expect(Either.isRight(ActionPlan.check(plan))).toBe(true)
  })

  it("refuses a pillar of another framework", () => {
    const objectives = [{ ...plan.objectives[0]!, pillar: "prosecution" }, ...plan.objectives.slice(1)]
    expect(leftOf(ActionPlan.check({ ...plan, objectives }))).toMatchObject({
      field: "objectives.0.pillar",
      rule: "action-plan.objective.pillar-unknown",
    })
    expect(
      Either.isRight(
        ActionPlan.check({ ...plan, framework: "istanbul-convention", objectives: [], activities: [], indicators: [] }),
      ),
    ).toBe(true)
  })

  it("refuses a measurement in another unit than the indicator's", () => {
    const indicators = plan.indicators.map((i) =>
      i.id === ids.repeat
        ? { ...i, measurements: [{ value: 30, unit: "percent" as const, date: "2025-01-31", source: "Register" }] }
        : i,
    )
    expect(leftOf(ActionPlan.check({ ...plan, indicators }))).toMatchObject({
      field: "indicators.1.measurements.0.unit",
      rule: "action-plan.measurement.unit-mismatch",
    })
  })

  it("refuses an activity under an unknown objective or planned outside the period", () => {
    const unknown = plan.activities.map((a, i) => (i === 1 ? { ...a, objective: "9" } : a))
    expect(leftOf(ActionPlan.check({ ...plan, activities: unknown }))).toMatchObject({
      field: "activities.1.objective",
      rule: "action-plan.activity.objective-unknown",
    })
    const outside = plan.activities.map((a, i) => (i === 2 ? { ...a, quarters: ["2027-Q1"] as const } : a))
    expect(leftOf(ActionPlan.check({ ...plan, activities: outside }))).toMatchObject({
      field: "activities.2.quarters.0",
      rule: "action-plan.activity.quarter-outside-period",
    })
  })

  it("refuses a computed indicator not in percent and a duplicate objective code", () => {
    const indicators = plan.indicators.map((i) => (i.id === ids.reviewed ? { ...i, unit: "count" as const } : i))
    expect(leftOf(ActionPlan.check({ ...plan, indicators }))?.rule).toBe("action-plan.indicator.computed-not-percent")
    const objectives = [...plan.objectives, plan.objectives[0]!]
    expect(leftOf(ActionPlan.check({ ...plan, objectives }))?.rule).toBe("action-plan.objective.duplicate")
  })

  it("the due day of an activity is the last day of its last planned quarter", () => {
    expect(ActionPlan.dueOn(plan.activities[1]!)).toBe("2025-06-30")
  })
})

describe("decoding a new plan", () => {
  const input = {
    mechanismId: ids.mechanism,
    title: "Plan",
    period: { start: "2024-01-01", end: "2026-12-31" },
    objectives: [{ code: "1", title: "Awareness" }],
  }

  it("names an objective without a pillar", () => {
    expect(leftOf(decode(ActionPlanCommands.CreatePlan)(input))).toMatchObject({
      field: "objectives.0.pillar",
      rule: "action-plan.objective.pillar-missing",
    })
  })

  it("names a period that ends before it starts", () => {
    const reversed = { ...input, period: { start: "2026-01-01", end: "2025-12-31" } }
    expect(leftOf(decode(ActionPlanCommands.CreatePlan)(reversed))).toMatchObject({
      field: "period.end",
      rule: "action-plan.period.ends-before-start",
    })
  })

  it("fills the defaults of activities and indicators", () => {
    const decoded = decode(ActionPlanCommands.CreatePlan)({
      ...input,
      objectives: [{ code: "1", title: "Awareness", pillar: "awareness-prevention" }],
      activities: [{ objective: "1", title: "Campaign", responsible: ids.municipality, quarters: ["2024-Q4"] }],
      indicators: [
        {
          objective: "1",
          title: "Awareness",
          unit: "percent",
          baseline: { value: 40, date: "2024-02-15", source: "Baseline survey" },
          target: 70,
        },
      ],
    })
    expect(Either.getOrThrow(decoded)).toMatchObject({
      activities: [{ weight: 1, partners: [] }],
      indicators: [{ source: { _tag: "typed" } }],
    })
  })
})
