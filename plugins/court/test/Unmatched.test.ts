// Changes that match no order or case are never guessed: to the review queue
// when `review-queue:write` is granted (with the update as a proposal, which
// the host applies to the case a person chooses), a dead letter otherwise.
// And what the host refuses at start-up: a missing capability, a bad
// configuration.
import { Errors, Id } from "@bashke/kernel"
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import plugin from "../src/index"
import { caseId, change, start } from "./support/Changes"
import { deadRecords } from "./support/DeadRecords"

const config = { baseUrl: "http://127.0.0.1:9", apiKey: "key" }
const path = "/orders/changes"
const unknownOrder = change("CHG-7", { orderReference: "C-9999/2026", caseId: null })

describe("unmatched changes", () => {
  it.scoped("go to the review queue when it is granted, once, with the change as details and the update proposed", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(plugin, { config })
      yield* test.webhook("POST", path, unknownOrder)
      yield* test.webhook("POST", path, unknownOrder)
      const pass = yield* test.process
      expect(pass).toEqual({ succeeded: 1, retried: 0, dead: 0, refused: false })
      expect(test.recorded.orderUpdates.map((entry) => entry.result.outcome)).toEqual(["unmatched"])
      expect(test.recorded.reviewItems).toEqual([
        {
          plugin: "@bashke/plugin-court",
          item: {
            source: "court",
            recordId: "CHG-7",
            reason: "order.case-unknown",
            details: unknownOrder,
            proposal: {
              _tag: "OrderUpdate",
              update: {
                source: "court",
                recordId: "CHG-7",
                orderReference: "C-9999/2026",
                status: "issued",
                at: new Date("2026-03-01T09:30:00Z"),
                kind: "protection-order",
                expiresAt: new Date("2026-09-01T00:00:00+02:00"),
              },
            },
          },
        },
      ])
      expect(test.recorded.orders.size).toBe(0)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("resolved with a case, the proposed update opens the order there; later changes find it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(plugin, { config })
      yield* test.webhook("POST", path, change("CHG-8", { orderReference: "C-9999/2026", caseId: null }))
      yield* test.process
      const [entry] = test.recorded.reviewItems
      expect(entry?.item.proposal?._tag === "OrderUpdate" && "caseId" in entry.item.proposal.update).toBe(false)

      const attached = yield* test.resolveReview({ source: "court", recordId: "CHG-8" }, Id.CaseId.make(caseId))
      const applied = test.recorded.orderUpdates.at(-1)
      expect(applied?.update).toMatchObject({ recordId: "CHG-8", orderReference: "C-9999/2026", caseId })
      expect(attached).toEqual({ orderId: applied?.result.orderId })
      expect(test.recorded.orders.get("C-9999/2026")?.status).toBe("issued")

      yield* test.webhook(
        "POST",
        path,
        change("CHG-9", {
          orderReference: "C-9999/2026",
          caseId: null,
          status: "extended",
          decidedAt: "2026-04-01T10:00:00Z",
        }),
      )
      expect(yield* test.process).toEqual({ succeeded: 1, retried: 0, dead: 0, refused: false })
      expect(test.recorded.orderUpdates.at(-1)?.result).toEqual({
        orderId: applied?.result.orderId,
        outcome: "applied",
      })
      expect(test.recorded.orders.get("C-9999/2026")?.status).toBe("extended")
      expect(test.recorded.reviewItems).toHaveLength(1)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("are dead letters (order.unmatched) when the review queue is not granted", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(plugin, {
        config,
        grant: ["schedule:pull", "routes:webhook", "protection-orders:sync"],
      })
      yield* test.webhook("POST", path, unknownOrder)
      yield* test.process
      expect(yield* deadRecords(test)).toEqual([["CHG-7", "order.unmatched"]])
      expect(test.recorded.reviewItems).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a change the case package refuses is a dead letter; a conflict is retried, then applied once", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      let refusal: Errors.DomainError | undefined = new Errors.InvalidTransition({
        entity: "ProtectionOrder",
        from: "expired",
        command: "extend",
      })
      const test = yield* TestHost.make(plugin, {
        config,
        answers: {
          beforeOrderUpdate: (update) =>
            refusal !== undefined && update.orderReference === "C-1234/2026" ? Effect.fail(refusal) : Effect.void,
        },
      })
      yield* test.webhook("POST", path, [change("CHG-1"), change("CHG-2", { orderReference: "C-2/2026" })])
      expect(yield* test.process).toEqual({ succeeded: 1, retried: 0, dead: 1, refused: false })
      expect((yield* test.deadLetters).map((letter) => letter.lastError)).toEqual([
        expect.stringMatching(/^domain:invalid-transition/),
      ])
      refusal = new Errors.Conflict({ entity: "ProtectionOrder", id: "C-1234/2026", rule: "version.stale" })
      yield* test.webhook("POST", path, change("CHG-3", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }))
      expect(yield* test.process).toEqual({ succeeded: 0, retried: 1, dead: 0, refused: false })
      refusal = undefined
      yield* test.advance("1 minute")
      expect(yield* test.process).toEqual({ succeeded: 1, retried: 0, dead: 0, refused: false })
      expect(
        test.recorded.orderUpdates.filter((entry) => entry.update.recordId === "CHG-3").map((e) => e.result.outcome),
      ).toEqual(["applied"])
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("start-up", () => {
  it.scoped("a host that does not grant protection-orders:sync refuses to start the plugin", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(TestHost.make(plugin, { config, grant: ["schedule:pull", "routes:webhook"] }))
      expect(error).toMatchObject({ reason: "capability-not-granted" })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a configuration without an API key, or with a bad URL, does not start, naming the field", () =>
    Effect.gen(function* () {
      const noKey = yield* Effect.flip(TestHost.make(plugin, { config: { baseUrl: config.baseUrl } }))
      expect(noKey).toMatchObject({ reason: "config-invalid", field: "apiKey" })
      const badUrl = yield* Effect.flip(TestHost.make(plugin, { config: { ...config, baseUrl: "ftp://court" } }))
      expect(badUrl).toMatchObject({ reason: "config-invalid", field: "baseUrl" })
      expect(JSON.stringify(badUrl)).not.toContain("ftp://court")
    }).pipe(Effect.provide(TestHost.database)),
  )
})
