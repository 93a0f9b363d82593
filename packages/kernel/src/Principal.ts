/**
 * Who is acting: a user, an API token or a plugin, with the roles, institution,
 * sector and mechanisms that policies decide on. A principal carries no name or
 * other personal data, so it can be logged and audited as is.
 */
import { Context, Effect, Schema } from "effect"
import { dual } from "effect/Function"
import * as Catalogue from "./Catalogue"
import { Forbidden, type NotFound } from "./Errors"
import { InstitutionId, MechanismId, PrincipalId } from "./Id"
import type * as Locale from "./Locale"
import { kernelMessages } from "./Messages"
import { Sector } from "./Sector"

/**
 * What a principal may be asked to do:
 *
 * - `coordinator`: the mechanism coordinator (the municipal Gender Equality Officer)
 * - `case-worker`: works cases for a member institution
 * - `member-representative`: represents a member institution (or deputises)
 * - `national-coordinator`: national level; aggregates only, never names
 * - `administrator`: runs the installation (tokens, plugins, settings)
 * - `auditor`: reads the audit log
 */
export const Role = Schema.Literal(
  "coordinator",
  "case-worker",
  "member-representative",
  "national-coordinator",
  "administrator",
  "auditor",
).annotations({ identifier: "Role" })

export type Role = typeof Role.Type

/**
 * Every role.
 */
export const roles: ReadonlyArray<Role> = Role.literals

/**
 * The roles that act for an institution and therefore need one.
 */
export const institutionalRoles: ReadonlyArray<Role> = ["coordinator", "case-worker", "member-representative"]

/**
 * How a principal authenticated: a person signed in, an API token, or a plugin
 * acting with the capabilities it was granted.
 */
export const Kind = Schema.Literal("user", "api-token", "plugin").annotations({ identifier: "PrincipalKind" })

export type Kind = typeof Kind.Type

/**
 * A principal. `institution` is required for the institutional roles
 * (coordinator, case worker, member representative) and optional for national
 * ones; a failed decode reports `principal.institution.required`.
 */
export const Principal = Schema.Struct({
  id: PrincipalId,
  kind: Kind,
  institution: Schema.optional(InstitutionId),
  sector: Schema.optional(Sector),
  roles: Schema.Array(Role),
  mechanisms: Schema.Array(MechanismId),
}).pipe(
  Schema.filter((p) => p.institution !== undefined || !p.roles.some((role) => institutionalRoles.includes(role)), {
    identifier: "Principal",
    message: () => "principal.institution.required",
  }),
)

export type Principal = typeof Principal.Type

/**
 * The id the platform acts under when no person does: a rule that follows an
 * event (referrals cancelled because the consent they relied on was
 * withdrawn) or scheduled work. The zero ULID, so it sorts before every real
 * id and can never be issued to anyone.
 */
export const platformId: PrincipalId = "00000000000000000000000000" as PrincipalId

/**
 * The principal of the current request, provided by the gateway (or a test) and
 * read by services and policies.
 */
export class CurrentPrincipal extends Context.Tag("@bashke/kernel/CurrentPrincipal")<CurrentPrincipal, Principal>() {}

/**
 * Whether the principal has a role.
 */
export const hasRole: {
  (role: Role): (principal: Principal) => boolean
  (principal: Principal, role: Role): boolean
} = dual(2, (principal: Principal, role: Role): boolean => principal.roles.includes(role))

/**
 * Whether the principal has at least one of the roles.
 */
export const hasAnyRole: {
  (roles: ReadonlyArray<Role>): (principal: Principal) => boolean
  (principal: Principal, roles: ReadonlyArray<Role>): boolean
} = dual(2, (principal: Principal, roles: ReadonlyArray<Role>): boolean =>
  roles.some((role) => principal.roles.includes(role)),
)

/**
 * Whether the principal belongs to a mechanism.
 */
export const belongsTo: {
  (mechanism: MechanismId): (principal: Principal) => boolean
  (principal: Principal, mechanism: MechanismId): boolean
} = dual(2, (principal: Principal, mechanism: MechanismId): boolean => principal.mechanisms.includes(mechanism))

/**
 * A refusal as a caller outside `mechanism` must see it: `effect`'s `Forbidden`
 * becomes `notFound`, so an id of another mechanism answers exactly as an
 * unknown id does and a stranger cannot learn which ids exist. Within the
 * mechanism a refusal stays `Forbidden`: it tells a member nothing they may not
 * know. `notFound` may be a function making it, called only for a stranger (an
 * error captures a stack when made, and most calls are by members).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Errors, Id, Principal } from "@bashke/kernel"
 *
 * declare const principal: Principal.Principal
 * declare const mechanismId: Id.MechanismId
 * const refused = Effect.fail(new Errors.Forbidden({ action: "case.read", rule: "policy.mechanism.not-member" }))
 * const answered = refused.pipe(
 *   Principal.concealOutside(principal, mechanismId, new Errors.NotFound({ entity: "Case", id: "…" })),
 * )
 * ```
 */
export const concealOutside =
  (principal: Principal, mechanism: MechanismId, notFound: NotFound | (() => NotFound)) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | NotFound, R> =>
    belongsTo(principal, mechanism)
      ? effect
      : (Effect.catchIf(
          effect,
          (error): error is Extract<E, Forbidden> => error instanceof Forbidden,
          // Made only when needed: an error captures a stack, and most calls are by members.
          () => Effect.fail(typeof notFound === "function" ? notFound() : notFound),
        ) as Effect.Effect<A, E | NotFound, R>)

/**
 * The current principal when it has `role`; otherwise fails with `Forbidden`
 * (`rule: "principal.role.required"`) naming `action`.
 */
export const requireRole = (role: Role, action: string): Effect.Effect<Principal, Forbidden, CurrentPrincipal> =>
  Effect.flatMap(CurrentPrincipal, (principal) =>
    hasRole(principal, role)
      ? Effect.succeed(principal)
      : Effect.fail(new Forbidden({ action, rule: "principal.role.required" })),
  )

/**
 * A role's label in `locale`.
 */
export const roleLabel = (role: Role, locale: Locale.Locale): string =>
  Catalogue.format(kernelMessages, locale, `role.${role}`)

/**
 * A principal kind's label in `locale`.
 */
export const kindLabel = (kind: Kind, locale: Locale.Locale): string =>
  Catalogue.format(kernelMessages, locale, `principal.kind.${kind}`)
