/**
 * Optimistic concurrency for tables with an integer `version` column: a change
 * names the version it was based on, and loses (with `Conflict`, the row left as
 * it was) if someone else changed the row first. Over HTTP the version travels
 * as an ETag (`"3"`) and comes back in `If-Match`; the gateway answers a stale
 * one with 412.
 *
 * Table and column names follow the client's name transforms, so pass them the
 * way the rest of the adapter does (camelCase with the clients of this package).
 */

import { Errors, Span } from "@bashke/kernel"
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect, Either, Option, Schema } from "effect"
import { SqlInteger } from "./SqlValues"

const decodeVersion = Schema.decodeUnknownSync(SqlInteger)

/**
 * The version a row starts with when inserted.
 */
export const initialVersion = 1

/**
 * What to change, on which row, based on which version.
 */
export interface VersionedChange {
  /** The table (an identifier, passed through the client's name transform). */
  readonly table: string
  /** The entity name used in `NotFound` and `Conflict`; defaults to `table`. */
  readonly entity?: string
  /** The id column; defaults to `id`. */
  readonly idColumn?: string
  readonly id: string | number
  /** The version the caller read (from the row, or from `If-Match`). */
  readonly expectedVersion: number
}

const versionOf = (
  sql: SqlClient.SqlClient,
  change: VersionedChange,
): Effect.Effect<Option.Option<number>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const rows = yield* sql<{ version: unknown }>`SELECT version FROM ${sql(change.table)}
      WHERE ${sql(change.idColumn ?? "id")} = ${change.id}`
    return rows[0] === undefined ? Option.none() : Option.some(decodeVersion(rows[0].version))
  })

// Zero rows touched: tell "gone" apart from "changed under you".
const explain = (
  sql: SqlClient.SqlClient,
  change: VersionedChange,
): Effect.Effect<never, Errors.NotFound | Errors.Conflict | SqlError.SqlError> =>
  Effect.flatMap(versionOf(sql, change), (actual) => {
    const entity = change.entity ?? change.table
    const id = String(change.id)
    return Option.match<
      number,
      Effect.Effect<never, Errors.NotFound | Errors.Conflict>,
      Effect.Effect<never, Errors.NotFound | Errors.Conflict>
    >(actual, {
      onNone: () => Effect.fail(new Errors.NotFound({ entity, id })),
      onSome: (actualVersion) =>
        Effect.fail(
          new Errors.Conflict({
            entity,
            id,
            rule: "version.stale",
            expectedVersion: change.expectedVersion,
            actualVersion,
          }),
        ),
    })
  })

/**
 * Updates one row if its version is still `expectedVersion`, bumping the version
 * in the same statement, and returns the new version. Otherwise fails with
 * `NotFound` (no such row) or `Conflict` with rule `version.stale` and both
 * versions; the row is not touched.
 *
 * ```ts
 * const version = yield* OptimisticConcurrency.update({
 *   table: "memoranda", id, expectedVersion: 3, set: { title, validFrom },
 * })
 * ```
 */
export const update = (
  change: VersionedChange & { readonly set: Readonly<Record<string, unknown>> },
): Effect.Effect<number, Errors.NotFound | Errors.Conflict, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const assignments = Object.keys(change.set).length === 0 ? sql.literal("") : sql`${sql.update(change.set)}, `
    const rows = yield* sql<{ version: unknown }>`UPDATE ${sql(change.table)}
      SET ${assignments}version = version + 1
      WHERE ${sql(change.idColumn ?? "id")} = ${change.id} AND version = ${change.expectedVersion}
      RETURNING version`.pipe(Effect.orDie)
    if (rows[0] === undefined) return yield* explain(sql, change).pipe(Effect.catchTag("SqlError", Effect.die))
    return decodeVersion(rows[0].version)
  }).pipe(Span.untraced("OptimisticConcurrency.update", { table: change.table }))

/**
 * Deletes one row if its version is still `expectedVersion`; fails like `update`.
 */
export const remove = (
  change: VersionedChange,
): Effect.Effect<void, Errors.NotFound | Errors.Conflict, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql`DELETE FROM ${sql(change.table)}
      WHERE ${sql(change.idColumn ?? "id")} = ${change.id} AND version = ${change.expectedVersion}
      RETURNING version`.pipe(Effect.orDie)
    if (rows[0] === undefined) return yield* explain(sql, change).pipe(Effect.catchTag("SqlError", Effect.die))
  }).pipe(Span.untraced("OptimisticConcurrency.remove", { table: change.table }))

/**
 * The version the caller read (`If-Match`) against the one the entity holds,
 * for a use case's `decide` step: `Conflict` with rule `version.stale` and both
 * versions when they differ.
 */
export const requireVersion = (
  entity: string,
  id: string,
  expectedVersion: number,
  actualVersion: number,
): Either.Either<void, Errors.Conflict> =>
  expectedVersion === actualVersion
    ? Either.void
    : Either.left(new Errors.Conflict({ entity, id, rule: "version.stale", expectedVersion, actualVersion }))

/**
 * The version as a strong ETag: `3` → `"3"`. Strong, because `If-Match` compares
 * strongly (RFC 9110 §13.1.1) and a version names exactly one representation.
 */
export const etag = (version: number): string => `"${version}"`

/**
 * The version in an ETag made by `etag`; `None` for anything else, including weak
 * ETags (`W/"3"`), which can never satisfy `If-Match`.
 */
export const versionFromEtag = (value: string): Option.Option<number> => {
  const match = /^"(0|[1-9][0-9]{0,14})"$/.exec(value.trim())
  return match === null ? Option.none() : Option.some(Number(match[1]))
}
