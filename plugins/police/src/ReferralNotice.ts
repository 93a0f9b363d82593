/**
 * Consent-aware notices to the police: when a referral is sent to the police
 * institution (the referral package's `referral.referral.sent` event), ask
 * the host whether the case's consent allows telling the police, and only
 * then post the notice to the police API.
 *
 * A refusal is not a failure: nothing is sent and nothing is recorded by the
 * plugin (the host audits its own decision); the event is done.
 */

import type { Errors } from "@bashke/kernel"
import { Id } from "@bashke/kernel"
import type { Hooks, Notices, PluginFailure } from "@bashke/plugin-sdk"
import { Effect, Either, Schema } from "effect"
import * as PoliceApi from "./PoliceApi"
import type { PoliceConfig } from "./PoliceConfig"
import * as PoliceFailure from "./PoliceFailure"

/**
 * The referral package's topic for a sent referral
 * (`@bashke/referral` `ReferralEvents.topics.sent`; plugins do not depend on
 * domain packages, so it is named here).
 */
export const referralSentTopic = "referral.referral.sent"

/**
 * The part of the event's payload the plugin reads: ids only.
 */
export const ReferralSent = Schema.Struct({
  referral: Schema.String,
  case: Id.CaseId,
  to: Id.InstitutionId,
})

/**
 * What became of an event.
 */
export type Outcome = "not-for-police" | "refused" | "sent"

/**
 * Handles one `referral.referral.sent` event.
 */
export const handle =
  (config: PoliceConfig & { readonly policeInstitution: Id.InstitutionId }, notices: Notices.Service) =>
  (event: Hooks.DeliveredEvent): Effect.Effect<Outcome, PluginFailure.PluginFailure | Errors.DomainError> =>
    Effect.gen(function* () {
      const sent = Schema.decodeUnknownEither(ReferralSent)(event.payload)
      if (Either.isLeft(sent)) return yield* PoliceFailure.malformed("event")
      if (sent.right.to !== config.policeInstitution) return "not-for-police"
      const decision = yield* notices.authorize({
        caseId: sent.right.case,
        recipient: config.policeInstitution,
        purpose: "referral",
        kind: "referral",
        reference: event.id,
      })
      if (decision._tag === "Refused") return "refused"
      const posted = yield* Effect.either(
        PoliceApi.postNotice(config, { noticeId: decision.noticeId, kind: "referral", content: decision.content }),
      )
      if (Either.isLeft(posted)) {
        // Recorded, then failed: a transient failure is retried (the same
        // notice id — `authorize` is idempotent by the event), a permanent one
        // is a dead letter an administrator can replay.
        yield* notices.recordOutcome(decision.noticeId, { _tag: "Failed", code: posted.left.code })
        return yield* posted.left
      }
      yield* notices.recordOutcome(
        decision.noticeId,
        posted.right.reference === undefined ? { _tag: "Sent" } : { _tag: "Sent", reference: posted.right.reference },
      )
      return "sent"
    })
