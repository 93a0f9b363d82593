/**
 * `/v1/cases/:caseId/reviews`: the case conference's reviews of a case, with
 * the survivor's voice — her wishes and how they were heard, the outcomes and
 * a note (`CaseReviews`). Recording names the case version (`If-Match`) and
 * answers with a receipt (her wishes are never kept in the clear as a stored
 * answer) and the case's new `ETag`; the case team's full-access members
 * read the reviews, each one shown audited.
 */
import { CaseReview, CaseReviews, CaseworkService } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })

const record = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/reviews",
  operationId: "recordCaseReview",
  tag,
  summary:
    "Record a case-conference review: the survivor's wishes, how they were heard, the outcomes (If-Match: the case)",
  pathSchema: CasePath,
  bodySchema: CaseReviews.RecordReview.pipe(Schema.omit("caseId", "expectedVersion")),
  success: { status: 200, schema: CaseReview.Receipt },
  ifMatch: true,
  etag: (_, input) => (input.expectedVersion ?? 0) + 1,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.reviews.record({ ...body, caseId: path.caseId, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/reviews",
  operationId: "listCaseReviews",
  tag,
  summary: "The case's conference reviews with the survivor's wishes, oldest first (full-access members; audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({}),
  success: { status: 200, schema: Keyset.pageSchema(CaseReview.CaseReview, "CaseReviewPage") },
  handle: ({ path, query }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.reviews.list({
        caseId: path.caseId,
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

/** The routes of case reviews. */
export const routes: ReadonlyArray<Route.AnyRoute> = [record, list]
