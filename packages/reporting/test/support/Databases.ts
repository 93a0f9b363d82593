// The databases the SQL suites run on (a SQLite file, a PostgreSQL schema),
// migrated with the tables and statistics views of every package reporting
// reads, in the application's order. Each build of a layer is a new, empty
// database.
import { caseMigrations } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { meetingMigrations } from "@bashke/meeting"
import { type Migrations, persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { referralMigrations } from "@bashke/referral"
import { securityMigrations } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import type * as PlanImplementation from "../../src/PlanImplementation"
import * as SqlStatistics from "../../src/SqlStatistics"
import type { Statistics } from "../../src/Statistics"

export const migrations: ReadonlyArray<Migrations.MigrationSet> = [
  persistenceMigrations,
  securityMigrations,
  meetingMigrations,
  caseMigrations,
  referralMigrations,
]

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({ migrations })

/** Row counts of every table of the packages reporting reads: equal before and after means nothing was written. */
export const counts = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const out: Record<string, number> = {}
  for (const table of [
    "cases",
    "persons",
    "incidents",
    "consents",
    "protection_orders",
    "protection_order_events",
    "referrals",
    "referral_steps",
    "meeting_meetings",
    "bashke_outbox",
    "audit_log",
  ]) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    out[table] = Number(rows[0]?.n)
  }
  return out
}).pipe(Effect.orDie)

/**
 * The statistics adapter and a plan port over one fresh database of `db`. The
 * database layer is `Layer.fresh`: it is merged once, into one layer value, so
 * that the adapter and the test share it instead of building two.
 */
export const services = <R>(
  db: TestDatabase.TestDatabase,
  plans: Layer.Layer<PlanImplementation.PlanImplementation, never, R>,
): Layer.Layer<
  Statistics | PlanImplementation.PlanImplementation | SqlClient.SqlClient | Id.IdGenerator,
  never,
  Exclude<R, SqlClient.SqlClient | Id.IdGenerator>
> => Layer.mergeAll(SqlStatistics.layer, plans).pipe(Layer.provideMerge(Layer.mergeAll(db.layer, Id.layer)))
