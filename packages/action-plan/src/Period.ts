/**
 * A span of calendar days, both ends included: a plan's period, a monitoring
 * report's period. A period that ends before it starts is refused with
 * `action-plan.period.ends-before-start` on its `end`.
 *
 * @since 0.1.0
 */
import { CivilDate } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * @since 0.1.0
 */
export const Period = Schema.Struct({
  start: CivilDate.CivilDate,
  end: CivilDate.CivilDate,
}).pipe(
  Schema.filter((period) =>
    period.end >= period.start ? true : { path: ["end"], message: "action-plan.period.ends-before-start" },
  ),
  Schema.annotations({ identifier: "Period" }),
)

/**
 * @since 0.1.0
 */
export type Period = typeof Period.Type

/**
 * Whether `date` lies in the period.
 *
 * @since 0.1.0
 */
export const contains = (period: Period, date: CivilDate.CivilDate): boolean =>
  date >= period.start && date <= period.end
