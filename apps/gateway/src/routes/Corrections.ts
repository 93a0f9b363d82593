/**
 * `/v1/cases/:caseId/…/corrections`: correcting a recorded fact — a person's
 * details or relationship, an incident's facts, a protection order's
 * conditions — with a reason, the previous
 * value kept (`Corrections`). A correction names the case version it was
 * decided on (`If-Match`) and answers with a receipt (no reason, no previous
 * values: answers are kept for retries in the clear) and the case's new
 * `ETag`. The case's corrections are listed for its full-access members, each
 * one shown audited.
 */
import { CaseworkService, Correction, Corrections } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const PersonPath = Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })
const IncidentPath = Schema.Struct({ caseId: Id.CaseId, incidentId: Id.IncidentId })

/** The case's version after the correction made on the version it was decided on. */
const nextVersion = (_: unknown, input: { readonly expectedVersion: number | undefined }) =>
  (input.expectedVersion ?? 0) + 1

const correctPerson = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/persons/:personId/corrections",
  operationId: "correctPerson",
  tag,
  summary:
    "Correct a person's details or relationship with a reason; the previous values are kept (If-Match: the case)",
  pathSchema: PersonPath,
  bodySchema: Corrections.CorrectPerson.pipe(Schema.omit("caseId", "personId", "expectedVersion")),
  success: { status: 201, schema: Correction.Receipt },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.corrections.correctPerson({ ...body, ...path, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const correctIncident = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/incidents/:incidentId/corrections",
  operationId: "correctIncident",
  tag,
  summary: "Correct an incident's facts with a reason; the previous values are kept (If-Match: the case)",
  pathSchema: IncidentPath,
  bodySchema: Corrections.CorrectIncident.pipe(Schema.omit("caseId", "incidentId", "expectedVersion")),
  success: { status: 201, schema: Correction.Receipt },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.corrections.correctIncident({ ...body, ...path, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const OrderPath = Schema.Struct({ caseId: Id.CaseId, orderId: Id.ProtectionOrderId })

const correctOrderConditions = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/protection-orders/:orderId/conditions/corrections",
  operationId: "correctOrderConditions",
  tag,
  summary:
    "Correct what a protection order forbids or requires, with a reason; the previous conditions are kept (If-Match: the case)",
  pathSchema: OrderPath,
  bodySchema: Corrections.CorrectOrderConditions.pipe(Schema.omit("caseId", "orderId", "expectedVersion")),
  success: { status: 201, schema: Correction.Receipt },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.corrections.correctOrderConditions({ ...body, ...path, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/corrections",
  operationId: "listCorrections",
  tag,
  summary: "The case's corrections, oldest first: what changed, the previous values, who, when and why (audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({}),
  success: { status: 200, schema: Keyset.pageSchema(Correction.Correction, "CorrectionPage") },
  handle: ({ path, query }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.corrections.list({
        caseId: path.caseId,
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

/** The correction routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [correctPerson, correctIncident, correctOrderConditions, list]
