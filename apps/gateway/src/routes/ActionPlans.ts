/**
 * `/v1/action-plans`: the local action plan of a mechanism — drafted by its
 * coordinator on a strategy framework's pillars, adopted, implemented and
 * evaluated — with its activities' status, its indicators and their
 * measurements, and the monitoring report for a period (implementation level
 * and indicator progress computed, computed indicators measured from the
 * system's own data, overdue activities and the meeting action items behind
 * each).
 *
 * A plan is versioned as a whole: every change needs the `If-Match` of the
 * plan and answers with the whole plan and its new `ETag`. The action-plan
 * package decides who may do what (the coordinator writes; members of the
 * mechanism and the national coordinator read). A plan names institutions,
 * never people.
 */
import {
  ActionPlan,
  ActionPlanCommands,
  ActionPlanService,
  ActivityActionItems,
  Framework,
  Period,
  PlanRevision,
  Quarter,
} from "@bashke/action-plan"
import { CivilDate, Errors, Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"
import * as Keyset from "./Keyset"

const tag = "action-plans"

/** A use case of the action-plan service (the package decides who may). */
const withPlans = <A, E, R>(use: (plans: ActionPlanService.Service) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(ActionPlanService.ActionPlanService, use)

const PlanPath = Schema.Struct({ planId: Id.ActionPlanId })
const ActivityPath = Schema.Struct({ planId: Id.ActionPlanId, activityId: Id.ActivityId })
const IndicatorPath = Schema.Struct({ planId: Id.ActionPlanId, indicatorId: Id.IndicatorId })

const etag = (plan: { readonly version: number }) => plan.version

// A plan names its activities' responsible and partner institutions (`InstitutionNames`).
const NamedPlan = InstitutionNames.named(ActionPlan.ActionPlan, "NamedActionPlan")

const create = Route.make({
  method: "post",
  path: "/v1/action-plans",
  operationId: "createActionPlan",
  tag,
  summary: "Draft a local action plan on a framework's pillars (the coordinator)",
  bodySchema: ActionPlanCommands.CreatePlan,
  success: { status: 201, schema: NamedPlan },
  etag,
  handle: ({ body }) =>
    Effect.flatMap(
      withPlans((plans) => plans.create(body)),
      InstitutionNames.attach,
    ),
})

const read = Route.make({
  method: "get",
  path: "/v1/action-plans/:planId",
  operationId: "getActionPlan",
  tag,
  summary: "A plan with its objectives, activities and indicators (members, national coordinator)",
  pathSchema: PlanPath,
  success: { status: 200, schema: NamedPlan },
  etag,
  handle: ({ path }) =>
    Effect.flatMap(
      withPlans((plans) => plans.find(path.planId)),
      InstitutionNames.attach,
    ),
})

const ListQuery = Keyset.query({
  mechanismId: Id.MechanismId,
  status: Schema.optional(ActionPlan.Status),
})

const PlanPage = InstitutionNames.namedPage(ActionPlan.ActionPlan, "ActionPlanPage")

const list = Route.make({
  method: "get",
  path: "/v1/action-plans",
  operationId: "listActionPlans",
  tag,
  summary: "A mechanism's plans, in the order they were drafted (members, national coordinator)",
  querySchema: ListQuery,
  success: { status: 200, schema: PlanPage },
  handle: ({ query }) =>
    Effect.gen(function* () {
      return yield* InstitutionNames.attachPage(
        yield* withPlans((plans) => plans.page(query.mechanismId, query.status, query)),
      )
    }),
})

const changeStatus = Route.make({
  method: "post",
  path: "/v1/action-plans/:planId/transitions",
  operationId: "changeActionPlanStatus",
  tag,
  summary: "Adopt the plan, start its implementation, or evaluate it (the coordinator)",
  pathSchema: PlanPath,
  bodySchema: ActionPlanCommands.ChangeStatus.pipe(Schema.omit("planId", "expectedVersion")),
  success: { status: 200, schema: NamedPlan },
  ifMatch: true,
  etag,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(
      withPlans((plans) => plans.changeStatus({ ...body, planId: path.planId, expectedVersion: expectedVersion ?? 0 })),
      InstitutionNames.attach,
    ),
})

const revise = Route.make({
  method: "put",
  path: "/v1/action-plans/:planId",
  operationId: "reviseActionPlan",
  tag,
  summary:
    "Revise a draft plan whole: objectives, activities and indicators (ids sent back are kept); refused once adopted (the coordinator)",
  pathSchema: PlanPath,
  bodySchema: ActionPlanCommands.RevisePlan.pipe(Schema.omit("planId", "expectedVersion")),
  success: { status: 200, schema: NamedPlan },
  ifMatch: true,
  etag,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(
      withPlans((plans) => plans.revise({ ...body, planId: path.planId, expectedVersion: expectedVersion ?? 0 })),
      InstitutionNames.attach,
    ),
})

const Revisions = Schema.Array(
  InstitutionNames.named(PlanRevision.PlanRevision, "NamedActionPlanRevision"),
).annotations({ identifier: "ActionPlanRevisions" })

const revisions = Route.make({
  method: "get",
  path: "/v1/action-plans/:planId/revisions",
  operationId: "listActionPlanRevisions",
  tag,
  summary:
    "The draft's revision history, oldest first: the content each revision replaced, who revised it, when and why (members, national coordinator)",
  pathSchema: PlanPath,
  success: { status: 200, schema: Revisions },
  handle: ({ path }) =>
    Effect.flatMap(
      withPlans((plans) => plans.revisions(path.planId)),
      InstitutionNames.attachAll,
    ),
})

const setActivityStatus = Route.make({
  method: "put",
  path: "/v1/action-plans/:planId/activities/:activityId/status",
  operationId: "setActivityStatus",
  tag,
  summary: "Record an activity's status, once the plan is adopted (the coordinator)",
  pathSchema: ActivityPath,
  bodySchema: ActionPlanCommands.SetActivityStatus.pipe(Schema.omit("planId", "activityId", "expectedVersion")),
  success: { status: 200, schema: NamedPlan },
  ifMatch: true,
  etag,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(
      withPlans((plans) =>
        plans.setActivityStatus({
          ...body,
          planId: path.planId,
          activityId: path.activityId,
          expectedVersion: expectedVersion ?? 0,
        }),
      ),
      InstitutionNames.attach,
    ),
})

const recordMeasurement = Route.make({
  method: "post",
  path: "/v1/action-plans/:planId/indicators/:indicatorId/measurements",
  operationId: "recordIndicatorMeasurement",
  tag,
  summary: "Record a typed-in indicator's measurement or end-line value, in its unit (the coordinator)",
  pathSchema: IndicatorPath,
  bodySchema: ActionPlanCommands.RecordMeasurement.pipe(Schema.omit("planId", "indicatorId", "expectedVersion")),
  success: { status: 201, schema: NamedPlan },
  ifMatch: true,
  etag,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(
      withPlans((plans) =>
        plans.recordMeasurement({
          ...body,
          planId: path.planId,
          indicatorId: path.indicatorId,
          expectedVersion: expectedVersion ?? 0,
        }),
      ),
      InstitutionNames.attach,
    ),
})

const Indicators = Schema.Array(ActionPlan.Indicator).annotations({ identifier: "Indicators" })

const listIndicators = Route.make({
  method: "get",
  path: "/v1/action-plans/:planId/indicators",
  operationId: "listIndicators",
  tag,
  summary: "The plan's indicators with their baseline, target and measurements",
  pathSchema: PlanPath,
  success: { status: 200, schema: Indicators },
  handle: ({ path }) =>
    Effect.map(
      withPlans((plans) => plans.find(path.planId)),
      (plan) => plan.indicators,
    ),
})

const readIndicator = Route.make({
  method: "get",
  path: "/v1/action-plans/:planId/indicators/:indicatorId",
  operationId: "getIndicator",
  tag,
  summary: "One indicator of the plan",
  pathSchema: IndicatorPath,
  success: { status: 200, schema: ActionPlan.Indicator },
  handle: ({ path }) =>
    Effect.gen(function* () {
      const plan = yield* withPlans((plans) => plans.find(path.planId))
      const found = plan.indicators.find((indicator) => indicator.id === path.indicatorId)
      if (found === undefined) return yield* new Errors.NotFound({ entity: "Indicator", id: path.indicatorId })
      return found
    }),
})

const Share = Schema.NullOr(Schema.Number.pipe(Schema.between(0, 1)))

const Level = Schema.Struct({
  due: Schema.NonNegativeInt,
  completed: Schema.NonNegativeInt,
  dueWeight: Schema.NonNegative,
  completedWeight: Schema.NonNegative,
  level: Share,
}).annotations({ identifier: "ImplementationLevel", description: "Completed weight over due weight, in [0, 1]" })

/** The package's `MonitoringReport.Report`, as the API describes it. */
const Report = Schema.Struct({
  planId: Id.ActionPlanId,
  period: Period.Period,
  asOf: CivilDate.CivilDate,
  implementation: Level,
  byPillar: Schema.Array(
    Schema.Struct({ pillar: Framework.PillarCode, implementation: Level }).annotations({
      identifier: "PillarImplementation",
      description: "The implementation level of one pillar of the plan's framework, in the framework's order",
    }),
  ),
  byQuarter: Schema.Array(
    Schema.Struct({ quarter: Quarter.Quarter, due: Level, cumulative: Level }).annotations({
      identifier: "QuarterImplementation",
      description: "Of the activities due in the quarter, and of those due from the period's start to its end",
    }),
  ),
  indicators: Schema.Array(
    Schema.Struct({
      indicatorId: Id.IndicatorId,
      objective: ActionPlan.ObjectiveCode,
      unit: ActionPlan.Unit,
      computed: Schema.Boolean,
      baseline: Schema.Number,
      target: Schema.Number,
      latest: Schema.NullOr(Schema.Number),
      progress: Share,
      achieved: Schema.Boolean,
    }).annotations({ identifier: "IndicatorLine" }),
  ),
  activities: Schema.Array(
    Schema.Struct({
      activityId: Id.ActivityId,
      objective: ActionPlan.ObjectiveCode,
      status: ActionPlan.ActivityStatus,
      dueOn: CivilDate.CivilDate,
      dueInPeriod: Schema.Boolean,
      overdue: Schema.Boolean,
      actionItems: Schema.Array(ActivityActionItems.LinkedActionItem),
    }).annotations({ identifier: "ActivityLine" }),
  ),
  overdue: Schema.Array(Id.ActivityId),
}).annotations({ identifier: "MonitoringReport" })

const ReportQuery = Schema.Struct({
  from: CivilDate.CivilDate,
  to: CivilDate.CivilDate,
  asOf: Schema.optional(CivilDate.CivilDate),
})

const report = Route.make({
  method: "get",
  path: "/v1/action-plans/:planId/report",
  operationId: "getMonitoringReport",
  tag,
  summary: "The plan's monitoring report for a period, `from` and `to` included (overdue judged on `asOf`, today)",
  pathSchema: PlanPath,
  querySchema: ReportQuery,
  success: { status: 200, schema: Report },
  handle: ({ path, query }) =>
    withPlans((plans) =>
      plans.report({
        planId: path.planId,
        period: { start: query.from, end: query.to },
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
      }),
    ),
})

/** The action-plan routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  list,
  create,
  read,
  revise,
  revisions,
  changeStatus,
  setActivityStatus,
  listIndicators,
  readIndicator,
  recordMeasurement,
  report,
]
