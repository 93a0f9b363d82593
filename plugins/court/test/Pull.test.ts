// The pull against a fake court on 127.0.0.1, in the SDK's test kit (the real
// host over a fresh SQLite file, fake capability services, Effect's TestClock):
// slow, down, 500, malformed pages and changes, repeats, out-of-order updates,
// a crash around the commit.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import plugin from "../src/index"
import { change, start } from "./support/Changes"
import { deadRecords } from "./support/DeadRecords"
import * as FakeCourt from "./support/FakeCourt"

let court: FakeCourt.FakeCourt

beforeAll(async () => {
  court = await FakeCourt.start()
})

afterAll(() => court.close())

beforeEach(() => {
  court.changes = []
  court.pageSize = 2
  court.mode = "ok"
  court.inclusive = false
  court.keyHeader = "x-api-key"
  court.calls.length = 0
})

/**
 * A generous deadline for calls that get an answer (a loaded machine must not
 * turn one into `upstream.timeout`); the short one only where the fake court
 * never finishes its answer, so it is safe at any speed.
 */
const answerDeadline = 30_000
const silenceDeadline = 100

const config = (timeoutMillis = answerDeadline) => ({ baseUrl: court.baseUrl, apiKey: FakeCourt.apiKey, timeoutMillis })

const setup = (options: TestHost.Options = {}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(start)
    return yield* TestHost.make(plugin, { config: config(), ...options })
  })

/** Pulls and processes until the court has nothing more. */
const drain = (test: TestHost.TestHost) =>
  Effect.gen(function* () {
    for (let round = 0; round < 20; round++) {
      const { pull } = yield* test.pullAndProcess()
      if (pull._tag !== "Pulled" || !pull.more) return pull
    }
    return yield* Effect.dieMessage("the court never finished")
  })

/** How many times each change was applied (outcome `applied`). */
const appliedCounts = (test: TestHost.TestHost): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const entry of test.recorded.orderUpdates)
    if (entry.result.outcome === "applied") counts[entry.update.recordId] = (counts[entry.update.recordId] ?? 0) + 1
  return counts
}

describe("pulling order changes", () => {
  it.scoped("pulls page by page with the API key and applies every change once", () =>
    Effect.gen(function* () {
      court.changes = [
        change("CHG-1"),
        change("CHG-2", { orderReference: "C-2000/2026", status: "rejected" }),
        change("CHG-3", { status: "extended", decidedAt: "2026-04-01T10:00:00Z", hearingAt: "2026-04-20T09:00:00Z" }),
      ]
      const test = yield* setup()
      const last = yield* drain(test)
      expect(last).toMatchObject({ _tag: "Pulled" })
      expect(yield* test.cursor()).toEqual(Option.some("3"))
      expect(court.calls.map((call) => call.since)).toEqual([null, "2"])
      expect(court.calls.every((call) => call.key === FakeCourt.apiKey)).toBe(true)
      expect(appliedCounts(test)).toEqual({ "CHG-1": 1, "CHG-2": 1, "CHG-3": 1 })
      const extended = test.recorded.orderUpdates[2]?.update
      expect(extended).toEqual({
        source: "court",
        recordId: "CHG-3",
        orderReference: "C-1234/2026",
        caseId: "01JC0000000000000000000001",
        status: "extended",
        at: new Date("2026-04-01T10:00:00Z"),
        kind: "protection-order",
        expiresAt: new Date("2026-08-31T22:00:00Z"),
        hearingAt: new Date("2026-04-20T09:00:00Z"),
      })
      expect(test.recorded.orders.get("C-1234/2026")?.status).toBe("extended")
      expect(test.recorded.orders.get("C-2000/2026")?.status).toBe("rejected")
      // Nothing new: the cursor stays, nothing is applied again.
      const again = yield* test.pullAndProcess()
      expect(again.pull).toMatchObject({ _tag: "Pulled", inserted: 0 })
      expect(test.recorded.orderUpdates).toHaveLength(3)
      expect(yield* test.deadLetters).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an older 'issued' after 'extended' leaves the order extended", () =>
    Effect.gen(function* () {
      court.changes = [
        change("CHG-20", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }),
        change("CHG-10", { status: "issued", decidedAt: "2026-03-01T09:30:00Z" }),
      ]
      const test = yield* setup()
      yield* drain(test)
      expect(test.recorded.orderUpdates.map((entry) => [entry.update.recordId, entry.result.outcome])).toEqual([
        ["CHG-20", "applied"],
        ["CHG-10", "stale"],
      ])
      expect(test.recorded.orders.get("C-1234/2026")).toEqual({
        status: "extended",
        at: new Date("2026-04-01T10:00:00Z"),
      })
      expect(yield* test.deadLetters).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("repeated changes (an inclusive cursor, a repeated page) are applied once", () =>
    Effect.gen(function* () {
      court.inclusive = true
      court.changes = [
        change("CHG-1"),
        change("CHG-2", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }),
        change("CHG-2", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }),
        change("CHG-3", { status: "breached", decidedAt: "2026-05-01T10:00:00Z" }),
        change("CHG-4", { status: "expired", decidedAt: "2026-09-01T00:00:00Z" }),
      ]
      const test = yield* setup()
      yield* drain(test)
      expect(appliedCounts(test)).toEqual({ "CHG-1": 1, "CHG-2": 1, "CHG-3": 1, "CHG-4": 1 })
      expect(test.recorded.orderUpdates).toHaveLength(4)
      expect((yield* test.inbox).map((row) => row.recordId)).toEqual(["CHG-1", "CHG-2", "CHG-3", "CHG-4"])
      expect(test.recorded.orders.get("C-1234/2026")?.status).toBe("expired")
    }).pipe(Effect.provide(TestHost.database)),
  )

  const failures = [
    ["answers 500", "error500", "upstream.status-500"],
    ["is slow", "slow", "upstream.timeout"],
    ["answers with something not JSON", "not-json", "upstream.malformed"],
    ["answers JSON that is not a page", "not-a-page", "upstream.malformed"],
  ] as const
  for (const [what, mode, code] of failures) {
    it.scoped(`a court that ${what} fails the pull (${code}), keeps the cursor, and the next pull resumes`, () =>
      Effect.gen(function* () {
        court.changes = [change("CHG-1"), change("CHG-2", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" })]
        const test = yield* setup()
        // The same plugin over the same database, with the short deadline where the court never answers.
        const failing = mode === "slow" ? yield* TestHost.make(plugin, { config: config(silenceDeadline) }) : test
        court.mode = mode
        const failed = yield* failing.pullAndProcess()
        expect(failed.pull).toEqual({ _tag: "Failed", code, permanent: false })
        expect(yield* test.cursor()).toEqual(Option.none())
        expect(yield* test.inbox).toEqual([])
        court.mode = "ok"
        yield* drain(test)
        expect(appliedCounts(test)).toEqual({ "CHG-1": 1, "CHG-2": 1 })
        expect(yield* test.cursor()).toEqual(Option.some("2"))
      }).pipe(Effect.provide(TestHost.database)),
    )
  }

  it.scoped("a court that is down fails the pull as unreachable", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const baseUrl = yield* Effect.promise(() => FakeCourt.downUrl())
      const test = yield* TestHost.make(plugin, { config: { baseUrl, apiKey: FakeCourt.apiKey } })
      expect(yield* test.pull()).toEqual({ _tag: "Failed", code: "upstream.unreachable", permanent: false })
      expect(yield* test.cursor()).toEqual(Option.none())
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a wrong API key is the court's 401, retried later", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(plugin, { config: { ...config(), apiKey: "wrong" } })
      expect(yield* test.pull()).toEqual({ _tag: "Failed", code: "upstream.status-401", permanent: false })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("the API key goes in the configured header", () =>
    Effect.gen(function* () {
      court.keyHeader = "x-court-key"
      court.changes = [change("CHG-1")]
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(plugin, { config: { ...config(), apiKeyHeader: "X-Court-Key" } })
      expect(yield* test.pull()).toMatchObject({ _tag: "Pulled", inserted: 1 })
      expect(court.calls).toEqual([{ since: null, key: FakeCourt.apiKey }])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a malformed change is a dead letter naming the field, and holds back no other", () =>
    Effect.gen(function* () {
      court.pageSize = 10
      court.changes = [
        change("CHG-1"),
        change("CHG-2", { decidedAt: "2026-04-01" }),
        change("CHG-3", { status: "annulled" }),
        { ...change("ignored"), changeId: undefined },
        change("CHG-5", { orderReference: "C 12 / Ana Krasniqi" }),
        change("CHG-6", { status: "extended", decidedAt: "2026-04-01T10:00:00Z" }),
      ]
      const test = yield* setup()
      const { process } = yield* test.pullAndProcess()
      expect(process).toEqual({ succeeded: 2, retried: 0, dead: 4, refused: false })
      const dead = yield* deadRecords(test)
      const codes = Object.fromEntries(dead)
      expect(codes["CHG-2"]).toBe("change.malformed:decided-at")
      expect(codes["CHG-3"]).toBe("change.malformed:status")
      expect(codes["CHG-5"]).toBe("change.malformed:order-reference")
      const unidentified = Object.keys(codes).find((id) => id.startsWith("unidentified:"))
      expect(unidentified).toMatch(/^unidentified:[0-9a-f]{32}$/)
      expect(codes[unidentified as string]).toBe("change.malformed:change-id")
      // Codes only: nothing of the record's values.
      expect(JSON.stringify(dead)).not.toContain("Krasniqi")
      expect(appliedCounts(test)).toEqual({ "CHG-1": 1, "CHG-6": 1 })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a crash before the commit re-pulls from the old cursor: nothing lost, nothing applied twice", () =>
    Effect.gen(function* () {
      court.changes = [1, 2, 3, 4, 5].map((n) =>
        change(`CHG-${n}`, { decidedAt: `2026-03-0${n}T09:00:00Z`, status: n === 1 ? "issued" : "extended" }),
      )
      let crash = false
      const test = yield* setup({
        probe: { beforeCommit: () => (crash ? Effect.dieMessage("the process died") : Effect.void) },
      })
      yield* test.pullAndProcess()
      expect(yield* test.cursor()).toEqual(Option.some("2"))
      crash = true
      const crashed = yield* test.pullAndProcess()
      expect(crashed.pull).toMatchObject({ _tag: "Failed", code: "store.failed" })
      expect(yield* test.cursor()).toEqual(Option.some("2"))
      crash = false
      yield* drain(test)
      expect(court.calls.map((call) => call.since)).toEqual([null, "2", "2", "4"])
      expect(appliedCounts(test)).toEqual({ "CHG-1": 1, "CHG-2": 1, "CHG-3": 1, "CHG-4": 1, "CHG-5": 1 })
      expect(test.recorded.orders.get("C-1234/2026")?.at).toEqual(new Date("2026-03-05T09:00:00Z"))
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped(
    "after a crash past the commit a restarted host resumes from the saved cursor and processes the inbox",
    () =>
      Effect.gen(function* () {
        court.changes = [1, 2, 3, 4].map((n) =>
          change(`CHG-${n}`, { decidedAt: `2026-03-0${n}T09:00:00Z`, status: n === 1 ? "issued" : "extended" }),
        )
        let crash = true
        const first = yield* setup({
          probe: { afterCommit: () => (crash ? Effect.dieMessage("the process died") : Effect.void) },
        })
        expect((yield* first.pull())._tag).toBe("Failed")
        crash = false
        // The process died: a new host over the same database takes over.
        const second = yield* TestHost.make(plugin, { config: config() })
        expect(yield* second.cursor()).toEqual(Option.some("2"))
        yield* drain(second)
        expect(court.calls.map((call) => call.since)).toEqual([null, "2"])
        expect(first.recorded.orderUpdates).toEqual([])
        expect(appliedCounts(second)).toEqual({ "CHG-1": 1, "CHG-2": 1, "CHG-3": 1, "CHG-4": 1 })
      }).pipe(Effect.provide(TestHost.database)),
  )
})
