import { Errors, type JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import * as Dash from "../../src/instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "../../src/instruments/KosovoPoliceEarlyAssessment"
import * as RiskInstrument from "../../src/RiskInstrument"
import { dashAnswers, profile } from "./Fixtures"

const levelOf = (yes: number) => Either.getOrThrow(RiskInstrument.evaluate(Dash.instrument, dashAnswers(yes))).level

describe("the DASH-style checklist", () => {
  it("is a valid instrument of as many questions as the profile says", () => {
    expect(Schema.is(RiskInstrument.Instrument)(Dash.instrument)).toBe(true)
    expect(Dash.instrument.questions).toHaveLength(profile.risk.dash.questions.value)
    expect(Dash.instrument.thresholds).toEqual({
      medium: profile.risk.dash.mediumAtLeast.value,
      high: profile.risk.dash.highAtLeast.value,
    })
  })

  it("RULES.md: 14 or more yes is high, 10–13 medium, fewer standard", () => {
    expect(levelOf(24)).toBe("high")
    expect(levelOf(14)).toBe("high")
    expect(levelOf(13)).toBe("medium")
    expect(levelOf(10)).toBe("medium")
    expect(levelOf(9)).toBe("standard")
    expect(levelOf(0)).toBe("standard")
  })

  it("takes its thresholds from the profile, not from the code", () => {
    const strict: JurisdictionProfile.JurisdictionProfile = {
      ...profile,
      risk: {
        ...profile.risk,
        dash: {
          ...profile.risk.dash,
          highAtLeast: { ...profile.risk.dash.highAtLeast, value: 12 },
          mediumAtLeast: { ...profile.risk.dash.mediumAtLeast, value: 8 },
        },
      },
    }
    const instrument = Dash.make(strict)
    expect(Either.getOrThrow(RiskInstrument.evaluate(instrument, dashAnswers(12))).level).toBe("high")
    expect(Either.getOrThrow(RiskInstrument.evaluate(instrument, dashAnswers(8))).level).toBe("medium")
  })

  it("handles missing and unknown answers explicitly", () => {
    const { injury: _, ...missingOne } = dashAnswers(14)
    expect(RiskInstrument.evaluate(Dash.instrument, missingOne)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "answers.injury", rule: "case.risk.answer.missing" })),
    )
    expect(RiskInstrument.evaluate(Dash.instrument, { ...dashAnswers(0), "favourite-colour": "yes" })).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "answers.favourite-colour", rule: "case.risk.answer.unknown-question" }),
      ),
    )
    const evaluation = Either.getOrThrow(
      RiskInstrument.evaluate(Dash.instrument, { ...dashAnswers(14), injury: "not-known" }),
    )
    expect(evaluation).toMatchObject({ score: 13, maxScore: 24, level: "medium", notKnown: ["injury"], unanswered: [] })
  })

  it("property: the score is the number of yes answers, and a further yes never lowers the level", () => {
    const answer = fc.constantFrom<RiskInstrument.Answer>("yes", "no", "not-known")
    fc.assert(
      fc.property(fc.array(answer, { minLength: 24, maxLength: 24 }), fc.nat(23), (given, flip) => {
        const answers = Object.fromEntries(Dash.questionIds.map((id, i) => [id, given[i]!]))
        const evaluation = Either.getOrThrow(RiskInstrument.evaluate(Dash.instrument, answers))
        expect(evaluation.score).toBe(given.filter((a) => a === "yes").length)
        const more = Either.getOrThrow(
          RiskInstrument.evaluate(Dash.instrument, { ...answers, [Dash.questionIds[flip]!]: "yes" }),
        )
        expect(RiskInstrument.rank(more.level)).toBeGreaterThanOrEqual(RiskInstrument.rank(evaluation.level))
      }),
    )
  })
})

describe("the Kosovo police early assessment (draft)", () => {
  it("is marked as a project draft and lists unanswered questions instead of refusing", () => {
    const form = KosovoPoliceEarlyAssessment.instrument
    expect(form.status).toBe("draft")
    expect(Schema.is(RiskInstrument.Instrument)(form)).toBe(true)
    const evaluation = Either.getOrThrow(
      RiskInstrument.evaluate(form, { "threats-to-kill": "yes", strangulation: "yes", injury: "yes" }),
    )
    expect(evaluation.score).toBe(5)
    expect(evaluation.level).toBe("medium")
    expect(evaluation.unanswered).toHaveLength(form.questions.length - 3)
  })

  it("is configurable: another question set and thresholds make another version", () => {
    const form = KosovoPoliceEarlyAssessment.make({
      version: 2,
      questions: [
        { id: "injury", weight: 1, text: KosovoPoliceEarlyAssessment.textKey("injury") },
        { id: "threats-to-kill", weight: 3, text: KosovoPoliceEarlyAssessment.textKey("threats-to-kill") },
      ],
      thresholds: { medium: 1, high: 3 },
    })
    expect(form.version).toBe(2)
    expect(Either.getOrThrow(RiskInstrument.evaluate(form, { "threats-to-kill": "yes" })).level).toBe("high")
  })
})

describe("Instrument", () => {
  it("refuses thresholds out of order and duplicate questions", () => {
    const base = KosovoPoliceEarlyAssessment.instrument
    expect(Schema.is(RiskInstrument.Instrument)({ ...base, thresholds: { medium: 5, high: 5 } })).toBe(false)
    expect(Schema.is(RiskInstrument.Instrument)({ ...base, questions: [base.questions[0], base.questions[0]] })).toBe(
      false,
    )
  })

  it("property: levelOf is monotonic in the score", () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(50), fc.nat(50), (a, b, m, gap) => {
        const thresholds = { medium: m, high: m + gap + 1 }
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(RiskInstrument.rank(RiskInstrument.levelOf(thresholds, low))).toBeLessThanOrEqual(
          RiskInstrument.rank(RiskInstrument.levelOf(thresholds, high)),
        )
      }),
    )
  })
})
