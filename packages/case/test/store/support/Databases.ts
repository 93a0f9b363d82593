// The databases the store suites run on (a SQLite file, a PostgreSQL schema),
// migrated with every table the case package needs, the services over them, the
// institutions and principals of a fictional mechanism, and the probes the
// tests use: row counts of every table, the outbox, the raw stored bytes.
import { Id, type Principal, type Sector } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { AuditLog, BlindIndex, CaseKeys, securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, TestClock } from "effect"
import type * as BreakGlassReviewRepository from "../../../src/BreakGlassReviewRepository"
import { caseMigrations } from "../../../src/CaseMigrations"
import type * as CaseRepository from "../../../src/CaseRepository"
import type * as CaseReviewRepository from "../../../src/CaseReviewRepository"
import * as CaseService from "../../../src/CaseService"
import type * as ErasableRecords from "../../../src/ErasableRecords"
import type * as PersonalData from "../../../src/PersonalData"
import * as Signatories from "../../../src/Signatories"
import * as SqlCaseReviewRepository from "../../../src/SqlCaseReviewRepository"
import * as SqlErasableRecords from "../../../src/SqlErasableRecords"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations, caseMigrations],
})

/** A fixed ULID per number, so the tests read the same on every run. */
export const ulid = (n: number): string => Id.ulidAt(1_760_000_000_000 + n, new Uint8Array(10).fill(n))

export const mechanismId = ulid(1) as Id.MechanismId
export const otherMechanismId = ulid(2) as Id.MechanismId

export const institutions = {
  police: ulid(10) as Id.InstitutionId,
  socialWork: ulid(11) as Id.InstitutionId,
  health: ulid(12) as Id.InstitutionId,
  shelter: ulid(13) as Id.InstitutionId,
  municipality: ulid(14) as Id.InstitutionId,
  victimAdvocate: ulid(15) as Id.InstitutionId,
  /** A member that has not signed the memorandum in force. */
  school: ulid(16) as Id.InstitutionId,
} as const

const sectorOf: Record<keyof typeof institutions, Sector.Sector> = {
  police: "police",
  socialWork: "social-work",
  health: "health",
  shelter: "shelter",
  municipality: "municipality",
  victimAdvocate: "victim-advocacy",
  school: "education",
}

/** Every institution but the school signed the memorandum in force. */
export const signatories: ReadonlyArray<Signatories.Signatory> = (
  ["police", "socialWork", "health", "shelter", "municipality", "victimAdvocate"] as const
).map((name) => ({ institution: institutions[name], sector: sectorOf[name] }))

const principal = (
  n: number,
  name: keyof typeof institutions,
  roles: Principal.Principal["roles"],
  mechanisms: ReadonlyArray<Id.MechanismId> = [mechanismId],
): Principal.Principal => ({
  id: ulid(n) as Id.PrincipalId,
  kind: "user",
  institution: institutions[name],
  sector: sectorOf[name],
  roles,
  mechanisms,
})

export const principals = {
  officer: principal(20, "police", ["case-worker"]),
  caseManager: principal(21, "socialWork", ["case-worker"]),
  nurse: principal(22, "health", ["case-worker"]),
  coordinator: principal(23, "municipality", ["coordinator"]),
  advocate: principal(24, "victimAdvocate", ["case-worker"]),
  teacher: principal(25, "school", ["case-worker"]),
  stranger: principal(26, "shelter", ["case-worker"], [otherMechanismId]),
} as const

export type Services =
  | CaseService.CaseService
  | CaseRepository.CaseRepository
  | CaseReviewRepository.CaseReviewRepository
  | BreakGlassReviewRepository.BreakGlassReviewRepository
  | Signatories.Signatories
  | PersonalData.PersonalData
  | ErasableRecords.ErasableRecords
  | CaseKeys.CaseKeys
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Vault.Vault
  | BlindIndex.BlindIndex
  | Id.IdGenerator

/** The case service over a fresh database of `db`, with the test keys and signatories. */
export const services = (db: TestDatabase.TestDatabase): Layer.Layer<Services> =>
  Layer.mergeAll(CaseService.layerSql, SqlCaseReviewRepository.layer, SqlErasableRecords.layer).pipe(
    Layer.provideMerge(
      Layer.mergeAll(AuditLog.layer, CaseKeys.layer, Signatories.layerTest([{ mechanismId, signatories }])),
    ),
    Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, BlindIndex.layerTest, Id.layer)),
  )

/** 2 March 2026, 09:00 UTC (10:00 in Kosovo): a Monday. */
export const start = TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))

/** Every table of the case, security and persistence packages a command may write. */
export const tables = [
  "cases",
  "case_reference_counters",
  "case_team_members",
  "persons",
  "incidents",
  "risk_assessments",
  "protection_orders",
  "protection_order_events",
  "protection_order_hearings",
  "safety_plan_measures",
  "consents",
  "case_transitions",
  "case_break_glass_reviews",
  "case_reviews",
  "case_data_keys",
  "audit_log",
  "bashke_outbox",
] as const

/** Row counts of every table, and every versioned row's version: proves a refused command wrote nothing. */
export const snapshot = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    counts[table] = Number(rows[0]?.n)
  }
  const versions = yield* sql<{ id: string; version: number | string }>`SELECT id, version FROM cases ORDER BY id`
  const counters = yield* sql<{ year: number; last_sequence: number | string }>`SELECT year, last_sequence
    FROM case_reference_counters ORDER BY mechanism_id, year`
  return {
    counts,
    versions: versions.map((row) => `${row.id}@${Number(row.version)}`),
    counters: counters.map((row) => `${row.year}:${Number(row.last_sequence)}`),
  }
}).pipe(Effect.orDie)

/** The outbox events in order of writing. */
export const outbox = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const rows = yield* sql<{ topic: string; payload: unknown }>`SELECT topic, payload FROM bashke_outbox ORDER BY id`
  return rows.map((row) => ({
    topic: row.topic,
    payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
  }))
}).pipe(Effect.orDie)

/** The dialect of the current client. */
export const dialect = Effect.map(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({ pg: () => "postgres" as const, orElse: () => "sqlite" as const }),
)
