/**
 * The `SurvivorInformedRepository` on `@effect/sql`, for SQLite and
 * PostgreSQL alike, over `case_survivor_informed` (migration 11). What was
 * said is sealed under the case's data key (`CaseKeys`), bound to its entry
 * (`survivor-informed:<id>:said`); topics are stored comma-joined.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { SurvivorInformed } from "./SurvivorInformed"
import { type Service, SurvivorInformedRepository } from "./SurvivorInformedRepository"

type Row = Record<string, unknown>

/**
 * Where what was said is sealed: bound to the entry.
 */
export const saidAad = (id: string): string => `survivor-informed:${id}:said`

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context (each value sealed under its case's data key, ADR 0012).
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(SurvivorInformed)

  const fromRow = (keys: CaseKeys.Keyring) => (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      // A value that does not open was tampered with or its key is gone: a defect.
      const said = yield* keys.open(String(row.said), saidAad(id)).pipe(Effect.orDie)
      return yield* decode({
        id,
        caseId: row.case_id,
        personId: row.person_id,
        topics: String(row.topics).split(","),
        said,
        language: row.language,
        toldAt: SqlValues.fromSql(row.told_at),
        toldBy: row.told_by,
        institution: row.institution_id,
        recordedAt: SqlValues.fromSql(row.recorded_at),
      })
    })

  const insert: Service["insert"] = (entry) =>
    Effect.gen(function* () {
      const keys = yield* caseKeys.forCase(entry.caseId)
      yield* sql`INSERT INTO case_survivor_informed ${sql.insert({
        id: entry.id,
        case_id: entry.caseId,
        person_id: entry.personId,
        topics: entry.topics.join(","),
        said: yield* keys.seal(entry.said, saidAad(entry.id)),
        language: entry.language,
        told_at: SqlValues.toSql(entry.toldAt),
        told_by: entry.toldBy,
        institution_id: entry.institution,
        recorded_at: SqlValues.toSql(entry.recordedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlSurvivorInformedRepository.insert"))

  const list: Service["list"] = (caseId, page) =>
    Effect.gen(function* () {
      const after = page.after === undefined ? sql`1 = 1` : sql`id > ${page.after}`
      const rows = yield* sql<Row>`SELECT * FROM case_survivor_informed WHERE case_id = ${caseId} AND ${after}
        ORDER BY id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow(yield* caseKeys.forCase(caseId)))
    }).pipe(Effect.orDie, Span.untraced("SqlSurvivorInformedRepository.list"))

  return { insert, list }
})

export const layer: Layer.Layer<SurvivorInformedRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> =
  Layer.effect(SurvivorInformedRepository, make)
