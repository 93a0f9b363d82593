/**
 * Who may record and countersign a memorandum signature. Pure: the acting
 * principal and the mechanism decide; every denial is a `Forbidden` whose
 * `rule` is a catalogue key. The memorandum is the main gate on case data (a
 * signatory institution's people see the mechanism's cases), so:
 *
 * - a signature is recorded by an administrator, the mechanism's coordinator,
 *   or the member representative of the signing institution itself
 *   (`mechanism.memorandum.signature-recorder-required`);
 * - it counts only once an administrator or the mechanism's coordinator
 *   countersigns it (`mechanism.memorandum.countersigner-required`): a member
 *   that records its own institution's signature gains nothing until then.
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"

/**
 * Whether the principal coordinates `mechanismId`: the coordinator role, in a
 * token or session that names the mechanism.
 */
export const coordinates = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "coordinator") && Principal.belongsTo(principal, mechanismId)

/**
 * The principal, when it may record `institutionId`'s signature of a
 * memorandum of `mechanismId`.
 */
export const requireSignatureRecorder = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  institutionId: Id.InstitutionId,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  Principal.hasRole(principal, "administrator") ||
  coordinates(principal, mechanismId) ||
  (Principal.hasRole(principal, "member-representative") &&
    Principal.belongsTo(principal, mechanismId) &&
    principal.institution === institutionId)
    ? Either.right(principal)
    : Either.left(
        new Errors.Forbidden({
          action: "mechanism.memorandum.sign",
          rule: "mechanism.memorandum.signature-recorder-required",
        }),
      )

/**
 * The principal, when it may countersign a signature of a memorandum of
 * `mechanismId`: an administrator or the mechanism's coordinator.
 */
export const requireCountersigner = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  Principal.hasRole(principal, "administrator") || coordinates(principal, mechanismId)
    ? Either.right(principal)
    : Either.left(
        new Errors.Forbidden({
          action: "mechanism.memorandum.countersign",
          rule: "mechanism.memorandum.countersigner-required",
        }),
      )
