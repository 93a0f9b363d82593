// The inbox's throughput on SQLite: 100,000 police-like records pulled in
// pages of 1,000 (each page sealed once by the vault and written with
// multi-row inserts, cursor in the same transaction), then applied through a
// `process` hook that does nothing (the host's own cost: claim, open, call
// behind timeout and breaker, mark). Floors: the same rows written, and
// claimed and marked, by hand-written SQL through the same client, without
// sealing or hooks. The police plugin's own benchmark adds its work on top.
import { Id } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import { type Figure, record } from "../../../scripts/benchmark"
import { definePlugin, PluginHost, pluginSdkMigrations } from "../src/index"
import * as InboxFloor from "./InboxFloor"

const total = 100_000
const page = 1_000

const police = (i: number) => ({
  reportNumber: `PK-2026-${String(i).padStart(7, "0")}`,
  occurredOn: "2026-02-01",
  municipality: "GJI",
  forms: ["physical", "psychological"],
  victim: {
    givenName: "Arta",
    familyName: "Krasniqi",
    personalNumber: String(1_000_000_000 + i),
    birthDate: "1990-04-12",
  },
  suspect: { givenName: "Blerim", familyName: "Krasniqi", personalNumber: String(2_000_000_000 + i) },
  children: "witnessed",
  place: "home",
})

const plugin = definePlugin({
  manifest: {
    name: "@bashke/plugin-bench",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["schedule:pull"],
  },
  setup: () => ({
    pulls: [
      {
        name: "reports",
        every: "1 hour",
        run: (cursor) =>
          Effect.sync(() => {
            const from = Number(Option.getOrElse(cursor, () => "0"))
            const to = Math.min(total, from + page)
            const records = []
            for (let i = from; i < to; i++) records.push({ recordId: `PK-${i}`, payload: police(i) })
            return { records, cursor: String(to), more: to < total }
          }),
      },
    ],
    process: () => Effect.void,
  }),
})

const seconds = (started: number) => (performance.now() - started) / 1000

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, pluginSdkMigrations])
  const host = yield* PluginHost.make({
    plugins: [plugin],
    config: { plugins: [{ package: "@bashke/plugin-bench", grant: ["schedule:pull"] }], batchSize: 1000 },
  })
  const progress = (label: string, done: number) => {
    if (process.stdout.isTTY)
      process.stdout.write(`\r${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`)
  }

  let started = performance.now()
  let imported = 0
  for (;;) {
    const outcome = yield* host.runPull("bench", "reports")
    if (outcome._tag !== "Pulled") return yield* Effect.dieMessage(`pull ${outcome._tag}`)
    imported += outcome.inserted
    progress("import", imported)
    if (!outcome.more) break
  }
  const importRate = imported / seconds(started)

  started = performance.now()
  let processed = 0
  for (;;) {
    const pass = yield* host.processInbox("bench")
    processed += pass.succeeded
    progress("process", processed)
    if (pass.succeeded === 0) break
  }
  const processRate = processed / seconds(started)
  if (process.stdout.isTTY) process.stdout.write("\n")
  if (imported !== total || processed !== total) return yield* Effect.dieMessage(`${imported} / ${processed}`)

  // Floors: the same rows by hand, no vault, no hooks.
  const { importFloor, processFloor } = yield* InboxFloor.measure(yield* SqlClient.SqlClient, {
    total,
    page,
    source: "reports",
    payloadOf: police,
  })

  const goal = "≥ 20,000 records/s (issue 8, with the police plugin's work)"
  return [
    {
      measure: `import ${total.toLocaleString("en-US")} records, pages of ${page} (sealed per page, cursor in the same transaction; SQLite file, WAL)`,
      unit: "records/s",
      value: importRate,
      floor: { measure: "hand-written multi-row INSERT, no vault", value: importFloor },
      goal,
    },
    {
      measure: `process ${total.toLocaleString("en-US")} inbox records through a no-op hook (SQLite file, WAL)`,
      unit: "records/s",
      value: processRate,
      floor: { measure: "hand-written claim + mark, no vault, no hook", value: processFloor },
      goal,
    },
    {
      measure: "import then process, end to end (SQLite file, WAL)",
      unit: "records/s",
      value: total / (total / importRate + total / processRate),
      floor: { measure: "the two floors end to end", value: total / (total / importFloor + total / processFloor) },
      goal,
    },
  ] satisfies Array<Figure>
}).pipe(
  Effect.scoped,
  Effect.provide(Layer.mergeAll(Vault.layerTest, Id.layer).pipe(Layer.provideMerge(TestDatabase.sqliteLayer))),
)

record(new URL("..", import.meta.url).pathname, "plugin-sdk-inbox", await Effect.runPromise(program))
