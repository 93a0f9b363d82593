// Outbox.append inside one transaction, against its floor: the same INSERT written
// by hand through the same SqlClient, so the figure is the outbox's own overhead
// (ids, timestamps, JSON) on top of what the database costs anyway.
import { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type Figure, rate, record } from "../../../scripts/benchmark"
import { Migrations, Outbox, persistenceMigrations } from "../src/index"
import { TestDatabase } from "../src/testing"

const count = 5_000
const payload = { caseId: "01JCASE0000000000000000000", level: "high" }

const measure = (dialect: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* Migrations.run([persistenceMigrations])
    const context = yield* Effect.context<SqlClient.SqlClient | Id.IdGenerator>()
    const run = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient | Id.IdGenerator>) =>
      Effect.runPromise(Effect.provide(Effect.orDie(effect), context))
    const appends = (n: number) =>
      sql.withTransaction(
        Effect.forEach(
          Array.from({ length: n }),
          () => Outbox.append({ topic: "bench.event", aggregateType: "case", aggregateId: "c", payload }),
          { discard: true },
        ),
      )
    let seq = 0
    const inserts = (n: number) =>
      sql.withTransaction(
        Effect.forEach(
          Array.from({ length: n }),
          () => {
            seq += 1
            const id = `floor-${seq}`
            return sql`INSERT INTO bashke_outbox (id, topic, aggregate_type, aggregate_id, payload, occurred_at, status, attempts, next_attempt_at)
              VALUES (${id}, 'bench.floor', 'case', 'c', ${JSON.stringify(payload)}, '2026-01-01T00:00:00.000Z', 'pending', 0, '2026-01-01T00:00:00.000Z')`
          },
          { discard: true },
        ),
      )
    const value = yield* Effect.promise(() => rate(count, (n) => run(appends(n))))
    const floor = yield* Effect.promise(() => rate(count, (n) => run(inserts(n))))
    return {
      measure: `Outbox.append × ${count} in one transaction (${dialect})`,
      unit: "events/s",
      value,
      floor: { measure: "hand-written INSERT, same client", value: floor },
    } satisfies Figure
  }).pipe(Effect.provide(Layer.merge(database, Id.layer)))

const figures: Array<Figure> = [await Effect.runPromise(measure("SQLite file, WAL", TestDatabase.sqliteLayer))]
const unavailable = await TestDatabase.postgresUnavailable()
if (unavailable === undefined) {
  figures.push(await Effect.runPromise(measure("PostgreSQL", TestDatabase.postgresLayer())))
} else {
  console.warn(`outbox bench: PostgreSQL skipped (${unavailable})`)
}
record(new URL("..", import.meta.url).pathname, "persistence-outbox", figures)
