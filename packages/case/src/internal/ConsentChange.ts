// What recording, confirming and withdrawing a consent share: each tells the
// case lead (`case.consent.lead-notice`, ids only), and confirming and
// withdrawing replace the consent on the case and write it back with the
// case's new version and their own event.
import type { Errors, Id } from "@bashke/kernel"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type * as Case from "../Case"
import type { Topic } from "../CaseEvents"
import { CaseRepository } from "../CaseRepository"
import * as Consent from "../Consent"
import { claim, emit, type Loaded, type Situation } from "./Steps"

/** @internal What a consent's change is, to the lead. */
export type Change = "recorded" | "confirmed" | "withdrawn"

/** @internal The notice to the case lead of a consent recorded, confirmed or withdrawn. */
export const noticeToLead = (
  s: Situation,
  aCase: Case.Case,
  consent: Consent.Consent,
  change: Change,
): Effect.Effect<void, never, SqlClient.SqlClient | Id.IdGenerator> =>
  emit("case.consent.lead-notice", aCase.id, {
    consentId: consent.id,
    lead: aCase.team.lead,
    change,
    awaitingConfirmation: !Consent.counts(consent) && consent.withdrawnAt === undefined,
    principalId: s.principal.id,
    institutionId: s.principal.institution ?? null,
  })

/** @internal The case with `consent` in place of the one of its id. */
export const replaced = (aCase: Case.Case, consent: Consent.Consent): Case.Case => ({
  ...aCase,
  consents: aCase.consents.map((current) => (current.id === consent.id ? consent : current)),
})

/**
 * @internal Writes the changed consent: the case's new version, the consent,
 * its event and the notice to the lead; answers the consent.
 */
export const save = (
  { aCase, s }: Loaded,
  consent: Consent.Consent,
  expectedVersion: number | undefined,
  event: { readonly topic: Topic; readonly payload: Readonly<Record<string, unknown>>; readonly change: Change },
): Effect.Effect<
  Consent.Consent,
  Errors.NotFound | Errors.Conflict,
  CaseRepository | SqlClient.SqlClient | Id.IdGenerator
> =>
  Effect.gen(function* () {
    yield* claim(replaced(aCase, consent), expectedVersion, aCase)
    yield* (yield* CaseRepository).updateConsent(aCase.id, consent)
    yield* emit(event.topic, aCase.id, { consentId: consent.id, ...event.payload })
    yield* noticeToLead(s, aCase, consent, event.change)
    return consent
  })
