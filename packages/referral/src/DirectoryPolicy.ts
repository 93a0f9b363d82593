/**
 * Who may write the service directory. The directory is shared by every
 * mechanism (a provider serves survivors whichever mechanism referred them),
 * so an entry of one institution must not be written by another: a false
 * location planted under a shelter would send survivors to an address the
 * shelter never gave. Pure; every denial is a `Forbidden` whose `rule` is a
 * catalogue key.
 *
 * - An institution's organisation entry, its locations, its services and its
 *   services' capacity are written by people acting for that institution, or
 *   by an administrator (`referral.directory.not-own-institution`); a
 *   coordinator is no exception: it writes its own institution's entries only.
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"

/**
 * What a principal writes in the directory.
 */
export type Write = "organization.register" | "location.register" | "service.register" | "capacity.report"

/**
 * Whether the principal may write an entry of `institution`: it acts for that
 * institution, or it is an administrator.
 */
export const mayWrite = (principal: Principal.Principal, institution: Id.InstitutionId): boolean =>
  Principal.hasRole(principal, "administrator") || principal.institution === institution

/**
 * The principal, when it may write an entry of `institution`
 * (`referral.directory.not-own-institution` otherwise, naming the write).
 */
export const requireWriter = (
  principal: Principal.Principal,
  institution: Id.InstitutionId,
  write: Write,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  mayWrite(principal, institution)
    ? Either.right(principal)
    : Either.left(new Errors.Forbidden({ action: `referral.${write}`, rule: "referral.directory.not-own-institution" }))
