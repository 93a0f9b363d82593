/**
 * The coordinator's review of break-glass reads: the mechanism's list (open
 * ones, closed ones, or all, oldest first; each with its reason code and
 * written reason) and the verdict that closes one, through the case package's
 * `BreakGlassReviewService`, which decides who may (`BreakGlassReviews`: the
 * access policy's `break-glass.review`, the mechanism's coordinator) and
 * audits every reason read and every verdict.
 * Reasons are free text that may name people: the list is read with an audit
 * entry per review, and never travels in a URL.
 */
import { BreakGlassReview, BreakGlassReviewService, BreakGlassReviews } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "break-glass"

const reviews = BreakGlassReviewService.BreakGlassReviewService

const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })
const ReviewPath = Schema.Struct({ reviewId: BreakGlassReview.BreakGlassReviewId })

const ReviewPage = Keyset.pageSchema(BreakGlassReview.BreakGlassReview, "BreakGlassReviewPage")

const ListQuery = Keyset.query({
  status: Schema.optional(Schema.Literal("open", "closed")),
})

const list = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/break-glass-reviews",
  operationId: "listBreakGlassReviews",
  tag,
  summary: "The mechanism's break-glass reads to review, oldest first (the coordinator; every reason read is audited)",
  pathSchema: MechanismPath,
  querySchema: ListQuery,
  success: { status: 200, schema: ReviewPage },
  handle: ({ path, query }) =>
    Effect.flatMap(reviews, (service) =>
      service.list({
        mechanismId: path.mechanismId,
        ...(query.status === undefined ? {} : { status: query.status }),
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

const Verdict = BreakGlassReviews.CloseReview.pipe(Schema.omit("reviewId"))

const close = Route.make({
  method: "post",
  path: "/v1/break-glass-reviews/:reviewId/verdict",
  operationId: "closeBreakGlassReview",
  tag,
  summary: "Close a break-glass review with a verdict, justified or unjustified (the coordinator; audited)",
  pathSchema: ReviewPath,
  bodySchema: Verdict,
  success: { status: 200, schema: BreakGlassReview.BreakGlassReview },
  handle: ({ path, body }) => Effect.flatMap(reviews, (service) => service.close({ ...body, reviewId: path.reviewId })),
})

/** The break-glass review routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [list, close]
