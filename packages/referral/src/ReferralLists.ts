/**
 * The referral lists, read through the repository port so that no caller
 * reads the repository itself, each a page in the order the referrals were
 * sent (by id), paged in SQL by keyset: a case's referrals the caller may see
 * (the caller's `ReferralPolicy.mayRead`, which needs facts of other packages,
 * decides each), and a mechanism's referrals on the principal's list
 * (`ReferralPolicy.listed`: every one for its coordinator, its institution's
 * sent and received for another member), of one status if asked.
 */
import { Cursor, type Errors, Id, Pagination, type Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Referral from "./Referral"
import * as ReferralPolicy from "./ReferralPolicy"
import { ReferralRepository } from "./ReferralRepository"

/** A page request: `limit` referrals after the `after` cursor of the previous page. */
export interface PageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

/** The key a referral list is ordered by: its id (a ULID, so the order they were sent). */
export const keyOf = (referral: Referral.Referral): Cursor.Key => [referral.id]

/** The case's referrals `visible` allows, a page at a time. */
export const forCase = <E, R>(
  caseId: Id.CaseId,
  query: PageQuery,
  visible: (referral: Referral.Referral) => Effect.Effect<boolean, E, R>,
): Effect.Effect<Pagination.Page<Referral.Referral>, E | Errors.InvalidInput, R | ReferralRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterId(Id.ReferralId, query.after)
    const repository = yield* ReferralRepository
    return yield* Pagination.visible({
      step: (from, limit) =>
        repository.casePage(caseId, { after: from === undefined ? undefined : (from[0] as Id.ReferralId), limit }),
      visible,
      keyOf,
      limit: query.limit,
      after: after === undefined ? undefined : [after],
    })
  })

/** The mechanism's referrals on the principal's list, of `status` when given, a page at a time. */
export const forMechanism = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  status: Referral.Status | undefined,
  query: PageQuery,
): Effect.Effect<Pagination.Page<Referral.Referral>, Errors.InvalidInput, ReferralRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterId(Id.ReferralId, query.after)
    const coordinates = ReferralPolicy.coordinates(principal, mechanismId)
    // Not the coordinator: only the referrals its institution is a party to; without an institution, none.
    if (!coordinates && principal.institution === undefined) return { items: [], next: null }
    const rows = yield* (yield* ReferralRepository).mechanismPage(mechanismId, {
      after,
      limit: query.limit + 1,
      status,
      party: coordinates ? undefined : principal.institution,
    })
    // The policy holds for every row the SQL kept; checking again costs nothing and keeps one rule.
    const listed = rows.filter((referral) => ReferralPolicy.listed(principal, mechanismId, referral))
    return Pagination.paginate(listed, query.limit, keyOf)
  })
