// The README's sections on migrations, optimistic concurrency, idempotency keys
// and throttles, imports pointed at the sources, run on SQLite and PostgreSQL.

import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Idempotency, Migrations, OptimisticConcurrency, persistenceMigrations, Throttle } from "../src/index"
import { testDatabases } from "../src/testing"

const createMemoranda = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`CREATE TABLE memoranda (id TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL)`,
)
const createReferrals = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`CREATE TABLE referrals (id TEXT PRIMARY KEY, service TEXT NOT NULL)`,
)

// A package's set, as @bashke/case exports `caseMigrations`: plain modules, no files read at run time.
const exampleMigrations: Migrations.MigrationSet = {
  package: "@example/memoranda",
  migrations: [
    { id: 1, name: "memoranda", up: createMemoranda }, // Effect<void, SqlError, SqlClient>
    { id: 2, name: "referrals", up: createReferrals },
  ],
}

// The application, at start-up: the sets in order, this package's first.
const migrate = Migrations.run([persistenceMigrations, exampleMigrations])

// Renames a memorandum only if it is still at the version the caller read.
const rename = (id: string, expectedVersion: number, title: string) =>
  OptimisticConcurrency.update({ table: "memoranda", entity: "Memorandum", id, expectedVersion, set: { title } })
// NotFound — no such row; Conflict { rule: "version.stale", expectedVersion, actualVersion } — row untouched

class Referral extends Schema.Class<Referral>("Referral")({ id: Schema.String, service: Schema.String }) {}

const sendReferral = (command: { readonly service: string }) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const id = crypto.randomUUID()
    yield* sql`INSERT INTO referrals ${sql.insert({ id, service: command.service })}`
    return new Referral({ id, service: command.service })
  })

// Sends a referral once per Idempotency-Key: a retry gets the stored referral back.
const send = (principalId: string, key: string, command: { readonly service: string }) =>
  Idempotency.run(
    { scope: `referral.send:${principalId}`, key, fingerprint: JSON.stringify(command) },
    sendReferral(command), // runs at most once per key
    Referral, // schema used to store and replay the result
  )
// The same key for another request: Conflict { rule: "idempotency-key.reused" }

const tooMany = (retryAfter = 1) => ({ status: 429, retryAfter }) as const

// A request: admitted while the principal's bucket has a token.
const admit = (principalId: string) =>
  Effect.gen(function* () {
    const throttle = yield* Throttle.Throttle
    const verdict = yield* throttle.take("requests", principalId, { perMinute: 600, burst: 120 })
    if (!verdict.allowed) return tooMany(verdict.retryAfter) // whole seconds
    return { status: 200 } as const
  })

// Failed attempts: free up to a count, then an exponential wait per key.
const signIn = (address: string, passwordMatches: boolean) =>
  Effect.gen(function* () {
    const throttle = yield* Throttle.Throttle
    if (!(yield* throttle.standing("auth.address", address)).allowed) return tooMany()
    if (passwordMatches) return { status: 200 } as const
    yield* throttle.fail("auth.address", address, Throttle.defaultBackoff)
    return { status: 401 } as const
  })

for (const db of await testDatabases()) {
  describe.skipIf(db.skip)(`${db.name}: the README's sections`, () => {
    layer(db.layer)((it) => {
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
        }).pipe(Effect.provide(Throttle.layerSql)),
      )
    })
  })
}
