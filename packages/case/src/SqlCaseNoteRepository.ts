/**
 * The `CaseNoteRepository` on `@effect/sql`, for SQLite and PostgreSQL alike,
 * over `case_notes` (migration 9). A version's text and correction reason are
 * sealed under the case's data key (`CaseKeys`), bound to the note, the version and the field
 * (`case-note:<id>:<version>:text`), so a value copied to another note or
 * version does not open. Rows are only inserted, never updated.
 */
import { Errors, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { CaseNote } from "./CaseNote"
import { CaseNoteRepository, type Service } from "./CaseNoteRepository"

type Row = Record<string, unknown>

/**
 * Where a version's text or reason is sealed: bound to the note and version.
 */
export const aad = (id: string, version: number, field: "text" | "reason"): string =>
  `case-note:${id}:${version}:${field}`

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context (each value sealed under its case's data key, ADR 0012).
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(CaseNote)

  const fromRow = (keys: CaseKeys.Keyring) => (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.note_id)
      const version = Number(row.version)
      // A value that does not open was tampered with or its key is gone: a defect.
      const text = yield* keys.open(String(row.text), aad(id, version, "text")).pipe(Effect.orDie)
      const reason =
        row.reason === null || row.reason === undefined
          ? undefined
          : yield* keys.open(String(row.reason), aad(id, version, "reason")).pipe(Effect.orDie)
      return yield* decode(
        SqlValues.defined({
          id,
          caseId: row.case_id,
          version,
          visibility: row.visibility,
          text,
          institution: row.institution_id,
          writtenBy: row.written_by,
          writtenAt: SqlValues.fromSql(row.written_at),
          reason,
        }),
      )
    })

  const insert: Service["insert"] = (note) =>
    Effect.gen(function* () {
      const keys = yield* caseKeys.forCase(note.caseId)
      const row = {
        note_id: note.id,
        version: note.version,
        case_id: note.caseId,
        institution_id: note.institution,
        visibility: note.visibility,
        text: yield* keys.seal(note.text, aad(note.id, note.version, "text")),
        reason: note.reason === undefined ? null : yield* keys.seal(note.reason, aad(note.id, note.version, "reason")),
        written_by: note.writtenBy,
        written_at: SqlValues.toSql(note.writtenAt),
      }
      // A concurrent correction of the same version wrote this key first: on
      // PostgreSQL the insert waits for it, then inserts nothing.
      const inserted = yield* sql`INSERT INTO case_notes ${sql.insert(row)}
        ON CONFLICT (note_id, version) DO NOTHING RETURNING note_id`
      if (inserted.length === 0)
        return yield* new Errors.Conflict({
          entity: "CaseNote",
          id: note.id,
          rule: "version.stale",
          expectedVersion: note.version - 1,
        })
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlCaseNoteRepository.insert"))

  const versions: Service["versions"] = (caseId, id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM case_notes WHERE case_id = ${caseId} AND note_id = ${id}
        ORDER BY version`
      return yield* Effect.forEach(rows, fromRow(yield* caseKeys.forCase(caseId)))
    }).pipe(Effect.orDie, Span.untraced("SqlCaseNoteRepository.versions"))

  const latest: Service["latest"] = (caseId, scope, page) =>
    Effect.gen(function* () {
      // `CaseNote.inScope` as a condition: one of the visibilities, or an
      // `institution` note of the reader's own institution.
      const visible =
        scope.ownInstitution === undefined
          ? sql`n.visibility IN ${sql.in(scope.visibilities)}`
          : sql.or([
              sql`n.visibility IN ${sql.in(scope.visibilities)}`,
              sql.and([sql`n.visibility = 'institution'`, sql`n.institution_id = ${scope.ownInstitution}`]),
            ])
      const after = page.after === undefined ? sql`1 = 1` : sql`n.note_id > ${page.after}`
      const rows = yield* sql<Row>`SELECT n.* FROM case_notes n
        WHERE n.case_id = ${caseId} AND ${after} AND ${visible}
          AND NOT EXISTS (SELECT 1 FROM case_notes later
            WHERE later.note_id = n.note_id AND later.version > n.version)
        ORDER BY n.note_id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow(yield* caseKeys.forCase(caseId)))
    }).pipe(Effect.orDie, Span.untraced("SqlCaseNoteRepository.latest"))

  return { insert, versions, latest }
})

export const layer: Layer.Layer<CaseNoteRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Layer.effect(
  CaseNoteRepository,
  make,
)
