import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Cause, Data, Effect, Exit } from "effect"
import { Transaction } from "../src/index"
import { testDatabases } from "../src/testing"

class RuleBroken extends Data.TaggedError("RuleBroken")<{}> {}

const count = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: number }>`SELECT COUNT(*) AS n FROM t`).pipe(
  Effect.map((rows) => Number(rows[0]?.n)),
  Effect.orDie,
)
const insert = Effect.flatMap(SqlClient.SqlClient, (sql) => sql`INSERT INTO t (v) VALUES (1)`)

for (const db of await testDatabases()) {
  describe.skipIf(db.skip)(`${db.name}: Transaction`, () => {
    layer(db.layer)((it) => {
      it.effect("commits the work, rolls it back on a domain error, and turns SQL failures into defects", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE t (v INTEGER NOT NULL)`.pipe(Effect.orDie)

          yield* Transaction.run(insert)
          expect(yield* count).toBe(1)

          const broken = yield* Effect.exit(Transaction.run(Effect.zipRight(insert, Effect.fail(new RuleBroken()))))
          expect(Exit.isFailure(broken) && Cause.failureOption(broken.cause)._tag).toBe("Some")
          expect(yield* count).toBe(1)

          const failing = yield* Effect.exit(
            Transaction.within(sql)(Effect.zipRight(insert, sql`INSERT INTO no_such_table VALUES (1)`)),
          )
          expect(Exit.isFailure(failing) && Cause.isDie(failing.cause)).toBe(true)
          expect(yield* count).toBe(1)
        }),
      )
    })
  })
}
