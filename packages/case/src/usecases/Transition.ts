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
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import type { Changing } from "../internal/Steps"

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
export const transition: CaseUseCase.Of<typeof Transition, Case.Case, Changing> = CaseChange.make({
  span: "CaseService.transition",
  command: Transition,
  // Reopening is how a closed case changes.
  admit: () => ({ whenClosed: true }),
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const command = lifecycleCommand(input)
      const updated = yield* Case.transition(aCase, command, s.at)
      if (command._tag === "assess" && Case.missingRequiredAssessments(aCase, s.profile).length > 0)
        return yield* Effect.fail(
          new Errors.InvalidInput({ field: "assessments", rule: "case.risk.assessment-required" }),
        )
      return { command, updated, reason: "reason" in command ? command.reason : undefined }
    }),
  write: ({ command, reason }, { aCase, s }, _, saved) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) =>
        cases.insertTransition(aCase.id, {
          command: command._tag,
          from: aCase.status,
          to: saved.status,
          reason,
          at: s.at,
          principalId: s.principal.id,
          institutionId: s.principal.institution,
        }),
      ),
      saved,
    ),
  events: ({ command, reason }, { aCase }, _, saved) => [
    {
      topic: "case.case.transitioned",
      payload: {
        command: command._tag,
        from: aCase.status,
        to: saved.status,
        reason: reason ?? null,
        riskLevel: Case.currentRisk(saved) ?? null,
      },
    },
  ],
})
