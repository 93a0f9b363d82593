// A case's documents paged in SQL by keyset, on SQLite and PostgreSQL: whether
// a document may be read is decided per row (the person it is about), and the
// walk reads on until a page is full, so a page is never short while readable
// documents remain. Documents about the victim and about the alleged
// perpetrator alternate: for case management the perpetrator's are never
// shown (that needs the protection purpose, which a list of the case is
// never read for) and every page but the last holds `limit` of the victim's.
// Only the documents on a page are audited.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { disposition, file } from "../support/DocumentBytes"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"
import * as Walk from "../support/Walk"

interface Listed {
  readonly id: string
  readonly attachedTo: { readonly _tag: string; readonly personId?: string }
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: a case's documents paged`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let caseManager = ""
    const victimDocuments: Array<string> = []

    const high = () => {
      if (seeded.cases === undefined) throw new Error("the demo seeds cases")
      return seeded.cases.highRisk
    }
    const documents = () => `/v1/cases/${high().caseId}/documents`

    beforeAll(async () => {
      gateway = await makeGateway(db, {}, { documents: { maxBytes: 1024 * 1024, mediaTypes: ["application/pdf"] } })
      seeded = await gateway.runtime.runPromise(seed)
      caseManager = await gateway.tokenFor(principal("caseManager", seeded.mechanismId))
      const read = await gateway.request("GET", `/v1/cases/${high().caseId}`, { token: caseManager })
      expect(read.status).toBe(200)
      const aCase = (await read.json()) as { persons: ReadonlyArray<{ id: string; role: string }> }
      const perpetrator = aCase.persons.find((person) => person.role === "alleged-perpetrator")?.id
      if (perpetrator === undefined) throw new Error("the demo's high-risk case names an alleged perpetrator")
      // Two of the perpetrator's between each of the victim's, and a run of them at the end.
      const about = ["v", "p", "p", "v", "p", "p", "v", "v", "p", "v", "p", "p", "p"]
      for (const [i, whom] of about.entries()) {
        const personId = whom === "v" ? high().victim : perpetrator
        const response = await gateway.app.request(`${documents()}?kind=medical-report&personId=${personId}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${caseManager}`,
            "idempotency-key": `document-page-${i}`,
            "content-type": "application/pdf",
            "content-disposition": disposition(`report-${i}.pdf`),
          },
          body: file(1024 + i).stream,
          duplex: "half",
        } as RequestInit)
        expect(response.status).toBe(201)
        const receipt = (await response.json()) as { id: string }
        if (whom === "v") victimDocuments.push(receipt.id)
      }
    })
    afterAll(() => gateway.close())

    it("for case management: the victim's documents only, every page but the last full, in upload order", async () => {
      for (const limit of [1, 2, 3, 4]) {
        const walked = await Walk.walk<Listed>(gateway, `${documents()}?purpose=case-management`, caseManager, limit)
        expect(walked.map((document) => document.id)).toEqual(victimDocuments)
      }
      const first = await Walk.page<Listed>(gateway, `${documents()}?purpose=case-management&limit=2`, caseManager)
      expect(first.items.map((document) => document.id)).toEqual(victimDocuments.slice(0, 2))
    })

    it("after the last readable document the page is empty and final; only the listed are audited", async () => {
      const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
      const page = await Walk.page<Listed>(gateway, `${documents()}?purpose=case-management&limit=2`, caseManager)
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + page.items.length)
      // The victim's last document is followed only by the perpetrator's: nothing more to show.
      const last = await Walk.page<Listed>(
        gateway,
        `${documents()}?purpose=case-management&limit=5&after=${Buffer.from(JSON.stringify([victimDocuments.at(-1)])).toString("base64url")}`,
        caseManager,
      )
      expect(last).toEqual({ items: [], next: null })
    })
  })
}
