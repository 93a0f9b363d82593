/**
 * Who may send and see referrals. The referral package decides who moves a
 * referral (the receiver acknowledges, accepts, declines, serves, completes;
 * the sender cancels and revokes) but not who may send one or read one, so the
 * gateway does, deny by default:
 *
 * - send: a principal of an institution on the case's team, in the case's
 *   mechanism (outside it the case is not found; `policy.case-team.not-member`);
 * - read one: the sending or receiving institution (a provider outside the
 *   mechanism included), an institution on the case's team, or the mechanism's
 *   coordinator (`gateway.referral.not-party`); a worker of a member
 *   institution reaches only the mechanisms their token names, as everywhere
 *   (a shelter's worker in another mechanism does not read, or move, the
 *   referrals this mechanism sent to the shelter: to them the referral is
 *   not found, as an unknown id);
 * - move one: those who may read it, and then the package's rule;
 * - a mechanism's lists: its coordinator sees every referral, another member
 *   those its institution sent or received;
 * - a mechanism's overdue referrals: its coordinator and the institutions that
 *   signed the memorandum in force (as for the mechanism's case list);
 * - response times (aggregates): those, and the national coordinator.
 *
 * A referral carries ids and codes only, never a name, but where a survivor was
 * referred to is itself sensitive: hence need-to-know.
 */
import { type Case, CaseRepository, type CaseTeam } from "@bashke/case"
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import type { Referral } from "@bashke/referral"
import { Clock, Effect, Option } from "effect"

/** Whether the principal coordinates the mechanism. */
export const coordinates = (principal: Principal.Principal, mechanismId: Id.MechanismId): boolean =>
  Principal.hasRole(principal, "coordinator") && Principal.belongsTo(principal, mechanismId)

/** Whether the institution is on the team (its lead or a member). */
export const onTeam = (team: CaseTeam.CaseTeam, institution: Id.InstitutionId): boolean =>
  team.lead === institution || team.members.some((member) => member.institution === institution)

/** Whether the principal's institution sent or received the referral. */
export const isParty = (principal: Principal.Principal, referral: Referral.Referral): boolean =>
  principal.institution !== undefined &&
  (principal.institution === referral.from || principal.institution === referral.to)

const caseTeam = (caseId: Id.CaseId): Effect.Effect<Case.Case, Errors.NotFound, CaseRepository.CaseRepository> =>
  Effect.flatMap(CaseRepository.CaseRepository, (cases) =>
    Effect.flatMap(
      cases.find(caseId),
      Option.match({
        onNone: () => Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId })),
        onSome: (found) => Effect.succeed(found),
      }),
    ),
  )

/** The principal may send a referral for the case; `NotFound` for an unknown case. */
export const requireSender = (
  caseId: Id.CaseId,
): Effect.Effect<
  void,
  Errors.NotFound | Errors.Forbidden,
  CaseRepository.CaseRepository | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const aCase = yield* caseTeam(caseId)
    // Outside the case's mechanism the case does not exist, as for an unknown id.
    if (!Principal.belongsTo(principal, aCase.mechanismId))
      return yield* new Errors.NotFound({ entity: "Case", id: caseId })
    if (principal.institution === undefined || !onTeam(aCase.team, principal.institution))
      return yield* new Errors.Forbidden({ action: "referral.send", rule: "policy.case-team.not-member" })
  })

/**
 * Whether the principal acts for a party of the referral within reach: its
 * institution sent or received it, and its token names the referral's
 * mechanism or its institution is no member of that mechanism (a provider
 * outside it, whose people no mechanism's token names).
 */
export const actsForParty = (
  referral: Referral.Referral,
): Effect.Effect<boolean, never, Mechanisms.Mechanisms | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    if (!isParty(principal, referral)) return false
    if (Principal.belongsTo(principal, referral.mechanism)) return true
    const now = new Date(yield* Clock.currentTimeMillis)
    const members = yield* (yield* Mechanisms.Mechanisms)
      .members(referral.mechanism, now)
      .pipe(Effect.orElseSucceed(() => undefined))
    // An unknown mechanism proves nothing: deny.
    return members !== undefined && !members.some((member) => member.institutionId === principal.institution)
  })

/** Whether the principal may see this referral (see the module's rules). */
export const canRead = (
  referral: Referral.Referral,
): Effect.Effect<boolean, never, CaseRepository.CaseRepository | Mechanisms.Mechanisms | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    if (coordinates(principal, referral.mechanism) || (yield* actsForParty(referral))) return true
    if (principal.institution === undefined || !Principal.belongsTo(principal, referral.mechanism)) return false
    const found = yield* Effect.flatMap(CaseRepository.CaseRepository, (cases) => cases.find(referral.case))
    return Option.isSome(found) && onTeam(found.value.team, principal.institution)
  })

/** The referral, if the principal may see it (`gateway.referral.not-party` otherwise). */
export const requireReader = (
  referral: Referral.Referral,
  action: string,
): Effect.Effect<
  Referral.Referral,
  Errors.Forbidden,
  CaseRepository.CaseRepository | Mechanisms.Mechanisms | Principal.CurrentPrincipal
> =>
  Effect.flatMap(canRead(referral), (allowed) =>
    allowed
      ? Effect.succeed(referral)
      : Effect.fail(new Errors.Forbidden({ action, rule: "gateway.referral.not-party" })),
  )

/**
 * {@link requireReader}, but a caller outside the referral's mechanism who is no
 * party to it is refused at once, before the case is looked up: in the time an
 * unknown id takes (the route turns that refusal into its 404).
 */
export const requireReaderWithin = (
  referral: Referral.Referral,
  action: string,
): Effect.Effect<
  Referral.Referral,
  Errors.Forbidden,
  CaseRepository.CaseRepository | Mechanisms.Mechanisms | Principal.CurrentPrincipal
> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Principal.belongsTo(principal, referral.mechanism) || isParty(principal, referral)
      ? requireReader(referral, action)
      : Effect.fail(new Errors.Forbidden({ action, rule: "gateway.referral.not-party" })),
  )

/** The principal belongs to the mechanism (`gateway.mechanism.not-member` otherwise). */
export const requireMember = (
  mechanismId: Id.MechanismId,
  action: string,
): Effect.Effect<Principal.Principal, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Principal.belongsTo(principal, mechanismId)
      ? Effect.succeed(principal)
      : Effect.fail(new Errors.Forbidden({ action, rule: "gateway.mechanism.not-member" })),
  )

/**
 * The mechanism's coordinator or a signatory of its memorandum in force
 * (`policy.memorandum.not-signatory`); with `national: true` the national
 * coordinator too (aggregates only).
 */
export const requireOverseer = (
  mechanismId: Id.MechanismId,
  action: string,
  options: { readonly national?: boolean } = {},
): Effect.Effect<void, Errors.Forbidden, Mechanisms.Mechanisms | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    if (options.national === true && Principal.hasRole(principal, "national-coordinator")) return
    if (coordinates(principal, mechanismId)) return
    const now = new Date(yield* Clock.currentTimeMillis)
    const signatory =
      principal.institution !== undefined &&
      Principal.belongsTo(principal, mechanismId) &&
      (yield* (yield* Mechanisms.Mechanisms).isSignatory(mechanismId, principal.institution, now))
    if (!signatory) return yield* new Errors.Forbidden({ action, rule: "policy.memorandum.not-signatory" })
  })
