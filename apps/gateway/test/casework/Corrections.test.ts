// Corrections through HTTP, on SQLite and PostgreSQL: a person's details and
// relationship and an incident's facts are corrected with a reason; the
// record carries the new value, the case's corrections keep the previous
// ones with who, when and why (each shown is an audited read); bad input is
// refused naming the field and writes nothing; a stale If-Match is a 412; and
// neither a reason nor a new identifying value is in the raw database.
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["persons", "incidents", "case_corrections", "audit_log", "bashke_outbox"]
const reason = "She moved to her sister's flat on Rruga Adem Jashari 7 last week; the police report had the old street."
const newAddress = "Rruga Adem Jashari 7, Gjilan"
const divorced = "The divorce was final in October; the court's decision is on file at the centre."

interface CaseRead {
  readonly persons: ReadonlyArray<{
    id: string
    role: string
    birthYear?: number
    relationship?: { kind: string; time: string }
  }>
  readonly incidents: ReadonlyArray<{ id: string; forms: ReadonlyArray<string>; place?: string; occurredOn: string }>
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: corrections`, () => {
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

    const caseId = () => seeded.cases?.highRisk.caseId as string
    const read = async () => {
      const response = await gateway.request("GET", `/v1/cases/${caseId()}`, { token: as("caseManager") })
      expect(response.status).toBe(200)
      return { body: (await response.json()) as CaseRead, etag: response.headers.get("etag") as string }
    }
    const correct = async (who: PersonName, path: string, body: Record<string, unknown>, ifMatch?: string) =>
      gateway.request("POST", `/v1/cases/${caseId()}/${path}/corrections`, {
        token: as(who),
        body,
        ifMatch: ifMatch ?? (await read()).etag,
      })
    const incidentPath = async () => `incidents/${(await read()).body.incidents[0]?.id}`
    const victimPath = () => `persons/${seeded.cases?.highRisk.victim}`

    it("refuses bad input naming the field, writing nothing", async () => {
      const child = (await read()).body.persons.find((person) => person.role === "child")?.id
      const before = await counts(gateway, written)
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
      for (const [path, body, field] of [
        [await incidentPath(), { incident: { place: "school" } }, "reason"],
        [await incidentPath(), { incident: { place: "school" }, reason: "   " }, "reason"],
        [await incidentPath(), { incident: { place: "home" }, reason }, "incident"],
        [await incidentPath(), { incident: {}, reason }, "incident"],
        [await incidentPath(), { incident: { occurredOn: tomorrow }, reason }, "incident.occurredOn"],
        [await incidentPath(), { incident: { perpetrators: [child] }, reason }, "incident.perpetrators.0"],
        [await incidentPath(), { incident: { forms: ["gossip"] }, reason }, "incident.forms"],
        [
          victimPath(),
          { person: { relationship: { kind: "married", time: "current" } }, reason },
          "person.relationship",
        ],
        [victimPath(), { details: { phone: "+383 44 000 999" } }, "reason"],
        [victimPath(), { person: { birthYear: 1990 }, reason: "" }, "reason"],
        [victimPath(), { person: { sex: "female" }, reason }, "person"],
        [victimPath(), { details: { phone: "  " }, reason }, "details.phone"],
      ] as const) {
        const refused = await correct("caseManager", path, body)
        expect(refused.status, JSON.stringify(body)).toBe(422)
        const problem = await refused.json()
        expect(problem.type).toMatch(/^https?:|^urn:|^\//)
        expect(String(problem.field)).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}`))
        expect(JSON.stringify(problem)).not.toContain("Adem Jashari")
      }
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("corrects an incident's facts: the case's new ETag, a receipt without the reason, an event with field names", async () => {
      const { etag } = await read()
      const before = await counts(gateway, written)
      const corrected = await correct(
        "policeOfficer",
        await incidentPath(),
        {
          incident: { forms: ["physical", "psychological", "economic"], place: "public-space" },
          reason,
        },
        etag,
      )
      expect(corrected.status).toBe(201)
      expect(corrected.headers.get("etag")).toBe(`"${Number(JSON.parse(etag)) + 1}"`)
      const receipt = await corrected.json()
      expect(receipt).toMatchObject({ kind: "incident", version: 2, fields: ["forms", "place"] })
      expect(receipt.institution).toBe(institutions.police.id)
      expect(receipt.reason).toBeUndefined()
      expect(receipt.previous).toBeUndefined()
      const incident = (await read()).body.incidents[0]
      expect(incident).toMatchObject({ forms: ["physical", "psychological", "economic"], place: "public-space" })
      const after = await counts(gateway, written)
      expect(after.case_corrections).toBe((before.case_corrections ?? 0) + 1)
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1)
      const event = (await outboxPayloads(gateway, "case.incident.corrected")).at(-1)
      expect(event).toMatchObject({ correctionId: receipt.id, fields: ["forms", "place"], version: 2 })
      expect(JSON.stringify(event)).not.toContain("sister")
    })

    it("a stale If-Match is a 412 and writes nothing", async () => {
      const before = await counts(gateway, written)
      const stale = await correct("policeOfficer", await incidentPath(), { incident: { place: "home" }, reason }, '"1"')
      expect(stale.status).toBe(412)
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("corrects the victim's address and birth year: the details read back new, the old values kept sealed", async () => {
      const corrected = await correct("caseManager", victimPath(), {
        person: { birthYear: 1990 },
        details: { address: newAddress },
        reason,
      })
      expect(corrected.status).toBe(201)
      expect(await corrected.json()).toMatchObject({ kind: "person", fields: ["birthYear", "details.address"] })
      const details = await gateway.request("POST", `/v1/cases/${caseId()}/${victimPath()}/details/read`, {
        token: as("caseManager"),
        body: { purpose: "case-management" },
      })
      expect(details.status).toBe(200)
      expect(await details.json()).toMatchObject({ address: newAddress, givenName: "Arta" })
      expect((await read()).body.persons.find((person) => person.id === seeded.cases?.highRisk.victim)?.birthYear).toBe(
        1990,
      )
    })

    it("lists the corrections with the previous values, who and why, for full-access members, each audited", async () => {
      const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
      const listed = await gateway.request("GET", `/v1/cases/${caseId()}/corrections`, { token: as("caseManager") })
      expect(listed.status).toBe(200)
      const page = await listed.json()
      expect(page.items).toHaveLength(2)
      expect(page.items[0]).toMatchObject({
        kind: "incident",
        fields: ["forms", "place"],
        previous: { forms: ["physical", "psychological"], place: "home" },
        reason,
        institution: institutions.police.id,
      })
      // The previous address is kept sealed, never shown in the history.
      expect(page.items[1]).toMatchObject({ kind: "person", previous: { birthYear: 1991 }, reason })
      expect(Object.keys(page.items[1].previous)).toEqual(["birthYear"])
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 2)
      const nurse = await gateway.request("GET", `/v1/cases/${caseId()}/corrections`, { token: as("nurse") })
      expect(nurse.status).toBe(403)
      expect((await nurse.json()).rule).toBe("policy.access.summary-only")
      expect((await gateway.request("GET", `/v1/cases/${caseId()}/corrections`, { token: as("teacher") })).status).toBe(
        403,
      )
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 2)
    })

    it("corrects the alleged perpetrator's relationship: the case reads it new, the history keeps the old one", async () => {
      const perpetrator = (await read()).body.persons.find((person) => person.role === "alleged-perpetrator")
      expect(perpetrator?.relationship).toEqual({ kind: "married", time: "current" })
      const corrected = await correct("caseManager", `persons/${perpetrator?.id}`, {
        person: { relationship: { kind: "married", time: "former" } },
        reason: divorced,
      })
      expect(corrected.status).toBe(201)
      const receipt = await corrected.json()
      expect(receipt).toMatchObject({ kind: "person", fields: ["relationship"] })
      expect(receipt.reason).toBeUndefined()
      expect((await read()).body.persons.find((person) => person.id === perpetrator?.id)?.relationship).toEqual({
        kind: "married",
        time: "former",
      })
      const event = (await outboxPayloads(gateway, "case.person.corrected")).at(-1)
      expect(event).toMatchObject({ correctionId: receipt.id, fields: ["relationship"] })
      expect(JSON.stringify(event)).not.toContain("divorce")
      const listed = await gateway.request("GET", `/v1/cases/${caseId()}/corrections`, { token: as("caseManager") })
      const history = (await listed.json()).items.find((item: { id: string }) => item.id === receipt.id)
      expect(history).toMatchObject({
        kind: "person",
        previous: { relationship: { kind: "married", time: "current" } },
        reason: divorced,
        institution: institutions.socialWork.id,
      })
    })

    it("leaves neither the reason nor the new address in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(storage.size).toBeGreaterThan(0)
      expect(
        RawStorage.found(storage, [reason, divorced, newAddress, "Adem Jashari", "Rr. e Trëndafilave 12"]),
      ).toEqual([])
    })
  })
}
