// Safe contact through HTTP, on SQLite and PostgreSQL: structured (calling
// safe or not, when, through whom, a code word), recorded by those the
// victim consented to, read only as a personal read for a stated purpose
// (audited); bad input is refused naming the field and writes nothing; a
// recording answers without the instructions, keeps the earlier version,
// and none of it is in the raw database.
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["cases", "case_safe_contacts", "audit_log", "bashke_outbox"]
const instructions = {
  safeToCall: false,
  safeTimes: [{ from: "10:00", to: "12:30" }],
  through: "Her sister Mimoza at the bakery on Rruga e Dardanisë",
  codeWord: "yellow tulips",
  channels: ["through-contact", "text-message"],
  note: "Never call the landline: he answers it.",
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: safe contact`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "policeOfficer", "nurse", "teacher"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const casePath = () => `/v1/cases/${seeded.cases?.highRisk.caseId}`
    const path = (person: string | undefined = seeded.cases?.highRisk.victim) =>
      `${casePath()}/persons/${person}/safe-contact`
    const etag = async () =>
      (await gateway.request("GET", casePath(), { token: as("caseManager") })).headers.get("etag") as string
    const record = async (who: PersonName, body: Record<string, unknown>, person?: string) =>
      gateway.request("POST", path(person), {
        token: as(who),
        ifMatch: await etag(),
        body: { ...instructions, ...body },
      })
    const read = (who: PersonName, body: Record<string, unknown> = { purpose: "case-management" }) =>
      gateway.request("POST", `${path()}/read`, { token: as(who), body })

    it("refuses bad input naming the field, writing nothing", async () => {
      const persons = (await (await gateway.request("GET", casePath(), { token: as("caseManager") })).json()).persons
      const perpetrator = persons.find((person: { role: string }) => person.role === "alleged-perpetrator").id
      const before = await counts(gateway, written)
      for (const [body, field, person] of [
        [{ through: undefined }, "through"],
        [{ channels: ["phone-call"] }, "channels"],
        [{ channels: ["carrier-pigeon"] }, "channels"],
        [{ safeTimes: [{ from: "14:00", to: "09:00" }] }, "safeTimes.0"],
        [{ safeTimes: [{ from: "25:00", to: "26:00" }] }, "safeTimes.0.from"],
        [{ codeWord: "  " }, "codeWord"],
        [{ safeToCall: "maybe" }, "safeToCall"],
        [{}, "personId", perpetrator],
      ] as const) {
        const refused = await record("caseManager", body, person)
        expect(refused.status, JSON.stringify(body)).toBe(422)
        const problem = await refused.json()
        expect(String(problem.field)).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}`))
        expect(JSON.stringify(problem)).not.toContain("Mimoza")
      }
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("nothing recorded yet is a 404 to a reader who may read", async () => {
      expect((await read("caseManager")).status).toBe(404)
    })

    it("records with a receipt and the case's new ETag; the answer and the event carry no instructions", async () => {
      const before = await counts(gateway, written)
      const current = await etag()
      const recorded = await gateway.request("POST", path(), {
        token: as("caseManager"),
        ifMatch: current,
        body: instructions,
      })
      expect(recorded.status).toBe(201)
      expect(recorded.headers.get("etag")).toBe(`"${Number(JSON.parse(current)) + 1}"`)
      const receipt = await recorded.json()
      expect(receipt).toMatchObject({ version: 1, personId: seeded.cases?.highRisk.victim })
      expect(JSON.stringify(receipt)).not.toContain("tulips")
      const after = await counts(gateway, written)
      expect(after.case_safe_contacts).toBe((before.case_safe_contacts ?? 0) + 1)
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1)
      const event = (await outboxPayloads(gateway, "case.safe-contact.recorded")).at(-1)
      expect(event).toMatchObject({ personId: seeded.cases?.highRisk.victim, version: 1 })
      // The police have no consent for her personal data: refused, nothing written.
      const police = await record("policeOfficer", { codeWord: "red tulips" })
      expect(police.status).toBe(403)
      expect(await counts(gateway, written)).toEqual(after)
      // A second recording is the next version.
      const again = await record("caseManager", { safeToCall: true, channels: ["phone-call"], through: undefined })
      expect(again.status).toBe(201)
      expect((await again.json()).version).toBe(2)
    })

    it("reads the latest version for a stated purpose, audited; without a purpose or consent, refused unaudited", async () => {
      const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
      const latest = await read("caseManager")
      expect(latest.status).toBe(200)
      expect(await latest.json()).toMatchObject({ version: 2, safeToCall: true, codeWord: "yellow tulips" })
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
      const noPurpose = await read("caseManager", {})
      expect(noPurpose.status).toBe(422)
      expect((await noPurpose.json()).field).toBe("purpose")
      expect((await read("policeOfficer")).status).toBe(403)
      expect((await read("teacher")).status).toBe(403)
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
    })

    it("leaves none of the instructions in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(RawStorage.found(storage, [instructions.through, "yellow tulips", "Mimoza", instructions.note])).toEqual(
        [],
      )
    })
  })
}
