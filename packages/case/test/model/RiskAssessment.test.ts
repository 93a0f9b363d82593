import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as Dash from "../../src/instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "../../src/instruments/KosovoPoliceEarlyAssessment"
import * as RiskAssessment from "../../src/RiskAssessment"
import * as RiskInstrument from "../../src/RiskInstrument"
import { dashAnswers, dashAssessment, ids, incident, instant, institutions, profile, riskLevel } from "./Fixtures"

const at = new Date("2026-03-02T09:30:00Z")
const judgementReason = fc.constantFrom(...RiskAssessment.JudgementReason.literals)

describe("assess", () => {
  it("records the score, the level and the reassessment day (8 weeks in the profile's zone)", () => {
    const assessment = dashAssessment(15, at)
    expect(assessment).toMatchObject({
      instrument: { id: "dash", version: 1 },
      score: 15,
      computedLevel: "high",
      level: "high",
      reassessOn: "2026-04-27",
    })
    // 23:30 UTC on 1 March is already 2 March in Europe/Belgrade.
    expect(RiskAssessment.reassessmentDay(new Date("2026-03-01T23:30:00Z"), profile)).toBe("2026-04-27")
    expect(RiskAssessment.reassessmentDue([assessment], "2026-04-26")).toBe(false)
    expect(RiskAssessment.reassessmentDue([assessment], "2026-04-27")).toBe(true)
  })

  it("lets professional judgement raise the level", () => {
    const raised = dashAssessment(5, at, { level: "high", reason: "victim-fears-for-life" })
    expect(raised).toMatchObject({ computedLevel: "standard", level: "high" })
    expect(RiskAssessment.raisedByJudgement(raised)).toBe(true)
  })

  it("refuses a judgement that would lower it", () => {
    const result = RiskAssessment.assess(
      Dash.instrument,
      {
        id: ids.assessment(1),
        answers: dashAnswers(14),
        judgement: { level: "medium", reason: "other-concern" },
        assessedAt: at,
        assessedBy: institutions.police,
      },
      profile,
    )
    expect(result).toEqual(
      Either.left(new Errors.InvalidInput({ field: "judgement.level", rule: "case.risk.judgement.cannot-lower" })),
    )
  })

  it("property: the level that counts is never below the computed one, and equals the higher of the two", () => {
    fc.assert(
      fc.property(
        fc.nat(24),
        fc.option(fc.record({ level: riskLevel, reason: judgementReason }), { nil: undefined }),
        instant,
        (yes, judgement, when) => {
          const result = RiskAssessment.assess(
            Dash.instrument,
            {
              id: ids.assessment(2),
              answers: dashAnswers(yes),
              judgement,
              assessedAt: when,
              assessedBy: institutions.police,
            },
            profile,
          )
          if (Either.isLeft(result)) {
            expect(judgement).toBeDefined()
            expect(RiskInstrument.rank(judgement!.level)).toBeLessThan(
              RiskInstrument.rank(RiskInstrument.levelOf(Dash.instrument.thresholds, yes)),
            )
            return
          }
          const a = result.right
          expect(RiskInstrument.rank(a.level)).toBeGreaterThanOrEqual(RiskInstrument.rank(a.computedLevel))
          expect(a.level).toBe(RiskAssessment.finalLevel(a.computedLevel, judgement))
          expect(a.reassessOn > a.assessedAt.toISOString().slice(0, 10)).toBe(true)
        },
      ),
    )
  })

  it("property: finalLevel never lowers whatever the judgement", () => {
    fc.assert(
      fc.property(riskLevel, riskLevel, judgementReason, (computed, judged, reason) => {
        const level = RiskAssessment.finalLevel(computed, { level: judged, reason })
        expect(RiskInstrument.rank(level)).toBe(Math.max(RiskInstrument.rank(computed), RiskInstrument.rank(judged)))
      }),
    )
  })

  it("latest picks the most recent assessment", () => {
    const first = dashAssessment(3, new Date("2026-01-01T10:00:00Z"), undefined, 1)
    const second = dashAssessment(16, new Date("2026-02-01T10:00:00Z"), undefined, 2)
    expect(RiskAssessment.latest([second, first])).toBe(second)
    expect(RiskAssessment.latest([])).toBeUndefined()
  })
})

describe("missingRequiredAssessments", () => {
  it("requires the police early assessment on every police-reported case", () => {
    const police = { incidents: [incident(1, "2026-03-01", "police-report")], assessments: [] }
    expect(RiskAssessment.missingRequiredAssessments(police, profile)).toEqual([KosovoPoliceEarlyAssessment.id])
    const dashOnly = { ...police, assessments: [dashAssessment(3, at)] }
    expect(RiskAssessment.missingRequiredAssessments(dashOnly, profile)).toEqual([KosovoPoliceEarlyAssessment.id])
    const done = {
      ...police,
      assessments: [{ instrument: { id: KosovoPoliceEarlyAssessment.id, version: 1 } }],
    }
    expect(RiskAssessment.missingRequiredAssessments(done, profile)).toEqual([])
    expect(
      RiskAssessment.missingRequiredAssessments(
        { incidents: [incident(1, "2026-03-01", "health")], assessments: [] },
        profile,
      ),
    ).toEqual([])
  })

  it("property: missing exactly when some incident is police-reported and no police assessment exists", () => {
    const source = fc.constantFrom("police-report", "health", "self-referral", "school") as fc.Arbitrary<
      "police-report" | "health" | "self-referral" | "school"
    >
    fc.assert(
      fc.property(fc.array(source, { maxLength: 5 }), fc.boolean(), (sources, assessed) => {
        const missing = RiskAssessment.missingRequiredAssessments(
          {
            incidents: sources.map((s) => ({ source: s })),
            assessments: assessed ? [{ instrument: { id: KosovoPoliceEarlyAssessment.id, version: 1 } }] : [],
          },
          profile,
        )
        expect(missing.length > 0).toBe(sources.includes("police-report") && !assessed)
      }),
    )
  })
})
