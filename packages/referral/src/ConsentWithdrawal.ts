/**
 * A withdrawn consent ends the referrals that relied on it: a referral sent on
 * a consent (not on an override) and still open is cancelled with the reason
 * code `consent-withdrawn`, by the platform on behalf of the sending
 * institution, and announced on the outbox like any cancellation
 * (`referral.referral.cancelled`, with the reason code and the receiving
 * institution, so the receiver can be told). The case package announces the
 * withdrawal (`case.consent.withdrawn`); whoever consumes that event runs
 * {@link cancelRelyingOn}, inside its own transaction.
 *
 * Running it twice changes nothing the second time: a cancelled referral is no
 * longer open.
 */
import { type Id, Instant, Principal } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either } from "effect"
import * as Referral from "./Referral"
import { transitionTopics } from "./ReferralEvents"
import * as ReferralLifecycle from "./ReferralLifecycle"
import { ReferralRepository } from "./ReferralRepository"

/**
 * The reason code of a cancellation because the consent was withdrawn.
 */
export const reason = "consent-withdrawn"

/**
 * The referrals among `referrals` that are open and rely on `consent`.
 */
export const relyingOn = (
  referrals: ReadonlyArray<Referral.Referral>,
  consent: Id.ConsentId,
): ReadonlyArray<Referral.Referral> =>
  referrals.filter(
    (referral) => Referral.isOpen(referral) && referral.basis._tag === "Consent" && referral.basis.consent === consent,
  )

/**
 * The referral cancelled at `at` because its consent was withdrawn: the
 * platform acts for the sending institution. Never before its last step.
 */
export const cancel = (referral: Referral.Referral, at: Date): Referral.Referral => {
  const last = referral.history[referral.history.length - 1] ?? referral.history[0]
  const when = at.getTime() < last.at.getTime() ? last.at : at
  const cancelled = ReferralLifecycle.transition(
    referral,
    { _tag: "Cancel", reason },
    { principal: Principal.platformId, institution: referral.from },
    when,
  )
  // Every open status allows Cancel and the reason is given: a Left is a bug.
  return Either.getOrThrow(cancelled)
}

/**
 * Cancels the open referrals that relied on `consent` and announces each;
 * returns them as cancelled. Joins the caller's transaction.
 */
export const cancelRelyingOn = (
  consent: Id.ConsentId,
): Effect.Effect<ReadonlyArray<Referral.Referral>, never, ReferralRepository | SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.gen(function* () {
    const repository = yield* ReferralRepository
    const now = yield* Instant.now
    const open = relyingOn(yield* repository.relyingOn(consent), consent)
    const cancelled: Array<Referral.Referral> = []
    for (const referral of open) {
      const next = cancel(referral, now)
      // The version was read in this transaction; a concurrent change is a retry of the whole event.
      yield* repository.update(next, referral.version).pipe(Effect.orDie)
      const step = next.history[next.history.length - 1]
      yield* Outbox.append({
        topic: transitionTopics.Cancel,
        aggregateType: "Referral",
        aggregateId: next.id,
        payload: {
          referral: next.id,
          mechanism: next.mechanism,
          case: next.case,
          to: next.to,
          status: next.status,
          at: (step?.at ?? now).toISOString(),
          code: reason,
        },
      })
      cancelled.push(next)
    }
    return cancelled
  })
