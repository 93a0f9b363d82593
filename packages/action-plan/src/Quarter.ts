/**
 * Calendar quarters (`2026-Q1`): when an activity is planned, and the day it is
 * due (the last day of its last planned quarter).
 */
import type { CivilDate } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * A calendar quarter, `YYYY-Qn`. A failed decode reports `action-plan.quarter.malformed`.
 */
export const Quarter = Schema.String.pipe(
  Schema.pattern(/^\d{4}-Q[1-4]$/, { message: () => "action-plan.quarter.malformed" }),
  Schema.annotations({
    identifier: "Quarter",
    arbitrary: () => (fc) =>
      fc.tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  }),
)

export type Quarter = typeof Quarter.Type

const parts = (quarter: Quarter): { readonly year: number; readonly q: number } => ({
  year: Number(quarter.slice(0, 4)),
  q: Number(quarter.slice(6, 7)),
})

const pad = (n: number): string => String(n).padStart(2, "0")
const lastDays = ["03-31", "06-30", "09-30", "12-31"] as const

/**
 * The first day of a quarter.
 */
export const start = (quarter: Quarter): CivilDate.CivilDate => {
  const { year, q } = parts(quarter)
  return `${year}-${pad((q - 1) * 3 + 1)}-01`
}

/**
 * The last day of a quarter.
 */
export const end = (quarter: Quarter): CivilDate.CivilDate => {
  const { year, q } = parts(quarter)
  return `${year}-${lastDays[q - 1] ?? "12-31"}`
}

/**
 * The quarter a day falls in.
 */
export const of = (date: CivilDate.CivilDate): Quarter =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`

/**
 * The latest of some quarters (they sort as strings).
 */
export const latest = (quarters: readonly [Quarter, ...Array<Quarter>]): Quarter =>
  // `YYYY-Qn` sorts chronologically as text.
  [...quarters].sort().at(-1) ?? quarters[0]

/**
 * The quarters a span of days touches, in order: `2026-Q1`, `2026-Q2`, … (at
 * most 400, a century; a longer span is cut there).
 */
export const between = (from: CivilDate.CivilDate, to: CivilDate.CivilDate): ReadonlyArray<Quarter> => {
  const out: Array<Quarter> = []
  let { year, q } = parts(of(from))
  const last = of(to)
  while (out.length < 400) {
    const quarter: Quarter = `${year}-Q${q}`
    if (quarter > last) break
    out.push(quarter)
    q = q === 4 ? 1 : q + 1
    if (q === 1) year += 1
  }
  return out
}
