// Issue 16's action-plan rules: a draft revised whole (ids kept, content
// checked as a new plan's), an adopted plan's content refused; a value that
// does not fit its indicator's unit refused, naming the field; the monitoring
// report's implementation level by pillar and by quarter. Pure rules by
// example and property; the use case on SQLite and PostgreSQL.
import { isDeepStrictEqual } from "node:util"
import { Principal } from "@bashke/kernel"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Either, FastCheck as fc, Schema } from "effect"
import * as ActionPlan from "../src/ActionPlan"
import * as ActionPlanLifecycle from "../src/ActionPlanLifecycle"
import { type ActionPlanCommands, ActionPlanService } from "../src/index"
import { firstDifference } from "../src/internal/Difference"
import * as MonitoringReport from "../src/MonitoringReport"
import * as PlanRevision from "../src/PlanRevision"
import * as Quarter from "../src/Quarter"
import { counts, databases, events, services } from "./support/Databases"
import { coordinator, ids, memberOfAnother, plan } from "./support/Fixtures"

const as =
  (principal: Principal.Principal) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provideService(effect, Principal.CurrentPrincipal, principal)

describe("ActionPlan.valueFits", () => {
  it("takes whole counts, percents up to 100, euro in cents, days; nothing below zero", () => {
    expect(ActionPlan.valueFits("count", 12)).toBe(true)
    expect(ActionPlan.valueFits("count", 12.5)).toBe(false)
    expect(ActionPlan.valueFits("percent", 100)).toBe(true)
    expect(ActionPlan.valueFits("percent", 100.1)).toBe(false)
    expect(ActionPlan.valueFits("euro", 1500.25)).toBe(true)
    expect(ActionPlan.valueFits("euro", 1500.255)).toBe(false)
    expect(ActionPlan.valueFits("days", 3.5)).toBe(true)
    for (const unit of ActionPlan.Unit.literals) {
      expect(ActionPlan.valueFits(unit, -1)).toBe(false)
      expect(ActionPlan.valueFits(unit, Number.NaN)).toBe(false)
      expect(ActionPlan.valueFits(unit, 0)).toBe(true)
    }
  })

  it("property: a whole number from 0 to 100 fits every unit; a negative one none", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -1_000_000, max: -1 }), (fits, below) => {
        for (const unit of ActionPlan.Unit.literals) {
          expect(ActionPlan.valueFits(unit, fits)).toBe(true)
          expect(ActionPlan.valueFits(unit, below)).toBe(false)
        }
      }),
    )
  })

  it("is checked on baselines, targets and measurements, naming the field", () => {
    const content = (indicator: Partial<ActionPlan.Indicator>) => ({
      ...plan,
      indicators: [{ ...(plan.indicators[0] as ActionPlan.Indicator), ...indicator }],
    })
    const field = (result: Either.Either<unknown, { readonly field: string; readonly rule: string }>) =>
      Either.match(result, { onLeft: (e) => `${e.field}:${e.rule}`, onRight: () => "ok" })
    expect(field(ActionPlan.check(content({ target: 120 })))).toBe(
      "indicators.0.target:action-plan.indicator.value-out-of-range",
    )
    expect(field(ActionPlan.check(content({ baseline: { value: -3, date: "2024-01-01", source: "x" } })))).toBe(
      "indicators.0.baseline.value:action-plan.indicator.value-out-of-range",
    )
    expect(
      field(
        ActionPlan.check(
          content({ measurements: [{ value: 140, unit: "percent", date: "2025-01-01", source: "Survey" }] }),
        ),
      ),
    ).toBe("indicators.0.measurements.0.value:action-plan.measurement.out-of-range")
    expect(field(ActionPlan.check(plan))).toBe("ok")
  })
})

describe("PlanRevision.of", () => {
  it("property: keeps exactly the replaced content and version, who, when and why — never the next content", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.option(
          fc
            .string({ minLength: 1, maxLength: 40 })
            .map((text) => text.trim())
            .filter((text) => text.length > 0),
          { nil: undefined },
        ),
        fc.boolean(),
        fc.date({ min: new Date("2024-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
        (version, reason, withInstitution, at) => {
          const before = { ...plan, version }
          const by = withInstitution ? coordinator : { id: coordinator.id }
          const revision = PlanRevision.of(before, by, at, reason)
          expect(revision.version).toBe(version)
          expect(revision.revisedAt).toBe(at)
          expect(revision.reason).toBe(reason)
          expect(revision.institution).toBe(withInstitution ? coordinator.institution : undefined)
          expect(revision.previous).toEqual({
            framework: before.framework,
            title: before.title,
            period: before.period,
            objectives: before.objectives,
            activities: before.activities,
            indicators: before.indicators,
          })
          // What the schema stores is what it reads back.
          const encoded = Schema.encodeSync(PlanRevision.PlanRevision)(revision)
          expect(Schema.decodeUnknownSync(PlanRevision.PlanRevision)(JSON.parse(JSON.stringify(encoded)))).toEqual(
            revision,
          )
        },
      ),
      { numRuns: 50 },
    )
  })
})

// The fixture plan's content as a revision gives it again, unchanged.
const unchanged: PlanRevision.Revised = {
  title: plan.title,
  period: plan.period,
  objectives: plan.objectives,
  activities: plan.activities.map(({ status: _status, ...activity }) => activity),
  indicators: plan.indicators.map(({ measurements: _m, endline: _e, ...indicator }) => indicator),
}

describe("ActionPlanLifecycle.acceptsRevision", () => {
  it("lets a draft be revised and refuses every later status with a conflict naming the rule and the edited field", () => {
    expect(Either.isRight(ActionPlanLifecycle.acceptsRevision({ ...plan, status: "draft" }, unchanged))).toBe(true)
    const target = {
      ...unchanged,
      indicators: unchanged.indicators.map((each, index) => (index === 1 ? { ...each, target: 10 } : each)),
    }
    for (const status of ["adopted", "in-implementation", "evaluated"] as const) {
      expect(ActionPlanLifecycle.acceptsRevision({ ...plan, status }, target)).toEqual(
        Either.left(
          expect.objectContaining({
            _tag: "Conflict",
            rule: "action-plan.plan.not-draft",
            field: "indicators.1.target",
          }),
        ),
      )
      // Nothing changed: the form's first field stands for the plan.
      expect(ActionPlanLifecycle.acceptsRevision({ ...plan, status }, unchanged)).toEqual(
        Either.left(expect.objectContaining({ field: "title" })),
      )
    }
  })
})

describe("PlanRevision.firstChange", () => {
  const activities = unchanged.activities

  it("names the field a person changed, in the form's order; none when the content is the plan's", () => {
    expect(PlanRevision.firstChange(plan, unchanged)).toBeUndefined()
    // Progress (status, measurements) is not content: giving it differently changes nothing.
    expect(PlanRevision.firstChange({ ...plan, status: "adopted" }, unchanged)).toBeUndefined()
    expect(PlanRevision.firstChange(plan, { ...unchanged, title: "Another title" })).toBe("title")
    expect(PlanRevision.firstChange(plan, { ...unchanged, period: { ...plan.period, end: "2027-12-31" } })).toBe(
      "period.end",
    )
    expect(
      PlanRevision.firstChange(plan, {
        ...unchanged,
        activities: activities.map((each, index) => (index === 2 ? { ...each, partners: [ids.socialWork] } : each)),
      }),
    ).toBe("activities.2.partners.0")
    // A budget given where there was none: its amount, the field a form shows first.
    expect(
      PlanRevision.firstChange(plan, {
        ...unchanged,
        activities: activities.map((each, index) =>
          index === 1 ? { ...each, budget: { amount: 10, currency: "EUR", source: "Donor" } } : each,
        ),
      }),
    ).toBe("activities.1.budget.amount")
    // A new activity: its first field; a removed indicator: the list.
    expect(
      PlanRevision.firstChange(plan, {
        ...unchanged,
        activities: [...activities, { ...(activities[0] as (typeof activities)[number]), id: undefined }],
      }),
    ).toBe("activities.4.objective")
    expect(PlanRevision.firstChange(plan, { ...unchanged, indicators: unchanged.indicators.slice(1) })).toBe(
      "indicators.0.id",
    )
    expect(PlanRevision.firstChange(plan, { ...unchanged, indicators: unchanged.indicators.slice(0, 2) })).toBe(
      "indicators",
    )
    // A framework given only when it differs.
    expect(PlanRevision.firstChange(plan, { ...unchanged, framework: plan.framework })).toBeUndefined()
  })
})

describe("firstDifference", () => {
  // JSON-like values whose keys are field names (a path joins them with dots).
  const { plain } = fc.letrec<{ plain: unknown }>((tie) => ({
    plain: fc.oneof(
      { depthSize: "small" },
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", ""), fc.boolean(), fc.constant(null)),
      fc.array(tie("plain"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("title", "period", "end", "target"), tie("plain"), { maxKeys: 3 }),
    ),
  }))
  const at = (value: unknown, path: string): unknown =>
    path === ""
      ? value
      : path
          .split(".")
          .reduce<unknown>(
            (each, key) =>
              typeof each === "object" && each !== null ? (each as Record<string, unknown>)[key] : undefined,
            value,
          )

  it("property: none exactly when the values are equal; else a path at which they differ", () => {
    fc.assert(
      fc.property(plain, plain, (before, after) => {
        expect(firstDifference(before, structuredClone(before))).toBeUndefined()
        const path = firstDifference(before, after)
        expect(path === undefined).toBe(isDeepStrictEqual(before, after))
        if (path !== undefined) expect(isDeepStrictEqual(at(before, path), at(after, path))).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it("property: a change at one leaf of a plan's content is named at that leaf", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 10_000 }).filter((value) => value !== 70 && value !== 20 && value !== 90),
        (index, target) => {
          const indicators = unchanged.indicators.map((each, i) => (i === index ? { ...each, target } : each))
          expect(PlanRevision.firstChange(plan, { ...unchanged, indicators })).toBe(`indicators.${index}.target`)
        },
      ),
    )
  })
})

describe("MonitoringReport: implementation by pillar and by quarter", () => {
  const report = MonitoringReport.compute({
    plan,
    period: { start: "2024-01-01", end: "2025-06-30" },
    asOf: "2025-07-01",
    computed: new Map(),
    actionItems: [],
  })

  it("gives every pillar of the framework, in order, over its objectives' activities", () => {
    expect(report.byPillar.map((line) => [line.pillar, line.implementation.level])).toEqual([
      // Objective 1: the campaign (weight 2), completed.
      ["awareness-prevention", 1],
      // Objective 2: training (in progress) and protocol (completed), both due in the period.
      ["protection-coordination", 0.5],
      // Objective 3: jobs, due in 2026: nothing due in the period.
      ["empowerment-reintegration", null],
    ])
  })

  it("gives every quarter of the period, what fell due in it and the level so far", () => {
    expect(report.byQuarter.map((line) => line.quarter)).toEqual([
      "2024-Q1",
      "2024-Q2",
      "2024-Q3",
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
    ])
    const q = (quarter: string) => report.byQuarter.find((line) => line.quarter === quarter)!
    expect(q("2024-Q3").due.level).toBeNull()
    expect(q("2024-Q4").due.level).toBe(1)
    expect(q("2025-Q1").due.level).toBe(1)
    expect(q("2025-Q2").due.level).toBe(0)
    // Cumulative: campaign 2 + protocol 1 completed of 2 + 1 + 1 due by mid-2025.
    expect(q("2025-Q2").cumulative).toMatchObject({ dueWeight: 4, completedWeight: 3, level: 0.75 })
    expect(q("2025-Q2").cumulative).toEqual(report.implementation)
  })

  it("property: the last quarter's cumulative level is the period's; the quarters' due weights add up to it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (year, month, months) => {
          const start = `${year}-${String(month).padStart(2, "0")}-01`
          const endMonth = month + months
          const end = `${year + Math.floor((endMonth - 1) / 12)}-${String(((endMonth - 1) % 12) + 1).padStart(2, "0")}-28`
          const period = { start, end }
          const computed = MonitoringReport.compute({ plan, period, asOf: end, computed: new Map(), actionItems: [] })
          expect(computed.byQuarter.at(-1)?.cumulative).toEqual(computed.implementation)
          const sum = computed.byQuarter.reduce((total, line) => total + line.due.dueWeight, 0)
          expect(sum).toBe(computed.implementation.dueWeight)
          const pillars = computed.byPillar.reduce((total, line) => total + line.implementation.dueWeight, 0)
          expect(pillars).toBe(computed.implementation.dueWeight)
        },
      ),
    )
  })

  it("lists the quarters a span touches", () => {
    expect(Quarter.between("2025-11-15", "2026-02-01")).toEqual(["2025-Q4", "2026-Q1"])
    expect(Quarter.between("2025-05-01", "2025-05-02")).toEqual(["2025-Q2"])
  })
})

const draftInput: typeof ActionPlanCommands.CreatePlan.Encoded = {
  mechanismId: ids.mechanism,
  title: "Local action plan 2024–2026",
  period: { start: "2024-01-01", end: "2026-12-31" },
  objectives: [{ code: "1", title: "Raise awareness", pillar: "awareness-prevention" }],
  activities: [
    { objective: "1", title: "Awareness campaign in schools", responsible: ids.municipality, quarters: ["2024-Q4"] },
  ],
  indicators: [
    {
      objective: "1",
      title: "Residents who know where to report",
      unit: "percent",
      baseline: { value: 40, date: "2024-02-15", source: "Baseline survey 2024" },
      target: 70,
    },
  ],
}

for (const db of databases) {
  describe(`${db.name}: revising a draft plan`, () => {
    layer(services(db))((it) => {
      it.effect("revises a draft whole: ids sent back are kept, new ones made, left-out ones removed", () =>
        Effect.gen(function* () {
          const draft = yield* as(coordinator)(ActionPlanService.create(draftInput))
          const campaign = draft.activities[0]!
          const awareness = draft.indicators[0]!
          const revised = yield* as(coordinator)(
            ActionPlanService.revise({
              planId: draft.id,
              expectedVersion: 1,
              title: "Local action plan 2024–2026 (revised)",
              period: { start: "2024-01-01", end: "2026-12-31" },
              objectives: [
                { code: "1", title: "Raise awareness", pillar: "awareness-prevention" },
                { code: "2", title: "Coordinated protection", pillar: "protection-coordination" },
              ],
              activities: [
                { ...campaign, id: campaign.id, quarters: ["2025-Q1"], partners: [ids.police] },
                { objective: "2", title: "Joint training", responsible: ids.socialWork, quarters: ["2025-Q2"] },
              ],
              indicators: [{ ...awareness, id: awareness.id, target: 75 }],
            }),
          )
          expect(revised).toMatchObject({ version: 2, status: "draft", title: "Local action plan 2024–2026 (revised)" })
          expect(revised.activities.map((a) => a.title)).toEqual(["Awareness campaign in schools", "Joint training"])
          expect(revised.activities[0]).toMatchObject({
            id: campaign.id,
            quarters: ["2025-Q1"],
            partners: [ids.police],
          })
          expect(revised.activities[1]?.id).not.toBe(campaign.id)
          expect(revised.indicators).toEqual([{ ...awareness, target: 75 }])
          expect((yield* events).at(-1)).toMatchObject({ topic: "action-plan.plan.revised" })
          // The previous value is kept: the draft as it was at version 1, who revised it, why.
          const again = yield* as(coordinator)(
            ActionPlanService.revise({
              planId: draft.id,
              expectedVersion: 2,
              reason: "Target agreed with the police",
              title: revised.title,
              period: revised.period,
              objectives: revised.objectives,
              activities: revised.activities,
              indicators: [{ ...awareness, id: awareness.id, target: 80 }],
            }),
          )
          expect(again.version).toBe(3)
          const history = yield* as(coordinator)(ActionPlanService.revisions(draft.id))
          expect(history.map((revision) => [revision.version, revision.reason])).toEqual([
            [1, undefined],
            [2, "Target agreed with the police"],
          ])
          expect(history[0]).toMatchObject({
            planId: draft.id,
            revisedBy: coordinator.id,
            institution: coordinator.institution,
            previous: { title: draft.title, activities: draft.activities, indicators: draft.indicators },
          })
          expect(history[1]?.previous.indicators[0]?.target).toBe(75)
          expect(history[1]?.revisedAt).toBeInstanceOf(Date)
          // Outside the mechanism, the history does not exist either.
          expect(yield* Effect.flip(as(memberOfAnother)(ActionPlanService.revisions(draft.id)))).toMatchObject({
            _tag: "NotFound",
          })
        }),
      )

      it.effect("refuses a revision after adoption, a stale version, a stranger, an unknown id; nothing written", () =>
        Effect.gen(function* () {
          const draft = yield* as(coordinator)(ActionPlanService.create(draftInput))
          const body = {
            planId: draft.id,
            title: draft.title,
            period: draft.period,
            objectives: draft.objectives,
            activities: [],
            indicators: [],
          }
          const refused = (effect: Effect.Effect<unknown, { readonly _tag: string }, never>) =>
            Effect.gen(function* () {
              const before = yield* counts
              const error = yield* Effect.flip(effect)
              expect(yield* counts).toEqual(before)
              return error
            })
          expect(
            yield* refused(as(coordinator)(ActionPlanService.revise({ ...body, expectedVersion: 7 })) as never),
          ).toMatchObject({ _tag: "Conflict", rule: "version.stale" })
          expect(
            yield* refused(as(memberOfAnother)(ActionPlanService.revise({ ...body, expectedVersion: 1 })) as never),
            // Outside the plan's mechanism the plan does not exist (issue 13, finding 6).
          ).toMatchObject({ _tag: "NotFound", entity: "ActionPlan" })
          expect(
            yield* refused(
              as(coordinator)(
                ActionPlanService.revise({
                  ...body,
                  expectedVersion: 1,
                  activities: [
                    {
                      id: ids.jobs,
                      objective: "1",
                      title: "Jobs",
                      responsible: ids.municipality,
                      quarters: ["2025-Q1"],
                    },
                  ],
                }),
              ) as never,
            ),
          ).toMatchObject({ _tag: "InvalidInput", field: "activities.0.id", rule: "action-plan.activity.unknown" })
          expect(
            yield* refused(
              as(coordinator)(
                ActionPlanService.revise({
                  ...body,
                  expectedVersion: 1,
                  indicators: [{ ...draft.indicators[0]!, target: 130 }],
                }),
              ) as never,
            ),
          ).toMatchObject({ field: "indicators.0.target", rule: "action-plan.indicator.value-out-of-range" })

          const adopted = yield* as(coordinator)(
            ActionPlanService.changeStatus({ planId: draft.id, command: "adopt", expectedVersion: 1 }),
          )
          expect(
            yield* refused(
              as(coordinator)(ActionPlanService.revise({ ...body, expectedVersion: adopted.version })) as never,
            ),
          ).toMatchObject({ _tag: "Conflict", rule: "action-plan.plan.not-draft", field: "activities" })
          // The adopted content given again with one target changed: the refusal names that target.
          const again = {
            ...body,
            expectedVersion: adopted.version,
            activities: adopted.activities.map(({ status: _status, ...activity }) => activity),
            indicators: adopted.indicators.map(({ measurements: _m, endline: _e, ...indicator }) => indicator),
          }
          expect(
            yield* refused(
              as(coordinator)(
                ActionPlanService.revise({
                  ...again,
                  indicators: again.indicators.map((indicator, index) =>
                    index === 0 ? { ...indicator, target: indicator.target + 1 } : indicator,
                  ),
                }),
              ) as never,
            ),
          ).toMatchObject({ _tag: "Conflict", rule: "action-plan.plan.not-draft", field: "indicators.0.target" })
          expect(yield* refused(as(coordinator)(ActionPlanService.revise(again)) as never)).toMatchObject({
            _tag: "Conflict",
            rule: "action-plan.plan.not-draft",
            field: "title",
          })
          // A measurement outside its unit's values is refused too, naming the value.
          expect(
            yield* refused(
              as(coordinator)(
                ActionPlanService.recordMeasurement({
                  planId: draft.id,
                  indicatorId: draft.indicators[0]!.id,
                  measurement: { value: 101, unit: "percent", date: "2025-01-15", source: "Survey" },
                  expectedVersion: adopted.version,
                }),
              ) as never,
            ),
          ).toMatchObject({ field: "measurement.value", rule: "action-plan.measurement.out-of-range" })
        }),
      )
    })
  })
}
