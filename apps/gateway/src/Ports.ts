/**
 * The ports the domain packages declare, answered by the packages that hold the
 * data. Domain packages never import each other's internals; the application
 * joins them here, through their public services only.
 */
import { ActivityActionItems, IndicatorSources } from "@bashke/action-plan"
import { Case, CaseRepository, CaseService, Signatories } from "@bashke/case"
import { Errors } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import { ActionItemRepository, CaseSummaries, MechanismRoster, OverdueReferrals } from "@bashke/meeting"
import { CaseFacts, type ReferralRepository, ReferralService } from "@bashke/referral"
import { Effect, Layer, Option } from "effect"

/** case ← mechanism: who signed the memorandum in force, with their sectors. */
export const signatories: Layer.Layer<Signatories.Signatories, never, Mechanisms.Mechanisms> = Layer.effect(
  Signatories.Signatories,
  Effect.map(Mechanisms.Mechanisms, (mechanisms) => ({
    at: (mechanismId, at) =>
      Effect.gen(function* () {
        const institutions = yield* mechanisms.signatories(mechanismId, at)
        const members = yield* mechanisms.members(mechanismId, at).pipe(Effect.orElseSucceed(() => []))
        return institutions.flatMap((institution) => {
          const member = members.find((membership) => membership.institutionId === institution)
          return member === undefined ? [] : [{ institution, sector: member.sector }]
        })
      }),
  })),
)

/** meeting ← mechanism: the roster on a day. */
export const mechanismRoster: Layer.Layer<MechanismRoster.MechanismRoster, never, Mechanisms.Mechanisms> =
  MechanismRoster.layerFrom(Mechanisms.Mechanisms)

/** meeting ← case: the pseudonymised summaries for the agenda. */
export const caseSummaries: Layer.Layer<CaseSummaries.CaseSummaries, never, CaseService.CaseService> = Layer.effect(
  CaseSummaries.CaseSummaries,
  Effect.map(CaseService.CaseService, (cases) => ({
    forMeeting: (mechanismId, at) => cases.summaries(mechanismId, at),
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
            }),
        }),
      ),
  })),
)

/** action-plan ← meeting: the action items linked to plan activities. (being completed) */
export const activityActionItems: Layer.Layer<
  ActivityActionItems.ActivityActionItems,
  never,
  ActionItemRepository.ActionItemRepository
> = Layer.effect(
  ActivityActionItems.ActivityActionItems,
  Effect.map(ActionItemRepository.ActionItemRepository, () => ({
    byActivities: () => Effect.succeed([]),
  })),
)

/** action-plan ← case, referral, meeting: the indicators computed from the system's own data. (being completed) */
export const indicatorSources: Layer.Layer<
  IndicatorSources.IndicatorSources,
  never,
  CaseRepository.CaseRepository | ReferralRepository.ReferralRepository | Mechanisms.Mechanisms
> = Layer.succeed(IndicatorSources.IndicatorSources, {
  measure: () => Effect.succeed({ numerator: 0, denominator: 0 }),
})
