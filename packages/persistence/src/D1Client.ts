/**
 * A `SqlClient` over a Cloudflare D1 binding, for the Workers entry: a port of
 * `@effect/sql-d1`'s `D1Client` (whose releases lag the `@effect/sql` line this
 * repository pins) with this package's name transforms.
 *
 * D1 has no interactive transactions: `withTransaction` dies. `Migrations.run`
 * adapts (each migration, then its row); `Idempotency.run` refuses to run;
 * `Outbox.append` works but is atomic with nothing else.
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import { SqlClient, SqlError, Statement } from "@effect/sql"
import type { Connection } from "@effect/sql/SqlConnection"
import { Cache, Context, Duration, Effect, Layer, type Scope } from "effect"
import { nameTransforms } from "./internal/NameTransforms"
import { NoTransactionsTypeId } from "./internal/Transactions"

/**
 * The part of a D1 prepared statement this client uses (structurally a subset
 * of `D1PreparedStatement` from `@cloudflare/workers-types`).
 */
export interface D1PreparedStatement {
  bind(...values: Array<unknown>): D1PreparedStatement
  all<T = Record<string, unknown>>(): Promise<{ readonly results?: Array<T>; readonly error?: unknown }>
  raw<T = Array<unknown>>(): Promise<Array<T>>
}

/**
 * The part of a D1 binding this client uses (structurally a subset of
 * `D1Database` from `@cloudflare/workers-types`).
 */
export interface D1Database {
  prepare(query: string): D1PreparedStatement
}

export const TypeId: typeof NoTransactionsTypeId = NoTransactionsTypeId

export type TypeId = typeof TypeId

export interface D1Client extends SqlClient.SqlClient {
  readonly [TypeId]: TypeId
  readonly config: D1ClientConfig
  /** Not supported by D1. */
  readonly updateValues: never
}

export const D1Client = Context.GenericTag<D1Client>("@bashke/persistence/D1Client")

export interface D1ClientConfig {
  readonly db: D1Database
  readonly prepareCacheSize?: number | undefined
  readonly prepareCacheTTL?: Duration.DurationInput | undefined
  readonly spanAttributes?: Record<string, unknown> | undefined
  /** Defaults to camelCase → snake_case, like the Node clients. */
  readonly transformQueryNames?: ((name: string) => string) | undefined
  /** Defaults to snake_case → camelCase, like the Node clients. */
  readonly transformResultNames?: ((name: string) => string) | undefined
}

// The D1 error's own message is kept in ours: a CI run once failed here with no
// word of why (a local D1 under load), and SQLite's messages name tables and
// constraints, never the bound values.
const executeFailed = (cause: unknown) =>
  new SqlError.SqlError({
    cause,
    message: `Failed to execute statement${cause instanceof Error && cause.message !== "" ? `: ${cause.message}` : ""}`,
  })

/**
 * Builds the client.
 */
export const make = (config: D1ClientConfig): Effect.Effect<D1Client, never, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const transformQueryNames = config.transformQueryNames ?? nameTransforms.transformQueryNames
    const transformResultNames = config.transformResultNames ?? nameTransforms.transformResultNames
    const compiler = Statement.makeCompilerSqlite(transformQueryNames)
    const transformRows = Statement.defaultTransforms(transformResultNames, false).array
    const db = config.db

    const prepareCache = yield* Cache.make({
      capacity: config.prepareCacheSize ?? 200,
      timeToLive: config.prepareCacheTTL ?? Duration.minutes(10),
      lookup: (sql: string) =>
        Effect.try({
          try: () => db.prepare(sql),
          catch: (cause) => new SqlError.SqlError({ cause, message: "Failed to prepare statement" }),
        }),
    })

    const runStatement = (statement: D1PreparedStatement, params: ReadonlyArray<unknown>) =>
      Effect.tryPromise({
        try: async () => {
          const response = await statement.bind(...params).all()
          if (response.error) throw response.error
          return (response.results ?? []) as ReadonlyArray<Record<string, unknown>>
        },
        catch: executeFailed,
      })

    const runCached = (sql: string, params: ReadonlyArray<unknown>) =>
      Effect.flatMap(prepareCache.get(sql), (statement) => runStatement(statement, params))

    const runUncached = (sql: string, params: ReadonlyArray<unknown>) =>
      Effect.flatMap(
        Effect.try({
          try: () => db.prepare(sql),
          catch: (cause) => new SqlError.SqlError({ cause, message: "Failed to prepare statement" }),
        }),
        (statement) => runStatement(statement, params),
      )

    const connection: Connection = {
      execute(sql, params, transform) {
        return transform ? Effect.map(runCached(sql, params), transform) : runCached(sql, params)
      },
      executeRaw(sql, params) {
        return runUncached(sql, params)
      },
      executeValues(sql, params) {
        return Effect.flatMap(prepareCache.get(sql), (statement) =>
          Effect.tryPromise({
            try: () => statement.bind(...params).raw() as Promise<ReadonlyArray<ReadonlyArray<unknown>>>,
            catch: executeFailed,
          }),
        )
      },
      executeUnprepared(sql, params, transform) {
        const rows = runUncached(sql, params ?? [])
        return transform ? Effect.map(rows, transform) : rows
      },
      executeStream() {
        return Effect.dieMessage("D1 has no cursors: streaming queries (executeStream) are refused")
      },
    }

    const client = yield* SqlClient.make({
      acquirer: Effect.succeed(connection),
      compiler,
      transactionAcquirer: Effect.dieMessage("transactions are not supported in D1"),
      spanAttributes: [
        ...(config.spanAttributes ? Object.entries(config.spanAttributes) : []),
        ["db.system.name", "sqlite"],
      ],
      transformRows,
    })
    return Object.assign(client, { [TypeId]: TypeId, config }) as D1Client
  })

/**
 * The client as a layer, providing both `D1Client` and `SqlClient`.
 *
 * ```ts
 * export default {
 *   fetch: (request: Request, env: { DB: D1Database }) =>
 *     handler(request).pipe(Effect.provide(D1Client.layer({ db: env.DB })), Effect.runPromise),
 * }
 * ```
 */
export const layer = (config: D1ClientConfig): Layer.Layer<D1Client | SqlClient.SqlClient> =>
  Layer.scopedContext(
    Effect.map(make(config), (client) => Context.make(D1Client, client).pipe(Context.add(SqlClient.SqlClient, client))),
  ).pipe(Layer.provide(Reactivity.layer))
