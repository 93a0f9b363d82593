/**
 * A statement on the request path's lean way (ADR 0041): where the client
 * offers one (this package's SQLite client, on its untransformed face) and
 * tracing is off, the statement is compiled and handed to the connection
 * directly, without what `@effect/sql` wraps every statement in — a span
 * (made even where nobody traces: a no-op one, put into the fiber's context,
 * a copy of every service in it) and a scope. Elsewhere (PostgreSQL, D1, a
 * client with name transforms, tracing on) the statement runs as it is, span
 * and all: the same rows either way.
 *
 * The lean way keeps the client's guarantees: inside a transaction the
 * statement runs on the transaction's connection; outside, it waits while
 * another fiber's transaction holds the connection.
 *
 * `withTransaction` is `sql.withTransaction` on the same terms: a
 * transaction of its own (begun, committed or rolled back, the connection
 * held until then) without the span and the scope; a nested one, or any
 * elsewhere, is `sql.withTransaction`'s.
 *
 * ```ts
 * const rows = yield* LeanStatement.run(sql, sql`SELECT value FROM versions WHERE id = 1`)
 * ```
 */
import { SqlClient, type SqlError, type Statement } from "@effect/sql"
import { Context, Effect, FiberRef } from "effect"

/**
 * @internal Where a client keeps its lean way, under a registered symbol: the
 * client (in `@bashke/persistence/node`) and this module may be two copies.
 */
export const runnerKey: unique symbol = Symbol.for("@bashke/persistence/LeanStatement") as never

/** @internal A client's lean way: the compiled statement run on its connection, rows untransformed. */
export interface Runner {
  readonly run: (sql: string, params: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<object>, SqlError.SqlError>
  /**
   * `effect` in a transaction of the connection's own (not a nested one),
   * as `withTransaction` runs it, without its span and its scope.
   */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError.SqlError, R>
}

/** @internal The lean way of `sql`, when it has one. */
export const runnerOf = (sql: SqlClient.SqlClient): Runner | undefined =>
  (sql as SqlClient.SqlClient & { readonly [runnerKey]?: Runner })[runnerKey]

/**
 * The rows of `statement`, a statement made by `sql`, on the lean way where
 * `sql` has one and tracing is off; otherwise `statement` itself.
 */
export const run = <A extends object>(
  sql: SqlClient.SqlClient,
  statement: Statement.Statement<A>,
): Effect.Effect<ReadonlyArray<A>, SqlError.SqlError> => {
  const runner = runnerOf(sql)
  if (runner === undefined) return statement
  return Effect.withFiberRuntime((fiber) => {
    if (fiber.getFiberRef(FiberRef.currentTracerEnabled)) return statement
    const [text, params] = statement.compile()
    return runner.run(text, params) as Effect.Effect<ReadonlyArray<A>, SqlError.SqlError>
  })
}

/**
 * `effect` in a transaction, as `sql.withTransaction(effect)`: on the lean
 * way where `sql` has one, tracing is off and no transaction is open in the
 * fiber's context (a nested one takes a savepoint, @effect/sql's way).
 */
export const withTransaction = <A, E, R>(
  sql: SqlClient.SqlClient,
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | SqlError.SqlError, R> => {
  const runner = runnerOf(sql)
  if (runner === undefined) return sql.withTransaction(effect)
  return Effect.withFiberRuntime((fiber) =>
    fiber.getFiberRef(FiberRef.currentTracerEnabled) ||
    Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)._tag === "Some"
      ? sql.withTransaction(effect)
      : runner.transaction(effect),
  )
}
