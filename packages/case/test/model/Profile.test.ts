// The settings the case package reads from the jurisdiction profile: another
// profile (another country, or a later version) changes the outcome without a
// change to the package.
import { Errors, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import * as Case from "../../src/Case"
import * as CaseTeam from "../../src/CaseTeam"
import * as Incident from "../../src/Incident"
import * as KosovoPoliceEarlyAssessment from "../../src/instruments/KosovoPoliceEarlyAssessment"
import { decodeEither } from "../../src/internal/Input"
import * as Person from "../../src/Person"
import * as RiskAssessment from "../../src/RiskAssessment"
import * as RiskInstrument from "../../src/RiskInstrument"
import { aCase, child, incident, mechanismMembers, perpetrator, profile, team, victim } from "./Fixtures"

const { kosovo } = JurisdictionProfile
const other: JurisdictionProfile.JurisdictionProfile = {
  ...kosovo,
  id: "other",
  caseTeam: {
    ...kosovo.caseTeam,
    childProtectionSector: { value: "shelter", confirmed: true, source: "test profile" },
  },
  communities: { value: ["majority", "minority", "other", "not-recorded"], confirmed: true, source: "test profile" },
  risk: {
    ...kosovo.risk,
    requiredInstruments: { value: { health: ["dash"] }, confirmed: true, source: "test profile" },
    policeEarlyAssessment: {
      weights: { value: { injury: 4 }, confirmed: true, source: "test profile" },
      mediumAtLeast: { value: 2, unit: "count", confirmed: true, source: "test profile" },
      highAtLeast: { value: 5, unit: "count", confirmed: true, source: "test profile" },
    },
  },
}

describe("a different jurisdiction profile", () => {
  it("is a valid profile", () => {
    expect(Schema.is(JurisdictionProfile.JurisdictionProfile)(other)).toBe(true)
    expect(profile).toBe(kosovo)
  })

  it("names the sector a case with a child needs on its team", () => {
    expect(CaseTeam.validate(team, { hasChild: true }, kosovo)).toEqual(Either.right(team))
    expect(CaseTeam.validate(team, { hasChild: true }, other)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "team.members", rule: "case.team.social-work-required-for-child" })),
    )
    const withChild = aCase({ persons: [victim, child, perpetrator] })
    const context = { mechanismMembers, today: "2026-03-10" }
    expect(Either.isRight(Case.validate(withChild, { ...context, profile: kosovo }))).toBe(true)
    expect(Either.isLeft(Case.validate(withChild, { ...context, profile: other }))).toBe(true)
  })

  it("lists the communities a person may be recorded with", () => {
    const gorani = { ...victim, community: "gorani" }
    expect(Person.validate(gorani, 0, 2026, kosovo)).toEqual(Either.right(gorani))
    expect(Person.validate(gorani, 0, 2026, other)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "persons.0.community", rule: "case.person.community.unknown" })),
    )
    expect(Either.isRight(Person.validate({ ...victim, community: "minority" }, 0, 2026, other))).toBe(true)
  })

  it("says which instruments an incident's source requires", () => {
    const police = { incidents: [incident(1, "2026-03-01", "police-report")], assessments: [] }
    const health = { incidents: [incident(1, "2026-03-01", "health")], assessments: [] }
    expect(RiskAssessment.missingRequiredAssessments(police, kosovo)).toEqual([KosovoPoliceEarlyAssessment.id])
    expect(RiskAssessment.missingRequiredAssessments(police, other)).toEqual([])
    expect(RiskAssessment.missingRequiredAssessments(health, kosovo)).toEqual([])
    expect(RiskAssessment.missingRequiredAssessments(health, other)).toEqual(["dash"])
  })

  it("weighs and thresholds the police early assessment", () => {
    const answers = { "threats-to-kill": "yes", strangulation: "yes", injury: "yes" } as const
    const inKosovo = Either.getOrThrow(
      RiskInstrument.evaluate(KosovoPoliceEarlyAssessment.make(undefined, kosovo), answers),
    )
    const inOther = Either.getOrThrow(
      RiskInstrument.evaluate(KosovoPoliceEarlyAssessment.make(undefined, other), answers),
    )
    expect([inKosovo.score, inKosovo.level]).toEqual([5, "medium"])
    expect([inOther.score, inOther.level]).toEqual([6, "high"])
    expect(KosovoPoliceEarlyAssessment.make(undefined, other).thresholds).toEqual({ medium: 2, high: 5 })
    expect(KosovoPoliceEarlyAssessment.instrument).toEqual(KosovoPoliceEarlyAssessment.make(undefined, kosovo))
  })
})

describe("rules reported by the schemas", () => {
  it("a malformed source reference or community names its own rule", () => {
    expect(
      decodeEither(Schema.Struct({ sourceReference: Incident.SourceReference }))({
        sourceReference: "Besnik Krasniqi",
      }),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "sourceReference", rule: "case.incident.source-reference.malformed" }),
      ),
    )
    expect(
      decodeEither(Schema.Struct({ sourceReference: Incident.SourceReference }))({ sourceReference: "x".repeat(61) }),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "sourceReference", rule: "case.incident.source-reference.malformed" }),
      ),
    )
    expect(decodeEither(Schema.Struct({ community: Person.Community }))({ community: "Gorani Community" })).toEqual(
      Either.left(new Errors.InvalidInput({ field: "community", rule: "case.person.community.malformed" })),
    )
  })
})
