/**
 * The `BreakGlassReviewRepository` on `@effect/sql`, for SQLite and
 * PostgreSQL alike, over `case_break_glass_reviews` (migration 7). The written
 * reason is sealed by the vault, bound to its review
 * (`break-glass-review:<id>:reason`); a verdict is written once (the row is
 * updated only while it has none). Rows are decoded with the model's schema.
 */
import { Errors, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { BreakGlassReview } from "./BreakGlassReview"
import { BreakGlassReviewRepository, type Service } from "./BreakGlassReviewRepository"

type Row = Record<string, unknown>

/**
 * Where a review's written reason is sealed: bound to the review.
 */
export const reasonAad = (id: string): string => `break-glass-review:${id}:reason`

/**
 * The adapter over the `SqlClient` and the `Vault` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Vault.Vault> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const vault = yield* Vault.Vault
  const decode = SqlValues.decodeStored(BreakGlassReview)

  const fromRow = (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      // A reason that does not open was tampered with or its key is gone: a defect.
      const reason = yield* vault.open(String(row.reason), reasonAad(id)).pipe(Effect.orDie)
      return yield* decode(
        SqlValues.defined({
          id,
          mechanismId: row.mechanism_id,
          caseId: row.case_id,
          personId: row.person_id,
          principalId: row.principal_id,
          institutionId: row.institution_id,
          code: row.code,
          reason,
          readAt: SqlValues.fromSql(row.read_at),
          verdict: row.verdict ?? undefined,
          reviewedBy: row.reviewed_by ?? undefined,
          reviewedAt: SqlValues.fromSql(row.reviewed_at),
        }),
      )
    })

  const insert: Service["insert"] = (review) =>
    Effect.gen(function* () {
      yield* sql`INSERT INTO case_break_glass_reviews ${sql.insert({
        id: review.id,
        mechanism_id: review.mechanismId,
        case_id: review.caseId,
        person_id: review.personId,
        principal_id: review.principalId,
        institution_id: review.institutionId,
        code: review.code,
        reason: yield* vault.seal(review.reason, reasonAad(review.id)),
        read_at: SqlValues.toSql(review.readAt),
        verdict: null,
        reviewed_by: null,
        reviewed_at: null,
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlBreakGlassReviewRepository.insert"))

  const find: Service["find"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM case_break_glass_reviews WHERE id = ${id}`
      const row = rows[0]
      return row === undefined ? Option.none() : Option.some(yield* fromRow(row))
    }).pipe(Effect.orDie, Span.untraced("SqlBreakGlassReviewRepository.find"))

  // A keyset page over `case_break_glass_reviews_page` (migration 19): the
  // walk starts at the cursor and stops after `limit` rows, however many
  // reviews the mechanism has.
  const list: Service["list"] = (mechanismId, options = {}) =>
    Effect.gen(function* () {
      const status =
        options.open === undefined ? sql`` : options.open ? sql`AND verdict IS NULL` : sql`AND verdict IS NOT NULL`
      const after =
        options.after === undefined
          ? sql``
          : sql`AND (read_at, id) > (${SqlValues.toSql(options.after.readAt)}, ${options.after.id})`
      const limit = options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`
      const rows = yield* sql<Row>`SELECT * FROM case_break_glass_reviews WHERE mechanism_id = ${mechanismId}
        ${status} ${after} ORDER BY read_at, id ${limit}`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlBreakGlassReviewRepository.list"))

  const close: Service["close"] = (review) =>
    Effect.gen(function* () {
      const rows = yield* sql`UPDATE case_break_glass_reviews SET ${sql.update({
        verdict: review.verdict ?? null,
        reviewed_by: review.reviewedBy ?? null,
        reviewed_at: SqlValues.toSqlOrNull(review.reviewedAt),
      })} WHERE id = ${review.id} AND verdict IS NULL RETURNING id`
      if (rows.length === 0)
        return yield* new Errors.Conflict({
          entity: "BreakGlassReview",
          id: review.id,
          rule: "case.break-glass.review-closed",
        })
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlBreakGlassReviewRepository.close"))

  return { insert, find, list, close }
})

export const layer: Layer.Layer<BreakGlassReviewRepository, never, SqlClient.SqlClient | Vault.Vault> = Layer.effect(
  BreakGlassReviewRepository,
  make,
)
