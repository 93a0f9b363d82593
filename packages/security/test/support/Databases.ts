// The databases the SQL suites run on (SQLite file, PostgreSQL schema), migrated
// with this package's tables, and the services over them. Each `Effect.provide`
// of `services(db)` builds a new, empty database.
import { Id } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { AuditLog, securityMigrations, Vault } from "../../src"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations],
})

export const services = (
  db: TestDatabase.TestDatabase,
  vault: Layer.Layer<Vault.Vault> = Vault.layerTest,
): Layer.Layer<AuditLog.AuditLog | SqlClient.SqlClient | Vault.Vault | Id.IdGenerator> =>
  AuditLog.layer.pipe(Layer.provideMerge(Layer.mergeAll(db.layer, vault, Id.layer)))

/** The client without name transforms: tests name columns as the migrations do. */
export const rawSql = Effect.map(SqlClient.SqlClient, (sql) => sql.withoutTransforms())

/** What an attacker with DDL rights does first: remove the append-only guards. */
export const dropGuards = Effect.gen(function* () {
  const sql = yield* rawSql
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.all([
        sql`DROP TRIGGER audit_log_guard ON audit_log`,
        sql`DROP TRIGGER audit_head_guard ON audit_head`,
        sql`DROP TRIGGER audit_log_moves_head ON audit_log`,
      ]),
    orElse: () =>
      Effect.all([
        sql`DROP TRIGGER audit_log_follows_head`,
        sql`DROP TRIGGER audit_log_no_update`,
        sql`DROP TRIGGER audit_log_no_delete`,
        sql`DROP TRIGGER audit_head_follows_log`,
        sql`DROP TRIGGER audit_head_no_delete`,
        sql`DROP TRIGGER audit_log_moves_head`,
      ]),
  })
}).pipe(Effect.orDie)

export const count = (table: string) =>
  Effect.gen(function* () {
    const sql = yield* rawSql
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    return Number(rows[0]?.n)
  }).pipe(Effect.orDie)
