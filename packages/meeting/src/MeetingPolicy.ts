/**
 * Who may do what with a mechanism's meetings, decided from the roster on the
 * relevant date and the acting principal. Pure; every denial is a `Forbidden`
 * whose `rule` is a catalogue key.
 *
 * - the coordinator (a principal with the `coordinator` role acting for the
 *   coordinating institution) schedules, holds, minutes, cancels and records;
 * - any member institution (and the coordinator) requests ad hoc meetings and
 *   reads the meetings, agendas and calendar;
 * - an action item is closed by its owning institution or the coordinator;
 * - cadence compliance is also open to the national coordinator (aggregates only);
 * - case data — the agenda's case reviews, anniversary notices, overdue
 *   referrals and case-linked action items, decisions about a case, action
 *   items linked to a case — is for the coordinator and the institutions that
 *   signed the memorandum in force ({@link seesCaseData}); another member gets
 *   the meeting without it, so it does not learn which cases are discussed.
 */
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"
import type { Roster } from "./MechanismRoster"

const deny = (action: string, rule: string) => Either.left(new Errors.Forbidden({ action, rule }))

/**
 * Whether the principal acts as the mechanism's coordinator.
 */
export const isCoordinator = (roster: Roster, principal: Principal.Principal): boolean =>
  roster.coordinator !== undefined &&
  Principal.hasRole(principal, "coordinator") &&
  principal.institution === roster.coordinator

/**
 * Whether the principal acts for a member institution (or the coordinating one).
 */
export const isMember = (roster: Roster, principal: Principal.Principal): boolean =>
  principal.institution !== undefined &&
  (principal.institution === roster.coordinator || roster.members.includes(principal.institution))

/**
 * The principal, when it is the coordinator (`meeting.coordinator.required` otherwise).
 */
export const requireCoordinator = (
  roster: Roster,
  principal: Principal.Principal,
  action: string,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  isCoordinator(roster, principal) ? Either.right(principal) : deny(action, "meeting.coordinator.required")

/**
 * The principal's institution, when it may request an ad hoc meeting: a member
 * on the day of the request (`meeting.request.not-a-member` otherwise).
 */
export const requireRequester = (
  roster: Roster,
  principal: Principal.Principal,
): Either.Either<Id.InstitutionId, Errors.Forbidden> =>
  isMember(roster, principal) && principal.institution !== undefined
    ? Either.right(principal.institution)
    : deny("meeting.request", "meeting.request.not-a-member")

/**
 * The principal, when it acts for a member (`meeting.member.required` otherwise).
 */
export const requireMember = (
  roster: Roster,
  principal: Principal.Principal,
  action: string,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  isMember(roster, principal) ? Either.right(principal) : deny(action, "meeting.member.required")

/**
 * The principal, when it may close an action item owned by `owner`: the owner
 * institution or the coordinator (`meeting.action-item.owner-required` otherwise).
 */
export const requireOwnerOrCoordinator = (
  roster: Roster,
  principal: Principal.Principal,
  owner: Id.InstitutionId,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  principal.institution === owner || isCoordinator(roster, principal)
    ? Either.right(principal)
    : deny("meeting.action-item.update", "meeting.action-item.owner-required")

/**
 * The principal, when it may see cadence compliance: a member, or the national
 * coordinator (`meeting.member.required` otherwise).
 */
export const requireComplianceReader = (
  roster: Roster,
  principal: Principal.Principal,
): Either.Either<Principal.Principal, Errors.Forbidden> =>
  isMember(roster, principal) || Principal.hasRole(principal, "national-coordinator")
    ? Either.right(principal)
    : deny("meeting.compliance", "meeting.member.required")

/**
 * Whether the principal sees a meeting's case data: it coordinates the
 * mechanism, or acts for an institution that signed the memorandum in force on
 * the roster's day. Members that did not sign get the agenda, decisions and
 * action items without anything that names a case.
 */
export const seesCaseData = (roster: Roster, principal: Principal.Principal): boolean =>
  isCoordinator(roster, principal) ||
  (principal.institution !== undefined && roster.signatories.includes(principal.institution))
