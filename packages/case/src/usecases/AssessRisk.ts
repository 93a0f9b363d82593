/**
 * A risk assessment is recorded on the case (`case.write`) with one of the
 * instruments accepted under the jurisdiction in force: the instrument
 * computes the level, a professional judgement may raise it, never lower it.
 * The case's new version, the assessment and the outbox event (with the
 * case's risk level after it) are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`case.risk.instrument.unknown`,
 * the instrument's rules), `Forbidden`, `NotFound` or `Conflict`.
 */

import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { AssessRisk } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { Instruments } from "../internal/Instruments"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"
import * as RiskAssessment from "../RiskAssessment"
import * as RiskInstrument from "../RiskInstrument"

/** Assesses the risk and answers the assessment. */
export const assessRisk: CaseUseCase.Of<typeof AssessRisk, RiskAssessment.RiskAssessment, Changing> =
  CaseUseCase.change({
    span: "CaseService.assessRisk",
    command: AssessRisk,
    load: (input) => loadCase(input.caseId),
    decide: (loaded, input) =>
      Effect.gen(function* () {
        const { aCase, s } = loaded
        yield* admit(loaded)
        const instrument = RiskInstrument.find((yield* Instruments)(s.profile), input.instrument)
        if (instrument === undefined)
          return yield* Effect.fail(
            new Errors.InvalidInput({ field: "instrument", rule: "case.risk.instrument.unknown" }),
          )
        const assessedBy = s.principal.institution
        if (assessedBy === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
        const assessment = yield* RiskAssessment.assess(
          instrument,
          {
            id: yield* RiskAssessment.RiskAssessmentId.generate,
            answers: input.answers,
            judgement: input.judgement,
            assessedAt: s.at,
            assessedBy,
          },
          s.profile,
        )
        const updated: Case.Case = { ...aCase, assessments: [...aCase.assessments, assessment] }
        return { assessment, updated }
      }),
    write: ({ assessment, updated }, { aCase }, input) =>
      Effect.gen(function* () {
        yield* claim(updated, input.expectedVersion, aCase)
        yield* (yield* CaseRepository).insertAssessment(aCase.id, assessment)
        yield* emit("case.risk.assessed", aCase.id, {
          assessmentId: assessment.id,
          instrument: assessment.instrument,
          computedLevel: assessment.computedLevel,
          level: assessment.level,
          riskLevel: Case.currentRisk(updated) ?? null,
          reassessOn: assessment.reassessOn,
        })
        return assessment
      }),
  })
