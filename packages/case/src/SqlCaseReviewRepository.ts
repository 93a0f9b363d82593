/**
 * The `CaseReviewRepository` on `@effect/sql`, for SQLite and PostgreSQL
 * alike, over `case_reviews` (migration 13). The survivor's wishes and the
 * note are sealed under the case's data key (`CaseKeys`), bound to the review and the field
 * (`case-review:<id>:wishes`); outcomes are stored comma-joined.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { CaseReview } from "./CaseReview"
import { CaseReviewRepository, type Service } from "./CaseReviewRepository"

type Row = Record<string, unknown>

/**
 * Where a review's wishes or note are sealed: bound to the review.
 */
export const aad = (id: string, field: "wishes" | "note"): string => `case-review:${id}:${field}`

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context (each value sealed under its case's data key, ADR 0012).
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(CaseReview)

  const fromRow = (keys: CaseKeys.Keyring) => (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      // A value that does not open was tampered with or its key is gone: a defect.
      const wishes = yield* keys.open(String(row.wishes), aad(id, "wishes")).pipe(Effect.orDie)
      const note =
        row.note === null || row.note === undefined
          ? undefined
          : yield* keys.open(String(row.note), aad(id, "note")).pipe(Effect.orDie)
      return yield* decode(
        SqlValues.defined({
          id,
          caseId: row.case_id,
          reviewedAt: SqlValues.fromSql(row.reviewed_at),
          wishesHeard: row.wishes_heard,
          wishes,
          outcomes: String(row.outcomes).split(","),
          note,
          recordedBy: row.recorded_by,
          institution: row.institution_id,
          recordedAt: SqlValues.fromSql(row.recorded_at),
        }),
      )
    })

  const insert: Service["insert"] = (review) =>
    Effect.gen(function* () {
      const keys = yield* caseKeys.forCase(review.caseId)
      yield* sql`INSERT INTO case_reviews ${sql.insert({
        id: review.id,
        case_id: review.caseId,
        reviewed_at: SqlValues.toSql(review.reviewedAt),
        wishes_heard: review.wishesHeard,
        wishes: yield* keys.seal(review.wishes, aad(review.id, "wishes")),
        outcomes: review.outcomes.join(","),
        note: review.note === undefined ? null : yield* keys.seal(review.note, aad(review.id, "note")),
        recorded_by: review.recordedBy,
        institution_id: review.institution,
        recorded_at: SqlValues.toSql(review.recordedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlCaseReviewRepository.insert"))

  const list: Service["list"] = (caseId, page) =>
    Effect.gen(function* () {
      const after = page.after === undefined ? sql`1 = 1` : sql`id > ${page.after}`
      const rows = yield* sql<Row>`SELECT * FROM case_reviews WHERE case_id = ${caseId} AND ${after}
        ORDER BY id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow(yield* caseKeys.forCase(caseId)))
    }).pipe(Effect.orDie, Span.untraced("SqlCaseReviewRepository.list"))

  return { insert, list }
})

export const layer: Layer.Layer<CaseReviewRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Layer.effect(
  CaseReviewRepository,
  make,
)
