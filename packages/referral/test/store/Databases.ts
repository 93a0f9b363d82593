// The databases the store suite runs on (a SQLite file, a PostgreSQL schema),
// migrated with every table the referral package needs, the service over them
// with fixed case facts, and the probes the tests use: row counts and the outbox.
import { Id, type Principal } from "@bashke/kernel"
import { persistenceMigrations } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { AuditLog, securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import * as CaseFacts from "../../src/CaseFacts"
import { referralMigrations } from "../../src/ReferralMigrations"
import type { ReferralRepository } from "../../src/ReferralRepository"
import * as ReferralService from "../../src/ReferralService"
import { consent, ids, institutions } from "../Fixtures"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations, referralMigrations],
})

const principal = (n: number, institution: Id.InstitutionId): Principal.Principal => ({
  id: Id.ulidAt(1_760_000_000_000 + n, new Uint8Array(10)) as Id.PrincipalId,
  kind: "user",
  institution,
  roles: ["case-worker"],
  mechanisms: [ids.mechanism],
})

export const principals = {
  caseManager: principal(1, institutions.socialWork),
  shelterWorker: principal(2, institutions.shelter),
  lawyer: principal(3, institutions.legalAid),
  /** Whoever runs the installation: writes any institution's directory entries. */
  administrator: {
    id: Id.ulidAt(1_760_000_000_004, new Uint8Array(10)) as Id.PrincipalId,
    kind: "user",
    roles: ["administrator"],
    mechanisms: [],
  } satisfies Principal.Principal,
}

const team = {
  lead: institutions.socialWork,
  members: [{ institution: institutions.socialWork, sector: "social-work" as const, access: "full" as const }],
}

/** The case is high risk and consents to a referral to the shelter; the other case has no consent. */
export const caseFacts = CaseFacts.layerTest(
  new Map<Id.CaseId, CaseFacts.Facts>([
    [ids.case, { mechanism: ids.mechanism, risk: "high", consents: [consent()], team }],
    [ids.otherCase, { mechanism: ids.mechanism, risk: undefined, consents: [], team }],
  ]),
)

export type Services =
  | ReferralService.ReferralService
  | ReferralRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

export const services = (db: TestDatabase.TestDatabase): Layer.Layer<Services> =>
  ReferralService.layerSql.pipe(
    Layer.provideMerge(AuditLog.layer),
    Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, Id.layer, caseFacts)),
  )

const tables = [
  "referral_organizations",
  "referral_locations",
  "referral_services",
  "referrals",
  "referral_steps",
  "audit_log",
  "bashke_outbox",
] as const

/** Row counts and referral versions: proves a refused command wrote nothing. */
export const snapshot = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    counts[table] = Number(rows[0]?.n)
  }
  const versions = yield* sql<{ id: string; version: number | string; status: string }>`SELECT id, version, status
    FROM referrals ORDER BY id`
  return { counts, versions: versions.map((row) => `${row.id}@${Number(row.version)}:${row.status}`) }
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
