/**
 * Who may read a mechanism's action plans. Pure; a denial is a `Forbidden`
 * whose `rule` is a catalogue key. Plans hold no personal data: any principal
 * whose token names the mechanism, and the national coordinator (who follows
 * every municipality's implementation), read them. Writing a plan is the
 * coordinator's (`ActionPlanService`).
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"

/** Whether the principal may read the mechanism's plans. */
export const mayRead = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "national-coordinator") || Principal.belongsTo(principal, mechanismId)

/**
 * The principal, when it may list the mechanism's plans
 * (`action-plan.plan.read-denied` otherwise). A single plan is answered
 * `NotFound` instead, as an unknown id (`ActionPlanService.find`).
 */
export const requireListReader = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  mayRead(principal, mechanismId)
    ? Either.right(principal)
    : Either.left(new Errors.Forbidden({ action: "action-plan.plan.list", rule: "action-plan.plan.read-denied" }))
