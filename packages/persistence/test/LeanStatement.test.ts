// A statement on the lean way (ADR 0041) answers what it answers on
// @effect/sql's, on both dialects, tracing on or off; on SQLite with tracing
// off it keeps the client's guarantees: in a transaction it runs on the
// transaction's connection (no wait on itself), outside it waits while
// another fiber's transaction holds the connection.
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Deferred, Effect, Exit, Fiber, Option, Tracer } from "effect"
import { LeanStatement } from "../src/index"
import { testDatabases } from "../src/testing"

const quiet = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withTracerEnabled(effect, false)

// The rows of `table`, counted on the lean way.
const countOf = (sql: SqlClient.SqlClient, table: string) =>
  quiet(LeanStatement.run(sql, sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql(table)}`)).pipe(
    Effect.map((rows) => Number(rows[0]?.n)),
    Effect.orDie,
  )

for (const db of await testDatabases()) {
  describe.skipIf(db.skip)(`${db.name}: LeanStatement`, () => {
    layer(db.layer)((it) => {
      it.effect("answers the statement's rows, tracing on or off; a span only where tracing is on", () =>
        Effect.gen(function* () {
          const client = yield* SqlClient.SqlClient
          const sql = client.withoutTransforms()
          yield* sql`CREATE TABLE lean_rows (id INTEGER NOT NULL, some_value TEXT)`.pipe(Effect.orDie)
          yield* sql`INSERT INTO lean_rows (id, some_value) VALUES (1, 'a'), (2, NULL), (3, 'c')`.pipe(Effect.orDie)
          const statement = () => sql`SELECT id, some_value FROM lean_rows WHERE id <> ${2} ORDER BY id`
          const expected = [
            { id: 1, some_value: "a" },
            { id: 3, some_value: "c" },
          ]
          const spans: Array<string> = []
          const base = yield* Effect.tracer
          const recording = Tracer.make({
            span: (name, ...rest) => {
              spans.push(name)
              return base.span(name, ...rest)
            },
            context: base.context,
          })
          expect(yield* LeanStatement.run(sql, statement()).pipe(Effect.withTracer(recording), Effect.orDie)).toEqual(
            expected,
          )
          expect(spans).toEqual(["sql.execute"])
          expect(yield* quiet(LeanStatement.run(sql, statement())).pipe(Effect.orDie)).toEqual(expected)
          // A write, and a failure as the statement's own.
          yield* quiet(LeanStatement.run(sql, sql`DELETE FROM lean_rows WHERE id = ${3}`)).pipe(Effect.orDie)
          expect(yield* quiet(LeanStatement.run(sql, statement())).pipe(Effect.orDie)).toEqual([expected[0]])
          const failed = yield* Effect.exit(quiet(LeanStatement.run(sql, sql`SELECT * FROM no_such_table`)))
          expect(Exit.isFailure(failed)).toBe(true)
          // Only SQLite's client of this package has a lean way, on its untransformed face only.
          expect(LeanStatement.runnerOf(sql) !== undefined).toBe(db.name === "sqlite")
          expect(LeanStatement.runnerOf(client)).toBeUndefined()
          // A client with name transforms: the statement as it is, names transformed.
          expect(
            yield* quiet(LeanStatement.run(client, client`SELECT some_value FROM lean_rows WHERE id = ${1}`)).pipe(
              Effect.orDie,
            ),
          ).toEqual([{ someValue: "a" }])
        }),
      )

      it.effect("runs in its own transaction at once, and outside another one's only once it ends", () =>
        Effect.gen(function* () {
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* sql`CREATE TABLE lean_wait (v INTEGER NOT NULL)`.pipe(Effect.orDie)
          const count = countOf(sql, "lean_wait")
          // Inside its transaction: sees its own uncommitted row, without waiting on itself.
          expect(
            yield* sql
              .withTransaction(Effect.zipRight(sql`INSERT INTO lean_wait (v) VALUES (1)`, count))
              .pipe(Effect.orDie),
          ).toBe(1)
          const written = yield* Deferred.make<void>()
          const finish = yield* Deferred.make<void>()
          const writer = yield* sql
            .withTransaction(
              Effect.gen(function* () {
                yield* sql`INSERT INTO lean_wait (v) VALUES (2)`
                yield* Deferred.succeed(written, undefined)
                yield* Deferred.await(finish)
                return yield* Effect.fail("rolled back" as const)
              }),
            )
            .pipe(Effect.exit, Effect.fork)
          yield* Deferred.await(written)
          const reader = yield* Effect.fork(count)
          yield* Effect.repeatN(Effect.yieldNow(), 20)
          if (db.name === "sqlite") {
            // One connection: still waiting, it has not run inside the open transaction.
            expect(Option.isNone(yield* Fiber.poll(reader))).toBe(true)
          }
          yield* Deferred.succeed(finish, undefined)
          expect(Exit.isFailure(yield* Fiber.join(writer))).toBe(true)
          expect(yield* Fiber.join(reader)).toBe(1)
        }),
      )

      it.effect("a transaction of its own commits, rolls back, nests, and waits for another one", () =>
        Effect.gen(function* () {
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* sql`CREATE TABLE lean_tx (v INTEGER NOT NULL)`.pipe(Effect.orDie)
          const count = countOf(sql, "lean_tx")
          const insert = (v: number) => LeanStatement.run(sql, sql`INSERT INTO lean_tx (v) VALUES (${v})`)
          const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
            quiet(LeanStatement.withTransaction(sql, effect))
          // Committed, with what ran inside seeing its own writes.
          expect(yield* transaction(Effect.zipRight(insert(1), count)).pipe(Effect.orDie)).toBe(1)
          // A failure rolls back and is the effect's own.
          const failed = yield* Effect.exit(transaction(Effect.zipRight(insert(2), Effect.fail("refused" as const))))
          expect(failed).toEqual(Exit.fail("refused"))
          expect(yield* count).toBe(1)
          // Nested: the inner one's rollback leaves the outer one's writes.
          yield* transaction(
            Effect.gen(function* () {
              yield* insert(3)
              yield* Effect.exit(transaction(Effect.zipRight(insert(4), Effect.fail("inner" as const))))
            }),
          ).pipe(Effect.orDie)
          expect(yield* count).toBe(2)
          // Another fiber's transaction holds the connection (SQLite): this one begins after it ends.
          const started = yield* Deferred.make<void>()
          const finish = yield* Deferred.make<void>()
          const first = yield* transaction(
            Effect.zipRight(Effect.zipRight(insert(5), Deferred.succeed(started, undefined)), Deferred.await(finish)),
          ).pipe(Effect.orDie, Effect.fork)
          yield* Deferred.await(started)
          const second = yield* transaction(Effect.zipRight(insert(6), count)).pipe(Effect.orDie, Effect.fork)
          yield* Effect.repeatN(Effect.yieldNow(), 20)
          if (db.name === "sqlite") expect(Option.isNone(yield* Fiber.poll(second))).toBe(true)
          yield* Deferred.succeed(finish, undefined)
          yield* Fiber.join(first)
          const seen = yield* Fiber.join(second)
          // SQLite's one connection makes the second wait for the first, so it sees both rows. PostgreSQL's
          // pool gives it a connection of its own: it may commit before the first does, and then sees 3.
          if (db.name === "sqlite") expect(seen).toBe(4)
          else expect([3, 4]).toContain(seen)
          expect(yield* count).toBe(4)
        }),
      )
    })
  })
}
