// A property over random deliveries, on SQLite and PostgreSQL: the court's
// changes in any order, pulled in pages of any size with an inclusive cursor
// or not, some also pushed by webhook (repeated, batched) between pulls, a
// crash before some commits. Whatever happens: every change is applied once
// — none lost, none twice — and each order ends at its latest decision.
import { TestDatabase } from "@bashke/persistence/testing"
import type { PluginHost } from "@bashke/plugin-sdk"
import { TestHost } from "@bashke/plugin-sdk/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck, type Layer, Logger, LogLevel } from "effect"
import plugin from "../src/index"
import { change } from "./support/Changes"
import * as FakeCourt from "./support/FakeCourt"

let court: FakeCourt.FakeCourt

beforeAll(async () => {
  court = await FakeCourt.start()
})

afterAll(() => court.close())

const databases = await TestDatabase.testDatabases({ migrations: TestHost.migrations })

const statuses = ["extended", "breached", "extended", "expired"] as const

/** Changes to two orders: each opens with "issued", then later decisions, a day apart. */
const feed = (lengths: readonly [number, number]) =>
  lengths.flatMap((length, order) =>
    Array.from({ length }, (_, n) =>
      change(`CHG-${order}-${n}`, {
        orderReference: `C-${order + 1}/2026`,
        status: n === 0 ? "issued" : statuses[(n - 1) % statuses.length],
        decidedAt: new Date(Date.UTC(2026, 2, 1 + n, 9)).toISOString(),
      }),
    ),
  )

const Step = FastCheck.oneof(
  FastCheck.record({ _tag: FastCheck.constant("pull" as const), crash: FastCheck.boolean() }),
  FastCheck.record({
    _tag: FastCheck.constant("push" as const),
    picks: FastCheck.array(FastCheck.nat(50), { minLength: 1, maxLength: 4 }),
  }),
)

const Scenario = FastCheck.record({
  lengths: FastCheck.tuple(FastCheck.integer({ min: 1, max: 5 }), FastCheck.integer({ min: 0, max: 4 })),
  seed: FastCheck.array(FastCheck.nat(1000), { minLength: 9, maxLength: 9 }),
  pageSize: FastCheck.integer({ min: 1, max: 4 }),
  inclusive: FastCheck.boolean(),
  steps: FastCheck.array(Step, { maxLength: 6 }),
})

type Scenario = typeof Scenario extends FastCheck.Arbitrary<infer A> ? A : never

const run = (scenario: Scenario, services: Layer.Layer<PluginHost.Requirements>) =>
  Effect.gen(function* () {
    const changes = feed(scenario.lengths)
    // A shuffle driven by the scenario: the court's order is not the decisions' order.
    const order = changes.map((value, index) => ({ value, key: scenario.seed[index % scenario.seed.length] ?? 0 }))
    court.changes = order.sort((a, b) => a.key - b.key).map((entry) => entry.value)
    court.pageSize = scenario.pageSize
    court.inclusive = scenario.inclusive
    court.mode = "ok"
    let crash = false
    const test = yield* TestHost.make(plugin, {
      config: { baseUrl: court.baseUrl, apiKey: FakeCourt.apiKey },
      probe: { beforeCommit: () => (crash ? Effect.dieMessage("the process died") : Effect.void) },
    })
    for (const step of scenario.steps) {
      if (step._tag === "pull") {
        crash = step.crash
        yield* test.pullAndProcess()
        crash = false
      } else {
        const pushed = step.picks.map((pick) => changes[pick % changes.length])
        const answer = yield* test.webhook("POST", "/orders/changes", { changes: pushed })
        if (answer.status !== 202) return yield* Effect.dieMessage(`webhook answered ${answer.status}`)
        yield* test.process
      }
    }
    // Then the court is read to the end.
    for (let round = 0; round < 50; round++) {
      const { pull } = yield* test.pullAndProcess()
      if (pull._tag === "Pulled" && !pull.more) break
    }
    const calls = new Map<string, number>()
    for (const entry of test.recorded.orderUpdates)
      calls.set(entry.update.recordId, (calls.get(entry.update.recordId) ?? 0) + 1)
    const latest = new Map<string, string>()
    for (const value of [...changes].sort((a, b) => String(a.decidedAt).localeCompare(String(b.decidedAt))))
      latest.set(String(value.orderReference), String(value.status))
    return {
      everyChangeOnce:
        changes.every((value) => calls.get(String(value.changeId)) === 1) && calls.size === changes.length,
      finalStatuses: [...latest].every(([reference, status]) => test.recorded.orders.get(reference)?.status === status),
      deadLetters: (yield* test.deadLetters).length,
    }
  }).pipe(
    Effect.scoped,
    Effect.provide(services),
    // The crashes are meant: their warnings are noise here.
    Logger.withMinimumLogLevel(LogLevel.Error),
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`any delivery order (${db.name})`, () => {
    it("applies every change once and leaves each order at its latest decision", async () => {
      await FastCheck.assert(
        FastCheck.asyncProperty(Scenario, async (scenario) => {
          const outcome = await Effect.runPromise(run(scenario, TestHost.servicesOver(db.layer)))
          expect(outcome).toEqual({ everyChangeOnce: true, finalStatuses: true, deadLetters: 0 })
        }),
        { numRuns: db.name === "sqlite" ? 30 : 12 },
      )
    })
  })
}
