/**
 * The `DocumentStore` in the database: one row of `case_document_chunks` per
 * encrypted chunk (migration 17), BLOB on SQLite and bytea on PostgreSQL.
 * A chunk is at most 64 KiB and its tag, so no statement carries more, and a
 * document of any size goes in and out a chunk at a time. Each `put` is its
 * own statement, outside any transaction the caller has not opened: an upload
 * never holds the database (SQLite's single writer) for its duration.
 */
import { Span } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { DocumentStore, type Service } from "./DocumentStore"

const bytesOf = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)

/**
 * The adapter over the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()

  const put: Service["put"] = (documentId, index, sealed) =>
    sql`INSERT INTO case_document_chunks (document_id, chunk_index, content)
      VALUES (${documentId}, ${index}, ${sealed})`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlDocumentStore.put"),
    )

  const get: Service["get"] = (documentId, index) =>
    sql<{ content: unknown }>`SELECT content FROM case_document_chunks
      WHERE document_id = ${documentId} AND chunk_index = ${index}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (row) => bytesOf(row.content))),
      Effect.orDie,
      Span.untraced("SqlDocumentStore.get"),
    )

  const remove: Service["remove"] = (documentId) =>
    sql`DELETE FROM case_document_chunks WHERE document_id = ${documentId}`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlDocumentStore.remove"),
    )

  return { put, get, remove }
})

export const layer: Layer.Layer<DocumentStore, never, SqlClient.SqlClient> = Layer.effect(DocumentStore, make)
