/**
 * Whether the caller acts within a mechanism: the mechanisms a principal
 * belongs to are those its token or JWT names, so a person of a member
 * institution still reaches only the mechanisms they were given. The domain
 * packages check roles and membership on top (the meeting package's roster,
 * the mechanism service's contacts rule); this is the gateway's own scope, the
 * same for every route under a mechanism.
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Effect } from "effect"

/**
 * Succeeds when the principal belongs to `mechanismId` or holds one of `roles`
 * (roles that look across mechanisms); otherwise `Forbidden`
 * (`gateway.mechanism.not-member`) naming `action`.
 */
export const requireScope = (
  mechanismId: Id.MechanismId,
  action: string,
  roles: ReadonlyArray<Principal.Role> = [],
): Effect.Effect<void, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Principal.belongsTo(principal, mechanismId) || Principal.hasAnyRole(principal, roles)
      ? Effect.void
      : Effect.fail(new Errors.Forbidden({ action, rule: "gateway.mechanism.not-member" })),
  )

/**
 * `effect` for a resource of `mechanismId` addressed by its id: to a caller
 * outside the mechanism every refusal is `notFound`, the answer an unknown id
 * gets, so ids of other mechanisms cannot be told from ids that do not exist
 * (`Principal.concealOutside`).
 */
export const concealed =
  (mechanismId: Id.MechanismId, notFound: Errors.NotFound) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | Errors.NotFound, R | Principal.CurrentPrincipal> =>
    Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
      effect.pipe(Principal.concealOutside(principal, mechanismId, notFound)),
    )
