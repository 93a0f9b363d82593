/**
 * A measure of the safety plan changes its status, owner or review day
 * (`case.write`); a review day already past is refused only when it is what
 * changes, so an overdue measure can still be closed or handed to another
 * member. The case's new version, the measure and the outbox event are
 * written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` (the
 * measure) or `Conflict` (`version.stale`).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { UpdateMeasure } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"
import * as SafetyPlan from "../SafetyPlan"

/** Changes the measure and answers it. */
export const updateMeasure: CaseUseCase.Of<typeof UpdateMeasure, SafetyPlan.Measure, Changing> = CaseUseCase.change({
  span: "CaseService.updateMeasure",
  command: UpdateMeasure,
  load: (input) => loadCase(input.caseId),
  decide: (loaded, input) =>
    Effect.gen(function* () {
      const { aCase, s } = loaded
      yield* admit(loaded)
      const index = aCase.safetyPlan.measures.findIndex((measure) => measure.id === input.measureId)
      const current = aCase.safetyPlan.measures[index]
      if (current === undefined)
        return yield* Effect.fail(new Errors.NotFound({ entity: "SafetyMeasure", id: input.measureId }))
      const measure: SafetyPlan.Measure = {
        ...current,
        ...(input.status === undefined ? {} : { status: input.status }),
        ...(input.owner === undefined ? {} : { owner: input.owner }),
        ...(input.reviewOn === undefined ? {} : { reviewOn: input.reviewOn }),
      }
      const team = new Set(aCase.team.members.map((member) => member.institution))
      const checkedFrom = input.reviewOn === undefined && measure.reviewOn < s.today ? measure.reviewOn : s.today
      yield* SafetyPlan.validateMeasure(measure, index, team, checkedFrom)
      const updated: Case.Case = {
        ...aCase,
        safetyPlan: { measures: aCase.safetyPlan.measures.map((m) => (m.id === measure.id ? measure : m)) },
      }
      return { measure, updated }
    }),
  write: ({ measure, updated }, { aCase }, input) =>
    Effect.gen(function* () {
      yield* claim(updated, input.expectedVersion, aCase)
      yield* (yield* CaseRepository).updateMeasure(aCase.id, measure)
      yield* emit("case.safety-measure.updated", aCase.id, {
        measureId: measure.id,
        kind: measure.kind,
        owner: measure.owner,
        reviewOn: measure.reviewOn,
        status: measure.status,
      })
      return measure
    }),
})
