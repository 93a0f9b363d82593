// The signed webhook: one change, a batch or a list; the host's signature
// check (wrong secret, tampered body, stale timestamp, none); a change that
// comes both by webhook and by pull applied once.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import plugin from "../src/index"
import { change, start } from "./support/Changes"
import { deadRecords } from "./support/DeadRecords"
import * as FakeCourt from "./support/FakeCourt"

let court: FakeCourt.FakeCourt

beforeAll(async () => {
  court = await FakeCourt.start()
})

afterAll(() => court.close())

const setup = (options: TestHost.Options = {}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(start)
    return yield* TestHost.make(plugin, {
      config: { baseUrl: court.baseUrl, apiKey: FakeCourt.apiKey, timeoutMillis: 30_000 },
      ...options,
    })
  })

const path = "/orders/changes"

describe("the order-changes webhook", () => {
  it.scoped("accepts one change, a batch or a list, stores them and applies each once", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      const one = yield* test.webhook("POST", path, change("CHG-1"))
      expect(one).toMatchObject({ status: 202, body: { accepted: 1 } })
      const batch = yield* test.webhook("POST", path, {
        changes: [change("CHG-2", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }), change("CHG-1")],
      })
      expect(batch).toMatchObject({ status: 202, body: { accepted: 2 } })
      const list = yield* test.webhook("POST", path, [
        change("CHG-3", { status: "breached", decidedAt: "2026-05-01T10:00:00Z" }),
      ])
      expect(list).toMatchObject({ status: 202, body: { accepted: 1 } })
      expect((yield* test.inbox).map((row) => [row.source, row.recordId])).toEqual([
        ["court", "CHG-1"],
        ["court", "CHG-2"],
        ["court", "CHG-3"],
      ])
      yield* test.process
      expect(test.recorded.orderUpdates.map((entry) => [entry.update.recordId, entry.result.outcome])).toEqual([
        ["CHG-1", "applied"],
        ["CHG-2", "applied"],
        ["CHG-3", "applied"],
      ])
      expect(test.recorded.orders.get("C-1234/2026")?.status).toBe("breached")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a change pushed and then pulled is one record, applied once", () =>
    Effect.gen(function* () {
      court.changes = [change("CHG-1"), change("CHG-2", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" })]
      const test = yield* setup()
      yield* test.webhook("POST", path, court.changes[1])
      yield* test.process
      const { pull } = yield* test.pullAndProcess()
      expect(pull).toMatchObject({ _tag: "Pulled", inserted: 1, duplicates: 1 })
      expect(test.recorded.orderUpdates.map((entry) => [entry.update.recordId, entry.result.outcome])).toEqual([
        ["CHG-2", "applied"],
        // Pushed first, the older issue arrives late: it must not undo the extension.
        ["CHG-1", "stale"],
      ])
      expect(test.recorded.orders.get("C-1234/2026")?.status).toBe("extended")
    }).pipe(Effect.provide(TestHost.database)),
  )

  const refusals = [
    ["the wrong secret", { secret: "not-the-court-secret-0123" }, "plugin.webhook.signature-invalid"],
    ["a tampered body", { signedBody: JSON.stringify(change("CHG-1")) }, "plugin.webhook.signature-invalid"],
    ["a stale timestamp", { timestampMillis: start - 10 * 60_000 }, "plugin.webhook.signature-stale"],
    ["no signature", { unsigned: true }, "plugin.webhook.signature-missing"],
  ] as const
  for (const [what, options, rule] of refusals) {
    it.scoped(`a call with ${what} is refused with 401 and stores nothing`, () =>
      Effect.gen(function* () {
        const test = yield* setup()
        const tampered = change("CHG-1", { status: "expired" })
        const answer = yield* test.webhook("POST", path, tampered, options)
        expect(answer.status).toBe(401)
        expect(answer.body).toMatchObject({ rule })
        expect(yield* test.inbox).toEqual([])
        yield* test.process
        expect(test.recorded.orderUpdates).toEqual([])
      }).pipe(Effect.provide(TestHost.database)),
    )
  }

  it.scoped("a signed body that is not JSON, or carries no change list, is 400 and stores nothing", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      expect(yield* test.webhook("POST", path, undefined, { rawBody: "not json" })).toMatchObject({
        status: 400,
        body: { code: "webhook.body-malformed" },
      })
      expect(yield* test.webhook("POST", path, { changes: "CHG-1" })).toMatchObject({ status: 400 })
      expect(yield* test.webhook("POST", path, "CHG-1")).toMatchObject({ status: 400 })
      expect(yield* test.inbox).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a pushed change that is malformed is a dead letter naming the field", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      yield* test.webhook("POST", path, change("CHG-9", { expiresAt: "soon" }))
      yield* test.process
      expect(yield* deadRecords(test)).toEqual([["CHG-9", "change.malformed:expires-at"]])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
