/**
 * Cadence compliance per calendar year: how many regular meetings a mechanism
 * held against how many it must hold, and which months went without one.
 *
 * Counted in the profile's time zone: a meeting belongs to the local month and
 * year it started in. Only regular meetings that took place count (held,
 * whatever the state of their minutes); ad hoc meetings answer requests and are
 * not the cadence. Required is the mechanism's own cadence, never fewer than
 * the profile's minimum (`MechanismRoster.requiredPerYear`).
 */
import { CivilDate } from "@bashke/kernel"
import { Schema } from "effect"
import { type Meeting, wasHeld } from "./Meeting"

// The year and month (1–12) of a `YYYY-MM-DD` day.
const yearAndMonth = (day: CivilDate.CivilDate) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) })

/**
 * A year's compliance. `monthsWithout` lists the months (1–12) that have ended
 * by `asOf` without a regular meeting held in them; a month still running or to
 * come is not listed.
 */
export const Compliance = Schema.Struct({
  year: Schema.Int,
  required: Schema.NonNegativeInt,
  held: Schema.NonNegativeInt,
  shortfall: Schema.NonNegativeInt,
  compliant: Schema.Boolean,
  monthsWithout: Schema.Array(Schema.Int.pipe(Schema.between(1, 12))),
}).annotations({ identifier: "CadenceCompliance" })

export type Compliance = typeof Compliance.Type

/**
 * A year's compliance from the mechanism's meetings (any year, any kind: the
 * rule picks).
 *
 * @example
 * ```ts
 * // Regular meetings held in February, May and November 2025, four required:
 * compute({ year: 2025, required: 4, meetings, timeZone: "Europe/Belgrade", asOf: new Date("2026-01-05") })
 * // { year: 2025, required: 4, held: 3, shortfall: 1, compliant: false,
 * //   monthsWithout: [1, 3, 4, 6, 7, 8, 9, 10, 12] }
 * ```
 */
export const compute = (input: {
  readonly year: number
  readonly required: number
  readonly meetings: ReadonlyArray<Pick<Meeting, "kind" | "status" | "schedule">>
  readonly timeZone: string
  readonly asOf: Date
}): Compliance => {
  const months = new Set<number>()
  let held = 0
  for (const meeting of input.meetings) {
    if (meeting.kind !== "regular" || !wasHeld(meeting) || meeting.schedule === undefined) continue
    const day = yearAndMonth(CivilDate.ofInstant(meeting.schedule.startsAt, input.timeZone))
    if (day.year !== input.year) continue
    held++
    months.add(day.month)
  }
  const today = yearAndMonth(CivilDate.ofInstant(input.asOf, input.timeZone))
  // Months that have ended: all of a past year, those before the current month of this one.
  const ended = today.year > input.year ? 12 : today.year === input.year ? today.month - 1 : 0
  const monthsWithout: Array<number> = []
  for (let month = 1; month <= ended; month++) if (!months.has(month)) monthsWithout.push(month)
  const required = Math.max(0, Math.floor(input.required))
  return {
    year: input.year,
    required,
    held,
    shortfall: Math.max(0, required - held),
    compliant: held >= required,
    monthsWithout,
  }
}
