/**
 * The ports the domain packages declare, answered by the packages that hold the
 * data. Domain packages never import each other's internals; the application
 * joins them here, through their public services only.
 */
import { ActivityActionItems, IndicatorSources } from "@bashke/action-plan"
import { CaseService, Signatories } from "@bashke/case"
import { MemberInstitutions, People } from "@bashke/identity"
import { type Id, Instant, JurisdictionProfile } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import {
  CalendarFeeds,
  CaseAccess,
  CaseSummaries,
  MechanismRoster,
  MeetingService,
  OverdueReferrals,
} from "@bashke/meeting"
import { CaseFacts, ReferralService } from "@bashke/referral"
import { IndicatorQueries } from "@bashke/reporting"
import { Effect, Layer, Option } from "effect"
import { ApiTokens } from "./ApiTokens"

/** case ← mechanism: who signed the memorandum in force, with their sectors. */
export const signatories: Layer.Layer<Signatories.Signatories, never, Mechanisms.Mechanisms> = Layer.effect(
  Signatories.Signatories,
  Effect.map(Mechanisms.Mechanisms, (mechanisms) => ({
    // One read of the mechanism (memoranda and memberships) per policy check.
    at: (mechanismId, at) =>
      Effect.map(mechanisms.signatoryMembers(mechanismId, at), (members) =>
        members.map((member) => ({ institution: member.institutionId, sector: member.sector })),
      ),
  })),
)

/** identity ← mechanism: whether an institution is a member today (who a coordinator may invite). */
export const memberInstitutions: Layer.Layer<MemberInstitutions.MemberInstitutions, never, Mechanisms.Mechanisms> =
  Layer.effect(
    MemberInstitutions.MemberInstitutions,
    Effect.map(Mechanisms.Mechanisms, (mechanisms) => ({
      isMember: (mechanismId, institutionId) =>
        Effect.flatMap(Instant.now, (now) => mechanisms.members(mechanismId, now)).pipe(
          Effect.map((members) => members.some((member) => member.institutionId === institutionId)),
          Effect.catchTag("NotFound", () => Effect.succeed(false)),
        ),
    })),
  )

/** meeting ← mechanism: the roster on a day. */
export const mechanismRoster: Layer.Layer<MechanismRoster.MechanismRoster, never, Mechanisms.Mechanisms> =
  MechanismRoster.layerFrom(Mechanisms.Mechanisms)

/** meeting ← case: the pseudonymised summaries for the agenda. */
export const caseSummaries: Layer.Layer<CaseSummaries.CaseSummaries, never, CaseService.CaseService> = Layer.effect(
  CaseSummaries.CaseSummaries,
  Effect.map(CaseService.CaseService, (cases) => ({
    // On an agenda the case is what an item is about: its id is `caseId` there.
    forMeeting: (mechanismId, at) =>
      Effect.map(cases.summaries(mechanismId, at), (summaries) =>
        summaries.map(({ id, ...summary }) => ({ ...summary, caseId: id })),
      ),
  })),
)

/**
 * meeting ← case: whether the caller may read a case whole (the case's own
 * rule, as for `GET /v1/cases/:caseId`: its full-access team; to an outsider
 * the case does not exist), and its mechanism.
 */
export const caseAccess: Layer.Layer<CaseAccess.CaseAccess, never, CaseService.CaseService> = Layer.effect(
  CaseAccess.CaseAccess,
  Effect.map(CaseService.CaseService, (cases) => ({
    readable: (caseId) =>
      Effect.map(cases.read({ caseId }), (aCase) => aCase.mechanismId).pipe(
        // A stale version cannot happen on a read; the port's refusals are these three.
        Effect.catchTag("Conflict", (conflict) => Effect.die(conflict)),
      ),
  })),
)

/** meeting ← referral: the overdue referrals for the agenda. */
export const overdueReferrals: Layer.Layer<OverdueReferrals.OverdueReferrals, never, ReferralService.ReferralService> =
  Layer.effect(
    OverdueReferrals.OverdueReferrals,
    Effect.map(ReferralService.ReferralService, (referrals) => ({
      forMechanism: (mechanismId) =>
        Effect.map(referrals.overdueFor(mechanismId), (overdue) =>
          overdue.map((item) => ({
            referralId: item.referral,
            caseId: item.case,
            to: item.to,
            service: item.service,
            step: item.step,
            due: item.due,
          })),
        ),
    })),
  )

/** referral ← case: the case's mechanism, current risk, consents and team. */
export const caseFacts: Layer.Layer<CaseFacts.CaseFacts, never, CaseService.CaseService> = Layer.effect(
  CaseFacts.CaseFacts,
  Effect.map(CaseService.CaseService, (cases) => ({
    of: (caseId) =>
      Effect.map(cases.facts(caseId), (facts) => ({
        mechanism: facts.mechanismId,
        risk: facts.risk,
        consents: facts.consents,
        team: facts.team,
      })),
  })),
)

/** action-plan ← meeting: the action items linked to plan activities (ids, due date and status only). */
export const activityActionItems: Layer.Layer<
  ActivityActionItems.ActivityActionItems,
  never,
  MeetingService.MeetingService
> = Layer.effect(
  ActivityActionItems.ActivityActionItems,
  Effect.map(MeetingService.MeetingService, (meetings) => ({
    byActivities: meetings.history.activityItems,
  })),
)

/**
 * action-plan ← case, referral, meeting: the indicators computed from the
 * system's own data, counted by `IndicatorQueries` (the definitions are there).
 * A case's reviews are its last recorded case-conference review and the held
 * meetings' decisions about it; the cadence is the mechanism's, at least the
 * profile's minimum (the profile's minimum alone for an unknown mechanism).
 */
export const indicatorSources: Layer.Layer<
  IndicatorSources.IndicatorSources,
  never,
  | CaseService.CaseService
  | ReferralService.ReferralService
  | MeetingService.MeetingService
  | MechanismRoster.MechanismRoster
> = Layer.effect(
  IndicatorSources.IndicatorSources,
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const referrals = yield* ReferralService.ReferralService
    const meetings = yield* MeetingService.MeetingService
    const rosters = yield* MechanismRoster.MechanismRoster

    const caseReviews = (mechanismId: Id.MechanismId) =>
      Effect.gen(function* () {
        const decided = new Map<string, Array<Date>>()
        for (const decision of yield* meetings.history.caseDecisions(mechanismId))
          decided.set(decision.caseId, [...(decided.get(decision.caseId) ?? []), decision.recordedAt])
        return (yield* cases.reviewHistory(mechanismId)).map(
          (aCase): IndicatorQueries.CaseReviews => ({
            openedAt: aCase.openedAt,
            highRisk: aCase.highRisk,
            reviewedAt: [
              ...(aCase.lastReviewedAt === undefined ? [] : [aCase.lastReviewedAt]),
              ...(decided.get(aCase.caseId) ?? []),
            ],
          }),
        )
      })

    return {
      measure: (query, mechanism, period) =>
        Effect.gen(function* () {
          const mechanismId = mechanism as Id.MechanismId
          const profile = yield* JurisdictionProfile.CurrentJurisdiction
          const now = yield* Instant.now
          switch (query) {
            case "high-risk-cases-reviewed-within-30-days":
              return IndicatorQueries.highRiskCasesReviewedInTime(yield* caseReviews(mechanismId), period, now, profile)
            case "referrals-acknowledged-in-time":
              return IndicatorQueries.referralsAcknowledgedInTime(
                yield* referrals.ofMechanism(mechanismId),
                period,
                now,
                profile,
              )
            case "meetings-held-vs-required": {
              const required = yield* rosters.rosterAt(mechanismId, now).pipe(
                Effect.map((roster) => MechanismRoster.requiredPerYear(roster, profile)),
                Effect.orElseSucceed(() => profile.meetings.minimumPerYear.value),
              )
              return IndicatorQueries.meetingsHeldVsRequired(
                yield* meetings.history.schedules(mechanismId),
                required,
                period,
                now,
                profile,
              )
            }
          }
        }),
    }
  }),
)

/**
 * meeting ← identity and the gateway's credentials: who a calendar feed's
 * principal is now. A person (signed in with a session when they made the
 * feed) is who the people service says while they are active; a deactivated
 * person is no one, whatever credential of theirs is left. A principal that is
 * not a person (an integration acting by API token) is what its newest token
 * not revoked says; none left, the feed answers 404.
 */
export const feedPrincipals: Layer.Layer<CalendarFeeds.FeedPrincipals, never, ApiTokens | People.People> = Layer.effect(
  CalendarFeeds.FeedPrincipals,
  Effect.gen(function* () {
    const tokens = yield* ApiTokens
    const people = yield* People.People
    const byToken = (principalId: Id.PrincipalId) =>
      Effect.map(tokens.list, (all) =>
        Option.fromNullable(
          all
            .filter((token) => token.revokedAt === null && token.principal.id === principalId)
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.principal,
        ),
      )
    return {
      resolve: (principalId) =>
        Effect.gen(function* () {
          if (yield* people.isDeactivated(principalId)) return Option.none()
          const person = yield* people.principal(principalId)
          return Option.isSome(person) ? person : yield* byToken(principalId)
        }),
    }
  }),
)
