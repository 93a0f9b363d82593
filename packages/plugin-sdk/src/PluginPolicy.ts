/**
 * Who may act through plugins and on what they hand to people. Pure; every
 * denial is a `Forbidden` whose `rule` is a catalogue key.
 *
 * - a plugin acts as the principal the host's configuration gives it; a plugin
 *   given none reaches no case: every capability call it makes, and the
 *   proposal of an item it queued, is refused (`policy.role.not-permitted`,
 *   action `plugin.capability`);
 * - the review queue is worked by coordinators and administrators
 *   (`policy.role.not-permitted`, naming the action);
 * - a coordinator sees the items of the mechanisms its token names (an item
 *   belongs to the mechanisms its plugin serves), an administrator every item;
 *   to anyone else an item is not found, as an unknown id.
 */
import { Errors, Principal } from "@bashke/kernel"
import { Either, Option } from "effect"

/** The refusal of a capability call by a plugin the host gives no principal. */
export const unattended = (): Errors.Forbidden =>
  new Errors.Forbidden({ action: "plugin.capability", rule: "policy.role.not-permitted" })

/** The principal settings a plugin acts with, when the host's configuration gives it some ({@link unattended} otherwise). */
export const requireActingPrincipal = <A>(configured: Option.Option<A>): Either.Either<A, Errors.Forbidden> =>
  Option.match(configured, { onNone: () => Either.left(unattended()), onSome: Either.right })

/** The roles that work the review queue. */
export const reviewerRoles: ReadonlyArray<Principal.Role> = ["coordinator", "administrator"]

/** The principal, when it works the review queue (`policy.role.not-permitted` naming `action` otherwise). */
export const requireReviewer = (
  principal: Principal.Principal,
  action: string,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  Principal.hasAnyRole(principal, reviewerRoles)
    ? Either.right(principal)
    : Either.left(new Errors.Forbidden({ action, rule: "policy.role.not-permitted" }))

/** The mechanisms whose review items the principal sees; `undefined`: every item (an administrator). */
export const reviewScope = (principal: Principal.Principal): ReadonlyArray<string> | undefined =>
  Principal.hasRole(principal, "administrator") ? undefined : principal.mechanisms

/** Whether an item of `itemMechanisms` is within `scope` ({@link reviewScope}). */
export const seesItem = (itemMechanisms: ReadonlyArray<string>, scope: ReadonlyArray<string> | undefined): boolean =>
  scope === undefined || itemMechanisms.some((mechanism) => scope.includes(mechanism))
