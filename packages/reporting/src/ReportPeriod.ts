/**
 * A report's period: calendar days, both ends included, in the jurisdiction's
 * time zone. A period that ends before it starts is refused with
 * `reporting.period.ends-before-start` on its `end`. Records are selected by
 * an instant (a case's opening, a referral's sending, an order's event, a
 * meeting's start), so the period becomes the instants from its first local
 * midnight up to, not including, the midnight after its last day.
 */
import { CivilDate } from "@bashke/kernel"
import { Schema } from "effect"

export const ReportPeriod = Schema.Struct({
  start: CivilDate.CivilDate,
  end: CivilDate.CivilDate,
}).pipe(
  Schema.filter((period) =>
    period.end >= period.start ? true : { path: ["end"], message: "reporting.period.ends-before-start" },
  ),
  Schema.annotations({ identifier: "ReportPeriod" }),
)

export type ReportPeriod = typeof ReportPeriod.Type

/**
 * The calendar year as a period.
 */
export const ofYear = (year: number): ReportPeriod => ({
  start: `${String(year).padStart(4, "0")}-01-01` as CivilDate.CivilDate,
  end: `${String(year).padStart(4, "0")}-12-31` as CivilDate.CivilDate,
})

/**
 * The instants of the period in `timeZone`: `from` included, `until` excluded.
 */
export const instants = (period: ReportPeriod, timeZone: string): { readonly from: Date; readonly until: Date } => ({
  from: CivilDate.startOfDay(period.start, timeZone),
  until: CivilDate.startOfDay(CivilDate.addDays(period.end, 1), timeZone),
})

/**
 * The number of days in the period.
 */
export const days = (period: ReportPeriod): number => CivilDate.daysBetween(period.start, period.end) + 1
