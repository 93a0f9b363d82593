// Runs the README's store examples (imports pointed at the sources) so they cannot rot.
import { Principal } from "@bashke/kernel"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { CaseService, SqlCaseNoteRepository, SqlDocumentRepository, SqlDocumentStore } from "../../src"
import { main } from "./readme-example"
import { noteAndCorrection, uploadAndDownload } from "./readme-example-casework"
import { databases, institutions, mechanismId, principals, services, start } from "./support/Databases"

it("the README example opens a case, reads with a purpose, withdraws consent and shows who saw the file", async () => {
  expect(await main()).toEqual({
    reference: expect.stringMatching(/^GJI-\d{4}-0001$/),
    lead: "social work",
    details: { familyName: "Krasniqi", phone: "+383 44 123 456" },
    noPurpose: "audit.purpose.required",
    denied: "policy.consent.withdrawn",
    deniedInAlbanian: "Personi e ka tërhequr pëlqimin për këtë.",
    whoSaw: ["write by police for case-management", "read by social work for case-management"],
    summary: {
      reference: expect.stringMatching(/^GJI-\d{4}-0001$/),
      riskLevel: "standard",
      sectors: ["police", "social-work"],
    },
  })
})

const asOfficer = Effect.provideService(Principal.CurrentPrincipal, principals.officer)

// A case the police opened (full access, so the officer may write notes and read documents for case management).
const opened = Effect.gen(function* () {
  yield* start
  const cases = yield* CaseService.CaseService
  const aCase = yield* asOfficer(
    cases.openCase({ mechanismId, municipality: "GJI", persons: [{ role: "victim", sex: "female", birthYear: 1990 }] }),
  )
  const victim = aCase.persons[0]
  if (victim === undefined) return yield* Effect.dieMessage("the case has its victim")
  return { caseId: aCase.id, personId: victim.id }
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the README's case notes and documents`, () => {
    const casework = Layer.mergeAll(SqlCaseNoteRepository.layer, SqlDocumentRepository.layer, SqlDocumentStore.layer)
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
          const { document, received } = yield* asOfficer(uploadAndDownload(caseId, personId, request))
          expect(document).toMatchObject({ name: "Pëlqimi.pdf", mediaType: "application/pdf", size: pdf.length })
          expect(received.length).toBe(2) // 64 KiB chunks
          expect(Buffer.concat(received)).toEqual(Buffer.from(pdf))
        }),
      )
    })
  })
}
