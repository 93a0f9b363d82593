// Runs the README's examples (imports pointed at the sources) so they cannot rot.

import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Throttle } from "../src/index"
import { testDatabases } from "../src/testing"
import { main } from "./readme-example"
import { admit, migrate, rename, send, signIn } from "./readme-example-features"

it("the README example migrates, writes with the outbox in a transaction and reads pending events", async () => {
  const topics = await main()
  expect(topics).toStrictEqual(["note.written"])
})

for (const db of await testDatabases()) {
  describe.skipIf(db.skip)(`${db.name}: the README's sections`, () => {
    layer(Layer.provideMerge(Throttle.layerSql, db.layer))((it) => {
      it.effect("migrations apply in order, once", () =>
        Effect.gen(function* () {
          yield* migrate
          yield* migrate
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<{ name: string }>`SELECT name FROM bashke_migrations
            WHERE package = '@example/memoranda' ORDER BY id`
          expect(rows.map((row) => row.name)).toEqual(["memoranda", "referrals"])
        }),
      )

      it.effect("a rename on a stale version is a conflict naming both versions; the row is untouched", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`INSERT INTO memoranda ${sql.insert({ id: "m-1", title: "Draft", version: 1 })}`
          expect(yield* rename("m-1", 1, "Memorandum 2026")).toBe(2)
          const stale = yield* Effect.flip(rename("m-1", 1, "Another title"))
          expect(stale).toMatchObject({ _tag: "Conflict", rule: "version.stale", expectedVersion: 1, actualVersion: 2 })
          expect(yield* Effect.flip(rename("m-2", 1, "Nothing"))).toMatchObject({ _tag: "NotFound" })
          const [row] = yield* sql<{ title: string }>`SELECT title FROM memoranda WHERE id = 'm-1'`
          expect(row?.title).toBe("Memorandum 2026")
        }),
      )

      it.effect("a retried send replays the stored referral; the key reused for another request is refused", () =>
        Effect.gen(function* () {
          const first = yield* send("p-1", "key-1", { service: "shelter" })
          const retried = yield* send("p-1", "key-1", { service: "shelter" })
          expect(retried).toEqual(first)
          const reused = yield* Effect.flip(send("p-1", "key-1", { service: "legal-aid" }))
          expect(reused).toMatchObject({ _tag: "Conflict", rule: "idempotency-key.reused" })
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<{ service: string }>`SELECT service FROM referrals`
          expect(rows.map((row) => row.service)).toEqual(["shelter"])
        }),
      )

      it.effect("a burst of 120 requests is admitted, the next waits; failed sign-ins cost nothing ten times", () =>
        Effect.gen(function* () {
          const answers = yield* Effect.forEach(Array.from({ length: 121 }), () => admit("p-1"))
          expect(answers.slice(0, 120).every((answer) => answer.status === 200)).toBe(true)
          expect(answers[120]).toEqual({ status: 429, retryAfter: 1 })
          const attempts = yield* Effect.forEach(Array.from({ length: 12 }), () => signIn("a@example.org", false))
          expect(attempts.map((attempt) => attempt.status)).toEqual([...Array(11).fill(401), 429])
          expect(yield* signIn("b@example.org", true)).toEqual({ status: 200 })
        }),
      )
    })
  })
}
