// The data kept for the four languages gives exactly what Node's full ICU
// gives for each: dates and times over instants
// across the years and both changes of the clocks, numbers of every size and
// sign, shares, amounts of money and sizes.
import { JurisdictionProfile, Locale } from "@bashke/kernel"
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as LocaleFormat from "../src/LocaleFormat"

const timeZone = JurisdictionProfile.kosovo.timezone

/** What Node's own `Intl` (full ICU) gives. */
const icu = (locale: Locale.Locale) => {
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" })
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" })
  return {
    date: (value: Date) => date.format(value),
    dateTime: (value: Date) => dateTime.format(value),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    percent: (share: number) =>
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share),
    money: (amount: number, currency: string) =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount),
    kilobytes: (value: number) =>
      new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(value),
  }
}

const instants = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2099-12-31T23:59:59Z"),
  noInvalidDate: true,
})
const numbers = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 999, 1_000, 9_999, 10_000, 12_345.678_9, 0.000_4, 0.125, 1_000_000),
)

describe("LocaleFormat", () => {
  it("has every language's data in this Node (full ICU), so the comparison below means something", () => {
    for (const locale of Locale.all) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([locale]), locale).toEqual([locale])
      expect(Intl.NumberFormat.supportedLocalesOf([locale]), locale).toEqual([locale])
    }
  })

  for (const locale of Locale.all) {
    describe(locale, () => {
      const kept = LocaleFormat.make(locale, timeZone)
      const node = icu(locale)

      it("property: a day and a day with its time read as ICU has them", () => {
        fc.assert(
          fc.property(instants, (instant) => {
            expect(kept.date(instant)).toBe(node.date(instant))
            expect(kept.dateTime(instant)).toBe(node.dateTime(instant))
            expect(kept.date(instant.toISOString())).toBe(node.date(instant))
          }),
          { numRuns: 2_000 },
        )
      })

      it("every hour of a day, and the nights the clocks change", () => {
        const days = ["2026-01-15", "2026-03-29", "2026-10-25", "2026-12-31"]
        for (const day of days)
          for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
            const instant = new Date(Date.parse(`${day}T00:00:00Z`) + (minutes - 120) * 60_000)
            expect(kept.dateTime(instant)).toBe(node.dateTime(instant))
          }
      })

      it("property: numbers, shares, money and sizes read as ICU has them", () => {
        fc.assert(
          fc.property(numbers, (value) => {
            expect(kept.number(value)).toBe(node.number(value))
            expect(kept.percent(value / 1_000)).toBe(node.percent(value / 1_000))
            expect(kept.money(value, "EUR")).toBe(node.money(value, "EUR"))
            expect(kept.kilobytes(value)).toBe(node.kilobytes(value))
          }),
          { numRuns: 2_000 },
        )
      })
    })
  }

  it("examples: an Albanian page reads Albanian dates and numbers", () => {
    const sq = LocaleFormat.make("sq", timeZone)
    expect(sq.date("2026-12-07T23:45:00Z")).toBe("8 dhj 2026")
    expect(sq.dateTime("2026-07-07T12:45:00Z")).toBe("7 korr 2026, 2:45 m.d.")
    expect(sq.number(1_234)).toBe("1234")
    expect(sq.number(-12_345.5)).toBe("-12\u00a0345,5")
    expect(sq.money(12_500, "EUR")).toBe("12\u00a0500,00\u00a0€")
    const sr = LocaleFormat.make("sr-Latn", timeZone)
    expect(sr.dateTime("2026-12-07T23:05:00Z")).toBe("8. 12. 2026. 00:05")
    expect(sr.number(1_234)).toBe("1.234")
  })

  it("another currency than the euro by its code, with its own decimals", () => {
    expect(LocaleFormat.make("sq", timeZone).money(12_500, "USD")).toBe("12\u00a0500,00\u00a0USD")
    expect(LocaleFormat.make("en", timeZone).money(-5, "CHF")).toBe("-CHF\u00a05.00")
    expect(LocaleFormat.make("sr-Latn", timeZone).money(12_500, "JPY")).toBe("12.500\u00a0JPY")
  })
})
