// Extending an action item's due date through the API, on SQLite and
// PostgreSQL: If-Match and Idempotency-Key; refusals named by field that write
// nothing; the previous date kept in the history with who, for which
// institution, when and why; the reason sealed at rest and out of the event.
import type { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { DemoMeetings } from "../../src/demo/MeetingsDemo"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const reason = "The family moved to Kamenica; the visit needs a new date."

const rows = (gateway: Gateway, query: string) =>
  gateway.runtime.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql.withoutTransforms().unsafe<Record<string, unknown>>(query)).pipe(
      Effect.orDie,
    ),
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: action item extensions`, () => {
    let gateway: Gateway
    let item: DemoMeetings["actionItems"]["caseLinked"]
    let caseId: string
    const tokens = new Map<string, string>()
    const token = (name: PersonName) => tokens.get(name) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      item = (seeded.meetings as DemoMeetings).actionItems.caseLinked
      caseId = seeded.cases?.highRisk.caseId ?? ""
      for (const name of ["coordinator", "policeOfficer", "teacher", "caseManager", "nurse"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const path = () => `/v1/action-items/${item.actionItemId}/extensions`
    /** Everything an extension writes, to show a refusal writes none of it. */
    const written = async () => ({
      history: await rows(gateway, "SELECT * FROM meeting_action_item_extensions"),
      item: await rows(gateway, `SELECT due_date, version FROM meeting_action_items WHERE id = '${item.actionItemId}'`),
      events: await rows(gateway, "SELECT id FROM bashke_outbox WHERE topic = 'meeting.action-item.extended'"),
      writes: await rows(gateway, "SELECT id FROM audit_log WHERE action = 'write' ORDER BY seq"),
    })

    it("refuses without writing: no If-Match, a stale one, a caller not the owner, no reason, a date not later", async () => {
      const before = await written()
      expect(before.history).toEqual([])
      const current = String(before.item[0]?.due_date)
      const later = "2099-12-31"
      const post = (who: PersonName, body: object, ifMatch: string | null = `"${item.version}"`) =>
        gateway.request("POST", path(), { token: token(who), body, ...(ifMatch === null ? {} : { ifMatch }) })

      expect((await post("policeOfficer", { dueDate: later, reason }, null)).status).toBe(428)
      expect((await post("policeOfficer", { dueDate: later, reason }, `"${item.version + 3}"`)).status).toBe(412)
      const teacher = await post("teacher", { dueDate: later, reason })
      expect(teacher.status).toBe(403)
      expect(await teacher.json()).toMatchObject({ rule: "meeting.action-item.owner-required" })

      for (const body of [{ dueDate: later }, { dueDate: later, reason: "   " }, { dueDate: later, reason: "" }]) {
        const refused = await post("policeOfficer", body)
        expect(refused.status).toBe(422)
        expect(refused.headers.get("content-type")).toContain("application/problem+json")
        expect(await refused.json()).toMatchObject({ field: "reason" })
      }
      for (const dueDate of [current, "2020-01-01"]) {
        const refused = await post("policeOfficer", { dueDate, reason })
        expect(refused.status).toBe(422)
        expect(await refused.json()).toMatchObject({
          field: "dueDate",
          rule: "meeting.action-item.extension-not-later",
        })
      }
      const malformed = await post("policeOfficer", { dueDate: "2099-02-30", reason })
      expect(malformed.status).toBe(422)
      expect(await malformed.json()).toMatchObject({ field: "dueDate" })

      expect(await written()).toEqual(before)
    })

    it("extends for the owner, keeps the previous date with who, when and why, and replays a retry", async () => {
      const before = await written()
      const previousDueDate = String(before.item[0]?.due_date)
      const body = { dueDate: "2099-06-30", reason }
      const request = { token: token("policeOfficer"), body, ifMatch: `"${item.version}"`, idempotencyKey: "ext-1" }
      const extended = await gateway.request("POST", path(), request)
      expect(extended.status).toBe(200)
      expect(extended.headers.get("etag")).toBe(`"${item.version + 1}"`)
      expect(await extended.json()).toMatchObject({ dueDate: "2099-06-30", status: "open", version: item.version + 1 })

      const retry = await gateway.request("POST", path(), request)
      expect(retry.status).toBe(200)
      expect((await retry.json()).version).toBe(item.version + 1)

      const history = await gateway.request("GET", path(), { token: token("coordinator") })
      expect(history.status).toBe(200)
      expect((await history.json()).items).toEqual([
        expect.objectContaining({
          actionItemId: item.actionItemId,
          previousDueDate,
          dueDate: "2099-06-30",
          reason,
          extendedBy: principal("policeOfficer", "" as Id.MechanismId).id,
          institution: institutions.police.id,
        }),
      ])

      const after = await written()
      expect(after.history).toHaveLength(1)
      expect(after.events).toHaveLength(1)
      // The sealed reason's write is audited, about the case the item is linked to.
      expect(after.writes).toHaveLength(before.writes.length + 1)
      const audited = await rows(
        gateway,
        `SELECT principal_id, case_id FROM audit_log WHERE id = '${String(after.writes.at(-1)?.id)}'`,
      )
      expect(audited[0]?.principal_id).toBe(principal("policeOfficer", "" as Id.MechanismId).id)
      expect(audited[0]?.case_id).not.toBeNull()
      // The reason is sealed at rest and stays out of the event.
      expect(JSON.stringify(after.history)).not.toContain("Kamenica")
      const events = await rows(
        gateway,
        "SELECT payload FROM bashke_outbox WHERE topic = 'meeting.action-item.extended'",
      )
      expect(JSON.stringify(events)).not.toContain("Kamenica")
      expect(JSON.stringify(events)).toContain("2099-06-30")

      // The coordinator extends again, from the new date.
      const again = await gateway.request("POST", path(), {
        token: token("coordinator"),
        body: { dueDate: "2099-07-15", reason: "A second postponement agreed at the meeting." },
        ifMatch: `"${item.version + 1}"`,
      })
      expect(again.status).toBe(200)
      const both = (await (await gateway.request("GET", path(), { token: token("coordinator") })).json()).items
      expect(both.map((e: { previousDueDate: string; dueDate: string }) => [e.previousDueDate, e.dueDate])).toEqual([
        [previousDueDate, "2099-06-30"],
        ["2099-06-30", "2099-07-15"],
      ])
      expect(JSON.stringify(gateway.logs)).not.toContain("Kamenica")
    })

    it("lists the case's action items with their extensions to its full-access team, paged and audited", async () => {
      const casePath = `/v1/cases/${caseId}/action-items`
      const reads = async () =>
        (await rows(gateway, `SELECT id FROM audit_log WHERE action = 'read' AND case_id = '${caseId}'`)).length
      const before = await reads()
      const listed = await gateway.request("GET", casePath, { token: token("caseManager") })
      expect(listed.status).toBe(200)
      const page = await listed.json()
      expect(page.next).toBeNull()
      expect(page.items).toHaveLength(1)
      const [found] = page.items
      expect(found).toMatchObject({
        id: item.actionItemId,
        link: { _tag: "case", caseId },
        owner: institutions.police.id,
        dueDate: "2099-07-15",
      })
      expect(found.extensions.map((e: { dueDate: string; reason: string }) => [e.dueDate, e.reason])).toEqual([
        ["2099-06-30", reason],
        ["2099-07-15", "A second postponement agreed at the meeting."],
      ])
      // The owner's and the extending institutions' names come with the page.
      expect(found.institutionNames[institutions.police.id]).toBeDefined()
      expect(found.institutionNames[institutions.municipality.id]).toBeDefined()
      // Reading sealed descriptions and reasons is audited, about the case.
      expect(await reads()).toBeGreaterThan(before)

      // Paged: one item per page, the cursor after the last.
      const first = await (await gateway.request("GET", `${casePath}?limit=1`, { token: token("caseManager") })).json()
      expect(first.items.map((each: { id: string }) => each.id)).toEqual([item.actionItemId])
      const malformed = await gateway.request("GET", `${casePath}?after=not-a-cursor`, { token: token("caseManager") })
      expect(malformed.status).toBe(422)

      // The case's rule: not its summary-access member (the health centre), not the
      // coordinator who is not on its team, not the school; an unknown case is not found.
      for (const who of ["nurse", "coordinator", "teacher"] as const)
        expect((await gateway.request("GET", casePath, { token: token(who) })).status, who).toBe(403)
      const unknown = await gateway.request("GET", "/v1/cases/01JT0000000000000000000099/action-items", {
        token: token("caseManager"),
      })
      expect(unknown.status).toBe(404)
    })
  })
}
