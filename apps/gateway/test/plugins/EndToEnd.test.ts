// Plugins loaded into a gateway, end to end: a signed webhook reaches its
// plugin under /v1/plugins/<id>/ and records an incident through the real
// capability; an unsigned one is refused; a plugin whose pull always fails
// shows `degraded` in /health while the users' routes keep answering; a
// capability the configuration does not grant is not in the plugin's context,
// and a required one not granted stops the start with an error naming it.
import { CivilDate, Id, JurisdictionProfile } from "@bashke/kernel"
import { definePlugin, PluginFailure, WebhookSignature } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as App from "../../src/App"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import * as PluginConfig from "../../src/plugins/PluginConfig"
import * as PluginRuntime from "../../src/plugins/PluginRuntime"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import { routes } from "../../src/Routes"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const secret = "an-end-to-end-webhook-secret"

const Report = Schema.Struct({
  recordId: Schema.String,
  caseId: Id.CaseId,
  occurredOn: CivilDate.CivilDate,
})

/** Records the incident a webhook reports, through `incidents:import`. */
const reports = definePlugin({
  manifest: {
    name: "@test/plugin-reports",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["routes:webhook", "incidents:import"],
  },
  setup: (context) => ({
    webhooks: [
      {
        method: "POST",
        path: "/report",
        handle: (request) =>
          Effect.gen(function* () {
            const report = yield* Schema.decodeUnknown(Report)(request.json()).pipe(
              Effect.mapError(() => new PluginFailure.PluginFailure({ code: "report.malformed", permanent: true })),
            )
            const recorded = yield* context.incidents.record({
              source: "test-reports",
              recordId: report.recordId,
              caseId: report.caseId,
              occurredOn: report.occurredOn,
              municipality: "GJI",
              forms: ["physical"],
            } as never)
            return { status: 201, body: recorded }
          }),
      },
    ],
  }),
})

/** Its upstream is always down. */
const failing = definePlugin({
  manifest: {
    name: "@test/plugin-failing",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["schedule:pull"],
  },
  setup: () => ({
    pulls: [
      {
        name: "feed",
        every: "1 hour",
        run: () => Effect.fail(new PluginFailure.PluginFailure({ code: "upstream.unreachable" })),
      },
    ],
  }),
})

/** Pulls one record and refuses it for good: a dead letter to list and replay. */
const refusing = definePlugin({
  manifest: {
    name: "@test/plugin-refusing",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["schedule:pull"],
  },
  setup: () => ({
    pulls: [
      {
        name: "feed",
        every: "1 hour",
        run: () => Effect.succeed({ records: [{ recordId: "R-1", payload: { malformed: true } }] }),
      },
    ],
    process: () => Effect.fail(new PluginFailure.PluginFailure({ code: "item.malformed", permanent: true })),
  }),
})

/** Would like to match persons; the configuration does not grant it. */
const nosy = definePlugin({
  manifest: {
    name: "@test/plugin-nosy",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["routes:webhook"],
    optionalCapabilities: ["persons:match"],
  },
  setup: (context) => ({
    webhooks: [
      {
        method: "GET",
        path: "/probe",
        handle: () =>
          Effect.succeed({
            status: 200,
            body: { persons: context.persons !== undefined, keys: Object.keys(context).sort() },
          }),
      },
    ],
  }),
})

/** Requires persons:match outright. */
const greedy = definePlugin({
  manifest: {
    name: "@test/plugin-greedy",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["persons:match"],
  },
  setup: () => ({}),
})

const configJson = (mechanismId: Id.MechanismId) => ({
  plugins: [
    {
      package: "@test/plugin-reports",
      grant: ["routes:webhook", "incidents:import"],
      webhook: { secrets: [secret] },
      principal: {
        id: Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(91)),
        institution: institutions.police.id,
        mechanisms: [mechanismId],
      },
    },
    { package: "@test/plugin-failing", grant: ["schedule:pull"] },
    { package: "@test/plugin-nosy", grant: ["routes:webhook"], webhook: { secrets: [secret] } },
    { package: "@test/plugin-refusing", grant: ["schedule:pull"] },
  ],
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: plugins in the gateway`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let running: PluginRuntime.RunningPlugins
    let app: ReturnType<typeof App.make>

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      const config = await Effect.runPromise(PluginConfig.decode(configJson(seeded.mechanismId)))
      running = await PluginRuntime.start(
        gateway.runtime,
        config,
        { plugins: [reports, failing, nosy, refusing] },
        { start: false },
      )
      app = App.make({
        run: running.runner((effect) => gateway.runtime.runPromiseExit(effect)),
        fingerprint: await RequestFingerprint.make(new Uint8Array(32).fill(0x33)),
        routes,
        rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
        plugins: { dispatch: running.dispatch },
        health: running.health,
      })
    })
    afterAll(async () => {
      await running.close()
      await gateway.close()
    })

    const report = async (signed: boolean, recordId: string) => {
      const today = await gateway.runtime.runPromise(JurisdictionProfile.today)
      const body = JSON.stringify({
        recordId,
        caseId: seeded.cases?.highRisk.caseId,
        occurredOn: CivilDate.addDays(today, -1),
      })
      const headers = signed ? await Effect.runPromise(WebhookSignature.headers(secret, body, Date.now())) : {}
      return app.request("/v1/plugins/reports/report", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      })
    }

    it("a signed webhook reaches its plugin, which records the incident once", async () => {
      const first = await report(true, "R-1")
      expect(first.status).toBe(201)
      const recorded = (await first.json()) as { incidentId: string; outcome: string }
      expect(recorded.outcome).toBe("created")
      const again = await report(true, "R-1")
      expect(await again.json()).toEqual({ incidentId: recorded.incidentId, outcome: "unchanged" })
    })

    it("an unsigned webhook is refused and records nothing", async () => {
      const refused = await report(false, "R-2")
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      const rows = await gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) =>
          sql.withoutTransforms()<{ n: number | string }>`SELECT COUNT(*) AS n FROM plugin_imported_incidents
            WHERE record_id = ${"R-2"}`.pipe(Effect.orDie),
        ),
      )
      expect(Number(rows[0]?.n)).toBe(0)
    })

    it("a failing plugin is degraded in /health; the users' requests keep working", async () => {
      await gateway.runtime.runPromise(running.host.runPull("@test/plugin-failing", "feed").pipe(Effect.ignore))
      const health = await app.request("/health")
      const body = (await health.json()) as { status: string; checks: Record<string, string> }
      expect(body.checks["plugin:failing"]).toBe("degraded")
      expect(body.checks["plugin:reports"]).toBe("ok")
      expect(body.status).toBe("degraded")
      const token = await gateway.tokenFor(principal("caseManager", seeded.mechanismId))
      const cases = await app.request(`/v1/cases?mechanismId=${seeded.mechanismId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(cases.status).toBe(200)
    })

    it("an ungranted capability is not in the plugin's context", async () => {
      const headers = await Effect.runPromise(WebhookSignature.headers(secret, "", Date.now()))
      const probe = await app.request("/v1/plugins/nosy/probe", { headers })
      expect(probe.status).toBe(200)
      const body = (await probe.json()) as { persons: boolean; keys: ReadonlyArray<string> }
      expect(body.persons).toBe(false)
      expect(body.keys).not.toContain("persons")
    })

    it("a required capability not granted stops the start, naming it", async () => {
      const config = await Effect.runPromise(
        PluginConfig.decode({ plugins: [{ package: "@test/plugin-greedy", grant: [] }] }),
      )
      await expect(
        PluginRuntime.start(gateway.runtime, config, { plugins: [greedy] }, { start: false }),
      ).rejects.toThrow(/capability-not-granted/)
    })

    it("dead letters are listed for administrators", async () => {
      const token = await gateway.tokenFor(principal("administrator", seeded.mechanismId))
      const listed = await app.request("/v1/plugins/dead-letters", { headers: { authorization: `Bearer ${token}` } })
      expect(listed.status).toBe(200)
      expect(await listed.json()).toEqual({ items: [] })
    })

    it("a dead letter as listed is replayed as it is", async () => {
      await gateway.runtime.runPromise(running.host.runPull("@test/plugin-refusing", "feed"))
      await gateway.runtime.runPromise(running.host.processInbox("@test/plugin-refusing"))
      const token = await gateway.tokenFor(principal("administrator", seeded.mechanismId))
      const headers = { authorization: `Bearer ${token}` }
      const list = async () =>
        (await (await app.request("/v1/plugins/dead-letters?plugin=@test/plugin-refusing", { headers })).json()) as {
          items: Array<Record<string, unknown>>
        }
      const [letter] = (await list()).items
      expect(letter).toMatchObject({ _tag: "DeadRecord", plugin: "@test/plugin-refusing", recordId: "R-1" })
      const replayed = await app.request("/v1/plugins/dead-letters/replay", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify(letter),
      })
      expect(await replayed.json()).toEqual({ replayed: true })
      expect((await list()).items).toEqual([])
    })
  })
}
