// Scheduled pulls with a persisted cursor, on SQLite and PostgreSQL: the
// records and the next cursor commit together, so a crash before the commit
// re-pulls from the old cursor and a crash after it resumes from the new one;
// duplicates (overlapping pages, the same record by webhook) are dropped by
// the inbox; payloads are sealed and dropped once processed.
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema, TestClock } from "effect"
import { definePlugin, type Hooks } from "../src/index"
import { TestHost } from "../src/testing"
import { databases, services, start } from "./support/Databases"
import { importer, record, upstream } from "./support/Plugins"

const config = { baseUrl: "http://127.0.0.1:4000" }

for (const db of databases) {
  describe.skipIf(db.skip)(`pulls on ${db.name}`, () => {
    it.scoped("imports every page once, saving the cursor with the records", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(25, 10)
        const test = yield* TestHost.make(importer(source), { config })
        const first = yield* test.pull()
        expect(first).toMatchObject({ _tag: "Pulled", inserted: 10, duplicates: 0, more: true })
        expect(yield* test.cursor()).toEqual(Option.some("10"))
        yield* test.pull()
        const last = yield* test.pull()
        expect(last).toMatchObject({ _tag: "Pulled", inserted: 5, more: false })
        expect(source.calls).toEqual([Option.none(), Option.some("10"), Option.some("20")])
        const processed = yield* test.process
        expect(processed).toEqual({ succeeded: 25, retried: 0, dead: 0, refused: false })
        expect(test.recorded.incidents.map((entry) => entry.incident.recordId)).toEqual(source.records.map((r) => r.id))
        expect(test.recorded.incidents[0]?.incident).toMatchObject({ source: "incidents-api", municipality: "GJI" })
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a crash between the pull and the save re-pulls from the old cursor and loses nothing", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(20, 10)
        let crash = true
        const test = yield* TestHost.make(importer(source), {
          config,
          probe: {
            beforeCommit: () => (crash ? Effect.dieMessage("the process died") : Effect.void),
          },
        })
        const crashed = yield* test.pull()
        expect(crashed).toMatchObject({ _tag: "Failed", code: "store.failed" })
        expect(yield* test.cursor()).toEqual(Option.none())
        expect(yield* test.inbox).toEqual([])

        crash = false
        const resumed = yield* test.pull()
        expect(resumed).toMatchObject({ _tag: "Pulled", inserted: 10, duplicates: 0 })
        expect(source.calls).toEqual([Option.none(), Option.none()])
        yield* test.pull()
        yield* test.process
        expect(test.recorded.incidents).toHaveLength(20)
        expect(test.recorded.incidentCalls.every((call) => call.outcome === "created")).toBe(true)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a crash after the save resumes from the saved cursor: nothing is pulled twice", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(20, 10)
        let crash = true
        const test = yield* TestHost.make(importer(source), {
          config,
          probe: { afterCommit: () => (crash ? Effect.dieMessage("the process died") : Effect.void) },
        })
        expect((yield* test.pull())._tag).toBe("Failed")
        expect(yield* test.cursor()).toEqual(Option.some("10"))
        crash = false
        const next = yield* test.pull()
        expect(next).toMatchObject({ _tag: "Pulled", inserted: 10, duplicates: 0 })
        expect(source.calls).toEqual([Option.none(), Option.some("10")])
        expect(yield* test.inbox).toHaveLength(20)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("overlapping pages and re-delivered records are dropped as duplicates", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(30, 10)
        source.overlap = 3
        const test = yield* TestHost.make(importer(source), { config })
        expect(yield* test.pull()).toMatchObject({ inserted: 10, duplicates: 0 })
        expect(yield* test.pull()).toMatchObject({ inserted: 7, duplicates: 3 })
        // The same records arrive by webhook: stored once all the same.
        const answer = yield* test.webhook("POST", "/records", [record(0), record(5), record(40)])
        expect(answer.status).toBe(202)
        yield* test.process
        const rows = yield* test.inbox
        expect(rows).toHaveLength(18)
        expect(new Set(rows.map((row) => row.recordId)).size).toBe(18)
        expect(test.recorded.incidentCalls).toHaveLength(18)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("records out of order and repeated within one page are stored once, in arrival order", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(0, 10)
        source.records = [record(5), record(2), record(5), record(9), record(2)]
        const test = yield* TestHost.make(importer(source), { config })
        expect(yield* test.pull()).toMatchObject({ inserted: 3, duplicates: 2 })
        yield* test.process
        expect(test.recorded.incidents.map((entry) => entry.incident.recordId)).toEqual([
          record(5).id,
          record(2).id,
          record(9).id,
        ])
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("payloads are sealed at rest and deleted once every record of the batch is processed", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(3, 10)
        const test = yield* TestHost.make(importer(source), { config })
        yield* test.pull()
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const batches = yield* sql<{ payload: string }>`SELECT payload FROM plugin_inbox_batches`
        expect(batches).toHaveLength(1)
        expect(batches[0]?.payload).toMatch(/^v1\.test-current\./)
        expect(batches[0]?.payload).not.toContain("Krasniqi")
        const everything = JSON.stringify(yield* sql`SELECT * FROM plugin_inbox`)
        expect(everything).not.toContain("Krasniqi")
        yield* test.process
        expect(yield* sql`SELECT id FROM plugin_inbox_batches`).toEqual([])
        expect((yield* test.inbox).every((row) => row.status === "processed")).toBe(true)
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a pull that leaves the cursor out keeps the saved one", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const answers: Array<Hooks.PullResult> = [{ records: [], cursor: "7" }, { records: [] }]
        const plugin = definePlugin({
          manifest: {
            name: "@acme/plugin-cursor",
            version: "0.1.0",
            hostApi: "^0.1.0",
            config: Schema.Struct({}),
            capabilities: ["schedule:pull"],
          },
          setup: () => ({
            pulls: [{ name: "p", every: "5 minutes", run: () => Effect.succeed(answers.shift() ?? { records: [] }) }],
          }),
        })
        const test = yield* TestHost.make(plugin, { config: {} })
        yield* test.pull()
        expect(yield* test.cursor()).toEqual(Option.some("7"))
        expect(yield* test.pull()).toMatchObject({ _tag: "Pulled", inserted: 0 })
        expect(yield* test.cursor()).toEqual(Option.some("7"))
      }).pipe(Effect.provide(services(db))),
    )
  })
}
