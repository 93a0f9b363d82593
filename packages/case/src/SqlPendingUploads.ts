/**
 * The `PendingUploads` in the database: one row of `case_document_uploads`
 * per upload in progress (migration 21), its document's id and when it was
 * last touched.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import type { DocumentId } from "./Document"
import { PendingUploads, type Service } from "./PendingUploads"

/**
 * The adapter over the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()

  const begin: Service["begin"] = (documentId, at) =>
    sql`INSERT INTO case_document_uploads (document_id, touched_at) VALUES (${documentId}, ${SqlValues.toSql(at)})`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlPendingUploads.begin"),
    )

  const touch: Service["touch"] = (documentId, at) =>
    sql`UPDATE case_document_uploads SET touched_at = ${SqlValues.toSql(at)} WHERE document_id = ${documentId}`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlPendingUploads.touch"),
    )

  const end: Service["end"] = (documentId) =>
    sql`DELETE FROM case_document_uploads WHERE document_id = ${documentId}`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlPendingUploads.end"),
    )

  const untouchedSince: Service["untouchedSince"] = (before, limit) =>
    sql<{ document_id: string }>`SELECT document_id FROM case_document_uploads
      WHERE touched_at < ${SqlValues.toSql(before)} ORDER BY touched_at, document_id LIMIT ${limit}`.pipe(
      Effect.map((rows) => rows.map((row) => row.document_id as DocumentId)),
      Effect.orDie,
      Span.untraced("SqlPendingUploads.untouchedSince"),
    )

  return { begin, touch, end, untouchedSince }
})

export const layer: Layer.Layer<PendingUploads, never, SqlClient.SqlClient> = Layer.effect(PendingUploads, make)
