/**
 * The wiring of the mechanism package's scope and oversight rules
 * (`MechanismPolicy`) for every route under a mechanism: the mechanisms a
 * principal belongs to are those its token or JWT names, so a person of a
 * member institution still reaches only the mechanisms they were given. The
 * domain packages check roles and membership on top (the meeting package's
 * roster, the mechanism service's contacts rule).
 */
import type { Errors, Id } from "@bashke/kernel"
import { Instant, Principal } from "@bashke/kernel"
import { MechanismPolicy, Mechanisms } from "@bashke/mechanism"
import { Effect } from "effect"

/**
 * The current principal, when it belongs to `mechanismId` or holds one of
 * `roles` (`MechanismPolicy.requireScope`).
 */
export const requireScope = (
  mechanismId: Id.MechanismId,
  action: string,
  roles: ReadonlyArray<Principal.Role> = [],
): Effect.Effect<Principal.Principal, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    MechanismPolicy.requireScope(principal, mechanismId, action, roles),
  )

/**
 * The current principal, when it may see the mechanism's case data
 * (`MechanismPolicy.requireOverseer`); the memorandum in force is asked only
 * when the answer depends on it.
 */
export const requireOverseer = (
  mechanismId: Id.MechanismId,
  action: string,
  options: { readonly national?: boolean } = {},
): Effect.Effect<Principal.Principal, Errors.Forbidden, Mechanisms.Mechanisms | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const signatory =
      MechanismPolicy.asksSignatory(principal, mechanismId, options) &&
      principal.institution !== undefined &&
      (yield* (yield* Mechanisms.Mechanisms).isSignatory(mechanismId, principal.institution, yield* Instant.now))
    return yield* MechanismPolicy.requireOverseer(principal, mechanismId, signatory, action, options)
  })

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
