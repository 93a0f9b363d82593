// The inbox processor, on SQLite and PostgreSQL: every record is applied
// through `process` at least once, retried with backoff on a transient
// failure, dead at once on a permanent one (a malformed record) or after the
// retry policy's attempts, and a replayed dead record is applied again.
import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, TestClock } from "effect"
import { TestHost } from "../src/testing"
import { databases, services, start } from "./support/Databases"
import { importer, record, upstream } from "./support/Plugins"

const config = { baseUrl: "http://127.0.0.1:4000" }
const retry = { maxAttempts: 2, initialDelay: Duration.seconds(30), factor: 2, maxDelay: Duration.minutes(5) }

for (const db of databases) {
  describe.skipIf(db.skip)(`inbox on ${db.name}`, () => {
    it.scoped("a malformed record is a dead letter at once; the others are applied", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const source = upstream(0)
        source.records = [record(1), { id: "PK-BAD-1" } as never, record(2)]
        const test = yield* TestHost.make(importer(source), { config, settings: { retry } })
        yield* test.pull()
        expect(yield* test.process).toEqual({ succeeded: 2, retried: 0, dead: 1, refused: false })
        expect(yield* test.deadLetters).toEqual([
          expect.objectContaining({ _tag: "DeadRecord", recordId: "PK-BAD-1", lastError: "record.malformed" }),
        ])
        // The dead record keeps its sealed payload (for a replay); the batch stays.
        expect((yield* test.inbox).map((row) => row.status)).toEqual(["processed", "dead", "processed"])
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("a refused capability call is retried with backoff, dead after the attempts, and replayable", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        let refuse = true
        const test = yield* TestHost.make(importer(upstream(1)), {
          config,
          settings: { retry },
          answers: {
            beforeIncident: () =>
              refuse ? Effect.fail(new Errors.Conflict({ entity: "Case", id: "c1", rule: "case.busy" })) : Effect.void,
          },
        })
        yield* test.pull()
        expect(yield* test.process).toMatchObject({ retried: 1 })
        expect((yield* test.inbox)[0]).toMatchObject({
          status: "pending",
          attempts: 1,
          lastError: "domain:conflict:case.busy",
        })
        yield* test.advance("29 seconds")
        expect(yield* test.process).toMatchObject({ retried: 0, dead: 0 })
        yield* test.advance("1 second")
        expect(yield* test.process).toMatchObject({ dead: 1 })
        const [letter] = yield* test.deadLetters
        if (letter?._tag !== "DeadRecord") throw new Error("expected a dead record")
        refuse = false
        expect(yield* test.replay(letter)).toBe(true)
        expect(yield* test.process).toMatchObject({ succeeded: 1 })
        expect(test.recorded.incidents).toHaveLength(1)
        expect(yield* test.deadLetters).toEqual([])
      }).pipe(Effect.provide(services(db))),
    )

    it.scoped("an invalid input from a capability is permanent: dead at once", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        const test = yield* TestHost.make(importer(upstream(1)), {
          config,
          answers: {
            beforeIncident: () =>
              Effect.fail(new Errors.InvalidInput({ field: "forms.0", rule: "case.incident.form.unknown" })),
          },
        })
        yield* test.pullAndProcess()
        expect((yield* test.inbox)[0]).toMatchObject({
          status: "dead",
          lastError: "domain:invalid-input:case.incident.form.unknown",
        })
      }).pipe(Effect.provide(services(db))),
    )
  })
}
