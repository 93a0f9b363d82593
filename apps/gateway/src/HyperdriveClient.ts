/**
 * The PostgreSQL `SqlClient` of the Workers entry: `@effect/sql-pg` over a
 * Cloudflare Hyperdrive binding (node-postgres runs in workerd with
 * `nodejs_compat`, on `cloudflare:sockets`). See docs/adr/0003-workers-store.md.
 *
 * Two things differ from the Node client in `@bashke/persistence/node`, which
 * the Workers bundle cannot import (it brings `node:fs` and SQLite's native
 * addon):
 *
 * - Connections belong to a request. workerd ties a socket to the request that
 *   opened it: a pooled connection reused by a later request hangs that request
 *   until the runtime cancels it (measured, ADR 0003). So the client, built once
 *   per isolate, runs each query on the connections of the request it is made
 *   in (`withConnections`: a few per request, reused by its queries in turn,
 *   closed when it ends). Hyperdrive is the real pool: it keeps the connections
 *   to PostgreSQL warm, and opening one to Hyperdrive is cheap.
 * - The type parsers and name transforms are restated here, because
 *   persistence keeps them internal to its Node entry. They must read rows
 *   exactly as the Node client does — `test/worker/HyperdriveClient.test.ts`
 *   compares both on the same rows — until persistence exports a driver entry
 *   that is free of Node modules, at which point this part goes.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, String as Str } from "effect"
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

const timestampToIso = (value: string): string => {
  // PostgreSQL sends `2026-03-01 09:30:00.123456+01`; `Date` reads it once the
  // space becomes a T and a bare hour offset gets its minutes.
  const normalized = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(normalized) ? normalized : `${normalized}Z`)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

const parsers: Record<number, (value: string) => unknown> = {
  // int8: counts and sums come back as numbers, as on SQLite.
  20: (value) => {
    const number = Number(value)
    return Number.isSafeInteger(number) ? number : value
  },
  // timestamptz and timestamp: ISO strings, as stored on SQLite.
  1184: timestampToIso,
  1114: timestampToIso,
  // date: the plain `YYYY-MM-DD` text instead of a local-midnight `Date`.
  1082: (value) => value,
}

/** node-postgres type parsers that make PostgreSQL rows look like SQLite rows (as the Node client does). */
export const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    const parser = parsers[oid]
    if (parser !== undefined && format !== "binary") return parser
    return pg.types.getTypeParser(oid, format)
  }) as pg.CustomTypesConfig["getTypeParser"],
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
    types,
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
    transformQueryNames: Str.camelToSnake,
    transformResultNames: Str.snakeToCamel,
    // Payloads are stored and returned byte for byte, whatever their keys look like.
    transformJson: false,
    types,
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
