/**
 * What the referrals of a mechanism waiting for their receivers make due:
 * `ReferralDue`'s rules over what the repository reads, with the
 * jurisdiction profile in effect.
 */
import { type Due, type Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import * as ReferralDue from "./ReferralDue"
import { ReferralRepository } from "./ReferralRepository"

/**
 * What the referrals of a mechanism make due, with the profile in effect.
 */
export const forMechanism = (
  mechanism: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Due.Item>, never, ReferralRepository> =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const waiting = yield* (yield* ReferralRepository).awaitingAnswer(mechanism)
    return waiting.flatMap((referral) => ReferralDue.items(referral, profile))
  })
