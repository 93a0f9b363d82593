// Documents of a case (ADR 0020). `case_documents` holds each document's
// record: what it is attached to, its kind, its media type and size, who
// uploaded it, and two values sealed by the vault — its file name and its own
// data key. `case_document_chunks` holds its content, one row per encrypted
// chunk (BLOB on SQLite, bytea on PostgreSQL), keyed by the document and the
// chunk's index. The chunks are written before the record (an upload streams
// them in, then commits the record with its audit entry), so the chunks table
// has no foreign key to the records: a killed upload's chunks belong to no
// record and cannot be opened without its key. A document is listed by case
// and found for a person (a subject-access export), hence the indexes.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const bytes = sql.onDialectOrElse({ pg: () => sql.literal("bytea"), orElse: () => sql.literal("BLOB") })
  yield* sql`CREATE TABLE case_documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    attached_kind TEXT NOT NULL CHECK (attached_kind IN ('case', 'person', 'order', 'consent')),
    attached_id TEXT,
    person_id TEXT,
    kind TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    chunk_count INTEGER NOT NULL CHECK (chunk_count > 0),
    name TEXT NOT NULL,
    data_key TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at ${instant} NOT NULL,
    withdrawn_at ${instant},
    withdrawn_by TEXT,
    CHECK ((attached_kind = 'case') = (attached_id IS NULL))
  )`
  yield* sql`CREATE INDEX case_documents_case ON case_documents (case_id, id)`
  yield* sql`CREATE INDEX case_documents_person ON case_documents (person_id, id)`
  yield* sql`CREATE TABLE case_document_chunks (
    document_id TEXT NOT NULL,
    chunk_index INTEGER NOT NULL CHECK (chunk_index >= 0),
    content ${bytes} NOT NULL,
    PRIMARY KEY (document_id, chunk_index)
  )`
})
