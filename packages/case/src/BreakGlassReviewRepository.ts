/**
 * The port through which break-glass reviews are stored. Methods fail only
 * with the kernel's domain errors; database failures are defects at the
 * adapter's edge. Every method joins the caller's transaction.
 */
import type { Errors, Id } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type { BreakGlassReview, BreakGlassReviewId } from "./BreakGlassReview"

export interface Service {
  /** Stores a new, open review (its reason sealed). */
  readonly insert: (review: BreakGlassReview) => Effect.Effect<void>
  readonly find: (id: BreakGlassReviewId) => Effect.Effect<Option.Option<BreakGlassReview>>
  /**
   * The mechanism's reviews, oldest read first (by read time, then id): the
   * open ones only with `open: true`, the closed ones with `open: false`, every
   * one without; only those after `after` and at most `limit` when given (a
   * keyset page, in SQL).
   */
  readonly list: (
    mechanismId: Id.MechanismId,
    options?: {
      readonly open?: boolean | undefined
      readonly after?: { readonly readAt: Date; readonly id: BreakGlassReviewId } | undefined
      readonly limit?: number | undefined
    },
  ) => Effect.Effect<ReadonlyArray<BreakGlassReview>>
  /**
   * Records the verdict of a review still open; `Conflict`
   * (`case.break-glass.review-closed`) when a verdict was recorded meanwhile.
   */
  readonly close: (review: BreakGlassReview) => Effect.Effect<void, Errors.Conflict>
}

export class BreakGlassReviewRepository extends Context.Tag("@bashke/case/BreakGlassReviewRepository")<
  BreakGlassReviewRepository,
  Service
>() {}
