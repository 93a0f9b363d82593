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
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { Instruments } from "../internal/Instruments"
import type { Changing } from "../internal/Steps"
import * as RiskAssessment from "../RiskAssessment"
import * as RiskInstrument from "../RiskInstrument"

/** Assesses the risk and answers the assessment. */
export const assessRisk: CaseUseCase.Of<typeof AssessRisk, RiskAssessment.RiskAssessment, Changing> = CaseChange.make({
  span: "CaseService.assessRisk",
  command: AssessRisk,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const instrument = RiskInstrument.find((yield* Instruments)(s.profile), input.instrument)
      if (instrument === undefined)
        return yield* Effect.fail(
          new Errors.InvalidInput({ field: "instrument", rule: "case.risk.instrument.unknown" }),
        )
      const assessedBy = s.principal.institution
      if (assessedBy === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
      const id = yield* RiskAssessment.RiskAssessmentId.generate
      const assessment = yield* RiskAssessment.assess(
        instrument,
        { id, answers: input.answers, judgement: input.judgement, assessedAt: s.at, assessedBy },
        s.profile,
      )
      return { assessment, updated: { ...aCase, assessments: [...aCase.assessments, assessment] } }
    }),
  write: ({ assessment }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.insertAssessment(aCase.id, assessment)),
      assessment,
    ),
  events: ({ assessment, updated }) => [
    {
      topic: "case.risk.assessed",
      payload: {
        assessmentId: assessment.id,
        instrument: assessment.instrument,
        computedLevel: assessment.computedLevel,
        level: assessment.level,
        riskLevel: Case.currentRisk(updated) ?? null,
        reassessOn: assessment.reassessOn,
      },
    },
  ],
})
