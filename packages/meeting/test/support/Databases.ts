// The databases the SQL suites run on (a SQLite file, a PostgreSQL schema),
// migrated with the outbox, audit log and meeting tables, and the services
// over them. Each build of `services(db)` is a new, empty database.
import { Id } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { AuditLog, securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import {
  type ActionItemRepository,
  CaseSummaries,
  MechanismRoster,
  type MeetingRepository,
  meetingMigrations,
  OverdueReferrals,
  SqlActionItemRepository,
  SqlMeetingRepository,
} from "../../src/index"
import { bimonthlyRoster, cases, ids, roster } from "./Fixtures"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations, meetingMigrations],
})

export type Services =
  | MeetingRepository.MeetingRepository
  | ActionItemRepository.ActionItemRepository
  | AuditLog.AuditLog
  | MechanismRoster.MechanismRoster
  | CaseSummaries.CaseSummaries
  | OverdueReferrals.OverdueReferrals
  | SqlClient.SqlClient
  | Vault.Vault
  | Id.IdGenerator

export const services = (
  db: TestDatabase.TestDatabase,
  rosters: ReadonlyArray<MechanismRoster.Roster> = [roster, bimonthlyRoster],
): Layer.Layer<Services> =>
  Layer.mergeAll(
    SqlMeetingRepository.layer,
    SqlActionItemRepository.layer,
    AuditLog.layer,
    MechanismRoster.layerTest(rosters),
    CaseSummaries.layerTest([{ mechanismId: ids.mechanism, cases }]),
    OverdueReferrals.layerTest([]),
  ).pipe(Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, Id.layer)))

/** The client without name transforms: tests name columns as the migrations do. */
export const rawSql = Effect.map(SqlClient.SqlClient, (sql) => sql.withoutTransforms())

export const tables = [
  "meeting_meetings",
  "meeting_attendance",
  "meeting_minutes",
  "meeting_amendments",
  "meeting_decisions",
  "meeting_action_items",
  "bashke_outbox",
  "audit_log",
] as const

/** Row counts of every table a command may write: equal before and after means nothing was written. */
export const counts = Effect.gen(function* () {
  const sql = yield* rawSql
  const out: Record<string, number> = {}
  for (const table of tables) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    out[table] = Number(rows[0]?.n)
  }
  return out
}).pipe(Effect.orDie)

/** The outbox topics written so far, in order. */
export const topics = Effect.gen(function* () {
  const sql = yield* rawSql
  const rows = yield* sql<{ topic: string }>`SELECT topic FROM bashke_outbox ORDER BY id`
  return rows.map((row) => row.topic)
}).pipe(Effect.orDie)

/** The outbox payloads written so far, in order. */
export const payloads = Effect.gen(function* () {
  const sql = yield* rawSql
  const rows = yield* sql.onDialectOrElse({
    pg: () => sql<{ payload: string }>`SELECT payload::text AS payload FROM bashke_outbox ORDER BY id`,
    orElse: () => sql<{ payload: string }>`SELECT payload FROM bashke_outbox ORDER BY id`,
  })
  return rows.map((row) => row.payload)
}).pipe(Effect.orDie)
