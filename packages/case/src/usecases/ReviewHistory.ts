/**
 * When each case of a mechanism was opened and reviewed, and whether it was
 * ever high-risk: what the action plan's "high-risk cases reviewed in time"
 * indicator counts (the meetings' decisions about a case are the meeting
 * package's, joined by the caller). Closed cases are included: the indicator
 * looks back over a period. Pseudonymised, so no principal is asked. Reads only.
 */
import { type Id, Span } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { CaseRepository } from "../CaseRepository"

export interface Reviewed {
  readonly caseId: Id.CaseId
  readonly openedAt: Date
  /** Assessed high at any time, or high now. */
  readonly highRisk: boolean
  /** The last recorded case-conference review, if any. */
  readonly lastReviewedAt: Date | undefined
}

/** Every case of the mechanism, open or closed. */
export const reviewHistory = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Reviewed>, never, CaseRepository> =>
  Effect.flatMap(CaseRepository, (repository) => repository.list(mechanismId, { includeClosed: true })).pipe(
    Effect.map((cases) =>
      cases.map(
        (aCase): Reviewed => ({
          caseId: aCase.id,
          openedAt: aCase.openedAt,
          highRisk:
            aCase.assessments.some((assessment) => assessment.level === "high") || Case.currentRisk(aCase) === "high",
          lastReviewedAt: aCase.lastReviewedAt,
        }),
      ),
    ),
    Span.untraced("CaseService.reviewHistory"),
  )
