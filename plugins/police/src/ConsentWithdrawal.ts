/**
 * A survivor withdrew a consent (the case package's `case.consent.withdrawn`
 * event): when the consent covered the police institution (or the police
 * sector), the police API is told at once, so the police stop using what was
 * shared under it — as data-protection law asks of whoever received data on a
 * consent. The notice carries ids and a time only (the case, the consent,
 * when), never a personal detail; it needs no consent check, since it shares
 * nothing new. It is sent once per event (the event id is its idempotency
 * key), retried with backoff while the police API fails.
 */
import { Id } from "@bashke/kernel"
import type { Hooks, PluginFailure } from "@bashke/plugin-sdk"
import { Effect, Either, Schema } from "effect"
import * as PoliceApi from "./PoliceApi"
import type { PoliceConfig } from "./PoliceConfig"
import * as PoliceFailure from "./PoliceFailure"

/**
 * The case package's topic for a withdrawn consent (`@bashke/case`
 * `CaseEvents`; plugins do not depend on domain packages, so it is named here).
 */
export const consentWithdrawnTopic = "case.consent.withdrawn"

/**
 * The part of the event's payload the plugin reads: ids, sectors and a time.
 */
export const ConsentWithdrawn = Schema.Struct({
  caseId: Id.CaseId,
  consentId: Id.ConsentId,
  withdrawnAt: Schema.String,
  institutions: Schema.Array(Id.InstitutionId),
  sectors: Schema.Array(Schema.String),
})

/**
 * What became of an event.
 */
export type Outcome = "not-for-police" | "sent"

/**
 * Handles one `case.consent.withdrawn` event.
 */
export const handle =
  (config: PoliceConfig & { readonly policeInstitution: Id.InstitutionId }) =>
  (event: Hooks.DeliveredEvent): Effect.Effect<Outcome, PluginFailure.PluginFailure> =>
    Effect.gen(function* () {
      const withdrawn = Schema.decodeUnknownEither(ConsentWithdrawn)(event.payload)
      if (Either.isLeft(withdrawn)) return yield* PoliceFailure.malformed("event")
      const covered =
        withdrawn.right.institutions.includes(config.policeInstitution) || withdrawn.right.sectors.includes("police")
      if (!covered) return "not-for-police"
      yield* PoliceApi.postNotice(config, {
        noticeId: `consent-withdrawn:${event.id}`,
        kind: "consent-withdrawn",
        content: {
          caseId: withdrawn.right.caseId,
          consentId: withdrawn.right.consentId,
          withdrawnAt: withdrawn.right.withdrawnAt,
        },
      })
      return "sent"
    })
