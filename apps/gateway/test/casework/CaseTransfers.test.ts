// A case moving to another mechanism through HTTP, on SQLite and PostgreSQL:
// bad proposals (the same mechanism, one that does not exist, not the
// coordinator, a case without the survivor's consent) are refused naming the
// field and write nothing; the sending
// coordinator proposes, the receiving coordinator accepts with a lead and a
// team; every event of the case stays, the sending mechanism's members lose
// access at that moment and the receiving team gains it; both mechanisms'
// audits show the transfer.
import type { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"
import { ferizajCaseWorker, ferizajCoordinator, seedFerizaj } from "../support/SecondMechanism"

const written = ["cases", "case_transfers", "audit_log", "bashke_outbox"]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: case transfers`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let ferizaj: Id.MechanismId
    let transferId = ""
    const tokens = new Map<string, string>()
    const as = (who: PersonName | "ferizajCoordinator" | "ferizajCaseWorker") => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      ferizaj = await gateway.runtime.runPromise(seedFerizaj)
      for (const who of ["coordinator", "caseManager", "shelterWorker", "policeOfficer"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
      tokens.set("ferizajCoordinator", await gateway.tokenFor(ferizajCoordinator(ferizaj)))
      tokens.set("ferizajCaseWorker", await gateway.tokenFor(ferizajCaseWorker(ferizaj)))
    })
    afterAll(() => gateway.close())

    const casePath = () => `/v1/cases/${seeded.cases?.highRisk.caseId}`
    const etag = async () =>
      (await gateway.request("GET", casePath(), { token: as("caseManager") })).headers.get("etag") as string
    const propose = async (who: PersonName, toMechanismId: string) =>
      gateway.request("POST", `${casePath()}/transfers`, {
        token: as(who),
        ifMatch: await etag(),
        body: { toMechanismId },
      })

    it("names the mechanisms a case can move to, for coordinators only", async () => {
      const listed = await gateway.request("GET", "/v1/case-transfer-destinations", { token: as("coordinator") })
      expect(listed.status).toBe(200)
      const destinations = (await listed.json()) as ReadonlyArray<{
        id: string
        municipality: string
        name: { en: string }
      }>
      expect(destinations).toEqual(
        expect.arrayContaining([
          { id: ferizaj, municipality: "FER", name: expect.objectContaining({ en: "Mechanism – Ferizaj" }) },
          expect.objectContaining({ id: seeded.mechanismId, municipality: "GJI" }),
        ]),
      )
      const refused = await gateway.request("GET", "/v1/case-transfer-destinations", { token: as("caseManager") })
      expect(refused.status).toBe(403)
    })

    it("refuses a transfer to the same mechanism, to one that does not exist, or by anyone but the coordinator", async () => {
      const before = await counts(gateway, written)
      for (const [to, field] of [
        [seeded.mechanismId, "toMechanismId"],
        [ulid(99), "toMechanismId"],
        ["not-an-id", "toMechanismId"],
      ] as const) {
        const refused = await propose("coordinator", to)
        expect(refused.status, to).toBe(422)
        expect((await refused.json()).field).toBe(field)
      }
      const caseWorker = await propose("caseManager", ferizaj)
      expect(caseWorker.status).toBe(403)
      expect((await caseWorker.json()).rule).toBe("case.transfer.coordinator-only")
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("refuses to move a case whose survivor gave no consent for case management, writing nothing", async () => {
      // The demo's standard-risk case: the health centre noticed, she consented to nothing yet.
      const standard = `/v1/cases/${seeded.cases?.standardRisk.caseId}`
      const before = await counts(gateway, written)
      const refused = await gateway.request("POST", `${standard}/transfers`, {
        token: as("coordinator"),
        ifMatch: `"${seeded.cases?.standardRisk.version}"`,
        body: { toMechanismId: ferizaj },
      })
      expect(refused.status).toBe(422)
      expect(refused.headers.get("content-type")).toContain("application/problem+json")
      expect(await refused.json()).toMatchObject({ field: "caseId", rule: "case.transfer.consent-required" })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("the sending coordinator proposes; the receiving coordinator sees it waiting; a second proposal waits its turn", async () => {
      const proposed = await propose("coordinator", ferizaj)
      expect(proposed.status).toBe(201)
      const transfer = await proposed.json()
      transferId = transfer.id
      expect(transfer).toMatchObject({ status: "proposed", from: seeded.mechanismId, to: ferizaj })
      const waiting = await gateway.request("GET", `/v1/mechanisms/${ferizaj}/case-transfers`, {
        token: as("ferizajCoordinator"),
      })
      expect(waiting.status).toBe(200)
      expect((await waiting.json()).map((each: { id: string }) => each.id)).toEqual([transferId])
      const again = await propose("coordinator", ferizaj)
      expect(again.status).toBe(422)
      expect((await again.json()).rule).toBe("case.transfer.pending")
      // Only the receiving coordinator decides.
      const sender = await gateway.request("POST", `/v1/case-transfers/${transferId}/acceptance`, {
        token: as("coordinator"),
        body: { lead: institutions.socialWork.id },
      })
      expect(sender.status).toBe(403)
    })

    it("acceptance moves the case with every event; the sending members lose access at that moment", async () => {
      const events = async () =>
        (await outboxPayloads(gateway, "case.case.opened")).length +
        (await outboxPayloads(gateway, "case.incident.recorded")).length
      const before = await events()
      const readAs = async (who: Parameters<typeof as>[0]) =>
        (await gateway.request("GET", casePath(), { token: as(who) })).status
      expect(await readAs("caseManager")).toBe(200)
      expect(await readAs("ferizajCaseWorker")).not.toBe(200)
      const snapshot = (await gateway
        .request("GET", casePath(), { token: as("caseManager") })
        .then((r) => r.json())) as {
        incidents: unknown[]
        orders: unknown[]
        assessments: unknown[]
        reference: string
      }
      const badLead = await gateway.request("POST", `/v1/case-transfers/${transferId}/acceptance`, {
        token: as("ferizajCoordinator"),
        body: { lead: institutions.shelter.id },
      })
      expect(badLead.status).toBe(422)
      expect((await badLead.json()).field).toBe("lead")
      const accepted = await gateway.request("POST", `/v1/case-transfers/${transferId}/acceptance`, {
        token: as("ferizajCoordinator"),
        body: { lead: institutions.socialWork.id, team: [{ institution: institutions.police.id, access: "full" }] },
      })
      expect(accepted.status).toBe(200)
      expect(await accepted.json()).toMatchObject({ status: "accepted", lead: institutions.socialWork.id })
      // The sending mechanism's people are off the case; the receiving team is on it.
      for (const who of ["caseManager", "shelterWorker", "policeOfficer", "coordinator"] as const)
        expect([403, 404]).toContain(await readAs(who))
      const moved = await gateway.request("GET", casePath(), { token: as("ferizajCaseWorker") })
      expect(moved.status).toBe(200)
      const body = await moved.json()
      expect(body).toMatchObject({ mechanismId: ferizaj, reference: snapshot.reference })
      expect(body.incidents).toEqual(snapshot.incidents)
      expect(body.orders).toEqual(snapshot.orders)
      expect(body.assessments).toEqual(snapshot.assessments)
      expect(await events()).toBe(before)
      const accept = (await outboxPayloads(gateway, "case.transfer.accepted")).at(-1)
      expect(accept).toMatchObject({ transferId, toMechanismId: ferizaj })
      // Both mechanisms' audits show it.
      const audited = await gateway.runtime.runPromise(
        Effect.gen(function* () {
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          return yield* sql<{ mechanism_id: string }>`SELECT mechanism_id FROM audit_log
            WHERE case_id = ${seeded.cases?.highRisk.caseId ?? ""} ORDER BY seq DESC LIMIT 2`
        }).pipe(Effect.orDie),
      )
      expect(audited.map((row) => row.mechanism_id).sort()).toEqual([seeded.mechanismId, ferizaj].sort())
    })
  })
}
