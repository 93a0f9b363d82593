/**
 * The whole case without identifying details (they are never part of it), for
 * the full-access members of its team: a summary-access member sees the
 * summary only (`ReadSummary`). Writes nothing.
 *
 * Fails with `InvalidInput`, `Forbidden` (`policy.access.summary-only`, the
 * policy's rules) or `NotFound` (also for a case of another mechanism).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { ReadSummary } from "../CaseCommands"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, loadCase, type Refusal } from "../internal/Steps"

/** The case. */
export const read: CaseUseCase.Of<typeof ReadSummary, Case.Case, Refusal> = CaseUseCase.read({
  span: "CaseService.read",
  command: ReadSummary,
  load: (input) => loadCase(input.caseId),
  // A plain step after the policy's (no generator): this read runs on every GET of a case.
  decide: ({ aCase, s }) =>
    Effect.flatMap(allow(s, "case.summary.read", aCase), () => {
      // The whole record (answers, incidents, consents) is for full-access
      // members; a summary-access member sees the summary only.
      const member = aCase.team.members.find((m) => m.institution === s.principal.institution)
      return member?.access === "full"
        ? Effect.void
        : Effect.fail(new Errors.Forbidden({ action: "case.read", rule: "policy.access.summary-only" }))
    }),
  write: (_, { aCase }) => Effect.succeed(aCase),
})
