/**
 * The `SqlClient` over one better-sqlite3 connection, with a lean path for
 * each statement (ADR 0039). It keeps what `@effect/sql-sqlite-node`'s client
 * guarantees — one connection, a transaction holds it until it ends, a
 * statement outside a transaction waits while one is open — and drops what
 * cost CPU on every statement without serving this package:
 *
 * - the connection's `Semaphore` (`withPermits` on every statement: a mask, a
 *   take, an `ensuring`) becomes a lock whose free case is a constant effect;
 * - the prepared statements are kept in a `Map` (least recently used dropped
 *   past 200) instead of an Effect `Cache` (hashing and equality of the SQL
 *   text, a `Deferred` and a clock read per look-up);
 * - `BEGIN`, `COMMIT`, `ROLLBACK` and savepoints, which the client runs
 *   "unprepared", are prepared once, not compiled by SQLite on every
 *   transaction.
 *
 * better-sqlite3 runs a statement synchronously, so nothing else runs between
 * the lock's check and the statement's end.
 */
import { Reactivity } from "@effect/experimental"
import { SqlClient, SqlError, Statement } from "@effect/sql"
import type { Connection } from "@effect/sql/SqlConnection"
import Sqlite from "better-sqlite3"
import { Context, Effect, Exit, FiberRef, Layer, Scope, Stream } from "effect"
import { type Runner, runnerKey } from "../LeanStatement"

export interface Options {
  readonly filename: string
  readonly transformQueryNames?: (name: string) => string
  readonly transformResultNames?: (name: string) => string
}

/** As many prepared statements as `@effect/sql-sqlite-node` keeps by default. */
const preparedCapacity = 200

/** Transaction control the client runs unprepared: few distinct texts, run on every transaction. */
const control = /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/

/**
 * One holder at a time (a transaction); statements outside a transaction wait
 * while it is held and go on without holding it, as under the semaphore they
 * replace. Waiters are served in arrival order.
 */
const makeLock = () => {
  let held = false
  const waiting: Array<{ readonly exclusive: boolean; readonly resume: () => void }> = []
  const release = () => {
    held = false
    while (waiting.length > 0) {
      const next = waiting.shift() as { readonly exclusive: boolean; readonly resume: () => void }
      if (next.exclusive) held = true
      next.resume()
      if (held) return
    }
  }
  const wait = (exclusive: boolean) =>
    Effect.async<void>((resume) => {
      const waiter = { exclusive, resume: () => resume(Effect.void) }
      waiting.push(waiter)
      // Interrupted while waiting: leave the queue (a waiter already resumed is not in it).
      return Effect.sync(() => {
        const at = waiting.indexOf(waiter)
        if (at >= 0) waiting.splice(at, 1)
      })
    })
  return {
    /** Waits until no transaction holds the connection; takes nothing. */
    pass: Effect.suspend(() => (held || waiting.length > 0 ? wait(false) : Effect.void)),
    /** Takes the connection, waiting for it if held. */
    take: Effect.suspend(() => {
      if (!held && waiting.length === 0) {
        held = true
        return Effect.void
      }
      return wait(true)
    }),
    release: Effect.sync(release),
  }
}

const failure = (message: string) => (cause: unknown) => new SqlError.SqlError({ cause, message })
const prepareFailed = failure("Failed to prepare statement ")
const executeFailed = failure("Failed to execute statement")

export const make = (
  options: Options,
): Effect.Effect<SqlClient.SqlClient, never, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const compiler = Statement.makeCompilerSqlite(options.transformQueryNames)
    const transformRows =
      options.transformResultNames === undefined
        ? undefined
        : Statement.defaultTransforms(options.transformResultNames).array

    const db = new Sqlite(options.filename)
    yield* Effect.addFinalizer(() => Effect.sync(() => db.close()))
    db.pragma("journal_mode = WAL")

    const prepared = new Map<string, Sqlite.Statement>()
    const prepare = (sql: string): Sqlite.Statement => {
      const found = prepared.get(sql)
      if (found !== undefined) {
        // Moved to the newest end: the map's order is the order of use.
        prepared.delete(sql)
        prepared.set(sql, found)
        return found
      }
      const made = db.prepare(sql)
      prepared.set(sql, made)
      if (prepared.size > preparedCapacity) prepared.delete(prepared.keys().next().value as string)
      return made
    }

    const run = (
      statement: () => Sqlite.Statement,
      params: ReadonlyArray<unknown>,
      shape: "rows" | "raw" | "values",
    ): Effect.Effect<unknown, SqlError.SqlError> =>
      Effect.withFiberRuntime((fiber) => {
        let found: Sqlite.Statement
        try {
          found = statement()
        } catch (cause) {
          return Effect.fail(prepareFailed(cause))
        }
        try {
          if (Context.get(fiber.currentContext, SqlClient.SafeIntegers)) found.safeIntegers(true)
          if (!found.reader) {
            const result = found.run(...params)
            return Effect.succeed(shape === "raw" ? result : [])
          }
          if (shape !== "values") return Effect.succeed(found.all(...params))
          found.raw(true)
          try {
            return Effect.succeed(found.all(...params))
          } finally {
            found.raw(false)
          }
        } catch (cause) {
          return Effect.fail(executeFailed(cause))
        }
      })

    type Transform = Parameters<Connection["execute"]>[2]
    type Rows = Effect.Effect<ReadonlyArray<object>, SqlError.SqlError>
    const transformed = (result: Rows, transform: Transform) =>
      transform === undefined ? result : Effect.map(result, transform)

    const connection: Connection = {
      execute: (sql, params, transform) => transformed(run(() => prepare(sql), params, "rows") as Rows, transform),
      executeRaw: (sql, params) => run(() => prepare(sql), params, "raw"),
      executeValues: (sql, params) =>
        run(() => prepare(sql), params, "values") as Effect.Effect<
          ReadonlyArray<ReadonlyArray<unknown>>,
          SqlError.SqlError
        >,
      executeUnprepared: (sql, params, transform) =>
        transformed(
          run(() => (control.test(sql) ? prepare(sql) : db.prepare(sql)), params ?? [], "rows") as Rows,
          transform,
        ),
      // better-sqlite3 keeps the connection busy while a statement's iterator is
      // open, and a stream's reader may await between rows: the rows are read
      // in one go, then streamed.
      executeStream: (sql, params, transform) =>
        Stream.flatMap(
          Stream.fromEffect(transformed(run(() => prepare(sql), params, "rows") as Rows, transform)),
          (rows) => Stream.fromIterable(rows),
        ),
    }

    const lock = makeLock()
    const connected = Effect.succeed(connection)
    const acquirer = Effect.zipRight(lock.pass, connected)
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      Effect.zipRight(
        restore(lock.take),
        Effect.flatMap(Effect.scope, (scope) => Effect.as(Scope.addFinalizer(scope, lock.release), connection)),
      ),
    )

    const client = yield* SqlClient.make({
      acquirer,
      compiler,
      transactionAcquirer,
      spanAttributes: [["db.system.name", "sqlite"]],
      ...(transformRows === undefined ? {} : { transformRows }),
    })
    // The lean way (`LeanStatement`, ADR 0041): rows as the connection gives
    // them, so only on the client's untransformed face. Not enumerable: the
    // face is rebuilt from the client by spreading it, and the transforming
    // client must not get it.
    const lean: Runner = {
      run: (sql, params) => {
        const now = run(() => prepare(sql), params, "rows") as Effect.Effect<ReadonlyArray<object>, SqlError.SqlError>
        return Effect.withFiberRuntime((fiber) => {
          // In this connection's transaction the fiber holds it; outside, wait while another one does.
          const transaction = Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)
          return transaction._tag === "Some" && transaction.value[0] === connection
            ? now
            : Effect.zipRight(lock.pass, now)
        })
      },
      // `makeWithTransaction`'s steps for a transaction of its own, minus the
      // span and the scope: the connection taken (waiting while held), BEGIN,
      // the effect with `[connection, 0]` as the transaction's connection,
      // COMMIT or ROLLBACK (a failure of either a defect), the connection freed.
      transaction: <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | SqlError.SqlError, R> =>
        Effect.uninterruptibleMask((restore) =>
          Effect.zipRight(
            restore(lock.take),
            Effect.withFiberRuntime<A, E | SqlError.SqlError, R>((fiber) =>
              Effect.zipRight(
                run(() => prepare("BEGIN"), [], "rows"),
                Effect.locally(
                  restore(effect),
                  FiberRef.currentContext,
                  Context.add(fiber.currentContext, SqlClient.TransactionConnection, [connection, 0] as const),
                ),
              ).pipe(
                Effect.exit,
                Effect.flatMap((exit) =>
                  Effect.zipRight(
                    Effect.orDie(run(() => prepare(Exit.isSuccess(exit) ? "COMMIT" : "ROLLBACK"), [], "rows")),
                    exit,
                  ),
                ),
                Effect.ensuring(lock.release),
              ),
            ),
          ),
        ),
    }
    Object.defineProperty(client.withoutTransforms(), runnerKey, { value: lean, enumerable: false })
    return client
  })

export const layer = (options: Options): Layer.Layer<SqlClient.SqlClient> =>
  Layer.scoped(SqlClient.SqlClient, make(options)).pipe(Layer.provide(Reactivity.layer))
