// Outbox subscriptions, on SQLite and PostgreSQL: each subscription gets the
// committed events of its topics at least once, retried with exponential
// backoff, dead after the retry policy's attempts (at once on a permanent
// failure), listed for administrators and replayed on request; a plugin's
// failures never hold another plugin's deliveries back.
import { Id } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, TestClock } from "effect"
import { PluginHost } from "../src/index"
import { TestHost } from "../src/testing"
import { databases, services, start } from "./support/Databases"
import { receiver, subscriber } from "./support/Plugins"

const retry = { maxAttempts: 3, initialDelay: Duration.seconds(10), factor: 2, maxDelay: Duration.minutes(5) }

for (const db of databases) {
  describe.skipIf(db.skip)(`events on ${db.name}`, () => {
    it.scoped("delivers the subscribed topics once each, in order", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const target = receiver()
        const test = yield* TestHost.make(subscriber(target))
        yield* test.deliver({ topic: "referral.referral.sent", payload: { referralId: "r1" } })
        yield* test.deliver({ topic: "meeting.meeting.scheduled", payload: {} })
        yield* test.deliver({ topic: "case.case.opened", payload: { caseId: "c1" } })
        const again = yield* test.deliverPending
        expect(again.succeeded).toBe(0)
        expect(target.received.map((event) => event.topic)).toEqual(["referral.referral.sent", "case.case.opened"])
        expect(target.received.every((event) => event.attempts === 0)).toBe(true)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("retries with exponential backoff, then dead-letters, lists and replays", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const target = receiver()
        target.fail = "transient"
        const test = yield* TestHost.make(subscriber(target), { settings: { retry } })
        expect(yield* test.deliver({ topic: "referral.referral.sent", payload: {} })).toMatchObject({ retried: 1 })
        // Not due before the backoff has passed.
        yield* test.advance("9 seconds")
        expect((yield* test.deliverPending).retried).toBe(0)
        yield* test.advance("1 second")
        expect((yield* test.deliverPending).retried).toBe(1)
        // Second retry after 20 s (doubling); the third failure is the last.
        yield* test.advance("19 seconds")
        expect((yield* test.deliverPending).dead).toBe(0)
        yield* test.advance("1 second")
        expect((yield* test.deliverPending).dead).toBe(1)
        expect(target.received.map((event) => event.attempts)).toEqual([0, 1, 2])
        yield* test.advance("1 hour")
        expect((yield* test.deliverPending).retried).toBe(0)

        const letters = yield* test.deadLetters
        expect(letters).toEqual([
          expect.objectContaining({
            _tag: "DeadEvent",
            plugin: "@bashke/plugin-subscriber",
            subscription: "referrals",
            topic: "referral.referral.sent",
            attempts: 3,
            lastError: "upstream.unavailable",
          }),
        ])
        const letter = letters[0]
        if (letter?._tag !== "DeadEvent") throw new Error("expected a dead event")
        target.fail = "no"
        expect(yield* test.replay(letter)).toBe(true)
        expect(yield* test.replay(letter)).toBe(false)
        expect((yield* test.deliverPending).succeeded).toBe(1)
        expect(yield* test.deadLetters).toEqual([])
        expect(target.received.at(-1)?.attempts).toBe(0)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a permanent failure is a dead letter at once", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const target = receiver()
        target.fail = "permanent"
        const test = yield* TestHost.make(subscriber(target), { settings: { retry } })
        expect(yield* test.deliver({ topic: "referral.referral.sent", payload: {} })).toMatchObject({ dead: 1 })
        expect((yield* test.deadLetters)[0]).toMatchObject({ lastError: "event.unsupported", attempts: 1 })
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("events committed before the first start reach only a subscription from the beginning", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        yield* Outbox.append({
          topic: "referral.referral.sent",
          aggregateType: "Referral",
          aggregateId: "r0",
          payload: {},
        })
        yield* TestClock.adjust("2 hours")
        const fromNow = receiver()
        const fromBeginning = receiver()
        const now = yield* TestHost.make(subscriber(fromNow, "@bashke/plugin-now"))
        const beginning = yield* TestHost.make(subscriber(fromBeginning, "@bashke/plugin-beginning", "beginning"))
        yield* now.deliverPending
        yield* beginning.deliverPending
        expect(fromNow.received).toEqual([])
        expect(fromBeginning.received).toHaveLength(1)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("each plugin has its own deliveries: one failing does not hold back another", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const failing = receiver()
        failing.fail = "transient"
        const healthy = receiver()
        const host = yield* PluginHost.make({
          plugins: [subscriber(failing, "@bashke/plugin-failing"), subscriber(healthy, "@bashke/plugin-healthy")],
          config: {
            plugins: [
              { package: "@bashke/plugin-failing", grant: ["events:subscribe"], retry },
              { package: "@bashke/plugin-healthy", grant: ["events:subscribe"] },
            ],
          },
        })
        for (const n of [1, 2, 3])
          yield* Outbox.append({
            topic: "referral.referral.sent",
            aggregateType: "Referral",
            aggregateId: `r${n}`,
            payload: {},
          })
        expect((yield* host.deliverEvents("failing")).retried).toBe(3)
        expect((yield* host.deliverEvents("healthy")).succeeded).toBe(3)
        expect(healthy.received).toHaveLength(3)
        const statuses = yield* host.status
        expect(statuses.map((status) => [status.id, status.pendingDeliveries])).toEqual([
          ["failing", 3],
          ["healthy", 0],
        ])
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("an event is not skipped when a slow transaction commits it after later events", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const target = receiver()
        const test = yield* TestHost.make(subscriber(target), { host: { settle: Duration.seconds(30) } })
        // An id made now, committed (appended) 20 s later, after a newer event was delivered.
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const early = yield* Id.next
        yield* test.advance("10 seconds")
        yield* test.deliver({ topic: "referral.referral.sent", payload: { n: "later" } })
        yield* test.advance("10 seconds")
        const at = new Date(start).toISOString()
        yield* sql`INSERT INTO bashke_outbox
          (id, topic, aggregate_type, aggregate_id, payload, occurred_at, status, attempts, next_attempt_at)
          VALUES (${early}, 'referral.referral.sent', 'Referral', 'slow', '{"n":"early"}', ${at}, 'pending', 0, ${at})`
        yield* test.deliverPending
        expect(target.received).toHaveLength(2)
        expect(new Set(target.received.map((event) => event.id)).size).toBe(2)
      }).pipe(Effect.provide(services(db))),
    )
  })
}
