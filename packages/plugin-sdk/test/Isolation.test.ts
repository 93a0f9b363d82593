// Isolation: every hook call has its time limit (TestClock moves time), a
// circuit breaker per hook (closed → open after K consecutive failures →
// half-open after the cool-down), an empty Effect context, and `health`
// reports each plugin ok or degraded without ever failing.
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Duration, Effect, Fiber, Option, Schema, TestClock } from "effect"
import { definePlugin, Hooks } from "../src/index"
import { TestHost } from "../src/testing"
import { start } from "./support/Databases"
import { importer, receiver, subscriber, upstream } from "./support/Plugins"

const config = { baseUrl: "http://127.0.0.1:4000" }

// Waits until a hook has started to hang, then lets the fibers that race it
// (its timer, a watchdog) start waiting, so moving the clock reaches them.
const waitFor = (hung: Deferred.Deferred<void>) =>
  Effect.gen(function* () {
    yield* Deferred.await(hung)
    for (let i = 0; i < 10; i++) yield* Effect.yieldNow()
  })

describe("time limits", () => {
  it.scoped("a pull that never answers fails with `timeout` at its limit, and holds the host no longer", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const source = upstream(5)
      source.hang = true
      source.hung = yield* Deferred.make<void>()
      const test = yield* TestHost.make(importer(source), {
        config,
        settings: { timeouts: { pull: Duration.seconds(5) } },
      })
      const fiber = yield* Effect.fork(test.pull())
      yield* waitFor(source.hung)
      yield* TestClock.adjust("4999 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.join(fiber)).toEqual({ _tag: "Failed", code: "timeout", permanent: false })
      expect(yield* test.cursor()).toEqual(Option.none())
      const status = yield* test.status
      expect(status.pulls.incidents).toMatchObject({
        lastOutcome: "failed",
        lastError: "timeout",
        consecutiveFailures: 1,
      })
      expect(status.reasons).toEqual(["pull-failing:incidents"])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an event handler past its limit is retried later", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const target = receiver()
      target.fail = "hang"
      target.hung = yield* Deferred.make<void>()
      const test = yield* TestHost.make(subscriber(target))
      const fiber = yield* Effect.fork(test.deliver({ topic: "referral.referral.sent", payload: {} }))
      yield* waitFor(target.hung)
      yield* TestClock.adjust("10 seconds")
      expect(yield* Fiber.join(fiber)).toMatchObject({ retried: 1 })
      expect((yield* test.deadLetters).length).toBe(0)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a webhook past its limit answers 503", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const hung = yield* Deferred.make<void>()
      const hanging = definePlugin({
        manifest: {
          name: "@bashke/plugin-slow",
          version: "0.1.0",
          hostApi: "^0.1.0",
          config: Schema.Struct({}),
          capabilities: ["routes:webhook"],
        },
        setup: () => ({
          webhooks: [
            {
              method: "POST",
              path: "/",
              handle: () => Effect.zipRight(Deferred.succeed(hung, undefined), Effect.never),
            },
          ],
        }),
      })
      const test = yield* TestHost.make(hanging)
      const fiber = yield* Effect.fork(test.webhook("POST", "/", {}))
      yield* waitFor(hung)
      yield* TestClock.adjust("5 seconds")
      expect(yield* Fiber.join(fiber)).toMatchObject({
        status: 503,
        body: { rule: "plugin.webhook.failed", code: "timeout" },
      })
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("time limits on processing", () => {
  it.scoped("a record whose processing never ends times out at its limit; the others are applied", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const applied: Array<string> = []
      const started = yield* Deferred.make<void>()
      const stuck = definePlugin({
        manifest: {
          name: "@bashke/plugin-stuck",
          version: "0.1.0",
          hostApi: "^0.1.0",
          config: Schema.Struct({}),
          capabilities: ["routes:webhook"],
        },
        setup: () => ({
          webhooks: [
            {
              method: "POST",
              path: "/",
              handle: (request) =>
                Effect.succeed({
                  status: 202,
                  records: (request.json() as Array<string>).map((id) => ({ recordId: id, payload: id })),
                }),
            },
          ],
          process: (record) =>
            record.payload === "stuck"
              ? Effect.zipRight(Deferred.succeed(started, undefined), Effect.never)
              : Effect.sync(() => {
                  applied.push(record.recordId)
                }),
        }),
      })
      const test = yield* TestHost.make(stuck, { settings: { timeouts: { process: Duration.seconds(5) } } })
      yield* test.webhook("POST", "/", ["a", "stuck", "b", "c"])
      const fiber = yield* Effect.fork(test.process)
      yield* waitFor(started)
      yield* TestClock.adjust("4999 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      expect(applied).toEqual(["a"])
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.join(fiber)).toEqual({ succeeded: 3, retried: 1, dead: 0, refused: false })
      expect(applied).toEqual(["a", "b", "c"])
      expect((yield* test.inbox).map((row) => [row.recordId, row.status, row.lastError])).toEqual([
        ["a", "processed", null],
        ["stuck", "pending", "timeout"],
        ["b", "processed", null],
        ["c", "processed", null],
      ])
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("circuit breaker in the host", () => {
  it.scoped("opens after K failures, refuses without calling, tries again after the cool-down", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const source = upstream(5)
      source.failures = 100
      const test = yield* TestHost.make(importer(source), {
        config,
        settings: { breaker: { threshold: 3, coolDown: Duration.seconds(30) } },
      })
      for (let i = 0; i < 3; i++) expect((yield* test.pull())._tag).toBe("Failed")
      expect(yield* test.pull()).toEqual({ _tag: "Refused" })
      expect(source.calls).toHaveLength(3)
      expect((yield* test.status).breakers).toEqual({ "pull:incidents": "open" })
      expect(yield* test.host.health).toEqual({ "plugin:importer": "degraded" })

      yield* test.advance("30 seconds")
      expect((yield* test.status).breakers).toEqual({ "pull:incidents": "half-open" })
      expect((yield* test.pull())._tag).toBe("Failed")
      expect(yield* test.pull()).toEqual({ _tag: "Refused" })
      expect(source.calls).toHaveLength(4)

      yield* test.advance("30 seconds")
      source.failures = 0
      expect((yield* test.pull())._tag).toBe("Pulled")
      expect((yield* test.status).breakers).toEqual({ "pull:incidents": "closed" })
      expect(yield* test.host.health).toEqual({ "plugin:importer": "ok" })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an open breaker on webhooks answers 503 with Retry-After", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const failing = definePlugin({
        manifest: {
          name: "@bashke/plugin-failing-hook",
          version: "0.1.0",
          hostApi: "^0.1.0",
          config: Schema.Struct({}),
          capabilities: ["routes:webhook"],
        },
        setup: () => ({ webhooks: [{ method: "POST", path: "/", handle: () => Effect.dieMessage("bug") }] }),
      })
      const test = yield* TestHost.make(failing, {
        settings: { breaker: { threshold: 2, coolDown: Duration.seconds(20) } },
      })
      expect((yield* test.webhook("POST", "/", {})).body).toMatchObject({ status: 503, code: "defect" })
      yield* test.webhook("POST", "/", {})
      const refused = yield* test.webhook("POST", "/", {})
      expect(refused.status).toBe(503)
      expect(refused.body).toMatchObject({ rule: "plugin.unavailable" })
      expect(refused.headers.get("retry-after")).toBe("20")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an open breaker stops the inbox pass and leaves the rest due", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(importer(upstream(6)), {
        config,
        settings: { breaker: { threshold: 2, coolDown: Duration.seconds(30) } },
        answers: { beforeIncident: () => Effect.dieMessage("the case store is down") },
      })
      yield* test.pull()
      expect(yield* test.process).toEqual({ succeeded: 0, retried: 2, dead: 0, refused: true })
      const rows = yield* test.inbox
      expect(rows.map((row) => row.attempts)).toEqual([1, 1, 0, 0, 0, 0])
      expect(rows.every((row) => row.status === "pending")).toBe(true)
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("health", () => {
  it.scoped("dead letters piling up make a plugin degraded", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const target = receiver()
      target.fail = "permanent"
      const test = yield* TestHost.make(subscriber(target), { host: { deadLetterThreshold: 2 } })
      yield* test.deliver({ topic: "referral.referral.sent", payload: {} })
      expect(yield* test.host.health).toEqual({ "plugin:subscriber": "ok" })
      yield* test.deliver({ topic: "referral.referral.sent", payload: {} })
      expect(yield* test.host.health).toEqual({ "plugin:subscriber": "degraded" })
      expect((yield* test.status).reasons).toEqual(["dead-letters"])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("never fails: without its tables every plugin shows degraded", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(subscriber(receiver()))
      const sql = yield* SqlClient.SqlClient
      yield* sql`DROP TABLE plugin_deliveries`
      expect(yield* test.host.health).toEqual({ "plugin:subscriber": "degraded" })
      expect((yield* test.status).reasons).toEqual(["store-unavailable"])
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("an empty Effect context", () => {
  it.scoped("setup and hooks cannot reach the host's services", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const seen: Array<string> = []
      const sneaky = definePlugin({
        manifest: {
          name: "@bashke/plugin-sneaky",
          version: "0.1.0",
          hostApi: "^0.1.0",
          config: Schema.Struct({}),
          capabilities: ["schedule:pull"],
        },
        setup: () =>
          Effect.gen(function* () {
            seen.push(`setup:${Option.isSome(yield* Effect.serviceOption(SqlClient.SqlClient))}`)
            return {
              pulls: [
                Hooks.pull({
                  name: "probe",
                  every: "1 minute",
                  run: () =>
                    Effect.gen(function* () {
                      seen.push(`pull:${Option.isSome(yield* Effect.serviceOption(SqlClient.SqlClient))}`)
                      return { records: [], cursor: undefined }
                    }),
                }),
              ],
            }
          }),
      })
      const test = yield* TestHost.make(sneaky)
      yield* test.pull()
      expect(seen).toEqual(["setup:false", "pull:false"])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
