/**
 * A risk assessment: the answers given on one instrument, the score and level
 * they reach, an optional professional judgement, and the day it is due for
 * reassessment. Professional judgement may raise the level, never lower it: a
 * practitioner's concern adds protection, a checklist's count is a floor.
 */
import { CivilDate, Deadline, Errors, Id, type JurisdictionProfile } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type { Incident } from "./Incident"
import { Instant } from "./internal/Instant"
import * as RiskInstrument from "./RiskInstrument"

/**
 * A risk assessment's id.
 */
export const RiskAssessmentId: Id.IdSchema<"RiskAssessmentId"> = Id.make("RiskAssessmentId")

export type RiskAssessmentId = typeof RiskAssessmentId.Type

/**
 * Why a practitioner raised the level, as a code (labels
 * `case.risk.judgement.<reason>`): free text would invite names into a field
 * that meetings and statistics see.
 */
export const JudgementReason = Schema.Literal(
  "escalating-pattern",
  "victim-fears-for-life",
  "child-at-risk",
  "order-breached",
  "access-to-weapons",
  "isolation-or-dependency",
  "other-concern",
).annotations({
  identifier: "JudgementReason",
  message: () => ({ message: "case.risk.judgement.reason-unknown", override: true }),
})

export type JudgementReason = typeof JudgementReason.Type

/**
 * A professional judgement: the level the practitioner sets, and why.
 */
export const Judgement = Schema.Struct({
  level: RiskInstrument.RiskLevel,
  reason: JudgementReason,
}).annotations({ identifier: "RiskJudgement" })

export type Judgement = typeof Judgement.Type

/**
 * A recorded assessment. `computedLevel` is what the answers reach, `level` what
 * counts (the higher of it and the judgement's); `reassessOn` is a day in the
 * jurisdiction's time zone.
 */
export const RiskAssessment = Schema.Struct({
  id: RiskAssessmentId,
  instrument: RiskInstrument.InstrumentRef,
  answers: RiskInstrument.Answers,
  score: Schema.Number.pipe(Schema.finite(), Schema.nonNegative()),
  computedLevel: RiskInstrument.RiskLevel,
  judgement: Schema.optional(Judgement),
  level: RiskInstrument.RiskLevel,
  assessedAt: Instant,
  assessedBy: Id.InstitutionId,
  reassessOn: CivilDate.CivilDate,
}).annotations({ identifier: "RiskAssessment" })

export type RiskAssessment = typeof RiskAssessment.Type

/**
 * The level that counts: the computed one, raised (never lowered) by a judgement.
 */
export const finalLevel = (computed: RiskInstrument.RiskLevel, judgement?: Judgement): RiskInstrument.RiskLevel =>
  judgement === undefined ? computed : RiskInstrument.higher(computed, judgement.level)

/**
 * Whether the judgement raised the level above the computed one.
 */
export const raisedByJudgement = (assessment: RiskAssessment): boolean =>
  assessment.judgement !== undefined &&
  RiskInstrument.rank(assessment.judgement.level) > RiskInstrument.rank(assessment.computedLevel)

/**
 * The day an assessment made at `assessedAt` is due again: its local day plus
 * the profile's `risk.reassessmentEvery` (8 weeks in Kosovo).
 */
export const reassessmentDay = (
  assessedAt: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): CivilDate.CivilDate =>
  Deadline.addToDate(CivilDate.ofInstant(assessedAt, profile.timezone), profile.risk.reassessmentEvery)

/**
 * What an assessment is made of, before it is scored.
 */
export interface AssessmentInput {
  readonly id: RiskAssessmentId
  readonly answers: RiskInstrument.Answers
  readonly judgement?: Judgement | undefined
  readonly assessedAt: Date
  readonly assessedBy: typeof Id.InstitutionId.Type
}

/**
 * Scores the answers on the instrument and records the assessment. Fails with
 * `InvalidInput` for answers the instrument refuses (see
 * `RiskInstrument.evaluate`) and for a judgement below the computed level
 * (`case.risk.judgement.cannot-lower`, field `judgement.level`).
 */
export const assess = (
  instrument: RiskInstrument.Instrument,
  input: AssessmentInput,
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<RiskAssessment, Errors.InvalidInput> =>
  Either.flatMap(RiskInstrument.evaluate(instrument, input.answers), (evaluation) => {
    const judgement = input.judgement
    if (judgement !== undefined && RiskInstrument.rank(judgement.level) < RiskInstrument.rank(evaluation.level))
      return Either.left(
        new Errors.InvalidInput({ field: "judgement.level", rule: "case.risk.judgement.cannot-lower" }),
      )
    return Either.right({
      id: input.id,
      instrument: evaluation.instrument,
      answers: input.answers,
      score: evaluation.score,
      computedLevel: evaluation.level,
      ...(judgement === undefined ? {} : { judgement }),
      level: finalLevel(evaluation.level, judgement),
      assessedAt: input.assessedAt,
      assessedBy: input.assessedBy,
      reassessOn: reassessmentDay(input.assessedAt, profile),
    })
  })

/**
 * The most recent assessment (by `assessedAt`), if any.
 */
export const latest = (assessments: ReadonlyArray<RiskAssessment>): RiskAssessment | undefined =>
  assessments.reduce<RiskAssessment | undefined>(
    (best, a) => (best === undefined || a.assessedAt.getTime() >= best.assessedAt.getTime() ? a : best),
    undefined,
  )

/**
 * Whether the latest assessment is due for reassessment on `today`.
 */
export const reassessmentDue = (assessments: ReadonlyArray<RiskAssessment>, today: CivilDate.CivilDate): boolean => {
  const last = latest(assessments)
  return last !== undefined && last.reassessOn <= today
}

/**
 * The instruments a case still lacks an assessment on: for each incident, the
 * instruments its source requires (the profile's `risk.requiredInstruments`: in
 * Kosovo the police early assessment on every police-reported case, 2013 SOP),
 * minus those the case has at least one assessment on. Empty when nothing is
 * missing.
 */
export const missingRequiredAssessments = (
  aCase: {
    readonly incidents: ReadonlyArray<Pick<Incident, "source">>
    readonly assessments: ReadonlyArray<Pick<RiskAssessment, "instrument">>
  },
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<RiskInstrument.InstrumentId> => {
  const required = profile.risk.requiredInstruments.value
  const done = new Set(aCase.assessments.map((a) => a.instrument.id))
  const missing: Array<RiskInstrument.InstrumentId> = []
  for (const incident of aCase.incidents)
    for (const instrument of required[incident.source] ?? [])
      if (!done.has(instrument) && !missing.includes(instrument)) missing.push(instrument)
  return missing
}

/**
 * The catalogue key of a judgement reason's label.
 */
export const judgementLabelKey = (reason: JudgementReason): `case.risk.judgement.${JudgementReason}` =>
  `case.risk.judgement.${reason}`
