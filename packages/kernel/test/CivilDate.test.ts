import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Array as Arr, Effect, Either, FastCheck as fc, Schema, TestClock } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as JurisdictionProfile from "../src/JurisdictionProfile"

const day = Arbitrary.make(CivilDate.CivilDate)

describe("CivilDate", () => {
  // The schema checks days by arithmetic; a `Date` round trip is the reference.
  const byDate = (s: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
    const parsed = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s
  }
  const isCivilDate = Schema.is(CivilDate.CivilDate)

  it("accepts exactly the days a Date round trip accepts, 1600 to 2400 (every month, day 00 to 32)", () => {
    const disagreements: Array<string> = []
    for (let year = 1600; year <= 2400; year++)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
          if (isCivilDate(text) !== byDate(text)) disagreements.push(text)
        }
    expect(disagreements).toEqual([])
    expect(isCivilDate("2024-02-29")).toBe(true)
    expect(isCivilDate("2100-02-29")).toBe(false)
    expect(isCivilDate("2000-02-29")).toBe(true)
  })

  it("agrees with a Date round trip on any text of the date's shape or near it", () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(..."0123456789-"), minLength: 8, maxLength: 12 }),
          fc
            .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
            ),
        ),
        (text) => isCivilDate(text) === byDate(text),
      ),
      { numRuns: 5000 },
    ))

  it("accepts real days only, naming the rule otherwise", () => {
    const decode = Schema.decodeUnknownEither(CivilDate.CivilDate)
    expect(decode("2024-02-29")).toEqual(Either.right("2024-02-29"))
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "01.03.2025", 20250301]) {
      const result = decode(bad)
      expect(Either.isLeft(result)).toBe(true)
    }
    expect(String(Either.getLeft(decode("2025-02-30")).pipe((e) => e._tag === "Some" && e.value.message))).toContain(
      "civil-date.malformed",
    )
  })

  it("reads an instant in the jurisdiction's zone: local midnight starts the day", () => {
    // 23:30 UTC on 28 February is 00:30 on 1 March in Prishtina (UTC+1).
    expect(CivilDate.ofInstant(new Date("2025-02-28T23:30:00Z"), "Europe/Belgrade")).toBe("2025-03-01")
    expect(CivilDate.ofInstant(new Date("2025-02-28T22:30:00Z"), "Europe/Belgrade")).toBe("2025-02-28")
    expect(CivilDate.from("2025-02-28", "Europe/Belgrade")).toBe("2025-02-28")
  })

  it.effect("JurisdictionProfile.today follows the clock and the current jurisdiction", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2025-06-30T22:15:00Z"))
      expect(yield* JurisdictionProfile.today).toBe("2025-07-01")
      const utc = { ...JurisdictionProfile.kosovo, timezone: "UTC" }
      expect(
        yield* Effect.provideService(JurisdictionProfile.today, JurisdictionProfile.CurrentJurisdiction, utc),
      ).toBe("2025-06-30")
    }),
  )

  it("property: generated days decode, and string order is day order", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(Schema.is(CivilDate.CivilDate)(a)).toBe(true)
        expect(a < b).toBe(Date.parse(a) < Date.parse(b))
        expect(CivilDate.ofInstant(new Date(`${a}T12:00:00Z`), "Europe/Belgrade")).toBe(a)
      }),
    )
  })

  describe("calendar arithmetic", () => {
    const belgrade = "Europe/Belgrade"
    const steps = fc.integer({ min: -2_000, max: 2_000 })
    const zones = fc.constantFrom(
      "Europe/Belgrade",
      "UTC",
      "America/Santiago",
      "America/New_York",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
      "Pacific/Chatham",
    )
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())

    it("adds days across month, year and leap-day boundaries", () => {
      expect(CivilDate.addDays("2026-02-27", 2)).toBe("2026-03-01")
      expect(CivilDate.addDays("2024-02-28", 1)).toBe("2024-02-29")
      expect(CivilDate.addDays("2025-12-31", 1)).toBe("2026-01-01")
      expect(CivilDate.addDays("2026-03-01", -1)).toBe("2026-02-28")
      expect(CivilDate.addDays("2026-03-10", 0)).toBe("2026-03-10")
      expect(CivilDate.daysBetween("2026-02-27", "2026-03-01")).toBe(2)
      expect(CivilDate.daysBetween("2026-03-01", "2025-03-01")).toBe(-365)
    })

    it("adds months, clamping to the last day of a shorter month", () => {
      expect(CivilDate.addMonths("2026-01-31", 1)).toBe("2026-02-28")
      expect(CivilDate.addMonths("2024-01-31", 1)).toBe("2024-02-29")
      expect(CivilDate.addMonths("2026-03-31", 1)).toBe("2026-04-30")
      expect(CivilDate.addMonths("2026-03-15", -3)).toBe("2025-12-15")
      expect(CivilDate.addMonths("2025-02-28", 12)).toBe("2026-02-28")
      expect(CivilDate.addMonths("2024-02-29", 12)).toBe("2025-02-28")
      expect(CivilDate.addMonths(CivilDate.addMonths("2026-01-31", 1), -1)).toBe("2026-01-28")
    })

    it("counts Monday to Friday as working days and skips weekends", () => {
      expect(["2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16"].map(CivilDate.isWorkingDay)).toEqual([
        true,
        false,
        false,
        true,
      ])
      // Friday 13 March 2026: three working days are Mon 16, Tue 17, Wed 18.
      expect(CivilDate.addWorkingDays("2026-03-13", 3)).toBe("2026-03-18")
      expect(CivilDate.addWorkingDays("2026-03-14", 1)).toBe("2026-03-16")
      expect(CivilDate.addWorkingDays("2026-03-13", 10)).toBe("2026-03-27")
      expect(CivilDate.addWorkingDays("2026-03-16", -1)).toBe("2026-03-13")
      expect(CivilDate.addWorkingDays("2026-03-14", 0)).toBe("2026-03-14")
    })

    it("compares days as an Order", () => {
      expect(CivilDate.compare("2026-03-01", "2026-02-28")).toBe(1)
      expect(CivilDate.compare("2026-02-28", "2026-03-01")).toBe(-1)
      expect(CivilDate.compare("2026-03-01", "2026-03-01")).toBe(0)
      expect(Arr.sort(["2026-03-01", "2025-12-31", "2026-01-15"], CivilDate.compare)).toEqual([
        "2025-12-31",
        "2026-01-15",
        "2026-03-01",
      ])
    })

    it("starts a day at local midnight in Europe/Belgrade, on both DST days of 2026", () => {
      const start = (d: string) => CivilDate.startOfDay(d, belgrade).toISOString()
      expect(start("2026-03-10")).toBe("2026-03-09T23:00:00.000Z")
      // 29 March: clocks go forward at 02:00, after midnight; the day has 23 hours.
      expect(start("2026-03-29")).toBe("2026-03-28T23:00:00.000Z")
      expect(start("2026-03-30")).toBe("2026-03-29T22:00:00.000Z")
      // 25 October: clocks go back at 03:00; the day has 25 hours.
      expect(start("2026-10-25")).toBe("2026-10-24T22:00:00.000Z")
      expect(start("2026-10-26")).toBe("2026-10-25T23:00:00.000Z")
    })

    it("starts a day at its first instant where the clocks jump over midnight", () => {
      // Chile, 6 September 2026: 24:00 on Saturday becomes 01:00 on Sunday.
      expect(CivilDate.startOfDay("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z")
      // Chile, 5 April 2026: 24:00 on Saturday becomes 23:00 again; Sunday starts once, an hour later.
      expect(CivilDate.startOfDay("2026-04-05", "America/Santiago").toISOString()).toBe("2026-04-05T04:00:00.000Z")
    })

    it("property: adding days composes, and daysBetween measures it", () => {
      fc.assert(
        fc.property(day, steps, steps, (d, a, b) => {
          expect(CivilDate.addDays(CivilDate.addDays(d, a), b)).toBe(CivilDate.addDays(d, a + b))
          expect(CivilDate.daysBetween(d, CivilDate.addDays(d, a))).toBe(a)
          expect(Date.parse(CivilDate.addDays(d, a)) - Date.parse(d)).toBe(a * 86_400_000)
          expect(Schema.is(CivilDate.CivilDate)(CivilDate.addDays(d, a))).toBe(true)
          expect(CivilDate.compare(d, CivilDate.addDays(d, a))).toBe(a === 0 ? 0 : a > 0 ? -1 : 1)
        }),
      )
    })

    it("property: addMonths lands in the right month on the same day or the month's last day", () => {
      fc.assert(
        fc.property(day, fc.integer({ min: -240, max: 240 }), (d, n) => {
          const moved = CivilDate.addMonths(d, n)
          expect(Schema.is(CivilDate.CivilDate)(moved)).toBe(true)
          const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1
          expect(months(moved) - months(d)).toBe(n)
          const wanted = Number(d.slice(8, 10))
          const got = Number(moved.slice(8, 10))
          if (got !== wanted) {
            expect(got).toBeLessThan(wanted)
            expect(CivilDate.addDays(moved, 1).slice(8, 10)).toBe("01")
          }
        }),
      )
    })

    it("property: addWorkingDays lands on a working day, n working days later, never on a weekend", () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 400 }), (d, n) => {
          const moved = CivilDate.addWorkingDays(d, n)
          expect(CivilDate.isWorkingDay(moved)).toBe(true)
          expect(weekend(moved)).toBe(false)
          // Exactly n working days in (d, moved]: the same as stepping one day at a time.
          let count = 0
          for (let i = 1; i <= CivilDate.daysBetween(d, moved); i++)
            if (CivilDate.isWorkingDay(CivilDate.addDays(d, i))) count++
          expect(count).toBe(n)
          expect(CivilDate.addWorkingDays(moved, -n) <= d).toBe(true)
        }),
      )
    })

    it("property: isWorkingDay is Monday to Friday", () => {
      fc.assert(
        fc.property(day, (d) => {
          expect(CivilDate.isWorkingDay(d)).toBe(!weekend(d))
        }),
      )
    })

    it("property: startOfDay is the first instant of the day in the zone", () => {
      fc.assert(
        fc.property(day, zones, (d, zone) => {
          const start = CivilDate.startOfDay(d, zone).getTime()
          expect(CivilDate.ofInstant(new Date(start), zone)).toBe(d)
          expect(CivilDate.ofInstant(new Date(start - 1), zone)).toBe(CivilDate.addDays(d, -1))
          expect(CivilDate.startOfDay(CivilDate.addDays(d, 1), zone).getTime()).toBeGreaterThan(start)
        }),
      )
    })
  })
})
