/**
 * The data protection officer's routes: everything held about one person
 * (`@bashke/case`'s `SubjectAccess`), as JSON or as a readable PDF in a
 * chosen language. Only the auditor role (the access policy's
 * `subject-access.export`); each export is itself audited, with the written
 * reason. POSTs that change nothing but the audit log (`safe`): the person
 * and the reason stay out of the URL, no idempotency key is asked, and the
 * answer — her details — is never kept by the idempotency store.
 */
import { SubjectAccessExport, SubjectAccessPdf, SubjectAccessService } from "@bashke/case"
import { Id, Locale } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import { PdfFont } from "../PdfFont"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"

const tag = "subject-access"

const ExportBody = Schema.Struct({
  personId: Id.PersonId,
  reason: Schema.optional(Schema.String),
})

const PdfBody = Schema.Struct({
  ...ExportBody.fields,
  language: Schema.optional(Locale.Locale),
})

const asJson = Route.make({
  method: "post",
  path: "/v1/subject-access/exports",
  operationId: "exportSubjectAccess",
  tag,
  summary:
    "Everything held about a person — details, cases, consents, safe contact, corrections, notes, what she was told, documents, and who accessed her data and when — for her data-protection request (the auditor; audited with the reason)",
  bodySchema: ExportBody,
  safe: true,
  success: {
    status: 200,
    schema: InstitutionNames.named(SubjectAccessExport.SubjectAccessExport, "NamedSubjectAccessExport"),
  },
  handle: ({ body }) =>
    Effect.flatMap(
      Effect.flatMap(SubjectAccessService.SubjectAccessService, (subjectAccess) => subjectAccess.exportFor(body)),
      InstitutionNames.attach,
    ),
})

const asPdf = Route.make({
  method: "post",
  path: "/v1/subject-access/exports.pdf",
  operationId: "exportSubjectAccessPdf",
  tag,
  summary:
    "The same export as a readable PDF (text, not images) in the chosen language, sq by default (the auditor; audited with the reason)",
  bodySchema: PdfBody,
  safe: true,
  success: { status: 200, schema: Schema.Uint8ArrayFromSelf, contentType: SubjectAccessPdf.mediaType },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const exported = yield* Effect.flatMap(SubjectAccessService.SubjectAccessService, (subjectAccess) =>
        subjectAccess.exportFor({ personId: body.personId, reason: body.reason }),
      )
      const { institutionNames } = yield* InstitutionNames.attach(exported)
      const font = yield* Effect.flatMap(PdfFont, (pdf) => pdf.bytes)
      const locale = body.language ?? "sq"
      return yield* SubjectAccessPdf.render(exported, {
        locale,
        font,
        institutionName: (id) => institutionNames[id]?.[locale],
      })
    }),
})

/** The subject-access routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [asJson, asPdf]
