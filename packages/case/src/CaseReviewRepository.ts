/**
 * The port through which a case's reviews are stored: reviews are only added.
 * The survivor's wishes and the note cross the port in the clear; the adapter
 * seals them. Database failures are defects at the adapter's edge; every
 * method joins the caller's transaction.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type { CaseReview, CaseReviewId } from "./CaseReview"

export interface Service {
  readonly insert: (review: CaseReview) => Effect.Effect<void>
  /** The case's reviews by id (oldest recorded first), after `after`, at most `limit`. */
  readonly list: (
    caseId: Id.CaseId,
    page: { readonly limit: number; readonly after?: CaseReviewId | undefined },
  ) => Effect.Effect<ReadonlyArray<CaseReview>>
}

export class CaseReviewRepository extends Context.Tag("@bashke/case/CaseReviewRepository")<
  CaseReviewRepository,
  Service
>() {}
