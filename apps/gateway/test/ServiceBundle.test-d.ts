// Type tests of the gateway's service bundle, checked by `pnpm typecheck`:
// routes are given services, never repositories (issue 19, point 2). No
// repository of any domain package is in the bundle: a route, runner, port or
// the demo reads through its package's service (`CaseService`, `CaseRounds`,
// `MechanismService` and `Mechanisms`, `MeetingService`, `MeetingRounds`,
// `ReferralService`, `ReferralRounds`…), and a repository added back to the
// bundle fails to compile.
import type { ActionPlanRepository, ActionPlanService } from "@bashke/action-plan"
import type {
  BreakGlassReviewRepository,
  BreakGlassReviewService,
  CaseNoteRepository,
  CaseRepository,
  CaseReviewRepository,
  CaseRounds,
  CaseTransferRepository,
  CaseworkService,
  CorrectionRepository,
  DocumentRepository,
  DocumentService,
  SafeContactRepository,
  SurvivorInformedRepository,
} from "@bashke/case"
import type { MechanismRepository, Mechanisms } from "@bashke/mechanism"
import type {
  ActionItemRepository,
  CalendarFeeds,
  MeetingRepository,
  MeetingRounds,
  MeetingService,
} from "@bashke/meeting"
import type { ReferralRepository, ReferralRounds, ReferralService } from "@bashke/referral"
import { expectTypeOf } from "vitest"
import type { GatewayServices } from "../src/Services"

type Repositories =
  | ActionPlanRepository.ActionPlanRepository
  | BreakGlassReviewRepository.BreakGlassReviewRepository
  | CaseNoteRepository.CaseNoteRepository
  | CaseRepository.CaseRepository
  | CaseReviewRepository.CaseReviewRepository
  | CaseTransferRepository.CaseTransferRepository
  | CorrectionRepository.CorrectionRepository
  | DocumentRepository.DocumentRepository
  | SafeContactRepository.SafeContactRepository
  | SurvivorInformedRepository.SurvivorInformedRepository
  | MechanismRepository.MechanismRepository
  | ActionItemRepository.ActionItemRepository
  | MeetingRepository.MeetingRepository
  | ReferralRepository.ReferralRepository

expectTypeOf<Extract<GatewayServices, Repositories>>().toBeNever()

// Any repository at all, named or not yet written: a tag whose key ends in
// `Repository` (`@bashke/<package>/<Name>Repository`, the packages' convention).
type AnyRepository = { readonly Id: `${string}Repository` }
expectTypeOf<Extract<GatewayServices, AnyRepository>>().toBeNever()
// The check sees a repository when there is one.
expectTypeOf<
  Extract<GatewayServices | CaseRepository.CaseRepository, AnyRepository>
>().toEqualTypeOf<CaseRepository.CaseRepository>()

// Each one on its own too, so that a failure names the repository.
expectTypeOf<Extract<GatewayServices, CaseRepository.CaseRepository>>().toBeNever()
expectTypeOf<Extract<GatewayServices, MechanismRepository.MechanismRepository>>().toBeNever()
expectTypeOf<Extract<GatewayServices, MeetingRepository.MeetingRepository>>().toBeNever()
expectTypeOf<Extract<GatewayServices, ActionItemRepository.ActionItemRepository>>().toBeNever()
expectTypeOf<Extract<GatewayServices, ReferralRepository.ReferralRepository>>().toBeNever()

// What replaced them: the packages' services.
expectTypeOf<
  Extract<
    GatewayServices,
    | CaseRounds.CaseRounds
    | MeetingService.MeetingService
    | MeetingRounds.MeetingRounds
    | ReferralRounds.ReferralRounds
    | Mechanisms.Mechanisms
  >
>().toEqualTypeOf<
  | CaseRounds.CaseRounds
  | MeetingService.MeetingService
  | MeetingRounds.MeetingRounds
  | ReferralRounds.ReferralRounds
  | Mechanisms.Mechanisms
>()

// The break-glass reviews, the referral lists, the calendar feeds, the case's notes, corrections,
// reviews, transfers, safe contacts, what she was told, documents, erasure and subject access, and
// the action plans are read through their services.
expectTypeOf<Extract<GatewayServices, BreakGlassReviewRepository.BreakGlassReviewRepository>>().toBeNever()
expectTypeOf<
  Extract<
    GatewayServices,
    | CaseNoteRepository.CaseNoteRepository
    | CorrectionRepository.CorrectionRepository
    | CaseReviewRepository.CaseReviewRepository
    | CaseTransferRepository.CaseTransferRepository
    | SafeContactRepository.SafeContactRepository
    | SurvivorInformedRepository.SurvivorInformedRepository
    | DocumentRepository.DocumentRepository
    | ActionPlanRepository.ActionPlanRepository
  >
>().toBeNever()
expectTypeOf<
  Extract<
    GatewayServices,
    CaseworkService.CaseworkService | DocumentService.DocumentService | ActionPlanService.ActionPlanService
  >
>().not.toBeNever()
expectTypeOf<Extract<GatewayServices, CalendarFeeds.CalendarFeedStore>>().toBeNever()
expectTypeOf<Extract<GatewayServices, BreakGlassReviewService.BreakGlassReviewService>>().not.toBeNever()
expectTypeOf<ReferralService.Service["caseReferrals"]>().toBeFunction()
expectTypeOf<ReferralService.Service["mechanismReferrals"]>().toBeFunction()
