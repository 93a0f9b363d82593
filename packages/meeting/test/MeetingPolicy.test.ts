import { Errors, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as MeetingPolicy from "../src/MeetingPolicy"
import { coordinator, healthRepresentative, ids, outsider, policeRepresentative, roster } from "./support/Fixtures"

describe("MeetingPolicy", () => {
  it("lets only the coordinator of the coordinating institution run meetings", () => {
    expect(MeetingPolicy.requireCoordinator(roster, coordinator, "meeting.schedule")).toEqual(Either.right(coordinator))
    expect(MeetingPolicy.requireCoordinator(roster, policeRepresentative, "meeting.schedule")).toEqual(
      Either.left(new Errors.Forbidden({ action: "meeting.schedule", rule: "meeting.coordinator.required" })),
    )
    // The role without the coordinating institution is not enough.
    const elsewhere = { ...coordinator, institution: ids.police }
    expect(Either.isLeft(MeetingPolicy.requireCoordinator(roster, elsewhere, "meeting.schedule"))).toBe(true)
  })

  it("lets any member institution request an ad hoc meeting, and no one else", () => {
    expect(MeetingPolicy.requireRequester(roster, policeRepresentative)).toEqual(Either.right(ids.police))
    expect(MeetingPolicy.requireRequester(roster, coordinator)).toEqual(Either.right(ids.municipality))
    expect(MeetingPolicy.requireRequester(roster, outsider)).toEqual(
      Either.left(new Errors.Forbidden({ action: "meeting.request", rule: "meeting.request.not-a-member" })),
    )
  })

  it("lets the owner or the coordinator close an action item", () => {
    expect(Either.isRight(MeetingPolicy.requireOwnerOrCoordinator(roster, policeRepresentative, ids.police))).toBe(true)
    expect(Either.isRight(MeetingPolicy.requireOwnerOrCoordinator(roster, coordinator, ids.police))).toBe(true)
    expect(MeetingPolicy.requireOwnerOrCoordinator(roster, policeRepresentative, ids.health)).toEqual(
      Either.left(
        new Errors.Forbidden({ action: "meeting.action-item.update", rule: "meeting.action-item.owner-required" }),
      ),
    )
  })

  it("opens cadence compliance to members and the national coordinator", () => {
    const { institution: _institution, ...withoutInstitution } = outsider
    const national = { ...withoutInstitution, roles: ["national-coordinator" as const] }
    expect(Either.isRight(MeetingPolicy.requireComplianceReader(roster, national))).toBe(true)
    expect(Either.isLeft(MeetingPolicy.requireComplianceReader(roster, outsider))).toBe(true)
    expect(Either.isLeft(MeetingPolicy.requireMember(roster, outsider, "meeting.read"))).toBe(true)
  })

  it("shows case data to the coordinator and the signatories of the memorandum in force only", () => {
    expect(MeetingPolicy.seesCaseData(roster, coordinator)).toBe(true)
    expect(MeetingPolicy.seesCaseData(roster, policeRepresentative)).toBe(true)
    // A member that did not sign, and an outsider, do not.
    expect(MeetingPolicy.seesCaseData(roster, healthRepresentative)).toBe(false)
    expect(MeetingPolicy.seesCaseData(roster, outsider)).toBe(false)
  })

  it("property: whoever sees case data coordinates or acts for a signatory; signing makes a member see it", () => {
    fc.assert(
      fc.property(
        Arbitrary.make(Principal.Principal),
        fc.subarray([ids.municipality, ids.police, ids.socialWork, ids.shelter, ids.health]),
        (principal, signatories) => {
          const sees = MeetingPolicy.seesCaseData({ ...roster, signatories }, principal)
          const signed = principal.institution !== undefined && signatories.includes(principal.institution)
          expect(sees).toBe(MeetingPolicy.isCoordinator(roster, principal) || signed)
        },
      ),
    )
  })
})
