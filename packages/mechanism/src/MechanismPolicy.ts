/**
 * Who may act on a mechanism, and who may record and countersign a memorandum
 * signature. Pure: the acting principal, the mechanism and the facts the app
 * looked up decide; every denial is a `Forbidden` whose `rule` is a catalogue
 * key (the `gateway.` keys keep the names they had when the gateway held these
 * rules: a refusal's rule is part of the HTTP contract).
 *
 * - scope: the mechanisms a principal reaches are those its token or session
 *   names, whatever its institution belongs to; roles that look across
 *   mechanisms (an administrator, the national coordinator) are let through
 *   where the caller says so (`gateway.mechanism.not-member`);
 * - stewardship (configuring it, appointing its coordinator, its lifecycle,
 *   members, memorandum versions): an administrator or the mechanism's
 *   coordinator (`gateway.mechanism.steward-required`); a member's contacts
 *   also by that institution's own people;
 * - oversight of the mechanism's case data (its case list, its overdue
 *   referrals): its coordinator or an institution that signed the memorandum
 *   in force; aggregates also for the national coordinator
 *   (`policy.memorandum.not-signatory`).
 *
 * The memorandum is the main gate on case data (a signatory institution's
 * people see the mechanism's cases), so:
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

const deny = (action: string, rule: string) => Either.left(new Errors.Forbidden({ action, rule }))

/**
 * The principal, when its token names `mechanismId` or it holds one of
 * `roles` (roles that look across mechanisms); `gateway.mechanism.not-member`
 * naming `action` otherwise.
 */
export const requireScope = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  action: string,
  roles: ReadonlyArray<Principal.Role> = [],
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  Principal.belongsTo(principal, mechanismId) || Principal.hasAnyRole(principal, roles)
    ? Either.right(principal)
    : deny(action, "gateway.mechanism.not-member")

/** The roles that read every mechanism: an administrator and the national coordinator. */
export const readersAcross: ReadonlyArray<Principal.Role> = ["administrator", "national-coordinator"]

/** Whether the principal may read the mechanism: its token names it, or it reads every mechanism. */
export const mayRead = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Either.isRight(requireScope(principal, mechanismId, "mechanism.read", readersAcross))

/** Whether the principal stewards the mechanism: an administrator, or its coordinator. */
export const stewards = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "administrator") || coordinates(principal, mechanismId)

/**
 * The principal, when it stewards the mechanism (`gateway.mechanism.steward-required`
 * naming `action` otherwise). With `institutionId`, someone acting for that
 * institution itself passes too (a member's own contacts; the mechanism service
 * checks their role and mechanism).
 */
export const requireSteward = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  action: string,
  institutionId?: Id.InstitutionId,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  (institutionId !== undefined && principal.institution === institutionId) || stewards(principal, mechanismId)
    ? Either.right(principal)
    : deny(action, "gateway.mechanism.steward-required")

/**
 * Whether {@link requireOverseer} needs to know if the principal's institution
 * signed the memorandum in force: only for a principal of an institution,
 * within the mechanism, that neither coordinates it nor (with `national`) is
 * the national coordinator. Otherwise the look-up cannot change the answer.
 */
export const asksSignatory = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  options: { readonly national?: boolean } = {},
): boolean =>
  !(options.national === true && Principal.hasRole(principal, "national-coordinator")) &&
  !coordinates(principal, mechanismId) &&
  principal.institution !== undefined &&
  Principal.belongsTo(principal, mechanismId)

/**
 * The principal, when it may see the mechanism's case data: its coordinator,
 * or (`signatory`) an institution that signed the memorandum in force, within
 * the mechanism; with `national: true` the national coordinator too
 * (aggregates only). `policy.memorandum.not-signatory` naming `action`
 * otherwise. `signatory` counts only where {@link asksSignatory} says so.
 */
export const requireOverseer = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  signatory: boolean,
  action: string,
  options: { readonly national?: boolean } = {},
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  (options.national === true && Principal.hasRole(principal, "national-coordinator")) ||
  coordinates(principal, mechanismId) ||
  (signatory && asksSignatory(principal, mechanismId, options))
    ? Either.right(principal)
    : deny(action, "policy.memorandum.not-signatory")
