// Case-conference reviews through HTTP, on SQLite and PostgreSQL: each review
// keeps the survivor's wishes (and how they were heard) and the outcomes, not
// only a date; bad input is refused naming the field and writes nothing; the
// answer carries no wishes; full-access members read them, each an audited
// read of the victim's data; her words are nowhere in the raw database.
import { RawStorage } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["cases", "case_reviews", "audit_log", "bashke_outbox"]
const wishes = "Arta wants to stay in Gjilan near her mother and does not want the school told about the order."
const note = "Police to check the stay-away distance near the school gate twice a week."

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: case reviews with the survivor's voice`, () => {
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

    const path = () => `/v1/cases/${seeded.cases?.highRisk.caseId}`
    const etag = async () =>
      (await gateway.request("GET", path(), { token: as("caseManager") })).headers.get("etag") as string
    const record = async (who: PersonName, body: Record<string, unknown>) =>
      gateway.request("POST", `${path()}/reviews`, {
        token: as(who),
        ifMatch: await etag(),
        body: { wishesHeard: "in-person", wishes, outcomes: ["continue-monitoring"], ...body },
      })

    it("refuses bad input naming the field, writing nothing", async () => {
      const before = await counts(gateway, written)
      for (const [body, field] of [
        [{ wishes: " " }, "wishes"],
        [{ wishes: undefined }, "wishes"],
        [{ wishesHeard: "rumour" }, "wishesHeard"],
        [{ outcomes: [] }, "outcomes"],
        [{ outcomes: ["shrug"] }, "outcomes"],
        [{ outcomes: ["referral", "referral"] }, "outcomes"],
        [{ note: "" }, "note"],
        [{ at: new Date(Date.now() + 86_400_000).toISOString() }, "at"],
        [{ at: "2001-01-01T00:00:00.000Z" }, "at"],
      ] as const) {
        const refused = await record("caseManager", body)
        expect(refused.status, JSON.stringify(body)).toBe(422)
        const problem = await refused.json()
        expect(String(problem.field)).toMatch(new RegExp(`^${field}`))
        expect(JSON.stringify(problem)).not.toContain("Arta")
      }
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("records the review with her wishes and the outcomes; the answer and the event carry no words", async () => {
      const before = await counts(gateway, written)
      const current = await etag()
      const recorded = await gateway.request("POST", `${path()}/reviews`, {
        token: as("nurse"),
        ifMatch: current,
        body: { wishesHeard: "through-representative", wishes, outcomes: ["protection-order", "referral"], note },
      })
      expect(recorded.status).toBe(200)
      expect(recorded.headers.get("etag")).toBe(`"${Number(JSON.parse(current)) + 1}"`)
      const receipt = await recorded.json()
      expect(receipt).toMatchObject({
        wishesHeard: "through-representative",
        outcomes: ["protection-order", "referral"],
      })
      expect(receipt.wishes).toBeUndefined()
      expect(receipt.note).toBeUndefined()
      const after = await counts(gateway, written)
      expect(after.case_reviews).toBe((before.case_reviews ?? 0) + 1)
      expect(after.audit_log).toBe((before.audit_log ?? 0) + 1)
      const event = (await outboxPayloads(gateway, "case.case.reviewed")).at(-1)
      expect(event).toMatchObject({ reviewId: receipt.id, outcomes: ["protection-order", "referral"] })
      expect(JSON.stringify(event)).not.toContain("Gjilan near")
      const summary = await gateway.request("GET", `${path()}/summary`, { token: as("caseManager") })
      expect((await summary.json()).lastReviewedAt).toBe(receipt.reviewedAt)
      // A stale If-Match writes nothing.
      const stale = await gateway.request("POST", `${path()}/reviews`, {
        token: as("nurse"),
        ifMatch: current,
        body: { wishesHeard: "not-asked", wishes: "She was in hospital.", outcomes: ["other"] },
      })
      expect(stale.status).toBe(412)
      expect(await counts(gateway, written)).toEqual(after)
    })

    it("full-access members read the reviews, each audited; summary access and outsiders are refused", async () => {
      const before = (await counts(gateway, ["audit_log"])).audit_log ?? 0
      const listed = await gateway.request("GET", `${path()}/reviews`, { token: as("caseManager") })
      expect(listed.status).toBe(200)
      const page = await listed.json()
      expect(page.items).toHaveLength(1)
      expect(page.items[0]).toMatchObject({ wishes, note, wishesHeard: "through-representative" })
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
      const nurse = await gateway.request("GET", `${path()}/reviews`, { token: as("nurse") })
      expect(nurse.status).toBe(403)
      expect((await gateway.request("GET", `${path()}/reviews`, { token: as("teacher") })).status).toBe(403)
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe(before + 1)
    })

    it("leaves neither her wishes nor the note in the raw database", async () => {
      const storage = await gateway.runtime.runPromise(RawStorage.read)
      expect(RawStorage.found(storage, [wishes, note, "near her mother"])).toEqual([])
    })
  })
}
