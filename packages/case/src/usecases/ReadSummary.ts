/**
 * The pseudonymised summary of the case, for any member of its team and the
 * mechanism's coordinator (`case.summary.read`). Writes nothing.
 *
 * Fails with `InvalidInput`, `Forbidden` or `NotFound` (also for a case of
 * another mechanism).
 */
import { Effect } from "effect"
import { ReadSummary } from "../CaseCommands"
import * as CaseSummary from "../CaseSummary"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, loadCase, type Refusal } from "../internal/Steps"

/** The summary at the current time. */
export const readSummary: CaseUseCase.Of<typeof ReadSummary, CaseSummary.CaseSummary, Refusal> = CaseUseCase.read({
  span: "CaseService.readSummary",
  command: ReadSummary,
  load: (input) => loadCase(input.caseId),
  decide: ({ aCase, s }) => allow(s, "case.summary.read", aCase),
  write: (_, { aCase, s }) => Effect.succeed(CaseSummary.summarize(aCase, s.at, s.profile)),
})
