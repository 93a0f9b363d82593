/**
 * A review of a case at the mechanism's case conference, with the survivor's
 * voice in it: what the survivor wants (heard in person, through someone she
 * chose, or not asked — and then why not), and what the conference decided
 * (one or more outcomes, with a note). A review used to be only a timestamp;
 * now each one is kept, and the case's `lastReviewedAt` is the latest.
 *
 * The survivor's wishes and the note are free text that may name people:
 * sealed at rest, read by the case team's full-access members, every read
 * audited (`CaseReviews`).
 */
import { Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * The id of a review.
 */
export const CaseReviewId: Id.IdSchema<"CaseReviewId"> = Id.make("CaseReviewId")

export type CaseReviewId = typeof CaseReviewId.Type

/**
 * How the survivor's wishes reached the review: from her (`in-person`, by
 * phone included), through someone she chose (`through-representative`: an
 * advocate, a shelter worker), or `not-asked` (her wishes then say why).
 */
export const WishesHeard = Schema.Literal("in-person", "through-representative", "not-asked").annotations({
  identifier: "WishesHeard",
  message: () => ({ message: "case.review.wishes-heard.unknown", override: true }),
})

export type WishesHeard = typeof WishesHeard.Type

const text = (required: string, tooLong: string) =>
  Schema.String.pipe(
    Schema.filter((value) => value.trim().length > 0, { message: () => required }),
    Schema.filter((value) => value.length <= 4_000, { message: () => tooLong }),
  )

/**
 * What the survivor wants, in her words as the case worker wrote them down
 * (or why she was not asked): not blank, at most 4,000 characters.
 */
export const Wishes = text("case.review.wishes.required", "case.review.wishes.too-long").annotations({
  identifier: "SurvivorWishes",
})

/**
 * What a review decided (labels `case.review.outcome.<outcome>`).
 */
export const Outcome = Schema.Literal(
  "continue-monitoring",
  "safety-plan-updated",
  "risk-reassessment",
  "referral",
  "protection-order",
  "team-changed",
  "escalated",
  "closure-proposed",
  "other",
).annotations({
  identifier: "CaseReviewOutcome",
  message: () => ({ message: "case.review.outcome.unknown", override: true }),
})

export type Outcome = typeof Outcome.Type

/**
 * The conference's note on its outcome: not blank, at most 4,000 characters.
 */
export const OutcomeNote = text("case.review.note.required", "case.review.note.too-long").annotations({
  identifier: "CaseReviewNote",
})

/**
 * A review: when the conference reviewed the case (`reviewedAt`), the
 * survivor's wishes and how they were heard, the outcomes and an optional
 * note, and who recorded it when.
 */
export const CaseReview = Schema.Struct({
  id: CaseReviewId,
  caseId: Id.CaseId,
  reviewedAt: Instant,
  wishesHeard: WishesHeard,
  wishes: Wishes,
  outcomes: Schema.NonEmptyArray(Outcome),
  note: Schema.optional(OutcomeNote),
  recordedBy: Id.PrincipalId,
  institution: Id.InstitutionId,
  recordedAt: Instant,
}).annotations({ identifier: "CaseReview" })

export type CaseReview = typeof CaseReview.Type

/**
 * A review without the survivor's wishes and the note: the answer to
 * recording one (answers are kept for retries in the clear).
 */
export const Receipt = CaseReview.pipe(Schema.omit("wishes", "note")).annotations({ identifier: "CaseReviewReceipt" })

export type Receipt = typeof Receipt.Type

/**
 * The rules on a review of a case opened at `openedAt`: it happened after
 * the case was opened and not after it was recorded
 * (`case.review.date-out-of-range`, field `at`), and no outcome is given
 * twice (`case.review.outcome.duplicate`, field `outcomes`).
 */
export const validate = (
  review: CaseReview,
  aCase: { readonly openedAt: Date },
): Either.Either<CaseReview, Errors.InvalidInput> => {
  const at = review.reviewedAt.getTime()
  if (at < aCase.openedAt.getTime() || at > review.recordedAt.getTime())
    return Either.left(new Errors.InvalidInput({ field: "at", rule: "case.review.date-out-of-range" }))
  if (new Set(review.outcomes).size !== review.outcomes.length)
    return Either.left(new Errors.InvalidInput({ field: "outcomes", rule: "case.review.outcome.duplicate" }))
  return Either.right(review)
}

/**
 * The latest of a case's reviews by when they were held: the case's
 * `lastReviewedAt` after recording `review` (a review recorded late for an
 * earlier conference does not move it back).
 */
export const lastReviewedAt = (previous: Date | undefined, review: Pick<CaseReview, "reviewedAt">): Date =>
  previous === undefined || review.reviewedAt.getTime() > previous.getTime() ? review.reviewedAt : previous
