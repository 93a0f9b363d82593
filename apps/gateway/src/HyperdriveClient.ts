/**
 * The PostgreSQL `SqlClient` of the Workers entry: `@effect/sql-pg` over a
 * Cloudflare Hyperdrive binding (node-postgres runs in workerd with
 * `nodejs_compat`, on `cloudflare:sockets`). See docs/adr/0003-workers-store.md.
 *
 * It differs from the Node client in `@bashke/persistence/node` (which the
 * Workers bundle cannot import: it brings `node:fs` and SQLite's native addon)
 * in one way, and reads rows exactly as it does, with the type parsers and
 * name transforms of `@bashke/persistence/pg` (`PgRows`):
 *
 * - Connections belong to a request. workerd ties a socket to the request that
 *   opened it: a pooled connection reused by a later request hangs that request
 *   until the runtime cancels it (measured, ADR 0003). So the client, built once
 *   per isolate, runs each query on the connections of the request it is made
 *   in (`withConnections`: a few per request, reused by its queries in turn,
 *   closed when it ends). Hyperdrive is the real pool: it keeps the connections
 *   to PostgreSQL warm, and opening one to Hyperdrive is cheap.
 *
 * `test/worker/HyperdriveClient.test.ts` compares the rows both clients read.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import { PgRows } from "@bashke/persistence/pg"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import pg from "pg"

/** The part of a Hyperdrive binding this client uses. */
export interface Hyperdrive {
  readonly connectionString: string
}

export interface Options {
  /**
   * Connections one request may hold at once (5 by default; Workers allow six
   * open sockets per request). A transaction holds one for its length.
   */
  readonly maxConnections?: number
  /** Milliseconds to wait for a connection (10 s by default). */
  readonly connectTimeout?: number
  readonly applicationName?: string
}

// The connections of the request being served; the isolate's pool hands them out.
const requestPools = new AsyncLocalStorage<pg.Pool>()

const poolOf = <P extends pg.Pool>(
  Pool: new (config: pg.PoolConfig) => P,
  connectionString: string,
  options: Options,
  extra: pg.PoolConfig,
): P => {
  const pool = new Pool({
    connectionString,
    connectionTimeoutMillis: options.connectTimeout ?? 10_000,
    application_name: options.applicationName ?? "bashke-worker",
    types: PgRows.types,
    ...extra,
  })
  // A connection that fails while idle is dropped by the pool; the query that needed it fails on its own.
  pool.on("error", () => {})
  return pool
}

/**
 * The pool the client is built over, once per isolate. Inside `withConnections`
 * it lends the current request's connections; anywhere else (nothing calls it
 * there today) each connection serves one use and is closed on release.
 */
class IsolatePool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads, passed through unchanged
  override connect(...args: Array<any>): any {
    const own = requestPools.getStore()
    // biome-ignore lint/suspicious/noExplicitAny: as above
    return own === undefined ? super.connect(...(args as [any])) : own.connect(...(args as [any]))
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above
  override query(...args: Array<any>): any {
    const own = requestPools.getStore()
    // biome-ignore lint/suspicious/noExplicitAny: as above
    return own === undefined ? super.query(...(args as [any])) : own.query(...(args as [any]))
  }
}

/**
 * The client, built once per isolate. Opens no connection by itself: queries
 * run on the connections of the request they are made in (`withConnections`).
 */
export const layer = (
  hyperdrive: Hyperdrive,
  options: Options = {},
): Layer.Layer<PgClient.PgClient | SqlClient.SqlClient, never> =>
  PgClient.layerFromPool({
    acquire: Effect.acquireRelease(
      Effect.sync(() => poolOf(IsolatePool, hyperdrive.connectionString, options, { maxUses: 1 })),
      (pool) => Effect.promise(() => pool.end()),
    ),
    applicationName: options.applicationName ?? "bashke-worker",
    ...PgRows.nameTransforms,
    // Payloads are stored and returned byte for byte, whatever their keys look like.
    transformJson: false,
    types: PgRows.types,
  }).pipe(Layer.orDie)

/**
 * Runs `work` (one request's handling) with connections of its own: at most
 * `maxConnections` at once, reused by its queries one after another, and
 * closed once it is done (through `waitUntil`, after the response is sent).
 */
export const withConnections = async <A>(
  hyperdrive: Hyperdrive,
  work: () => Promise<A>,
  waitUntil: (promise: Promise<unknown>) => void,
  options: Options = {},
): Promise<A> => {
  const pool = poolOf(pg.Pool, hyperdrive.connectionString, options, { max: options.maxConnections ?? 5 })
  try {
    return await requestPools.run(pool, work)
  } finally {
    waitUntil(pool.end())
  }
}
