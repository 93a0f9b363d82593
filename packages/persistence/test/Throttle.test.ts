/**
 * The throttle's rules on every store it runs on — SQLite, PostgreSQL, D1 and
 * memory — with time from `TestClock`; and on PostgreSQL, that two clients of
 * one database (two gateway instances) count together.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import { Context, Duration, Effect, Layer, TestClock } from "effect"
import { persistenceMigrations, Throttle } from "../src/index"
import { testDatabases } from "../src/testing"
import { d1Database } from "./d1"

const sets = [persistenceMigrations]
const stores = [
  ...(await testDatabases({ migrations: sets })).map((db) => ({
    name: db.name,
    skip: db.skip,
    layer: Throttle.layerSql.pipe(Layer.provideMerge(db.layer)) as Layer.Layer<Throttle.Throttle>,
  })),
  { name: "d1", skip: undefined, layer: Throttle.layerSql.pipe(Layer.provide(d1Database({ migrations: sets }).layer)) },
  { name: "memory", skip: undefined, layer: Throttle.layerMemory },
]

const rate: Throttle.Rate = { perMinute: 60, burst: 3 }
const backoff: Throttle.Backoff = {
  free: 2,
  firstDelay: Duration.seconds(1),
  maxDelay: Duration.seconds(8),
  forgetAfter: Duration.minutes(10),
}

const takeMany = (n: number, key = "principal-1") =>
  Effect.flatMap(Throttle.Throttle, (throttle) =>
    Effect.forEach(Array.from({ length: n }), () => throttle.take("rate", key, rate)),
  )

for (const store of stores) {
  describe.skipIf(store.skip)(`${store.name}: throttle`, () => {
    layer(store.layer)((it) => {
      it.effect("a bucket allows its burst, then refuses with the seconds until a token is back, and refills", () =>
        Effect.gen(function* () {
          const first = yield* takeMany(4)
          expect(first.map((verdict) => verdict.allowed)).toEqual([true, true, true, false])
          expect(first[3]?.retryAfter).toBe(1)
          // Another key has its own bucket.
          expect((yield* takeMany(1, "principal-2"))[0]?.allowed).toBe(true)
          yield* TestClock.adjust(Duration.seconds(1))
          expect((yield* takeMany(2)).map((verdict) => verdict.allowed)).toEqual([true, false])
          yield* TestClock.adjust(Duration.minutes(5))
          // Refilled up to the burst, never beyond.
          expect((yield* takeMany(4)).map((verdict) => verdict.allowed)).toEqual([true, true, true, false])
        }),
      )

      it.effect("failures are free up to a count, then each doubles the wait up to the maximum", () =>
        Effect.gen(function* () {
          const throttle = yield* Throttle.Throttle
          const fail = () => throttle.fail("auth", "203.0.113.7", backoff)
          expect((yield* throttle.standing("auth", "203.0.113.7")).allowed).toBe(true)
          expect(yield* fail()).toEqual({ allowed: true, retryAfter: 0 })
          expect(yield* fail()).toEqual({ allowed: true, retryAfter: 0 })
          expect(yield* fail()).toEqual({ allowed: false, retryAfter: 1 })
          expect(yield* throttle.standing("auth", "203.0.113.7")).toEqual({ allowed: false, retryAfter: 1 })
          expect((yield* fail()).retryAfter).toBe(2)
          expect((yield* fail()).retryAfter).toBe(4)
          expect((yield* fail()).retryAfter).toBe(8)
          expect((yield* fail()).retryAfter).toBe(8)
          // Another address is not held back.
          expect((yield* throttle.standing("auth", "198.51.100.1")).allowed).toBe(true)
          yield* TestClock.adjust(Duration.seconds(9))
          expect((yield* throttle.standing("auth", "203.0.113.7")).allowed).toBe(true)
        }),
      )

      it.effect("failures are forgotten after a quiet spell, and forgiven on demand", () =>
        Effect.gen(function* () {
          const throttle = yield* Throttle.Throttle
          for (let i = 0; i < 4; i++) yield* throttle.fail("sign-in", "account-1", backoff)
          expect((yield* throttle.standing("sign-in", "account-1")).allowed).toBe(false)
          yield* TestClock.adjust(Duration.minutes(11))
          expect((yield* throttle.standing("sign-in", "account-1")).allowed).toBe(true)
          // The count started again: the next failure is free.
          expect((yield* throttle.fail("sign-in", "account-1", backoff)).allowed).toBe(true)
          for (let i = 0; i < 3; i++) yield* throttle.fail("sign-in", "account-1", backoff)
          expect((yield* throttle.standing("sign-in", "account-1")).allowed).toBe(false)
          yield* throttle.forgive("sign-in", "account-1")
          expect((yield* throttle.standing("sign-in", "account-1")).allowed).toBe(true)
          expect((yield* throttle.fail("sign-in", "account-1", backoff)).allowed).toBe(true)
        }),
      )

      it.effect("a purge forgets keys untouched for long and not waiting", () =>
        Effect.gen(function* () {
          const throttle = yield* Throttle.Throttle
          yield* throttle.take("purge", "a", rate)
          yield* TestClock.adjust(Duration.hours(2))
          yield* throttle.take("purge", "b", rate)
          expect(yield* throttle.purge(Duration.hours(1))).toBeGreaterThanOrEqual(1)
          expect(yield* throttle.purge(Duration.hours(1))).toBe(0)
        }),
      )
    })
  })
}

const postgres = (await testDatabases({ migrations: sets })).find((db) => db.name === "postgres")

describe.skipIf(postgres === undefined || postgres.skip)("postgres: two throttles over one database", () => {
  // Two services of their own over one schema, as two gateway instances have.
  it.effect(
    "a burst taken at once through both is the burst, not twice it; a backoff set by one holds for the other",
    () =>
      Effect.gen(function* () {
        const database = yield* Layer.build(postgres!.layer)
        const instance = Effect.map(Layer.build(Throttle.layerSql).pipe(Effect.provide(database)), (built) =>
          Context.get(built, Throttle.Throttle),
        )
        const a = yield* instance
        const b = yield* instance
        const verdicts = yield* Effect.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).take("shared", "principal-9", rate)),
          { concurrency: "unbounded" },
        )
        expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(rate.burst)
        for (let i = 0; i < 3; i++) yield* a.fail("auth", "192.0.2.1", backoff)
        expect((yield* b.standing("auth", "192.0.2.1")).allowed).toBe(false)
      }).pipe(Effect.scoped),
  )
})
