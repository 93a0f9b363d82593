import { JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as CadenceCompliance from "../src/CadenceCompliance"
import * as MechanismRoster from "../src/MechanismRoster"
import type * as Meeting from "../src/Meeting"
import { roster } from "./support/Fixtures"

type Listed = Pick<Meeting.Meeting, "kind" | "status" | "schedule">
const on = (iso: string, kind: Meeting.Kind = "regular", status: Meeting.Status = "minutes-approved"): Listed => ({
  kind,
  status,
  schedule: { startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 7_200_000), place: "Hall" },
})
const timeZone = "Europe/Belgrade"

describe("CadenceCompliance.compute: worked examples", () => {
  const meetings = [
    // 00:30 on 1 January 2025 in Pristina: a January meeting, though still 2024 in UTC.
    on("2024-12-31T23:30:00Z"),
    on("2025-02-12T09:00:00Z", "regular", "held"),
    on("2025-03-05T09:00:00Z", "ad-hoc"),
    on("2025-05-20T08:00:00Z", "regular", "minutes-drafted"),
    on("2025-08-10T08:00:00Z", "regular", "cancelled"),
    on("2025-09-10T08:00:00Z", "regular", "scheduled"),
    on("2025-11-04T09:00:00Z"),
  ]

  it("counts regular meetings held in the local year, and the months without one", () => {
    expect(
      CadenceCompliance.compute({
        year: 2025,
        required: 4,
        meetings,
        timeZone,
        asOf: new Date("2026-01-05T10:00:00Z"),
      }),
    ).toEqual({
      year: 2025,
      required: 4,
      held: 4,
      shortfall: 0,
      compliant: true,
      monthsWithout: [3, 4, 6, 7, 8, 9, 10, 12],
    })
  })

  it("lists only months that have ended in the current year", () => {
    expect(
      CadenceCompliance.compute({
        year: 2026,
        required: 6,
        meetings: [on("2026-02-10T09:00:00Z")],
        timeZone,
        asOf: new Date("2026-05-15T10:00:00Z"),
      }),
    ).toEqual({ year: 2026, required: 6, held: 1, shortfall: 5, compliant: false, monthsWithout: [1, 3, 4] })
  })

  it("requires the mechanism's cadence, never fewer than the profile's minimum", () => {
    const { kosovo } = JurisdictionProfile
    expect(MechanismRoster.requiredPerYear(roster, kosovo)).toBe(4)
    expect(MechanismRoster.requiredPerYear({ ...roster, meetingsPerYear: 6 }, kosovo)).toBe(6)
    expect(MechanismRoster.requiredPerYear({ ...roster, meetingsPerYear: 2 }, kosovo)).toBe(4)
    expect(MechanismRoster.quorumRule(roster, kosovo)).toBe("more-than-half")
    expect(MechanismRoster.quorumRule({ ...roster, quorum: "two-thirds" }, kosovo)).toBe("two-thirds")
  })
})

describe("CadenceCompliance.compute: properties", () => {
  const meetingArbitrary = fc.record({
    at: fc.date({ min: new Date("2024-06-01T00:00:00Z"), max: new Date("2026-06-30T00:00:00Z"), noInvalidDate: true }),
    kind: fc.constantFrom<Meeting.Kind>("regular", "ad-hoc"),
    status: fc.constantFrom<Meeting.Status>("scheduled", "held", "minutes-drafted", "minutes-approved", "cancelled"),
  })

  it("held counts qualifying meetings; months without are exactly the ended months with none", () => {
    fc.assert(
      fc.property(
        fc.array(meetingArbitrary, { maxLength: 20 }),
        fc.integer({ min: 0, max: 12 }),
        fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }),
        (entries, required, asOf) => {
          const meetings = entries.map((entry) => on(entry.at.toISOString(), entry.kind, entry.status))
          const result = CadenceCompliance.compute({ year: 2025, required, meetings, timeZone, asOf })
          const local = (d: Date) => {
            const parts: Record<string, number> = {}
            for (const p of new Intl.DateTimeFormat("en-CA", {
              timeZone,
              year: "numeric",
              month: "numeric",
            }).formatToParts(d))
              if (p.type !== "literal") parts[p.type] = Number(p.value)
            return parts
          }
          const counted = entries.filter(
            (e) =>
              e.kind === "regular" &&
              ["held", "minutes-drafted", "minutes-approved"].includes(e.status) &&
              local(e.at).year === 2025,
          )
          expect(result.held).toBe(counted.length)
          expect(result.compliant).toBe(counted.length >= required)
          expect(result.shortfall).toBe(Math.max(0, required - counted.length))
          const withMeeting = new Set(counted.map((e) => local(e.at).month))
          for (const month of result.monthsWithout) expect(withMeeting.has(month)).toBe(false)
          const now = local(asOf)
          const ended = now.year! > 2025 ? 12 : now.month! - 1
          expect(
            result.monthsWithout.length + [...withMeeting].filter((m) => m !== undefined && m <= ended).length,
          ).toBe(ended)
        },
      ),
    )
  })
})
