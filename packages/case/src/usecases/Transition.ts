/**
 * The case moves through its lifecycle (`case.write`, on a closed case too:
 * reopening is how a closed case changes). A case moves to `assessed` only
 * with the assessments its incidents require (`case.risk.assessment-required`:
 * the police early assessment on every police-reported case, 2013 SOP). The
 * case's new version, the transition and the outbox event are written in one
 * transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound`,
 * `InvalidTransition` or `Conflict` (`version.stale`).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { Transition } from "../CaseCommands"
import * as CaseLifecycle from "../CaseLifecycle"
import { CaseRepository } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"

const lifecycleCommand = (input: typeof Transition.Type): CaseLifecycle.Command => {
  const { Command } = CaseLifecycle
  switch (input.command) {
    case "assess":
      return Command.assess()
    case "activate":
      return Command.activate()
    case "monitor":
      return Command.monitor()
    case "close":
      return Command.close({ reason: input.reason })
    case "reopen":
      return Command.reopen({ reason: input.reason })
  }
}

/** Moves the case and answers it as it now is. */
export const transition: CaseUseCase.Of<typeof Transition, Case.Case, Changing> = CaseUseCase.change({
  span: "CaseService.transition",
  command: Transition,
  load: (input) => loadCase(input.caseId),
  decide: (loaded, input) =>
    Effect.gen(function* () {
      const { aCase, s } = loaded
      yield* admit(loaded, { whenClosed: true })
      const command = lifecycleCommand(input)
      const updated = yield* Case.transition(aCase, command, s.at)
      if (command._tag === "assess" && Case.missingRequiredAssessments(aCase, s.profile).length > 0)
        return yield* Effect.fail(
          new Errors.InvalidInput({ field: "assessments", rule: "case.risk.assessment-required" }),
        )
      return { command, updated }
    }),
  write: ({ command, updated }, { aCase, s }, input) =>
    Effect.gen(function* () {
      const saved = yield* claim(updated, input.expectedVersion, aCase)
      const reason = "reason" in command ? command.reason : undefined
      yield* (yield* CaseRepository).insertTransition(aCase.id, {
        command: command._tag,
        from: aCase.status,
        to: saved.status,
        reason,
        at: s.at,
        principalId: s.principal.id,
        institutionId: s.principal.institution,
      })
      yield* emit("case.case.transitioned", aCase.id, {
        command: command._tag,
        from: aCase.status,
        to: saved.status,
        reason: reason ?? null,
        riskLevel: Case.currentRisk(saved) ?? null,
      })
      return saved
    }),
})
