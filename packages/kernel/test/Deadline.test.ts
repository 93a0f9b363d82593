import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as Deadline from "../src/Deadline"

const zone = "Europe/Belgrade"

describe("Deadline", () => {
  it("counts hours as elapsed time across the spring change (29 March 2026)", () => {
    const start = new Date("2026-03-28T23:30:00Z") // 00:30 local, before the clocks go forward
    expect(Deadline.addToInstant(start, { value: 24, unit: "hours" }, zone).toISOString()).toBe(
      "2026-03-29T23:30:00.000Z",
    )
  })

  it("keeps the local wall-clock time for days across both changes of 2026", () => {
    // 10:00 local on 28 March (UTC+1) plus 2 days is 10:00 local on 30 March (UTC+2).
    expect(
      Deadline.addToInstant(new Date("2026-03-28T09:00:00Z"), { value: 2, unit: "days" }, zone).toISOString(),
    ).toBe("2026-03-30T08:00:00.000Z")
    // 10:00 local on 24 October (UTC+2) plus 2 days is 10:00 local on 26 October (UTC+1).
    expect(
      Deadline.addToInstant(new Date("2026-10-24T08:00:00Z"), { value: 2, unit: "days" }, zone).toISOString(),
    ).toBe("2026-10-26T09:00:00.000Z")
  })

  it("moves a wall-clock time that falls in the spring gap to just after it", () => {
    // 02:30 local on 28 March + 1 day would be 02:30 on 29 March, which does not exist.
    const moved = Deadline.addToInstant(new Date("2026-03-28T01:30:00Z"), { value: 1, unit: "days" }, zone)
    expect(moved.toISOString()).toBe("2026-03-29T01:30:00.000Z") // 03:30 local
  })

  it("moves days: working days skip the weekend, hours round up to whole days, and back again", () => {
    expect(Deadline.addToDate("2026-11-27", { value: 1, unit: "working-days" })).toBe("2026-11-30")
    expect(Deadline.addToDate("2026-11-23", { value: 25, unit: "hours" })).toBe("2026-11-25")
    expect(Deadline.addToDate("2026-11-25", { value: 2, unit: "days" }, -1)).toBe("2026-11-23")
    expect(Deadline.addToDate("2026-01-31", { value: 1, unit: "months" })).toBe("2026-02-28")
  })

  it("property: an hour deadline is exactly that many hours later, in any zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(zone, "UTC", "America/Santiago", "Australia/Lord_Howe"),
        (millis, hours, timeZone) => {
          const at = Deadline.addToInstant(new Date(millis), { value: hours, unit: "hours" }, timeZone)
          expect(at.getTime() - millis).toBe(hours * 3_600_000)
        },
      ),
    )
  })

  it("property: a day deadline lands on the day the calendar says, in the profile's zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 0, max: 400 }),
        (millis, days) => {
          const start = new Date(millis)
          const at = Deadline.addToInstant(start, { value: days, unit: "days" }, zone)
          expect(CivilDate.ofInstant(at, zone)).toBe(CivilDate.addDays(CivilDate.ofInstant(start, zone), days))
        },
      ),
    )
  })
})
