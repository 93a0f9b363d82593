// Drawing tables from counted groups, and the measure tables, with worked examples.
import type { ActionPlan } from "@bashke/action-plan"
import { ActionPlanRepository } from "@bashke/action-plan"
import { type Id, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as CrossTable from "../src/CrossTable"
import * as Cube from "../src/Cube"
import * as Dimension from "../src/Dimension"
import * as MeasureTables from "../src/MeasureTables"
import * as PlanImplementation from "../src/PlanImplementation"
import * as Report from "../src/Report"
import * as ReportPeriod from "../src/ReportPeriod"
import { rowsOf } from "./support/Tables"

const kosovo = JurisdictionProfile.kosovo

describe("Cube.table", () => {
  const cube: Cube.Cube = {
    dimensions: ["municipality", "victim-sex", "form"],
    groups: [
      { values: ["PRI", "female", "physical,psychological"], count: 4 },
      { values: ["GJI", "female", "physical"], count: 2 },
      { values: ["GJI", "male", ""], count: 1 },
      { values: ["XYZ", "female", "sexual"], count: 1 },
    ],
  }

  it("adds up over the dimensions not shown and splits the forms of a case", () => {
    const table = Cube.table(cube, "form", "victim-sex", kosovo)
    expect(table.rows).toEqual(["physical", "sexual", "psychological", "economic", "not-recorded"])
    expect(table.columns).toEqual(["female", "male", "not-recorded"])
    expect(table.counts).toEqual([
      [6, 0, 0],
      [1, 0, 0],
      [4, 0, 0],
      [0, 0, 0],
      [0, 1, 0],
    ])
    // mentions, not cases: 8 cases, 12 mentions
    expect(CrossTable.grandTotal(table)).toBe(12)
  })

  it("lists municipalities met in the data, in the kernel's order, unknown codes last", () => {
    const table = Cube.table(cube, "municipality", "victim-sex", kosovo)
    expect(table.rows).toEqual(["GJI", "PRI", "XYZ"])
    expect(CrossTable.extended(table)).toEqual([
      [2, 1, 0, 3],
      [4, 0, 0, 4],
      [1, 0, 0, 1],
      [7, 1, 0, 8],
    ])
  })

  it("appends a code the dimension does not know, so totals add up", () => {
    expect(Dimension.listed("victim-age-band", ["25-34", "15-19"], kosovo).slice(-2)).toEqual(["not-recorded", "15-19"])
    expect(Dimension.listed("order-kind", [], kosovo)).toEqual([
      "protection-order",
      "emergency-protection-order",
      "temporary-emergency-protection-order",
    ])
  })
})

describe("Report.countTable", () => {
  const table: CrossTable.CrossTable = {
    rows: ["a", "b"],
    columns: ["x", "y"],
    counts: [
      [40, 25],
      [3, 30],
    ],
  }

  it("publishes every count when nothing is to be hidden, the marker where something is", () => {
    const open = Report.countTable({
      name: "custom",
      source: "cases",
      rowDimension: "form",
      columnDimension: "victim-sex",
      table,
      threshold: undefined,
    })
    expect(rowsOf(open)).toEqual([
      ["a", 40, 25, 65],
      ["b", 3, 30, 33],
      ["total", 43, 55, 98],
    ])
    const published = Report.countTable({
      name: "custom",
      source: "cases",
      rowDimension: "form",
      columnDimension: "victim-sex",
      table,
      threshold: 10,
    })
    expect(rowsOf(published)).toEqual([
      ["a", "x", "x", 65],
      ["b", "x", "x", 33],
      ["total", 43, 55, 98],
    ])
    expect(Report.rowTotalPublished(published, "b")).toBe(true)
  })
})

describe("MeasureTables", () => {
  it("response times: median and 90th percentile by nearest rank, in hours; hidden over fewer answers than the threshold", () => {
    // Shelter: ten referrals answered after 1, 2, …, 10 hours, decided after 2h each; legal aid: two answered.
    const groups = [
      ...Array.from({ length: 10 }, (_, i) => ({
        serviceType: "shelter",
        acknowledgeMinutes: (i + 1) * 60,
        decideMinutes: 120,
        count: 1,
      })),
      { serviceType: "shelter", acknowledgeMinutes: undefined, decideMinutes: undefined, count: 3 },
      { serviceType: "legal-aid", acknowledgeMinutes: 90, decideMinutes: undefined, count: 2 },
    ]
    const table = MeasureTables.responseTimes(groups, 10, kosovo)
    expect(rowsOf(table).slice(0, 2)).toEqual([
      ["shelter", 5.5, 9, 2, 2],
      ["legal-aid", "x", "x", "", ""],
    ])
    expect(rowsOf(MeasureTables.responseTimes(groups, undefined, kosovo))[1]).toEqual(["legal-aid", 1.5, 1.5, "", ""])
  })

  it("meetings required: the profile's 4 a year, pro rata", () => {
    expect(MeasureTables.requiredMeetings(kosovo, ReportPeriod.ofYear(2025))).toBe(4)
    expect(MeasureTables.requiredMeetings(kosovo, ReportPeriod.ofYear(2024))).toBe(4)
    expect(MeasureTables.requiredMeetings(kosovo, { start: "2025-01-01", end: "2025-03-31" })).toBe(1)
    expect(MeasureTables.requiredMeetings(kosovo, { start: "2025-01-01", end: "2025-06-30" })).toBe(2)
    const m = "01JM000000000000000000000A" as Id.MechanismId
    expect(
      rowsOf(
        MeasureTables.meetings(
          [m],
          [
            { mechanismId: m, kind: "regular", held: 5 },
            { mechanismId: m, kind: "ad-hoc", held: 2 },
          ],
          4,
        ),
      ),
    ).toEqual([[m, 5, 2, 4, 0]])
  })
})

describe("PlanImplementation.layerActionPlans", () => {
  const m = "01JM000000000000000000000A" as Id.MechanismId
  const activity = (
    n: number,
    quarters: readonly [string, ...Array<string>],
    status: ActionPlan.ActivityStatus,
    weight: number,
  ) => ({
    id: `01JT000000000000000000000${n}` as Id.ActivityId,
    objective: "1",
    title: `Activity ${n}`,
    responsible: "01JB000000000000000000000A" as Id.InstitutionId,
    partners: [],
    quarters,
    weight,
    status,
  })
  const plan = (status: ActionPlan.Status): ActionPlan.ActionPlan => ({
    id: "01JQ0000000000000000000001" as Id.ActionPlanId,
    mechanismId: m,
    framework: "kosovo-local-plan",
    title: "Plan 2024–2026",
    period: { start: "2024-01-01", end: "2026-12-31" },
    status,
    objectives: [{ code: "1", title: "Protect", pillar: "protection-coordination" }],
    activities: [
      activity(1, ["2025-Q1"], "completed", 2),
      activity(2, ["2025-Q2"], "in-progress", 1),
      activity(3, ["2025-Q4"], "cancelled", 5),
      activity(4, ["2026-Q1"], "planned", 1),
    ],
    indicators: [],
    version: 1,
    createdAt: new Date("2024-01-10T09:00:00Z"),
    updatedAt: new Date("2024-01-10T09:00:00Z"),
  })
  const repository = (plans: ReadonlyArray<ActionPlan.ActionPlan>) =>
    Layer.succeed(ActionPlanRepository.ActionPlanRepository, {
      insert: () => Effect.void,
      update: (p) => Effect.succeed(p),
      find: () => Effect.die("unused"),
      byMechanism: (id) => Effect.succeed(plans.filter((p) => p.mechanismId === id)),
      page: () => Effect.die("unused"),
      addRevision: () => Effect.die("unused"),
      revisions: () => Effect.die("unused"),
    })
  const levels = (plans: ReadonlyArray<ActionPlan.ActionPlan>) =>
    Effect.runSync(
      Effect.flatMap(PlanImplementation.PlanImplementation, (port) => port.levels([m], ReportPeriod.ofYear(2025))).pipe(
        Effect.provide(PlanImplementation.layerActionPlans.pipe(Layer.provide(repository(plans)))),
      ),
    )

  it("is the action-plan package's level over the activities due in the period: 2 of 3 by weight", () => {
    expect(levels([plan("in-implementation")])).toEqual([
      { mechanismId: m, level: { due: 2, completed: 1, dueWeight: 3, completedWeight: 2, level: 2 / 3 } },
    ])
    expect(rowsOf(MeasureTables.planImplementation([m], levels([plan("adopted")])))).toEqual([[m, 2, 1, 66.7]])
  })

  it("leaves drafts out: no plan, nothing to show", () => {
    expect(levels([plan("draft")])).toEqual([])
    expect(rowsOf(MeasureTables.planImplementation([m], []))).toEqual([[m, "", "", ""]])
  })
})
