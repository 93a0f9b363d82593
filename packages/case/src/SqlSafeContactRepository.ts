/**
 * The `SafeContactRepository` on `@effect/sql`, for SQLite and PostgreSQL
 * alike, over `case_safe_contacts` (migration 14). The instructions are
 * sealed whole under the case's data key (`CaseKeys`), bound to the person and the version
 * (`safe-contact:<personId>:<version>`); rows are only inserted.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { CaseKeys } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { SafeContact } from "./SafeContact"
import { SafeContactRepository, type Service } from "./SafeContactRepository"

type Row = Record<string, unknown>

/**
 * Where a version's instructions are sealed: bound to the person and version.
 */
export const aad = (personId: string, version: number): string => `safe-contact:${personId}:${version}`

/**
 * The adapter over the `SqlClient` and the `CaseKeys` in context (each value sealed under its case's data key, ADR 0012).
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const caseKeys = yield* CaseKeys.CaseKeys
  const decode = SqlValues.decodeStored(SafeContact)

  const insert: Service["insert"] = (contact) =>
    Effect.gen(function* () {
      const { caseId, personId, version, writtenBy, institution, writtenAt, ...instructions } = contact
      const keys = yield* caseKeys.forCase(caseId)
      yield* sql`INSERT INTO case_safe_contacts ${sql.insert({
        person_id: personId,
        version,
        case_id: caseId,
        instructions: yield* keys.seal(JSON.stringify(instructions), aad(personId, version)),
        written_by: writtenBy,
        institution_id: institution,
        written_at: SqlValues.toSql(writtenAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlSafeContactRepository.insert"))

  const latest: Service["latest"] = (caseId, personId) =>
    Effect.gen(function* () {
      const rows =
        yield* sql<Row>`SELECT * FROM case_safe_contacts WHERE case_id = ${caseId} AND person_id = ${personId}
        ORDER BY version DESC LIMIT 1`
      const row = rows[0]
      if (row === undefined) return Option.none()
      const version = Number(row.version)
      // A value that does not open was tampered with or its key is gone: a defect.
      const opened = yield* Effect.flatMap(caseKeys.forCase(caseId), (keys) =>
        keys.open(String(row.instructions), aad(personId, version)),
      ).pipe(Effect.orDie)
      return Option.some(
        yield* decode({
          ...JSON.parse(opened),
          caseId: row.case_id,
          personId: row.person_id,
          version,
          writtenBy: row.written_by,
          institution: row.institution_id,
          writtenAt: SqlValues.fromSql(row.written_at),
        }),
      )
    }).pipe(Effect.orDie, Span.untraced("SqlSafeContactRepository.latest"))

  return { insert, latest }
})

export const layer: Layer.Layer<SafeContactRepository, never, SqlClient.SqlClient | CaseKeys.CaseKeys> = Layer.effect(
  SafeContactRepository,
  make,
)
