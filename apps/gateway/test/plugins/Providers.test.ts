// Each capability provider over the demo, in both dialects, as a plugin acting
// for the police of the demo's mechanism.
import { CaseService } from "@bashke/case"
import { CivilDate, Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { IncidentImport, Notices, PersonMatch, ProtectionOrderSync, ReviewQueue } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { institutions, principal } from "../../src/demo/World"
import * as PersonMatchProvider from "../../src/plugins/PersonMatchProvider"
import * as ProtectionOrderSyncProvider from "../../src/plugins/ProtectionOrderSyncProvider"
import * as ReviewItems from "../../src/plugins/ReviewItems"
import { databases } from "../support/Gateway"
import { configFor, identity, makeWorld, type PluginWorld } from "./PluginWorld"

const rows = <A extends object>(query: (sql: SqlClient.SqlClient) => Effect.Effect<ReadonlyArray<A>, unknown>) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.orDie(query(sql.withoutTransforms())))

describe("pure rules", () => {
  const hit = (n: number) => ({
    caseId: Id.ulidAt(1_767_000_000_000 + n, new Uint8Array(10)) as Id.CaseId,
    personId: Id.ulidAt(1_767_000_000_000 + n, new Uint8Array(10).fill(1)) as Id.PersonId,
  })
  it("a personal-number search: none, one, several", () => {
    expect(PersonMatchProvider.outcomeOf([])._tag).toBe("NoMatch")
    expect(PersonMatchProvider.outcomeOf([hit(1)])).toEqual({ _tag: "Matched", ...hit(1) })
    const several = PersonMatchProvider.outcomeOf([hit(1), hit(2)])
    expect(several._tag).toBe("Uncertain")
    expect(several._tag === "Uncertain" ? several.candidates.length : 0).toBe(2)
  })
  it("order statuses map to the case package's events; only later updates apply", () => {
    expect(ProtectionOrderSyncProvider.eventOf("breached")).toBe("breach-recorded")
    expect(ProtectionOrderSyncProvider.eventOf("requested")).toBeUndefined()
    expect(ProtectionOrderSyncProvider.eventOf("extended")).toBe("extended")
    expect(ProtectionOrderSyncProvider.isNewer(new Date(2000), 1000)).toBe(true)
    expect(ProtectionOrderSyncProvider.isNewer(new Date(1000), 1000)).toBe(false)
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: capability providers`, () => {
    let world: PluginWorld
    beforeAll(async () => {
      world = await makeWorld(db)
    })
    afterAll(() => world.gateway.close())

    it("incidents:import records once per record, with its provenance", async () => {
      const caseId = world.cases.highRisk.caseId
      const today = await world.gateway.runtime.runPromise(JurisdictionProfile.today)
      const incident = {
        source: "kp-reports",
        recordId: "KP-2026-000123",
        caseId,
        occurredOn: CivilDate.addDays(today, -2),
        municipality: "GJI",
        forms: ["physical"],
        children: "none",
        sourceReference: "KP-2026-000123",
      } as unknown as IncidentImport.ImportedIncident
      const record = Effect.flatMap(IncidentImport.IncidentImport, (provider) =>
        provider.forPlugin(identity).record(incident),
      )
      const first = await world.run(record)
      expect(first.outcome).toBe("created")
      const again = await world.run(record)
      expect(again).toEqual({ incidentId: first.incidentId, outcome: "unchanged" })

      const provenance = await world.run(
        rows<{ plugin: string; source: string; record_id: string; incident_id: string; imported_at: unknown }>(
          (sql) => sql`SELECT * FROM plugin_imported_incidents`,
        ),
      )
      expect(provenance).toHaveLength(1)
      expect(provenance[0]).toMatchObject({
        plugin: "police",
        source: "kp-reports",
        record_id: "KP-2026-000123",
        incident_id: first.incidentId,
      })
      expect(provenance[0]?.imported_at).toBeTruthy()
      const aCase = await world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) => cases.read({ caseId })).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", world.seeded.mechanismId)),
        ),
      )
      const imported = aCase.incidents.filter((each) => each.id === first.incidentId)
      expect(imported).toHaveLength(1)
      expect(imported[0]?.sourceInstitution).toBe(institutions.police.id)
    })

    it("incidents:import is refused to a plugin without a configured principal, and records nothing", async () => {
      const today = await world.gateway.runtime.runPromise(JurisdictionProfile.today)
      const exit = await world.gateway.runtime.runPromiseExit(
        Effect.provide(
          Effect.flatMap(IncidentImport.IncidentImport, (provider) =>
            provider.forPlugin({ ...identity, name: "@acme/unconfigured" }).record({
              source: "kp-reports",
              recordId: "KP-X",
              caseId: world.cases.highRisk.caseId,
              occurredOn: today,
              municipality: "GJI",
              forms: ["physical"],
            } as unknown as IncidentImport.ImportedIncident),
          ),
          (await import("../../src/plugins/GatewayPlugins")).capabilities({
            host: { plugins: [] },
            principals: new Map(),
          }),
        ),
      )
      expect(Exit.isFailure(exit)).toBe(true)
      const count = await world.run(
        rows<{ n: number | string }>(
          (sql) => sql`SELECT COUNT(*) AS n FROM plugin_imported_incidents WHERE record_id = ${"KP-X"}`,
        ),
      )
      expect(Number(count[0]?.n)).toBe(0)
    })

    it("incidents:import is refused on a case the plugin's institution is not on the team of", async () => {
      const today = await world.gateway.runtime.runPromise(JurisdictionProfile.today)
      const exit = await world.gateway.runtime.runPromiseExit(
        Effect.provide(
          Effect.flatMap(IncidentImport.IncidentImport, (provider) =>
            provider.forPlugin(identity).record({
              source: "kp-reports",
              recordId: "KP-MEDIUM",
              caseId: world.cases.mediumRisk.caseId,
              occurredOn: today,
              municipality: "GJI",
              forms: ["physical"],
            } as unknown as IncidentImport.ImportedIncident),
          ),
          (await import("../../src/plugins/GatewayPlugins")).capabilities(configFor(world.seeded.mechanismId)),
        ),
      )
      expect(Exit.isFailure(exit)).toBe(true)
      expect(JSON.stringify(exit)).toContain("Forbidden")
      const count = await world.run(
        rows<{ n: number | string }>(
          (sql) => sql`SELECT COUNT(*) AS n FROM plugin_imported_incidents WHERE record_id = ${"KP-MEDIUM"}`,
        ),
      )
      expect(Number(count[0]?.n)).toBe(0)
    })

    it("persons:match: one hit matched, two uncertain, none or no number no match", async () => {
      const match = (query: PersonMatch.PersonQuery) =>
        world.run(Effect.flatMap(PersonMatch.PersonMatch, (provider) => provider.forPlugin(identity).match(query)))
      expect(await match({ personalNumber: "1190000001" })).toEqual({
        _tag: "Matched",
        caseId: world.cases.highRisk.caseId,
        personId: world.cases.highRisk.victim,
      })
      expect(await match({ personalNumber: "9999999999" })).toEqual({ _tag: "NoMatch" })
      expect(await match({ givenName: "Arta" })).toEqual({ _tag: "NoMatch" })

      // The same number in a second case the police is on: uncertain, never merged.
      await world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) =>
          cases.openCase({
            mechanismId: world.seeded.mechanismId,
            municipality: "GJI",
            team: [],
            persons: [{ role: "victim", sex: "female", birthYear: 1991, details: { personalNumber: "1190000001" } }],
          } as never),
        ).pipe(Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", world.seeded.mechanismId))),
      )
      const uncertain = await match({ personalNumber: "1190000001" })
      expect(uncertain._tag).toBe("Uncertain")
      expect(uncertain._tag === "Uncertain" ? uncertain.candidates.length : 0).toBe(2)
    })

    it("protection-orders:sync applies in order and refuses a stale update", async () => {
      const apply = (update: Partial<ProtectionOrderSync.OrderUpdate>) =>
        world.run(
          Effect.flatMap(ProtectionOrderSync.ProtectionOrderSync, (provider) =>
            provider.forPlugin(identity).apply({
              source: "court",
              recordId: `C-${update.status}-${update.at?.getTime()}`,
              orderReference: "GJI-2026/77",
              status: "issued",
              at: new Date(),
              ...update,
            } as ProtectionOrderSync.OrderUpdate),
          ),
        )
      const now = Date.now()
      // An unknown reference without its case and kind cannot be placed.
      const unmatched = await apply({ status: "extended", at: new Date(now - 5000) })
      expect(unmatched.outcome).toBe("unmatched")
      const issued = await world.run(
        Effect.flatMap(ProtectionOrderSync.ProtectionOrderSync, (provider) =>
          provider.forPlugin(identity).apply({
            source: "court",
            recordId: "C-1",
            orderReference: "GJI-2026/77",
            caseId: world.cases.highRisk.caseId,
            kind: "protection-order",
            status: "issued",
            at: new Date(now - 4000),
          } as ProtectionOrderSync.OrderUpdate),
        ),
      )
      expect(issued.outcome).toBe("applied")
      const extended = await apply({
        status: "extended",
        at: new Date(now - 2000),
        expiresAt: new Date(now + 800 * 86_400_000),
      })
      expect(extended).toEqual({ orderId: issued.orderId, outcome: "applied" })
      // An older update arriving late: refused, nothing moves.
      const stale = await apply({ status: "expired", at: new Date(now - 3000) })
      expect(stale).toEqual({ orderId: issued.orderId, outcome: "stale" })
      const replayed = await apply({
        status: "extended",
        at: new Date(now - 2000),
        expiresAt: new Date(now + 800 * 86_400_000),
      })
      expect(replayed.outcome).toBe("stale")
      const aCase = await world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) => cases.read({ caseId: world.cases.highRisk.caseId })).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", world.seeded.mechanismId)),
        ),
      )
      const order = aCase.orders.find((each) => each.id === issued.orderId)
      expect(order?.status).toBe("extended")
      expect(order?.extensions).toHaveLength(1)
    })

    it("review-queue:write seals the details at rest; reading one is audited", async () => {
      const submit = (item: ReviewQueue.ReviewItem) =>
        world.run(Effect.flatMap(ReviewQueue.ReviewQueue, (provider) => provider.forPlugin(identity).submit(item)))
      const item = {
        source: "kp-reports",
        recordId: "KP-2026-000999",
        reason: "person.uncertain",
        candidates: [
          { caseId: world.cases.highRisk.caseId, personId: world.cases.highRisk.victim, score: 1, matched: ["pn"] },
        ],
        details: { givenName: "Drita", familyName: "Hoxha" },
      }
      const first = await submit(item)
      expect(first.created).toBe(true)
      expect(await submit(item)).toEqual({ reviewId: first.reviewId, created: false })

      const stored = await world.run(
        rows<{ details: string; candidates: string }>(
          (sql) => sql`SELECT details, candidates FROM plugin_review_items WHERE id = ${first.reviewId}`,
        ),
      )
      expect(stored[0]?.details).not.toContain("Drita")
      expect(stored[0]?.candidates).not.toContain("Drita")

      const audited = () =>
        world
          .run(rows<{ n: number | string }>((sql) => sql`SELECT COUNT(*) AS n FROM audit_log`))
          .then((r) => Number(r[0]?.n))
      const before = await audited()
      const coordinator = principal("coordinator", world.seeded.mechanismId)
      const opened = await world.gateway.runtime.runPromise(ReviewItems.read(first.reviewId, coordinator))
      expect(opened.details).toEqual({ givenName: "Drita", familyName: "Hoxha" })
      expect(await audited()).toBe(before + 1)

      // Through the API: listed without details, read (audited), resolved once.
      const token = await world.gateway.tokenFor(coordinator)
      const listed = await world.gateway.request("GET", "/v1/plugins/reviews", { token })
      expect(listed.status).toBe(200)
      const listedText = await listed.text()
      expect(listedText).toContain(first.reviewId)
      expect(listedText).not.toContain("Drita")
      const read = await world.gateway.request("POST", `/v1/plugins/reviews/${first.reviewId}/read`, { token })
      expect(read.status).toBe(200)
      expect(await audited()).toBe(before + 2)
      const resolution = { _tag: "Matched", caseId: world.cases.highRisk.caseId, personId: world.cases.highRisk.victim }
      const resolved = await world.gateway.request("POST", `/v1/plugins/reviews/${first.reviewId}/resolution`, {
        token,
        body: resolution,
      })
      expect(resolved.status).toBe(200)
      expect(((await resolved.json()) as { resolution: unknown }).resolution).toEqual(resolution)
      const twice = await world.gateway.request("POST", `/v1/plugins/reviews/${first.reviewId}/resolution`, {
        token,
        body: resolution,
      })
      expect(twice.status).toBe(409)
      const open = await world.gateway.request("GET", "/v1/plugins/reviews", { token })
      expect(await open.text()).not.toContain(first.reviewId)

      // A coordinator of another mechanism neither sees nor reads it.
      const elsewhere = await world.gateway.tokenFor({
        ...coordinator,
        id: "01KZZZZZZZZZZZZZZZZZZZZZZ3" as Id.PrincipalId,
        mechanisms: ["01KZZZZZZZZZZZZZZZZZZZZZZ4" as Id.MechanismId],
      })
      const all = await world.gateway.request("GET", "/v1/plugins/reviews?state=all", { token: elsewhere })
      expect(await all.text()).not.toContain(first.reviewId)
      const hidden = await world.gateway.request("POST", `/v1/plugins/reviews/${first.reviewId}/read`, {
        token: elsewhere,
      })
      expect(hidden.status).toBe(404)
    })

    it("notices:send allows ids and codes with consent, refuses without, records the outcome", async () => {
      const notices = (effect: (service: Notices.Service) => Effect.Effect<unknown, unknown>) =>
        world.run(Effect.flatMap(Notices.Notices, (provider) => effect(provider.forPlugin(identity))))
      const request = {
        caseId: world.cases.highRisk.caseId,
        recipient: institutions.socialWork.id,
        purpose: "referral",
        kind: "referral-sent",
        reference: "REF-1",
      }
      const allowed = (await notices((service) => service.authorize(request))) as Notices.NoticeDecision
      expect(allowed._tag).toBe("Allowed")
      const text = JSON.stringify(allowed)
      expect(text).not.toContain("Arta")
      expect(text).not.toContain("1190000001")
      if (allowed._tag === "Allowed") {
        await notices((service) => service.recordOutcome(allowed.noticeId, { _tag: "Sent", reference: "P-9" }))
        const stored = await world.run(
          rows<{ outcome: string; outcome_detail: string }>(
            (sql) => sql`SELECT outcome, outcome_detail FROM plugin_notices WHERE id = ${allowed.noticeId}`,
          ),
        )
        expect(stored[0]).toEqual({ outcome: "Sent", outcome_detail: "P-9" })
      }
      const refused = await notices((service) =>
        service.authorize({ ...request, recipient: institutions.education.id }),
      )
      expect(refused).toEqual({ _tag: "Refused", rule: "policy.consent.not-covered" })
      const unknownPurpose = await notices((service) => service.authorize({ ...request, purpose: "gossip" }))
      expect(unknownPurpose).toEqual({ _tag: "Refused", rule: "policy.notice.purpose-unknown" })
      const stranger = await world.gateway.runtime.runPromiseExit(
        Effect.provide(
          Effect.flatMap(Notices.Notices, (provider) =>
            provider.forPlugin(identity).recordOutcome("01KZZZZZZZZZZZZZZZZZZZZZZ9", { _tag: "Failed", code: "x" }),
          ),
          (await import("../../src/plugins/GatewayPlugins")).capabilities({
            host: { plugins: [] },
            principals: new Map(),
          }),
        ),
      )
      expect(Exit.isFailure(stranger)).toBe(true)
    })
  })
}
