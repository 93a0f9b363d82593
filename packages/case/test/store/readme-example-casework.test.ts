// The README's "Case notes" and "Documents" examples, imports pointed at the
// sources, run on SQLite and PostgreSQL.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import {
  CaseNotes,
  CaseService,
  DocumentSettings,
  Documents,
  SqlCaseNoteRepository,
  SqlDocumentRepository,
  SqlDocumentStore,
} from "../../src"
import { databases, institutions, mechanismId, principals, services, start } from "./support/Databases"

/** A note written, then corrected by its next version: the versions, newest last. */
const noteAndCorrection = (caseId: Id.CaseId) =>
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
const uploadAndDownload = (caseId: Id.CaseId, personId: Id.PersonId, request: Request) =>
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

const asOfficer = Effect.provideService(Principal.CurrentPrincipal, principals.officer)
const asCaseManager = Effect.provideService(Principal.CurrentPrincipal, principals.caseManager)

// A case the police opened; the survivor's signed consent shares it with the centre for social work.
const opened = Effect.gen(function* () {
  yield* start
  const cases = yield* CaseService.CaseService
  const aCase = yield* asOfficer(
    cases.openCase({ mechanismId, municipality: "GJI", persons: [{ role: "victim", sex: "female", birthYear: 1990 }] }),
  )
  const victim = aCase.persons[0]
  if (victim === undefined) return yield* Effect.dieMessage("the case has its victim")
  yield* asOfficer(
    cases.giveConsent({
      caseId: aCase.id,
      givenBy: victim.id,
      institutions: [institutions.socialWork],
      purposes: ["case-management"],
      method: "signed-form",
    }),
  )
  return { caseId: aCase.id, personId: victim.id }
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the README's case notes and documents`, () => {
    const casework = Layer.mergeAll(
      SqlCaseNoteRepository.layer,
      SqlDocumentRepository.layer,
      SqlDocumentStore.layer,
      DocumentSettings.layer(DocumentSettings.defaults),
    )
    layer(casework.pipe(Layer.provideMerge(services(db))))((it) => {
      it.effect("a corrected note keeps both versions, the correction with its reason", () =>
        Effect.gen(function* () {
          const { caseId } = yield* opened
          const versions = yield* asOfficer(noteAndCorrection(caseId))
          expect(versions.map((note) => [note.version, note.text, note.reason])).toEqual([
            [1, "Home visit: both children at home.", undefined],
            [2, "Home visit: the older child was at school.", "The school confirmed the older child was in class."],
          ])
          expect(versions.every((note) => note.institution === institutions.police)).toBe(true)
        }),
      )

      it.effect("an uploaded PDF comes back, chunk by chunk, byte for byte", () =>
        Effect.gen(function* () {
          const { caseId, personId } = yield* opened
          const pdf = new TextEncoder().encode(`%PDF-1.7\n${"0123456789".repeat(10_000)}\n%%EOF\n`)
          const request = new Request("https://bashke.example/upload", { method: "POST", body: pdf })
          const { document, received } = yield* asCaseManager(uploadAndDownload(caseId, personId, request))
          expect(document).toMatchObject({ name: "Pëlqimi.pdf", mediaType: "application/pdf", size: pdf.length })
          expect(received.length).toBe(2) // 64 KiB chunks
          expect(Buffer.concat(received)).toEqual(Buffer.from(pdf))
        }),
      )
    })
  })
}
