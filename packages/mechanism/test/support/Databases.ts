// The databases the SQL suites run on (a SQLite file, a PostgreSQL schema),
// migrated with every table this package needs, and the services over them.
// Each build of `services(db)` is a new, empty database.
import { Id, type Principal } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { AuditLog, securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type MechanismRepository, MechanismService, type Mechanisms, mechanismMigrations } from "../../src"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations, mechanismMigrations],
})

export const services = (
  db: TestDatabase.TestDatabase,
): Layer.Layer<
  | MechanismService.MechanismService
  | Mechanisms.Mechanisms
  | MechanismRepository.MechanismRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Vault.Vault
  | Id.IdGenerator
> =>
  MechanismService.layerSql.pipe(
    Layer.provideMerge(AuditLog.layer),
    Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, Id.layer)),
  )

export const coordinatorPrincipal = (mechanismId: string): Principal.Principal => ({
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BP1" as Id.PrincipalId,
  kind: "user",
  institution: "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId,
  sector: "municipality",
  roles: ["coordinator"],
  mechanisms: [mechanismId as Id.MechanismId],
})

export const administrator: Principal.Principal = {
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BP2" as Id.PrincipalId,
  kind: "user",
  roles: ["administrator"],
  mechanisms: [],
}

/** Row counts of every table a command may write: proves a refused command wrote nothing. */
export const snapshot = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const tables = [
    "mechanisms",
    "mechanism_memberships",
    "mechanism_memorandum_versions",
    "mechanism_memorandum_signatures",
    "bashke_outbox",
    "audit_log",
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    counts[table] = Number(rows[0]?.n)
  }
  const versions = yield* sql<{ id: string; version: number | string }>`SELECT id, version FROM mechanisms ORDER BY id`
  return { counts, versions: versions.map((row) => `${row.id}@${Number(row.version)}`) }
}).pipe(Effect.orDie)

/** The outbox topics in order of writing. */
export const topics = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const rows = yield* sql<{ topic: string; payload: unknown }>`SELECT topic, payload FROM bashke_outbox ORDER BY id`
  return rows.map((row) => ({
    topic: row.topic,
    payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
  }))
}).pipe(Effect.orDie)
