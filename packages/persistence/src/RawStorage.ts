/**
 * What a database holds, read around the application: on SQLite, the bytes of
 * the database file and its WAL after a checkpoint; on PostgreSQL, every row
 * of every table of the current schema as text. Tests read it to show that
 * sealed values leave no plaintext at rest:
 *
 * ```ts
 * const storage = yield* RawStorage.read
 * expect(RawStorage.found(storage, ["Arta", "+383 44 123 456"])).toEqual([])
 * ```
 */
import { existsSync, readFileSync } from "node:fs"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * The stored bytes or rows, with a label for messages.
 */
export interface Storage {
  readonly label: "sqlite file" | "postgres rows"
  readonly chunks: ReadonlyArray<Buffer | string>
  /** Bytes read (SQLite) or rows read (PostgreSQL): more than nothing, or the check proves nothing. */
  readonly size: number
}

/**
 * Reads the storage of the `SqlClient` in context.
 */
export const read: Effect.Effect<Storage, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const sqlite = sql.onDialectOrElse({ pg: () => false, orElse: () => true })
  if (sqlite) {
    // Everything committed moves into the main file; the WAL is read too, in case.
    yield* sql`PRAGMA wal_checkpoint(TRUNCATE)`
    const files = yield* sql<{ name: string; file: string }>`PRAGMA database_list`
    const main = files.find((row) => row.name === "main")?.file
    if (main === undefined || main === "") return yield* Effect.dieMessage("the SQLite database has no file")
    const chunks = [main, `${main}-wal`, `${main}-journal`].filter(existsSync).map((path) => readFileSync(path))
    const storage: Storage = { label: "sqlite file", chunks, size: chunks.reduce((n, chunk) => n + chunk.length, 0) }
    return storage
  }
  const tables = yield* sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
  const chunks: Array<string> = []
  for (const { table_name } of tables) {
    const rows = yield* sql<{ row: string }>`SELECT t::text AS row FROM ${sql(table_name)} t`
    for (const row of rows) chunks.push(row.row)
  }
  const storage: Storage = { label: "postgres rows", chunks, size: chunks.length }
  return storage
}).pipe(Effect.orDie)

/**
 * The `values` found anywhere in `storage` (as UTF-8 bytes in a file).
 */
export const found = (storage: Storage, values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values.filter((value) =>
    storage.chunks.some((chunk) =>
      typeof chunk === "string" ? chunk.includes(value) : chunk.includes(Buffer.from(value, "utf8")),
    ),
  )
