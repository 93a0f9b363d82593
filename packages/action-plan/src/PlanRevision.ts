/**
 * A draft plan's revision history: each revision of a draft keeps the content
 * it replaced, who revised it (the principal and its institution), when and,
 * when given, why. A draft changes whole (`ActionPlanService.revise`), so the
 * previous value is the whole previous content: objectives, activities and
 * indicators as they were at `version`. A plan names institutions, never
 * people, so nothing here is sealed (issue 18: a correction of a draft plan
 * keeps the previous value; ADR 0018 had left it out of the case corrections).
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"
import * as ActionPlan from "./ActionPlan"
import type * as Framework from "./Framework"
import { firstDifference } from "./internal/Difference"
import type { Period } from "./Period"

/**
 * Why a draft was revised, in the coordinator's words (optional: drafting is
 * ordinary work, not a correction of a record of fact).
 */
export const Reason = ActionPlan.Objective.fields.title

/**
 * The content a revision replaced.
 */
export const Previous = ActionPlan.ActionPlan.pipe(
  Schema.pick("framework", "title", "period", "objectives", "activities", "indicators"),
).annotations({ identifier: "ActionPlanContent" })

export type Previous = typeof Previous.Type

/**
 * One revision of a draft: the version it replaced and that version's content.
 */
export const PlanRevision = Schema.Struct({
  planId: Id.ActionPlanId,
  version: Schema.Int.pipe(Schema.positive()),
  revisedBy: Id.PrincipalId,
  institution: Schema.optional(Id.InstitutionId),
  revisedAt: Schema.Date,
  reason: Schema.optional(Reason),
  previous: Previous,
}).annotations({ identifier: "ActionPlanRevision" })

export type PlanRevision = typeof PlanRevision.Type

/**
 * The revision that replaces `plan` (as stored, before the change) by `by` at `at`.
 */
export const of = (
  plan: ActionPlan.ActionPlan,
  by: { readonly id: Id.PrincipalId; readonly institution?: Id.InstitutionId | undefined },
  at: Date,
  reason: string | undefined,
): PlanRevision => ({
  planId: plan.id,
  version: plan.version,
  revisedBy: by.id,
  ...(by.institution === undefined ? {} : { institution: by.institution }),
  revisedAt: at,
  ...(reason === undefined ? {} : { reason }),
  previous: {
    framework: plan.framework,
    title: plan.title,
    period: plan.period,
    objectives: plan.objectives,
    activities: plan.activities,
    indicators: plan.indicators,
  },
})

/**
 * A draft's content as a revision gives it again (`ActionPlanCommands.RevisePlan`):
 * activities and indicators with their ids when they are kept, without their
 * progress (status, measurements, end-line), which a revision never sets.
 */
export interface Revised {
  readonly framework?: Framework.FrameworkCode | undefined
  readonly title: string
  readonly period: Period
  readonly objectives: ReadonlyArray<ActionPlan.Objective>
  readonly activities: ReadonlyArray<
    Omit<ActionPlan.Activity, "id" | "status"> & { readonly id?: Id.ActivityId | undefined }
  >
  readonly indicators: ReadonlyArray<
    Omit<ActionPlan.Indicator, "id" | "measurements" | "endline"> & { readonly id?: Id.IndicatorId | undefined }
  >
}

/**
 * The first field `revised` changes in `plan`, as the request names it
 * (`title`, `indicators.0.target`, `activities.2.budget.amount`; a removed
 * entry names its list: `indicators`), in the order a form shows them; none
 * when the revision gives the plan's content again. A refusal of the revision
 * names this field, so the person sees it beside what they changed.
 */
export const firstChange = (plan: ActionPlan.ActionPlan, revised: Revised): string | undefined => {
  const { framework, title, period, objectives, activities, indicators } = revised
  const frameworkOf = (code: Framework.FrameworkCode) => (framework === undefined ? {} : { framework: code })
  return firstDifference(
    {
      title: plan.title,
      period: plan.period,
      objectives: plan.objectives,
      activities: plan.activities.map(({ status: _status, ...activity }) => activity),
      indicators: plan.indicators.map(({ measurements: _measurements, endline: _endline, ...indicator }) => indicator),
      ...frameworkOf(plan.framework),
    },
    { title, period, objectives, activities, indicators, ...frameworkOf(framework ?? plan.framework) },
  )
}
