/**
 * Who may send and see referrals, deny by default. Pure: the acting principal,
 * the referral and the facts the app looked up decide; every denial is a
 * `Forbidden` whose `rule` is a catalogue key (the `gateway.` keys keep the
 * names they had when the gateway held these rules: a refusal's rule is part
 * of the HTTP contract). Who moves a referral once read is the lifecycle's
 * rule (`ReferralLifecycle`: the receiver acknowledges, accepts, declines,
 * serves, completes; the sender cancels and revokes).
 *
 * - send: a principal of an institution on the case's team, in the case's
 *   mechanism (outside it the case is not found; `policy.case-team.not-member`);
 * - read one: the sending or receiving institution (a provider outside the
 *   mechanism included), an institution on the case's team, or the mechanism's
 *   coordinator (`gateway.referral.not-party`); a worker of a member
 *   institution reaches only the mechanisms their token names, as everywhere
 *   (a shelter's worker in another mechanism does not read, or move, the
 *   referrals this mechanism sent to the shelter);
 * - move one: those who may read it, and then the lifecycle's rule;
 * - a mechanism's lists: its coordinator sees every referral, another member
 *   those its institution sent or received (a caller outside the mechanism
 *   is refused by the mechanism's scope rule, `MechanismPolicy.requireScope`).
 *
 * A referral carries ids and codes only, never a name, but where a survivor was
 * referred to is itself sensitive: hence need-to-know. The facts a read needs
 * cost a look-up each, so {@link readerFactsNeeded} says which ones can change
 * the answer for this principal and referral; the others are left unasked.
 */
import type { CaseTeam } from "@bashke/case"
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Either } from "effect"
import type { Referral } from "./Referral"

const deny = (action: string, rule: string) => Either.left(new Errors.Forbidden({ action, rule }))

/** Whether the principal coordinates the mechanism (the role, in a token that names it). */
export const coordinates = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "coordinator") && Principal.belongsTo(principal, mechanismId)

/** Whether the institution is on the team (its lead or a member). */
export const onTeam = (team: CaseTeam.CaseTeam, institution: Id.InstitutionId): boolean =>
  team.lead === institution || team.members.some((member) => member.institution === institution)

/** Whether the principal's institution sent or received the referral. */
export const isParty = (principal: Principal.Principal, referral: Pick<Referral, "from" | "to">): boolean =>
  principal.institution !== undefined &&
  (principal.institution === referral.from || principal.institution === referral.to)

/** What the referral's row alone tells: its mechanism, its sender and its receiver. */
export type Parties = Pick<Referral, "mechanism" | "from" | "to">

/**
 * Whether the principal may know the referral exists: a member of its
 * mechanism, or a party to it. Every reader `mayRead` admits passes this, and
 * it needs only the referral's row: a caller who fails it is answered as for
 * an unknown id after the same single read (no steps, no mechanism's members).
 */
export const mayKnowOf = (principal: Principal.Principal, parties: Parties): boolean =>
  Principal.belongsTo(principal, parties.mechanism) || isParty(principal, parties)

/**
 * What the case the referral is for tells the policy: its mechanism and team.
 */
export interface CaseOfReferral {
  readonly mechanismId: Id.MechanismId
  readonly team: CaseTeam.CaseTeam
}

/**
 * The principal, when it may send a referral for the case: `NotFound` outside
 * the case's mechanism (as for an unknown id), `policy.case-team.not-member`
 * when its institution is not on the case's team.
 */
export const requireSender = (
  principal: Principal.Principal,
  caseId: Id.CaseId,
  aCase: CaseOfReferral,
): Either.Either<Principal.Principal, Errors.NotFound | Errors.Forbidden> => {
  if (!Principal.belongsTo(principal, aCase.mechanismId))
    return Either.left(new Errors.NotFound({ entity: "Case", id: caseId }))
  return principal.institution !== undefined && onTeam(aCase.team, principal.institution)
    ? Either.right(principal)
    : deny("referral.send", "policy.case-team.not-member")
}

/**
 * What the app looked up to decide a read. `mechanismMembers`: the member
 * institutions of the referral's mechanism today (`undefined`: unknown, or not
 * asked); `team`: the team of the referral's case (`undefined`: no such case,
 * or not asked).
 */
export interface ReaderFacts {
  readonly mechanismMembers?: ReadonlyArray<Id.InstitutionId> | undefined
  readonly team?: CaseTeam.CaseTeam | undefined
}

/**
 * Which facts can change {@link mayRead}'s answer: the mechanism's members only
 * for a party outside the mechanism (is it a provider no mechanism's token
 * names, or a member reaching outside its token?), the case's team only for a
 * member of the mechanism that is no party. A caller outside the mechanism and
 * no party needs none: it is refused in the time an unknown id takes.
 */
export const readerFactsNeeded = (
  principal: Principal.Principal,
  referral: Referral,
): { readonly mechanismMembers: boolean; readonly team: boolean } => {
  if (coordinates(principal, referral.mechanism)) return { mechanismMembers: false, team: false }
  const party = isParty(principal, referral)
  const within = Principal.belongsTo(principal, referral.mechanism)
  return { mechanismMembers: party && !within, team: !party && within && principal.institution !== undefined }
}

/**
 * Whether the principal acts for a party of the referral within reach: its
 * institution sent or received it, and its token names the referral's
 * mechanism or its institution is no member of that mechanism (a provider
 * outside it, whose people no mechanism's token names). Unknown members prove
 * nothing: deny.
 */
export const actsForParty = (
  principal: Principal.Principal,
  referral: Referral,
  mechanismMembers: ReadonlyArray<Id.InstitutionId> | undefined,
): boolean => {
  if (!isParty(principal, referral)) return false
  if (Principal.belongsTo(principal, referral.mechanism)) return true
  return mechanismMembers !== undefined && !mechanismMembers.some((member) => member === principal.institution)
}

/** Whether the principal may see the referral (see the module's rules). */
export const mayRead = (principal: Principal.Principal, referral: Referral, facts: ReaderFacts): boolean => {
  if (coordinates(principal, referral.mechanism) || actsForParty(principal, referral, facts.mechanismMembers))
    return true
  if (principal.institution === undefined || !Principal.belongsTo(principal, referral.mechanism)) return false
  return facts.team !== undefined && onTeam(facts.team, principal.institution)
}

/** The referral, when the principal may see it (`gateway.referral.not-party` otherwise, naming `action`). */
export const requireReader = (
  principal: Principal.Principal,
  referral: Referral,
  facts: ReaderFacts,
  action: string,
): Either.Either<Referral, Errors.Forbidden> =>
  mayRead(principal, referral, facts) ? Either.right(referral) : deny(action, "gateway.referral.not-party")

/**
 * Whether a referral of the mechanism is on the principal's list: every one for
 * its coordinator, those its institution sent or received for another member.
 */
export const listed = (principal: Principal.Principal, mechanismId: Id.MechanismId, referral: Referral): boolean =>
  coordinates(principal, mechanismId) || isParty(principal, referral)
