import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import { periodOf } from "../src/screens/statistics/ReportSpan"

const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

describe("the statistics' periods", () => {
  it("gives a year's quarters by their first and last days", () => {
    expect(periodOf(2024, "year")).toEqual({ from: "2024-01-01", to: "2024-12-31" })
    expect(periodOf(2024, "Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" })
    expect(periodOf(2024, "Q2")).toEqual({ from: "2024-04-01", to: "2024-06-30" })
    expect(periodOf(2025, "Q4")).toEqual({ from: "2025-10-01", to: "2025-12-31" })
  })

  it("property: the quarters follow one another without a gap and make up the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), (year) => {
        const quarters = (["Q1", "Q2", "Q3", "Q4"] as const).map((span) => periodOf(year, span))
        const whole = periodOf(year, "year")
        expect(quarters[0]?.from).toBe(whole.from)
        expect(quarters[3]?.to).toBe(whole.to)
        for (let i = 1; i < 4; i++) expect(quarters[i]?.from).toBe(next(quarters[i - 1]?.to as string))
        for (const quarter of quarters) expect(quarter.from < quarter.to).toBe(true)
      }),
    )
  })
})
