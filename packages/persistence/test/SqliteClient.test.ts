// The SQLite client's lean statement path (ADR 0039) keeps the guarantees of
// the client it replaced: one connection, held by a transaction until it ends;
// a statement outside the transaction waits meanwhile (or it would run inside
// it and read what is not committed); a waiter interrupted leaves no trace;
// transaction control prepared once still begins, commits and rolls back.
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Chunk, Deferred, Effect, Exit, Fiber, Stream } from "effect"
import { sqliteLayer } from "../src/TestDatabase"

const count = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: number }>`SELECT COUNT(*) AS n FROM w`).pipe(
  Effect.map((rows) => Number(rows[0]?.n)),
  Effect.orDie,
)

describe("sqlite: the client's statement path", () => {
  layer(sqliteLayer)((it) => {
    it.effect("a statement outside a transaction waits for it, and never reads what it rolls back", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE w (v INTEGER NOT NULL)`.pipe(Effect.orDie)
        const written = yield* Deferred.make<void>()
        const finish = yield* Deferred.make<void>()
        // Writes, then holds the connection across an await, then rolls back.
        const writer = yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`INSERT INTO w (v) VALUES (1)`
              yield* Deferred.succeed(written, undefined)
              yield* Deferred.await(finish)
              return yield* Effect.fail("rolled back" as const)
            }),
          )
          .pipe(Effect.exit, Effect.fork)
        yield* Deferred.await(written)
        const reader = yield* Effect.fork(count)
        // A waiter interrupted while the transaction is open leaves the queue.
        const interrupted = yield* Effect.fork(count)
        yield* Effect.yieldNow()
        yield* Fiber.interrupt(interrupted)
        yield* Effect.repeatN(Effect.yieldNow(), 20)
        // Still waiting: it has not run inside the open transaction.
        expect(yield* Fiber.poll(reader)).toEqual(expect.objectContaining({ _tag: "None" }))
        yield* Deferred.succeed(finish, undefined)
        expect(Exit.isFailure(yield* Fiber.join(writer))).toBe(true)
        expect(yield* Fiber.join(reader)).toBe(0)
        // Transactions go on after it, committed and rolled back, nested too.
        yield* sql.withTransaction(sql`INSERT INTO w (v) VALUES (2)`).pipe(Effect.orDie)
        yield* sql
          .withTransaction(Effect.zipRight(sql.withTransaction(sql`INSERT INTO w (v) VALUES (3)`), sql`SELECT 1`))
          .pipe(Effect.orDie)
        expect(yield* count).toBe(2)
      }),
    )

    it.effect("statements are prepared once and answer as before: rows, raw results, values", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE p (some_value INTEGER NOT NULL)`.pipe(Effect.orDie)
        for (let i = 0; i < 300; i++) yield* sql`INSERT INTO p (some_value) VALUES (${i})`.pipe(Effect.orDie)
        // Past the prepared statements kept (200): an old text is prepared again.
        for (let i = 0; i < 250; i++) yield* sql.unsafe(`SELECT ${i} AS n`).pipe(Effect.orDie)
        const rows = yield* sql<{ someValue: number }>`SELECT some_value FROM p WHERE some_value < ${2}`.pipe(
          Effect.orDie,
        )
        expect(rows).toEqual([{ someValue: 0 }, { someValue: 1 }])
        expect(yield* sql`SELECT some_value FROM p WHERE some_value < ${2}`.values.pipe(Effect.orDie)).toEqual([
          [0],
          [1],
        ])
        // The same statement after `.values` answers rows again (raw mode undone).
        expect(yield* sql`SELECT some_value FROM p WHERE some_value < ${2}`.pipe(Effect.orDie)).toHaveLength(2)
        expect(yield* sql`DELETE FROM p WHERE some_value >= ${100}`.raw.pipe(Effect.orDie)).toMatchObject({
          changes: 200,
        })
        // A stream answers the same rows, names transformed.
        const streamed = yield* sql<{
          someValue: number
        }>`SELECT some_value FROM p WHERE some_value < ${3}`.stream.pipe(Stream.runCollect, Effect.orDie)
        expect(Chunk.toReadonlyArray(streamed)).toEqual([{ someValue: 0 }, { someValue: 1 }, { someValue: 2 }])
        const failed = yield* Effect.exit(sql`SELECT * FROM no_such_table`)
        expect(Exit.isFailure(failed)).toBe(true)
      }),
    )
  })
})
