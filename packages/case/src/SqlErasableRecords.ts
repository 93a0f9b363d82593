/**
 * The `ErasableRecords` port on `@effect/sql`, for SQLite and PostgreSQL
 * alike. {@link sealedColumns} lists every table of the case package with
 * values sealed for a case, by their `case_id`: a table added later with
 * sealed case data is added here, or an erasure leaves its older values
 * (those sealed under a vault key) readable.
 */
import { Id, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { ErasableRecords, type Service } from "./ErasableRecords"

/**
 * The sealed columns of a case's records, by table.
 */
export const sealedColumns: ReadonlyArray<{ readonly table: string; readonly columns: ReadonlyArray<string> }> = [
  {
    table: "persons",
    columns: ["given_name", "family_name", "personal_number", "birth_date", "address", "phone", "safe_contact"],
  },
  { table: "case_notes", columns: ["text", "reason"] },
  { table: "case_safe_contacts", columns: ["instructions"] },
  { table: "case_reviews", columns: ["wishes", "note"] },
  { table: "case_corrections", columns: ["previous", "reason"] },
  { table: "case_survivor_informed", columns: ["said"] },
  // The content's chunks are under each document's own key, sealed here: erased with it.
  { table: "case_documents", columns: ["name", "data_key"] },
]

/**
 * The adapter over the `SqlClient`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()

  const adopt: Service["adopt"] = (caseId, keys) =>
    Effect.gen(function* () {
      let moved = 0
      for (const { table, columns } of sealedColumns) {
        for (const column of columns) {
          const rows = yield* sql<{ value: string }>`SELECT ${sql(column)} AS value FROM ${sql(table)}
            WHERE case_id = ${caseId} AND ${sql(column)} IS NOT NULL`
          for (const { value } of rows) {
            if (CaseKeys.isCaseKeyed(value)) continue
            const adopted = yield* keys.adopt(value)
            // By value: every sealed value is unique (its own random key and iv).
            yield* sql`UPDATE ${sql(table)} SET ${sql(column)} = ${adopted}
              WHERE case_id = ${caseId} AND ${sql(column)} = ${value}`
            moved += 1
          }
        }
      }
      return moved
    }).pipe(Effect.orDie, Span.untraced("SqlErasableRecords.adopt"))

  const forgetIndexes: Service["forgetIndexes"] = (caseId) =>
    sql`UPDATE persons SET personal_number_index = NULL WHERE case_id = ${caseId}`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlErasableRecords.forgetIndexes"),
    )

  const candidates: Service["candidates"] = (closedNoLaterThan, limit) =>
    Effect.gen(function* () {
      const rows = yield* sql<{ id: string; closed_at: unknown }>`SELECT id, closed_at FROM cases
        WHERE status = 'closed' AND erased_at IS NULL AND closed_at <= ${closedNoLaterThan.toISOString()}
        ORDER BY closed_at, id LIMIT ${limit}`
      return rows.map((row) => ({
        caseId: Id.CaseId.make(row.id),
        closedAt: new Date(SqlValues.fromSql(row.closed_at) ?? ""),
      }))
    }).pipe(Effect.orDie, Span.untraced("SqlErasableRecords.candidates"))

  return { adopt, forgetIndexes, candidates }
})

export const layer: Layer.Layer<ErasableRecords, never, SqlClient.SqlClient> = Layer.effect(ErasableRecords, make)
