/**
 * The `DocumentRepository` on `@effect/sql`, for SQLite and PostgreSQL alike,
 * over `case_documents` (migration 17). A document's file name and its data
 * key are sealed under the case's data key (`CaseKeys`, ADR 0012: erasing the
 * case makes the content unreadable too), bound to the document and the field
 * (`document:<id>:name`, `document:<id>:key`), so a value copied to another
 * document does not open. A record is inserted once; withdrawing it sets its
 * withdrawal, nothing else changes.
 */
import type { Id } from "@bashke/kernel"
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { type AttachedTo, Document } from "./Document"
import { DocumentRepository, type Service, type Stored } from "./DocumentRepository"

type Row = Record<string, unknown>

/**
 * Where a document's name or data key is sealed: bound to the document.
 */
export const aad = (id: string, field: "name" | "key"): string => `document:${id}:${field}`

const attachedId = (attachedTo: AttachedTo): string | null => {
  switch (attachedTo._tag) {
    case "case":
      return null
    case "person":
      return attachedTo.personId
    case "order":
      return attachedTo.orderId
    case "consent":
      return attachedTo.consentId
  }
}

const attachedOf = (kind: unknown, id: unknown): unknown => {
  switch (kind) {
    case "person":
      return { _tag: "person", personId: id }
    case "order":
      return { _tag: "order", orderId: id }
    case "consent":
      return { _tag: "consent", consentId: id }
    default:
      return { _tag: "case" }
  }
}

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(Document)

  const documentOf = (row: Row, keys?: CaseKeys.Keyring) =>
    Effect.gen(function* () {
      const id = String(row.id)
      const ring = keys ?? (yield* caseKeys.forCase(String(row.case_id)))
      // A value that does not open was tampered with or its key is gone: a defect.
      const name = yield* ring.open(String(row.name), aad(id, "name")).pipe(Effect.orDie)
      return yield* decode(
        SqlValues.defined({
          id,
          caseId: row.case_id,
          attachedTo: attachedOf(row.attached_kind, row.attached_id),
          kind: row.kind,
          name,
          mediaType: row.media_type,
          size: Number(row.size_bytes),
          institution: row.institution_id,
          uploadedBy: row.uploaded_by,
          uploadedAt: SqlValues.fromSql(row.uploaded_at),
          withdrawnAt: SqlValues.fromSql(row.withdrawn_at),
          withdrawnBy: row.withdrawn_by ?? undefined,
        }),
      )
    })

  const insert: Service["insert"] = (stored) =>
    Effect.gen(function* () {
      const document = stored.document
      const keys = yield* caseKeys.forCase(document.caseId)
      yield* sql`INSERT INTO case_documents ${sql.insert({
        id: document.id,
        case_id: document.caseId,
        attached_kind: document.attachedTo._tag,
        attached_id: attachedId(document.attachedTo),
        person_id: stored.personId ?? null,
        kind: document.kind,
        media_type: document.mediaType,
        size_bytes: document.size,
        chunk_count: stored.chunkCount,
        name: yield* keys.seal(document.name, aad(document.id, "name")),
        data_key: yield* keys.seal(stored.dataKey, aad(document.id, "key")),
        institution_id: document.institution,
        uploaded_by: document.uploadedBy,
        uploaded_at: SqlValues.toSql(document.uploadedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlDocumentRepository.insert"))

  const find: Service["find"] = (caseId, id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM case_documents WHERE case_id = ${caseId} AND id = ${id}`
      const row = rows[0]
      if (row === undefined) return Option.none<Stored>()
      const keys = yield* caseKeys.forCase(caseId)
      const document = yield* documentOf(row, keys)
      const dataKey = yield* keys.open(String(row.data_key), aad(document.id, "key")).pipe(Effect.orDie)
      const personId =
        row.person_id === null || row.person_id === undefined ? undefined : (String(row.person_id) as Id.PersonId)
      return Option.some<Stored>({ document, chunkCount: Number(row.chunk_count), dataKey, personId })
    }).pipe(Effect.orDie, Span.untraced("SqlDocumentRepository.find"))

  const ofCase: Service["ofCase"] = (caseId, page) =>
    Effect.gen(function* () {
      const after = page.after === undefined ? sql`1 = 1` : sql`id > ${page.after}`
      const rows = yield* sql<Row>`SELECT * FROM case_documents
        WHERE case_id = ${caseId} AND withdrawn_at IS NULL AND ${after}
        ORDER BY id LIMIT ${page.limit}`
      const keys = yield* caseKeys.forCase(caseId)
      return yield* Effect.forEach(rows, (row) => documentOf(row, keys))
    }).pipe(Effect.orDie, Span.untraced("SqlDocumentRepository.ofCase"))

  const ofPerson: Service["ofPerson"] = (personId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM case_documents WHERE person_id = ${personId} ORDER BY id`
      return yield* Effect.forEach(rows, (row) => documentOf(row))
    }).pipe(Effect.orDie, Span.untraced("SqlDocumentRepository.ofPerson"))

  const withdraw: Service["withdraw"] = (id, by, at) =>
    sql`UPDATE case_documents SET withdrawn_at = ${SqlValues.toSql(at)}, withdrawn_by = ${by}
      WHERE id = ${id} AND withdrawn_at IS NULL RETURNING id`.pipe(
      Effect.map((rows) => rows.length > 0),
      Effect.orDie,
      Span.untraced("SqlDocumentRepository.withdraw"),
    )

  return { insert, find, ofCase, ofPerson, withdraw }
})

export const layer: Layer.Layer<DocumentRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Layer.effect(
  DocumentRepository,
  make,
)
