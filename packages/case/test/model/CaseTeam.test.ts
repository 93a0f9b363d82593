import { Errors, type JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as CaseTeam from "../../src/CaseTeam"
import { institutions, profile, team } from "./Fixtures"

describe("CaseTeam", () => {
  it("defaults the lead to the profile's lead sector (the centre for social work in Kosovo)", () => {
    const candidates = [
      { institution: institutions.police, sector: "police" as const },
      { institution: institutions.socialWork, sector: "social-work" as const },
    ]
    expect(CaseTeam.defaultLead(candidates, profile)).toBe(institutions.socialWork)
    const policeLed: JurisdictionProfile.JurisdictionProfile = {
      ...profile,
      caseTeam: { ...profile.caseTeam, defaultLeadSector: { value: "police", confirmed: true, source: "test" } },
    }
    expect(CaseTeam.defaultLead(candidates, policeLed)).toBe(institutions.police)
    expect(CaseTeam.defaultLead([candidates[0]!], profile)).toBeUndefined()
  })

  it("requires social work on the team of a case with a child", () => {
    const withoutSocialWork: CaseTeam.CaseTeam = {
      lead: institutions.police,
      members: [{ institution: institutions.police, sector: "police", access: "full" }],
    }
    expect(CaseTeam.validate(withoutSocialWork, { hasChild: false }, profile)).toEqual(Either.right(withoutSocialWork))
    expect(CaseTeam.validate(withoutSocialWork, { hasChild: true }, profile)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "team.members", rule: "case.team.social-work-required-for-child" })),
    )
    expect(CaseTeam.validate(team, { hasChild: true }, profile)).toEqual(Either.right(team))
  })

  it("keeps the lead on the team with full access, and each institution once", () => {
    expect(CaseTeam.validate({ ...team, lead: institutions.shelter }, { hasChild: false }, profile)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "team.lead", rule: "case.team.lead-not-member" })),
    )
    expect(CaseTeam.validate({ ...team, lead: institutions.health }, { hasChild: false }, profile)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "team.lead", rule: "case.team.lead-needs-full-access" })),
    )
    expect(
      CaseTeam.validate({ ...team, members: [...team.members, team.members[1]!] }, { hasChild: false }, profile),
    ).toEqual(
      Either.left(new Errors.InvalidInput({ field: "team.members.3.institution", rule: "case.team.duplicate-member" })),
    )
  })

  it("maps onto the access policy's team", () => {
    expect(CaseTeam.toPolicyTeam(team)).toEqual([
      { institution: institutions.socialWork, access: "full" },
      { institution: institutions.police, access: "full" },
      { institution: institutions.health, access: "summary" },
    ])
    expect(CaseTeam.sectors(team)).toEqual(["police", "social-work", "health"])
    expect(CaseTeam.isMember(team, institutions.health)).toBe(true)
    expect(CaseTeam.isMember(team, institutions.outsider)).toBe(false)
  })
})
