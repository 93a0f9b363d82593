/**
 * Roles per mechanism, and the principal they make. A person holds roles *in a
 * mechanism* (a case worker in Gjilan's mechanism) or *for the installation*
 * (national coordinator, administrator, auditor). The access policy decides on
 * a `Principal` — one set of roles and one list of mechanisms — so a person's
 * grants must say the same thing as that pair: the same roles in every
 * mechanism they belong to. Grants that would give a role in a mechanism where
 * it was not granted are refused (`identity.grants.uneven`), never widened.
 */
import { Errors, Id, Principal } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type { Person } from "./Person"

/**
 * The roles held in a mechanism; every other role is held for the installation.
 */
export const mechanismRoles: ReadonlyArray<Principal.Role> = ["coordinator", "case-worker", "member-representative"]

/**
 * One role, in one mechanism (`null` for an installation role).
 */
export const Grant = Schema.Struct({
  role: Principal.Role,
  mechanism: Schema.NullOr(Id.MechanismId),
}).annotations({ identifier: "RoleGrant" })

export type Grant = typeof Grant.Type

const invalid = (rule: string) => new Errors.InvalidInput({ field: "grants", rule })

/**
 * Whether `grants` can be held by `person`: mechanism roles name a mechanism
 * and need an institution, installation roles name none, no grant twice, and
 * the same mechanism roles in every mechanism (see the module's note).
 */
export const check = (
  person: Pick<Person, "institution">,
  grants: ReadonlyArray<Grant>,
): Either.Either<ReadonlyArray<Grant>, Errors.InvalidInput> => {
  const seen = new Set<string>()
  const byMechanism = new Map<string, Set<Principal.Role>>()
  for (const grant of grants) {
    const inMechanism = mechanismRoles.includes(grant.role)
    if (inMechanism && grant.mechanism === null) return Either.left(invalid("identity.grant.mechanism-required"))
    if (!inMechanism && grant.mechanism !== null) return Either.left(invalid("identity.grant.installation-role"))
    if (Principal.institutionalRoles.includes(grant.role) && person.institution === undefined)
      return Either.left(invalid("identity.grant.institution-required"))
    const key = `${grant.role}\u0000${grant.mechanism ?? ""}`
    if (seen.has(key)) return Either.left(invalid("identity.grant.repeated"))
    seen.add(key)
    if (grant.mechanism !== null) {
      const roles = byMechanism.get(grant.mechanism) ?? new Set<Principal.Role>()
      roles.add(grant.role)
      byMechanism.set(grant.mechanism, roles)
    }
  }
  const sets = [...byMechanism.values()].map((roles) => [...roles].sort().join(","))
  if (new Set(sets).size > 1) return Either.left(invalid("identity.grants.uneven"))
  return Either.right(grants)
}

/**
 * The principal a person acts as: their roles (each once), the mechanisms they
 * hold a role in, their institution and sector. Kind `user`, whatever the
 * credential that proved it was them.
 */
export const principalOf = (
  person: Pick<Person, "id" | "institution" | "sector">,
  grants: ReadonlyArray<Grant>,
): Principal.Principal => {
  const roles = [...new Set(grants.map((grant) => grant.role))].sort()
  const mechanisms = [...new Set(grants.flatMap((grant) => (grant.mechanism === null ? [] : [grant.mechanism])))].sort()
  return {
    id: person.id,
    kind: "user",
    ...(person.institution === undefined ? {} : { institution: person.institution }),
    ...(person.sector === undefined ? {} : { sector: person.sector }),
    roles,
    mechanisms,
  }
}

/**
 * Whether a principal must prove a second factor at sign-in: every role but
 * the national coordinator's (aggregates only) reads case data, or can give
 * someone else the means to (an administrator's tokens).
 */
export const needsSecondFactor = (principal: Pick<Principal.Principal, "roles">): boolean =>
  principal.roles.some((role) => role !== "national-coordinator")

/**
 * Whether `actor` may administer a person holding `grants` (deactivate them,
 * later change their roles): an administrator anyone; a coordinator the people
 * whose every grant is a mechanism role in the coordinator's own mechanisms.
 * Everyone else no one.
 */
export const mayAdminister = (
  actor: Pick<Principal.Principal, "roles" | "mechanisms">,
  grants: ReadonlyArray<Grant>,
): boolean => {
  if (actor.roles.includes("administrator")) return true
  if (!actor.roles.includes("coordinator") || grants.length === 0) return false
  return grants.every((grant) => grant.mechanism !== null && actor.mechanisms.includes(grant.mechanism))
}
