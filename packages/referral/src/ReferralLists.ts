/**
 * The referral lists, read through the repository port so that no caller
 * reads the repository itself: a case's referrals (the caller then keeps
 * those `ReferralPolicy.mayRead` allows), and a mechanism's referrals on the
 * principal's list (`ReferralPolicy.listed`: every one for its coordinator, its
 * institution's sent and received for another member), of one status if asked.
 * Both in the order the referrals were sent.
 */
import type { Id, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Referral from "./Referral"
import * as ReferralPolicy from "./ReferralPolicy"
import { ReferralRepository } from "./ReferralRepository"

/** Every referral of the case, in the order they were sent. */
export const forCase = (
  caseId: Id.CaseId,
): Effect.Effect<ReadonlyArray<Referral.Referral>, never, ReferralRepository> =>
  Effect.flatMap(ReferralRepository, (repository) => repository.forCase(caseId))

/** The mechanism's referrals on the principal's list, of `status` when given. */
export const forMechanism = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  status?: Referral.Status,
): Effect.Effect<ReadonlyArray<Referral.Referral>, never, ReferralRepository> =>
  Effect.map(
    Effect.flatMap(ReferralRepository, (repository) => repository.forMechanism(mechanismId)),
    (all) =>
      all.filter(
        (referral) =>
          (status === undefined || referral.status === status) &&
          ReferralPolicy.listed(principal, mechanismId, referral),
      ),
  )
