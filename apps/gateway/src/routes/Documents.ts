/**
 * `/v1/cases/:caseId/documents`: files of a case — a signed consent form, an
 * order's copy, a medical report — attached to the case, a person, an order
 * or a consent (ADR 0020). The case package decides who may (`Documents`).
 *
 * - Upload: the file is the request's body, streamed (`Content-Type` its
 *   media type, `Content-Disposition` its name — a name may tell who she is,
 *   so it stays out of the URL), with the kind and what it is attached to in
 *   the query (ids only). The answer is a receipt without the name.
 * - The list: records and names, never content, for a stated purpose.
 * - Download: the content, streamed, with a safe `Content-Disposition`; the
 *   purpose in the query (a word, not personal data).
 * - Withdrawal: the uploader's institution destroys the content; the record
 *   stays for the audit.
 */
import { Document, DocumentService, Documents, DocumentType } from "@bashke/case"
import { Errors, Id } from "@bashke/kernel"
import { Purpose } from "@bashke/security"
import { Effect, Schema } from "effect"
import * as ContentDisposition from "../ContentDisposition"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "documents"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const DocumentPath = Schema.Struct({ caseId: Id.CaseId, documentId: Document.DocumentId })
const DocumentPage = Keyset.pageSchema(Document.Document, "DocumentPage")

const lengthOf = (header: string | undefined): number | undefined => {
  if (header === undefined || !/^\d{1,15}$/.test(header.trim())) return undefined
  return Number(header.trim())
}

const upload = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/documents",
  operationId: "uploadCaseDocument",
  tag,
  summary:
    "Upload a document (the body is the file, its name in Content-Disposition), attached to the case or to one of its persons, orders or consents; its type is checked from its bytes",
  pathSchema: CasePath,
  querySchema: Documents.UploadDocument.pipe(Schema.pick("kind", "personId", "orderId", "consentId")),
  upload: { mediaTypes: DocumentType.MediaType.literals },
  // The receipt: an answer is kept for retries in the clear, so it holds no name.
  success: { status: 201, schema: Document.Receipt },
  handle: ({ path, query, content, idempotency }) =>
    Effect.gen(function* () {
      if (content === undefined) return yield* Effect.dieMessage("an upload route without its content")
      const name = ContentDisposition.fileNameOf(content.header("content-disposition"))
      if (name === undefined)
        return yield* new Errors.InvalidInput({ field: "Content-Disposition", rule: "case.document.name.required" })
      const declaredType = content.header("content-type")
      const declaredLength = lengthOf(content.header("content-length"))
      const outcome = yield* Effect.flatMap(DocumentService.DocumentService, (documents) =>
        documents.upload(
          {
            ...query,
            caseId: path.caseId,
            name,
            ...(declaredType === undefined ? {} : { declaredType }),
            ...(declaredLength === undefined ? {} : { declaredLength }),
          },
          // The client going away or a broken body fails it: nothing of it is kept.
          content.pieces,
          idempotency,
        ),
      )
      return outcome.value
    }),
})

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/documents",
  operationId: "listCaseDocuments",
  tag,
  summary:
    "The case's documents you may read, oldest first: what each is and its name, never its content (a personal read for a stated purpose; each listed is audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({ purpose: Schema.optional(Purpose.Purpose) }),
  success: { status: 200, schema: DocumentPage },
  handle: ({ path, query }) =>
    Effect.flatMap(DocumentService.DocumentService, (documents) =>
      documents.list({
        caseId: path.caseId,
        limit: query.limit,
        ...(query.purpose === undefined ? {} : { purpose: query.purpose }),
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

const download = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/documents/:documentId/content",
  operationId: "downloadCaseDocument",
  tag,
  summary: "A document's content, streamed as it was uploaded (a personal read for a stated purpose, audited)",
  pathSchema: DocumentPath,
  querySchema: Schema.Struct({ purpose: Schema.optional(Purpose.Purpose) }),
  download: true,
  success: {
    status: 200,
    schema: Schema.Unknown as unknown as Schema.Schema<Route.Download>,
    contentType: "application/octet-stream",
  },
  handle: ({ path, query }) =>
    Effect.map(
      Effect.flatMap(DocumentService.DocumentService, (documents) =>
        documents.open({ ...path, ...(query.purpose === undefined ? {} : { purpose: query.purpose }) }),
      ),
      (opened): Route.Download => ({
        mediaType: opened.document.mediaType,
        size: opened.document.size,
        fileName: opened.document.name,
        chunkCount: opened.chunkCount,
        chunk: opened.chunk,
      }),
    ),
})

const withdraw = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/documents/:documentId/withdrawal",
  operationId: "withdrawCaseDocument",
  tag,
  summary:
    "Withdraw a document your institution uploaded: its content is destroyed, its record (who withdrew it, when) stays",
  pathSchema: DocumentPath,
  success: { status: 200, schema: Document.Receipt },
  handle: ({ path }) => Effect.flatMap(DocumentService.DocumentService, (documents) => documents.withdraw(path)),
})

/** The document routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [upload, list, download, withdraw]
