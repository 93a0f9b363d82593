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
import { CaseRepository } from "../CaseRepository"
import * as Consent from "../Consent"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { leadNotice, replacing } from "../internal/ConsentChange"
import type { Changing, Loaded } from "../internal/Steps"

/** The case with the consent withdrawn. */
const withdrawn = ({ aCase, s }: Loaded, input: typeof WithdrawConsent.Type) =>
  Effect.gen(function* () {
    const current = aCase.consents.find((consent) => consent.id === input.consentId)
    if (current === undefined)
      return yield* Effect.fail(new Errors.NotFound({ entity: "Consent", id: input.consentId }))
    return replacing(aCase, yield* Consent.withdraw(current, s.at))
  })

/** Withdraws the consent and answers it. */
export const withdrawConsent: CaseUseCase.Of<typeof WithdrawConsent, Consent.Consent, Changing> = CaseChange.make({
  span: "CaseService.withdrawConsent",
  command: WithdrawConsent,
  // A survivor may withdraw whatever the case's status.
  admit: () => ({ whenClosed: true }),
  decide: withdrawn,
  write: ({ consent }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.updateConsent(aCase.id, consent)),
      consent,
    ),
  events: ({ consent }, { aCase, s }) => [
    {
      topic: "case.consent.withdrawn",
      payload: {
        consentId: consent.id,
        withdrawnAt: s.at.toISOString(),
        // Whom it covered: those who must stop using what was shared under it.
        institutions: consent.institutions,
        sectors: consent.sectors,
      },
    },
    leadNotice(s, aCase, consent, "withdrawn"),
  ],
})
