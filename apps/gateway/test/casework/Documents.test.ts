// Documents through HTTP, on SQLite and PostgreSQL: a file streams in and out
// byte-identical (50 MiB included), encrypted at rest — neither its content
// nor its name is anywhere in the raw database; its type is told from its
// bytes, so a file that is not what it says, a type not accepted, a file too
// large (declared, or only found out while streaming) and a nameless one are
// refused naming the field, leaving nothing stored; reading is a personal read
// for a stated purpose (summary-only members and strangers refused), every
// upload, listing and download is audited; a retried upload answers the first
// one's receipt; a file attaches to the case, a person, an order or a
// consent (one of them, an existing one); a withdrawal destroys the content
// and keeps the record.
import { SqlDocumentRepository, SubjectDocuments } from "@bashke/case"
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { digestOf, disposition, file, pdfHeader } from "../support/DocumentBytes"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

// `case_document_uploads`: an upload refused or broken off leaves no registration behind (ADR 0024).
const written = [
  "case_documents",
  "case_document_chunks",
  "case_document_uploads",
  "audit_log",
  "bashke_outbox",
  "bashke_idempotency",
]
const MiB = 1024 * 1024
const secret = {
  name: "Raporti mjekësor — Drita Krasniqi, Gjilan.pdf",
  marker: "Drita Krasniqi: contusions on both forearms, photographed 14 March at the Gjilan hospital",
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: documents`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string
    let keys = 0

    beforeAll(async () => {
      gateway = await makeGateway(
        db,
        {},
        { documents: { maxBytes: 60 * MiB, mediaTypes: ["application/pdf", "image/png"] } },
      )
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "shelterWorker", "nurse", "teacher", "policeOfficer"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const high = () => {
      if (seeded.cases === undefined) throw new Error("the demo seeds cases")
      return seeded.cases.highRisk
    }
    const documents = () => `/v1/cases/${high().caseId}/documents`
    const upload = (
      who: PersonName,
      body: ReadableStream<Uint8Array> | Uint8Array | string,
      options: { readonly query?: string; readonly headers?: Record<string, string>; readonly key?: string } = {},
    ) =>
      gateway.app.request(`${documents()}?${options.query ?? `kind=medical-report&personId=${high().victim}`}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${as(who)}`,
          "idempotency-key": options.key ?? `document-${++keys}`,
          "content-type": "application/pdf",
          "content-disposition": disposition(secret.name),
          ...options.headers,
        },
        body,
        duplex: "half",
      } as RequestInit)
    const download = (who: PersonName, id: string, purpose = "case-management") =>
      gateway.request("GET", `${documents()}/${id}/content?purpose=${purpose}`, { token: as(who) })
    const list = (who: PersonName, purpose = "case-management") =>
      gateway.request("GET", `${documents()}?purpose=${purpose}`, { token: as(who) })

    let uploadedId = ""

    it("uploads a file attached to the victim, lists it with its name, and downloads it byte-identical; each step audited", async () => {
      const before = await counts(gateway, written)
      const made = file(300 * 1024 + 17, { marker: secret.marker })
      const response = await upload("caseManager", made.stream)
      expect(response.status).toBe(201)
      const receipt = await response.json()
      expect(receipt).toMatchObject({
        caseId: high().caseId,
        attachedTo: { _tag: "person", personId: high().victim },
        kind: "medical-report",
        mediaType: "application/pdf",
        size: 300 * 1024 + 17,
      })
      // The answer is kept for retries in the clear: no name in it.
      expect(JSON.stringify(receipt)).not.toContain("Krasniqi")
      uploadedId = receipt.id
      const after = await counts(gateway, written)
      expect(after.case_documents).toBe((before.case_documents ?? 0) + 1)
      // 300 KiB and 17 bytes in chunks of 64 KiB: five chunks.
      expect(after.case_document_chunks).toBe((before.case_document_chunks ?? 0) + 5)
      // Its registration as an upload in progress ended with the commit.
      expect(after.case_document_uploads).toBe(before.case_document_uploads)
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1)
      const events = await outboxPayloads(gateway, "case.document.uploaded")
      expect(events.map((event) => event.documentId)).toEqual([uploadedId])
      expect(JSON.stringify(events)).not.toContain("Krasniqi")

      const listed = await list("shelterWorker")
      expect(listed.status).toBe(200)
      const page = await listed.json()
      expect(page.items).toMatchObject([{ id: uploadedId, name: secret.name, size: 300 * 1024 + 17 }])
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe((after.audit_log ?? 0) + 1)

      const got = await download("shelterWorker", uploadedId)
      expect(got.status).toBe(200)
      expect(got.headers.get("content-type")).toBe("application/pdf")
      expect(got.headers.get("content-length")).toBe(String(300 * 1024 + 17))
      expect(got.headers.get("content-disposition")).toBe(
        `attachment; filename="Raporti mjek_sor _ Drita Krasniqi, Gjilan.pdf"; filename*=UTF-8''${encodeURIComponent(secret.name)}`,
      )
      expect(got.headers.get("cache-control")).toBe("no-store")
      expect(await digestOf(got.body)).toEqual({ digest: made.digest(), size: 300 * 1024 + 17 })
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe((after.audit_log ?? 0) + 2)
    })

    it("refuses a file whose bytes are not its declared or an accepted type, naming the field, storing nothing", async () => {
      const before = await counts(gateway, written)
      const cases: ReadonlyArray<[ReadableStream<Uint8Array> | string, Record<string, string>, string, string]> = [
        // An executable named and declared a PDF.
        [file(200 * 1024, { header: "MZ\u0090\u0000" }).stream, {}, "content", "case.document.type.mismatch"],
        // A PNG declared a PDF.
        [file(1024, { header: "\u0089PNG\r\n\u001a\n" }).stream, {}, "content", "case.document.type.mismatch"],
        // A real PDF of a type this gateway does not accept, declared as such.
        ["just text", { "content-type": "text/plain" }, "Content-Type", "case.document.type.not-allowed"],
        // A JPEG, declared as one: a type the bytes can be told as, not accepted here.
        [
          file(1024, { header: "\u00ff\u00d8\u00ff\u00e0" }).stream,
          { "content-type": "image/jpeg" },
          "Content-Type",
          "case.document.type.not-allowed",
        ],
        [
          file(1024).stream,
          { "content-disposition": "attachment" },
          "Content-Disposition",
          "case.document.name.required",
        ],
        [
          file(1024).stream,
          { "content-disposition": disposition("../../etc/passwd") },
          "name",
          "case.document.name.invalid",
        ],
        [file(0).stream, {}, "content", "case.document.empty"],
        ["", { "content-length": "0" }, "Content-Length", "case.document.empty"],
      ]
      for (const [body, headers, field, rule] of cases) {
        const refused = await upload("caseManager", body, { headers })
        const problem = await refused.json()
        expect(refused.status, rule).toBe(422)
        expect(problem).toMatchObject({ field, rule })
        expect(refused.headers.get("content-type")).toBe("application/problem+json")
        expect(JSON.stringify(problem)).not.toContain("Krasniqi")
      }
      const unknown = await upload("caseManager", file(1024).stream, { query: "kind=diary" })
      expect(await unknown.json()).toMatchObject({ status: 422, field: "kind", rule: "case.document.kind.unknown" })
      const stranger = await upload("caseManager", file(1024).stream, {
        query: `kind=other&personId=${high().caseId.replace(/./, "0")}`,
      })
      expect(stranger.status).toBe(422)
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("refuses a file larger than the limit, declared or found out while streaming, storing nothing", async () => {
      const before = await counts(gateway, written)
      const declared = await upload("caseManager", file(1024).stream, {
        headers: { "content-length": String(61 * MiB) },
      })
      expect(await declared.json()).toMatchObject({
        status: 422,
        field: "Content-Length",
        rule: "case.document.too-large",
      })
      // No Content-Length: the stream is cut off past the limit, its chunks removed.
      const streamed = await upload("caseManager", file(61 * MiB).stream)
      expect(await streamed.json()).toMatchObject({ status: 422, field: "content", rule: "case.document.too-large" })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("reads are personal reads for a stated purpose: summary-only and off-team members refused, nothing read", async () => {
      const before = await counts(gateway, written)
      for (const who of ["nurse", "teacher"] as const) {
        for (const refused of [await list(who), await download(who, uploadedId)]) {
          expect(refused.status).toBe(403)
          expect(await refused.text()).not.toContain("Krasniqi")
        }
      }
      const noPurpose = await gateway.request("GET", `${documents()}/${uploadedId}/content`, {
        token: as("caseManager"),
      })
      expect(await noPurpose.json()).toMatchObject({ status: 422, field: "purpose", rule: "audit.purpose.required" })
      // Summary-only members may not upload either (a personal write).
      const nurseUpload = await upload("nurse", file(1024).stream)
      expect(nurseUpload.status).toBe(403)
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("a retried upload (same Idempotency-Key) answers the first receipt and stores the file once", async () => {
      const first = await upload("caseManager", file(100 * 1024).stream, { key: "retry-1", query: "kind=other" })
      expect(first.status).toBe(201)
      const before = await counts(gateway, written)
      const again = await upload("caseManager", file(100 * 1024).stream, { key: "retry-1", query: "kind=other" })
      expect(again.status).toBe(201)
      expect(await again.json()).toEqual(await first.json())
      expect(await counts(gateway, written)).toEqual(before)
      // The same key for another file is the client's mistake (422, as every route answers it).
      const other = await upload("caseManager", file(1024).stream, { key: "retry-1", query: "kind=order-copy" })
      const problem = await other.json()
      expect(problem.status).toBe(422)
      expect(problem.type).toMatch(/idempotency-key-reused$/)
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("attaches an order's copy to the order and the signed form to her consent; two attachments or an unknown one are refused, storing nothing", async () => {
      const read = await gateway.request("GET", `/v1/cases/${high().caseId}`, { token: as("caseManager") })
      const aCase = (await read.json()) as {
        orders: ReadonlyArray<{ id: string }>
        consents: ReadonlyArray<{ id: string; givenBy: string }>
      }
      const orderId = aCase.orders[0]?.id as string
      const consentId = aCase.consents.find((consent) => consent.givenBy === high().victim)?.id as string
      expect(orderId).toEqual(expect.any(String))
      expect(consentId).toEqual(expect.any(String))

      const before = await counts(gateway, written)
      for (const [query, field, rule] of [
        [
          `kind=order-copy&orderId=${orderId}&consentId=${consentId}`,
          "attachedTo",
          "case.document.attachment.ambiguous",
        ],
        [`kind=order-copy&orderId=${consentId}`, "orderId", "case.document.attachment.unknown"],
        [`kind=consent-form&consentId=${orderId}`, "consentId", "case.document.attachment.unknown"],
      ] as const) {
        const refused = await upload("caseManager", file(1024).stream, { query })
        expect(refused.status, query).toBe(422)
        expect(await refused.json()).toMatchObject({ field, rule })
      }
      expect(await counts(gateway, written)).toEqual(before)

      const order = await upload("caseManager", file(2048).stream, { query: `kind=order-copy&orderId=${orderId}` })
      expect(order.status).toBe(201)
      expect(await order.json()).toMatchObject({ kind: "order-copy", attachedTo: { _tag: "order", orderId } })
      const form = await upload("caseManager", file(2048).stream, { query: `kind=consent-form&consentId=${consentId}` })
      expect(form.status).toBe(201)
      const formId = (await form.json()).id as string
      const listed = (await (await list("caseManager")).json()).items as ReadonlyArray<{
        id: string
        attachedTo: { _tag: string }
      }>
      expect(listed.map((item) => item.attachedTo._tag)).toEqual(expect.arrayContaining(["order", "consent"]))
      // The signed form of her consent is hers: the subject-access export's port lists it.
      const hers = await gateway.runtime.runPromise(
        Effect.flatMap(SubjectDocuments.SubjectDocuments, (documents) =>
          documents.about(high().caseId, high().victim),
        ).pipe(Effect.provide(SubjectDocuments.layer.pipe(Layer.provide(SqlDocumentRepository.layer)))),
      )
      expect(hers.find((entry) => entry.id === formId)).toMatchObject({ attachedTo: { _tag: "consent", consentId } })
    })

    it("a withdrawal by another institution is refused; by the uploader's, the content is gone and the record stays", async () => {
      const made = await upload("caseManager", file(70 * 1024).stream, { query: "kind=other" })
      const id = (await made.json()).id as string
      const path = `${documents()}/${id}/withdrawal`
      const refused = await gateway.request("POST", path, { token: as("shelterWorker") })
      expect(await refused.json()).toMatchObject({ status: 403, rule: "case.document.withdraw.institution-only" })
      const before = await counts(gateway, written)
      const withdrawn = await gateway.request("POST", path, { token: as("caseManager") })
      expect(withdrawn.status).toBe(200)
      expect(await withdrawn.json()).toMatchObject({ id, withdrawnBy: expect.any(String) })
      const after = await counts(gateway, written)
      expect(after.case_documents).toBe(before.case_documents)
      expect(after.case_document_chunks).toBe((before.case_document_chunks ?? 0) - 2)
      expect((await download("caseManager", id)).status).toBe(404)
      const listed = (await (await list("caseManager")).json()).items.map((item: { id: string }) => item.id)
      expect(listed).not.toContain(id)
    })

    it("a 50 MiB file goes in and comes out byte-identical", { timeout: 600_000 }, async () => {
      const size = 50 * MiB
      const made = file(size)
      const response = await upload("caseManager", made.stream, { query: "kind=court-decision" })
      expect(response.status).toBe(201)
      const { id } = await response.json()
      const got = await download("caseManager", id)
      expect(got.status).toBe(200)
      expect(await digestOf(got.body)).toEqual({ digest: made.digest(), size })
    })

    it("the subject-access export's port lists the victim's documents", async () => {
      const entries = await gateway.runtime.runPromise(
        Effect.flatMap(SubjectDocuments.SubjectDocuments, (documents) =>
          documents.about(high().caseId, high().victim),
        ).pipe(Effect.provide(SubjectDocuments.layer.pipe(Layer.provide(SqlDocumentRepository.layer)))),
      )
      expect(entries.find((entry) => entry.id === uploadedId)).toMatchObject({
        attachedTo: { _tag: "person" },
        mediaType: "application/pdf",
        size: 300 * 1024 + 17,
      })
    })

    it("neither a document's content nor its name is in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(storage.size).toBeGreaterThan(0)
      const values = [secret.marker, secret.name, "Krasniqi", pdfHeader.slice(0, 8)]
      expect(RawStorage.found(storage, values)).toEqual([])
      // PostgreSQL shows bytea as hex: the content's bytes as hex are not there either.
      const hex = values.map((value) => Buffer.from(value, "utf8").toString("hex"))
      expect(RawStorage.found(storage, hex)).toEqual([])
    })
  })
}
