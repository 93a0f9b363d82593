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
 *
 * @since 0.1.0
 */
import { Errors, Id } from "@bashke/kernel"
import { BreakGlass } from "@bashke/security"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * The id of a review.
 *
 * @since 0.1.0
 */
export const BreakGlassReviewId: Id.IdSchema<"BreakGlassReviewId"> = Id.make("BreakGlassReviewId")

/**
 * @since 0.1.0
 */
export type BreakGlassReviewId = typeof BreakGlassReviewId.Type

/**
 * The coordinator's verdict on a break-glass read.
 *
 * @since 0.1.0
 */
export const Verdict = Schema.Literal("justified", "unjustified").annotations({
  identifier: "BreakGlassVerdict",
  message: () => ({ message: "case.break-glass.verdict.unknown", override: true }),
})

/**
 * @since 0.1.0
 */
export type Verdict = typeof Verdict.Type

/**
 * A review: the read it is about, and once closed the verdict, who gave it
 * and when.
 *
 * @since 0.1.0
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

/**
 * @since 0.1.0
 */
export type BreakGlassReview = typeof BreakGlassReview.Type

/**
 * Whether the review still waits for a verdict.
 *
 * @since 0.1.0
 */
export const isOpen = (review: Pick<BreakGlassReview, "verdict">): boolean => review.verdict === undefined

/**
 * The review closed with `verdict` by `by` at `at`. A review is closed once:
 * a second verdict is a `Conflict` (`case.break-glass.review-closed`), so the
 * first stands.
 *
 * @since 0.1.0
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
 *
 * @since 0.1.0
 */
export const verdictLabelKey = (verdict: Verdict): `case.break-glass.verdict.${Verdict}` =>
  `case.break-glass.verdict.${verdict}`
