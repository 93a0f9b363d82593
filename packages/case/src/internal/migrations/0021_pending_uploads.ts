// Uploads in progress (ADR 0024): a document's chunks are stored before its
// record commits, so a process killed mid-upload leaves chunks no record
// names. Each upload is registered here when it starts, touched while its
// content streams in, and removed when its record commits or its chunks are
// removed; the sweep removes the chunks of uploads untouched for longer than
// any live upload goes without a touch. Chunks an earlier version left behind
// (no record, no registration) are registered now, so the sweep removes them
// once that time has passed too. Ids and instants only.
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_document_uploads (
    document_id TEXT PRIMARY KEY,
    touched_at ${instant} NOT NULL
  )`
  yield* sql`CREATE INDEX case_document_uploads_touched ON case_document_uploads (touched_at)`
  const now = SqlValues.toSql(yield* SqlValues.currentDate)
  // In a SELECT list PostgreSQL does not infer the column's type of a parameter.
  const at = sql.onDialectOrElse({ pg: () => sql`CAST(${now} AS timestamptz)`, orElse: () => sql`${now}` })
  yield* sql`INSERT INTO case_document_uploads (document_id, touched_at)
    SELECT DISTINCT document_id, ${at} FROM case_document_chunks chunks
    WHERE NOT EXISTS (SELECT 1 FROM case_documents documents WHERE documents.id = chunks.document_id)`
})
