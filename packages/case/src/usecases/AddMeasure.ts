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
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import type { Changing } from "../internal/Steps"
import * as SafetyPlan from "../SafetyPlan"

/** Adds the measure and answers it (status `open`). */
export const addMeasure: CaseUseCase.Of<typeof AddMeasure, SafetyPlan.Measure, Changing> = CaseChange.make({
  span: "CaseService.addMeasure",
  command: AddMeasure,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const id = yield* SafetyPlan.SafetyMeasureId.generate
      const measure: SafetyPlan.Measure = {
        id,
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
  write: ({ measure }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.insertMeasure(aCase.id, measure)),
      measure,
    ),
  events: ({ measure }) => [
    {
      topic: "case.safety-measure.added",
      payload: { measureId: measure.id, kind: measure.kind, owner: measure.owner, reviewOn: measure.reviewOn },
    },
  ],
})
