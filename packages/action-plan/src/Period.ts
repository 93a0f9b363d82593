/**
 * A span of calendar days, both ends included: a plan's period, a monitoring
 * report's period. A period that ends before it starts is refused with
 * `action-plan.period.ends-before-start` on its `end`.
 */
import { CivilDate } from "@bashke/kernel"
import { Schema } from "effect"

export const Period = Schema.Struct({
  start: CivilDate.CivilDate,
  end: CivilDate.CivilDate,
}).pipe(
  Schema.filter((period) =>
    period.end >= period.start ? true : { path: ["end"], message: "action-plan.period.ends-before-start" },
  ),
  Schema.annotations({ identifier: "Period" }),
)

export type Period = typeof Period.Type

/**
 * Whether `date` lies in the period.
 */
export const contains = (period: Period, date: CivilDate.CivilDate): boolean =>
  date >= period.start && date <= period.end
