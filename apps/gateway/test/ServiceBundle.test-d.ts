// Type tests of the gateway's service bundle, checked by `pnpm typecheck`:
// routes are given services, never repositories (issue 19, point 2). The
// repositories still in the bundle are named here, and only these: a route,
// runner or port that still reads one keeps it; moving that read behind its
// package's service takes it off this list, and a repository added to the
// bundle fails to compile.
import type { ActionPlanRepository, ActionPlanService } from "@bashke/action-plan"
import type {
  BreakGlassReviewRepository,
  BreakGlassReviewService,
  CaseNoteRepository,
  CaseRepository,
  CaseReviewRepository,
  CaseTransferRepository,
  CaseworkService,
  CorrectionRepository,
  DocumentRepository,
  DocumentService,
  SafeContactRepository,
  SurvivorInformedRepository,
} from "@bashke/case"
import type { MechanismRepository } from "@bashke/mechanism"
import type { ActionItemRepository, CalendarFeeds, MeetingRepository } from "@bashke/meeting"
import type { ReferralRepository, ReferralService } from "@bashke/referral"
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

/**
 * Still read outside their packages' services: the notifications' worklist and
 * scheduler rounds (`@bashke/notifications` reads the meetings, action items,
 * referrals and mechanisms), the meeting use cases as module functions, the
 * ports of `Ports.ts` and the demo.
 */
type StillInBundle =
  | CaseRepository.CaseRepository
  | MechanismRepository.MechanismRepository
  | ActionItemRepository.ActionItemRepository
  | MeetingRepository.MeetingRepository
  | ReferralRepository.ReferralRepository

expectTypeOf<Extract<GatewayServices, Repositories>>().toEqualTypeOf<StillInBundle>()

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
