// Who may send and see referrals: the case team sends; the sending and
// receiving institutions (a provider outside the mechanism included), the case
// team and the mechanism's coordinator read — each within the mechanisms their
// token names. The refusals are the ones the gateway gave when it held these
// rules (same action, same rule).
import type { CaseTeam } from "@bashke/case"
import { Errors, Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as ReferralPolicy from "../src/ReferralPolicy"
import { ids, institutions, sent } from "./Fixtures"

const otherMechanism = Id.ulidAt(1_767_225_600_000 + 90, new Uint8Array(10)) as Id.MechanismId
const elsewhere = Id.ulidAt(1_767_225_600_000 + 91, new Uint8Array(10)) as Id.InstitutionId

const person = (
  roles: ReadonlyArray<Principal.Role>,
  institution: Id.InstitutionId | undefined,
  mechanisms: ReadonlyArray<Id.MechanismId> = [ids.mechanism],
): Principal.Principal => ({
  id: ids.principal,
  kind: "user",
  ...(institution === undefined ? {} : { institution }),
  roles,
  mechanisms,
})

// Social work leads the case; legal aid is on its team; the shelter receives the referral.
const team: CaseTeam.CaseTeam = {
  lead: institutions.socialWork,
  members: [
    { institution: institutions.socialWork, sector: "social-work", access: "full" },
    { institution: institutions.legalAid, sector: "legal-aid", access: "summary" },
  ],
}
const referral = sent()
const members = [institutions.socialWork, institutions.legalAid]
const notParty = (action: string) => Either.left(new Errors.Forbidden({ action, rule: "gateway.referral.not-party" }))

describe("ReferralPolicy.requireSender", () => {
  const aCase = { mechanismId: ids.mechanism, team }

  it("lets an institution on the case's team send, within the case's mechanism", () => {
    const worker = person(["case-worker"], institutions.legalAid)
    expect(ReferralPolicy.requireSender(worker, ids.case, aCase)).toEqual(Either.right(worker))
  })

  it("refuses an institution off the team, and hides the case outside its mechanism", () => {
    expect(ReferralPolicy.requireSender(person(["case-worker"], institutions.shelter), ids.case, aCase)).toEqual(
      Either.left(new Errors.Forbidden({ action: "referral.send", rule: "policy.case-team.not-member" })),
    )
    expect(
      ReferralPolicy.requireSender(person(["case-worker"], institutions.socialWork, [otherMechanism]), ids.case, aCase),
    ).toEqual(Either.left(new Errors.NotFound({ entity: "Case", id: ids.case })))
    // A national role without an institution sends nothing.
    expect(ReferralPolicy.requireSender(person(["national-coordinator"], undefined), ids.case, aCase)).toEqual(
      Either.left(new Errors.Forbidden({ action: "referral.send", rule: "policy.case-team.not-member" })),
    )
  })
})

describe("ReferralPolicy.requireReader", () => {
  it("lets the parties, the case team and the coordinator read", () => {
    const read = (principal: Principal.Principal, facts: ReferralPolicy.ReaderFacts = { team }) =>
      ReferralPolicy.requireReader(principal, referral, facts, "referral.read")
    expect(read(person(["case-worker"], institutions.shelter))).toEqual(Either.right(referral))
    expect(read(person(["case-worker"], institutions.socialWork))).toEqual(Either.right(referral))
    expect(read(person(["case-worker"], institutions.legalAid))).toEqual(Either.right(referral))
    expect(read(person(["coordinator"], elsewhere), {})).toEqual(Either.right(referral))
    // A member of the mechanism off the team, and anyone once the case is gone, are refused.
    expect(read(person(["case-worker"], elsewhere))).toEqual(notParty("referral.read"))
    expect(read(person(["case-worker"], institutions.legalAid), {})).toEqual(notParty("referral.read"))
  })

  it("lets a provider outside every mechanism read what it received, but not a member reaching past its token", () => {
    const shelterOutside = person(["case-worker"], institutions.shelter, [])
    expect(ReferralPolicy.mayRead(shelterOutside, referral, { mechanismMembers: members })).toBe(true)
    // Unknown members prove nothing.
    expect(ReferralPolicy.mayRead(shelterOutside, referral, {})).toBe(false)
    // The shelter is a member of the mechanism, but this worker's token names another one.
    const shelterElsewhere = person(["case-worker"], institutions.shelter, [otherMechanism])
    expect(
      ReferralPolicy.requireReader(
        shelterElsewhere,
        referral,
        { mechanismMembers: [...members, institutions.shelter] },
        "referral.Accept",
      ),
    ).toEqual(notParty("referral.Accept"))
  })

  it("asks nothing of a caller outside the mechanism that is no party, nor of the coordinator", () => {
    expect(ReferralPolicy.readerFactsNeeded(person(["case-worker"], elsewhere, [otherMechanism]), referral)).toEqual({
      mechanismMembers: false,
      team: false,
    })
    expect(ReferralPolicy.readerFactsNeeded(person(["coordinator"], elsewhere), referral)).toEqual({
      mechanismMembers: false,
      team: false,
    })
    expect(ReferralPolicy.readerFactsNeeded(person(["case-worker"], elsewhere), referral)).toEqual({
      mechanismMembers: false,
      team: true,
    })
    expect(ReferralPolicy.readerFactsNeeded(person(["case-worker"], institutions.shelter, []), referral)).toEqual({
      mechanismMembers: true,
      team: false,
    })
  })
})

describe("ReferralPolicy.listed", () => {
  it("lists every referral for the coordinator, a member's own sent and received for another member", () => {
    const other = sent(undefined, { from: elsewhere, to: institutions.legalAid })
    expect(ReferralPolicy.listed(person(["coordinator"], elsewhere), ids.mechanism, other)).toBe(true)
    expect(ReferralPolicy.listed(person(["case-worker"], institutions.shelter), ids.mechanism, referral)).toBe(true)
    expect(ReferralPolicy.listed(person(["case-worker"], institutions.shelter), ids.mechanism, other)).toBe(false)
  })
})

// Small pools, so that principals, referrals and teams often share ids.
const pool = [institutions.socialWork, institutions.shelter, institutions.legalAid, elsewhere] as const
const institution = fc.constantFrom(...pool)
const mechanism = fc.constantFrom(ids.mechanism, otherMechanism)
const principalArbitrary: fc.Arbitrary<Principal.Principal> = fc
  .record({
    roles: fc.subarray(["coordinator", "case-worker", "member-representative", "national-coordinator"] as const),
    institution: fc.option(institution, { nil: undefined }),
    mechanisms: fc.subarray([ids.mechanism, otherMechanism]),
  })
  .map(({ roles, institution, mechanisms }) => person(roles, institution, mechanisms))
const referralArbitrary = fc
  .record({ from: institution, to: institution, mechanism })
  .map((overrides) => sent(undefined, overrides))
const teamArbitrary: fc.Arbitrary<CaseTeam.CaseTeam> = fc.subarray([...pool], { minLength: 1 }).map((on) => ({
  lead: on[0]!,
  members: on.map((each) => ({ institution: each, sector: "social-work" as const, access: "full" as const })),
}))
const factsArbitrary: fc.Arbitrary<ReferralPolicy.ReaderFacts> = fc.record({
  mechanismMembers: fc.option(fc.subarray([...pool]), { nil: undefined }),
  team: fc.option(teamArbitrary, { nil: undefined }),
})

describe("ReferralPolicy properties", () => {
  it("property: the facts not asked for never change the answer", () => {
    fc.assert(
      fc.property(principalArbitrary, referralArbitrary, factsArbitrary, (principal, referral, facts) => {
        const needed = ReferralPolicy.readerFactsNeeded(principal, referral)
        const asked = {
          mechanismMembers: needed.mechanismMembers ? facts.mechanismMembers : undefined,
          team: needed.team ? facts.team : undefined,
        }
        expect(ReferralPolicy.mayRead(principal, referral, asked)).toBe(
          ReferralPolicy.mayRead(principal, referral, facts),
        )
      }),
    )
  })

  it("property: a reader is the coordinator, a party, or on the team — and within reach", () => {
    fc.assert(
      fc.property(principalArbitrary, referralArbitrary, factsArbitrary, (principal, referral, facts) => {
        if (!ReferralPolicy.mayRead(principal, referral, facts)) {
          expect(ReferralPolicy.requireReader(principal, referral, facts, "referral.read")).toEqual(
            notParty("referral.read"),
          )
          return
        }
        const within = Principal.belongsTo(principal, referral.mechanism)
        const party = ReferralPolicy.isParty(principal, referral)
        const onTeam =
          principal.institution !== undefined &&
          facts.team !== undefined &&
          ReferralPolicy.onTeam(facts.team, principal.institution)
        expect(ReferralPolicy.coordinates(principal, referral.mechanism) || party || onTeam).toBe(true)
        // Outside the mechanism, only a party that is no member of it reads.
        if (!within)
          expect(
            party &&
              facts.mechanismMembers !== undefined &&
              !facts.mechanismMembers.some((member) => member === principal.institution),
          ).toBe(true)
      }),
    )
  })

  it("property: a sender is on the team within the case's mechanism; no one else sends", () => {
    fc.assert(
      fc.property(principalArbitrary, teamArbitrary, mechanism, (principal, team, mechanismId) => {
        const decision = ReferralPolicy.requireSender(principal, ids.case, { mechanismId, team })
        const allowed =
          Principal.belongsTo(principal, mechanismId) &&
          principal.institution !== undefined &&
          ReferralPolicy.onTeam(team, principal.institution)
        expect(Either.isRight(decision)).toBe(allowed)
      }),
    )
  })
})
