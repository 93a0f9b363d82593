// What the survivor was told, through HTTP, on SQLite and PostgreSQL: the
// team records (the answer carries no text), only about the victim or a child,
// never in the future; bad input is refused naming the field and writes
// nothing; full-access members read it, each entry an audited read of her
// data; summary access is refused; nothing said is in the raw database.
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["case_survivor_informed", "audit_log", "bashke_outbox"]
const said = "Told Drita she may ask the court in Gjilan for a protection order; she wants to think until Friday."

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: what the survivor was told`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "nurse", "teacher"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const high = () => seeded.cases?.highRisk as NonNullable<Seeded["cases"]>["highRisk"]
    const log = () => `/v1/cases/${high().caseId}/survivor-informed`
    const record = (who: PersonName, body: Record<string, unknown>) =>
      gateway.request("POST", log(), {
        token: as(who),
        body: { personId: high().victim, topics: ["protection-order"], said, language: "sq", ...body },
      })

    it("refuses bad input naming the field, writing nothing", async () => {
      const read = await gateway.request("GET", `/v1/cases/${high().caseId}`, { token: as("caseManager") })
      const persons = ((await read.json()) as { persons: Array<{ id: string; role: string }> }).persons
      const perpetrator = persons.find((person) => person.role === "alleged-perpetrator")?.id
      const before = await counts(gateway, written)
      for (const [body, field] of [
        [{ personId: perpetrator }, "personId"],
        [{ toldAt: new Date(Date.now() + 86_400_000).toISOString() }, "toldAt"],
        [{ toldAt: "2001-01-01T00:00:00.000Z" }, "toldAt"],
        [{ topics: ["gossip"] }, "topics"],
        [{ topics: [] }, "topics"],
        [{ said: "  " }, "said"],
        [{ language: "de" }, "language"],
      ] as const) {
        const refused = await record("caseManager", body)
        expect(refused.status).toBe(422)
        const problem = await refused.json()
        expect(String(problem.field)).toMatch(new RegExp(`^${field}`))
        expect(JSON.stringify(problem)).not.toContain("Drita")
      }
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("records with an audit entry and an event; the answer and the event carry no text", async () => {
      const before = await counts(gateway, written)
      const recorded = await record("nurse", { topics: ["rights", "protection-order"] })
      expect(recorded.status).toBe(201)
      const receipt = await recorded.json()
      expect(receipt).toMatchObject({ personId: high().victim, topics: ["rights", "protection-order"], language: "sq" })
      expect(receipt.said).toBeUndefined()
      const after = await counts(gateway, written)
      expect(after).toEqual({
        case_survivor_informed: (before.case_survivor_informed ?? 0) + 1,
        audit_log: (before.audit_log ?? 0) + 1,
        bashke_outbox: (before.bashke_outbox ?? 0) + 1,
      })
      const event = (await outboxPayloads(gateway, "case.survivor.informed")).at(-1)
      expect(event).toMatchObject({ entryId: receipt.id, personId: high().victim })
      expect(JSON.stringify(event)).not.toContain("Drita")
    })

    it("full-access members read it, each entry audited; summary access and outsiders are refused", async () => {
      const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
      const listed = await gateway.request("GET", log(), { token: as("caseManager") })
      expect(listed.status).toBe(200)
      const page = await listed.json()
      expect(page.items).toHaveLength(1)
      expect(page.items[0]).toMatchObject({ said, topics: ["rights", "protection-order"] })
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
      const nurse = await gateway.request("GET", log(), { token: as("nurse") })
      expect(nurse.status).toBe(403)
      expect((await nurse.json()).rule).toBe("policy.access.summary-only")
      expect((await gateway.request("GET", log(), { token: as("teacher") })).status).toBe(403)
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
    })

    it("leaves nothing said in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(storage.size).toBeGreaterThan(0)
      expect(RawStorage.found(storage, [said, "wants to think until Friday"])).toEqual([])
    })
  })
}
