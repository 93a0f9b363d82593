// The case list pages in SQL by keyset (ADR 0013, migration 10 of the case
// package): walking the demo mechanism's open cases one at a time by the `next`
// cursor gives the same cases, in the same order, as one page of all of them;
// the risk filter pages the same way; closed cases never appear.
import type { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

interface Summary {
  readonly caseId: string
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
      const ids = all.items.map((item) => item.caseId)
      expect(ids).toEqual([...ids].sort())
      expect(all.items.every((item) => item.status !== "closed")).toBe(true)
      expect((await walk("", 1)).map((item) => item.caseId)).toEqual(ids)
      expect((await walk("", 2)).map((item) => item.caseId)).toEqual(ids)
    })

    it("the risk filter pages the same way and keeps only that level", async () => {
      const all = (await page("&limit=200")).items
      for (const level of ["standard", "medium", "high"]) {
        const expected = all.filter((item) => item.riskLevel === level).map((item) => item.caseId)
        const walked = await walk(`&riskLevel=${level}`, 1)
        expect(walked.map((item) => item.caseId)).toEqual(expected)
      }
      expect(all.some((item) => item.riskLevel === "high")).toBe(true)
    })
  })
}
