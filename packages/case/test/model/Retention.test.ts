import { JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Retention from "../../src/Retention"

const { kosovo } = JurisdictionProfile

// Instants between 2000 and 2060, to the millisecond.
const instant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2060-01-01T00:00:00Z"),
  noInvalidDate: true,
})
const months = fc.integer({ min: 1, max: 240 })

// A profile with the given periods in months, every kind its own.
const withPeriods = (
  periods: Readonly<Record<Retention.CaseKind, number>>,
): JurisdictionProfile.JurisdictionProfile => ({
  ...kosovo,
  retention: {
    ...kosovo.retention,
    ...Object.fromEntries(
      Retention.caseKinds.map((kind) => [kind, { ...kosovo.retention[kind], value: periods[kind], unit: "months" }]),
    ),
  },
})
const periods = fc.record({ personalDetails: months, notes: months, documents: months, caseHistory: months })

describe("the retention rule", () => {
  it("erases a Kosovo case five years after closure, to the local wall-clock time, not a moment before", () => {
    const closedAt = new Date("2026-03-31T10:15:00Z")
    expect(Retention.erasableFrom(closedAt, kosovo)).toEqual(new Date("2031-03-31T10:15:00Z"))
    expect(Retention.isPastRetention(closedAt, new Date("2031-03-31T10:14:59.999Z"), kosovo)).toBe(false)
    expect(Retention.isPastRetention(closedAt, new Date("2031-03-31T10:15:00Z"), kosovo)).toBe(true)
    // Summer time: 31 March 2026 is CEST (+2), 1 January 2031 CET (+1); the local 12:15 is kept.
    expect(Retention.erasableFrom(new Date("2026-01-01T11:15:00Z"), kosovo)).toEqual(new Date("2031-01-01T11:15:00Z"))
  })

  it("never erases an open case", () => {
    fc.assert(fc.property(instant, (now) => !Retention.isPastRetention(undefined, now, kosovo)))
  })

  it("waits for the longest period of the kinds sealed under the case's key", () => {
    fc.assert(
      fc.property(instant, periods, (closedAt, chosen) => {
        const profile = withPeriods(chosen)
        const ends = Retention.caseKinds.map((kind) => Retention.kindEndsAt(closedAt, kind, profile).getTime())
        return Retention.erasableFrom(closedAt, profile).getTime() === Math.max(...ends)
      }),
    )
  })

  it("is monotone: once past, a case stays past; a case closed earlier is past no later", () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 10 ** 11 }), periods, (closedAt, now, later, chosen) => {
        const profile = withPeriods(chosen)
        const after = new Date(now.getTime() + later)
        const earlierClosure = new Date(closedAt.getTime() - later)
        if (Retention.isPastRetention(closedAt, now, profile)) {
          expect(Retention.isPastRetention(closedAt, after, profile)).toBe(true)
          expect(Retention.isPastRetention(earlierClosure, now, profile)).toBe(true)
        }
      }),
    )
  })

  it("keeps a case at least as long as its longest period, and erases it once that has passed", () => {
    fc.assert(
      fc.property(instant, periods, (closedAt, chosen) => {
        const profile = withPeriods(chosen)
        const longest = Math.max(...Object.values(chosen))
        const from = Retention.erasableFrom(closedAt, profile)
        // A month is at least 28 days and at most 31 (a day more or less around a clock change).
        const elapsedDays = (from.getTime() - closedAt.getTime()) / 86_400_000
        expect(elapsedDays).toBeGreaterThanOrEqual(longest * 28 - 1)
        expect(elapsedDays).toBeLessThanOrEqual(longest * 31 + 1)
        expect(Retention.isPastRetention(closedAt, from, profile)).toBe(true)
        expect(Retention.isPastRetention(closedAt, new Date(from.getTime() - 1), profile)).toBe(false)
      }),
    )
  })

  it("finds every case past retention among those closed no later than the database's bound", () => {
    fc.assert(
      fc.property(instant, instant, periods, (closedAt, now, chosen) => {
        const profile = withPeriods(chosen)
        if (Retention.isPastRetention(closedAt, now, profile))
          expect(closedAt.getTime()).toBeLessThanOrEqual(Retention.closedNoLaterThan(now, profile).getTime())
      }),
    )
  })

  it("reads its periods from the profile, all unconfirmed in Kosovo's", () => {
    for (const kind of [...Retention.caseKinds, "auditTrail"] as const) {
      expect(kosovo.retention[kind].confirmed).toBe(false)
      expect(kosovo.retention[kind].source).toMatch(/Information and Privacy Agency/)
    }
  })
})
