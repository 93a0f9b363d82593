// The action-plan routes: a plan names institutions, never people, so the
// mechanism's people and the national coordinator read it; only the
// mechanism's coordinator writes it. An administrator runs the installation,
// not the plan, and reads none.
import { CivilDate } from "@bashke/kernel"
import { institutions } from "../../../src/demo/World"
import {
  day,
  etagOf,
  get,
  hidden,
  members,
  ok,
  type Request,
  reusable,
  type Scenario,
  setUp,
  statuses,
  type World,
} from "./Matrix"

const demoPlan = (world: World) => {
  const found = world.seeded.actionPlan
  if (found === undefined) throw new Error("the demo seeds an action plan")
  return found.planId
}
const plan = (id: string) => `/v1/action-plans/${id}`

const readers = statuses(403, { ...members(200), nationalCoordinator: 200 })
const coordinator = (status: number) => statuses(403, { coordinator: status })

const draft = async (world: World) => {
  const year = CivilDate.year(await day(world))
  return {
    mechanismId: world.mechanismId,
    title: "Plan i provës",
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    objectives: [{ code: "1", title: "Mbrojtje", pillar: "protection-coordination" }],
    activities: [{ objective: "1", title: "Trajnim", responsible: institutions.police.id, quarters: [`${year}-Q4`] }],
    indicators: [
      {
        objective: "1",
        title: "Trajnime",
        unit: "count",
        baseline: { value: 0, date: `${year}-01-01`, source: "Regjistri" },
        target: 4,
      },
    ],
  }
}

/** A draft plan of the coordinator's, until someone adopts it. */
const drafted = reusable(
  async (world: World) =>
    (await setUp(world, "coordinator", "POST", "/v1/action-plans", { body: await draft(world) })).body.id as string,
  async (world, id) => (await setUp(world, "coordinator", "GET", plan(id))).body.status === "draft",
)

/** The demo plan's first activity and first typed-in indicator. */
const parts = async (world: World) => {
  const read = await setUp(world, "coordinator", "GET", plan(demoPlan(world)))
  const indicator = read.body.indicators.find((each: { source: { _tag: string } }) => each.source._tag !== "computed")
  return { activity: read.body.activities[0].id as string, indicator: indicator.id as string, etag: read.etag }
}

export const actionPlanScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listActionPlans",
    label: "a mechanism's plans: its people and the national coordinator",
    request: get((w) => `/v1/action-plans?mechanismId=${w.mechanismId}`),
    expect: readers,
  },
  {
    operationId: "createActionPlan",
    label: "draft a plan: the mechanism's coordinator",
    request: async (w) => ({ method: "POST", path: "/v1/action-plans", body: await draft(w) }),
    expect: coordinator(ok("createActionPlan")),
  },
  {
    operationId: "reviseActionPlan",
    label: "revise a draft plan: the mechanism's coordinator",
    request: async (w) => {
      const id = await drafted(w)
      const { mechanismId: _mechanismId, ...content } = await draft(w)
      return {
        method: "PUT",
        path: plan(id),
        body: { ...content, title: "Plan i provës, i rishikuar" },
        ifMatch: await etagOf(w, plan(id), "coordinator"),
      }
    },
    expect: { ...hidden(coordinator(ok("reviseActionPlan"))), nationalCoordinator: 403 },
  },
  {
    operationId: "listActionPlanRevisions",
    label: "a draft's revision history: the plan's readers",
    request: get((w) => `${plan(demoPlan(w))}/revisions`),
    expect: hidden(readers),
  },
  {
    operationId: "getActionPlan",
    label: "a plan: the mechanism's people and the national coordinator",
    request: get((w) => plan(demoPlan(w))),
    expect: hidden(readers),
  },
  {
    operationId: "changeActionPlanStatus",
    label: "adopt a plan: the coordinator",
    request: async (w): Promise<Request> => {
      const id = await drafted(w)
      return {
        method: "POST",
        path: `${plan(id)}/transitions`,
        body: { command: "adopt" },
        ifMatch: await etagOf(w, plan(id)),
      }
    },
    expect: { ...hidden(coordinator(ok("changeActionPlanStatus"))), nationalCoordinator: 403 },
  },
  {
    operationId: "setActivityStatus",
    label: "record an activity's status: the coordinator",
    request: async (w) => {
      const { activity, etag } = await parts(w)
      return {
        method: "PUT",
        path: `${plan(demoPlan(w))}/activities/${activity}/status`,
        body: { status: "in-progress" },
        ifMatch: etag,
      }
    },
    expect: { ...hidden(coordinator(ok("setActivityStatus"))), nationalCoordinator: 403 },
  },
  {
    operationId: "listIndicators",
    label: "a plan's indicators: its readers",
    request: get((w) => `${plan(demoPlan(w))}/indicators`),
    expect: hidden(readers),
  },
  {
    operationId: "getIndicator",
    label: "one indicator: the plan's readers",
    request: async (w) => ({ method: "GET", path: `${plan(demoPlan(w))}/indicators/${(await parts(w)).indicator}` }),
    expect: hidden(readers),
  },
  {
    operationId: "recordIndicatorMeasurement",
    label: "record a measurement: the coordinator",
    request: async (w) => {
      const { indicator, etag } = await parts(w)
      return {
        method: "POST",
        path: `${plan(demoPlan(w))}/indicators/${indicator}/measurements`,
        body: { measurement: { value: 3, unit: "count", date: await day(w), source: "Lista e pjesëmarrjes" } },
        ifMatch: etag,
      }
    },
    expect: { ...hidden(coordinator(ok("recordIndicatorMeasurement"))), nationalCoordinator: 403 },
  },
  {
    operationId: "getMonitoringReport",
    label: "the monitoring report: the plan's readers",
    request: async (w) => ({
      method: "GET",
      path: `${plan(demoPlan(w))}/report?from=${await day(w, -30)}&to=${await day(w)}`,
    }),
    expect: hidden(readers),
  },
]
