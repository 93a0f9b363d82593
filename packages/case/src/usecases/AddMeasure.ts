/**
 * A measure joins the case's safety plan (`case.write`), owned by a member of
 * the team, with a review day not in the past. The case's new version, the
 * measure and the outbox event are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` or
 * `Conflict` (`version.stale`).
 */
import { Effect } from "effect"
import type * as Case from "../Case"
import { AddMeasure } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"
import * as SafetyPlan from "../SafetyPlan"

/** Adds the measure and answers it (status `open`). */
export const addMeasure: CaseUseCase.Of<typeof AddMeasure, SafetyPlan.Measure, Changing> = CaseUseCase.change({
  span: "CaseService.addMeasure",
  command: AddMeasure,
  load: (input) => loadCase(input.caseId),
  decide: (loaded, input) =>
    Effect.gen(function* () {
      const { aCase, s } = loaded
      yield* admit(loaded)
      const measure: SafetyPlan.Measure = {
        id: yield* SafetyPlan.SafetyMeasureId.generate,
        kind: input.kind,
        owner: input.owner,
        reviewOn: input.reviewOn,
        status: "open",
      }
      const team = new Set(aCase.team.members.map((member) => member.institution))
      yield* SafetyPlan.validateMeasure(measure, aCase.safetyPlan.measures.length, team, s.today)
      const updated: Case.Case = { ...aCase, safetyPlan: { measures: [...aCase.safetyPlan.measures, measure] } }
      return { measure, updated }
    }),
  write: ({ measure, updated }, { aCase }, input) =>
    Effect.gen(function* () {
      yield* claim(updated, input.expectedVersion, aCase)
      yield* (yield* CaseRepository).insertMeasure(aCase.id, measure)
      yield* emit("case.safety-measure.added", aCase.id, {
        measureId: measure.id,
        kind: measure.kind,
        owner: measure.owner,
        reviewOn: measure.reviewOn,
      })
      return measure
    }),
})
