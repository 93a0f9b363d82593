/**
 * Who may see which figures, as a pure rule:
 *
 * - every mechanism's figures (national scope): the national coordinator;
 * - one mechanism's figures: the national coordinator, or a coordinator of
 *   that mechanism;
 * - figures with nothing hidden (`internal`): only a coordinator of the
 *   mechanism, for that mechanism — anything that leaves a mechanism has its
 *   small cells hidden.
 *
 * A refusal is `Forbidden` naming the rule (`reporting.scope.national-role-required`,
 * `reporting.scope.not-member`, `reporting.disclosure.internal-not-allowed`).
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"
import type { Disclosure } from "./ReportRequest"

/**
 * The action named in a refusal.
 */
export const action = "reporting.report.read"

const forbidden = (rule: string) => Either.left(new Errors.Forbidden({ action, rule }))

const coordinates = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "coordinator") && Principal.belongsTo(principal, mechanismId)

/**
 * Whether the principal may see figures of the scope with that disclosure.
 */
export const authorize = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId | undefined,
  disclosure: Disclosure,
): Either.Either<void, Errors.Forbidden> => {
  if (mechanismId === undefined) {
    if (disclosure === "internal") return forbidden("reporting.disclosure.internal-not-allowed")
    return Principal.hasRole(principal, "national-coordinator")
      ? Either.void
      : forbidden("reporting.scope.national-role-required")
  }
  if (disclosure === "internal")
    return coordinates(principal, mechanismId) ? Either.void : forbidden("reporting.disclosure.internal-not-allowed")
  return coordinates(principal, mechanismId) || Principal.hasRole(principal, "national-coordinator")
    ? Either.void
    : forbidden("reporting.scope.not-member")
}
