import { Errors, type Principal } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import * as Case from "../../src/Case"
import * as Incident from "../../src/Incident"
import { decodeEither } from "../../src/internal/Input"
import type * as SafetyPlan from "../../src/SafetyPlan"
import {
  aCase,
  child,
  dashAssessment,
  ids,
  incident,
  institutions,
  mechanismMembers,
  perpetrator,
  profile,
  team,
  victim,
} from "./Fixtures"

const context = { mechanismMembers, today: "2026-03-10", profile }
const invalid = (field: string, rule: string) => Either.left(new Errors.InvalidInput({ field, rule }))

describe("Case.validate", () => {
  it("accepts a realistic case", () => {
    const ok = aCase({ persons: [victim, child, perpetrator] })
    expect(Case.validate(ok, context)).toEqual(Either.right(ok))
  })

  it("refuses the issue's bad inputs, naming the rule, never the data", () => {
    const { relationship: _, ...noRelationship } = perpetrator
    expect(Case.validate(aCase({ persons: [victim, noRelationship] }), context)).toEqual(
      invalid("persons.1.relationship", "case.person.relationship-required"),
    )
    const encoded = Schema.encodeSync(Case.Case)(aCase())
    const unknownRelationship = {
      ...encoded,
      persons: [encoded.persons[0], { ...encoded.persons[1], relationship: { kind: "neighbour", time: "current" } }],
    }
    expect(decodeEither(Case.Case)(unknownRelationship)).toEqual(
      invalid("persons.1.relationship", "case.relationship.unknown"),
    )
    expect(Case.validate(aCase({ persons: [perpetrator] }), context)).toEqual(
      invalid("persons", "case.person.one-victim"),
    )
    expect(Case.validate(aCase({ incidents: [incident(1, "2026-03-11")] }), context)).toEqual(
      invalid("incidents.0.occurredOn", "case.incident.date-in-future"),
    )
    const outsiderConsent = {
      id: ids.consent(1),
      givenBy: ids.victim,
      institutions: [institutions.outsider],
      sectors: [],
      purposes: ["referral"] as const,
      from: new Date("2026-03-02T10:00:00Z"),
      needsConfirmation: false,
    }
    expect(Case.validate(aCase({ consents: [outsiderConsent] }), context)).toEqual(
      invalid("consents.0.institutions.0", "case.consent.non-member"),
    )
    const socialWorkLess = {
      lead: institutions.police,
      members: [{ institution: institutions.police, sector: "police" as const, access: "full" as const }],
    }
    expect(Case.validate(aCase({ team: socialWorkLess, persons: [victim, child, perpetrator] }), context)).toEqual(
      invalid("team.members", "case.team.social-work-required-for-child"),
    )
    const measure: SafetyPlan.Measure = {
      id: ids.measure(1),
      kind: "safe-accommodation",
      owner: institutions.shelter,
      reviewOn: "2026-04-01",
      status: "open",
    }
    expect(Case.validate(aCase({ safetyPlan: { measures: [measure] } }), context)).toEqual(
      invalid("safetyPlan.measures.0.owner", "case.safety.owner-not-in-team"),
    )
  })

  it("checks each incident's perpetrators and forms", () => {
    const stranger = { ...incident(1, "2026-03-02"), perpetrators: [ids.child] }
    expect(Case.validate(aCase({ persons: [victim, child, perpetrator], incidents: [stranger] }), context)).toEqual(
      invalid("incidents.0.perpetrators.0", "case.incident.perpetrator.unknown"),
    )
    const twice = { ...incident(1, "2026-03-02"), forms: ["sexual", "sexual"] as const }
    expect(Case.validate(aCase({ incidents: [twice] }), context)).toEqual(
      invalid("incidents.0.forms", "case.incident.form.duplicate"),
    )
    expect(Incident.childrenExposed(incident(1, "2026-03-02"))).toBe(true)
  })
})

describe("Case.currentRisk", () => {
  it("is the latest assessment's level, raised to high by a later breach", () => {
    const assessed = aCase({ assessments: [dashAssessment(11, new Date("2026-03-05T10:00:00Z"))] })
    expect(Case.currentRisk(aCase())).toBeUndefined()
    expect(Case.currentRisk(assessed)).toBe("medium")
    const order = {
      id: ids.order(1),
      kind: "emergency-protection-order",
      petitioner: "police" as const,
      status: "issued" as const,
      requestedAt: new Date("2026-03-04T08:00:00Z"),
      decidedAt: new Date("2026-03-04T12:00:00Z"),
      issuedAt: new Date("2026-03-04T12:00:00Z"),
      expiresAt: new Date("2026-03-19T12:00:00Z"),
      extensions: [],
      breaches: [{ at: new Date("2026-03-06T21:00:00Z") }],
      hearings: [],
    }
    expect(Case.currentRisk({ ...assessed, orders: [order] })).toBe("high")
    // A reassessment after the breach takes over.
    const reassessed = [...assessed.assessments, dashAssessment(12, new Date("2026-03-08T10:00:00Z"), undefined, 2)]
    expect(Case.currentRisk({ ...assessed, assessments: reassessed, orders: [order] })).toBe("medium")
    expect(Case.currentRisk({ assessments: [], orders: [order] })).toBe("high")
  })
})

describe("Case.toPolicyResource", () => {
  it("gives the access policy the team, the consents and the signatories, and the policy decides on it", () => {
    const consent = {
      id: ids.consent(1),
      givenBy: ids.victim,
      institutions: [],
      sectors: ["police" as const],
      purposes: ["case-management"] as const,
      from: new Date("2026-03-02T10:00:00Z"),
      needsConfirmation: false,
    }
    const resource = Case.toPolicyResource(aCase({ consents: [consent] }), {
      signatories: [institutions.socialWork, institutions.police],
      purpose: "case-management",
    })
    expect(resource).toMatchObject({
      _tag: "Case",
      caseId: ids.case,
      leadInstitution: team.lead,
      signatories: [institutions.socialWork, institutions.police],
      purpose: "case-management",
    })
    const police: Principal.Principal = {
      id: ids.victim as never,
      kind: "user",
      roles: ["case-worker"],
      institution: institutions.police,
      sector: "police",
      mechanisms: [ids.mechanism],
    }
    const at = new Date("2026-03-10T10:00:00Z")
    expect(AccessPolicy.decide(police, "case.personal.read", resource, at)._tag).toBe("Allow")
    const { purpose: _, ...withoutPurpose } = resource
    expect(AccessPolicy.decide(police, "case.personal.read", withoutPurpose, at)).toEqual({
      _tag: "Deny",
      rule: "policy.purpose.required",
    })
    const health = { ...police, institution: institutions.health, sector: "health" as const }
    expect(
      AccessPolicy.decide(
        health,
        "case.personal.read",
        { ...resource, signatories: [...resource.signatories, institutions.health] },
        at,
      ),
    ).toEqual({
      _tag: "Deny",
      rule: "policy.access.summary-only",
    })
  })
})

describe("Case.toPolicyResource: whose details, and which consents count", () => {
  const signatories = [institutions.socialWork, institutions.police]
  const consent = (needsConfirmation: boolean) => ({
    id: ids.consent(1),
    givenBy: ids.victim,
    institutions: [institutions.police],
    sectors: [],
    purposes: ["case-management"] as const,
    from: new Date("2026-03-02T10:00:00Z"),
    needsConfirmation,
  })

  it("names the alleged perpetrator's details as such, and the victim's or a child's as theirs", () => {
    expect(Case.subjectOf(aCase(), ids.perpetrator)).toBe("alleged-perpetrator")
    expect(Case.subjectOf(aCase(), ids.victim)).toBe("victim-or-child")
    const read = Case.toPolicyResource(aCase(), { signatories, personId: ids.perpetrator })
    expect(read.subject).toBe("alleged-perpetrator")
    // A person being added is named by the caller.
    expect(Case.toPolicyResource(aCase(), { signatories, subject: "alleged-perpetrator" }).subject).toBe(
      "alleged-perpetrator",
    )
  })

  it("passes only the consents that count: an unconfirmed one that needed confirmation is left out", () => {
    const pending = consent(true)
    expect(Case.toPolicyResource(aCase({ consents: [pending] }), { signatories }).consents).toEqual([])
    expect(Case.toPolicyResource(aCase({ consents: [consent(false)] }), { signatories }).consents).toHaveLength(1)
    const confirmed = { ...pending, confirmation: { confirmedBy: ids.victim as never, confirmedAt: pending.from } }
    expect(Case.countedConsents(aCase({ consents: [pending, confirmed] }))).toEqual([confirmed])
  })
})
