/**
 * The `SqlClient` for Node, chosen by `BASHKE_DATABASE_URL`: a SQLite file (the
 * embedded default, WAL journal, foreign keys enforced) or PostgreSQL. Both
 * apply the same name transforms — camelCase in TypeScript, snake_case in SQL —
 * and return timestamps as ISO strings and `bigint`s as numbers, so one adapter
 * and one test suite serve both.
 */

import { closeSync, existsSync, mkdirSync, openSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { SqlClient, SqlError } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Config, type ConfigError, type Duration, Effect, Layer, type Redacted } from "effect"
import * as DatabaseUrl from "./DatabaseUrl"
import { nameTransforms } from "./internal/NameTransforms"
import { pgTypes } from "./internal/PgTypes"
import * as SqliteClient from "./internal/SqliteClient"

/**
 * Options for the PostgreSQL pool.
 */
export interface PostgresOptions {
  readonly maxConnections?: number
  /** How long an unused pooled connection stays open. */
  readonly idleTimeout?: Duration.DurationInput
  readonly applicationName?: string
}

/**
 * `BASHKE_DATABASE_URL` as set (parsed later, by `layer`), defaulting to `sqlite:./data/bashke.db`.
 */
export const url: Config.Config<string> = Config.string(DatabaseUrl.variable).pipe(
  Config.withDefault(DatabaseUrl.defaultValue),
)

/**
 * The most one SQLite connection keeps of the file's pages in memory, in KiB
 * (8 MiB). better-sqlite3 builds SQLite with a 16 MB default, and a document's
 * chunks passing through fill it: a 50 MiB upload raised the gateway by 12 to
 * 16 MiB, all of it this cache (ADR 0026). The operating system's file cache
 * keeps the rest of the file; the hot rows of a read fit many times over.
 */
export const sqlitePageCacheKiB = 8192

const sqlite = (filename: string): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      if (filename !== DatabaseUrl.memory) {
        // Only now that the URL parsed: a malformed setting creates nothing on disk.
        // Readable by its owner only: the file holds sealed personal data, the
        // audit log and token hashes. SQLite gives its -wal and -shm files the
        // database file's mode, so creating it 0600 covers all three.
        yield* Effect.try({
          try: () => {
            mkdirSync(dirname(resolve(filename)), { recursive: true, mode: 0o700 })
            if (!existsSync(filename)) closeSync(openSync(filename, "a", 0o600))
          },
          catch: (cause) => new SqlError.SqlError({ cause, message: "Cannot create the SQLite file" }),
        })
      }
      // Ours, not @effect/sql-sqlite-node's: the same guarantees, a leaner path per statement (ADR 0039).
      const client = SqliteClient.layer({ filename, ...nameTransforms })
      const pragmas = Layer.effectDiscard(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          // One connection per client, so per-connection pragmas hold for its lifetime.
          yield* sql`PRAGMA foreign_keys = ON`
          // WAL (set by the client) is durable with NORMAL and much faster than FULL.
          yield* sql`PRAGMA synchronous = NORMAL`
          yield* sql`PRAGMA busy_timeout = 5000`
          // Negative: a size in KiB, whatever the page size.
          yield* sql.unsafe(`PRAGMA cache_size = -${sqlitePageCacheKiB}`)
        }),
      )
      return Layer.provideMerge(pragmas, client)
    }),
  )

const postgres = (
  connection: Redacted.Redacted<string>,
  options: PostgresOptions | undefined,
): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  PgClient.layer({
    url: connection,
    ...nameTransforms,
    transformJson: false,
    types: pgTypes,
    ...(options?.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    ...(options?.idleTimeout === undefined ? {} : { idleTimeout: options.idleTimeout }),
    applicationName: options?.applicationName ?? "bashke",
  })

/**
 * The `SqlClient` for a database URL (a string is parsed first). Fails with
 * `DatabaseUrlError` for a malformed value or a `d1:` URL (Workers only), before
 * anything is created; with `SqlError` when the database cannot be opened.
 */
export const layer = (
  value: string | DatabaseUrl.DatabaseUrl,
  options?: { readonly postgres?: PostgresOptions },
): Layer.Layer<SqlClient.SqlClient, DatabaseUrl.DatabaseUrlError | SqlError.SqlError> =>
  Layer.unwrapEffect(
    Effect.map(
      typeof value === "string" ? DatabaseUrl.decode(value) : Effect.succeed(value),
      (parsed): Layer.Layer<SqlClient.SqlClient, DatabaseUrl.DatabaseUrlError | SqlError.SqlError> =>
        DatabaseUrl.$match(parsed, {
          Sqlite: ({ filename }) => sqlite(filename),
          Postgres: ({ url }) => postgres(url, options?.postgres),
          D1: () =>
            Layer.fail(
              new DatabaseUrl.DatabaseUrlError({
                reason: "d1: URLs work only in the Cloudflare Workers entry (@bashke/persistence/d1)",
              }),
            ),
        }),
    ),
  )

/**
 * The `SqlClient` chosen by `BASHKE_DATABASE_URL` (default `sqlite:./data/bashke.db`).
 */
export const layerConfig = (options?: {
  readonly postgres?: PostgresOptions
}): Layer.Layer<SqlClient.SqlClient, DatabaseUrl.DatabaseUrlError | SqlError.SqlError | ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(url, (value) => layer(value, options)))
