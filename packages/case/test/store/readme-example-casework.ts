// The README's "Case notes" and "Documents" examples, imports pointed at the
// sources; `Readme.test.ts` runs them on SQLite and PostgreSQL.
import { Errors, type Id } from "@bashke/kernel"
import { Effect, Stream } from "effect"
import { CaseNotes, Documents } from "../../src"

/** A note written, then corrected by its next version: the versions, newest last. */
export const noteAndCorrection = (caseId: Id.CaseId) =>
  Effect.gen(function* () {
    const written = yield* CaseNotes.write({ caseId, text: "Home visit: both children at home.", visibility: "team" })
    yield* CaseNotes.correct({
      caseId,
      noteId: written.id,
      expectedVersion: written.version,
      text: "Home visit: the older child was at school.",
      reason: "The school confirmed the older child was in class.",
    })
    return yield* CaseNotes.history({ caseId, noteId: written.id })
  })

/** A request's body uploaded as the victim's consent form, then downloaded a chunk at a time. */
export const uploadAndDownload = (caseId: Id.CaseId, personId: Id.PersonId, request: Request) =>
  Effect.gen(function* () {
    const incomplete = new Errors.InvalidInput({ field: "content", rule: "case.document.incomplete" })
    const received: Array<Uint8Array> = []
    const send = (chunk: Uint8Array) => received.push(chunk)
    const uploaded = yield* Documents.upload(
      { caseId, kind: "consent-form", personId, name: "Pëlqimi.pdf", declaredType: "application/pdf" },
      Stream.fromReadableStream({ evaluate: () => request.body!, onError: () => incomplete }),
    )
    const opened = yield* Documents.open({ caseId, documentId: uploaded.value.id, purpose: "case-management" })
    for (let index = 0; index < opened.chunkCount; index++) send(yield* opened.chunk(index))
    return { document: opened.document, received }
  })
