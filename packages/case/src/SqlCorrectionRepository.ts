/**
 * The `CorrectionRepository` on `@effect/sql`, for SQLite and PostgreSQL
 * alike, over `case_corrections` (migration 12). The reason and the previous
 * values are sealed under the case's data key (`CaseKeys`), each bound to its correction and field
 * (`case-correction:<id>:reason`, `…:previous`); the previous identifying
 * details are kept inside the sealed previous values as the sealed values the
 * person's row held, so they open only as that person's fields.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { Correction } from "./Correction"
import { CorrectionRepository, type Service } from "./CorrectionRepository"

type Row = Record<string, unknown>

/**
 * Where a correction's reason or previous values are sealed: bound to it.
 */
export const aad = (id: string, field: "reason" | "previous"): string => `case-correction:${id}:${field}`

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context (each value sealed under its case's data key, ADR 0012).
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(Correction)

  const fromRow = (keys: CaseKeys.Keyring) => (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      // A value that does not open was tampered with or its key is gone: a defect.
      const reason = yield* keys.open(String(row.reason), aad(id, "reason")).pipe(Effect.orDie)
      const previous = JSON.parse(yield* keys.open(String(row.previous), aad(id, "previous")).pipe(Effect.orDie))
      return yield* decode({
        id,
        caseId: row.case_id,
        kind: row.record_kind,
        recordId: row.record_id,
        version: Number(row.record_version),
        fields: JSON.parse(String(row.fields)),
        previous: previous.clear,
        reason,
        correctedBy: row.corrected_by,
        institution: row.institution_id,
        correctedAt: SqlValues.fromSql(row.corrected_at),
      })
    })

  const insert: Service["insert"] = (correction, previousDetails) =>
    Effect.gen(function* () {
      const keys = yield* caseKeys.forCase(correction.caseId)
      const previous = JSON.stringify({ clear: correction.previous, details: previousDetails })
      yield* sql`INSERT INTO case_corrections ${sql.insert({
        id: correction.id,
        case_id: correction.caseId,
        record_kind: correction.kind,
        record_id: correction.recordId,
        record_version: correction.version,
        fields: JSON.stringify(correction.fields),
        previous: yield* keys.seal(previous, aad(correction.id, "previous")),
        reason: yield* keys.seal(correction.reason, aad(correction.id, "reason")),
        corrected_by: correction.correctedBy,
        institution_id: correction.institution,
        corrected_at: SqlValues.toSql(correction.correctedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlCorrectionRepository.insert"))

  const list: Service["list"] = (caseId, page) =>
    Effect.gen(function* () {
      const after = page.after === undefined ? sql`1 = 1` : sql`id > ${page.after}`
      const rows = yield* sql<Row>`SELECT * FROM case_corrections WHERE case_id = ${caseId} AND ${after}
        ORDER BY id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow(yield* caseKeys.forCase(caseId)))
    }).pipe(Effect.orDie, Span.untraced("SqlCorrectionRepository.list"))

  return { insert, list }
})

export const layer: Layer.Layer<CorrectionRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Layer.effect(
  CorrectionRepository,
  make,
)
