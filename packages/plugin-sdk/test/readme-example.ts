// Keep in step with the example in README.md (only the import paths differ).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Id, Municipality } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { Vault } from "@bashke/security"
import { Effect, Layer, Option, Redacted, Schema } from "effect"
import {
  definePlugin,
  HostConfig,
  IncidentImport,
  PluginFailure,
  PluginHost,
  pluginSdkMigrations,
  WebhookSignature,
} from "../src/index"

// 1. A plugin: pulls reports from an upstream (here, an array) and records each as an incident.
const reports = [
  { number: "PK-2026-0001", caseId: "01JC0000000000000000000001", on: "2026-02-01", forms: ["physical"] },
  { number: "PK-2026-0002", caseId: "01JC0000000000000000000001", on: "2026-02-03", forms: ["psychological"] },
]
const Report = Schema.Struct({
  number: Schema.String,
  caseId: Schema.String,
  on: Schema.String,
  forms: Schema.NonEmptyArray(Schema.String),
})

const reportsPlugin = definePlugin({
  manifest: {
    name: "@acme/plugin-reports",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({ municipality: Municipality.MunicipalityCode }),
    capabilities: ["schedule:pull", "incidents:import", "routes:webhook"],
  },
  setup: (context) => ({
    pulls: [
      {
        name: "reports",
        every: "5 minutes",
        run: (cursor) => {
          const from = Number(Option.getOrElse(cursor, () => "0"))
          const page = reports.slice(from, from + 100)
          return Effect.succeed({
            records: page.map((report) => ({ recordId: report.number, payload: report })),
            cursor: String(from + page.length),
          })
        },
      },
    ],
    process: (record) =>
      Effect.gen(function* () {
        const report = yield* Schema.decodeUnknown(Report)(record.payload).pipe(
          Effect.mapError(() => new PluginFailure.PluginFailure({ code: "report.malformed", permanent: true })),
        )
        yield* context.incidents.record({
          source: record.source,
          recordId: record.recordId,
          caseId: Id.CaseId.make(report.caseId),
          occurredOn: report.on,
          municipality: context.config.municipality,
          forms: report.forms,
        })
      }),
    webhooks: [{ method: "POST", path: "/ping", handle: () => Effect.succeed({ status: 200, body: { pong: true } }) }],
  }),
})

// 2. The application provides the capability (with the case package, in the gateway).
const recorded: Array<string> = []
const incidents = Layer.succeed(IncidentImport.IncidentImport, {
  forPlugin: (plugin) => ({
    record: (incident) =>
      Effect.sync(() => {
        recorded.push(`${plugin.id}:${incident.recordId}`)
        return { incidentId: Id.IncidentId.make("01JD0000000000000000000001"), outcome: "created" as const }
      }),
  }),
})

// 3. The host, configured from JSON: what each plugin is granted, its config, its webhook secret.
const secret = "change-me-to-a-long-random-secret"
const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, pluginSdkMigrations])
  const config = yield* HostConfig.decode({
    plugins: [
      {
        package: "@acme/plugin-reports",
        grant: ["schedule:pull", "incidents:import", "routes:webhook"],
        config: { municipality: "GJI" },
        webhook: { secrets: [secret] },
      },
    ],
  })
  const host = yield* PluginHost.make({ plugins: [reportsPlugin], config }).pipe(Effect.provide(incidents))

  const pulled = yield* host.runPull("reports", "reports")
  const processed = yield* host.processInbox("reports")

  // A webhook call, signed as an upstream would sign it.
  const body = "{}"
  const headers = yield* WebhookSignature.headers(Redacted.make(secret), body, Date.now())
  const answer = yield* host.dispatch(
    new Request("http://localhost/v1/plugins/reports/ping", { method: "POST", body, headers }),
  )
  return {
    pulled,
    processed,
    recorded,
    webhook: answer.status,
    health: yield* host.health,
  }
})

export const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-plugin-sdk-"))
  const services = Layer.mergeAll(Database.layer(`sqlite:${join(directory, "bashke.db")}`), Vault.layerTest, Id.layer)
  try {
    return await Effect.runPromise(program.pipe(Effect.scoped, Effect.provide(services), Effect.orDie))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then((result) => console.log(result))
}
