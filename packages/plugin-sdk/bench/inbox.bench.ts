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
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
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
  yield* sql`CREATE TABLE floor_inbox AS SELECT * FROM plugin_inbox WHERE 0 = 1`
  yield* sql`ALTER TABLE floor_inbox ADD COLUMN payload TEXT`
  // CREATE TABLE … AS keeps no constraint: the same keys as plugin_inbox, by hand.
  yield* sql`CREATE UNIQUE INDEX floor_inbox_id ON floor_inbox (id)`
  yield* sql`CREATE INDEX floor_inbox_due ON floor_inbox (id) WHERE status = 'pending'`
  started = performance.now()
  for (let from = 0; from < total; from += page) {
    const rows = []
    for (let i = from; i < from + page; i++)
      rows.push({
        id: `F${String(i).padStart(9, "0")}`,
        plugin: "floor",
        source: "reports",
        record_id: `PK-${i}`,
        batch_id: "b",
        position: i - from,
        received_at: "2026-03-02T09:00:00.000Z",
        status: "pending",
        attempts: 0,
        next_attempt_at: "2026-03-02T09:00:00.000Z",
        payload: JSON.stringify(police(i)),
      })
    yield* sql.withTransaction(
      Effect.forEach(
        [rows.slice(0, 500), rows.slice(500)],
        (chunk) => sql`INSERT INTO floor_inbox ${sql.insert(chunk)}`,
        { discard: true },
      ),
    )
  }
  const importFloor = total / seconds(started)
  started = performance.now()
  for (let from = 0; from < total; from += page) {
    const claimed = yield* sql<{ id: string; payload: string }>`UPDATE floor_inbox SET attempts = 1
      WHERE id IN (SELECT id FROM floor_inbox WHERE status = 'pending' ORDER BY id LIMIT ${page}) RETURNING id, payload`
    for (const row of claimed) JSON.parse(row.payload)
    const ids = claimed.map((row) => row.id)
    yield* sql`UPDATE floor_inbox SET status = 'processed' WHERE ${sql.in("id", ids.slice(0, 500))}`
    yield* sql`UPDATE floor_inbox SET status = 'processed' WHERE ${sql.in("id", ids.slice(500))}`
  }
  const processFloor = total / seconds(started)

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
