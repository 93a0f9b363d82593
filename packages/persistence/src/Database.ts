/**
 * The `SqlClient` for Node, chosen by `BASHKE_DATABASE_URL`: a SQLite file (the
 * embedded default, WAL journal, foreign keys enforced) or PostgreSQL. Both
 * apply the same name transforms — camelCase in TypeScript, snake_case in SQL —
 * and return timestamps as ISO strings and `bigint`s as numbers, so one adapter
 * and one test suite serve both.
 */

import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { SqlClient, SqlError } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Config, type ConfigError, type Duration, Effect, Layer, type Redacted } from "effect"
import * as DatabaseUrl from "./DatabaseUrl"
import { nameTransforms } from "./internal/NameTransforms"
import { pgTypes } from "./internal/PgTypes"

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

const sqlite = (filename: string): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      if (filename !== DatabaseUrl.memory) {
        // Only now that the URL parsed: a malformed setting creates nothing on disk.
        yield* Effect.try({
          try: () => mkdirSync(dirname(resolve(filename)), { recursive: true }),
          catch: (cause) => new SqlError.SqlError({ cause, message: "Cannot create the SQLite file's directory" }),
        })
      }
      // The client's layer declares ConfigError but reads no configuration.
      const client = Layer.orDie(SqliteClient.layer({ filename, ...nameTransforms }))
      const pragmas = Layer.effectDiscard(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          // One connection per client, so per-connection pragmas hold for its lifetime.
          yield* sql`PRAGMA foreign_keys = ON`
          // WAL (set by the client) is durable with NORMAL and much faster than FULL.
          yield* sql`PRAGMA synchronous = NORMAL`
          yield* sql`PRAGMA busy_timeout = 5000`
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
