/**
 * Real databases for tests, one fresh and private database per layer, so test
 * files of many packages can run in parallel against one server:
 *
 * - `sqlite`: a new WAL-mode file in a temporary directory, deleted on release;
 * - `postgres`: a new schema with a random name on the server named by
 *   `BASHKE_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`),
 *   dropped on release.
 *
 * When PostgreSQL is unreachable its entry carries a `skip` reason, unless
 * `CI=true`, where `testDatabases()` throws: CI must not pass by skipping.
 *
 * ```ts
 * const dbs = await testDatabases({ migrations: [persistenceMigrations, caseMigrations] })
 * for (const db of dbs) {
 *   describe.skipIf(db.skip)(db.name, () => {
 *     it.layer(db.layer)((it) => { it.effect("stores a case", () => ...) })
 *   })
 * }
 * ```
 *
 * This module never imports a test runner: it ships in the package.
 */

import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient, type SqlError } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Context, Effect, Layer, Redacted } from "effect"
import * as Database from "./Database"
import { Sqlite } from "./DatabaseUrl"
import * as Migrations from "./Migrations"

/**
 * The environment variable naming the PostgreSQL server for tests.
 */
export const postgresVariable = "BASHKE_TEST_POSTGRES_URL"

/**
 * The server used when `BASHKE_TEST_POSTGRES_URL` is not set.
 */
export const defaultPostgresUrl = "postgres://postgres@127.0.0.1:5432/test"

export type Dialect = "sqlite" | "postgres"

/**
 * One database to run a suite against. Build `layer` once per `describe`
 * (`it.layer`); every build is a new, empty database.
 */
export interface TestDatabase {
  readonly name: Dialect
  readonly layer: Layer.Layer<SqlClient.SqlClient>
  /** Why this dialect cannot run here, or `undefined` when it can. */
  readonly skip: string | undefined
}

export interface Options {
  /** Migration sets applied to every new database, in order. */
  readonly migrations?: ReadonlyArray<Migrations.MigrationSet>
  /** Which dialects to return; all by default. */
  readonly dialects?: ReadonlyArray<Dialect>
}

const migrated = (
  layer: Layer.Layer<SqlClient.SqlClient>,
  migrations: ReadonlyArray<Migrations.MigrationSet> | undefined,
): Layer.Layer<SqlClient.SqlClient> =>
  // `fresh`, on the outermost layer only: a layer value reused across `it.layer`
  // blocks (which may share a memo map) must still give each block its own
  // database, while inside it the client is built once and shared.
  Layer.fresh(
    migrations === undefined || migrations.length === 0
      ? layer
      : Layer.provideMerge(Layer.effectDiscard(Effect.orDie(Migrations.run(migrations))), layer),
  )

/**
 * A fresh SQLite file (WAL, foreign keys on) in its own temporary directory,
 * removed with the directory on release. Memoized like any layer: wrap it in
 * `Layer.fresh` where a shared memo map would hand out the same database twice.
 */
export const sqliteLayer: Layer.Layer<SqlClient.SqlClient> = Layer.unwrapScoped(
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "bashke-test-"))),
      (directory) => Effect.sync(() => rmSync(directory, { recursive: true, force: true })),
    ),
    (directory) => Database.layer(Sqlite({ filename: join(directory, "test.db") })),
  ),
).pipe(Layer.orDie)

const postgresUrl = (): string => process.env[postgresVariable] ?? defaultPostgresUrl

const withSearchPath = (url: string, schema: string): string => {
  const parsed = new URL(url)
  parsed.searchParams.set("options", `-c search_path=${schema}`)
  return parsed.toString()
}

const admin = (url: string) =>
  PgClient.layer({
    url: Redacted.make(url),
    maxConnections: 1,
    connectTimeout: "3 seconds",
    applicationName: "bashke-test",
  })

// A short-lived admin connection: many test files share one server, so nothing
// holds a connection it is not using.
const asAdmin = <A>(url: string, f: (sql: SqlClient.SqlClient) => Effect.Effect<A, SqlError.SqlError>) =>
  Effect.scoped(Effect.flatMap(Layer.build(admin(url)), (context) => f(Context.get(context, SqlClient.SqlClient))))

/**
 * A fresh schema with a random name on the test server, the client's
 * `search_path` pointing at it; dropped (with everything in it) on release.
 * Memoized like any layer (see `sqliteLayer`).
 */
export const postgresLayer = (url: string = postgresUrl()): Layer.Layer<SqlClient.SqlClient> =>
  Layer.unwrapScoped(
    Effect.gen(function* () {
      const schema = `bashke_test_${randomBytes(6).toString("hex")}`
      yield* Effect.acquireRelease(
        asAdmin(url, (sql) => sql`CREATE SCHEMA ${sql(schema)}`),
        () => asAdmin(url, (sql) => sql`DROP SCHEMA ${sql(schema)} CASCADE`).pipe(Effect.orDie),
      )
      return Database.layer(withSearchPath(url, schema), {
        postgres: { maxConnections: 4, idleTimeout: "2 seconds" },
      })
    }),
  ).pipe(Layer.orDie)

const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password.length > 0) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "(unparsable)"
  }
}

let reachability: Promise<string | undefined> | undefined
let warned = false

const warnOnce = (message: string) => {
  if (warned) return
  warned = true
  console.warn(message)
}

/**
 * Why the test PostgreSQL server cannot be used, or `undefined` when it can
 * (checked once per process).
 */
export const postgresUnavailable = (): Promise<string | undefined> => {
  reachability ??= Effect.runPromise(
    Effect.scoped(Layer.build(admin(postgresUrl()))).pipe(
      Effect.as(undefined),
      Effect.catchAllCause(() =>
        Effect.succeed(
          `PostgreSQL is unreachable at ${describeUrl(postgresUrl())}; set ${postgresVariable} to a server you can reach`,
        ),
      ),
    ),
  )
  return reachability
}

/**
 * The databases every package's repository suite runs against. With `CI=true`
 * an unreachable PostgreSQL is an error, not a skip.
 */
export const testDatabases = async (options: Options = {}): Promise<ReadonlyArray<TestDatabase>> => {
  const dialects = options.dialects ?? ["sqlite", "postgres"]
  const result: Array<TestDatabase> = []
  if (dialects.includes("sqlite")) {
    result.push({ name: "sqlite", layer: migrated(sqliteLayer, options.migrations), skip: undefined })
  }
  if (dialects.includes("postgres")) {
    const unavailable = await postgresUnavailable()
    if (unavailable !== undefined) {
      if (process.env.CI === "true" || process.env.CI === "1") {
        throw new Error(`${unavailable} (CI=true: refusing to skip the PostgreSQL suite)`)
      }
      warnOnce(`Skipping the PostgreSQL suite: ${unavailable}`)
    }
    result.push({ name: "postgres", layer: migrated(postgresLayer(), options.migrations), skip: unavailable })
  }
  return result
}
