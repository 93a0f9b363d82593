// The inbox's batch path (ADR 0028), on SQLite and PostgreSQL: a plugin with
// `processBatch` has a pass's page handed to it at once, in arrival order,
// and the page marked processed with it; a page that fails is handed record
// by record to `process` instead, so only the bad record fails. A plugin
// with `processBatch` but no `process` to fall back to does not start.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, TestClock } from "effect"
import type * as HookTypes from "../src/Hooks"
import { TestHost } from "../src/testing"
import { databases, services, start } from "./support/Databases"
import { importer, record, upstream } from "./support/Plugins"

const config = { baseUrl: "http://127.0.0.1:4000" }

/** The importer with a `processBatch` that applies each record through its `process`, counting pages. */
const batching = (source: ReturnType<typeof upstream>, pages: Array<ReadonlyArray<string>>) => {
  const plugin = importer(source)
  type Hooks = Exclude<ReturnType<typeof plugin.setup>, Effect.Effect<unknown, unknown, unknown>>
  return {
    ...plugin,
    setup: (context) => {
      const hooks = plugin.setup(context) as Hooks
      const process = hooks.process as HookTypes.Process
      return {
        ...hooks,
        processBatch: (records) =>
          Effect.suspend(() => {
            pages.push(records.map((each) => each.recordId))
            return Effect.forEach(records, process, { discard: true })
          }),
      }
    },
  } satisfies typeof plugin
}

for (const db of databases) {
  describe.skipIf(db.skip)(`inbox batches on ${db.name}`, () => {
    it.scoped("a page goes to processBatch at once, in arrival order, and is marked processed", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const pages: Array<ReadonlyArray<string>> = []
        const test = yield* TestHost.make(batching(upstream(5), pages), { config })
        yield* test.pull()
        expect(yield* test.process).toEqual({ succeeded: 5, retried: 0, dead: 0, refused: false })
        expect(pages).toEqual([[0, 1, 2, 3, 4].map((i) => record(i).id)])
        expect(test.recorded.incidents).toHaveLength(5)
        expect((yield* test.inbox).map((row) => row.status)).toEqual(Array(5).fill("processed"))
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a page that fails goes record by record: the good records applied, the bad one dead", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const pages: Array<ReadonlyArray<string>> = []
        const source = upstream(0)
        source.records = [record(1), { id: "PK-BAD-1" } as never, record(2)]
        const test = yield* TestHost.make(batching(source, pages), { config })
        yield* test.pull()
        expect(yield* test.process).toEqual({ succeeded: 2, retried: 0, dead: 1, refused: false })
        expect(pages).toHaveLength(1)
        expect((yield* test.inbox).map((row) => row.status)).toEqual(["processed", "dead", "processed"])
        // The first record was applied by the failed page and again record by record: the fakes keep both,
        // the real capabilities' writes of the page are rolled back with it (the gateway's tests count them).
        expect(yield* test.process).toEqual({ succeeded: 0, retried: 0, dead: 0, refused: false })
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("processBatch without process is refused at start", () =>
      Effect.gen(function* () {
        const plugin = importer(upstream(1))
        const lone: typeof plugin = {
          ...plugin,
          setup: (context) => {
            const { process: _, ...hooks } = plugin.setup(context) as Exclude<
              ReturnType<typeof plugin.setup>,
              Effect.Effect<unknown, unknown, unknown>
            >
            return { ...hooks, processBatch: () => Effect.void }
          },
        }
        const exit = yield* Effect.exit(TestHost.make(lone, { config }))
        expect(Exit.isFailure(exit)).toBe(true)
        expect(String(Exit.isFailure(exit) ? exit.cause : "")).toContain("processBatch needs process")
      }).pipe(Effect.provide(services(db))),
    )
  })
}
