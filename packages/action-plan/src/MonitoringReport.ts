/**
 * A monitoring report of a plan for a period: the implementation level
 * computed from the activities due in the period and their weights (overall,
 * by pillar of the plan's framework, and by quarter for charts), each
 * indicator's progress toward its target (computed indicators measured for
 * the period through `IndicatorSources`), the activities overdue at the
 * report's date, and the meeting action items linked to each activity.
 * Ids, codes and numbers only: a report carries no free text.
 */
import type { CivilDate, Id } from "@bashke/kernel"
import { type ActionPlan, type ActivityStatus, dueOn, type Unit } from "./ActionPlan"
import type { LinkedActionItem } from "./ActivityActionItems"
import * as Framework from "./Framework"
import * as ImplementationLevel from "./ImplementationLevel"
import * as IndicatorProgress from "./IndicatorProgress"
import { percent, type Ratio } from "./IndicatorSources"
import type { Period } from "./Period"
import * as Quarter from "./Quarter"

/**
 * One indicator's line.
 */
export interface IndicatorLine extends IndicatorProgress.Progress {
  readonly indicatorId: Id.IndicatorId
  readonly objective: string
  readonly unit: Unit
  readonly computed: boolean
}

/**
 * One activity's line.
 */
export interface ActivityLine {
  readonly activityId: Id.ActivityId
  readonly objective: string
  readonly status: ActivityStatus
  readonly dueOn: CivilDate.CivilDate
  readonly dueInPeriod: boolean
  readonly overdue: boolean
  readonly actionItems: ReadonlyArray<LinkedActionItem>
}

/**
 * The implementation level of one pillar of the plan's framework: over the
 * activities of the objectives mapped to it.
 */
export interface PillarLine {
  readonly pillar: Framework.PillarCode
  readonly implementation: ImplementationLevel.Level
}

/**
 * The implementation level over one quarter of the report's period: of the
 * activities due in that quarter (`due`), and of those due from the period's
 * start to the quarter's end (`cumulative`, the line a chart over the
 * quarters draws).
 */
export interface QuarterLine {
  readonly quarter: Quarter.Quarter
  readonly due: ImplementationLevel.Level
  readonly cumulative: ImplementationLevel.Level
}

/**
 * A monitoring report.
 */
export interface Report {
  readonly planId: Id.ActionPlanId
  readonly period: Period
  readonly asOf: CivilDate.CivilDate
  readonly implementation: ImplementationLevel.Level
  /** Every pillar of the plan's framework, in its order. */
  readonly byPillar: ReadonlyArray<PillarLine>
  /** Every quarter the period touches, in order, each clipped to the period. */
  readonly byQuarter: ReadonlyArray<QuarterLine>
  readonly indicators: ReadonlyArray<IndicatorLine>
  readonly activities: ReadonlyArray<ActivityLine>
  readonly overdue: ReadonlyArray<Id.ActivityId>
}

/**
 * What a report is computed from.
 */
export interface Inputs {
  readonly plan: ActionPlan
  readonly period: Period
  /** The report's day: activities due before it and not done are overdue. */
  readonly asOf: CivilDate.CivilDate
  /** The answers of the computed indicators' queries for the period, by indicator id. */
  readonly computed: ReadonlyMap<string, Ratio>
  readonly actionItems: ReadonlyArray<LinkedActionItem>
}

/**
 * The report.
 */
export const compute = (inputs: Inputs): Report => {
  const { plan, period, asOf } = inputs
  const overdueIds = new Set<string>(ImplementationLevel.overdue(plan.activities, asOf).map((a) => a.id))
  const activities = plan.activities.map(
    (activity): ActivityLine => ({
      activityId: activity.id,
      objective: activity.objective,
      status: activity.status,
      dueOn: dueOn(activity),
      dueInPeriod: ImplementationLevel.isDue(activity, period),
      overdue: overdueIds.has(activity.id),
      actionItems: inputs.actionItems.filter((item) => item.activityId === activity.id),
    }),
  )
  const indicators = plan.indicators.map((indicator): IndicatorLine => {
    const computed = indicator.source._tag === "computed"
    const ratio = inputs.computed.get(indicator.id)
    // A computed indicator has no typed measurements: with nothing to count it has no value yet.
    const progress = computed
      ? ratio === undefined || percent(ratio) === undefined
        ? IndicatorProgress.compute({ ...indicator, measurements: [] })
        : IndicatorProgress.compute(indicator, percent(ratio))
      : IndicatorProgress.compute(indicator)
    return { indicatorId: indicator.id, objective: indicator.objective, unit: indicator.unit, computed, ...progress }
  })
  const pillarOf = new Map(plan.objectives.map((objective) => [objective.code, objective.pillar] as const))
  const byPillar = Framework.of(plan.framework).pillars.map(
    (pillar): PillarLine => ({
      pillar,
      implementation: ImplementationLevel.compute(
        plan.activities.filter((activity) => pillarOf.get(activity.objective) === pillar),
        period,
      ),
    }),
  )
  const byQuarter = Quarter.between(period.start, period.end).map((quarter): QuarterLine => {
    // The quarter clipped to the period (calendar days compare as text).
    const [first] = [Quarter.start(quarter), period.start].sort().reverse() as [CivilDate.CivilDate]
    const [last] = [Quarter.end(quarter), period.end].sort() as [CivilDate.CivilDate]
    return {
      quarter,
      due: ImplementationLevel.compute(plan.activities, { start: first, end: last }),
      cumulative: ImplementationLevel.compute(plan.activities, { start: period.start, end: last }),
    }
  })
  return {
    planId: plan.id,
    period,
    asOf,
    implementation: ImplementationLevel.compute(plan.activities, period),
    byPillar,
    byQuarter,
    indicators,
    activities,
    overdue: activities.filter((line) => line.overdue).map((line) => line.activityId),
  }
}
