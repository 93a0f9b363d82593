// The subject-access export through HTTP, on SQLite and PostgreSQL: the
// auditor (the data-protection role) exports everything held about the
// demo's victim, and the export lists every audited read of her details made
// here, with who and when; the same export as a PDF reads back (pdftotext) in
// English and in Serbian Cyrillic with the catalogue's headings and the
// access entries; the export is itself audited; anyone else is refused and
// bad input names the field, writing nothing.
import { caseworkMessages, type Document, DocumentRepository, SqlDocumentRepository } from "@bashke/case"
import { Catalogue, Id, type Locale } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"
import { headings, pdfText } from "../support/SubjectAccessPdfText"

const documentName = "Medical report, Gjilan regional hospital.pdf"
const reason = "Her written request of 1 December 2026 (data protection law, right of access)"

interface Access {
  readonly seq: number
  readonly at: string
  readonly principalId: string
  readonly institutionId?: string
  readonly personId?: string
  readonly action: string
  readonly purpose: string
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: subject-access export`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string
    const idOf = (who: PersonName) => principal(who, seeded.mechanismId).id
    const victim = () => seeded.cases?.highRisk.victim as string
    const caseId = () => seeded.cases?.highRisk.caseId as string
    // The reads this test makes of her details: who, and the window each was made in.
    const reads: Array<{ readonly who: PersonName; readonly from: number; readonly to: number }> = []

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "shelterWorker", "coordinator", "administrator", "auditor"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
      // A document about her, recorded as an upload records it (its content is the store's, not the export's).
      const nurse = principal("nurse", seeded.mechanismId)
      await gateway.runtime.runPromise(
        Effect.flatMap(DocumentRepository.DocumentRepository, (documents) =>
          documents.insert({
            document: {
              id: Id.ulidAt(Date.now(), new Uint8Array(10).fill(9)) as Document.DocumentId,
              caseId: caseId() as Id.CaseId,
              attachedTo: { _tag: "person", personId: victim() as Id.PersonId },
              kind: "medical-report",
              name: documentName,
              mediaType: "application/pdf",
              size: 48_213,
              institution: nurse.institution as Id.InstitutionId,
              uploadedBy: nurse.id,
              uploadedAt: new Date(),
            },
            chunkCount: 1,
            dataKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            personId: victim() as Id.PersonId,
          }),
        ).pipe(Effect.provide(SqlDocumentRepository.layer)),
      )
      // Her details read by two different people (both have her consent), one of them twice.
      for (const who of ["caseManager", "shelterWorker", "caseManager"] as const) {
        const from = Date.now()
        const read = await gateway.request("POST", `/v1/cases/${caseId()}/persons/${victim()}/details/read`, {
          token: as(who),
          body: { purpose: "case-management" },
        })
        expect(read.status).toBe(200)
        reads.push({ who, from, to: Date.now() })
      }
    })
    afterAll(() => gateway.close())

    const exportJson = (body: Record<string, unknown>, who: PersonName = "auditor") =>
      gateway.request("POST", "/v1/subject-access/exports", { token: as(who), body, idempotencyKey: "" })
    const exportPdf = (body: Record<string, unknown>) =>
      gateway.request("POST", "/v1/subject-access/exports.pdf", { token: as("auditor"), body, idempotencyKey: "" })

    it("lists every read of her details made here, with who and when, and audits itself", async () => {
      const before = await counts(gateway, ["audit_log", "bashke_idempotency"])
      const answer = await exportJson({ personId: victim(), reason })
      expect(answer.status).toBe(200)
      const exported = await answer.json()
      expect(exported.personId).toBe(victim())
      expect(exported.exportedBy).toBe(principal("auditor", seeded.mechanismId).id)
      const [record] = exported.cases
      expect(record).toMatchObject({ caseId: caseId(), person: { id: victim(), role: "victim" } })
      expect(record.details.givenName).toEqual(expect.any(String))
      expect(record.consents.length).toBeGreaterThan(0)
      expect(record.documents).toEqual([
        expect.objectContaining({ name: documentName, kind: "medical-report", size: 48_213 }),
      ])

      const accesses: ReadonlyArray<Access> = exported.accesses
      for (const who of ["caseManager", "shelterWorker"] as const) {
        const made = reads.filter((read) => read.who === who)
        const found = accesses.filter(
          (entry) =>
            entry.action === "read" &&
            entry.personId === victim() &&
            entry.principalId === idOf(who) &&
            made.some((read) => Date.parse(entry.at) >= read.from - 1_000 && Date.parse(entry.at) <= read.to + 1_000),
        )
        // Each read appears once, at the time it was made, with the institution it was made for.
        expect(found.length, who).toBe(made.length)
        for (const entry of found) {
          expect(entry.institutionId).toBe(principal(who, seeded.mechanismId).institution)
          expect(entry.purpose).toBe("case-management")
        }
      }
      // Oldest first, and none of another person's entries.
      const seqs = accesses.map((entry) => entry.seq)
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      expect(accesses.every((entry) => entry.personId === undefined || entry.personId === victim())).toBe(true)

      // The export is on the record: one entry per case of hers; nothing kept for retries.
      const after = await counts(gateway, ["audit_log", "bashke_idempotency"])
      expect(after.audit_log).toBe((before.audit_log ?? 0) + exported.cases.length)
      expect(after.bashke_idempotency).toBe(before.bashke_idempotency)
      // …and the next export lists it as an access to her data, by the auditor.
      const again = await (await exportJson({ personId: victim(), reason })).json()
      const exports = (again.accesses as ReadonlyArray<Access>).filter(
        (entry) => entry.action === "export" && entry.principalId === idOf("auditor"),
      )
      expect(exports.length).toBeGreaterThanOrEqual(1)
      expect(exports.every((entry) => entry.purpose === "audit" && entry.personId === victim())).toBe(true)
    })

    for (const locale of ["en", "sr-Cyrl"] as const satisfies ReadonlyArray<Locale.Locale>) {
      it(`as a PDF in ${locale}: the catalogue's headings and every read, as text`, async () => {
        const answer = await exportPdf({ personId: victim(), reason, language: locale })
        expect(answer.status).toBe(200)
        expect(answer.headers.get("content-type")).toBe("application/pdf")
        const bytes = new Uint8Array(await answer.arrayBuffer())
        expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-")
        // pdftotext -layout may break a long line: the text comes with the spaces folded.
        const text = pdfText(bytes)
        for (const heading of headings) {
          expect(text).toContain(Catalogue.format(caseworkMessages, locale, heading))
        }
        if (locale === "sr-Cyrl") expect(text).toContain("Ко је приступао подацима и када")
        for (const who of ["caseManager", "shelterWorker"] as const) expect(text).toContain(idOf(who))
        const json = await (await exportJson({ personId: victim(), reason })).json()
        expect(text).toContain(json.cases[0].details.givenName)
        expect(text).toContain(json.cases[0].reference)
        expect(text).toContain(documentName)
        // The readers' institutions by name, in the export's language.
        for (const who of ["caseManager", "shelterWorker"] as const) {
          const institution = principal(who, seeded.mechanismId).institution as string
          expect(text).toContain(json.institutionNames[institution][locale])
        }
      })
    }

    it("refuses bad input naming the field, writing nothing", async () => {
      const before = await counts(gateway, ["audit_log"])
      const unknown = Id.ulidAt(Date.now(), new Uint8Array(10).fill(7))
      for (const [body, field] of [
        [{ personId: victim() }, "reason"],
        [{ personId: victim(), reason: "   " }, "reason"],
        [{ personId: victim(), reason: "x".repeat(2_001) }, "reason"],
        [{ personId: unknown, reason }, "personId"],
        [{ personId: "not-an-id", reason }, "personId"],
        [{ reason }, "personId"],
      ] as const) {
        const refused = await exportJson(body)
        expect(refused.status, JSON.stringify(body)).toBe(422)
        expect(refused.headers.get("content-type")).toContain("application/problem+json")
        expect((await refused.json()).field).toBe(field)
      }
      const pdf = await exportPdf({ personId: victim(), reason, language: "de" })
      expect(pdf.status).toBe(422)
      expect((await pdf.json()).field).toBe("language")
      expect(await counts(gateway, ["audit_log"])).toEqual(before)
    })

    it("the case team, the coordinator and the administrator are refused, unaudited", async () => {
      const before = await counts(gateway, ["audit_log"])
      for (const who of ["caseManager", "coordinator", "administrator"] as const) {
        const refused = await exportJson({ personId: victim(), reason }, who)
        expect(refused.status, who).toBe(403)
        expect(JSON.stringify(await refused.json())).not.toContain(victim())
      }
      expect(await counts(gateway, ["audit_log"])).toEqual(before)
    })
  })
}
