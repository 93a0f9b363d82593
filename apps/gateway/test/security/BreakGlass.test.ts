// Finding 3 of the outside review: a summary-only team member read full
// details by breaking glass with the reason "." (200), and only denied
// break-glass reads raised an outbox event. Now only a case worker of a
// full-access team institution breaks glass, with a reason code and a sentence;
// every successful one raises an alert for the coordinator and the case lead
// and waits on a review list the coordinator closes with a verdict (audited).
// The attack and the review, through HTTP, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["case_break_glass_reviews", "audit_log"]
const reason = "Threats by phone tonight; police need her current address to send a patrol."

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: break-glass is narrow, announced and reviewed`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["policeOfficer", "nurse", "caseManager", "coordinator"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const highRisk = () => {
      const found = seeded.cases?.highRisk
      if (found === undefined) throw new Error("the demo seeds the high-risk case")
      return found
    }
    const breakGlass = (who: PersonName, body: Record<string, unknown>) =>
      gateway.request("POST", `/v1/cases/${highRisk().caseId}/persons/${highRisk().victim}/details/read`, {
        token: as(who),
        body: { purpose: "break-glass", fields: ["address"], ...body },
      })
    const reviews = () => `/v1/mechanisms/${seeded.mechanismId}/break-glass-reviews`

    it("a summary-only member cannot break glass, not even with a code and a sentence; nothing is read", async () => {
      const before = await counts(gateway, written)
      const dot = await breakGlass("nurse", { breakGlassReason: "." })
      expect(dot.status).toBe(403)
      expect((await dot.json()).rule).toBe("policy.break-glass.full-access-required")
      const full = await breakGlass("nurse", { breakGlassCode: "imminent-danger", breakGlassReason: reason })
      expect(full.status).toBe(403)
      const body = await full.text()
      expect(leaked(body)).toEqual([])
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("a dot, or no reason code, is refused as incomplete, naming the field", async () => {
      const before = await counts(gateway, written)
      const dot = await breakGlass("policeOfficer", { breakGlassCode: "imminent-danger", breakGlassReason: "." })
      expect(dot.status).toBe(422)
      expect(await dot.json()).toMatchObject({ field: "breakGlassReason", rule: "policy.break-glass.reason-too-short" })
      const noCode = await breakGlass("policeOfficer", { breakGlassReason: reason })
      expect(noCode.status).toBe(422)
      expect(await noCode.json()).toMatchObject({ field: "breakGlassCode", rule: "policy.break-glass.code-required" })
      const unknownCode = await breakGlass("policeOfficer", { breakGlassCode: "curious", breakGlassReason: reason })
      expect(unknownCode.status).toBe(422)
      expect(JSON.stringify(await unknownCode.json())).not.toContain("curious")
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("a break-glass read raises an alert and waits for the coordinator's verdict, which is audited", async () => {
      const read = await breakGlass("policeOfficer", { breakGlassCode: "imminent-danger", breakGlassReason: reason })
      expect(read.status).toBe(200)
      const alerts = await outboxPayloads(gateway, "case.break-glass.alert")
      expect(alerts.at(-1)).toMatchObject({
        caseId: highRisk().caseId,
        mechanismId: seeded.mechanismId,
        lead: institutions.socialWork.id,
        personId: highRisk().victim,
        institutionId: institutions.police.id,
        code: "imminent-danger",
      })
      // The alert carries codes and ids, never the written reason.
      expect(JSON.stringify(alerts)).not.toContain("patrol")

      const list = reviews()
      const notCoordinator = await gateway.request("GET", list, { token: as("caseManager") })
      expect(notCoordinator.status).toBe(403)
      const open = await gateway.request("GET", `${list}?status=open`, { token: as("coordinator") })
      expect(open.status).toBe(200)
      const items = (await open.json()).items
      const review = items.find((item: { id: string }) => item.id === alerts.at(-1)?.reviewId)
      expect(review).toMatchObject({
        code: "imminent-danger",
        reason,
        principalId: principal("policeOfficer", seeded.mechanismId).id,
      })

      const before = await counts(gateway, ["audit_log"])
      const verdict = await gateway.request("POST", `/v1/break-glass-reviews/${review.id}/verdict`, {
        token: as("coordinator"),
        body: { verdict: "justified" },
      })
      expect(verdict.status).toBe(200)
      expect(await verdict.json()).toMatchObject({ verdict: "justified" })
      expect((await counts(gateway, ["audit_log"])).audit_log).toBe((before.audit_log ?? 0) + 1)
      const again = await gateway.request("POST", `/v1/break-glass-reviews/${review.id}/verdict`, {
        token: as("coordinator"),
        body: { verdict: "unjustified" },
      })
      expect(again.status).toBe(409)
      expect((await again.json()).rule).toBe("case.break-glass.review-closed")
      const closed = await (await gateway.request("GET", `${list}?status=closed`, { token: as("coordinator") })).json()
      expect(closed.items.map((item: { id: string }) => item.id)).toContain(review.id)
      expect((await outboxPayloads(gateway, "case.break-glass.reviewed")).at(-1)).toMatchObject({
        reviewId: review.id,
        verdict: "justified",
      })
    })
  })
}
