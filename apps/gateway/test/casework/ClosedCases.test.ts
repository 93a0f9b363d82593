// The register of closed cases through HTTP, on SQLite and PostgreSQL: a
// closed case is listed (pseudonymised) and found by the beginning of its
// reference, its closure reason and its risk level; the school (not a
// signatory) is refused; a malformed filter is refused naming the field; the
// administrator finds it too, with the version an erasure's If-Match names;
// and once reopened with a reason the case leaves the register.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

interface Page {
  readonly items: ReadonlyArray<{ id: string; reference: string; reason?: string; riskLevel?: string }>
  readonly next: string | null
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the register of closed cases`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let reference = ""
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["caseManager", "coordinator", "teacher", "nurse", "administrator"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const standard = () => `/v1/cases/${seeded.cases?.standardRisk.caseId}`
    const register = (query = "") => `/v1/mechanisms/${seeded.mechanismId}/closed-cases${query}`
    const search = async (who: PersonName, query = ""): Promise<Page> => {
      const response = await gateway.request("GET", register(query), { token: as(who) })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(leaked(text)).toEqual([])
      return JSON.parse(text) as Page
    }
    const move = async (command: string, reason: string) => {
      const read = await gateway.request("GET", standard(), { token: as("caseManager") })
      const body = (await read.json()) as { reference: string; riskLevel?: string }
      reference = body.reference
      const moved = await gateway.request("POST", `${standard()}/transitions`, {
        token: as("caseManager"),
        body: { command, reason },
        ifMatch: read.headers.get("etag") ?? '"0"',
      })
      expect(moved.status).toBe(200)
    }

    it("lists nothing before a case is closed, then the closed case, pseudonymised", async () => {
      expect((await search("coordinator")).items).toEqual([])
      await move("close", "risk-reduced")
      const page = await search("coordinator")
      expect(page.items).toEqual([
        expect.objectContaining({ id: seeded.cases?.standardRisk.caseId, reference, reason: "risk-reduced" }),
      ])
      expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(
        expect.arrayContaining(["closedAt", "id", "lead", "openedAt", "reference"]),
      )
      // A signatory's person with summary access finds it too.
      expect((await search("nurse")).items.map((item) => item.reference)).toEqual([reference])
    })

    it("searches by the reference's beginning (any case), the closure reason and the risk level", async () => {
      const prefix = reference.slice(0, 8)
      expect((await search("caseManager", `?reference=${prefix.toLowerCase()}`)).items).toHaveLength(1)
      expect((await search("caseManager", `?reference=${reference}`)).items).toHaveLength(1)
      expect((await search("caseManager", "?reference=ZZZ-1999")).items).toEqual([])
      expect((await search("caseManager", "?reason=risk-reduced")).items).toHaveLength(1)
      expect((await search("caseManager", "?reason=goals-met")).items).toEqual([])
      const [closed] = (await search("caseManager")).items
      expect((await search("caseManager", `?riskLevel=${closed?.riskLevel ?? "standard"}`)).items).toHaveLength(
        closed?.riskLevel === undefined ? 0 : 1,
      )
    })

    it("refuses the school and malformed filters, naming the field", async () => {
      const school = await gateway.request("GET", register(), { token: as("teacher") })
      expect(school.status).toBe(403)
      for (const [query, field] of [
        ["?reason=bored", "reason"],
        ["?reference=GJI%25", "reference"],
        ["?riskLevel=extreme", "riskLevel"],
      ] as const) {
        const refused = await gateway.request("GET", register(query), { token: as("coordinator") })
        expect(refused.status).toBe(422)
        const problem = await refused.json()
        expect(problem.field).toBe(field)
        expect(JSON.stringify(problem)).not.toContain("bored")
      }
    })

    it("shows the administrator, who belongs to no mechanism, the case with the version its erasure names", async () => {
      const [found] = (await search("administrator", `?reference=${reference}`)).items as ReadonlyArray<{
        id: string
        version?: number
        erasedAt?: string
      }>
      const read = await gateway.request("GET", standard(), { token: as("caseManager") })
      expect(found?.id).toBe(seeded.cases?.standardRisk.caseId)
      expect(`"${found?.version}"`).toBe(read.headers.get("etag"))
      expect(found?.erasedAt).toBeUndefined()
    })

    it("a reopened case leaves the register", async () => {
      await move("reopen", "new-incident")
      expect((await search("coordinator")).items).toEqual([])
      const read = await gateway.request("GET", standard(), { token: as("caseManager") })
      expect(((await read.json()) as { status: string }).status).toBe("active")
    })
  })
}
