/**
 * The use cases of case reviews: record the conference's review of a case —
 * the survivor's wishes and how they were heard, the outcomes and a note —
 * and list a case's reviews.
 *
 * - Recording is the access policy's `case.write` (the case team) on an open
 *   case, naming the case version it was decided on (a stale one is a 412);
 *   the review must fall between the case's opening and now
 *   (`CaseReview.validate`). The case's `lastReviewedAt` moves to the latest
 *   review. Outside the case's mechanism a refusal is a `NotFound`, as for an
 *   unknown case (the route answered so before reviews were kept).
 * - Listing is the case team's full-access members'
 *   (`policy.access.summary-only`): her wishes are her words.
 *
 * Recording commits the case's new version, the review (wishes and note
 * sealed), its audit entry (a write about the victim) and the outbox event
 * `case.case.reviewed` (ids, the instant and the outcome codes) together;
 * every review listed is an audited read of the victim's data.
 */
import { Cursor, Errors, Id, Pagination, Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { aggregateType } from "./CaseEvents"
import { CaseRepository } from "./CaseRepository"
import * as CaseReview from "./CaseReview"
import { CaseReviewRepository } from "./CaseReviewRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import { Instant } from "./internal/Instant"
import * as PageCursor from "./internal/PageCursor"

/**
 * Input of {@link record}: when the conference reviewed the case (now when
 * absent), the survivor's wishes and how they were heard, the outcomes and a
 * note.
 */
export const RecordReview = Schema.Struct({
  caseId: Id.CaseId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  at: Schema.optional(Instant),
  wishesHeard: CaseReview.WishesHeard,
  wishes: CaseReview.Wishes,
  outcomes: Schema.NonEmptyArray(CaseReview.Outcome),
  note: Schema.optional(CaseReview.OutcomeNote),
})

/**
 * The decoded command {@link record} takes (decode untrusted input with
 * `RecordReview` first: the gateway does, once).
 */
export type RecordReview = typeof RecordReview.Type

/**
 * Input of {@link list}.
 */
export const ListReviews = Schema.Struct({
  caseId: Id.CaseId,
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type ListReviews = typeof ListReviews.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | CaseReviewRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (authorized: CaseAuthority.Authorized, action: "read" | "write"): AuditEntry.Draft => {
  const victim = authorized.aCase.persons.find((person) => person.role === "victim")
  return {
    ...AuditEntry.actor(authorized.principal),
    mechanismId: authorized.aCase.mechanismId,
    caseId: authorized.aCase.id,
    ...(victim === undefined ? {} : { personId: victim.id }),
    action,
    purpose: "case-management",
  }
}

/** `CaseAuthority.authorize`, a refusal outside the case's mechanism answered as an unknown case. */
const authorizeConcealed = (caseId: Id.CaseId, action: "case.write" | "case.summary.read") =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const mechanism = yield* Effect.flatMap(CaseRepository, (cases) => cases.mechanismOf(caseId))
    const notFound = new Errors.NotFound({ entity: "Case", id: caseId })
    if (mechanism._tag === "None" || !Principal.belongsTo(principal, mechanism.value)) return yield* notFound
    return yield* CaseAuthority.authorize(caseId, action)
  })

/**
 * A team member records the conference's review of the case. Fails with
 * `NotFound`, `Forbidden`, `InvalidInput` (the field named: `at`,
 * `wishesHeard`, `wishes`, `outcomes`, `note`; a closed case) or `Conflict`
 * (`version.stale`).
 */
export const record = (
  command: RecordReview,
): Effect.Effect<CaseReview.CaseReview, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    // Checked, not decoded again: the version comes from the caller's If-Match,
    // not from the body it decoded, and must still be a version (1 or more).
    const input = yield* decode(Schema.typeSchema(RecordReview))(command)
    const authorized = yield* authorizeConcealed(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    const review = yield* CaseReview.validate(
      {
        id: yield* CaseReview.CaseReviewId.generate,
        caseId: input.caseId,
        reviewedAt: input.at ?? authorized.at,
        wishesHeard: input.wishesHeard,
        wishes: input.wishes,
        outcomes: input.outcomes,
        ...(input.note === undefined ? {} : { note: input.note }),
        recordedBy: authorized.principal.id,
        institution,
        recordedAt: authorized.at,
      },
      authorized.aCase,
    )
    const cases = yield* CaseRepository
    const reviews = yield* CaseReviewRepository
    const audit = yield* AuditLog.AuditLog
    const { aCase } = authorized
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* cases.update(
          { ...aCase, lastReviewedAt: CaseReview.lastReviewedAt(aCase.lastReviewedAt, review) },
          input.expectedVersion,
        )
        yield* reviews.insert(review)
        yield* audit.append(entry(authorized, "write")).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: "case.case.reviewed",
          aggregateType,
          aggregateId: aCase.id,
          payload: {
            caseId: aCase.id,
            mechanismId: aCase.mechanismId,
            reviewId: review.id,
            reviewedAt: review.reviewedAt.toISOString(),
            wishesHeard: review.wishesHeard,
            outcomes: review.outcomes,
          },
        })
      }),
    )
    return review
  }).pipe(Span.untraced("CaseReviews.record"))

/**
 * The case's reviews, oldest recorded first, a page at a time, for its
 * full-access members; each one shown is audited. Fails with `NotFound`,
 * `Forbidden` (`policy.access.summary-only`) or `InvalidInput`.
 */
export const list = (raw: ListReviews): Effect.Effect<Pagination.Page<CaseReview.CaseReview>, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ListReviews)(raw)
    const after = yield* PageCursor.afterId(CaseReview.CaseReviewId, input.after)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.summary.read")
    if (authorized.member?.access !== "full")
      return yield* new Errors.Forbidden({ action: "case.summary.read", rule: "policy.access.summary-only" })
    const rows = yield* Effect.flatMap(CaseReviewRepository, (reviews) =>
      reviews.list(input.caseId, { limit: input.limit + 1, after }),
    )
    const page = Pagination.paginate(rows, input.limit, (review) => [review.id])
    if (page.items.length > 0) {
      const audit = yield* AuditLog.AuditLog
      yield* Transaction.run(
        Effect.forEach(page.items, () => audit.append(entry(authorized, "read")).pipe(Effect.orDie), {
          discard: true,
        }),
      )
    }
    return page
  }).pipe(Span.untraced("CaseReviews.list"))
