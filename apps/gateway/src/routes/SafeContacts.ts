/**
 * `/v1/cases/:caseId/persons/:personId/safe-contact`: how the victim or a
 * child may be reached safely — whether calling is safe, when, through whom,
 * the code word (`SafeContacts`). Recording names the case version
 * (`If-Match`) and answers with a receipt (never the instructions: answers
 * are kept for retries in the clear). Reading is a personal read for a
 * stated purpose: a POST that changes nothing, so the purpose stays out of
 * the URL and the answer is never stored.
 */
import { CaseworkService, SafeContact, SafeContacts } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const tag = "cases"

const PersonPath = Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })

const record = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/persons/:personId/safe-contact",
  operationId: "recordSafeContact",
  tag,
  summary:
    "Record how the survivor may be reached safely: calling safe or not, when, through whom, a code word (sealed)",
  pathSchema: PersonPath,
  bodySchema: SafeContacts.RecordSafeContact.pipe(Schema.omit("caseId", "personId", "expectedVersion")),
  success: { status: 201, schema: SafeContact.Receipt },
  ifMatch: true,
  etag: (_, input) => (input.expectedVersion ?? 0) + 1,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.safeContacts.record({ ...body, ...path, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const read = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/persons/:personId/safe-contact/read",
  operationId: "readSafeContact",
  tag,
  summary: "Read how the survivor may be reached safely, for a stated purpose (a personal read, audited)",
  safe: true,
  pathSchema: PersonPath,
  bodySchema: SafeContacts.ReadSafeContact.pipe(Schema.omit("caseId", "personId")),
  success: { status: 200, schema: SafeContact.SafeContact },
  handle: ({ path, body }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) => casework.safeContacts.read({ ...body, ...path })),
})

/** The safe-contact routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [record, read]
