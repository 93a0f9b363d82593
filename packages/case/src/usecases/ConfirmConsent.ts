/**
 * A second person confirms a consent that widened its recorder's own
 * institution's access (`consent.confirm`: the coordinator, or the lead for
 * another institution's consent), off the team if need be. The case's new
 * version, the consent, its outbox event and the notice to the case lead are
 * written in one transaction.
 *
 * Fails with `InvalidInput` (`case.closed.read-only`, the model's rules),
 * `Forbidden`, `NotFound` (the case or the consent), `InvalidTransition` or
 * `Conflict` (`version.stale`).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import { ConfirmConsent } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as Consent from "../Consent"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { leadNotice, replacing } from "../internal/ConsentChange"
import { allow, type Changing, closedForChanges } from "../internal/Steps"

/** Confirms the consent and answers it. */
export const confirmConsent: CaseUseCase.Of<typeof ConfirmConsent, Consent.Consent, Changing> = CaseChange.make({
  span: "CaseService.confirmConsent",
  command: ConfirmConsent,
  // Not `case.write`: the coordinator confirms off the team.
  admit: false,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const current = aCase.consents.find((consent) => consent.id === input.consentId)
      // What the confirmer may see of the case is checked first.
      if (current === undefined) {
        yield* allow(s, "consent.confirm", aCase, { consent: {} })
        return yield* Effect.fail(new Errors.NotFound({ entity: "Consent", id: input.consentId }))
      }
      const recording = current.recording
      yield* allow(s, "consent.confirm", aCase, {
        consent:
          recording === undefined
            ? {}
            : { takenBy: recording.takenBy, recordedBy: recording.recordedBy, recordedFor: recording.recordedFor },
      })
      if (aCase.status === "closed") return yield* Effect.fail(closedForChanges)
      const confirmedFor = s.principal.institution
      const confirmed = yield* Consent.confirm(current, {
        confirmedBy: s.principal.id,
        ...(confirmedFor === undefined ? {} : { confirmedFor }),
        confirmedAt: s.at,
      })
      return replacing(aCase, confirmed)
    }),
  write: ({ consent }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.updateConsent(aCase.id, consent)),
      consent,
    ),
  events: ({ consent }, { aCase, s }) => [
    { topic: "case.consent.confirmed", payload: { consentId: consent.id, confirmedAt: s.at.toISOString() } },
    leadNotice(s, aCase, consent, "confirmed"),
  ],
})
