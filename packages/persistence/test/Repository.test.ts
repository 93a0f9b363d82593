/**
 * The shared repository suite: every test here runs once per dialect — those
 * returned by `testDatabases()` (SQLite file, PostgreSQL schema) and D1 in
 * workerd — each block on a fresh database. D1 has no interactive transactions,
 * so the tests that are about transactions are registered only for the dialects that
 * have them, and one D1-only test proves it refuses. Nothing is skipped.
 */
import { Errors, Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Deferred, Duration, Effect, Exit, Fiber, Layer, Ref, Schema, TestClock } from "effect"
import { Idempotency, Migrations, OptimisticConcurrency, Outbox, persistenceMigrations } from "../src/index"
import { testDatabases } from "../src/testing"
import { d1Database } from "./d1"
import { findMemorandum, fixtureMigrations, insertMemorandum, realDelay } from "./fixtures"

const sets = [persistenceMigrations, fixtureMigrations]
const fresh = [...(await testDatabases()), d1Database()]
const migrated = [...(await testDatabases({ migrations: sets })), d1Database({ migrations: sets })]

const countRows = (table: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ count: number }>`SELECT COUNT(*) AS count FROM ${sql(table)}`
    return Number(rows[0]?.count)
  }).pipe(Effect.orDie)

// A migration whose `up` creates `table`, then fails on a missing one.
const halfDone = (pkg: string, table: string): Migrations.MigrationSet => ({
  package: pkg,
  migrations: [
    {
      id: 1,
      name: "half-done",
      up: Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE ${sql(table)} (id TEXT PRIMARY KEY)`
        yield* sql`INSERT INTO no_such_table (id) VALUES ('x')`
      }),
    },
  ],
})

/** A test that only means something where interactive transactions exist: not registered elsewhere. */
const onlyIf =
  (condition: boolean) =>
  <T extends { readonly effect: (...args: ReadonlyArray<never>) => unknown }>(it: T): T["effect"] =>
    (condition ? it.effect : () => undefined) as T["effect"]

for (const db of fresh) {
  const transactions = db.name !== "d1"
  const transactional = onlyIf(transactions)
  describe.skipIf(db.skip)(`${db.name}: migrations`, () => {
    layer(db.layer)((it) => {
      it.effect("applies every set in order, then nothing on a re-run, leaving the tables intact", () =>
        Effect.gen(function* () {
          // Progress: the count planned first, then each migration as it is applied.
          const told: Array<string> = []
          const progress = {
            planned: (total: number) => Effect.sync(() => void told.push(`planned ${total}`)),
            applied: (m: Migrations.AppliedMigration, done: number, total: number) =>
              Effect.sync(() => void told.push(`${done}/${total} ${m.package}#${m.id}`)),
          }
          const first = yield* Migrations.run(sets).pipe(Effect.provideService(Migrations.Progress, progress))
          expect(told).toStrictEqual([
            "planned 5",
            "1/5 @bashke/persistence#1",
            "2/5 @bashke/persistence#2",
            "3/5 @bashke/persistence#3",
            "4/5 @bashke/persistence-fixture#1",
            "5/5 @bashke/persistence-fixture#2",
          ])
          expect(first.map((m) => `${m.package}#${m.id}`)).toStrictEqual([
            "@bashke/persistence#1",
            "@bashke/persistence#2",
            "@bashke/persistence#3",
            "@bashke/persistence-fixture#1",
            "@bashke/persistence-fixture#2",
          ])
          yield* insertMemorandum("m-1")
          told.length = 0
          const second = yield* Migrations.run(sets).pipe(Effect.provideService(Migrations.Progress, progress))
          expect(second).toStrictEqual([])
          expect(told).toStrictEqual(["planned 0"])
          expect(yield* countRows("memoranda")).toBe(1)
          expect(yield* Migrations.applied).toHaveLength(5)
        }),
      )

      it.effect("applies only what is new", () =>
        Effect.gen(function* () {
          const next: Migrations.MigrationSet = {
            ...fixtureMigrations,
            migrations: [
              ...fixtureMigrations.migrations,
              {
                id: 3,
                name: "memoranda-index",
                up: Effect.flatMap(
                  SqlClient.SqlClient,
                  (sql) => sql`CREATE INDEX memoranda_title ON memoranda (title)`,
                ),
              },
            ],
          }
          const applied = yield* Migrations.run([persistenceMigrations, next])
          expect(applied).toStrictEqual([{ package: "@bashke/persistence-fixture", id: 3, name: "memoranda-index" }])
        }),
      )

      it.effect("refuses edited history before applying anything", () =>
        Effect.gen(function* () {
          const edited: Migrations.MigrationSet = {
            ...fixtureMigrations,
            migrations: [
              { ...fixtureMigrations.migrations[0]!, name: "memoranda-renamed" },
              {
                id: 9,
                name: "never",
                up: Effect.flatMap(SqlClient.SqlClient, (sql) => sql`CREATE TABLE never (id TEXT)`),
              },
            ],
          }
          const error = yield* Effect.flip(Migrations.run([persistenceMigrations, edited]))
          expect(error.reason).toBe("edited-history")
          expect(error.id).toBe(1)
          expect(yield* Migrations.applied).toHaveLength(6)
        }),
      )

      it.effect("refuses a new migration numbered below an applied one", () =>
        Effect.gen(function* () {
          const gap: Migrations.MigrationSet = {
            package: "@bashke/gap",
            migrations: [{ id: 2, name: "two", up: Effect.void }],
          }
          yield* Migrations.run([gap])
          const error = yield* Effect.flip(
            Migrations.run([{ ...gap, migrations: [{ id: 1, name: "one", up: Effect.void }, ...gap.migrations] }]),
          )
          expect(error.reason).toBe("out-of-order")
        }),
      )

      transactional(it)("rolls a failed migration back together with its row", () =>
        Effect.gen(function* () {
          const error = yield* Effect.flip(Migrations.run([halfDone("@bashke/broken", "half_done")]))
          expect(error.reason).toBe("failed")
          expect(error.detail).toContain('"half-done" failed and was rolled back')
          const recorded = yield* Migrations.applied
          expect(recorded.some((m) => m.package === "@bashke/broken")).toBe(false)
          const sql = yield* SqlClient.SqlClient
          const exit = yield* Effect.exit(sql`SELECT * FROM half_done`)
          expect(Exit.isFailure(exit)).toBe(true)
        }),
      )

      // D1 has no transactions: what ran before the failing statement stays, and
      // the error says so rather than claiming a rollback; the row is not written.
      onlyIf(!transactions)(it)("d1: a failed migration is not recorded, and says it was not rolled back", () =>
        Effect.gen(function* () {
          const error = yield* Effect.flip(Migrations.run([halfDone("@bashke/broken-d1", "half_done_d1")]))
          expect(error.reason).toBe("failed")
          expect(error.detail).toContain('"half-done" failed and was not recorded')
          expect(error.detail).not.toContain("rolled back")
          const recorded = yield* Migrations.applied
          expect(recorded.some((m) => m.package === "@bashke/broken-d1")).toBe(false)
        }),
      )

      it.effect("refuses inconsistent sets", () =>
        Effect.gen(function* () {
          const twice = yield* Effect.flip(Migrations.run([fixtureMigrations, fixtureMigrations]))
          expect(twice.reason).toBe("invalid-set")
          const duplicate = yield* Effect.flip(
            Migrations.run([
              {
                package: "@bashke/dup",
                migrations: [
                  { id: 1, name: "a", up: Effect.void },
                  { id: 1, name: "b", up: Effect.void },
                ],
              },
            ]),
          )
          expect(duplicate.reason).toBe("invalid-set")
        }),
      )
    })

    layer(db.layer)((it) => {
      transactional(it)("two runners at once apply each migration exactly once", () =>
        Effect.gen(function* () {
          const counter = yield* Ref.make(0)
          const counted: Migrations.MigrationSet = {
            package: "@bashke/counted",
            migrations: [1, 2, 3].map((id) => ({
              id,
              name: `step-${id}`,
              up: Effect.gen(function* () {
                const sql = yield* SqlClient.SqlClient
                yield* sql.unsafe(`CREATE TABLE counted_${id} (id TEXT)`)
                yield* Ref.update(counter, (n) => n + 1)
              }),
            })),
          }
          const runs = yield* Effect.all(
            [1, 2, 3].map(() => Migrations.run([persistenceMigrations, counted])),
            { concurrency: "unbounded" },
          )
          expect(runs.flat()).toHaveLength(6)
          expect(yield* Ref.get(counter)).toBe(3)
        }),
      )
    })
  })
}

for (const db of migrated) {
  const transactions = db.name !== "d1"
  const transactional = onlyIf(transactions)
  const withoutTransactions = onlyIf(!transactions)
  describe.skipIf(db.skip)(`${db.name}: repository`, () => {
    layer(Layer.merge(db.layer, Id.layer))((it) => {
      it.effect("enforces foreign keys", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const exit = yield* Effect.exit(
            sql`INSERT INTO signatories ${sql.insert({ memorandumId: "missing", institution: "police" })}`,
          )
          expect(Exit.isFailure(exit)).toBe(true)
        }),
      )

      onlyIf(!transactions)(it)("d1: a failing statement's error carries D1's reason, never the bound values", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const error = yield* Effect.flip(
            sql`INSERT INTO signatories ${sql.insert({ memorandumId: "missing-secret-value", institution: "police" })}`,
          )
          expect(error.message).toMatch(/^Failed to execute statement: .*FOREIGN KEY/)
          expect(error.message).not.toContain("missing-secret-value")
        }),
      )

      it.effect("optimistic concurrency: the current version wins and bumps the version", () =>
        Effect.gen(function* () {
          yield* insertMemorandum("oc-1")
          const version = yield* OptimisticConcurrency.update({
            table: "memoranda",
            entity: "Memorandum",
            id: "oc-1",
            expectedVersion: 1,
            set: { title: "Amended", validFrom: "2026-02-01" },
          })
          expect(version).toBe(2)
          expect(yield* findMemorandum("oc-1")).toStrictEqual({
            id: "oc-1",
            title: "Amended",
            validFrom: "2026-02-01",
            version: 2,
          })
        }),
      )

      it.effect("optimistic concurrency: a stale version fails with Conflict and leaves the row unchanged", () =>
        Effect.gen(function* () {
          yield* insertMemorandum("oc-2")
          yield* OptimisticConcurrency.update({
            table: "memoranda",
            id: "oc-2",
            expectedVersion: 1,
            set: { title: "B" },
          })
          const before = yield* findMemorandum("oc-2")
          const error = yield* Effect.flip(
            OptimisticConcurrency.update({
              table: "memoranda",
              entity: "Memorandum",
              id: "oc-2",
              expectedVersion: 1,
              set: { title: "Lost update" },
            }),
          )
          expect(error).toStrictEqual(
            new Errors.Conflict({
              entity: "Memorandum",
              id: "oc-2",
              rule: "version.stale",
              expectedVersion: 1,
              actualVersion: 2,
            }),
          )
          expect(yield* findMemorandum("oc-2")).toStrictEqual(before)
          const removal = yield* Effect.flip(
            OptimisticConcurrency.remove({ table: "memoranda", id: "oc-2", expectedVersion: 1 }),
          )
          expect(removal._tag).toBe("Conflict")
          expect(yield* findMemorandum("oc-2")).toStrictEqual(before)
          yield* OptimisticConcurrency.remove({ table: "memoranda", id: "oc-2", expectedVersion: 2 })
          expect(yield* findMemorandum("oc-2")).toBeUndefined()
        }),
      )

      it.effect("optimistic concurrency: a missing row is NotFound", () =>
        Effect.gen(function* () {
          const error = yield* Effect.flip(
            OptimisticConcurrency.update({
              table: "memoranda",
              entity: "Memorandum",
              id: "nope",
              expectedVersion: 1,
              set: { title: "x" },
            }),
          )
          expect(error).toStrictEqual(new Errors.NotFound({ entity: "Memorandum", id: "nope" }))
        }),
      )

      transactional(it)("outbox: the event exists when its transaction commits", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const id = yield* sql.withTransaction(
            Effect.gen(function* () {
              yield* insertMemorandum("ob-1")
              return yield* Outbox.append({
                topic: "memorandum.created",
                aggregateType: "Memorandum",
                aggregateId: "ob-1",
                payload: { title: "Memorandum", signatory_ids: ["a", "b"], nested: { validFrom: "2026-01-01" } },
              })
            }),
          )
          const rows = yield* sql<{ id: string }>`SELECT id FROM bashke_outbox WHERE aggregate_id = ${"ob-1"}`
          expect(rows.map((row) => row.id)).toStrictEqual([id])
        }),
      )

      transactional(it)("outbox: no event when its transaction rolls back", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const exit = yield* Effect.exit(
            sql.withTransaction(
              Effect.gen(function* () {
                yield* insertMemorandum("ob-2")
                yield* Outbox.append({
                  topic: "memorandum.created",
                  aggregateType: "Memorandum",
                  aggregateId: "ob-2",
                  payload: {},
                })
                return yield* Effect.fail("validation failed after the write")
              }),
            ),
          )
          expect(Exit.isFailure(exit)).toBe(true)
          expect(yield* outboxRowsFor("ob-2")).toBe(0)
          expect(yield* findMemorandum("ob-2")).toBeUndefined()
        }),
      )

      it.effect("outbox: claims due events in order, leases them, and retries failures with backoff", () =>
        Effect.gen(function* () {
          yield* drain
          const ids: Array<Id.EventId> = []
          for (const n of [1, 2, 3]) {
            ids.push(
              yield* Outbox.append({
                topic: "referral.sent",
                aggregateType: "Referral",
                aggregateId: `r-${n}`,
                payload: { n, label_text: `#${n}` },
              }),
            )
          }
          const claimed = yield* Outbox.pending(10)
          expect(claimed.map((event) => event.id)).toStrictEqual(ids)
          expect(claimed[0]?.payload).toStrictEqual({ n: 1, label_text: "#1" })
          expect(claimed[0]?.aggregateId).toBe("r-1")
          // Leased: a second dispatcher gets nothing right away.
          expect(yield* Outbox.pending(10)).toStrictEqual([])

          yield* Outbox.markDelivered([ids[0]!, ids[1]!])
          const policy: Outbox.RetryPolicy = {
            initialDelay: "10 seconds",
            factor: 2,
            maxDelay: "1 hour",
            maxAttempts: 2,
          }
          const first = yield* Outbox.markFailed(ids[2]!, "subscriber timed out", policy)
          expect(first?.attempts).toBe(1)
          expect(first?.status).toBe("pending")
          expect(yield* Outbox.pending(10)).toStrictEqual([])
          yield* TestClock.adjust(Duration.seconds(10))
          const retried = yield* Outbox.pending(10)
          expect(retried.map((event) => [event.id, event.attempts])).toStrictEqual([[ids[2], 1]])
          const second = yield* Outbox.markFailed(ids[2]!, "subscriber timed out again", policy)
          expect(second?.status).toBe("dead")
          yield* TestClock.adjust(Duration.hours(2))
          expect(yield* Outbox.pending(10)).toStrictEqual([])
          expect(yield* Outbox.markFailed(ids[0]!, "delivered already", policy)).toBeUndefined()
        }),
      )

      it.effect("outbox: an expired lease makes the event due again (at-least-once)", () =>
        Effect.gen(function* () {
          yield* drain
          const id = yield* Outbox.append({ topic: "t", aggregateType: "A", aggregateId: "lease", payload: null })
          expect((yield* Outbox.pending(1, { lease: "30 seconds" })).map((e) => e.id)).toStrictEqual([id])
          yield* TestClock.adjust(Duration.seconds(31))
          expect((yield* Outbox.pending(1)).map((e) => e.id)).toStrictEqual([id])
          yield* Outbox.markDelivered([id])
        }),
      )

      it.effect("outbox: a reader with its own position reads its topics in order, never past the settle cut-off", () =>
        Effect.gen(function* () {
          yield* drain
          const start = yield* Outbox.after("", ["r.one"], { limit: 10 })
          const a = yield* Outbox.append({ topic: "r.one", aggregateType: "A", aggregateId: "a", payload: { n: 1 } })
          yield* Outbox.append({ topic: "r.other", aggregateType: "A", aggregateId: "b", payload: null })
          const c = yield* Outbox.append({ topic: "r.two", aggregateType: "A", aggregateId: "c", payload: [2] })
          // Too young: still within the settle time.
          expect((yield* Outbox.after(start.next, ["r.one", "r.two"], { limit: 10 })).events).toStrictEqual([])
          yield* TestClock.adjust(Duration.seconds(11))
          const page = yield* Outbox.after(start.next, ["r.one", "r.two"], { limit: 1 })
          expect(page.events.map((e) => [e.id, e.topic, e.payload])).toStrictEqual([[a, "r.one", { n: 1 }]])
          expect(page.next).toBe(a)
          const rest = yield* Outbox.after(page.next, ["r.one", "r.two"], { limit: 10 })
          expect(rest.events.map((e) => e.id)).toStrictEqual([c])
          // Not a full page: the next position is the cut-off, past the other topic's rows.
          expect(rest.next > c).toBe(true)
          expect((yield* Outbox.after(rest.next, ["r.one", "r.two"], { limit: 10 })).events).toStrictEqual([])
          expect(yield* Outbox.after(rest.next, [], { limit: 10 })).toStrictEqual({ events: [], next: rest.next })
        }),
      )

      const Receipt = Schema.Struct({ referralId: Schema.String, sentAt: Schema.Date })

      transactional(it)("idempotency: a repeated key returns the first result without running the work again", () =>
        Effect.gen(function* () {
          const runs = yield* Ref.make(0)
          const work = Effect.gen(function* () {
            const n = yield* Ref.updateAndGet(runs, (x) => x + 1)
            yield* insertMemorandum(`idem-${n}`)
            return { referralId: `idem-${n}`, sentAt: new Date("2026-03-01T09:30:00.000Z") }
          })
          const key = { scope: "referral.send:user-1", key: "k-1", fingerprint: "sha256:aaa" }
          const first = yield* Idempotency.runWithOutcome(key, work, Receipt)
          const again = yield* Idempotency.runWithOutcome(key, work, Receipt)
          expect(first).toStrictEqual({
            value: { referralId: "idem-1", sentAt: new Date("2026-03-01T09:30:00.000Z") },
            replayed: false,
          })
          expect(again).toStrictEqual({ ...first, replayed: true })
          expect(yield* Ref.get(runs)).toBe(1)
          // Another scope is another key.
          yield* Idempotency.run({ ...key, scope: "referral.send:user-2" }, work, Receipt)
          expect(yield* Ref.get(runs)).toBe(2)
        }),
      )

      transactional(it)("idempotency: a key reused for another request is a Conflict", () =>
        Effect.gen(function* () {
          const key = { scope: "s", key: "k-2", fingerprint: "one" }
          yield* Idempotency.run(key, Effect.succeed({ referralId: "x", sentAt: new Date(0) }), Receipt)
          const error = yield* Effect.flip(
            Idempotency.run(
              { ...key, fingerprint: "two" },
              Effect.succeed({ referralId: "y", sentAt: new Date(0) }),
              Receipt,
            ),
          )
          expect(error).toStrictEqual(
            new Errors.Conflict({ entity: "IdempotencyKey", id: "s/k-2", rule: "idempotency-key.reused" }),
          )
        }),
      )

      transactional(it)("idempotency: a failed work is not remembered and its writes roll back", () =>
        Effect.gen(function* () {
          const runs = yield* Ref.make(0)
          const key = { scope: "s", key: "k-3", fingerprint: "f" }
          const failing = Effect.gen(function* () {
            yield* Ref.update(runs, (n) => n + 1)
            yield* insertMemorandum("idem-failed")
            return yield* Effect.fail("upstream refused" as const)
          })
          expect(yield* Effect.flip(Idempotency.run(key, failing, Receipt))).toBe("upstream refused")
          expect(yield* findMemorandum("idem-failed")).toBeUndefined()
          const value = yield* Idempotency.run(
            key,
            Effect.zipRight(
              Ref.update(runs, (n) => n + 1),
              Effect.succeed({ referralId: "ok", sentAt: new Date(0) }),
            ),
            Receipt,
          )
          expect(value.referralId).toBe("ok")
          expect(yield* Ref.get(runs)).toBe(2)
        }),
      )

      transactional(it)("idempotency: keys expire and can be purged", () =>
        Effect.gen(function* () {
          const runs = yield* Ref.make(0)
          const work = Effect.as(
            Ref.update(runs, (n) => n + 1),
            { referralId: "r", sentAt: new Date(0) },
          )
          const key = { scope: "expiring", key: "k-4", fingerprint: "f", ttl: Duration.hours(1) }
          yield* Idempotency.run(key, work, Receipt)
          yield* TestClock.adjust(Duration.minutes(59))
          yield* Idempotency.run(key, work, Receipt)
          expect(yield* Ref.get(runs)).toBe(1)
          yield* TestClock.adjust(Duration.minutes(2))
          // Expired: a new request may take the key over, even with another fingerprint.
          yield* Idempotency.run({ ...key, fingerprint: "g" }, work, Receipt)
          expect(yield* Ref.get(runs)).toBe(2)
          yield* TestClock.adjust(Duration.hours(25))
          expect(yield* Idempotency.purgeExpired).toBeGreaterThanOrEqual(1)
          expect(yield* Idempotency.purgeExpired).toBe(0)
        }),
      )

      transactional(it)("idempotency: concurrent duplicates run the work once", () =>
        Effect.gen(function* () {
          const runs = yield* Ref.make(0)
          const started = yield* Deferred.make<void>()
          const release = yield* Deferred.make<void>()
          const key = { scope: "concurrent", key: "k-5", fingerprint: "f" }
          const work = Effect.gen(function* () {
            const n = yield* Ref.updateAndGet(runs, (x) => x + 1)
            yield* Deferred.succeed(started, undefined)
            yield* Deferred.await(release)
            yield* insertMemorandum(`concurrent-${n}`)
            return { referralId: `concurrent-${n}`, sentAt: new Date(0) }
          })
          const first = yield* Effect.fork(Idempotency.runWithOutcome(key, work, Receipt))
          yield* Deferred.await(started)
          const duplicates = yield* Effect.fork(
            Effect.all(
              [1, 2, 3, 4].map(() => Idempotency.runWithOutcome(key, work, Receipt)),
              { concurrency: "unbounded" },
            ),
          )
          // Give the duplicates real time to reach the database and block there.
          yield* realDelay(300)
          expect(yield* Ref.get(runs)).toBe(1)
          yield* Deferred.succeed(release, undefined)
          const original = yield* Fiber.join(first)
          const replays = yield* Fiber.join(duplicates)
          expect(yield* Ref.get(runs)).toBe(1)
          expect(original.replayed).toBe(false)
          for (const replay of replays) expect(replay).toStrictEqual({ ...original, replayed: true })
        }),
      )

      withoutTransactions(it)("without transactions, appends stand alone and idempotency refuses to run", () =>
        Effect.gen(function* () {
          yield* drain
          const sql = yield* SqlClient.SqlClient
          const transaction = yield* Effect.exit(sql.withTransaction(Effect.void))
          expect(Exit.isFailure(transaction)).toBe(true)
          const id = yield* Outbox.append({ topic: "t", aggregateType: "A", aggregateId: "d1", payload: [1] })
          expect((yield* Outbox.pending(5)).map((event) => [event.id, event.payload])).toStrictEqual([[id, [1]]])
          const refused = yield* Effect.exit(
            Idempotency.run(
              { scope: "s", key: "k", fingerprint: "f" },
              Effect.succeed({ referralId: "r", sentAt: new Date(0) }),
              Receipt,
            ),
          )
          expect(String(Exit.isFailure(refused) && refused.cause)).toContain("Idempotency needs transactions")
        }),
      )
    })
  })
}

const outboxRowsFor = (aggregateId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql`SELECT id FROM bashke_outbox WHERE aggregate_id = ${aggregateId}`
    return rows.length
  }).pipe(Effect.orDie)

// Earlier tests leave events behind; deliver them so each outbox test sees only its own.
const drain = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`UPDATE bashke_outbox SET status = 'delivered' WHERE status = 'pending'`
}).pipe(Effect.orDie)
