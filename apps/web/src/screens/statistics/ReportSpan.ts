/**
 * The periods the statistics screen asks for: a calendar year, or one of its
 * quarters, as the first and last day (both included, as the API counts them).
 */

/** The parts of a year one may ask for. */
export const spans = ["year", "Q1", "Q2", "Q3", "Q4"] as const

export type Span = (typeof spans)[number]

/** The first and last day of a span of a year. */
export const periodOf = (year: number, span: Span): { readonly from: string; readonly to: string } => {
  if (span === "year") return { from: `${year}-01-01`, to: `${year}-12-31` }
  const first = (Number(span.slice(1)) - 1) * 3 + 1
  // Day 0 of the month after the quarter: the quarter's last day.
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate()
  const month = (m: number) => String(m).padStart(2, "0")
  return { from: `${year}-${month(first)}-01`, to: `${year}-${month(first + 2)}-${last}` }
}
