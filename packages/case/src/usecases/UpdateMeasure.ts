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
import { UpdateMeasure } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import type { Changing } from "../internal/Steps"
import * as SafetyPlan from "../SafetyPlan"

/** Changes the measure and answers it. */
export const updateMeasure: CaseUseCase.Of<typeof UpdateMeasure, SafetyPlan.Measure, Changing> = CaseChange.make({
  span: "CaseService.updateMeasure",
  command: UpdateMeasure,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const measures = aCase.safetyPlan.measures
      const index = measures.findIndex((measure) => measure.id === input.measureId)
      const current = measures[index]
      if (current === undefined)
        return yield* Effect.fail(new Errors.NotFound({ entity: "SafetyMeasure", id: input.measureId }))
      const measure: SafetyPlan.Measure = {
        ...current,
        ...(input.status === undefined ? {} : { status: input.status }),
        ...(input.owner === undefined ? {} : { owner: input.owner }),
        ...(input.reviewOn === undefined ? {} : { reviewOn: input.reviewOn }),
      }
      const team = new Set(aCase.team.members.map((member) => member.institution))
      // A review day already past is refused only when it is what changes: an
      // overdue measure can still be closed or handed to another member.
      const checkedFrom = input.reviewOn === undefined && measure.reviewOn < s.today ? measure.reviewOn : s.today
      yield* SafetyPlan.validateMeasure(measure, index, team, checkedFrom)
      return {
        measure,
        updated: { ...aCase, safetyPlan: { measures: measures.map((m) => (m.id === measure.id ? measure : m)) } },
      }
    }),
  write: ({ measure }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.updateMeasure(aCase.id, measure)),
      measure,
    ),
  events: ({ measure: { id, kind, owner, reviewOn, status } }) => [
    { topic: "case.safety-measure.updated", payload: { measureId: id, kind, owner, reviewOn, status } },
  ],
})
