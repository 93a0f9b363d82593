// The action-plan routes on SQLite and PostgreSQL, over the seeded demo: the
// Gjilan plan as seeded, drafting and moving a plan with its versions, activity
// status and measurements, refusals that write nothing, and the monitoring
// report with its computed indicator measured from the demo's referrals.
import { CivilDate, JurisdictionProfile } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

const written = ["action_plan_plans", "bashke_outbox", "bashke_idempotency"]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: action-plan routes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let today: CivilDate.CivilDate
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    const plan = () => seeded.actionPlan as NonNullable<Seeded["actionPlan"]>

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      today = await gateway.runtime.runPromise(JurisdictionProfile.today)
      for (const name of ["coordinator", "caseManager", "teacher", "nationalCoordinator", "administrator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const draft = () => {
      const year = CivilDate.year(today)
      return {
        mechanismId: seeded.mechanismId,
        title: "Plan i provës",
        period: { start: `${year}-01-01`, end: `${year}-12-31` },
        objectives: [{ code: "1", title: "Mbrojtje", pillar: "protection-coordination" }],
        activities: [
          { objective: "1", title: "Trajnim", responsible: institutions.police.id, quarters: [`${year}-Q4`] },
        ],
        indicators: [
          {
            objective: "1",
            title: "Trajnime",
            unit: "count",
            baseline: { value: 0, date: `${year}-01-01`, source: "Regjistri" },
            target: 4,
          },
        ],
      }
    }

    it("reads the demo's plan: Kosovo pillars, adopted and in implementation, with its version", async () => {
      const response = await gateway.request("GET", `/v1/action-plans/${plan().planId}`, { token: as("teacher") })
      expect(response.status).toBe(200)
      expect(response.headers.get("etag")).toBe(`"${plan().version}"`)
      const body = await response.json()
      expect(body).toMatchObject({ framework: "kosovo-local-plan", status: "in-implementation" })
      expect(body.objectives.map((objective: { pillar: string }) => objective.pillar)).toEqual([
        "awareness-prevention",
        "protection-coordination",
        "empowerment-reintegration",
      ])
      expect(body.activities).toHaveLength(6)
      expect(body.indicators.filter((i: { source: { _tag: string } }) => i.source._tag === "computed")).toHaveLength(1)
      const list = await gateway.request("GET", `/v1/action-plans?mechanismId=${seeded.mechanismId}`, {
        token: as("nationalCoordinator"),
      })
      expect(list.status).toBe(200)
      expect((await list.json()).items.map((p: { id: string }) => p.id)).toContain(plan().planId)
      const outsider = await gateway.request("GET", `/v1/action-plans?mechanismId=${seeded.mechanismId}`, {
        token: as("administrator"),
      })
      expect(outsider.status).toBe(403)
      const indicators = await (
        await gateway.request("GET", `/v1/action-plans/${plan().planId}/indicators`, { token: as("caseManager") })
      ).json()
      expect(indicators).toHaveLength(4)
      const one = await gateway.request("GET", `/v1/action-plans/${plan().planId}/indicators/${indicators[0].id}`, {
        token: as("caseManager"),
      })
      expect(await one.json()).toEqual(indicators[0])
    })

    it("drafts, adopts and records progress, each change on the version it read", async () => {
      const created = await gateway.request("POST", "/v1/action-plans", { token: as("coordinator"), body: draft() })
      expect(created.status).toBe(201)
      expect(created.headers.get("etag")).toBe('"1"')
      const drafted = await created.json()
      expect(drafted).toMatchObject({ status: "draft", framework: "kosovo-local-plan", version: 1 })

      const missing = await gateway.request("POST", `/v1/action-plans/${drafted.id}/transitions`, {
        token: as("coordinator"),
        body: { command: "adopt" },
      })
      expect(missing.status).toBe(428)
      const stale = await gateway.request("POST", `/v1/action-plans/${drafted.id}/transitions`, {
        token: as("coordinator"),
        ifMatch: '"5"',
        body: { command: "adopt" },
      })
      expect(stale.status).toBe(412)
      const adopted = await gateway.request("POST", `/v1/action-plans/${drafted.id}/transitions`, {
        token: as("coordinator"),
        ifMatch: '"1"',
        body: { command: "adopt" },
      })
      expect(adopted.status).toBe(200)
      expect(adopted.headers.get("etag")).toBe('"2"')
      expect(await adopted.json()).toMatchObject({ status: "adopted", version: 2 })

      const activity = drafted.activities[0].id
      const status = await gateway.request("PUT", `/v1/action-plans/${drafted.id}/activities/${activity}/status`, {
        token: as("coordinator"),
        ifMatch: '"2"',
        body: { status: "completed" },
      })
      expect(status.status).toBe(200)
      expect(status.headers.get("etag")).toBe('"3"')

      const indicator = drafted.indicators[0].id
      const measured = await gateway.request(
        "POST",
        `/v1/action-plans/${drafted.id}/indicators/${indicator}/measurements`,
        {
          token: as("coordinator"),
          ifMatch: '"3"',
          body: { measurement: { value: 2, unit: "count", date: today, source: "Lista e pjesëmarrjes" } },
        },
      )
      expect(measured.status).toBe(201)
      expect(measured.headers.get("etag")).toBe('"4"')
      expect((await measured.json()).indicators[0].measurements).toEqual([
        { value: 2, unit: "count", date: today, source: "Lista e pjesëmarrjes" },
      ])
      const wrongUnit = await gateway.request(
        "POST",
        `/v1/action-plans/${drafted.id}/indicators/${indicator}/measurements`,
        {
          token: as("coordinator"),
          ifMatch: '"4"',
          body: { measurement: { value: 2, unit: "euro", date: today, source: "Lista" } },
        },
      )
      expect(wrongUnit.status).toBe(422)
      expect(await wrongUnit.json()).toMatchObject({ rule: "action-plan.measurement.unit-mismatch" })
    })

    it("refuses a plan by a case worker, one off the framework's pillars, and a typed measurement of a computed indicator, writing nothing", async () => {
      const before = await counts(gateway, written)
      const byCaseWorker = await gateway.request("POST", "/v1/action-plans", {
        token: as("caseManager"),
        body: draft(),
      })
      expect(byCaseWorker.status).toBe(403)
      const offPillar = await gateway.request("POST", "/v1/action-plans", {
        token: as("coordinator"),
        body: { ...draft(), objectives: [{ code: "1", title: "Mbrojtje", pillar: "prosecution" }] },
      })
      expect(offPillar.status).toBe(422)
      expect(await offPillar.json()).toMatchObject({
        rule: "action-plan.objective.pillar-unknown",
        field: "objectives.0.pillar",
      })
      const demoPlan = await (
        await gateway.request("GET", `/v1/action-plans/${plan().planId}`, { token: as("coordinator") })
      ).json()
      const computed = demoPlan.indicators.find((i: { source: { _tag: string } }) => i.source._tag === "computed")
      const typed = await gateway.request(
        "POST",
        `/v1/action-plans/${plan().planId}/indicators/${computed.id}/measurements`,
        {
          token: as("coordinator"),
          ifMatch: `"${demoPlan.version}"`,
          body: { measurement: { value: 50, unit: "percent", date: today, source: "Typed" } },
        },
      )
      expect(typed.status).toBe(422)
      expect(await typed.json()).toMatchObject({ rule: "action-plan.measurement.computed-indicator" })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("reports on a period: implementation level, and the computed indicator from the demo's referrals", async () => {
      const from = CivilDate.addDays(today, -7)
      const response = await gateway.request(
        "GET",
        `/v1/action-plans/${plan().planId}/report?from=${from}&to=${today}`,
        { token: as("teacher") },
      )
      expect(response.status).toBe(200)
      const report = await response.json()
      expect(report).toMatchObject({ planId: plan().planId, period: { start: from, end: today }, asOf: today })
      expect(report.activities).toHaveLength(6)
      // The demo's referrals: the shelter's answered in time, the legal aid's late,
      // the health centre's not due yet (not counted): one of two.
      const computed = report.indicators.find((line: { computed: boolean }) => line.computed)
      expect(computed).toMatchObject({ unit: "percent", baseline: 0, target: 90, latest: 50, achieved: false })
      const reversed = await gateway.request(
        "GET",
        `/v1/action-plans/${plan().planId}/report?from=${today}&to=${from}`,
        { token: as("teacher") },
      )
      expect(reversed.status).toBe(422)
      expect(await reversed.json()).toMatchObject({ rule: "action-plan.period.ends-before-start" })
      const malformed = await gateway.request("GET", `/v1/action-plans/${plan().planId}/report?from=soon&to=${today}`, {
        token: as("teacher"),
      })
      expect(malformed.status).toBe(422)
      expect(await malformed.json()).toMatchObject({ field: "from" })
    })

    it("lists the routes in the OpenAPI document, the report typed", async () => {
      const document = await gateway.runtime.runPromise(
        Effect.promise(async () => (await gateway.request("GET", "/openapi.json")).json()),
      )
      expect(document.paths["/v1/action-plans/{planId}/report"].get.operationId).toBe("getMonitoringReport")
      expect(document.components.schemas.MonitoringReport).toBeDefined()
    })
  })
}
