// The case list pages in SQL by keyset (ADR 0013, migration 10 of the case
// package): walking the demo mechanism's open cases one at a time by the `next`
// cursor gives the same cases, in the same order, as one page of all of them;
// the risk, status and lead-institution filters page the same way; closed cases
// never appear; a bad filter is a problem naming it.
import type { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { seed } from "../../src/demo/Seed"
import { institutions as demo, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

interface Summary {
  readonly id: string
  readonly status: string
  readonly riskLevel: string
}
interface Page {
  readonly items: ReadonlyArray<Summary>
  readonly next: string | null
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the case list`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    let token: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      token = await gateway.tokenFor(principal("coordinator", mechanismId))
    })
    afterAll(() => gateway.close())

    const page = async (query: string): Promise<Page> => {
      const response = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}${query}`, { token })
      expect(response.status).toBe(200)
      return (await response.json()) as Page
    }

    /** Every item, following `next` with pages of `limit`. */
    const walk = async (query: string, limit: number) => {
      const seen: Array<Summary> = []
      let next: string | undefined
      for (let pages = 0; pages < 100; pages++) {
        const current = await page(`${query}&limit=${limit}${next === undefined ? "" : `&after=${next}`}`)
        expect(current.items.length).toBeLessThanOrEqual(limit)
        seen.push(...current.items)
        if (current.next === null) return seen
        next = current.next
      }
      throw new Error("the cursor never ended")
    }

    it("one case a page by cursor gives the whole list, in case-id order, without closed cases", async () => {
      const all = await page("&limit=200")
      expect(all.next).toBeNull()
      expect(all.items.length).toBeGreaterThan(1)
      const ids = all.items.map((item) => item.id)
      expect(ids).toEqual([...ids].sort())
      expect(all.items.every((item) => item.status !== "closed")).toBe(true)
      expect((await walk("", 1)).map((item) => item.id)).toEqual(ids)
      expect((await walk("", 2)).map((item) => item.id)).toEqual(ids)
    })

    it("the risk filter pages the same way and keeps only that level", async () => {
      const all = (await page("&limit=200")).items
      for (const level of ["standard", "medium", "high"]) {
        const expected = all.filter((item) => item.riskLevel === level).map((item) => item.id)
        const walked = await walk(`&riskLevel=${level}`, 1)
        expect(walked.map((item) => item.id)).toEqual(expected)
      }
      expect(all.some((item) => item.riskLevel === "high")).toBe(true)
    })

    it("the status filter pages the same way and keeps only that status", async () => {
      const all = (await page("&limit=200")).items
      for (const status of ["open", "assessed", "active", "monitoring"]) {
        const expected = all.filter((item) => item.status === status).map((item) => item.id)
        const walked = await walk(`&status=${status}`, 1)
        expect(walked.map((item) => item.id)).toEqual(expected)
      }
      expect(new Set(all.map((item) => item.status)).size).toBeGreaterThan(1)
    })

    it("the lead-institution filter pages the same way and keeps only the cases that institution leads", async () => {
      const all = (await page("&limit=200")).items.map((item) => item.id)
      // The lead is not in the summary: read it from the cases table.
      const leads = await gateway.runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) =>
            sql.withoutTransforms()<{ id: string; lead_institution: string }>`SELECT id, lead_institution FROM cases
            WHERE mechanism_id = ${mechanismId} AND status <> 'closed'`,
        ).pipe(Effect.orDie),
      )
      const leadOf = new Map(leads.map((row) => [row.id, row.lead_institution]))
      // The demo's cases all have one lead, and it is not the police.
      const institutions = [...new Set(leadOf.values()), demo.police.id]
      expect(institutions).toHaveLength(2)
      expect(await walk(`&leadInstitution=${demo.police.id}`, 1)).toEqual([])
      for (const institution of institutions) {
        const expected = all.filter((caseId) => leadOf.get(caseId) === institution)
        expect((await walk(`&leadInstitution=${institution}`, 1)).map((item) => item.id)).toEqual(expected)
      }
      // With the status too: both hold.
      const [institution] = institutions
      const both = await walk(`&leadInstitution=${institution}&status=active`, 2)
      expect(both.every((item) => item.status === "active" && leadOf.get(item.id) === institution)).toBe(true)
    })

    it("a status outside the open ones, or a malformed institution id, is a problem naming the field", async () => {
      for (const [query, field] of [
        ["&status=closed", "status"],
        ["&status=pending", "status"],
        ["&leadInstitution=not-an-id", "leadInstitution"],
      ] as const) {
        const response = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}${query}`, { token })
        expect(response.status).toBe(422)
        expect(response.headers.get("content-type")).toContain("application/problem+json")
        expect(await response.json()).toMatchObject({ field })
      }
    })
  })
}
