/**
 * The `ClosedCases` port on `@effect/sql`, for SQLite and PostgreSQL alike:
 * one query over `cases` (status `closed`, by mechanism; the index
 * `cases_mechanism` leads with both), the filter of `ClosedCase.matches` in
 * SQL, paged by case id.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { ClosedCase } from "./ClosedCase"
import { ClosedCases, type Service } from "./ClosedCases"

type Row = Record<string, unknown>

/**
 * The adapter over the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const decode = SqlValues.decodeStored(ClosedCase)

  const search: Service["search"] = (mechanismId, filter, page) =>
    Effect.gen(function* () {
      // A reference prefix holds letters, digits and dashes only (the schema
      // says so), so it needs no LIKE escaping.
      const conditions = [
        sql`mechanism_id = ${mechanismId}`,
        sql`status = 'closed'`,
        ...(filter.reference === undefined ? [] : [sql`reference LIKE ${`${filter.reference.toUpperCase()}%`}`]),
        ...(filter.reason === undefined ? [] : [sql`closure_reason = ${filter.reason}`]),
        ...(filter.riskLevel === undefined ? [] : [sql`risk_level = ${filter.riskLevel}`]),
        ...(page.after === undefined ? [] : [sql`id > ${page.after}`]),
      ]
      const rows = yield* sql<Row>`SELECT id, reference, lead_institution, opened_at, closed_at, closure_reason,
          risk_level, erased_at, version FROM cases WHERE ${sql.and(conditions)} ORDER BY id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, (row) =>
        decode(
          SqlValues.defined({
            id: row.id,
            reference: row.reference,
            lead: row.lead_institution,
            openedAt: SqlValues.fromSql(row.opened_at),
            closedAt: SqlValues.fromSql(row.closed_at),
            reason: row.closure_reason ?? undefined,
            riskLevel: row.risk_level ?? undefined,
            erasedAt: row.erased_at == null ? undefined : SqlValues.fromSql(row.erased_at),
            version: Number(row.version),
          }),
        ),
      )
    }).pipe(Effect.orDie, Span.untraced("SqlClosedCases.search"))

  return { search }
})

export const layer: Layer.Layer<ClosedCases, never, SqlClient.SqlClient> = Layer.effect(ClosedCases, make)
