import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import * as Case from "../../src/Case"
import * as CaseSummary from "../../src/CaseSummary"
import type * as Person from "../../src/Person"
import { aCase, child, dashAssessment, ids, incident, institutions, perpetrator, profile, victim } from "./Fixtures"

const at = new Date("2026-06-15T10:00:00Z")

describe("CaseSummary", () => {
  it("summarises a case without a name", () => {
    const summary = CaseSummary.summarize(
      aCase({
        status: "active",
        persons: [victim, child, perpetrator],
        assessments: [dashAssessment(15, new Date("2026-06-01T10:00:00Z"))],
        safetyPlan: {
          measures: [
            {
              id: ids.measure(1),
              kind: "police-patrols",
              owner: institutions.police,
              reviewOn: "2026-07-01",
              status: "open",
            },
            {
              id: ids.measure(2),
              kind: "counselling",
              owner: institutions.socialWork,
              reviewOn: "2026-07-01",
              status: "done",
            },
          ],
        },
        lastReviewedAt: new Date("2026-05-01T10:00:00Z"),
      }),
      at,
      profile,
    )
    expect(summary).toEqual({
      id: ids.case,
      reference: "GJI-2026-0042",
      status: "active",
      riskLevel: "high",
      riskAssessed: true,
      sectors: ["police", "social-work", "health"],
      openActions: 1,
      hasChildren: true,
      ordersInForce: 0,
      conferenceReasons: ["high-risk"],
      conferenceConsent: false,
      openedAt: new Date("2026-03-02T14:00:00Z"),
      lastReviewedAt: new Date("2026-05-01T10:00:00Z"),
      version: 0,
    })
    expect(Schema.is(CaseSummary.CaseSummary)(summary)).toBe(true)
    expect(CaseSummary.summarize(aCase(), at, profile)).toMatchObject({ riskLevel: "standard", riskAssessed: false })
  })

  it("property: no personal detail ever appears in a summary's JSON", () => {
    const name = fc
      .tuple(
        fc.constantFrom("Arbëresha", "Shpresa", "Drita", "Milica", "Jelena", "Ajshe", "Valbona", "Dragana"),
        fc.nat(999),
      )
      .map(([n, k]) => `${n}${k}`)
    const family = fc
      .tuple(fc.constantFrom("Krasniqi", "Gashi", "Berisha", "Jovanović", "Petrović", "Hoxha", "Morina"), fc.nat(999))
      .map(([n, k]) => `${n}${k}`)
    const details: fc.Arbitrary<Person.PersonalDetails> = fc.record({
      givenName: name,
      familyName: family,
      personalNumber: fc.stringMatching(/^[1-9]\d{9}$/),
      birthDate: fc.constantFrom("1988-04-12", "1975-11-30", "2012-02-29"),
      address: fc
        .tuple(fc.constantFrom("Rruga e Dëshmorëve", "Ulica Kralja Petra", "Rruga Adem Jashari"), fc.nat(300))
        .map(([s, n]) => `${s} ${n + 1}, Gjilan`),
      phone: fc.stringMatching(/^\+383 4[3-9] \d{3} \d{3}$/),
      safeContact: name.map((n) => `Telefononi vetëm pas orës 17; pyesni për ${n}`),
    })
    const cases = Arbitrary.make(Case.Case)
    fc.assert(
      fc.property(cases, fc.array(details, { minLength: 1, maxLength: 3 }), (generated, people) => {
        const json = JSON.stringify(
          Schema.encodeSync(CaseSummary.CaseSummary)(CaseSummary.summarize(generated, at, profile)),
        )
        for (const person of people)
          for (const value of Object.values(person))
            if (value !== undefined && value.length >= 8) expect(json).not.toContain(value)
        // Only the summary's own, non-personal fields are there.
        for (const key of Object.keys(JSON.parse(json)))
          expect(Object.keys(CaseSummary.CaseSummary.fields)).toContain(key)
      }),
      { numRuns: 60 },
    )
  })

  it("property: the summary of any case is a valid summary and counts open measures", () => {
    fc.assert(
      fc.property(Arbitrary.make(Case.Case), (generated) => {
        const summary = CaseSummary.summarize(generated, at, profile)
        expect(Schema.is(CaseSummary.CaseSummary)(summary)).toBe(true)
        expect(summary.openActions).toBe(generated.safetyPlan.measures.filter((m) => m.status === "open").length)
        expect(summary.reference).toBe(generated.reference)
      }),
      { numRuns: 60 },
    )
  })

  it("has a child flag from the persons", () => {
    expect(CaseSummary.summarize(aCase({ persons: [victim, child, perpetrator] }), at, profile).hasChildren).toBe(true)
    expect(CaseSummary.summarize(aCase({ incidents: [incident(1, "2026-03-02")] }), at, profile).hasChildren).toBe(
      false,
    )
  })
})
