/**
 * A consent is withdrawn (`case.write`), whatever the case's status: a
 * survivor may withdraw at any time. The case's new version, the consent, the
 * outbox event (naming whom it covered: those who must stop using what was
 * shared under it) and the notice to the case lead are written in one
 * transaction.
 *
 * Fails with `InvalidInput`, `Forbidden`, `NotFound` (the case or the
 * consent), `InvalidTransition` or `Conflict` (`version.stale`).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import { WithdrawConsent } from "../CaseCommands"
import * as Consent from "../Consent"
import * as CaseUseCase from "../internal/CaseUseCase"
import { save } from "../internal/ConsentChange"
import { admit, type Changing, loadCase } from "../internal/Steps"

/** Withdraws the consent and answers it. */
export const withdrawConsent: CaseUseCase.Of<typeof WithdrawConsent, Consent.Consent, Changing> = CaseUseCase.change({
  span: "CaseService.withdrawConsent",
  command: WithdrawConsent,
  load: (input) => loadCase(input.caseId),
  decide: (loaded, input) =>
    Effect.gen(function* () {
      yield* admit(loaded, { whenClosed: true })
      const current = loaded.aCase.consents.find((consent) => consent.id === input.consentId)
      if (current === undefined)
        return yield* Effect.fail(new Errors.NotFound({ entity: "Consent", id: input.consentId }))
      return yield* Consent.withdraw(current, loaded.s.at)
    }),
  write: (withdrawn, loaded, input) =>
    save(loaded, withdrawn, input.expectedVersion, {
      topic: "case.consent.withdrawn",
      payload: {
        withdrawnAt: loaded.s.at.toISOString(),
        // Whom it covered: those who must stop using what was shared under it.
        institutions: withdrawn.institutions,
        sectors: withdrawn.sectors,
      },
      change: "withdrawn",
    }),
})
