/**
 * The commands of the action-plan use cases, as schemas of untrusted input.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { Schema } from "effect"
import * as ActionPlan from "./ActionPlan"
import * as ActionPlanLifecycle from "./ActionPlanLifecycle"
import * as Framework from "./Framework"
import { Period } from "./Period"
import * as PlanRevision from "./PlanRevision"
import * as Quarter from "./Quarter"

const Text = ActionPlan.Objective.fields.title

/**
 * An activity as proposed: the id is generated, the status starts `planned`,
 * the weight defaults to 1 and the partners to none.
 */
export const NewActivity = Schema.Struct({
  objective: ActionPlan.ObjectiveCode,
  title: Text,
  responsible: Id.InstitutionId,
  partners: Schema.optionalWith(Schema.Array(Id.InstitutionId), { default: () => [] }),
  quarters: Schema.NonEmptyArray(Quarter.Quarter),
  budget: Schema.optional(ActionPlan.Budget),
  weight: Schema.optionalWith(ActionPlan.Weight, { default: () => 1 }),
})

/**
 * An indicator as proposed: the id is generated; typed in unless a query is named.
 */
export const NewIndicator = Schema.Struct({
  objective: ActionPlan.ObjectiveCode,
  title: Text,
  unit: ActionPlan.Unit,
  baseline: ActionPlan.Observation,
  target: ActionPlan.Indicator.fields.target,
  source: Schema.optionalWith(ActionPlan.IndicatorSource, { default: () => ({ _tag: "typed" as const }) }),
})

/**
 * The coordinator drafts a plan. Without a framework the jurisdiction's default applies.
 */
export const CreatePlan = Schema.Struct({
  mechanismId: Id.MechanismId,
  framework: Schema.optional(Framework.FrameworkCode),
  title: Text,
  period: Period,
  objectives: Schema.Array(ActionPlan.Objective),
  activities: Schema.optionalWith(Schema.Array(NewActivity), { default: () => [] }),
  indicators: Schema.optionalWith(Schema.Array(NewIndicator), { default: () => [] }),
})

/**
 * The coordinator revises a draft: its title, period, framework (kept when
 * absent), objectives, activities and indicators, all given again. An activity
 * or indicator sent with its `id` is the same one revised (an id the plan does
 * not hold is refused: `action-plan.activity.unknown`,
 * `action-plan.indicator.unknown`); one without is new. What is left out is
 * removed. The content replaced is kept in the plan's revision history
 * (`PlanRevision`), with the `reason` when one is given.
 */
export const RevisePlan = Schema.Struct({
  planId: Id.ActionPlanId,
  expectedVersion: Schema.Int,
  reason: Schema.optional(PlanRevision.Reason),
  framework: Schema.optional(Framework.FrameworkCode),
  title: Text,
  period: Period,
  objectives: Schema.Array(ActionPlan.Objective),
  activities: Schema.Array(Schema.extend(NewActivity, Schema.Struct({ id: Schema.optional(Id.ActivityId) }))),
  indicators: Schema.Array(Schema.extend(NewIndicator, Schema.Struct({ id: Schema.optional(Id.IndicatorId) }))),
})

/**
 * A step of the plan's lifecycle.
 */
export const ChangeStatus = Schema.Struct({
  planId: Id.ActionPlanId,
  command: ActionPlanLifecycle.Command,
  expectedVersion: Schema.Int,
})

/**
 * An activity's new status.
 */
export const SetActivityStatus = Schema.Struct({
  planId: Id.ActionPlanId,
  activityId: Id.ActivityId,
  status: ActionPlan.ActivityStatus,
  expectedVersion: Schema.Int,
})

/**
 * A measurement of a typed-in indicator; `endline` marks the end-line survey's value.
 */
export const RecordMeasurement = Schema.Struct({
  planId: Id.ActionPlanId,
  indicatorId: Id.IndicatorId,
  measurement: ActionPlan.Measurement,
  endline: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  expectedVersion: Schema.Int,
})

/**
 * A monitoring report's request: the plan, the period, and the day overdue is
 * judged on (defaults to today in the jurisdiction's zone).
 */
export const ReportRequest = Schema.Struct({
  planId: Id.ActionPlanId,
  period: Period,
  asOf: Schema.optional(CivilDate.CivilDate),
})
