/**
 * The coordinator's review of break-glass reads: the mechanism's list (open
 * reviews, closed ones, or all) and the verdict that closes one. Both are the
 * access policy's `break-glass.review` on the mechanism: its coordinator only.
 *
 * Reading the list opens each review's written reason (sealed free text that
 * may name people): the read is audited, one entry per review shown (purpose
 * `audit`, with its case and person). A verdict is written once, with an audit
 * entry and the outbox event `case.break-glass.reviewed` (ids and codes only),
 * in one transaction; a refused command writes nothing.
 */
import { Cursor, Errors, Id, Instant, Pagination, Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AccessPolicy, AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import * as BreakGlassReview from "./BreakGlassReview"
import { BreakGlassReviewRepository } from "./BreakGlassReviewRepository"
import { aggregateType } from "./CaseEvents"
import { decode } from "./internal/Input"
import { Signatories } from "./Signatories"

/**
 * Input of {@link list}: the mechanism, and which reviews (`open`: those
 * waiting for a verdict; `closed`: those with one; all when absent).
 */
export const ListReviews = Schema.Struct({
  mechanismId: Id.MechanismId,
  status: Schema.optional(Schema.Literal("open", "closed")),
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  /** The `next` cursor of the previous page. */
  after: Schema.optional(Cursor.Cursor),
})

export type ListReviews = typeof ListReviews.Encoded

/**
 * Input of {@link close}: the review and the verdict.
 */
export const CloseReview = Schema.Struct({
  reviewId: BreakGlassReview.BreakGlassReviewId,
  verdict: BreakGlassReview.Verdict,
})

export type CloseReview = typeof CloseReview.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | BreakGlassReviewRepository
  | Signatories
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

/** The principal, once the policy lets it review the mechanism's break-glass reads. */
const reviewer = (mechanismId: Id.MechanismId) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const signatories = yield* Effect.flatMap(Signatories, (port) => port.at(mechanismId, at))
    yield* AccessPolicy.enforce(
      principal,
      "break-glass.review",
      { _tag: "Mechanism", mechanismId, signatories: signatories.map((signatory) => signatory.institution) },
      at,
    )
    return { principal, at }
  })

const entry = (
  principal: Principal.Principal,
  review: BreakGlassReview.BreakGlassReview,
  action: "read" | "write",
): AuditEntry.Draft => ({
  ...AuditEntry.actor(principal),
  mechanismId: review.mechanismId,
  caseId: review.caseId,
  personId: review.personId,
  action,
  purpose: "audit",
})

/** A review's place in the list: read time (milliseconds), then id. */
const reviewKey = (review: BreakGlassReview.BreakGlassReview): Cursor.Key => [review.readAt.getTime(), review.id]

/** The review a cursor names the place of; `pagination.cursor.malformed` when it names none. */
const afterReview = (cursor: string | undefined) =>
  cursor === undefined
    ? Effect.succeed(undefined)
    : Effect.flatMap(Cursor.decode(cursor), (key) => {
        const [at, id] = key
        return typeof at === "number" && Number.isFinite(at) && key.length === 2
          ? Schema.decodeUnknown(BreakGlassReview.BreakGlassReviewId)(id).pipe(
              Effect.map((reviewId) => ({ readAt: new Date(at), id: reviewId })),
              Effect.mapError(() => new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })),
            )
          : Effect.fail(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }))
      })

/**
 * A page of the mechanism's break-glass reviews, oldest read first, for its
 * coordinator, paged in SQL by keyset; only the reviews on the page are
 * audited as read. Fails with `Forbidden`
 * (`policy.break-glass.review-coordinator-only`, or an earlier policy rule) or
 * `InvalidInput`.
 */
export const list = (
  raw: ListReviews,
): Effect.Effect<
  Pagination.Page<BreakGlassReview.BreakGlassReview>,
  Errors.Forbidden | Errors.InvalidInput,
  Requirements
> =>
  Effect.gen(function* () {
    const input = yield* decode(ListReviews)(raw)
    const after = yield* afterReview(input.after)
    const { principal } = yield* reviewer(input.mechanismId)
    const repository = yield* BreakGlassReviewRepository
    // One more than the page: `paginate` tells from it whether a next page exists.
    const rows = yield* repository.list(input.mechanismId, {
      ...(input.status === undefined ? {} : { open: input.status === "open" }),
      after,
      limit: input.limit + 1,
    })
    const page = Pagination.paginate(rows, input.limit, reviewKey)
    const audit = yield* AuditLog.AuditLog
    if (page.items.length > 0)
      yield* Transaction.run(
        Effect.forEach(page.items, (review) => audit.append(entry(principal, review, "read")).pipe(Effect.orDie), {
          discard: true,
        }),
      )
    return page
  }).pipe(Span.untraced("BreakGlassReviews.list"))

/**
 * The coordinator closes a review with a verdict. Fails with `NotFound` (an
 * unknown review, or one of a mechanism the principal does not review),
 * `Forbidden`, `InvalidInput` (`case.break-glass.verdict.unknown`) or
 * `Conflict` (`case.break-glass.review-closed`).
 */
export const close = (
  raw: CloseReview,
): Effect.Effect<
  BreakGlassReview.BreakGlassReview,
  Errors.Forbidden | Errors.InvalidInput | Errors.NotFound | Errors.Conflict,
  Requirements
> =>
  Effect.gen(function* () {
    const input = yield* decode(CloseReview)(raw)
    const repository = yield* BreakGlassReviewRepository
    const found = yield* repository.find(input.reviewId)
    if (Option.isNone(found))
      return yield* Effect.fail(new Errors.NotFound({ entity: "BreakGlassReview", id: input.reviewId }))
    const { principal, at } = yield* reviewer(found.value.mechanismId)
    const closed = yield* BreakGlassReview.close(found.value, input.verdict, principal.id, at)
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.close(closed)
        yield* audit.append(entry(principal, closed, "write")).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: "case.break-glass.reviewed",
          aggregateType,
          aggregateId: closed.caseId,
          payload: {
            caseId: closed.caseId,
            mechanismId: closed.mechanismId,
            reviewId: closed.id,
            verdict: input.verdict,
            principalId: closed.principalId,
            institutionId: closed.institutionId,
            reviewedBy: principal.id,
          },
        })
        return closed
      }),
    )
  }).pipe(Span.untraced("BreakGlassReviews.close"))
