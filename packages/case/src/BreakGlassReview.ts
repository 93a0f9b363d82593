/**
 * A break-glass read waiting for the coordinator's verdict. Every successful
 * break-glass read of identifying details puts one on the mechanism's review
 * list — who read whose details in which case, when, with which reason code
 * and written reason — and raises an alert (`case.break-glass.alert`) for the
 * coordinator and the case lead. The coordinator closes it with a verdict:
 * `justified`, or `unjustified` (the institution's management and data
 * protection officer take it from there; the verdict is announced on the
 * outbox as `case.break-glass.reviewed`).
 *
 * The written reason is free text that may name people: it is stored sealed,
 * and reading the list is audited.
 */
import { Errors, Id } from "@bashke/kernel"
import { BreakGlass } from "@bashke/security"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * The id of a review.
 */
export const BreakGlassReviewId: Id.IdSchema<"BreakGlassReviewId"> = Id.make("BreakGlassReviewId")

export type BreakGlassReviewId = typeof BreakGlassReviewId.Type

/**
 * The coordinator's verdict on a break-glass read.
 */
export const Verdict = Schema.Literal("justified", "unjustified").annotations({
  identifier: "BreakGlassVerdict",
  message: () => ({ message: "case.break-glass.verdict.unknown", override: true }),
})

export type Verdict = typeof Verdict.Type

/**
 * A review: the read it is about, and once closed the verdict, who gave it
 * and when.
 */
export const BreakGlassReview = Schema.Struct({
  id: BreakGlassReviewId,
  mechanismId: Id.MechanismId,
  caseId: Id.CaseId,
  personId: Id.PersonId,
  principalId: Id.PrincipalId,
  institutionId: Id.InstitutionId,
  code: BreakGlass.ReasonCode,
  reason: Schema.String,
  readAt: Instant,
  verdict: Schema.optional(Verdict),
  reviewedBy: Schema.optional(Id.PrincipalId),
  reviewedAt: Schema.optional(Instant),
}).annotations({ identifier: "BreakGlassReview" })

export type BreakGlassReview = typeof BreakGlassReview.Type

/**
 * Whether the review still waits for a verdict.
 */
export const isOpen = (review: Pick<BreakGlassReview, "verdict">): boolean => review.verdict === undefined

/**
 * The review closed with `verdict` by `by` at `at`. A review is closed once:
 * a second verdict is a `Conflict` (`case.break-glass.review-closed`), so the
 * first stands.
 */
export const close = (
  review: BreakGlassReview,
  verdict: Verdict,
  by: Id.PrincipalId,
  at: Date,
): Either.Either<BreakGlassReview, Errors.Conflict> =>
  isOpen(review)
    ? Either.right({ ...review, verdict, reviewedBy: by, reviewedAt: at })
    : Either.left(
        new Errors.Conflict({ entity: "BreakGlassReview", id: review.id, rule: "case.break-glass.review-closed" }),
      )

/**
 * The catalogue key of a verdict's label.
 */
export const verdictLabelKey = (verdict: Verdict): `case.break-glass.verdict.${Verdict}` =>
  `case.break-glass.verdict.${verdict}`
