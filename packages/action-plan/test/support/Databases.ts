// The databases the SQL suites run on (a SQLite file, a PostgreSQL schema),
// migrated with the outbox and the action-plan tables, and the services over
// them. Each build of `services(db)` is a new, empty database.
import { Id } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import {
  type ActionPlanRepository,
  ActivityActionItems,
  actionPlanMigrations,
  IndicatorSources,
  SqlActionPlanRepository,
} from "../../src/index"
import { ids } from "./Fixtures"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, actionPlanMigrations],
})

export type Services =
  | ActionPlanRepository.ActionPlanRepository
  | IndicatorSources.IndicatorSources
  | ActivityActionItems.ActivityActionItems
  | SqlClient.SqlClient
  | Id.IdGenerator

export const services = (db: TestDatabase.TestDatabase): Layer.Layer<Services> =>
  Layer.mergeAll(
    SqlActionPlanRepository.layer,
    IndicatorSources.layerTest({ "high-risk-cases-reviewed-within-30-days": { numerator: 18, denominator: 24 } }),
    ActivityActionItems.layerTest([
      {
        actionItemId: ids.item,
        meetingId: ids.meeting,
        activityId: ids.training,
        dueDate: "2025-05-15",
        status: "open",
      },
    ]),
  ).pipe(Layer.provideMerge(Layer.mergeAll(db.layer, Id.layer)))

const rawSql = Effect.map(SqlClient.SqlClient, (sql) => sql.withoutTransforms())

/** Row counts of every table a command may write: equal before and after means nothing was written. */
export const counts = Effect.gen(function* () {
  const sql = yield* rawSql
  const out: Record<string, number> = {}
  for (const table of ["action_plan_plans", "action_plan_revisions", "bashke_outbox"]) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    out[table] = Number(rows[0]?.n)
  }
  return out
}).pipe(Effect.orDie)

/** The outbox topics and payloads written so far, in order. */
export const events = Effect.gen(function* () {
  const sql = yield* rawSql
  const rows = yield* sql.onDialectOrElse({
    pg: () =>
      sql<{ topic: string; payload: string }>`SELECT topic, payload::text AS payload FROM bashke_outbox ORDER BY id`,
    orElse: () => sql<{ topic: string; payload: string }>`SELECT topic, payload FROM bashke_outbox ORDER BY id`,
  })
  return rows.map((row) => ({ topic: row.topic, payload: JSON.parse(row.payload) as Record<string, unknown> }))
}).pipe(Effect.orDie)
