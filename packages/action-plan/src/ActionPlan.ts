/**
 * The local action plan: its period and status, objectives each mapped to a
 * pillar of the plan's framework, activities (responsible and partner
 * institutions, planned quarters, budget, weight, status) and indicators
 * (unit, baseline, target, measurements, end-line survey; typed in or computed
 * by a named query). {@link check} holds the rules that span fields.
 *
 * A plan holds institutional data only (no person is named), so nothing in it is sealed.
 */
import { CivilDate, Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"
import * as Framework from "./Framework"
import { QueryName } from "./IndicatorSources"
import { Period } from "./Period"
import * as Quarter from "./Quarter"

const Text = Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "action-plan.text.empty" }), Schema.maxLength(500))

/**
 * The plan's status: `draft` → `adopted` → `in-implementation` → `evaluated`.
 */
export const Status = Schema.Literal("draft", "adopted", "in-implementation", "evaluated").annotations({
  identifier: "ActionPlanStatus",
})

export type Status = typeof Status.Type

/**
 * Every status, in lifecycle order.
 */
export const statuses: ReadonlyArray<Status> = Status.literals

/**
 * An objective's code inside its plan (`1`, `1.2`, `a`).
 */
export const ObjectiveCode = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, { message: () => "action-plan.objective.code-invalid" }),
  Schema.maxLength(20),
  Schema.annotations({ identifier: "ObjectiveCode" }),
)

export type ObjectiveCode = typeof ObjectiveCode.Type

/**
 * An objective, mapped to one pillar of the plan's framework. A missing pillar
 * is refused with `action-plan.objective.pillar-missing`.
 */
export const Objective = Schema.Struct({
  code: ObjectiveCode,
  title: Text,
  pillar: Schema.propertySignature(Framework.PillarCode).annotations({
    missingMessage: () => "action-plan.objective.pillar-missing",
  }),
}).annotations({ identifier: "Objective" })

export type Objective = typeof Objective.Type

/**
 * A budget line: amount, ISO 4217 currency and the source of funds
 * (`municipal budget`, a donor).
 */
export const Budget = Schema.Struct({
  amount: Schema.Number.pipe(Schema.finite(), Schema.nonNegative({ message: () => "action-plan.budget.negative" })),
  currency: Schema.String.pipe(Schema.pattern(/^[A-Z]{3}$/, { message: () => "action-plan.budget.currency-invalid" })),
  source: Text,
}).annotations({ identifier: "Budget" })

export type Budget = typeof Budget.Type

/**
 * An activity's status. `cancelled` takes the activity out of the implementation level.
 */
export const ActivityStatus = Schema.Literal("planned", "in-progress", "completed", "cancelled").annotations({
  identifier: "ActivityStatus",
})

export type ActivityStatus = typeof ActivityStatus.Type

/**
 * Every activity status.
 */
export const activityStatuses: ReadonlyArray<ActivityStatus> = ActivityStatus.literals

/**
 * An activity's weight in the implementation level (default 1).
 */
export const Weight = Schema.Number.pipe(
  Schema.finite(),
  Schema.positive({ message: () => "action-plan.activity.weight-not-positive" }),
  Schema.lessThanOrEqualTo(1000),
)

/**
 * An activity of an objective.
 */
export const Activity = Schema.Struct({
  id: Id.ActivityId,
  objective: ObjectiveCode,
  title: Text,
  responsible: Id.InstitutionId,
  partners: Schema.Array(Id.InstitutionId),
  quarters: Schema.NonEmptyArray(Quarter.Quarter),
  budget: Schema.optional(Budget),
  weight: Weight,
  status: ActivityStatus,
}).annotations({ identifier: "Activity" })

export type Activity = typeof Activity.Type

/**
 * The day an activity is due: the last day of its last planned quarter.
 */
export const dueOn = (activity: Activity): CivilDate.CivilDate => Quarter.end(Quarter.latest(activity.quarters))

/**
 * The unit an indicator is measured in.
 */
export const Unit = Schema.Literal("count", "percent", "euro", "days").annotations({ identifier: "IndicatorUnit" })

export type Unit = typeof Unit.Type

const Value = Schema.Number.pipe(Schema.finite())

/**
 * Whether a value is one an indicator of `unit` can take: a `count` is a
 * whole number from 0, a `percent` lies in [0, 100], `euro` is from 0 in
 * cents (two decimals at most), `days` from 0. A value outside its unit is
 * refused with `action-plan.measurement.out-of-range` (a measurement) or
 * `action-plan.indicator.value-out-of-range` (a baseline or a target).
 */
export const valueFits = (unit: Unit, value: number): boolean => {
  if (!Number.isFinite(value) || value < 0) return false
  switch (unit) {
    case "count":
      return Number.isInteger(value)
    case "percent":
      return value <= 100
    case "euro":
      return Math.abs(Math.round(value * 100) - value * 100) < 1e-6
    case "days":
      return true
  }
}

/**
 * A value observed on a day, with its source (`baseline survey 2024`, a register).
 */
export const Observation = Schema.Struct({
  value: Value,
  date: CivilDate.CivilDate,
  source: Text,
}).annotations({ identifier: "Observation" })

export type Observation = typeof Observation.Type

/**
 * A measurement: an observation in a unit, which must be the indicator's.
 */
export const Measurement = Schema.Struct({
  value: Value,
  unit: Unit,
  date: CivilDate.CivilDate,
  source: Text,
}).annotations({ identifier: "Measurement" })

export type Measurement = typeof Measurement.Type

/**
 * Where an indicator's values come from: typed in, or computed by a named query
 * (always in percent).
 */
export const IndicatorSource = Schema.Union(
  Schema.TaggedStruct("typed", {}),
  Schema.TaggedStruct("computed", { query: QueryName }),
).annotations({ identifier: "IndicatorSource" })

export type IndicatorSource = typeof IndicatorSource.Type

/**
 * An indicator of an objective.
 */
export const Indicator = Schema.Struct({
  id: Id.IndicatorId,
  objective: ObjectiveCode,
  title: Text,
  unit: Unit,
  baseline: Observation,
  target: Value,
  source: IndicatorSource,
  measurements: Schema.Array(Measurement),
  endline: Schema.optional(Measurement),
}).annotations({ identifier: "Indicator" })

export type Indicator = typeof Indicator.Type

/**
 * A local action plan.
 */
export const ActionPlan = Schema.Struct({
  id: Id.ActionPlanId,
  mechanismId: Id.MechanismId,
  framework: Framework.FrameworkCode,
  title: Text,
  period: Period,
  status: Status,
  objectives: Schema.Array(Objective),
  activities: Schema.Array(Activity),
  indicators: Schema.Array(Indicator),
  version: Schema.Int.pipe(Schema.positive()),
  createdAt: Schema.Date,
  updatedAt: Schema.Date,
}).annotations({ identifier: "ActionPlan" })

export type ActionPlan = typeof ActionPlan.Type

/**
 * What {@link check} looks at.
 */
export type Content = Pick<ActionPlan, "framework" | "period" | "objectives" | "activities" | "indicators">

const invalid = (field: string, rule: string) => Either.left(new Errors.InvalidInput({ field, rule }))

/**
 * The rules across a plan's fields, first broken first: objective codes unique
 * and each pillar in the plan's framework; each activity and indicator under a
 * known objective; activity quarters inside the plan's period; a computed
 * indicator in percent; every baseline, target and measurement in its
 * indicator's unit and a value that unit takes (`valueFits`).
 */
export const check = <P extends Content>(plan: P): Either.Either<P, Errors.InvalidInput> => {
  const framework = Framework.of(plan.framework)
  const codes = new Set<string>()
  for (const [i, objective] of plan.objectives.entries()) {
    if (codes.has(objective.code)) return invalid(`objectives.${i}.code`, "action-plan.objective.duplicate")
    codes.add(objective.code)
    if (!Framework.hasPillar(framework, objective.pillar))
      return invalid(`objectives.${i}.pillar`, "action-plan.objective.pillar-unknown")
  }
  const activityIds = new Set<string>()
  for (const [i, activity] of plan.activities.entries()) {
    if (activityIds.has(activity.id)) return invalid(`activities.${i}.id`, "action-plan.activity.duplicate")
    activityIds.add(activity.id)
    if (!codes.has(activity.objective))
      return invalid(`activities.${i}.objective`, "action-plan.activity.objective-unknown")
    for (const [j, quarter] of activity.quarters.entries())
      if (Quarter.end(quarter) < plan.period.start || Quarter.start(quarter) > plan.period.end)
        return invalid(`activities.${i}.quarters.${j}`, "action-plan.activity.quarter-outside-period")
  }
  const indicatorIds = new Set<string>()
  for (const [i, indicator] of plan.indicators.entries()) {
    if (indicatorIds.has(indicator.id)) return invalid(`indicators.${i}.id`, "action-plan.indicator.duplicate")
    indicatorIds.add(indicator.id)
    if (!codes.has(indicator.objective))
      return invalid(`indicators.${i}.objective`, "action-plan.indicator.objective-unknown")
    if (indicator.source._tag === "computed" && indicator.unit !== "percent")
      return invalid(`indicators.${i}.unit`, "action-plan.indicator.computed-not-percent")
    if (!valueFits(indicator.unit, indicator.baseline.value))
      return invalid(`indicators.${i}.baseline.value`, "action-plan.indicator.value-out-of-range")
    if (!valueFits(indicator.unit, indicator.target))
      return invalid(`indicators.${i}.target`, "action-plan.indicator.value-out-of-range")
    for (const [j, measurement] of indicator.measurements.entries()) {
      if (measurement.unit !== indicator.unit)
        return invalid(`indicators.${i}.measurements.${j}.unit`, "action-plan.measurement.unit-mismatch")
      if (!valueFits(indicator.unit, measurement.value))
        return invalid(`indicators.${i}.measurements.${j}.value`, "action-plan.measurement.out-of-range")
    }
    if (indicator.endline !== undefined && indicator.endline.unit !== indicator.unit)
      return invalid(`indicators.${i}.endline.unit`, "action-plan.measurement.unit-mismatch")
    if (indicator.endline !== undefined && !valueFits(indicator.unit, indicator.endline.value))
      return invalid(`indicators.${i}.endline.value`, "action-plan.measurement.out-of-range")
  }
  return Either.right(plan)
}
