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
import * as Consent from "../Consent"
import * as CaseUseCase from "../internal/CaseUseCase"
import { save } from "../internal/ConsentChange"
import { allow, type Changing, closedForChanges, loadCase } from "../internal/Steps"

/** Confirms the consent and answers it. */
export const confirmConsent: CaseUseCase.Of<typeof ConfirmConsent, Consent.Consent, Changing> = CaseUseCase.change({
  span: "CaseService.confirmConsent",
  command: ConfirmConsent,
  load: (input) => loadCase(input.caseId),
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const current = aCase.consents.find((consent) => consent.id === input.consentId)
      // The coordinator confirms off the team: what it may see of the case is checked first.
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
      return yield* Consent.confirm(current, {
        confirmedBy: s.principal.id,
        ...(s.principal.institution === undefined ? {} : { confirmedFor: s.principal.institution }),
        confirmedAt: s.at,
      })
    }),
  write: (confirmed, loaded, input) =>
    save(loaded, confirmed, input.expectedVersion, {
      topic: "case.consent.confirmed",
      payload: { confirmedAt: loaded.s.at.toISOString() },
      change: "confirmed",
    }),
})
