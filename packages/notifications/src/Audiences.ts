/**
 * Whether a principal belongs to an audience — the same rule the `Recipients`
 * port applies to people, applied to the principal of a request, so that a
 * person's worklist shows exactly what they are told: an `Institution`
 * audience is everyone acting for that institution in the mechanism with an
 * institutional role, `Coordinator` the mechanism's coordinators.
 */
import { type Due, type Id, Principal } from "@bashke/kernel"

/**
 * Whether `principal` is in `audience` within `mechanism`.
 */
export const includes = (
  principal: Principal.Principal,
  mechanism: Id.MechanismId,
  audience: Due.Audience,
): boolean => {
  if (!Principal.belongsTo(principal, mechanism)) return false
  if (audience._tag === "Coordinator") return Principal.hasRole(principal, "coordinator")
  return principal.institution === audience.institution && Principal.hasAnyRole(principal, Principal.institutionalRoles)
}
