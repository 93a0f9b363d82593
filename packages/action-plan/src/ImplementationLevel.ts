/**
 * The implementation level of a plan over a period, computed, never typed in:
 * Σ weight of the completed activities due in the period ÷ Σ weight of the
 * activities due in the period. An activity is due in the period when the last
 * day of its last planned quarter lies in it; a cancelled activity is left out
 * of both sums (the plan was revised, it is neither done nor owed). With
 * nothing due the level is `null`, not 0 or 1: there is nothing to measure.
 */
import type { CivilDate } from "@bashke/kernel"
import { type Activity, dueOn } from "./ActionPlan"
import * as Period from "./Period"

/**
 * The level and the sums behind it.
 */
export interface Level {
  readonly due: number
  readonly completed: number
  readonly dueWeight: number
  readonly completedWeight: number
  /** `completedWeight / dueWeight` in [0, 1], or `null` when nothing is due. */
  readonly level: number | null
}

/**
 * Whether an activity counts as due in the period.
 */
export const isDue = (activity: Activity, period: Period.Period): boolean =>
  activity.status !== "cancelled" && Period.contains(period, dueOn(activity))

/**
 * The implementation level of the activities over the period.
 */
export const compute = (activities: ReadonlyArray<Activity>, period: Period.Period): Level => {
  let due = 0
  let completed = 0
  let dueWeight = 0
  let completedWeight = 0
  for (const activity of activities) {
    if (!isDue(activity, period)) continue
    due += 1
    dueWeight += activity.weight
    if (activity.status === "completed") {
      completed += 1
      completedWeight += activity.weight
    }
  }
  // Clamped against rounding of the sums: the ratio of a part to its whole.
  const level = dueWeight === 0 ? null : Math.min(1, completedWeight / dueWeight)
  return { due, completed, dueWeight, completedWeight, level }
}

/**
 * The activities overdue on `asOf`: due before it and neither completed nor cancelled.
 */
export const overdue = (activities: ReadonlyArray<Activity>, asOf: CivilDate.CivilDate): ReadonlyArray<Activity> =>
  activities.filter(
    (activity) => activity.status !== "completed" && activity.status !== "cancelled" && dueOn(activity) < asOf,
  )
