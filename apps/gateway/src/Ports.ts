/**
 * The ports the domain packages declare, answered by the packages that hold the
 * data. Domain packages never import each other's internals; the application
 * joins them here, through their public services only.
 */
import { ActivityActionItems, IndicatorSources } from "@bashke/action-plan"
import { Case, CaseRepository, CaseService, Signatories } from "@bashke/case"
import { MemberInstitutions, People } from "@bashke/identity"
import { Errors, type Id, Instant, JurisdictionProfile } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import {
  ActionItemRepository,
  CalendarFeeds,
  CaseSummaries,
  MechanismRoster,
  Meeting,
  MeetingRepository,
  OverdueReferrals,
} from "@bashke/meeting"
import { CaseFacts, ReferralRepository, ReferralService } from "@bashke/referral"
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

/** referral ← case: the case's mechanism, current risk and consents. */
export const caseFacts: Layer.Layer<CaseFacts.CaseFacts, never, CaseRepository.CaseRepository> = Layer.effect(
  CaseFacts.CaseFacts,
  Effect.map(CaseRepository.CaseRepository, (repository) => ({
    of: (caseId) =>
      Effect.flatMap(
        repository.find(caseId),
        Option.match({
          onNone: () => Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId })),
          onSome: (found) =>
            Effect.succeed({
              mechanism: found.mechanismId,
              risk: Case.currentRisk(found),
              consents: found.consents,
              team: found.team,
            }),
        }),
      ),
  })),
)

/** action-plan ← meeting: the action items linked to plan activities (ids, due date and status only). */
export const activityActionItems: Layer.Layer<
  ActivityActionItems.ActivityActionItems,
  never,
  ActionItemRepository.ActionItemRepository
> = Layer.effect(
  ActivityActionItems.ActivityActionItems,
  Effect.map(ActionItemRepository.ActionItemRepository, (repository) => ({
    byActivities: (activityIds) =>
      Effect.map(repository.byActivities(activityIds), (items) =>
        items.flatMap((item) =>
          item.link?._tag === "activity"
            ? [
                {
                  actionItemId: item.id,
                  meetingId: item.meetingId,
                  activityId: item.link.activityId,
                  dueDate: item.dueDate,
                  status: item.status,
                },
              ]
            : [],
        ),
      ),
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
  | CaseRepository.CaseRepository
  | ReferralRepository.ReferralRepository
  | MeetingRepository.MeetingRepository
  | MechanismRoster.MechanismRoster
> = Layer.effect(
  IndicatorSources.IndicatorSources,
  Effect.gen(function* () {
    const cases = yield* CaseRepository.CaseRepository
    const referrals = yield* ReferralRepository.ReferralRepository
    const meetings = yield* MeetingRepository.MeetingRepository
    const rosters = yield* MechanismRoster.MechanismRoster

    const caseReviews = (mechanismId: Id.MechanismId) =>
      Effect.gen(function* () {
        const held = (yield* meetings.list(mechanismId)).filter(Meeting.wasHeld)
        const decided = new Map<string, Array<Date>>()
        for (const meeting of held)
          for (const decision of yield* meetings.decisions(meeting.id))
            if (decision.caseId !== undefined)
              decided.set(decision.caseId, [...(decided.get(decision.caseId) ?? []), decision.recordedAt])
        return (yield* cases.list(mechanismId, { includeClosed: true })).map(
          (aCase): IndicatorQueries.CaseReviews => ({
            openedAt: aCase.openedAt,
            highRisk:
              aCase.assessments.some((assessment) => assessment.level === "high") || Case.currentRisk(aCase) === "high",
            reviewedAt: [
              ...(aCase.lastReviewedAt === undefined ? [] : [aCase.lastReviewedAt]),
              ...(decided.get(aCase.id) ?? []),
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
                yield* referrals.forMechanism(mechanismId),
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
                yield* meetings.list(mechanismId),
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
