/**
 * The action-plan use cases: the coordinator drafts a plan, moves it through
 * its lifecycle, records activity progress and indicator measurements; members
 * and the national coordinator read plans and monitoring reports. Each command
 * writes the plan and its outbox event in one transaction; a refused command
 * writes nothing.
 */

import { CivilDate, Errors, Id, Instant, JurisdictionProfile, Principal, Span } from "@bashke/kernel"
import { Transaction, UseCase } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import * as ActionPlan from "./ActionPlan"
import * as ActionPlanCommands from "./ActionPlanCommands"
import * as Events from "./ActionPlanEvents"
import * as ActionPlanLifecycle from "./ActionPlanLifecycle"
import * as ActionPlanList from "./ActionPlanList"
import * as ActionPlanPolicy from "./ActionPlanPolicy"
import { ActionPlanRepository } from "./ActionPlanRepository"
import { ActivityActionItems } from "./ActivityActionItems"
import * as Framework from "./Framework"
import { IndicatorSources, type Ratio } from "./IndicatorSources"
import { decodeInput } from "./internal/Input"
import * as MonitoringReport from "./MonitoringReport"
import * as PlanRevision from "./PlanRevision"
import * as SqlActionPlanRepository from "./SqlActionPlanRepository"

/**
 * What the commands need (the jurisdiction, `CurrentJurisdiction`, defaults to Kosovo).
 */
export type Requirements = ActionPlanRepository | SqlClient.SqlClient | Id.IdGenerator | Principal.CurrentPrincipal

/**
 * What a monitoring report needs besides the plan.
 */
export type ReportRequirements = Requirements | IndicatorSources | ActivityActionItems

type Failure = Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition

// Writing a plan is the coordinator's, of a mechanism the principal coordinates.
// To a principal who may not even read the plan (`hidden`: outside its mechanism,
// not the national coordinator), the plan does not exist: 404, as an unknown id.
const requireCoordinator = (
  mechanismId: Id.MechanismId,
  action: string,
  hidden?: Id.ActionPlanId,
): Effect.Effect<Principal.Principal, Errors.Forbidden | Errors.NotFound, Principal.CurrentPrincipal> =>
  Effect.flatMap(
    Principal.CurrentPrincipal,
    (principal): Effect.Effect<Principal.Principal, Errors.Forbidden | Errors.NotFound> => {
      if (principal.roles.includes("coordinator") && principal.mechanisms.includes(mechanismId))
        return Effect.succeed(principal)
      if (hidden !== undefined && !ActionPlanPolicy.mayRead(principal, mechanismId))
        return Effect.fail(new Errors.NotFound({ entity: "ActionPlan", id: hidden }))
      return Effect.fail(new Errors.Forbidden({ action, rule: "action-plan.mechanism.not-member" }))
    },
  )

// Whoever may not read a plan is told it does not exist (404, as an unknown id).
const requireReader = (mechanismId: Id.MechanismId, planId: Id.ActionPlanId) =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    ActionPlanPolicy.mayRead(principal, mechanismId)
      ? Effect.void
      : Effect.fail(new Errors.NotFound({ entity: "ActionPlan", id: planId })),
  )

const requireVersion = (plan: ActionPlan.ActionPlan, expectedVersion: number) =>
  plan.version === expectedVersion
    ? Effect.void
    : Effect.fail(
        new Errors.Conflict({
          entity: "ActionPlan",
          id: plan.id,
          rule: "version.stale",
          expectedVersion,
          actualVersion: plan.version,
        }),
      )

/**
 * The coordinator drafts a plan. Every objective names a pillar of the plan's
 * framework (`action-plan.objective.pillar-missing`,
 * `action-plan.objective.pillar-unknown`); see `ActionPlan.check` for the rest.
 */
export const create = (
  input: typeof ActionPlanCommands.CreatePlan.Encoded,
): Effect.Effect<ActionPlan.ActionPlan, Failure, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionPlanCommands.CreatePlan)(input)
    yield* requireCoordinator(command.mechanismId, "action-plan.plan.create")
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const at = yield* Instant.now
    const activities = yield* Effect.forEach(command.activities, (activity) =>
      Effect.map(Id.ActivityId.generate, (id): ActionPlan.Activity => ({ ...activity, id, status: "planned" })),
    )
    const indicators = yield* Effect.forEach(command.indicators, (indicator) =>
      Effect.map(Id.IndicatorId.generate, (id): ActionPlan.Indicator => ({ ...indicator, id, measurements: [] })),
    )
    const plan = yield* ActionPlan.check<ActionPlan.ActionPlan>({
      id: yield* Id.ActionPlanId.generate,
      mechanismId: command.mechanismId,
      framework: command.framework ?? Framework.defaultFrameworkFor(profile),
      title: command.title,
      period: command.period,
      status: "draft",
      objectives: command.objectives,
      activities,
      indicators,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    const repository = yield* ActionPlanRepository
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insert(plan)
        yield* Events.append("action-plan.plan.created", plan.id, {
          planId: plan.id,
          mechanismId: plan.mechanismId,
          framework: plan.framework,
          periodStart: plan.period.start,
          periodEnd: plan.period.end,
          objectives: plan.objectives.length,
          activities: plan.activities.length,
          indicators: plan.indicators.length,
        })
      }),
    )
    return plan
  }).pipe(Span.untraced("ActionPlanService.create"))

/**
 * The coordinator revises a draft plan (`ActionPlanCommands.RevisePlan`): the
 * content is replaced and checked as a new plan's is (`ActionPlan.check`),
 * activities and indicators sent with their ids keep them. A plan no longer a
 * draft is refused (`Conflict` `action-plan.plan.not-draft`, naming the first
 * field the revision changes), a stale version
 * too (`version.stale`); a refusal writes nothing. The content replaced is
 * appended to the plan's revision history in the same transaction ({@link revisions}).
 */
export const revise = (
  input: typeof ActionPlanCommands.RevisePlan.Encoded,
): Effect.Effect<ActionPlan.ActionPlan, Failure, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionPlanCommands.RevisePlan)(input)
    const repository = yield* ActionPlanRepository
    const plan = yield* repository.find(command.planId)
    const principal = yield* requireCoordinator(plan.mechanismId, "action-plan.plan.revise", plan.id)
    yield* requireVersion(plan, command.expectedVersion)
    yield* ActionPlanLifecycle.acceptsRevision(plan, command)
    const at = yield* Instant.now
    const activities = yield* Effect.forEach(command.activities, ({ id, ...activity }, index) =>
      id === undefined
        ? Effect.map(
            Id.ActivityId.generate,
            (fresh): ActionPlan.Activity => ({ ...activity, id: fresh, status: "planned" }),
          )
        : Effect.map(
            kept(plan.activities, id, `activities.${index}.id`, "action-plan.activity.unknown"),
            (before): ActionPlan.Activity => ({ ...activity, id, status: before.status }),
          ),
    )
    const indicators = yield* Effect.forEach(command.indicators, ({ id, ...indicator }, index) =>
      id === undefined
        ? Effect.map(
            Id.IndicatorId.generate,
            (fresh): ActionPlan.Indicator => ({ ...indicator, id: fresh, measurements: [] }),
          )
        : Effect.map(
            kept(plan.indicators, id, `indicators.${index}.id`, "action-plan.indicator.unknown"),
            (before): ActionPlan.Indicator => ({
              ...indicator,
              id,
              measurements: before.measurements,
              ...(before.endline === undefined ? {} : { endline: before.endline }),
            }),
          ),
    )
    const next = yield* ActionPlan.check<ActionPlan.ActionPlan>({
      ...plan,
      framework: command.framework ?? plan.framework,
      title: command.title,
      period: command.period,
      objectives: command.objectives,
      activities,
      indicators,
      updatedAt: at,
    })
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, command.expectedVersion)
        yield* repository.addRevision(PlanRevision.of(plan, principal, at, command.reason))
        yield* Events.append("action-plan.plan.revised", plan.id, {
          planId: plan.id,
          mechanismId: plan.mechanismId,
          objectives: stored.objectives.length,
          activities: stored.activities.length,
          indicators: stored.indicators.length,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ActionPlanService.revise"))

/** The entry of `id` among a draft's `entries`, or `InvalidInput` naming `field`. */
const kept = <A extends { readonly id: string }>(
  entries: ReadonlyArray<A>,
  id: string,
  field: string,
  rule: string,
): Effect.Effect<A, Errors.InvalidInput> => {
  const found = entries.find((entry) => entry.id === id)
  return found === undefined ? Effect.fail(new Errors.InvalidInput({ field, rule })) : Effect.succeed(found)
}

/**
 * The coordinator moves the plan one step: adopt, start implementation, evaluate.
 */
export const changeStatus = (
  input: typeof ActionPlanCommands.ChangeStatus.Encoded,
): Effect.Effect<ActionPlan.ActionPlan, Failure, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionPlanCommands.ChangeStatus)(input)
    const repository = yield* ActionPlanRepository
    const plan = yield* repository.find(command.planId)
    yield* requireCoordinator(plan.mechanismId, `action-plan.plan.${command.command}`, plan.id)
    yield* requireVersion(plan, command.expectedVersion)
    const next = yield* ActionPlanLifecycle.transition(plan, command.command, yield* Instant.now)
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, command.expectedVersion)
        yield* Events.append("action-plan.plan.status-changed", plan.id, {
          planId: plan.id,
          mechanismId: plan.mechanismId,
          from: plan.status,
          to: stored.status,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ActionPlanService.changeStatus"))

/**
 * The coordinator records an activity's status, once the plan is adopted.
 */
export const setActivityStatus = (
  input: typeof ActionPlanCommands.SetActivityStatus.Encoded,
): Effect.Effect<ActionPlan.ActionPlan, Failure, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionPlanCommands.SetActivityStatus)(input)
    const repository = yield* ActionPlanRepository
    const plan = yield* repository.find(command.planId)
    yield* requireCoordinator(plan.mechanismId, "action-plan.activity.set-status", plan.id)
    yield* requireVersion(plan, command.expectedVersion)
    yield* ActionPlanLifecycle.acceptsProgress(plan, "set-activity-status")
    const activity = plan.activities.find((a) => a.id === command.activityId)
    if (activity === undefined)
      return yield* Effect.fail(new Errors.InvalidInput({ field: "activityId", rule: "action-plan.activity.unknown" }))
    const next: ActionPlan.ActionPlan = {
      ...plan,
      activities: plan.activities.map((a) => (a.id === activity.id ? { ...a, status: command.status } : a)),
      updatedAt: yield* Instant.now,
    }
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, command.expectedVersion)
        yield* Events.append("action-plan.activity.status-changed", plan.id, {
          planId: plan.id,
          mechanismId: plan.mechanismId,
          activityId: activity.id,
          from: activity.status,
          to: command.status,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ActionPlanService.setActivityStatus"))

/**
 * The coordinator records a measurement of a typed-in indicator (or its
 * end-line survey value), in the indicator's unit
 * (`action-plan.measurement.unit-mismatch` on `measurement.unit`) and a value
 * that unit takes (`action-plan.measurement.out-of-range` on
 * `measurement.value`: a count is whole, a percent at most 100, none below 0).
 */
export const recordMeasurement = (
  input: typeof ActionPlanCommands.RecordMeasurement.Encoded,
): Effect.Effect<ActionPlan.ActionPlan, Failure, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionPlanCommands.RecordMeasurement)(input)
    const repository = yield* ActionPlanRepository
    const plan = yield* repository.find(command.planId)
    yield* requireCoordinator(plan.mechanismId, "action-plan.indicator.measure", plan.id)
    yield* requireVersion(plan, command.expectedVersion)
    yield* ActionPlanLifecycle.acceptsProgress(plan, "record-measurement")
    const indicator = plan.indicators.find((i) => i.id === command.indicatorId)
    if (indicator === undefined)
      return yield* Effect.fail(
        new Errors.InvalidInput({ field: "indicatorId", rule: "action-plan.indicator.unknown" }),
      )
    if (indicator.source._tag === "computed")
      return yield* Effect.fail(
        new Errors.InvalidInput({ field: "indicatorId", rule: "action-plan.measurement.computed-indicator" }),
      )
    if (command.measurement.unit !== indicator.unit)
      return yield* Effect.fail(
        new Errors.InvalidInput({ field: "measurement.unit", rule: "action-plan.measurement.unit-mismatch" }),
      )
    if (!ActionPlan.valueFits(indicator.unit, command.measurement.value))
      return yield* Effect.fail(
        new Errors.InvalidInput({ field: "measurement.value", rule: "action-plan.measurement.out-of-range" }),
      )
    const measured: ActionPlan.Indicator = command.endline
      ? { ...indicator, endline: command.measurement }
      : { ...indicator, measurements: [...indicator.measurements, command.measurement] }
    const next: ActionPlan.ActionPlan = {
      ...plan,
      indicators: plan.indicators.map((i) => (i.id === indicator.id ? measured : i)),
      updatedAt: yield* Instant.now,
    }
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, command.expectedVersion)
        yield* Events.append("action-plan.indicator.measured", plan.id, {
          planId: plan.id,
          mechanismId: plan.mechanismId,
          indicatorId: indicator.id,
          value: command.measurement.value,
          unit: command.measurement.unit,
          date: command.measurement.date,
          endline: command.endline,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ActionPlanService.recordMeasurement"))

/**
 * A plan, for a member of its mechanism or the national coordinator.
 */
export const find = (
  planId: Id.ActionPlanId,
): Effect.Effect<ActionPlan.ActionPlan, Errors.NotFound | Errors.Forbidden, Requirements> =>
  Effect.gen(function* () {
    const plan = yield* Effect.flatMap(ActionPlanRepository, (repository) => repository.find(planId))
    yield* requireReader(plan.mechanismId, plan.id)
    return plan
  })

/**
 * A plan's revision history, oldest first: what each revision of the draft
 * replaced, who revised it and when. The same readers as the plan's.
 */
export const revisions = (
  planId: Id.ActionPlanId,
): Effect.Effect<ReadonlyArray<PlanRevision.PlanRevision>, Errors.NotFound | Errors.Forbidden, Requirements> =>
  Effect.gen(function* () {
    const plan = yield* find(planId)
    return yield* Effect.flatMap(ActionPlanRepository, (repository) => repository.revisions(plan.id))
  }).pipe(Span.untraced("ActionPlanService.revisions"))

/**
 * The monitoring report of a plan for a period (`action-plan.period.ends-before-start`
 * on `period.end` when the period is reversed). Computed indicators are measured
 * for the period through `IndicatorSources`; linked action items come from
 * `ActivityActionItems`. Writes nothing.
 */
export const report = (
  input: typeof ActionPlanCommands.ReportRequest.Encoded,
): Effect.Effect<
  MonitoringReport.Report,
  Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
  ReportRequirements
> =>
  Effect.gen(function* () {
    const request = yield* decodeInput(ActionPlanCommands.ReportRequest)(input)
    const plan = yield* find(request.planId)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const asOf = request.asOf ?? CivilDate.ofInstant(yield* Instant.now, profile.timezone)
    const sources = yield* IndicatorSources
    const computed = new Map<string, Ratio>()
    for (const indicator of plan.indicators)
      if (indicator.source._tag === "computed")
        computed.set(indicator.id, yield* sources.measure(indicator.source.query, plan.mechanismId, request.period))
    const actionItems = yield* Effect.flatMap(ActivityActionItems, (port) =>
      port.byActivities(plan.activities.map((a) => a.id)),
    )
    return MonitoringReport.compute({ plan, period: request.period, asOf, computed, actionItems })
  }).pipe(Span.untraced("ActionPlanService.report"))

const useCases = {
  create,
  revise,
  changeStatus,
  setActivityStatus,
  recordMeasurement,
  find,
  revisions,
  report,
  page: ActionPlanList.forMechanism,
}

/** What the service keeps of the context it is built in: the plans' store, the ports a report reads, SQL and ids. */
export type ServiceRequirements = Exclude<ReportRequirements, Principal.CurrentPrincipal>

/**
 * The use cases above and a mechanism's page of plans (`ActionPlanList`),
 * each asking its caller only for the principal (and the jurisdiction where
 * it reads one): what an application holds instead of the plans' store.
 */
export type Service = UseCase.Provided<
  {
    readonly create: typeof create
    readonly revise: typeof revise
    readonly changeStatus: typeof changeStatus
    readonly setActivityStatus: typeof setActivityStatus
    readonly recordMeasurement: typeof recordMeasurement
    readonly find: typeof find
    readonly revisions: typeof revisions
    readonly report: typeof report
    readonly page: typeof ActionPlanList.forMechanism
  },
  ServiceRequirements
>

export class ActionPlanService extends Context.Tag("@bashke/action-plan/ActionPlanService")<
  ActionPlanService,
  Service
>() {}

/** The service over the plans' store and the ports of its context. */
export const layer: Layer.Layer<ActionPlanService, never, ServiceRequirements> = Layer.effect(
  ActionPlanService,
  UseCase.assemble(
    [ActionPlanRepository, IndicatorSources, ActivityActionItems, SqlClient.SqlClient, Id.IdGenerator],
    useCases,
  ),
)

/** The service over the SQL plans' store; the ports, SQL client and ids come from the application. */
export const layerSql: Layer.Layer<
  ActionPlanService,
  never,
  Exclude<ServiceRequirements, ActionPlanRepository>
> = layer.pipe(Layer.provide(SqlActionPlanRepository.layer))
