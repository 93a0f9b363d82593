// Resolving a plugin's review item with a case attaches its proposal there,
// in both dialects: a police report the plugin could not place becomes the
// incident once, with its provenance, so the report arriving again is not a
// second; a court update that matched no case opens the order on the chosen
// case. The coordinator's own access decides: refused, nothing changes and
// the item stays open. Dismissed attaches nothing.
import { CaseService } from "@bashke/case"
import { CivilDate, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { IncidentImport, ProtectionOrderSync, ReviewQueue } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { institutions, principal } from "../../src/demo/World"
import * as GatewayPlugins from "../../src/plugins/GatewayPlugins"
import { databases } from "../support/Gateway"
import { configFor, identity, makeWorld, type PluginWorld } from "./PluginWorld"

const court = { name: "@bashke/plugin-court", version: "0.1.0", id: "court" }

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: resolving review items attaches their proposals`, () => {
    let world: PluginWorld
    let today: CivilDate.CivilDate
    let token: string
    beforeAll(async () => {
      world = await makeWorld(db)
      today = await world.gateway.runtime.runPromise(JurisdictionProfile.today)
      // The coordinator works on the high-risk case (the municipality joins its team), not on the medium-risk one.
      await world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) =>
          cases.changeTeam({
            caseId: world.cases.highRisk.caseId,
            set: [{ institution: institutions.municipality.id, access: "full" }],
          }),
        ).pipe(Effect.provideService(Principal.CurrentPrincipal, principal("caseManager", world.seeded.mechanismId))),
      )
      token = await world.gateway.tokenFor(principal("coordinator", world.seeded.mechanismId))
    })
    afterAll(() => world.gateway.close())

    const count = async (query: (sql: SqlClient.SqlClient) => Effect.Effect<ReadonlyArray<{ n: unknown }>, unknown>) =>
      Number(
        (await world.run(Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.orDie(query(sql.withoutTransforms())))))[0]
          ?.n,
      )
    const provenance = (recordId: string) =>
      count((sql) => sql`SELECT COUNT(*) AS n FROM plugin_imported_incidents WHERE record_id = ${recordId}`)
    const readCase = (caseId: Id.CaseId) =>
      world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) => cases.read({ caseId })).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("caseManager", world.seeded.mechanismId)),
        ),
      )

    // What the police plugin proposes for a report it cannot place (ReportImport).
    const incidentOf = (recordId: string, forms: ReadonlyArray<string> = ["physical"]) =>
      ({
        source: "kp-reports",
        recordId,
        occurredOn: CivilDate.addDays(today, -3),
        municipality: "GJI",
        forms,
        children: "none",
        place: "home",
        sourceReference: `GJI/2026/${recordId}`,
      }) as unknown as Omit<IncidentImport.ImportedIncident, "caseId">
    const submitReport = (recordId: string, forms?: ReadonlyArray<string>) =>
      world.run(
        Effect.flatMap(ReviewQueue.ReviewQueue, (provider) =>
          provider.forPlugin(identity).submit({
            source: "kp-reports",
            recordId,
            reason: "person.match-uncertain",
            candidates: [
              { caseId: world.cases.highRisk.caseId, personId: world.cases.highRisk.victim, score: 0.7, matched: [] },
            ],
            details: { victim: { givenName: "Drita", familyName: "Hoxha" } },
            proposal: { _tag: "Incident", incident: incidentOf(recordId, forms) },
          }),
        ),
      )
    const resolve = (reviewId: string, body: unknown, as = token) =>
      world.gateway.request("POST", `/v1/plugins/reviews/${reviewId}/resolution`, { token: as, body })
    const isOpen = async (reviewId: string) =>
      (await (await world.gateway.request("GET", "/v1/plugins/reviews", { token })).text()).includes(reviewId)

    it("an uncertain police report resolved Matched is the incident once in the case, with its provenance", async () => {
      const { reviewId } = await submitReport("KP-R-1")
      const stored = await world.run(
        Effect.flatMap(SqlClient.SqlClient, (sql) =>
          Effect.orDie(
            sql.withoutTransforms()<{
              proposal: string
            }>`SELECT proposal FROM plugin_review_items WHERE id = ${reviewId}`,
          ),
        ),
      )
      expect(stored[0]?.proposal).toBeTruthy()
      expect(stored[0]?.proposal).not.toContain("GJI/2026/KP-R-1")

      const read = await world.gateway.request("POST", `/v1/plugins/reviews/${reviewId}/read`, { token })
      expect(((await read.json()) as { proposal: unknown }).proposal).toEqual({
        _tag: "Incident",
        incident: incidentOf("KP-R-1"),
      })

      const caseId = world.cases.highRisk.caseId
      const coordinatorId = principal("coordinator", world.seeded.mechanismId).id
      const writes = () =>
        count(
          (sql) => sql`SELECT COUNT(*) AS n FROM audit_log
            WHERE principal_id = ${coordinatorId} AND case_id = ${caseId} AND action = ${"write"}`,
        )
      const writesBefore = await writes()
      const resolution = { _tag: "Matched", caseId, personId: world.cases.highRisk.victim }
      const resolved = await resolve(reviewId, resolution)
      expect(resolved.status).toBe(200)
      const body = (await resolved.json()) as { resolved: boolean; attached: { incidentId: string } }
      expect(body).toMatchObject({ resolved: true, resolution })
      const incidentId = body.attached.incidentId
      expect(incidentId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
      // The coordinator's decision wrote to the case: audited as theirs.
      expect(await writes()).toBe(writesBefore + 1)

      const incidents = (await readCase(caseId)).incidents.filter((each) => each.sourceReference === "GJI/2026/KP-R-1")
      expect(incidents.map((each) => each.id)).toEqual([incidentId])
      expect(incidents[0]).toMatchObject({ source: "police-report", sourceInstitution: institutions.police.id })
      const rows = await world.run(
        Effect.flatMap(SqlClient.SqlClient, (sql) =>
          Effect.orDie(
            sql.withoutTransforms()<Record<string, unknown>>`SELECT plugin, source, record_id, case_id, incident_id
              FROM plugin_imported_incidents WHERE record_id = ${"KP-R-1"}`,
          ),
        ),
      )
      expect(rows).toEqual([
        { plugin: "police", source: "kp-reports", record_id: "KP-R-1", case_id: caseId, incident_id: incidentId },
      ])

      // Resolved once; the report arriving again (now matched) is the same incident.
      expect((await resolve(reviewId, resolution)).status).toBe(409)
      const again = await world.run(
        Effect.flatMap(IncidentImport.IncidentImport, (provider) =>
          provider.forPlugin(identity).record({ ...incidentOf("KP-R-1"), caseId }),
        ),
      )
      expect(again).toEqual({ incidentId, outcome: "unchanged" })
      expect(await provenance("KP-R-1")).toBe(1)
      expect((await readCase(caseId)).incidents.filter((each) => each.id === incidentId)).toHaveLength(1)
    })

    it("a coordinator without access to the chosen case is refused; nothing is attached, the item stays open", async () => {
      const { reviewId } = await submitReport("KP-R-2")
      const medium = world.cases.mediumRisk.caseId
      const before = (await readCase(medium)).incidents.length
      const refused = await resolve(reviewId, { _tag: "NewCaseOpened", caseId: medium })
      expect(refused.status).toBe(403)
      expect(await provenance("KP-R-2")).toBe(0)
      expect((await readCase(medium)).incidents).toHaveLength(before)
      expect(await isOpen(reviewId)).toBe(true)
      // Still the coordinator's to decide, on a case they work on.
      const resolved = await resolve(reviewId, { _tag: "Matched", caseId: world.cases.highRisk.caseId })
      expect(resolved.status).toBe(200)
      expect(await provenance("KP-R-2")).toBe(1)
    })

    it("a proposal the case package refuses leaves the item open, naming the field", async () => {
      const { reviewId } = await submitReport("KP-R-3", ["not-a-form"])
      const refused = await resolve(reviewId, { _tag: "Matched", caseId: world.cases.highRisk.caseId })
      expect(refused.status).toBe(422)
      const problem = (await refused.json()) as { field: string }
      expect(problem.field).toMatch(/^proposal\.incident\.forms/)
      expect(JSON.stringify(problem)).not.toContain("Drita")
      expect(await provenance("KP-R-3")).toBe(0)
      expect(await isOpen(reviewId)).toBe(true)
    })

    it("dismissed attaches nothing", async () => {
      const { reviewId } = await submitReport("KP-R-4")
      const dismissed = await resolve(reviewId, { _tag: "Dismissed" })
      expect(dismissed.status).toBe(200)
      expect((await dismissed.json()) as object).not.toHaveProperty("attached")
      expect(await provenance("KP-R-4")).toBe(0)
      expect(await isOpen(reviewId)).toBe(false)
    })

    it("a court update that matched no case, resolved, opens the order on the chosen case; later updates find it", async () => {
      const providers = GatewayPlugins.capabilities(configFor(world.seeded.mechanismId, court.name))
      const inCourt = <A, E>(effect: Effect.Effect<A, E, GatewayPlugins.Capabilities>) =>
        world.gateway.runtime.runPromise(Effect.provide(effect, providers))
      const apply = (update: ProtectionOrderSync.OrderUpdate) =>
        inCourt(Effect.flatMap(ProtectionOrderSync.ProtectionOrderSync, (p) => p.forPlugin(court).apply(update)))
      const now = Date.now()
      const update = {
        source: "court",
        recordId: "CHG-1",
        orderReference: "GJI-2026/500",
        status: "issued",
        at: new Date(now - 60_000),
        kind: "protection-order",
        expiresAt: new Date(now + 180 * 86_400_000),
      } as ProtectionOrderSync.OrderUpdate
      // What the court plugin does (ApplyChange): unmatched, so to review with the update proposed.
      expect(await apply(update)).toEqual({ outcome: "unmatched" })
      const { reviewId } = await inCourt(
        Effect.flatMap(ReviewQueue.ReviewQueue, (p) =>
          p.forPlugin(court).submit({
            source: "court",
            recordId: "CHG-1",
            reason: "order.case-unknown",
            details: { orderReference: "GJI-2026/500" },
            proposal: { _tag: "OrderUpdate", update },
          }),
        ),
      )
      const caseId = world.cases.highRisk.caseId
      const resolved = await resolve(reviewId, { _tag: "Matched", caseId })
      expect(resolved.status).toBe(200)
      const { orderId } = ((await resolved.json()) as { attached: { orderId: Id.ProtectionOrderId } }).attached
      expect((await readCase(caseId)).orders.find((order) => order.id === orderId)?.status).toBe("issued")

      // The same change again changes nothing; the court's next one reaches the order by its reference.
      expect(await apply(update)).toEqual({ orderId, outcome: "stale" })
      const extended = await apply({
        ...update,
        recordId: "CHG-2",
        status: "extended",
        at: new Date(now - 30_000),
        expiresAt: new Date(now + 365 * 86_400_000),
      })
      expect(extended).toEqual({ orderId, outcome: "applied" })
      const orders = (await readCase(caseId)).orders.filter((order) => order.id === orderId)
      expect(orders.map((order) => order.status)).toEqual(["extended"])
    })
  })
}
