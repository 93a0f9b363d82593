import type { Id } from "@bashke/kernel"
import { CivilDate } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Membership from "../src/Membership"
import { addDays, day, institutions, memberships } from "./support/Arbitraries"

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const police = "01J9Z3K8V0M6YQ2R7T5W4X1B0P" as Id.InstitutionId
const social = "01J9Z3K8V0M6YQ2R7T5W4X1B0Q" as Id.InstitutionId

const member = (joinedOn: string, leftOn?: string, institutionId = police): Membership.Membership => ({
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MembershipId,
  mechanismId,
  institutionId,
  sector: "police",
  joinedOn,
  ...(leftOn === undefined ? {} : { leftOn }),
})

describe("isCurrent / isMember", () => {
  it("covers the days from joining up to the day before leaving", () => {
    const m = member("2025-03-01", "2025-05-10")
    expect(Membership.isCurrent(m, "2025-02-28")).toBe(false)
    expect(Membership.isCurrent(m, "2025-03-01")).toBe(true)
    expect(Membership.isCurrent(m, "2025-05-09")).toBe(true)
    expect(Membership.isCurrent(m, "2025-05-10")).toBe(false)
    expect(Membership.isCurrent(member("2025-03-01"), "2099-01-01")).toBe(true)
  })

  it("asks about one institution on one day", () => {
    const all = [member("2025-03-01", "2025-05-10"), member("2025-01-01", undefined, social)]
    expect(Membership.isMember(all, police, "2025-04-01")).toBe(true)
    expect(Membership.isMember(all, police, "2025-06-01")).toBe(false)
    expect(Membership.isMember(all, social, "2025-06-01")).toBe(true)
    expect(Membership.current(all, "2025-06-01").map((m) => m.institutionId)).toEqual([social])
    expect(Membership.sectorsCovered(all, "2025-04-01")).toEqual(["police"])
  })

  it("property: isMember is 'some membership of the institution covers the day'", () => {
    fc.assert(
      fc.property(
        institutions.chain((ids) => fc.tuple(memberships(ids), fc.constantFrom(...ids), day)),
        ([all, institution, d]) => {
          const covering = all.filter(
            (m) => m.institutionId === institution && m.joinedOn <= d && (m.leftOn === undefined || d < m.leftOn),
          )
          expect(Membership.isMember(all, institution, d)).toBe(covering.length > 0)
          expect(Membership.membershipOf(all, institution, d)).toBe(covering[0])
          expect(Membership.current(all, d).every((m) => Membership.isCurrent(m, d))).toBe(true)
        },
      ),
    )
  })
})

describe("overlaps", () => {
  it("finds a shared day, and none for back-to-back or empty memberships", () => {
    expect(Membership.overlaps(member("2025-01-01", "2025-03-01"), member("2025-02-01"))).toBe(true)
    expect(Membership.overlaps(member("2025-01-01", "2025-03-01"), member("2025-03-01"))).toBe(false)
    expect(Membership.overlaps(member("2025-02-01", "2025-02-01"), member("2025-01-01"))).toBe(false)
  })

  it("property: symmetric, and true exactly when some day is covered by both", () => {
    const interval = fc
      .tuple(day, fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }))
      .map(([joinedOn, length]) => member(joinedOn, length === undefined ? undefined : addDays(joinedOn, length)))
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(Membership.overlaps(a, b)).toBe(Membership.overlaps(b, a))
        // A shared day, if any, is the later of the two first days.
        const probe = CivilDate.max(a.joinedOn, b.joinedOn)
        expect(Membership.overlaps(a, b)).toBe(Membership.isCurrent(a, probe) && Membership.isCurrent(b, probe))
      }),
    )
  })
})
