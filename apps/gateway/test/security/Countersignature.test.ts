// Finding 8 of the outside review: a member representative recorded its own
// institution's signature of the memorandum in force and at once got the
// mechanism's case list and the agenda's case reviews. A signature now counts
// only once the coordinator (or an administrator) countersigns it. The attack,
// through HTTP, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

const written = ["mechanism_memorandum_countersignatures", "bashke_outbox", "audit_log"]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: a member cannot make its own institution a signatory`, () => {
    let gateway: Gateway
    let mechanismId: string
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      for (const who of ["teacher", "coordinator", "administrator"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, mechanismId as never)))
    })
    afterAll(() => gateway.close())

    const cases = () => gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`, { token: as("teacher") })

    it("the school's representative records its signature: no case data until the coordinator countersigns", async () => {
      const base = `/v1/mechanisms/${mechanismId}`
      expect((await cases()).status).toBe(403)

      const memoranda = await (await gateway.request("GET", `${base}/memoranda`, { token: as("teacher") })).json()
      const inForce = memoranda.items[0]
      const etag = (await gateway.request("GET", base, { token: as("teacher") })).headers.get("etag") ?? ""
      const signed = await gateway.request(
        "POST",
        `${base}/memoranda/${inForce.memorandumId}/versions/${inForce.version}/signatures`,
        {
          token: as("teacher"),
          body: { institutionId: institutions.education.id, signer: "Ilir Rexhepi" },
          ifMatch: etag,
        },
      )
      expect(signed.status).toBe(201)
      const recorded = (await signed.json()).signatures.find(
        (signature: { institutionId: string }) => signature.institutionId === institutions.education.id,
      )
      expect(recorded.countersignature).toBeUndefined()

      // The attack of the review: right after recording, the case list. Refused: the signature does not count yet.
      const refused = await cases()
      expect(refused.status).toBe(403)
      expect((await refused.json()).rule).toBe("policy.memorandum.not-signatory")

      // The school cannot countersign its own signature either, and the refusal writes nothing.
      const countersignature = `${base}/memoranda/${inForce.memorandumId}/versions/${inForce.version}/signatures/${institutions.education.id}/countersignature`
      const before = await counts(gateway, written)
      const self = await gateway.request("POST", countersignature, {
        token: as("teacher"),
        body: {},
        ifMatch: signed.headers.get("etag") ?? "",
      })
      expect(self.status).toBe(403)
      expect((await self.json()).rule).toBe("mechanism.memorandum.countersigner-required")
      expect(await counts(gateway, written)).toEqual(before)
      expect((await cases()).status).toBe(403)

      // The coordinator countersigns: from today the school is a signatory.
      const countersigned = await gateway.request("POST", countersignature, {
        token: as("coordinator"),
        body: {},
        ifMatch: signed.headers.get("etag") ?? "",
      })
      expect(countersigned.status).toBe(200)
      expect((await cases()).status).toBe(200)
    })
  })
}
